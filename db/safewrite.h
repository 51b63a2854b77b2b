// SPDX-License-Identifier: MIT
#pragma once
// The one way this program writes a file the user keeps (scenario saves, PDF
// reports, catalogue exports, calibration output, screenshots): either the
// complete new file is in place, or the old file is untouched, the temporary
// file is gone and the caller gets a sentence that names the file and says
// what went wrong in plain words ("the disk is full").

#include <QByteArray>
#include <QString>

namespace llm::db {

struct SafeWriteResult {
    bool ok = false;
    QString cause;   // plain words, e.g. "the disk is full" (empty when ok)
    QString message; // a full sentence naming the file, for the user (empty when ok)
};

// Writes `bytes` to `path`:
// * Only a regular file (or a new one) is written. A folder, a device, a pipe
//   (FIFO) or a socket is refused and left as it is.
// * A symbolic link is followed: the file it points to is replaced and the link
//   kept. A link to nothing, or to something that is not a regular file, is refused.
// * The bytes go to a temporary file in the same folder; every write, the
//   flush to the disk (fsync) and the close are checked, and only then is the
//   temporary file renamed over the target. An existing file's permission
//   bits are kept.
// The check of the target and the rename are not one atomic step: a target
// swapped for a device in between would still be replaced (nothing in POSIX
// closes that gap for rename).
SafeWriteResult writeFileSafely(const QString &path, const QByteArray &bytes);

// The checks writeFileSafely makes before it writes, alone: whether `path`
// could be written at all (a regular file or a new one, in a folder that
// exists and may be written). For work that takes a while before its result
// is written: the user hears about a pipe or a missing folder at once, not
// after the work. Writing can still fail later (a full disk).
SafeWriteResult checkWriteTarget(const QString &path);

// What an errno from creating, writing or renaming a file means, in plain
// words ("the disk is full"); `folder` (may be empty) is where the file was written.
QString writeErrorCause(int error, const QString &folder = {});

// The same, as a bool with the sentence in *error (may be null).
bool writeFileSafely(const QString &path, const QByteArray &bytes, QString *error);

} // namespace llm::db
