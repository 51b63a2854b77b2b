// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "aboutdialog.h"
#include "advisor/findbuildsdialog.h"
#include "advisor/recommendrunner.h"
#include "advisor/whatifpanel.h"
#include "builds/buildeditor.h"
#include "builds/buildlistpanel.h"
#include "builds/modelpicker.h"
#include "catalog/catalogeditorwindow.h"
#include "catalog/catalogrefresh.h"
#include "catalog/measurementimportdialog.h"
#include "catalogue.h"
#include "catalogueeditor.h"
#include "charts/chartspanel.h"
#include "comparison/comparisondocument.h"
#include "dialogs.h"
#include "glossary.h"
#include "glossarydialog.h"
#include "guidance.h"
#include "measurements.h"
#include "report/meetingdialog.h"
#include "results/assumptionspanel.h"
#include "results/ataglance.h"
#include "results/resultspanel.h"
#include "results/sizecurvemodel.h"
#include "results/summarymodel.h"
#include "results/usecasemodel.h"
#include "settingscheck.h"
#include "usermeasurements.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QChartView>
#include <QCloseEvent>
#include <QDate>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWhatsThis>

#include <functional>

namespace llm::ui {

namespace {
// Tells the window when its height is known, to give "At a glance" its rows.
class AnswerSplitter final : public QSplitter {
public:
    AnswerSplitter(std::function<void()> resized, QWidget *parent)
        : QSplitter(Qt::Vertical, parent)
        , m_resized(std::move(resized)) {}

protected:
    void resizeEvent(QResizeEvent *event) override {
        QSplitter::resizeEvent(event);
        m_resized();
    }

private:
    std::function<void()> m_resized;
};
} // namespace

MainWindow::MainWindow(db::ReferenceData reference, std::unique_ptr<Dialogs> dialogs,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_document(new ComparisonDocument(std::move(reference), this))
    , m_dialogs(dialogs ? std::move(dialogs) : std::make_unique<WidgetDialogs>()) {
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true); // a comparison to open, or llama-bench results to import
    // Before anything reads QSettings: a damaged file is moved aside, defaults used.
    const SettingsCheck settingsCheck = checkSettingsFile();
    m_document->reset(defaultState(m_document->catalog(), m_document->baseline()));
    m_summary = new SummaryModel(m_document, this);
    m_useCases = new UseCaseModel(m_document, this);
    m_sizes = new SizeCurveModel(m_document, this);
    createLayout();
    createActions();
    readSettings();
    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ComparisonDocument::resultsChanged, this,
            &MainWindow::updateOverrideMarker);
    updateTitle();
    updateOverrideMarker();
    if (settingsCheck.damaged)
        m_guidance->showNotice(
            settingsCheck.keptAs.isEmpty()
                ? tr("Your settings could not be read (%1) and were reset to the defaults.")
                      .arg(settingsCheck.reason)
                : tr("Your settings could not be read (%1); the program started on its "
                     "defaults. The damaged file was kept as %2.")
                      .arg(settingsCheck.reason, settingsCheck.keptAs.toHtmlEscaped()));
}

MainWindow::~MainWindow() {
    // The document is a child and is destroyed after this destructor has run; its
    // undo stack still signals (cleanChanged) while it goes. Nothing may reach this
    // half-destroyed window then (UBSan's vptr check caught it).
    disconnect(m_document->undoStack(), nullptr, this, nullptr);
    disconnect(m_document, nullptr, this, nullptr);
}

void MainWindow::createLayout() {
    m_buildList = new BuildListPanel(m_document, m_summary, this);
    m_editor = new BuildEditor(m_document, this);
    connect(m_buildList, &BuildListPanel::currentBuildChanged, m_editor,
            &BuildEditor::setBuildIndex);
    connect(m_editor, &BuildEditor::refused, this, [this](const QString &reason) {
        statusBar()->showMessage(tr("Not possible: %1").arg(reason), 8000);
    });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 6, 6);
    leftLayout->addWidget(m_buildList, 2);
    auto *editorTitle = new QLabel(tr("<b>Selected build</b>"), left);
    leftLayout->addWidget(editorTitle);
    auto *scroll = new QScrollArea(left);
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    leftLayout->addWidget(scroll, 3);

    m_modelPicker = new ModelPicker(m_document, this);
    m_charts = new ChartsPanel(m_document, m_summary, m_useCases, m_sizes, this);
    m_summaryTable = new SummaryTable(m_summary, this);
    m_useCasePanel = new UseCasePanel(m_document, m_useCases, this);
    m_assumptions = new AssumptionsPanel(m_document, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("resultTabs"));
    m_tabs->addTab(m_charts, tr("&Charts"));
    m_tabs->addTab(m_summaryTable, tr("&Table"));
    m_tabs->addTab(m_useCasePanel, tr("&Use cases && why"));
    m_tabs->addTab(createSizeTable(m_sizes, this), tr("Model &sizes"));
    // Pages with many fields scroll rather than hold the window's height: "At a
    // glance" above them needs the room.
    const auto scrolled = [this](QWidget *page, const QString &name) {
        auto *area = new QScrollArea(this);
        area->setObjectName(name);
        area->setWidget(page);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        return area;
    };
    m_tabs->addTab(scrolled(m_assumptions, QStringLiteral("assumptionsScroll")),
                   tr("&Assumptions"));
    m_whatIfPanel = new WhatIfPanel(m_document, this);
    m_tabs->addTab(scrolled(m_whatIfPanel, QStringLiteral("whatIfScroll")), tr("&What if"));
    m_tabs->setTabToolTip(m_tabs->count() - 1,
                          tr("What single changes would do to the selected build, and how much "
                             "room it has left."));
    connect(m_buildList, &BuildListPanel::currentBuildChanged, m_whatIfPanel,
            &WhatIfPanel::setBuildIndex);
    m_whatIfPanel->setBuildIndex(m_buildList->currentBuild());
    connect(m_buildList, &BuildListPanel::currentBuildChanged, m_assumptions,
            &AssumptionsPanel::setBuildIndex);
    m_assumptions->setBuildIndex(m_buildList->currentBuild());
    // Engineering detail: bandwidth chart and columns, last so the other tabs keep their keys.
    auto *engineering =
        new EngineeringPanel(m_summary, m_charts->view(ChartsPanel::Bandwidth), this);
    m_tabs->addTab(engineering, tr("&Engineering detail"));
    m_tabs->setTabToolTip(m_tabs->indexOf(engineering),
                          tr("Memory bandwidth, bottlenecks and published measurements: the "
                             "engineering behind the speeds."));
    m_tabs->setTabToolTip(1, tr("The charts' numbers as a table (also for screen readers)."));
    m_tabs->setTabToolTip(4, glossary(Term::Efficiency));

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 6, 6, 6);
    rightLayout->addWidget(m_modelPicker);
    m_guidance = new Guidance(m_document, this);
    rightLayout->addWidget(
        m_guidance->wrapResults(m_tabs, m_buildList->addEmptyAction(), m_buildList->presetMenu()),
        1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({410, 870});
    left->setMinimumWidth(300);

    // The answer first: "At a glance" across the window's width, above the builds
    // and the charts, sized to show every row (up to nine); the splitter lets the
    // user give the charts more room.
    m_atAGlance = new AtAGlancePanel(m_document, this);
    connect(m_atAGlance, &AtAGlancePanel::findBuildsRequested, this, [this] { showFindBuilds(); });
    m_answerSplitter = new AnswerSplitter([this] { fitAnswer(); }, this);
    m_answerSplitter->setObjectName(QStringLiteral("answerSplitter"));
    m_answerSplitter->setChildrenCollapsible(false);
    m_answerSplitter->addWidget(m_atAGlance);
    m_answerSplitter->addWidget(splitter);
    m_answerSplitter->setStretchFactor(0, 0);
    m_answerSplitter->setStretchFactor(1, 1);
    setCentralWidget(m_guidance->wrapCentral(m_answerSplitter));
    // No builds: the empty state says what to do; there is nothing to summarise.
    const auto showAnswer = [this] {
        m_atAGlance->setVisible(m_document->buildCount() > 0);
        m_userSplit = false;
        fitAnswer();
    };
    connect(m_answerSplitter, &QSplitter::splitterMoved, this, [this] { m_userSplit = true; });
    connect(m_document, &ComparisonDocument::structureChanged, this, showAnswer);
    showAnswer();

    m_overrideMarker = new QLabel(this);
    m_overrideMarker->setObjectName(QStringLiteral("overrideMarker"));
    statusBar()->addPermanentWidget(m_overrideMarker);
    resize(1280, 720);
}

void MainWindow::createActions() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAct = file->addAction(tr("&New comparison"), this, &MainWindow::newComparison);
    newAct->setShortcut(QKeySequence::New);
    QAction *openAct = file->addAction(tr("&Open…"), this, &MainWindow::open);
    openAct->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addSeparator();
    QAction *saveAct = file->addAction(tr("&Save"), this, &MainWindow::save);
    saveAct->setShortcut(QKeySequence::Save);
    QAction *saveAsAct = file->addAction(tr("Save &as…"), this, &MainWindow::saveAs);
    saveAsAct->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *exportAct =
        file->addAction(tr("&Export PDF…"), this, &MainWindow::exportPdfInteractive);
    exportAct->setObjectName(QStringLiteral("exportPdf"));
    exportAct->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *printAct = file->addAction(tr("&Print…"), this, &MainWindow::printPreview);
    printAct->setShortcut(QKeySequence::Print);
    file->addAction(createBlackAndWhiteAction());
    file->addSeparator();
    QAction *quitAct = file->addAction(tr("&Quit"), this, &QWidget::close);
    quitAct->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undo"));
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("redo"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(m_buildList->addEmptyAction());
    edit->addMenu(m_buildList->presetMenu());
    edit->addAction(m_buildList->duplicateAction());
    edit->addAction(m_buildList->renameAction());
    edit->addAction(m_buildList->removeAction());
    edit->addAction(m_buildList->moveUpAction());
    edit->addAction(m_buildList->moveDownAction());
    edit->addSeparator();
    QAction *meetingAct =
        edit->addAction(tr("&Meeting details…"), this, [this] { showMeetingDialog(); });
    meetingAct->setObjectName(QStringLiteral("meetingDetails"));
    meetingAct->setToolTip(tr("Title, purpose, decision, attendees and build notes for the "
                              "report's first page"));
    QAction *findAct =
        edit->addAction(tr("&Find a build for my budget…"), this, [this] { showFindBuilds(); });
    findAct->setObjectName(QStringLiteral("findBuilds"));
    findAct->setShortcut(QKeySequence::Find);
    findAct->setToolTip(tr("Find the builds in the catalogue that meet a need: model, use cases, "
                           "budget and power"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *group = new QActionGroup(this);
    const std::pair<Theme, QString> themes[] = {
        {Theme::System, tr("&System")}, {Theme::Light, tr("&Light")}, {Theme::Dark, tr("&Dark")}};
    for (const auto &[t, name] : themes) {
        QAction *a = theme->addAction(name);
        a->setCheckable(true);
        a->setData(static_cast<int>(t));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, t = t] { setTheme(t); });
    }
    for (int i = 0; i < m_tabs->count(); ++i) {
        QAction *a = view->addAction(m_tabs->tabText(i)
                                         .remove(QLatin1Char('&'))
                                         .replace(QStringLiteral("&&"), QStringLiteral("&")));
        a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
    }
    view->addSeparator();
    view->addAction(QWhatsThis::createAction(this));

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    m_catalogEditorAction =
        tools->addAction(tr("&Catalogue editor…"), this, [this] { showCatalogueEditor(); });
    m_catalogEditorAction->setObjectName(QStringLiteral("catalogueEditor"));
    // Ctrl+E is Export PDF.
    m_catalogEditorAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_catalogEditorAction->setEnabled(false);
    m_catalogEditorAction->setToolTip(tr("See and change the CPUs, GPUs, models and "
                                         "quantizations, with your own prices and parts"));
    m_importMeasurementsAction =
        tools->addAction(tr("&Import my llama-bench results…"), this, [this] {
            const QString path = m_dialogs->openFileName(
                this, tr("Import your llama-bench results"),
                tr("llama-bench output (*.json *.jsonl *.csv *.md *.txt);;All files (*)"));
            if (!path.isEmpty())
                importMeasurements(path);
        });
    m_importMeasurementsAction->setObjectName(QStringLiteral("importMeasurements"));
    m_importMeasurementsAction->setEnabled(false);
    m_importMeasurementsAction->setToolTip(
        tr("Your own speed measurements (the output of llama-bench -o json, jsonl, csv or md): "
           "they calibrate the estimates for that kind of hardware and are shown beside them. "
           "You can also drop the file on the window."));
    m_myMeasurementsAction =
        tools->addAction(tr("&My measurements…"), this, [this] { manageMeasurements(); });
    m_myMeasurementsAction->setObjectName(QStringLiteral("myMeasurements"));
    m_myMeasurementsAction->setEnabled(false);
    m_myMeasurementsAction->setToolTip(
        tr("The speeds you imported from your own machines: look at them, or remove those "
           "that are wrong or out of date."));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Getting started"), this, [this] { m_guidance->showGuide(); });
    QAction *glossaryAct = help->addAction(tr("G&lossary…"), this, [this] {
        auto *dialog = findChild<GlossaryDialog *>();
        if (!dialog)
            dialog = new GlossaryDialog(this);
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    });
    glossaryAct->setObjectName(QStringLiteral("glossary"));
    glossaryAct->setShortcut(QKeySequence::HelpContents);
    QAction *aboutAct = help->addAction(tr("&About"), this, &MainWindow::about);
    aboutAct->setObjectName(QStringLiteral("about"));

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(openAct);
    bar->addAction(saveAct);
    bar->addAction(exportAct);
    bar->addSeparator();
    bar->addAction(findAct);
    bar->addSeparator();
    bar->addAction(undo);
    bar->addAction(redo);
    rebuildRecentMenu();
}

void MainWindow::fitAnswer() {
    // Every row of "At a glance" visible, the rest to the charts; the user's own
    // split is kept until the builds change.
    if (m_userSplit || !m_atAGlance->isVisibleTo(this))
        return;
    const int total = m_answerSplitter->height();
    if (total < 200)
        return;
    const int wanted =
        std::min(m_atAGlance->heightForWidth(m_answerSplitter->width()), total * 3 / 5);
    m_answerSplitter->setSizes({wanted, total - wanted});
}

void MainWindow::updateTitle() {
    setWindowModified(!m_document->undoStack()->isClean());
    const QString name =
        m_file.isEmpty() ? tr("Untitled comparison") : QFileInfo(m_file).fileName();
    setWindowTitle(name + QStringLiteral("[*] — ") + tr("LLM Procurement Advisor"));
    setWindowFilePath(m_file);
}

void MainWindow::updateOverrideMarker() {
    const auto &overridden = m_document->state().assumptions.overridden;
    // The factors behind the numbers are fitted on measurements unless the
    // calibration could not be read (then they are the built-in guesses).
    const Assumptions &base = m_document->baseline();
    const bool calibrated = base.defaultCpu.measurements + base.defaultGpu.measurements +
                                base.defaultUnified.measurements >
                            0;
    m_overrideMarker->setText(
        !overridden.empty()
            ? tr("⚠ Assumptions: %n override(s)", "", static_cast<int>(overridden.size()))
            : (calibrated ? tr("Assumptions: calibrated factors, no overrides")
                          : tr("Assumptions: uncalibrated default factors, no overrides")));
}

void MainWindow::setTheme(Theme theme) {
    m_theme = theme;
    const bool dark = applyTheme(theme);
    m_charts->setMode(dark ? ChartMode::Dark : ChartMode::Light);
}

void MainWindow::setCatalogueDatabase(db::CatalogueDatabase *database) {
    m_database = database;
    m_catalogEditorAction->setEnabled(database != nullptr);
    m_importMeasurementsAction->setEnabled(database != nullptr);
    m_myMeasurementsAction->setEnabled(database != nullptr);
}

bool MainWindow::importMeasurements(const QString &path) {
    const QString title = tr("Import your llama-bench results");
    const QString name = QFileInfo(path).fileName();
    const auto refuse = [&](const QString &why) {
        m_dialogs->error(this, title, why);
        return false;
    };
    if (!m_database || !m_database->isOpen())
        return refuse(tr("Your catalogue file is not open, so your results cannot be kept. "
                         "Nothing was imported."));
    if (m_database->isReadOnly())
        return refuse(tr("Your catalogue file is open read-only (another copy of the program may "
                         "be writing it, or it was made by a newer version), so your results "
                         "cannot be kept. Nothing was imported."));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(tr("“%1” cannot be read: %2").arg(name, file.errorString()));
    constexpr qint64 maxBytes = 16 * 1024 * 1024;
    const QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes)
        return refuse(tr("“%1” is larger than 16 MiB; llama-bench output is far smaller. Nothing "
                         "was imported.")
                          .arg(name));
    db::BenchProblem problem;
    std::optional<db::BenchFile> bench = db::parseLlamaBench(bytes, &problem);
    if (!bench)
        return refuse(
            tr("“%1” is not llama-bench output that can be read: %2").arg(name, problem.message));
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    MeasurementImportDialog dialog(m_document->catalog(), name, std::move(*bench), today, this);
    if (m_dialogs->run(&dialog) != QDialog::Accepted)
        return false;
    const QList<db::UserMeasurementRecord> records = dialog.records();
    if (records.isEmpty())
        return refuse(tr("Nothing was imported: %1").arg(dialog.problem()));
    const db::StoreResult stored = db::storeUserMeasurements(*m_database, records);
    if (!stored.ok)
        return refuse(tr("Your results could not be saved, and none were: %1").arg(stored.error));
    QString error;
    if (!reloadOwnMeasurements(false, &error))
        return refuse(tr("Your results were saved but cannot be read back: %1").arg(error));
    statusBar()->showMessage(
        stored.stored == 0
            ? tr("These results were imported before; nothing new was stored.")
            : tr("Imported %n of your results from “%1”; the estimates for that hardware are "
                 "now calibrated with them (Tools → My measurements… lists and removes them).",
                 nullptr, stored.stored)
                  .arg(name),
        20000);
    return true;
}

bool MainWindow::reloadOwnMeasurements(bool onlyIfChanged, QString *error) {
    const auto own = db::readOwnMeasurements(*m_database, m_document->catalog(), error);
    if (!own)
        return false;
    const auto ids = [](const std::vector<Measurement> &rows) {
        std::vector<std::string> out;
        for (const Measurement &m : rows)
            out.push_back(m.id);
        return out;
    };
    if (!onlyIfChanged || ids(own->rows) != ids(m_document->ownMeasurements()))
        m_document->setOwnMeasurements(own->rows,
                                       QDate::currentDate().toString(Qt::ISODate).toStdString());
    return true;
}

int MainWindow::manageMeasurements() {
    const QString title = tr("My measurements");
    const auto refuse = [&](const QString &why) {
        m_dialogs->error(this, title, why);
        return -1;
    };
    if (!m_database || !m_database->isOpen())
        return refuse(tr("Your catalogue file is not open, so there are no measurements of yours "
                         "to show."));
    QString error;
    std::optional<QList<db::UserMeasurementRecord>> records =
        db::readUserMeasurements(*m_database, &error);
    if (!records)
        return refuse(tr("Your measurements cannot be read: %1").arg(error));
    MyMeasurementsDialog dialog(std::move(*records), this);
    if (m_dialogs->run(&dialog) != QDialog::Accepted)
        return 0;
    const QList<qint64> ids = dialog.selectedIds();
    if (ids.isEmpty())
        return 0;
    if (m_database->isReadOnly())
        return refuse(tr("Your catalogue file is open read-only (another copy of the program may "
                         "be writing it, or it was made by a newer version), so nothing was "
                         "removed."));
    if (!db::removeUserMeasurements(*m_database, ids, &error))
        return refuse(tr("Nothing was removed: %1").arg(error));
    if (!reloadOwnMeasurements(false, &error))
        return refuse(
            tr("Your measurements were removed, but the rest cannot be read back: %1").arg(error));
    const auto removed = static_cast<int>(ids.size());
    statusBar()->showMessage(tr("Removed %n of your measurements; the estimates for that hardware "
                                "are calibrated without them.",
                                nullptr, removed),
                             20000);
    return removed;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.front().isLocalFile())
        return;
    const QString path = urls.front().toLocalFile();
    event->acceptProposedAction();
    // llama-bench output is imported; anything else is opened as a comparison
    // (which says plainly when it is not one).
    QFile file(path);
    db::BenchProblem problem;
    if (file.open(QIODevice::ReadOnly) &&
        db::parseLlamaBench(file.read(16 * 1024 * 1024), &problem)) {
        file.close();
        importMeasurements(path);
        return;
    }
    file.close();
    if (maybeSave())
        openFile(path);
}

QStringList MainWindow::setCatalog(Catalog catalog) {
    QStringList problems;
    const ComparisonState next =
        resolveAgain(m_document->catalog(), catalog, m_document->state(), &problems);
    m_document->setCatalog(std::move(catalog), next);
    if (!problems.isEmpty())
        statusBar()->showMessage(problems.join(u' '), 20000);
    return problems;
}

CatalogEditorWindow *MainWindow::showCatalogueEditor() {
    if (!m_database)
        return nullptr;
    if (!m_catalogEditor) {
        m_catalogEditor = new CatalogEditorWindow(m_database, m_dialogs.get(), this);
        connect(m_catalogEditor, &CatalogEditorWindow::catalogueChanged, this, [this] {
            setCatalog(db::loadMarked(m_database));
            // A catalogue pack may have brought measurements of the user's own.
            QString error;
            reloadOwnMeasurements(true, &error);
        });
    }
    m_catalogEditor->show();
    m_catalogEditor->raise();
    m_catalogEditor->activateWindow();
    return m_catalogEditor;
}

FindBuildsDialog *MainWindow::showFindBuilds() {
    if (!m_findBuilds) {
        m_findBuilds = new FindBuildsDialog(m_document, this);
        connect(m_findBuilds, &FindBuildsDialog::buildsAdded, this,
                [this](int first) { m_buildList->setCurrentBuild(first); });
    }
    if (!m_findBuilds->isVisible() && !m_findBuilds->runner()->isRunning())
        m_findBuilds->loadFromComparison();
    m_findBuilds->show();
    m_findBuilds->raise();
    m_findBuilds->activateWindow();
    return m_findBuilds;
}

MeetingDialog *MainWindow::showMeetingDialog() {
    auto *dialog = new MeetingDialog(m_document->state(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // Builds added or removed while the dialog was open: their notes no longer
        // line up, and setMeeting refuses rather than attach notes to the wrong build.
        if (!m_document->setMeeting(dialog->meeting(), dialog->buildNotes()))
            statusBar()->showMessage(
                tr("The builds changed while the meeting details were open; nothing was "
                   "changed."),
                8000);
    });
    dialog->open();
    return dialog;
}

void MainWindow::about() {
    // Not modal-blocking: the link inside opens docs/estimator.md.
    auto *dialog = new AboutDialog(m_document->catalog(), m_document->baseline(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}

} // namespace llm::ui
