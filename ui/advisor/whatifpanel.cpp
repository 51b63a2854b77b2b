// SPDX-License-Identifier: MIT
// The What if tab: what-if and headroom tables for the selected build.
#include "whatifpanel.h"

#include "catalogue.h"
#include "comparison/comparisondocument.h"
#include "results/unitdelegate.h"
#include "whatifmodels.h"

#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace llm::ui {

namespace {
QTableView *makeView(QAbstractItemModel *model, const QString &name, QWidget *parent) {
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setItemDelegate(new UnitDelegate(view));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}
} // namespace

WhatIfPanel::WhatIfPanel(ComparisonDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_whatIf(new WhatIfModel(this))
    , m_headroom(new HeadroomModel(this))
    , m_intro(new QLabel(this)) {
    setObjectName(QStringLiteral("whatIfPanel"));
    QString error;
    m_rules = db::loadShippedPlatformRules(&error);
    m_haveRules = error.isEmpty();

    m_intro->setObjectName(QStringLiteral("whatIfIntro"));
    m_intro->setWordWrap(true);
    m_whatIfView = makeView(m_whatIf, QStringLiteral("whatIfTable"), this);
    m_whatIfView->setAccessibleName(tr("What if: changes and their effect"));
    m_whatIfView->setToolTip(tr("Each row is one change to the selected build. Each use-case "
                                "column shows the verdict before → after and how the margin moves; "
                                "bold marks a verdict that flips."));
    // A long "not possible" reason must not push the use cases off screen: the
    // change column has a fixed share, elides, and its tooltip has the full text.
    m_whatIfView->horizontalHeader()->setSectionResizeMode(WhatIfModel::Change,
                                                           QHeaderView::Interactive);
    m_whatIfView->horizontalHeader()->resizeSection(WhatIfModel::Change,
                                                    fontMetrics().averageCharWidth() * 44);
    m_whatIfView->setTextElideMode(Qt::ElideRight);
    m_headroomView = makeView(m_headroom, QStringLiteral("headroomTable"), this);
    m_headroomView->setAccessibleName(tr("Headroom per use case"));
    m_headroomView->setToolTip(tr("How much bigger a model, how long a context and how many users "
                                  "at once the selected build takes before each use case fails."));
    auto *whatIfTitle = new QLabel(tr("<b>&What if one thing changes</b>"), this);
    whatIfTitle->setBuddy(m_whatIfView);
    auto *headroomTitle = new QLabel(tr("<b>&Headroom: how far it stretches</b>"), this);
    headroomTitle->setBuddy(m_headroomView);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(whatIfTitle);
    layout->addWidget(m_whatIfView, 3);
    layout->addWidget(headroomTitle);
    layout->addWidget(m_headroomView, 2);

    connect(document, &ComparisonDocument::resultsChanged, this, &WhatIfPanel::invalidate);
    connect(document, &ComparisonDocument::structureChanged, this, &WhatIfPanel::invalidate);
}

void WhatIfPanel::setBuildIndex(int index) {
    if (index == m_build && !m_stale)
        return;
    m_build = index;
    invalidate();
}

void WhatIfPanel::invalidate() {
    m_stale = true;
    if (isVisible())
        recompute();
}

void WhatIfPanel::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_stale)
        recompute();
}

void WhatIfPanel::recompute() {
    m_stale = false;
    const ComparisonState &s = m_document->state();
    const auto &results = m_document->results();
    const int n = m_document->buildCount();
    if (m_build < 0 || m_build >= n) {
        m_whatIf->setWhatIfs({}, {});
        m_headroom->setHeadroom({}, s.assumptions.thresholds.minGeneration);
        m_intro->setText(tr("Select a build on the left to see what single changes would do to it "
                            "and how much room it has left."));
        return;
    }
    const Build &build = s.builds[static_cast<std::size_t>(m_build)];
    const QString name = QString::fromStdString(build.name).toHtmlEscaped();
    if (static_cast<std::size_t>(m_build) >= results.size() ||
        !results[static_cast<std::size_t>(m_build)].computed || s.useCases.empty()) {
        m_whatIf->setWhatIfs({}, {});
        m_headroom->setHeadroom({}, s.assumptions.thresholds.minGeneration);
        m_intro->setText(
            s.useCases.empty()
                ? tr("No use cases are chosen, so there is nothing to pass or fail.")
                : tr("“%1” could not be estimated (see the build editor), so there is nothing to "
                     "change yet.")
                      .arg(name));
        return;
    }
    QElapsedTimer timer;
    timer.start();
    const Workload workload{s.useCases};
    std::vector<WhatIf> changes = whatIfs(build, s.model, workload, s.assumptions,
                                          m_document->catalog(), m_haveRules ? &m_rules : nullptr);
    if (m_haveRules)
        dropInheritedProblems(
            changes, checkPlatform(m_rules, build,
                                   results[static_cast<std::size_t>(m_build)].cost.powerAtLoad));
    Headroom room = headroom(build, s.model, workload, s.assumptions, m_document->catalog());
    m_lastMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    std::vector<std::string> ids;
    for (const UseCase &u : s.useCases)
        ids.push_back(u.id);
    m_whatIf->setWhatIfs(std::move(changes), std::move(ids));
    m_headroom->setHeadroom(std::move(room), s.assumptions.thresholds.minGeneration);
    m_intro->setText(
        tr("For <b>%1</b>: the first table shows what one change would do — its price and, for "
           "each use case, the verdict before → after and how the margin moves (1.00× just "
           "passes). The second shows how far the build stretches before each use case fails.")
            .arg(name));
}

} // namespace llm::ui
