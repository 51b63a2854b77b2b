// SPDX-License-Identifier: MIT
#pragma once
// A fixed-width text table for --format table. Nothing in Qt Core lays out
// monospaced columns, and the job is a dozen lines, so it is written here.

#include <QList>
#include <QString>
#include <QStringList>

namespace llm::cli {

class TextTable final {
public:
    enum Align { Left, Right };
    struct Column {
        QString title;
        Align align = Left;
    };

    explicit TextTable(QList<Column> columns);

    void addRow(const QStringList &cells);
    // A line printed under the previous row, indented, across all columns.
    void addNote(const QString &text);
    QString render() const;

private:
    struct Row {
        QStringList cells;
        bool note = false;
    };
    QList<Column> m_columns;
    QList<Row> m_rows;
};

// 1234.5 -> "1234.5", rounded to a sensible number of decimals for reading.
QString readableNumber(double value);

} // namespace llm::cli
