// SPDX-License-Identifier: MIT
#pragma once
// Small explicit hardware and model values for the core tests, chosen so that
// every expected figure can be worked out by hand (see each test's comments).

#include "assumptions.h"
#include "estimate.h"
#include "hardware.h"
#include "model.h"
#include "units.h"
#include "workload.h"

#include <QMetaType>

#include <cmath>
#include <limits>
#include <string>

// Compares estimator enums by their stable names. Never QCOMPARE them directly:
// QTest finds llm::toString() by argument-dependent lookup and would delete[]
// the static string it returns when printing a failure.
#define COMPARE_ENUM(actual, expected)                                                             \
    QCOMPARE(QByteArray(llm::toString(actual)), QByteArray(llm::toString(expected)))

namespace llm::fixtures {

using namespace llm::units;

// Ryzen 5 7400F as the seed describes it: 6 Zen 4 cores, 1 CCD, FCLK 1.8 GHz, 2 ch DDR5-5200.
inline Cpu ryzen7400f() {
    Cpu c;
    c.name = "AMD Ryzen 5 7400F";
    c.vendor = "AMD";
    c.family = CpuFamily::Desktop;
    c.architecture = "zen4";
    c.cores = 6;
    c.threads = 12;
    c.baseClock = gigahertz(3.7);
    c.boostClock = gigahertz(4.7);
    c.ccds = 1;
    c.fabricClock = gigahertz(1.8);
    c.memoryChannels = 2;
    c.maxMemory = gigabytes(192);
    c.memoryType = "DDR5";
    c.maxMemorySpeed = megatransfersPerSecond(5200);
    c.avx512 = true;
    c.avx512Bf16 = true;
    c.pcieLanes = 24;
    c.pcieGen = 5;
    c.tdp = watts(65);
    c.priceUsd = 120.0;
    return c;
}

inline MemoryConfig dualDdr5(double mts, double gb) {
    return {2, megatransfersPerSecond(mts), gigabytes(gb)};
}

inline Gpu gpu(const std::string &name, double vramGb, double gbPerS, double tflops) {
    Gpu g;
    g.name = name;
    g.vendor = "NVIDIA";
    g.segment = "consumer";
    g.architecture = "ada";
    g.vram = gigabytes(vramGb);
    g.bandwidth = gigabytesPerSecond(gbPerS);
    g.fp16Tensor = teraflopsPerSecond(tflops);
    g.tdp = watts(300);
    g.pcieGen = 4;
    g.pcieLanes = 16;
    g.priceUsd = 1000.0;
    return g;
}

// A dense model with Llama 3.1 8B's attention shape (128 KiB of KV per token at
// f16) and 10e9 parameters, so that 8 bits per weight make exactly 10 GB.
inline ModelChoice dense10GB() {
    ModelChoice m;
    m.model.name = "Toy-10B";
    m.model.paramsTotal = 10e9;
    m.model.paramsActive = 10e9;
    m.model.layers = 32;
    m.model.heads = 32;
    m.model.kvHeads = 8;
    m.model.headDim = 128;
    m.model.attention = AttentionKind::Gqa;
    m.quant = {"Q8", 8.0};
    return m;
}

// MoE: 100e9 parameters, 10e9 active, 95e9 in routed experts: 5e9 always-read
// parameters plus 5e9 of routed experts per token; 8 bits per weight.
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

// Ideal hardware: no efficiency loss, so expected figures are the formulas themselves.
inline Assumptions ideal() {
    Assumptions a;
    a.defaultCpu = {1.0, 1.0, secondsPerToken(0), 0, {}};
    a.defaultGpu = {1.0, 1.0, secondsPerToken(0), 0, {}};
    a.defaultUnified = {1.0, 1.0, secondsPerToken(0), 0, {}};
    a.fabricLinkEfficiency = 1.0;
    a.runtimeOverhead = gigabytes(1);
    return a;
}

inline Workload workload(double prompt, double gen) {
    return Workload{{UseCase{"W", "test", tokens(prompt), tokens(gen)}}};
}

inline bool finite(double v) {
    return std::isfinite(v);
}

} // namespace llm::fixtures

Q_DECLARE_METATYPE(llm::Model)
Q_DECLARE_METATYPE(llm::ModelChoice)
Q_DECLARE_METATYPE(llm::Cpu)
Q_DECLARE_METATYPE(llm::Gpu)
Q_DECLARE_METATYPE(llm::Build)
Q_DECLARE_METATYPE(llm::Placement)
Q_DECLARE_METATYPE(llm::Bottleneck)
Q_DECLARE_METATYPE(llm::WorkflowClass)
Q_DECLARE_METATYPE(llm::FailedLimit)
