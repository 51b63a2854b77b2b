// SPDX-License-Identifier: MIT
// The composition root of the window: application identity, arguments, the
// user's catalogue database, and the main window.
#include "appidentity.h"
#include "catalogue.h"
#include "catalogueeditor.h"
#include "mainwindow/buildinfo.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/translations.h"
#include "mainwindow/windowoptions.h"
#include "measurements.h"
#include "referencedata.h"
#include "safewrite.h"
#include "usermeasurements.h"

#include <QApplication>
#include <QBuffer>
#include <QCommandLineParser>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QImageWriter>
#include <QMessageBox>
#include <QPixmap>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    // Shared with llmadvisor-cli (appidentity.h): one catalogue for both programs.
    llm::db::setApplicationIdentity();
    QCoreApplication::setApplicationVersion(llm::ui::programVersion());
    // The system locale's translation (embedded), before any text is made.
    llm::ui::installTranslators();
    QGuiApplication::setApplicationDisplayName(
        QCoreApplication::translate("main", "LLM Procurement Advisor"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.llmadvisor.LlmAdvisor"));
    QGuiApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("org.llmadvisor.LlmAdvisor"),
                         QIcon(QStringLiteral(":/icons/org.llmadvisor.LlmAdvisor.svg"))));

    // Options are checked before anything is opened: a refused option is one
    // line on stderr and exit 2, as in llmadvisor-cli (windowoptions.h).
    QCommandLineParser parser;
    const llm::ui::WindowOptionsResult parsed =
        llm::ui::parseWindowOptions(parser, QCoreApplication::arguments());
    switch (parsed.action) {
    case llm::ui::WindowOptionsResult::Action::ShowHelp:
        parser.showHelp(0);
    case llm::ui::WindowOptionsResult::Action::ShowVersion:
        parser.showVersion();
    case llm::ui::WindowOptionsResult::Action::Refuse:
        std::fprintf(stderr, "error: %s\n", parsed.error.toUtf8().constData());
        return 2;
    case llm::ui::WindowOptionsResult::Action::Run:
        break;
    }
    const llm::ui::WindowOptions &options = parsed.options;
    if (options.screenshot) {
        const QString problem = llm::ui::checkScreenshotTarget(*options.screenshot);
        if (!problem.isEmpty()) {
            std::fprintf(stderr, "error: %s\n", problem.toUtf8().constData());
            return 2;
        }
    }

    // Unattended runs (--export-pdf, used by llmadvisor-cli report, and
    // --screenshot) must never wait on a message box nobody can see: their
    // messages go to stderr instead.
    const bool headless = options.unattended();
    std::unique_ptr<llm::ui::Dialogs> dialogs;
    if (headless)
        dialogs = std::make_unique<llm::ui::ConsoleDialogs>();
    else
        dialogs = std::make_unique<llm::ui::WidgetDialogs>();

    // The catalogue: --database as given (a mistyped path must not become a new,
    // empty catalogue), else the user's own, shared with llmadvisor-cli (an
    // earlier version's file found at an older place is moved there once).
    QString databasePath;
    QStringList catalogueNotes;
    if (options.database) {
        databasePath = *options.database;
        const QFileInfo given(databasePath);
        if (!given.exists() && !given.isSymLink()) {
            dialogs->error(nullptr, QCoreApplication::translate("main", "LLM Procurement Advisor"),
                           QCoreApplication::translate(
                               "main", "--database: there is no catalogue file “%1”; check the "
                                       "path (your own catalogue is used when --database is "
                                       "left out).")
                               .arg(QDir::toNativeSeparators(databasePath)));
            return 2;
        }
    } else {
        const llm::db::CatalogueLocation location = llm::db::defaultCatalogue();
        databasePath = location.path;
        if (!location.message.isEmpty())
            catalogueNotes.append(location.message);
    }
    llm::db::CatalogueDatabase db;
    const llm::db::OpenResult opened = db.open(databasePath);
    if (!opened.message.isEmpty())
        catalogueNotes.append(opened.message);
    llm::Catalog catalog;
    if (opened.ok) {
        QString loadError;
        catalog = llm::db::loadMarked(&db, &loadError); // the user's rows marked for the report
        if (!loadError.isEmpty())
            catalogueNotes.append(
                loadError + QLatin1Char(' ') +
                QCoreApplication::translate("main", "The built-in catalogue is used."));
    } else {
        // The window still works on the shipped data; say why the user's file was not used.
        catalog = llm::db::loadShippedCatalog();
    }
    if (!catalogueNotes.isEmpty())
        dialogs->information(nullptr,
                             QCoreApplication::translate("main", "LLM Procurement Advisor"),
                             catalogueNotes.join(QStringLiteral("\n\n")));

    // The composition root: everything the estimates are computed against is
    // loaded here, once, and handed down — the calibrated efficiency factors, the
    // platform rules and the published measurements. A part that cannot be read
    // leaves the window working without it, and the user is told which.
    QStringList dataProblems;
    // The user's own llama-bench results (Tools → Import my llama-bench results…,
    // or llmadvisor-cli measurements import) recalibrate their hardware's estimates.
    std::vector<llm::Measurement> own;
    if (opened.ok && !opened.builtinOnly) {
        QString ownError;
        if (auto set = llm::db::readOwnMeasurements(db, catalog, &ownError))
            own = std::move(set->rows);
        else
            dataProblems.append(
                QCoreApplication::translate("main", "Your own measurements cannot be read (%1); "
                                                    "the shipped calibration is used.")
                    .arg(ownError));
    }
    llm::db::ReferenceData data = llm::db::loadReferenceData(
        std::move(catalog), std::move(own),
        QDate::currentDate().toString(Qt::ISODate).toStdString(), &dataProblems);
    if (!dataProblems.isEmpty())
        dialogs->information(nullptr,
                             QCoreApplication::translate("main", "LLM Procurement Advisor"),
                             dataProblems.join(QStringLiteral("\n\n")));
    llm::ui::MainWindow window(std::move(data), std::move(dialogs));
    window.setCatalogueDatabase(&db); // Tools → Catalogue editor
    if (options.theme)
        window.setTheme(*options.theme);
    if (options.tab)
        window.tabs()->setCurrentIndex(*options.tab);
    // Unattended exit codes follow llmadvisor-cli: 2 = the file given was
    // refused, 1 = the report or picture could not be written.
    if (options.file && !window.openFile(*options.file) && headless)
        return 2;
    if (options.exportPdf) {
        // As asked on the command line, whatever the window's saved choice.
        window.setReportInBlackAndWhite(options.blackAndWhite);
        return window.exportPdf(*options.exportPdf) ? 0 : 1;
    }
    window.show();
    if (options.screenshot) {
        window.resize(1280, 720);
        // Let the charts lay out at the final size before the picture is taken.
        QString problem;
        QTimer::singleShot(1000, &window, [&] {
            problem = llm::ui::saveScreenshot(window.grab().toImage(), *options.screenshot);
            QCoreApplication::quit();
        });
        app.exec();
        if (!problem.isEmpty()) {
            std::fprintf(stderr, "error: %s\n", problem.toUtf8().constData());
            return 1;
        }
        return 0;
    }
    return app.exec();
}
