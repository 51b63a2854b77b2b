// SPDX-License-Identifier: MIT
// Hardware classes (keys of efficiency factors and error bands) and the stable
// identifiers used in JSON.

#include "classes_p.h"
#include "estimate.h"

#include <string_view>

namespace llm {

namespace {

// ASCII only: catalogue names are ASCII, and std::tolower would consult the locale.
char lowerAscii(char ch) {
    return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
}

void appendLower(std::string &out, std::string_view s) {
    for (char ch : s)
        out.push_back(lowerAscii(ch));
}

bool equalsIgnoringCase(std::string_view a, std::string_view lowerB) {
    if (a.size() != lowerB.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lowerAscii(a[i]) != lowerB[i])
            return false;
    return true;
}

void appendOr(std::string &out, std::string_view value, std::string_view fallback) {
    if (value.empty())
        out.append(fallback);
    else
        appendLower(out, value);
}

// "ampere (GA100)", "hopper (GH100)", "blackwell (GB100 x2)": the die code in
// brackets is G + a generation letter + 100.
bool isX100Die(std::string_view arch) {
    const std::size_t open = arch.find('(');
    if (open == std::string_view::npos || open + 5 > arch.size())
        return false;
    const std::string_view die = arch.substr(open + 1, 5);
    return (die[0] == 'G' || die[0] == 'g') && die.substr(2, 3) == "100";
}

} // namespace

namespace detail {

void hardwareClassInto(std::string &out, const Cpu &cpu) {
    out.assign("cpu-");
    appendOr(out, cpu.architecture, "unknown");
}

void hardwareClassInto(std::string &out, const Gpu &gpu, bool integrated) {
    if (integrated) {
        out.assign("unified-");
        appendOr(out, gpu.vendor, "unknown");
        return;
    }
    // Discrete GPUs: vendor and architecture, the architecture's first word
    // ("Ada Lovelace" -> ada, "rdna3 (Navi 31)" -> rdna3), so that RDNA2, RDNA3
    // and RDNA4 (or Ampere and Ada) get factors of their own.
    const std::string_view arch = gpu.architecture;
    const std::string_view generation = arch.substr(0, arch.find_first_of(" -_("));
    out.assign("gpu-");
    appendOr(out, gpu.vendor, "unknown");
    if (!generation.empty()) {
        out.push_back('-');
        appendLower(out, generation);
    }
    // NVIDIA's x100 dies (GV100, GA100, GH100, GB100) are the HBM datacenter
    // parts: another memory system, another host, another class than the
    // GeForce/workstation dies of the same generation ("Ampere consumer != A100").
    if (equalsIgnoringCase(gpu.vendor, "nvidia") && isX100Die(arch))
        out.append("-hbm");
}

void hardwareClassInto(std::string &out, const Build &build, Placement placement) {
    switch (placement) {
    case Placement::CpuOnly:
        hardwareClassInto(out, build.cpu);
        return;
    case Placement::SingleGpu:
    case Placement::MultiGpuLayerSplit:
    case Placement::MultiGpuTensorParallel:
        for (const GpuGroup &g : build.gpus)
            if (g.count > 0) {
                hardwareClassInto(out, g.gpu, g.gpu.integrated);
                return;
            }
        out.assign("gpu-unknown");
        return;
    case Placement::HybridLayers:
    case Placement::HybridMoeExperts:
        out.assign("hybrid");
        return;
    case Placement::Unified:
        if (build.integratedGpu)
            hardwareClassInto(out, *build.integratedGpu, true);
        else
            out.assign("unified-unknown");
        return;
    }
    out.assign("unknown");
}

} // namespace detail

std::string hardwareClass(const Cpu &cpu) {
    std::string s;
    detail::hardwareClassInto(s, cpu);
    return s;
}

std::string hardwareClass(const Gpu &gpu) {
    std::string s;
    detail::hardwareClassInto(s, gpu, gpu.integrated);
    return s;
}

std::string hardwareClass(const Build &build, Placement placement) {
    std::string s;
    detail::hardwareClassInto(s, build, placement);
    return s;
}

const char *toString(Placement placement) {
    switch (placement) {
    case Placement::CpuOnly:
        return "cpu";
    case Placement::SingleGpu:
        return "gpu";
    case Placement::MultiGpuLayerSplit:
        return "multi-gpu-layer-split";
    case Placement::MultiGpuTensorParallel:
        return "multi-gpu-tensor-parallel";
    case Placement::HybridLayers:
        return "hybrid";
    case Placement::HybridMoeExperts:
        return "hybrid-moe";
    case Placement::Unified:
        return "unified";
    }
    return "unknown";
}

const char *toString(Bottleneck bottleneck) {
    switch (bottleneck) {
    case Bottleneck::RamSide:
        return "ram-side";
    case Bottleneck::CpuFabric:
        return "cpu-fabric";
    case Bottleneck::GpuMemory:
        return "gpu-memory";
    case Bottleneck::Pcie:
        return "pcie";
    case Bottleneck::Compute:
        return "compute";
    case Bottleneck::Capacity:
        return "capacity";
    case Bottleneck::Overhead:
        return "overhead";
    }
    return "unknown";
}

const char *toString(WorkflowClass workflow) {
    switch (workflow) {
    case WorkflowClass::Interactive:
        return "interactive";
    case WorkflowClass::Background:
        return "background";
    case WorkflowClass::Offline:
        return "off-line";
    case WorkflowClass::NonViable:
        return "non-viable";
    }
    return "unknown";
}

const char *toString(FailedLimit limit) {
    switch (limit) {
    case FailedLimit::None:
        return "none";
    case FailedLimit::Capacity:
        return "capacity";
    case FailedLimit::PrefillTime:
        return "prefill-time";
    case FailedLimit::GenerationRate:
        return "generation-rate";
    }
    return "unknown";
}

} // namespace llm
