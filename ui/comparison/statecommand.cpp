// SPDX-License-Identifier: MIT
#include "statecommand.h"

#include "comparisondocument.h"

namespace llm::ui {

StateCommand::StateCommand(ComparisonDocument *document, ComparisonState before,
                           ComparisonState after, const QString &text, int mergeId)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeId(mergeId) {}

void StateCommand::undo() {
    m_document->applyState(m_before);
}

void StateCommand::redo() {
    m_document->applyState(m_after);
}

bool StateCommand::mergeWith(const QUndoCommand *other) {
    if (other->id() != id() || id() < 0)
        return false;
    m_after = static_cast<const StateCommand *>(other)->m_after;
    return true;
}

} // namespace llm::ui
