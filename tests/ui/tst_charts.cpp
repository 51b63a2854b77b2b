// SPDX-License-Identifier: MIT
// The charts people read in a meeting: every build named (tag and full name) on
// every chart's axis or legend, in one top-to-bottom order (A first); each
// target on its own chart; the chosen model marked; the bandwidth chart on the
// Engineering detail tab; print colours that stay apart; the glossary; and
// "unknown" instead of 0 for a catalogue field nobody filled.
#include "../support/windowdata.h"
#include "builds/buildeditor.h"
#include "catalogue.h"
#include "charts/chartlegend.h"
#include "charts/chartspanel.h"
#include "charts/chartstyle.h"
#include "comparison/comparisondocument.h"
#include "fakedialogs.h"
#include "mainwindow/glossarydialog.h"
#include "mainwindow/mainwindow.h"
#include "memory.h"
#include "results/resultspanel.h"
#include "results/roles.h"
#include "results/sizecurvemodel.h"
#include "results/summarymodel.h"
#include "results/usecasemodel.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QFontMetricsF>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QSet>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QValueAxis>

#include <algorithm>

#include <memory>

using namespace llm;
using namespace llm::ui;

namespace {

// The build texts a reader sees on a chart, top to bottom: the category axis
// (bars are drawn bottom-up, so reversed; the use-case axis is drawn reversed),
// else the legend's entries.
QStringList buildTextsTopToBottom(QChart *chart) {
    for (QAbstractAxis *axis : chart->axes(Qt::Vertical)) {
        if (auto *bars = qobject_cast<QBarCategoryAxis *>(axis)) {
            QStringList out;
            for (const QString &c : bars->categories())
                out.prepend(plainLabel(c));
            return out;
        }
        if (auto *cats = qobject_cast<QCategoryAxis *>(axis)) {
            QStringList out;
            for (const QString &c : cats->categoriesLabels())
                out << plainLabel(c);
            if (!cats->isReverse())
                std::reverse(out.begin(), out.end());
            return out;
        }
    }
    ChartLegend *legend = ChartLegend::of(chart);
    return legend ? legend->texts() : QStringList();
}

} // namespace

class TestCharts final : public QObject {
    Q_OBJECT

    Catalog m_catalog;
    std::unique_ptr<MainWindow> m_window;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        m_catalog = db::loadShippedCatalog(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void init() {
        m_window = std::make_unique<MainWindow>(
            llm::testsupport::windowData(m_catalog, llm::testsupport::Baseline::Uncalibrated),
            std::make_unique<FakeDialogs>());
        m_window->resize(1280, 720);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->document()->buildCount() >= 9);
    }
    void cleanup() { m_window.reset(); }

    void tagsRunAToZThenAA() {
        QCOMPARE(buildTag(0), QStringLiteral("A"));
        QCOMPARE(buildTag(8), QStringLiteral("I"));
        QCOMPARE(buildTag(25), QStringLiteral("Z"));
        QCOMPARE(buildTag(26), QStringLiteral("AA"));
        QCOMPARE(buildTag(27), QStringLiteral("AB"));
    }

    void namesWrapNeverCut_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("width");
        QTest::newRow("short") << "Desktop: Ryzen 9 9950X" << 24;
        QTest::newRow("long") << "Workstation: Threadripper 7970X + 2x RTX PRO 6000" << 24;
        QTest::newRow("one long word") << "Supercalifragilistic-build-name-without-spaces" << 10;
        QTest::newRow("markup") << "Build <b> & \"co\"" << 8;
    }
    void namesWrapNeverCut() {
        QFETCH(QString, name);
        QFETCH(int, width);
        const QString label = chartBuildLabel(QStringLiteral("C"), name, width);
        QVERIFY(!label.contains(QChar(0x2026)));
        QCOMPARE(plainLabel(label), QStringLiteral("C · ") + name);
        for (const QString &line : label.split(QStringLiteral("<br>")))
            QVERIFY2(!line.contains(QLatin1Char(' ')) || plainLabel(line).size() <= width,
                     qPrintable(line));
    }

    // Screen (the window's charts) and print (the report's), for every chart.
    void everyChartNamesEveryBuildInOneOrder_data() {
        QTest::addColumn<int>("chart");
        QTest::addColumn<bool>("print");
        const char *names[] = {"answer starts", "writing speed", "needs met", "model size",
                               "bandwidth"};
        for (int c = 0; c < ChartsPanel::ChartCount; ++c) {
            QTest::newRow(names[c]) << c << false;
            const QByteArray printRow = QByteArray(names[c]) + " print";
            QTest::newRow(printRow.constData()) << c << true;
        }
    }
    void everyChartNamesEveryBuildInOneOrder() {
        QFETCH(int, chart);
        QFETCH(bool, print);
        std::unique_ptr<QChart> made;
        QChart *c = m_window->charts()->chart(static_cast<ChartsPanel::Chart>(chart));
        if (print) {
            made.reset(ChartsPanel::create(static_cast<ChartsPanel::Chart>(chart),
                                           m_window->document(), m_window->summaryModel(),
                                           m_window->useCaseModel(), m_window->sizeModel(),
                                           ChartStyle{ChartMode::Print}));
            c = made.get();
        }
        const QStringList texts = buildTextsTopToBottom(c);
        const auto &builds = m_window->document()->state().builds;
        QVERIFY2(texts.size() >= static_cast<qsizetype>(builds.size()),
                 qPrintable(texts.join(QLatin1Char('|'))));
        // Build i is the i-th text from the top, with its tag and its full name.
        for (std::size_t i = 0; i < builds.size(); ++i) {
            const QString want = buildTag(static_cast<int>(i)) + QStringLiteral(" · ") +
                                 QString::fromStdString(builds[i].name);
            QCOMPARE(texts[static_cast<qsizetype>(i)], want);
        }
    }

    // The tables use the same tags in the same order.
    void tablesUseTheSameTags() {
        for (QAbstractItemModel *m :
             {static_cast<QAbstractItemModel *>(m_window->summaryModel()),
              static_cast<QAbstractItemModel *>(m_window->useCaseModel())}) {
            for (int r = 0; r < m->rowCount(); ++r) {
                QCOMPARE(m->headerData(r, Qt::Vertical, BuildTagRole).toString(), buildTag(r));
                QVERIFY(m->headerData(r, Qt::Vertical).toString().startsWith(buildTag(r)));
            }
        }
        SizeCurveModel *sizes = m_window->sizeModel();
        for (int b = 1; b < sizes->columnCount(); ++b)
            QVERIFY(sizes->headerData(b, Qt::Horizontal)
                        .toString()
                        .startsWith(buildTag(b - 1) + QStringLiteral(" · ")));
    }

    // Nine builds at 1280x720: each bar chart row has room for a two-line label, so Qt
    // drops none (it used to drop every other one).
    void nineBuildsLeaveRoomForEveryLabel() {
        m_window->tabs()->setCurrentIndex(0);
        QCoreApplication::processEvents();
        const int rows = m_window->document()->buildCount();
        for (auto which :
             {ChartsPanel::AnswerStart, ChartsPanel::WritingSpeed, ChartsPanel::UseCases}) {
            QChart *c = m_window->charts()->chart(which);
            QAbstractAxis *axis = c->axes(Qt::Vertical).value(0);
            QVERIFY(axis);
            // The tallest label: Qt drops a category label that overlaps its neighbour.
            QStringList labels;
            if (auto *bars = qobject_cast<QBarCategoryAxis *>(axis))
                labels = bars->categories();
            else if (auto *cats = qobject_cast<QCategoryAxis *>(axis))
                labels = cats->categoriesLabels();
            QCOMPARE(labels.size(), rows);
            qsizetype lines = 1;
            for (const QString &l : labels)
                lines = std::max(lines, l.count(QStringLiteral("<br>")) + 1);
            const QFontMetricsF fm(axis->labelsFont());
            const qreal perRow = c->plotArea().height() / rows;
            QVERIFY2(perRow >= static_cast<qreal>(lines) * fm.lineSpacing(),
                     qPrintable(QStringLiteral("chart %1: %2 px per build, a %3-line label "
                                               "needs %4")
                                    .arg(which)
                                    .arg(perRow)
                                    .arg(lines)
                                    .arg(static_cast<qreal>(lines) * fm.lineSpacing())));
        }
    }

    // Each target on its own chart, at its own value.
    void targetsOnTheirOwnChart() {
        const Thresholds &t = m_window->document()->state().assumptions.thresholds;
        struct Case {
            ChartsPanel::Chart chart;
            double target;
            QString words;
        };
        const QList<Case> cases = {
            {ChartsPanel::AnswerStart, units::inSeconds(t.maxPrefill), QStringLiteral("within")},
            {ChartsPanel::WritingSpeed, units::inTokensPerSecond(t.minGeneration),
             QStringLiteral("about reading speed")},
            {ChartsPanel::Size, units::inTokensPerSecond(t.minGeneration),
             QStringLiteral("about reading speed")},
        };
        for (const Case &k : cases) {
            QChart *c = m_window->charts()->chart(k.chart);
            auto *line = c->findChild<QLineSeries *>(QStringLiteral("targetLine"));
            if (!line) {
                for (QAbstractSeries *s : c->series())
                    if (s->objectName() == QStringLiteral("targetLine"))
                        line = qobject_cast<QLineSeries *>(s);
            }
            QVERIFY(line);
            QCOMPARE(line->count(), 2);
            const QPointF p = line->at(0);
            QCOMPARE(k.chart == ChartsPanel::Size ? p.y() : p.x(), k.target);
            QVERIFY(ChartLegend::of(c)->texts().join(QLatin1Char('|')).contains(k.words));
        }
        // The two bar charts: no second value axis (one scale per chart).
        for (auto which : {ChartsPanel::AnswerStart, ChartsPanel::WritingSpeed})
            QCOMPARE(m_window->charts()->chart(which)->axes(Qt::Horizontal).size(), 1);
    }

    // An edit redraws only the curves that moved, but every curve stays equal to
    // the model's column, and a new target moves the target line although no
    // curve changed.
    void editedChartsPaintLikeNewOnes() {
        // After an edit that relabels every chart (a build renamed, a new target), the
        // window's charts look exactly like those of a window opened on the edited
        // comparison: nothing stale (caching the text items' pictures, tried for speed,
        // left unchanged labels blank after a relabel).
        const auto grabs = [](MainWindow &window) {
            QList<QImage> out;
            for (int c = 0; c < ChartsPanel::GridCount; ++c)
                out << window.charts()
                           ->view(static_cast<ChartsPanel::Chart>(c))
                           ->viewport()
                           ->grab()
                           .toImage();
            return out;
        };
        ComparisonDocument *doc = m_window->document();
        const QList<QImage> before = grabs(*m_window);
        QVERIFY(doc->renameBuild(0, QStringLiteral("Renamed build with a longer name")));
        Assumptions a = doc->state().assumptions;
        a.thresholds.minGeneration = units::tokensPerSecond(7.5);
        doc->setAssumptions(a, QStringLiteral("target"));
        QCoreApplication::processEvents();
        const QList<QImage> edited = grabs(*m_window);

        MainWindow fresh(
            llm::testsupport::windowData(m_catalog, llm::testsupport::Baseline::Uncalibrated),
            std::make_unique<FakeDialogs>());
        fresh.document()->reset(doc->state());
        fresh.resize(m_window->size());
        fresh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fresh));
        QCoreApplication::processEvents();
        const QList<QImage> expected = grabs(fresh);
        for (int c = 0; c < ChartsPanel::GridCount; ++c) {
            QVERIFY2(edited[c] != before[c], qPrintable(QString::number(c)));
            QVERIFY2(edited[c] == expected[c], qPrintable(QString::number(c)));
        }
    }

    void sizeChartFollowsEditsAndTargets() {
        ComparisonDocument *doc = m_window->document();
        QChart *c = m_window->charts()->chart(ChartsPanel::Size);
        SizeCurveModel *sizes = m_window->sizeModel();
        const auto curvesMatchTheModel = [&] {
            int checked = 0;
            for (QAbstractSeries *s : c->series()) {
                auto *line = qobject_cast<QLineSeries *>(s);
                if (!line || !s->objectName().isEmpty())
                    continue; // the target and chosen-model lines
                const int column = checked + 1;
                if (line->count() != sizes->rowCount())
                    return false;
                for (int r = 0; r < sizes->rowCount(); ++r)
                    if (line->at(r).y() != sizes->index(r, column).data().toDouble())
                        return false;
                ++checked;
            }
            return checked == doc->buildCount();
        };
        QVERIFY(curvesMatchTheModel());
        // Build B with half its memory channels (and half the memory, so that
        // the platform still takes it): its curve moves, the others stay.
        const auto curve = [&](int column) {
            std::vector<double> v;
            for (int r = 0; r < sizes->rowCount(); ++r)
                v.push_back(sizes->index(r, column).data().toDouble());
            return v;
        };
        Build b = doc->state().builds[1];
        QVERIFY(b.memory.channels > 1);
        const std::vector<double> curveA = curve(1);
        const std::vector<double> curveB = curve(2);
        b.memory.channels /= 2;
        b.memory.capacity = b.memory.capacity / 2.0;
        QString refused;
        QVERIFY2(doc->updateBuild(1, b, QStringLiteral("fewer channels"), 0, &refused),
                 qPrintable(refused));
        QVERIFY(curve(2) != curveB); // the edited build's curve moved ...
        QCOMPARE(curve(1), curveA);  // ... the others did not
        QVERIFY(curvesMatchTheModel());
        // A new target: no curve changes, the line must still move.
        Assumptions a = doc->state().assumptions;
        a.thresholds.minGeneration = units::tokensPerSecond(7.5);
        doc->setAssumptions(a, QStringLiteral("target"));
        QLineSeries *target = nullptr;
        for (QAbstractSeries *s : c->series())
            if (s->objectName() == QStringLiteral("targetLine"))
                target = qobject_cast<QLineSeries *>(s);
        QVERIFY(target);
        QCOMPARE(target->at(0).y(), 7.5);
        QVERIFY(curvesMatchTheModel());
    }

    void sizeChartMarksTheChosenModel() {
        const ComparisonState &s = m_window->document()->state();
        QChart *c = m_window->charts()->chart(ChartsPanel::Size);
        QLineSeries *chosen = nullptr;
        for (QAbstractSeries *series : c->series())
            if (series->objectName() == QStringLiteral("chosenModelLine"))
                chosen = qobject_cast<QLineSeries *>(series);
        QVERIFY(chosen);
        QCOMPARE(chosen->count(), 2);
        QCOMPARE(chosen->at(0).x(), units::inGigabytes(weightBytes(s.model)));
        const QString legend = ChartLegend::of(c)->texts().join(QLatin1Char('|'));
        QVERIFY2(legend.contains(QStringLiteral("your model: ") +
                                 QString::fromStdString(s.model.model.name)),
                 qPrintable(legend));
        // The speed axis is cut near the target, so the region around it is readable.
        for (QAbstractAxis *axis : c->axes(Qt::Vertical)) {
            auto *values = qobject_cast<QValueAxis *>(axis);
            QVERIFY(values);
            QVERIFY(values->max() <=
                    6 * units::inTokensPerSecond(s.assumptions.thresholds.minGeneration));
        }
    }

    // Print: colours and dashes both differ between the nine builds' lines, and the
    // four verdict markers differ in shape; "not computed" is not a verdict's shape.
    void printKeepsSeriesApart() {
        const ChartStyle print{ChartMode::Print};
        for (int i = 0; i < 9; ++i) {
            for (int j = i + 1; j < 9; ++j) {
                const QPen a = print.seriesPen(i), b = print.seriesPen(j);
                QVERIFY2(a.color() != b.color() || a.style() != b.style(),
                         qPrintable(QStringLiteral("%1 and %2 look the same").arg(i).arg(j)));
            }
            QVERIFY(print.seriesColor(i) != QColor(Qt::white));
            QVERIFY(print.seriesColor(i).saturation() > 0 || print.seriesColor(i).value() < 200);
        }
        std::unique_ptr<QChart> chart(ChartsPanel::create(
            ChartsPanel::UseCases, m_window->document(), m_window->summaryModel(),
            m_window->useCaseModel(), m_window->sizeModel(), print));
        const auto entries = ChartLegend::of(chart.get())->entries();
        QCOMPARE(entries.size(), 4);
        QSet<int> shapes;
        for (const auto &e : entries)
            shapes.insert(static_cast<int>(e.swatch));
        QCOMPARE(shapes.size(), 4);
        // Fail is a filled box in print too, not an empty one.
        QVERIFY(print.verdictColor(static_cast<int>(Verdict::Fail)) != QColor(Qt::white));
    }

    void engineeringTabHoldsTheBandwidthChart() {
        QTabWidget *tabs = m_window->tabs();
        int engineering = -1;
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->tabText(i).remove(QLatin1Char('&')) == QStringLiteral("Engineering detail"))
                engineering = i;
        QVERIFY(engineering > 0);
        QChartView *bandwidth = m_window->charts()->view(ChartsPanel::Bandwidth);
        QVERIFY(tabs->widget(engineering)->isAncestorOf(bandwidth));
        QVERIFY(!tabs->widget(0)->isAncestorOf(bandwidth));
        // The first tab's charts are what people feel: no bandwidth among them.
        for (int c = 0; c < ChartsPanel::GridCount; ++c)
            QVERIFY(!m_window->charts()
                         ->chart(static_cast<ChartsPanel::Chart>(c))
                         ->title()
                         .contains(QStringLiteral("bandwidth"), Qt::CaseInsensitive));
        tabs->setCurrentIndex(engineering);
        QCoreApplication::processEvents();
        QVERIFY(bandwidth->isVisible());
        // The plain table shows no bandwidth column; the engineering table does.
        auto *plain = m_window->findChild<QTableView *>(QStringLiteral("summaryTable"));
        auto *eng = m_window->findChild<QTableView *>(QStringLiteral("engineeringTable"));
        QVERIFY(plain && eng);
        for (int c : {SummaryModel::RamBandwidth, SummaryModel::CpuBandwidth,
                      SummaryModel::SystemBandwidth, SummaryModel::Bottleneck}) {
            QVERIFY(plain->isColumnHidden(c));
            QVERIFY(!eng->isColumnHidden(c));
        }
        for (int c : {SummaryModel::Price, SummaryModel::GenerationRate, SummaryModel::PromptRate,
                      SummaryModel::FitsInMemory})
            QVERIFY(!plain->isColumnHidden(c));
    }

    void plainWordsInTheTable() {
        SummaryModel *m = m_window->summaryModel();
        const auto title = [m](int c) { return m->headerData(c, Qt::Horizontal).toString(); };
        QVERIFY(title(SummaryModel::GenerationRate).startsWith(QStringLiteral("Writing speed")));
        QVERIFY(title(SummaryModel::PromptRate).startsWith(QStringLiteral("Reading speed")));
        QCOMPARE(title(SummaryModel::FitsInMemory), QStringLiteral("Fits in memory"));
        QCOMPARE(m->index(0, SummaryModel::FitsInMemory).data(FormattedRole).toString(),
                 QStringLiteral("yes"));
    }

    void unknownCatalogueValuesSayUnknown() {
        ComparisonState state = m_window->document()->state();
        state.builds[0].cpu.pcieLanes = 0; // the catalogue field is empty
        state.builds[0].cpu.name += " (test)";
        m_window->document()->reset(state);
        m_window->buildEditor()->setBuildIndex(0);
        auto *facts = m_window->buildEditor()->findChild<QLabel *>(QStringLiteral("cpuFacts"));
        QVERIFY(facts);
        QVERIFY2(!facts->text().contains(QStringLiteral("0 PCIe")), qPrintable(facts->text()));
        QVERIFY2(facts->text().contains(QStringLiteral("PCIe lanes: unknown")),
                 qPrintable(facts->text()));
    }

    void glossaryIsSearchable_data() {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QString>("hidden");
        QTest::newRow("plain term") << "writing"
                                    << "Writing speed"
                                    << "CCD (chiplet)";
        QTest::newRow("case and words") << "READING speed"
                                        << "Reading speed"
                                        << "Price";
        QTest::newRow("in the explanation") << "chiplets"
                                            << "CCD (chiplet)"
                                            << "Writing speed";
        QTest::newRow("nothing") << "zzzz"
                                 << ""
                                 << "Writing speed";
    }
    void glossaryIsSearchable() {
        QFETCH(QString, search);
        QFETCH(QString, shown);
        QFETCH(QString, hidden);
        auto *action = m_window->findChild<QAction *>(QStringLiteral("glossary"));
        QVERIFY(action);
        action->trigger();
        auto *dialog = m_window->findChild<GlossaryDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->shownTerms().size() > 20);
        dialog->searchField()->setText(search);
        if (!shown.isEmpty())
            QVERIFY(dialog->shownTerms().contains(shown));
        else
            QVERIFY(dialog->shownTerms().isEmpty());
        QVERIFY(!dialog->shownTerms().contains(hidden));
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
