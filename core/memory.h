// SPDX-License-Identifier: MIT
#pragma once
// Weight and KV-cache sizes (shared/data/models.md).

#include "model.h"
#include "numeric.h"
#include "units.h"

#include <algorithm>

namespace llm {

// Real file size when known, else parameters x effective bits per weight / 8.
units::Bytes weightBytes(const ModelChoice &model);
// Weights read for one generated token: all of them for dense models; for MoE
// the always-active part plus the active routed experts.
units::Bytes weightBytesPerToken(const ModelChoice &model);
// Routed-expert bytes held in memory (MoE; zero for dense models).
units::Bytes routedExpertBytes(const ModelChoice &model);
// The three above at once.
struct WeightSizes {
    units::Bytes total{}, perToken{}, routed{};
};
WeightSizes weightSizes(const ModelChoice &model);
// KV cache bytes for a context of n tokens: GQA/MHA 2 x layers x kvHeads x headDim x b;
// MLA layers x (kvLoraRank + qkRopeHeadDim) x b; sliding windows per models.md 3b.
units::Bytes kvCacheBytes(const Model &model, units::Tokens context, double bytesPerElement);
// llama.cpp's default n_ubatch: windowed layers keep pad256(min(n, window + ubatch)) cells.
inline const units::Tokens kLlamaCppDefaultMicroBatch = units::tokens(512);
// As above with an explicit micro-batch (it sizes the sliding-window ring buffer).
units::Bytes kvCacheBytes(const Model &model, units::Tokens context, double bytesPerElement,
                          units::Tokens microBatch);

// What the per-token formulas read of a model, gathered once: the estimator
// evaluates KV reads and prompt FLOPs for every use case of every estimate.
struct AttentionShape {
    double kvElementsPerLayer = 0; // K and V elements one layer caches per token
    double layers = 0;
    bool windowed = false;  // AttentionKind::Sliding with a window
    double fullLayers = 0;  // windowed: layers that keep the whole context
    double window = 0;      // windowed: tokens a windowed layer attends to
    double activeFlops = 0; // 2 x active parameters
    double flopsPerKey = 0; // attention FLOPs per layer and key a query sees

    // Token-layers held (or read) at context n; windowed layers hold `windowCells`.
    double cachedTokenLayers(double n, double windowCells) const {
        if (!windowed)
            return layers * n;
        return fullLayers * n + (layers - fullLayers) * windowCells;
    }
};

AttentionShape attentionShape(const Model &model);
// kvCacheBytes of a prepared model.
units::Bytes kvCacheBytes(const AttentionShape &model, units::Tokens context,
                          double bytesPerElement, units::Tokens microBatch);

// Marginal KV bytes read per generated token at context n (what generation streams).
inline units::Bytes kvBytesReadAt(const AttentionShape &s, units::Tokens context,
                                  double bytesPerElement) {
    // A generated token attends to every cached token of a global layer and to at
    // most `window` tokens of a windowed one (models.md 4).
    const double n = positiveOrZero(units::inTokens(context));
    return units::bytes(s.kvElementsPerLayer * positiveOrZero(bytesPerElement) *
                        s.cachedTokenLayers(n, std::min(n, s.window)));
}
inline units::Bytes kvBytesReadAt(const Model &model, units::Tokens context,
                                  double bytesPerElement) {
    return kvBytesReadAt(attentionShape(model), context, bytesPerElement);
}

// FLOPs to process one prompt token at context position n: 2 x active params
// plus attention (per models.md).
inline units::FlopsPerToken prefillFlopsPerToken(const AttentionShape &s, units::Tokens context) {
    const double n = positiveOrZero(units::inTokens(context));
    const double keys = s.cachedTokenLayers(n, std::min(n, s.window));
    return units::flopsPerToken(s.activeFlops + s.flopsPerKey * keys);
}
inline units::FlopsPerToken prefillFlopsPerToken(const Model &model, units::Tokens context) {
    return prefillFlopsPerToken(attentionShape(model), context);
}

} // namespace llm
