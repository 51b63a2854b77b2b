// SPDX-License-Identifier: MIT
#pragma once
// Running the built programs (llmadvisor-cli, the window) as a test would from
// a shell: one run, its exit code and what it wrote, within a time limit. With
// isolatedProfile() (profile.h) as its environment a run never touches the
// user's catalogue or settings.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

namespace llm::testsupport {

struct ProcessRun {
    // -1 when the program did not start, did not end within the time limit
    // (it is then killed) or crashed.
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 ms = 0; // wall time from start to end

    // stderr's non-empty lines.
    QStringList errLines() const;
};

struct RunOptions {
    QProcessEnvironment environment; // empty: the test's own
    QByteArray input;                // written to stdin, which is then closed
    int timeoutMs = 120'000;
    std::function<void(QProcess &)> prepare; // before the start: redirections, child set-up

    // RunOptions().in(env).withInput(bytes).within(60'000)
    RunOptions &in(const QProcessEnvironment &env) {
        environment = env;
        return *this;
    }
    RunOptions &withInput(const QByteArray &bytes) {
        input = bytes;
        return *this;
    }
    RunOptions &within(int ms) {
        timeoutMs = ms;
        return *this;
    }
    RunOptions &preparedBy(std::function<void(QProcess &)> f) {
        prepare = std::move(f);
        return *this;
    }
};

ProcessRun runProgram(const QString &program, const QStringList &args,
                      const RunOptions &options = {});

// This build tree's programs.
QString cliProgram();    // llmadvisor-cli
QString windowProgram(); // llmadvisor (empty in a build without the window)
ProcessRun runCli(const QStringList &args, const RunOptions &options = {});

} // namespace llm::testsupport
