// SPDX-License-Identifier: MIT
#pragma once
// "Meeting details": the comparison's title, purpose, decision and attendees
// and each build's notes (a supplier's quote), printed on the report's first
// page. The dialog only edits copies; the caller applies them as one undo step.

#include "comparison/comparisonstate.h"

#include <QDialog>

#include <string>
#include <vector>

QT_BEGIN_NAMESPACE
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
QT_END_NAMESPACE

namespace llm::ui {

class MeetingDialog final : public QDialog {
    Q_OBJECT
public:
    explicit MeetingDialog(const ComparisonState &state, QWidget *parent = nullptr);

    MeetingNotes meeting() const;
    std::vector<std::string> buildNotes() const; // parallel to the state's builds

private:
    QLineEdit *m_title;
    QPlainTextEdit *m_purpose;
    QPlainTextEdit *m_decision;
    QLineEdit *m_attendees;
    QTableWidget *m_notes;
};

} // namespace llm::ui
