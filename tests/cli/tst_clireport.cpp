// SPDX-License-Identifier: MIT
// llmadvisor-cli report: the headless PDF report, driven as a process against
// the built window program, in an isolated profile (no user files touched).
// Both programs read one catalogue: the same default file, the same parts
// imported with the command-line tool, the same prices, the same repair of a
// damaged file, the same refusal of a mistyped --database.
#include "process.h"
#include "profile.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

using namespace Qt::StringLiterals;

QString importFixture(const QString &name) {
    return QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/db/import/") + name;
}

using Run = llm::testsupport::ProcessRun;
using llm::testsupport::RunOptions;

class TestCliReport : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    // A profile under `home` whose CLI finds this build's window program.
    static QProcessEnvironment profileIn(const QString &home) {
        QProcessEnvironment env = llm::testsupport::isolatedProfile(home);
        env.insert(QStringLiteral("LLMADVISOR_GUI"), llm::testsupport::windowProgram());
        return env;
    }

    QProcessEnvironment isolatedEnvironment() const { return profileIn(m_home.path()); }

    Run runCli(const QStringList &args, const QProcessEnvironment &env) const {
        return llm::testsupport::runCli(args, RunOptions().in(env).within(180'000));
    }

    Run runCli(const QStringList &args) const { return runCli(args, isolatedEnvironment()); }

    // The window program itself, headless, in the profile `env`.
    static Run runWindow(const QStringList &args, const QProcessEnvironment &env) {
        QProcessEnvironment e = env;
        e.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        return llm::testsupport::runProgram(llm::testsupport::windowProgram(), args,
                                            RunOptions().in(e).within(180'000));
    }

    // A profile of its own under m_home/<name>, so "your catalogue" starts fresh.
    QProcessEnvironment freshProfile(const QString &name) const {
        return profileIn(m_home.filePath(name));
    }

    // The text of a PDF on one line, or empty (then the caller skips).
    static QString pdfText(const QString &pdf) {
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        if (pdftotext.isEmpty())
            return {};
        QProcess text;
        text.start(pdftotext, {u"-layout"_s, pdf, u"-"_s});
        if (!text.waitForFinished(60'000))
            return {};
        // Each page simplified on its own; pages stay apart (form feed).
        QStringList pages = QString::fromUtf8(text.readAllStandardOutput()).split(QChar(u'\f'));
        for (QString &page : pages)
            page = page.simplified();
        return pages.join(QChar(u'\f'));
    }

    // The prices on the report's first page, in build order: estimates are
    // shown rounded as "≈ 3,400" (the one rounding every output uses).
    static QList<qlonglong> reportPrices(const QString &text) {
        QList<qlonglong> out;
        // The grid after the answer (whose sentence names prices too).
        const QString firstPage =
            text.section(QChar(u'\f'), 0, 0).section(u"The builds against the needs"_s, 1);
        static const QRegularExpression price(u"≈ ([0-9][0-9.,\u00a0\u202f]*[0-9])"_s);
        for (auto it = price.globalMatch(firstPage); it.hasNext();) {
            QString digits = it.next().captured(1);
            digits.remove(QRegularExpression(u"[^0-9]"_s));
            out.append(digits.toLongLong());
        }
        return out;
    }

    QString writeScenario(const QString &name, const QJsonObject &root) const {
        const QString path = m_home.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(root).toJson()) < 0)
            return {};
        return path;
    }

    static QJsonObject twoBuildScenario() {
        QJsonObject desk{
            {QStringLiteral("name"), QStringLiteral("Quote Alpha desktop")},
            {QStringLiteral("cpu"), QStringLiteral("9950X")},
            {QStringLiteral("memory"), QJsonObject{{QStringLiteral("channels"), 2},
                                                   {QStringLiteral("mts"), 5600},
                                                   {QStringLiteral("capacity_gb"), 96}}}};
        QJsonObject server{
            {QStringLiteral("name"), QStringLiteral("Quote Bravo server")},
            {QStringLiteral("cpu"), QStringLiteral("EPYC 9554P")},
            {QStringLiteral("memory"), QJsonObject{{QStringLiteral("channels"), 12},
                                                   {QStringLiteral("mts"), 4800},
                                                   {QStringLiteral("capacity_gb"), 384}}}};
        return {{QStringLiteral("builds"), QJsonArray{desk, server}},
                {QStringLiteral("model"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("Qwen2.5-14B-Instruct")},
                             {QStringLiteral("quant"), QStringLiteral("Q4_K_M")}}},
                {QStringLiteral("use_cases"),
                 QJsonArray{QStringLiteral("UC1"), QStringLiteral("UC2"), QStringLiteral("UC3"),
                            QStringLiteral("UC4")}}};
    }

    // The one stderr line of a refused run.
    static void verifyOneErrorLine(const Run &run, const char *fieldPrefix) {
        const QList<QByteArray> lines = run.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(fieldPrefix), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

private slots:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void writesTheReportWithEveryBuildAndUseCase() {
        const QString scenario = writeScenario(QStringLiteral("two.json"), twoBuildScenario());
        QVERIFY(!scenario.isEmpty());
        const QString pdf = m_home.filePath(QStringLiteral("two.pdf"));
        const Run run = runCli({QStringLiteral("report"), QStringLiteral("--scenario"), scenario,
                                QStringLiteral("--pdf"), pdf});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.startsWith("wrote "), run.out.constData());
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");

        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("poppler-utils (pdftotext) not installed");
        QProcess text;
        text.start(pdftotext, {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60'000));
        // Layout mode may break a long name across columns; compare without line breaks.
        const QString body = QString::fromUtf8(text.readAllStandardOutput()).simplified();
        for (const char *expected : {"Quote Alpha desktop", "Quote Bravo server",
                                     "Qwen2.5-14B-Instruct", "UC1", "UC2", "UC3", "UC4"})
            QVERIFY2(body.contains(QLatin1String(expected)), expected);
    }

    void refusesABrokenScenarioWithOneLine() {
        QJsonObject root = twoBuildScenario();
        QJsonArray builds = root.value(QStringLiteral("builds")).toArray();
        QJsonObject first = builds.at(0).toObject();
        QJsonObject memory = first.value(QStringLiteral("memory")).toObject();
        memory.insert(QStringLiteral("channels"), 0);
        first.insert(QStringLiteral("memory"), memory);
        builds.replace(0, first);
        root.insert(QStringLiteral("builds"), builds);
        const QString scenario = writeScenario(QStringLiteral("zero.json"), root);
        const QString pdf = m_home.filePath(QStringLiteral("zero.pdf"));
        const Run run = runCli({QStringLiteral("report"), QStringLiteral("--scenario"), scenario,
                                QStringLiteral("--pdf"), pdf});
        QCOMPARE(run.exitCode, 2);
        verifyOneErrorLine(run, "error: --scenario: ");
        QVERIFY2(run.err.contains("channels"), run.err.constData());
        QVERIFY(!QFile::exists(pdf));
    }

    void refusesMissingOrBadOptions() {
        const QString scenario = writeScenario(QStringLiteral("ok.json"), twoBuildScenario());
        Run run = runCli({QStringLiteral("report"), QStringLiteral("--scenario"), scenario});
        QCOMPARE(run.exitCode, 2);
        verifyOneErrorLine(run, "error: --pdf: ");

        run = runCli({QStringLiteral("report"), QStringLiteral("--pdf"),
                      m_home.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(run.exitCode, 2);
        verifyOneErrorLine(run, "error: --scenario: ");

        run = runCli({QStringLiteral("report"), QStringLiteral("--scenario"),
                      m_home.filePath(QStringLiteral("absent.json")), QStringLiteral("--pdf"),
                      m_home.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(run.exitCode, 2);
        verifyOneErrorLine(run, "error: --scenario: ");

        run =
            runCli({QStringLiteral("report"), QStringLiteral("--scenario"), scenario,
                    QStringLiteral("--pdf"), m_home.filePath(QStringLiteral("no/such/dir/x.pdf"))});
        QCOMPARE(run.exitCode, 2);
        verifyOneErrorLine(run, "error: --pdf: ");
    }

    // D2: the window and the command-line tool resolve one catalogue file.
    void bothProgramsUseOneCatalogue() {
        const QProcessEnvironment env = freshProfile(u"one"_s);
        const QString pdf = m_home.filePath(u"one.pdf"_s);
        const Run window = runWindow({u"--export-pdf"_s, pdf}, env); // creates its catalogue
        QVERIFY2(window.exitCode == 0, window.err.constData());
        const Run path = runCli({u"catalog"_s, u"path"_s}, env);
        QCOMPARE(path.exitCode, 0);
        QStringList catalogues;
        for (QDirIterator it(env.value(u"XDG_DATA_HOME"_s), {u"catalogue.sqlite"_s}, QDir::Files,
                             QDirIterator::Subdirectories);
             it.hasNext();)
            catalogues.append(QDir::toNativeSeparators(it.next()));
        QCOMPARE(catalogues, QStringList{QString::fromUtf8(path.out).trimmed()});
    }

    // D2 + D3: a GPU imported with the command-line tool, and a shipped GPU's
    // price overridden, reach the window and `report` with the prices
    // `estimate` shows (its decision's price, rounded as everywhere).
    void importedPartsReachTheWindowWithTheSamePrices() {
        const QProcessEnvironment env = freshProfile(u"prices"_s);
        Run run = runCli({u"catalog"_s, u"import"_s, importFixture(u"acme_and_override.csv"_s),
                          u"--table"_s, u"gpus"_s},
                         env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString scenario = importFixture(u"acme_scenario.json"_s);
        run = runCli({u"estimate"_s, u"--scenario"_s, scenario}, env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QList<qlonglong> estimated;
        for (const QJsonValue &b : QJsonDocument::fromJson(run.out).array())
            estimated.append(std::llround(b[u"decision"_s][u"price_eur"_s].toDouble()));
        QCOMPARE(estimated.size(), 2);
        QVERIFY(estimated.at(1) > estimated.at(0) + 50000); // the 100,000 USD override

        const QString viaReport = m_home.filePath(u"prices-report.pdf"_s);
        run = runCli({u"report"_s, u"--scenario"_s, scenario, u"--pdf"_s, viaReport}, env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString viaWindow = m_home.filePath(u"prices-window.pdf"_s);
        run = runWindow({u"--export-pdf"_s, viaWindow, scenario}, env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString reportText = pdfText(viaReport);
        if (reportText.isEmpty())
            QSKIP("poppler-utils (pdftotext) not installed");
        QVERIFY(reportText.contains(u"Acme Supplier 5090 Turbo"_s));
        QCOMPARE(reportPrices(reportText), estimated);
        QCOMPARE(reportPrices(pdfText(viaWindow)), estimated);

        // --builtin: the report knows only the built-in parts.
        run = runCli({u"report"_s, u"--scenario"_s, scenario, u"--pdf"_s,
                      m_home.filePath(u"builtin.pdf"_s), u"--builtin"_s},
                     env);
        QCOMPARE(run.exitCode, 2);
        verifyOneErrorLine(run, "error: --scenario: ");
        QVERIFY2(run.err.contains("unknown GPU"), run.err.constData());
    }

    // D10: a catalogue without one of its tables is found by the window as by
    // the command-line tool: set aside, rebuilt, the user's rows kept, a plain note.
    void missingTableIsRepairedByTheWindowToo() {
        const QProcessEnvironment env = freshProfile(u"dropped"_s);
        Run run = runCli({u"catalog"_s, u"import"_s, importFixture(u"acme_and_override.csv"_s),
                          u"--table"_s, u"gpus"_s},
                         env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString folder = env.value(u"XDG_DATA_HOME"_s) + u"/LlmAdvisor/LlmAdvisor"_s;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            raw.setDatabaseName(folder + u"/catalogue.sqlite"_s);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(u"PRAGMA foreign_keys = OFF"_s));
            QVERIFY(q.exec(u"DROP TABLE quants"_s));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"raw"_s);
        const QString pdf = m_home.filePath(u"dropped.pdf"_s);
        run = runWindow({u"--export-pdf"_s, pdf, importFixture(u"acme_scenario.json"_s)}, env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("note: ") && run.err.contains("the table quants is missing"),
                 run.err.constData());
        QVERIFY2(!run.err.contains("SQLite"), run.err.constData());
        QCOMPARE(QDir(folder).entryList({u"catalogue.sqlite.damaged-*"_s}, QDir::Files).size(), 1);
        run = runCli({u"catalog"_s, u"list"_s, u"quants"_s}, env);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, QByteArray()); // repaired once, for both programs
    }

    // D11: a --database path that does not exist is refused by the window and
    // by `report`; nothing is created.
    void mistypedDatabaseIsRefused() {
        const QProcessEnvironment env = freshProfile(u"typo"_s);
        const QString typo = m_home.filePath(u"typo/nowhere/catalogue.sqlite"_s);
        const QString pdf = m_home.filePath(u"typo.pdf"_s);
        Run run = runWindow({u"--database"_s, typo, u"--export-pdf"_s, pdf}, env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("error: --database: there is no catalogue file"),
                 run.err.constData());
        const QString scenario = writeScenario(u"typo.json"_s, twoBuildScenario());
        run = runCli(
            {u"report"_s, u"--scenario"_s, scenario, u"--pdf"_s, pdf, u"--database"_s, typo}, env);
        QCOMPARE(run.exitCode, 2);
        verifyOneErrorLine(run, "error: --database: ");
        QVERIFY(!QFileInfo::exists(m_home.filePath(u"typo/nowhere"_s)));
        QVERIFY(!QFileInfo::exists(pdf));
    }

    // D9: a comparison beyond what people read in one report (more than 12
    // builds, a name over 200 characters) is refused in one line, exit 2, at
    // once: 1,000 builds took 26 s and 10,000 never finished before.
    void refusesAComparisonTooLargeToReport_data() {
        QTest::addColumn<int>("builds");
        QTest::addColumn<int>("nameLength"); // of the first build's name; 0: short
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("13 builds") << 13 << 0 << QByteArray("error: builds: 13 builds; ");
        QTest::newRow("1,000 builds") << 1000 << 0 << QByteArray("error: builds: 1,000 builds; ");
        QTest::newRow("10,000 builds")
            << 10'000 << 0 << QByteArray("error: builds: 10,000 builds; ");
        QTest::newRow("name of 201") << 2 << 201 << QByteArray("error: builds[0].name: 201 ");
        QTest::newRow("name of 100,000")
            << 2 << 100'000 << QByteArray("error: builds[0].name: 100,000 characters");
        QTest::newRow("name of 10,000,000")
            << 2 << 10'000'000 << QByteArray("error: builds[0].name: 10,000,000 characters");
    }
    void refusesAComparisonTooLargeToReport() {
        QFETCH(int, builds);
        QFETCH(int, nameLength);
        QFETCH(QByteArray, line);
        QJsonObject root = twoBuildScenario();
        QJsonArray list;
        const QJsonObject first = root.value(QStringLiteral("builds")).toArray().at(0).toObject();
        for (int i = 0; i < builds; ++i) {
            QJsonObject b = first;
            b.insert(QStringLiteral("name"), i == 0 && nameLength > 0
                                                 ? QString(nameLength, u'n')
                                                 : QStringLiteral("Build %1").arg(i));
            list.append(b);
        }
        root.insert(QStringLiteral("builds"), list);
        const QString scenario = writeScenario(QStringLiteral("large.json"), root);
        QVERIFY(!scenario.isEmpty());
        const QString pdf = m_home.filePath(QStringLiteral("large.pdf"));
        QElapsedTimer clock;
        clock.start();
        const Run run = runCli({QStringLiteral("report"), QStringLiteral("--scenario"), scenario,
                                QStringLiteral("--pdf"), pdf});
        const qint64 ms = clock.elapsed();
        QCOMPARE(run.exitCode, 2);
        verifyOneErrorLine(run, line.constData());
        QVERIFY2(run.err.contains(nameLength > 0 ? "at most 200" : "at most 12"),
                 run.err.constData());
        QVERIFY(!QFile::exists(pdf));
        QVERIFY2(ms < 10'000, QByteArray::number(ms).constData());
    }

    // At the limit the report is written: twelve builds with 200-character names.
    void writesTheReportAtTheLimit() {
        QJsonObject root = twoBuildScenario();
        QJsonArray list;
        const QJsonArray two = root.value(QStringLiteral("builds")).toArray();
        for (int i = 0; i < 12; ++i) {
            QJsonObject b = two.at(i % 2).toObject();
            b.insert(QStringLiteral("name"),
                     QString(QStringLiteral("%1 ").arg(i, 2, 10, QLatin1Char('0')) +
                             QString(197, u'w')));
            list.append(b);
        }
        root.insert(QStringLiteral("builds"), list);
        const QString scenario = writeScenario(QStringLiteral("twelve.json"), root);
        const QString pdf = m_home.filePath(QStringLiteral("twelve.pdf"));
        const Run run = runCli({QStringLiteral("report"), QStringLiteral("--scenario"), scenario,
                                QStringLiteral("--pdf"), pdf});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
    }

    void saysSoWhenTheWindowProgramIsMissing() {
        const QString scenario = writeScenario(QStringLiteral("ok2.json"), twoBuildScenario());
        QProcessEnvironment env = isolatedEnvironment();
        env.insert(QStringLiteral("LLMADVISOR_GUI"), m_home.filePath(QStringLiteral("nowhere")));
        const Run run = runCli({QStringLiteral("report"), QStringLiteral("--scenario"), scenario,
                                QStringLiteral("--pdf"), m_home.filePath(QStringLiteral("m.pdf"))},
                               env);
        QCOMPARE(run.exitCode, 1);
        verifyOneErrorLine(run, "error: report: ");
        QVERIFY(run.err.contains("llmadvisor"));
    }
};

} // namespace

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_clireport.moc"
