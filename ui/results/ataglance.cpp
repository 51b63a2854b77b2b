// SPDX-License-Identifier: MIT
#include "ataglance.h"

#include "advisor/whatifwords.h"
#include "charts/chartstyle.h"
#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "decisiontext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <array>
#include <utility>

namespace llm::ui {

namespace {

// The badges one build earned, in words, for its row.
QStringList badgesOf(const DecisionSummary &s, std::size_t index) {
    QStringList out;
    if (s.cheapestMeetingAll == index)
        out << AtAGlancePanel::tr("cheapest that meets every need");
    if (s.bestValue == index)
        out << AtAGlancePanel::tr("best value");
    if (s.mostHeadroom == index)
        out << AtAGlancePanel::tr("most headroom");
    return out;
}

// "Too slow for Q&A on long documents (the answer starts after 35 s)"-style
// list of the needs a build fails, by what fails.
QString failedNeeds(const Estimate &e) {
    QStringList late, slow;
    for (const UseCaseVerdict &v : e.useCases) {
        if (v.pass)
            continue;
        (v.failed == FailedLimit::PrefillTime ? late : slow) << scenario::needTitle(*v.useCase);
    }
    if (e.useCases.size() > 1 &&
        static_cast<std::size_t>(late.size() + slow.size()) == e.useCases.size())
        return slow.isEmpty()   ? AtAGlancePanel::tr("Answers start too late for every need")
               : late.isEmpty() ? AtAGlancePanel::tr("Writes too slowly for every need")
                                : AtAGlancePanel::tr("Too slow for every need");
    QStringList parts;
    if (!late.isEmpty())
        parts << AtAGlancePanel::tr("answers start too late for %1")
                     .arg(late.join(QStringLiteral(", ")));
    if (!slow.isEmpty())
        parts
            << AtAGlancePanel::tr("writes too slowly for %1").arg(slow.join(QStringLiteral(", ")));
    QString text = parts.join(QStringLiteral("; "));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

AtAGlancePanel::AtAGlancePanel(ComparisonDocument *document, QWidget *parent)
    : QFrame(parent)
    , m_document(document)
    , m_sentence(new QLabel(this))
    , m_badges(new QLabel(this))
    , m_banner(new QFrame(this))
    , m_bannerText(new QLabel(m_banner))
    , m_find(new QPushButton(tr("Find a build for my &budget…"), m_banner))
    , m_table(new QTableWidget(this)) {
    setObjectName(QStringLiteral("atAGlance"));
    setFrameShape(QFrame::StyledPanel);
    m_sentence->setObjectName(QStringLiteral("decisionSentence"));
    m_badges->setObjectName(QStringLiteral("decisionBadges"));
    m_banner->setObjectName(QStringLiteral("noBuildBanner"));
    m_bannerText->setObjectName(QStringLiteral("noBuildBannerText"));
    m_find->setObjectName(QStringLiteral("bannerFindBuilds"));
    m_table->setObjectName(QStringLiteral("atAGlanceTable"));

    auto *title = new QLabel(tr("<b>At a glance</b>"), this);
    for (QLabel *l : {m_sentence, m_badges, m_bannerText}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setTextFormat(Qt::PlainText);
    }
    QFont big = m_sentence->font();
    big.setBold(true);
    m_sentence->setFont(big);
    m_sentence->setAccessibleName(tr("The answer"));
    m_badges->setAccessibleName(tr("Badges"));

    // Red whatever the theme: the text on it is dark on a light background.
    m_banner->setStyleSheet(
        QStringLiteral("#noBuildBanner { background: #fde2e1; border: 1px solid #c0392b; "
                       "border-radius: 3px; } #noBuildBanner QLabel { color: #5c0a05; }"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_find, 0, Qt::AlignVCenter);
    connect(m_find, &QPushButton::clicked, this, &AtAGlancePanel::findBuildsRequested);
    m_banner->hide();

    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels(
        {tr("Build"), tr("Price"), tr("Needs met"), tr("Why — or what would fix it")});
    m_table->setAccessibleName(tr("At a glance, per build"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::TabFocus);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    // Fitted to the text when it changes (fillTable), not on every layout: a live
    // edit must stay cheap.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustIgnored);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(3);
    auto *head = new QHBoxLayout;
    head->addWidget(title);
    head->addWidget(m_badges, 1);
    layout->addLayout(head);
    layout->addWidget(m_sentence);
    layout->addWidget(m_banner);
    layout->addWidget(m_table, 1);

    connect(document, &ComparisonDocument::resultsChanged, this, &AtAGlancePanel::update);
    update();
}

void AtAGlancePanel::checkSizeCache() const {
    const bool banner = !m_banner->isHidden();
    if (m_size.rows == m_table->rowCount() && m_size.banner == banner &&
        m_size.sentence == m_sentence->text() && m_size.badges == m_badges->text() &&
        m_size.bannerText == m_bannerText->text())
        return;
    m_size = SizeCache{m_table->rowCount(), banner, m_sentence->text(), m_badges->text(),
                       m_bannerText->text()};
}

int AtAGlancePanel::heightForWidth(int width) const {
    checkSizeCache();
    if (m_size.width != width) {
        m_size.height = computeHeightForWidth(width);
        m_size.width = width;
    }
    return m_size.height;
}

void AtAGlancePanel::changeEvent(QEvent *event) {
    // Fonts and style decide the sizes too.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        m_size = SizeCache{};
    QFrame::changeEvent(event);
}

int AtAGlancePanel::computeHeightForWidth(int width) const {
    const QMargins m = layout()->contentsMargins();
    const int inner = std::max(200, width - m.left() - m.right());
    const int spacing = layout()->spacing();
    const int rows = std::max(1, m_table->rowCount());
    const int table = m_table->horizontalHeader()->sizeHint().height() +
                      rows * m_table->verticalHeader()->defaultSectionSize() +
                      2 * m_table->frameWidth() + 2;
    // The title and the badges share the first line; the badges may wrap.
    const int title = std::max(m_badges->heightForWidth(inner - 90), fontMetrics().height());
    int height = m.top() + m.bottom() + 2 * frameWidth() + title + spacing +
                 m_sentence->heightForWidth(inner) + spacing + table;
    if (!m_banner->isHidden())
        height += m_banner->layout()->totalHeightForWidth(inner) + spacing;
    return height;
}

QSize AtAGlancePanel::sizeHint() const {
    checkSizeCache();
    if (m_size.hintWidth < 0)
        m_size.hintWidth = QFrame::sizeHint().width();
    return {m_size.hintWidth, heightForWidth(std::max(width(), 800))};
}

void AtAGlancePanel::update() {
    const ComparisonState &state = m_document->state();
    // The catalogue search takes about a second: the banner's button runs it instead.
    m_summary = decisionOf(*m_document, false);

    const QLocale locale;
    m_sentence->setText(
        state.builds.empty()
            ? QString()
            : scenario::decisionSentence(m_summary, locale,
                                         WhatIfWords::fixWording(state.builds, state.model)));
    m_sentence->setToolTip(scenario::priceBasisText());
    // The badges, short (tag and name); what each means is in the tooltip.
    QStringList badges;
    const auto badge = [&](const std::optional<std::size_t> &at, const QString &text) {
        if (at)
            badges << text.arg(buildTag(static_cast<int>(*at)) + QStringLiteral(" · ") +
                               QString::fromStdString(m_summary.builds[*at].name));
    };
    badge(m_summary.cheapestMeetingAll, tr("Cheapest that meets every need: %1"));
    badge(m_summary.bestValue, tr("Best value: %1"));
    badge(m_summary.mostHeadroom, tr("Most headroom: %1"));
    m_badges->setText(badges.join(QStringLiteral("   ·   ")));
    m_badges->setToolTip(scenario::badgeLines(m_summary).join(u'\n'));

    const bool stuck = !state.builds.empty() && !state.useCases.empty() && m_summary.noneMeetsAll();
    if (stuck) {
        QString text = tr("No build meets every need.");
        if (!m_summary.options.empty()) {
            text += u' ' + scenario::optionsHeading(m_summary);
            for (const QString &line : scenario::optionLines(m_summary, locale))
                text += QStringLiteral("\n• ") + line;
        } else {
            text += u' ' + tr("Try a smaller model or quantization, or let the program search the "
                              "catalogue for a build that does.");
        }
        m_bannerText->setText(text);
    }
    const int rowsBefore = m_table->rowCount();
    const bool bannerBefore = !m_banner->isHidden();
    m_banner->setVisible(stuck);
    fillTable();
    if (rowsBefore != m_table->rowCount() || bannerBefore != !m_banner->isHidden())
        updateGeometry();
}

void AtAGlancePanel::fillTable() {
    const ComparisonState &state = m_document->state();
    const auto &results = m_document->results();
    const QLocale locale;
    const int rows = static_cast<int>(std::min(m_summary.builds.size(), results.size()));
    // Only a column whose text changed is fitted again (each fit measures every row).
    const bool rowsChanged = m_table->rowCount() != rows;
    std::array<bool, WhyColumn> refit{};
    refit.fill(rowsChanged);
    m_table->setRowCount(rows);
    const QColor good(0x1e, 0x84, 0x49), warn(0xb9, 0x77, 0x0e), bad(0xc0, 0x39, 0x2b);
    for (int row = 0; row < rows; ++row) {
        const auto i = static_cast<std::size_t>(row);
        const BuildDecision &d = m_summary.builds[i];
        const BuildResult &r = results[i];
        const Build &b = state.builds[i];
        const QString name = QString::fromStdString(d.name);
        auto *buildItem = new QTableWidgetItem(buildTag(row) + QStringLiteral(" · ") + name);
        buildItem->setToolTip(name);

        QString price = scenario::priceText(d.priceEur, d.priceSource, locale);
        QString priceTip = scenario::priceBasisText();
        if (d.priceSource == PriceSource::Quote) {
            if (!d.priceNote.empty())
                price += QStringLiteral(": ") + QString::fromStdString(d.priceNote);
            priceTip = tr("The supplier's quote, as typed in the build editor.");
        } else if (d.priceSource == PriceSource::Unknown) {
            priceTip = tr("A part of this build has no price in the catalogue: type the "
                          "supplier's quote in the build editor (Quote).");
        }
        auto *priceItem = new QTableWidgetItem(price);
        priceItem->setToolTip(priceTip);

        QString needs, why;
        QColor colour;
        if (!r.computed) {
            needs = tr("not computed");
            why = r.problems.empty() ? tr("The estimate could not be made for this build.")
                                     : QString::fromStdString(r.problems.front().message);
            colour = bad;
        } else if (!d.fits) {
            needs = tr("does not fit");
            why = tr("The model needs %1 of memory; this build has %2.")
                      .arg(fmt::withUnit(d.memoryNeededGb, QStringLiteral("GB"), 0),
                           fmt::withUnit(d.memoryHasGb, QStringLiteral("GB"), 0));
            colour = bad;
        } else if (d.meetsAll()) {
            needs = scenario::needsMetText(d, locale);
            const QStringList badges = badgesOf(m_summary, i);
            why = badges.isEmpty()
                      ? tr("Meets every need")
                      : tr("Meets every need: %1").arg(badges.join(QStringLiteral(", ")));
            if (d.couldMiss > 0)
                why += tr("; %n could miss at the low end of the range — ask the supplier for a "
                          "benchmark",
                          "", d.couldMiss);
            colour = d.couldMiss > 0 ? warn : good;
        } else {
            needs = scenario::needsMetText(d, locale);
            why = failedNeeds(r.estimate);
            if (d.cheapestFix) {
                const CheapestFix &f = *d.cheapestFix;
                why += tr(" — fix: %1 (+%2, total %3)")
                           .arg(WhatIfWords::change(f.change, b, f.build, state.model, state.model),
                                scenario::priceText(f.costEur, PriceSource::Estimate, locale),
                                scenario::priceText(f.newTotalEur, f.newTotalSource, locale));
            } else if (!state.useCases.empty()) {
                why += tr(" — no single change is enough");
            }
            colour = bad;
        }
        auto *needsItem = new QTableWidgetItem(needs);
        needsItem->setForeground(colour);
        QFont bold = needsItem->font();
        bold.setBold(true);
        needsItem->setFont(bold);
        auto *whyItem = new QTableWidgetItem(why);
        whyItem->setToolTip(why);
        if (!b.notes.empty())
            buildItem->setToolTip(name + QStringLiteral("\n") + QString::fromStdString(b.notes));
        for (auto [column, item] :
             {std::pair{int(BuildColumn), buildItem}, std::pair{int(PriceColumn), priceItem},
              std::pair{int(NeedsColumn), needsItem}, std::pair{int(WhyColumn), whyItem}}) {
            QTableWidgetItem *old = m_table->item(row, column);
            if (old && old->text() == item->text() && old->toolTip() == item->toolTip() &&
                old->foreground() == item->foreground()) {
                delete item; // unchanged: no relayout
                continue;
            }
            if (column != WhyColumn)
                refit[static_cast<std::size_t>(column)] = true;
            m_table->setItem(row, column, item);
        }
    }
    for (int c = 0; c < WhyColumn; ++c)
        if (refit[static_cast<std::size_t>(c)])
            m_table->resizeColumnToContents(c);
}

} // namespace llm::ui
