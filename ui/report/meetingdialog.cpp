// SPDX-License-Identifier: MIT
#include "meetingdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace llm::ui {

namespace {

QString fromStd(const std::string &s) {
    return QString::fromStdString(s);
}

// Surrounding blanks are never meant; inner line breaks are (a list of decisions).
std::string cleaned(const QString &s) {
    return s.trimmed().toStdString();
}

} // namespace

MeetingDialog::MeetingDialog(const ComparisonState &state, QWidget *parent)
    : QDialog(parent)
    , m_title(new QLineEdit(fromStd(state.meeting.title), this))
    , m_purpose(new QPlainTextEdit(fromStd(state.meeting.purpose), this))
    , m_decision(new QPlainTextEdit(fromStd(state.meeting.decision), this))
    , m_attendees(new QLineEdit(fromStd(state.meeting.attendees), this))
    , m_notes(new QTableWidget(static_cast<int>(state.builds.size()), 2, this)) {
    setObjectName(QStringLiteral("meetingDialog"));
    setWindowTitle(tr("Meeting details"));
    m_title->setObjectName(QStringLiteral("meetingTitle"));
    m_purpose->setObjectName(QStringLiteral("meetingPurpose"));
    m_decision->setObjectName(QStringLiteral("meetingDecision"));
    m_attendees->setObjectName(QStringLiteral("meetingAttendees"));
    m_notes->setObjectName(QStringLiteral("buildNotes"));

    m_title->setPlaceholderText(tr("e.g. Small firm: three candidate machines for Llama 3.3 70B"));
    m_purpose->setPlaceholderText(tr("Why we compare these builds; what the machine is for"));
    m_decision->setPlaceholderText(tr("What was decided, or the notes of the discussion"));
    m_attendees->setPlaceholderText(tr("e.g. Anna (finance), Ben (IT)"));
    for (QPlainTextEdit *e : {m_purpose, m_decision}) {
        e->setTabChangesFocus(true);
        e->setMaximumHeight(fontMetrics().lineSpacing() * 5);
    }

    m_notes->setHorizontalHeaderLabels({tr("Build"), tr("Notes (e.g. supplier's quote)")});
    m_notes->verticalHeader()->hide();
    m_notes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_notes->horizontalHeader()->setStretchLastSection(true);
    for (int r = 0; r < m_notes->rowCount(); ++r) {
        const Build &b = state.builds[static_cast<std::size_t>(r)];
        auto *name = new QTableWidgetItem(fromStd(b.name));
        name->setFlags(Qt::ItemIsEnabled); // names are edited in the build list
        m_notes->setItem(r, 0, name);
        m_notes->setItem(r, 1, new QTableWidgetItem(fromStd(b.notes)));
    }

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Purpose:"), m_purpose);
    form->addRow(tr("&Decision / notes:"), m_decision);
    form->addRow(tr("&Attendees:"), m_attendees);
    auto *hint = new QLabel(tr("Printed on the first page of the PDF report and saved with the "
                               "comparison. An empty title prints the model's name."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Build notes:"), this));
    layout->addWidget(m_notes, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(640, 520);
}

MeetingNotes MeetingDialog::meeting() const {
    return {cleaned(m_title->text()), cleaned(m_purpose->toPlainText()),
            cleaned(m_decision->toPlainText()), cleaned(m_attendees->text())};
}

std::vector<std::string> MeetingDialog::buildNotes() const {
    std::vector<std::string> out;
    for (int r = 0; r < m_notes->rowCount(); ++r) {
        const QTableWidgetItem *item = m_notes->item(r, 1);
        out.push_back(item ? cleaned(item->text()) : std::string());
    }
    return out;
}

} // namespace llm::ui
