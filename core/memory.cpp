// SPDX-License-Identifier: MIT
#include "memory.h"

#include <algorithm>
#include <cmath>

namespace llm {

namespace {

// Share of all parameters that one token reads (1 for dense models).
double activeShare(const Model &m) {
    const double total = positiveOrZero(m.paramsTotal);
    if (!m.moe || total <= 0)
        return 1.0;
    const double active = positiveOrZero(m.paramsActive);
    return active > 0 ? std::min(1.0, active / total) : 1.0;
}

// llama.cpp pads the SWA ring buffer to a multiple of 256 cells (models.md 3b).
const double kSwaCellPadding = 256;

} // namespace

units::Bytes weightBytes(const ModelChoice &choice) {
    if (choice.fileSize && positiveOrZero(choice.fileSize->value()) > 0)
        return *choice.fileSize;
    const double bits =
        positiveOrZero(choice.model.paramsTotal) * positiveOrZero(choice.quant.bitsPerWeight);
    return units::bytes(bits / 8.0);
}

WeightSizes weightSizes(const ModelChoice &choice) {
    const Model &m = choice.model;
    WeightSizes w;
    w.total = weightBytes(choice);
    w.perToken = activeShare(m) * w.total;
    const double total = positiveOrZero(m.paramsTotal);
    if (m.moe && total > 0)
        w.routed = std::min(1.0, positiveOrZero(m.routedExpertParams) / total) * w.total;
    return w;
}

units::Bytes weightBytesPerToken(const ModelChoice &choice) {
    return weightSizes(choice).perToken;
}

units::Bytes routedExpertBytes(const ModelChoice &choice) {
    return weightSizes(choice).routed;
}

AttentionShape attentionShape(const Model &m) {
    AttentionShape s;
    switch (m.attention) {
    case AttentionKind::Mla:
        s.kvElementsPerLayer = positiveOrZero(m.kvLoraRank) + positiveOrZero(m.qkRopeHeadDim);
        break;
    case AttentionKind::Mha: {
        const int heads = m.kvHeads > 0 ? m.kvHeads : m.heads;
        s.kvElementsPerLayer = 2.0 * positiveOrZero(heads) * positiveOrZero(m.headDim);
        break;
    }
    case AttentionKind::Gqa:
    case AttentionKind::Sliding:
        s.kvElementsPerLayer = 2.0 * positiveOrZero(m.kvHeads) * positiveOrZero(m.headDim);
        break;
    }
    s.layers = positiveOrZero(m.layers);
    s.windowed = m.attention == AttentionKind::Sliding && m.slidingWindow > 0;
    s.fullLayers = std::clamp(static_cast<double>(m.fullAttentionLayers), 0.0, s.layers);
    s.window = positiveOrZero(m.slidingWindow);
    // 2 FLOPs per active parameter, plus Q·Kᵀ and softmax·V over the keys a
    // query sees: 4 · heads · headDim per layer and key (models.md 4). MLA in
    // absorbed form: 2·h·(rank + rope) + 2·h·rank per key.
    s.activeFlops =
        2.0 * positiveOrZero(m.moe && m.paramsActive > 0 ? m.paramsActive : m.paramsTotal);
    const double heads = positiveOrZero(m.heads);
    s.flopsPerKey = 4.0 * heads * positiveOrZero(m.headDim);
    if (m.attention == AttentionKind::Mla && m.kvLoraRank > 0)
        s.flopsPerKey =
            2.0 * heads * (positiveOrZero(m.kvLoraRank) + positiveOrZero(m.qkRopeHeadDim)) +
            2.0 * heads * positiveOrZero(m.kvLoraRank);
    return s;
}

units::Bytes kvCacheBytes(const AttentionShape &s, units::Tokens context, double bytesPerElement,
                          units::Tokens microBatch) {
    const double n = positiveOrZero(units::inTokens(context));
    // pad256(min(n, window + ubatch)): llama.cpp PR #13833 (models.md 3b).
    const double window = s.window + positiveOrZero(units::inTokens(microBatch));
    const double cells = std::ceil(std::min(n, window) / kSwaCellPadding) * kSwaCellPadding;
    return units::bytes(s.kvElementsPerLayer * positiveOrZero(bytesPerElement) *
                        s.cachedTokenLayers(n, cells));
}

units::Bytes kvCacheBytes(const Model &model, units::Tokens context, double bytesPerElement,
                          units::Tokens microBatch) {
    return kvCacheBytes(attentionShape(model), context, bytesPerElement, microBatch);
}

units::Bytes kvCacheBytes(const Model &model, units::Tokens context, double bytesPerElement) {
    return kvCacheBytes(model, context, bytesPerElement, kLlamaCppDefaultMicroBatch);
}

} // namespace llm
