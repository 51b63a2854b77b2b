// SPDX-License-Identifier: MIT
#pragma once
// Shared pieces of llmadvisor-cli's verbs: exit codes, the one-line error
// contract, output, the --format option and the catalogue.

#include "catalog.h"

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace llm::cli {

enum ExitCode : int {
    kExitOk = 0,
    kExitInternal = 1, // the program itself is broken (embedded catalogue unreadable)
    kExitBadInput = 2, // anything the user gave: arguments, scenario, names
};

enum class Format { Json, Table };

// Prints "error: <field>: <message>" as exactly one line on stderr and
// returns kExitBadInput. Nothing may have been written to stdout before.
int badInput(const QString &field, const QString &message);
// The same one line for a failure that is not the user's input; returns kExitInternal.
int internalFailure(const QString &field, const QString &message);

void writeStdout(const QByteArray &bytes);
void writeStdout(const QString &text);

// Adds --help to a verb's parser and parses `arguments` (argv with the verb
// as the program name). On a usage error prints the error line and returns
// kExitBadInput; on --help prints the verb's help and returns kExitOk.
// An option given twice is refused (it would otherwise silently use the last).
std::optional<int> parseVerbArguments(QCommandLineParser &parser, const QStringList &arguments);

// "--name" (or "-n" for a one-letter option), as the user typed it.
QString optionText(const QString &name);
// Refuses the first of `names` that is set, with "error: --name: <why>"; for
// options a verb knows but that do not apply to what it was asked to do.
std::optional<int> refuseOptions(const QCommandLineParser &parser, const QStringList &names,
                                 const QString &why);

QCommandLineOption formatOption();
// The --format value, or nullopt after printing the error line.
std::optional<Format> readFormat(const QCommandLineParser &parser);

// The shipped catalogue; nullopt after printing an error (exit kExitInternal).
std::optional<Catalog> shippedCatalog();

// A verb: `arguments` are argv with "llmadvisor-cli <verb>" as the program name.
int runEstimate(const QStringList &arguments);
int runCatalog(const QStringList &arguments);
// catalog import / export (verb_catalog_io.cpp, catalogue engineer).
int runCatalogIo(const QStringList &arguments);
int runRecommend(const QStringList &arguments);
int runValidate(const QStringList &arguments);
int runCalibrate(const QStringList &arguments);
int runReport(const QStringList &arguments);

} // namespace llm::cli
