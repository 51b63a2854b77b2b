// SPDX-License-Identifier: MIT
#pragma once
// A form for one new catalogue row: a field per column with what it allows.
// OK hands the values to a callback (the editor window's add); a refusal is
// shown inside the form and the dialog stays open with what was typed.

#include "catalogueeditor.h"

#include <QDialog>
#include <QMap>

#include <functional>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
QT_END_NAMESPACE

namespace llm::ui {

class AddRowDialog final : public QDialog {
    Q_OBJECT
public:
    using Submit = std::function<db::EditResult(const db::RowValues &)>;
    // `start`: values to begin with (e.g. a copy of the selected row).
    AddRowDialog(db::CatalogueTable table, const db::RowValues &start, Submit submit,
                 QWidget *parent = nullptr);

    QLineEdit *field(const QString &column) const { return m_fields.value(column); }
    QString message() const;
    db::RowValues values() const;
    // Validates and submits; true (and the dialog accepted) when the row was added.
    bool submit();

private:
    QMap<QString, QLineEdit *> m_fields;
    QLabel *m_message;
    Submit m_submit;
};

} // namespace llm::ui
