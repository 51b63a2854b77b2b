// SPDX-License-Identifier: MIT
#include "buildlistpanel.h"

#include "charts/chartstyle.h"

#include "comparison/comparisondocument.h"
#include "results/summarymodel.h"

#include <QAbstractListModel>
#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace llm::ui {

// Tags in front of the names: the charts and tables label builds A, B, C….
class NumberedDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        // The same tag as every chart, table and legend: A, B, C…
        option->text = QStringLiteral("%1  %2").arg(buildTag(index.row()), option->text);
    }
};

// The list's own view of the summary: the names only. A live edit announces every
// figure of the summary as changed, never a name (a rename resets the model), and a
// list view lays out and repaints all its rows on any dataChanged, whatever the column.
class BuildNames final : public QAbstractListModel {
public:
    BuildNames(SummaryModel *summary, QObject *parent)
        : QAbstractListModel(parent)
        , m_summary(summary) {
        connect(summary, &QAbstractItemModel::modelAboutToBeReset, this,
                [this] { beginResetModel(); });
        connect(summary, &QAbstractItemModel::modelReset, this, [this] {
            m_names = names();
            endResetModel();
        });
        connect(summary, &QAbstractItemModel::dataChanged, this, &BuildNames::announceNames);
        m_names = names();
    }

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : m_summary->rowCount();
    }
    QVariant data(const QModelIndex &index, int role) const override {
        return name(index).data(role);
    }
    Qt::ItemFlags flags(const QModelIndex &index) const override {
        return index.isValid() ? m_summary->flags(name(index)) : Qt::NoItemFlags;
    }
    bool setData(const QModelIndex &index, const QVariant &value, int role) override {
        return m_summary->setData(name(index), value, role);
    }

private:
    QModelIndex name(const QModelIndex &index) const {
        return index.isValid() ? m_summary->index(index.row(), SummaryModel::Name) : QModelIndex();
    }
    QStringList names() const {
        QStringList out;
        for (int r = 0; r < m_summary->rowCount(); ++r)
            out << m_summary->index(r, SummaryModel::Name).data().toString();
        return out;
    }
    // Only the rows whose name reads differently are announced.
    void announceNames() {
        const QStringList now = names();
        if (now.size() != m_names.size()) { // never without a reset; all of them then
            beginResetModel();
            m_names = now;
            endResetModel();
            return;
        }
        const QStringList before = std::exchange(m_names, now);
        for (int r = 0; r < now.size(); ++r)
            if (now[r] != before[r])
                emit dataChanged(index(r), index(r));
    }

    SummaryModel *m_summary;
    QStringList m_names;
};

static QToolButton *toolButton(QAction *action, QWidget *parent) {
    auto *b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setAccessibleName(action->text().remove(QLatin1Char('&')));
    return b;
}

BuildListPanel::BuildListPanel(ComparisonDocument *document, SummaryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_view(new QListView(this))
    , m_presets(new QMenu(tr("Add from &preset"), this)) {
    m_view->setObjectName(QStringLiteral("buildList"));
    m_view->setModel(new BuildNames(model, this));
    m_view->setItemDelegate(new NumberedDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_view->setAccessibleName(tr("Builds"));
    m_view->setToolTip(tr("The builds being compared. F2 renames; the buttons below add, copy, "
                          "remove and reorder."));
    m_view->setMinimumHeight(m_view->fontMetrics().height() * 6);

    m_addEmpty = new QAction(tr("&New build"), this);
    m_addEmpty->setObjectName(QStringLiteral("addBuild"));
    m_addEmpty->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_addEmpty->setToolTip(tr("Add an empty build (Ctrl+B)"));
    m_duplicate = new QAction(tr("&Duplicate"), this);
    m_duplicate->setObjectName(QStringLiteral("duplicateBuild"));
    m_duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_remove = new QAction(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeBuild"));
    m_remove->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    m_moveUp = new QAction(tr("Move &up"), this);
    m_moveUp->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Up));
    m_moveDown = new QAction(tr("Move do&wn"), this);
    m_moveDown->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Down));
    m_rename = new QAction(tr("Re&name"), this);
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    for (QAction *a : {m_addEmpty, m_duplicate, m_remove, m_moveUp, m_moveDown, m_rename}) {
        a->setShortcutContext(Qt::WindowShortcut);
        addAction(a);
    }

    const auto &presets = document->catalog().presets;
    for (int i = 0; i < static_cast<int>(presets.size()); ++i) {
        QAction *a =
            m_presets->addAction(QString::fromStdString(presets[static_cast<std::size_t>(i)].name));
        a->setToolTip(QString::fromStdString(presets[static_cast<std::size_t>(i)].note));
        connect(a, &QAction::triggered, this, [this, i] { addPreset(i); });
    }

    connect(m_addEmpty, &QAction::triggered, this, [this] {
        m_wanted = m_document->buildCount();
        m_document->addBuild(emptyBuild(m_document->catalog(), tr("New build").toStdString()));
    });
    connect(m_duplicate, &QAction::triggered, this, [this] {
        const int i = currentBuild();
        if (i < 0)
            return;
        Build copy = m_document->state().builds[static_cast<std::size_t>(i)];
        m_wanted = i + 1;
        m_document->addBuild(copy, i + 1);
    });
    connect(m_remove, &QAction::triggered, this, [this] {
        const int i = currentBuild();
        m_wanted = std::max(0, i - 1);
        m_document->removeBuild(i);
    });
    connect(m_moveUp, &QAction::triggered, this, [this] {
        const int i = currentBuild();
        m_wanted = i - 1;
        m_document->moveBuild(i, i - 1);
    });
    connect(m_moveDown, &QAction::triggered, this, [this] {
        const int i = currentBuild();
        m_wanted = i + 1;
        m_document->moveBuild(i, i + 1);
    });
    connect(m_rename, &QAction::triggered, this, [this] {
        if (m_view->currentIndex().isValid())
            m_view->edit(m_view->currentIndex());
    });

    auto *addButton = toolButton(m_addEmpty, this);
    addButton->setMenu(m_presets);
    addButton->setPopupMode(QToolButton::MenuButtonPopup);

    auto *label = new QLabel(tr("&Builds:"), this);
    label->setBuddy(m_view);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    buttons->addWidget(addButton);
    buttons->addWidget(toolButton(m_duplicate, this));
    buttons->addWidget(toolButton(m_remove, this));
    buttons->addStretch();
    buttons->addWidget(toolButton(m_moveUp, this));
    buttons->addWidget(toolButton(m_moveDown, this));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                m_wanted = current.row();
                updateActions();
                emit currentBuildChanged(current.row());
            });
    // The list's model, reset after the summary: the rows are there again.
    connect(m_view->model(), &QAbstractItemModel::modelReset, this,
            &BuildListPanel::restoreCurrent);
    setCurrentBuild(0);
    updateActions();
}

void BuildListPanel::addPreset(int presetIndex) {
    const auto &presets = m_document->catalog().presets;
    if (presetIndex < 0 || presetIndex >= static_cast<int>(presets.size()))
        return;
    Build b;
    if (buildFromPreset(m_document->catalog(), presets[static_cast<std::size_t>(presetIndex)], b)) {
        m_wanted = m_document->buildCount();
        m_document->addBuild(b);
    }
}

void BuildListPanel::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    // Laid out again once shown: a theme (style) set before the window shows left the
    // list's scroll range as laid out before, and no live edit lays the list out again.
    m_view->doItemsLayout();
}

int BuildListPanel::currentBuild() const {
    return m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
}

void BuildListPanel::setCurrentBuild(int index) {
    m_view->setCurrentIndex(m_view->model()->index(index, 0));
}

void BuildListPanel::restoreCurrent() {
    const int rows = m_view->model()->rowCount();
    const int row = std::clamp(m_wanted, 0, std::max(0, rows - 1));
    setCurrentBuild(rows > 0 ? row : -1);
    if (rows == 0)
        emit currentBuildChanged(-1);
    updateActions();
}

void BuildListPanel::updateActions() {
    const int i = currentBuild();
    const int n = m_document->buildCount();
    const bool full = n >= ComparisonDocument::kMaxBuilds;
    m_duplicate->setEnabled(i >= 0 && !full);
    m_addEmpty->setEnabled(!full);
    m_presets->setEnabled(!full);
    // A greyed-out button says why on hover.
    const QString fullText = tr("A comparison holds at most %1 builds; remove one to add another.")
                                 .arg(ComparisonDocument::kMaxBuilds);
    m_addEmpty->setToolTip(full ? fullText : tr("Add an empty build (Ctrl+B)"));
    m_duplicate->setToolTip(full ? fullText : QString()); // empty: the action's own text
    m_presets->menuAction()->setToolTip(full ? fullText : QString());
    m_remove->setEnabled(i >= 0);
    m_moveUp->setEnabled(i > 0);
    m_moveDown->setEnabled(i >= 0 && i + 1 < n);
    m_rename->setEnabled(i >= 0);
}

} // namespace llm::ui
