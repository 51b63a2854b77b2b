// SPDX-License-Identifier: MIT
// Which catalogue GPU is the integrated GPU of a CPU.
#include "scenario.h"

#include <QRegularExpression>
#include <QStringList>

namespace llm::scenario {
namespace {

using namespace Qt::StringLiterals;

// Lower-case words without the vendor and without "PRO": the PRO parts of
// Strix Halo carry the same iGPU as their consumer twins.
QStringList keyWords(const QString &name) {
    static const QStringList ignored{u"amd"_s, u"apple"_s, u"nvidia"_s, u"intel"_s, u"pro"_s};
    static const QRegularExpression separators(u"[\\s_-]+"_s);
    QStringList out;
    for (const QString &w : name.toLower().split(separators, Qt::SkipEmptyParts))
        if (!ignored.contains(w))
            out << w;
    return out;
}

// "Radeon 8050S (Ryzen AI Max 390/385)" -> the CPUs it belongs to, as key words:
// {ryzen ai max 390}, {ryzen ai max 385}.
QList<QStringList> cpusNamedBy(const QString &gpuName) {
    QList<QStringList> out;
    const qsizetype open = gpuName.indexOf(u'(');
    const qsizetype close = gpuName.lastIndexOf(u')');
    if (open < 0 || close <= open)
        return out;
    const QStringList parts = gpuName.mid(open + 1, close - open - 1).split(u'/');
    const QStringList first = keyWords(parts.value(0));
    if (first.isEmpty())
        return out;
    out << first;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        QStringList words = keyWords(parts.at(i));
        if (words.size() == 1) { // "385" stands for the first name with its last word replaced
            QStringList full = first;
            full.last() = words.front();
            words = full;
        }
        out << words;
    }
    return out;
}

} // namespace

const Gpu *integratedGpuFor(const Catalog &catalog, const Cpu &cpu) {
    // Only unified-memory parts have an iGPU worth running a model on.
    if (!cpu.unifiedBandwidth)
        return nullptr;
    const QString cpuName = QString::fromStdString(cpu.name);
    for (const Gpu &gpu : catalog.gpus) // Apple and DGX Spark: one name in both tables
        if (gpu.integrated &&
            QString::fromStdString(gpu.name).compare(cpuName, Qt::CaseInsensitive) == 0)
            return &gpu;
    const QStringList cpuWords = keyWords(cpuName);
    for (const Gpu &gpu : catalog.gpus)
        if (gpu.integrated && cpusNamedBy(QString::fromStdString(gpu.name)).contains(cpuWords))
            return &gpu;
    return nullptr;
}

} // namespace llm::scenario
