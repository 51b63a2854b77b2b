// SPDX-License-Identifier: MIT
#include "glossary.h"

#include "uitext.h"

namespace llm::ui {

QString glossary(Term term) {
    switch (term) {
    case Term::CpuFamily:
        return UiText::tr(
            "Narrows the CPU list: desktop (2 memory channels), workstation (4-8), server "
            "(8-12), mobile (laptops, mini PCs).");
    case Term::Cpu:
        return UiText::tr(
            "The processor. Type any part of its name to search (\"7970\", \"epyc\"). It "
            "decides how many memory channels and PCIe lanes the build can have.");
    case Term::Channels:
        return UiText::tr("Memory channels: independent 64-bit paths between the CPU and its RAM. "
                          "Bandwidth grows with every populated channel, so fill them all.");
    case Term::MTs:
        return UiText::tr(
            "MT/s (megatransfers per second): how fast the RAM moves data. DDR5-5600 means "
            "5,600 MT/s. Each channel moves 8 bytes per transfer.");
    case Term::Capacity:
        return UiText::tr(
            "RAM per channel (one module, or the sum of two modules on one channel). "
            "Capacity = channels × module size; the model and its KV cache must fit.");
    case Term::Gpu:
        return UiText::tr(
            "Graphics card. Its own memory (VRAM) is much faster than system RAM; a model "
            "that fits in VRAM generates text many times faster.");
    case Term::GpuCount:
        return UiText::tr(
            "How many of this GPU. Each needs a PCIe slot with at least 8 lanes; the CPU's "
            "lanes limit how many fit.");
    case Term::MultiGpu:
        return UiText::tr(
            "How several GPUs share a model. Layer split (llama.cpp's default) does not add "
            "their bandwidth up for one user; tensor parallel roughly does.");
    case Term::Bandwidth:
        return UiText::tr(
            "Memory bandwidth: bytes per second the processor can read from memory. Token "
            "generation reads the whole model for every token, so it sets the speed.");
    case Term::Ccd:
        return UiText::tr(
            "CCD (core complex die): one of the chiplets of an AMD Ryzen/EPYC CPU. Each CCD "
            "has its own link to memory, so few CCDs can cap the bandwidth. A single-chip "
            "AMD APU counts its CPU complexes here: each has the same kind of link.");
    case Term::Fclk:
        return UiText::tr(
            "FCLK (fabric clock): the clock of AMD's Infinity Fabric linking CCDs to the "
            "memory controller. CPU-side bandwidth = CCDs × 32 bytes × FCLK.");
    case Term::Prefill:
        return UiText::tr(
            "Prefill (prompt processing): reading the input before the first output token. "
            "Limited by compute (cores, AVX-512, GPU tensor cores).");
    case Term::TokensPerSecond:
        return UiText::tr(
            "Tokens per second. A token is about ¾ of an English word; 10 tok/s is roughly "
            "reading speed.");
    case Term::Quantization:
        return UiText::tr(
            "Quantization: weights stored with fewer bits (Q4_K_M ≈ 4.8 bits per weight). "
            "Smaller and faster, with a small loss of quality.");
    case Term::KvCache:
        return UiText::tr(
            "KV cache: the model's memory of the conversation so far. It grows with the "
            "context length and must fit beside the weights.");
    case Term::Model:
        return UiText::tr("The language model every build is compared on. Type to search.");
    case Term::UseCase:
        return UiText::tr(
            "A typical job: a prompt of some length and an answer of some length. UC1-UC4 "
            "are LocalScore's tests; add your own.");
    case Term::Thresholds:
        return UiText::tr(
            "A use case passes when its prompt is processed within the prefill limit and "
            "output comes at least at the generation limit.");
    case Term::Efficiency:
        return UiText::tr(
            "Measured speed as a share of the theoretical bound, fitted on published "
            "benchmark results. An engineer may override them; overrides are marked.");
    case Term::Tariff:
        return UiText::tr(
            "Price of electricity, for the running cost per million generated tokens.");
    case Term::Runtime:
        return UiText::tr("The inference program: llama.cpp or llamafile.");
    case Term::ReadingSpeed:
        return UiText::tr(
            "How fast the machine reads your question and documents before it answers, "
            "in tokens per second. Engineers call it prompt processing or prefill.");
    case Term::WritingSpeed:
        return UiText::tr(
            "How fast the answer appears, in tokens per second. 10 tokens per second is "
            "about the speed at which people read; below that, waiting is noticeable. "
            "Engineers call it token generation.");
    case Term::AnswerStarts:
        return UiText::tr(
            "Seconds from sending a question until the first word of the answer: the "
            "time to read the question and its documents. A need passes when this stays "
            "within its limit (10 s unless changed under Assumptions).");
    case Term::FitsInMemory:
        return UiText::tr(
            "The model and its working memory must fit in the build's memory (RAM, and "
            "the graphics card's memory if there is one). If not, it does not run.");
    case Term::FourBit:
        return UiText::tr(
            "4-bit standard quality (Q4_K_M): the model stored with about 4.8 bits per "
            "number instead of 16. A quarter of the size and much faster, with a small "
            "loss of quality that is rarely noticed. 8-bit is closer to the original "
            "and twice the size.");
    case Term::Price:
        return UiText::tr(
            "Estimated purchase price of the whole build in euros: US list prices of the "
            "parts converted to euros, plus RAM and an allowance for the rest of the "
            "machine. Not a quote; VAT not included.");
    case Term::Need:
        return UiText::tr("A need (use case) is a typical job: a question of some length and an "
                          "answer of some length. It passes when the answer starts in time and is "
                          "written at least at reading speed.");
    case Term::Borderline:
        return UiText::tr(
            "Borderline: passes with the estimated speed, but could miss the target if "
            "the machine turns out at the slow end of the estimate's range.");
    }
    return {};
}

QString glossaryTitle(Term term) {
    switch (term) {
    case Term::CpuFamily:
        return UiText::tr("CPU family");
    case Term::Cpu:
        return UiText::tr("CPU (processor)");
    case Term::Channels:
        return UiText::tr("Memory channels");
    case Term::MTs:
        return UiText::tr("MT/s (memory speed)");
    case Term::Capacity:
        return UiText::tr("Memory capacity");
    case Term::Gpu:
        return UiText::tr("GPU (graphics card)");
    case Term::GpuCount:
        return UiText::tr("Number of GPUs");
    case Term::MultiGpu:
        return UiText::tr("Multi-GPU mode");
    case Term::Bandwidth:
        return UiText::tr("Memory bandwidth");
    case Term::Ccd:
        return UiText::tr("CCD (chiplet)");
    case Term::Fclk:
        return UiText::tr("FCLK (fabric clock)");
    case Term::Prefill:
        return UiText::tr("Prefill (prompt processing)");
    case Term::TokensPerSecond:
        return UiText::tr("Tokens per second (tok/s)");
    case Term::Quantization:
        return UiText::tr("Quantization");
    case Term::KvCache:
        return UiText::tr("KV cache");
    case Term::Model:
        return UiText::tr("Model");
    case Term::UseCase:
        return UiText::tr("Use case (UC1–UC4)");
    case Term::Thresholds:
        return UiText::tr("Thresholds (limits)");
    case Term::Efficiency:
        return UiText::tr("Efficiency factors");
    case Term::Tariff:
        return UiText::tr("Electricity tariff");
    case Term::Runtime:
        return UiText::tr("Runtime");
    case Term::ReadingSpeed:
        return UiText::tr("Reading speed");
    case Term::WritingSpeed:
        return UiText::tr("Writing speed");
    case Term::AnswerStarts:
        return UiText::tr("Seconds until the answer starts");
    case Term::FitsInMemory:
        return UiText::tr("Fits in memory");
    case Term::FourBit:
        return UiText::tr("4-bit standard quality");
    case Term::Price:
        return UiText::tr("Price");
    case Term::Need:
        return UiText::tr("Need");
    case Term::Borderline:
        return UiText::tr("Borderline");
    }
    return {};
}

QList<Term> glossaryTerms() {
    return {Term::Need,
            Term::AnswerStarts,
            Term::ReadingSpeed,
            Term::WritingSpeed,
            Term::TokensPerSecond,
            Term::FitsInMemory,
            Term::FourBit,
            Term::Price,
            Term::Borderline,
            Term::Model,
            Term::UseCase,
            Term::Thresholds,
            Term::Quantization,
            Term::Prefill,
            Term::KvCache,
            Term::Cpu,
            Term::CpuFamily,
            Term::Gpu,
            Term::GpuCount,
            Term::MultiGpu,
            Term::Channels,
            Term::MTs,
            Term::Capacity,
            Term::Bandwidth,
            Term::Ccd,
            Term::Fclk,
            Term::Efficiency,
            Term::Tariff,
            Term::Runtime};
}

} // namespace llm::ui
