// SPDX-License-Identifier: MIT
#pragma once
// Shows a cell's FormattedRole (number with locale and unit) while its
// DisplayRole stays the bare number the charts read.

#include <QStyledItemDelegate>

namespace llm::ui {

// Not final: a test reads the style option it fills.
class UnitDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace llm::ui
