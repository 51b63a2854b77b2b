// SPDX-License-Identifier: MIT
// Text helpers shared by the writers of the report's HTML sections.
#pragma once

#include "uitext.h" // the report's words: UiText::tr, context "llm::ui"

#include <QString>

#include <string>

namespace llm::ui::html {

// A catalogue text (a part or model name) made safe to place in HTML.
inline QString esc(const std::string &s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

} // namespace llm::ui::html
