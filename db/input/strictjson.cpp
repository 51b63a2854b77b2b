// SPDX-License-Identifier: MIT
#include "strictjson.h"

#include "plaintext.h"

#include <QJsonArray>
#include <QJsonParseError>
#include <QList>
#include <QSet>

using namespace Qt::StringLiterals;

namespace llm::input {

namespace {

// Paths as the scenario reader writes them: "a.b", "a[0]"; an empty key is "".
QString child(const QString &path, const QString &key) {
    const QString shown = key.isEmpty() ? u"\"\""_s : key;
    return path.isEmpty() ? shown : path + u'.' + shown;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 0;
}

// Reads the string starting at data[i] == '"'; returns the index after the
// closing quote. With `decoded`, the string's value (escapes resolved, so
// "\u0061" and "a" are the same key).
qsizetype readString(const QByteArray &data, qsizetype i, QString *decoded) {
    ++i; // opening quote
    qsizetype runStart = i;
    auto flushRun = [&](qsizetype end) {
        if (decoded && end > runStart)
            decoded->append(QString::fromUtf8(data.constData() + runStart, end - runStart));
    };
    while (i < data.size()) {
        const char c = data.at(i);
        if (c == '"') {
            flushRun(i);
            return i + 1;
        }
        if (c != '\\') {
            ++i;
            continue;
        }
        flushRun(i);
        const char e = i + 1 < data.size() ? data.at(i + 1) : '\0';
        qsizetype next = i + 2;
        if (decoded) {
            switch (e) {
            case 'b':
                decoded->append(u'\b');
                break;
            case 'f':
                decoded->append(u'\f');
                break;
            case 'n':
                decoded->append(u'\n');
                break;
            case 'r':
                decoded->append(u'\r');
                break;
            case 't':
                decoded->append(u'\t');
                break;
            case 'u': {
                char16_t unit = 0;
                for (qsizetype k = i + 2; k < i + 6 && k < data.size(); ++k)
                    unit = char16_t(unit * 16 + hexValue(data.at(k)));
                decoded->append(QChar(unit));
                break;
            }
            default: // \" \\ \/
                decoded->append(QLatin1Char(e));
                break;
            }
        }
        if (e == 'u')
            next = i + 6;
        i = next;
        runStart = i;
    }
    return i;
}

struct Frame {
    bool object = false;
    QString path;
    QSet<QString> keys;
    QString key;         // object: the key of the value being read
    qsizetype index = 0; // array: the index of the value being read
    bool expectKey = false;
};

QString describe(const QJsonValue &v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    default:
        return u"a single value"_s;
    }
}

} // namespace

QString firstDuplicateKey(const QByteArray &data) {
    QList<Frame> stack;
    auto valuePath = [&]() -> QString {
        if (stack.isEmpty())
            return {};
        const Frame &top = stack.back();
        return top.object ? child(top.path, top.key)
                          : top.path + u'[' + QString::number(top.index) + u']';
    };
    qsizetype i = 0;
    while (i < data.size()) {
        const char c = data.at(i);
        switch (c) {
        case '{':
        case '[': {
            Frame f;
            f.object = c == '{';
            f.path = valuePath();
            f.expectKey = f.object;
            stack.append(std::move(f));
            ++i;
            break;
        }
        case '}':
        case ']':
            if (!stack.isEmpty())
                stack.removeLast();
            ++i;
            break;
        case ',':
            if (!stack.isEmpty()) {
                if (stack.back().object)
                    stack.back().expectKey = true;
                else
                    ++stack.back().index;
            }
            ++i;
            break;
        case '"':
            if (!stack.isEmpty() && stack.back().object && stack.back().expectKey) {
                Frame &top = stack.back();
                QString key;
                i = readString(data, i, &key);
                if (top.keys.contains(key))
                    return child(top.path, key);
                top.keys.insert(key);
                top.key = key;
                top.expectKey = false;
            } else {
                i = readString(data, i, nullptr);
            }
            break;
        default: // whitespace, ':', numbers, true / false / null
            ++i;
            break;
        }
    }
    return {};
}

StrictJson readStrictJson(const QByteArray &data) {
    StrictJson result;
    auto failWith = [&](const QString &field, const QString &message) {
        result.document = QJsonDocument();
        result.field = field;
        result.message = message;
        return result;
    };
    if (const QString why = encodingProblem(data, u"UTF-8 text"_s); !why.isEmpty())
        return failWith(u"json"_s, why);
    QJsonParseError error;
    result.document = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError) {
        // QJsonDocument takes only an object or a list at the top; a lone
        // value ("null", 5) is valid JSON, so say what it is instead of
        // "illegal value".
        QByteArray body = data;
        if (body.startsWith("\xEF\xBB\xBF"))
            body.remove(0, 3);
        QJsonParseError wrappedError;
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + body + ']', &wrappedError);
        if (wrappedError.error == QJsonParseError::NoError && wrapped.array().size() == 1)
            return failWith(u"json"_s,
                            u"the file must hold a JSON object ({ … }), but it holds "_s +
                                describe(wrapped.array().at(0)));
        return failWith(u"json"_s, u"not valid JSON at byte offset "_s +
                                       QString::number(error.offset) + u": "_s +
                                       error.errorString());
    }
    if (const QString dup = firstDuplicateKey(data); !dup.isEmpty())
        return failWith(dup, u"this key appears twice in the same object; give it once (a "
                             u"reader would silently keep only one of the values)"_s);
    return result;
}

} // namespace llm::input
