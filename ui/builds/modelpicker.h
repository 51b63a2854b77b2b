// SPDX-License-Identifier: MIT
#pragma once
// One model for the whole comparison: model (type-to-search), quantization and
// context window; and the needs (use cases) the decision is about, ticked by
// the user under them.

#include "workload.h"

#include <QList>
#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
QT_END_NAMESPACE

namespace llm::ui {

class ComparisonDocument;

class ModelPicker final : public QWidget {
    Q_OBJECT
public:
    explicit ModelPicker(ComparisonDocument *document, QWidget *parent = nullptr);

    QComboBox *modelCombo() const { return m_model; }
    QComboBox *quantCombo() const { return m_quant; }
    QComboBox *contextCombo() const { return m_context; }
    // One box per need: the seed's four always, then the user's own use cases.
    const QList<QCheckBox *> &needBoxes() const { return m_needBoxes; }

private:
    void load();
    void choose();
    void chooseContext();
    void loadContexts();
    void fillLists();
    void loadNeeds();
    void chooseNeeds();

    ComparisonDocument *m_document;
    QComboBox *m_model;
    QComboBox *m_quant;
    QComboBox *m_context;
    QLabel *m_facts;
    QHBoxLayout *m_needsRow;
    QList<QCheckBox *> m_needBoxes;
    std::vector<UseCase> m_needs; // what each box stands for, same order
};

} // namespace llm::ui
