// SPDX-License-Identifier: MIT
#include "plaintext.h"

using namespace Qt::StringLiterals;

namespace llm::input {

namespace {

bool isControl(char16_t c, bool allowLineBreaks) {
    if (allowLineBreaks && (c == u'\t' || c == u'\n' || c == u'\r'))
        return false;
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
}

QString codePoint(char16_t c) {
    return u"U+"_s + QString::number(c, 16).toUpper().rightJustified(4, u'0');
}

} // namespace

qsizetype firstControlCharacter(QStringView text, bool allowLineBreaks) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isControl(text.at(i).unicode(), allowLineBreaks))
            return i;
    }
    return -1;
}

QString controlCharacterProblem(QStringView text, bool allowLineBreaks) {
    const qsizetype at = firstControlCharacter(text, allowLineBreaks);
    if (at < 0)
        return {};
    return u"contains a control character ("_s + codePoint(text.at(at).unicode()) +
           u") at position "_s + QString::number(at + 1) +
           (allowLineBreaks ? u"; only plain text, tabs and line breaks are allowed"_s
                            : u"; names must be plain text on one line"_s);
}

QString escapeControls(QStringView text, bool keepLineFeeds) {
    if (firstControlCharacter(text, false) < 0)
        return text.toString();
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c == u'\n' && keepLineFeeds)
            out += ch;
        else if (c == u'\n')
            out += u"\\n"_s;
        else if (c == u'\t')
            out += u"\\t"_s;
        else if (c == u'\r')
            out += u"\\r"_s;
        else if (isControl(c, false))
            out += u"\\u"_s + QString::number(c, 16).rightJustified(4, u'0');
        else
            out += ch;
    }
    return out;
}

qsizetype firstInvalidUtf8(const QByteArray &data) {
    const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned char lo = 0x80, hi = 0xbf; // allowed range of the second byte
        if (b >= 0xc2 && b <= 0xdf) {
            extra = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
            extra = 2;
            if (b == 0xe0)
                lo = 0xa0; // no overlong forms
            if (b == 0xed)
                hi = 0x9f; // no UTF-16 surrogates
        } else if (b >= 0xf0 && b <= 0xf4) {
            extra = 3;
            if (b == 0xf0)
                lo = 0x90;
            if (b == 0xf4)
                hi = 0x8f; // nothing above U+10FFFF
        } else {
            return i;
        }
        if (i + extra >= n)
            return i; // cut short at the end
        if (p[i + 1] < lo || p[i + 1] > hi)
            return i;
        for (int k = 2; k <= extra; ++k) {
            if (p[i + k] < 0x80 || p[i + k] > 0xbf)
                return i;
        }
        i += extra + 1;
    }
    return -1;
}

QString encodingProblem(const QByteArray &data, const QString &saveAs) {
    const QString save = u"; save it as "_s + saveAs;
    if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF"))
        return u"the file is UTF-16 text, not UTF-8"_s + save;
    // UTF-16 without a byte order mark: every other byte of plain text is 0.
    const QByteArray head = data.left(4096);
    if (head.size() >= 4 && head.count('\0') * 4 >= head.size())
        return u"the file looks like UTF-16 text (it is full of zero bytes), not UTF-8"_s + save;
    const qsizetype bad = firstInvalidUtf8(data);
    if (bad < 0)
        return {};
    const qsizetype line = data.left(bad).count('\n') + 1;
    const auto byte = static_cast<unsigned char>(data.at(bad));
    return u"the file is not UTF-8 text: line "_s + QString::number(line) + u" has the byte 0x"_s +
           QString::number(byte, 16).toUpper().rightJustified(2, u'0') +
           u", which is not UTF-8 (the file is perhaps Latin-1 or Windows-1252)"_s + save;
}

} // namespace llm::input
