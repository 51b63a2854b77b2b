// SPDX-License-Identifier: MIT
#include "format.h"

#include "decision.h"
#include "decisiontext.h"

#include <QCoreApplication>

#include <cmath>

namespace llm::ui::fmt {

namespace {
struct Fmt {
    Q_DECLARE_TR_FUNCTIONS(llm::ui::fmt)
};
} // namespace

QString number(double value, int decimals) {
    if (!std::isfinite(value))
        return Fmt::tr("n/a");
    if (decimals < 0) {
        const double a = std::abs(value);
        decimals = a >= 100 ? 0 : (a >= 10 ? 1 : 2);
    }
    return QLocale().toString(value, 'f', decimals);
}

QString withUnit(double value, const QString &unit, int decimals) {
    if (!std::isfinite(value))
        return Fmt::tr("n/a");
    return number(value, decimals) + QChar(0x00A0) + unit; // no-break space: never wrap a unit off
}

QString gbps(units::ByteRate rate) {
    return withUnit(units::inGigabytesPerSecond(rate), QStringLiteral("GB/s"), 1);
}

QString tokps(units::TokenRate rate) {
    return withUnit(units::inTokensPerSecond(rate), QStringLiteral("tok/s"));
}

QString gigabytes(units::Bytes bytes) {
    return withUnit(units::inGigabytes(bytes), QStringLiteral("GB"), 1);
}

QString seconds(units::Seconds s) {
    const double v = units::inSeconds(s);
    if (v >= 3600)
        return withUnit(v / 3600.0, QStringLiteral("h"), 1);
    if (v >= 120)
        return withUnit(v / 60.0, QStringLiteral("min"), 1);
    return withUnit(v, QStringLiteral("s"), v < 10 ? 2 : 1);
}

QString watts(units::Power p) {
    return withUnit(units::inWatts(p), QStringLiteral("W"), 0);
}

QString mts(units::TransferRate r) {
    return withUnit(units::inMegatransfersPerSecond(r), QStringLiteral("MT/s"), 0);
}

QString euros(double eur, int decimals) {
    if (decimals < 0)
        decimals = std::abs(eur) >= 100 ? 0 : 2;
    return Fmt::tr("%1 EUR").arg(QLocale().toString(eur, 'f', decimals));
}

QString price(const Build &build, const std::optional<double> &priceEur) {
    if (!priceEur)
        return Fmt::tr("price unknown");
    if (build.quotedPriceEur && *build.quotedPriceEur == *priceEur) {
        const bool whole = std::fabs(*priceEur - std::round(*priceEur)) < 1e-9;
        const QString eur = euros(*priceEur, whole ? 0 : 2);
        return build.quoteSource.empty()
                   ? Fmt::tr("%1 (quote)").arg(eur)
                   : Fmt::tr("%1 (quote: %2)").arg(eur, QString::fromStdString(build.quoteSource));
    }
    return Fmt::tr("≈ %1").arg(euros(roundEstimateEur(*priceEur), 0));
}

QString doesNotFit(const Estimate &e) {
    return Fmt::tr("does not fit — needs %1, has %2")
        .arg(withUnit(units::inGigabytes(e.memory.total), QStringLiteral("GB"), 0),
             withUnit(units::inGigabytes(e.memory.ramAvailable + e.memory.vramAvailable),
                      QStringLiteral("GB"), 0));
}

QString placement(Placement p) {
    switch (p) {
    case Placement::CpuOnly:
        return Fmt::tr("CPU (system RAM)");
    case Placement::SingleGpu:
        return Fmt::tr("GPU");
    case Placement::MultiGpuLayerSplit:
        return Fmt::tr("GPUs, layer split");
    case Placement::MultiGpuTensorParallel:
        return Fmt::tr("GPUs, tensor parallel");
    case Placement::HybridLayers:
        return Fmt::tr("Hybrid: layers in GPU and RAM");
    case Placement::HybridMoeExperts:
        return Fmt::tr("Hybrid: experts in RAM");
    case Placement::Unified:
        return Fmt::tr("Unified memory (iGPU)");
    }
    return {};
}

QString bottleneck(Bottleneck b) {
    switch (b) {
    case Bottleneck::RamSide:
        return Fmt::tr("RAM side (channels × MT/s)");
    case Bottleneck::CpuFabric:
        return Fmt::tr("CPU fabric (the cores' link to memory)");
    case Bottleneck::GpuMemory:
        return Fmt::tr("GPU memory");
    case Bottleneck::Pcie:
        return Fmt::tr("PCIe link");
    case Bottleneck::Compute:
        return Fmt::tr("Compute");
    case Bottleneck::Capacity:
        return Fmt::tr("Capacity: does not fit");
    case Bottleneck::Overhead:
        return Fmt::tr("Per-token overhead");
    }
    return {};
}

QString workflow(WorkflowClass w) {
    switch (w) {
    case WorkflowClass::Interactive:
        return Fmt::tr("interactive");
    case WorkflowClass::Background:
        return Fmt::tr("background");
    case WorkflowClass::Offline:
        return Fmt::tr("off-line");
    case WorkflowClass::NonViable:
        return Fmt::tr("non-viable");
    }
    return {};
}

QString family(CpuFamily f) {
    switch (f) {
    case CpuFamily::Desktop:
        return Fmt::tr("Desktop");
    case CpuFamily::Workstation:
        return Fmt::tr("Workstation");
    case CpuFamily::Server:
        return Fmt::tr("Server");
    case CpuFamily::Mobile:
        return Fmt::tr("Mobile");
    case CpuFamily::Other:
        return Fmt::tr("Other");
    }
    return {};
}

QString verdict(const UseCaseVerdict &v) {
    if (v.pass && v.borderline)
        return Fmt::tr("Could miss — ask for a benchmark");
    return v.pass ? Fmt::tr("Meets the target") : Fmt::tr("Too slow for live use");
}

QString needName(const UseCase &uc) {
    if (seedUseCaseTitle(uc))
        return scenario::needTitle(uc);
    const QString id = QString::fromStdString(uc.id);
    const QString what =
        QString::fromStdString(uc.description).section(QLatin1Char(','), 0, 0).trimmed();
    if (what.isEmpty())
        return id;
    return QString(id + QStringLiteral(" · ") + what);
}

QString workflowWords(WorkflowClass w, const Thresholds &t) {
    // "3 s", "5 min", "4 h": limits people set are round numbers.
    const auto seconds = [](units::Seconds d) {
        const double v = units::inSeconds(d);
        const auto plain = [](double x, const QString &unit) {
            const bool whole = std::fabs(x - std::round(x)) < 1e-9;
            return withUnit(x, unit, whole ? 0 : 1);
        };
        if (v >= 3600)
            return plain(v / 3600.0, QStringLiteral("h"));
        if (v >= 60)
            return plain(v / 60.0, QStringLiteral("min"));
        return plain(v, QStringLiteral("s"));
    };
    switch (w) {
    case WorkflowClass::Interactive:
        return Fmt::tr("fine for live use (answer starts within %1)")
            .arg(seconds(t.interactivePrefill));
    case WorkflowClass::Background:
        return Fmt::tr("fine as a background job of up to %1").arg(seconds(t.backgroundTotal));
    case WorkflowClass::Offline:
        return Fmt::tr("only as an overnight job of up to %1").arg(seconds(t.offlineTotal));
    case WorkflowClass::NonViable:
        return Fmt::tr("not usable: takes longer than %1").arg(seconds(t.offlineTotal));
    }
    return {};
}

} // namespace llm::ui::fmt
