// SPDX-License-Identifier: MIT
#include "unitdelegate.h"

#include "roles.h"

namespace llm::ui {

void UnitDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant text = index.data(FormattedRole);
    // Through displayText, as the base class does, so that a line break in the
    // text ("Meets the target\nfine for live use") stays one: drawn raw, Qt's
    // item text drops the '\n' and the two lines run together.
    if (text.isValid())
        option->text = displayText(text.toString(), option->locale);
    // A figure behind which stands one of the user's overrides: bold with a star,
    // so it still shows in black-and-white print and in a screenshot.
    if (index.data(OverriddenRole).toBool()) {
        option->text += QStringLiteral(" *");
        option->font.setBold(true);
    }
}

} // namespace llm::ui
