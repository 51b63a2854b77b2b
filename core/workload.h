// SPDX-License-Identifier: MIT
#pragma once
// Use cases (LocalScore's scenarios) and the thresholds a verdict is judged by.

#include "units.h"

#include <string>
#include <vector>

namespace llm {

struct UseCase {
    std::string id;          // "UC1", or the user's own name
    std::string description; // "Classification, sentiment analysis, keyword extraction"
    units::Tokens promptTokens{};
    units::Tokens generatedTokens{};

    bool operator==(const UseCase &) const = default;
};

// The seed's four use cases (LocalScore's tests 1, 2, 6 and 7).
std::vector<UseCase> seedUseCases();

// What one of the seed's use cases is for, in plain words ("Classify / extract"
// for UC1), when `useCase` is one of them (same id and token counts); else
// nullptr (the user's own use cases are known by the name they gave). English
// source text: the window passes it through its translations.
const char *seedUseCaseTitle(const UseCase &useCase);

struct Thresholds {
    units::Seconds maxPrefill = units::seconds(10);              // pass: prompt processed within
    units::TokenRate minGeneration = units::tokensPerSecond(10); // pass: output at least
    units::Seconds interactivePrefill = units::seconds(3);       // interactive: prefill below
    units::Seconds backgroundTotal = units::seconds(300);        // background: total within
    units::Seconds offlineTotal = units::hours(4);               // off-line: total within

    bool operator==(const Thresholds &) const = default;
};

struct Workload {
    std::vector<UseCase> useCases;
    // Context window the runtime is started with (llama.cpp -c): its KV cache is
    // allocated whole, so memory fit plans for the larger of this and the longest
    // use case. Zero: just the longest use case. Speeds do not change (only the
    // filled part of the cache is read).
    units::Tokens reservedContext{};

    bool operator==(const Workload &) const = default;
};

} // namespace llm
