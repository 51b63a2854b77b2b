// SPDX-License-Identifier: MIT
#pragma once
// Help → Glossary: every term the window uses, in plain words, with a search
// field (filters on the term and its explanation as you type).

#include <QDialog>

QT_BEGIN_NAMESPACE
class QLineEdit;
class QTextBrowser;
QT_END_NAMESPACE

namespace llm::ui {

class GlossaryDialog final : public QDialog {
    Q_OBJECT
public:
    explicit GlossaryDialog(QWidget *parent = nullptr);
    QLineEdit *searchField() const { return m_search; }
    // The terms shown for the current search, in order.
    QStringList shownTerms() const { return m_shown; }

private:
    void refill();

    QLineEdit *m_search;
    QTextBrowser *m_text;
    QStringList m_shown;
};

} // namespace llm::ui
