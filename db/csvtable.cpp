// SPDX-License-Identifier: MIT
#include "csvtable.h"

#include "plaintext.h"

#include <QLocale>

#include <csv.h>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace llm::db::detail {

namespace {

struct ParseState {
    QStringList current;
    QList<QStringList> rows;
    QList<int> lines;
    int line = 1; // line the next row starts on
    int rowStart = 1;
};

void onField(void *data, size_t len, void *user) {
    auto *state = static_cast<ParseState *>(user);
    const auto *chars = static_cast<const char *>(data);
    QString cell = chars ? QString::fromUtf8(chars, static_cast<qsizetype>(len)) : QString();
    if (state->current.isEmpty())
        state->rowStart = state->line;
    // Count embedded newlines so later rows report the right line.
    state->line += static_cast<int>(cell.count(QLatin1Char('\n')));
    state->current.append(std::move(cell));
}

void onRow(int /*terminator*/, void *user) {
    auto *state = static_cast<ParseState *>(user);
    state->rows.append(std::move(state->current));
    state->lines.append(state->rowStart);
    state->current = QStringList();
    ++state->line;
}

} // namespace

// libcsv's own texts ("error parsing data while strict checking enabled")
// mean nothing to the person who saved the file from a spreadsheet.
QString csvErrorText(int code, bool atEnd) {
    switch (code) {
    case CSV_EPARSE:
        return atEnd ? u"a quoted cell is never closed (a double quote is missing), so the rest "
                       u"of the file would be one cell"_s
                     : u"a double quote is out of place: a cell that holds a quote, comma or "
                       u"line break must be wrapped in double quotes, and a quote inside it "
                       u"written twice (\"\")"_s;
    case CSV_ENOMEM:
        return u"there is not enough memory to read the file"_s;
    case CSV_ETOOBIG:
        return u"a cell is too large to be read"_s;
    default:
        return u"the file cannot be read as CSV (details: "_s +
               QString::fromUtf8(csv_strerror(code)) + u')';
    }
}

bool parseCsv(const QByteArray &data, const QString &file, CsvTable *out, QString *error,
              bool keepBadRows) {
    auto fail = [&](const QString &message) {
        if (error)
            *error = file + u": "_s + message;
        return false;
    };
    if (const QString why =
            input::encodingProblem(data, u"\"CSV UTF-8\" (in a spreadsheet: Save As, "
                                         u"CSV UTF-8)"_s);
        !why.isEmpty())
        return fail(why);
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return fail(QStringLiteral("cannot initialise the CSV parser"));
    ParseState state;
    QList<CsvBadRow> bad;
    const auto size = static_cast<size_t>(data.size());
    size_t pos = 0;
    while (true) {
        const size_t used =
            csv_parse(&parser, data.constData() + pos, size - pos, onField, onRow, &state);
        // libcsv stops at the byte it cannot take; at the end, csv_fini finds a
        // quote that was never closed.
        const bool atEnd = pos + used == size && csv_error(&parser) == CSV_SUCCESS;
        if (atEnd && csv_fini(&parser, onField, onRow, &state) == 0)
            break;
        // The row the problem is in starts where its first cell did (or here,
        // if no cell of it is complete yet).
        const int line = state.current.isEmpty() ? state.line : state.rowStart;
        const QString why = csvErrorText(csv_error(&parser), atEnd);
        if (!keepBadRows || state.rows.isEmpty()) {
            csv_free(&parser);
            return fail(QStringLiteral("line %1: %2").arg(line).arg(why));
        }
        bad.append({line, why});
        // Go on at the next line after the problem, with a fresh parser.
        const qsizetype next = atEnd ? -1 : data.indexOf('\n', qsizetype(pos + used));
        if (next < 0)
            break;
        pos = size_t(next + 1);
        state.current.clear();
        state.line = static_cast<int>(data.left(next + 1).count('\n')) + 1;
        csv_free(&parser);
        if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
            return fail(QStringLiteral("cannot initialise the CSV parser"));
    }
    csv_free(&parser);
    if (state.rows.isEmpty())
        return fail(QStringLiteral("no header row"));

    CsvTable table;
    table.file = file;
    table.header = state.rows.takeFirst();
    state.lines.removeFirst();
    for (qsizetype i = 0; i < table.header.size(); ++i) {
        const QString &name = table.header.at(i);
        if (name.isEmpty() || table.index.contains(name))
            return fail(
                QStringLiteral("empty or repeated column name '%1' in the header").arg(name));
        table.index.insert(name, static_cast<int>(i));
    }
    for (qsizetype r = 0; r < state.rows.size(); ++r) {
        if (state.rows.at(r).size() == table.header.size()) {
            table.rows.append(std::move(state.rows[r]));
            table.lines.append(state.lines.at(r));
            continue;
        }
        const QString why = QStringLiteral("%1 cells, the header has %2")
                                .arg(state.rows.at(r).size())
                                .arg(table.header.size());
        if (!keepBadRows)
            return fail(QStringLiteral("line %1: %2").arg(state.lines.at(r)).arg(why));
        bad.append({state.lines.at(r), why});
    }
    std::sort(bad.begin(), bad.end(),
              [](const CsvBadRow &x, const CsvBadRow &y) { return x.line < y.line; });
    table.badRows = std::move(bad);
    *out = std::move(table);
    return true;
}

CsvRecord::CsvRecord(const CsvTable &table, qsizetype row)
    : m_table(table)
    , m_row(row) {}

void CsvRecord::fail(const QString &column, const QString &what) {
    if (!m_error.isEmpty())
        return;
    const int line = m_row < m_table.lines.size() ? m_table.lines.at(m_row) : 0;
    m_error =
        QStringLiteral("%1 line %2, column %3: %4").arg(m_table.file).arg(line).arg(column, what);
}

QString CsvRecord::text(const QString &column) const {
    const int c = m_table.column(column);
    return c < 0 ? QString() : m_table.rows.at(m_row).at(c).trimmed();
}

QString CsvRecord::requiredText(const QString &column) {
    if (m_table.column(column) < 0) {
        fail(column, QStringLiteral("column missing"));
        return {};
    }
    QString value = text(column);
    if (value.isEmpty())
        fail(column, QStringLiteral("empty, a value is required"));
    return value;
}

std::optional<double> CsvRecord::optionalNumber(const QString &column) {
    if (m_table.column(column) < 0) {
        fail(column, QStringLiteral("column missing"));
        return std::nullopt;
    }
    const QString value = text(column);
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double v = QLocale::c().toDouble(value, &ok);
    if (!ok || !std::isfinite(v)) {
        fail(column, QStringLiteral("'%1' is not a number").arg(value));
        return std::nullopt;
    }
    return v;
}

double CsvRecord::number(const QString &column, double ifEmpty) {
    return optionalNumber(column).value_or(ifEmpty);
}

double CsvRecord::requiredPositive(const QString &column) {
    const auto v = optionalNumber(column);
    if (!v) {
        if (ok())
            fail(column, QStringLiteral("empty, a value is required"));
        return 0;
    }
    if (*v <= 0)
        fail(column, QStringLiteral("must be greater than 0, is %1").arg(*v));
    return *v;
}

int CsvRecord::integer(const QString &column, int ifEmpty) {
    const auto v = optionalNumber(column);
    if (!v)
        return ifEmpty;
    if (*v != std::floor(*v) || std::fabs(*v) > 2e9) {
        fail(column, QStringLiteral("'%1' is not a whole number").arg(text(column)));
        return ifEmpty;
    }
    return static_cast<int>(*v);
}

bool CsvRecord::flag(const QString &column) {
    const QString value = text(column);
    if (value == u"1"_s)
        return true;
    if (!value.isEmpty() && value != u"0"_s)
        fail(column, QStringLiteral("'%1' is not 0 or 1").arg(value));
    return false;
}

} // namespace llm::db::detail
