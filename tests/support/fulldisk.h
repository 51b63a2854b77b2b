// SPDX-License-Identifier: MIT
#pragma once
// Ways to make a write fail as it does on a full disk, for the tests of the
// safe writes (db/safewrite.h): a lowered file size limit (any user; writes
// fail with EFBIG) and a real 64 KiB tmpfs (root only; ENOSPC). Also makes
// device nodes and pipes in a scratch folder. Linux only.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace llm::testsupport {

inline bool isRoot() {
    return ::geteuid() == 0;
}

// While in scope, this process cannot write a regular file past `bytes`:
// write(2) fails with EFBIG (SIGXFSZ, which would kill the process, is ignored).
class FileSizeLimit final {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        m_ok = ::getrlimit(RLIMIT_FSIZE, &m_saved) == 0;
        rlimit small = m_saved;
        small.rlim_cur = bytes;
        m_ok = m_ok && ::setrlimit(RLIMIT_FSIZE, &small) == 0;
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    bool ok() const { return m_ok; }

private:
    rlimit m_saved{};
    void (*m_oldHandler)(int) = SIG_DFL;
    bool m_ok = false;
};

// Runs a child process (QProcess) with the file size limit: set before exec,
// SIGXFSZ ignored so that the child sees EFBIG instead of being killed.
inline void limitChildFileSize(QProcess &process, rlim_t bytes) {
    process.setChildProcessModifier([bytes] {
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit r{};
        ::getrlimit(RLIMIT_FSIZE, &r);
        r.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &r);
    });
}

// A 64 KiB tmpfs on a fresh folder (needs root; mounted() says whether it worked).
class SmallDisk final {
public:
    SmallDisk() {
        if (isRoot() && m_dir.isValid())
            m_mounted = ::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs", 0,
                                "size=64k") == 0;
    }
    ~SmallDisk() {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk &) = delete;
    SmallDisk &operator=(const SmallDisk &) = delete;

    bool mounted() const { return m_mounted; }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    // Uses up every free byte (a file "filler" grows until ENOSPC).
    bool fill() const {
        const QByteArray name = QFile::encodeName(filePath(QStringLiteral("filler")));
        const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd < 0)
            return false;
        const QByteArray block(4096, '\0');
        bool full = false;
        for (int i = 0; i < 100000 && !full; ++i) {
            if (::write(fd, block.constData(), block.size()) < 0)
                full = errno == ENOSPC;
        }
        // A last partial block may still fit: write single bytes until ENOSPC.
        while (full && ::write(fd, "", 1) == 1) {
        }
        ::close(fd);
        return full;
    }
    // Makes the mounted file system read-only (writes then fail with EROFS).
    bool makeReadOnly() const {
        return m_mounted && ::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs",
                                    MS_REMOUNT | MS_RDONLY, "size=64k") == 0;
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

// A character device node like /dev/null (root only) or a named pipe at `path`.
inline bool makeNullDevice(const QString &path) {
    return ::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0666, makedev(1, 3)) == 0;
}
inline bool makeFifo(const QString &path) {
    return ::mkfifo(QFile::encodeName(path).constData(), 0666) == 0;
}
// The file type bits of `path` itself (not following a link), or 0.
inline mode_t fileType(const QString &path) {
    struct stat st {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & S_IFMT) : 0;
}

inline QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Names in a folder, hidden ones included (a leftover temporary file shows here).
inline QStringList entries(const QString &folder) {
    return QDir(folder).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace llm::testsupport
