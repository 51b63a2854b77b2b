// SPDX-License-Identifier: MIT
#include "process.h"

#include <QElapsedTimer>

namespace llm::testsupport {

QStringList ProcessRun::errLines() const {
    return QString::fromUtf8(err).split(u'\n', Qt::SkipEmptyParts);
}

ProcessRun runProgram(const QString &program, const QStringList &args, const RunOptions &options) {
    QProcess p;
    if (!options.environment.isEmpty())
        p.setProcessEnvironment(options.environment);
    if (options.prepare)
        options.prepare(p);
    QElapsedTimer clock;
    clock.start();
    p.start(program, args);
    ProcessRun r;
    if (!p.waitForStarted())
        return r;
    if (!options.input.isNull())
        p.write(options.input);
    p.closeWriteChannel();
    const bool finished = p.waitForFinished(options.timeoutMs);
    if (!finished) {
        p.kill();
        p.waitForFinished();
    }
    r.ms = clock.elapsed();
    if (finished && p.exitStatus() == QProcess::NormalExit)
        r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString cliProgram() {
    return QStringLiteral(LLMADVISOR_CLI_PATH);
}

QString windowProgram() {
    return QStringLiteral(LLMADVISOR_GUI_PATH);
}

ProcessRun runCli(const QStringList &args, const RunOptions &options) {
    return runProgram(cliProgram(), args, options);
}

} // namespace llm::testsupport
