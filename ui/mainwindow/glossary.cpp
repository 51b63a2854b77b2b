// SPDX-License-Identifier: MIT
#include "glossary.h"

#include <QCoreApplication>

namespace llm::ui {

QString glossary(Term term) {
    const auto tr = [](const char *s) { return QCoreApplication::translate("llm::ui", s); };
    switch (term) {
    case Term::CpuFamily:
        return tr("Narrows the CPU list: desktop (2 memory channels), workstation (4-8), server "
                  "(8-12), mobile (laptops, mini PCs).");
    case Term::Cpu:
        return tr("The processor. Type any part of its name to search (\"7970\", \"epyc\"). It "
                  "decides how many memory channels and PCIe lanes the build can have.");
    case Term::Channels:
        return tr("Memory channels: independent 64-bit paths between the CPU and its RAM. "
                  "Bandwidth grows with every populated channel, so fill them all.");
    case Term::MTs:
        return tr("MT/s (megatransfers per second): how fast the RAM moves data. DDR5-5600 means "
                  "5,600 MT/s. Each channel moves 8 bytes per transfer.");
    case Term::Capacity:
        return tr("RAM per channel (one module, or the sum of two modules on one channel). "
                  "Capacity = channels × module size; the model and its KV cache must fit.");
    case Term::Gpu:
        return tr("Graphics card. Its own memory (VRAM) is much faster than system RAM; a model "
                  "that fits in VRAM generates text many times faster.");
    case Term::GpuCount:
        return tr("How many of this GPU. Each needs a PCIe slot with at least 8 lanes; the CPU's "
                  "lanes limit how many fit.");
    case Term::MultiGpu:
        return tr("How several GPUs share a model. Layer split (llama.cpp's default) does not add "
                  "their bandwidth up for one user; tensor parallel roughly does.");
    case Term::Bandwidth:
        return tr("Memory bandwidth: bytes per second the processor can read from memory. Token "
                  "generation reads the whole model for every token, so it sets the speed.");
    case Term::Ccd:
        return tr("CCD (core complex die): one of the chiplets of an AMD Ryzen/EPYC CPU. Each CCD "
                  "has its own link to memory, so few CCDs can cap the bandwidth.");
    case Term::Fclk:
        return tr("FCLK (fabric clock): the clock of AMD's Infinity Fabric linking CCDs to the "
                  "memory controller. CPU-side bandwidth = CCDs × 32 bytes × FCLK.");
    case Term::Prefill:
        return tr("Prefill (prompt processing): reading the input before the first output token. "
                  "Limited by compute (cores, AVX-512, GPU tensor cores).");
    case Term::TokensPerSecond:
        return tr("Tokens per second. A token is about ¾ of an English word; 10 tok/s is roughly "
                  "reading speed.");
    case Term::Quantization:
        return tr("Quantization: weights stored with fewer bits (Q4_K_M ≈ 4.8 bits per weight). "
                  "Smaller and faster, with a small loss of quality.");
    case Term::KvCache:
        return tr("KV cache: the model's memory of the conversation so far. It grows with the "
                  "context length and must fit beside the weights.");
    case Term::Model:
        return tr("The language model every build is compared on. Type to search.");
    case Term::UseCase:
        return tr("A typical job: a prompt of some length and an answer of some length. UC1-UC4 "
                  "are LocalScore's tests; add your own.");
    case Term::Thresholds:
        return tr("A use case passes when its prompt is processed within the prefill limit and "
                  "output comes at least at the generation limit.");
    case Term::Efficiency:
        return tr("Measured speed as a share of the theoretical bound, fitted on published "
                  "benchmark results. An engineer may override them; overrides are marked.");
    case Term::Tariff:
        return tr("Price of electricity, for the running cost per million generated tokens.");
    case Term::Runtime:
        return tr("The inference program: llama.cpp or llamafile.");
    }
    return {};
}

} // namespace llm::ui
