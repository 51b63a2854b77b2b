// SPDX-License-Identifier: MIT
// llmadvisor-cli estimate --scenario FILE.json|- [--format json|table] [--database PATH|--builtin]
#include "catalogue.h"
#include "cli.h"
#include "decisiontext.h"
#include "measurements.h"
#include "memory.h"
#include "scenario.h"
#include "texttable.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

namespace llm::cli {
namespace {

using namespace Qt::StringLiterals;
using namespace llm::units;
using scenario::decisionText;
using scenario::needsMetText;
using scenario::needText;
using scenario::priceText;
using scenario::Scenario;

// Reads the whole scenario, from a file or from stdin ("-"); an error names
// the option, since the file itself could not be looked at.
std::optional<QByteArray> readScenarioBytes(const QString &path) {
    QFile file;
    const bool ok = path == u"-"_s ? file.open(stdin, QIODevice::ReadOnly)
                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!ok) {
        badInput(u"--scenario"_s, u"cannot read \""_s + path + u"\": "_s + file.errorString());
        return std::nullopt;
    }
    // At most one byte past the limit: "- < /dev/zero" must not fill memory.
    QByteArray bytes = file.read(scenario::kMaxScenarioBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        badInput(u"--scenario"_s, u"cannot read \""_s + path + u"\": "_s + file.errorString());
        return std::nullopt;
    }
    if (bytes.size() > scenario::kMaxScenarioBytes) {
        badInput(u"--scenario"_s, u"\""_s + path + u"\" is larger than "_s +
                                      QString::number(scenario::kMaxScenarioBytes / (1024 * 1024)) +
                                      u" MiB, too large to be a comparison; it was not read"_s);
        return std::nullopt;
    }
    return bytes;
}

QString mark(const UseCaseVerdict &v, bool fits) {
    if (!fits)
        return u"no fit"_s;
    if (!v.pass)
        return u"FAIL"_s;
    return v.borderline ? u"pass~"_s : u"pass"_s;
}

// The why-sentences of the failing use cases; use cases failing for the same
// reason (a model that does not fit fails them all alike) share one line.
QStringList failureNotes(const Estimate &e, const Thresholds &thresholds) {
    const QString marker = u" fails: "_s;
    QStringList reasons;
    QList<QStringList> ids;
    QStringList notes;
    for (const UseCaseVerdict &v : e.useCases) {
        if (v.pass)
            continue;
        const QString why = QString::fromStdString(explain(v, e, thresholds));
        const QString id = QString::fromStdString(v.useCase->id);
        if (!why.startsWith(id + marker)) {
            notes << why;
            continue;
        }
        const QString reason = why.mid(id.size() + marker.size());
        const qsizetype at = reasons.indexOf(reason);
        if (at >= 0) {
            ids[at] << id;
        } else {
            reasons << reason;
            ids << QStringList{id};
        }
    }
    for (qsizetype i = 0; i < reasons.size(); ++i)
        notes << ids[i].join(u", "_s) + (ids[i].size() == 1 ? marker : u" fail: "_s) + reasons[i];
    return notes;
}

// "calibrated with 3 of your measurements"; empty when the class has none.
QString calibrationText(const Estimate &e) {
    const int n = e.factors.ownMeasurements;
    if (n <= 0)
        return {};
    return n == 1 ? u"calibrated with 1 of your measurements"_s
                  : u"calibrated with %1 of your measurements"_s.arg(n);
}

bool fromUser(const std::optional<MeasuredReference> &m) {
    return m && m->source.rfind("your measurement", 0) == 0;
}

// "measured on your machine: 48.2 tok/s, 2026-12-01"
QString measuredText(const MeasuredReference &m) {
    return u"%1 tok/s, %2"_s.arg(readableNumber(m.medianTokS), QString::fromStdString(m.date));
}

QStringList ownMeasurementNotes(const Estimate &e) {
    QStringList notes;
    if (const QString c = calibrationText(e); !c.isEmpty())
        notes << u"C"_s + c.mid(1); // "Calibrated with 3 of your measurements"
    if (fromUser(e.measuredGeneration))
        notes << u"Generation measured on your machine: "_s + measuredText(*e.measuredGeneration);
    if (fromUser(e.measuredPrompt))
        notes << u"Prompt processing measured on your machine: "_s +
                     measuredText(*e.measuredPrompt);
    return notes;
}

QJsonObject measuredToJson(const MeasuredReference &m) {
    return QJsonObject{{u"tok_s"_s, m.medianTokS},
                       {u"low_tok_s"_s, m.lowTokS},
                       {u"high_tok_s"_s, m.highTokS},
                       {u"count"_s, m.count},
                       {u"date"_s, QString::fromStdString(m.date)},
                       {u"source"_s, QString::fromStdString(m.source)},
                       {u"text"_s, QString(u"measured on your machine: "_s + measuredText(m))}};
}

// Keys added only when the user has measurements that apply (the contract
// of the other keys is unchanged).
void addOwnMeasurements(QJsonObject &o, const Estimate &e) {
    if (e.factors.ownMeasurements > 0) {
        QJsonObject a = o.value(u"assumptions"_s).toObject();
        a.insert(u"your_measurements"_s, e.factors.ownMeasurements);
        a.insert(u"calibration_note"_s, calibrationText(e));
        o.insert(u"assumptions"_s, a);
    }
    QJsonObject measured;
    if (fromUser(e.measuredPrompt))
        measured.insert(u"prompt"_s, measuredToJson(*e.measuredPrompt));
    if (fromUser(e.measuredGeneration))
        measured.insert(u"generation"_s, measuredToJson(*e.measuredGeneration));
    if (!measured.isEmpty())
        o.insert(u"measured_on_your_machine"_s, measured);
}

QString header(const Scenario &s) {
    const ModelChoice &m = s.model;
    QString out;
    if (!s.title.empty())
        out += QString::fromStdString(s.title) + u'\n';
    out += u"Model: "_s + QString::fromStdString(m.model.name) + u", "_s +
           QString::fromStdString(m.quant.name) + u" ("_s +
           QString::number(inGigabytes(weightBytes(m)), 'f', 1) + u" GB of weights), runtime "_s +
           QString::fromStdString(s.runtime) + u'\n';
    QStringList ucs;
    for (const UseCase &uc : s.workload.useCases)
        ucs << needText(uc);
    const Thresholds &t = s.assumptions.thresholds;
    out += u"Needs (use cases): "_s + ucs.join(u"; "_s) + u'\n';
    out += u"A use case passes when its prompt is processed within "_s +
           QString::number(inSeconds(t.maxPrefill)) + u" s and output comes at "_s +
           QString::number(inTokensPerSecond(t.minGeneration)) +
           u" tok/s or more; \"pass~\" passes at the estimate but not at the low end of its "
           u"range.\n\n"_s;
    return out;
}

QString table(const Scenario &s, const std::vector<Estimate> &estimates,
              const DecisionSummary &decision) {
    QList<TextTable::Column> columns{{u"Build"_s},
                                     {u"System GB/s"_s, TextTable::Right},
                                     {u"GPU GB/s"_s, TextTable::Right},
                                     {u"Placement"_s},
                                     {u"Needs GB"_s, TextTable::Right},
                                     {u"pp tok/s"_s, TextTable::Right},
                                     {u"tg tok/s"_s, TextTable::Right},
                                     {u"Price"_s, TextTable::Right},
                                     {u"Needs met"_s}};
    for (const UseCase &uc : s.workload.useCases)
        columns.append({QString::fromStdString(uc.id)});
    TextTable t(columns);
    for (std::size_t i = 0; i < estimates.size(); ++i) {
        const Estimate &e = estimates[i];
        const BuildDecision &d = decision.builds[i];
        QString system = QString::number(inGigabytesPerSecond(e.bandwidth.system), 'f', 1);
        if (e.bandwidth.systemLimit == Bottleneck::CpuFabric)
            system += u" (fabric)"_s;
        const double gpu = inGigabytesPerSecond(e.bandwidth.gpu);
        QStringList row{QString::fromStdString(s.builds[i].name),
                        system,
                        gpu > 0 ? QString::number(gpu, 'f', 1) : u"-"_s,
                        QLatin1String(toString(e.placement)) +
                            (e.fits ? QString() : u" (does not fit)"_s),
                        readableNumber(inGigabytes(e.memory.total)),
                        e.fits ? readableNumber(inTokensPerSecond(e.promptRate)) : u"-"_s,
                        e.fits ? readableNumber(inTokensPerSecond(e.generationRate)) : u"-"_s,
                        priceText(d.priceEur, d.priceSource),
                        needsMetText(d)};
        for (const UseCaseVerdict &v : e.useCases)
            row << mark(v, e.fits);
        t.addRow(row);
        for (const QString &note : failureNotes(e, s.assumptions.thresholds))
            t.addNote(note);
        for (const QString &note : ownMeasurementNotes(e))
            t.addNote(note);
    }
    // The cheapest fix in the window's and the report's words ("Add a second …").
    return header(s) + t.render() + u'\n' +
           decisionText(decision, scenario::englishLocale(),
                        scenario::plainFixWording(s.builds, s.model, scenario::englishLocale()));
}

} // namespace

int runEstimate(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Estimates prompt-processing and generation speed of every build in a scenario\n"
        u"file and judges its use cases. JSON output is one object per build."_s);
    const QCommandLineOption scenarioOption(
        u"scenario"_s, u"Scenario file (JSON); \"-\" reads stdin."_s, u"FILE.json"_s);
    parser.addOption(scenarioOption);
    parser.addOption(formatOption());
    parser.addOptions(catalogueOptions());
    if (const auto exit = parseVerbArguments(parser, arguments))
        return *exit;
    const auto format = readFormat(parser);
    if (!format)
        return kExitBadInput;
    if (!parser.positionalArguments().isEmpty())
        return badInput(u"arguments"_s, u"unexpected \""_s + parser.positionalArguments().front() +
                                            u"\"; give the file with --scenario"_s);
    if (!parser.isSet(scenarioOption))
        return badInput(u"--scenario"_s,
                        u"missing (required): the scenario file, or - for stdin"_s);

    const auto bytes = readScenarioBytes(parser.value(scenarioOption));
    if (!bytes)
        return kExitBadInput;
    int exitCode = kExitOk;
    std::vector<Measurement> own; // the user's measurements (measurements import)
    const auto catalog = readCatalogue(parser, &exitCode, &own);
    if (!catalog)
        return exitCode;
    // The calibrated efficiency factors and bands are the defaults a file
    // overrides; the user's own measurements recalibrate the classes they cover.
    QString calibrationError;
    Assumptions calibrated = db::shippedAssumptions(&calibrationError);
    if (calibrationError.isEmpty() && !own.empty())
        calibrated = calibrateWithOwnMeasurements(
            calibrated, own, QDate::currentDate().toString(Qt::ISODate).toStdString());
    if (!calibrationError.isEmpty()) {
        std::fputs(("error: assumptions: the built-in calibration cannot be read: " +
                    calibrationError.toStdString() + "\n")
                       .c_str(),
                   stderr);
        return kExitInternal;
    }
    // The platform rules every build is checked against (as in the window and Find builds).
    QString rulesError;
    const PlatformRules rules = db::loadShippedPlatformRules(&rulesError);
    if (!rulesError.isEmpty()) {
        std::fputs(("error: platforms: the built-in platform rules cannot be read: " +
                    rulesError.toStdString() + "\n")
                       .c_str(),
                   stderr);
        return kExitInternal;
    }
    const scenario::ParseResult parsed =
        scenario::parseScenario(*bytes, *catalog, rules, calibrated);
    if (!parsed.ok())
        return badInput(parsed.error.field, parsed.error.message);
    const Scenario &s = *parsed.scenario;

    std::vector<Estimate> estimates = scenario::estimateAll(s);
    // The user's measurement of the same hardware, model and quantization, beside the estimate.
    // Only tests from an empty context (pp512, tg128): a test at a context depth
    // is a different figure from the one the estimate headlines.
    std::vector<Measurement> fromEmptyContext;
    for (const Measurement &m : own) {
        const auto empty = [](const std::vector<UseCase> &runs) {
            return std::all_of(runs.begin(), runs.end(), [](const UseCase &u) {
                return u.promptTokens.value() == 0 || u.generatedTokens.value() == 0;
            });
        };
        if (empty(m.promptRuns) && empty(m.generationRuns))
            fromEmptyContext.push_back(m);
    }
    for (std::size_t i = 0; i < estimates.size() && !fromEmptyContext.empty(); ++i)
        attachMeasurements(estimates[i], s.builds[i], s.model, fromEmptyContext);
    // A model that fits no build is an answer, not a mistake in the file: every
    // build says "does not fit" with what it needs and has (the window does the same).
    DecisionInput in;
    in.builds = &s.builds;
    in.estimates = &estimates;
    in.model = s.model;
    in.workload = s.workload;
    in.assumptions = s.assumptions;
    in.catalog = &*catalog;
    in.rules = &rules;
    const DecisionSummary decision = decide(in);

    if (*format == Format::Table) {
        writeStdout(table(s, estimates, decision));
        return kExitOk;
    }
    QJsonArray out;
    for (std::size_t i = 0; i < estimates.size(); ++i) {
        QJsonObject o = scenario::estimateToJson(estimates[i], s.builds[i], s.assumptions);
        addOwnMeasurements(o, estimates[i]);
        o.insert(u"decision"_s, scenario::decisionToJson(decision, i));
        out.append(o);
    }
    writeStdout(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return kExitOk;
}

} // namespace llm::cli
