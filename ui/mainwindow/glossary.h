// SPDX-License-Identifier: MIT
#pragma once
// Plain-language explanations of every term the window shows, for tooltips and
// What's This. One place, so the window and the report say the same thing.

#include <QList>
#include <QString>

namespace llm::ui {

enum class Term {
    CpuFamily,
    Cpu,
    Channels,
    MTs,
    Capacity,
    Gpu,
    GpuCount,
    MultiGpu,
    Bandwidth,
    Ccd,
    Fclk,
    Prefill,
    TokensPerSecond,
    Quantization,
    KvCache,
    Model,
    UseCase,
    Thresholds,
    Efficiency,
    Tariff,
    Runtime,
    ReadingSpeed,
    WritingSpeed,
    AnswerStarts,
    FitsInMemory,
    FourBit,
    Price,
    Need,
    Borderline,
};

QString glossary(Term term);
// The term itself, as the glossary lists it ("Writing speed").
QString glossaryTitle(Term term);
// Every term, plain ones first.
QList<Term> glossaryTerms();

} // namespace llm::ui
