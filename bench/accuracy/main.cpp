// SPDX-License-Identifier: MIT
// bench_accuracy [measurements.csv] [--rows]
// Leave-one-device-out cross-validation of the calibrated estimator: per
// hardware class and phase the count, median absolute % error, 80th percentile
// and bias; overall figures; and how often the confidence bands (fitted without
// the device) hold the measurement. Also the plain roofline (one efficiency per
// class, no token overhead) for comparison.
#include "calibration.h"
#include "catalogue.h"
#include "measurements.h"
#include "validation_stats.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>
#include <map>

using namespace llm;

namespace {

void printTable(const std::vector<Residual> &cv) {
    std::printf("%-44s %-10s %5s %8s %8s %8s\n", "class", "phase", "n", "med|e|%", "p80|e|%",
                "bias%");
    for (const ErrorSummary &s : summarizeByClass(cv))
        std::printf("%-44s %-10s %5d %8.1f %8.1f %8.1f\n", s.hardwareClass.c_str(),
                    toString(s.phase), s.count, s.medianAbsErrorPct, s.p80AbsErrorPct, s.biasPct);
}

void printOverall(const char *label, const std::vector<Residual> &cv) {
    for (MeasuredPhase phase : {MeasuredPhase::Prompt, MeasuredPhase::Generation}) {
        const ErrorSummary s = summarize(cv, "all", phase);
        std::printf("%-34s %-10s n=%3d  median |error| %5.1f %%  p80 %5.1f %%  bias %+5.1f %%\n",
                    label, toString(phase), s.count, s.medianAbsErrorPct, s.p80AbsErrorPct,
                    s.biasPct);
    }
}

// The kind-and-vendor classes issue #17 judges by ("CPU AMD", "GPU NVIDIA",
// "unified Apple", ...), from the fine hardware class of a residual.
std::string kindAndVendor(const Residual &r) {
    const std::string &c = r.hardwareClass;
    const auto has = [&c](const char *s) { return c.find(s) != std::string::npos; };
    if (c.rfind("hybrid", 0) == 0)
        return "hybrid CPU+GPU";
    if (c.rfind("unified-", 0) == 0)
        return "unified " +
               c.substr(8, c.find('@') == std::string::npos ? std::string::npos : c.find('@') - 8);
    if (c.rfind("gpu-nvidia", 0) == 0)
        return "GPU NVIDIA";
    if (c.rfind("gpu-amd", 0) == 0)
        return "GPU AMD";
    if (c.rfind("gpu-intel", 0) == 0)
        return "GPU Intel";
    if (c.rfind("cpu-apple", 0) == 0)
        return "CPU Apple";
    if (c.rfind("cpu-zen", 0) == 0)
        return "CPU AMD";
    if (has("cove") || has("mont") || has("lake") || has("xeon"))
        return "CPU Intel";
    return r.kind == HardwareKind::Cpu ? "CPU other" : "GPU other";
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QString error;
    const Catalog catalog = db::loadShippedCatalog(&error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "catalogue: %s\n", qPrintable(error));
        return 1;
    }
    const bool fromFile = args.size() > 1 && !args.at(1).startsWith(u'-');
    const db::MeasurementSet set = fromFile ? db::loadMeasurementsFile(args.at(1), catalog, &error)
                                            : db::loadShippedMeasurements(catalog, &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "measurements: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("%zu measurements estimated, %zu skipped:\n", set.rows.size(), set.skipped.size());
    for (const db::SkippedMeasurement &s : set.skipped)
        std::printf("  skipped %s: %s\n", qPrintable(s.id), qPrintable(s.reason));

    QElapsedTimer timer;
    timer.start();
    CalibrationOptions options;
    const std::vector<Residual> cv = crossValidate(set.rows, Assumptions{}, options);
    const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;

    // Baseline: a plain roofline, one bandwidth and one compute efficiency per
    // hardware class, no per-token overhead.
    CalibrationOptions plain;
    plain.overheadGrid = {0};
    const std::vector<Residual> cvPlain = crossValidate(set.rows, Assumptions{}, plain);

    std::printf(
        "\nLeave-one-device-out cross-validation (%.1f s): error = (predicted - measured) / "
        "measured\n\n",
        seconds);
    printTable(cv);
    std::printf("\nBy kind and vendor:\n");
    std::vector<Residual> grouped = cv;
    for (Residual &r : grouped)
        r.hardwareClass = kindAndVendor(r);
    printTable(grouped);
    std::printf("\n");
    printOverall("calibrated model", cv);
    printOverall("plain roofline (no overhead term)", cvPlain);
    std::vector<Residual> trusted;
    for (const Residual &r : cv)
        if (!r.suspect)
            trusted.push_back(r);
    printOverall("calibrated, without SUSPECT-LOW rows", trusted);
    if (args.contains(QStringLiteral("--rows"))) {
        std::printf("\nEvery held-out prediction:\n");
        for (const Residual &r : cv)
            std::printf("  %-28s %-10s %-40s pred %9.2f meas %9.2f err %+7.1f %%%s\n", r.id.c_str(),
                        toString(r.phase), r.hardwareClass.c_str(), r.predicted, r.measured,
                        r.errorPct(), r.suspect ? " (suspect)" : "");
    }
    std::printf(
        "\nConfidence bands (80 %% target; fitted without the device they are checked on):\n");
    for (MeasuredPhase phase : {MeasuredPhase::Prompt, MeasuredPhase::Generation})
        std::printf("  %-10s coverage %.0f %% with pooled bands (shipped); %.0f %% with "
                    "kind/class bands (5+ residuals, classes from 3+ devices)\n",
                    toString(phase), 100.0 * bandCoverage(cv, phase),
                    100.0 * bandCoverage(cv, phase, 0.8, 5));
    return 0;
}
