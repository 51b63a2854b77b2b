// SPDX-License-Identifier: MIT
#pragma once
// The What if tab in plain words: each change as a sentence a buyer reads
// ("Add a second RTX 5090: ≈ +1,700 EUR (new total ≈ 5,000 EUR) → all 4 needs
// met, with 2.1× the required writing speed"), why a change is not offered,
// each build's cheapest fix, and the headroom of the needs a build meets.
// Facts come from core (whatIfs, decide, headroom); only the wording is here.

#include "decision.h"
#include "decisiontext.h"
#include "headroom.h"
#include "whatif.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace llm::ui {

class WhatIfWords final {
    Q_DECLARE_TR_FUNCTIONS(llm::ui::WhatIfWords)
public:
    // What the change does, without identifiers: "Add a second NVIDIA GeForce RTX 5090".
    static QString change(WhatIfChange change, const Build &before, const Build &after,
                          const ModelChoice &modelBefore, const ModelChoice &modelAfter);
    static QString change(const WhatIf &w, const Build &before, const ModelChoice &modelBefore);
    // Short name of a kind of change, for a change that cannot be made ("Faster memory").
    static QString kind(WhatIfChange change);

    // "≈ +1,700 EUR (new total ≈ 5,000 EUR)", "saves ≈ 300 EUR (…)", "no extra cost"; empty for
    // the doubled workload (not something one buys).
    static QString cost(const WhatIf &w, const ShownPrice &buildPrice);
    // "all 4 needs met, with 2.1× the required writing speed", "all 4 needs met, but 1
    // only just — ask for a benchmark", "3 of 4 needs met (was 1)", ...
    static QString outcome(const WhatIf &w, const Estimate &before, const Thresholds &t);
    // change: cost → outcome.
    static QString sentence(const WhatIf &w, const Build &before, const ModelChoice &modelBefore,
                            const ShownPrice &buildPrice, const Estimate &estimateBefore,
                            const Thresholds &t);
    // Why a change is not offered: "Another graphics card: the build has no graphics card".
    static QString notOffered(const WhatIf &w, OfferProblem problem, const Build &before,
                              const ModelChoice &modelBefore, const ShownPrice &buildPrice);

    // The cheapest fixes of decide() in these words, for scenario::decisionSentence:
    // "Add a second NVIDIA GeForce RTX 5090". `builds` are the summary's, same order.
    static scenario::FixWording fixWording(std::vector<Build> builds, ModelChoice model);

    // One line of "what would make each build meet every need?".
    static QString fixLine(const BuildDecision &decision, const Build &build);

    // The headroom of the needs the build meets now, one line each; a build that
    // meets none gets one line saying so (never users served).
    struct HeadroomInput {
        const Build *build = nullptr;
        const ModelChoice *model = nullptr;
        const std::vector<UseCase> *needs = nullptr; // same order as headroom.useCases
        const Headroom *headroom = nullptr;
        const Assumptions *assumptions = nullptr;
        const Catalog *catalog = nullptr;
        bool fits = false;
    };
    static QStringList headroomLines(const HeadroomInput &in);

    // A rough page of prose: about 500 words at about 1.3 tokens per English word.
    static constexpr double kTokensPerPage = 650;
};

} // namespace llm::ui
