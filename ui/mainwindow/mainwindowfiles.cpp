// SPDX-License-Identifier: MIT
// MainWindow: files (scenario JSON, PDF, printing), recent files and settings.
#include "mainwindow.h"

#include "charts/chartspanel.h"
#include "comparison/comparisondocument.h"
#include "comparison/scenarioconvert.h"
#include "comparison_limits.h"
#include "dialogs.h"
#include "guidance.h"
#include "report/reportpdf.h"
#include "safewrite.h"
#include "settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QScreen>
#include <QStatusBar>

#include <memory>

namespace llm::ui {

namespace {
QString scenarioFilter() {
    return MainWindow::tr("Comparison (*.json)");
}
QString pdfFilter() {
    return MainWindow::tr("PDF (*.pdf)");
}
constexpr int kMaxRecent = 8;
constexpr qint64 kProgressAfterMs = 300;
} // namespace

bool MainWindow::openFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_dialogs->error(
            this, tr("Cannot open"),
            tr("Could not read “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    // A scenario is a few kilobytes; refuse anything absurd before parsing it.
    if (file.size() > 16 * 1024 * 1024) {
        m_dialogs->error(this, tr("Cannot open"),
                         tr("“%1” is too large to be a comparison.").arg(path));
        return false;
    }
    const QByteArray bytes = file.readAll();
    // More builds, use cases or longer names than people can read in one
    // comparison: refused before parsing, so a 10,000-build file is refused at once.
    if (const auto limit = scenario::checkComparisonLimits(bytes)) {
        m_dialogs->error(this, tr("Cannot open"),
                         tr("“%1” holds more than one comparison can show.\n%2")
                             .arg(QFileInfo(path).fileName(), limit->toLine()));
        return false;
    }
    const scenario::ParseResult parsed = scenario::parseScenario(
        bytes, m_document->catalog(), m_document->platformRules(), m_document->state().assumptions);
    if (!parsed.ok()) {
        m_dialogs->error(this, tr("Cannot open"),
                         tr("“%1” is not a comparison this program can read.\n%2")
                             .arg(QFileInfo(path).fileName(), parsed.error.toLine()));
        return false;
    }
    m_document->reset(fromScenario(*parsed.scenario));
    m_file = QFileInfo(path).absoluteFilePath();
    addRecent(m_file);
    updateTitle();
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(m_file)), 5000);
    return true;
}

bool MainWindow::saveToFile(const QString &path) {
    const QByteArray bytes =
        scenario::writeScenario(toScenario(m_document->state(), m_document->catalog().asOf));
    // The old file stays whole unless the new one is complete, a full disk
    // included; on failure the comparison stays marked as not saved.
    QString error;
    if (!db::writeFileSafely(path, bytes, &error)) {
        m_dialogs->error(this, tr("Not saved"), error);
        return false;
    }
    m_file = QFileInfo(path).absoluteFilePath();
    m_document->undoStack()->setClean();
    addRecent(m_file);
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_file)), 5000);
    return true;
}

bool MainWindow::exportPdf(const QString &path, int *pages) {
    // A report of a full comparison takes a second or more: after a moment, a
    // small window says which page is being written (only when this window is
    // on screen; a headless export has nobody to show it to). No Cancel: the
    // old file is replaced only at the end anyway.
    std::unique_ptr<QProgressDialog> progress;
    QElapsedTimer clock;
    clock.start();
    const ReportProgress onPage = [&](int page) {
        if (!isVisible())
            return;
        if (!progress && clock.elapsed() >= kProgressAfterMs) {
            progress = std::make_unique<QProgressDialog>(this);
            progress->setObjectName(QStringLiteral("exportProgress"));
            progress->setWindowTitle(tr("Export PDF"));
            progress->setCancelButton(nullptr);
            progress->setRange(0, 0); // the number of pages is known only at the end
            progress->show();
        }
        if (progress) {
            progress->setLabelText(tr("Writing the PDF report: page %1…").arg(page));
            // Draw the dialog; no user input while the report is being painted.
            QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        }
    };
    QString error;
    if (!writeReportPdfFile(m_document->state(), m_document->referenceData(), path, &error, pages,
                            onPage, reportOptions())) {
        progress.reset();
        m_dialogs->error(this, tr("PDF not written"), error);
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::exportPdfInteractive() {
    const QString suggested = m_file.isEmpty()
                                  ? tr("comparison.pdf")
                                  : QFileInfo(m_file).completeBaseName() + QStringLiteral(".pdf");
    QString path = m_dialogs->saveFileName(this, tr("Export PDF"), suggested, pdfFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".pdf");
    exportPdf(path);
}

void MainWindow::printPreview() {
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog preview(&printer, this);
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter *p) {
        QString error;
        if (paintReport(m_document->state(), m_document->referenceData(), p, &error, {}, nullptr,
                        reportOptions()) == 0)
            m_dialogs->error(this, tr("Cannot print"), error);
    });
    preview.exec();
}

QAction *MainWindow::createBlackAndWhiteAction() {
    // File → Print in black and white: the report's charts in greys only (for a
    // black-and-white printer or copier); the choice is kept for the next start.
    m_blackAndWhite = new QAction(tr("Print in &black and white"), this);
    m_blackAndWhite->setObjectName(QStringLiteral("reportBlackAndWhite"));
    m_blackAndWhite->setCheckable(true);
    m_blackAndWhite->setChecked(Settings().value(setting::reportBlackAndWhite));
    // Only the user's own click is saved: an unattended export's choice is not.
    connect(m_blackAndWhite, &QAction::triggered, this, [](bool on) {
        Settings().setValue(setting::reportBlackAndWhite, on);
    }); // not in a newer version's file
    return m_blackAndWhite;
}

void MainWindow::setReportInBlackAndWhite(bool on) {
    m_blackAndWhite->setChecked(on);
}

ReportOptions MainWindow::reportOptions() const {
    ReportOptions options;
    options.blackAndWhite = m_blackAndWhite && m_blackAndWhite->isChecked();
    return options;
}

void MainWindow::newComparison() {
    if (!maybeSave())
        return;
    ComparisonState state = defaultState(m_document->catalog());
    state.builds.clear();
    state.builds.push_back(emptyBuild(m_document->catalog(), tr("Build 1").toStdString()));
    state.assumptions = m_document->state().assumptions;
    m_document->reset(state);
    m_file.clear();
    updateTitle();
}

void MainWindow::open() {
    if (!maybeSave())
        return;
    const QString path = m_dialogs->openFileName(this, tr("Open comparison"), scenarioFilter());
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save() {
    return m_file.isEmpty() ? saveAs() : saveToFile(m_file);
}

bool MainWindow::saveAs() {
    QString path = m_dialogs->saveFileName(this, tr("Save comparison"),
                                           m_file.isEmpty() ? tr("comparison.json") : m_file,
                                           scenarioFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    return saveToFile(path);
}

bool MainWindow::maybeSave() {
    if (m_document->undoStack()->isClean())
        return true;
    const QString name =
        m_file.isEmpty() ? tr("Untitled comparison") : QFileInfo(m_file).fileName();
    switch (m_dialogs->askSaveChanges(this, name)) {
    case Dialogs::SaveChoice::Save:
        return save();
    case Dialogs::SaveChoice::Discard:
        return true;
    case Dialogs::SaveChoice::Cancel:
        return false;
    }
    return false;
}

void MainWindow::addRecent(const QString &path) {
    Settings settings;
    QStringList recent = settings.value(setting::recentFiles);
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(setting::recentFiles, recent); // not in a newer version's file
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = Settings().value(setting::recentFiles);
    for (const QString &path : recent) {
        if (!QFileInfo::exists(path))
            continue; // moved or deleted since: do not offer it
        QAction *a = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::readSettings() {
    const Settings s;
    const QByteArray geometry = s.value(setting::windowGeometry);
    if (!geometry.isEmpty() && restoreGeometry(geometry)) {
        // A laptop undocked from its projector: bring the window back on screen.
        const QScreen *screen = QGuiApplication::screenAt(frameGeometry().center());
        if (!screen)
            resize(1280, 720);
    }
    restoreState(s.value(setting::windowState));
    m_theme = s.value(setting::theme);
    if (m_theme != Theme::Light)
        setTheme(m_theme);

    ComparisonState state = m_document->state();
    Thresholds &t = state.assumptions.thresholds;
    t.maxPrefill = units::seconds(s.value(setting::maxPrefillS, units::inSeconds(t.maxPrefill)));
    t.minGeneration = units::tokensPerSecond(
        s.value(setting::minGenerationTokS, units::inTokensPerSecond(t.minGeneration)));
    t.interactivePrefill = units::seconds(
        s.value(setting::interactivePrefillS, units::inSeconds(t.interactivePrefill)));
    t.backgroundTotal =
        units::seconds(s.value(setting::backgroundTotalS, units::inSeconds(t.backgroundTotal)));
    t.offlineTotal =
        units::seconds(s.value(setting::offlineTotalS, units::inSeconds(t.offlineTotal)));
    state.assumptions.electricityEurPerKwh =
        s.value(setting::electricityEurPerKwh, state.assumptions.electricityEurPerKwh);
    m_document->reset(state);
    if (s.fromNewerVersion())
        m_guidance->showNotice(
            tr("Your settings were saved by a newer version of this program (settings format "
               "%1; this version knows %2). They are used as far as this version understands "
               "them, and the file is left as it is: what you change here (window size, "
               "thresholds, recent files) is not kept.")
                .arg(s.fileFormat())
                .arg(kSettingsFormat));
}

void MainWindow::writeSettings() {
    Settings s;
    if (s.fromNewerVersion())
        return; // said once at start (readSettings); the newer version's file stays as it is
    s.setValue(setting::windowGeometry, saveGeometry());
    s.setValue(setting::windowState, saveState());
    s.setValue(setting::theme, m_theme);
    const Assumptions &a = m_document->state().assumptions;
    s.setValue(setting::maxPrefillS, units::inSeconds(a.thresholds.maxPrefill));
    s.setValue(setting::minGenerationTokS, units::inTokensPerSecond(a.thresholds.minGeneration));
    s.setValue(setting::interactivePrefillS, units::inSeconds(a.thresholds.interactivePrefill));
    s.setValue(setting::backgroundTotalS, units::inSeconds(a.thresholds.backgroundTotal));
    s.setValue(setting::offlineTotalS, units::inSeconds(a.thresholds.offlineTotal));
    s.setValue(setting::electricityEurPerKwh, a.electricityEurPerKwh);
}

} // namespace llm::ui
