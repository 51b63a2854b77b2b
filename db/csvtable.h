// SPDX-License-Identifier: MIT
#pragma once
// A parsed CSV table (RFC 4180, via libcsv) and typed access to its cells with
// error messages that name the file, line and column. Internal to llmadvisor_db.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace llm::db::detail {

struct CsvBadRow {
    int line = 0; // 1-based line the row starts on
    QString why;  // "22 cells, the header has 20", "a double quote is out of place ..."
};

struct CsvTable {
    QString file; // for messages, e.g. "cpus.csv"
    QStringList header;
    QList<QStringList> rows;   // every row has header.size() cells
    QList<int> lines;          // 1-based line number of each row's first line
    QHash<QString, int> index; // header name -> column
    QList<CsvBadRow> badRows;  // only with keepBadRows: rows left out of `rows`

    int column(const QString &name) const { return index.value(name, -1); }
};

// Parses UTF-8 CSV with a header row. Fails on text that is not UTF-8 (with
// the encoding named), on malformed quoting, on a row whose cell count
// differs from the header, on an empty or duplicate header. With keepBadRows,
// a row with malformed quoting or the wrong number of cells is listed in
// badRows instead and reading goes on at the next line (the header must
// still be good). Messages are in plain words, never libcsv's.
bool parseCsv(const QByteArray &data, const QString &file, CsvTable *out, QString *error,
              bool keepBadRows = false);

// One row of a table, read by column name. The first problem is kept in
// error(); later reads return defaults so callers can check once per row.
class CsvRecord final {
public:
    CsvRecord(const CsvTable &table, qsizetype row);

    QString text(const QString &column) const;
    QString requiredText(const QString &column);
    // Numbers are parsed with the C locale; "" is "unknown".
    std::optional<double> optionalNumber(const QString &column);
    double number(const QString &column, double ifEmpty = 0);
    double requiredPositive(const QString &column); // must be present and > 0
    int integer(const QString &column, int ifEmpty = 0);
    bool flag(const QString &column); // "1" / "0" / ""

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    void fail(const QString &column, const QString &what);

private:
    const CsvTable &m_table;
    qsizetype m_row;
    QString m_error;
};

} // namespace llm::db::detail
