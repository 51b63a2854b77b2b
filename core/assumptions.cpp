// SPDX-License-Identifier: MIT
#include "assumptions.h"

namespace llm {

namespace {

// Reused per thread so that the "class@runtime" key costs no allocation once
// warm: the recommender calls factorsFor() millions of times.
std::string &scratchKey(const std::string &hardwareClass, const std::string &runtime) {
    thread_local std::string key;
    key.assign(hardwareClass);
    key.push_back('@');
    key.append(runtime);
    return key;
}

template <class V>
const V *findClass(const std::map<std::string, V> &map, const std::string &hardwareClass,
                   const std::string &runtime) {
    if (map.empty())
        return nullptr;
    if (!runtime.empty()) {
        auto it = map.find(scratchKey(hardwareClass, runtime));
        if (it != map.end())
            return &it->second;
    }
    auto it = map.find(hardwareClass);
    return it != map.end() ? &it->second : nullptr;
}

} // namespace

bool isPriorClass(std::string_view c) {
    return c.substr(0, 10) == "gpu-prior-" || c.substr(0, 10) == "cpu-prior-";
}

const char *priorOfClass(std::string_view c) {
    auto startsWith = [c](std::string_view p) { return c.substr(0, p.size()) == p; };
    auto endsWith = [c](std::string_view p) {
        return c.size() >= p.size() && c.substr(c.size() - p.size()) == p;
    };
    if (isPriorClass(c))
        return "";
    // Apple's CPU clusters reach the unified memory through the same SoC fabric
    // in every M generation, and that fabric (not the GPU's published figure)
    // sets what a CPU-only run reads per second.
    if (startsWith("cpu-apple-"))
        return "cpu-prior-apple-soc";
    if ((startsWith("gpu-nvidia-") && endsWith("-hbm")) || startsWith("gpu-amd-cdna"))
        return "gpu-prior-hbm";
    if (startsWith("gpu-nvidia-") || c == "unified-nvidia")
        return "gpu-prior-tensor";
    if (startsWith("gpu-amd-rdna") || c == "unified-amd")
        return "gpu-prior-rdna";
    return "";
}

const EfficiencyFactors &Assumptions::factorsFor(const std::string &hardwareClass,
                                                 HardwareKind kind) const {
    if (const EfficiencyFactors *f = findClass(efficiencyByClass, hardwareClass, runtime))
        return *f;
    if (const char *prior = priorOfClass(hardwareClass); *prior && !efficiencyByClass.empty()) {
        thread_local std::string priorKey;
        priorKey.assign(prior);
        if (const EfficiencyFactors *f = findClass(efficiencyByClass, priorKey, runtime))
            return *f;
    }
    return defaultFactors(kind);
}

Band Assumptions::bandIn(const std::map<std::string, Band> &bands,
                         const std::string &hardwareClass) const {
    const Band *b = findClass(bands, hardwareClass, runtime);
    return b ? *b : defaultBand;
}

} // namespace llm
