// SPDX-License-Identifier: MIT
#pragma once
// The stakeholder window: builds on the left, the model on top, charts and
// tables in the middle. The only place that wires document, models and views.

#include "assumptions.h"
#include "catalog.h"
#include "dialogs.h"
#include "platform.h"
#include "referencedata.h"
#include "theme.h"

#include <QMainWindow>

#include <memory>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;
QT_END_NAMESPACE

namespace llm::db {
class CatalogueDatabase;
}

namespace llm::ui {

struct ReportOptions;
class AssumptionsPanel;
class AtAGlancePanel;
class CatalogEditorWindow;
class BuildEditor;
class BuildListPanel;
class ChartsPanel;
class ComparisonDocument;
class Dialogs;
class FindBuildsDialog;
class MeetingDialog;
class Guidance;
class WhatIfPanel;
class ModelPicker;
class SizeCurveModel;
class SummaryModel;
class SummaryTable;
class UseCaseModel;
class UseCasePanel;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    // `reference`: the catalogue, the assumptions every new comparison starts from
    // (the shipped, calibrated efficiency factors), the platform rules and the
    // published measurements, loaded once by main(); the window loads none of it.
    // `dialogs` defaults to real file dialogs and message boxes.
    explicit MainWindow(db::ReferenceData reference, std::unique_ptr<Dialogs> dialogs = {},
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    ComparisonDocument *document() const { return m_document; }
    SummaryModel *summaryModel() const { return m_summary; }
    UseCaseModel *useCaseModel() const { return m_useCases; }
    SizeCurveModel *sizeModel() const { return m_sizes; }
    ChartsPanel *charts() const { return m_charts; }
    BuildListPanel *buildList() const { return m_buildList; }
    BuildEditor *buildEditor() const { return m_editor; }
    QTabWidget *tabs() const { return m_tabs; }
    // First-run guide, notices and empty states.
    Guidance *guidance() const { return m_guidance; }
    WhatIfPanel *whatIfPanel() const { return m_whatIfPanel; }
    AtAGlancePanel *atAGlance() const { return m_atAGlance; }
    // Edit → Find builds… (made on first use, non-modal).
    FindBuildsDialog *showFindBuilds();
    // Edit → Meeting details…: a window-modal dialog (deleted on close) whose OK
    // applies title, purpose, decision, attendees and build notes as one undo step.
    MeetingDialog *showMeetingDialog();
    QString currentFile() const { return m_file; }

    // File operations; errors go to the Dialogs, and the return says whether it worked.
    bool openFile(const QString &path);
    bool saveToFile(const QString &path);
    bool exportPdf(const QString &path, int *pages = nullptr);
    // File → Print in black and white, for this session (not saved): the
    // unattended --export-pdf sets it from --black-and-white.
    void setReportInBlackAndWhite(bool on);
    ReportOptions reportOptions() const;
    void newComparison();
    void setTheme(Theme theme);

    // The user's catalogue database (must outlive the window): enables
    // Tools → Catalogue editor, whose edits reach the comparison at once.
    void setCatalogueDatabase(db::CatalogueDatabase *database);
    // A changed catalogue: parts looked up again by name, results recomputed;
    // parts no longer in it are named (returned and shown in the status bar).
    QStringList setCatalog(Catalog catalog);
    // Shows the catalogue editor (made on first use); nullptr without a database.
    CatalogEditorWindow *showCatalogueEditor();
    // Tools → Import my llama-bench results… (or the file dropped on the window):
    // reads llama-bench's output, asks what it cannot know, stores the results in
    // the user's catalogue database and recalibrates the estimates with them.
    // False (with the reason shown) when nothing was imported.
    bool importMeasurements(const QString &path);
    // Tools → My measurements…: lists the stored results; those the user selects
    // and removes are deleted from the catalogue database and the estimates go
    // back to the calibration without them. Returns how many were removed (0 when
    // none, -1 with the reason shown when they could not be).
    int manageMeasurements();

protected:
    void closeEvent(QCloseEvent *event) override;
    // A scenario file or llama-bench output dropped on the window.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // Reads the user's measurements from the catalogue database again and
    // recalibrates the comparison with them; with `onlyIfChanged`, only when
    // they are not the rows it already has. False and *error when they cannot
    // be read (the comparison keeps its calibration).
    bool reloadOwnMeasurements(bool onlyIfChanged, QString *error);
    void fitAnswer();
    void createActions();
    void createLayout();
    void updateTitle();
    void updateOverrideMarker();
    void rebuildRecentMenu();
    void addRecent(const QString &path);
    bool maybeSave();
    bool save();
    bool saveAs();
    void open();
    void exportPdfInteractive();
    void printPreview();
    QAction *createBlackAndWhiteAction();
    void readSettings();
    void writeSettings();
    void about();

    ComparisonDocument *m_document;
    std::unique_ptr<Dialogs> m_dialogs;
    SummaryModel *m_summary;
    UseCaseModel *m_useCases;
    SizeCurveModel *m_sizes;
    ChartsPanel *m_charts = nullptr;
    BuildListPanel *m_buildList = nullptr;
    BuildEditor *m_editor = nullptr;
    ModelPicker *m_modelPicker = nullptr;
    SummaryTable *m_summaryTable = nullptr;
    UseCasePanel *m_useCasePanel = nullptr;
    AssumptionsPanel *m_assumptions = nullptr;
    QTabWidget *m_tabs = nullptr;
    WhatIfPanel *m_whatIfPanel = nullptr;
    AtAGlancePanel *m_atAGlance = nullptr;
    QSplitter *m_answerSplitter = nullptr;
    bool m_userSplit = false; // the user dragged the answer's splitter
    FindBuildsDialog *m_findBuilds = nullptr;
    QLabel *m_overrideMarker = nullptr;
    Guidance *m_guidance = nullptr;
    QMenu *m_recentMenu = nullptr;
    QString m_file;
    Theme m_theme = Theme::Light;
    db::CatalogueDatabase *m_database = nullptr;
    QAction *m_importMeasurementsAction = nullptr;
    QAction *m_myMeasurementsAction = nullptr;
    CatalogEditorWindow *m_catalogEditor = nullptr;
    QAction *m_catalogEditorAction = nullptr;
    QAction *m_blackAndWhite = nullptr;
};

} // namespace llm::ui
