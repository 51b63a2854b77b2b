// SPDX-License-Identifier: MIT
#pragma once
// Translation outside a QObject, one way throughout: a small class with
// Q_DECLARE_TR_FUNCTIONS(context) per translation context, called as
// Context::tr("…") — so lupdate files each text under the context it is looked
// up in at run time. Code inside a QObject uses its own tr().
//
// UiText: the words of no single widget (the glossary, the report, the notes on
// overridden assumptions, the one-line "why"), context "llm::ui". A file with a
// context of its own declares its class beside its code (CatalogRefresh in
// catalog/catalogrefresh.cpp, fmt::Fmt in comparison/format.cpp, …).

#include <QCoreApplication>

namespace llm::ui {

struct UiText {
    Q_DECLARE_TR_FUNCTIONS(llm::ui)
};

} // namespace llm::ui
