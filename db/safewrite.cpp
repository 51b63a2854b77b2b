// SPDX-License-Identifier: MIT
// Written by hand instead of QSaveFile because Qt 6.4's QSaveFile lost files:
// * commit() ignores a failed flush of its write buffer: a write smaller than
//   the buffer on a full disk "succeeds" and the old file is replaced by an
//   empty one (reliability review D1);
// * it ignores the result of fsync;
// * it renames over whatever the name points to, a device node included (D6);
// * its error strings are the system's ("No space left on device") and the
//   errno behind them is not available to say it in plain words.
// Here every write(2), fsync(2), close(2) and rename(2) is checked with its errno.
#include "safewrite.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cstring>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#else
#include <QSaveFile>
#endif

using namespace Qt::StringLiterals;

namespace llm::db {

namespace {

struct SafeWrite {
    Q_DECLARE_TR_FUNCTIONS(llm::db::SafeWrite)
};

QString shown(const QString &path) {
    return QDir::toNativeSeparators(path);
}

SafeWriteResult failure(const QString &path, const QString &cause, bool oldKept) {
    SafeWriteResult r;
    r.cause = cause;
    r.message = SafeWrite::tr("Could not write “%1”: %2.").arg(shown(path), cause);
    if (oldKept)
        r.message += u' ' + SafeWrite::tr("The previous file is unchanged.");
    return r;
}

#ifdef Q_OS_UNIX

// Why a non-regular file is refused, or empty for a regular one.
QString refusal(mode_t mode) {
    if (S_ISREG(mode))
        return {};
    if (S_ISDIR(mode))
        return SafeWrite::tr("it is a folder, not a file");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return SafeWrite::tr("it is a device, not a file; it was left as it is");
    if (S_ISFIFO(mode))
        return SafeWrite::tr("it is a pipe (FIFO), not a file; it was left as it is");
    if (S_ISSOCK(mode))
        return SafeWrite::tr("it is a socket, not a file; it was left as it is");
    return SafeWrite::tr("it is not a regular file; it was left as it is");
}

// Writes everything, retrying after signals and short writes; 0 or an errno.
int writeAll(int fd, const char *data, qsizetype size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, static_cast<size_t>(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (n == 0)
            return EIO; // a regular file never writes nothing without an error
        data += n;
        size -= n;
    }
    return 0;
}

#endif

} // namespace

#ifdef Q_OS_UNIX
// What an errno from creating, writing or renaming a file means for the user.
// `folder` is the folder the file is written in.
QString writeErrorCause(int error, const QString &folder) {
    switch (error) {
    case ENOSPC:
        return SafeWrite::tr("the disk is full");
#ifdef EDQUOT
    case EDQUOT:
        return SafeWrite::tr("your share of the disk (quota) is used up");
#endif
    case EFBIG:
        return SafeWrite::tr("the file would be larger than the system allows here");
    case EACCES:
    case EPERM:
        if (folder.isEmpty())
            return SafeWrite::tr("you do not have permission to write there");
        return SafeWrite::tr("you do not have permission to write in the folder %1")
            .arg(shown(folder));
    case EROFS:
        return SafeWrite::tr("the disk is read-only");
    case ENOENT:
        if (folder.isEmpty())
            return SafeWrite::tr("the folder does not exist");
        return SafeWrite::tr("the folder %1 does not exist").arg(shown(folder));
    case ENOTDIR:
        if (folder.isEmpty())
            return SafeWrite::tr("a part of the path is not a folder");
        return SafeWrite::tr("a part of the path %1 is not a folder").arg(shown(folder));
    case EBADF:
        return SafeWrite::tr("it is closed");
    case EPIPE:
        return SafeWrite::tr("the program reading it has stopped");
    case ENAMETOOLONG:
        return SafeWrite::tr("the name is too long");
    case ELOOP:
        return SafeWrite::tr("it is a link that points back to itself");
    case EIO:
        return SafeWrite::tr("the disk reported a read/write error");
    default:
        return SafeWrite::tr("the system reported: %1")
            .arg(QString::fromLocal8Bit(std::strerror(error)));
    }
}
#else
QString writeErrorCause(int error, const QString &) {
    return SafeWrite::tr("the system reported: %1")
        .arg(QString::fromLocal8Bit(std::strerror(error)));
}
#endif

#ifdef Q_OS_UNIX
namespace {

// What the checks before writing found: the file really written (a link
// followed), whether it exists and its status.
struct Target {
    QByteArray path;
    bool exists = false;
    struct stat st {};
};

// The checks every write makes before touching anything; a failure when the
// target is refused (r.ok false), otherwise r.ok true and *target filled.
SafeWriteResult resolveTarget(const QString &path, Target *target) {
    if (path.isEmpty())
        return failure(path, SafeWrite::tr("no file name was given"), false);
    const QByteArray given = QFile::encodeName(path);
    target->path = given;
    struct stat &st = target->st;
    if (::lstat(given.constData(), &st) == 0) {
        target->exists = true;
        if (S_ISLNK(st.st_mode)) {
            // Follow the link: the file it points to is replaced, the link kept.
            char *real = ::realpath(given.constData(), nullptr);
            if (!real || ::stat(real, &st) != 0) {
                std::free(real);
                return failure(path, SafeWrite::tr("it is a link to a file that does not exist"),
                               false);
            }
            target->path = QByteArray(real);
            std::free(real);
        }
        if (const QString why = refusal(st.st_mode); !why.isEmpty())
            return failure(path, why, false);
    } else if (errno != ENOENT) {
        return failure(path, writeErrorCause(errno, QFileInfo(path).absolutePath()), false);
    }
    if (target->exists && ::access(target->path.constData(), W_OK) != 0)
        return failure(path,
                       errno == EROFS ? SafeWrite::tr("the disk is read-only")
                                      : SafeWrite::tr("you do not have permission to change it"),
                       true);
    SafeWriteResult ok;
    ok.ok = true;
    return ok;
}

} // namespace
#endif

SafeWriteResult checkWriteTarget(const QString &path) {
#ifdef Q_OS_UNIX
    Target target;
    SafeWriteResult r = resolveTarget(path, &target);
    if (!r.ok)
        return r;
    const QString folder = QFileInfo(QFile::decodeName(target.path)).absolutePath();
    struct stat folderStat {};
    if (::stat(QFile::encodeName(folder).constData(), &folderStat) != 0 ||
        !S_ISDIR(folderStat.st_mode))
        return failure(path, writeErrorCause(ENOENT, folder), false);
    if (::access(QFile::encodeName(folder).constData(), W_OK) != 0)
        return failure(path, writeErrorCause(errno, folder), target.exists);
    return r;
#else
    const QFileInfo info(path);
    if (path.isEmpty())
        return failure(path, SafeWrite::tr("no file name was given"), false);
    if (info.exists() && !info.isFile())
        return failure(path, SafeWrite::tr("it is not a regular file; it was left as it is"),
                       false);
    SafeWriteResult ok;
    ok.ok = true;
    return ok;
#endif
}

SafeWriteResult writeFileSafely(const QString &path, const QByteArray &bytes) {
    if (path.isEmpty())
        return failure(path, SafeWrite::tr("no file name was given"), false);
#ifdef Q_OS_UNIX
    Target resolved;
    if (SafeWriteResult refused = resolveTarget(path, &resolved); !refused.ok)
        return refused;
    const QByteArray &target = resolved.path;
    const bool exists = resolved.exists;
    const struct stat &st = resolved.st;

    const QString targetName = QFile::decodeName(target);
    const QFileInfo targetInfo(targetName);
    const QString folder = targetInfo.absolutePath();

    // A temporary name beside the target (same file system, so rename is atomic).
    // The name is cut so that the suffix still fits in a file name.
    const QByteArray base = QFile::encodeName(targetInfo.fileName()).left(200);
    const QByteArray folderBytes = QFile::encodeName(folder);
    QByteArray temp;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        temp = folderBytes + '/' + '.' + base + '.' +
               QByteArray::number(QRandomGenerator::global()->generate(), 36) + ".part";
        fd = ::open(temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            return failure(path, writeErrorCause(errno, folder), exists);
    }
    if (fd < 0)
        return failure(path, writeErrorCause(EEXIST, folder), exists);

    auto abandon = [&](int error) {
        ::close(fd);
        ::unlink(temp.constData());
        return failure(path, writeErrorCause(error, folder), exists);
    };
    if (exists) {
        // Keep the old file's permission bits (and owner, where allowed).
        if (::fchmod(fd, st.st_mode & 07777) != 0)
            return abandon(errno);
        if (::fchown(fd, st.st_uid, st.st_gid) != 0) {
            // Not allowed for other users' files unless root: the new file is ours.
        }
    }
    if (const int error = writeAll(fd, bytes.constData(), bytes.size()))
        return abandon(error);
    if (::fsync(fd) != 0)
        return abandon(errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.constData());
        return failure(path, writeErrorCause(error, folder), exists);
    }
    // The target may have been replaced by something else since the check.
    struct stat now {};
    if (::lstat(target.constData(), &now) == 0 && !S_ISREG(now.st_mode)) {
        ::unlink(temp.constData());
        return failure(path, refusal(now.st_mode), false);
    }
    if (::rename(temp.constData(), target.constData()) != 0) {
        const int error = errno;
        ::unlink(temp.constData());
        return failure(path, writeErrorCause(error, folder), exists);
    }
    // Make the rename itself durable; the data is already on the disk.
    const int dir = ::open(folderBytes.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    SafeWriteResult ok;
    ok.ok = true;
    return ok;
#else
    // Elsewhere (untested platforms): QSaveFile, with the flush that its
    // commit() does not check done here first.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return failure(path, SafeWrite::tr("it is not a regular file; it was left as it is"),
                       false);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush() ||
        !file.commit()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return failure(path, why, info.exists());
    }
    SafeWriteResult ok;
    ok.ok = true;
    return ok;
#endif
}

bool writeFileSafely(const QString &path, const QByteArray &bytes, QString *error) {
    const SafeWriteResult r = writeFileSafely(path, bytes);
    if (error)
        *error = r.message;
    return r.ok;
}

} // namespace llm::db
