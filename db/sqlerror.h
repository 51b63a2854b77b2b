// SPDX-License-Identifier: MIT
#pragma once
// SQLite's errors in plain words. Two readers of the same native code: a
// failed edit ("nothing was changed, try again") and a failed read or open
// ("the catalogue file is damaged"). SQLite's own text ("btreeInitPage()
// returns error code 11") never reaches a user; the code is kept for a bug
// report. Used by the database, its upgrades, the editor and the user's
// measurements alike, so none of them depends on another for its messages.

#include <QString>

class QSqlError;

namespace llm::db {

// An edit SQLite refused (extended code) as a sentence for the user.
QString plainSqlError(const QSqlError &error);

namespace detail {
// A read, an open or a check that failed, by SQLite's primary result code.
QString describe(const QSqlError &e);
} // namespace detail

} // namespace llm::db
