// SPDX-License-Identifier: MIT
#pragma once
// llama-bench's output as it is (the formats `llama-bench -o` writes: json,
// jsonl, csv and md) read into plain rows, and those rows placed in the
// catalogue: which CPU, GPU(s), model and quantization they ran on.

#include "catalog.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace llm::db {

// One llama-bench test (one line of its table), the fields as llama-bench names them.
struct BenchRow {
    int number = 0; // 1-based position in the file (the table row, the JSON object)
    QString buildCommit;
    QString buildNumber;
    QString cpuInfo;
    QString gpuInfo; // "" on a CPU-only build; several GPUs are listed with ", "
    QString backends;
    QString modelFilename;
    QString modelType; // "qwen2 7B Q4_K - Medium"
    std::optional<double> modelSizeBytes;
    std::optional<double> modelParams;
    std::optional<int> nBatch, nUbatch, nThreads, nGpuLayers;
    QString typeK, typeV;
    std::optional<bool> flashAttn;
    int nPrompt = 0, nGen = 0, nDepth = 0;
    QString testTime; // ISO date-time of the run, "" when not printed (markdown)
    double avgTs = 0;
    std::optional<double> stddevTs;
    std::optional<int> repetitions; // samples behind avg_ts (JSON samples_ts)
    QString test() const;           // "pp512", "tg128", "pp512+tg128", "tg128 @ d4096"
};

struct BenchFile {
    QString format; // "json", "jsonl", "csv", "md"
    QList<BenchRow> rows;
};

// A problem with the file or one of its rows: the field it is about ("file",
// or a llama-bench field such as "gpu_info") and one plain sentence.
struct BenchProblem {
    QString field;
    QString message;
};

// Reads llama-bench output. An empty file, broken JSON or CSV, and text that
// is not llama-bench output are refused with a reason.
std::optional<BenchFile> parseLlamaBench(const QByteArray &data, BenchProblem *problem);

// What llama-bench cannot know, given by the user (--cpu, --gpu, ...).
struct BenchOverrides {
    QString cpu, gpu, model, quant;
    std::optional<int> gpus, channels;
    std::optional<double> mts;
};

// One placed measurement, ready to be stored (the user_measurements columns).
struct PlacedBenchRow {
    BenchRow row;
    QString runDate;      // YYYY-MM-DD
    QString hardwareKind; // "cpu", "gpu", "unified", "hybrid"
    QString cpu;          // catalogue names ("" = not named / not needed)
    QString gpu;
    int gpuCount = 0;
    std::optional<int> channels;
    std::optional<double> mts;
    QString model;
    QString quant;
    std::optional<double> paramsB;
    std::optional<double> fileGb;
    QString notes; // what was assumed, in plain words
};

struct SkippedBenchRow {
    int number = 0;
    QString test;
    QString reason;
};

struct PlacedBench {
    QList<PlacedBenchRow> rows;
    QList<SkippedBenchRow> skipped;
};

// Places every row in the catalogue. A name it cannot place (a CPU, a GPU, a
// model or a quantization the catalogue does not have, or two kinds of GPU)
// refuses the whole file: *problem names the field and offers the closest
// catalogue names. Tests the estimator cannot compare with (a prompt test at
// a context depth, a combined pp+tg test) are listed in `skipped`.
// `today` (YYYY-MM-DD) dates the rows whose output carries no date (markdown).
std::optional<PlacedBench> placeBenchRows(const BenchFile &file, const Catalog &catalog,
                                          const BenchOverrides &overrides, const QString &today,
                                          BenchProblem *problem);

// The quantization named by llama.cpp's file type text ("Q4_K - Medium" ->
// "Q4_K_M", "IQ4_XS - 4.25 bpw" -> "IQ4_XS", "mostly Q4_0" -> "Q4_0").
QString quantFromModelType(const QString &modelType);

} // namespace llm::db
