// SPDX-License-Identifier: MIT
// Hardware classes (keys of efficiency factors and error bands) and the stable
// identifiers used in JSON.

#include "classes_p.h"
#include "estimate.h"
#include "text.h"

#include <array>
#include <initializer_list>
#include <string_view>

namespace llm {

using namespace std::string_view_literals;

namespace {

// ASCII only: catalogue names are ASCII, and std::tolower would consult the
// locale. A table: one load per character, and loops over short names that the
// compiler keeps simple (estimate() names a class per call).
constexpr std::array<char, 256> kLowerAscii = [] {
    std::array<char, 256> t{};
    for (int i = 0; i < 256; ++i)
        t[static_cast<std::size_t>(i)] =
            static_cast<char>(i >= 'A' && i <= 'Z' ? i - 'A' + 'a' : i);
    return t;
}();

char lowerAscii(char ch) {
    return kLowerAscii[static_cast<unsigned char>(ch)];
}

// Where an architecture's first word ends: space, hyphen, underscore, bracket.
constexpr std::array<bool, 256> kWordEnd = [] {
    std::array<bool, 256> t{};
    for (const char c : {' ', '-', '_', '('})
        t[static_cast<unsigned char>(c)] = true;
    return t;
}();

// "ampere (GA100)", "hopper (GH100)", "blackwell (GB100 x2)": the die code in
// brackets is G + a generation letter + 100. (A loop, not find(): a memchr call
// costs more than scanning a short architecture name.)
bool isX100Die(std::string_view arch) {
    std::size_t open = 0;
    while (open < arch.size() && arch[open] != '(')
        ++open;
    if (open == arch.size() || open + 5 > arch.size())
        return false;
    const std::string_view die = arch.substr(open + 1, 5);
    return (die[0] == 'G' || die[0] == 'g') && die.substr(2, 3) == "100";
}

// The architecture's first word: up to the first space, hyphen, underscore or
// bracket ("Ada Lovelace" -> Ada, "rdna3 (Navi 31)" -> rdna3).
std::string_view firstWord(std::string_view arch) {
    std::size_t n = 0;
    while (n < arch.size() && !kWordEnd[static_cast<unsigned char>(arch[n])])
        ++n;
    return arch.substr(0, n);
}

std::string_view orUnknown(std::string_view value) {
    return value.empty() ? "unknown"sv : value;
}

// `out` = the pieces joined and lower-cased. Built on the stack and assigned
// once: a fresh string allocates exactly once, a reused one (a scratch) or an
// estimate's inline field not at all. estimate() names a class per estimate, so
// this is on its hot path.
template <class Out> void assignLower(Out &out, std::initializer_list<std::string_view> pieces) {
    char buffer[96];
    std::size_t n = 0;
    for (std::string_view p : pieces)
        n += p.size();
    if (n > sizeof buffer) { // absurdly long catalogue text: no need to be quick
        std::string joined;
        for (std::string_view p : pieces)
            for (char ch : p)
                joined.push_back(lowerAscii(ch));
        out.assign(std::string_view(joined));
        return;
    }
    char *dst = buffer;
    for (std::string_view p : pieces)
        for (char ch : p)
            *dst++ = lowerAscii(ch);
    out.assign(std::string_view(buffer, n));
}

template <class Out> void classOf(Out &out, const Cpu &cpu) {
    assignLower(out, {"cpu-"sv, orUnknown(cpu.architecture)});
}

template <class Out> void classOf(Out &out, const Gpu &gpu, bool integrated) {
    if (integrated) {
        assignLower(out, {"unified-"sv, orUnknown(gpu.vendor)});
        return;
    }
    // Discrete GPUs: vendor and architecture, the architecture's first word, so
    // that RDNA2, RDNA3 and RDNA4 (or Ampere and Ada) get factors of their own.
    const std::string_view arch = gpu.architecture;
    const std::string_view generation = firstWord(arch);
    // NVIDIA's x100 dies (GV100, GA100, GH100, GB100) are the HBM datacenter
    // parts: another memory system, another host, another class than the
    // GeForce/workstation dies of the same generation ("Ampere consumer != A100").
    const bool hbm = equalsIgnoringCase(gpu.vendor, "nvidia") && isX100Die(arch);
    assignLower(out, {"gpu-"sv, orUnknown(gpu.vendor), generation.empty() ? ""sv : "-"sv,
                      generation, hbm ? "-hbm"sv : ""sv});
}

// The last class named on this thread for one kind of device, with what it was
// named from (a CPU's architecture; a GPU's vendor and architecture). Estimates
// come in runs on one build (every model for a build, what-if variants,
// headroom's steps): recognising the same texts costs a fraction of naming the
// class again. Any difference in the texts names it afresh.
struct LastClass {
    std::string vendor, architecture;
    InlineString<47> name;
    bool valid = false;

    bool matches(std::string_view v, std::string_view arch) const {
        return valid && detail::sameText(vendor, v) && detail::sameText(architecture, arch);
    }
    template <class Out> void remember(std::string_view v, std::string_view arch, const Out &out) {
        vendor.assign(v);
        architecture.assign(arch);
        name.assign(std::string_view(out));
        valid = true;
    }
};

template <class Out> void cpuClassOf(Out &out, const Cpu &cpu) {
    thread_local LastClass last;
    if (last.matches({}, cpu.architecture)) {
        out.assign(last.name.view());
        return;
    }
    classOf(out, cpu);
    last.remember({}, cpu.architecture, out);
}

template <class Out> void gpuClassOf(Out &out, const Gpu &gpu, bool integrated) {
    thread_local LastClass last[2]; // discrete, integrated
    LastClass &l = last[integrated ? 1 : 0];
    // An integrated GPU's class is named by its vendor alone.
    const std::string_view arch = integrated ? std::string_view() : gpu.architecture;
    if (l.matches(gpu.vendor, arch)) {
        out.assign(l.name.view());
        return;
    }
    classOf(out, gpu, integrated);
    l.remember(gpu.vendor, arch, out);
}

template <class Out> void classOf(Out &out, const Build &build, Placement placement) {
    switch (placement) {
    case Placement::CpuOnly:
        cpuClassOf(out, build.cpu);
        return;
    case Placement::SingleGpu:
    case Placement::MultiGpuLayerSplit:
    case Placement::MultiGpuTensorParallel:
        for (const GpuGroup &g : build.gpus)
            if (g.count > 0) {
                gpuClassOf(out, g.gpu, g.gpu.integrated);
                return;
            }
        out.assign("gpu-unknown"sv);
        return;
    case Placement::HybridLayers:
    case Placement::HybridMoeExperts:
        out.assign("hybrid"sv);
        return;
    case Placement::Unified:
        if (build.integratedGpu)
            gpuClassOf(out, *build.integratedGpu, true);
        else
            out.assign("unified-unknown"sv);
        return;
    }
    out.assign("unknown"sv);
}

} // namespace

namespace detail {

void hardwareClassInto(std::string &out, const Cpu &cpu) {
    classOf(out, cpu);
}

void hardwareClassInto(std::string &out, const Gpu &gpu, bool integrated) {
    classOf(out, gpu, integrated);
}

void hardwareClassInto(std::string &out, const Build &build, Placement placement) {
    classOf(out, build, placement);
}

void hardwareClassInto(decltype(Estimate::hardwareClass) &out, const Build &build,
                       Placement placement) {
    classOf(out, build, placement);
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
