// SPDX-License-Identifier: MIT
// Meeting details (issue 15): the window edits the comparison's title, purpose,
// decision, attendees and build notes as one undo step, and they survive a
// save and an open (the window used to drop build notes and the title on save).
#include "../support/windowdata.h"
#include "catalogue.h"
#include "comparison/comparisondocument.h"
#include "fakedialogs.h"
#include "mainwindow/mainwindow.h"
#include "report/meetingdialog.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace llm;
using namespace llm::ui;

class TestMeeting final : public QObject {
    Q_OBJECT

private:
    Catalog m_catalog;

    std::unique_ptr<MainWindow> makeWindow() {
        // Opens on the catalogue's presets: several builds.
        return std::make_unique<MainWindow>(
            llm::testsupport::windowData(m_catalog, llm::testsupport::Baseline::Uncalibrated),
            std::make_unique<FakeDialogs>());
    }

private slots:
    void initTestCase() {
        QString error;
        m_catalog = db::loadShippedCatalog(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void editUndoSaveOpen() {
        auto window = makeWindow();
        ComparisonDocument *doc = window->document();
        QVERIFY(doc->buildCount() >= 2);
        const int steps = doc->undoStack()->count();

        MeetingDialog *dialog = window->showMeetingDialog();
        QVERIFY(dialog);
        auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("meetingTitle"));
        auto *purpose = dialog->findChild<QPlainTextEdit *>(QStringLiteral("meetingPurpose"));
        auto *decision = dialog->findChild<QPlainTextEdit *>(QStringLiteral("meetingDecision"));
        auto *attendees = dialog->findChild<QLineEdit *>(QStringLiteral("meetingAttendees"));
        auto *notes = dialog->findChild<QTableWidget *>(QStringLiteral("buildNotes"));
        QVERIFY(title && purpose && decision && attendees && notes);
        QCOMPARE(notes->rowCount(), doc->buildCount());
        QTest::keyClicks(title, QStringLiteral("Three machines for the legal team"));
        purpose->setPlainText(QStringLiteral("  Pick one machine for contract review  "));
        decision->setPlainText(QStringLiteral("Buy build 2.\nAsk for a second quote."));
        attendees->setText(QStringLiteral("Anna (finance), Ben (IT)"));
        notes->item(1, 1)->setText(QStringLiteral("Quote from supplier X: 2,099 EUR incl. VAT"));
        dialog->accept();

        const ComparisonState &s = doc->state();
        QCOMPARE(s.meeting.title, std::string("Three machines for the legal team"));
        QCOMPARE(s.meeting.purpose, std::string("Pick one machine for contract review"));
        QCOMPARE(s.meeting.decision, std::string("Buy build 2.\nAsk for a second quote."));
        QCOMPARE(s.meeting.attendees, std::string("Anna (finance), Ben (IT)"));
        QCOMPARE(s.builds[1].notes, std::string("Quote from supplier X: 2,099 EUR incl. VAT"));
        QVERIFY(s.builds[0].notes.empty());
        // One undo step for the whole dialog, and undo takes all of it back.
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        doc->undoStack()->undo();
        QVERIFY(doc->state().meeting.title.empty());
        QVERIFY(doc->state().builds[1].notes.empty());
        doc->undoStack()->redo();
        QCOMPARE(doc->state().meeting.purpose, std::string("Pick one machine for contract review"));

        // Saved in the scenario file and read back by a fresh window.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("meeting.json"));
        QVERIFY(window->saveToFile(path));
        auto other = makeWindow();
        QVERIFY(other->openFile(path));
        const ComparisonState &back = other->document()->state();
        QVERIFY(back.meeting == doc->state().meeting);
        QCOMPARE(back.builds[1].notes, doc->state().builds[1].notes);
        QCOMPARE(back.builds.size(), doc->state().builds.size());
    }

    void unchangedDialogAddsNoStep() {
        auto window = makeWindow();
        ComparisonDocument *doc = window->document();
        const int steps = doc->undoStack()->count();
        window->showMeetingDialog()->accept();
        QCOMPARE(doc->undoStack()->count(), steps);
    }

    void refusesNotesThatNoLongerLineUp() {
        auto window = makeWindow();
        ComparisonDocument *doc = window->document();
        std::vector<std::string> tooFew(static_cast<std::size_t>(doc->buildCount() - 1), "x");
        QVERIFY(!doc->setMeeting(MeetingNotes{"t", "", "", ""}, tooFew));
        QVERIFY(doc->state().meeting.title.empty());
    }
};

QTEST_MAIN(TestMeeting)
#include "tst_meeting.moc"
