// SPDX-License-Identifier: MIT
// Verdicts in words: one plain sentence per verdict (explain). The only place
// in core that composes text about an estimate, so the arithmetic stays free of
// string work. (The thresholds a use case is judged by, classify(), live with
// the estimator in estimate.cpp.)

#include "estimate.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace llm {

namespace {

// Inserts thousands separators into the integer part of a formatted number.
std::string groupThousands(std::string s) {
    const std::size_t start = (!s.empty() && s[0] == '-') ? 1 : 0;
    std::size_t end = s.find('.');
    if (end == std::string::npos)
        end = s.size();
    for (std::size_t i = end; i > start + 3; i -= 3)
        s.insert(i - 3, 1, ',');
    return s;
}

std::string fixed(double v, int decimals) {
    if (!std::isfinite(v))
        v = 0;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s(buf);
    // "10.0" reads as noise next to "10": drop a zero fraction.
    if (decimals > 0 && s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0')
            s.pop_back();
        if (!s.empty() && s.back() == '.')
            s.pop_back();
    }
    if (s == "-0")
        s = "0";
    return groupThousands(s);
}

// Two significant decimals below 1, one below 100, none above.
std::string number(double v) {
    const double a = std::fabs(v);
    return fixed(v, a < 1 ? 2 : (a < 100 ? 1 : 0));
}

std::string count(double v) {
    return fixed(std::round(v), 0);
}

std::string duration(units::Seconds t) {
    const double s = units::inSeconds(t);
    if (s >= 2 * 3600)
        return number(s / 3600) + " h";
    if (s >= 120)
        return number(s / 60) + " min";
    return (s < 10 ? number(s) : count(s)) + " s";
}

std::string rate(units::TokenRate r) {
    return number(units::inTokensPerSecond(r)) + " tokens/s";
}

std::string gigabytes(units::Bytes b) {
    return fixed(units::inGigabytes(b), 1) + " GB";
}

std::string bandwidth(units::ByteRate r) {
    return number(units::inGigabytesPerSecond(r)) + " GB/s";
}

const char *where(Placement p) {
    switch (p) {
    case Placement::CpuOnly:
        return "on this CPU";
    case Placement::SingleGpu:
        return "on this GPU";
    case Placement::MultiGpuLayerSplit:
    case Placement::MultiGpuTensorParallel:
        return "on these GPUs";
    case Placement::HybridLayers:
    case Placement::HybridMoeExperts:
        return "split between GPU and CPU";
    case Placement::Unified:
        return "on the integrated GPU";
    }
    return "";
}

const char *memoryName(Placement p) {
    switch (p) {
    case Placement::CpuOnly:
        return "of RAM";
    case Placement::SingleGpu:
    case Placement::MultiGpuLayerSplit:
    case Placement::MultiGpuTensorParallel:
        return "of VRAM";
    case Placement::HybridLayers:
    case Placement::HybridMoeExperts:
        return "of VRAM and RAM together";
    case Placement::Unified:
        return "of memory the integrated GPU may use";
    }
    return "";
}

std::string limitedBy(Bottleneck b, const Estimate &e) {
    const BandwidthBreakdown &bw = e.bandwidth;
    switch (b) {
    case Bottleneck::RamSide:
        return "the RAM side (" + bandwidth(bw.ramSide) + ")";
    case Bottleneck::CpuFabric:
        return "the CPU fabric (" + bandwidth(bw.cpuSide) + ")";
    case Bottleneck::GpuMemory:
        return units::inGigabytesPerSecond(bw.gpu) > 0
                   ? "GPU memory bandwidth (" + bandwidth(bw.gpu) + ")"
                   : std::string("GPU memory bandwidth");
    case Bottleneck::Pcie:
        return "the PCIe link (" + bandwidth(bw.pcie) + ")";
    case Bottleneck::Compute:
        return "compute";
    case Bottleneck::Capacity:
        return "memory capacity";
    case Bottleneck::Overhead:
        return "fixed per-token overhead";
    }
    return "";
}

std::string idOf(const UseCaseVerdict &v) {
    return v.useCase->id.empty() ? "The use case" : v.useCase->id;
}

} // namespace

std::string explain(const UseCaseVerdict &v, const Estimate &e, const Thresholds &t) {
    const std::string id = idOf(v);
    const std::string prompt =
        "a " + count(units::inTokens(v.useCase->promptTokens)) + "-token prompt";
    switch (v.failed) {
    case FailedLimit::Capacity: {
        const MemoryBreakdown &m = e.memory;
        return id + " fails: the model needs " + gigabytes(m.total) + " (" + gigabytes(m.weights) +
               " weights, " + gigabytes(m.kvCache) + " KV cache, " + gigabytes(m.overhead) +
               " runtime overhead) but this build has " +
               gigabytes(m.ramAvailable + m.vramAvailable) + " " + memoryName(e.placement) + ".";
    }
    case FailedLimit::PrefillTime:
        return id + " fails: " + prompt + " takes " + duration(v.prefillTime) + " " +
               where(e.placement) + " (limited by " + limitedBy(v.bottleneck, e) +
               "); the limit is " + duration(t.maxPrefill) + ".";
    case FailedLimit::GenerationRate:
        return id + " fails: output comes at " + rate(v.generationRate) + ", limited by " +
               limitedBy(v.bottleneck, e) + "; at least " + rate(t.minGeneration) + " is needed.";
    case FailedLimit::None:
        break;
    }
    std::string s = id + " passes" + (v.borderline ? ", borderline" : "") + " (" +
                    toString(v.workflow) + "): " + prompt + " takes " + duration(v.prefillTime) +
                    " and output comes at " + rate(v.generationRate) + ", limited by " +
                    limitedBy(v.bottleneck, e);
    if (v.borderline)
        s += "; at the low end of the estimate's range it would fail";
    return s + ".";
}

} // namespace llm
