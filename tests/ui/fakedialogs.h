// SPDX-License-Identifier: MIT
#pragma once
// Scripted dialogs: return prepared file names and record every message, so a
// test never blocks on a modal dialog.

#include "mainwindow/dialogs.h"

#include <QDialog>
#include <QStringList>

#include <functional>

struct FakeDialogs final : llm::ui::Dialogs {
    QString nextOpen;
    QString nextSave;
    SaveChoice nextChoice = SaveChoice::Discard;
    QStringList errors;
    QStringList infos;

    QString openFileName(QWidget *, const QString &, const QString &) override { return nextOpen; }
    QString saveFileName(QWidget *, const QString &, const QString &, const QString &) override {
        return nextSave;
    }
    void error(QWidget *, const QString &title, const QString &text) override {
        errors << title + QStringLiteral(": ") + text;
    }
    void information(QWidget *, const QString &, const QString &text) override { infos << text; }
    SaveChoice askSaveChanges(QWidget *, const QString &) override { return nextChoice; }
    // A modal dialog: the test looks at it and answers (Rejected when not set).
    std::function<int(QDialog *)> onDialog;
    int run(QDialog *dialog) override { return onDialog ? onDialog(dialog) : QDialog::Rejected; }
};
