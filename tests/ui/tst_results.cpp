// SPDX-License-Identifier: MIT
// What the results table says beside each estimate: the confidence band, the
// published measurement of the same device, the memory-fit parts, and which
// figures stand on an assumption the user overrode (table, matrix, report).
#include "../support/windowdata.h"
#include "builds/buildeditor.h"
#include "builds/modelpicker.h"
#include "catalogue.h"
#include "comparison/comparisondocument.h"
#include "measurements.h"
#include "report/reportpdf.h"
#include "results/memoryfit.h"
#include "results/resultspanel.h"
#include "results/roles.h"
#include "results/summarymodel.h"
#include "results/unitdelegate.h"
#include "results/usecasemodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

using namespace llm;
using namespace llm::ui;

class TestResults final : public QObject {
    Q_OBJECT

    Catalog m_catalog;
    Assumptions m_baseline;

    std::unique_ptr<ComparisonDocument> makeDocument() const {
        auto doc = std::make_unique<ComparisonDocument>(
            llm::testsupport::windowData(m_catalog, m_baseline));
        doc->reset(defaultState(m_catalog, m_baseline));
        return doc;
    }

    // The printed report's text, box by box.
    QString frontHtml(const ComparisonDocument &doc, SummaryModel &, UseCaseModel &) const {
        QString error;
        QStringList text;
        for (const report::PlacedBox &b :
             layoutReport(doc.state(), doc.referenceData(), &error).boxes)
            text << b.text;
        return text.join(u'\n');
    }

    static int rowNamed(const SummaryModel &model, const QString &name) {
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, SummaryModel::Name).data().toString() == name)
                return r;
        return -1;
    }

private slots:
    void initTestCase() {
        m_catalog = db::loadShippedCatalog();
        QString error;
        m_baseline = db::shippedAssumptions(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_catalog.presets.size() >= 3);
    }

    void speedsCarryTheirBand() {
        auto doc = makeDocument();
        SummaryModel model(doc.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.rowCount() > 0);
        for (int r = 0; r < model.rowCount(); ++r) {
            const Estimate &e = doc->results()[static_cast<std::size_t>(r)].estimate;
            for (int column : {int(SummaryModel::PromptRate), int(SummaryModel::GenerationRate)}) {
                const QString text = model.index(r, column).data(FormattedRole).toString();
                // "153 tok/s (115–191)": the figure, then the band in brackets.
                QVERIFY2(text.contains(QStringLiteral("tok/s (")) && text.endsWith(u')'),
                         qPrintable(text));
                const double low = units::inTokensPerSecond(
                    column == SummaryModel::PromptRate ? e.promptRateLow : e.generationRateLow);
                const double high = units::inTokensPerSecond(
                    column == SummaryModel::PromptRate ? e.promptRateHigh : e.generationRateHigh);
                const double mid = model.index(r, column).data().toDouble();
                QVERIFY(low <= mid && mid <= high);
                QVERIFY(low < high);
            }
        }
    }

    void measuredFiguresOnlyLikeWithLike() {
        auto doc = makeDocument();
        SummaryModel model(doc.get());
        // The shipped data hold only LocalScore averages (llamafile, nine scenarios)
        // for Qwen2.5-14B on these presets: not comparable with the headline
        // estimate, so nothing is shown beside it.
        QCOMPARE(doc->state().model.model.name, std::string("Qwen2.5-14B-Instruct"));
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(!model.index(r, SummaryModel::MeasuredGeneration).data(ValidRole).toBool());

        // Three runs of the first build's device: a llama.cpp pp512/tg128 run is
        // shown; a nine-scenario average and a llamafile run are not.
        const Build &first = doc->state().builds.front();
        const Estimate &e = doc->results().front().estimate;
        Measurement headline;
        headline.id = "T-1";
        headline.source = "https://example.org/run/1";
        headline.runtime = "llama.cpp";
        headline.build = first;
        headline.model = doc->state().model;
        headline.placement = e.placement;
        headline.promptRuns = {UseCase{"pp512", "", units::tokens(512), units::tokens(0)}};
        headline.generationRuns = {UseCase{"tg128", "", units::tokens(0), units::tokens(128)}};
        headline.generationTokS = 17.5;
        Measurement average = headline;
        average.id = "T-2";
        average.generationRuns.assign(9, UseCase{"s", "", units::tokens(4096), units::tokens(256)});
        average.generationTokS = 99.0;
        Measurement otherRuntime = headline;
        otherRuntime.id = "T-3";
        otherRuntime.runtime = "llamafile";
        otherRuntime.generationTokS = 55.0;
        doc->setMeasurements({headline, average, otherRuntime});

        const QModelIndex measured = model.index(0, SummaryModel::MeasuredGeneration);
        QVERIFY(measured.data(ValidRole).toBool());
        QCOMPARE(measured.data().toDouble(), 17.5);
        QVERIFY(measured.data(FormattedRole).toString().contains(QStringLiteral("1 result")));
        QVERIFY(measured.data(Qt::ToolTipRole).toString().contains(QStringLiteral("example.org")));
        // Other builds (other devices) get nothing.
        for (int r = 1; r < model.rowCount(); ++r) {
            if (doc->state().builds[static_cast<std::size_t>(r)].cpu.name == first.cpu.name)
                continue;
            const QModelIndex none = model.index(r, SummaryModel::MeasuredGeneration);
            QVERIFY(!none.data(ValidRole).toBool());
            QCOMPARE(none.data().toDouble(), 0.0);
        }
    }

    void memoryFitPartsAddUp() {
        auto doc = makeDocument();
        SummaryModel model(doc.get());
        for (int r = 0; r < model.rowCount(); ++r) {
            bool ok = false;
            const MemoryFit fit = memoryFitFromVariant(
                model.index(r, SummaryModel::MemoryNeeded).data(MemoryFitRole), &ok);
            QVERIFY(ok);
            const double needed = model.index(r, SummaryModel::MemoryNeeded).data().toDouble();
            QVERIFY(qAbs(fit.totalGb() - needed) < 1e-6 * std::max(1.0, needed));
            QVERIFY(fit.weightsGb > 0);
            const Estimate &e = doc->results()[static_cast<std::size_t>(r)].estimate;
            QCOMPARE(fit.fits, e.fits);
            QVERIFY(qAbs(fit.capacityGb() -
                         model.index(r, SummaryModel::MemoryAvailable).data().toDouble()) < 1e-6);
        }
        // Only the memory column has the bar.
        QVERIFY(!model.index(0, SummaryModel::Price).data(MemoryFitRole).isValid());
    }

    // Parts added in the catalogue editor can be picked at once, without a restart.
    void pickersFollowTheCatalogue() {
        auto doc = makeDocument();
        QWidget host;
        auto *editor = new BuildEditor(doc.get(), &host);
        auto *picker = new ModelPicker(doc.get(), &host);
        editor->setBuildIndex(0);
        auto *gpu = editor->findChild<QComboBox *>(QStringLiteral("gpu"));
        auto *cpu = editor->findChild<QComboBox *>(QStringLiteral("cpu"));
        QVERIFY(gpu && cpu);
        const QString newGpu = QStringLiteral("Quoted GPU 48GB");
        const QString newModel = QStringLiteral("House-Model-9B");
        QCOMPARE(gpu->findData(newGpu), -1);
        QCOMPARE(picker->modelCombo()->findData(newModel), -1);

        Catalog bigger = m_catalog;
        Gpu g = bigger.gpus.front();
        g.name = newGpu.toStdString();
        g.integrated = false;
        bigger.gpus.push_back(g);
        Model m = bigger.models.front();
        m.name = newModel.toStdString();
        bigger.models.push_back(m);
        const ComparisonState state = doc->state();
        doc->setCatalog(bigger, state);
        QVERIFY(gpu->findData(newGpu) >= 0);
        QVERIFY(picker->modelCombo()->findData(newModel) >= 0);
        // The current choices survive the refill.
        QCOMPARE(picker->modelCombo()->currentData().toString(),
                 QString::fromStdString(doc->state().model.model.name));
        QCOMPARE(cpu->currentData().toString(),
                 QString::fromStdString(doc->state().builds.front().cpu.name));
    }

    // With LLMADVISOR_SHOTS=DIR, a picture of the results table for a person to look at.
    void tablePicture() {
        const QString dir = qEnvironmentVariable("LLMADVISOR_SHOTS");
        if (dir.isEmpty())
            QSKIP("set LLMADVISOR_SHOTS=DIR for a picture of the table");
        auto doc = makeDocument();
        SummaryModel model(doc.get());
        SummaryTable table(&model);
        table.resize(2600, 420);
        table.view()->horizontalScrollBar()->setValue(0);
        QVERIFY(table.grab().save(dir + QStringLiteral("/results-table.png")));
    }

    void overridesAreMarkedWhereTheyAct() {
        auto doc = makeDocument();
        SummaryModel summary(doc.get());
        UseCaseModel useCases(doc.get());
        QAbstractItemModelTester tester(&useCases,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto anyMarked = [&] {
            for (int r = 0; r < summary.rowCount(); ++r)
                for (int c = 0; c < summary.columnCount(); ++c)
                    if (summary.index(r, c).data(OverriddenRole).toBool())
                        return true;
            for (int r = 0; r < useCases.rowCount(); ++r)
                for (int c = 0; c < useCases.columnCount(); ++c)
                    if (useCases.index(r, c).data(OverriddenRole).toBool())
                        return true;
            return false;
        };
        QVERIFY(!anyMarked()); // calibrated factors, seed thresholds: nothing is the user's

        // Override the efficiency factors of the first build's class only.
        const Estimate first = doc->results().front().estimate;
        Assumptions a = doc->state().assumptions;
        EfficiencyFactors f = first.factors;
        f.bandwidth *= 0.5;
        a.efficiencyByClass[first.hardwareClass.str()] = f;
        a.overridden.push_back("assumptions.efficiency." + first.hardwareClass.str());
        doc->setAssumptions(a, QStringLiteral("test"));
        QVERIFY(summary.index(0, SummaryModel::GenerationRate).data(OverriddenRole).toBool());
        QVERIFY(summary.index(0, SummaryModel::UseCasesPassed).data(OverriddenRole).toBool());
        QVERIFY(!summary.index(0, SummaryModel::RamBandwidth).data(OverriddenRole).toBool());
        QVERIFY(!summary.index(0, SummaryModel::Price).data(OverriddenRole).toBool());
        QVERIFY(summary.index(0, SummaryModel::GenerationRate)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(QStringLiteral("overridden")));
        QVERIFY(useCases.index(0, 0).data(OverriddenRole).toBool());
        // A build of another class is not touched by that override.
        for (int r = 0; r < summary.rowCount(); ++r) {
            const Estimate &e = doc->results()[static_cast<std::size_t>(r)].estimate;
            QCOMPARE(summary.index(r, SummaryModel::PromptRate).data(OverriddenRole).toBool(),
                     e.hardwareClass == first.hardwareClass);
        }
        // The report marks them and explains the mark.
        const QString html = frontHtml(*doc, summary, useCases);
        QVERIFY(html.contains(QStringLiteral(" *")));
        QVERIFY(html.contains(QStringLiteral("overrode")));

        // Thresholds: every verdict is touched, speeds are not.
        doc->undoStack()->undo();
        QVERIFY(!anyMarked());
        Assumptions t = doc->state().assumptions;
        t.thresholds.maxPrefill = units::seconds(20);
        doc->setAssumptions(t, QStringLiteral("test"));
        for (int r = 0; r < useCases.rowCount(); ++r)
            QVERIFY(useCases.index(r, 0).data(OverriddenRole).toBool());
        QVERIFY(!summary.index(0, SummaryModel::GenerationRate).data(OverriddenRole).toBool());
        QVERIFY(!frontHtml(*doc, summary, useCases).contains(QStringLiteral("This figure uses")));
        QVERIFY(frontHtml(*doc, summary, useCases).contains(QStringLiteral("This verdict uses")));
    }

    // A use-case cell says its verdict and what the build is fine for on two
    // lines; the delegate must keep the break (drawn raw, Qt's item text drops
    // a '\n' and shows "Meets the targetfine for live use").
    void useCaseCellsKeepTheirTwoLines() {
        auto doc = makeDocument();
        UseCaseModel useCases(doc.get());
        const QString text = useCases.index(0, 0).data(FormattedRole).toString();
        QVERIFY2(text.contains(u'\n'), qPrintable(text));
        QTableView view;
        view.setModel(&useCases);
        struct Probe final : UnitDelegate {
            using UnitDelegate::UnitDelegate;
            QString shown(const QModelIndex &index) const {
                QStyleOptionViewItem option;
                initStyleOption(&option, index);
                return option.text;
            }
        } probe(&view);
        const QString shown = probe.shown(useCases.index(0, 0));
        QVERIFY2(!shown.contains(u'\n'), qPrintable(shown));
        QCOMPARE(shown, QString(text).replace(u'\n', QChar::LineSeparator));
        // The columns are named by what the need is for; the code is in the tooltip.
        const UseCase &first = doc->state().useCases.front();
        const QString head = useCases.headerData(0, Qt::Horizontal).toString();
        QVERIFY2(head != QString::fromStdString(first.id), qPrintable(head));
        QVERIFY(!head.isEmpty());
        QVERIFY(useCases.headerData(0, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QString::fromStdString(first.id)));
    }
};

QTEST_MAIN(TestResults)
#include "tst_results.moc"
