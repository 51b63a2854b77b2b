// SPDX-License-Identifier: MIT
// The composition root of the window: application identity, arguments, the
// user's catalogue database, and the main window.
#include "appidentity.h"
#include "catalogue.h"
#include "catalogueeditor.h"
#include "mainwindow/buildinfo.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/translations.h"
#include "measurements.h"
#include "safewrite.h"

#include <QApplication>
#include <QBuffer>
#include <QCommandLineParser>
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

namespace {

// The picture is encoded in memory and written like every other file
// (db::writeFileSafely): the old file survives a failure, devices are refused.
bool saveScreenshot(const QPixmap &picture, const QString &path, QString *error) {
    QByteArray format = QFileInfo(path).suffix().toLower().toLatin1();
    if (format.isEmpty())
        format = "png";
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (!writer.canWrite() || !writer.write(picture.toImage())) {
        *error = QCoreApplication::translate("main", "Could not write “%1”: %2.")
                     .arg(QDir::toNativeSeparators(path),
                          QCoreApplication::translate(
                              "main", "this program cannot make a picture of the type “%1”")
                              .arg(QString::fromLatin1(format)));
        return false;
    }
    return llm::db::writeFileSafely(path, buffer.data(), error);
}

} // namespace

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

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Compare CPU, RAM and GPU builds for running large language models locally."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QCoreApplication::translate("main", "A saved comparison (.json) to open."),
        QStringLiteral("[FILE]"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QCoreApplication::translate(
            "main", "Use this catalogue database instead of the one in your profile."),
        QStringLiteral("PATH"));
    parser.addOption(database);
    const QCommandLineOption exportPdf(
        QStringLiteral("export-pdf"),
        QCoreApplication::translate(
            "main", "Write the comparison's PDF report to PATH and quit (no window shown)."),
        QStringLiteral("PATH"));
    parser.addOption(exportPdf);
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save a picture of the window to PATH (PNG) and quit."),
        QStringLiteral("PATH"));
    parser.addOption(screenshot);
    const QCommandLineOption theme(
        QStringLiteral("theme"),
        QCoreApplication::translate("main", "Colour theme: system, light or dark."),
        QStringLiteral("THEME"));
    parser.addOption(theme);
    const QCommandLineOption tab(
        QStringLiteral("tab"),
        QCoreApplication::translate("main",
                                    "Open on this tab (0 = charts, 1 = table, 2 = use cases, 3 = "
                                    "model sizes, 4 = assumptions, 5 = what if)."),
        QStringLiteral("N"));
    parser.addOption(tab);
    parser.process(app);

    // Headless runs (--export-pdf, used by llmadvisor-cli report) must never wait
    // on a message box nobody can see: their messages go to stderr instead.
    const bool headless = parser.isSet(exportPdf);
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
    if (parser.isSet(database)) {
        databasePath = parser.value(database);
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

    // The calibrated efficiency factors shipped with the catalogue; if they cannot
    // be read the window still works on the built-in defaults, and says so.
    QString calibrationError;
    const llm::Assumptions calibrated = llm::db::shippedAssumptions(&calibrationError);
    if (!calibrationError.isEmpty())
        dialogs->information(
            nullptr, QCoreApplication::translate("main", "LLM Procurement Advisor"),
            QCoreApplication::translate("main", "The calibrated efficiency factors could not be "
                                                "read (%1); uncalibrated defaults are used.")
                .arg(calibrationError));
    llm::ui::MainWindow window(std::move(catalog), calibrated, std::move(dialogs));
    window.setCatalogueDatabase(&db); // Tools → Catalogue editor
    if (parser.isSet(theme)) {
        const QString t = parser.value(theme).toLower();
        window.setTheme(t == u"dark"     ? llm::ui::Theme::Dark
                        : t == u"system" ? llm::ui::Theme::System
                                         : llm::ui::Theme::Light);
    }
    if (parser.isSet(tab))
        window.tabs()->setCurrentIndex(parser.value(tab).toInt());
    const QStringList files = parser.positionalArguments();
    // Headless exit codes follow llmadvisor-cli: 2 = the file given was refused,
    // 1 = the report could not be written.
    if (!files.isEmpty() && !window.openFile(files.first()) && headless)
        return 2;
    if (headless)
        return window.exportPdf(parser.value(exportPdf)) ? 0 : 1;
    window.show();
    if (parser.isSet(screenshot)) {
        window.resize(1280, 720);
        // Let the charts lay out at the final size before the picture is taken.
        bool saved = false;
        QTimer::singleShot(1000, &window, [&] {
            QString error;
            saved = saveScreenshot(window.grab(), parser.value(screenshot), &error);
            if (!saved)
                std::fprintf(stderr, "error: %s\n", qUtf8Printable(error));
            QCoreApplication::quit();
        });
        app.exec();
        return saved ? 0 : 2;
    }
    return app.exec();
}
