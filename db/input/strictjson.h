// SPDX-License-Identifier: MIT
#pragma once
// Every JSON file the program reads (scenarios, catalogue imports and packs)
// goes through readStrictJson. QJsonDocument does the parsing; on top of it
// this refuses what QJsonDocument lets pass silently or reports in its own
// terms: a key given twice in one object (QJsonDocument keeps the last, so a
// typo'd copy would silently win), text that is not UTF-8, and a top level
// that is not an object or a list.

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

namespace llm::input {

struct StrictJson {
    QJsonDocument document;
    // On failure: the field ("json" for the file as a whole, else the path of
    // the repeated key, e.g. "builds[0].memory.channels") and a plain message.
    QString field;
    QString message;
    bool ok() const { return field.isEmpty(); }
};

StrictJson readStrictJson(const QByteArray &data);

// The path of the first key that appears twice in one object ("a.b[2].c"),
// or an empty string. `data` must be valid JSON (checked by QJsonDocument).
QString firstDuplicateKey(const QByteArray &data);

} // namespace llm::input
