// SPDX-License-Identifier: MIT
#pragma once
// The catalogue's presets as builds, for both parts of bench_estimator (the
// timing and --dump). A preset whose CPU the catalogue lacks is left out; a GPU
// it lacks is left out of its build.

#include "catalog.h"
#include "hardware.h"

#include <vector>

namespace llm::bench {

inline std::vector<Build> presetBuilds(const Catalog &catalog) {
    std::vector<Build> builds;
    for (const Preset &p : catalog.presets) {
        const auto cpu = findCpu(catalog, p.cpuName);
        if (!cpu)
            continue;
        Build b;
        b.name = p.name;
        b.cpu = *cpu.match;
        b.memory = p.memory;
        for (const PresetGpu &pg : p.gpus)
            if (const auto g = findGpu(catalog, pg.gpuName))
                b.gpus.push_back({*g.match, pg.count});
        builds.push_back(std::move(b));
    }
    return builds;
}

} // namespace llm::bench
