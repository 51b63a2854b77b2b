// SPDX-License-Identifier: MIT
#include "json_reader.h"

#include "plaintext.h"

#include <cmath>
#include <limits>
#include <utility>

namespace llm::scenario::detail {

void fail(const QString &field, const QString &message) {
    throw ParseFailure{field, message};
}

QString jsonTypeName(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("true/false");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString childPath(const QString &path, const QString &key) {
    // An empty key must still name a field in an error message.
    const QString shown = key.isEmpty() ? QStringLiteral("\"\"") : key;
    return path.isEmpty() ? shown : path + u'.' + shown;
}

QString indexPath(const QString &path, qsizetype index) {
    return path + u'[' + QString::number(index) + u']';
}

QString joinChoices(const QStringList &choices) {
    QStringList quoted;
    for (const QString &c : choices)
        quoted << u'"' + c + u'"';
    if (quoted.size() <= 1)
        return quoted.join(QString());
    const QString last = quoted.takeLast();
    return quoted.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

void requirePlainText(const QString &text, const QString &path, bool allowLineBreaks) {
    if (const QString why = input::controlCharacterProblem(text, allowLineBreaks); !why.isEmpty())
        fail(path, why);
}

double toNumber(const QJsonValue &value, const QString &path) {
    if (!value.isDouble())
        fail(path, QStringLiteral("expected a number, found ") + jsonTypeName(value));
    const double v = value.toDouble();
    // QJsonDocument turns 1e999 into infinity; nothing in a scenario is infinite.
    if (!std::isfinite(v))
        fail(path, QStringLiteral("must be a finite number"));
    return v;
}

int toInteger(const QJsonValue &value, const QString &path) {
    const double v = toNumber(value, path);
    if (v != std::floor(v))
        fail(path, QStringLiteral("must be a whole number, found ") + QString::number(v));
    if (std::fabs(v) > double(std::numeric_limits<int>::max()))
        fail(path, QStringLiteral("is far too large"));
    return int(v);
}

ObjectReader::ObjectReader(QJsonObject object, QString path)
    : m_object(std::move(object))
    , m_path(std::move(path)) {}

void ObjectReader::rejectUnknownKeys(const QStringList &known) const {
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        const QString key = it.key();
        if (key.startsWith(u'_') || known.contains(key))
            continue;
        fail(pathOf(key),
             QStringLiteral("unknown field; known fields here are ") + joinChoices(known));
    }
}

void ObjectReader::missing(const QString &key, const QString &what) const {
    fail(pathOf(key), what.isEmpty() ? QStringLiteral("missing (required)")
                                     : QStringLiteral("missing: ") + what);
}

QJsonValue ObjectReader::required(const QString &key) const {
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined())
        missing(key);
    if (v.isNull())
        fail(pathOf(key), QStringLiteral("is null, but a value is required here"));
    return v;
}

double ObjectReader::number(const QString &key) const {
    return toNumber(required(key), pathOf(key));
}

std::optional<double> ObjectReader::optNumber(const QString &key) const {
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    return toNumber(v, pathOf(key));
}

double ObjectReader::positiveNumber(const QString &key) const {
    const double v = number(key);
    if (v <= 0)
        fail(pathOf(key), QStringLiteral("must be greater than zero, found ") + QString::number(v));
    return v;
}

std::optional<double> ObjectReader::optPositiveNumber(const QString &key) const {
    if (!optNumber(key))
        return std::nullopt;
    return positiveNumber(key);
}

std::optional<double> ObjectReader::optNonNegativeNumber(const QString &key) const {
    const auto v = optNumber(key);
    if (v && *v < 0)
        fail(pathOf(key), QStringLiteral("must not be negative, found ") + QString::number(*v));
    return v;
}

int ObjectReader::integer(const QString &key) const {
    return toInteger(required(key), pathOf(key));
}

std::optional<int> ObjectReader::optInteger(const QString &key) const {
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    return toInteger(v, pathOf(key));
}

bool ObjectReader::boolean(const QString &key) const {
    const QJsonValue v = required(key);
    if (!v.isBool())
        fail(pathOf(key), QStringLiteral("expected true or false, found ") + jsonTypeName(v));
    return v.toBool();
}

std::optional<bool> ObjectReader::optBoolean(const QString &key) const {
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    return boolean(key);
}

QString ObjectReader::string(const QString &key) const {
    const QJsonValue v = required(key);
    if (!v.isString())
        fail(pathOf(key), QStringLiteral("expected a string, found ") + jsonTypeName(v));
    const QString s = v.toString().trimmed();
    if (s.isEmpty())
        fail(pathOf(key), QStringLiteral("must not be empty"));
    requirePlainText(s, pathOf(key));
    return s;
}

std::optional<QString> ObjectReader::optString(const QString &key) const {
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString())
        fail(pathOf(key), QStringLiteral("expected a string, found ") + jsonTypeName(v));
    const QString s = v.toString().trimmed();
    requirePlainText(s, pathOf(key));
    return s;
}

std::optional<QString> ObjectReader::optFreeText(const QString &key) const {
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString())
        fail(pathOf(key), QStringLiteral("expected a string, found ") + jsonTypeName(v));
    const QString s = v.toString().trimmed();
    requirePlainText(s, pathOf(key), true);
    return s;
}

ObjectReader ObjectReader::object(const QString &key) const {
    const QJsonValue v = required(key);
    if (!v.isObject())
        fail(pathOf(key), QStringLiteral("expected an object, found ") + jsonTypeName(v));
    return ObjectReader(v.toObject(), pathOf(key));
}

std::optional<ObjectReader> ObjectReader::optObject(const QString &key) const {
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    return object(key);
}

QJsonArray ObjectReader::array(const QString &key) const {
    const QJsonValue v = required(key);
    if (!v.isArray())
        fail(pathOf(key), QStringLiteral("expected a list, found ") + jsonTypeName(v));
    return v.toArray();
}

} // namespace llm::scenario::detail
