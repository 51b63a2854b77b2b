// SPDX-License-Identifier: MIT
#pragma once
// A hand-made catalogue small enough that the right recommendation can be
// worked out by hand (see tst_recommend.cpp), plus the platform rules for it.

#include "assumptions.h"
#include "catalog.h"
#include "hardware.h"
#include "model.h"
#include "platform.h"
#include "units.h"
#include "workload.h"

#include <optional>
#include <string>

namespace llm::tiny {

using namespace llm::units;

// Desk A: 2 ch DDR5-5600, 1 CCD at FCLK 2.0 (64 GB/s fabric), 8 Zen 5 cores, 24 lanes, 100 W, 200
// USD.
inline Cpu cpu(const std::string &name, const std::string &socket, CpuFamily family, int channels,
               int ccds, int cores, int lanes, double tdpW, std::optional<double> usd) {
    Cpu c;
    c.name = name;
    c.vendor = "AMD";
    c.family = family;
    c.socket = socket;
    c.architecture = "zen5";
    c.cores = cores;
    c.threads = 2 * cores;
    c.baseClock = gigahertz(4.0);
    c.boostClock = gigahertz(5.0);
    c.ccds = ccds;
    c.fabricClock = gigahertz(2.0);
    c.memoryChannels = channels;
    c.maxMemory = gigabytes(channels * 64.0);
    c.memoryType = "DDR5";
    c.maxMemorySpeed = megatransfersPerSecond(5600);
    c.avx512 = true;
    c.avx512Bf16 = true;
    c.pcieLanes = lanes;
    c.pcieGen = 5;
    c.tdp = watts(tdpW);
    c.priceUsd = usd;
    return c;
}

inline Gpu gpu(const std::string &name, double vramGb, double gbs, double tflops, double tdpW,
               std::optional<double> usd) {
    Gpu g;
    g.name = name;
    g.vendor = "NVIDIA";
    g.segment = "consumer";
    g.architecture = "blackwell";
    g.vram = gigabytes(vramGb);
    g.bandwidth = gigabytesPerSecond(gbs);
    g.fp16Tensor = teraflopsPerSecond(tflops);
    g.tdp = watts(tdpW);
    g.pcieGen = 5;
    g.pcieLanes = 16;
    g.priceUsd = usd;
    return g;
}

inline Catalog catalog() {
    Catalog c;
    c.cpus = {
        cpu("Desk A", "D1", CpuFamily::Desktop, 2, 1, 8, 24, 100, 200.0),
        cpu("Work B", "W1", CpuFamily::Workstation, 4, 4, 16, 48, 300, 1500.0),
        // Cheaper than Desk A, but 4 lanes cannot take a GPU (x8 at least).
        cpu("Desk C", "D1", CpuFamily::Desktop, 2, 1, 8, 4, 100, 100.0),
    };
    c.gpus = {
        gpu("Small 16", 16, 500, 100, 200, 400.0),
        gpu("Big 32", 32, 1800, 400, 575, 2000.0),
        gpu("NoPrice 24", 24, 1000, 150, 300, std::nullopt),
    };
    c.memorySpeeds = {{"DDR5", megatransfersPerSecond(4800)},
                      {"DDR5", megatransfersPerSecond(5600)}};
    c.useCases = {UseCase{"S", "short", tokens(512), tokens(128)}};
    return c;
}

inline PlatformRules rules() {
    PlatformRule d;
    d.platform = "D1 board";
    d.socket = "D1";
    d.memoryChannels = 2;
    d.dimmsPerChannel = 1;
    d.maxCapacity = gigabytes(128);
    d.moduleSizes = {gigabytes(16), gigabytes(32), gigabytes(64)};
    d.gpuLanes = 16;
    d.x16Slots = 1;
    d.x8Slots = 1;
    d.psuLimit = watts(1000);
    d.minLanesPerGpu = 8;
    PlatformRule w = d;
    w.platform = "W1 board";
    w.socket = "W1";
    w.memoryChannels = 4;
    w.maxCapacity = gigabytes(256);
    w.gpuLanes = 48;
    w.x16Slots = 3;
    w.x8Slots = 0;
    w.psuLimit = watts(2000);
    return PlatformRules{{d, w}};
}

// Dense, 10e9 parameters at 8 bits per weight = 10 GB; Llama 3.1 8B's attention shape.
inline ModelChoice dense10GB() {
    ModelChoice m;
    m.model.name = "Toy-10B";
    m.model.paramsTotal = 10e9;
    m.model.paramsActive = 10e9;
    m.model.layers = 32;
    m.model.heads = 32;
    m.model.kvHeads = 8;
    m.model.headDim = 128;
    m.model.maxContext = 131072;
    m.model.attention = AttentionKind::Gqa;
    m.quant = {"Q8", 8.0};
    return m;
}

// MoE: 100e9 parameters, 10e9 active, 95e9 in routed experts; 8 bits per weight.
inline ModelChoice moe100GB() {
    ModelChoice m = dense10GB();
    m.model.name = "Toy-MoE-100B";
    m.model.paramsTotal = 100e9;
    m.model.paramsActive = 10e9;
    m.model.moe = true;
    m.model.expertsTotal = 64;
    m.model.expertsActive = 4;
    m.model.routedExpertParams = 95e9;
    return m;
}

} // namespace llm::tiny
