// SPDX-License-Identifier: MIT
// The advisor in the window: Find builds (worker-thread sweep, results that
// really pass, add to the comparison with undo, cancel without partial results,
// bad input and the empty state), the What if tab against core whatIfs/headroom,
// and the report's "What if and headroom" section.
#include "../support/windowdata.h"
#include "advisor/findbuildsdialog.h"
#include "advisor/recommendationmodel.h"
#include "advisor/recommendrunner.h"
#include "advisor/whatifmodels.h"
#include "advisor/whatifpanel.h"
#include "builds/buildlistpanel.h"
#include "catalogue.h"
#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "fakedialogs.h"
#include "mainwindow/mainwindow.h"
#include "measurements.h"
#include "results/roles.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace llm;
using namespace llm::ui;

namespace {
constexpr int kSweepTimeoutMs = 120'000; // a loaded 2-core machine; one sweep takes ~0.2 s
const char *kModel = "Qwen3-30B-A3B";
} // namespace

class TestAdvisorPanel final : public QObject {
    Q_OBJECT

private:
    Catalog m_catalog;
    Assumptions m_baseline;
    std::unique_ptr<MainWindow> m_window;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

    void tester(QAbstractItemModel *m) {
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            m, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }

    // The dialog set to: kModel at the comparison's quantization, UC1 and UC2, `budget`.
    FindBuildsDialog *restrictiveDialog(double budget) {
        FindBuildsDialog *d = m_window->showFindBuilds();
        d->modelCombo()->setCurrentText(QString::fromLatin1(kModel));
        for (QCheckBox *b : d->useCaseBoxes())
            b->setChecked(b->text() == QLatin1String("UC1") || b->text() == QLatin1String("UC2"));
        d->budgetBox()->setValue(budget);
        d->wattsBox()->setValue(0);
        d->topBox()->setValue(6);
        return d;
    }

    // On request (LLMADVISOR_SCREENSHOT_DIR), a picture of the dialog to look at.
    static void saveScreenshot(QWidget *w, const QString &name) {
        if (!qEnvironmentVariableIsSet("LLMADVISOR_SCREENSHOT_DIR"))
            return;
        QTest::qWait(100); // let the layout follow the new texts
        w->grab().save(qEnvironmentVariable("LLMADVISOR_SCREENSHOT_DIR") + name);
    }

    static bool waitFinished(QSignalSpy &spy) {
        return QTest::qWaitFor([&] { return spy.count() > 0; }, kSweepTimeoutMs) &&
               spy.count() == 1;
    }

private slots:
    void initTestCase() {
        QString error;
        m_catalog = db::loadShippedCatalog(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_baseline = db::shippedAssumptions(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(findModel(m_catalog, kModel));
    }

    void init() {
        m_window = std::make_unique<MainWindow>(llm::testsupport::windowData(m_catalog, m_baseline),
                                                std::make_unique<FakeDialogs>());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_testers.clear();
    }

    void cleanup() {
        m_testers.clear();
        m_window.reset();
    }

    void findBuildsPassAndAddUndoably() {
        FindBuildsDialog *d = restrictiveDialog(3000);
        tester(d->pricedModel());
        tester(d->unpricedModel());
        QSignalSpy done(d->runner(), &RecommendRunner::finished);
        QVERIFY2(d->run(), qPrintable(d->statusText()));
        QVERIFY(!d->run()); // a second run is refused while one is going
        QVERIFY(waitFinished(done));
        QCOMPARE(done.first().first().toBool(), false);

        const RecommendRequest &req = d->runner()->request();
        QCOMPARE(req.workload.useCases.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(req.model.model.name), QString::fromLatin1(kModel));
        RecommendationModel *priced = d->pricedModel();
        QVERIFY2(priced->rowCount() > 0, qPrintable(d->statusText()));
        QVERIFY(priced->rowCount() <= 6);
        const Assumptions &a = m_window->document()->state().assumptions;
        double lastPrice = 0;
        for (int row = 0; row < priced->rowCount(); ++row) {
            const Recommendation &r = priced->at(row);
            // Re-estimated here, independently of the sweep: every chosen use case passes.
            const Estimate e = estimate(r.build, req.model, req.workload, a);
            QCOMPARE(e.useCases.size(), std::size_t(2));
            for (const UseCaseVerdict &v : e.useCases)
                QVERIFY2(v.pass, (r.build.name + " " + v.useCase->id).c_str());
            QVERIFY(r.cost.priceEur.has_value());
            QVERIFY(*r.cost.priceEur <= 3000);
            QVERIFY(*r.cost.priceEur >= lastPrice); // cheapest first
            lastPrice = *r.cost.priceEur;
            QCOMPARE(priced->index(row, RecommendationModel::Price).data().toDouble(),
                     *r.cost.priceEur);
            QVERIFY(priced->index(row, RecommendationModel::Price)
                        .data(FormattedRole)
                        .toString()
                        .endsWith(QStringLiteral(" EUR")));
        }
        // Builds without a price: listed apart, never shown as 0.
        for (int row = 0; row < d->unpricedModel()->rowCount(); ++row) {
            const QModelIndex price = d->unpricedModel()->index(row, RecommendationModel::Price);
            QCOMPARE(price.data().toString(), QStringLiteral("no price")); // never 0
            QCOMPARE(price.data(ValidRole).toBool(), false);
            QCOMPARE(price.data(FormattedRole).toString(), QStringLiteral("no price"));
        }
        QVERIFY(d->statusText().contains(QStringLiteral("UC1")));
        saveScreenshot(d, QStringLiteral("/findbuilds.png"));

        // Add the cheapest: one more build, named after the found one; undo removes it.
        ComparisonDocument *doc = m_window->document();
        const int before = doc->buildCount();
        QCOMPARE(d->addSelected(), 0); // nothing selected yet: a hint, no change
        QCOMPARE(doc->buildCount(), before);
        d->pricedView()->selectionModel()->select(
            priced->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(d->addSelected(), 1);
        QCOMPARE(doc->buildCount(), before + 1);
        const Build &added = doc->state().builds.back();
        QVERIFY(sameBuild(added, priced->at(0).build));
        QCOMPARE(m_window->buildList()->currentBuild(), before);
        // Its results in the window agree: it passes UC1 and UC2 there too.
        const BuildResult &res = doc->results().back();
        QVERIFY(res.computed);
        for (const UseCaseVerdict &v : res.estimate.useCases)
            if (v.useCase->id == "UC1" || v.useCase->id == "UC2")
                QVERIFY2(v.pass, v.useCase->id.c_str());
        doc->undoStack()->undo();
        QCOMPARE(doc->buildCount(), before);

        // Two at once: one undo step for both.
        d->pricedView()->selectionModel()->select(
            priced->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(d->addSelected(), 2);
        QCOMPARE(doc->buildCount(), before + 2);
        doc->undoStack()->undo();
        QCOMPARE(doc->buildCount(), before);
    }

    // "Include used parts": off by default; the recommender gets the choice, and
    // parts no longer sold new are proposed only when it is ticked.
    void usedPartsOnlyWhenAsked() {
        FindBuildsDialog *d = restrictiveDialog(3000);
        QCheckBox *used = d->usedBox();
        QVERIFY(used);
        QCOMPARE(used->objectName(), QStringLiteral("findUsed"));
        QVERIFY(!used->isChecked());
        QVERIFY(used->text().contains(QStringLiteral("no longer sold new")));
        QVERIFY(used->toolTip().contains(QStringLiteral("last list price")));

        const auto listed = [d] {
            std::vector<Build> builds;
            for (RecommendationModel *m : {d->pricedModel(), d->unpricedModel()})
                for (int row = 0; row < m->rowCount(); ++row)
                    builds.push_back(m->at(row).build);
            return builds;
        };
        const auto notSoldNew = [](const Build &b) {
            if (!b.cpu.soldNew)
                return true;
            for (const GpuGroup &g : b.gpus)
                if (!g.gpu.soldNew)
                    return true;
            return false;
        };

        QSignalSpy done(d->runner(), &RecommendRunner::finished);
        QVERIFY2(d->run(), qPrintable(d->statusText()));
        QVERIFY(waitFinished(done));
        QCOMPARE(d->runner()->request().includeUsed, false);
        const RecommendStats &off = d->runner()->result().stats;
        QVERIFY(off.cpusNotSoldNew + off.gpusNotSoldNew > 0);
        QVERIFY2(d->statusText().contains(QStringLiteral("no longer sold new")),
                 qPrintable(d->statusText()));
        QVERIFY(!listed().empty());
        for (const Build &b : listed())
            QVERIFY2(!notSoldNew(b), b.name.c_str());

        used->click(); // as the user does
        QVERIFY(used->isChecked());
        done.clear();
        QVERIFY2(d->run(), qPrintable(d->statusText()));
        QVERIFY(!used->isEnabled()); // not changed mid-sweep
        QVERIFY(waitFinished(done));
        QVERIFY(used->isEnabled());
        QCOMPARE(d->runner()->request().includeUsed, true);
        const RecommendStats &on = d->runner()->result().stats;
        QCOMPARE(on.cpusNotSoldNew + on.gpusNotSoldNew, std::uint64_t(0));
        QVERIFY2(!d->statusText().contains(QStringLiteral("no longer sold new")),
                 qPrintable(d->statusText()));
        const std::vector<Build> withUsed = listed();
        QVERIFY(std::any_of(withUsed.begin(), withUsed.end(), notSoldNew));
    }

    // A comparison holds at most ComparisonDocument::kMaxBuilds builds: "Add
    // selected" adds what fits, says how many were left out and why, and at the
    // limit adds nothing and says so (no hang, no 13th build).
    void addSelectedStopsAtTheLimit() {
        FindBuildsDialog *d = restrictiveDialog(3000);
        QSignalSpy done(d->runner(), &RecommendRunner::finished);
        QVERIFY2(d->run(), qPrintable(d->statusText()));
        QVERIFY(waitFinished(done));
        RecommendationModel *priced = d->pricedModel();
        QVERIFY2(priced->rowCount() >= 2, qPrintable(d->statusText()));
        ComparisonDocument *doc = m_window->document();
        const int limit = ComparisonDocument::kMaxBuilds;
        while (doc->buildCount() < limit - 1)
            QVERIFY(doc->addBuild(doc->state().builds.front()));
        for (int row : {0, 1})
            d->pricedView()->selectionModel()->select(
                priced->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(d->addSelected(), 1);
        QCOMPARE(doc->buildCount(), limit);
        QVERIFY2(d->statusText().contains(QStringLiteral("at most %1 builds").arg(limit)),
                 qPrintable(d->statusText()));
        QCOMPARE(d->addSelected(), 0);
        QCOMPARE(doc->buildCount(), limit);
        QVERIFY2(d->statusText().contains(QString::number(limit)), qPrintable(d->statusText()));
        QVERIFY(!doc->addBuild(doc->state().builds.front()));
    }

    void cancelLeavesNoPartialResult() {
        FindBuildsDialog *d = restrictiveDialog(0); // no budget: the longest sweep
        tester(d->pricedModel());
        QSignalSpy progress(d->runner(), &RecommendRunner::progressChanged);
        QSignalSpy done(d->runner(), &RecommendRunner::finished);
        QVERIFY(d->run());
        // Stop at once: the sweep (tens of milliseconds since the buildability
        // rules leave fewer builds) has no time to finish first. Waiting for its
        // first progress report made the test depend on the machine's speed.
        d->cancel();
        QVERIFY(waitFinished(done));
        QCOMPARE(done.first().first().toBool(), true);
        QCOMPARE(d->pricedModel()->rowCount(), 0);
        QCOMPARE(d->unpricedModel()->rowCount(), 0);
        QVERIFY(d->runner()->result().cancelled);
        QVERIFY(d->runner()->result().front.empty());
        QVERIFY2(d->statusText().contains(QStringLiteral("Stopped")), qPrintable(d->statusText()));
        QVERIFY(!d->runner()->isRunning());

        // A new run after the cancel answers normally.
        done.clear();
        d->budgetBox()->setValue(3000);
        QVERIFY(d->run());
        QVERIFY(waitFinished(done));
        QCOMPARE(done.first().first().toBool(), false);
        QVERIFY(d->pricedModel()->rowCount() > 0);
    }

    void closingTheWindowDuringASweepIsSafe() {
        FindBuildsDialog *d = restrictiveDialog(0);
        QVERIFY(d->run());
        QPointer<FindBuildsDialog> guard(d);
        m_window.reset(); // destroys the dialog and its runner: cancels and waits, no crash
        QVERIFY(guard.isNull());
    }

    void badInputNamesTheField() {
        FindBuildsDialog *d = m_window->showFindBuilds();
        // Keyboard: the use-case label reaches the first box; Tab goes quantization ->
        // use cases -> budget, in reading order.
        auto *ucLabel = d->findChild<QLabel *>(QStringLiteral("findUseCasesLabel"));
        QVERIFY(ucLabel);
        QCOMPARE(ucLabel->buddy(), static_cast<QWidget *>(d->useCaseBoxes().front()));
        const auto nextByTab = [](QWidget *from) {
            QWidget *n = from->nextInFocusChain();
            while (n != from && !(n->focusPolicy() & Qt::TabFocus))
                n = n->nextInFocusChain();
            return n;
        };
        QWidget *w = d->quantCombo();
        for (QCheckBox *b : d->useCaseBoxes()) {
            w = nextByTab(w);
            QCOMPARE(w, static_cast<QWidget *>(b));
        }
        QCOMPARE(nextByTab(w), static_cast<QWidget *>(d->budgetBox()));
        for (QCheckBox *b : d->useCaseBoxes())
            b->setChecked(false);
        QVERIFY(!d->run());
        QVERIFY2(d->statusText().startsWith(QStringLiteral("Use cases")),
                 qPrintable(d->statusText()));
        d->useCaseBoxes().front()->setChecked(true);
        d->modelCombo()->setCurrentText(QStringLiteral("No Such Model 9000B"));
        QVERIFY(!d->run());
        QVERIFY2(d->statusText().startsWith(QStringLiteral("Model")), qPrintable(d->statusText()));
        QVERIFY(!d->runner()->isRunning());
    }

    void emptyStateSaysWhatToRelax() {
        FindBuildsDialog *d = restrictiveDialog(300); // below any priced passing build
        QSignalSpy done(d->runner(), &RecommendRunner::finished);
        QVERIFY(d->run());
        QVERIFY(waitFinished(done));
        QCOMPARE(d->pricedModel()->rowCount(), 0);
        const auto cheapest = d->runner()->hint().cheapestWithoutBudgetEur;
        QVERIFY(cheapest.has_value());
        QVERIFY(*cheapest > 300);
        const QString status = d->statusText();
        QVERIFY2(status.contains(QStringLiteral("No build under")), qPrintable(status));
        QVERIFY2(status.contains(fmt::euros(*cheapest)), qPrintable(status));
        saveScreenshot(d, QStringLiteral("/findbuilds-empty.png"));
        // The cheapest passing price is the front's first with the budget lifted.
        done.clear();
        d->budgetBox()->setValue(0);
        QVERIFY(d->run());
        QVERIFY(waitFinished(done));
        QVERIFY(d->pricedModel()->rowCount() > 0);
        QCOMPARE(*d->pricedModel()->at(0).cost.priceEur, *cheapest);
    }

    void whatIfTabAgreesWithCore() {
        WhatIfPanel *panel = m_window->whatIfPanel();
        tester(panel->whatIfModel());
        tester(panel->headroomModel());
        QTabWidget *tabs = m_window->tabs();
        // The page scrolls: the tab holds a scroll area around the panel.
        int tab = -1;
        for (int i = 0; i < tabs->count() && tab < 0; ++i)
            if (tabs->widget(i)->isAncestorOf(panel))
                tab = i;
        QVERIFY(tab >= 0);
        ComparisonDocument *doc = m_window->document();
        m_window->buildList()->setCurrentBuild(1);
        QVERIFY(tabs->currentIndex() != tab);
        QVERIFY(panel->isStale()); // hidden tab: computed lazily
        tabs->setCurrentIndex(tab);
        QVERIFY(!panel->isStale());
        QCOMPARE(panel->buildIndex(), 1);
        qInfo("what-if + headroom for one build: %.1f ms", panel->lastComputeMilliseconds());

        const auto check = [&] {
            const ComparisonState &s = doc->state();
            const Build &b = s.builds[1];
            QString error;
            const PlatformRules rules = db::loadShippedPlatformRules(&error);
            const Workload w{s.useCases, s.reservedContext};
            std::vector<WhatIf> all = whatIfs(b, s.model, w, s.assumptions, doc->catalog(), &rules);
            dropInheritedProblems(all, checkBuild(b, doc->catalog(), rules, s.assumptions));
            // The rows are the offered changes (decide()'s rule), sorted; match them by kind.
            WhatIfModel *m = panel->whatIfModel();
            std::vector<WhatIf> expected;
            for (int row = 0; row < m->rowCount(); ++row)
                for (const WhatIf &x : all)
                    if (x.change == m->whatIfs()[static_cast<std::size_t>(row)].change)
                        expected.push_back(x);
            QCOMPARE(expected.size(), static_cast<std::size_t>(m->rowCount()));
            QCOMPARE(static_cast<std::size_t>(m->rowCount()) + m->notOffered().size(), all.size());
            QCOMPARE(m->columnCount(),
                     WhatIfModel::FirstUseCase + static_cast<int>(s.useCases.size()));
            int available = 0;
            for (int row = 0; row < m->rowCount(); ++row) {
                const WhatIf &x = expected[static_cast<std::size_t>(row)];
                QCOMPARE(offerProblem(x), OfferProblem::None);
                QVERIFY(m->index(row, WhatIfModel::Change)
                            .data()
                            .toString()
                            .contains(QStringLiteral("→")));
                const auto delta = x.priceDeltaEur();
                QCOMPARE(m->index(row, WhatIfModel::PriceDelta).data(ValidRole).toBool(),
                         x.available && delta.has_value());
                if (x.available && delta)
                    QCOMPARE(m->index(row, WhatIfModel::PriceDelta).data().toDouble(), *delta);
                if (!x.available)
                    continue;
                ++available;
                for (std::size_t k = 0; k < s.useCases.size(); ++k) {
                    const QModelIndex cell = m->index(row, WhatIfModel::FirstUseCase + int(k));
                    const UseCaseDelta &d = x.useCases[k];
                    QCOMPARE(d.useCase, s.useCases[k].id);
                    QCOMPARE(cell.data().toDouble(), d.marginDelta());
                    QCOMPARE(cell.data(VerdictRole).toInt(),
                             static_cast<int>(d.passAfter ? Verdict::Pass : Verdict::Fail));
                }
            }
            QVERIFY(available > 0);
            const Headroom room = headroom(b, s.model, w, s.assumptions, doc->catalog());
            HeadroomModel *h = panel->headroomModel();
            QCOMPARE(h->rowCount(), static_cast<int>(room.useCases.size()));
            for (int row = 0; row < h->rowCount(); ++row) {
                const UseCaseHeadroom &r = room.useCases[static_cast<std::size_t>(row)];
                QCOMPARE(h->index(row, HeadroomModel::UseCase).data().toString(),
                         QString::fromStdString(r.useCase));
                QCOMPARE(h->index(row, HeadroomModel::Users).data().toInt(),
                         r.meetsNow ? r.concurrentUsers : 0);
                QCOMPARE(h->index(row, HeadroomModel::LongestContext).data().toDouble(),
                         units::inTokens(r.longestContext));
                QCOMPARE(h->index(row, HeadroomModel::LargestParams).data().toDouble(),
                         r.largestParams);
            }
        };
        check();
        if (QTest::currentTestFailed())
            return;

        // A change of quantization recomputes the visible tab at once.
        const ModelChoice before = doc->state().model;
        ModelChoice other = before;
        for (const Quantization &q : m_catalog.quants)
            if (q.name != before.quant.name) {
                other.quant = q;
                break;
            }
        QVERIFY(other.quant.name != before.quant.name);
        doc->setModel(other);
        QVERIFY(!panel->isStale());
        check();
        if (QTest::currentTestFailed())
            return;

        // Another build selected: recomputed for it.
        m_window->buildList()->setCurrentBuild(0);
        QCOMPARE(panel->buildIndex(), 0);
        QVERIFY(panel->intro()->text().contains(
            QString::fromStdString(doc->state().builds[0].name).toHtmlEscaped()));

        // Cost of one recompute, every build (is it cheap enough to run on each edit?).
        double worst = 0;
        for (int i = doc->buildCount() - 1; i >= 0; --i) {
            m_window->buildList()->setCurrentBuild(i);
            QCOMPARE(panel->buildIndex(), i);
            QVERIFY(!panel->isStale());
            worst = std::max(worst, panel->lastComputeMilliseconds());
        }
        qInfo("what-if + headroom, slowest of %d builds: %.1f ms", doc->buildCount(), worst);

        // Hidden tab: a change only marks it stale.
        tabs->setCurrentIndex(0);
        doc->setModel(before);
        QVERIFY(panel->isStale());
    }

    void reportHasTheWhatIfSection() {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("poppler-utils (pdftotext) not installed: HTML checked only");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.pdf"));
        int pages = 0;
        QVERIFY(m_window->exportPdf(path, &pages));
        QProcess text;
        text.start(pdftotext, {path, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString all = QString::fromUtf8(text.readAllStandardOutput()).simplified();
        // The report words it as the window's What if tab does (WhatIfWords).
        QVERIFY(all.contains(QStringLiteral("What one change would do")));
        QVERIFY(all.contains(QStringLiteral("Largest model for live use")));
    }
};

QTEST_MAIN(TestAdvisorPanel)
#include "tst_advisorpanel.moc"
