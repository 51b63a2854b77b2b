// SPDX-License-Identifier: MIT
// The window's import of the user's own llama-bench results (Tools → Import my
// llama-bench results…, or the file dropped on the window): a result 20 % below
// today's estimate brings that build's estimate to within 5 % of it, another
// model on the same hardware moves the same way, the result is shown as "your
// machine" beside the estimate, and the rows reach the catalogue database (what
// the next start and the CLI read). The dialog asks for what the file cannot
// say and refuses to import until every result has a place; a file that is not
// llama-bench output is refused with its name.
#include "../support/windowdata.h"
#include "catalog/measurementimportdialog.h"
#include "catalogue.h"
#include "comparison/comparisondocument.h"
#include "fakedialogs.h"
#include "mainwindow/mainwindow.h"
#include "results/roles.h"
#include "results/summarymodel.h"
#include "usermeasurements.h"

#include <QDropEvent>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <cmath>
#include <memory>

using namespace llm;
using namespace llm::ui;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString &name) {
    return QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/measurements/") + name;
}

QByteArray scenarioFor(const QString &model) {
    const QJsonObject s{
        {u"builds"_s,
         QJsonArray{QJsonObject{
             {u"name"_s, u"4090 box"_s},
             {u"cpu"_s, u"AMD Ryzen 9 7950X"_s},
             {u"memory"_s,
              QJsonObject{{u"channels"_s, 2}, {u"mts"_s, 5200}, {u"capacity_gb"_s, 64}}},
             {u"gpus"_s, QJsonArray{QJsonObject{{u"model"_s, u"NVIDIA GeForce RTX 4090"_s},
                                                {u"count"_s, 1}}}}}}},
        {u"model"_s, QJsonObject{{u"name"_s, model}, {u"quant"_s, u"Q4_K_M"_s}}},
        {u"use_cases"_s, QJsonArray{u"UC1"_s}}};
    return QJsonDocument(s).toJson();
}

double gen(const ComparisonDocument &doc) {
    return units::inTokensPerSecond(doc.results().front().estimate.generationRate);
}
double prompt(const ComparisonDocument &doc) {
    return units::inTokensPerSecond(doc.results().front().estimate.promptRate);
}

} // namespace

class TestMeasurementImport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::CatalogueDatabase> m_db;
    std::unique_ptr<MainWindow> m_window;
    FakeDialogs *m_fake = nullptr;

    QString writeFile(const QString &name, const QByteArray &bytes) {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    bool openModel(const QString &model) {
        return m_window->openFile(
            writeFile(u"scenario-"_s + model + u".json"_s, scenarioFor(model)));
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init() {
        static int n = 0;
        m_db = std::make_unique<db::CatalogueDatabase>();
        const db::OpenResult opened = m_db->open(m_dir.filePath(u"catalogue-%1.sqlite"_s.arg(++n)));
        QVERIFY2(opened.ok, qPrintable(opened.message));
        auto fake = std::make_unique<FakeDialogs>();
        m_fake = fake.get();
        m_window = std::make_unique<MainWindow>(llm::testsupport::windowData(m_db->load()),
                                                std::move(fake));
        m_window->setCatalogueDatabase(m_db.get());
    }

    void cleanup() {
        m_window.reset();
        m_db.reset();
    }

    void importCalibratesAndShowsYourMachine() {
        QVERIFY(openModel(u"Llama-3.1-8B-Instruct"_s));
        ComparisonDocument &doc = *m_window->document();
        const double otherGen = gen(doc), otherPrompt = prompt(doc);
        QVERIFY(openModel(u"Qwen2.5-7B-Instruct"_s));
        const double genBefore = gen(doc), promptBefore = prompt(doc);
        QVERIFY(genBefore > 0 && promptBefore > 0);
        QCOMPARE(doc.results().front().estimate.factors.ownMeasurements, 0);

        // The user measured 20 % below today's estimate, both phases.
        QFile f(fixture(u"rtx4090-qwen2.5-7b.json"_s));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonArray rows = QJsonDocument::fromJson(f.readAll()).array();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QJsonObject row = rows.at(i).toObject();
            row.insert(u"avg_ts"_s,
                       row.value(u"n_gen"_s).toInt() > 0 ? 0.8 * genBefore : 0.8 * promptBefore);
            rows.replace(i, row);
        }
        const QString slow = writeFile(u"slow.json"_s, QJsonDocument(rows).toJson());

        int shown = 0;
        m_fake->onDialog = [&](QDialog *d) {
            auto *dialog = qobject_cast<MeasurementImportDialog *>(d);
            if (!dialog || !dialog->problem().isEmpty() || dialog->table()->rowCount() != 2)
                return int(QDialog::Rejected);
            ++shown;
            if (const QString dir = qEnvironmentVariable("LLMADVISOR_SHOT"); !dir.isEmpty()) {
                dialog->show();
                dialog->grab().save(dir + u"/import-ready.png"_s);
            }
            return int(QDialog::Accepted);
        };
        QVERIFY(m_window->importMeasurements(slow));
        QCOMPARE(shown, 1);
        QVERIFY2(m_fake->errors.isEmpty(), qPrintable(m_fake->errors.join(u'\n')));

        const double genAfter = gen(doc), promptAfter = prompt(doc);
        QVERIFY2(std::fabs(genAfter - 0.8 * genBefore) / (0.8 * genBefore) < 0.05,
                 qPrintable(u"generation %1, measured %2"_s.arg(genAfter).arg(0.8 * genBefore)));
        QVERIFY2(std::fabs(promptAfter - 0.8 * promptBefore) / (0.8 * promptBefore) < 0.05,
                 qPrintable(u"prompt %1, measured %2"_s.arg(promptAfter).arg(0.8 * promptBefore)));
        const Estimate &e = doc.results().front().estimate;
        QCOMPARE(e.factors.ownMeasurements, 2);
        QVERIFY(e.measuredGeneration);
        QVERIFY(e.measuredGeneration->source.rfind("your measurement", 0) == 0);
        // The table says whose figure it is, and the estimate's tooltip says it calibrated it.
        SummaryModel *summary = m_window->summaryModel();
        const QString measured =
            summary->index(0, SummaryModel::MeasuredGeneration).data(FormattedRole).toString();
        QVERIFY2(measured.contains(u"your machine"_s), qPrintable(measured));
        const QString tip =
            summary->index(0, SummaryModel::GenerationRate).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"Calibrated with 2 of your measurements"_s), qPrintable(tip));

        // The rows are in the catalogue database, where the next start reads them.
        QString error;
        const auto stored = db::readUserMeasurements(*m_db, &error);
        QVERIFY2(stored, qPrintable(error));
        QCOMPARE(stored->size(), 2);

        // Another model on the same hardware moves the same way, with no figure of the user's.
        QVERIFY(openModel(u"Llama-3.1-8B-Instruct"_s));
        QVERIFY(gen(doc) < 0.9 * otherGen);
        QVERIFY(prompt(doc) < 0.9 * otherPrompt);
        QVERIFY(!doc.results().front().estimate.measuredGeneration ||
                doc.results().front().estimate.measuredGeneration->source.rfind("your measurement",
                                                                                0) != 0);

        // The same file again stores nothing new.
        QVERIFY(m_window->importMeasurements(slow));
        QCOMPARE(db::readUserMeasurements(*m_db, &error)->size(), 2);

        // Tools → My measurements…: closing it removes nothing.
        m_fake->onDialog = [](QDialog *) { return int(QDialog::Rejected); };
        QCOMPARE(m_window->manageMeasurements(), 0);
        QCOMPARE(db::readUserMeasurements(*m_db, &error)->size(), 2);
        // Both results listed; Remove waits for a choice; removing both restores
        // today's figures for both models.
        int listed = -1;
        bool removeWasOff = false;
        m_fake->onDialog = [&](QDialog *d) {
            auto *dialog = qobject_cast<MyMeasurementsDialog *>(d);
            auto *remove = dialog ? dialog->findChild<QPushButton *>(u"removeButton"_s) : nullptr;
            if (!remove)
                return int(QDialog::Rejected);
            listed = dialog->table()->rowCount();
            removeWasOff = !remove->isEnabled();
            dialog->table()->selectAll();
            if (const QString dir = qEnvironmentVariable("LLMADVISOR_SHOT"); !dir.isEmpty()) {
                dialog->show();
                dialog->grab().save(dir + u"/my-measurements.png"_s);
            }
            return int(remove->isEnabled() ? QDialog::Accepted : QDialog::Rejected);
        };
        QCOMPARE(m_window->manageMeasurements(), 2);
        QCOMPARE(listed, 2);
        QVERIFY(removeWasOff);
        QVERIFY2(m_fake->errors.isEmpty(), qPrintable(m_fake->errors.join(u'\n')));
        QCOMPARE(db::readUserMeasurements(*m_db, &error)->size(), 0);
        QCOMPARE(gen(doc), otherGen); // Llama-3.1-8B is open
        QCOMPARE(prompt(doc), otherPrompt);
        QVERIFY(openModel(u"Qwen2.5-7B-Instruct"_s));
        QCOMPARE(gen(doc), genBefore);
        QCOMPARE(prompt(doc), promptBefore);
        QCOMPARE(doc.results().front().estimate.factors.ownMeasurements, 0);
    }

    // With nothing imported the dialog says how to add measurements and offers no Remove.
    void myMeasurementsWhenThereAreNone() {
        bool removeShown = true;
        QString intro;
        m_fake->onDialog = [&](QDialog *d) {
            auto *dialog = qobject_cast<MyMeasurementsDialog *>(d);
            if (!dialog)
                return int(QDialog::Rejected);
            auto *remove = dialog->findChild<QPushButton *>(u"removeButton"_s);
            removeShown = remove && !remove->isHidden();
            for (const QLabel *label : dialog->findChildren<QLabel *>())
                intro += label->text();
            return int(QDialog::Accepted);
        };
        QCOMPARE(m_window->manageMeasurements(), 0);
        QVERIFY(!removeShown);
        QVERIFY2(intro.contains(u"Import my llama-bench results"_s), qPrintable(intro));
    }

    // The dialog asks for what the file cannot say; Import waits for an answer.
    void unknownPartIsAskedFor() {
        QVERIFY(openModel(u"Qwen2.5-7B-Instruct"_s));
        QString problemSeen;
        bool importWasOff = false;
        m_fake->onDialog = [&](QDialog *d) {
            auto *dialog = qobject_cast<MeasurementImportDialog *>(d);
            if (!dialog)
                return int(QDialog::Rejected);
            problemSeen = dialog->problem();
            // LLMADVISOR_SHOT=DIR keeps pictures of the dialog for a person to look at.
            if (const QString dir = qEnvironmentVariable("LLMADVISOR_SHOT"); !dir.isEmpty()) {
                dialog->show();
                dialog->grab().save(dir + u"/import-asks.png"_s);
            }
            auto *button = dialog->findChild<QPushButton *>(u"importButton"_s);
            importWasOff = button && !button->isEnabled();
            db::BenchOverrides o;
            o.gpu = u"NVIDIA GeForce RTX 4090"_s;
            dialog->setOverrides(o);
            return int(dialog->problem().isEmpty() && button->isEnabled() ? QDialog::Accepted
                                                                          : QDialog::Rejected);
        };
        QVERIFY(m_window->importMeasurements(fixture(u"unknown-gpu.json"_s)));
        QVERIFY2(!problemSeen.isEmpty(), "the unknown GPU was not reported");
        QVERIFY(importWasOff);
        QString error;
        QVERIFY(!db::readUserMeasurements(*m_db, &error)->isEmpty());
    }

    void cancelledImportStoresNothing() {
        m_fake->onDialog = [](QDialog *) { return int(QDialog::Rejected); };
        QVERIFY(!m_window->importMeasurements(fixture(u"rtx4090-qwen2.5-7b.json"_s)));
        QString error;
        QVERIFY(db::readUserMeasurements(*m_db, &error)->isEmpty());
        QVERIFY(m_fake->errors.isEmpty());
    }

    void notLlamaBenchIsRefusedByName() {
        m_fake->onDialog = [](QDialog *) { return int(QDialog::Accepted); };
        QVERIFY(!m_window->importMeasurements(fixture(u"not-llama-bench.json"_s)));
        QCOMPARE(m_fake->errors.size(), 1);
        QVERIFY2(m_fake->errors.front().contains(u"not-llama-bench.json"_s),
                 qPrintable(m_fake->errors.front()));
        QVERIFY(!m_window->importMeasurements(m_dir.filePath(u"missing.json"_s)));
        QCOMPARE(m_fake->errors.size(), 2);
        QString error;
        QVERIFY(db::readUserMeasurements(*m_db, &error)->isEmpty());
    }

    void withoutACatalogueFileNothingIsImported() {
        m_window->setCatalogueDatabase(nullptr);
        QVERIFY(!m_window->importMeasurements(fixture(u"rtx4090-qwen2.5-7b.json"_s)));
        QCOMPARE(m_fake->errors.size(), 1);
        QVERIFY(m_fake->errors.front().contains(u"Nothing was imported"_s));
    }

    // Dropped on the window: llama-bench output is imported, a comparison opened.
    void droppedFilesGoWhereTheyBelong() {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        int dialogs = 0;
        m_fake->onDialog = [&](QDialog *) {
            ++dialogs;
            return int(QDialog::Accepted);
        };
        const auto drop = [&](const QString &path) {
            QMimeData mime;
            mime.setUrls({QUrl::fromLocalFile(path)});
            // As a real drag: the window accepts the enter, then gets the drop.
            QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                                  Qt::NoModifier);
            QCoreApplication::sendEvent(m_window.get(), &enter);
            if (!enter.isAccepted())
                return false;
            QDropEvent event(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                             Qt::NoModifier);
            QCoreApplication::sendEvent(m_window.get(), &event);
            return true;
        };
        QVERIFY(drop(fixture(u"rtx4090-qwen2.5-7b.json"_s)));
        QCOMPARE(dialogs, 1);
        QString error;
        QCOMPARE(db::readUserMeasurements(*m_db, &error)->size(), 2);
        const QString scenario =
            writeFile(u"dropped.json"_s, scenarioFor(u"Qwen2.5-7B-Instruct"_s));
        QVERIFY(drop(scenario));
        QCOMPARE(dialogs, 1);
        QCOMPARE(m_window->currentFile(), scenario);
    }
};

QTEST_MAIN(TestMeasurementImport)
#include "tst_measurementimport.moc"
