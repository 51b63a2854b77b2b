// SPDX-License-Identifier: MIT
// The shipped catalogue: CSVs embedded with qt_add_resources, parsed on demand.

#include "catalogue.h"
#include "catalogue_p.h"

#include <QFile>
#include <QtGlobal>

#include <map>
#include <mutex>
#include <utility>

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

std::optional<units::Bytes> shippedFileSize(const std::string &model, const std::string &quant) {
    // Parsed once; a broken file only loses this refinement (warned), never the catalogue.
    static std::map<std::pair<std::string, std::string>, double> sizes;
    static std::once_flag once;
    std::call_once(once, [] {
        detail::CsvTable table;
        QString error;
        QFile f(detail::shippedResource(u"gguf_file_sizes.csv"_s));
        if (!f.open(QIODevice::ReadOnly) ||
            !detail::parseCsv(f.readAll(), u"gguf_file_sizes.csv"_s, &table, &error)) {
            qWarning("built-in GGUF file sizes unavailable: %s", qUtf8Printable(error));
            return;
        }
        for (qsizetype i = 0; i < table.rows.size(); ++i) {
            detail::CsvRecord r(table, i);
            const double gb = r.requiredPositive(u"file_size_gb"_s);
            if (!r.ok()) {
                qWarning("%s", qUtf8Printable(r.error()));
                continue;
            }
            // The first row of a model and quant wins (the data lists the usual download first).
            sizes.emplace(
                std::pair(r.text(u"model"_s).toStdString(), r.text(u"quant"_s).toStdString()), gb);
        }
    });
    const auto it = sizes.find({model, quant});
    if (it == sizes.end())
        return std::nullopt;
    return units::gigabytes(it->second);
}

QString shippedDataVersion() {
    return shipped().version;
}

} // namespace llm::db
