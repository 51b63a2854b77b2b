// SPDX-License-Identifier: MIT
#pragma once
// A string kept inside the object up to `Capacity` characters, on the heap only
// beyond: an Estimate names its build and hardware class without a heap block
// per estimate (std::string keeps only 15 characters in place; "gpu-nvidia-
// blackwell" and most build names are longer). Immutable in place: assign a new
// value as a whole. Compares, and converts to std::string_view, as its text.

#include <array>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace llm {

template <std::size_t Capacity> class InlineString {
    static_assert(Capacity > 0 && Capacity < 255, "the size is kept in one byte");

public:
    InlineString() = default;
    InlineString(std::string_view s) { assign(s); } // NOLINT: implicit, like std::string
    InlineString(const std::string &s) { assign(s); }
    InlineString(const char *s) { assign(std::string_view(s)); }

    InlineString &operator=(std::string_view s) {
        assign(s);
        return *this;
    }
    InlineString &operator=(const std::string &s) {
        assign(s);
        return *this;
    }
    InlineString &operator=(const char *s) {
        assign(std::string_view(s));
        return *this;
    }

    void assign(std::string_view s) {
        if (s.size() <= Capacity) {
            std::memcpy(m_inline.data(), s.data(), s.size());
            m_inline[s.size()] = '\0';
            m_size = static_cast<unsigned char>(s.size());
            m_heap.clear();
        } else {
            m_heap.assign(s);
            m_size = kOnHeap;
        }
    }

    std::string_view view() const {
        return m_size == kOnHeap ? std::string_view(m_heap)
                                 : std::string_view(m_inline.data(), m_size);
    }
    operator std::string_view() const { return view(); } // NOLINT: implicit by design
    std::string str() const { return std::string(view()); }
    const char *c_str() const { return m_size == kOnHeap ? m_heap.c_str() : m_inline.data(); }
    const char *data() const { return c_str(); }
    std::size_t size() const { return view().size(); }
    bool empty() const { return size() == 0; }

    friend bool operator==(const InlineString &a, const InlineString &b) {
        return a.view() == b.view();
    }
    friend bool operator==(const InlineString &a, std::string_view b) { return a.view() == b; }
    friend bool operator==(const InlineString &a, const std::string &b) {
        return a.view() == std::string_view(b);
    }
    friend bool operator==(const InlineString &a, const char *b) {
        return a.view() == std::string_view(b);
    }

private:
    static constexpr unsigned char kOnHeap = 255;
    std::array<char, Capacity + 1> m_inline{}; // NUL-terminated
    unsigned char m_size = 0;                  // kOnHeap: the text is in m_heap
    std::string m_heap;                        // empty unless longer than Capacity
};

} // namespace llm
