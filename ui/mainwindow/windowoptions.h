// SPDX-License-Identifier: MIT
#pragma once
// The window program's command line (llmadvisor [options] [FILE]), checked in
// one testable function instead of inline in main(): every option given at
// most once, values checked (tab number, theme name), combinations that
// cannot both be honoured refused. A refusal is one line for stderr
// ("<option>: <what is wrong>"), and main() exits 2 on it, as the CLI does.

#include "theme.h"

#include <QString>
#include <QStringList>

#include <optional>

QT_BEGIN_NAMESPACE
class QCommandLineParser;
class QImage;
QT_END_NAMESPACE

namespace llm::ui {

// The main window's tabs, in the order --tab numbers them (tst_mainwindow
// checks that the window has exactly this many).
inline constexpr int kWindowTabCount = 7;

struct WindowOptions {
    std::optional<QString> file;     // the comparison to open (none: the seed)
    std::optional<QString> database; // the catalogue (none: the user's own)
    std::optional<QString> exportPdf;
    bool blackAndWhite = false; // --black-and-white: the exported report in greys only
    std::optional<QString> screenshot;
    std::optional<Theme> theme;
    std::optional<int> tab;
    // No window for the user: messages go to stderr instead of message boxes,
    // because nobody is there to close a modal box.
    bool unattended() const { return exportPdf.has_value() || screenshot.has_value(); }
};

struct WindowOptionsResult {
    enum class Action { Run, ShowHelp, ShowVersion, Refuse };
    Action action = Action::Run;
    WindowOptions options; // for Action::Run
    QString error;         // for Action::Refuse: "--tab: ..." (no "error: " prefix)
};

// Declares the options on `parser` (so parser.showHelp() / showVersion() work
// for the caller afterwards) and checks `arguments` (argv, program name first).
WindowOptionsResult parseWindowOptions(QCommandLineParser &parser, const QStringList &arguments);

// --screenshot: whether a picture can be written at `path`, checked before the
// window is shown, so an impossible target fails at once. Empty when it can;
// otherwise one line naming the file and the reason.
QString checkScreenshotTarget(const QString &path);

// Writes `image` to `path` atomically (the old file stays whole on failure) in
// the format its extension names; a name without an extension gets a PNG.
// Returns an empty string, or one line saying why nothing was written.
QString saveScreenshot(const QImage &image, const QString &path);

} // namespace llm::ui
