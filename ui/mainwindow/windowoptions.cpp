// SPDX-License-Identifier: MIT
#include "windowoptions.h"

#include "safewrite.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QSaveFile>
#include <QStringList>

namespace llm::ui {

namespace {

// The command line's words share the context of app/gui/main.cpp's.
struct CommandLine {
    Q_DECLARE_TR_FUNCTIONS(main)
};

QString tabChoices() {
    return CommandLine::tr(
        "0 = charts, 1 = table, 2 = use cases, 3 = model sizes, 4 = assumptions, "
        "5 = what if, 6 = engineering detail");
}

WindowOptionsResult refuse(const QString &error) {
    WindowOptionsResult r;
    r.action = WindowOptionsResult::Action::Refuse;
    r.error = error;
    return r;
}

QString quoted(const QString &text) {
    return QStringLiteral("“") + text + QStringLiteral("”");
}

} // namespace

WindowOptionsResult parseWindowOptions(QCommandLineParser &parser, const QStringList &arguments) {
    parser.setApplicationDescription(CommandLine::tr(
        "Compare CPU, RAM and GPU builds for running large language models locally."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 CommandLine::tr("A saved comparison (.json) to open."),
                                 QStringLiteral("[FILE]"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        CommandLine::tr("Use this catalogue database instead of the one in your profile."),
        QStringLiteral("PATH"));
    const QCommandLineOption exportPdf(
        QStringLiteral("export-pdf"),
        CommandLine::tr("Write the comparison's PDF report to PATH and quit (no window shown)."),
        QStringLiteral("PATH"));
    const QCommandLineOption blackAndWhite(
        QStringLiteral("black-and-white"),
        CommandLine::tr(
            "With --export-pdf: print the report in black and white (greys only; charts tell "
            "builds apart by dash pattern, hatching, marker shape and letter)."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        CommandLine::tr(
            "Save a picture of the window to PATH and quit (PNG, or the format the name's "
            "extension names: .jpg, .bmp, ...)."),
        QStringLiteral("PATH"));
    const QCommandLineOption theme(QStringLiteral("theme"),
                                   CommandLine::tr("Colour theme: system, light or dark."),
                                   QStringLiteral("THEME"));
    const QCommandLineOption tab(QStringLiteral("tab"),
                                 CommandLine::tr("Open on this tab (%1).").arg(tabChoices()),
                                 QStringLiteral("N"));
    for (const QCommandLineOption *o :
         {&database, &exportPdf, &blackAndWhite, &screenshot, &theme, &tab})
        parser.addOption(*o);

    if (!parser.parse(arguments)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty()) {
            const QString name = unknown.first();
            return refuse((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name +
                          QStringLiteral(": ") +
                          CommandLine::tr("unknown option; see --help for the options there are"));
        }
        // "Missing value after '--tab'.", as llmadvisor-cli words it
        return refuse(QStringLiteral("arguments: ") + parser.errorText());
    }
    WindowOptionsResult result;
    if (parser.isSet(help)) {
        result.action = WindowOptionsResult::Action::ShowHelp;
        return result;
    }
    if (parser.isSet(version)) {
        result.action = WindowOptionsResult::Action::ShowVersion;
        return result;
    }

    // Each option once: with two values, which one was meant is a guess.
    for (const QCommandLineOption *o : {&database, &exportPdf, &screenshot, &theme, &tab}) {
        const QStringList values = parser.values(*o);
        if (values.size() > 1)
            return refuse(QStringLiteral("--") + o->names().constFirst() + QStringLiteral(": ") +
                          CommandLine::tr("given %1 times (%2); give it once")
                              .arg(values.size())
                              .arg(values.join(QStringLiteral(", "))));
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        return refuse(
            QStringLiteral("FILE: ") +
            CommandLine::tr("%1 files given (%2); the window opens one comparison at a time")
                .arg(files.size())
                .arg(files.join(QStringLiteral(", "))));

    WindowOptions &o = result.options;
    if (!files.isEmpty())
        o.file = files.first();
    if (parser.isSet(database))
        o.database = parser.value(database);
    if (parser.isSet(exportPdf))
        o.exportPdf = parser.value(exportPdf);
    o.blackAndWhite = parser.isSet(blackAndWhite);
    // The window's own choice is File → Print in black and white (saved in the
    // settings); the option is for the unattended export only.
    if (o.blackAndWhite && !o.exportPdf)
        return refuse(
            QStringLiteral("--black-and-white: ") +
            CommandLine::tr("only works with --export-pdf; in the window, use File → Print in "
                            "black and white"));
    if (parser.isSet(screenshot))
        o.screenshot = parser.value(screenshot);

    if (parser.isSet(theme)) {
        const QString t = parser.value(theme).trimmed().toLower();
        if (t == u"system")
            o.theme = Theme::System;
        else if (t == u"light")
            o.theme = Theme::Light;
        else if (t == u"dark")
            o.theme = Theme::Dark;
        else
            return refuse(QStringLiteral("--theme: ") +
                          CommandLine::tr("%1 is not a theme; use system, light or dark")
                              .arg(quoted(parser.value(theme))));
    }
    if (parser.isSet(tab)) {
        bool ok = false;
        const int n = parser.value(tab).trimmed().toInt(&ok);
        if (!ok || n < 0 || n >= kWindowTabCount)
            return refuse(QStringLiteral("--tab: ") +
                          CommandLine::tr("%1 is not a tab; use %2")
                              .arg(quoted(parser.value(tab)), tabChoices()));
        o.tab = n;
    }

    // --export-pdf shows no window: a picture of it, a tab or a theme would be
    // silently dropped, so say so instead.
    if (o.exportPdf) {
        if (o.screenshot)
            return refuse(
                QStringLiteral("--screenshot: ") +
                CommandLine::tr("cannot be combined with --export-pdf, which shows no window; run "
                                "the program once for each"));
        if (o.tab)
            return refuse(
                QStringLiteral("--tab: ") +
                CommandLine::tr("has no effect with --export-pdf (the report has no tabs)"));
        if (o.theme)
            return refuse(
                QStringLiteral("--theme: ") +
                CommandLine::tr("has no effect with --export-pdf (the report is always printed "
                                "black on white)"));
    }
    return result;
}

namespace {

// The format QImageWriter is asked for: the extension's, or PNG without one.
QByteArray screenshotFormat(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix.isEmpty() ? QByteArrayLiteral("png") : suffix.toLatin1();
}

QString cannotWrite(const QString &path, const QString &reason) {
    return QStringLiteral("--screenshot: ") +
           CommandLine::tr("cannot write %1: %2")
               .arg(quoted(QDir::toNativeSeparators(path)), reason);
}

} // namespace

QString checkScreenshotTarget(const QString &path) {
    if (path.isEmpty())
        return QStringLiteral("--screenshot: ") + CommandLine::tr("no file name given");
    const QFileInfo target(path);
    if (target.isDir())
        return cannotWrite(path,
                           CommandLine::tr("it is a folder; give a file name such as %1")
                               .arg(quoted(QDir(path).filePath(QStringLiteral("window.png")))));
    const QByteArray format = screenshotFormat(path);
    if (!QImageWriter::supportedImageFormats().contains(format))
        return cannotWrite(path,
                           CommandLine::tr("pictures cannot be saved as .%1; use .png or .jpg")
                               .arg(QString::fromLatin1(format)));
    const QFileInfo folder(target.absolutePath());
    if (!folder.exists())
        return cannotWrite(path, CommandLine::tr("the folder %1 does not exist")
                                     .arg(quoted(QDir::toNativeSeparators(folder.filePath()))));
    if (!folder.isDir())
        return cannotWrite(path, CommandLine::tr("%1 is not a folder")
                                     .arg(quoted(QDir::toNativeSeparators(folder.filePath()))));
    if (!folder.isWritable())
        return cannotWrite(path, CommandLine::tr("the folder %1 is not writable")
                                     .arg(quoted(QDir::toNativeSeparators(folder.filePath()))));
    if (target.exists() && !target.isWritable())
        return cannotWrite(path, CommandLine::tr("the file exists and is not writable"));
    return {};
}

QString saveScreenshot(const QImage &image, const QString &path) {
    if (const QString problem = checkScreenshotTarget(path); !problem.isEmpty())
        return problem;
    if (image.isNull())
        return cannotWrite(path, CommandLine::tr("the window could not be drawn"));
    // Encoded in memory, then written like every other file the user keeps
    // (db::writeFileSafely): the old picture survives a failure (a full disk
    // included), devices and pipes are refused.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, screenshotFormat(path));
    if (!writer.write(image))
        return cannotWrite(path, writer.errorString());
    QString error;
    if (!db::writeFileSafely(path, buffer.data(), &error))
        return error;
    return {};
}

} // namespace llm::ui
