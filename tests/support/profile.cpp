// SPDX-License-Identifier: MIT
#include "profile.h"

#include <QCoreApplication>
#include <QFile>

namespace llm::testsupport {

QProcessEnvironment isolatedProfile(const QString &home) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    return env;
}

void useProfileIn(const QString &home) {
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home + QStringLiteral("/config")));
    qputenv("XDG_DATA_HOME", QFile::encodeName(home + QStringLiteral("/data")));
    QCoreApplication::setOrganizationName(QStringLiteral("LlmAdvisor"));
    QCoreApplication::setApplicationName(QStringLiteral("LlmAdvisor"));
}

} // namespace llm::testsupport
