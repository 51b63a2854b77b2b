// SPDX-License-Identifier: MIT
// The user's own measurements: stored in user_measurements, read back, removed,
// and resolved into core Measurement records like the shipped rows.
#include "usermeasurements.h"

#include "sqlerror.h"

#include <QDate>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonValue>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <limits>
#include <map>

using namespace Qt::StringLiterals;

namespace llm::db {

namespace {

// Columns in the order bound and read (row_id first when read).
const QStringList kColumns{
    u"imported_at"_s,   u"file"_s,     u"run_date"_s,      u"hardware_kind"_s,
    u"cpu"_s,           u"gpu"_s,      u"gpu_count"_s,     u"ram_channels"_s,
    u"ram_speed_mts"_s, u"model"_s,    u"quant"_s,         u"params_b"_s,
    u"model_file_gb"_s, u"test"_s,     u"prompt_tokens"_s, u"gen_tokens"_s,
    u"depth"_s,         u"tok_s"_s,    u"stddev_tok_s"_s,  u"repetitions"_s,
    u"backend"_s,       u"build"_s,    u"threads"_s,       u"n_gpu_layers"_s,
    u"n_batch"_s,       u"n_ubatch"_s, u"flash_attn"_s,    u"type_k"_s,
    u"type_v"_s,        u"cpu_info"_s, u"gpu_info"_s,      u"model_filename"_s,
    u"model_type"_s,    u"notes"_s};

QVariant text(const QString &s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}
template <class T> QVariant opt(const std::optional<T> &v) {
    return v ? QVariant::fromValue(*v) : QVariant();
}

QList<QVariant> valuesOf(const UserMeasurementRecord &r) {
    const PlacedBenchRow &p = r.placed;
    const BenchRow &b = p.row;
    QString build = b.buildCommit;
    if (!b.buildNumber.isEmpty())
        build += (build.isEmpty() ? QString() : u" "_s) + u"("_s + b.buildNumber + u")"_s;
    return {r.importedAt,
            r.file,
            p.runDate,
            p.hardwareKind,
            text(p.cpu),
            text(p.gpu),
            p.gpuCount > 0 ? QVariant(p.gpuCount) : QVariant(),
            opt(p.channels),
            opt(p.mts),
            p.model,
            p.quant,
            opt(p.paramsB),
            opt(p.fileGb),
            b.test(),
            b.nPrompt,
            b.nGen,
            b.nDepth,
            b.avgTs,
            opt(b.stddevTs),
            opt(b.repetitions),
            text(b.backends),
            text(build),
            opt(b.nThreads),
            opt(b.nGpuLayers),
            opt(b.nBatch),
            opt(b.nUbatch),
            b.flashAttn ? QVariant(*b.flashAttn ? 1 : 0) : QVariant(),
            text(b.typeK),
            text(b.typeV),
            text(b.cpuInfo),
            text(b.gpuInfo),
            text(b.modelFilename),
            text(b.modelType),
            text(p.notes)};
}

template <class T> std::optional<T> optionalOf(const QVariant &v);
template <> std::optional<int> optionalOf(const QVariant &v) {
    return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
}
template <> std::optional<double> optionalOf(const QVariant &v) {
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

UserMeasurementRecord recordFrom(const QSqlQuery &q) {
    UserMeasurementRecord r;
    r.id = q.value(0).toLongLong();
    const auto v = [&](const QString &column) { return q.value(kColumns.indexOf(column) + 1); };
    r.importedAt = v(u"imported_at"_s).toString();
    r.file = v(u"file"_s).toString();
    PlacedBenchRow &p = r.placed;
    BenchRow &b = p.row;
    p.runDate = v(u"run_date"_s).toString();
    p.hardwareKind = v(u"hardware_kind"_s).toString();
    p.cpu = v(u"cpu"_s).toString();
    p.gpu = v(u"gpu"_s).toString();
    p.gpuCount = v(u"gpu_count"_s).toInt();
    p.channels = optionalOf<int>(v(u"ram_channels"_s));
    p.mts = optionalOf<double>(v(u"ram_speed_mts"_s));
    p.model = v(u"model"_s).toString();
    p.quant = v(u"quant"_s).toString();
    p.paramsB = optionalOf<double>(v(u"params_b"_s));
    p.fileGb = optionalOf<double>(v(u"model_file_gb"_s));
    b.nPrompt = v(u"prompt_tokens"_s).toInt();
    b.nGen = v(u"gen_tokens"_s).toInt();
    b.nDepth = v(u"depth"_s).toInt();
    b.avgTs = v(u"tok_s"_s).toDouble();
    b.stddevTs = optionalOf<double>(v(u"stddev_tok_s"_s));
    b.repetitions = optionalOf<int>(v(u"repetitions"_s));
    b.backends = v(u"backend"_s).toString();
    b.buildCommit = v(u"build"_s).toString();
    b.nThreads = optionalOf<int>(v(u"threads"_s));
    b.nGpuLayers = optionalOf<int>(v(u"n_gpu_layers"_s));
    b.nBatch = optionalOf<int>(v(u"n_batch"_s));
    b.nUbatch = optionalOf<int>(v(u"n_ubatch"_s));
    if (const QVariant fa = v(u"flash_attn"_s); !fa.isNull())
        b.flashAttn = fa.toInt() != 0;
    b.typeK = v(u"type_k"_s).toString();
    b.typeV = v(u"type_v"_s).toString();
    b.cpuInfo = v(u"cpu_info"_s).toString();
    b.gpuInfo = v(u"gpu_info"_s).toString();
    b.modelFilename = v(u"model_filename"_s).toString();
    b.modelType = v(u"model_type"_s).toString();
    b.testTime = p.runDate;
    p.notes = v(u"notes"_s).toString();
    return r;
}

QString csvCell(const QString &s) {
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString q = s;
    q.replace(u"\""_s, u"\"\""_s);
    return u"\""_s + q + u"\""_s;
}

QString number(double v) {
    return QString::number(v, 'g', 17);
}

} // namespace

QJsonObject measurementToJson(const UserMeasurementRecord &record) {
    const QList<QVariant> values = valuesOf(record);
    QJsonObject o;
    for (qsizetype i = 0; i < kColumns.size(); ++i)
        o.insert(kColumns.at(i), QJsonValue::fromVariant(values.at(i)));
    return o;
}

UserMeasurementRecord measurementFromJson(const QJsonObject &object, QStringList *problems) {
    UserMeasurementRecord r;
    PlacedBenchRow &p = r.placed;
    BenchRow &b = p.row;
    const auto problem = [&](const QString &field, const QString &why) {
        problems->append(field + u": "_s + why);
    };
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!kColumns.contains(it.key()))
            problem(it.key(),
                    u"not a field of a measurement (fields: %1)"_s.arg(kColumns.join(u", "_s)));
    }
    const auto absent = [&](const QString &field) {
        const QJsonValue v = object.value(field);
        return v.isUndefined() || v.isNull();
    };
    // Text: a JSON string (or null / absent = none).
    const auto textOf = [&](const QString &field, bool required) {
        const QJsonValue v = object.value(field);
        if (absent(field) || (v.isString() && v.toString().trimmed().isEmpty())) {
            if (required)
                problem(field, u"missing; every measurement names it"_s);
            return QString();
        }
        if (!v.isString()) {
            problem(field, u"must be text"_s);
            return QString();
        }
        return v.toString().trimmed();
    };
    // A number at least `min` (above it when `strict`), or none when absent.
    const auto realOf = [&](const QString &field, double min, bool strict,
                            bool required) -> std::optional<double> {
        const QJsonValue v = object.value(field);
        if (absent(field)) {
            if (required)
                problem(field, u"missing; every measurement has it"_s);
            return std::nullopt;
        }
        if (!v.isDouble()) {
            problem(field, u"must be a number"_s);
            return std::nullopt;
        }
        const double x = v.toDouble();
        if (!std::isfinite(x) || (strict ? x <= min : x < min)) {
            problem(field, u"%1 is not allowed (must be %2 %3)"_s.arg(
                               number(x), strict ? u"above"_s : u"at least"_s, number(min)));
            return std::nullopt;
        }
        return x;
    };
    const auto intOf = [&](const QString &field, int min, bool required) -> std::optional<int> {
        const QJsonValue v = object.value(field);
        const auto x = realOf(field, min, false, required);
        if (!x)
            return std::nullopt;
        if (*x != std::floor(*x) || *x > std::numeric_limits<int>::max()) {
            problem(field, u"%1 is not a whole number"_s.arg(number(v.toDouble())));
            return std::nullopt;
        }
        return static_cast<int>(*x);
    };

    r.importedAt = textOf(u"imported_at"_s, true);
    if (!r.importedAt.isEmpty() && !QDateTime::fromString(r.importedAt, Qt::ISODate).isValid() &&
        !QDate::fromString(r.importedAt, Qt::ISODate).isValid())
        problem(u"imported_at"_s,
                u"'%1' is not a date and time (YYYY-MM-DDThh:mm:ss)"_s.arg(r.importedAt));
    r.file = textOf(u"file"_s, true);
    p.runDate = textOf(u"run_date"_s, true);
    if (!p.runDate.isEmpty() &&
        (p.runDate.size() != 10 || !QDate::fromString(p.runDate, Qt::ISODate).isValid()))
        problem(u"run_date"_s, u"'%1' is not a date (YYYY-MM-DD)"_s.arg(p.runDate));
    p.hardwareKind = textOf(u"hardware_kind"_s, true);
    const QStringList kinds{u"cpu"_s, u"gpu"_s, u"unified"_s, u"hybrid"_s};
    if (!p.hardwareKind.isEmpty() && !kinds.contains(p.hardwareKind))
        problem(u"hardware_kind"_s, u"'%1' is not a kind of hardware (allowed: %2)"_s.arg(
                                        p.hardwareKind, kinds.join(u", "_s)));
    p.cpu = textOf(u"cpu"_s, false);
    p.gpu = textOf(u"gpu"_s, false);
    p.gpuCount = intOf(u"gpu_count"_s, 1, false).value_or(0);
    const bool cpuRun = p.hardwareKind == u"cpu"_s;
    const bool needsCpu = cpuRun || p.hardwareKind == u"hybrid"_s;
    const bool needsGpu = p.hardwareKind == u"gpu"_s || p.hardwareKind == u"hybrid"_s;
    // (a name that is not text was named above already)
    const auto unnamed = [&](const QString &field) {
        return absent(field) || object.value(field).isString();
    };
    if (needsCpu && p.cpu.isEmpty() && unnamed(u"cpu"_s))
        problem(u"cpu"_s, u"missing; a %1 run names its CPU"_s.arg(p.hardwareKind));
    if (needsGpu && p.gpu.isEmpty() && unnamed(u"gpu"_s))
        problem(u"gpu"_s, u"missing; a %1 run names its GPU"_s.arg(p.hardwareKind));
    if (p.hardwareKind == u"unified"_s && p.cpu.isEmpty() && p.gpu.isEmpty() && unnamed(u"cpu"_s) &&
        unnamed(u"gpu"_s))
        problem(u"gpu"_s, u"missing; a unified-memory run names its GPU or CPU"_s);
    if (cpuRun && !p.gpu.isEmpty())
        problem(u"gpu"_s, u"a CPU-only run names no GPU"_s);
    if (!p.gpu.isEmpty() && p.gpuCount == 0 && absent(u"gpu_count"_s))
        problem(u"gpu_count"_s, u"missing; say how many of the GPU the run used"_s);
    if (p.gpu.isEmpty() && p.gpuCount > 0)
        problem(u"gpu_count"_s, u"given without a gpu"_s);
    p.channels = intOf(u"ram_channels"_s, 1, false);
    p.mts = realOf(u"ram_speed_mts"_s, 0, true, false);
    p.model = textOf(u"model"_s, true);
    p.quant = textOf(u"quant"_s, true);
    p.paramsB = realOf(u"params_b"_s, 0, true, false);
    p.fileGb = realOf(u"model_file_gb"_s, 0, true, false);
    b.nPrompt = intOf(u"prompt_tokens"_s, 0, true).value_or(0);
    b.nGen = intOf(u"gen_tokens"_s, 0, true).value_or(0);
    b.nDepth = intOf(u"depth"_s, 0, false).value_or(0);
    const QString test = textOf(u"test"_s, false);
    if (b.nPrompt == 0 && b.nGen == 0 && !absent(u"prompt_tokens"_s) && !absent(u"gen_tokens"_s))
        problem(u"prompt_tokens"_s, u"a test has prompt or generated tokens (both are 0)"_s);
    else if (b.nPrompt > 0 && b.nGen > 0)
        problem(u"gen_tokens"_s, u"a combined prompt-and-generation test is not compared with "
                                 u"the estimate (give prompt_tokens or gen_tokens, not both)"_s);
    else if (b.nPrompt > 0 && b.nDepth > 0)
        problem(u"depth"_s, u"a prompt test at a context depth is not compared with the "
                            u"estimate"_s);
    else if (!test.isEmpty() && test != b.test())
        problem(u"test"_s, u"'%1' does not match the token counts (%2)"_s.arg(test, b.test()));
    b.avgTs = realOf(u"tok_s"_s, 0, true, true).value_or(0);
    b.stddevTs = realOf(u"stddev_tok_s"_s, 0, false, false);
    b.repetitions = intOf(u"repetitions"_s, 1, false);
    b.backends = textOf(u"backend"_s, false);
    b.buildCommit = textOf(u"build"_s, false);
    b.nThreads = intOf(u"threads"_s, 1, false);
    b.nGpuLayers = intOf(u"n_gpu_layers"_s, 0, false);
    b.nBatch = intOf(u"n_batch"_s, 1, false);
    b.nUbatch = intOf(u"n_ubatch"_s, 1, false);
    if (const QJsonValue fa = object.value(u"flash_attn"_s); fa.isBool())
        b.flashAttn = fa.toBool();
    else if (!absent(u"flash_attn"_s)) {
        if (fa.isDouble() && (fa.toDouble() == 0 || fa.toDouble() == 1))
            b.flashAttn = fa.toDouble() == 1;
        else
            problem(u"flash_attn"_s, u"must be true, false, 1 or 0"_s);
    }
    b.typeK = textOf(u"type_k"_s, false);
    b.typeV = textOf(u"type_v"_s, false);
    b.cpuInfo = textOf(u"cpu_info"_s, false);
    b.gpuInfo = textOf(u"gpu_info"_s, false);
    b.modelFilename = textOf(u"model_filename"_s, false);
    b.modelType = textOf(u"model_type"_s, false);
    b.testTime = p.runDate;
    p.notes = textOf(u"notes"_s, false);
    return r;
}

QString userMeasurementSource(const QString &file, const QString &date) {
    return u"your measurement, %1, %2"_s.arg(file, date);
}

QList<UserMeasurementRecord> recordsOf(const PlacedBench &placed, const QString &file,
                                       const QString &importedAt) {
    QList<UserMeasurementRecord> out;
    for (const PlacedBenchRow &p : placed.rows)
        out.append({0, importedAt, file, p});
    return out;
}

StoreResult storeUserMeasurements(const CatalogueDatabase &database,
                                  const QList<UserMeasurementRecord> &records) {
    StoreResult r;
    if (!database.isOpen() || database.isReadOnly()) {
        r.error = u"the catalogue is open read-only, so nothing can be stored"_s;
        return r;
    }
    QSqlDatabase db = QSqlDatabase::database(database.connectionName(), false);
    QSqlQuery q(db);
    if (!q.exec(u"BEGIN IMMEDIATE"_s)) {
        r.error = plainSqlError(q.lastError());
        return r;
    }
    const auto rollback = [&](const QSqlError &e) {
        r.error = plainSqlError(e);
        r.ids.clear();
        r.stored = r.alreadyStored = 0;
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return r;
    };
    QSqlQuery same(db);
    // "IS" compares NULL with NULL as equal: the same test on the same parts.
    same.prepare(u"SELECT count(*) FROM user_measurements WHERE hardware_kind IS ? AND cpu IS ? "
                 "AND gpu IS ? AND gpu_count IS ? AND model IS ? AND quant IS ? AND test IS ? "
                 "AND run_date IS ? AND tok_s IS ?"_s);
    QSqlQuery insert(db);
    QStringList marks;
    for (qsizetype i = 0; i < kColumns.size(); ++i)
        marks << u"?"_s;
    insert.prepare(u"INSERT INTO user_measurements (%1) VALUES (%2)"_s.arg(kColumns.join(u", "_s),
                                                                           marks.join(u", "_s)));
    for (const UserMeasurementRecord &rec : records) {
        const QList<QVariant> values = valuesOf(rec);
        const auto at = [&](const QString &column) { return values.at(kColumns.indexOf(column)); };
        int i = 0;
        for (const QString &c : {u"hardware_kind"_s, u"cpu"_s, u"gpu"_s, u"gpu_count"_s, u"model"_s,
                                 u"quant"_s, u"test"_s, u"run_date"_s, u"tok_s"_s})
            same.bindValue(i++, at(c));
        if (!same.exec() || !same.next())
            return rollback(same.lastError());
        const bool there = same.value(0).toInt() > 0;
        same.finish();
        if (there) {
            ++r.alreadyStored;
            r.ids.append(0);
            continue;
        }
        for (qsizetype k = 0; k < values.size(); ++k)
            insert.bindValue(static_cast<int>(k), values.at(k));
        if (!insert.exec())
            return rollback(insert.lastError());
        r.ids.append(insert.lastInsertId().toLongLong());
        ++r.stored;
    }
    if (!q.exec(u"COMMIT"_s))
        return rollback(q.lastError());
    r.ok = true;
    return r;
}

std::optional<QList<UserMeasurementRecord>> readUserMeasurements(const CatalogueDatabase &database,
                                                                 QString *error) {
    QSqlDatabase db = QSqlDatabase::database(database.connectionName(), false);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT row_id, %1 FROM user_measurements ORDER BY row_id"_s.arg(
            kColumns.join(u", "_s)))) {
        if (error)
            *error = plainSqlError(q.lastError());
        return std::nullopt;
    }
    QList<UserMeasurementRecord> out;
    while (q.next())
        out.append(recordFrom(q));
    if (q.lastError().isValid()) {
        if (error)
            *error = plainSqlError(q.lastError());
        return std::nullopt;
    }
    return out;
}

bool removeUserMeasurements(const CatalogueDatabase &database, const QList<qint64> &ids,
                            QString *error) {
    if (!database.isOpen() || database.isReadOnly()) {
        *error = u"the catalogue is open read-only, so nothing can be removed"_s;
        return false;
    }
    QSqlDatabase db = QSqlDatabase::database(database.connectionName(), false);
    QSqlQuery q(db);
    if (!q.exec(u"BEGIN IMMEDIATE"_s)) {
        *error = plainSqlError(q.lastError());
        return false;
    }
    QSqlQuery del(db);
    del.prepare(u"DELETE FROM user_measurements WHERE row_id = ?"_s);
    for (qint64 id : ids) {
        del.bindValue(0, id);
        if (!del.exec()) {
            *error = plainSqlError(del.lastError());
            QSqlQuery(db).exec(u"ROLLBACK"_s);
            return false;
        }
        if (del.numRowsAffected() != 1) {
            *error =
                u"there is no measurement %1 (see measurements list); nothing was removed"_s.arg(
                    id);
            QSqlQuery(db).exec(u"ROLLBACK"_s);
            return false;
        }
    }
    if (!q.exec(u"COMMIT"_s)) {
        *error = plainSqlError(q.lastError());
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return false;
    }
    return true;
}

MeasurementSet measurementsOf(const QList<UserMeasurementRecord> &records, const Catalog &catalog) {
    // The shipped measurements' layout (db/catalogue/measurements.csv), so that
    // the user's rows are resolved by the very same code.
    QString csv = u"id,source_url,hardware_kind,cpu_catalog,gpu_catalog,gpu_count,ram_channels,"
                  u"ram_speed_mts,model_name,params_b,quant,model_file_gb,test,prompt_tokens,"
                  u"gen_tokens,pp_tok_s,tg_tok_s,notes\n"_s;
    std::map<std::string, const UserMeasurementRecord *> byId;
    for (const UserMeasurementRecord &r : records) {
        const PlacedBenchRow &p = r.placed;
        const BenchRow &b = p.row;
        const QString id = u"U%1"_s.arg(r.id);
        byId[id.toStdString()] = &r;
        // A generation test at depth d: generation after a d-token prompt.
        const int prompt = b.nPrompt > 0 ? b.nPrompt : b.nDepth;
        const QString rate = number(b.avgTs);
        const QStringList cells{
            id,
            csvCell(userMeasurementSource(QFileInfo(r.file).fileName(), p.runDate)),
            p.hardwareKind,
            csvCell(p.cpu),
            csvCell(p.gpu),
            p.gpuCount > 0 ? QString::number(p.gpuCount) : QString(),
            p.channels ? QString::number(*p.channels) : QString(),
            p.mts ? number(*p.mts) : QString(),
            csvCell(p.model),
            p.paramsB ? number(*p.paramsB) : QString(),
            csvCell(p.quant),
            p.fileGb ? number(*p.fileGb) : QString(),
            csvCell(u"your-"_s + b.test()),
            QString::number(prompt),
            QString::number(b.nGen),
            b.nPrompt > 0 ? rate : QString(),
            b.nPrompt > 0 ? QString() : rate,
            csvCell(p.notes)};
        csv += cells.join(u',') + u'\n';
    }
    QString error;
    MeasurementSet set = parseMeasurements(csv.toUtf8(), catalog, &error);
    if (!error.isEmpty())
        set.skipped.push_back({u"all"_s, error});
    for (Measurement &m : set.rows) {
        const auto it = byId.find(m.id);
        if (it == byId.end())
            continue;
        const UserMeasurementRecord &r = *it->second;
        m.date = r.placed.runDate.toStdString();
        m.runs = r.placed.row.repetitions.value_or(1);
        if (!r.placed.notes.isEmpty())
            m.assumptions.push_back(r.placed.notes.toStdString());
    }
    return set;
}

std::optional<MeasurementSet> readOwnMeasurements(const CatalogueDatabase &database,
                                                  const Catalog &catalog, QString *error) {
    const auto records = readUserMeasurements(database, error);
    if (!records)
        return std::nullopt;
    return measurementsOf(*records, catalog);
}

} // namespace llm::db
