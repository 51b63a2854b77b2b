// SPDX-License-Identifier: MIT
#pragma once
// Where a catalogue row came from: the program's shipped data or the user's layer.

namespace llm {

enum class DataOrigin {
    Shipped,    // the program's data, unchanged
    UserRow,    // a part the user added
    Overridden, // the user's version of a shipped part (a new price, a corrected figure)
};

} // namespace llm
