// SPDX-License-Identifier: MIT
#include "appidentity.h"

#include "catalogue.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>

#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace llm::db {

namespace {

struct AppIdentity {
    Q_DECLARE_TR_FUNCTIONS(llm::db::AppIdentity)
};

QString shown(const QString &path) {
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

// The side files SQLite keeps beside a database; the main file ("") last, so
// that it appears under its real name only when the others are in place.
constexpr std::array<QLatin1StringView, 4> kSides = {"-wal"_L1, "-journal"_L1, "-shm"_L1, ""_L1};

// Where QStandardPaths puts AppDataLocation for another identity. The names
// are swapped only for the call (at start-up, before any thread runs), so the
// answer is the platform's own rule for that identity and not a copy of it.
QString appDataLocationOf(const QString &organisation, const QString &application) {
    const QString org = QCoreApplication::organizationName();
    const QString app = QCoreApplication::applicationName();
    QCoreApplication::setOrganizationName(organisation);
    QCoreApplication::setApplicationName(application);
    const QString location = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QCoreApplication::setOrganizationName(org);
    QCoreApplication::setApplicationName(app);
    return location;
}

std::optional<QByteArray> fileHash(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f) || f.error() != QFileDevice::NoError)
        return std::nullopt;
    return hash.result();
}

enum class Lock { Taken, Held, Unavailable };

// The legacy file's writer lock, as CatalogueDatabase takes it: held by a live
// process means another running copy has the file open. Unavailable: the lock
// file cannot be made (a read-only folder), so no copy can be writing there.
Lock lockLegacy(QLockFile *lock) {
    lock->setStaleLockTime(0);
    if (lock->tryLock(0))
        return Lock::Taken;
    if (lock->error() != QLockFile::LockFailedError)
        return Lock::Unavailable;
    if (lock->removeStaleLockFile() && lock->tryLock(0))
        return Lock::Taken;
    return Lock::Held;
}

struct Move {
    bool ok = false;
    QString why;               // when !ok: a plain reason
    bool originalKept = false; // ok, but the old file could not be removed
};

// Copies `from` (+ side files) beside `to` under temporary names, compares
// them, renames them into place and removes the originals.
Move moveCatalogue(const QString &from, const QString &to) {
    const QString folder = QFileInfo(to).absolutePath();
    if (!QDir().mkpath(folder))
        return {false, AppIdentity::tr("the folder %1 cannot be created")
                           .arg(QDir::toNativeSeparators(folder))};
    QList<QLatin1StringView> sides;
    for (QLatin1StringView side : kSides) {
        if (QFileInfo(from + side).isFile())
            sides.append(side);
    }
    const auto cleanUp = [&] {
        for (QLatin1StringView side : sides)
            QFile::remove(to + side + u".moving"_s);
    };
    for (QLatin1StringView side : sides) {
        const QString temp = to + side + u".moving"_s;
        QFile::remove(temp); // only ever our own leftover of an interrupted move
        QFile source(from + side);
        if (!source.copy(temp)) {
            cleanUp();
            return {false, AppIdentity::tr("%1 could not be copied (%2)")
                               .arg(shown(from + side), source.errorString())};
        }
        const auto a = fileHash(from + side);
        const auto b = fileHash(temp);
        if (!a || !b || *a != *b) {
            cleanUp();
            return {false, AppIdentity::tr("the copy of %1 differs from the original")
                               .arg(shown(from + side))};
        }
    }
    for (QLatin1StringView side : sides) {
        const QString temp = to + side + u".moving"_s;
        // A side file left at the target without its main file belongs to no
        // catalogue (an interrupted move): the fresh copy replaces it.
        QFile::remove(to + side);
        if (!QFile::rename(temp, to + side)) {
            for (QLatin1StringView placed : sides) {
                if (placed == side)
                    break;
                QFile::remove(to + placed);
            }
            cleanUp();
            return {false, AppIdentity::tr("%1 could not be put in place").arg(shown(to + side))};
        }
    }
    // The copies are complete and checked: now the originals may go. A file
    // that cannot be removed (read-only folder) stays; nothing is lost.
    if (!QFile::remove(from)) // the main file first: a left-over side file alone is harmless
        return {true, {}, true};
    for (QLatin1StringView side : sides) {
        if (!side.isEmpty())
            QFile::remove(from + side);
    }
    return {true, {}, false};
}

// Renames `from` (+ side files) beside itself to a name that says it is not used.
std::optional<QString> setAside(const QString &from) {
    const QString stamped =
        from + u".not-merged-"_s + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QString aside = stamped;
    for (int n = 2; QFileInfo::exists(aside) && n < 1000; ++n)
        aside = stamped + u'~' + QString::number(n);
    if (!QFile::rename(from, aside))
        return std::nullopt;
    for (QLatin1StringView side : kSides) {
        if (!side.isEmpty() && QFileInfo(from + side).isFile())
            QFile::rename(from + side, aside + side);
    }
    return aside;
}

} // namespace

void setApplicationIdentity() {
    QCoreApplication::setOrganizationName(u"LlmAdvisor"_s);
    QCoreApplication::setOrganizationDomain(u"llmadvisor.org"_s);
    QCoreApplication::setApplicationName(u"LlmAdvisor"_s);
}

QStringList legacyCataloguePaths() {
    QStringList paths;
    const QString current = CatalogueDatabase::defaultPath();
    // llmadvisor-cli up to 0.x: organisation "LLM Procurement Advisor", application "llmadvisor".
    const QString cli =
        appDataLocationOf(u"LLM Procurement Advisor"_s, u"llmadvisor"_s) + u"/catalogue.sqlite"_s;
    if (QFileInfo(cli).absoluteFilePath() != QFileInfo(current).absoluteFilePath())
        paths.append(cli);
    return paths;
}

CatalogueLocation defaultCatalogue() {
    return adoptLegacyCatalogue(CatalogueDatabase::defaultPath(), legacyCataloguePaths());
}

CatalogueLocation adoptLegacyCatalogue(const QString &target, const QStringList &legacy) {
    CatalogueLocation result{target, {}};
    const QFileInfo targetInfo(target);
    // A dangling symlink is "not existing" to QFileInfo, but it is the user's.
    bool targetPresent = targetInfo.exists() || targetInfo.isSymLink();
    QStringList notes;
    for (const QString &old : legacy) {
        const QFileInfo info(old);
        if (info.absoluteFilePath() == targetInfo.absoluteFilePath() || !info.isFile())
            continue;
        QLockFile lock(old + u".lock"_s);
        if (lockLegacy(&lock) == Lock::Held) {
            if (!targetPresent) {
                notes.append(AppIdentity::tr(
                                 "Your catalogue %1 is open in another running copy of the "
                                 "program, so it is used where it is this time; it will be moved "
                                 "to %2 when no other copy has it open.")
                                 .arg(shown(old), shown(target)));
                result.path = old;
                break;
            }
            continue;
        }
        if (targetPresent) {
            const std::optional<QString> aside = setAside(old);
            if (!aside)
                continue; // cannot be renamed: left as it is, nothing lost
            notes.append(
                AppIdentity::tr(
                    "An older catalogue of the command-line tool was found at %1; it is no "
                    "longer used (both programs now share %2) and was kept as %3. To bring its "
                    "rows of your own over: llmadvisor-cli catalog export pack --database \"%3\" "
                    "--output rows.json, then llmadvisor-cli catalog import rows.json.")
                    .arg(shown(old), shown(target), shown(*aside)));
            continue;
        }
        const Move move = moveCatalogue(old, target);
        if (!move.ok) {
            notes.append(
                AppIdentity::tr("Your catalogue %1 could not be moved to %2 (%3); it is used where "
                                "it is.")
                    .arg(shown(old), shown(target), move.why));
            result.path = old;
            break;
        }
        if (move.originalKept)
            notes.append(
                AppIdentity::tr("Your catalogue %1 was copied to %2, where the window and the "
                                "command-line tool now both keep it; the old file could not be "
                                "removed and is no longer used.")
                    .arg(shown(old), shown(target)));
        else
            notes.append(
                AppIdentity::tr("Your catalogue was moved from %1 to %2, where the window and the "
                                "command-line tool now both keep it.")
                    .arg(shown(old), shown(target)));
        targetPresent = true;
    }
    result.message = notes.join(u' ');
    return result;
}

} // namespace llm::db
