// SPDX-License-Identifier: MIT
#pragma once
// For the window's tests (header-only; the test links llmadvisor_ui): the
// notices — "said once" info bars (Guidance::showNotice) — a window shows now.

#include "mainwindow/guidance.h"

#include <QLabel>
#include <QList>
#include <QStringList>
#include <QWidget>

namespace llm::testsupport {

inline QList<ui::InfoBar *> visibleNotices(const QWidget *window) {
    QList<ui::InfoBar *> out;
    for (ui::InfoBar *b : window->findChildren<ui::InfoBar *>(QStringLiteral("noticeBar")))
        if (b->isVisible())
            out << b;
    return out;
}

inline QStringList visibleNoticeTexts(const QWidget *window) {
    QStringList out;
    for (const ui::InfoBar *b : visibleNotices(window))
        out << b->label()->text();
    return out;
}

} // namespace llm::testsupport
