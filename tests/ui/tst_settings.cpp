// SPDX-License-Identifier: MIT
// The window's settings (ui/mainwindow/settings.h): typed values that fall back
// on their defaults when the file holds something else, and a file written by
// a newer version of the program that is read for what this version knows and
// left byte for byte as it was after the window has run, been changed and
// closed — with one plain notice. A file of this version is written (the
// control: the same steps do change it).
#include "../support/windowdata.h"
#include "assumptions.h"
#include "catalogue.h"
#include "comparison/comparisondocument.h"
#include "fakedialogs.h"
#include "mainwindow/guidance.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/settings.h"
#include "measurements.h"
#include "notices.h"
#include "profile.h"
#include "sqlitefile.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace llm;
using namespace llm::ui;

namespace {

bool writeAll(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// A settings file as a later version might write it: a format this version does
// not know, the keys it does know (one of them with a new meaning it cannot
// tell), and keys it has never heard of.
QByteArray newerFile(int format) {
    return QStringLiteral("[General]\n"
                          "settingsVersion=%1\n"
                          "\n"
                          "[costs]\n"
                          "electricityEurPerKwh=0.41\n"
                          "\n"
                          "[future]\n"
                          "panels=charts, answer, notes\n"
                          "\n"
                          "[guide]\n"
                          "dismissed=true\n"
                          "\n"
                          "[thresholds]\n"
                          "maxPrefillS=7\n"
                          "minGenerationTokS=12.5\n"
                          "\n"
                          "[view]\n"
                          "theme=1\n")
        .arg(format)
        .toUtf8();
}

} // namespace

class TestSettings final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    Catalog m_catalog;
    Assumptions m_baseline;

    std::unique_ptr<MainWindow> startWindow() {
        auto w = std::make_unique<MainWindow>(llm::testsupport::windowData(m_catalog, m_baseline),
                                              std::make_unique<FakeDialogs>());
        w->show();
        return w;
    }
    // Everything the window writes settings on: a threshold and the tariff
    // changed, the theme, the guide dismissed and shown again, a comparison saved
    // (the recent-files list), then closed.
    void useAndClose(MainWindow *w) {
        ComparisonState state = w->document()->state();
        state.assumptions.thresholds.maxPrefill = units::seconds(42.0);
        state.assumptions.electricityEurPerKwh = 0.99;
        w->document()->reset(state);
        w->setTheme(Theme::Dark);
        w->guidance()->showGuide();
        w->findChild<QPushButton *>(QStringLiteral("guideDontShowAgain"))->click();
        QVERIFY(w->saveToFile(m_home.filePath(QStringLiteral("saved.json"))));
        QVERIFY(w->close());
    }

private slots:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        llm::testsupport::useProfileIn(m_home.path());
        QVERIFY(QSettings().fileName().startsWith(m_home.path()));
        QString error;
        m_catalog = db::loadShippedCatalog(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_baseline = db::shippedAssumptions(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void cleanup() {
        QFile::remove(QSettings().fileName());
        applyTheme(Theme::Light);
    }

    // Typed reading: what is not a valid value of the key's type is its default.
    void typedValuesFallBackOnDefaults() {
        QVERIFY(writeAll(QSettings().fileName(), "[General]\nsettingsVersion=1\n"
                                                 "[thresholds]\nmaxPrefillS=-3\n"
                                                 "minGenerationTokS=nan\n"
                                                 "interactivePrefillS=inf\n"
                                                 "backgroundTotalS=120.5\n"
                                                 "[costs]\nelectricityEurPerKwh=cheap\n"
                                                 "[view]\ntheme=7\n"
                                                 "[files]\nrecent=/a.json, /b.json\n"));
        const Settings s;
        QVERIFY(!s.fromNewerVersion());
        QCOMPARE(s.value(setting::maxPrefillS, 5.0), 5.0);
        QCOMPARE(s.value(setting::minGenerationTokS, 10.0), 10.0);
        QCOMPARE(s.value(setting::interactivePrefillS, 3.0), 3.0);
        QCOMPARE(s.value(setting::backgroundTotalS, 60.0), 120.5);
        QCOMPARE(s.value(setting::electricityEurPerKwh, 0.3), 0.3);
        QCOMPARE(s.value(setting::theme), Theme::Light);
        QCOMPARE(s.value(setting::offlineTotalS, 600.0), 600.0); // absent
        QCOMPARE(s.value(setting::recentFiles),
                 QStringList({QStringLiteral("/a.json"), QStringLiteral("/b.json")}));
        QCOMPARE(s.value(setting::guideDismissed), false);
    }

    // The keys are spelled once: what the window writes is what it reads back.
    void writtenKeysAreReadBack() {
        {
            Settings s;
            QVERIFY(s.setValue(setting::maxPrefillS, 9.5));
            QVERIFY(s.setValue(setting::theme, Theme::Dark));
            QVERIFY(s.setValue(setting::guideDismissed, true));
        }
        const Settings s;
        QCOMPARE(s.fileFormat(), kSettingsFormat);
        QCOMPARE(s.value(setting::maxPrefillS, 1.0), 9.5);
        QCOMPARE(s.value(setting::theme), Theme::Dark);
        QCOMPARE(s.value(setting::guideDismissed), true);
        QCOMPARE(QSettings().value(Guidance::guideDismissedKey()).toBool(), true);
    }

    void newerVersionsFileIsReadNotWritten_data() {
        QTest::addColumn<int>("format");
        QTest::newRow("next format") << kSettingsFormat + 1;
        QTest::newRow("far later") << kSettingsFormat + 40;
    }
    void newerVersionsFileIsReadNotWritten() {
        QFETCH(int, format);
        const QString file = QSettings().fileName();
        const QByteArray before = newerFile(format);
        QVERIFY(writeAll(file, before));
        const QStringList folder = QDir(QFileInfo(file).path()).entryList(QDir::Files);

        auto w = startWindow();
        // Read for what this version understands.
        const Thresholds &t = w->document()->state().assumptions.thresholds;
        QCOMPARE(units::inSeconds(t.maxPrefill), 7.0);
        QCOMPARE(units::inTokensPerSecond(t.minGeneration), 12.5);
        QCOMPARE(w->document()->state().assumptions.electricityEurPerKwh, 0.41);
        QVERIFY(!w->guidance()->guideBar()->isVisible()); // guide/dismissed=true
        // Said once, plainly.
        const QStringList said = testsupport::visibleNoticeTexts(w.get());
        QCOMPARE(said.size(), 1);
        QVERIFY2(said.first().contains(QStringLiteral("newer version")), qPrintable(said.first()));
        QVERIFY2(said.first().contains(QStringLiteral("not kept")), qPrintable(said.first()));

        useAndClose(w.get());
        w.reset();
        QCOMPARE(testsupport::bytesOf(file), before);
        QCOMPARE(QDir(QFileInfo(file).path()).entryList(QDir::Files), folder);
    }

    // The control: the same steps on this version's file do write it.
    void ownVersionsFileIsWritten() {
        const QString file = QSettings().fileName();
        const QByteArray before = newerFile(kSettingsFormat);
        QVERIFY(writeAll(file, before));
        auto w = startWindow();
        QVERIFY(testsupport::visibleNoticeTexts(w.get()).isEmpty());
        QCOMPARE(units::inSeconds(w->document()->state().assumptions.thresholds.maxPrefill), 7.0);
        useAndClose(w.get());
        w.reset();
        QVERIFY(testsupport::bytesOf(file) != before);
        const Settings s;
        QCOMPARE(s.value(setting::maxPrefillS, 1.0), 42.0);
        QCOMPARE(s.value(setting::electricityEurPerKwh, 1.0), 0.99);
        QCOMPARE(s.value(setting::theme), Theme::Dark);
        QCOMPARE(s.value(setting::guideDismissed), true);
        QCOMPARE(s.value(setting::recentFiles),
                 QStringList(m_home.filePath(QStringLiteral("saved.json"))));
        // Keys this version does not know are kept.
        QCOMPARE(QSettings().value(QStringLiteral("future/panels")).toStringList().size(), 3);
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
