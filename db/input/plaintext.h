// SPDX-License-Identifier: MIT
#pragma once
// Checks on text the user hands the program (scenario files, catalogue
// imports, command-line values): control characters in names, text that is
// not UTF-8, and text made safe to echo on a terminal. Qt Core only, shared
// by llmadvisor_scenario, llmadvisor_db and llmadvisor-cli.

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace llm::input {

// Index of the first control character (C0, DEL, C1), or -1. With
// allowLineBreaks, tab, line feed and carriage return are allowed (free text
// such as notes); names never allow them.
qsizetype firstControlCharacter(QStringView text, bool allowLineBreaks = false);

// "contains a control character (U+001B) at position 5; names must be plain text"
// when `text` has one, else an empty string.
QString controlCharacterProblem(QStringView text, bool allowLineBreaks = false);

// The text with every control character written as \u001b, so that a NUL
// cannot cut a message short and an escape sequence cannot reach the
// terminal. Line feeds become "\n" as well unless keepLineFeeds.
QString escapeControls(QStringView text, bool keepLineFeeds = false);

// Why `data` is not UTF-8 text (UTF-16 with or without a byte order mark,
// or a byte that is not UTF-8, with its line), ending in "; save it as
// <saveAs>"; empty when it is UTF-8 (a UTF-8 byte order mark is fine).
QString encodingProblem(const QByteArray &data, const QString &saveAs);

// Offset of the first byte that is not part of valid UTF-8, or -1.
qsizetype firstInvalidUtf8(const QByteArray &data);

} // namespace llm::input
