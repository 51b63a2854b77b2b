// SPDX-License-Identifier: MIT
// db/safewrite.h: the one way files are written. A full disk (file size limit
// for any user, a real 64 KiB tmpfs as root), a read-only disk, missing folders,
// and targets that are not regular files must leave the old file (or node)
// exactly as it was, leave no temporary file, and say why in plain words.
#include "catalogueio.h"
#include "fulldisk.h"
#include "safewrite.h"

#include <QTemporaryDir>
#include <QTest>

using namespace llm;
using namespace llm::db;
using namespace llm::testsupport;
using namespace Qt::StringLiterals;

namespace {
const QByteArray kOld = "the old file, which must survive\n";
}

class TestSafeWrite final : public QObject {
    Q_OBJECT

private slots:
    void writesNewAndReplacesKeepingPermissions() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"out.json"_s);
        const SafeWriteResult first = writeFileSafely(path, "one");
        QVERIFY2(first.ok, qPrintable(first.message));
        QVERIFY(first.message.isEmpty());
        QCOMPARE(readAll(path), QByteArray("one"));
        QVERIFY(
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        QVERIFY(writeFileSafely(path, "two").ok);
        QCOMPARE(readAll(path), QByteArray("two"));
        QCOMPARE(QFile::permissions(path) & 0x7077,
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
        QVERIFY(writeFileSafely(path, QByteArray()).ok); // an empty file is a file too
        QCOMPARE(readAll(path), QByteArray());
        QCOMPARE(entries(dir.path()), QStringList{u"out.json"_s});
    }

    void followsALinkToARegularFile() {
        QTemporaryDir dir;
        const QString real = dir.filePath(u"real.csv"_s);
        const QString link = dir.filePath(u"link.csv"_s);
        QVERIFY(writeFileSafely(real, kOld).ok);
        QVERIFY(QFile::link(real, link));
        QVERIFY(writeFileSafely(link, "new").ok);
        QCOMPARE(fileType(link), mode_t(S_IFLNK)); // the link is kept
        QCOMPARE(readAll(real), QByteArray("new"));
        QCOMPARE(entries(dir.path()), (QStringList{u"link.csv"_s, u"real.csv"_s}));
    }

    void refusesWhatIsNotARegularFile_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("folder") << u"folder"_s << u"is a folder, not a file"_s;
        QTest::newRow("fifo") << u"fifo"_s << u"is a pipe (FIFO), not a file"_s;
        QTest::newRow("device node") << u"device"_s << u"is a device, not a file"_s;
        QTest::newRow("link to a fifo") << u"link-fifo"_s << u"is a pipe (FIFO), not a file"_s;
        QTest::newRow("dangling link") << u"dangling"_s << u"link to a file that does not exist"_s;
    }
    void refusesWhatIsNotARegularFile() {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"target"_s);
        if (kind == u"folder")
            QVERIFY(QDir().mkdir(path));
        else if (kind == u"fifo")
            QVERIFY(makeFifo(path));
        else if (kind == u"device" && !isRoot())
            QSKIP("making a device node needs root");
        else if (kind == u"device")
            QVERIFY(makeNullDevice(path));
        else if (kind == u"link-fifo")
            QVERIFY(makeFifo(dir.filePath(u"pipe"_s)) && QFile::link(u"pipe"_s, path));
        else if (kind == u"dangling")
            QVERIFY(QFile::link(dir.filePath(u"nowhere"_s), path));
        const mode_t before = fileType(path);
        const QStringList namesBefore = entries(dir.path());

        const SafeWriteResult r = writeFileSafely(path, "must not land anywhere");
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(expected), qPrintable(r.message));
        QVERIFY2(r.message.contains(path), qPrintable(r.message));
        QCOMPARE(fileType(path), before);
        QCOMPARE(entries(dir.path()), namesBefore);
        if (kind == u"folder")
            QVERIFY(entries(path).isEmpty());
        // The catalogue export's wrapper says the same.
        QString error;
        QVERIFY(!writeFileAtomically(path, "x", &error));
        QVERIFY2(error.contains(u"cannot be written"_s) && error.contains(expected),
                 qPrintable(error));
    }

    // The review's D1: a write smaller than any buffer, on a disk that is full.
    void fullDiskKeepsTheOldFile_data() {
        QTest::addColumn<QString>("how");
        QTest::addColumn<int>("size");
        QTest::addColumn<QString>("expected");
        const QString efbig = u"the file would be larger than the system allows here"_s;
        QTest::newRow("file size limit, 100 B") << u"rlimit"_s << 100 << efbig;
        QTest::newRow("file size limit, 200 KiB") << u"rlimit"_s << 200 * 1024 << efbig;
        QTest::newRow("64 KiB tmpfs, 100 B") << u"tmpfs"_s << 100 << u"the disk is full"_s;
        QTest::newRow("64 KiB tmpfs, 200 KiB") << u"tmpfs"_s << 200 * 1024 << u"the disk is full"_s;
    }
    void fullDiskKeepsTheOldFile() {
        QFETCH(QString, how);
        QFETCH(int, size);
        QFETCH(QString, expected);
        const QByteArray bytes(size, 'n');
        QTemporaryDir scratch;
        SmallDisk disk;
        QString folder = scratch.path();
        if (how == u"tmpfs") {
            if (!disk.mounted())
                QSKIP("mounting a tmpfs needs root");
            folder = disk.path();
        }
        const QString path = folder + u"/saved.json"_s;
        QVERIFY(writeFileSafely(path, kOld).ok);
        for (const bool wrapper : {false, true}) {
            SafeWriteResult r;
            QString wrapperError;
            if (how == u"tmpfs") {
                QVERIFY(disk.fill());
                r = writeFileSafely(path, bytes);
                if (wrapper)
                    r.ok = writeFileAtomically(path, bytes, &wrapperError);
            } else {
                // Past 10 bytes every write fails; the old file is longer than that.
                const FileSizeLimit limit(10);
                QVERIFY(limit.ok());
                r = writeFileSafely(path, bytes);
                if (wrapper)
                    r.ok = writeFileAtomically(path, bytes, &wrapperError);
            }
            QVERIFY(!r.ok);
            QVERIFY2(r.message.contains(expected), qPrintable(r.message));
            QVERIFY2(r.message.contains(u"The previous file is unchanged"_s),
                     qPrintable(r.message));
            if (wrapper)
                QVERIFY2(wrapperError.contains(expected), qPrintable(wrapperError));
            QCOMPARE(readAll(path), kOld);
            QStringList left = entries(folder);
            left.removeAll(u"filler"_s);
            QCOMPARE(left, QStringList{u"saved.json"_s}); // no temporary file left
        }
    }

    void readOnlyDisk() {
        SmallDisk disk;
        if (!disk.mounted())
            QSKIP("mounting a tmpfs needs root");
        const QString path = disk.filePath(u"old.csv"_s);
        QVERIFY(writeFileSafely(path, kOld).ok);
        QVERIFY(disk.makeReadOnly());
        const SafeWriteResult r = writeFileSafely(path, "new");
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(u"the disk is read-only"_s), qPrintable(r.message));
        QCOMPARE(readAll(path), kOld);
    }

    void noPermission() {
        if (isRoot())
            QSKIP("root may write anywhere; the permission case needs a normal user");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.csv"_s);
        QVERIFY(writeFileSafely(path, kOld).ok);
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        const SafeWriteResult r = writeFileSafely(dir.filePath(u"new.csv"_s), "x");
        QVERIFY(QFile::setPermissions(dir.path(),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(u"you do not have permission to write in the folder"_s),
                 qPrintable(r.message));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner));
        const SafeWriteResult ro = writeFileSafely(path, "x");
        QVERIFY(!ro.ok);
        QVERIFY2(ro.message.contains(u"you do not have permission to change it"_s),
                 qPrintable(ro.message));
        QCOMPARE(readAll(path), kOld);
    }

    void missingFolderAndEmptyName() {
        QTemporaryDir dir;
        const SafeWriteResult r = writeFileSafely(dir.filePath(u"no/such/x.csv"_s), "x");
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(u"does not exist"_s), qPrintable(r.message));
        QVERIFY2(r.message.contains(u"no/such"_s), qPrintable(r.message));
        QVERIFY(!r.message.contains(u"unchanged"_s)); // there was no previous file
        const SafeWriteResult empty = writeFileSafely(QString(), "x");
        QVERIFY(!empty.ok);
        QVERIFY2(empty.message.contains(u"no file name was given"_s), qPrintable(empty.message));
    }
};

QTEST_GUILESS_MAIN(TestSafeWrite)
#include "tst_safewrite.moc"
