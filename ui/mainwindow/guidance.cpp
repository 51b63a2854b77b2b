// SPDX-License-Identifier: MIT
// First-run guide, notices and empty states of the main window (see guidance.h).
#include "guidance.h"

#include "comparison/comparisondocument.h"
#include "settings.h"
#include "workload.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace llm::ui {

InfoBar::InfoBar(const QString &text, QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(text, this))
    , m_close(new QPushButton(tr("Close"), this))
    , m_buttons(new QWidget(this)) {
    setFrameShape(QFrame::StyledPanel);
    // Highlight-tinted background that works in the light and the dark palette.
    setAutoFillBackground(true);
    QPalette p = palette();
    QColor tint = p.color(QPalette::Highlight);
    tint.setAlpha(40);
    p.setColor(QPalette::Window, tint);
    setPalette(p);
    setBackgroundRole(QPalette::Window);

    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto *buttons = new QHBoxLayout(m_buttons);
    buttons->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QHBoxLayout(this);
    const int m = fontMetrics().height() / 3;
    layout->setContentsMargins(2 * m, m, m, m);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_buttons);
    layout->addWidget(m_close);
    m_close->setToolTip(tr("Hide this message"));
    connect(m_close, &QPushButton::clicked, this, &QWidget::hide);
}

QPushButton *InfoBar::addButton(const QString &text) {
    auto *b = new QPushButton(text, m_buttons);
    m_buttons->layout()->addWidget(b);
    return b;
}

Guidance::Guidance(ComparisonDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document) {}

QString Guidance::guideDismissedKey() {
    return setting::guideDismissed.name;
}

QWidget *Guidance::wrapCentral(QWidget *content) {
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bars = new QWidget(central);
    m_bars = new QVBoxLayout(bars);
    const int m = central->fontMetrics().height() / 3;
    m_bars->setContentsMargins(m, m, m, 0);
    m_bars->setSpacing(m);
    layout->addWidget(bars);
    layout->addWidget(content, 1);

    m_guide =
        new InfoBar(tr("<b>Getting started:</b> 1. pick builds on the left (New build or "
                       "a preset) · 2. pick the model and tick the needs · 3. read the answer "
                       "at the top · 4. File → Export PDF…"),
                    bars);
    m_guide->setObjectName(QStringLiteral("guideBar"));
    QPushButton *never = m_guide->addButton(tr("Don't show again"));
    never->setObjectName(QStringLiteral("guideDontShowAgain"));
    connect(never, &QPushButton::clicked, this, [this] {
        Settings().setValue(setting::guideDismissed, true);
        m_guide->hide();
    });
    m_bars->addWidget(m_guide);
    m_guide->setVisible(!Settings().value(setting::guideDismissed));
    return central;
}

InfoBar *Guidance::showNotice(const QString &text) {
    auto *bar = new InfoBar(text, m_bars ? m_bars->parentWidget() : nullptr);
    bar->setObjectName(QStringLiteral("noticeBar"));
    bar->setAttribute(Qt::WA_DeleteOnClose);
    connect(bar->closeButton(), &QPushButton::clicked, bar, &QWidget::close);
    if (m_bars)
        m_bars->insertWidget(0, bar);
    return bar;
}

void Guidance::showGuide() {
    Settings().remove(setting::guideDismissed);
    if (m_guide)
        m_guide->show();
}

QWidget *Guidance::wrapResults(QTabWidget *tabs, QAction *addBuild, QMenu *presets) {
    m_tabs = tabs;
    auto *area = new QWidget;
    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);

    m_noUseCase = new InfoBar(tr("No need is ticked, so no build gets a verdict. Tick the needs "
                                 "above the charts, add the four standard ones, or your own on "
                                 "the Assumptions tab."),
                              area);
    m_noUseCase->setObjectName(QStringLiteral("noUseCaseBar"));
    m_noUseCase->closeButton()->hide(); // it goes away when a use case is chosen
    QPushButton *standard = m_noUseCase->addButton(tr("Add the four standard needs"));
    standard->setObjectName(QStringLiteral("addStandardUseCases"));
    connect(standard, &QPushButton::clicked, this,
            [this] { m_document->setUseCases(seedUseCases(), tr("Add the standard use cases")); });
    QPushButton *toAssumptions = m_noUseCase->addButton(tr("Open Assumptions"));
    connect(toAssumptions, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_tabs->count(); ++i) {
            const QWidget *page = m_tabs->widget(i);
            const auto *scroll = qobject_cast<const QScrollArea *>(page);
            if (scroll && scroll->widget())
                page = scroll->widget();
            if (page->inherits("llm::ui::AssumptionsPanel"))
                m_tabs->setCurrentIndex(i);
        }
    });
    layout->addWidget(m_noUseCase);

    m_empty = new QWidget(area);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    auto *emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->addStretch(1);
    auto *title = new QLabel(tr("<h3>No builds to compare yet</h3>"), m_empty);
    title->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(tr("Add a build with <b>New build</b> or start from a preset: the "
                               "charts, the table and the verdicts appear here as soon as there "
                               "is one."),
                            m_empty);
    text->setObjectName(QStringLiteral("emptyStateText"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    emptyLayout->addWidget(title);
    emptyLayout->addWidget(text);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto *add = new QPushButton(tr("New build"), m_empty);
    add->setObjectName(QStringLiteral("emptyStateNewBuild"));
    connect(add, &QPushButton::clicked, addBuild, &QAction::trigger);
    auto *preset = new QPushButton(tr("Start from a preset"), m_empty);
    preset->setObjectName(QStringLiteral("emptyStatePreset"));
    preset->setMenu(presets);
    buttons->addWidget(add);
    buttons->addWidget(preset);
    buttons->addStretch(1);
    emptyLayout->addLayout(buttons);
    emptyLayout->addStretch(2);

    m_stack = new QStackedWidget(area);
    m_stack->addWidget(tabs);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);

    connect(m_document, &ComparisonDocument::structureChanged, this, &Guidance::update);
    connect(m_document, &ComparisonDocument::resultsChanged, this, &Guidance::update);
    update();
    return area;
}

bool Guidance::showingEmptyState() const {
    return m_stack && m_stack->currentWidget() == m_empty;
}

void Guidance::update() {
    if (!m_stack)
        return;
    const ComparisonState &state = m_document->state();
    m_stack->setCurrentWidget(state.builds.empty() ? m_empty : static_cast<QWidget *>(m_tabs));
    m_noUseCase->setVisible(!state.builds.empty() && state.useCases.empty());
}

} // namespace llm::ui
