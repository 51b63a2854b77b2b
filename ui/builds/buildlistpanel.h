// SPDX-License-Identifier: MIT
#pragma once
// The list of builds being compared, with add (empty or from a preset),
// duplicate, rename (F2), remove and reorder.

#include <QWidget>

QT_BEGIN_NAMESPACE
class QListView;
class QMenu;
class QToolButton;
class QAction;
QT_END_NAMESPACE

namespace llm::ui {

class ComparisonDocument;
class SummaryModel;

class BuildListPanel final : public QWidget {
    Q_OBJECT
public:
    BuildListPanel(ComparisonDocument *document, SummaryModel *model, QWidget *parent = nullptr);

    int currentBuild() const;
    void setCurrentBuild(int index);
    QListView *view() const { return m_view; }

    QAction *addEmptyAction() const { return m_addEmpty; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *removeAction() const { return m_remove; }
    QAction *moveUpAction() const { return m_moveUp; }
    QAction *moveDownAction() const { return m_moveDown; }
    QAction *renameAction() const { return m_rename; }
    QMenu *presetMenu() const { return m_presets; }

    void addPreset(int presetIndex);

signals:
    void currentBuildChanged(int index);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateActions();
    void restoreCurrent();

    ComparisonDocument *m_document;
    QListView *m_view;
    QMenu *m_presets;
    QAction *m_addEmpty;
    QAction *m_duplicate;
    QAction *m_remove;
    QAction *m_moveUp;
    QAction *m_moveDown;
    QAction *m_rename;
    int m_wanted = 0; // row to select again after the model resets
};

} // namespace llm::ui
