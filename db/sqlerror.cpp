// SPDX-License-Identifier: MIT
#include "sqlerror.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace llm::db {

QString plainSqlError(const QSqlError &error) {
    const int code = error.nativeErrorCode().toInt();
    const QString detail = error.databaseText();
    switch (code) {
    case 2067: // SQLITE_CONSTRAINT_UNIQUE
    case 1555: // SQLITE_CONSTRAINT_PRIMARYKEY
        return u"name: a row with this name already exists"_s;
    case 275: // SQLITE_CONSTRAINT_CHECK
        return u"a value is outside what the catalogue allows ("_s + detail + u')';
    case 787: // SQLITE_CONSTRAINT_FOREIGNKEY
        return u"the row is still used by a preset and cannot be removed"_s;
    case 1299: // SQLITE_CONSTRAINT_NOTNULL
        return u"a required value is missing ("_s + detail + u')';
    default:
        break;
    }
    switch (code & 0xff) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return u"the catalogue is in use by another program; nothing was changed, try again"_s;
    case 8: // SQLITE_READONLY
        return u"the catalogue file is read-only; nothing was changed"_s;
    case 13: // SQLITE_FULL
        return u"the disk is full; nothing was changed"_s;
    case 10: // SQLITE_IOERR
        return u"the catalogue file could not be written (input/output error); nothing was "
               "changed"_s;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return u"the catalogue file is damaged; restart the program to recover it"_s;
    case 19: // SQLITE_CONSTRAINT, other kinds
        return u"the catalogue refused the value ("_s + detail + u')';
    default:
        break;
    }
    // SQLite's own text is not for users; its code is kept for a bug report.
    return QStringLiteral("the catalogue refused the change (details: SQLite error %1)")
        .arg(error.nativeErrorCode());
}

namespace detail {

QString describe(const QSqlError &e) {
    // Plain words by SQLite's primary result code; SQLite's own text ("Unable
    // to fetch row", "btreeInitPage() returns error code 11") never reaches a
    // user: only the code, for a bug report.
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    QString what;
    switch (ok ? code & 0xff : -1) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        what = u"the catalogue is in use by another program"_s;
        break;
    case 3:  // SQLITE_PERM
    case 23: // SQLITE_AUTH
        what = u"you do not have permission to read the catalogue"_s;
        break;
    case 8: // SQLITE_READONLY
        what = u"the catalogue file is read-only"_s;
        break;
    case 10: // SQLITE_IOERR
        what = u"the disk could not be read or written (input/output error)"_s;
        break;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        what = u"the catalogue file is damaged"_s;
        break;
    case 13: // SQLITE_FULL
        what = u"the disk is full"_s;
        break;
    case 14: // SQLITE_CANTOPEN
        what = u"the catalogue file cannot be opened (check that it and its folder can be read)"_s;
        break;
    case 19: // SQLITE_CONSTRAINT
        what = u"a value breaks a rule of the catalogue"_s;
        break;
    default:
        what = u"the catalogue could not be read"_s;
        break;
    }
    return ok ? what + u" (details: SQLite error "_s + e.nativeErrorCode() + u')' : what;
}

} // namespace detail

} // namespace llm::db
