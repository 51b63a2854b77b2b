// SPDX-License-Identifier: MIT
// Startup check of the user's settings file (see settingscheck.h).
#include "settingscheck.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStringDecoder>

namespace llm::ui {

namespace {

// Why `bytes` is not an INI file as QSettings writes it; empty when it is one.
QString iniProblem(const QByteArray &bytes) {
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8.decode(bytes);
    if (utf8.hasError())
        return SettingsCheck::tr("it is not UTF-8 text");
    int lineNumber = 0;
    for (QStringView line : QStringView(text).split(u'\n')) {
        ++lineNumber;
        for (QChar c : line) {
            if (c.category() == QChar::Other_Control && c != u'\t' && c != u'\r')
                return SettingsCheck::tr("line %1 holds control characters").arg(lineNumber);
        }
        const QStringView t = line.trimmed();
        if (t.isEmpty() || t.startsWith(u';') || t.startsWith(u'#'))
            continue;
        if (t.startsWith(u'[') && t.endsWith(u']'))
            continue;
        if (!t.contains(u'=') || t.startsWith(u'='))
            return SettingsCheck::tr("line %1 is neither a [section] nor key=value")
                .arg(lineNumber);
    }
    return {};
}

} // namespace

SettingsCheck checkSettingsFile(const QString &path) {
    SettingsCheck result;
    QFile file(path);
    if (!file.exists() || !file.open(QIODevice::ReadOnly))
        return result; // first start, or unreadable: QSettings starts on defaults either way
    // Settings are a few kilobytes; anything huge is not ours.
    const QByteArray bytes = file.read(4 * 1024 * 1024 + 1);
    file.close();
    result.reason =
        bytes.size() > 4 * 1024 * 1024 ? SettingsCheck::tr("it is too large") : iniProblem(bytes);
    if (result.reason.isEmpty())
        return result;
    result.damaged = true;
    const QString aside = path + QStringLiteral(".damaged-") +
                          QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (QFile::rename(path, aside))
        result.keptAs = aside;
    else
        QFile::remove(path); // cannot keep it: at least do not read it again next time
    return result;
}

SettingsCheck checkSettingsFile() {
    return checkSettingsFile(QSettings().fileName());
}

} // namespace llm::ui
