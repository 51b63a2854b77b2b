// SPDX-License-Identifier: MIT
#include "modelpicker.h"

#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "mainwindow/glossary.h"
#include "memory.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace llm::ui {

ModelPicker::ModelPicker(ComparisonDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new QComboBox(this))
    , m_quant(new QComboBox(this))
    , m_facts(new QLabel(this)) {
    m_model->setObjectName(QStringLiteral("model"));
    m_quant->setObjectName(QStringLiteral("quant"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->completer()->setFilterMode(Qt::MatchContains);
    m_model->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_model->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_model->setMinimumContentsLength(22);
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    for (const Model &m : document->catalog().models)
        m_model->addItem(QString::fromStdString(m.name), QString::fromStdString(m.name));
    for (const Quantization &q : document->catalog().quants)
        m_quant->addItem(QStringLiteral("%1 (%2 bits/weight)")
                             .arg(QString::fromStdString(q.name), fmt::number(q.bitsPerWeight, 2)),
                         QString::fromStdString(q.name));
    m_model->setToolTip(glossary(Term::Model));
    m_model->setWhatsThis(glossary(Term::Model));
    m_quant->setToolTip(glossary(Term::Quantization));
    m_quant->setWhatsThis(glossary(Term::Quantization));
    m_facts->setToolTip(glossary(Term::KvCache));
    // Wraps (two lines) instead of widening the window past 1280 px.
    m_facts->setWordWrap(true);
    m_facts->setMinimumWidth(m_facts->fontMetrics().averageCharWidth() * 20);

    auto *modelLabel = new QLabel(tr("M&odel:"), this);
    modelLabel->setBuddy(m_model);
    auto *quantLabel = new QLabel(tr("&Quantization:"), this);
    quantLabel->setBuddy(m_quant);
    m_model->setAccessibleName(tr("Model"));
    m_quant->setAccessibleName(tr("Quantization"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(modelLabel);
    layout->addWidget(m_model, 2);
    layout->addWidget(quantLabel);
    layout->addWidget(m_quant, 1);
    layout->addWidget(m_facts, 2);

    load();
    connect(m_model, &QComboBox::currentIndexChanged, this, &ModelPicker::choose);
    connect(m_quant, &QComboBox::currentIndexChanged, this, &ModelPicker::choose);
    connect(document, &ComparisonDocument::resultsChanged, this, &ModelPicker::load);
}

void ModelPicker::load() {
    const QSignalBlocker b1(m_model), b2(m_quant);
    const ModelChoice &choice = m_document->state().model;
    const QString name = QString::fromStdString(choice.model.name);
    int m = m_model->findData(name);
    if (m < 0 && !name.isEmpty()) {
        m_model->addItem(name, name);
        m = m_model->count() - 1;
    }
    m_model->setCurrentIndex(m);
    int q = m_quant->findData(QString::fromStdString(choice.quant.name));
    if (q < 0 && !choice.quant.name.empty()) {
        m_quant->addItem(QString::fromStdString(choice.quant.name),
                         QString::fromStdString(choice.quant.name));
        q = m_quant->count() - 1;
    }
    m_quant->setCurrentIndex(q);
    const double params = choice.model.paramsTotal / 1e9;
    QString facts =
        tr("%1 B parameters%2 · weights %3")
            .arg(
                fmt::number(params, params < 10 ? 1 : 0),
                choice.model.moe
                    ? tr(" (MoE, %1 B active)").arg(fmt::number(choice.model.paramsActive / 1e9, 1))
                    : QString(),
                fmt::gigabytes(weightBytes(choice)));
    m_facts->setText(facts);
}

void ModelPicker::choose() {
    const Catalog &catalog = m_document->catalog();
    const auto model = findModel(catalog, m_model->currentData().toString().toStdString());
    const auto quant = findQuant(catalog, m_quant->currentData().toString().toStdString());
    ModelChoice choice = m_document->state().model;
    if (model)
        choice.model = *model.match;
    if (quant)
        choice.quant = *quant.match;
    if (model || quant)
        choice.fileSize.reset(); // a known file size belongs to one model and quantization
    m_document->setModel(choice);
}

} // namespace llm::ui
