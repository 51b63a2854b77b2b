// SPDX-License-Identifier: MIT
// The catalogue editor window: tabs of CatalogTableModel behind search/sort
// proxies, the undo stack of user-layer edits, import preview and exports.
#include "catalogeditorwindow.h"

#include "addrowdialog.h"
#include "catalogtablemodel.h"
#include "importpreviewdialog.h"
#include "mainwindow/dialogs.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

namespace llm::ui {

using db::CatalogueTable;
using db::EditResult;
using db::RowOrigin;
using db::RowValues;

namespace {

QString tabTitle(CatalogueTable t) {
    switch (t) {
    case CatalogueTable::Cpus:
        return CatalogEditorWindow::tr("&CPUs");
    case CatalogueTable::Gpus:
        return CatalogEditorWindow::tr("&GPUs");
    case CatalogueTable::Models:
        return CatalogEditorWindow::tr("&Models");
    case CatalogueTable::Quants:
        return CatalogEditorWindow::tr("&Quantizations");
    }
    return {};
}

using Report = std::function<void(const EditResult &, const QString &what)>;

// One change of the user's layer for one name. The change is already written
// when the command is pushed, so the first redo() does nothing; undo writes
// the inverse edit (itself one short transaction), redo writes it again.
class UserRowCommand final : public QUndoCommand {
public:
    UserRowCommand(db::CatalogueEditor *editor, UserRowEdit edit, Report report,
                   QUndoCommand *parent = nullptr)
        : QUndoCommand(edit.text, parent)
        , m_editor(editor)
        , m_edit(std::move(edit))
        , m_report(std::move(report)) {}

    void redo() override {
        if (m_skip) {
            m_skip = false;
            return;
        }
        m_report(applyUserRow(m_editor, m_edit.table, m_edit.nameBefore, m_edit.before,
                              m_edit.nameAfter, m_edit.after),
                 CatalogEditorWindow::tr("Redo"));
    }
    void undo() override {
        m_report(applyUserRow(m_editor, m_edit.table, m_edit.nameAfter, m_edit.after,
                              m_edit.nameBefore, m_edit.before),
                 CatalogEditorWindow::tr("Undo"));
    }

private:
    db::CatalogueEditor *m_editor;
    UserRowEdit m_edit;
    Report m_report;
    bool m_skip = true;
};

std::optional<RowValues> userLayerOf(const db::CatalogueEditor &editor, CatalogueTable table,
                                     const QString &name) {
    const auto row = editor.row(table, name);
    if (!row || row->origin == RowOrigin::Shipped)
        return std::nullopt;
    return row->values;
}

} // namespace

CatalogEditorWindow::CatalogEditorWindow(db::CatalogueDatabase *database, Dialogs *dialogs,
                                         QWidget *parent)
    : QMainWindow(parent)
    , m_db(database)
    , m_editor(database)
    , m_dialogs(dialogs)
    , m_undo(new QUndoStack(this))
    , m_tabs(new QTabWidget(this))
    , m_search(new QLineEdit(this))
    , m_banner(new QLabel(this))
    , m_message(new QLabel(this)) {
    setObjectName(QStringLiteral("catalogEditor"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    setWindowTitle(tr("Catalogue editor — %1").arg(QDir::toNativeSeparators(m_db->path())));

    m_banner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_banner->setWordWrap(true);
    m_banner->setAutoFillBackground(true);
    m_banner->setMargin(6);
    m_banner->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff3c4; color: #3d2f00; border: 1px solid #c9a400; }"));

    m_search->setObjectName(QStringLiteral("catalogSearch"));
    m_search->setPlaceholderText(tr("Type to filter all columns (e.g. “5090”, “DDR5”, “yours”)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the catalogue"));
    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);

    for (CatalogueTable t : db::editableTables()) {
        Page p;
        p.model = new CatalogTableModel(&m_editor, t, this);
        p.model->setEditHandler([this](const UserRowEdit &e) { return submit(e); });
        connect(p.model, &CatalogTableModel::editRefused, this,
                [this](const QString &why) { showMessage(tr("Not changed: %1").arg(why), true); });
        p.proxy = new QSortFilterProxyModel(this);
        p.proxy->setSourceModel(p.model);
        p.proxy->setFilterKeyColumn(-1);
        p.proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
        p.proxy->setSortRole(CatalogTableModel::SortRole);
        p.proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
        p.view = new QTableView(this);
        p.view->setObjectName(db::tableName(t));
        p.view->setModel(p.proxy);
        p.view->setSortingEnabled(true);
        p.view->sortByColumn(p.model->columnOf(QStringLiteral("name")), Qt::AscendingOrder);
        p.view->setSelectionBehavior(QAbstractItemView::SelectItems);
        p.view->setSelectionMode(QAbstractItemView::SingleSelection);
        p.view->setEditTriggers(QAbstractItemView::DoubleClicked |
                                QAbstractItemView::EditKeyPressed |
                                QAbstractItemView::AnyKeyPressed);
        p.view->setAlternatingRowColors(true);
        p.view->verticalHeader()->hide(); // row numbers of the unsorted table mean nothing here
        p.view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        p.view->verticalHeader()->setDefaultSectionSize(p.view->fontMetrics().height() + 6);
        p.view->setAccessibleName(tabTitle(t).remove(QLatin1Char('&')));
        p.view->resizeColumnsToContents();
        for (int c = 0; c < p.model->columnCount(); ++c)
            p.view->setColumnWidth(c, std::min(p.view->columnWidth(c), 260));
        int originWidth = 0;
        for (RowOrigin o : {RowOrigin::Shipped, RowOrigin::Own, RowOrigin::Override}) {
            QFont bold = p.view->font();
            bold.setBold(true);
            originWidth =
                std::max(originWidth, QFontMetrics(bold).horizontalAdvance(originText(o)) + 16);
        }
        p.view->setColumnWidth(CatalogTableModel::OriginColumn, originWidth);
        connect(p.view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &CatalogEditorWindow::updateActions);
        connect(m_search, &QLineEdit::textChanged, p.proxy,
                &QSortFilterProxyModel::setFilterFixedString);
        m_tabs->addTab(p.view, tabTitle(t));
        m_pages[t] = p;
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, &CatalogEditorWindow::updateActions);
    connect(m_undo, &QUndoStack::indexChanged, this, &CatalogEditorWindow::applied);

    m_message->setObjectName(QStringLiteral("catalogMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    layout->addLayout(searchRow);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);
    setCentralWidget(central);

    createActions();

    const bool readOnly = !m_db->isOpen() || m_db->isReadOnly();
    m_banner->setVisible(readOnly);
    if (readOnly)
        m_banner->setText(
            m_db->isOpen()
                ? tr("<b>Read-only:</b> the catalogue file %1 is open read-only (made by a newer "
                     "version of the program, not writable, or in use by another copy). You can "
                     "look and export, but not change anything.")
                      .arg(QDir::toNativeSeparators(m_db->path()).toHtmlEscaped())
                : tr("<b>Read-only:</b> no catalogue file is open; the built-in catalogue is "
                     "shown and cannot be changed."));
    for (auto &[t, p] : m_pages)
        p.model->setReadOnly(readOnly);
    showMessage(readOnly ? QString()
                         : tr("Double-click a cell to change it. A change to a shipped row is "
                              "saved as your override; the shipped value stays available."),
                false);
    updateActions();
    resize(1200, 640);
}

CatalogEditorWindow::~CatalogEditorWindow() {
    // The commands refer to m_editor; drop them first.
    m_undo->disconnect(this);
    m_undo->clear();
}

void CatalogEditorWindow::createActions() {
    QToolBar *bar = addToolBar(tr("Catalogue"));
    bar->setObjectName(QStringLiteral("catalogToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_addRow = bar->addAction(tr("&Add row…"), this, &CatalogEditorWindow::addRowInteractive);
    m_addRow->setShortcut(QKeySequence::New);
    m_addRow->setToolTip(tr("Add your own row to this table (Ctrl+N)"));
    m_deleteRow = bar->addAction(tr("&Delete row"), this, &CatalogEditorWindow::deleteSelected);
    m_deleteRow->setShortcut(QKeySequence::Delete);
    m_deleteRow->setToolTip(tr("Delete the selected row (only rows you added)"));
    m_reset = bar->addAction(tr("&Reset to shipped"), this, &CatalogEditorWindow::resetSelected);
    m_reset->setToolTip(tr("Drop your override of the selected row and use the shipped values"));
    bar->addSeparator();
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("catalogUndo"));
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("catalogRedo"));
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();
    m_import = bar->addAction(tr("&Import…"), this, &CatalogEditorWindow::importInteractive);
    m_import->setShortcut(QKeySequence::Open);
    m_import->setToolTip(tr("Import rows from a CSV or JSON file or a catalogue pack; you see a "
                            "preview first"));
    m_exportCsv = bar->addAction(tr("Export &CSV…"), this, [this] { exportInteractive(false); });
    m_exportCsv->setToolTip(tr("Save this table as a CSV file"));
    m_exportJson = bar->addAction(tr("Export &JSON…"), this, [this] { exportInteractive(true); });
    m_exportJson->setToolTip(tr("Save this table as a JSON file"));
    m_exportPack =
        bar->addAction(tr("Export &pack…"), this, &CatalogEditorWindow::exportPackInteractive);
    m_exportPack->setToolTip(tr("Save your own rows and overrides of every table as one "
                                "catalogue pack, to share with colleagues"));
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);
}

CatalogTableModel *CatalogEditorWindow::model(CatalogueTable table) const {
    return m_pages.at(table).model;
}
QSortFilterProxyModel *CatalogEditorWindow::proxy(CatalogueTable table) const {
    return m_pages.at(table).proxy;
}
QTableView *CatalogEditorWindow::view(CatalogueTable table) const {
    return m_pages.at(table).view;
}

CatalogueTable CatalogEditorWindow::currentTable() const {
    const QList<CatalogueTable> tables = db::editableTables();
    return tables.value(std::max(0, m_tabs->currentIndex()));
}

bool CatalogEditorWindow::isEditable() const {
    return m_db->isOpen() && !m_db->isReadOnly();
}

QString CatalogEditorWindow::message() const {
    return m_message->text();
}

void CatalogEditorWindow::showMessage(const QString &text, bool error) {
    m_message->setText(text);
    // A red that reads on the light and on the dark palette.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_message->setStyleSheet(
        error ? QStringLiteral("QLabel { color: %1; font-weight: bold; }")
                    .arg(dark ? QStringLiteral("#ff8a80") : QStringLiteral("#b00020"))
              : QString());
}

int CatalogEditorWindow::selectedSourceRow() const {
    const Page &p = m_pages.at(currentTable());
    const QModelIndex current = p.view->currentIndex();
    if (!current.isValid())
        return -1;
    return p.proxy->mapToSource(current).row();
}

void CatalogEditorWindow::updateActions() {
    const bool editable = isEditable();
    const int row = selectedSourceRow();
    const CatalogTableModel *m = model(currentTable());
    const RowOrigin origin = row >= 0 ? m->originAt(row) : RowOrigin::Shipped;
    m_addRow->setEnabled(editable);
    m_deleteRow->setEnabled(editable && row >= 0 && origin == RowOrigin::Own);
    m_reset->setEnabled(editable && row >= 0 && origin == RowOrigin::Override);
    m_import->setEnabled(editable);
}

EditResult CatalogEditorWindow::submit(const UserRowEdit &edit) {
    if (!isEditable())
        return {false, tr("The catalogue is read-only; nothing was changed.")};
    const EditResult result = applyUserRow(&m_editor, edit.table, edit.nameBefore, edit.before,
                                           edit.nameAfter, edit.after);
    if (!result.ok)
        return result;
    m_undo->push(
        new UserRowCommand(&m_editor, edit, [this](const EditResult &r, const QString &what) {
            if (!r.ok)
                showMessage(tr("%1 failed: %2").arg(what, r.message), true);
        }));
    showMessage(tr("Saved: %1").arg(edit.text), false);
    return result;
}

void CatalogEditorWindow::applied() {
    reload();
    updateActions();
    emit catalogueChanged();
}

void CatalogEditorWindow::reload() {
    for (auto &[t, p] : m_pages)
        p.model->reload();
}

bool CatalogEditorWindow::addRow(CatalogueTable table, const RowValues &values) {
    UserRowEdit e;
    e.table = table;
    e.nameBefore = e.nameAfter = values.value(QStringLiteral("name")).trimmed();
    e.after = values;
    e.text = tr("Add “%1”").arg(e.nameAfter);
    const EditResult r = submit(e);
    if (!r.ok)
        showMessage(tr("Not added: %1").arg(r.message), true);
    return r.ok;
}

bool CatalogEditorWindow::deleteRow(CatalogueTable table, const QString &name) {
    const auto row = m_editor.row(table, name);
    if (!row || row->origin != RowOrigin::Own) {
        showMessage(tr("Not deleted: %1")
                        .arg(row ? tr("“%1” is not your own row; only rows you added can be "
                                      "deleted (an override can be reset to shipped)")
                                       .arg(name)
                                 : tr("“%1” is not in the catalogue").arg(name)),
                    true);
        return false;
    }
    UserRowEdit e;
    e.table = table;
    e.nameBefore = e.nameAfter = name;
    e.before = row->values;
    e.text = tr("Delete “%1”").arg(name);
    const EditResult r = submit(e);
    if (!r.ok)
        showMessage(tr("Not deleted: %1").arg(r.message), true);
    return r.ok;
}

bool CatalogEditorWindow::resetToShipped(CatalogueTable table, const QString &name) {
    const auto row = m_editor.row(table, name);
    if (!row || row->origin != RowOrigin::Override) {
        showMessage(tr("Not reset: “%1” has no override").arg(name), true);
        return false;
    }
    UserRowEdit e;
    e.table = table;
    e.nameBefore = e.nameAfter = name;
    e.before = row->values;
    e.text = tr("Reset “%1” to shipped").arg(name);
    const EditResult r = submit(e);
    if (!r.ok)
        showMessage(tr("Not reset: %1").arg(r.message), true);
    return r.ok;
}

void CatalogEditorWindow::addRowInteractive() {
    const CatalogueTable table = currentTable();
    auto *dialog = new AddRowDialog(
        table, {},
        [this, table](const RowValues &v) {
            UserRowEdit e;
            e.table = table;
            e.nameBefore = e.nameAfter = v.value(QStringLiteral("name")).trimmed();
            e.after = v;
            e.text = tr("Add “%1”").arg(e.nameAfter);
            return submit(e);
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void CatalogEditorWindow::deleteSelected() {
    const int row = selectedSourceRow();
    if (row >= 0)
        deleteRow(currentTable(), model(currentTable())->nameAt(row));
}

void CatalogEditorWindow::resetSelected() {
    const int row = selectedSourceRow();
    if (row >= 0)
        resetToShipped(currentTable(), model(currentTable())->nameAt(row));
}

ImportPreviewDialog *CatalogEditorWindow::beginImport(const QString &path,
                                                      std::optional<CatalogueTable> table) {
    const QString title = tr("Import into the catalogue");
    if (!isEditable()) {
        m_dialogs->error(this, title, tr("The catalogue is read-only; nothing can be imported."));
        return nullptr;
    }
    QByteArray bytes;
    QString error;
    if (!db::readImportFile(path, &bytes, &error)) {
        m_dialogs->error(this, title, tr("“%1” cannot be read: %2").arg(path, error));
        return nullptr;
    }
    db::ImportPreview preview = db::previewImport(bytes, table);
    db::checkMeasurementNames(m_editor, &preview); // a pack's measurements name parts
    if (!preview.fatal.isEmpty() || (preview.rows.isEmpty() && preview.measurements.isEmpty())) {
        m_dialogs->error(this, title,
                         tr("“%1” cannot be imported: %2")
                             .arg(QFileInfo(path).fileName(), preview.fatal.isEmpty()
                                                                  ? tr("the file has no rows")
                                                                  : preview.fatal));
        return nullptr;
    }
    auto *dialog = new ImportPreviewDialog(preview, QFileInfo(path).fileName(), &m_editor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog] { finishImport(dialog); });
    dialog->open();
    return dialog;
}

void CatalogEditorWindow::finishImport(ImportPreviewDialog *dialog) {
    const QString title = tr("Import into the catalogue");
    if (dialog->choice() == ImportPreviewDialog::Choice::Cancel) {
        showMessage(tr("Import cancelled; nothing was written."), false);
        return;
    }
    const bool skipBad = dialog->choice() == ImportPreviewDialog::Choice::SkipBad;
    const db::ImportPreview &preview = dialog->preview();
    // The user's layer of every name the import writes, for undo (last row of a name wins).
    QList<UserRowEdit> edits;
    QSet<QString> seen;
    for (auto it = preview.rows.crbegin(); it != preview.rows.crend(); ++it) {
        if (!it->errors.isEmpty())
            continue;
        const QString name = it->values.value(QStringLiteral("name"));
        const QString key = db::tableName(it->table) + u'\n' + name;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        UserRowEdit e;
        e.table = it->table;
        e.nameBefore = e.nameAfter = name;
        e.before = userLayerOf(m_editor, it->table, name);
        e.after = it->values;
        e.text = name;
        edits.prepend(e);
    }
    const db::ImportReport report = db::applyImport(&m_editor, preview, skipBad);
    if (!report.ok) {
        showMessage(tr("Import refused; nothing was written: %1").arg(report.message), true);
        m_dialogs->error(this, title,
                         tr("Nothing was written: %1\n\n%2")
                             .arg(report.message, report.errors.join(QStringLiteral("\n"))));
        return;
    }
    auto *macro = new QUndoCommand(tr("Import of %1 rows").arg(QLocale().toString(report.written)));
    for (const UserRowEdit &e : edits) {
        new UserRowCommand(
            &m_editor, e,
            [this](const EditResult &r, const QString &what) {
                if (!r.ok)
                    showMessage(tr("%1 failed: %2").arg(what, r.message), true);
            },
            macro);
    }
    // Measurements are not undone here (Tools → My measurements… removes them):
    // a pack of measurements alone leaves no empty step on the undo stack.
    if (edits.isEmpty()) {
        delete macro;
        applied(); // the estimates read the measurements again
    } else {
        m_undo->push(macro);
    }
    const QLocale locale;
    QString text = tr("Rows imported: %1.").arg(locale.toString(report.written));
    if (!preview.measurements.isEmpty())
        text += u' ' + tr("Your measurements stored: %1 (already stored: %2).")
                           .arg(locale.toString(report.measurementsStored),
                                locale.toString(report.measurementsAlreadyStored));
    if (report.skipped > 0 || report.measurementsSkipped > 0) {
        text += u' ' +
                tr("Bad rows skipped: %1.")
                    .arg(locale.toString(report.skipped + report.measurementsSkipped)) +
                u'\n' + report.errors.join(QStringLiteral("\n"));
    }
    showMessage(text, false);
    m_dialogs->information(this, title, text);
}

void CatalogEditorWindow::importInteractive() {
    const QString path =
        m_dialogs->openFileName(this, tr("Import into %1").arg(db::tableName(currentTable())),
                                tr("Catalogue files (*.csv *.json);;All files (*)"));
    if (!path.isEmpty())
        beginImport(path, currentTable());
}

bool CatalogEditorWindow::exportTable(CatalogueTable table, const QString &path, bool json) {
    QList<RowValues> rows;
    QString error;
    for (const db::CatalogueRow &r : m_editor.rows(table, &error))
        rows.append(r.values);
    if (error.isEmpty()) {
        const QByteArray bytes = json ? db::exportJson(table, rows) : db::exportCsv(table, rows);
        if (db::writeFileAtomically(path, bytes, &error)) {
            showMessage(tr("Rows exported: %1, to %2.")
                            .arg(QLocale().toString(rows.size()), QDir::toNativeSeparators(path)),
                        false);
            return true;
        }
    }
    m_dialogs->error(this, tr("Export"),
                     tr("“%1” was not written: %2").arg(QDir::toNativeSeparators(path), error));
    return false;
}

bool CatalogEditorWindow::exportPack(const QString &path) {
    // A pack carries what an organisation added or changed: the user's rows and
    // overrides, not the shipped data every copy of the program already has.
    QList<db::PackTable> tables;
    int count = 0;
    for (CatalogueTable t : db::editableTables()) {
        QList<RowValues> rows;
        for (const db::CatalogueRow &r : m_editor.rows(t)) {
            if (r.origin != RowOrigin::Shipped)
                rows.append(r.values);
        }
        count += static_cast<int>(rows.size());
        if (!rows.isEmpty())
            tables.append({t, rows});
    }
    // The user's own measurements go with it, all of them.
    QString error;
    const auto measurements = db::readUserMeasurements(*m_editor.database(), &error);
    if (!measurements) {
        m_dialogs->error(this, tr("Export"),
                         tr("“%1” was not written: your measurements cannot be read: %2")
                             .arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    const QByteArray bytes = db::exportPack(tables, QDate::currentDate().toString(Qt::ISODate),
                                            tr("user catalogue"), *measurements);
    if (!db::writeFileAtomically(path, bytes, &error)) {
        m_dialogs->error(this, tr("Export"),
                         tr("“%1” was not written: %2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    showMessage(tr("Exported a pack of your rows and overrides (%1 rows) and your "
                   "measurements (%2) to %3.")
                    .arg(QLocale().toString(count), QLocale().toString(measurements->size()),
                         QDir::toNativeSeparators(path)),
                false);
    return true;
}

void CatalogEditorWindow::exportInteractive(bool json) {
    const CatalogueTable table = currentTable();
    const QString suggested =
        db::tableName(table) + (json ? QStringLiteral(".json") : QStringLiteral(".csv"));
    const QString path =
        m_dialogs->saveFileName(this, tr("Export %1").arg(db::tableName(table)), suggested,
                                json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTable(table, path, json);
}

void CatalogEditorWindow::exportPackInteractive() {
    const QString path = m_dialogs->saveFileName(this, tr("Export catalogue pack"),
                                                 QStringLiteral("catalogue-pack.json"),
                                                 tr("Catalogue packs (*.json)"));
    if (!path.isEmpty())
        exportPack(path);
}

} // namespace llm::ui
