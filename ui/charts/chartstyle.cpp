// SPDX-License-Identifier: MIT
#include "chartstyle.h"

#include "results/roles.h"

#include "chartlegend.h"

#include <QAbstractAxis>
#include <QChart>
#include <QFont>
#include <QGraphicsSimpleTextItem>
#include <QLegend>

#include <algorithm>
#include <array>

namespace llm::ui {

// Okabe & Ito's colour-blind-safe palette (Color Universal Design, 2008), then two extra.
static const std::array<QColor, 10> kPalette = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                                                QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                                QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
                                                QColor(0xF0, 0xE4, 0x42), QColor(0x88, 0x88, 0x88),
                                                QColor(0x7B, 0x3F, 0x9E), QColor(0x3B, 0x3B, 0x3B)};

// Print: the same colours, plus hatching for bars and dash styles for lines, so
// series stay apart on a black-and-white printer and for colour-blind readers.
static const std::array<Qt::BrushStyle, 5> kPatterns = {
    Qt::SolidPattern, Qt::BDiagPattern, Qt::Dense4Pattern, Qt::CrossPattern, Qt::FDiagPattern};
static const std::array<Qt::PenStyle, 4> kDashes = {Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                                    Qt::DashDotLine};

// Black and white: six dash patterns (in pen widths) in three greys, so the
// first 18 lines all differ; the build's letter on each line (sizechart.cpp)
// and the legend's swatch drawn with the same pen tie a line to its build.
// Plain dashes are left to the target line (thresholdPen).
static const std::array<QList<qreal>, 6> kMonoDashes = {
    QList<qreal>{},                       // solid
    QList<qreal>{1, 1.6},                 // dots
    QList<qreal>{7, 2.5},                 // long dashes
    QList<qreal>{5, 1.6, 1, 1.6},         // dash dot
    QList<qreal>{7, 2, 2.5, 2},           // long and short dashes
    QList<qreal>{5, 1.6, 1, 1.6, 1, 1.6}, // dash dot dot
};
static const std::array<int, 3> kMonoGreys = {0x00, 0x60, 0x98};
// Bars in black and white: fills and hatchings that stay apart on a photocopy.
struct MonoFill {
    Qt::BrushStyle style;
    int grey;
};
// The needs' bars start at index 4 (speedchart.cpp), the bandwidth's at 0: the
// first three of either are light, hatched and dark or dotted, never two hatchings.
static const std::array<MonoFill, 6> kMonoFills = {
    MonoFill{Qt::SolidPattern, 0xc8},  MonoFill{Qt::BDiagPattern, 0x00},
    MonoFill{Qt::Dense4Pattern, 0x00}, MonoFill{Qt::FDiagPattern, 0x00},
    MonoFill{Qt::SolidPattern, 0x30},  MonoFill{Qt::CrossPattern, 0x00}};

static QColor grey(int level) {
    return QColor(level, level, level);
}

void ChartStyle::applyTo(QChart *chart) const {
    chart->setTheme(mode == ChartMode::Dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // The light theme's background is a gradient from white to white: a plain fill
    // paints the same pixels for a fraction of the cost (a gradient is filled span by
    // span, on worker threads a busy machine makes every repaint wait for).
    if (const QGradient *gradient = chart->backgroundBrush().gradient()) {
        const QGradientStops stops = gradient->stops();
        if (!stops.isEmpty() &&
            std::all_of(stops.begin(), stops.end(), [&stops](const QGradientStop &s) {
                return s.second == stops.front().second;
            }))
            chart->setBackgroundBrush(stops.front().second);
    }
    chart->setAnimationOptions(
        QChart::NoAnimation); // grabs and PDFs must never catch a bar mid-way
    chart->setLocalizeNumbers(true);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QFont title = chart->titleFont();
    title.setBold(true);
    title.setPointSizeF(11);
    chart->setTitleFont(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (mode == ChartMode::Print) {
        chart->setBackgroundBrush(Qt::white);
        chart->setBackgroundPen(Qt::NoPen);
        chart->setPlotAreaBackgroundVisible(false);
        chart->setTitleBrush(Qt::black);
        chart->legend()->setLabelColor(Qt::black);
    }
}

void ChartStyle::finish(QChart *chart) const {
    if (mode != ChartMode::Print)
        return;
    // No ligatures on paper: "fi" printed as one glyph reads back from the PDF as
    // "ﬁ", so a build name copied or searched out of a chart would not match.
    const auto unshaped = [](QFont f) {
        f.setStyleStrategy(QFont::PreferNoShaping);
        return f;
    };
    chart->setTitleFont(unshaped(chart->titleFont()));
    for (QGraphicsItem *item : chart->childItems()) {
        if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            text->setFont(unshaped(text->font()));
    }
    if (ChartLegend *legend = ChartLegend::of(chart))
        legend->setFont(unshaped(legend->font()));
    // The light theme's axes are tinted (bluish greys): on paper, plain black and grey.
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsFont(unshaped(axis->labelsFont()));
        axis->setTitleFont(unshaped(axis->titleFont()));
        axis->setLabelsColor(grey(0x20));
        axis->setTitleBrush(grey(0x20));
        axis->setLinePenColor(grey(0x60));
        axis->setGridLineColor(gridColor());
        axis->setMinorGridLineColor(grey(0xe0));
        axis->setShadesVisible(false);
    }
}

QColor ChartStyle::seriesColor(int i) const {
    if (greys())
        return grey(kMonoGreys[static_cast<std::size_t>(i / static_cast<int>(kMonoDashes.size())) %
                               kMonoGreys.size()]);
    // Yellow (index 6) is unreadable as a thin line on white paper: skip it in print.
    if (mode == ChartMode::Print && i % static_cast<int>(kPalette.size()) >= 6)
        ++i;
    return kPalette[static_cast<std::size_t>(i) % kPalette.size()];
}

QBrush ChartStyle::seriesBrush(int i) const {
    if (greys()) {
        const MonoFill f = kMonoFills[static_cast<std::size_t>(i) % kMonoFills.size()];
        return QBrush(grey(f.grey), f.style);
    }
    if (mode == ChartMode::Print)
        return QBrush(seriesColor(i), kPatterns[static_cast<std::size_t>(i) % kPatterns.size()]);
    return QBrush(seriesColor(i));
}

QPen ChartStyle::seriesPen(int i, qreal width) const {
    QPen pen(seriesColor(i), width);
    if (greys()) {
        const QList<qreal> &dashes = kMonoDashes[static_cast<std::size_t>(i) % kMonoDashes.size()];
        if (!dashes.isEmpty())
            pen.setDashPattern(dashes);
        return pen;
    }
    // Four dash styles against eight colours: no two of the first 32 series look the same.
    if (mode == ChartMode::Print)
        pen.setStyle(kDashes[static_cast<std::size_t>(i) % kDashes.size()]);
    return pen;
}

QColor ChartStyle::gridColor() const {
    if (mode == ChartMode::Print)
        return grey(0xcc);
    return mode == ChartMode::Dark ? QColor(0x60, 0x60, 0x60) : QColor(0xc8, 0xc8, 0xc8);
}

QPen ChartStyle::thresholdPen() const {
    QPen pen(mode == ChartMode::Dark ? QColor(0xff, 0x80, 0x80) : QColor(0xb0, 0x00, 0x20), 2.0,
             Qt::DashLine);
    if (mode == ChartMode::Print)
        pen.setColor(Qt::black);
    return pen;
}

QColor ChartStyle::textColor() const {
    return mode == ChartMode::Dark ? QColor(0xee, 0xee, 0xee) : QColor(0x20, 0x20, 0x20);
}

QColor ChartStyle::verdictColor(int verdict) const {
    // Colour and shape both carry the verdict (the use-case chart gives each its own
    // marker), in print too: an empty box on a photocopy would read as "nothing here".
    // Black and white: pass black, could miss mid grey, fail light grey (never
    // white), not computed white with a dotted outline (verdictBorder).
    if (greys()) {
        switch (static_cast<Verdict>(verdict)) {
        case Verdict::Pass:
            return grey(0x10);
        case Verdict::Borderline:
            return grey(0x80);
        case Verdict::Fail:
            return grey(0xc8);
        case Verdict::NotComputed:
            return grey(0xff);
        }
        return {};
    }
    switch (static_cast<Verdict>(verdict)) {
    case Verdict::Pass:
        return QColor(0x00, 0x9E, 0x73);
    case Verdict::Borderline:
        return QColor(0xE6, 0x9F, 0x00);
    case Verdict::Fail:
        return QColor(0xD5, 0x5E, 0x00);
    case Verdict::NotComputed:
        return mode == ChartMode::Dark ? QColor(0x30, 0x30, 0x30) : QColor(0xff, 0xff, 0xff);
    }
    return {};
}

QColor ChartStyle::verdictBorder(int verdict) const {
    if (static_cast<Verdict>(verdict) == Verdict::NotComputed)
        return grey(0x70);
    return mode == ChartMode::Dark ? QColor(Qt::white) : QColor(Qt::black);
}

} // namespace llm::ui

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <memory>

namespace llm::ui {

QString shortBuildLabel(const QString &name) {
    QString label = name;
    const int colon = label.indexOf(QStringLiteral(": "));
    if (colon > 0 && colon < 16)
        label = label.mid(colon + 2);
    constexpr int kMax = 30;
    if (label.size() > kMax)
        label = label.left(kMax - 1) + QChar(0x2026);
    return label;
}

QString buildTag(int index) {
    QString tag;
    for (int n = index + 1; n > 0; n = (n - 1) / 26)
        tag.prepend(QChar(u'A' + (n - 1) % 26));
    return tag;
}

QStringList wrapWords(const QString &text, int width) {
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}

QString chartBuildLabel(const QString &tag, const QString &name, int width) {
    QStringList lines = wrapWords(tag + QStringLiteral(" · ") + name, width);
    for (QString &l : lines)
        l = l.toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

QString plainNumber(double value) {
    const bool whole = std::abs(value - std::round(value)) < 1e-9;
    return QLocale().toString(value, 'f', whole ? 0 : 1);
}

QString plainLabel(const QString &richText) {
    QString s = richText;
    s.replace(QStringLiteral("<br>"), QStringLiteral(" "));
    s.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    s.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    s.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    s.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return s;
}

QString buildTagOf(const QAbstractItemModel *model, int row) {
    const QString tag = model->headerData(row, Qt::Vertical, BuildTagRole).toString();
    return tag.isEmpty() ? buildTag(row) : tag;
}

QString buildNameOf(const QAbstractItemModel *model, int row) {
    return model->headerData(row, Qt::Vertical, BuildNameRole).toString();
}

int categoryOfRow(int row, int rows) {
    return rows - 1 - row;
}

void bindCategoryLabels(QBarCategoryAxis *axis, QAbstractItemModel *model) {
    auto update = [axis, model] {
        QStringList labels;
        const int rows = model->rowCount();
        // Build A at the top, as in the build list, the tables and the use-case chart.
        for (int r = rows - 1; r >= 0; --r) {
            QString label = chartBuildLabel(buildTagOf(model, r), buildNameOf(model, r));
            // No bars for a build the model does not fit in: the label says why.
            const QString fit = model->headerData(r, Qt::Vertical, FitNoteRole).toString();
            if (!fit.isEmpty())
                label += QStringLiteral("<br><i>") +
                         QObject::tr("does not fit: no speeds").toHtmlEscaped() +
                         QStringLiteral("</i>");
            labels << label;
        }
        if (labels != axis->categories()) {
            axis->clear();
            axis->append(labels);
        }
    };
    // Names wrap instead: never let Qt cut them to "…".
    axis->setTruncateLabels(false);
    update();
    QObject::connect(model, &QAbstractItemModel::modelReset, axis, update);
    QObject::connect(model, &QAbstractItemModel::dataChanged, axis, update);
    QObject::connect(model, &QAbstractItemModel::headerDataChanged, axis, update);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, axis, update);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, axis, update);
}

void bindValueRange(QValueAxis *axis, QAbstractItemModel *model, QList<int> columns,
                    double minimumMax, double cap) {
    // Re-ranging relayouts the whole chart: only do it when the largest value moved.
    auto last = std::make_shared<double>(-1.0);
    auto update = [axis, model, columns, minimumMax, cap, last] {
        double top = minimumMax;
        for (int r = 0; r < model->rowCount(); ++r) {
            for (int c : columns) {
                const double v = model->index(r, c).data().toDouble();
                if (std::isfinite(v))
                    top = std::max(top, v);
            }
        }
        if (cap > 0)
            top = std::min(top, cap);
        if (top == *last)
            return;
        *last = top;
        axis->setRange(0, top * 1.05); // always from 0: a cut axis overstates differences
        axis->applyNiceNumbers();
    };
    update();
    QObject::connect(model, &QAbstractItemModel::modelReset, axis, update);
    QObject::connect(model, &QAbstractItemModel::dataChanged, axis, update);
}

} // namespace llm::ui
