// SPDX-License-Identifier: MIT
// libFuzzer target: the JSON and catalogue-pack importers. The first byte
// picks the table for plain JSON; packs name their own tables. Good rows
// and a pack's good measurements must survive an export and re-import unchanged.
#include "catalogueio.h"

#include <cstddef>
#include <cstdint>

using namespace llm::db;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    const auto table = editableTables().at(data[0] % 4);
    const QByteArray json(reinterpret_cast<const char *>(data + 1),
                          static_cast<qsizetype>(size - 1));
    const ImportPreview p =
        detectFormat(json) == ImportFormat::Pack ? previewPack(json) : previewJson(table, json);
    for (const ImportMeasurement &m : p.measurements) {
        if (!m.errors.isEmpty())
            continue;
        const QJsonObject written = measurementToJson(m.record);
        QStringList problems;
        const UserMeasurementRecord again = measurementFromJson(written, &problems);
        if (!problems.isEmpty() || measurementToJson(again) != written)
            __builtin_trap();
    }
    QList<RowValues> good;
    for (const ImportRow &row : p.rows) {
        if (row.errors.isEmpty() && row.table == table)
            good.append(row.values);
    }
    if (good.isEmpty())
        return 0;
    const ImportPreview back = previewJson(table, exportJson(table, good));
    if (!back.fatal.isEmpty() || back.rows.size() != good.size())
        __builtin_trap();
    for (qsizetype i = 0; i < good.size(); ++i) {
        if (!back.rows[i].errors.isEmpty() || back.rows[i].values != good[i])
            __builtin_trap();
    }
    return 0;
}
