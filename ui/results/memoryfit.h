// SPDX-License-Identifier: MIT
#pragma once
// The memory-fit bar: weights, KV cache and runtime overhead against the RAM
// and VRAM the placement may use. Drawn in the results table's memory column
// (MemoryFitDelegate) from the model's MemoryFitRole.

#include <QStyledItemDelegate>
#include <QVariant>

QT_BEGIN_NAMESPACE
class QPainter;
class QPalette;
class QRect;
QT_END_NAMESPACE

namespace llm::ui {

struct BuildResult;

// Gigabytes only here, at the edge of the view: the model converts from units.
struct MemoryFit {
    double weightsGb = 0;
    double kvGb = 0;
    double overheadGb = 0;
    double vramGb = 0; // VRAM the placement may use (0: none)
    double ramGb = 0;  // system RAM the placement may use
    bool fits = false;

    double totalGb() const { return weightsGb + kvGb + overheadGb; }
    double capacityGb() const { return vramGb + ramGb; }
};

QVariant memoryFitToVariant(const BuildResult &result);
MemoryFit memoryFitFromVariant(const QVariant &value, bool *ok = nullptr);

// The bar alone, in `rect`: VRAM first, then RAM, a tick where VRAM ends and a
// line at the end of what may be used; past that line the need is drawn in the
// palette's "bad" colour.
void paintMemoryFit(QPainter *painter, const QRect &rect, const MemoryFit &fit,
                    const QPalette &palette);

class MemoryFitDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace llm::ui
