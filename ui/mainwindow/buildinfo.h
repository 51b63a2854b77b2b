// SPDX-License-Identifier: MIT
#pragma once
// What this program is: version (from CMake, plus `git describe` of the source
// tree when it was configured from a git checkout) and where its documents are.

#include <QString>
#include <QUrl>

namespace llm::ui {

// "0.1.0", or "0.1.0 (git 7506196-dirty)" when configured from a git checkout.
QString programVersion();
// The `git describe` part alone; empty when the source had no .git at configure time.
QString gitDescribe();

// docs/estimator.md: the installed copy (share/doc/llmadvisor beside the
// executable's prefix) if present, else the source tree's copy, else an empty URL.
QUrl estimatorDocUrl();

} // namespace llm::ui
