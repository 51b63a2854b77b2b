// SPDX-License-Identifier: MIT
// "At a glance" (issue 13): opened on any comparison, the window shows the
// decision summary at its top without scrolling at 1280 x 720, and what it
// shows is core's summary: the same builds in the same order, the same prices
// and price sources, the same badges and sentence; a red banner with the
// options only when no build meets every need.
#include "../support/windowdata.h"
#include "advisor/whatifwords.h"
#include "catalogue.h"
#include "comparison/comparisondocument.h"
#include "decision.h"
#include "decisiontext.h"
#include "fakedialogs.h"
#include "mainwindow/mainwindow.h"
#include "results/ataglance.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableWidget>
#include <QTest>

using namespace llm;
using namespace llm::ui;
using namespace Qt::StringLiterals;

class TestAtAGlance final : public QObject {
    Q_OBJECT

    Catalog m_catalog;
    PlatformRules m_rules;

    // Core's summary of what the window holds, computed here independently.
    DecisionSummary coreSummary(const ComparisonDocument &doc) const {
        std::vector<Estimate> estimates;
        for (const BuildResult &r : doc.results())
            estimates.push_back(r.estimate);
        DecisionInput in;
        in.builds = &doc.state().builds;
        in.estimates = &estimates;
        in.model = doc.state().model;
        in.workload.useCases = doc.state().useCases;
        in.workload.reservedContext = doc.state().reservedContext;
        in.assumptions = doc.state().assumptions;
        in.catalog = &doc.catalog();
        in.rules = &m_rules;
        in.searchCatalogue = false;
        return decide(in);
    }

    // True when `w` is shown and lies inside the window's central area.
    static bool seen(const QWidget *w, const QMainWindow &window) {
        if (!w->isVisibleTo(&window) || w->height() <= 0)
            return false;
        const QRect r(w->mapTo(&window, QPoint(0, 0)), w->size());
        return window.centralWidget()->geometry().contains(r);
    }

private slots:
    void initTestCase() {
        QString error;
        m_catalog = db::loadShippedCatalog(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_rules = db::loadShippedPlatformRules(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void matchesCoreWithoutScrolling_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("noneMeetsAll");
        const QString dir = QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/decision/");
        QTest::newRow("firm70b: some pass") << dir + u"firm70b.json"_s << false;
        QTest::newRow("failall: none pass") << dir + u"failall.json"_s << true;
        QTest::newRow("nofit: fits nowhere") << dir + u"nofit.json"_s << true;
        QTest::newRow("quotes") << dir + u"quotes.json"_s << false;
        QTest::newRow("seed: nine builds")
            << QStringLiteral(LLMADVISOR_SOURCE_DIR "/resources/scenarios/seed-comparison.json")
            << false;
    }

    void matchesCoreWithoutScrolling() {
        QFETCH(QString, file);
        QFETCH(bool, noneMeetsAll);
        MainWindow window(
            llm::testsupport::windowData(m_catalog, llm::testsupport::Baseline::Uncalibrated),
            std::make_unique<FakeDialogs>());
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(window.openFile(file), qPrintable(file));
        QCoreApplication::processEvents();
        QTest::qWait(50);

        AtAGlancePanel *panel = window.atAGlance();
        QVERIFY(panel);
        const DecisionSummary core = coreSummary(*window.document());
        QCOMPARE(core.noneMeetsAll(), noneMeetsAll);

        // The words: the sentence and the badges of core's summary.
        const QLocale locale;
        const ComparisonState &state = window.document()->state();
        QCOMPARE(panel->sentence()->text(),
                 scenario::decisionSentence(core, locale,
                                            WhatIfWords::fixWording(state.builds, state.model)));
        QVERIFY(!panel->sentence()->text().isEmpty());
        const QString badges = panel->badges()->text();
        for (const auto &badge : {core.cheapestMeetingAll, core.bestValue, core.mostHeadroom})
            if (badge)
                QVERIFY2(badges.contains(QString::fromStdString(core.builds[*badge].name)),
                         qPrintable(badges));
        if (!core.cheapestMeetingAll)
            QVERIFY(!badges.contains(u"Cheapest"_s));

        // One row per build, in the comparison's order, with core's price and source.
        QTableWidget *table = panel->table();
        QCOMPARE(table->rowCount(), static_cast<int>(core.builds.size()));
        for (int row = 0; row < table->rowCount(); ++row) {
            const BuildDecision &d = core.builds[static_cast<std::size_t>(row)];
            const QString name = table->item(row, AtAGlancePanel::BuildColumn)->text();
            QVERIFY2(name.endsWith(QString::fromStdString(d.name)), qPrintable(name));
            const QString price = table->item(row, AtAGlancePanel::PriceColumn)->text();
            QVERIFY2(price.startsWith(scenario::priceText(d.priceEur, d.priceSource, locale)),
                     qPrintable(price));
            if (d.priceSource == PriceSource::Quote && !d.priceNote.empty())
                QVERIFY(price.contains(QString::fromStdString(d.priceNote)));
            const QString needs = table->item(row, AtAGlancePanel::NeedsColumn)->text();
            if (!d.fits)
                QCOMPARE(needs, u"does not fit"_s);
            else
                QCOMPARE(needs, scenario::needsMetText(d, locale));
            const QString why = table->item(row, AtAGlancePanel::WhyColumn)->text();
            if (d.cheapestFix) {
                // The fix in words ("Add a second …"), with its price and the new total.
                const Build &before = state.builds[static_cast<std::size_t>(row)];
                QVERIFY2(why.contains(WhatIfWords::change(d.cheapestFix->change, before,
                                                          d.cheapestFix->build, state.model,
                                                          state.model)),
                         qPrintable(why));
                QVERIFY2(why.contains(scenario::priceText(d.cheapestFix->newTotalEur,
                                                          d.cheapestFix->newTotalSource, locale)),
                         qPrintable(why));
                QVERIFY(!why.contains(u"->"_s)); // no engineering shorthand
            }
        }

        // The banner: only when no build meets every need, with core's options.
        QCOMPARE(panel->banner()->isVisibleTo(&window), noneMeetsAll);
        if (noneMeetsAll)
            for (const QString &option : scenario::optionLines(core, locale))
                QVERIFY2(panel->bannerText()->text().contains(option), qPrintable(option));

        // Without scrolling at 1280 x 720: the panel, its sentence and every row.
        QVERIFY(seen(panel, window));
        QVERIFY(seen(panel->sentence(), window));
        QCOMPARE(table->verticalScrollBar()->maximum(), 0);
        const QRect viewport = table->viewport()->rect();
        for (int row = 0; row < table->rowCount(); ++row) {
            const QRect cell = table->visualRect(table->model()->index(row, 0));
            QVERIFY2(viewport.contains(cell), qPrintable(u"row %1 cut"_s.arg(row)));
        }
    }

    void followsEdits() {
        // A quote typed for a build reaches the panel at once, as a quote.
        MainWindow window(
            llm::testsupport::windowData(m_catalog, llm::testsupport::Baseline::Uncalibrated),
            std::make_unique<FakeDialogs>());
        ComparisonDocument *doc = window.document();
        QVERIFY(doc->buildCount() >= 2);
        Build b = doc->state().builds[1];
        b.quotedPriceEur = 2199;
        b.quoteSource = "Supplier X, 2026-12-01";
        QVERIFY(doc->updateBuild(1, b, u"quote"_s));
        const QString price =
            window.atAGlance()->table()->item(1, AtAGlancePanel::PriceColumn)->text();
        QVERIFY2(price.contains(u"(quote)"_s) && price.contains(u"Supplier X, 2026-12-01"_s),
                 qPrintable(price));
        QVERIFY(window.atAGlance()->summary().builds[1].priceSource == PriceSource::Quote);
        // Undo takes it back to the estimate.
        doc->undoStack()->undo();
        QVERIFY(window.atAGlance()->summary().builds[1].priceSource != PriceSource::Quote);
    }

    void heightFollowsWhatItShows() {
        // The height the window gives the panel follows its text, its rows, the banner
        // and the font (the panel keeps the last answer while they stay the same).
        MainWindow window(
            llm::testsupport::windowData(m_catalog, llm::testsupport::Baseline::Uncalibrated),
            std::make_unique<FakeDialogs>());
        AtAGlancePanel *panel = window.atAGlance();
        const QString dir = QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/decision/");
        QVERIFY(window.openFile(dir + u"firm70b.json"_s));
        QVERIFY(panel->banner()->isHidden());
        const int plain = panel->heightForWidth(900);
        const int plainHint = panel->sizeHint().height();
        QVERIFY(window.openFile(dir + u"failall.json"_s));
        QVERIFY(!panel->banner()->isHidden());
        const int withBanner = panel->heightForWidth(900);
        QVERIFY2(withBanner > plain, qPrintable(u"%1 / %2"_s.arg(withBanner).arg(plain)));
        QVERIFY(panel->sizeHint().height() > plainHint);
        QVERIFY(window.openFile(dir + u"firm70b.json"_s));
        QCOMPARE(panel->heightForWidth(900), plain);
        QCOMPARE(panel->sizeHint().height(), plainHint);
        QVERIFY(panel->heightForWidth(300) > plain); // narrower: the sentence wraps more
        QFont big = panel->font();
        big.setPointSizeF(big.pointSizeF() * 2);
        panel->setFont(big);
        QVERIFY(panel->heightForWidth(900) > plain);
    }

    void hiddenWithoutBuilds() {
        MainWindow window(
            llm::testsupport::windowData(m_catalog, llm::testsupport::Baseline::Uncalibrated),
            std::make_unique<FakeDialogs>());
        ComparisonDocument *doc = window.document();
        while (doc->buildCount() > 0)
            QVERIFY(doc->removeBuild(0));
        QVERIFY(!window.atAGlance()->isVisibleTo(&window));
    }
};

QTEST_MAIN(TestAtAGlance)
#include "tst_ataglance.moc"
