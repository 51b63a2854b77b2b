// SPDX-License-Identifier: MIT
// llmadvisor-cli calibrate --measured FILE.csv --output efficiency.csv [--date YYYY-MM-DD]
// The one refit command: fits the efficiency factors on the measurements,
// cross-validates by whole device to set the confidence bands, and writes the
// factors as CSV (db/catalogue/efficiency.csv is this command's checked-in output).
#include "cli.h"
#include "measurements.h"
#include "safewrite.h"
#include "validation_stats.h"

#include <QDate>

namespace llm::cli {

using namespace Qt::StringLiterals;

int runCalibrate(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Fits the estimator's efficiency factors on measurements (measured-train.csv layout) and "
        u"writes them, with cross-validated confidence bands, to a CSV file."_s);
    const QCommandLineOption measured(u"measured"_s, u"Measurements (CSV)."_s, u"FILE.csv"_s);
    const QCommandLineOption output(u"output"_s, u"Where to write the factors."_s, u"FILE.csv"_s);
    const QCommandLineOption date(u"date"_s, u"Fit date written into the file (default: today)."_s,
                                  u"YYYY-MM-DD"_s);
    parser.addOption(measured);
    parser.addOption(output);
    parser.addOption(date);
    if (auto exit = parseVerbArguments(parser, arguments))
        return *exit;
    if (!parser.isSet(measured))
        return badInput(u"--measured"_s,
                        u"missing; give a CSV file in the measured-train.csv layout"_s);
    if (!parser.isSet(output))
        return badInput(u"--output"_s, u"missing; name the CSV file to write"_s);
    QString fitDate = QDate::currentDate().toString(Qt::ISODate);
    if (parser.isSet(date)) {
        const QDate d = QDate::fromString(parser.value(date), Qt::ISODate);
        if (!d.isValid())
            return badInput(u"--date"_s, u"not a date in the form YYYY-MM-DD"_s);
        fitDate = d.toString(Qt::ISODate);
    }

    // A pipe, a device or a missing folder is said before the fit, not after it.
    if (const db::SafeWriteResult target = db::checkWriteTarget(parser.value(output)); !target.ok)
        return badInput(u"--output"_s, target.message);

    const std::optional<Catalog> catalog = shippedCatalog();
    if (!catalog)
        return kExitInternal;
    QString error;
    const db::MeasurementSet set =
        db::loadMeasurementsFile(parser.value(measured), *catalog, &error);
    if (!error.isEmpty())
        return badInput(u"--measured"_s, error);
    if (set.rows.empty())
        return badInput(u"--measured"_s, u"no row could be estimated, nothing to fit"_s);

    CalibrationOptions options;
    options.fittedOn = fitDate.toStdString();
    Assumptions fitted = fitEfficiency(set.rows, Assumptions{}, options);
    const std::vector<Residual> cv = crossValidate(set.rows, Assumptions{}, options);
    fitBands(fitted, cv);

    // The old file stays whole unless the new one is complete (a full disk included).
    const db::SafeWriteResult written =
        db::writeFileSafely(parser.value(output), db::writeEfficiency(fitted));
    if (!written.ok)
        return badInput(u"--output"_s, written.message);

    QString text = u"Fitted on %1 measurements (%2 skipped); cross-validated by device:\n"_s
                       .arg(set.rows.size())
                       .arg(set.skipped.size());
    for (MeasuredPhase phase : {MeasuredPhase::Prompt, MeasuredPhase::Generation}) {
        const ErrorSummary s = summarize(cv, "all", phase);
        text += u"  %1: n=%2, median |error| %3 %, p80 %4 %, bias %5 %, band coverage %6 %\n"_s
                    .arg(QString::fromLatin1(toString(phase)))
                    .arg(s.count)
                    .arg(s.medianAbsErrorPct, 0, 'f', 1)
                    .arg(s.p80AbsErrorPct, 0, 'f', 1)
                    .arg(s.biasPct, 0, 'f', 1)
                    .arg(100.0 * bandCoverage(cv, phase), 0, 'f', 0);
    }
    text += u"Wrote %1\n"_s.arg(parser.value(output));
    writeStdout(text);
    return kExitOk;
}

} // namespace llm::cli
