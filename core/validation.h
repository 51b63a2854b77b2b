// SPDX-License-Identifier: MIT
#pragma once
// Checks a build before it is estimated: what a user could pick that the
// platform cannot take. Each problem names the field and says why.

#include "hardware.h"

#include <string>
#include <vector>

namespace llm {

struct Problem {
    std::string field;    // "memory.channels", "gpus[0].count", "cpu.cores", ...
    std::string message;  // "4 channels requested; AMD Ryzen 9 9950X has 2"
};

// Channels 1..cpu.memoryChannels, speed > 0 and <= rated speed, capacity > 0 and
// <= the CPU's maximum, GPU counts >= 1 and within the CPU's PCIe lanes (x8 minimum
// per GPU), positive spec fields of explicit CPUs and GPUs.
std::vector<Problem> validateBuild(const Build &build);

} // namespace llm
