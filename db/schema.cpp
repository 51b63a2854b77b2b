// SPDX-License-Identifier: MIT
// The embedded schema.sql: its statements (for a new file and for the upgrade
// steps that add a table), and the check that a file has all of it.
#include "schema_p.h"

#include "catalogue.h"
#include "sqlrows_p.h"

#include <QFile>
#include <QSqlQuery>
#include <QVariant>

#include <utility>

using namespace Qt::StringLiterals;

namespace llm::db::detail {

QStringList schemaStatements(const QByteArray &schemaSql) {
    QStringList statements;
    for (const QString &statement : QString::fromUtf8(schemaSql).split(u";\n"_s)) {
        QStringList lines = statement.split(u'\n');
        lines.removeIf([](const QString &l) {
            return l.trimmed().startsWith(u"--"_s) || l.trimmed().isEmpty();
        });
        if (!lines.isEmpty())
            statements.append(lines.join(u'\n'));
    }
    return statements;
}

QStringList embeddedSchemaStatements() {
    QFile schemaFile(u":/llmadvisor/schema.sql"_s);
    if (!schemaFile.open(QIODevice::ReadOnly))
        return {};
    return schemaStatements(schemaFile.readAll());
}

QStringList columnsOf(const QSqlDatabase &db, const QString &table) {
    QSqlQuery q(db);
    QStringList columns;
    // Our own table names only.
    if (q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table))) {
        while (q.next())
            columns.append(q.value(1).toString());
    }
    if (q.lastError().isValid())
        return {};
    return columns;
}

namespace {

// The tables and columns the embedded schema.sql makes, read back from a
// database built from it in memory (once per process), so the check below
// follows the schema file without a second list to keep in step.
const QList<std::pair<QString, QStringList>> &expectedTables() {
    static const QList<std::pair<QString, QStringList>> tables = [] {
        QList<std::pair<QString, QStringList>> out;
        const QString name = u"llmadvisor-expected-schema"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(u":memory:"_s);
            const QStringList statements = embeddedSchemaStatements();
            if (db.open() && !statements.isEmpty()) {
                bool ok = true;
                for (const QString &statement : statements)
                    ok = ok && exec(db, statement, nullptr);
                QSqlQuery q(db);
                if (ok && q.exec(u"SELECT name FROM sqlite_schema WHERE type = 'table' "
                                 "ORDER BY name"_s)) {
                    while (q.next())
                        out.append({q.value(0).toString(), {}});
                }
                for (auto &[table, columns] : out)
                    columns = columnsOf(db, table);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    }();
    return tables;
}

} // namespace

QString missingSchemaParts(const QSqlDatabase &db, bool tablesOnly) {
    // Tables an upgrade adds (and the version that added them).
    static const QStringList addedByUpgrades{u"user_measurements"_s /* 3 */};
    QStringList missing;
    for (const auto &[table, columns] : expectedTables()) {
        if (tablesOnly && addedByUpgrades.contains(table))
            continue;
        const QStringList present = columnsOf(db, table);
        if (present.isEmpty()) {
            missing.append(CatalogueDatabase::tr("the table %1 is missing").arg(table));
            continue;
        }
        if (tablesOnly)
            continue;
        QStringList lacking;
        for (const QString &c : columns) {
            if (!present.contains(c))
                lacking.append(c);
        }
        if (!lacking.isEmpty())
            missing.append(CatalogueDatabase::tr("the table %1 lacks the column(s) %2")
                               .arg(table, lacking.join(u", "_s)));
    }
    return missing.join(u"; "_s);
}

} // namespace llm::db::detail
