// SPDX-License-Identifier: MIT
// The add-row form of the catalogue editor.
#include "addrowdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace llm::ui {

AddRowDialog::AddRowDialog(db::CatalogueTable table, const db::RowValues &start, Submit submit,
                           QWidget *parent)
    : QDialog(parent)
    , m_message(new QLabel(this))
    , m_submit(std::move(submit)) {
    setObjectName(QStringLiteral("addRowDialog"));
    setWindowTitle(tr("Add a row to %1").arg(db::tableName(table)));
    auto *form = new QWidget(this);
    auto *formLayout = new QFormLayout(form);
    for (const db::ColumnRule &rule : db::columnRules(table)) {
        auto *edit = new QLineEdit(start.value(rule.name), form);
        edit->setObjectName(rule.name);
        const QString allowed = rule.allowed();
        edit->setPlaceholderText(rule.required ? tr("required: %1").arg(allowed) : allowed);
        edit->setToolTip(tr("Allowed: %1").arg(allowed));
        edit->setAccessibleName(rule.name);
        const QString label =
            rule.unit.isEmpty() ? rule.name : QStringLiteral("%1 (%2)").arg(rule.name, rule.unit);
        formLayout->addRow(rule.required ? QStringLiteral("%1 *").arg(label) : label, edit);
        m_fields.insert(rule.name, edit);
    }
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);

    m_message->setObjectName(QStringLiteral("addRowMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setText(tr("Fields marked * are required. Numbers with a point as the decimal "
                          "separator; a unit may follow (“24 GiB”)."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add row"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { this->submit(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(520, 640);
}

QString AddRowDialog::message() const {
    return m_message->text();
}

db::RowValues AddRowDialog::values() const {
    db::RowValues v;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        v.insert(it.key(), it.value()->text());
    return v;
}

bool AddRowDialog::submit() {
    const db::EditResult result = m_submit(values());
    if (!result.ok) {
        m_message->setText(tr("<b>Not added:</b> %1").arg(result.message.toHtmlEscaped()));
        // Put the cursor in the first field the message names.
        for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
            if (result.message.startsWith(it.key() + u':')) {
                it.value()->setFocus();
                it.value()->selectAll();
                break;
            }
        }
        return false;
    }
    accept();
    return true;
}

} // namespace llm::ui
