// SPDX-License-Identifier: MIT
#include "referencedata.h"

#include "catalogue.h"
#include "measurements.h"

#include <QCoreApplication>

namespace llm::db {

namespace {
struct Words {
    Q_DECLARE_TR_FUNCTIONS(ReferenceData)
};
} // namespace

Assumptions calibratedWith(const Assumptions &shipped, const std::vector<Measurement> &own,
                           const std::string &today) {
    return own.empty() ? shipped : calibrateWithOwnMeasurements(shipped, own, today);
}

ReferenceData loadReferenceData(Catalog catalog, std::vector<Measurement> own,
                                const std::string &today, QStringList *problems) {
    ReferenceData data = loadReferenceData(std::move(catalog), problems);
    data.own = std::move(own);
    data.baseline = calibratedWith(data.shippedBaseline, data.own, today);
    return data;
}

ReferenceData loadReferenceData(Catalog catalog, QStringList *problems) {
    ReferenceData data;
    data.catalog = std::move(catalog);
    QString error;
    data.baseline = shippedAssumptions(&error);
    data.shippedBaseline = data.baseline;
    if (!error.isEmpty() && problems)
        problems->append(Words::tr("The calibrated efficiency factors could not be read (%1); "
                                   "uncalibrated defaults are used.")
                             .arg(error));
    error.clear();
    data.rules = loadShippedPlatformRules(&error);
    if (!error.isEmpty()) {
        data.rules = PlatformRules{};
        if (problems)
            problems->append(Words::tr("The platform rules could not be read (%1); builds are "
                                       "not checked for parts that do not go together.")
                                 .arg(error));
    }
    error.clear();
    data.measurements = loadShippedMeasurements(data.catalog, &error).rows;
    if (!error.isEmpty() && problems)
        problems->append(Words::tr("The published measurements could not be read (%1); none "
                                   "are shown beside the estimates.")
                             .arg(error));
    return data;
}

} // namespace llm::db
