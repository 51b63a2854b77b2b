// SPDX-License-Identifier: MIT
#include "memory.h"

#include <algorithm>
#include <cmath>

namespace llm {

namespace {

double positive(double v) {
    return std::isfinite(v) && v > 0 ? v : 0.0;
}

// Share of all parameters that one token reads (1 for dense models).
double activeShare(const Model &m) {
    const double total = positive(m.paramsTotal);
    if (!m.moe || total <= 0)
        return 1.0;
    const double active = positive(m.paramsActive);
    return active > 0 ? std::min(1.0, active / total) : 1.0;
}

// llama.cpp pads the SWA ring buffer to a multiple of 256 cells (models.md 3b).
const double kSwaCellPadding = 256;

} // namespace

units::Bytes weightBytes(const ModelChoice &choice) {
    if (choice.fileSize && positive(choice.fileSize->value()) > 0)
        return *choice.fileSize;
    const double bits = positive(choice.model.paramsTotal) * positive(choice.quant.bitsPerWeight);
    return units::bytes(bits / 8.0);
}

units::Bytes weightBytesPerToken(const ModelChoice &choice) {
    return activeShare(choice.model) * weightBytes(choice);
}

units::Bytes routedExpertBytes(const ModelChoice &choice) {
    const Model &m = choice.model;
    const double total = positive(m.paramsTotal);
    if (!m.moe || total <= 0)
        return units::bytes(0);
    const double share = std::min(1.0, positive(m.routedExpertParams) / total);
    return share * weightBytes(choice);
}

namespace {

double perLayerKvElements(const Model &m) {
    switch (m.attention) {
    case AttentionKind::Mla:
        return positive(m.kvLoraRank) + positive(m.qkRopeHeadDim);
    case AttentionKind::Mha: {
        const int heads = m.kvHeads > 0 ? m.kvHeads : m.heads;
        return 2.0 * positive(heads) * positive(m.headDim);
    }
    case AttentionKind::Gqa:
    case AttentionKind::Sliding:
        return 2.0 * positive(m.kvHeads) * positive(m.headDim);
    }
    return 0;
}

// Token-layers held (or read) at context n; windowed layers hold `windowCells`.
double cachedTokenLayers(const Model &m, double n, double windowCells) {
    const double layers = positive(m.layers);
    if (m.attention != AttentionKind::Sliding || m.slidingWindow <= 0)
        return layers * n;
    const double full = std::clamp(static_cast<double>(m.fullAttentionLayers), 0.0, layers);
    return full * n + (layers - full) * windowCells;
}

} // namespace

units::Bytes kvCacheBytes(const Model &model, units::Tokens context, double bytesPerElement,
                          units::Tokens microBatch) {
    const double n = positive(units::inTokens(context));
    // pad256(min(n, window + ubatch)): llama.cpp PR #13833 (models.md 3b).
    const double window = positive(model.slidingWindow) + positive(units::inTokens(microBatch));
    const double cells = std::ceil(std::min(n, window) / kSwaCellPadding) * kSwaCellPadding;
    return units::bytes(perLayerKvElements(model) * positive(bytesPerElement) *
                        cachedTokenLayers(model, n, cells));
}

units::Bytes kvCacheBytes(const Model &model, units::Tokens context, double bytesPerElement) {
    return kvCacheBytes(model, context, bytesPerElement, kLlamaCppDefaultMicroBatch);
}

units::Bytes kvBytesReadAt(const Model &model, units::Tokens context, double bytesPerElement) {
    // A generated token attends to every cached token of a global layer and to at
    // most `window` tokens of a windowed one (models.md 4).
    const double n = positive(units::inTokens(context));
    return units::bytes(perLayerKvElements(model) * positive(bytesPerElement) *
                        cachedTokenLayers(model, n, std::min(n, positive(model.slidingWindow))));
}

units::FlopsPerToken prefillFlopsPerToken(const Model &model, units::Tokens context) {
    // 2 FLOPs per active parameter, plus Q·Kᵀ and softmax·V over the keys a
    // query sees: 4 · heads · headDim per layer and key (models.md 4). MLA in
    // absorbed form: 2·h·(rank + rope) + 2·h·rank per key.
    const double active =
        positive(model.moe && model.paramsActive > 0 ? model.paramsActive : model.paramsTotal);
    const double n = positive(units::inTokens(context));
    const double heads = positive(model.heads);
    double perKey = 4.0 * heads * positive(model.headDim);
    if (model.attention == AttentionKind::Mla && model.kvLoraRank > 0)
        perKey = 2.0 * heads * (positive(model.kvLoraRank) + positive(model.qkRopeHeadDim)) +
                 2.0 * heads * positive(model.kvLoraRank);
    const double keys = cachedTokenLayers(model, n, std::min(n, positive(model.slidingWindow)));
    return units::flopsPerToken(2.0 * active + perKey * keys);
}

} // namespace llm
