// SPDX-License-Identifier: MIT
#include "texttable.h"

#include "plaintext.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace llm::cli {

using namespace Qt::StringLiterals;

TextTable::TextTable(QList<Column> columns)
    : m_columns(std::move(columns)) {}

// A NUL, BEL, CR or line feed in a name (from an older catalogue, say) would
// break the table's lines or reach the terminal: show it as \u0007 etc.
void TextTable::addRow(const QStringList &cells) {
    QStringList shown;
    shown.reserve(cells.size());
    for (const QString &c : cells)
        shown.append(input::escapeControls(c));
    m_rows.append({shown, false});
}

void TextTable::addNote(const QString &text) {
    m_rows.append({QStringList{input::escapeControls(text)}, true});
}

QString TextTable::render() const {
    QList<qsizetype> widths;
    for (const Column &c : m_columns)
        widths.append(c.title.size());
    for (const Row &row : m_rows) {
        if (row.note)
            continue;
        for (qsizetype i = 0; i < row.cells.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row.cells.at(i).size());
    }
    auto line = [&](const QStringList &cells) -> QString {
        QString out;
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            const QString cell = cells.value(i);
            if (i > 0)
                out += u"  "_s;
            out += m_columns.at(i).align == Right ? cell.rightJustified(widths.at(i))
                                                  : cell.leftJustified(widths.at(i));
        }
        // Trailing blanks of a left-aligned last column help nobody.
        while (out.endsWith(u' '))
            out.chop(1);
        return out + u'\n';
    };

    QStringList titles;
    for (const Column &c : m_columns)
        titles << c.title;
    QString out = line(titles);
    qsizetype total = 0;
    for (qsizetype w : widths)
        total += w;
    total += 2 * std::max<qsizetype>(0, widths.size() - 1);
    out += QString(total, u'-') + u'\n';
    for (const Row &row : m_rows)
        out += row.note ? QString(u"    "_s + row.cells.value(0) + u'\n') : line(row.cells);
    return out;
}

QString readableNumber(double value) {
    if (!std::isfinite(value))
        return u"-"_s;
    const double a = std::fabs(value);
    const int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    return QString::number(value, 'f', decimals);
}

} // namespace llm::cli
