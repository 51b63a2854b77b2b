// SPDX-License-Identifier: MIT
// The window's File → Save and PDF export when the write fails (reliability
// review D1, D6): a full disk (file size limit for any user; a real 64 KiB
// tmpfs as root) with a small one-build comparison, a pipe and a device node
// as the target. The old file stays byte for byte, no temporary file is left,
// the error is shown (never "Saved") and the comparison stays modified.
#include "../support/windowdata.h"
#include "builds/buildlistpanel.h"
#include "catalogue.h"
#include "comparison/comparisondocument.h"
#include "fakedialogs.h"
#include "fulldisk.h"
#include "mainwindow/mainwindow.h"

#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace llm;
using namespace llm::ui;
using namespace llm::testsupport;
using namespace Qt::StringLiterals;

namespace {
const QByteArray kOld = "{\"an\": \"older file that must survive byte for byte\"}\n";

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}
} // namespace

class TestSaveFailures final : public QObject {
    Q_OBJECT

private:
    Catalog m_catalog;
    std::unique_ptr<MainWindow> m_window;
    FakeDialogs *m_dialogs = nullptr; // owned by the window

    // A one-build comparison with an unsaved change: its JSON is a few KB,
    // smaller than any write buffer (the review's case).
    void makeSmallModifiedComparison() {
        ComparisonState state = m_window->document()->state();
        state.builds.erase(state.builds.begin() + 1, state.builds.end());
        m_window->document()->reset(state);
        m_window->buildList()->setCurrentBuild(0);
        auto *channels = m_window->findChild<QSpinBox *>(u"channels"_s);
        QVERIFY(channels);
        channels->setValue(channels->value() == 1 ? 2 : 1);
        QVERIFY(m_window->isWindowModified());
    }

    bool write(const QString &what, const QString &path) {
        return what == u"save" ? m_window->saveToFile(path) : m_window->exportPdf(path);
    }

private slots:
    void initTestCase() {
        QString error;
        m_catalog = db::loadShippedCatalog(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void init() {
        auto dialogs = std::make_unique<FakeDialogs>();
        m_dialogs = dialogs.get();
        m_window = std::make_unique<MainWindow>(
            llm::testsupport::windowData(m_catalog, llm::testsupport::Baseline::Uncalibrated),
            std::move(dialogs));
    }
    void cleanup() { m_window.reset(); }

    void fullDisk_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("how");
        for (const char *what : {"save", "pdf"}) {
            QTest::addRow("%s, file size limit", what) << QString::fromLatin1(what) << u"rlimit"_s;
            QTest::addRow("%s, 64 KiB tmpfs", what) << QString::fromLatin1(what) << u"tmpfs"_s;
        }
    }
    void fullDisk() {
        QFETCH(QString, what);
        QFETCH(QString, how);
        makeSmallModifiedComparison();
        SmallDisk disk;
        QTemporaryDir scratch;
        QString folder = scratch.path();
        if (how == u"tmpfs") {
            if (!disk.mounted())
                QSKIP("mounting a tmpfs needs root");
            folder = disk.path();
        }
        const QString path = folder + (what == u"save" ? u"/comp.json"_s : u"/report.pdf"_s);
        QVERIFY(writeFile(path, kOld));
        bool ok = true;
        if (how == u"tmpfs") {
            QVERIFY(disk.fill());
            ok = write(what, path);
        } else {
            const FileSizeLimit limit(10);
            QVERIFY(limit.ok());
            ok = write(what, path);
        }
        QVERIFY(!ok);
        QCOMPARE(m_dialogs->errors.size(), 1);
        const QString shown = m_dialogs->errors.first();
        QVERIFY2(shown.contains(how == u"tmpfs" ? u"the disk is full"_s
                                                : u"larger than the system allows"_s),
                 qPrintable(shown));
        QVERIFY2(shown.contains(u"The previous file is unchanged"_s), qPrintable(shown));
        QVERIFY(!m_window->statusBar()->currentMessage().startsWith(u"Saved"_s));
        QVERIFY(m_window->isWindowModified()); // still to be saved
        QCOMPARE(readAll(path), kOld);
        QStringList left = entries(folder);
        left.removeAll(u"filler"_s);
        QCOMPARE(left, QStringList{QFileInfo(path).fileName()});
        if (what == u"save")
            QVERIFY(m_window->currentFile().isEmpty()); // not taken as the document's file
    }

    void notARegularFile_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("kind");
        for (const char *what : {"save", "pdf"}) {
            QTest::addRow("%s to a fifo", what) << QString::fromLatin1(what) << u"fifo"_s;
            QTest::addRow("%s to a device node", what) << QString::fromLatin1(what) << u"device"_s;
        }
    }
    void notARegularFile() {
        QFETCH(QString, what);
        QFETCH(QString, kind);
        makeSmallModifiedComparison();
        QTemporaryDir scratch;
        const QString target = scratch.filePath(u"target"_s);
        if (kind == u"fifo")
            QVERIFY(makeFifo(target));
        else if (!isRoot())
            QSKIP("making a device node needs root");
        else
            QVERIFY(makeNullDevice(target));
        const mode_t before = fileType(target);
        QVERIFY(!write(what, target));
        QCOMPARE(m_dialogs->errors.size(), 1);
        QVERIFY2(m_dialogs->errors.first().contains(kind == u"fifo" ? u"is a pipe (FIFO)"_s
                                                                    : u"is a device"_s),
                 qPrintable(m_dialogs->errors.first()));
        QCOMPARE(fileType(target), before);
        QCOMPARE(entries(scratch.path()), QStringList{u"target"_s});
        QVERIFY(m_window->isWindowModified());
    }

    void goodSaveStillWorks() {
        makeSmallModifiedComparison();
        QTemporaryDir scratch;
        const QString path = scratch.filePath(u"comp.json"_s);
        QVERIFY(writeFile(path, kOld));
        QVERIFY(m_window->saveToFile(path));
        QVERIFY(m_dialogs->errors.isEmpty());
        QVERIFY(!m_window->isWindowModified());
        QVERIFY(m_window->statusBar()->currentMessage().startsWith(u"Saved"_s));
        QVERIFY(readAll(path).startsWith("{"));
        QVERIFY(readAll(path) != kOld);
        QVERIFY(m_window->exportPdf(scratch.filePath(u"r.pdf"_s)));
        QVERIFY(readAll(scratch.filePath(u"r.pdf"_s)).startsWith("%PDF-"));
        QCOMPARE(entries(scratch.path()), (QStringList{u"comp.json"_s, u"r.pdf"_s}));
    }
};

QTEST_MAIN(TestSaveFailures)
#include "tst_savefailures.moc"
