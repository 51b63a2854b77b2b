// SPDX-License-Identifier: MIT
#pragma once
// The preview of a catalogue import, before anything is written: what each row
// will do (add, override a shipped row, replace one of yours) and every bad
// row's problems by line number. "Import all" is offered only when every row
// is good; "Skip bad rows and import" when some are; Cancel writes nothing.

#include "catalogueeditor.h"
#include "catalogueio.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
class QTableWidget;
QT_END_NAMESPACE

namespace llm::ui {

class ImportPreviewDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Choice { Cancel, ImportAll, SkipBad };

    // `editor` is only read (to tell additions from overrides).
    ImportPreviewDialog(const db::ImportPreview &preview, const QString &fileName,
                        const db::CatalogueEditor *editor, QWidget *parent = nullptr);

    const db::ImportPreview &preview() const { return m_preview; }
    Choice choice() const { return m_choice; }
    QPushButton *importAllButton() const { return m_importAll; }
    QPushButton *skipBadButton() const { return m_skipBad; }
    QPushButton *cancelButton() const { return m_cancel; }
    QTableWidget *table() const { return m_table; }
    QString summary() const;
    // What each row will do, in file order: "add", "override", "replace", "error" (translated).
    QStringList actions() const { return m_actions; }

private:
    db::ImportPreview m_preview;
    Choice m_choice = Choice::Cancel;
    QLabel *m_summary;
    QTableWidget *m_table;
    QPushButton *m_importAll;
    QPushButton *m_skipBad;
    QPushButton *m_cancel;
    QStringList m_actions;
};

} // namespace llm::ui
