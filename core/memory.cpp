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

units::Bytes weightBytesPerToken(const ModelChoice &choice) {
    return activeShare(choice.model) * weightBytes(choice);
}

units::Bytes routedExpertBytes(const ModelChoice &choice) {
    const Model &m = choice.model;
    const double total = positiveOrZero(m.paramsTotal);
    if (!m.moe || total <= 0)
        return units::bytes(0);
    const double share = std::min(1.0, positiveOrZero(m.routedExpertParams) / total);
    return share * weightBytes(choice);
}

units::Bytes kvCacheBytes(const Model &model, units::Tokens context, double bytesPerElement,
                          units::Tokens microBatch) {
    const double n = positiveOrZero(units::inTokens(context));
    // pad256(min(n, window + ubatch)): llama.cpp PR #13833 (models.md 3b).
    const double window =
        positiveOrZero(model.slidingWindow) + positiveOrZero(units::inTokens(microBatch));
    const double cells = std::ceil(std::min(n, window) / kSwaCellPadding) * kSwaCellPadding;
    return units::bytes(detail::perLayerKvElements(model) * positiveOrZero(bytesPerElement) *
                        detail::cachedTokenLayers(model, n, cells));
}

units::Bytes kvCacheBytes(const Model &model, units::Tokens context, double bytesPerElement) {
    return kvCacheBytes(model, context, bytesPerElement, kLlamaCppDefaultMicroBatch);
}

} // namespace llm
