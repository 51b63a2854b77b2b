// SPDX-License-Identifier: MIT
// The composition root of the window: application identity, arguments, the
// user's catalogue database, and the main window.
#include "catalogue.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("LlmAdvisor"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("llmadvisor.org"));
    QCoreApplication::setApplicationName(QStringLiteral("LlmAdvisor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LLMADVISOR_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("LLM Procurement Advisor"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.llmadvisor.LlmAdvisor"));
    QGuiApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("org.llmadvisor.LlmAdvisor"),
                         QIcon(QStringLiteral(":/icons/org.llmadvisor.LlmAdvisor.svg"))));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compare CPU, RAM and GPU builds for running large language models locally."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A saved comparison (.json) to open."),
                                 QStringLiteral("[FILE]"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QStringLiteral("Use this catalogue database instead of the one in your profile."),
        QStringLiteral("PATH"));
    parser.addOption(database);
    parser.process(app);

    llm::db::CatalogueDatabase db;
    const llm::db::OpenResult opened =
        db.open(parser.isSet(database) ? parser.value(database)
                                       : llm::db::CatalogueDatabase::defaultPath());
    llm::Catalog catalog;
    if (opened.ok) {
        catalog = db.load();
    } else {
        // The window still works on the shipped data; say why the user's file was not used.
        catalog = llm::db::loadShippedCatalog();
    }
    if (!opened.message.isEmpty())
        QMessageBox::warning(nullptr, QStringLiteral("LLM Procurement Advisor"), opened.message);

    llm::ui::MainWindow window(std::move(catalog));
    window.show();
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty())
        window.openFile(files.first());
    return app.exec();
}
