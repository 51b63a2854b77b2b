// SPDX-License-Identifier: MIT
// The window program's command line (parseWindowOptions) and --screenshot's
// writer, as functions; then the real llmadvisor run as a process, to see that
// a refusal is one line on stderr with exit 2 and comes before the window.
#include "mainwindow/windowoptions.h"
#include "process.h"
#include "profile.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace llm::ui;
using Action = WindowOptionsResult::Action;

namespace {

WindowOptionsResult parse(const QStringList &args) {
    QCommandLineParser parser;
    return parseWindowOptions(parser, QStringList{QStringLiteral("llmadvisor")} + args);
}

using Run = llm::testsupport::ProcessRun;

} // namespace

class TestWindowOptions final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    Run runWindow(const QStringList &args) const {
        QProcessEnvironment env = llm::testsupport::isolatedProfile(m_dir.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return llm::testsupport::runProgram(llm::testsupport::windowProgram(), args,
                                            llm::testsupport::RunOptions().in(env).within(60'000));
    }

    // The "error: " lines of a run (Qt's own platform notes are not ours).
    static QList<QByteArray> errorLines(const QByteArray &err) {
        QList<QByteArray> lines;
        for (const QByteArray &line : err.split('\n'))
            if (line.startsWith("error: "))
                lines << line;
        return lines;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Accepted command lines and what they mean.
    void accepts_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("tab");   // -1: not given
        QTest::addColumn<int>("theme"); // -1: not given
        QTest::addColumn<bool>("unattended");
        const int dark = static_cast<int>(Theme::Dark);
        QTest::newRow("nothing") << QStringList{} << QString() << -1 << -1 << false;
        QTest::newRow("file") << QStringList{QStringLiteral("a.json")} << QStringLiteral("a.json")
                              << -1 << -1 << false;
        QTest::newRow("tab 0") << QStringList{QStringLiteral("--tab"), QStringLiteral("0")}
                               << QString() << 0 << -1 << false;
        QTest::newRow("tab 5") << QStringList{QStringLiteral("--tab=5")} << QString() << 5 << -1
                               << false;
        QTest::newRow("theme DARK")
            << QStringList{QStringLiteral("--theme"), QStringLiteral("DARK")} << QString() << -1
            << dark << false;
        QTest::newRow("screenshot tab theme")
            << QStringList{QStringLiteral("--screenshot"), QStringLiteral("s.png"),
                           QStringLiteral("--tab"),        QStringLiteral("3"),
                           QStringLiteral("--theme"),      QStringLiteral("dark"),
                           QStringLiteral("x.json")}
            << QStringLiteral("x.json") << 3 << dark << true;
        QTest::newRow("export-pdf")
            << QStringList{QStringLiteral("--export-pdf"), QStringLiteral("r.pdf"),
                           QStringLiteral("x.json")}
            << QStringLiteral("x.json") << -1 << -1 << true;
    }
    void accepts() {
        QFETCH(QStringList, args);
        QFETCH(QString, file);
        QFETCH(int, tab);
        QFETCH(int, theme);
        QFETCH(bool, unattended);
        const WindowOptionsResult r = parse(args);
        QVERIFY2(r.action == Action::Run, qPrintable(r.error));
        QCOMPARE(r.options.file.value_or(QString()), file);
        QCOMPARE(r.options.tab.value_or(-1), tab);
        QCOMPARE(r.options.theme ? static_cast<int>(*r.options.theme) : -1, theme);
        QCOMPARE(r.options.unattended(), unattended);
    }

    // Every refusal is one line that starts with the option it is about and
    // says what would be right.
    void refuses_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("mentions");
        const QString tabHint = QStringLiteral("0 = charts");
        for (const char *bad : {"7", "-1", "99", "abc", "2.5", ""})
            QTest::addRow("tab '%s'", bad)
                << QStringList{QStringLiteral("--tab"), QString::fromLatin1(bad)}
                << QStringLiteral("--tab: ") << tabHint;
        QTest::newRow("theme neon")
            << QStringList{QStringLiteral("--theme"), QStringLiteral("neon")}
            << QStringLiteral("--theme: ") << QStringLiteral("system, light or dark");
        QTest::newRow("two files")
            << QStringList{QStringLiteral("a.json"), QStringLiteral("b.json")}
            << QStringLiteral("FILE: ") << QStringLiteral("b.json");
        QTest::newRow("export-pdf twice")
            << QStringList{QStringLiteral("--export-pdf"), QStringLiteral("p1.pdf"),
                           QStringLiteral("--export-pdf"), QStringLiteral("p2.pdf")}
            << QStringLiteral("--export-pdf: ") << QStringLiteral("give it once");
        QTest::newRow("screenshot twice")
            << QStringList{QStringLiteral("--screenshot=a.png"),
                           QStringLiteral("--screenshot=b.png")}
            << QStringLiteral("--screenshot: ") << QStringLiteral("give it once");
        QTest::newRow("tab twice")
            << QStringList{QStringLiteral("--tab=1"), QStringLiteral("--tab=2")}
            << QStringLiteral("--tab: ") << QStringLiteral("give it once");
        QTest::newRow("database twice")
            << QStringList{QStringLiteral("--database=a"), QStringLiteral("--database=b")}
            << QStringLiteral("--database: ") << QStringLiteral("give it once");
        QTest::newRow("pdf and screenshot")
            << QStringList{QStringLiteral("--export-pdf"), QStringLiteral("both.pdf"),
                           QStringLiteral("--screenshot"), QStringLiteral("both.png")}
            << QStringLiteral("--screenshot: ") << QStringLiteral("--export-pdf");
        QTest::newRow("pdf and tab")
            << QStringList{QStringLiteral("--export-pdf=r.pdf"), QStringLiteral("--tab=2")}
            << QStringLiteral("--tab: ") << QStringLiteral("--export-pdf");
        QTest::newRow("pdf and theme")
            << QStringList{QStringLiteral("--export-pdf=r.pdf"), QStringLiteral("--theme=dark")}
            << QStringLiteral("--theme: ") << QStringLiteral("--export-pdf");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")}
                                        << QStringLiteral("--bogus: ") << QStringLiteral("--help");
        QTest::newRow("missing value")
            << QStringList{QStringLiteral("--tab")} << QString() << QStringLiteral("--tab");
    }
    void refuses() {
        QFETCH(QStringList, args);
        QFETCH(QString, prefix);
        QFETCH(QString, mentions);
        const WindowOptionsResult r = parse(args);
        QCOMPARE(r.action, Action::Refuse);
        QVERIFY2(r.error.startsWith(prefix), qPrintable(r.error));
        QVERIFY2(r.error.contains(mentions), qPrintable(r.error));
        QVERIFY2(!r.error.contains(u'\n'), qPrintable(r.error));
    }

    void helpAndVersion() {
        QCOMPARE(parse({QStringLiteral("--help")}).action, Action::ShowHelp);
        QCOMPARE(parse({QStringLiteral("--version")}).action, Action::ShowVersion);
    }

    // --screenshot targets that cannot be written: the reason, in one line.
    void screenshotTargets_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing folder")
            << m_dir.filePath(QStringLiteral("nodir/x.png")) << QStringLiteral("does not exist");
        QTest::newRow("a folder") << m_dir.path() << QStringLiteral("is a folder");
        QTest::newRow("unknown extension")
            << m_dir.filePath(QStringLiteral("x.txt")) << QStringLiteral(".png or .jpg");
        QTest::newRow("empty") << QString() << QStringLiteral("no file name");
        QTest::newRow("a file as the folder")
            << llm::testsupport::windowProgram() + QStringLiteral("/x.png")
            << QStringLiteral("not a folder");
    }
    void screenshotTargets() {
        QFETCH(QString, path);
        QFETCH(QString, reason);
        const QImage image(32, 16, QImage::Format_RGB32);
        const QString checked = checkScreenshotTarget(path);
        QVERIFY2(checked.startsWith(QStringLiteral("--screenshot: ")), qPrintable(checked));
        QVERIFY2(checked.contains(reason), qPrintable(checked));
        const QString saved = saveScreenshot(image, path);
        QVERIFY2(saved.contains(reason), qPrintable(saved));
        QVERIFY(!saved.contains(u'\n'));
    }

    // A read-only folder: as root, permission bits stop nothing, so the
    // folder is a read-only file system's (sysfs) there.
    void screenshotReadOnlyFolder() {
        QString folder;
        if (::geteuid() != 0) {
            folder = m_dir.filePath(QStringLiteral("ro"));
            QVERIFY(QDir().mkpath(folder));
            QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        } else {
            for (const QString &candidate : {QStringLiteral("/sys"), QStringLiteral("/proc/sys")})
                if (folder.isEmpty() && QFileInfo(candidate).isDir() &&
                    !QFileInfo(candidate).isWritable())
                    folder = candidate;
            if (folder.isEmpty())
                QSKIP("running as root with no read-only folder to try");
        }
        const QString path = QDir(folder).filePath(QStringLiteral("shot.png"));
        const QString saved = saveScreenshot(QImage(8, 8, QImage::Format_RGB32), path);
        // "the folder … is not writable", or the system's reason when the
        // folder looks writable but its file system is mounted read-only.
        QVERIFY2(saved.startsWith(QStringLiteral("--screenshot: cannot write")), qPrintable(saved));
        QVERIFY(!QFile::exists(path));
    }

    // A name without an extension gets a PNG (the help says so).
    void screenshotWithoutExtensionIsPng() {
        const QString path = m_dir.filePath(QStringLiteral("noext"));
        QImage image(40, 20, QImage::Format_RGB32);
        image.fill(Qt::darkBlue);
        QCOMPARE(saveScreenshot(image, path), QString());
        QImageReader reader(path);
        QCOMPARE(reader.format(), QByteArray("png"));
        QCOMPARE(reader.read().size(), QSize(40, 20));
    }

    void screenshotJpeg() {
        const QString path = m_dir.filePath(QStringLiteral("shot.JPG"));
        QImage image(40, 20, QImage::Format_RGB32);
        image.fill(Qt::white);
        QCOMPARE(saveScreenshot(image, path), QString());
        const QByteArray format = QImageReader(path).format();
        QVERIFY2(format == "jpeg" || format == "jpg", format.constData());
    }

    // The real program: a bad option or screenshot target is one error line
    // and exit 2, before any window is shown (so quickly).
    void programRefuses_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("prefix");
        QTest::newRow("tab 7") << QStringList{QStringLiteral("--tab"), QStringLiteral("7")}
                               << QByteArray("error: --tab: ");
        QTest::newRow("tab abc") << QStringList{QStringLiteral("--tab"), QStringLiteral("abc")}
                                 << QByteArray("error: --tab: ");
        QTest::newRow("theme neon")
            << QStringList{QStringLiteral("--theme=neon")} << QByteArray("error: --theme: ");
        QTest::newRow("two files")
            << QStringList{QStringLiteral("a.json"), QStringLiteral("b.json")}
            << QByteArray("error: FILE: ");
        QTest::newRow("pdf twice") << QStringList{QStringLiteral("--export-pdf=a.pdf"),
                                                  QStringLiteral("--export-pdf=b.pdf")}
                                   << QByteArray("error: --export-pdf: ");
        QTest::newRow("pdf and screenshot") << QStringList{QStringLiteral("--export-pdf=a.pdf"),
                                                           QStringLiteral("--screenshot=a.png")}
                                            << QByteArray("error: --screenshot: ");
        QTest::newRow("unknown") << QStringList{QStringLiteral("--bogus")}
                                 << QByteArray("error: --bogus: ");
        QTest::newRow("shot missing folder")
            << QStringList{QStringLiteral("--screenshot"),
                           m_dir.filePath(QStringLiteral("no/x.png"))}
            << QByteArray("error: --screenshot: ");
        QTest::newRow("shot is a folder")
            << QStringList{QStringLiteral("--screenshot"), m_dir.path()}
            << QByteArray("error: --screenshot: ");
        QTest::newRow("shot bad extension")
            << QStringList{QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("x.pdf"))}
            << QByteArray("error: --screenshot: ");
    }
    void programRefuses() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, prefix);
        const Run run = runWindow(args);
        QCOMPARE(run.exitCode, 2);
        const QList<QByteArray> lines = errorLines(run.err);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(prefix), run.err.constData());
        // Refused before the window: no one-second wait for the charts.
        QVERIFY2(run.ms < 5000, QByteArray::number(run.ms).constData());
    }

    // A comparison the window refuses, with --screenshot: one line, exit 2,
    // and no message box waiting for a click that never comes.
    void programScreenshotOfABadFile() {
        const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"builds\": []}");
        f.close();
        const QString shot = m_dir.filePath(QStringLiteral("bad.png"));
        const Run run = runWindow({QStringLiteral("--screenshot"), shot, bad});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(errorLines(run.err).size(), 1);
        QVERIFY(!QFile::exists(shot));
    }

    // The review's case: the user "nobody" asks for a picture in a folder it
    // may not write to (0555). Run as nobody when the test runs as root.
    void programScreenshotIntoReadOnlyFolder() {
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        if (::geteuid() != 0 || setpriv.isEmpty())
            QSKIP("needs root and setpriv to run the window as another user");
        QTemporaryDir top;
        QVERIFY(top.isValid());
        QVERIFY(QFile::setPermissions(
            top.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                            QFileDevice::ReadOther | QFileDevice::ExeOther));
        const QString ro = top.filePath(QStringLiteral("ro"));
        const QString home = top.filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(ro) && QDir().mkpath(home));
        QVERIFY(::chown(QFile::encodeName(ro).constData(), 65534, 65534) == 0);
        QVERIFY(::chown(QFile::encodeName(home).constData(), 65534, 65534) == 0);
        QVERIFY(QFile::setPermissions(ro, QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                              QFileDevice::ReadOther | QFileDevice::ExeOther));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home);
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home);
        p.setProcessEnvironment(env);
        const QString shot = QDir(ro).filePath(QStringLiteral("x.png"));
        p.start(setpriv, {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                          QStringLiteral("--clear-groups"), llm::testsupport::windowProgram(),
                          QStringLiteral("--screenshot"), shot});
        QVERIFY(p.waitForFinished(60'000));
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 2);
        const QList<QByteArray> lines = errorLines(err);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains("is not writable"), err.constData());
        QVERIFY(!QFile::exists(shot));
    }

    void programScreenshotWithoutExtension() {
        const QString shot = m_dir.filePath(QStringLiteral("window"));
        const Run run =
            runWindow({QStringLiteral("--screenshot"), shot, QStringLiteral("--tab=5")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(QImageReader(shot).format(), QByteArray("png"));
    }
};

QTEST_MAIN(TestWindowOptions)
#include "tst_windowoptions.moc"
