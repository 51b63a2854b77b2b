// SPDX-License-Identifier: MIT
// The stakeholder window driven headless: presets at start, live charts and
// verdicts, add/remove, refusal with a reason, undo, save/open, PDF export,
// and a failing save that must leave the old file whole.
#include "../support/windowdata.h"
#include "builds/buildeditor.h"
#include "builds/buildlistpanel.h"
#include "catalogue.h"
#include "charts/chartspanel.h"
#include "charts/chartstyle.h"
#include "charts/usecasechart.h"
#include "comparison/comparisondocument.h"
#include "fakedialogs.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/windowoptions.h"
#include "results/roles.h"
#include "results/sizecurvemodel.h"
#include "results/summarymodel.h"
#include "results/usecasemodel.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QAction>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QProcess>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>
#include <sys/resource.h>

using namespace llm;
using namespace llm::ui;

class TestMainWindow final : public QObject {
    Q_OBJECT

private:
    Catalog m_catalog;
    std::unique_ptr<MainWindow> m_window;
    FakeDialogs *m_dialogs = nullptr; // owned by the window
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

    int rowOf(const QString &name) const {
        const auto &builds = m_window->document()->state().builds;
        for (std::size_t i = 0; i < builds.size(); ++i) {
            if (QString::fromStdString(builds[i].name) == name)
                return static_cast<int>(i);
        }
        return -1;
    }
    QBarSet *ramSideSet() const {
        auto *series = qobject_cast<QHorizontalBarSeries *>(
            m_window->charts()->chart(ChartsPanel::Bandwidth)->series().value(0));
        return series && !series->barSets().isEmpty() ? series->barSets().first() : nullptr;
    }
    // Build A is the top bar: row r is category rows-1-r.
    double ramSideAt(int row) const {
        QBarSet *set = ramSideSet();
        return set ? set->at(categoryOfRow(row, set->count())) : -1;
    }
    QList<int> verdicts(int row) const {
        QList<int> out;
        auto *m = m_window->useCaseModel();
        for (int c = 0; c < m->columnCount(); ++c)
            out << m->index(row, c).data(VerdictRole).toInt();
        return out;
    }
    // A comparison of `builds` copies of the desktop preset's build; the first
    // build's name has `nameLength` characters (0: "Build 0").
    static bool writeBuilds(const QString &path, int builds, int nameLength) {
        QByteArray json = "{\"builds\": [";
        for (int i = 0; i < builds; ++i) {
            QByteArray name = "Build " + QByteArray::number(i);
            if (i == 0 && nameLength > 0)
                name = QByteArray(nameLength, 'n');
            else if (nameLength > 0)
                name = QByteArray::number(i).rightJustified(nameLength, '0');
            json += (i ? "," : "") + QByteArray("{\"name\":\"") + name +
                    "\",\"cpu\":\"AMD Ryzen 9 9950X\",\"memory\":{\"channels\":2,"
                    "\"mts\":5600,\"capacity_gb\":96}}";
        }
        json += "], \"model\": {\"name\": \"Qwen2.5-14B-Instruct\", \"quant\": \"Q4_K_M\"}}";
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(json) == json.size();
    }
    template <class W> W *editorField(const char *name) const {
        return m_window->buildEditor()->findChild<W *>(QLatin1String(name));
    }

private slots:
    void initTestCase() {
        QString error;
        m_catalog = db::loadShippedCatalog(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_catalog.presets.size() >= 9);
    }

    void init() {
        auto dialogs = std::make_unique<FakeDialogs>();
        m_dialogs = dialogs.get();
        m_window = std::make_unique<MainWindow>(
            llm::testsupport::windowData(m_catalog, llm::testsupport::Baseline::Uncalibrated),
            std::move(dialogs));
        m_testers.clear();
        for (QAbstractItemModel *m : std::initializer_list<QAbstractItemModel *>{
                 m_window->summaryModel(), m_window->useCaseModel(), m_window->sizeModel(),
                 m_window->buildList()->view()->model()})
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                m, QAbstractItemModelTester::FailureReportingMode::QtTest));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() {
        m_testers.clear();
        m_window.reset();
    }

    void opensOnThePresets() {
        QCOMPARE(m_window->document()->buildCount(), static_cast<int>(m_catalog.presets.size()));
        QCOMPARE(m_window->summaryModel()->rowCount(), m_window->document()->buildCount());
        QBarSet *ram = ramSideSet();
        QVERIFY(ram);
        QCOMPARE(ram->count(), m_window->document()->buildCount());
        // Seed row 2: 2 channels of DDR5-5600 = 89.6 GB/s on the RAM side.
        const int desktop = rowOf(QStringLiteral("Desktop: Ryzen 9 9950X"));
        QVERIFY(desktop >= 0);
        QCOMPARE(qRound(ramSideAt(desktop) * 10), 896);
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("LLM Procurement Advisor")));
        QVERIFY(m_dialogs->errors.isEmpty());
    }

    void channelsChangeChartAndVerdict_data() {
        QTest::addColumn<QString>("build");
        QTest::addColumn<int>("channels");
        QTest::addColumn<double>("ramSideGbs");
        QTest::newRow("EPYC 9554P 12 -> 1 ch DDR5-4800") << "Server: EPYC 9554P" << 1 << 38.4;
        QTest::newRow("TR 7970X 4 -> 1 ch DDR5-5200")
            << "Workstation: Threadripper 7970X" << 1 << 41.6;
    }

    void channelsChangeChartAndVerdict() {
        QFETCH(QString, build);
        QFETCH(int, channels);
        QFETCH(double, ramSideGbs);
        const int row = rowOf(build);
        QVERIFY(row >= 0);
        m_window->buildList()->setCurrentBuild(row);
        QCOMPARE(m_window->buildEditor()->buildIndex(), row);
        const QList<int> before = verdicts(row);
        const double ramBefore = ramSideAt(row);

        auto *spin = editorField<QSpinBox>("channels");
        QVERIFY(spin);
        spin->setValue(channels);

        QCOMPARE(
            m_window->document()->state().builds[static_cast<std::size_t>(row)].memory.channels,
            channels);
        QVERIFY(ramSideAt(row) < ramBefore);
        QCOMPARE(qRound(ramSideAt(row) * 10), qRound(ramSideGbs * 10));
        const QByteArray message = "verdicts before/after: " + QByteArray::number(before.value(0)) +
                                   QByteArray::number(before.value(1)) +
                                   QByteArray::number(before.value(2)) +
                                   QByteArray::number(before.value(3)) + " / " +
                                   QByteArray::number(verdicts(row).value(0)) +
                                   QByteArray::number(verdicts(row).value(1)) +
                                   QByteArray::number(verdicts(row).value(2)) +
                                   QByteArray::number(verdicts(row).value(3)) + " gen " +
                                   QByteArray::number(m_window->summaryModel()
                                                          ->index(row, SummaryModel::GenerationRate)
                                                          .data()
                                                          .toDouble());
        QVERIFY2(verdicts(row) != before, message.constData());
        // The use-case chart moved the build's markers to their new verdicts.
        auto *matrix =
            qobject_cast<UseCaseChart *>(m_window->charts()->chart(ChartsPanel::UseCases));
        QVERIFY(matrix);
        const QList<int> after = verdicts(row);
        for (int c = 0; c < after.size(); ++c) {
            QScatterSeries *series = matrix->seriesFor(after[c]);
            QVERIFY(series);
            QVERIFY(series->points().contains(QPointF(c, row)));
        }
        QVERIFY(m_window->isWindowModified());
    }

    // The use-case rows fit their text only while their tab is shown (a live edit
    // must not pay for a hidden table): builds added out of sight fit when it is shown.
    void useCaseRowsFitWhenTheirTabIsShown() {
        auto *view = m_window->findChild<QTableView *>(QStringLiteral("useCaseTable"));
        QVERIFY(view);
        QVERIFY(!view->isVisible());
        const int n = m_window->document()->buildCount();
        m_window->buildList()->setCurrentBuild(0);
        m_window->buildList()->duplicateAction()->trigger();
        m_window->buildList()->duplicateAction()->trigger();
        QCOMPARE(view->model()->rowCount(), n + 2);
        m_window->tabs()->setCurrentWidget(view->parentWidget());
        QVERIFY(view->isVisible());
        QList<int> shown;
        for (int r = 0; r < view->model()->rowCount(); ++r)
            shown << view->rowHeight(r);
        view->resizeRowsToContents();
        QList<int> fitted;
        for (int r = 0; r < view->model()->rowCount(); ++r)
            fitted << view->rowHeight(r);
        QCOMPARE(shown, fitted);
        // Two lines a cell: taller than a row left at the default height.
        QVERIFY(fitted.last() > view->verticalHeader()->defaultSectionSize());
    }

    void buildListShowsTheNames() {
        QListView *list = m_window->buildList()->view();
        QAbstractItemModel *names = list->model();
        const auto shown = [names] {
            QStringList out;
            for (int r = 0; r < names->rowCount(); ++r)
                out << names->index(r, 0).data().toString();
            return out;
        };
        const auto inDocument = [this] {
            QStringList out;
            for (const Build &b : m_window->document()->state().builds)
                out << QString::fromStdString(b.name);
            return out;
        };
        QCOMPARE(shown(), inDocument());
        // A live edit changes figures, never a name: the list is not told to lay out again.
        QSignalSpy changed(names, &QAbstractItemModel::dataChanged);
        m_window->buildList()->setCurrentBuild(1);
        auto *spin = editorField<QSpinBox>("channels");
        spin->setValue(spin->value() > 1 ? spin->value() - 1 : spin->maximum());
        QCOMPARE(changed.count(), 0);
        // Renamed in the list (F2), moved down, removed: the list follows, the build stays current.
        QVERIFY(names->setData(names->index(1, 0), QStringLiteral("Renamed in the list")));
        QCOMPARE(QString::fromStdString(m_window->document()->state().builds[1].name),
                 QStringLiteral("Renamed in the list"));
        QCOMPARE(shown(), inDocument());
        QCOMPARE(m_window->buildList()->currentBuild(), 1);
        m_window->buildList()->moveDownAction()->trigger();
        QCOMPARE(shown(), inDocument());
        QCOMPARE(shown().at(2), QStringLiteral("Renamed in the list"));
        QCOMPARE(m_window->buildList()->currentBuild(), 2);
        m_window->buildList()->removeAction()->trigger();
        QCOMPARE(shown(), inDocument());
        QVERIFY(!shown().contains(QStringLiteral("Renamed in the list")));
    }

    void addAndRemoveBuild() {
        const int n = m_window->document()->buildCount();
        m_window->buildList()->addEmptyAction()->trigger();
        QCOMPARE(m_window->document()->buildCount(), n + 1);
        QCOMPARE(ramSideSet()->count(), n + 1);
        QCOMPARE(m_window->buildList()->currentBuild(), n);
        QCOMPARE(m_window->buildEditor()->buildIndex(), n);

        m_window->buildList()->duplicateAction()->trigger();
        QCOMPARE(m_window->document()->buildCount(), n + 2);
        // Names stay unique: they label the charts and the report.
        QCOMPARE(QString::fromStdString(m_window->document()->state().builds.back().name),
                 QStringLiteral("New build (2)"));

        m_window->buildList()->removeAction()->trigger();
        m_window->buildList()->setCurrentBuild(n);
        m_window->buildList()->removeAction()->trigger();
        QCOMPARE(m_window->document()->buildCount(), n);
        QCOMPARE(ramSideSet()->count(), n);
        QCOMPARE(m_window->useCaseModel()->rowCount(), n);
    }

    void impossibleChoiceIsRefusedWithReason() {
        const int row = rowOf(QStringLiteral("Desktop: Ryzen 9 9950X + RTX 5090"));
        QVERIFY(row >= 0);
        m_window->buildList()->setCurrentBuild(row);
        auto *count = editorField<QSpinBox>("gpuCount");
        QVERIFY(count);
        QSignalSpy refused(m_window->buildEditor(), &BuildEditor::refused);
        count->setValue(4); // 4 x 8 lanes > what an AM5 CPU has
        QCOMPARE(refused.count(), 1);
        const QString reason = m_window->buildEditor()->refusal();
        QVERIFY2(reason.contains(QStringLiteral("PCIe lanes")), qPrintable(reason));
        auto *label = m_window->buildEditor()->findChild<QLabel *>(QStringLiteral("refusal"));
        QVERIFY(label && label->isVisible() && label->text().contains(reason));
        // Nothing changed, and the spin box shows the build as it is.
        QCOMPARE(
            m_window->document()->state().builds[static_cast<std::size_t>(row)].gpus.front().count,
            1);
        QCOMPARE(count->value(), 1);
        QVERIFY(m_window->document()->undoStack()->isClean());
        // A possible change clears the message.
        count->setValue(2);
        QVERIFY(m_window->buildEditor()->refusal().isEmpty());
        QCOMPARE(
            m_window->document()->state().builds[static_cast<std::size_t>(row)].gpus.front().count,
            2);
    }

    // The editor checks against the platform rules Find builds uses (issue 16): its memory
    // list is what the board's DIMMs make, a size that needs two DIMMs per channel takes
    // the two-DIMM speed in the same step, and a card the slots do not take is refused.
    void editorFollowsThePlatformRules() {
        const int row = rowOf(QStringLiteral("Desktop: Ryzen 9 9950X"));
        QVERIFY(row >= 0);
        m_window->buildList()->setCurrentBuild(row);
        QUndoStack *undo = m_window->document()->undoStack();
        const int steps = undo->index();
        const auto build = [&] {
            return m_window->document()->state().builds[static_cast<std::size_t>(row)];
        };
        auto *sizes = editorField<QComboBox>("moduleSize");
        QVERIFY(sizes);
        QStringList offered;
        for (int i = 0; i < sizes->count(); ++i)
            offered << sizes->itemText(i);
        // AM5: 16-64 GB DIMMs, up to two per channel.
        const QString list = offered.join(u'|');
        QVERIFY2(sizes->itemText(sizes->findData(96.0)).contains(QStringLiteral("(2 × 48")),
                 qPrintable(list));
        QVERIFY2(sizes->findData(256.0) < 0 && sizes->findData(16.0) >= 0, qPrintable(list));
        sizes->setCurrentIndex(sizes->findData(96.0));
        QVERIFY2(m_window->buildEditor()->refusal().isEmpty(),
                 qPrintable(m_window->buildEditor()->refusal()));
        QCOMPARE(units::inGigabytes(build().memory.capacity), 192.0);
        QCOMPARE(units::inMegatransfersPerSecond(build().memory.speed), 3600.0);
        // Back to one DIMM per channel: the fastest speed again.
        sizes->setCurrentIndex(sizes->findData(64.0));
        QCOMPARE(units::inMegatransfersPerSecond(build().memory.speed), 5600.0);
        // An SXM module is refused with the reason.
        auto *gpu = editorField<QComboBox>("gpu");
        gpu->setCurrentIndex(gpu->findData(QStringLiteral("NVIDIA H100 SXM5 80GB")));
        QVERIFY2(m_window->buildEditor()->refusal().contains(QStringLiteral("SXM module")),
                 qPrintable(m_window->buildEditor()->refusal()));
        QVERIFY(build().gpus.empty());
        QCOMPARE(undo->index(), steps + 2); // the two sizes; the refusal is no step
        undo->undo();
        undo->undo();
        QCOMPARE(units::inGigabytes(build().memory.capacity), 128.0);
    }

    void undoRestores() {
        const int row = rowOf(QStringLiteral("Server: EPYC 9554P"));
        m_window->buildList()->setCurrentBuild(row);
        const ComparisonState before = m_window->document()->state();
        const double ram = ramSideAt(row);
        editorField<QSpinBox>("channels")->setValue(6);
        editorField<QComboBox>("gpu")->setCurrentIndex(1);
        QVERIFY(!sameState(before, m_window->document()->state()));

        auto *undo = m_window->findChild<QAction *>(QStringLiteral("undo"));
        QVERIFY(undo && undo->isEnabled());
        undo->trigger();
        undo->trigger();
        QVERIFY(sameState(before, m_window->document()->state()));
        QCOMPARE(ramSideAt(row), ram);
        QCOMPARE(editorField<QSpinBox>("channels")->value(), 12);
        QVERIFY(!m_window->isWindowModified());

        m_window->findChild<QAction *>(QStringLiteral("redo"))->trigger();
        QCOMPARE(
            m_window->document()->state().builds[static_cast<std::size_t>(row)].memory.channels, 6);

        // Undo of a removal brings the build back in its place.
        m_window->buildList()->setCurrentBuild(0);
        const std::string first = m_window->document()->state().builds.front().name;
        m_window->buildList()->removeAction()->trigger();
        QVERIFY(m_window->document()->state().builds.front().name != first);
        undo->trigger();
        QCOMPARE(m_window->document()->state().builds.front().name, first);
    }

    void saveAndReopenIsEqual() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("comparison.json"));
        m_window->buildList()->setCurrentBuild(1);
        editorField<QSpinBox>("channels")->setValue(1);
        QVERIFY(m_window->saveToFile(path));
        QVERIFY(!m_window->isWindowModified());
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("comparison.json")));
        const ComparisonState saved = m_window->document()->state();

        auto dialogs = std::make_unique<FakeDialogs>();
        FakeDialogs *fake = dialogs.get();
        MainWindow other(
            llm::testsupport::windowData(m_catalog, llm::testsupport::Baseline::Uncalibrated),
            std::move(dialogs));
        QVERIFY(!sameState(saved, other.document()->state()));
        QVERIFY2(other.openFile(path), qPrintable(fake->errors.join(u'\n')));
        QVERIFY2(fake->errors.isEmpty(), qPrintable(fake->errors.join(u'\n')));
        QVERIFY(sameState(saved, other.document()->state()));
        QCOMPARE(other.summaryModel()->index(1, SummaryModel::RamBandwidth).data().toDouble(),
                 m_window->summaryModel()->index(1, SummaryModel::RamBandwidth).data().toDouble());
    }

    void badFilesAreRefused_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("damaged") << QByteArray("{ \"builds\": [ {") << QString();
        QTest::newRow("newer format")
            << QByteArray("{\"format_version\": 99, \"builds\": []}") << QStringLiteral("newer");
        QTest::newRow("unknown cpu")
            << QByteArray("{\"builds\":[{\"name\":\"x\",\"cpu\":\"No Such CPU 1\",\"memory\":"
                          "{\"channels\":2,\"mts\":5600,\"capacity_gb\":64}}],"
                          "\"model\":{\"name\":\"Qwen2.5-14B-Instruct\",\"quant\":\"Q4_K_M\"}}")
            << QStringLiteral("cpu");
    }

    void badFilesAreRefused() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const ComparisonState before = m_window->document()->state();
        QVERIFY(!m_window->openFile(path));
        QCOMPARE(m_dialogs->errors.size(), 1);
        QVERIFY2(m_dialogs->errors.first().contains(expected),
                 qPrintable(m_dialogs->errors.first()));
        QVERIFY(sameState(before, m_window->document()->state()));
        QVERIFY(m_window->currentFile().isEmpty());
        // Nothing overwritten.
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);
    }

    // D9: a file beyond what one comparison holds (more than 12 builds, a name
    // over 200 characters) is refused at once with a message naming the limit;
    // before, 1,000 builds opened (and their report took 26 s).
    void refusesAComparisonLargerThanItShows_data() {
        QTest::addColumn<int>("builds");
        QTest::addColumn<int>("nameLength"); // of the first build; 0: short
        QTest::addColumn<QString>("expected");
        QTest::newRow("13 builds") << 13 << 0 << QStringLiteral("at most 12");
        QTest::newRow("1,000 builds") << 1000 << 0 << QStringLiteral("builds: 1,000 builds");
        QTest::newRow("name of 201") << 2 << 201 << QStringLiteral("builds[0].name: 201");
        QTest::newRow("name of 100,000") << 2 << 100'000 << QStringLiteral("at most 200");
    }
    void refusesAComparisonLargerThanItShows() {
        QFETCH(int, builds);
        QFETCH(int, nameLength);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("large.json"));
        QVERIFY(writeBuilds(path, builds, nameLength));
        const ComparisonState before = m_window->document()->state();
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!m_window->openFile(path));
        QVERIFY2(clock.elapsed() < 2000, QByteArray::number(clock.elapsed()).constData());
        QCOMPARE(m_dialogs->errors.size(), 1);
        QVERIFY2(m_dialogs->errors.first().contains(expected),
                 qPrintable(m_dialogs->errors.first()));
        QVERIFY(m_dialogs->errors.first().contains(QStringLiteral("large.json")));
        QVERIFY(sameState(before, m_window->document()->state()));
        QVERIFY(m_window->currentFile().isEmpty());
    }

    // At the limit the file opens and exports; adding a 13th build is refused,
    // and the greyed-out buttons say why. A name over the limit is not taken.
    void twelveBuildsOpenAndStop() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("twelve.json"));
        QVERIFY(writeBuilds(path, ComparisonDocument::kMaxBuilds, 200));
        QVERIFY2(m_window->openFile(path), qPrintable(m_dialogs->errors.join(u'\n')));
        QCOMPARE(m_window->document()->buildCount(), 12);
        BuildListPanel *list = m_window->buildList();
        QVERIFY(!list->addEmptyAction()->isEnabled());
        QVERIFY(!list->duplicateAction()->isEnabled());
        QVERIFY(!list->presetMenu()->isEnabled());
        QVERIFY2(list->addEmptyAction()->toolTip().contains(QStringLiteral("at most 12 builds")),
                 qPrintable(list->addEmptyAction()->toolTip()));
        list->addEmptyAction()->trigger();
        QCOMPARE(m_window->document()->buildCount(), 12);
        QVERIFY(!m_window->document()->addBuild(m_window->document()->state().builds.front()));

        const QModelIndex name = m_window->summaryModel()->index(1, SummaryModel::Name);
        QVERIFY(!m_window->summaryModel()->setData(name, QString(201, u'r')));
        QVERIFY(m_window->summaryModel()->setData(name, QString(200, u'r')));
        QCOMPARE(m_window->document()->state().builds[1].name, std::string(200, 'r'));

        // The export at the limit takes a second or more: a progress window
        // names the page being written (timers run while it is painted).
        QString seen;
        QTimer::singleShot(700, m_window.get(), [&] {
            if (auto *p = m_window->findChild<QProgressDialog *>(QStringLiteral("exportProgress")))
                seen = p->isVisible() ? p->labelText() : QString();
        });
        QElapsedTimer clock;
        clock.start();
        int pages = 0;
        QVERIFY(m_window->exportPdf(dir.filePath(QStringLiteral("twelve.pdf")), &pages));
        const qint64 ms = clock.elapsed();
        QVERIFY(pages >= 4);
        if (ms > 1000) // on a fast machine the export may be over before the timer
            QVERIFY2(seen.contains(QStringLiteral("page")), qPrintable(seen));
        QVERIFY(!m_window->findChild<QProgressDialog *>(QStringLiteral("exportProgress")));
        QVERIFY2(m_dialogs->errors.isEmpty(), qPrintable(m_dialogs->errors.join(u'\n')));

        // One removed: adding works again, and the buttons say what they do.
        list->setCurrentBuild(0);
        list->removeAction()->trigger();
        QVERIFY(list->addEmptyAction()->isEnabled());
        QVERIFY(!list->addEmptyAction()->toolTip().contains(QStringLiteral("at most")));
    }

    // --tab numbers the tabs; the option parser knows how many there are.
    void tabOptionCoversEveryTab() { QCOMPARE(m_window->tabs()->count(), kWindowTabCount); }

    void failingSaveLeavesOldFileWhole() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.json"));
        QVERIFY(m_window->saveToFile(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray old = f.readAll();
        f.close();
        QVERIFY(old.size() > 1000);

        m_window->buildList()->setCurrentBuild(rowOf(QStringLiteral("Server: EPYC 9554P")));
        editorField<QSpinBox>("channels")->setValue(1);
        QVERIFY(m_window->isWindowModified());
        // A disk that fills up half-way: writes beyond 512 bytes fail with EFBIG.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        rlimit small = saved;
        small.rlim_cur = 512;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const bool ok = m_window->saveToFile(path);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &saved), 0);
        QVERIFY(!ok);
        QCOMPARE(m_dialogs->errors.size(), 1);
        QVERIFY(m_window->isWindowModified());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), old);
        f.close();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temp left

        // A folder that does not exist: refused with a message.
        QVERIFY(!m_window->saveToFile(dir.filePath(QStringLiteral("no/such/dir/x.json"))));
        QCOMPARE(m_dialogs->errors.size(), 2);
    }

    void exportPdfHoldsEveryBuildAndUseCase() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        int pages = 0;
        QVERIFY(m_window->exportPdf(path, &pages));
        if (qEnvironmentVariableIsSet("LLMADVISOR_KEEP_PDF"))
            QFile::copy(path, qEnvironmentVariable("LLMADVISOR_KEEP_PDF"));
        QVERIFY2(m_dialogs->errors.isEmpty(), qPrintable(m_dialogs->errors.join(u'\n')));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(5), QByteArray("%PDF-"));
        QVERIFY(pages >= 4); // text, two chart pages, why and assumptions

        const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdfinfo.isEmpty() || pdftotext.isEmpty())
            QSKIP("poppler-utils (pdfinfo, pdftotext) not installed");
        QProcess info;
        info.start(pdfinfo, {path});
        QVERIFY(info.waitForFinished(30000));
        const QString infoText = QString::fromUtf8(info.readAllStandardOutput());
        QVERIFY2(
            infoText.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\b").arg(pages))),
            qPrintable(infoText));
        QVERIFY(infoText.contains(QStringLiteral("A4")));

        QProcess text;
        text.start(pdftotext, {path, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString all = QString::fromUtf8(text.readAllStandardOutput()).simplified();
        for (const Build &b : m_window->document()->state().builds)
            QVERIFY2(all.contains(QString::fromStdString(b.name)), b.name.c_str());
        for (const UseCase &u : m_window->document()->state().useCases)
            QVERIFY2(all.contains(QString::fromStdString(u.id)), u.id.c_str());
        QVERIFY(all.contains(QStringLiteral("Assumptions")));

        // Unwritable target: an error, no file.
        QVERIFY(!m_window->exportPdf(dir.filePath(QStringLiteral("missing/dir/r.pdf"))));
        QCOMPARE(m_dialogs->errors.size(), 1);
    }

    void darkThemeReachesTheCharts() {
        m_window->setTheme(Theme::Dark);
        QCOMPARE(m_window->charts()->chart(ChartsPanel::AnswerStart)->theme(),
                 QChart::ChartThemeDark);
        QCOMPARE(ramSideSet()->count(), m_window->document()->buildCount());
        m_window->setTheme(Theme::Light);
        QCOMPARE(m_window->charts()->chart(ChartsPanel::AnswerStart)->theme(),
                 QChart::ChartThemeLight);
    }

    void buildListLaidOutWhenShown() {
        // A theme set before the window shows (the --theme option) changes the style:
        // the build list's scroll range is that of a fresh layout once shown.
        MainWindow window(
            llm::testsupport::windowData(m_catalog, llm::testsupport::Baseline::Uncalibrated),
            std::make_unique<FakeDialogs>());
        window.setTheme(Theme::Dark);
        QVERIFY(window.openFile(
            QStringLiteral(LLMADVISOR_SOURCE_DIR "/resources/scenarios/seed-comparison.json")));
        window.show();
        window.resize(1280, 720);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50);
        QListView *list = window.buildList()->view();
        const int shown = list->verticalScrollBar()->maximum();
        list->doItemsLayout();
        const int fresh = list->verticalScrollBar()->maximum();
        window.setTheme(Theme::Light);
        QVERIFY(fresh > 0); // nine builds do not fit: the list scrolls
        QCOMPARE(shown, fresh);
    }

    void everyInputHasAnAccessibleName() {
        const auto widgets = m_window->findChildren<QWidget *>();
        int checked = 0;
        for (QWidget *w : widgets) {
            if (!w->isVisible() ||
                !(qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w)))
                continue;
            if (w->parentWidget() && qobject_cast<QComboBox *>(w->parentWidget()))
                continue; // a combo box's own line edit
            ++checked;
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
            QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
        }
        QVERIFY(checked >= 8);
        // Charts are described in words for screen readers.
        QVERIFY(m_window->charts()
                    ->view(ChartsPanel::Bandwidth)
                    ->accessibleDescription()
                    .contains(QStringLiteral("GB/s")));
        QCOMPARE(m_window->charts()->view(ChartsPanel::Bandwidth)->focusPolicy(), Qt::NoFocus);
    }

    void fitsIn1280x720() {
        QVERIFY(m_window->minimumSizeHint().width() <= 1280);
        QVERIFY(m_window->minimumSizeHint().height() <= 720);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
