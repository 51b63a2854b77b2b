// SPDX-License-Identifier: MIT
#include "catalog.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>

namespace llm {

namespace {

constexpr std::size_t kMaxSuggestions = 5;
// Unknown names are ranked by edit distance on at most this many leading
// characters: catalogue names are far shorter, and a pasted paragraph (or a
// fuzzer's megabyte) must not cost length x name length x rows.
constexpr std::size_t kComparedChars = 96;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char &ch : out)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

// Space, hyphen and underscore separate words; everything else is part of one.
std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : s) {
        if (ch == ' ' || ch == '-' || ch == '_' || ch == '\t') {
            if (!cur.empty())
                out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
        }
    }
    if (!cur.empty())
        out.push_back(std::move(cur));
    return out;
}

bool containsAll(const std::vector<std::string> &haystack,
                 const std::vector<std::string> &needles) {
    return std::all_of(needles.begin(), needles.end(), [&](const std::string &w) {
        return std::find(haystack.begin(), haystack.end(), w) != haystack.end();
    });
}

std::size_t overlap(const std::vector<std::string> &a, const std::vector<std::string> &b) {
    return static_cast<std::size_t>(std::count_if(a.begin(), a.end(), [&](const std::string &w) {
        return std::find(b.begin(), b.end(), w) != b.end();
    }));
}

std::size_t editDistance(const std::string &a, const std::string &b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

template <class T, class KeyFn>
Lookup<T> findBy(const std::vector<T> &items, std::string_view query, KeyFn key) {
    Lookup<T> r;
    const std::string q = lower(query);
    const std::vector<std::string> qWords = words(query);
    if (qWords.empty())
        return r;

    // 1. Exact name, ignoring case.
    for (const T &item : items)
        if (lower(key(item)) == q) {
            r.match = &item;
            return r;
        }

    // 2. Short form: every query word is a whole word of the name.
    std::vector<const T *> hits;
    for (const T &item : items)
        if (containsAll(words(key(item)), qWords))
            hits.push_back(&item);
    if (hits.size() == 1) {
        r.match = hits.front();
        return r;
    }
    if (hits.size() > 1) {
        // Same words, other separators ("qwen2.5 14b instruct"): that one is meant.
        const T *same = nullptr;
        int sameCount = 0;
        for (const T *h : hits) {
            std::vector<std::string> w = words(key(*h));
            std::vector<std::string> qs = qWords;
            std::sort(w.begin(), w.end());
            std::sort(qs.begin(), qs.end());
            if (w == qs) {
                same = h;
                ++sameCount;
            }
        }
        if (sameCount == 1) {
            r.match = same;
            return r;
        }
        r.ambiguous = true;
        for (const T *h : hits)
            r.candidates.push_back(key(*h));
        return r;
    }

    // 3. Unknown: the closest names, by shared words and then by edit distance.
    struct Scored {
        std::size_t shared;
        std::size_t distance;
        const T *item;
    };
    std::vector<Scored> scored;
    scored.reserve(items.size());
    const std::string compared = q.substr(0, kComparedChars);
    for (const T &item : items) {
        const std::string name = key(item);
        scored.push_back(
            {overlap(qWords, words(name)), editDistance(compared, lower(name)), &item});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored &a, const Scored &b) {
        if (a.shared != b.shared)
            return a.shared > b.shared;
        return a.distance < b.distance;
    });
    for (std::size_t i = 0; i < scored.size() && i < kMaxSuggestions; ++i)
        r.candidates.push_back(key(*scored[i].item));
    return r;
}

} // namespace

Lookup<Cpu> findCpu(const Catalog &catalog, std::string_view name) {
    return findBy(catalog.cpus, name, [](const Cpu &c) -> const std::string & { return c.name; });
}

Lookup<Gpu> findGpu(const Catalog &catalog, std::string_view name) {
    return findBy(catalog.gpus, name, [](const Gpu &g) -> const std::string & { return g.name; });
}

Lookup<Model> findModel(const Catalog &catalog, std::string_view name) {
    return findBy(catalog.models, name,
                  [](const Model &m) -> const std::string & { return m.name; });
}

Lookup<Quantization> findQuant(const Catalog &catalog, std::string_view name) {
    return findBy(catalog.quants, name,
                  [](const Quantization &q) -> const std::string & { return q.name; });
}

Lookup<UseCase> findUseCase(const Catalog &catalog, std::string_view id) {
    return findBy(catalog.useCases, id,
                  [](const UseCase &u) -> const std::string & { return u.id; });
}

Lookup<Preset> findPreset(const Catalog &catalog, std::string_view name) {
    return findBy(catalog.presets, name,
                  [](const Preset &p) -> const std::string & { return p.name; });
}

std::vector<units::TransferRate> supportedSpeeds(const Catalog &catalog, const Cpu &cpu) {
    // "DDR5 RDIMM" is a DDR5 part: compare the first word of the CPU's memory type.
    const std::vector<std::string> typeWords = words(cpu.memoryType);
    const std::string standard = typeWords.empty() ? std::string() : typeWords.front();
    const double rated = units::inMegatransfersPerSecond(cpu.maxMemorySpeed);
    std::vector<units::TransferRate> out;
    for (const MemorySpeed &s : catalog.memorySpeeds) {
        if (lower(s.standard) != standard)
            continue;
        const double mts = units::inMegatransfersPerSecond(s.speed);
        if (!(std::isfinite(mts) && mts > 0))
            continue;
        if (std::isfinite(rated) && rated > 0 && mts > rated + 0.5)
            continue;
        out.push_back(s.speed);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace llm
