// SPDX-License-Identifier: MIT
// HTML of the report's "What if and headroom" section.
#include "advisorreport.h"

#include "catalogue.h"
#include "whatifmodels.h"

#include "report/htmltext.h"

namespace llm::ui {

using html::esc;
using html::tr;

QString whatIfReportHtml(const ComparisonState &state, const std::vector<BuildResult> &results,
                         const Catalog &catalog) {
    QString error;
    const PlatformRules rules = db::loadShippedPlatformRules(&error);
    const PlatformRules *rulesPtr = error.isEmpty() ? &rules : nullptr;
    const Workload workload{state.useCases};
    const units::TokenRate minRate = state.assumptions.thresholds.minGeneration;

    QString h = QStringLiteral("<h2>%1</h2>").arg(tr("What if and headroom"));
    h += QStringLiteral("<p class=small>%1</p>")
             .arg(tr("What one change would do to each build: its price change and, per use case, "
                     "the verdict and the change of the margin (1.00× just passes); a verdict that "
                     "flips is bold and shows before → after. Headroom: how far each build "
                     "stretches before a use case fails.")
                      .toHtmlEscaped());
    if (state.useCases.empty())
        return h + QStringLiteral("<p>%1</p>").arg(tr("No use cases are chosen."));

    for (std::size_t i = 0; i < state.builds.size(); ++i) {
        const Build &b = state.builds[i];
        h += QStringLiteral("<h3>%1. %2</h3>").arg(i + 1).arg(esc(b.name));
        if (i >= results.size() || !results[i].computed) {
            h += QStringLiteral("<p>%1</p>").arg(tr("Not estimated: the build is not valid."));
            continue;
        }
        std::vector<WhatIf> changes =
            whatIfs(b, state.model, workload, state.assumptions, catalog, rulesPtr);
        if (rulesPtr)
            dropInheritedProblems(changes, checkBuild(b, catalog, rules, state.assumptions));
        // Compact: the possible changes in the table, the impossible ones in one line.
        QStringList impossible;
        QString rows;
        for (const WhatIf &w : changes) {
            if (!w.available) {
                impossible << tr("%1 (%2)").arg(QString::fromLatin1(toString(w.change)),
                                                QString::fromStdString(w.reason));
                continue;
            }
            rows += QStringLiteral("<tr><td>%1</td><td align=right>%2</td>")
                        .arg(WhatIfModel::changeText(w).toHtmlEscaped(),
                             WhatIfModel::priceText(w).toHtmlEscaped());
            for (const UseCase &u : state.useCases) {
                const UseCaseDelta *d = nullptr;
                for (const UseCaseDelta &x : w.useCases)
                    if (x.useCase == u.id)
                        d = &x;
                QString cell = QStringLiteral("–");
                if (d && d->passBefore != d->passAfter)
                    cell =
                        QStringLiteral("<b>%1</b>").arg(WhatIfModel::deltaText(*d).toHtmlEscaped());
                else if (d)
                    cell = WhatIfModel::compactDeltaText(*d).toHtmlEscaped();
                rows += QStringLiteral("<td align=right>%1</td>").arg(cell);
            }
            rows += QStringLiteral("</tr>");
        }
        if (!rows.isEmpty()) {
            h += QStringLiteral("<table width=100% cellspacing=0><tr><th width=36%>%1</th>"
                                "<th>%2</th>")
                     .arg(tr("Change"), tr("Price change"));
            for (const UseCase &u : state.useCases)
                h += QStringLiteral("<th>%1</th>").arg(esc(u.id));
            h += QStringLiteral("</tr>") + rows + QStringLiteral("</table>");
        }
        if (!impossible.isEmpty())
            h += QStringLiteral("<p class=small style=\"margin-top:2pt\">%1</p>")
                     .arg(tr("Not possible: %1.")
                              .arg(impossible.join(QStringLiteral("; ")))
                              .toHtmlEscaped());

        const Headroom room = headroom(b, state.model, workload, state.assumptions, catalog);
        h += QStringLiteral("<p style=\"margin-top:4pt; margin-bottom:2pt\">%1</p>")
                 .arg(tr("Headroom:"));
        h += QStringLiteral("<table width=100% cellspacing=0><tr>");
        for (int c = 0; c < HeadroomModel::ColumnCount; ++c)
            h += QStringLiteral("<th>%1</th>")
                     .arg(HeadroomModel::headerText(c, minRate).toHtmlEscaped());
        h += QStringLiteral("</tr>");
        for (const UseCaseHeadroom &r : room.useCases) {
            h += QStringLiteral("<tr>");
            for (int c = 0; c < HeadroomModel::ColumnCount; ++c)
                h += QStringLiteral("<td%1>%2</td>")
                         .arg(c <= HeadroomModel::LargestModel ? QString()
                                                               : QStringLiteral(" align=right"),
                              HeadroomModel::cellText(r, c).toHtmlEscaped());
            h += QStringLiteral("</tr>");
        }
        h += QStringLiteral("</table>");
    }
    return h;
}

} // namespace llm::ui
