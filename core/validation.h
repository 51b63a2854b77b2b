// SPDX-License-Identifier: MIT
#pragma once
// The one feasibility check: whether a build can be estimated and put together as
// it stands. The build editor, scenario files, the recommender's candidate filter
// and the what-if analysis all ask checkBuild(); the platform limits come from
// platforms.csv (platform.h). Each problem names the field and says which limit.

#include "assumptions.h"
#include "catalog.h"
#include "hardware.h"
#include "platform.h"

#include <string>
#include <vector>

namespace llm {

struct Problem {
    std::string field;   // "memory.channels", "gpus[0].count", "cpu.cores", "power", ...
    std::string message; // "4 channels requested; AMD Ryzen 9 9950X has 2"
};

// Everything that keeps a build from being estimated or bought as it stands, in field
// order; empty = feasible.
// - cpu.*, gpus[i].*, integratedGpu.*: positive spec fields of the parts (cpuProblems,
//   gpuProblems), GPU counts of at least 1;
// - memory.channels: at least 1, at most the CPU's and the platform boards' channels;
// - memory.speed: positive, at most the CPU's rating, a speed grade of its memory type
//   (when the catalogue knows grades for it), at most the platform's two-DIMM speed when
//   the capacity needs two DIMMs per channel;
// - memory.capacity: positive, at most the CPU's and the platform's maximum, made of the
//   platform's DIMM sizes (the same size in every slot used, up to its DIMMs per channel);
// - gpus[i].model: a card the platform's slots take (no SXM/OAM module, no integrated GPU);
// - gpus[i].count: the GPUs up to this group fit the platform's slots and its lanes at
//   the platform's narrowest slot width each;
// - power: CPU + GPUs + platform at load (costOf) within the platform's largest PSU.
// The platform is rules.find(build.cpu); without one, only the CPU's own figures count.
std::vector<Problem> checkBuild(const Build &build, const Catalog &catalog,
                                const PlatformRules &rules, const Assumptions &assumptions);

// The parts' own spec fields (part of checkBuild): the recommender leaves out catalogue
// parts that fail them, since the editor would refuse every build with them.
std::vector<Problem> cpuProblems(const Cpu &cpu);
std::vector<Problem> gpuProblems(const Gpu &gpu, const std::string &field);

} // namespace llm
