// SPDX-License-Identifier: MIT
#include "unitdelegate.h"

#include "roles.h"

namespace llm::ui {

void UnitDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant text = index.data(FormattedRole);
    if (text.isValid())
        option->text = text.toString();
}

} // namespace llm::ui
