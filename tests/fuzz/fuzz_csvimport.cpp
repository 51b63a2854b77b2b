// SPDX-License-Identifier: MIT
// libFuzzer target: the CSV importer (libcsv + row validation). The first
// byte picks the table. Every row must end either normalised or with errors
// that name a line; a normalised row must pass validation again unchanged.
#include "catalogueio.h"

#include <cstddef>
#include <cstdint>

using namespace llm::db;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    const auto table = editableTables().at(data[0] % 4);
    const QByteArray csv(reinterpret_cast<const char *>(data + 1),
                         static_cast<qsizetype>(size - 1));
    const ImportPreview p = previewCsv(table, csv);
    for (const ImportRow &row : p.rows) {
        for (const QString &e : row.errors) {
            if (!e.startsWith(QStringLiteral("line ")))
                __builtin_trap();
        }
        if (row.errors.isEmpty()) {
            RowValues again = row.values;
            if (!normaliseRow(table, &again).isEmpty() || again != row.values)
                __builtin_trap(); // normalising is idempotent
        }
    }
    return 0;
}
