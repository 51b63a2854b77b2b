// SPDX-License-Identifier: MIT
// PDF export time: the whole report (layout, charts, What-if, PDF writing into
// memory) for a scenario, default the shipped 9-build seed comparison.
// Prints every run and the median. Usage: bench_report [scenario.json] [runs] [out.pdf]
// (out.pdf: the last run's PDF, to render and look at).
#include "catalogue.h"
#include "measurements.h"
#include "referencedata.h"
#include "report/reportpdf.h"
#include "scenario.h"

#include <QApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    const QString path = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                  : QStringLiteral(LLMADVISOR_SOURCE_DIR
                                                   "/resources/scenarios/seed-comparison.json");
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "error: %s: cannot be read\n", qPrintable(path));
        return 2;
    }
    const llm::db::ReferenceData data = llm::db::loadReferenceData(llm::db::loadShippedCatalog());
    const llm::Catalog &catalog = data.catalog;
    const auto parsed =
        llm::scenario::parseScenario(file.readAll(), catalog, llm::db::loadShippedPlatformRules(),
                                     llm::db::shippedAssumptions());
    if (!parsed.ok()) {
        std::fprintf(stderr, "error: %s\n", qPrintable(parsed.error.toLine()));
        return 2;
    }
    std::vector<double> ms;
    int pages = 0;
    qint64 bytes = 0;
    for (int i = 0; i < runs; ++i) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        QElapsedTimer timer;
        timer.start();
        if (!llm::ui::writeReportPdf(*parsed.scenario, data, &buffer, &error, &pages)) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return 1;
        }
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        bytes = buffer.size();
        if (argc > 3 && i + 1 == runs) {
            QFile out(QString::fromLocal8Bit(argv[3]));
            if (!out.open(QIODevice::WriteOnly) || out.write(buffer.data()) != bytes) {
                std::fprintf(stderr, "error: %s: cannot be written\n", argv[3]);
                return 1;
            }
        }
        std::printf("run %d: %.0f ms\n", i + 1, ms.back());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%zu builds, %d pages, %lld bytes; median of %d runs: %.0f ms\n",
                parsed.scenario->builds.size(), pages, static_cast<long long>(bytes), runs,
                ms[ms.size() / 2]);
    return 0;
}
