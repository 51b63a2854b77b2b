// SPDX-License-Identifier: MIT
#pragma once
// A profile of the test's own, so nothing it runs reads or writes the user's
// catalogue or settings: for a child process (its environment), or for the
// test process itself.

#include <QProcessEnvironment>
#include <QString>

namespace llm::testsupport {

// The test's environment with HOME = home, XDG_DATA_HOME = home/data and
// XDG_CONFIG_HOME = home/config: for a program the test runs.
QProcessEnvironment isolatedProfile(const QString &home);

// This process's settings and data folders under `home` (XDG_CONFIG_HOME =
// home/config, XDG_DATA_HOME = home/data) and the window's identity
// (organisation and application "LlmAdvisor"). Call before anything reads a
// path or QSettings.
void useProfileIn(const QString &home);

} // namespace llm::testsupport
