// SPDX-License-Identifier: MIT
#include "cli.h"

#include "catalogue.h"
#include "plaintext.h"

#include <QHash>

#include <cstdio>

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

void writeStdout(const QByteArray &bytes) {
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
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

} // namespace llm::cli
