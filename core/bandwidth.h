// SPDX-License-Identifier: MIT
#pragma once
// Memory and link bandwidth formulas (seed document, corrected per shared/data/hardware.md).

#include "hardware.h"
#include "units.h"

namespace llm {

// BW_RAM = channels x 8 B x MT/s
units::ByteRate ramSideBandwidth(int channels, units::TransferRate speed);
// BW_CPU = CCDs x 32 B x links per CCD x FCLK; zero when ccds == 0 (no fabric term)
units::ByteRate cpuSideBandwidth(const Cpu &cpu);
// min(BW_RAM, BW_CPU), or BW_RAM alone for monolithic dies; unified-memory parts
// with a published figure use the smaller of that and BW_RAM.
units::ByteRate systemBandwidth(const Cpu &cpu, const MemoryConfig &memory);
// One direction of a PCIe link: gen 3 = 0.985 GB/s per lane, doubling each generation.
units::ByteRate pcieBandwidth(int generation, int lanes);

} // namespace llm
