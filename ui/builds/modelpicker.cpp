// SPDX-License-Identifier: MIT
#include "modelpicker.h"

#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "decisiontext.h"
#include "mainwindow/glossary.h"
#include "memory.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace llm::ui {

ModelPicker::ModelPicker(ComparisonDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new QComboBox(this))
    , m_quant(new QComboBox(this))
    , m_context(new QComboBox(this))
    , m_facts(new QLabel(this))
    , m_needsRow(new QHBoxLayout) {
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
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(2);
    auto *layout = new QHBoxLayout;
    rows->addLayout(layout);
    rows->addLayout(m_needsRow);
    m_needsRow->setContentsMargins(0, 0, 0, 0);
    auto *needsLabel = new QLabel(tr("Nee&ds:"), this);
    needsLabel->setObjectName(QStringLiteral("needsLabel"));
    needsLabel->setToolTip(tr("Tick what the machine is for: every verdict, badge and "
                              "recommendation is about the needs ticked here."));
    m_needsRow->addWidget(needsLabel);
    m_needsRow->addStretch(1);
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
    connect(document, &ComparisonDocument::resultsChanged, this, &ModelPicker::loadNeeds);
    loadNeeds();
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

namespace {
bool sameNeed(const UseCase &a, const UseCase &b) {
    return a.id == b.id && a.promptTokens == b.promptTokens &&
           a.generatedTokens == b.generatedTokens;
}
} // namespace

void ModelPicker::loadNeeds() {
    // The seed's four needs always have a box; the user's own use cases follow.
    std::vector<UseCase> needs = seedUseCases();
    const std::vector<UseCase> &chosen = m_document->state().useCases;
    for (const UseCase &u : chosen)
        if (std::none_of(needs.begin(), needs.end(),
                         [&](const UseCase &n) { return sameNeed(n, u); }))
            needs.push_back(u);
    const bool same = needs.size() == m_needs.size() &&
                      std::equal(needs.begin(), needs.end(), m_needs.begin(), sameNeed);
    if (!same) {
        qDeleteAll(m_needBoxes);
        m_needBoxes.clear();
        m_needs = needs;
        QLabel *label = qobject_cast<QLabel *>(m_needsRow->itemAt(0)->widget());
        for (std::size_t i = 0; i < m_needs.size(); ++i) {
            const UseCase &u = m_needs[i];
            // "Q&A" is text, not a keyboard mnemonic.
            auto *box =
                new QCheckBox(scenario::needTitle(u).replace(u'&', QStringLiteral("&&")), this);
            box->setObjectName(QStringLiteral("need_") + QString::fromStdString(u.id));
            box->setToolTip(tr("%1\n%2").arg(scenario::needText(u, QLocale()),
                                             QString::fromStdString(u.description)));
            connect(box, &QCheckBox::toggled, this, &ModelPicker::chooseNeeds);
            m_needsRow->insertWidget(static_cast<int>(i) + 1, box);
            m_needBoxes << box;
        }
        if (label && !m_needBoxes.isEmpty())
            label->setBuddy(m_needBoxes.front());
    }
    for (std::size_t i = 0; i < m_needs.size(); ++i) {
        const QSignalBlocker block(m_needBoxes[static_cast<int>(i)]);
        m_needBoxes[static_cast<int>(i)]->setChecked(
            std::any_of(chosen.begin(), chosen.end(),
                        [&](const UseCase &u) { return sameNeed(u, m_needs[i]); }));
    }
}

void ModelPicker::chooseNeeds() {
    // The seed's needs in their own order, then the user's own ones (an unticked
    // own use case is dropped: undo brings it back).
    std::vector<UseCase> next;
    for (std::size_t i = 0; i < m_needs.size(); ++i)
        if (m_needBoxes[static_cast<int>(i)]->isChecked())
            next.push_back(m_needs[i]);
    const auto *box = qobject_cast<QCheckBox *>(sender());
    const QString name =
        box ? QString(box->text()).replace(QStringLiteral("&&"), QStringLiteral("&")) : QString();
    const QString text = !box               ? tr("Change the needs")
                         : box->isChecked() ? tr("Add the need “%1”").arg(name)
                                            : tr("Remove the need “%1”").arg(name);
    m_document->setUseCases(next, text);
}

} // namespace llm::ui
