// SPDX-License-Identifier: MIT
#pragma once
// Typed, path-aware access to one JSON object of a scenario file (internal).
// Every accessor knows its JSON path, so an error can name the exact field.
// Errors are thrown as ParseFailure and caught once, in parseScenario: the
// parser reads top-down and would otherwise check a result after every line.

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>

namespace llm::scenario::detail {

struct ParseFailure {
    QString field;
    QString message;
};

[[noreturn]] void fail(const QString &field, const QString &message);

QString jsonTypeName(const QJsonValue &value);
QString childPath(const QString &path, const QString &key);
QString indexPath(const QString &path, qsizetype index);
// "a", "b" or "c" — for messages that list choices.
QString joinChoices(const QStringList &choices);

class ObjectReader final {
public:
    ObjectReader(QJsonObject object, QString path);

    const QString &path() const { return m_path; }
    QString pathOf(const QString &key) const { return childPath(m_path, key); }
    bool has(const QString &key) const { return m_object.contains(key); }
    QJsonValue value(const QString &key) const { return m_object.value(key); }

    // Refuses keys outside `known`, so a misspelt key ("chanels") is an error
    // instead of a silently ignored default. Keys starting with "_" are comments.
    void rejectUnknownKeys(const QStringList &known) const;

    // Required accessors fail when the key is missing; optional ones return
    // nullopt for a missing key (or null) and still fail on a wrong type.
    double number(const QString &key) const;
    std::optional<double> optNumber(const QString &key) const;
    double positiveNumber(const QString &key) const;
    std::optional<double> optPositiveNumber(const QString &key) const;
    std::optional<double> optNonNegativeNumber(const QString &key) const;
    int integer(const QString &key) const;
    std::optional<int> optInteger(const QString &key) const;
    bool boolean(const QString &key) const;
    std::optional<bool> optBoolean(const QString &key) const;
    QString string(const QString &key) const; // non-empty
    std::optional<QString> optString(const QString &key) const;
    // Like optString, but tabs and line breaks are allowed (notes, descriptions).
    std::optional<QString> optFreeText(const QString &key) const;
    ObjectReader object(const QString &key) const;
    std::optional<ObjectReader> optObject(const QString &key) const;
    QJsonArray array(const QString &key) const;

    [[noreturn]] void missing(const QString &key, const QString &what = {}) const;

private:
    QJsonValue required(const QString &key) const;

    QJsonObject m_object;
    QString m_path;
};

// Names and other one-line text may not hold control characters (NUL, ESC,
// line breaks, ...): they would cut or garble every message and table.
void requirePlainText(const QString &text, const QString &path, bool allowLineBreaks = false);

// Checks one JSON value at `path` (used for array elements too).
double toNumber(const QJsonValue &value, const QString &path);
int toInteger(const QJsonValue &value, const QString &path);

inline std::string toStd(const QString &s) {
    return s.toStdString();
}
inline QString fromStd(const std::string &s) {
    return QString::fromStdString(s);
}

} // namespace llm::scenario::detail
