// SPDX-License-Identifier: MIT
// Live-update latency of the window: from an input's change (a memory-channel
// spin box) to the first tab's four charts repainted, for a comparison of 6
// builds (or as many as asked, up to the catalogue's presets); and the time to
// export the PDF report. Prints figures; never a timed test.
//
//   QT_QPA_PLATFORM=offscreen ./bench_gui_latency [iterations] [builds]
#include "builds/buildlistpanel.h"
#include "catalogue.h"
#include "charts/chartspanel.h"
#include "comparison/comparisondocument.h"
#include "mainwindow/dialogs.h"
#include "mainwindow/mainwindow.h"
#include "referencedata.h"

#include <QApplication>
#include <QChartView>
#include <QElapsedTimer>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace llm;
using namespace llm::ui;

namespace {
struct SilentDialogs final : Dialogs {
    QString openFileName(QWidget *, const QString &, const QString &) override { return {}; }
    QString saveFileName(QWidget *, const QString &, const QString &, const QString &) override {
        return {};
    }
    void error(QWidget *, const QString &, const QString &text) override {
        std::fprintf(stderr, "error: %s\n", qPrintable(text));
    }
    void information(QWidget *, const QString &, const QString &) override {}
    SaveChoice askSaveChanges(QWidget *, const QString &) override { return SaveChoice::Discard; }
};

// CPU time of this (the GUI) thread: what the update costs, less inflated than
// wall time when the shared machine is busy.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}
} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    const int iterations = argc > 1 ? std::max(10, std::atoi(argv[1])) : 200;
    const int wantedBuilds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 6;
    // As main() does: the catalogue with the calibrated baseline, the platform
    // rules and the published measurements.
    const Catalog catalog = db::loadShippedCatalog();
    MainWindow window(db::loadReferenceData(catalog), std::make_unique<SilentDialogs>());
    window.resize(1280, 720);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;

    // The first presets (six unless asked otherwise).
    ComparisonState state = window.document()->state();
    state.builds.resize(
        std::min<std::size_t>(static_cast<std::size_t>(wantedBuilds), state.builds.size()));
    window.document()->reset(state);
    const int builds = window.document()->buildCount();
    QCoreApplication::processEvents();

    std::vector<double> ms, setMs, eventMs, paintMs, cpuMs;
    ms.reserve(static_cast<std::size_t>(iterations));
    for (int i = 0; i < iterations; ++i) {
        const int b = i % builds;
        window.buildList()->setCurrentBuild(b);
        QCoreApplication::processEvents();
        auto *spin = window.findChild<QSpinBox *>(QStringLiteral("channels"));
        const int max = spin->maximum();
        const int next = spin->value() > 1 ? spin->value() - 1 : max;
        const double cpuStart = threadCpuMs();
        QElapsedTimer t;
        t.start();
        spin->setValue(next); // estimator, models, mappers, axes: synchronous
        const qint64 afterSet = t.nsecsElapsed();
        QCoreApplication::processEvents(); // deferred chart layout and scene updates
        const qint64 afterEvents = t.nsecsElapsed();
        for (int c = 0; c < ChartsPanel::GridCount; ++c)
            window.charts()->view(static_cast<ChartsPanel::Chart>(c))->viewport()->repaint();
        const qint64 end = t.nsecsElapsed();
        cpuMs.push_back(threadCpuMs() - cpuStart);
        ms.push_back(static_cast<double>(end) / 1e6);
        setMs.push_back(static_cast<double>(afterSet) / 1e6);
        eventMs.push_back(static_cast<double>(afterEvents - afterSet) / 1e6);
        paintMs.push_back(static_cast<double>(end - afterEvents) / 1e6);
    }
    std::printf("live update, %d builds, %d changes (channels spin box -> 4 charts repainted):\n",
                builds, iterations);
    std::printf("  median %.2f ms, p95 %.2f ms, max %.2f ms\n", percentile(ms, 0.5),
                percentile(ms, 0.95), percentile(ms, 1.0));

    std::printf("  GUI-thread CPU time: median %.2f ms, p95 %.2f ms (wall time above includes "
                "waiting for a core on a busy machine)\n",
                percentile(cpuMs, 0.5), percentile(cpuMs, 0.95));
    std::printf(
        "  medians: change handling %.2f ms, posted events (layout) %.2f ms, repaint %.2f ms\n",
        percentile(setMs, 0.5), percentile(eventMs, 0.5), percentile(paintMs, 0.5));

    QTemporaryDir dir;
    std::vector<double> pdf;
    int pages = 0;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        if (!window.exportPdf(dir.filePath(QStringLiteral("r.pdf")), &pages))
            return 1;
        pdf.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    std::printf("PDF export, %d builds, %d pages: median %.0f ms, max %.0f ms (5 runs)\n", builds,
                pages, percentile(pdf, 0.5), percentile(pdf, 1.0));
    return 0;
}
