// SPDX-License-Identifier: MIT
#pragma once
// Language-model value types.

#include "dataorigin.h"
#include "units.h"

#include <optional>
#include <string>

namespace llm {

enum class AttentionKind {
    Gqa,     // grouped-query attention (includes MQA)
    Mha,     // every head keeps its own K and V
    Mla,     // multi-head latent attention (DeepSeek): compressed latent cache
    Sliding, // windowed layers plus some full-attention layers (Gemma, gpt-oss, Llama 4)
};

struct Model {
    std::string name;   // model-card name without organisation, e.g. "Qwen2.5-14B-Instruct"
    std::string family; // "Qwen", "Llama", ...
    // Parameter counts are plain counts (not billions).
    double paramsTotal = 0;
    double paramsActive = 0; // == paramsTotal for dense models
    bool moe = false;
    int expertsTotal = 0;
    int expertsActive = 0;
    // Routed-expert parameters summed over all layers (MoE only). The rest of
    // the active parameters (attention, shared experts, output) are read for
    // every token whatever the routing.
    double routedExpertParams = 0;
    int layers = 0;
    int hiddenSize = 0;
    int heads = 0;
    int kvHeads = 0;
    int headDim = 0; // from the config, not hidden / heads
    AttentionKind attention = AttentionKind::Gqa;
    int slidingWindow = 0;       // tokens, for AttentionKind::Sliding
    int fullAttentionLayers = 0; // layers that keep the whole context
    int kvLoraRank = 0;          // MLA
    int qkRopeHeadDim = 0;       // MLA
    int maxContext = 0;
    std::string license;
    std::string releaseDate;
    std::string source;
    DataOrigin origin = DataOrigin::Shipped; // set from the user's catalogue layer

    bool operator==(const Model &) const = default;
};

struct Quantization {
    std::string name;                        // "Q4_K_M"
    double bitsPerWeight = 0;                // effective, whole model, as llama.cpp reports it
    DataOrigin origin = DataOrigin::Shipped; // set from the user's catalogue layer

    bool operator==(const Quantization &) const = default;
};

// A model as it will be run: weights at a quantization, optionally with the
// real file size (which wins over params x bpw when known).
struct ModelChoice {
    Model model;
    Quantization quant;
    std::optional<units::Bytes> fileSize;

    bool operator==(const ModelChoice &) const = default;
};

} // namespace llm
