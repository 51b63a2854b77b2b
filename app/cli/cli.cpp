// SPDX-License-Identifier: MIT
#include "cli.h"

#include "catalogue.h"
#include "safewrite.h"

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
    QString line = u"error: "_s + field + u": "_s + message;
    line.replace(u'\n', u' ');
    std::fputs((line + u'\n').toUtf8().constData(), stderr);
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

} // namespace llm::cli
