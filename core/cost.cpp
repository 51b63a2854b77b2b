// SPDX-License-Identifier: MIT
#include "cost.h"
#include "numeric.h"
#include "text.h"

#include <cmath>

namespace llm {

bool pricedAsSystem(const Cpu &cpu) {
    return cpu.family == CpuFamily::Mobile || equalsIgnoringCase(cpu.vendor, "Apple") ||
           cpu.unifiedBandwidth.has_value();
}

double platformAllowanceUsd(const Cpu &cpu, const Assumptions &a) {
    if (pricedAsSystem(cpu))
        return 0.0;
    switch (cpu.family) {
    case CpuFamily::Desktop:
        return a.platformUsdDesktop;
    case CpuFamily::Workstation:
        return a.platformUsdWorkstation;
    case CpuFamily::Server:
        return a.platformUsdServer;
    case CpuFamily::Mobile:
        return 0.0;
    case CpuFamily::Other:
        return a.platformUsdOther;
    }
    return a.platformUsdOther;
}

CostSummary costOf(const Build &build, units::TokenRate generationRate, const Assumptions &a) {
    CostSummary c;

    // Price: every part must have one, or there is no price at all.
    bool complete = build.cpu.priceUsd.has_value() && std::isfinite(*build.cpu.priceUsd);
    double usd = complete ? *build.cpu.priceUsd : 0.0;
    for (const GpuGroup &g : build.gpus) {
        if (g.count <= 0)
            continue;
        if (!g.gpu.priceUsd || !std::isfinite(*g.gpu.priceUsd)) {
            complete = false;
            break;
        }
        usd += g.count * *g.gpu.priceUsd;
    }
    if (complete && !pricedAsSystem(build.cpu)) {
        usd += units::inGigabytes(build.memory.capacity) * a.memoryUsdPerGb;
        usd +=
            build.platformPriceUsd ? *build.platformPriceUsd : platformAllowanceUsd(build.cpu, a);
    } else if (complete && build.platformPriceUsd) {
        usd += *build.platformPriceUsd;
    }
    if (complete && std::isfinite(usd) && usd >= 0)
        c.priceEur = usd * a.eurPerUsd;
    if (build.quotedPriceEur && std::isfinite(*build.quotedPriceEur) && *build.quotedPriceEur >= 0)
        c.priceEur = *build.quotedPriceEur; // the user's quote wins over the estimate

    // Power at load: CPU + discrete GPUs + the rest of the platform.
    units::Power power = units::watts(0);
    if (finitePositive(build.cpu.tdp.value()))
        power += build.cpu.tdp;
    for (const GpuGroup &g : build.gpus)
        if (g.count > 0 && finitePositive(g.gpu.tdp.value()))
            power += static_cast<double>(g.count) * g.gpu.tdp;
    if (finitePositive(a.platformPower.value()))
        power += a.platformPower;
    c.powerAtLoad = power;

    const double rate = units::inTokensPerSecond(generationRate);
    if (finitePositive(rate)) {
        if (c.priceEur)
            c.eurPerTokenPerSecond = *c.priceEur / rate;
        c.energyPerToken = power / generationRate;
        const double joulesPerToken = units::inWatts(power) / rate;
        c.electricityEurPerMillionTokens =
            units::inKilowattHours(units::joules(joulesPerToken * 1e6)) * a.electricityEurPerKwh;
    }
    return c;
}

} // namespace llm
