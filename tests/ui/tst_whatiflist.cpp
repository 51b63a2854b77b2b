// SPDX-License-Identifier: MIT
// The What if tab in plain words, driven through the real main window: the list
// starts with a change that helps, offers only parts decide() would offer (sold
// new, fit the platform, priced), never shows core's identifiers or signed
// margins, credits no users to a need the build fails, and the "each build" mode
// gives one line per build with decide()'s cheapest fix.
#include "../support/windowdata.h"
#include "advisor/whatifmodels.h"
#include "advisor/whatifpanel.h"
#include "advisor/whatifwords.h"
#include "builds/buildlistpanel.h"
#include "catalogue.h"
#include "comparison/comparisondocument.h"
#include "fakedialogs.h"
#include "mainwindow/mainwindow.h"
#include "measurements.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <cmath>
#include <memory>

using namespace llm;
using namespace llm::ui;

namespace {

const char *kBigModel = "Llama-3.3-70B-Instruct";

int needsMet(const Estimate &e) {
    if (!e.fits)
        return 0;
    int n = 0;
    for (const UseCaseVerdict &v : e.useCases)
        n += v.pass ? 1 : 0;
    return n;
}

// Every text the tab shows for the selected build (or for every build, in that mode).
QStringList shownTexts(WhatIfPanel *p) {
    QStringList out{p->intro()->text(), p->footnote()->text(), p->notOfferedList()->text(),
                    p->headroomText()->text()};
    const QAbstractItemModel *m = p->whatIfView()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        out << m->index(r, WhatIfModel::Change).data().toString();
    for (int i = 0; i < p->eachBuildList()->count(); ++i)
        out << p->eachBuildList()->item(i)->text();
    return out;
}

} // namespace

class TestWhatIfList final : public QObject {
    Q_OBJECT

private:
    Catalog m_catalog;
    Assumptions m_baseline;
    PlatformRules m_rules;
    std::unique_ptr<MainWindow> m_window;

    WhatIfPanel *panel() const { return m_window->whatIfPanel(); }
    ComparisonDocument *doc() const { return m_window->document(); }

    void showTab() {
        // The page scrolls: the tab holds a scroll area around the panel.
        QTabWidget *tabs = m_window->tabs();
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->widget(i)->isAncestorOf(panel()))
                tabs->setCurrentIndex(i);
        QVERIFY(!panel()->isStale());
    }

    void useModel(const char *name) {
        ModelChoice m = doc()->state().model;
        const auto found = findModel(m_catalog, name);
        QVERIFY2(found, name);
        m.model = *found.match;
        m.fileSize.reset();
        doc()->setModel(m);
    }

    DecisionSummary decideNow() const {
        const ComparisonState &s = doc()->state();
        std::vector<Estimate> estimates;
        for (const BuildResult &r : doc()->results())
            estimates.push_back(r.estimate);
        DecisionInput in;
        in.builds = &s.builds;
        in.estimates = &estimates;
        in.model = s.model;
        in.workload = Workload{s.useCases, s.reservedContext};
        in.assumptions = s.assumptions;
        in.catalog = &doc()->catalog();
        in.rules = &m_rules;
        in.searchCatalogue = false;
        return decide(in);
    }

    static void saveScreenshot(QWidget *w, const QString &name) {
        if (!qEnvironmentVariableIsSet("LLMADVISOR_SCREENSHOT_DIR"))
            return;
        QTest::qWait(100);
        w->grab().save(qEnvironmentVariable("LLMADVISOR_SCREENSHOT_DIR") + name);
    }

private slots:
    void initTestCase() {
        QString error;
        m_catalog = db::loadShippedCatalog(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_baseline = db::shippedAssumptions(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_rules = db::loadShippedPlatformRules(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void init() {
        m_window = std::make_unique<MainWindow>(llm::testsupport::windowData(m_catalog, m_baseline),
                                                std::make_unique<FakeDialogs>());
        m_window->resize(1280, 720);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(doc()->buildCount() >= 5); // the seed comparison
    }

    void cleanup() { m_window.reset(); }

    // For a build that fails and has a fix, the first row raises the needs met,
    // and no later row meets more of them for less money.
    void listStartsWithAChangeThatHelps() {
        useModel(kBigModel);
        QAbstractItemModelTester tester(panel()->whatIfModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const DecisionSummary d = decideNow();
        int checked = 0;
        for (std::size_t i = 0; i < d.builds.size(); ++i) {
            if (!d.builds[i].cheapestFix)
                continue;
            m_window->buildList()->setCurrentBuild(static_cast<int>(i));
            showTab();
            const Estimate &before = doc()->results()[i].estimate;
            const std::vector<WhatIf> &rows = panel()->whatIfModel()->whatIfs();
            QVERIFY(!rows.empty());
            const int first = needsMet(rows.front().estimate);
            QVERIFY2(first > needsMet(before), d.builds[i].name.c_str());
            for (const WhatIf &w : rows)
                QVERIFY2(needsMet(w.estimate) <= first, w.description.c_str());
            // Among the rows that meet every need, the cheapest comes first: it is the
            // change decide() names as the cheapest fix, or one cheaper than it (a
            // model change costs nothing).
            const auto cost = isHardwareChange(rows.front().change)
                                  ? roundEstimateEur(*rows.front().priceDeltaEur())
                                  : 0.0;
            QVERIFY(cost <= d.builds[i].cheapestFix->costEur);
            const QString sentence = panel()->whatIfModel()->index(0, 0).data().toString();
            QVERIFY2(sentence.contains(QStringLiteral("→")), qPrintable(sentence));
            QVERIFY2(sentence.contains(QStringLiteral("needs met")), qPrintable(sentence));
            if (checked == 0)
                saveScreenshot(m_window.get(), QStringLiteral("/whatif-fixable.png"));
            ++checked;
        }
        QVERIFY2(checked > 0, "no build of the seed comparison has a fix for the 70B model");
    }

    // The whole list: most needs met first, then the lowest price; the doubled
    // workload (a question, not a purchase) last. Checked on every build with two
    // models, one of which must show rows in another order than core's.
    void listIsSortedByHelpThenPrice() {
        int reordered = 0;
        for (const char *model : {"Qwen2.5-14B-Instruct", kBigModel}) {
            useModel(model);
            for (int i = 0; i < doc()->buildCount(); ++i) {
                m_window->buildList()->setCurrentBuild(i);
                showTab();
                const std::vector<WhatIf> &rows = panel()->whatIfModel()->whatIfs();
                for (std::size_t r = 1; r < rows.size(); ++r) {
                    const WhatIf &a = rows[r - 1], &b = rows[r];
                    QVERIFY(a.change != WhatIfChange::DoubleContext);
                    if (b.change == WhatIfChange::DoubleContext)
                        continue;
                    QVERIFY2(needsMet(a.estimate) >= needsMet(b.estimate), b.description.c_str());
                    const auto cost = [](const WhatIf &w) {
                        return isHardwareChange(w.change) ? *w.priceDeltaEur() : 0.0;
                    };
                    if (needsMet(a.estimate) == needsMet(b.estimate))
                        QVERIFY2(cost(a) <= cost(b), b.description.c_str());
                    if (static_cast<int>(a.change) > static_cast<int>(b.change))
                        ++reordered;
                }
            }
        }
        QVERIFY(reordered > 0);
    }

    // Every offered row passes decide()'s rule; every other change is in the footnote.
    void noUnbuildablePartOffered() {
        useModel(kBigModel);
        const ComparisonState &s = doc()->state();
        int hidden = 0, gpuRows = 0;
        for (int i = 0; i < doc()->buildCount(); ++i) {
            m_window->buildList()->setCurrentBuild(i);
            showTab();
            const Build &b = s.builds[static_cast<std::size_t>(i)];
            const std::vector<WhatIf> core =
                whatIfs(b, s.model, Workload{s.useCases, s.reservedContext}, s.assumptions,
                        doc()->catalog(), &m_rules);
            const WhatIfModel *m = panel()->whatIfModel();
            QCOMPARE(static_cast<std::size_t>(m->rowCount()) + m->notOffered().size(), core.size());
            const PlatformRule *rule = m_rules.find(b.cpu);
            for (const WhatIf &w : m->whatIfs()) {
                QVERIFY(w.available);
                QVERIFY2(w.platformProblems.empty(), w.description.c_str());
                if (!isHardwareChange(w.change))
                    continue;
                QVERIFY2(w.priceDeltaEur().has_value(), w.description.c_str());
                for (const GpuGroup &g : w.build.gpus) {
                    if (g.count <= 0)
                        continue;
                    ++gpuRows;
                    QVERIFY2(g.gpu.soldNew, g.gpu.name.c_str());
                    QVERIFY2(g.gpu.formFactor != "SXM" && g.gpu.formFactor != "OAM",
                             g.gpu.name.c_str());
                    if (rule)
                        QVERIFY2(takesGpu(*rule, g.gpu), g.gpu.name.c_str());
                }
            }
            hidden += static_cast<int>(m->notOffered().size());
            if (!m->notOffered().isEmpty()) {
                QVERIFY(
                    panel()->footnote()->text().contains(QString::number(m->notOffered().size())));
                QVERIFY(panel()->notOfferedList()->isHidden());
                emit panel()->footnote()->linkActivated(QStringLiteral("#notOffered"));
                QVERIFY(panel()->notOfferedList()->isVisible());
            }
        }
        QVERIFY(hidden > 0);  // the filter had something to keep out
        QVERIFY(gpuRows > 0); // and GPU parts were offered and checked
    }

    // Neither core's identifiers, nor its "A -> B" notation, nor signed margins.
    void noInternalIdentifiers() {
        useModel(kBigModel);
        QStringList ids;
        for (int c = 0; c <= static_cast<int>(WhatIfChange::DoubleContext); ++c)
            ids << QString::fromLatin1(toString(static_cast<WhatIfChange>(c)));
        const QRegularExpression signedMargin(QStringLiteral("[+−-]\\d+[.,]\\d+×"));
        const auto check = [&] {
            for (const QString &t : shownTexts(panel())) {
                for (const QString &id : ids)
                    QVERIFY2(!t.contains(id), qPrintable(t));
                QVERIFY2(!t.contains(QStringLiteral("->")), qPrintable(t));
                QVERIFY2(!signedMargin.match(t).hasMatch(), qPrintable(t));
            }
        };
        for (int i = 0; i < doc()->buildCount(); ++i) {
            m_window->buildList()->setCurrentBuild(i);
            showTab();
            emit panel()->footnote()->linkActivated(QStringLiteral("#notOffered"));
            check();
        }
        panel()->setEachBuildMode(true);
        QVERIFY(panel()->eachBuildList()->count() > 0);
        check();
    }

    // A seed build that fails a need where the writing speed alone would allow
    // several users (which build that is depends on the shipped factors; the
    // first one found is taken): those users must not be claimed.
    void headroomOfAFailingNeedClaimsNoUsers() {
        const ComparisonState &s = doc()->state();
        int minMet = std::numeric_limits<int>::max();
        int failingWithUsers = -1;
        for (int b = 0; b < doc()->buildCount() && failingWithUsers < 0; ++b) {
            m_window->buildList()->setCurrentBuild(b);
            showTab();
            const Headroom &room = panel()->headroomModel()->headroom();
            QCOMPARE(room.useCases.size(), s.useCases.size());
            minMet = std::numeric_limits<int>::max();
            for (std::size_t k = 0; k < room.useCases.size(); ++k) {
                const UseCaseHeadroom &h = room.useCases[k];
                QCOMPARE(h.meetsNow,
                         doc()->results()[static_cast<std::size_t>(b)].estimate.useCases[k].pass);
                if (h.meetsNow)
                    minMet = std::min(minMet, h.concurrentUsers);
                else if (h.concurrentUsers > 0 && failingWithUsers < 0)
                    failingWithUsers = static_cast<int>(k);
            }
            if (minMet == std::numeric_limits<int>::max())
                failingWithUsers = -1; // meets nothing: a case of its own, below
        }
        QVERIFY2(failingWithUsers >= 0, "the case this test is about is not in the seed any more");
        QVERIFY(minMet < std::numeric_limits<int>::max());
        // The details table: nobody served for the failing need.
        const QModelIndex cell =
            panel()->headroomModel()->index(failingWithUsers, HeadroomModel::Users);
        QCOMPARE(cell.data().toInt(), 0);
        QVERIFY(cell.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("not met")));
        // The words: users counted over the needs met only, and the failing need named.
        const QString text = panel()->headroomText()->text();
        QVERIFY2(text.contains(QStringLiteral("People served at once at reading speed: %1 ")
                                   .arg(minMet == 1 ? QStringLiteral("1 person")
                                                    : QStringLiteral("%1 people").arg(minMet))),
                 qPrintable(text));
        QVERIFY2(text.contains(QString::fromStdString(
                     s.useCases[static_cast<std::size_t>(failingWithUsers)].id)),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral(" B parameters")));
        QVERIFY(text.contains(QStringLiteral("tokens)"))); // "2,038 tokens)", a no-break space
        saveScreenshot(m_window.get(), QStringLiteral("/whatif-minipc.png"));

        // A build that meets no need at all: no figures whatever.
        useModel(kBigModel);
        const DecisionSummary d = decideNow();
        int none = -1;
        for (std::size_t i = 0; i < d.builds.size(); ++i)
            if (d.builds[i].fits && d.builds[i].needsMet == 0)
                none = static_cast<int>(i);
        QVERIFY(none >= 0);
        m_window->buildList()->setCurrentBuild(none);
        showTab();
        const QString nothing = panel()->headroomText()->text();
        QVERIFY2(!nothing.contains(QStringLiteral("People served")), qPrintable(nothing));
        QVERIFY2(nothing.contains(QStringLiteral("meets none")), qPrintable(nothing));
    }

    // One line per build, in order, each saying what decide() says.
    void eachBuildModeMatchesDecide() {
        useModel(kBigModel);
        showTab();
        QVERIFY(panel()->eachBuildList()->isHidden());
        QTest::mouseClick(panel()->eachBuildButton(), Qt::LeftButton);
        QVERIFY(panel()->eachBuildButton()->isChecked());
        QVERIFY(panel()->eachBuildList()->isVisible());
        const DecisionSummary d = decideNow();
        QListWidget *list = panel()->eachBuildList();
        QCOMPARE(list->count(), doc()->buildCount());
        int fixes = 0, already = 0;
        for (int i = 0; i < list->count(); ++i) {
            const BuildDecision &b = d.builds[static_cast<std::size_t>(i)];
            const QString line = list->item(i)->text();
            QVERIFY2(line.startsWith(QString::fromStdString(b.name)), qPrintable(line));
            if (b.meetsAll()) {
                ++already;
                QVERIFY2(line.contains(QStringLiteral("already meets every need")),
                         qPrintable(line));
            } else if (b.cheapestFix) {
                ++fixes;
                // Euros spelt as everywhere else: "1,700 EUR", never "€".
                const QString cost =
                    QLocale().toString(std::abs(b.cheapestFix->costEur), 'f', 0) + u" EUR";
                const QString total =
                    QLocale().toString(b.cheapestFix->newTotalEur, 'f', 0) + u" EUR";
                QVERIFY2(line.contains(cost) && line.contains(total), qPrintable(line));
                QVERIFY2(!line.contains(u'€'), qPrintable(line));
                QVERIFY2(line.endsWith(QStringLiteral("meets every need")), qPrintable(line));
                // The part named is the one in decide()'s fixed build.
                for (const GpuGroup &g : b.cheapestFix->build.gpus)
                    if (g.count > 0 && b.cheapestFix->change != WhatIfChange::FasterMemory &&
                        b.cheapestFix->change != WhatIfChange::AllChannels)
                        QVERIFY2(line.contains(QString::fromStdString(g.gpu.name)),
                                 qPrintable(line));
            } else {
                QVERIFY2(line.contains(QStringLiteral("no single change is enough")) ||
                             line.contains(QStringLiteral("price is unknown")),
                         qPrintable(line));
            }
        }
        QVERIFY(fixes > 0);
        QVERIFY(already > 0);
        saveScreenshot(m_window.get(), QStringLiteral("/whatif-eachbuild.png"));

        // Back to one build: the list goes, the sentences return.
        QTest::mouseClick(panel()->eachBuildButton(), Qt::LeftButton);
        QVERIFY(panel()->eachBuildList()->isHidden());
        QVERIFY(panel()->whatIfView()->isVisible());
    }

    // The engineering detail is behind a door: hidden columns until asked for.
    void engineeringDetailBehindADoor() {
        showTab();
        QTableView *view = panel()->whatIfView();
        QVERIFY(view->model()->columnCount() > WhatIfModel::FirstUseCase);
        QVERIFY(view->isColumnHidden(WhatIfModel::PriceDelta));
        QVERIFY(panel()->headroomView()->isHidden());
        panel()->detailsBox()->setChecked(true);
        QVERIFY(!view->isColumnHidden(WhatIfModel::PriceDelta));
        QVERIFY(!view->isColumnHidden(WhatIfModel::FirstUseCase));
        QVERIFY(panel()->headroomView()->isVisible());
        QVERIFY(view->model()
                    ->index(0, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("margin")));
    }
};

QTEST_MAIN(TestWhatIfList)
#include "tst_whatiflist.moc"
