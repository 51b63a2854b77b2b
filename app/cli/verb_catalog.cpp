// SPDX-License-Identifier: MIT
// llmadvisor-cli catalog list cpus|gpus|models|quants [--format json|table] [--database
// PATH|--builtin] llmadvisor-cli catalog path [--database PATH]
#include "cli.h"
#include "scenario.h"
#include "texttable.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace llm::cli {
namespace {

using namespace Qt::StringLiterals;
using namespace llm::units;
using scenario::cpuToJson;
using scenario::gpuToJson;
using scenario::modelToJson;
using scenario::quantToJson;

QString num(double v) {
    return readableNumber(v);
}
QString price(const std::optional<double> &usd) {
    return usd ? num(*usd) : u"-"_s;
}
QString yesNo(bool b) {
    return b ? u"yes"_s : u"no"_s;
}

QString cpuTable(const Catalog &c) {
    TextTable t({{u"CPU"_s},
                 {u"Cores"_s, TextTable::Right},
                 {u"Boost GHz"_s, TextTable::Right},
                 {u"CCDs"_s, TextTable::Right},
                 {u"FCLK GHz"_s, TextTable::Right},
                 {u"Channels"_s, TextTable::Right},
                 {u"Memory"_s},
                 {u"Max MT/s"_s, TextTable::Right},
                 {u"AVX-512"_s},
                 {u"Price USD"_s, TextTable::Right}});
    for (const Cpu &cpu : c.cpus)
        t.addRow({QString::fromStdString(cpu.name), QString::number(cpu.cores),
                  num(inGigahertz(cpu.boostClock)), QString::number(cpu.ccds),
                  cpu.ccds > 0 ? num(inGigahertz(cpu.fabricClock)) : u"-"_s,
                  QString::number(cpu.memoryChannels), QString::fromStdString(cpu.memoryType),
                  QString::number(inMegatransfersPerSecond(cpu.maxMemorySpeed)),
                  cpu.avx512 ? (cpu.avx512Bf16 ? u"yes+bf16"_s : u"yes"_s) : u"no"_s,
                  price(cpu.priceUsd)});
    return t.render();
}

QString gpuTable(const Catalog &c) {
    TextTable t({{u"GPU"_s},
                 {u"VRAM GB"_s, TextTable::Right},
                 {u"GB/s"_s, TextTable::Right},
                 {u"FP16 TFLOPS"_s, TextTable::Right},
                 {u"TDP W"_s, TextTable::Right},
                 {u"Integrated"_s},
                 {u"Price USD"_s, TextTable::Right}});
    for (const Gpu &gpu : c.gpus)
        t.addRow({QString::fromStdString(gpu.name), num(inGigabytes(gpu.vram)),
                  num(inGigabytesPerSecond(gpu.bandwidth)),
                  num(inTeraflopsPerSecond(gpu.fp16Tensor)), num(inWatts(gpu.tdp)),
                  yesNo(gpu.integrated), price(gpu.priceUsd)});
    return t.render();
}

QString modelTable(const Catalog &c) {
    TextTable t({{u"Model"_s},
                 {u"Params B"_s, TextTable::Right},
                 {u"Active B"_s, TextTable::Right},
                 {u"Layers"_s, TextTable::Right},
                 {u"KV heads"_s, TextTable::Right},
                 {u"Head dim"_s, TextTable::Right},
                 {u"Attention"_s},
                 {u"Max context"_s, TextTable::Right}});
    for (const Model &m : c.models)
        t.addRow({QString::fromStdString(m.name), num(m.paramsTotal / 1e9),
                  num(m.paramsActive / 1e9), QString::number(m.layers), QString::number(m.kvHeads),
                  QString::number(m.headDim), modelToJson(m).value(u"attention"_s).toString(),
                  QString::number(m.maxContext)});
    return t.render();
}

QString quantTable(const Catalog &c) {
    TextTable t({{u"Quantization"_s}, {u"Bits per weight"_s, TextTable::Right}});
    for (const Quantization &q : c.quants)
        t.addRow({QString::fromStdString(q.name), QString::number(q.bitsPerWeight, 'f', 3)});
    return t.render();
}

QString originName(DataOrigin origin) {
    switch (origin) {
    case DataOrigin::UserRow:
        return u"user"_s;
    case DataOrigin::Overridden:
        return u"overridden"_s;
    case DataOrigin::Shipped:
        break;
    }
    return u"shipped"_s;
}

// Each row as in a scenario file, plus where it comes from: "shipped" (the
// built-in data), "user" (a row of your own), "overridden" (your version of a
// built-in row).
template <class T, class Fn> QByteArray jsonList(const std::vector<T> &items, Fn toJson) {
    QJsonArray a;
    for (const T &item : items) {
        QJsonObject o = toJson(item);
        o.insert(u"origin"_s, originName(item.origin));
        a.append(o);
    }
    return QJsonDocument(a).toJson(QJsonDocument::Indented);
}

} // namespace

int runCatalog(const QStringList &arguments) {
    if (arguments.value(1) == u"import"_s || arguments.value(1) == u"export"_s)
        return runCatalogIo(arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The hardware and model catalogue: your catalogue (the built-in parts with your own "
        u"rows and changed prices), another file with --database, or the built-in data only "
        u"with --builtin. Actions:\n"
        u"  list TABLE         list cpus, gpus, models or quants\n"
        u"  path               print where your catalogue file is\n"
        u"  import FILE        add or replace your own rows from a CSV, JSON or pack file\n"
        u"                     (see: llmadvisor-cli catalog import --help)\n"
        u"  export TABLE|pack  write rows as CSV or JSON, or your rows as a pack\n"
        u"                     (see: llmadvisor-cli catalog export --help)"_s);
    parser.addPositionalArgument(u"action"_s, u"list, path, import or export."_s);
    parser.addPositionalArgument(u"table"_s, u"list: cpus, gpus, models or quants."_s);
    parser.addOption(formatOption());
    parser.addOptions(catalogueOptions());
    if (const auto exit = parseVerbArguments(parser, arguments))
        return *exit;
    const auto format = readFormat(parser);
    if (!format)
        return kExitBadInput;

    const QStringList pos = parser.positionalArguments();
    if (pos.value(0) == u"path"_s) {
        if (pos.size() > 1)
            return badInput(u"arguments"_s, u"unexpected \""_s + pos.at(1) + u"\" after path"_s);
        if (parser.isSet(u"builtin"_s))
            return badInput(u"--builtin"_s, u"the built-in catalogue is not a file"_s);
        const std::optional<QString> path = databasePath(parser);
        if (!path)
            return kExitBadInput;
        writeStdout(QDir::toNativeSeparators(QFileInfo(*path).absoluteFilePath()) + u'\n');
        return kExitOk;
    }
    if (pos.value(0) != u"list"_s)
        return badInput(u"action"_s,
                        pos.isEmpty()
                            ? u"missing; use: catalog list TABLE, catalog path, "
                              u"catalog import FILE or catalog export TABLE|pack"_s
                            : u"unknown action \""_s + pos.value(0) +
                                  u"\"; use \"list\", \"path\", \"import\" or \"export\""_s);
    if (pos.size() != 2)
        return badInput(u"table"_s, pos.size() < 2 ? u"missing; use cpus, gpus, models or quants"_s
                                                   : u"only one table at a time"_s);
    const QString table = pos.at(1);
    const QStringList tables{u"cpus"_s, u"gpus"_s, u"models"_s, u"quants"_s};
    if (!tables.contains(table))
        return badInput(u"table"_s,
                        u"unknown table \""_s + table + u"\"; use cpus, gpus, models or quants"_s);

    int exitCode = kExitOk;
    const auto catalog = readCatalogue(parser, &exitCode);
    if (!catalog)
        return exitCode;
    const bool json = *format == Format::Json;
    if (table == u"cpus"_s)
        writeStdout(json ? jsonList(catalog->cpus, cpuToJson) : cpuTable(*catalog).toUtf8());
    else if (table == u"gpus"_s)
        writeStdout(json ? jsonList(catalog->gpus, gpuToJson) : gpuTable(*catalog).toUtf8());
    else if (table == u"models"_s)
        writeStdout(json ? jsonList(catalog->models, modelToJson) : modelTable(*catalog).toUtf8());
    else
        writeStdout(json ? jsonList(catalog->quants, quantToJson) : quantTable(*catalog).toUtf8());
    return kExitOk;
}

} // namespace llm::cli
