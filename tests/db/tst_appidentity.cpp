// SPDX-License-Identifier: MIT
// One identity for the window and llmadvisor-cli, and the one-time move of a
// catalogue an earlier llmadvisor-cli kept elsewhere: side files moved with it,
// nothing lost when the move cannot be done, a file in use left alone, and an
// old file that cannot be merged kept under a name that says so.

#include "appidentity.h"
#include "catalogue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace llm;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

} // namespace

class TstAppIdentity final : public QObject {
    Q_OBJECT

private slots:
    void bothProgramsShareOneIdentity();
    void legacyCatalogueIsMovedWithItsSideFiles();
    void nothingToMove();
    void failedMoveUsesTheOldFileWhereItIs();
    void legacyFileInUseIsLeftAlone();
    void legacyFileBesideAnExistingCatalogueIsKeptAside();
};

void TstAppIdentity::bothProgramsShareOneIdentity() {
    db::setApplicationIdentity();
    QCOMPARE(QCoreApplication::organizationName(), u"LlmAdvisor"_s);
    QCOMPARE(QCoreApplication::applicationName(), u"LlmAdvisor"_s);
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    QCOMPARE(db::CatalogueDatabase::defaultPath(),
             data + u"/LlmAdvisor/LlmAdvisor/catalogue.sqlite"_s);
    // The old command-line location, computed without changing the identity.
    QCOMPARE(db::legacyCataloguePaths(),
             QStringList{data + u"/LLM Procurement Advisor/llmadvisor/catalogue.sqlite"_s});
    QCOMPARE(QCoreApplication::organizationName(), u"LlmAdvisor"_s);
    QCOMPARE(QCoreApplication::applicationName(), u"LlmAdvisor"_s);
}

void TstAppIdentity::legacyCatalogueIsMovedWithItsSideFiles() {
    QTemporaryDir dir;
    const QString old = dir.filePath(u"old/cli/catalogue.sqlite"_s);
    const QString target = dir.filePath(u"new/shared/catalogue.sqlite"_s);
    QVERIFY(writeFile(old, "main file"));
    QVERIFY(writeFile(old + u"-wal"_s, "committed rows not yet in the main file"));
    QVERIFY(writeFile(old + u"-shm"_s, "index"));
    const db::CatalogueLocation location = db::adoptLegacyCatalogue(target, {old});
    QCOMPARE(location.path, target);
    QVERIFY2(location.message.contains(u"moved"_s), qPrintable(location.message));
    QVERIFY2(location.message.contains(QDir::toNativeSeparators(old)),
             qPrintable(location.message));
    QVERIFY2(location.message.contains(QDir::toNativeSeparators(target)),
             qPrintable(location.message));
    QCOMPARE(readFile(target), QByteArray("main file"));
    QCOMPARE(readFile(target + u"-wal"_s), QByteArray("committed rows not yet in the main file"));
    QCOMPARE(readFile(target + u"-shm"_s), QByteArray("index"));
    QVERIFY(!QFile::exists(old));
    QVERIFY(!QFile::exists(old + u"-wal"_s));
    QVERIFY(!QFile::exists(old + u"-shm"_s));
    QVERIFY(!QFile::exists(old + u".lock"_s));
    QCOMPARE(QDir(dir.filePath(u"new/shared"_s)).entryList({u"*.moving"_s}), QStringList());
    // Once: the next start finds nothing to move and says nothing.
    const db::CatalogueLocation again = db::adoptLegacyCatalogue(target, {old});
    QCOMPARE(again.path, target);
    QVERIFY(again.message.isEmpty());
}

void TstAppIdentity::nothingToMove() {
    QTemporaryDir dir;
    const QString target = dir.filePath(u"new/catalogue.sqlite"_s);
    const db::CatalogueLocation location =
        db::adoptLegacyCatalogue(target, {dir.filePath(u"old/catalogue.sqlite"_s)});
    QCOMPARE(location.path, target);
    QVERIFY(location.message.isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(u"new"_s))); // first run: open() creates it
}

void TstAppIdentity::failedMoveUsesTheOldFileWhereItIs() {
    QTemporaryDir dir;
    const QString old = dir.filePath(u"old/catalogue.sqlite"_s);
    QVERIFY(writeFile(old, "the user's rows"));
    QVERIFY(writeFile(old + u"-wal"_s, "more rows"));
    // The new folder cannot be made: a file stands where it would go (even root cannot).
    QVERIFY(writeFile(dir.filePath(u"blocked"_s), "a file, not a folder"));
    const QString target = dir.filePath(u"blocked/shared/catalogue.sqlite"_s);
    const db::CatalogueLocation location = db::adoptLegacyCatalogue(target, {old});
    QCOMPARE(location.path, old);
    QVERIFY2(location.message.contains(u"could not be moved"_s), qPrintable(location.message));
    QCOMPARE(readFile(old), QByteArray("the user's rows"));
    QCOMPARE(readFile(old + u"-wal"_s), QByteArray("more rows"));
}

void TstAppIdentity::legacyFileInUseIsLeftAlone() {
    QTemporaryDir dir;
    const QString old = dir.filePath(u"old/catalogue.sqlite"_s);
    const QString target = dir.filePath(u"new/catalogue.sqlite"_s);
    QVERIFY(writeFile(old, "open in an older copy"));
    QLockFile held(old + u".lock"_s); // as an older running llmadvisor-cli holds it
    QVERIFY(held.tryLock(0));
    const db::CatalogueLocation location = db::adoptLegacyCatalogue(target, {old});
    QCOMPARE(location.path, old);
    QVERIFY2(location.message.contains(u"another running copy"_s), qPrintable(location.message));
    QVERIFY(!QFile::exists(target));
    QCOMPARE(readFile(old), QByteArray("open in an older copy"));
    held.unlock();
    // When it is free, the move happens.
    QCOMPARE(db::adoptLegacyCatalogue(target, {old}).path, target);
    QCOMPARE(readFile(target), QByteArray("open in an older copy"));
}

void TstAppIdentity::legacyFileBesideAnExistingCatalogueIsKeptAside() {
    QTemporaryDir dir;
    const QString old = dir.filePath(u"old/catalogue.sqlite"_s);
    const QString target = dir.filePath(u"new/catalogue.sqlite"_s);
    QVERIFY(writeFile(old, "command-line rows"));
    QVERIFY(writeFile(old + u"-wal"_s, "their log"));
    QVERIFY(writeFile(target, "window rows"));
    const db::CatalogueLocation location = db::adoptLegacyCatalogue(target, {old});
    QCOMPARE(location.path, target);
    QCOMPARE(readFile(target), QByteArray("window rows"));
    const QStringList aside =
        QDir(dir.filePath(u"old"_s)).entryList({u"catalogue.sqlite.not-merged-*"_s}, QDir::Files);
    QCOMPARE(aside.size(), 2); // the file and its -wal, renamed together
    QVERIFY(!QFile::exists(old));
    QVERIFY2(location.message.contains(u"catalog export pack --database"_s),
             qPrintable(location.message));
    const QString kept = dir.filePath(u"old/"_s + aside.first());
    QVERIFY2(location.message.contains(QDir::toNativeSeparators(kept)),
             qPrintable(location.message));
    QCOMPARE(readFile(kept), QByteArray("command-line rows"));
    QVERIFY(db::adoptLegacyCatalogue(target, {old}).message.isEmpty()); // told once
}

QTEST_GUILESS_MAIN(TstAppIdentity)
#include "tst_appidentity.moc"
