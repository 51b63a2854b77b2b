// SPDX-License-Identifier: MIT
// The Find builds dialog: request form, worker-thread sweep with progress and
// cancel, the results in two tables (priced front; builds without a price).
#include "findbuildsdialog.h"

#include "catalogue.h"
#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "mainwindow/glossary.h"
#include "recommendationmodel.h"
#include "recommendrunner.h"
#include "results/unitdelegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

namespace llm::ui {

namespace {

QTableView *makeView(RecommendationModel *model, const QString &name, QWidget *parent) {
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setItemDelegate(new UnitDelegate(view));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

QString useCaseList(const std::vector<UseCase> &useCases) {
    QStringList ids;
    for (const UseCase &u : useCases)
        ids << QString::fromStdString(u.id);
    return QLocale().createSeparatedList(ids);
}

} // namespace

FindBuildsDialog::FindBuildsDialog(ComparisonDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_runner(new RecommendRunner(this))
    , m_priced(new RecommendationModel(this))
    , m_unpriced(new RecommendationModel(this))
    , m_model(new QComboBox(this))
    , m_quant(new QComboBox(this))
    , m_useCaseBox(new QWidget(this))
    , m_budget(new QDoubleSpinBox(this))
    , m_watts(new QSpinBox(this))
    , m_top(new QSpinBox(this))
    , m_used(new QCheckBox(tr("Include use&d parts (no longer sold new)"), this))
    , m_runButton(new QPushButton(tr("&Find"), this))
    , m_cancelButton(new QPushButton(tr("&Stop"), this))
    , m_addButton(new QPushButton(tr("&Add selected to comparison"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_unpricedTitle(new QLabel(this)) {
    setObjectName(QStringLiteral("findBuildsDialog"));
    setWindowTitle(tr("Find builds"));

    m_model->setObjectName(QStringLiteral("findModel"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->completer()->setFilterMode(Qt::MatchContains);
    m_model->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_model->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_model->setToolTip(tr("The model the builds must run. Type to search.") +
                        QStringLiteral("\n\n") + glossary(Term::Model));
    m_quant->setObjectName(QStringLiteral("findQuant"));
    m_quant->setToolTip(glossary(Term::Quantization));

    m_useCaseBox->setObjectName(QStringLiteral("findUseCases"));
    m_useCaseBox->setToolTip(tr("Every ticked use case must pass on a build for it to be listed."));
    new QHBoxLayout(m_useCaseBox);
    m_useCaseBox->layout()->setContentsMargins(0, 0, 0, 0);

    m_budget->setObjectName(QStringLiteral("findBudget"));
    m_budget->setRange(0, 10'000'000);
    m_budget->setDecimals(0);
    m_budget->setSingleStep(500);
    m_budget->setSuffix(tr(" EUR"));
    m_budget->setSpecialValueText(tr("no limit"));
    m_budget->setToolTip(tr("Highest total price in euros (CPU, memory, GPUs, platform). 0 = no "
                            "limit. Builds without a price are listed apart whatever the "
                            "budget."));
    m_watts->setObjectName(QStringLiteral("findWatts"));
    m_watts->setRange(0, 100'000);
    m_watts->setSingleStep(50);
    m_watts->setSuffix(tr(" W"));
    m_watts->setSpecialValueText(tr("no limit"));
    m_watts->setToolTip(tr("Highest power drawn at load (CPU, GPUs and platform), in watts. 0 = "
                           "no limit. Each platform's power supply limits it too."));
    m_top->setObjectName(QStringLiteral("findTop"));
    m_top->setRange(1, 200);
    m_top->setValue(10);
    m_top->setToolTip(tr("At most this many builds per list: the cheapest, the fastest and evenly "
                         "spaced ones between them."));

    m_used->setObjectName(QStringLiteral("findUsed"));
    m_used->setChecked(false);
    m_used->setToolTip(tr("Off: only parts still sold new are proposed. On: parts no longer "
                          "sold new (bought used or from old stock) are proposed too, priced at "
                          "their last list price, which is not what they cost used."));

    auto *form = new QFormLayout;
    const auto addRow = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        label->setToolTip(field->toolTip());
        form->addRow(label, field);
        return label;
    };
    addRow(tr("M&odel:"), m_model);
    addRow(tr("&Quantization:"), m_quant);
    m_useCaseLabel = addRow(tr("&Use cases that must pass:"), m_useCaseBox);
    m_useCaseLabel->setObjectName(QStringLiteral("findUseCasesLabel"));
    addRow(tr("&Budget:"), m_budget);
    addRow(tr("Max &power at load:"), m_watts);
    addRow(tr("Show at &most:"), m_top);
    form->addRow(QString(), m_used);

    m_runButton->setObjectName(QStringLiteral("findRun"));
    m_runButton->setDefault(true);
    m_runButton->setToolTip(tr("Sweep every build the catalogue allows (CPU × memory × GPUs) and "
                               "list those that pass every ticked use case."));
    m_cancelButton->setObjectName(QStringLiteral("findCancel"));
    m_cancelButton->setToolTip(tr("Stop the sweep; nothing is listed from a stopped sweep."));
    m_progress->setObjectName(QStringLiteral("findProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Sweep progress"));
    m_progress->setToolTip(tr("How much of the catalogue has been swept."));
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_runButton);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_progress, 1);

    m_status->setObjectName(QStringLiteral("findStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(tr("State the need and press Find."));

    m_pricedView = makeView(m_priced, QStringLiteral("findPriced"), this);
    m_pricedView->setToolTip(tr("Builds that pass every ticked use case, on the front of price "
                                "against margin: each is the fastest for its price. Cheapest "
                                "first. Select rows and add them to the comparison."));
    m_pricedView->setAccessibleName(tr("Builds that pass, cheapest first"));
    m_unpricedView = makeView(m_unpriced, QStringLiteral("findUnpriced"), this);
    m_unpricedView->setToolTip(tr("Builds that pass but have a part without a price in the "
                                  "catalogue. They are not priced at zero; best margin first."));
    m_unpricedView->setAccessibleName(tr("Passing builds without a price"));
    auto *pricedTitle = new QLabel(tr("&Builds that pass (cheapest first):"), this);
    pricedTitle->setBuddy(m_pricedView);
    m_unpricedTitle->setText(tr("Without a &price (a part has none; not counted as free):"));
    m_unpricedTitle->setBuddy(m_unpricedView);

    m_addButton->setObjectName(QStringLiteral("findAdd"));
    m_addButton->setToolTip(tr("Add the selected builds to the comparison (one undo step)."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_addButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(runRow);
    layout->addWidget(m_status);
    layout->addWidget(pricedTitle);
    layout->addWidget(m_pricedView, 2);
    layout->addWidget(m_unpricedTitle);
    layout->addWidget(m_unpricedView, 1);
    layout->addWidget(buttons);

    connect(m_runButton, &QPushButton::clicked, this, [this] { run(); });
    connect(m_cancelButton, &QPushButton::clicked, this, &FindBuildsDialog::cancel);
    connect(m_addButton, &QPushButton::clicked, this, [this] { addSelected(); });
    connect(m_runner, &RecommendRunner::progressChanged, this,
            [this](double f) { m_progress->setValue(static_cast<int>(f * 1000)); });
    connect(m_runner, &RecommendRunner::finished, this, &FindBuildsDialog::onFinished);
    for (QTableView *v : {m_pricedView, m_unpricedView}) {
        connect(v->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &FindBuildsDialog::updateAddButton);
        connect(v, &QTableView::doubleClicked, this, [this] { addSelected(); });
    }

    loadFromComparison();
    setRunning(false);
    resize(1120, 660);
}

FindBuildsDialog::~FindBuildsDialog() = default;

void FindBuildsDialog::loadFromComparison() {
    const ComparisonState &s = m_document->state();
    // The catalogue may have changed since (catalogue editor): list it afresh.
    m_model->clear();
    for (const Model &m : m_document->catalog().models)
        m_model->addItem(QString::fromStdString(m.name));
    m_quant->clear();
    for (const Quantization &q : m_document->catalog().quants)
        m_quant->addItem(QStringLiteral("%1 (%2 bits/weight)")
                             .arg(QString::fromStdString(q.name), fmt::number(q.bitsPerWeight, 2)),
                         QString::fromStdString(q.name));
    m_model->setCurrentIndex(m_model->findText(QString::fromStdString(s.model.model.name)));
    m_quant->setCurrentIndex(m_quant->findData(QString::fromStdString(s.model.quant.name)));
    for (QCheckBox *b : m_useCaseBoxes)
        delete b;
    m_useCaseBoxes.clear();
    for (const UseCase &u : s.useCases) {
        auto *box = new QCheckBox(QString::fromStdString(u.id), m_useCaseBox);
        box->setChecked(true);
        box->setToolTip(tr("%1\nPrompt %2 tokens, output %3 tokens.")
                            .arg(QString::fromStdString(u.description),
                                 fmt::number(units::inTokens(u.promptTokens), 0),
                                 fmt::number(units::inTokens(u.generatedTokens), 0)));
        m_useCaseBox->layout()->addWidget(box);
        m_useCaseBoxes.push_back(box);
    }
    // The boxes are made after the other fields: put them back in reading order
    // for Tab, and let Alt+U reach the first one.
    if (!m_useCaseBoxes.empty())
        m_useCaseLabel->setBuddy(m_useCaseBoxes.front());
    QWidget *previous = m_quant;
    for (QCheckBox *b : m_useCaseBoxes) {
        setTabOrder(previous, b);
        previous = b;
    }
    for (QWidget *w : {static_cast<QWidget *>(m_budget), static_cast<QWidget *>(m_watts),
                       static_cast<QWidget *>(m_top), static_cast<QWidget *>(m_used),
                       static_cast<QWidget *>(m_runButton), static_cast<QWidget *>(m_cancelButton),
                       static_cast<QWidget *>(m_pricedView), static_cast<QWidget *>(m_unpricedView),
                       static_cast<QWidget *>(m_addButton)}) {
        setTabOrder(previous, w);
        previous = w;
    }
}

QString FindBuildsDialog::statusText() const {
    return m_status->text();
}

bool FindBuildsDialog::run() {
    if (m_runner->isRunning())
        return false;
    const Catalog &catalog = m_document->catalog();
    const ComparisonState &s = m_document->state();
    const auto fail = [this](const QString &message) {
        m_status->setText(message);
        return false;
    };
    const PlatformRules *rules = m_document->platformRulesOrNull();
    if (!rules)
        return fail(tr("Cannot search: the platform rules could not be read when the program "
                       "started, so no build could be checked for parts that go together."));
    const auto model = findModel(catalog, m_model->currentText().trimmed().toStdString());
    if (!model || model.ambiguous)
        return fail(tr("Model: “%1” is not a model in the catalogue; pick one from the list.")
                        .arg(m_model->currentText()));
    const auto quant = findQuant(catalog, m_quant->currentData().toString().toStdString());
    if (!quant)
        return fail(tr("Quantization: pick one from the list."));

    RecommendRequest request;
    request.model = ModelChoice{*model.match, *quant.match, std::nullopt};
    if (model.match->name == s.model.model.name && quant.match->name == s.model.quant.name)
        request.model.fileSize = s.model.fileSize;
    for (std::size_t i = 0; i < m_useCaseBoxes.size() && i < s.useCases.size(); ++i)
        if (m_useCaseBoxes[i]->isChecked())
            request.workload.useCases.push_back(s.useCases[i]);
    if (request.workload.useCases.empty())
        return fail(tr("Use cases: tick at least one; a build is listed when it passes every "
                       "ticked one."));
    if (m_budget->value() > 0)
        request.budgetEur = m_budget->value();
    if (m_watts->value() > 0)
        request.maxPower = units::watts(m_watts->value());
    request.top = static_cast<std::size_t>(m_top->value());
    request.includeUsed = m_used->isChecked();

    // Start clean: a table never shows an older answer beside a new request.
    m_priced->clear();
    m_unpriced->clear();
    m_progress->setValue(0);
    m_status->setText(tr("Searching the catalogue for builds that pass %1…")
                          .arg(useCaseList(request.workload.useCases)));
    m_runner->start(catalog, *rules, request, s.assumptions);
    setRunning(true);
    return true;
}

void FindBuildsDialog::cancel() {
    if (!m_runner->isRunning())
        return;
    m_runner->cancel();
    m_status->setText(tr("Stopping…"));
}

void FindBuildsDialog::onFinished(bool cancelled) {
    setRunning(false);
    const RecommendResult &r = m_runner->result();
    if (cancelled) {
        m_progress->setValue(0);
        m_status->setText(tr("Stopped: nothing is listed from a stopped search."));
        return;
    }
    m_progress->setValue(m_progress->maximum());
    if (!r.problem.empty()) {
        m_status->setText(tr("Cannot search: %1").arg(QString::fromStdString(r.problem)));
        return;
    }
    // Shown before the reset so the columns size to the new rows.
    m_unpricedTitle->setVisible(!r.unpriced.empty());
    m_unpricedView->setVisible(!r.unpriced.empty());
    m_priced->setRecommendations(r.front);
    m_unpriced->setRecommendations(r.unpriced);
    const RecommendStats &st = r.stats;
    const QString swept = tr("Swept %1 builds in %2 (threads: %3).")
                              .arg(fmt::number(static_cast<double>(st.enumerated), 0),
                                   fmt::seconds(units::seconds(st.seconds)))
                              .arg(st.threads);
    const QString leftOut =
        st.cpusNotSoldNew + st.gpusNotSoldNew > 0
            ? QLatin1Char(' ') +
                  tr("Not proposed, as no longer sold new: %1 CPUs and %2 GPUs (tick “Include "
                     "used parts” to see them too).")
                      .arg(st.cpusNotSoldNew)
                      .arg(st.gpusNotSoldNew)
            : QString();
    if (r.front.empty() && r.unpriced.empty()) {
        m_status->setText(emptyStateText() + QLatin1Char(' ') + swept + leftOut);
    } else {
        QString text;
        if (r.front.empty())
            text = emptyStateText() + QLatin1Char(' ') +
                   tr("Builds without a price that pass (listed apart below): %1.")
                       .arg(r.unpriced.size());
        else
            text =
                tr("Builds that pass %1 and are the fastest for their price: %2, cheapest first.")
                    .arg(useCaseList(m_runner->request().workload.useCases))
                    .arg(st.frontSize);
        if (r.front.size() < st.frontSize)
            text += QLatin1Char(' ') + tr("Showing %1 of them.").arg(r.front.size());
        m_status->setText(text + QLatin1Char(' ') + swept + leftOut);
    }
    if (!r.front.empty())
        m_pricedView->setFocus();
}

QString FindBuildsDialog::emptyStateText() const {
    const RecommendRequest &req = m_runner->request();
    const RelaxHint &hint = m_runner->hint();
    const QString ucs = useCaseList(req.workload.useCases);
    const QString what = tr("%1 at %2")
                             .arg(QString::fromStdString(req.model.model.name),
                                  QString::fromStdString(req.model.quant.name));
    if (req.budgetEur && hint.cheapestWithoutBudgetEur)
        return tr("No build under %1 passes %2 with %3; the cheapest that passes costs %4. "
                  "Raise the budget, or untick a use case.")
            .arg(fmt::euros(*req.budgetEur), ucs, what, fmt::euros(*hint.cheapestWithoutBudgetEur));
    if (req.maxPower && hint.passesWithoutPowerLimit && hint.lowestPowerWithoutLimit)
        return tr("No build within %1 passes %2 with %3; the most frugal that passes draws %4 at "
                  "load. Raise the power limit, or untick a use case.")
            .arg(fmt::watts(*req.maxPower), ucs, what, fmt::watts(*hint.lowestPowerWithoutLimit));
    if (!m_runner->result().unpriced.empty())
        return tr("No build with a price passes %1 with %2.").arg(ucs, what);
    if (req.budgetEur || req.maxPower)
        return tr("No build in the catalogue passes %1 with %2 within these limits, and lifting "
                  "the budget or the power limit alone does not help. Try a smaller model or "
                  "quantization, or untick the hardest use case.")
            .arg(ucs, what);
    return tr("No build in the catalogue passes %1 with %2. Try a smaller model or "
              "quantization, or untick the hardest use case.")
        .arg(ucs, what);
}

void FindBuildsDialog::setRunning(bool running) {
    m_runButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    m_progress->setVisible(true);
    for (QWidget *w :
         {static_cast<QWidget *>(m_model), static_cast<QWidget *>(m_quant), m_useCaseBox,
          static_cast<QWidget *>(m_budget), static_cast<QWidget *>(m_watts),
          static_cast<QWidget *>(m_top), static_cast<QWidget *>(m_used)})
        w->setEnabled(!running);
    if (running)
        m_cancelButton->setFocus();
    updateAddButton();
}

void FindBuildsDialog::updateAddButton() {
    const bool any = m_pricedView->selectionModel()->hasSelection() ||
                     m_unpricedView->selectionModel()->hasSelection();
    m_addButton->setEnabled(any && !m_runner->isRunning());
}

int FindBuildsDialog::addSelected() {
    std::vector<Build> builds;
    for (auto [view, model] : {std::pair{m_pricedView, m_priced}, {m_unpricedView, m_unpriced}}) {
        std::set<int> rows;
        for (const QModelIndex &i : view->selectionModel()->selectedRows())
            rows.insert(i.row());
        for (int row : rows)
            builds.push_back(model->at(row).build);
    }
    if (builds.empty()) {
        m_status->setText(tr("Select one or more builds in the tables first."));
        return 0;
    }
    const int room = ComparisonDocument::kMaxBuilds - m_document->buildCount();
    if (room <= 0) {
        m_status->setText(tr("The comparison already holds %1 builds, the most it can take; "
                             "remove one first.")
                              .arg(ComparisonDocument::kMaxBuilds));
        return 0;
    }
    const int n = std::min(room, static_cast<int>(builds.size()));
    const int first = m_document->buildCount();
    QUndoStack *undo = m_document->undoStack();
    undo->beginMacro(tr("Add found builds (%1)").arg(n));
    int added = 0;
    for (int i = 0; i < n; ++i)
        added += m_document->addBuild(builds[static_cast<std::size_t>(i)]) ? 1 : 0;
    undo->endMacro();
    QString text = tr("Builds added to the comparison: %1.").arg(added);
    if (added < static_cast<int>(builds.size()))
        text += QLatin1Char(' ') + tr("Not added, as a comparison holds at most %1 builds: %2.")
                                       .arg(ComparisonDocument::kMaxBuilds)
                                       .arg(builds.size() - static_cast<std::size_t>(added));
    m_status->setText(text);
    if (added > 0)
        emit buildsAdded(first);
    return added;
}

void FindBuildsDialog::reject() {
    cancel();
    QDialog::reject();
}

} // namespace llm::ui
