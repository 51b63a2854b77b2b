// SPDX-License-Identifier: MIT
#include "dialogs.h"

#include <QCoreApplication>
#include <QDialog>
#include <QFileDialog>
#include <QMessageBox>

#include <cstdio>

namespace llm::ui {

QString WidgetDialogs::openFileName(QWidget *parent, const QString &title, const QString &filter) {
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

QString WidgetDialogs::saveFileName(QWidget *parent, const QString &title, const QString &suggested,
                                    const QString &filter) {
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

void WidgetDialogs::error(QWidget *parent, const QString &title, const QString &text) {
    QMessageBox::warning(parent, title, text);
}

void WidgetDialogs::information(QWidget *parent, const QString &title, const QString &text) {
    QMessageBox::information(parent, title, text);
}

Dialogs::SaveChoice WidgetDialogs::askSaveChanges(QWidget *parent, const QString &documentName) {
    const auto answer = QMessageBox::question(
        parent, Dialogs::tr("Unsaved changes"),
        Dialogs::tr("Save the changes to “%1” first?").arg(documentName),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return SaveChoice::Save;
    return answer == QMessageBox::Discard ? SaveChoice::Discard : SaveChoice::Cancel;
}

namespace {
void writeLine(const char *kind, const QString &text) {
    QString line = text.simplified(); // one line, whatever the message
    std::fprintf(stderr, "%s: %s\n", kind, line.toUtf8().constData());
    std::fflush(stderr);
}
} // namespace

QString ConsoleDialogs::openFileName(QWidget *, const QString &, const QString &) {
    return {};
}

QString ConsoleDialogs::saveFileName(QWidget *, const QString &, const QString &, const QString &) {
    return {};
}

void ConsoleDialogs::error(QWidget *, const QString &, const QString &text) {
    writeLine("error", text);
}

void ConsoleDialogs::information(QWidget *, const QString &, const QString &text) {
    writeLine("note", text);
}

Dialogs::SaveChoice ConsoleDialogs::askSaveChanges(QWidget *, const QString &) {
    return SaveChoice::Discard;
}

int Dialogs::run(QDialog *dialog) {
    return dialog->exec();
}

int ConsoleDialogs::run(QDialog *) {
    return QDialog::Rejected;
}

} // namespace llm::ui
