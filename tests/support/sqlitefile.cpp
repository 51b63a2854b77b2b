// SPDX-License-Identifier: MIT
#include "sqlitefile.h"

#include <QAtomicInteger>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace llm::testsupport {

namespace {
QAtomicInteger<int> s_connections;
} // namespace

QString dbFixture(const QString &name) {
    return QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/db/") + name;
}

QString copyDbFixture(const QTemporaryDir &dir, const QString &name) {
    const QString path = dir.filePath(QStringLiteral("catalogue.sqlite"));
    QFile::remove(path);
    if (!QFile::copy(dbFixture(name), path))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

QByteArray bytesOf(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

SqliteFile::SqliteFile(const QString &path, Mode mode)
    : m_name(QStringLiteral("testsupport-sqlite-%1").arg(s_connections.fetchAndAddRelaxed(1))) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    if (mode == Mode::ReadOnly)
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    m_ok = db.open();
}

SqliteFile::~SqliteFile() {
    QSqlDatabase::database(m_name, false).close();
    QSqlDatabase::removeDatabase(m_name);
}

bool SqliteFile::exec(const QString &sql) const {
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    return q.exec(sql);
}

QVariant SqliteFile::value(const QString &sql) const {
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    return q.exec(sql) && q.next() ? q.value(0) : QVariant();
}

QStringList SqliteFile::columns(const QString &table) const {
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    QStringList names;
    if (q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
        while (q.next())
            names.append(q.value(1).toString());
    return names;
}

} // namespace llm::testsupport
