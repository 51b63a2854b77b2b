// SPDX-License-Identifier: MIT
#pragma once
// One undo step: the comparison before and after. A comparison holds a handful
// of builds, so whole snapshots are cheaper to get right than per-field commands.

#include "comparisonstate.h"

#include <QUndoCommand>

namespace llm::ui {

class ComparisonDocument;

class StateCommand final : public QUndoCommand {
public:
    StateCommand(ComparisonDocument *document, ComparisonState before, ComparisonState after,
                 const QString &text, int mergeId);

    void undo() override;
    void redo() override;
    int id() const override { return m_mergeId > 0 ? m_mergeId : -1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ComparisonDocument *m_document;
    ComparisonState m_before;
    ComparisonState m_after;
    int m_mergeId;
};

} // namespace llm::ui
