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
// KV cache bytes for a context of n tokens: GQA/MHA 2 x layers x kvHeads x headDim x b;
// MLA layers x (kvLoraRank + qkRopeHeadDim) x b; sliding windows per models.md 3b.
units::Bytes kvCacheBytes(const Model &model, units::Tokens context, double bytesPerElement);
// llama.cpp's default n_ubatch: windowed layers keep pad256(min(n, window + ubatch)) cells.
inline const units::Tokens kLlamaCppDefaultMicroBatch = units::tokens(512);
// As above with an explicit micro-batch (it sizes the sliding-window ring buffer).
units::Bytes kvCacheBytes(const Model &model, units::Tokens context, double bytesPerElement,
                          units::Tokens microBatch);

// Inline below: the estimator evaluates these for every use case of every estimate.

namespace detail {

// K and V elements one layer caches per token.
inline double perLayerKvElements(const Model &m) {
    switch (m.attention) {
    case AttentionKind::Mla:
        return positiveOrZero(m.kvLoraRank) + positiveOrZero(m.qkRopeHeadDim);
    case AttentionKind::Mha: {
        const int heads = m.kvHeads > 0 ? m.kvHeads : m.heads;
        return 2.0 * positiveOrZero(heads) * positiveOrZero(m.headDim);
    }
    case AttentionKind::Gqa:
    case AttentionKind::Sliding:
        return 2.0 * positiveOrZero(m.kvHeads) * positiveOrZero(m.headDim);
    }
    return 0;
}

// Token-layers held (or read) at context n; windowed layers hold `windowCells`.
inline double cachedTokenLayers(const Model &m, double n, double windowCells) {
    const double layers = positiveOrZero(m.layers);
    if (m.attention != AttentionKind::Sliding || m.slidingWindow <= 0)
        return layers * n;
    const double full = std::clamp(static_cast<double>(m.fullAttentionLayers), 0.0, layers);
    return full * n + (layers - full) * windowCells;
}

} // namespace detail

// Marginal KV bytes read per generated token at context n (what generation streams).
inline units::Bytes kvBytesReadAt(const Model &model, units::Tokens context,
                                  double bytesPerElement) {
    // A generated token attends to every cached token of a global layer and to at
    // most `window` tokens of a windowed one (models.md 4).
    const double n = positiveOrZero(units::inTokens(context));
    return units::bytes(
        detail::perLayerKvElements(model) * positiveOrZero(bytesPerElement) *
        detail::cachedTokenLayers(model, n, std::min(n, positiveOrZero(model.slidingWindow))));
}

// FLOPs to process one prompt token at context position n: 2 x active params
// plus attention (per models.md).
inline units::FlopsPerToken prefillFlopsPerToken(const Model &model, units::Tokens context) {
    // 2 FLOPs per active parameter, plus Q·Kᵀ and softmax·V over the keys a
    // query sees: 4 · heads · headDim per layer and key (models.md 4). MLA in
    // absorbed form: 2·h·(rank + rope) + 2·h·rank per key.
    const double active = positiveOrZero(model.moe && model.paramsActive > 0 ? model.paramsActive
                                                                             : model.paramsTotal);
    const double n = positiveOrZero(units::inTokens(context));
    const double heads = positiveOrZero(model.heads);
    double perKey = 4.0 * heads * positiveOrZero(model.headDim);
    if (model.attention == AttentionKind::Mla && model.kvLoraRank > 0)
        perKey =
            2.0 * heads * (positiveOrZero(model.kvLoraRank) + positiveOrZero(model.qkRopeHeadDim)) +
            2.0 * heads * positiveOrZero(model.kvLoraRank);
    const double keys =
        detail::cachedTokenLayers(model, n, std::min(n, positiveOrZero(model.slidingWindow)));
    return units::flopsPerToken(2.0 * active + perKey * keys);
}

} // namespace llm
