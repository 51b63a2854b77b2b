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
#include <QLocale>
#include <QSignalBlocker>

namespace llm::ui {

ModelPicker::ModelPicker(ComparisonDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new QComboBox(this))
    , m_quant(new QComboBox(this))
    , m_context(new QComboBox(this))
    , m_facts(new QLabel(this)) {
    m_model->setObjectName(QStringLiteral("model"));
    m_quant->setObjectName(QStringLiteral("quant"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->completer()->setFilterMode(Qt::MatchContains);
    m_model->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_model->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_model->setMinimumContentsLength(17);
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    fillLists();
    m_model->setToolTip(glossary(Term::Model));
    m_model->setWhatsThis(glossary(Term::Model));
    m_quant->setToolTip(glossary(Term::Quantization));
    m_quant->setWhatsThis(glossary(Term::Quantization));
    m_facts->setToolTip(glossary(Term::KvCache));
    // Wraps (two lines) instead of widening the window past 1280 px.
    m_facts->setWordWrap(true);
    m_facts->setMinimumWidth(m_facts->fontMetrics().averageCharWidth() * 20);
    m_context->setObjectName(QStringLiteral("context"));
    const QString contextHelp =
        tr("The context window the model is started with: the most text (prompt and answer, in "
           "tokens) it can hold at once. Its KV cache is reserved in memory whole, so a longer "
           "window needs more memory; it does not change the speeds. \"Per use case\" plans "
           "for the longest use case only.");
    m_context->setToolTip(contextHelp);
    m_context->setWhatsThis(contextHelp);
    m_context->setAccessibleName(tr("Context window"));

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
    auto *contextLabel = new QLabel(tr("Conte&xt:"), this);
    contextLabel->setBuddy(m_context);
    layout->addWidget(contextLabel);
    layout->addWidget(m_context);
    layout->addWidget(m_facts, 2);

    load();
    connect(m_model, &QComboBox::currentIndexChanged, this, &ModelPicker::choose);
    connect(m_quant, &QComboBox::currentIndexChanged, this, &ModelPicker::choose);
    connect(m_context, &QComboBox::currentIndexChanged, this, &ModelPicker::chooseContext);
    connect(document, &ComparisonDocument::resultsChanged, this, &ModelPicker::load);
    // Models and quantizations added in the catalogue editor appear at once.
    connect(document, &ComparisonDocument::catalogChanged, this, [this] {
        fillLists();
        load();
    });
}

void ModelPicker::fillLists() {
    const QSignalBlocker b1(m_model), b2(m_quant);
    m_model->clear();
    m_quant->clear();
    for (const Model &m : m_document->catalog().models)
        m_model->addItem(QString::fromStdString(m.name), QString::fromStdString(m.name));
    for (const Quantization &q : m_document->catalog().quants)
        m_quant->addItem(QStringLiteral("%1 (%2 bits/weight)")
                             .arg(QString::fromStdString(q.name), fmt::number(q.bitsPerWeight, 2)),
                         QString::fromStdString(q.name));
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
    loadContexts();
}

void ModelPicker::loadContexts() {
    const QSignalBlocker blocker(m_context);
    const int maxContext = m_document->state().model.model.maxContext;
    const int current = static_cast<int>(units::inTokens(m_document->state().reservedContext));
    m_context->clear();
    m_context->addItem(tr("Per use case"), 0);
    // Common window sizes up to the model's own limit (all of them when it is unknown).
    for (int n = 4096; n <= 1048576; n *= 2) {
        if (maxContext > 0 && n > maxContext)
            break;
        m_context->addItem(tr("%1 tokens").arg(QLocale().toString(n)), n);
    }
    if (maxContext > 0 && m_context->findData(maxContext) < 0)
        m_context->addItem(tr("%1 tokens (model maximum)").arg(QLocale().toString(maxContext)),
                           maxContext);
    int index = m_context->findData(current);
    if (index < 0) {
        m_context->addItem(tr("%1 tokens").arg(QLocale().toString(current)), current);
        index = m_context->count() - 1;
    }
    m_context->setCurrentIndex(index);
}

void ModelPicker::chooseContext() {
    m_document->setReservedContext(units::tokens(m_context->currentData().toInt()));
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
