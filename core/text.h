// SPDX-License-Identifier: MIT
#pragma once
// Comparing catalogue texts (vendors, sockets, form factors, memory standards,
// model families) the way users type them: ASCII letters in either case. One
// definition, so "Apple" and "apple" mean the same thing everywhere in core.

#include <cstddef>
#include <string_view>

namespace llm {

// ASCII only (catalogue texts are ASCII; std::tolower would consult the locale).
inline bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    const auto lower = [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    };
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

} // namespace llm
