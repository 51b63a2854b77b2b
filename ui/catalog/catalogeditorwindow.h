// SPDX-License-Identifier: MIT
#pragma once
// The catalogue editor: a non-modal window with one tab per catalogue table
// (search, sort, origin marks), add / delete / reset-to-shipped, undo / redo,
// and import (with a preview) / export. Every edit is written to the database
// at once; catalogueChanged() tells the main window to reload its catalogue.

#include "catalogueeditor.h"
#include "catalogueio.h"

#include <QMainWindow>

#include <map>
#include <optional>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QUndoStack;
QT_END_NAMESPACE

namespace llm::ui {

class CatalogTableModel;
class Dialogs;
class ImportPreviewDialog;
struct UserRowEdit;

class CatalogEditorWindow final : public QMainWindow {
    Q_OBJECT
public:
    // `database` and `dialogs` must outlive the window.
    CatalogEditorWindow(db::CatalogueDatabase *database, Dialogs *dialogs,
                        QWidget *parent = nullptr);
    ~CatalogEditorWindow() override;

    CatalogTableModel *model(db::CatalogueTable table) const;
    QSortFilterProxyModel *proxy(db::CatalogueTable table) const;
    QTableView *view(db::CatalogueTable table) const;
    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *searchField() const { return m_search; }
    QUndoStack *undoStack() const { return m_undo; }
    QLabel *banner() const { return m_banner; }
    QAction *addRowAction() const { return m_addRow; }
    QAction *deleteRowAction() const { return m_deleteRow; }
    QAction *resetAction() const { return m_reset; }
    QAction *importAction() const { return m_import; }
    db::CatalogueTable currentTable() const;
    bool isEditable() const;
    // The last refusal or report shown in the window's message line.
    QString message() const;

    // The actions, callable without dialogs (tests, scripts). Each returns
    // whether the database was changed; a refusal is shown in the message line.
    bool addRow(db::CatalogueTable table, const db::RowValues &values);
    bool deleteRow(db::CatalogueTable table, const QString &name);
    bool resetToShipped(db::CatalogueTable table, const QString &name);
    // Reads and checks the file, then opens the preview (window-modal, not
    // blocking); nullptr when the file cannot be used (the reason is shown).
    ImportPreviewDialog *beginImport(const QString &path, std::optional<db::CatalogueTable> table);
    bool exportTable(db::CatalogueTable table, const QString &path, bool json);
    bool exportPack(const QString &path);
    // Re-reads every table (after an outside change).
    void reload();

signals:
    // The database was changed (edit, undo, redo, import).
    void catalogueChanged();

private:
    void createActions();
    void updateActions();
    void showMessage(const QString &text, bool error);
    db::EditResult submit(const UserRowEdit &edit);
    void applied();
    void finishImport(ImportPreviewDialog *dialog);
    void addRowInteractive();
    void deleteSelected();
    void resetSelected();
    void importInteractive();
    void exportInteractive(bool json);
    void exportPackInteractive();
    int selectedSourceRow() const;

    db::CatalogueDatabase *m_db;
    db::CatalogueEditor m_editor;
    Dialogs *m_dialogs;
    QUndoStack *m_undo;
    QTabWidget *m_tabs;
    QLineEdit *m_search;
    QLabel *m_banner;
    QLabel *m_message;
    struct Page {
        CatalogTableModel *model = nullptr;
        QSortFilterProxyModel *proxy = nullptr;
        QTableView *view = nullptr;
    };
    std::map<db::CatalogueTable, Page> m_pages;
    QAction *m_addRow = nullptr;
    QAction *m_deleteRow = nullptr;
    QAction *m_reset = nullptr;
    QAction *m_import = nullptr;
    QAction *m_exportCsv = nullptr;
    QAction *m_exportJson = nullptr;
    QAction *m_exportPack = nullptr;
};

} // namespace llm::ui
