// SPDX-License-Identifier: MIT
#include "glossarydialog.h"

#include "glossary.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QStringList>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace llm::ui {

GlossaryDialog::GlossaryDialog(QWidget *parent)
    : QDialog(parent)
    , m_search(new QLineEdit(this))
    , m_text(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("glossaryDialog"));
    setWindowTitle(tr("Glossary"));
    m_search->setObjectName(QStringLiteral("glossarySearch"));
    m_search->setPlaceholderText(tr("Search, e.g. \"writing speed\" or \"bandwidth\""));
    m_search->setClearButtonEnabled(true);
    m_text->setObjectName(QStringLiteral("glossaryText"));
    m_text->setOpenLinks(false);
    auto *label = new QLabel(tr("&Find a term:"), this);
    label->setBuddy(m_search);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_search);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    connect(m_search, &QLineEdit::textChanged, this, &GlossaryDialog::refill);
    resize(560, 520);
    refill();
}

void GlossaryDialog::refill() {
    const QStringList words = m_search->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString html;
    m_shown.clear();
    for (Term term : glossaryTerms()) {
        const QString title = glossaryTitle(term);
        const QString text = glossary(term);
        const QString haystack = title + QLatin1Char(' ') + text;
        const bool match = std::all_of(words.begin(), words.end(), [&](const QString &w) {
            return haystack.contains(w, Qt::CaseInsensitive);
        });
        if (!match)
            continue;
        m_shown << title;
        html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                    .arg(title.toHtmlEscaped(), text.toHtmlEscaped());
    }
    if (m_shown.isEmpty())
        html = QStringLiteral("<p>%1</p>")
                   .arg(tr("No term matches “%1”.").arg(m_search->text()).toHtmlEscaped());
    m_text->setHtml(html);
}

} // namespace llm::ui
