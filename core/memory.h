// SPDX-License-Identifier: MIT
#pragma once
// Weight and KV-cache sizes (shared/data/models.md).

#include "model.h"
#include "units.h"

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
// Marginal KV bytes read per generated token at context n (what generation streams).
units::Bytes kvBytesReadAt(const Model &model, units::Tokens context, double bytesPerElement);
// FLOPs to process one prompt token at context position n: 2 x active params
// plus attention (per models.md).
units::FlopsPerToken prefillFlopsPerToken(const Model &model, units::Tokens context);

} // namespace llm
