// SPDX-License-Identifier: MIT
#pragma once
// Help for a first-time user, all in the window (no modal boxes): a slim info
// bar with the three things to do (dismissible, "Don't show again" remembered in
// QSettings), one-off notices, and empty states that say what to do next when
// the comparison has no builds or no use case.

#include <QFrame>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QVBoxLayout;
QT_END_NAMESPACE

namespace llm::ui {

class ComparisonDocument;

// A slim message bar: an icon-less line of text, optional buttons, and Close.
class InfoBar final : public QFrame {
    Q_OBJECT
public:
    explicit InfoBar(const QString &text, QWidget *parent = nullptr);
    QLabel *label() const { return m_label; }
    QPushButton *addButton(const QString &text);
    QPushButton *closeButton() const { return m_close; }

private:
    QLabel *m_label;
    QPushButton *m_close;
    QWidget *m_buttons;
};

class Guidance final : public QObject {
    Q_OBJECT
public:
    explicit Guidance(ComparisonDocument *document, QObject *parent = nullptr);

    // Puts the bars above `content` and returns the widget to make central.
    QWidget *wrapCentral(QWidget *content);
    // Puts `tabs` in a stack with the empty-state page (shown when there is no
    // build) and a hint above them (when no use case is selected). `addBuild`
    // and `presets` are what the empty state's buttons offer.
    QWidget *wrapResults(QTabWidget *tabs, QAction *addBuild, QMenu *presets);

    InfoBar *guideBar() const { return m_guide; }
    InfoBar *noUseCaseBar() const { return m_noUseCase; }
    QWidget *emptyState() const { return m_empty; }
    // True when the empty-state page is shown instead of the result tabs.
    bool showingEmptyState() const;
    // Shows the guide again (Help menu), whatever was chosen before.
    void showGuide();
    // A one-off notice above everything (e.g. settings that could not be read).
    InfoBar *showNotice(const QString &text);
    // The QSettings key remembering "Don't show again".
    static QString guideDismissedKey();

private:
    void update();

    ComparisonDocument *m_document;
    QVBoxLayout *m_bars = nullptr;
    InfoBar *m_guide = nullptr;
    InfoBar *m_noUseCase = nullptr;
    QWidget *m_empty = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTabWidget *m_tabs = nullptr;
};

} // namespace llm::ui
