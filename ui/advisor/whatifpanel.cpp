// SPDX-License-Identifier: MIT
// The What if tab: what-if and headroom tables for the selected build.
#include "whatifpanel.h"

#include "catalogue.h"
#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "results/unitdelegate.h"
#include "whatifmodels.h"
#include "whatifwords.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
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

    m_intro->setObjectName(QStringLiteral("whatIfIntro"));
    m_intro->setWordWrap(true);

    m_eachBuildButton = new QPushButton(tr("What would make &each build meet every need?"), this);
    m_eachBuildButton->setObjectName(QStringLiteral("eachBuildButton"));
    m_eachBuildButton->setCheckable(true);
    m_eachBuildButton->setToolTip(tr("For every build in the comparison: the cheapest single "
                                     "change after which it meets every need, if there is one."));
    m_detailsBox = new QCheckBox(tr("Show engineering &detail"), this);
    m_detailsBox->setObjectName(QStringLiteral("whatIfDetails"));
    m_detailsBox->setToolTip(tr("Adds the price change and each use case's verdict and margin "
                                "to the list, and the headroom table per use case."));

    // The sentences: one visible column that wraps; the engineering columns are
    // hidden until "Show engineering detail" is ticked.
    m_whatIfView = makeView(m_whatIf, QStringLiteral("whatIfTable"), this);
    m_whatIfView->setAccessibleName(tr("What if: changes and their effect"));
    m_whatIfView->setWordWrap(true);
    m_whatIfView->setTextElideMode(Qt::ElideNone);
    m_whatIfView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_whatIfView->horizontalHeader()->setSectionResizeMode(WhatIfModel::Change,
                                                           QHeaderView::Stretch);
    m_whatIfView->setToolTip(tr("Each row is one change to the selected build, with its price "
                                "and how many needs the build meets afterwards; the changes that "
                                "help most for the least money come first."));

    m_footnote = new QLabel(this);
    m_footnote->setObjectName(QStringLiteral("whatIfFootnote"));
    m_footnote->setWordWrap(true);
    m_footnote->setTextFormat(Qt::RichText);
    m_footnote->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_footnote, &QLabel::linkActivated, this,
            [this] { setNotOfferedShown(m_notOffered->isHidden()); });
    m_notOffered = new QLabel(this);
    m_notOffered->setObjectName(QStringLiteral("whatIfNotOffered"));
    m_notOffered->setWordWrap(true);
    m_notOffered->setTextFormat(Qt::RichText);
    m_notOffered->hide();

    m_headroomText = new QLabel(this);
    m_headroomText->setObjectName(QStringLiteral("headroomText"));
    m_headroomText->setWordWrap(true);
    m_headroomText->setTextFormat(Qt::RichText);
    m_headroomText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headroomView = makeView(m_headroom, QStringLiteral("headroomTable"), this);
    m_headroomView->setAccessibleName(tr("Headroom per use case"));
    m_headroomView->setToolTip(tr("How much bigger a model, how long a context and how many users "
                                  "at once the selected build takes before each use case fails."));
    m_headroomView->hide();

    auto *whatIfTitle = new QLabel(tr("<b>&What if one thing changes</b>"), this);
    whatIfTitle->setBuddy(m_whatIfView);
    auto *headroomTitle = new QLabel(tr("<b>&Headroom: how far it stretches</b>"), this);
    headroomTitle->setBuddy(m_headroomView);

    m_eachBuildList = new QListWidget(this);
    m_eachBuildList->setObjectName(QStringLiteral("eachBuildList"));
    m_eachBuildList->setAccessibleName(tr("The cheapest fix of each build"));
    m_eachBuildList->setWordWrap(true);
    m_eachBuildList->hide();

    m_selectedPart = new QWidget(this);
    auto *selected = new QVBoxLayout(m_selectedPart);
    selected->setContentsMargins(0, 0, 0, 0);
    selected->addWidget(whatIfTitle);
    selected->addWidget(m_whatIfView, 3);
    selected->addWidget(m_footnote);
    selected->addWidget(m_notOffered);
    selected->addWidget(headroomTitle);
    selected->addWidget(m_headroomText);
    selected->addWidget(m_headroomView, 2);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_eachBuildButton);
    buttons->addStretch(1);
    buttons->addWidget(m_detailsBox);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(buttons);
    layout->addWidget(m_selectedPart, 1);
    layout->addWidget(m_eachBuildList, 1);
    showDetails(false);

    connect(m_eachBuildButton, &QPushButton::toggled, this, &WhatIfPanel::setEachBuildMode);
    connect(m_detailsBox, &QCheckBox::toggled, this, &WhatIfPanel::showDetails);
    connect(document, &ComparisonDocument::resultsChanged, this, &WhatIfPanel::invalidate);
    connect(document, &ComparisonDocument::structureChanged, this, &WhatIfPanel::invalidate);
}

void WhatIfPanel::showDetails(bool shown) {
    for (int c = WhatIfModel::PriceDelta; c < m_whatIf->columnCount(); ++c)
        m_whatIfView->setColumnHidden(c, !shown);
    m_whatIfView->horizontalHeader()->setSectionResizeMode(
        WhatIfModel::Change, shown ? QHeaderView::Interactive : QHeaderView::Stretch);
    if (shown)
        m_whatIfView->horizontalHeader()->resizeSection(WhatIfModel::Change,
                                                        fontMetrics().averageCharWidth() * 60);
    m_headroomView->setVisible(shown);
}

void WhatIfPanel::setEachBuildMode(bool on) {
    if (m_eachBuildButton->isChecked() != on)
        m_eachBuildButton->setChecked(on); // toggled() comes back here
    m_selectedPart->setVisible(!on);
    m_eachBuildList->setVisible(on);
    invalidate();
}

void WhatIfPanel::setNotOfferedShown(bool shown) {
    m_notOffered->setVisible(shown && !m_whatIf->notOffered().isEmpty());
    const int n = static_cast<int>(m_whatIf->notOffered().size());
    if (n == 0) {
        m_footnote->clear();
        return;
    }
    const QString link = QStringLiteral("<a href=\"#notOffered\">%1</a>")
                             .arg(shown ? tr("hide them") : tr("show them"));
    m_footnote->setText(
        (n == 1 ? tr("1 other change is not possible on this build: %1").arg(link)
                : tr("%1 other changes are not possible on this build: %2").arg(n).arg(link)));
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

void WhatIfPanel::clearSelected(const QString &intro) {
    m_whatIf->setWhatIfs({}, {});
    m_headroom->setHeadroom({}, m_document->state().assumptions.thresholds.minGeneration);
    m_headroomText->clear();
    setNotOfferedShown(false);
    m_intro->setText(intro);
}

void WhatIfPanel::recompute() {
    m_stale = false;
    if (m_eachBuildButton->isChecked()) {
        recomputeEachBuild();
        return;
    }
    const ComparisonState &s = m_document->state();
    const auto &results = m_document->results();
    const int n = m_document->buildCount();
    if (m_build < 0 || m_build >= n) {
        clearSelected(tr("Select a build on the left to see what single changes would do to it "
                         "and how much room it has left."));
        return;
    }
    const auto i = static_cast<std::size_t>(m_build);
    const Build &build = s.builds[i];
    const QString name = QString::fromStdString(build.name).toHtmlEscaped();
    if (i >= results.size() || !results[i].computed || s.useCases.empty()) {
        clearSelected(
            s.useCases.empty()
                ? tr("No use cases are chosen, so there is nothing to pass or fail.")
                : tr("“%1” could not be estimated (see the build editor), so there is nothing to "
                     "change yet.")
                      .arg(name));
        return;
    }
    QElapsedTimer timer;
    timer.start();
    const Workload workload{s.useCases, s.reservedContext};
    const PlatformRules *rules = m_document->platformRulesOrNull();
    std::vector<WhatIf> changes =
        whatIfs(build, s.model, workload, s.assumptions, m_document->catalog(), rules);
    if (rules)
        dropInheritedProblems(changes,
                              checkBuild(build, m_document->catalog(), *rules, s.assumptions));
    Headroom room = headroom(build, s.model, workload, s.assumptions, m_document->catalog());
    WhatIfWords::HeadroomInput words;
    words.build = &build;
    words.model = &s.model;
    words.needs = &s.useCases;
    words.headroom = &room;
    words.assumptions = &s.assumptions;
    words.catalog = &m_document->catalog();
    words.fits = results[i].estimate.fits;
    const QStringList roomLines = WhatIfWords::headroomLines(words);
    m_lastMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    std::vector<std::string> ids;
    for (const UseCase &u : s.useCases)
        ids.push_back(u.id);
    WhatIfContext context{build, s.model, results[i].estimate, shownPrice(build, s.assumptions),
                          s.assumptions.thresholds};
    m_whatIf->setWhatIfs(std::move(changes), std::move(ids), std::move(context));
    showDetails(m_detailsBox->isChecked()); // columns came back with the reset
    m_headroom->setHeadroom(std::move(room), s.assumptions.thresholds.minGeneration);
    QStringList escaped;
    for (const QString &line : roomLines)
        escaped << line.toHtmlEscaped();
    m_headroomText->setText(escaped.join(QStringLiteral("<br>")));
    QStringList notOffered;
    for (const QString &line : m_whatIf->notOffered())
        notOffered << QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    m_notOffered->setText(QStringLiteral("<ul>%1</ul>").arg(notOffered.join(QString())));
    setNotOfferedShown(false);
    m_intro->setText(tr("For <b>%1</b> (%2): what one change would do, the changes that help "
                        "most for the least money first. Prices are estimates from list prices, "
                        "excluding VAT.")
                         .arg(name, fmt::price(build, results[i].cost.priceEur).toHtmlEscaped()));
}

void WhatIfPanel::recomputeEachBuild() {
    const ComparisonState &s = m_document->state();
    const auto &results = m_document->results();
    m_eachBuildList->clear();
    m_intro->setText(tr("For every build: the cheapest single change after which it meets every "
                        "need (same rules as the list for one build: parts on sale new that fit "
                        "the computer and have a price)."));
    if (s.useCases.empty() || results.size() < s.builds.size()) {
        m_intro->setText(tr("No use cases are chosen, so there is nothing to pass or fail."));
        return;
    }
    // A catalogue sweep is the Find builds dialog's job.
    const DecisionSummary decision = decisionOf(*m_document, false);
    for (std::size_t i = 0; i < decision.builds.size(); ++i) {
        auto *item = new QListWidgetItem(WhatIfWords::fixLine(decision.builds[i], s.builds[i]),
                                         m_eachBuildList);
        item->setData(Qt::UserRole, static_cast<int>(i));
    }
}

} // namespace llm::ui
