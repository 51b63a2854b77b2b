// SPDX-License-Identifier: MIT
#pragma once
// Hardware value types: CPU, memory population, GPU, and a build made of them.
// Core's value types compare member by member (defaulted operator==), so a new
// member is compared without anyone updating a list.

#include "dataorigin.h"
#include "units.h"

#include <optional>
#include <string>
#include <vector>

namespace llm {

enum class CpuFamily { Desktop, Workstation, Server, Mobile, Other };

struct Cpu {
    std::string name;   // vendor's full name, e.g. "AMD Ryzen 9 9950X"
    std::string vendor; // "AMD", "Intel", "Apple", ...
    CpuFamily family = CpuFamily::Other;
    std::string socket;       // "AM5", "sTR5", "SP5", ...
    std::string architecture; // "zen4", "zen5", "zen3", "sapphire-rapids", "apple-m2", ...
    int cores = 0;
    int threads = 0;
    units::Frequency baseClock{};
    units::Frequency boostClock{};
    units::Bytes l3Cache{};
    // CPU chiplets. 0 = monolithic die (APU, Intel, Apple): the fabric term of
    // the bandwidth formula does not apply at all.
    int ccds = 0;
    // Fabric links per CCD: 1 = 32 B per FCLK cycle (seed formula), 2 = GMI-Wide
    // (64 B per cycle, measured on EPYC 9355P; see shared/data/hardware.md).
    int fabricLinksPerCcd = 1;
    units::Frequency fabricClock{}; // FCLK
    int memoryChannels = 0;         // 64-bit-equivalent channels
    units::Bytes maxMemory{};
    std::string memoryType;               // "DDR5", "LPDDR5X", "DDR4"
    units::TransferRate maxMemorySpeed{}; // vendor-rated, 1 DIMM per channel
    bool avx512 = false;
    bool avx512Bf16 = false;
    bool amx = false; // Intel AMX tiles (Sapphire Rapids and later)
    int pcieLanes = 0;
    int pcieGen = 5;
    units::Power tdp{};
    std::optional<double> priceUsd; // launch / list price (money, not a physical quantity)
    // On sale new as of the catalogue's date (false: only used or old stock).
    // Unknown counts as on sale: the rules never hide a part for lack of data.
    bool soldNew = true;
    // Soldered unified memory (Apple, Strix Halo, DGX Spark): the platform's
    // published bandwidth, when it is not simply channels x 8 B x MT/s.
    std::optional<units::ByteRate> unifiedBandwidth;
    std::string source;
    std::string asOf;                           // date the row was checked, ISO 8601
    std::vector<std::string> approximateFields; // cells marked '~' in the data
    DataOrigin origin = DataOrigin::Shipped;    // set from the user's catalogue layer

    bool operator==(const Cpu &) const = default;
};

// How the memory slots are populated.
struct MemoryConfig {
    int channels = 0;
    units::TransferRate speed{};
    units::Bytes capacity{};

    bool operator==(const MemoryConfig &) const = default;
};

struct Gpu {
    std::string name;         // "NVIDIA GeForce RTX 5090"
    std::string vendor;       // "NVIDIA", "AMD", "Intel", "Apple"
    std::string segment;      // "consumer", "workstation", "datacenter", "integrated"
    std::string architecture; // "blackwell", "ada", "ampere", "rdna3", "apple-m2", ...
    units::Bytes vram{};
    units::ByteRate bandwidth{};
    units::FlopRate fp16Tensor{}; // dense FP16 tensor throughput (FP16 accumulate)
    units::Power tdp{};
    int pcieGen = 4;
    int pcieLanes = 16;
    bool nvlink = false;
    // Integrated / unified-memory GPU: it has no VRAM of its own and reads system RAM.
    bool integrated = false;
    // How the card is mounted: "pcie" (add-in card), "sxm" / "oam" (modules for a
    // vendor baseboard), "integrated" (part of its CPU); empty = unknown.
    std::string formFactor;
    bool soldNew = true; // as Cpu::soldNew
    std::optional<double> priceUsd;
    std::string source;
    std::string asOf;
    std::vector<std::string> approximateFields;
    DataOrigin origin = DataOrigin::Shipped; // set from the user's catalogue layer

    bool operator==(const Gpu &) const = default;
};

struct GpuGroup {
    Gpu gpu;
    int count = 1;

    bool operator==(const GpuGroup &) const = default;
};

enum class MultiGpuMode {
    LayerSplit,     // llama.cpp default: one stream's bandwidth does not add up
    TensorParallel, // row split / TP: bandwidth roughly adds up
};

struct Build {
    std::string name;
    Cpu cpu;
    MemoryConfig memory;
    std::vector<GpuGroup> gpus;          // discrete GPUs
    std::optional<Gpu> integratedGpu;    // iGPU reading system RAM (unified placement)
    double unifiedGpuMemoryShare = 0.75; // share of RAM the iGPU may use (user setting)
    MultiGpuMode multiGpuMode = MultiGpuMode::LayerSplit;
    std::optional<double> platformPriceUsd; // board, PSU, case, storage; family default when empty
    // The user's quote for the whole build (EUR): overrides the estimate from
    // catalogue prices wherever a price is shown or used (costOf).
    std::optional<double> quotedPriceEur;
    std::string quoteSource; // who quoted and when, e.g. "Supplier X, 2026-12-01"
    // The user's free text (a supplier's quote, a delivery date): printed in the
    // report beside the build, never an input to the estimate.
    std::string notes;

    bool operator==(const Build &) const = default;
};

int gpuCount(const Build &build);
units::Bytes totalVram(const Build &build);

// The GPU's matrix-multiply peak in the units the estimator's compute
// efficiencies are fitted in: the catalogue's FP16 figure, except for AMD RDNA,
// whose figure counts what llama.cpp's kernels do not use. Per compute unit and
// clock an RDNA CU has 64 FP32 lanes: packed FP16 FMA gives 256 FLOP. The
// vendor figure is that rate on RDNA2 (no matrix units); on RDNA3/3.5 it is the
// dual-issue / WMMA rate, 512 FLOP/clk/CU (7900 XTX: 96 CU x 2.5 GHz x 512 =
// 122.8 TFLOPS); on RDNA4 the WMMA rate, 1024 FLOP/clk/CU (9070 XT: 64 CU x
// 2.97 GHz x 1024 = 194.6). llama.cpp's quantized matrix kernels on these cards
// (ROCm MMQ, Vulkan's shaders) run on the vector ALUs without dual issue, so the
// peak they can use is the packed-FP16 rate: the figure x 1, x 1/2, x 1/4.
// Every other GPU: the figure as listed. See docs/estimator.md.
units::FlopRate usableMatrixPeak(const Gpu &gpu);

// The share of its listed tensor rate an NVIDIA card can hold within its board
// power during a long prompt: 1 when its listed TFLOPS per watt are at most
// its architecture's flagship's (a GeForce flagship, or the SXM module for the
// x100 dies), else sqrt(flagship's TFLOPS/W / the card's). A card that lists
// more FLOPs per watt than the flagship (L40S, RTX 6000 Ada, L4, H100 PCIe)
// cannot hold its boost clock under tensor load: its clock drops until the
// power fits. Dynamic power grows with clock x voltage^2, so the clock falls
// with the cube root of the power short (voltage scaling with clock) down to
// linearly (at the voltage floor); the square root is the middle of those two
// limits, a prior, not fitted. Other vendors and unknown figures: 1. Used by
// usableMatrixPeak. See docs/estimator.md, item 11.
double boardPowerShare(const Gpu &gpu);

} // namespace llm
