// SPDX-License-Identifier: MIT
#pragma once
// Published measurements (measured-train.csv layout) resolved against the
// catalogue, and the fitted efficiency factors (efficiency.csv) that turn the
// default Assumptions into calibrated ones.

#include "assumptions.h"
#include "calibration.h"
#include "catalog.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace llm::db {

struct SkippedMeasurement {
    QString id;
    QString reason; // one plain sentence, e.g. "GPU 'Tesla P40' not in catalogue"
};

struct MeasurementSet {
    std::vector<Measurement> rows;
    std::vector<SkippedMeasurement> skipped; // never silently dropped
};

// Parses measured-train.csv-layout bytes. A file that is not such a table
// (missing columns, broken quoting) sets *error and returns nothing; a row that
// cannot be estimated is listed in `skipped` with its reason.
MeasurementSet parseMeasurements(const QByteArray &csv, const Catalog &catalog, QString *error);
MeasurementSet loadMeasurementsFile(const QString &path, const Catalog &catalog, QString *error);
// The measurements shipped with the program (db/catalogue/measurements.csv).
MeasurementSet loadShippedMeasurements(const Catalog &catalog, QString *error = nullptr);

// efficiency.csv: one row per class key ("cpu-zen5", "gpu-nvidia-ada@llamafile",
// "default-cpu", "default-gpu", "default-unified", "default-band") with the
// fitted factors, their date and the number of measurements behind them, and
// the confidence bands. Applied on top of `base`.
Assumptions parseEfficiency(const QByteArray &csv, const Assumptions &base, QString *error);
QByteArray writeEfficiency(const Assumptions &assumptions);

// Default Assumptions with the shipped, calibrated efficiency factors and bands.
// Parsed once per process. On broken embedded data returns the uncalibrated
// defaults and sets *error.
Assumptions shippedAssumptions(QString *error = nullptr);

} // namespace llm::db
