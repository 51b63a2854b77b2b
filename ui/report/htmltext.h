// SPDX-License-Identifier: MIT
// Text helpers shared by the writers of the report's HTML sections.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <string>

namespace llm::ui::html {

// Translated under the context lupdate files the report's strings in.
inline QString tr(const char *s) {
    return QCoreApplication::translate("llm::ui", s);
}

// A catalogue text (a part or model name) made safe to place in HTML.
inline QString esc(const std::string &s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

} // namespace llm::ui::html
