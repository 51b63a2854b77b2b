// SPDX-License-Identifier: MIT
#include "unitdelegate.h"

#include "roles.h"

namespace llm::ui {

void UnitDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant text = index.data(FormattedRole);
    if (text.isValid())
        option->text = text.toString();
    // A figure behind which stands one of the user's overrides: bold with a star,
    // so it still shows in black-and-white print and in a screenshot.
    if (index.data(OverriddenRole).toBool()) {
        option->text += QStringLiteral(" *");
        option->font.setBold(true);
    }
}

} // namespace llm::ui
