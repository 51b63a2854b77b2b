// SPDX-License-Identifier: MIT
#pragma once
// One model for the whole comparison: model (type-to-search) and quantization.

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
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

private:
    void load();
    void choose();
    void chooseContext();
    void loadContexts();
    void fillLists();

    ComparisonDocument *m_document;
    QComboBox *m_model;
    QComboBox *m_quant;
    QComboBox *m_context;
    QLabel *m_facts;
};

} // namespace llm::ui
