// SPDX-License-Identifier: MIT
// The shipped catalogue: CSVs embedded with qt_add_resources, parsed on demand.

#include "catalogue.h"
#include "catalogue_p.h"

#include <QFile>
#include <QtGlobal>

#include <mutex>

using namespace Qt::StringLiterals;

namespace llm::db {

namespace detail {

QString shippedResource(const QString &file) {
    return u":/llmadvisor/catalogue/"_s + file;
}

namespace {

bool readTable(const QString &file, CsvTable *out, QString *error) {
    QFile f(shippedResource(file));
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("the embedded catalogue file %1 is missing").arg(file);
        return false;
    }
    return parseCsv(f.readAll(), file, out, error);
}

} // namespace

bool readShippedTables(CatalogueTables *out, QString *error) {
    return readTable(u"meta.csv"_s, &out->meta, error) &&
           readTable(u"cpus.csv"_s, &out->cpus, error) &&
           readTable(u"gpus.csv"_s, &out->gpus, error) &&
           readTable(u"models.csv"_s, &out->models, error) &&
           readTable(u"quants.csv"_s, &out->quants, error) &&
           readTable(u"memory_speeds.csv"_s, &out->memorySpeeds, error) &&
           readTable(u"presets.csv"_s, &out->presets, error) &&
           readTable(u"use_cases.csv"_s, &out->useCases, error);
}

} // namespace detail

namespace {

struct Shipped {
    Catalog catalog;
    QString error;
    QString version;
};

// Parsed once per process: the embedded data cannot change while it runs.
const Shipped &shipped() {
    static Shipped s;
    static std::once_flag once;
    std::call_once(once, [] {
        detail::CatalogueTables tables;
        QString error;
        if (!detail::readShippedTables(&tables, &error) ||
            !detail::catalogFromTables(tables, &s.catalog, &error)) {
            s.catalog = Catalog{};
            s.error = u"The built-in catalogue is damaged: "_s + error;
            return;
        }
        s.version = detail::metaValue(tables.meta, u"data_version"_s);
    });
    return s;
}

} // namespace

Catalog loadShippedCatalog(QString *error) {
    const Shipped &s = shipped();
    if (error)
        *error = s.error;
    return s.catalog;
}

Catalog loadShippedCatalog() {
    QString error;
    Catalog c = loadShippedCatalog(&error);
    if (!error.isEmpty())
        qWarning("%s", qUtf8Printable(error));
    return c;
}

QString shippedDataVersion() {
    return shipped().version;
}

} // namespace llm::db
