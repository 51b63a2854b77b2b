// SPDX-License-Identifier: MIT
// llama-bench output (json, jsonl, csv, md) read into rows and placed in the catalogue.
#include "benchimport.h"

#include "csvtable.h"
#include "strictjson.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace llm::db {

QString BenchRow::test() const {
    QString t;
    if (nPrompt > 0 && nGen > 0)
        t = u"pp%1+tg%2"_s.arg(nPrompt).arg(nGen);
    else if (nPrompt > 0)
        t = u"pp%1"_s.arg(nPrompt);
    else
        t = u"tg%1"_s.arg(nGen);
    if (nDepth > 0)
        t += u" @ d%1"_s.arg(nDepth);
    return t;
}

namespace {

const QString kFormats = u"llama-bench -o json, jsonl, csv or md"_s;

std::optional<double> toNumber(const QString &text) {
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double v = QLocale::c().toDouble(t, &ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<int> toInt(const QString &text) {
    const std::optional<double> v = toNumber(text);
    if (!v || std::floor(*v) != *v || std::fabs(*v) > 1e9)
        return std::nullopt;
    return static_cast<int>(*v);
}

std::optional<bool> toBool(const QString &text) {
    const QString t = text.trimmed().toLower();
    if (t == u"1"_s || t == u"true"_s)
        return true;
    if (t == u"0"_s || t == u"false"_s)
        return false;
    return std::nullopt;
}

// A row's fields by llama-bench name, as text ("" when absent).
using Fields = std::function<QString(const QString &)>;

bool fail(BenchProblem *problem, const QString &field, const QString &message) {
    if (problem)
        *problem = {field, message};
    return false;
}

std::nullopt_t refuse(BenchProblem *problem, const QString &field, const QString &message) {
    fail(problem, field, message);
    return std::nullopt;
}

// The fields every llama-bench row has, in every format.
bool rowFromFields(const Fields &get, int number, BenchRow *row, BenchProblem *problem) {
    row->number = number;
    row->buildCommit = get(u"build_commit"_s);
    row->buildNumber = get(u"build_number"_s);
    row->cpuInfo = get(u"cpu_info"_s).trimmed();
    row->gpuInfo = get(u"gpu_info"_s).trimmed();
    row->backends = get(u"backends"_s).trimmed();
    row->modelFilename = get(u"model_filename"_s).trimmed();
    row->modelType = get(u"model_type"_s).trimmed();
    row->modelSizeBytes = toNumber(get(u"model_size"_s));
    row->modelParams = toNumber(get(u"model_n_params"_s));
    row->nBatch = toInt(get(u"n_batch"_s));
    row->nUbatch = toInt(get(u"n_ubatch"_s));
    row->nThreads = toInt(get(u"n_threads"_s));
    row->nGpuLayers = toInt(get(u"n_gpu_layers"_s));
    row->typeK = get(u"type_k"_s);
    row->typeV = get(u"type_v"_s);
    row->flashAttn = toBool(get(u"flash_attn"_s));
    row->testTime = get(u"test_time"_s).trimmed();
    for (const auto &[name, target] :
         {std::pair{u"n_prompt"_s, &row->nPrompt}, std::pair{u"n_gen"_s, &row->nGen},
          std::pair{u"n_depth"_s, &row->nDepth}}) {
        const QString text = get(name);
        if (text.trimmed().isEmpty() && name == u"n_depth"_s)
            continue; // older llama-bench builds have no context depth
        const std::optional<int> v = toInt(text);
        if (!v || *v < 0)
            return fail(problem, name,
                        u"entry %1: \"%2\" is not a token count"_s.arg(number).arg(text));
        *target = *v;
    }
    if (row->nPrompt == 0 && row->nGen == 0)
        return fail(problem, u"n_prompt"_s,
                    u"entry %1 has neither prompt nor generated tokens"_s.arg(number));
    const QString avg = get(u"avg_ts"_s);
    const std::optional<double> ts = toNumber(avg);
    if (!ts || *ts <= 0)
        return fail(problem, u"avg_ts"_s,
                    u"entry %1: \"%2\" is not a speed in tokens per second"_s.arg(number).arg(avg));
    row->avgTs = *ts;
    row->stddevTs = toNumber(get(u"stddev_ts"_s));
    return true;
}

// "not llama-bench output" when the first entry lacks what every llama-bench row has.
bool looksLikeBench(const std::function<bool(const QString &)> &has, BenchProblem *problem) {
    for (const QString &key : {u"avg_ts"_s, u"n_prompt"_s, u"n_gen"_s, u"model_type"_s}) {
        if (!has(key))
            return fail(problem, u"file"_s,
                        u"this is not llama-bench output: it has no \"%1\" field (give the "
                        u"output of %2)"_s.arg(key, kFormats));
    }
    return true;
}

QString jsonText(const QJsonValue &v) {
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? u"1"_s : u"0"_s;
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    return {};
}

bool rowFromJson(const QJsonObject &o, int number, BenchRow *row, BenchProblem *problem) {
    if (number == 1 &&
        !looksLikeBench([&](const QString &key) { return o.contains(key); }, problem))
        return false;
    if (!rowFromFields([&](const QString &key) { return jsonText(o.value(key)); }, number, row,
                       problem))
        return false;
    const QJsonValue samples = o.value(u"samples_ts"_s);
    if (samples.isArray() && !samples.toArray().isEmpty())
        row->repetitions = static_cast<int>(samples.toArray().size());
    return true;
}

std::optional<BenchFile> parseJson(const QByteArray &data, BenchProblem *problem) {
    const input::StrictJson json = input::readStrictJson(data);
    if (!json.ok()) {
        fail(problem, u"file"_s, json.message);
        return std::nullopt;
    }
    if (!json.document.isArray()) {
        fail(problem, u"file"_s,
             u"this is not llama-bench output: llama-bench -o json writes a list of results"_s);
        return std::nullopt;
    }
    BenchFile out{u"json"_s, {}};
    const QJsonArray array = json.document.array();
    if (array.isEmpty()) {
        fail(problem, u"file"_s, u"the list of results is empty"_s);
        return std::nullopt;
    }
    int number = 0;
    for (const QJsonValue &v : array) {
        ++number;
        if (!v.isObject()) {
            fail(problem, u"file"_s,
                 u"entry %1 is not an object; this is not llama-bench output"_s.arg(number));
            return std::nullopt;
        }
        BenchRow row;
        if (!rowFromJson(v.toObject(), number, &row, problem))
            return std::nullopt;
        out.rows.append(row);
    }
    return out;
}

std::optional<BenchFile> parseJsonl(const QByteArray &data, BenchProblem *problem) {
    BenchFile out{u"jsonl"_s, {}};
    int line = 0, number = 0;
    for (const QByteArray &text : data.split('\n')) {
        ++line;
        if (text.trimmed().isEmpty())
            continue;
        const input::StrictJson json = input::readStrictJson(text);
        if (!json.ok()) {
            fail(problem, u"file"_s,
                 u"line %1 is not valid JSON: %2"_s.arg(line).arg(json.message));
            return std::nullopt;
        }
        if (!json.document.isObject()) {
            fail(problem, u"file"_s,
                 u"line %1 is not a JSON object; this is not llama-bench -o jsonl output"_s.arg(
                     line));
            return std::nullopt;
        }
        BenchRow row;
        if (!rowFromJson(json.document.object(), ++number, &row, problem))
            return std::nullopt;
        out.rows.append(row);
    }
    return out;
}

std::optional<BenchFile> parseCsvBench(const QByteArray &data, BenchProblem *problem) {
    detail::CsvTable t;
    QString error;
    if (!detail::parseCsv(data, u"the file"_s, &t, &error)) {
        fail(problem, u"file"_s, u"not llama-bench output (not a CSV table: %1)"_s.arg(error));
        return std::nullopt;
    }
    if (!looksLikeBench([&](const QString &key) { return t.column(key) >= 0; }, problem))
        return std::nullopt;
    if (t.rows.isEmpty()) {
        fail(problem, u"file"_s, u"the table has a header but no results"_s);
        return std::nullopt;
    }
    BenchFile out{u"csv"_s, {}};
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        const QStringList &cells = t.rows[i];
        BenchRow row;
        if (!rowFromFields(
                [&](const QString &key) {
                    const int c = t.column(key);
                    return c >= 0 ? cells.value(c) : QString();
                },
                static_cast<int>(i + 1), &row, problem))
            return std::nullopt;
        out.rows.append(row);
    }
    return out;
}

QStringList markdownCells(const QString &line) {
    QString t = line.trimmed();
    if (t.startsWith(u'|'))
        t.remove(0, 1);
    if (t.endsWith(u'|'))
        t.chop(1);
    QStringList cells = t.split(u'|');
    for (QString &c : cells)
        c = c.trimmed();
    return cells;
}

// "3.56 GiB" -> bytes; "6.74 B" -> parameters.
std::optional<double> withUnit(const QString &text,
                               const QList<std::pair<QString, double>> &units) {
    const QStringList parts = text.simplified().split(u' ');
    if (parts.size() != 2)
        return std::nullopt;
    const std::optional<double> v = toNumber(parts[0]);
    if (!v)
        return std::nullopt;
    for (const auto &[unit, scale] : units)
        if (parts[1] == unit)
            return *v * scale;
    return std::nullopt;
}

std::optional<BenchFile> parseMarkdown(const QString &text, BenchProblem *problem) {
    const QStringList lines = text.split(u'\n');
    qsizetype header = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString l = lines[i].trimmed();
        if (!l.startsWith(u'|'))
            continue;
        const QStringList cells = markdownCells(l);
        if (cells.contains(u"test"_s) && cells.contains(u"t/s"_s) && cells.contains(u"model"_s)) {
            header = i;
            break;
        }
    }
    if (header < 0) {
        fail(problem, u"file"_s,
             u"this is not llama-bench output: the table has no model, test and t/s columns "
             u"(give the output of %1)"_s.arg(kFormats));
        return std::nullopt;
    }
    const QStringList names = markdownCells(lines[header]);
    const auto col = [&](const QString &name) { return names.indexOf(name); };
    QString buildCommit, buildNumber;
    static const QRegularExpression buildRe(u"^build:\\s*(\\S+)\\s*\\((\\d+)\\)"_s);
    for (const QString &l : lines)
        if (const auto m = buildRe.match(l.trimmed()); m.hasMatch()) {
            buildCommit = m.captured(1);
            buildNumber = m.captured(2);
        }
    static const QRegularExpression testRe(
        u"^(?:pp\\s*(\\d+)\\s*\\+\\s*tg\\s*(\\d+)|pp\\s*(\\d+)|tg\\s*(\\d+))(?:\\s*@\\s*d(\\d+))?$"_s);
    static const QRegularExpression rateRe(u"^([0-9.eE+-]+)\\s*(?:±\\s*([0-9.eE+-]+))?$"_s);
    BenchFile out{u"md"_s, {}};
    int number = 0;
    for (qsizetype i = header + 1; i < lines.size(); ++i) {
        const QString l = lines[i].trimmed();
        if (!l.startsWith(u'|'))
            break;
        const QStringList cells = markdownCells(l);
        if (cells.value(0).startsWith(u"---"_s) || cells.value(0).startsWith(u":-"_s))
            continue; // the line under the header
        ++number;
        if (cells.size() != names.size()) {
            fail(problem, u"file"_s,
                 u"table row %1 has %2 cells, the header has %3"_s.arg(number)
                     .arg(cells.size())
                     .arg(names.size()));
            return std::nullopt;
        }
        const auto cell = [&](const QString &name) {
            const qsizetype c = col(name);
            return c >= 0 ? cells.value(c) : QString();
        };
        const QString test = cell(u"test"_s);
        const auto t = testRe.match(test);
        if (!t.hasMatch()) {
            fail(problem, u"test"_s,
                 u"table row %1: \"%2\" is not a llama-bench test such as pp512 or tg128"_s
                     .arg(number)
                     .arg(test));
            return std::nullopt;
        }
        QString nPrompt = u"0"_s, nGen = u"0"_s;
        if (!t.captured(1).isEmpty()) {
            nPrompt = t.captured(1);
            nGen = t.captured(2);
        } else if (!t.captured(3).isEmpty()) {
            nPrompt = t.captured(3);
        } else {
            nGen = t.captured(4);
        }
        const QString depth = t.captured(5).isEmpty() ? u"0"_s : t.captured(5);
        const auto r = rateRe.match(cell(u"t/s"_s));
        const std::optional<double> size =
            withUnit(cell(u"size"_s), {{u"GiB"_s, 1073741824.0}, {u"MiB"_s, 1048576.0}});
        const std::optional<double> params =
            withUnit(cell(u"params"_s), {{u"B"_s, 1e9}, {u"M"_s, 1e6}, {u"K"_s, 1e3}});
        QString modelType = cell(u"model"_s);
        const Fields get = [&](const QString &key) -> QString {
            if (key == u"build_commit"_s)
                return buildCommit;
            if (key == u"build_number"_s)
                return buildNumber;
            if (key == u"backends"_s)
                return cell(u"backend"_s);
            if (key == u"model_type"_s)
                return modelType;
            if (key == u"model_size"_s)
                return size ? QString::number(*size, 'g', 17) : QString();
            if (key == u"model_n_params"_s)
                return params ? QString::number(*params, 'g', 17) : QString();
            if (key == u"n_gpu_layers"_s)
                return cell(u"ngl"_s);
            if (key == u"n_threads"_s)
                return cell(u"threads"_s);
            if (key == u"flash_attn"_s)
                return cell(u"fa"_s);
            if (key == u"n_prompt"_s)
                return nPrompt;
            if (key == u"n_gen"_s)
                return nGen;
            if (key == u"n_depth"_s)
                return depth;
            if (key == u"avg_ts"_s)
                return r.hasMatch() ? r.captured(1) : cell(u"t/s"_s);
            if (key == u"stddev_ts"_s)
                return r.hasMatch() ? r.captured(2) : QString();
            if (key == u"n_batch"_s || key == u"n_ubatch"_s || key == u"type_k"_s ||
                key == u"type_v"_s)
                return cell(key);
            return {}; // cpu_info, gpu_info, model_filename, test_time: not in the table
        };
        BenchRow row;
        if (!rowFromFields(get, number, &row, problem)) {
            if (problem && problem->field == u"avg_ts"_s)
                problem->field = u"t/s"_s;
            return std::nullopt;
        }
        out.rows.append(row);
    }
    if (out.rows.isEmpty()) {
        fail(problem, u"file"_s, u"the table has a header but no results"_s);
        return std::nullopt;
    }
    return out;
}

} // namespace

std::optional<BenchFile> parseLlamaBench(const QByteArray &data, BenchProblem *problem) {
    const QByteArray trimmed = data.trimmed();
    if (trimmed.isEmpty()) {
        fail(problem, u"file"_s, u"the file is empty; give the output of "_s + kFormats);
        return std::nullopt;
    }
    if (trimmed.startsWith('['))
        return parseJson(data, problem);
    if (trimmed.startsWith('{'))
        return parseJsonl(data, problem);
    const QString text = QString::fromUtf8(data);
    for (const QString &line : text.split(u'\n'))
        if (line.trimmed().startsWith(u'|'))
            return parseMarkdown(text, problem);
    return parseCsvBench(data, problem);
}

QString quantFromModelType(const QString &modelType) {
    // The last words of model_type are the file type ("llama 7B mostly Q4_0",
    // "qwen2 7B Q4_K - Medium", "llama 8B IQ4_XS - 4.25 bpw", "llama 8B IQ3_S mix - 3.66 bpw").
    static const QRegularExpression re(
        u"(?:^|\\s)(?:mostly\\s+)?((?:I?Q\\d\\w*|T?Q\\d_\\d|[BF]F?16|F32|MXFP4))(\\s+mix)?"
        u"(?:\\s*-\\s*(Small|Medium|Large|[0-9.]+\\s*bpw))?(?:\\s+MoE)?\\s*$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(modelType.trimmed());
    if (!m.hasMatch())
        return {};
    QString q = m.captured(1).toUpper();
    const QString size = m.captured(3).toLower();
    if (!m.captured(2).isEmpty() && q == u"IQ3_S"_s)
        return u"IQ3_M"_s; // llama.cpp's "IQ3_S mix" file type is IQ3_M
    if (size == u"small"_s)
        q += u"_S"_s;
    else if (size == u"medium"_s)
        q += u"_M"_s;
    else if (size == u"large"_s)
        q += u"_L"_s;
    return q;
}

namespace {

QString joined(const std::vector<std::string> &names) {
    QStringList out;
    for (const std::string &n : names)
        out << QString::fromStdString(n);
    return out.join(u", "_s);
}

// "not in the catalogue; closest: ..." or "matches several: ..." for a failed look-up.
template <class T>
QString notPlaced(const QString &what, const QString &name, const Lookup<T> &l,
                  const QString &option) {
    if (l.ambiguous)
        return u"\"%1\" matches several catalogue %2: %3; name one with %4"_s.arg(
            name, what, joined(l.candidates), option);
    return u"\"%1\" is not in the catalogue; closest %2: %3; name it with %4"_s.arg(
        name, what, joined(l.candidates), option);
}

// What llama.cpp prints for a CPU, reduced to the words the catalogue uses:
// "13th Gen Intel(R) Core(TM) i9-13900K" -> "Intel Core i9-13900K",
// "AMD Ryzen 9 7950X 16-Core Processor" -> "AMD Ryzen 9 7950X".
QString cleanCpuName(QString s) {
    static const QList<QRegularExpression> drop{
        QRegularExpression(u"\\((?:R|TM|tm|r)\\)"_s),
        QRegularExpression(u"\\b\\d+(?:st|nd|rd|th) Gen\\b"_s),
        QRegularExpression(u"\\b\\d+-Core Processor\\b"_s),
        QRegularExpression(u"\\bw(?:ith|/) Radeon.*$"_s),
        QRegularExpression(u"@\\s*[0-9.]+\\s*GHz"_s),
        QRegularExpression(u"\\bCPU\\b"_s),
        QRegularExpression(u"\\bProcessor\\b"_s),
    };
    for (const QRegularExpression &re : drop)
        s.remove(re);
    return s.simplified();
}

// "AMD Radeon RX 7900 XTX (RADV NAVI31)" -> "AMD Radeon RX 7900 XTX".
QString cleanGpuName(QString s) {
    static const QRegularExpression paren(u"\\s*\\((?:RADV|radv|LLVM|NVIDIA|AMD|Intel)[^)]*\\)"_s);
    s.remove(paren);
    return s.simplified();
}

Lookup<Cpu> lookCpu(const Catalog &c, const QString &name) {
    Lookup<Cpu> l = findCpu(c, name.toStdString());
    if (!l && !l.ambiguous) {
        const QString clean = cleanCpuName(name);
        if (clean != name) {
            Lookup<Cpu> again = findCpu(c, clean.toStdString());
            if (again || again.ambiguous)
                return again;
        }
    }
    return l;
}

Lookup<Gpu> lookGpu(const Catalog &c, const QString &name) {
    Lookup<Gpu> l = findGpu(c, name.toStdString());
    if (!l && !l.ambiguous) {
        const QString clean = cleanGpuName(name);
        if (clean != name) {
            Lookup<Gpu> again = findGpu(c, clean.toStdString());
            if (again || again.ambiguous)
                return again;
        }
    }
    return l;
}

// The model file's name without folder, ".gguf", the split suffix and the
// quantization: "models/Qwen2.5-7B-Instruct-Q4_K_M.gguf" -> ("Qwen2.5-7B-Instruct", "Q4_K_M").
std::pair<QString, QString> splitFileName(const QString &path) {
    QString stem = QFileInfo(QString(path).replace(u'\\', u'/')).fileName();
    if (stem.endsWith(u".gguf"_s, Qt::CaseInsensitive))
        stem.chop(5);
    static const QRegularExpression split(u"-\\d{5}-of-\\d{5}$"_s);
    stem.remove(split);
    static const QRegularExpression quant(
        u"[-_.]((?:UD-|i1-)?(?:I?Q\\d(?:_[A-Z0-9]+)*|T?Q\\d_\\d|BF16|F16|F32|MXFP4(?:_MOE)?))$"_s,
        QRegularExpression::CaseInsensitiveOption);
    QString q;
    if (const auto m = quant.match(stem); m.hasMatch()) {
        q = m.captured(1);
        stem.truncate(m.capturedStart(0));
    }
    return {stem, q};
}

const Model *modelFromFile(const Catalog &c, const QString &stem, Lookup<Model> *first) {
    QStringList words = stem.split(u'-', Qt::SkipEmptyParts);
    // "Meta-Llama-3.1-8B-Instruct" is the catalogue's "Llama-3.1-8B-Instruct":
    // leading words are dropped, one at a time, at most two.
    for (int drop = 0; drop <= 2 && drop < words.size(); ++drop) {
        const QString name = words.mid(drop).join(u'-');
        Lookup<Model> l = findModel(c, name.toStdString());
        if (drop == 0)
            *first = l;
        if (l)
            return l.match;
        if (l.ambiguous)
            break;
    }
    return nullptr;
}

} // namespace

std::optional<PlacedBench> placeBenchRows(const BenchFile &file, const Catalog &catalog,
                                          const BenchOverrides &o, const QString &today,
                                          BenchProblem *problem) {
    PlacedBench out;
    // The options first: a mistyped name is refused even if no row needs it.
    const Cpu *cpuOption = nullptr;
    const Gpu *gpuOption = nullptr;
    const Model *modelOption = nullptr;
    const Quantization *quantOption = nullptr;
    if (!o.cpu.isEmpty()) {
        const Lookup<Cpu> l = lookCpu(catalog, o.cpu);
        if (!l)
            return refuse(problem, u"--cpu"_s, notPlaced(u"CPUs"_s, o.cpu, l, u"--cpu"_s));
        cpuOption = l.match;
    }
    if (!o.gpu.isEmpty()) {
        const Lookup<Gpu> l = lookGpu(catalog, o.gpu);
        if (!l)
            return refuse(problem, u"--gpu"_s, notPlaced(u"GPUs"_s, o.gpu, l, u"--gpu"_s));
        gpuOption = l.match;
    }
    if (!o.model.isEmpty()) {
        const Lookup<Model> l = findModel(catalog, o.model.toStdString());
        if (!l)
            return refuse(problem, u"--model"_s, notPlaced(u"models"_s, o.model, l, u"--model"_s));
        modelOption = l.match;
    }
    if (!o.quant.isEmpty()) {
        const Lookup<Quantization> l = findQuant(catalog, o.quant.toStdString());
        if (!l)
            return refuse(problem, u"--quant"_s,
                          notPlaced(u"quantizations"_s, o.quant, l, u"--quant"_s));
        quantOption = l.match;
    }

    static const QRegularExpression dateRe(u"^(\\d{4}-\\d{2}-\\d{2})"_s);
    for (const BenchRow &r : file.rows) {
        if (r.nPrompt > 0 && r.nGen > 0) {
            out.skipped.append({r.number, r.test(),
                                u"a combined prompt-and-generation test is not compared with "
                                u"the estimate yet"_s});
            continue;
        }
        if (r.nPrompt > 0 && r.nDepth > 0) {
            out.skipped.append({r.number, r.test(),
                                u"a prompt test at a context depth is not compared with the "
                                u"estimate yet"_s});
            continue;
        }
        PlacedBenchRow p;
        p.row = r;
        QStringList notes;

        // GPUs: --gpu, else gpu_info ("A, B" for two).
        const Gpu *gpu = gpuOption;
        int count = 0;
        if (!gpu && !r.gpuInfo.isEmpty()) {
            QStringList names = r.gpuInfo.split(u',', Qt::SkipEmptyParts);
            for (QString &n : names)
                n = n.trimmed();
            names.removeAll(QString());
            for (const QString &n : names) {
                const Lookup<Gpu> l = lookGpu(catalog, n);
                if (!l)
                    return refuse(problem, u"gpu_info"_s, notPlaced(u"GPUs"_s, n, l, u"--gpu"_s));
                if (gpu && gpu != l.match)
                    return refuse(problem, u"gpu_info"_s,
                                  u"two kinds of GPU (%1 and %2): a build has one kind of GPU "
                                  u"here; name the one to record with --gpu and --gpus"_s.arg(
                                      QString::fromStdString(gpu->name),
                                      QString::fromStdString(l.match->name)));
                gpu = l.match;
            }
            count = static_cast<int>(names.size());
        }
        if (o.gpus)
            count = *o.gpus;
        if (gpu && count < 1)
            count = 1;
        if (o.gpus && !gpu)
            return refuse(problem, u"--gpus"_s, u"the file names no GPU; name it with --gpu"_s);
        const bool cpuBackendOnly = r.backends.isEmpty() ||
                                    r.backends.compare(u"CPU"_s, Qt::CaseInsensitive) == 0 ||
                                    r.backends.compare(u"BLAS"_s, Qt::CaseInsensitive) == 0;
        if (!gpu && !cpuBackendOnly && !(r.nGpuLayers && *r.nGpuLayers == 0))
            return refuse(problem, u"gpu_info"_s,
                          u"the output does not name the GPU the %1 run used; name it with "
                          u"--gpu"_s.arg(r.backends));
        const bool usesGpu =
            gpu && !(r.nGpuLayers && *r.nGpuLayers == 0) && (gpuOption || !cpuBackendOnly);
        if (gpu && !usesGpu)
            notes << u"no layers on the GPU: recorded as a CPU-only run"_s;

        // Model and quantization.
        const auto [stem, fileQuant] = splitFileName(r.modelFilename);
        const Model *model = modelOption;
        if (!model) {
            if (r.modelFilename.isEmpty())
                return refuse(problem, u"model_filename"_s,
                              u"the output does not name the model file (%1 prints the model "
                              u"type \"%2\" only); name the model with --model"_s.arg(
                                  file.format == u"md"_s ? u"a markdown table"_s : u"this output"_s,
                                  r.modelType));
            Lookup<Model> first;
            model = modelFromFile(catalog, stem, &first);
            if (!model)
                return refuse(problem, u"model_filename"_s,
                              notPlaced(u"models"_s, stem, first, u"--model"_s));
        }
        const Quantization *quant = quantOption;
        if (!quant && !fileQuant.isEmpty()) {
            QString q = fileQuant.toUpper();
            for (const QString &prefix : {u"UD-"_s, u"I1-"_s})
                if (q.startsWith(prefix))
                    q = q.mid(prefix.size());
            if (const Lookup<Quantization> l = findQuant(catalog, q.toStdString()))
                quant = l.match;
        }
        if (!quant) {
            const QString fromType = quantFromModelType(r.modelType);
            if (!fromType.isEmpty())
                if (const Lookup<Quantization> l = findQuant(catalog, fromType.toStdString()))
                    quant = l.match;
            if (!quant) {
                const QString shown = fromType.isEmpty() ? r.modelType : fromType;
                const Lookup<Quantization> l = findQuant(catalog, shown.toStdString());
                return refuse(problem, u"model_type"_s,
                              notPlaced(u"quantizations"_s, shown, l, u"--quant"_s));
            }
        }

        QString kind = u"cpu"_s;
        if (usesGpu) {
            if (gpu->integrated)
                kind = u"unified"_s;
            else if (r.nGpuLayers && model->layers > 0 && *r.nGpuLayers < model->layers)
                kind = u"hybrid"_s;
            else
                kind = u"gpu"_s;
        }

        // CPU: needed for CPU-only and partly offloaded runs.
        const Cpu *cpu = cpuOption;
        if (!cpu && !r.cpuInfo.isEmpty()) {
            const Lookup<Cpu> l = lookCpu(catalog, r.cpuInfo);
            if (l)
                cpu = l.match;
            else if (kind == u"cpu"_s || kind == u"hybrid"_s)
                return refuse(problem, u"cpu_info"_s,
                              notPlaced(u"CPUs"_s, r.cpuInfo, l, u"--cpu"_s));
            else
                notes << u"host CPU \"%1\" not placed in the catalogue (not needed for a GPU "
                         u"run)"_s.arg(r.cpuInfo);
        }
        if (!cpu && (kind == u"cpu"_s || kind == u"hybrid"_s))
            return refuse(problem, u"cpu_info"_s,
                          u"the output does not name the CPU; name it with --cpu"_s);
        if ((kind == u"cpu"_s || kind == u"hybrid"_s) && (!o.channels || !o.mts))
            notes << u"memory population not given (--channels, --mts): the CPU's rated "
                     u"channels and speed are assumed"_s;

        if (const auto m = dateRe.match(r.testTime); m.hasMatch()) {
            p.runDate = m.captured(1);
        } else {
            p.runDate = today;
            notes << u"the output carries no date: dated the day it was imported"_s;
        }
        p.hardwareKind = kind;
        p.cpu = cpu ? QString::fromStdString(cpu->name) : QString();
        if (kind != u"cpu"_s && gpu) {
            p.gpu = QString::fromStdString(gpu->name);
            p.gpuCount = count;
        }
        p.channels = o.channels;
        p.mts = o.mts;
        p.model = QString::fromStdString(model->name);
        p.quant = QString::fromStdString(quant->name);
        if (r.modelParams && *r.modelParams > 0)
            p.paramsB = *r.modelParams / 1e9;
        if (r.modelSizeBytes && *r.modelSizeBytes > 0)
            p.fileGb = *r.modelSizeBytes / 1e9;
        p.notes = notes.join(u"; "_s);
        out.rows.append(p);
    }
    if (out.rows.isEmpty() && out.skipped.isEmpty())
        return refuse(problem, u"file"_s, u"no results in the file"_s);
    return out;
}

} // namespace llm::db
