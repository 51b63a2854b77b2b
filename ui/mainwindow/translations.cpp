// SPDX-License-Identifier: MIT
// Installs the program's and Qt's translators (see translations.h).
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace llm::ui {

bool installTranslators(const QLocale &locale) {
    // Qt's own strings (dialog buttons, context menus) from qt6-translations-l10n.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto *own = new QTranslator(QCoreApplication::instance());
    if (!own->load(locale, QStringLiteral("llmadvisor"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

} // namespace llm::ui
