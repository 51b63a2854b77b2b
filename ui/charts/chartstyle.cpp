// SPDX-License-Identifier: MIT
#include "chartstyle.h"

#include "results/roles.h"

#include <QChart>
#include <QFont>
#include <QLegend>

#include <array>

namespace llm::ui {

// Okabe & Ito's colour-blind-safe palette (Color Universal Design, 2008), then two extra.
static const std::array<QColor, 10> kPalette = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                                                QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                                QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
                                                QColor(0xF0, 0xE4, 0x42), QColor(0x88, 0x88, 0x88),
                                                QColor(0x7B, 0x3F, 0x9E), QColor(0x3B, 0x3B, 0x3B)};

// Print: grey levels and hatches that stay distinct on a black-and-white printer.
static const std::array<Qt::BrushStyle, 5> kPatterns = {
    Qt::SolidPattern, Qt::BDiagPattern, Qt::Dense4Pattern, Qt::CrossPattern, Qt::FDiagPattern};
static const std::array<int, 4> kGreys = {40, 110, 170, 80};

void ChartStyle::applyTo(QChart *chart) const {
    chart->setTheme(mode == ChartMode::Dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
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
        chart->setTitleBrush(Qt::black);
        chart->legend()->setLabelColor(Qt::black);
    }
}

QColor ChartStyle::seriesColor(int i) const {
    if (mode == ChartMode::Print) {
        const int g = kGreys[static_cast<std::size_t>(i) % kGreys.size()];
        return QColor(g, g, g);
    }
    return kPalette[static_cast<std::size_t>(i) % kPalette.size()];
}

QBrush ChartStyle::seriesBrush(int i) const {
    if (mode == ChartMode::Print)
        return QBrush(seriesColor(i), kPatterns[static_cast<std::size_t>(i) % kPatterns.size()]);
    return QBrush(seriesColor(i));
}

QPen ChartStyle::seriesPen(int i, qreal width) const {
    QPen pen(seriesColor(i), width);
    if (mode == ChartMode::Print) {
        static const std::array<Qt::PenStyle, 4> styles = {Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                                           Qt::DashDotLine};
        pen.setStyle(
            styles[static_cast<std::size_t>(i / static_cast<int>(kGreys.size())) % styles.size()]);
        if (i % 2)
            pen.setStyle(styles[static_cast<std::size_t>(i) % styles.size()]);
    }
    return pen;
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
    if (mode == ChartMode::Print) {
        switch (static_cast<Verdict>(verdict)) {
        case Verdict::Pass:
            return QColor(40, 40, 40);
        case Verdict::Borderline:
            return QColor(130, 130, 130);
        default:
            return QColor(255, 255, 255);
        }
    }
    switch (static_cast<Verdict>(verdict)) {
    case Verdict::Pass:
        return QColor(0x00, 0x9E, 0x73);
    case Verdict::Borderline:
        return QColor(0xE6, 0x9F, 0x00);
    case Verdict::Fail:
        return QColor(0xD5, 0x5E, 0x00);
    case Verdict::NotComputed:
        return QColor(0x88, 0x88, 0x88);
    }
    return {};
}

} // namespace llm::ui

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
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

void bindCategoryLabels(QBarCategoryAxis *axis, QAbstractItemModel *model, int column,
                        bool compact) {
    auto update = [axis, model, column, compact] {
        QStringList labels;
        // Numbered like the build list and the report; Qt Charts draws category 0 at the bottom.
        for (int r = 0; r < model->rowCount(); ++r) {
            labels << (compact ? QString::number(r + 1)
                               : QStringLiteral("%1 %2").arg(r + 1).arg(
                                     shortBuildLabel(model->index(r, column).data().toString())));
        }
        if (labels != axis->categories()) {
            axis->clear();
            axis->append(labels);
        }
    };
    // Build numbers are one or two digits: Qt would elide even those to "…" when the
    // chart gets short (first-run guide shown at 1280×720), so never truncate them.
    if (compact)
        axis->setTruncateLabels(false);
    update();
    QObject::connect(model, &QAbstractItemModel::modelReset, axis, update);
    QObject::connect(model, &QAbstractItemModel::dataChanged, axis, update);
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
