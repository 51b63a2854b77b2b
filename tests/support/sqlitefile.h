// SPDX-License-Identifier: MIT
#pragma once
// Catalogue database files as the db tests handle them: the committed fixtures
// (tests/data/db, made by make_fixtures.py), writable copies of them, a file's
// bytes, and a second, plain connection that looks at a file (or pokes at it)
// the way another program would.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

class QTemporaryDir;

namespace llm::testsupport {

// tests/data/db/<name>
QString dbFixture(const QString &name);
// A writable copy of the fixture `name` as <dir>/catalogue.sqlite (replacing a
// file of that name); empty when it cannot be made.
QString copyDbFixture(const QTemporaryDir &dir, const QString &name);
// The file's bytes; empty when it cannot be read.
QByteArray bytesOf(const QString &path);

class SqliteFile {
public:
    enum class Mode { ReadWrite, ReadOnly };
    explicit SqliteFile(const QString &path, Mode mode = Mode::ReadWrite);
    ~SqliteFile();
    SqliteFile(const SqliteFile &) = delete;
    SqliteFile &operator=(const SqliteFile &) = delete;

    bool ok() const { return m_ok; } // the connection is open
    bool exec(const QString &sql) const;
    // The first column of the first row, or an invalid QVariant.
    QVariant value(const QString &sql) const;
    // The table's column names (our own table names only).
    QStringList columns(const QString &table) const;

private:
    QString m_name;
    bool m_ok = false;
};

} // namespace llm::testsupport
