// SPDX-License-Identifier: MIT
// One writer per catalogue file: a lock file beside it (<file>.lock), taken
// before the file is created, checked, repaired or upgraded, and held until
// close(). A second running copy of the program finds it taken and opens the
// file read-only.
#include "cataloguedatabase_p.h"

using namespace Qt::StringLiterals;

namespace llm::db {

CatalogueDatabase::Private::Lock CatalogueDatabase::Private::takeWriterLock(const QString &file,
                                                                            QString *holder) {
    auto lock = std::make_unique<QLockFile>(file + u".lock"_s);
    // Only a lock whose process is gone is stale, however old it is: a window
    // left open for days keeps its claim.
    lock->setStaleLockTime(0);
    if (lock->tryLock(0)) {
        writerLock = std::move(lock);
        return Lock::Taken;
    }
    if (lock->error() != QLockFile::LockFailedError)
        return Lock::Unavailable;
    // A writer killed while creating its lock file leaves it empty, and Qt then
    // never calls it stale. removeStaleLockFile() deletes it only when no live
    // process holds its native (flock) lock, which a running writer always does.
    if (lock->removeStaleLockFile() && lock->tryLock(0)) {
        writerLock = std::move(lock);
        return Lock::Taken;
    }
    qint64 pid = 0;
    QString host, app;
    if (lock->getLockInfo(&pid, &host, &app))
        *holder = CatalogueDatabase::tr("process %1 on %2").arg(pid).arg(host);
    else
        *holder = CatalogueDatabase::tr("another process");
    return Lock::OtherCopy;
}

} // namespace llm::db
