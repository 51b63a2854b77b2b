// SPDX-License-Identifier: MIT
#include "memoryfit.h"

#include "comparison/comparisonstate.h"
#include "roles.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QStyle>

#include <algorithm>

namespace llm::ui {

QVariant memoryFitToVariant(const BuildResult &result) {
    if (!result.computed)
        return {};
    const MemoryBreakdown &m = result.estimate.memory;
    return QVariantList{units::inGigabytes(m.weights),      units::inGigabytes(m.kvCache),
                        units::inGigabytes(m.overhead),     units::inGigabytes(m.vramAvailable),
                        units::inGigabytes(m.ramAvailable), m.fits};
}

MemoryFit memoryFitFromVariant(const QVariant &value, bool *ok) {
    const QVariantList list = value.toList();
    MemoryFit fit;
    const bool valid = list.size() == 6;
    if (ok)
        *ok = valid;
    if (!valid)
        return fit;
    fit.weightsGb = list.at(0).toDouble();
    fit.kvGb = list.at(1).toDouble();
    fit.overheadGb = list.at(2).toDouble();
    fit.vramGb = list.at(3).toDouble();
    fit.ramGb = list.at(4).toDouble();
    fit.fits = list.at(5).toBool();
    return fit;
}

void paintMemoryFit(QPainter *painter, const QRect &rect, const MemoryFit &fit,
                    const QPalette &palette) {
    const double scale = std::max({fit.totalGb(), fit.capacityGb(), 1e-9});
    const auto x = [&](double gb) {
        return rect.left() + static_cast<int>(rect.width() * std::clamp(gb / scale, 0.0, 1.0));
    };
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette.color(QPalette::AlternateBase));
    painter->drawRect(rect);
    // The three parts side by side; distinguishable in grey print by lightness.
    const QColor base = palette.color(QPalette::Highlight);
    const QColor parts[] = {base, base.lighter(150), palette.color(QPalette::Mid)};
    const double sizes[] = {fit.weightsGb, fit.kvGb, fit.overheadGb};
    double start = 0;
    for (int i = 0; i < 3; ++i) {
        const int left = x(start);
        const int right = x(start + sizes[i]);
        painter->setBrush(parts[i]);
        painter->drawRect(QRect(QPoint(left, rect.top()), QPoint(right - 1, rect.bottom())));
        start += sizes[i];
    }
    if (!fit.fits && fit.totalGb() > fit.capacityGb()) {
        // What does not fit, hatched in the "bad" colour beyond the usable memory.
        painter->setBrush(QBrush(QColor(0xC6, 0x28, 0x28), Qt::BDiagPattern));
        painter->drawRect(QRect(QPoint(x(fit.capacityGb()), rect.top()),
                                QPoint(x(fit.totalGb()), rect.bottom())));
    }
    painter->setPen(QPen(palette.color(QPalette::Text), 1));
    painter->setBrush(Qt::NoBrush);
    if (fit.vramGb > 0 && fit.ramGb > 0) {
        const int v = x(fit.vramGb);
        painter->drawLine(v, rect.top() - 1, v, rect.bottom() + 1);
    }
    const int end = std::min(x(fit.capacityGb()), rect.right());
    painter->drawLine(end, rect.top() - 2, end, rect.bottom() + 2);
    painter->restore();
}

void MemoryFitDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = index.data(FormattedRole).toString();
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    bool ok = false;
    const MemoryFit fit = memoryFitFromVariant(index.data(MemoryFitRole), &ok);
    const QRect inner = opt.rect.adjusted(4, 2, -4, -2);
    const int barHeight = ok ? std::max(4, inner.height() / 5) : 0;
    const QRect textRect = inner.adjusted(0, 0, 0, -barHeight - 1);
    painter->save();
    painter->setPen(opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                         : QPalette::Text));
    painter->setFont(opt.font);
    painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
    if (ok)
        paintMemoryFit(
            painter, QRect(inner.left(), inner.bottom() - barHeight + 1, inner.width(), barHeight),
            fit, opt.palette);
}

QSize MemoryFitDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int textWidth =
        option.fontMetrics.horizontalAdvance(index.data(FormattedRole).toString());
    size.setWidth(std::max(size.width(), std::max(140, textWidth + 16)));
    size.setHeight(size.height() + 6);
    return size;
}

} // namespace llm::ui
