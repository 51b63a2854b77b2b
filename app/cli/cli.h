// SPDX-License-Identifier: MIT
#pragma once
// Shared pieces of llmadvisor-cli's verbs: exit codes, the one-line error
// contract, output, the --format option and the catalogue.

#include "calibration.h"
#include "catalog.h"

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

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

// Output on stdout. A failed write (a full disk, /dev/full, a closed stdout) is
// remembered; finishStdout() turns it into the error line and a non-zero exit.
void writeStdout(const QByteArray &bytes);
void writeStdout(const QString &text);
// The exit code to return from main(): `exitCode`, unless it is kExitOk and
// writing stdout failed, then "error: stdout: …" is printed and kExitInternal returned.
int finishStdout(int exitCode);

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

// --database PATH and --builtin, for the verbs that read the catalogue.
QList<QCommandLineOption> catalogueOptions();
// The catalogue a verb reads: the user's (the built-in rows with the user's
// own rows and overrides; --database names another file than the default),
// or with --builtin the built-in data only. When the default catalogue cannot
// be used the verb goes on with the built-in data and says so in a "note:"
// line on stderr; a --database file that cannot be used is an error. nullopt
// after printing the error line, with *exitCode set.
// With `own`, the user's own measurements in that catalogue (measurements
// import) are read too, resolved against it; none with --builtin or when the
// built-in data is used in the file's place.
std::optional<Catalog> readCatalogue(const QCommandLineParser &parser, int *exitCode,
                                     std::vector<Measurement> *own = nullptr);

enum class MissingDatabase {
    Refuse, // an explicit --database that does not exist is an error (a mistyped path)
    Create, // ... is created (catalog import --create)
};
// The catalogue file a verb opens: --database PATH as given (it must exist,
// unless `missing` is Create), else the default one (after a one-time move of
// an earlier version's file, told in a "note:" line). nullopt after printing
// the error line (exit kExitBadInput).
std::optional<QString> databasePath(const QCommandLineParser &parser,
                                    MissingDatabase missing = MissingDatabase::Refuse);
// Prints "note: <text>" on stderr (one line).
void printNote(const QString &text);

// A verb: `arguments` are argv with "llmadvisor-cli <verb>" as the program name.
int runEstimate(const QStringList &arguments);
int runCatalog(const QStringList &arguments);
// catalog import / export (verb_catalog_io.cpp, catalogue engineer).
int runCatalogIo(const QStringList &arguments);
int runRecommend(const QStringList &arguments);
int runValidate(const QStringList &arguments);
int runCalibrate(const QStringList &arguments);
int runReport(const QStringList &arguments);
// measurements import / list / remove (verb_measurements.cpp): the user's llama-bench runs.
int runMeasurements(const QStringList &arguments);

} // namespace llm::cli
