// SPDX-License-Identifier: MIT
#include "resultspanel.h"

#include "comparison/comparisondocument.h"
#include "results/memoryfit.h"
#include "results/roles.h"
#include "results/sizecurvemodel.h"
#include "results/summarymodel.h"
#include "results/unitdelegate.h"
#include "results/usecasemodel.h"
#include "results/whytext.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <iterator>

namespace llm::ui {

SummaryTable::SummaryTable(SummaryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_view(new QTableView(this)) {
    m_view->setObjectName(QStringLiteral("summaryTable"));
    m_view->setModel(model);
    m_view->setItemDelegate(new UnitDelegate(m_view));
    // Plain words first: the engineering columns are on the Engineering detail tab,
    // and the columns people decide on come first.
    for (int c = 0; c < SummaryModel::ColumnCount; ++c)
        m_view->setColumnHidden(c, SummaryModel::isEngineeringColumn(c));
    const int order[] = {SummaryModel::Name,           SummaryModel::Price,
                         SummaryModel::UseCasesPassed, SummaryModel::FitsInMemory,
                         SummaryModel::GenerationRate, SummaryModel::PromptRate};
    for (int i = 0; i < static_cast<int>(std::size(order)); ++i)
        m_view->horizontalHeader()->moveSection(m_view->horizontalHeader()->visualIndex(order[i]),
                                                i);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Results per build"));
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_view->setItemDelegateForColumn(SummaryModel::MemoryNeeded, new MemoryFitDelegate(m_view));
    auto resize = [this] { m_view->resizeColumnsToContents(); };
    connect(model, &QAbstractItemModel::modelReset, this, resize);
    resize();
    auto *label = new QLabel(tr("&Results per build (the charts show these numbers):"), this);
    label->setBuddy(m_view);
    auto *legend = new QLabel(
        tr("Speeds: the estimate, with the range 8 in 10 published measurements fell in. "
           "Memory bar: weights, KV cache and overhead; the line marks the RAM and VRAM the "
           "build may use."),
        this);
    legend->setWordWrap(true);
    m_overrideLegend = new QLabel(tr("Figures marked * use an assumption you overrode (see "
                                     "Assumptions)."),
                                  this);
    m_overrideLegend->setObjectName(QStringLiteral("overrideLegend"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_view);
    layout->addWidget(legend);
    layout->addWidget(m_overrideLegend);
    auto updateLegend = [this, model] {
        bool any = false;
        for (int r = 0; r < model->rowCount() && !any; ++r)
            for (int c = 0; c < model->columnCount() && !any; ++c)
                any = model->index(r, c).data(OverriddenRole).toBool();
        m_overrideLegend->setVisible(any);
    };
    connect(model, &QAbstractItemModel::modelReset, this, updateLegend);
    connect(model, &QAbstractItemModel::dataChanged, this, updateLegend);
    updateLegend();
}

UseCasePanel::UseCasePanel(ComparisonDocument *document, UseCaseModel *model, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_view(new QTableView(this))
    , m_why(new QTextBrowser(this)) {
    m_view->setObjectName(QStringLiteral("useCaseTable"));
    m_why->setObjectName(QStringLiteral("whyText"));
    m_view->setModel(model);
    m_view->setItemDelegate(new UnitDelegate(m_view));
    m_view->setAccessibleName(tr("Use-case matrix"));
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // The needs' names wrap in narrow columns rather than lose their ends.
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter |
                                                    Qt::Alignment(Qt::TextWordWrap));
    m_view->horizontalHeader()->setMinimumHeight(2 * fontMetrics().lineSpacing() + 8);
    // Two lines a cell: the verdict, then what the build is good for. The rows fit
    // their text while the tab is shown (showEvent); hidden, they need not follow every
    // live edit (fitting nine rows costs more than a millisecond a change).
    m_view->setWordWrap(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_why->setAccessibleName(tr("Why each use case passes or fails"));
    auto *label = new QLabel(tr("&Use cases per build (hover a cell for its times):"), this);
    label->setBuddy(m_view);
    auto *whyLabel = new QLabel(tr("&Why:"), this);
    whyLabel->setBuddy(m_why);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_view, 3);
    layout->addWidget(whyLabel);
    layout->addWidget(m_why, 2);
    connect(document, &ComparisonDocument::resultsChanged, this, &UseCasePanel::updateWhy);
    updateWhy();
}

void UseCasePanel::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->resizeRowsToContents(); // now, not on the header's next timer: no first paint unfitted
    if (m_stale)
        updateWhy();
}

void UseCasePanel::hideEvent(QHideEvent *event) {
    QWidget::hideEvent(event);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}

void UseCasePanel::updateWhy() {
    // Laying out rich text costs milliseconds: a hidden tab catches up when shown.
    m_stale = !isVisible();
    if (m_stale)
        return;
    const ComparisonState &s = m_document->state();
    QString html;
    for (std::size_t b = 0; b < s.builds.size() && b < m_document->results().size(); ++b)
        html += QStringLiteral("<p><b>%1</b>: %2</p>")
                    .arg(QString::fromStdString(s.builds[b].name).toHtmlEscaped(),
                         headline(s.builds[b], m_document->results()[b]).toHtmlEscaped());
    const auto entries = whyEntries(s, m_document->results(), true);
    if (!entries.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Failing and borderline use cases"));
        for (const WhyEntry &e : entries)
            html += QStringLiteral("<li><b>%1</b> (%2): %3</li>")
                        .arg(e.build.toHtmlEscaped(), e.verdict, e.sentence.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    m_why->setHtml(html);
}

EngineeringPanel::EngineeringPanel(SummaryModel *model, QWidget *bandwidthChart, QWidget *parent)
    : QWidget(parent)
    , m_view(new QTableView(this)) {
    setObjectName(QStringLiteral("engineeringPanel"));
    m_view->setObjectName(QStringLiteral("engineeringTable"));
    m_view->setModel(model);
    m_view->setItemDelegate(new UnitDelegate(m_view));
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Engineering figures per build"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    for (int c = 0; c < SummaryModel::ColumnCount; ++c)
        m_view->setColumnHidden(
            c, c != SummaryModel::Name &&
                   (c == SummaryModel::Spacer || !SummaryModel::isEngineeringColumn(c)));
    auto resize = [this] { m_view->resizeColumnsToContents(); };
    connect(model, &QAbstractItemModel::modelReset, this, resize);
    resize();
    auto *intro = new QLabel(
        tr("For engineers: the memory bandwidth behind the writing speed (RAM side: "
           "channels × speed; CPU fabric side: the chiplets' links), the part that limits "
           "each build, and published measurements to check the estimates against. The "
           "efficiency factors are on the Assumptions tab."),
        this);
    intro->setWordWrap(true);
    // The chart keeps the height every build's label needs: the tab scrolls instead.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(scroll);
    auto *inner = new QVBoxLayout(content);
    inner->setContentsMargins(0, 0, 0, 0);
    inner->addWidget(intro);
    bandwidthChart->setParent(content);
    inner->addWidget(bandwidthChart);
    m_view->setParent(content);
    m_view->setMinimumHeight(260);
    inner->addWidget(m_view, 1);
    bandwidthChart->show();
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

QTableView *createSizeTable(SizeCurveModel *model, QWidget *parent) {
    auto *view = new QTableView(parent);
    view->setObjectName(QStringLiteral("sizeTable"));
    view->setModel(model);
    view->setItemDelegate(new UnitDelegate(view));
    view->setAccessibleName(QObject::tr("Generation speed by model size"));
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    // Build names are wrapped in the header (never elided): columns fit the text.
    view->horizontalHeader()->setTextElideMode(Qt::ElideNone);
    auto resize = [view] { view->resizeColumnsToContents(); };
    QObject::connect(model, &QAbstractItemModel::modelReset, view, resize);
    resize();
    return view;
}

} // namespace llm::ui
