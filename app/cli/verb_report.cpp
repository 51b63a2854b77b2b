// SPDX-License-Identifier: MIT
// llmadvisor-cli report --scenario FILE.json --pdf OUT.pdf [--black-and-white]
//                       [--database PATH|--builtin]
//
// The PDF report is drawn by the window's own code (Qt Widgets, Qt Charts), which
// this command-line tool deliberately does not link: it stays usable on a server
// without a display stack. The verb therefore runs the window program installed
// beside it, headless (offscreen, no window shown), so the PDF is the very report
// File → Export PDF… writes. Errors keep the CLI contract: one line on stderr.
#include "catalogue.h"
#include "cli.h"
#include "comparison_limits.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <optional>

namespace llm::cli {
namespace {

using namespace Qt::StringLiterals;

constexpr int kReportTimeoutMs = 120'000;
// Larger files are left to the window program, which refuses them unread.
constexpr qint64 kMaxCheckedBytes = 16 * 1024 * 1024;

// Where the window program is: an explicit LLMADVISOR_GUI, beside this program
// (installed: both in bin/), or in the build tree (app/cli and app/gui).
QString findWindowProgram(QStringList *looked) {
    const QString fromEnv = qEnvironmentVariable("LLMADVISOR_GUI");
    QStringList candidates;
    if (!fromEnv.isEmpty())
        candidates << fromEnv;
    else {
        const QDir here(QCoreApplication::applicationDirPath());
        candidates << here.filePath(u"llmadvisor"_s) << here.filePath(u"../gui/llmadvisor"_s);
    }
    for (const QString &c : std::as_const(candidates)) {
        const QFileInfo info(c);
        if (info.isFile() && info.isExecutable())
            return info.absoluteFilePath();
        *looked << QDir::toNativeSeparators(QDir::cleanPath(info.absoluteFilePath()));
    }
    return {};
}

// The window program's "error: ..." lines; Qt's own chatter (platform plugin
// notes) is dropped so the one-line contract holds.
QString firstErrorLine(const QByteArray &stderrBytes) {
    const QList<QByteArray> lines = stderrBytes.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("error: "))
            return QString::fromUtf8(line.mid(7)).trimmed();
    }
    return {};
}

} // namespace

int runReport(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Writes the comparison's PDF report (the same report as File → Export PDF… in the "
        u"window) without showing a window."_s);
    const QCommandLineOption scenarioOpt(u"scenario"_s, u"The comparison (.json) to report."_s,
                                         u"FILE"_s);
    const QCommandLineOption pdfOpt(u"pdf"_s, u"Where to write the PDF."_s, u"OUT.pdf"_s);
    const QCommandLineOption blackAndWhiteOpt(
        u"black-and-white"_s,
        u"Print the report in black and white: greys only; the charts tell builds apart by "
        u"dash pattern, hatching, marker shape and letter."_s);
    parser.addOption(scenarioOpt);
    parser.addOption(pdfOpt);
    parser.addOption(blackAndWhiteOpt);
    parser.addOptions(catalogueOptions());
    if (const auto done = parseVerbArguments(parser, arguments))
        return *done;
    if (!parser.isSet(scenarioOpt))
        return badInput(u"--scenario"_s, u"missing; give the comparison file to report"_s);
    if (!parser.isSet(pdfOpt))
        return badInput(u"--pdf"_s, u"missing; give the PDF file to write"_s);
    const QString scenarioPath = parser.value(scenarioOpt);
    const QString pdfPath = parser.value(pdfOpt);
    const QFileInfo scenarioInfo(scenarioPath);
    if (!scenarioInfo.isFile() || !scenarioInfo.isReadable())
        return badInput(u"--scenario"_s, u"cannot read \""_s + scenarioPath + u"\""_s);
    if (!pdfPath.endsWith(u".pdf"_s, Qt::CaseInsensitive))
        return badInput(u"--pdf"_s, u"\""_s + pdfPath + u"\" does not end in .pdf"_s);
    const QFileInfo pdfDir(QFileInfo(pdfPath).absolutePath());
    if (!pdfDir.isDir() || !pdfDir.isWritable())
        return badInput(u"--pdf"_s, u"cannot write into the folder \""_s +
                                        QDir::toNativeSeparators(pdfDir.filePath()) + u"\""_s);

    // The limits of a comparison people read (comparison_limits.h), checked
    // here so that an oversized file is refused at once, with the field the
    // window would name, instead of after starting the window program.
    if (QFile file(scenarioPath);
        scenarioInfo.size() <= kMaxCheckedBytes && file.open(QIODevice::ReadOnly)) {
        if (const auto limit = scenario::checkComparisonLimits(file.readAll()))
            return badInput(limit->field, limit->message);
    }

    QStringList looked;
    const QString window = findWindowProgram(&looked);
    if (window.isEmpty()) {
        return internalFailure(u"report"_s,
                               u"the PDF is drawn by the window program \"llmadvisor\", which was "
                               u"not found (looked for "_s +
                                   looked.join(u", "_s) + u"); install the full package"_s);
    }

    // The window reads the same catalogue as the other verbs: the one named,
    // or the user's (the window's default is the same file; it is named only
    // when it exists, so that a first run creates it there as usual), or for
    // --builtin a fresh catalogue of the built-in data made for this report.
    QString database;
    std::optional<QTemporaryDir> builtinDir; // removed with the catalogue when the verb ends
    if (parser.isSet(u"builtin"_s)) {
        if (parser.isSet(u"database"_s))
            return badInput(u"--builtin"_s, u"cannot be used with --database (--builtin reads "
                                            u"no catalogue file at all)"_s);
        builtinDir.emplace();
        database = builtinDir->filePath(u"catalogue.sqlite"_s);
        db::CatalogueDatabase builtin;
        const db::OpenResult made = builtin.open(database);
        if (!builtinDir->isValid() || !made.ok || made.builtinOnly)
            return internalFailure(u"report"_s, u"a catalogue of the built-in data could not be "
                                                u"made in a temporary folder: "_s +
                                                    made.message);
    } else {
        const std::optional<QString> path = databasePath(parser);
        if (!path)
            return kExitBadInput;
        if (parser.isSet(u"database"_s) || QFileInfo::exists(*path))
            database = QFileInfo(*path).absoluteFilePath();
    }
    QStringList windowArgs{scenarioInfo.absoluteFilePath(), u"--export-pdf"_s,
                           QFileInfo(pdfPath).absoluteFilePath()};
    if (!database.isEmpty())
        windowArgs << u"--database"_s << database;
    if (parser.isSet(blackAndWhiteOpt))
        windowArgs << u"--black-and-white"_s;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(env);
    process.start(window, windowArgs);
    if (!process.waitForStarted()) {
        return internalFailure(u"report"_s,
                               u"cannot start \""_s + window + u"\": "_s + process.errorString());
    }
    if (!process.waitForFinished(kReportTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return internalFailure(u"report"_s, u"the window program did not finish within "_s +
                                                QString::number(kReportTimeoutMs / 1000) + u" s"_s);
    }
    const QString error = firstErrorLine(process.readAllStandardError());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == kExitBadInput)
            return badInput(u"--scenario"_s, error.isEmpty() ? u"refused"_s : error);
        return internalFailure(u"report"_s, u"the window program failed"_s +
                                                (error.isEmpty() ? QString() : u": "_s + error));
    }
    const QFileInfo written(pdfPath);
    if (!written.isFile() || written.size() == 0) {
        return internalFailure(u"report"_s, u"no PDF was written to \""_s + pdfPath + u"\""_s);
    }
    writeStdout(u"wrote "_s + QDir::toNativeSeparators(written.absoluteFilePath()) + u" ("_s +
                QLocale::c().toString(written.size()) + u" bytes)\n"_s);
    return kExitOk;
}

} // namespace llm::cli
