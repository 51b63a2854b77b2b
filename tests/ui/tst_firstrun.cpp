// SPDX-License-Identifier: MIT
// First run and identity, headless: an empty settings folder and no user
// database (isolated XDG folders) open on the seed's example comparison with the
// guide showing and the user catalogue created; "Don't show again" is remembered;
// a damaged settings file starts on defaults and says so once; empty states;
// the About dialog; the status bar's assumptions line; the translation loads.
#include "../support/windowdata.h"
#include "assumptions.h"
#include "catalogue.h"
#include "charts/chartspanel.h"
#include "comparison/comparisondocument.h"
#include "fakedialogs.h"
#include "mainwindow/aboutdialog.h"
#include "mainwindow/buildinfo.h"
#include "mainwindow/guidance.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/settingscheck.h"
#include "mainwindow/translations.h"
#include "measurements.h"
#include "notices.h"
#include "profile.h"
#include "workload.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace llm;
using namespace llm::ui;

class TestFirstRun final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<db::CatalogueDatabase> m_db;
    Catalog m_catalog;
    Assumptions m_calibrated;

    std::unique_ptr<MainWindow> startWindow() {
        auto w = std::make_unique<MainWindow>(llm::testsupport::windowData(m_catalog, m_calibrated),
                                              std::make_unique<FakeDialogs>());
        w->show();
        return w;
    }
    // On request (LLMADVISOR_SCREENSHOT_DIR), a picture to look at.
    static void picture(QWidget *w, const QString &name) {
        if (qEnvironmentVariableIsSet("LLMADVISOR_SCREENSHOT_DIR"))
            w->grab().save(qEnvironmentVariable("LLMADVISOR_SCREENSHOT_DIR") + u'/' + name);
    }
    static QString statusMarker(MainWindow *w) {
        auto *l = w->statusBar()->findChild<QLabel *>(QStringLiteral("overrideMarker"));
        return l ? l->text() : QString();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        // Fresh, empty folders for this process: nothing from earlier runs or the
        // user's real profile. Set before anything reads QSettings or paths.
        llm::testsupport::useProfileIn(m_home.path());
        QVERIFY(QSettings().fileName().startsWith(m_home.path()));
        QVERIFY(!QFile::exists(QSettings().fileName()));
    }

    // What main() does on a first start: open (create) the user catalogue, then the window.
    void firstStartOpensOnTheExamples() {
        const QString dbPath = db::CatalogueDatabase::defaultPath();
        QVERIFY2(dbPath.startsWith(m_home.path()), qPrintable(dbPath));
        QVERIFY(!QFile::exists(dbPath));
        m_db = std::make_unique<db::CatalogueDatabase>();
        const db::OpenResult opened = m_db->open(dbPath);
        QVERIFY2(opened.ok, qPrintable(opened.message));
        QVERIFY2(QFile::exists(dbPath), "the user catalogue was not created");
        m_catalog = m_db->load();
        QString error;
        m_calibrated = db::shippedAssumptions(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        auto w = startWindow();
        const auto &builds = w->document()->state().builds;
        QVERIFY(m_catalog.presets.size() >= 2);
        QCOMPARE(builds.size(), m_catalog.presets.size());
        for (std::size_t i = 0; i < builds.size(); ++i)
            QCOMPARE(QString::fromStdString(builds[i].name),
                     QString::fromStdString(m_catalog.presets[i].name));
        QVERIFY(!w->guidance()->showingEmptyState());
        QVERIFY(w->guidance()->guideBar()->isVisible());
        const QString guide = w->guidance()->guideBar()->label()->text();
        QVERIFY2(guide.contains(QStringLiteral("Export PDF")), qPrintable(guide));
        QVERIFY(testsupport::visibleNotices(w.get()).isEmpty());
        QCOMPARE(statusMarker(w.get()),
                 QStringLiteral("Assumptions: calibrated factors, no overrides"));

        // Close only hides it for now; "Don't show again" is remembered.
        w->guidance()->guideBar()->closeButton()->click();
        QVERIFY(!w->guidance()->guideBar()->isVisible());
        QVERIFY(!QSettings().value(Guidance::guideDismissedKey()).toBool());
        w->findChild<QPushButton *>(QStringLiteral("guideDontShowAgain"))->click();
        QVERIFY(QSettings().value(Guidance::guideDismissedKey()).toBool());
        QVERIFY(w->close());
        QVERIFY(QFile::exists(QSettings().fileName()));
    }

    void secondStartHidesTheGuide() {
        auto w = startWindow();
        QVERIFY(!w->guidance()->guideBar()->isVisible());
        QVERIFY(testsupport::visibleNotices(w.get())
                    .isEmpty()); // the file the program wrote is not "damaged"
        // Help → Getting started brings it back and forgets the dismissal.
        w->guidance()->showGuide();
        QVERIFY(w->guidance()->guideBar()->isVisible());
        QVERIFY(!QSettings().contains(Guidance::guideDismissedKey()));
        w->findChild<QPushButton *>(QStringLiteral("guideDontShowAgain"))->click();
        QVERIFY(w->close());
    }

    void damagedSettingsStartOnDefaultsAndSaySoOnce() {
        const QString file = QSettings().fileName();
        QVERIFY(QFile::exists(file));
        QByteArray garbage;
        for (int i = 0; i < 4096; ++i)
            garbage.append(static_cast<char>((i * 7919 + 13) % 256));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(garbage), garbage.size());
        }
        auto w = startWindow();
        const QList<InfoBar *> said = testsupport::visibleNotices(w.get());
        QCOMPARE(said.size(), 1);
        picture(w.get(), QStringLiteral("damaged-settings.png"));
        const QString text = said.first()->label()->text();
        QVERIFY2(text.contains(QStringLiteral("could not be read")), qPrintable(text));
        // Defaults: the guide shows again; the damaged file is kept, byte for byte.
        QVERIFY(w->guidance()->guideBar()->isVisible());
        const QStringList aside =
            QDir(QFileInfo(file).path())
                .entryList({QFileInfo(file).fileName() + QStringLiteral(".damaged-*")});
        QCOMPARE(aside.size(), 1);
        QVERIFY2(text.contains(aside.first()), qPrintable(text));
        QFile kept(QFileInfo(file).dir().filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), garbage);
        QVERIFY(w->close());
        w.reset();

        // Once: the next start reads the fresh file without complaint.
        auto again = startWindow();
        QVERIFY(testsupport::visibleNotices(again.get()).isEmpty());
        QVERIFY(again->close());
    }

    void settingsCheckAcceptsIniAndRefusesGarbage() {
        const QString path = m_home.filePath(QStringLiteral("probe.conf"));
        auto write = [&](const QByteArray &bytes) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
        };
        write("[General]\nsettingsVersion=1\n\n[view]\ntheme=2\n");
        QVERIFY(!checkSettingsFile(path).damaged);
        QVERIFY(QFile::exists(path));
        write("[General]\nsettingsVersion=1\n\x01\x02\x03\n");
        SettingsCheck c = checkSettingsFile(path);
        QVERIFY(c.damaged);
        QVERIFY2(c.reason.contains(QStringLiteral("line 3")), qPrintable(c.reason));
        QVERIFY(!QFile::exists(path));
        QVERIFY(QFile::exists(c.keptAs));
        write("\xff\xfe\xfd not UTF-8");
        QVERIFY(checkSettingsFile(path).damaged);
        write("just words without an equals sign\n");
        QVERIFY(checkSettingsFile(path).damaged);
        QVERIFY(!checkSettingsFile(m_home.filePath(QStringLiteral("absent.conf"))).damaged);
    }

    void emptyStatesSayWhatToDo() {
        auto w = startWindow();
        ComparisonDocument *doc = w->document();
        ComparisonState none = doc->state();
        none.builds.clear();
        doc->reset(none);
        QVERIFY(w->guidance()->showingEmptyState());
        picture(w.get(), QStringLiteral("empty-state.png"));
        auto *text = w->findChild<QLabel *>(QStringLiteral("emptyStateText"));
        QVERIFY(text && text->isVisible());
        QVERIFY2(text->text().contains(QStringLiteral("New build")), qPrintable(text->text()));
        w->findChild<QPushButton *>(QStringLiteral("emptyStateNewBuild"))->click();
        QCOMPARE(doc->buildCount(), 1);
        QVERIFY(!w->guidance()->showingEmptyState());

        ComparisonState noCases = doc->state();
        noCases.useCases.clear();
        doc->reset(noCases);
        QVERIFY(w->guidance()->noUseCaseBar()->isVisible());
        picture(w.get(), QStringLiteral("no-use-case.png"));
        w->findChild<QPushButton *>(QStringLiteral("addStandardUseCases"))->click();
        QCOMPARE(doc->state().useCases.size(), seedUseCases().size());
        QVERIFY(!w->guidance()->noUseCaseBar()->isVisible());
        doc->undoStack()->setClean();
        QVERIFY(w->close());
    }

    void statusBarCountsOverrides() {
        auto w = startWindow();
        ComparisonState s = w->document()->state();
        s.assumptions.overridden = {"assumptions.efficiency.cpu-zen5", "assumptions.pcie"};
        w->document()->reset(s);
        QCOMPARE(statusMarker(w.get()), QStringLiteral("⚠ Assumptions: 2 override(s)"));
        MainWindow uncalibrated(llm::testsupport::windowData(m_catalog, Assumptions{}),
                                std::make_unique<FakeDialogs>());
        QCOMPARE(statusMarker(&uncalibrated),
                 QStringLiteral("Assumptions: uncalibrated default factors, no overrides"));
        w->document()->undoStack()->setClean();
        QVERIFY(w->close());
    }

    void aboutShowsIdentity() {
        auto w = startWindow();
        QAction *about = w->findChild<QAction *>(QStringLiteral("about"));
        QVERIFY(about);
        about->trigger();
        auto *dialog = w->findChild<AboutDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        picture(dialog, QStringLiteral("about.png"));
        const QString html = dialog->label()->text();
        QVERIFY2(html.contains(QStringLiteral(LLMADVISOR_VERSION)), qPrintable(html));
        QVERIFY2(html.contains(programVersion().toHtmlEscaped()), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("MIT")));
        const QDate asOf = QDate::fromString(QString::fromStdString(m_catalog.asOf), Qt::ISODate);
        QVERIFY(asOf.isValid());
        QVERIFY2(html.contains(QLocale().toString(asOf, QLocale::LongFormat)), qPrintable(html));
        // The measured error comes from the calibration's pooled band.
        const QString low =
            QLocale().toString((m_calibrated.defaultBand.low - 1.0) * 100.0, 'f', 0);
        QVERIFY2(html.contains(QStringLiteral("Measured error")) && html.contains(low),
                 qPrintable(html));
        // The link points at a real estimator.md.
        const QRegularExpressionMatch link =
            QRegularExpression(QStringLiteral("href=\"([^\"]+)\"")).match(html);
        QVERIFY2(link.hasMatch(), qPrintable(html));
        const QUrl url(link.captured(1));
        QVERIFY(url.isLocalFile());
        QVERIFY2(url.toLocalFile().endsWith(QStringLiteral("estimator.md")) &&
                     QFile::exists(url.toLocalFile()),
                 qPrintable(url.toString()));
        dialog->reject();

        // Without calibration there is no error line to claim.
        QVERIFY(!AboutDialog::html(m_catalog, Assumptions{})
                     .contains(QStringLiteral("Measured error")));
        QVERIFY(w->close());
    }

    void themeIsRememberedAndChartsFollow() {
        {
            auto w = startWindow();
            w->setTheme(Theme::Dark);
            QVERIFY(w->charts()->mode() == ChartMode::Dark);
            QVERIFY(w->close());
        }
        auto again = startWindow();
        QVERIFY(again->charts()->mode() == ChartMode::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
        again->setTheme(Theme::Light);
        QVERIFY(again->charts()->mode() == ChartMode::Light);
        QVERIFY(again->close());
        QVERIFY(startWindow()->charts()->mode() == ChartMode::Light);
    }

    void germanTranslationLoads() {
        const QString before = QCoreApplication::translate("llm::ui::MainWindow", "&File");
        QCOMPARE(before, QStringLiteral("&File"));
        QVERIFY(installTranslators(QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(QCoreApplication::translate("llm::ui::MainWindow", "&File"),
                 QStringLiteral("&Datei"));
        QVERIFY(!installTranslators(QLocale(QLocale::Zulu)));
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
