// SPDX-License-Identifier: MIT
#include "cli.h"

#include "appidentity.h"
#include "catalogue.h"
#include "catalogueeditor.h"
#include "plaintext.h"
#include "safewrite.h"
#include "usermeasurements.h"

#include <QHash>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace llm::cli {

using namespace Qt::StringLiterals;

namespace {
void writeErrorLine(const QString &field, const QString &message) {
    // One line, whatever the message: a test or a script reads exactly one.
    // A line break the program put into a message becomes a space; every
    // other control character (a NUL or an escape sequence from a file) is
    // written as \u00XX, so it can neither cut the line nor reach the terminal.
    QString line = u"error: "_s + field + u": "_s + message;
    line.replace(u'\n', u' ');
    line = input::escapeControls(line) + u'\n';
    const QByteArray bytes = line.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
    std::fflush(stderr);
}
} // namespace

int badInput(const QString &field, const QString &message) {
    writeErrorLine(field, message);
    return kExitBadInput;
}

int internalFailure(const QString &field, const QString &message) {
    writeErrorLine(field, message);
    return kExitInternal;
}

namespace {
// The first error met writing standard output (an errno), 0 while all is well.
int s_stdoutError = 0;

// Standard output closed before the program started (`>&-`): fd 1 is free, so
// the first file the program opens (the catalogue database) would get it and
// the output would be written into that file. Put /dev/null there and remember
// that the output cannot be written. Runs before main().
const bool s_stdoutChecked = [] {
#ifdef Q_OS_UNIX
    if (::fcntl(STDOUT_FILENO, F_GETFD) == -1 && errno == EBADF) {
        s_stdoutError = EBADF;
        const int fd = ::open("/dev/null", O_WRONLY);
        if (fd >= 0 && fd != STDOUT_FILENO) {
            ::dup2(fd, STDOUT_FILENO);
            ::close(fd);
        }
    }
#endif
    return true;
}();
} // namespace

void writeStdout(const QByteArray &bytes) {
    if (s_stdoutError != 0)
        return; // already failed: the rest would be incomplete anyway
    errno = 0;
    const std::size_t size = std::size_t(bytes.size());
    if (std::fwrite(bytes.constData(), 1, size, stdout) != size || std::fflush(stdout) != 0 ||
        std::ferror(stdout))
        s_stdoutError = errno != 0 ? errno : EIO;
}

int finishStdout(int exitCode) {
    (void)s_stdoutChecked;
    if (s_stdoutError == 0 && (std::fflush(stdout) != 0 || std::ferror(stdout)))
        s_stdoutError = errno != 0 ? errno : EIO;
    if (s_stdoutError == 0 || exitCode != kExitOk)
        return exitCode; // a verb that failed has printed its own one line
    return internalFailure(u"stdout"_s, u"the output could not be written (%1)"_s.arg(
                                            db::writeErrorCause(s_stdoutError)));
}

void writeStdout(const QString &text) {
    writeStdout(text.toUtf8());
}

QString optionText(const QString &name) {
    return (name.size() == 1 ? u"-"_s : u"--"_s) + name;
}

std::optional<int> refuseOptions(const QCommandLineParser &parser, const QStringList &names,
                                 const QString &why) {
    for (const QString &name : names) {
        if (parser.isSet(name))
            return badInput(optionText(name), why);
    }
    return std::nullopt;
}

std::optional<int> parseVerbArguments(QCommandLineParser &parser, const QStringList &arguments) {
    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty())
            return badInput(u"--"_s + unknown.front(),
                            u"unknown option; see "_s + arguments.value(0) + u" --help"_s);
        return badInput(u"arguments"_s, parser.errorText());
    }
    if (parser.isSet(help)) {
        writeStdout(parser.helpText());
        return kExitOk;
    }
    // QCommandLineParser keeps the last of a repeated option; a script that
    // says "--format table --format json" has a mistake, so refuse it.
    QHash<QString, int> seen;
    for (const QString &name : parser.optionNames()) {
        if (++seen[name] > 1 || parser.values(name).size() > 1)
            return badInput(optionText(name), u"given more than once; give it once"_s);
    }
    return std::nullopt;
}

QCommandLineOption formatOption() {
    return QCommandLineOption(u"format"_s, u"Output format: json (default) or table."_s,
                              u"json|table"_s, u"json"_s);
}

std::optional<Format> readFormat(const QCommandLineParser &parser) {
    const QString value = parser.value(u"format"_s);
    if (value == u"json"_s)
        return Format::Json;
    if (value == u"table"_s)
        return Format::Table;
    badInput(u"--format"_s, u"unknown format \""_s + value + u"\"; use \"json\" or \"table\""_s);
    return std::nullopt;
}

std::optional<Catalog> shippedCatalog() {
    QString error;
    Catalog catalog = db::loadShippedCatalog(&error);
    if (!error.isEmpty()) {
        std::fputs(
            ("error: catalog: the built-in catalogue cannot be read: " + error.toStdString() + "\n")
                .c_str(),
            stderr);
        return std::nullopt;
    }
    return catalog;
}

void printNote(const QString &text) {
    QString line = u"note: "_s + text;
    line.replace(u'\n', u' ');
    std::fputs((line + u'\n').toUtf8().constData(), stderr);
    std::fflush(stderr);
}

QList<QCommandLineOption> catalogueOptions() {
    return {
        QCommandLineOption(u"database"_s,
                           u"The catalogue file to read instead of your own (which the window "
                           u"uses too: "_s +
                               QDir::toNativeSeparators(db::CatalogueDatabase::defaultPath()) +
                               u"). It must exist."_s,
                           u"PATH"_s),
        QCommandLineOption(u"builtin"_s, u"Use the built-in catalogue only: none of your own "
                                         u"rows or changed prices."_s),
    };
}

std::optional<QString> databasePath(const QCommandLineParser &parser, MissingDatabase missing) {
    if (!parser.isSet(u"database"_s)) {
        const db::CatalogueLocation location = db::defaultCatalogue();
        if (!location.message.isEmpty())
            printNote(location.message);
        return location.path;
    }
    const QString path = parser.value(u"database"_s);
    if (path.isEmpty()) {
        badInput(u"--database"_s, u"empty; give the catalogue file"_s);
        return std::nullopt;
    }
    const QFileInfo info(path);
    // A mistyped path must not quietly become a new, empty catalogue (and its folders).
    if (!info.exists() && !info.isSymLink() && missing == MissingDatabase::Refuse) {
        badInput(
            u"--database"_s,
            u"there is no catalogue file \""_s + QDir::toNativeSeparators(path) +
                u"\"; check the path (your own catalogue is used when --database is left out)"_s);
        return std::nullopt;
    }
    return path;
}

std::optional<Catalog> readCatalogue(const QCommandLineParser &parser, int *exitCode,
                                     std::vector<Measurement> *own) {
    *exitCode = kExitOk;
    if (own)
        own->clear();
    const bool builtin = parser.isSet(u"builtin"_s);
    const bool named = parser.isSet(u"database"_s);
    if (builtin && named) {
        *exitCode = badInput(u"--builtin"_s, u"cannot be used with --database (--builtin reads "
                                             u"no catalogue file at all)"_s);
        return std::nullopt;
    }
    std::optional<Catalog> catalog;
    if (builtin) {
        catalog = shippedCatalog();
        if (!catalog)
            *exitCode = kExitInternal;
        return catalog;
    }
    const std::optional<QString> path = databasePath(parser);
    if (!path) {
        *exitCode = kExitBadInput;
        return std::nullopt;
    }
    // open() says "The built-in catalogue is used; ..." when it falls back to
    // the built-in data; with --database nothing is used in the file's place.
    const QString builtinSentence = QCoreApplication::translate(
        "llm::db::CatalogueDatabase", "The built-in catalogue is used; changes cannot be saved.");
    const auto fallBack = [&](QString why, bool saysBuiltin) -> std::optional<Catalog> {
        if (named) {
            if (saysBuiltin && why.endsWith(builtinSentence))
                why = why.chopped(builtinSentence.size()).trimmed();
            *exitCode = badInput(u"--database"_s, why);
            return std::nullopt;
        }
        printNote(saysBuiltin ? why : why + u" The built-in catalogue is used."_s);
        std::optional<Catalog> shipped = shippedCatalog();
        if (!shipped)
            *exitCode = kExitInternal;
        return shipped;
    };

    db::CatalogueDatabase database;
    const db::OpenResult opened = database.open(*path);
    if (!opened.ok)
        return fallBack(opened.message, false);
    if (opened.builtinOnly)
        return fallBack(opened.message, true);
    QString error;
    catalog = db::loadMarked(&database, &error);
    if (!error.isEmpty())
        return fallBack(error, false);
    if (own) {
        // The user's own measurements; one that the catalogue can no longer
        // place (a part of theirs deleted since) is left out with a note.
        auto set = db::readOwnMeasurements(database, *catalog, &error);
        if (!set) {
            printNote(u"your own measurements cannot be read (%1); the shipped calibration "
                      u"is used"_s.arg(error));
        } else {
            for (const db::SkippedMeasurement &s : set->skipped)
                printNote(u"your measurement %1 is not used: %2"_s.arg(s.id, s.reason));
            *own = std::move(set->rows);
        }
    }
    // A repair or an upgrade on the way is worth a note; being read-only (a
    // newer version's file, another running copy writing it, a read-only
    // file) is not, to a verb that only reads.
    if (!opened.message.isEmpty() && (!opened.readOnly || opened.recovered || opened.upgraded))
        printNote(opened.message);
    return catalog;
}

} // namespace llm::cli
