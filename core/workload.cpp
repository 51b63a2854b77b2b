// SPDX-License-Identifier: MIT
#include "workload.h"

#include <cmath>

namespace llm {

std::vector<UseCase> seedUseCases() {
    // LocalScore's tests 1, 2, 6 and 7, as the seed document lists them.
    return {
        {"UC1", "Classification, sentiment analysis, keyword extraction", units::tokens(1024),
         units::tokens(16)},
        {"UC2", "Long document Q&A, RAG, short summary of extensive text", units::tokens(4096),
         units::tokens(256)},
        {"UC3", "Complex reasoning, chain-of-thought, long-form creative writing, code generation",
         units::tokens(1280), units::tokens(3072)},
        {"UC4", "Prompt expansion, explanation generation, creative writing, code generation",
         units::tokens(384), units::tokens(1152)},
    };
}

const char *seedUseCaseTitle(const UseCase &useCase) {
    struct Title {
        const char *id;
        long prompt, generated;
        const char *title;
    };
    static constexpr Title titles[] = {
        {"UC1", 1024, 16, "Classify / extract"},
        {"UC2", 4096, 256, "Q&A on long documents"},
        {"UC3", 1280, 3072, "Long reasoning and code"},
        {"UC4", 384, 1152, "Short writing"},
    };
    for (const Title &t : titles)
        if (useCase.id == t.id && std::lround(units::inTokens(useCase.promptTokens)) == t.prompt &&
            std::lround(units::inTokens(useCase.generatedTokens)) == t.generated)
            return t.title;
    return nullptr;
}

} // namespace llm
