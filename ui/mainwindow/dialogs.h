// SPDX-License-Identifier: MIT
#pragma once
// What would block a test (file dialogs, message boxes) behind one small
// interface. The window uses WidgetDialogs; tests pass a scripted fake.

#include <QCoreApplication>
#include <QString>

QT_BEGIN_NAMESPACE
class QDialog;
class QWidget;
QT_END_NAMESPACE

namespace llm::ui {

class Dialogs {
    Q_DECLARE_TR_FUNCTIONS(llm::ui::Dialogs)

public:
    enum class SaveChoice { Save, Discard, Cancel };

    virtual ~Dialogs() = default;
    // Empty string: the user cancelled.
    virtual QString openFileName(QWidget *parent, const QString &title, const QString &filter) = 0;
    virtual QString saveFileName(QWidget *parent, const QString &title, const QString &suggested,
                                 const QString &filter) = 0;
    virtual void error(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual void information(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual SaveChoice askSaveChanges(QWidget *parent, const QString &documentName) = 0;
    // Runs a modal dialog the window made; returns QDialog::Accepted or Rejected.
    // Default: exec(). A headless run or a test answers without blocking.
    virtual int run(QDialog *dialog);
};

class WidgetDialogs final : public Dialogs {
public:
    QString openFileName(QWidget *parent, const QString &title, const QString &filter) override;
    QString saveFileName(QWidget *parent, const QString &title, const QString &suggested,
                         const QString &filter) override;
    void error(QWidget *parent, const QString &title, const QString &text) override;
    void information(QWidget *parent, const QString &title, const QString &text) override;
    SaveChoice askSaveChanges(QWidget *parent, const QString &documentName) override;
};

// For headless runs (--export-pdf, llmadvisor-cli report): nothing is asked,
// errors and notes go to stderr as one "error: ..." / "note: ..." line each,
// and unsaved changes are discarded.
class ConsoleDialogs final : public Dialogs {
public:
    QString openFileName(QWidget *parent, const QString &title, const QString &filter) override;
    QString saveFileName(QWidget *parent, const QString &title, const QString &suggested,
                         const QString &filter) override;
    void error(QWidget *parent, const QString &title, const QString &text) override;
    void information(QWidget *parent, const QString &title, const QString &text) override;
    SaveChoice askSaveChanges(QWidget *parent, const QString &documentName) override;
    int run(QDialog *dialog) override; // Rejected: nothing is asked
};

} // namespace llm::ui
