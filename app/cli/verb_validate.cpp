// SPDX-License-Identifier: MIT
// llmadvisor-cli validate --measured FILE.csv [--format json|table] [--database PATH|--builtin]
// Estimates every measured row with the calibrated estimator (never with a
// stored measurement) and prints predicted beside measured, per-class error
// statistics, and the rows it could not estimate with the reason.
#include "cli.h"
#include "measurements.h"
#include "texttable.h"
#include "validation_stats.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <map>

namespace llm::cli {
namespace {

using namespace Qt::StringLiterals;

double rounded(double v, int decimals) {
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

QJsonObject summaryJson(const ErrorSummary &s) {
    return QJsonObject{{u"class"_s, QString::fromStdString(s.hardwareClass)},
                       {u"phase"_s, QString::fromLatin1(toString(s.phase))},
                       {u"count"_s, s.count},
                       {u"median_abs_error_pct"_s, rounded(s.medianAbsErrorPct, 1)},
                       {u"p80_abs_error_pct"_s, rounded(s.p80AbsErrorPct, 1)},
                       {u"bias_pct"_s, rounded(s.biasPct, 1)}};
}

} // namespace

int runValidate(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Estimates every row of a measured-train.csv-layout file with the calibrated estimator "
        u"and prints predicted beside measured tokens/s and the error per hardware class."_s);
    const QCommandLineOption measured(u"measured"_s, u"Measurements (CSV)."_s, u"FILE.csv"_s);
    parser.addOption(measured);
    parser.addOption(formatOption());
    parser.addOptions(catalogueOptions());
    if (auto exit = parseVerbArguments(parser, arguments))
        return *exit;
    const std::optional<Format> format = readFormat(parser);
    if (!format)
        return kExitBadInput;
    if (!parser.isSet(measured))
        return badInput(u"--measured"_s,
                        u"missing; give a CSV file in the measured-train.csv layout"_s);

    int exitCode = kExitOk;
    std::vector<Measurement>
        own; // the user's measurements recalibrate their classes, as in estimate
    const std::optional<Catalog> catalog = readCatalogue(parser, &exitCode, &own);
    if (!catalog)
        return exitCode;
    QString error;
    Assumptions calibrated = db::shippedAssumptions(&error);
    if (!error.isEmpty()) {
        std::fputs(("error: efficiency: " + error.toStdString() + "\n").c_str(), stderr);
        return kExitInternal;
    }
    if (!own.empty())
        calibrated = calibrateWithOwnMeasurements(
            calibrated, own, QDate::currentDate().toString(Qt::ISODate).toStdString());
    const db::MeasurementSet set =
        db::loadMeasurementsFile(parser.value(measured), *catalog, &error);
    if (!error.isEmpty())
        return badInput(u"--measured"_s, error);

    std::vector<Residual> residuals;
    std::map<std::string, const Measurement *> byId;
    for (const Measurement &m : set.rows)
        byId[m.id] = &m;
    QList<db::SkippedMeasurement> skipped(set.skipped.begin(), set.skipped.end());
    for (const Measurement &m : set.rows) {
        const std::vector<Residual> r = residualsOf({m}, calibrated);
        if (r.empty())
            skipped.push_back(
                {QString::fromStdString(m.id),
                 u"the estimator cannot run this build (missing bandwidth or compute figures)"_s});
        residuals.insert(residuals.end(), r.begin(), r.end());
    }
    const std::vector<ErrorSummary> summary = summarizeByClass(residuals);
    // The band the window shows around each estimate (the class's band for the
    // row's runtime), and how often it holds the measurement.
    const auto bandOf = [&](const Residual &r) {
        Assumptions a = calibrated;
        if (const auto it = byId.find(r.id); it != byId.end() && it->second)
            a.runtime = it->second->runtime;
        return r.phase == MeasuredPhase::Prompt ? a.promptBandFor(r.hardwareClass)
                                                : a.generationBandFor(r.hardwareClass);
    };
    int held[2] = {0, 0}, counted[2] = {0, 0};
    for (const Residual &r : residuals) {
        const Band b = bandOf(r);
        const int p = r.phase == MeasuredPhase::Prompt ? 0 : 1;
        ++counted[p];
        held[p] += r.predicted * b.low <= r.measured && r.measured <= r.predicted * b.high;
    }
    const auto coverage = [&](int p) {
        return counted[p] > 0 ? rounded(100.0 * held[p] / counted[p], 1) : 0.0;
    };

    if (*format == Format::Json) {
        QJsonArray rows, skippedJson, summaryArray;
        for (const Residual &r : residuals) {
            QJsonObject o{{u"id"_s, QString::fromStdString(r.id)},
                          {u"phase"_s, QString::fromLatin1(toString(r.phase))},
                          {u"class"_s, QString::fromStdString(r.hardwareClass)},
                          {u"predicted_tok_s"_s, rounded(r.predicted, 2)},
                          {u"measured_tok_s"_s, rounded(r.measured, 2)},
                          {u"error_pct"_s, rounded(r.errorPct(), 1)}};
            const Band band = bandOf(r);
            o.insert(u"low_tok_s"_s, rounded(r.predicted * band.low, 2));
            o.insert(u"high_tok_s"_s, rounded(r.predicted * band.high, 2));
            o.insert(u"in_band"_s,
                     r.predicted * band.low <= r.measured && r.measured <= r.predicted * band.high);
            const Measurement *m = byId[r.id];
            if (m && !m->assumptions.empty()) {
                QJsonArray notes;
                for (const std::string &a : m->assumptions)
                    notes.append(QString::fromStdString(a));
                o.insert(u"assumptions"_s, notes);
            }
            if (r.suspect)
                o.insert(u"suspect"_s, true);
            rows.append(o);
        }
        for (const db::SkippedMeasurement &s : skipped)
            skippedJson.append(QJsonObject{{u"id"_s, s.id}, {u"reason"_s, s.reason}});
        for (const ErrorSummary &s : summary)
            summaryArray.append(summaryJson(s));
        const QJsonObject root{
            {u"rows"_s, rows},
            {u"skipped"_s, skippedJson},
            {u"summary"_s, summaryArray},
            {u"band_coverage_pct"_s,
             QJsonObject{{u"prompt"_s, coverage(0)}, {u"generation"_s, coverage(1)}}}};
        writeStdout(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return kExitOk;
    }

    TextTable rowTable({{u"Measurement"_s},
                        {u"Phase"_s},
                        {u"Class"_s},
                        {u"Predicted tok/s"_s, TextTable::Right},
                        {u"Measured tok/s"_s, TextTable::Right},
                        {u"Error %"_s, TextTable::Right}});
    for (const Residual &r : residuals) {
        rowTable.addRow({QString::fromStdString(r.id) + (r.suspect ? u" (suspect)"_s : QString()),
                         QString::fromLatin1(toString(r.phase)),
                         QString::fromStdString(r.hardwareClass), readableNumber(r.predicted),
                         readableNumber(r.measured), QString::number(rounded(r.errorPct(), 1))});
    }
    TextTable sumTable({{u"Class"_s},
                        {u"Phase"_s},
                        {u"Count"_s, TextTable::Right},
                        {u"Median |err| %"_s, TextTable::Right},
                        {u"P80 |err| %"_s, TextTable::Right},
                        {u"Bias %"_s, TextTable::Right}});
    for (const ErrorSummary &s : summary)
        sumTable.addRow({QString::fromStdString(s.hardwareClass),
                         QString::fromLatin1(toString(s.phase)), QString::number(s.count),
                         QString::number(rounded(s.medianAbsErrorPct, 1)),
                         QString::number(rounded(s.p80AbsErrorPct, 1)),
                         QString::number(rounded(s.biasPct, 1))});
    QString text = rowTable.render() + u"\n"_s + sumTable.render() +
                   u"\nThe band around the estimate holds the measurement: prompt %1 %, "
                   u"generation %2 %\n"_s.arg(coverage(0))
                       .arg(coverage(1));
    if (!skipped.isEmpty()) {
        text += u"\nSkipped (not estimated):\n"_s;
        for (const db::SkippedMeasurement &s : skipped)
            text += u"  "_s + s.id + u": "_s + s.reason + u"\n"_s;
    }
    writeStdout(text);
    return kExitOk;
}

} // namespace llm::cli
