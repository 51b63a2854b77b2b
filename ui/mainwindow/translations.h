// SPDX-License-Identifier: MIT
#pragma once
// Loads the program's translation (embedded under :/i18n by qt_add_translations)
// and Qt's own for a locale, and installs them on the application.

#include <QLocale>

namespace llm::ui {

// Returns true when the program's own translation for `locale` was found and
// installed (there is none for English, which is the source language).
bool installTranslators(const QLocale &locale = QLocale::system());

} // namespace llm::ui
