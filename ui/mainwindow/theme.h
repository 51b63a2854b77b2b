// SPDX-License-Identifier: MIT
#pragma once
// Light and dark palettes. Qt 6.4 has no colour-scheme API, so dark mode is
// Fusion plus a palette of our own; charts follow through ChartMode.

namespace llm::ui {

enum class Theme { System, Light, Dark };

// Applies the palette to the application; returns whether the result is dark.
bool applyTheme(Theme theme);

} // namespace llm::ui
