// SPDX-License-Identifier: MIT
#pragma once
// Startup check of the user's settings file. QSettings silently reads garbage
// as odd keys (and may rewrite it), so a file that is not plain INI text is
// moved aside before anything reads it: the program starts on defaults, the
// damaged file is kept for the user, and the next start is clean.

#include <QCoreApplication>
#include <QString>

namespace llm::ui {

struct SettingsCheck {
    bool damaged = false;
    QString reason; // what is wrong with the file (when damaged)
    QString keptAs; // where the damaged file was moved (empty if it could not be moved)

    Q_DECLARE_TR_FUNCTIONS(llm::ui::SettingsCheck)
};

// Checks QSettings' default user file (organization and application names must be set).
SettingsCheck checkSettingsFile();
// Checks the given file; exposed for tests.
SettingsCheck checkSettingsFile(const QString &path);

} // namespace llm::ui
