// SPDX-License-Identifier: MIT
#include "assumptionspanel.h"

#include "charts/chartstyle.h"

#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "mainwindow/glossary.h"
#include "overridekeys.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTextBrowser>

#include <algorithm>
#include <set>

namespace llm::ui {

namespace {
enum MergeIds {
    MergeMaxPrefill = 90001,
    MergeMinGen,
    MergeInteractive,
    MergeBackground,
    MergeOffline,
    MergeTariff,
    MergeEfficiency
};

bool isSeedId(const std::string &id) {
    const auto seeds = seedUseCases();
    return std::any_of(seeds.begin(), seeds.end(), [&](const UseCase &u) { return u.id == id; });
}

HardwareKind kindOf(const std::string &hardwareClass) {
    if (hardwareClass.rfind("gpu", 0) == 0)
        return HardwareKind::Gpu;
    if (hardwareClass.rfind("unified", 0) == 0)
        return HardwareKind::Unified;
    return HardwareKind::Cpu;
}

QDoubleSpinBox *spin(QWidget *parent, double min, double max, int decimals, const QString &suffix,
                     const char *name) {
    auto *s = new QDoubleSpinBox(parent);
    s->setRange(min, max);
    s->setDecimals(decimals);
    s->setSuffix(suffix);
    s->setObjectName(QString::fromLatin1(name));
    s->setKeyboardTracking(false); // one edit per committed value, not per keystroke
    return s;
}

void addRow(QFormLayout *form, const QString &text, QWidget *field, Term term) {
    auto *label = new QLabel(text, field->parentWidget());
    label->setBuddy(field);
    field->setAccessibleName(QString(text).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    field->setToolTip(glossary(term));
    field->setWhatsThis(glossary(term));
    form->addRow(label, field);
}
} // namespace

AssumptionsPanel::AssumptionsPanel(ComparisonDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document) {
    auto *thresholds = new QGroupBox(tr("Thresholds a use case is judged by"), this);
    auto *tf = new QFormLayout(thresholds);
    m_maxPrefill = spin(thresholds, 0.1, 3600, 1, QStringLiteral(" s"), "maxPrefill");
    m_minGeneration = spin(thresholds, 0.1, 1000, 1, QStringLiteral(" tok/s"), "minGeneration");
    m_interactivePrefill =
        spin(thresholds, 0.1, 600, 1, QStringLiteral(" s"), "interactivePrefill");
    m_backgroundTotal = spin(thresholds, 1, 86400, 0, QStringLiteral(" s"), "backgroundTotal");
    m_offlineHours = spin(thresholds, 0.1, 240, 1, QStringLiteral(" h"), "offlineHours");
    addRow(tf, tr("Pass: prompt processed &within"), m_maxPrefill, Term::Thresholds);
    addRow(tf, tr("Pass: generation at &least"), m_minGeneration, Term::Thresholds);
    addRow(tf, tr("&Interactive: prompt within"), m_interactivePrefill, Term::Thresholds);
    addRow(tf, tr("Bac&kground: total within"), m_backgroundTotal, Term::Thresholds);
    addRow(tf, tr("O&ff-line: total within"), m_offlineHours, Term::Thresholds);
    // What the three kinds of work mean, in words, beside the numbers that define them.
    auto *meaning = new QLabel(
        tr("A need is met when the answer starts within the first limit and is written at "
           "least at the second (about reading speed). A need that is not met may still be "
           "done another way: <b>interactive</b> — someone waits for the answer, which starts "
           "within seconds; <b>background</b> — the job runs while people do other things and "
           "is done within minutes; <b>off-line</b> — a batch that runs for hours, e.g. "
           "overnight."),
        thresholds);
    meaning->setObjectName(QStringLiteral("thresholdMeaning"));
    meaning->setWordWrap(true);
    tf->addRow(meaning);

    auto *useCases = new QGroupBox(tr("Your own use case"), this);
    auto *uf = new QFormLayout(useCases);
    m_ownEnabled = new QCheckBox(tr("&Include my own use case"), useCases);
    m_ownEnabled->setObjectName(QStringLiteral("ownUseCase"));
    m_ownEnabled->setToolTip(glossary(Term::UseCase));
    m_ownName = new QLineEdit(useCases);
    m_ownName->setText(tr("Mine"));
    m_ownName->setMaxLength(scenario::kMaxNameLength);
    m_ownPrompt = new QSpinBox(useCases);
    m_ownPrompt->setRange(1, 1000000);
    m_ownPrompt->setValue(8192);
    m_ownPrompt->setSuffix(tr(" tokens"));
    m_ownPrompt->setKeyboardTracking(false);
    m_ownGenerated = new QSpinBox(useCases);
    m_ownGenerated->setRange(1, 1000000);
    m_ownGenerated->setValue(512);
    m_ownGenerated->setSuffix(tr(" tokens"));
    m_ownGenerated->setKeyboardTracking(false);
    uf->addRow(m_ownEnabled);
    addRow(uf, tr("&Name:"), m_ownName, Term::UseCase);
    addRow(uf, tr("&Prompt length:"), m_ownPrompt, Term::Prefill);
    addRow(uf, tr("&Answer length:"), m_ownGenerated, Term::TokensPerSecond);

    auto *other = new QGroupBox(tr("Running costs and runtime"), this);
    auto *of = new QFormLayout(other);
    m_tariff = spin(other, 0, 5, 3, QStringLiteral(" EUR/kWh"), "tariff");
    m_runtime = new QComboBox(other);
    m_runtime->setObjectName(QStringLiteral("runtime"));
    m_runtime->addItem(QStringLiteral("llama.cpp"), QStringLiteral("llama.cpp"));
    m_runtime->addItem(QStringLiteral("llamafile"), QStringLiteral("llamafile"));
    addRow(of, tr("Electricity &tariff:"), m_tariff, Term::Tariff);
    addRow(of, tr("R&untime:"), m_runtime, Term::Runtime);

    auto *efficiency = new QGroupBox(tr("Efficiency factors (engineers)"), this);
    auto *ef = new QFormLayout(efficiency);
    m_class = new QComboBox(efficiency);
    m_class->setObjectName(QStringLiteral("hardwareClass"));
    m_bandwidthEff = spin(efficiency, 0.05, 1.0, 2, QString(), "bandwidthEfficiency");
    m_bandwidthEff->setSingleStep(0.01);
    m_computeEff = spin(efficiency, 0.01, 1.0, 2, QString(), "computeEfficiency");
    m_computeEff->setSingleStep(0.01);
    m_fitInfo = new QLabel(efficiency);
    m_fitInfo->setWordWrap(true);
    auto *reset = new QPushButton(tr("&Reset to fitted values"), efficiency);
    addRow(ef, tr("&Hardware class:"), m_class, Term::Efficiency);
    addRow(ef, tr("&Bandwidth efficiency:"), m_bandwidthEff, Term::Efficiency);
    addRow(ef, tr("&Compute efficiency:"), m_computeEff, Term::Efficiency);
    ef->addRow(m_fitInfo);
    ef->addRow(reset);

    m_summary = new QTextBrowser(this);
    m_summary->setObjectName(QStringLiteral("assumptionsSummary"));
    m_summary->setAccessibleName(tr("Assumptions behind every figure"));

    // The settings in one column (the page scrolls), so the summary table beside them
    // gets the room its five columns need and never breaks a word.
    auto *left = new QVBoxLayout;
    left->addWidget(thresholds);
    left->addWidget(other);
    left->addWidget(efficiency);
    left->addWidget(useCases);
    left->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addWidget(m_summary, 1);
    m_summary->setMinimumWidth(380);

    load();
    connect(document, &ComparisonDocument::resultsChanged, this, &AssumptionsPanel::load);
    connect(m_maxPrefill, &QDoubleSpinBox::valueChanged, this,
            [this] { applyThresholds(MergeMaxPrefill); });
    connect(m_minGeneration, &QDoubleSpinBox::valueChanged, this,
            [this] { applyThresholds(MergeMinGen); });
    connect(m_interactivePrefill, &QDoubleSpinBox::valueChanged, this,
            [this] { applyThresholds(MergeInteractive); });
    connect(m_backgroundTotal, &QDoubleSpinBox::valueChanged, this,
            [this] { applyThresholds(MergeBackground); });
    connect(m_offlineHours, &QDoubleSpinBox::valueChanged, this,
            [this] { applyThresholds(MergeOffline); });
    connect(m_tariff, &QDoubleSpinBox::valueChanged, this, [this] {
        Assumptions a = m_document->state().assumptions;
        a.electricityEurPerKwh = m_tariff->value();
        m_document->setAssumptions(a, tr("Change electricity tariff"), MergeTariff);
    });
    connect(m_runtime, &QComboBox::currentIndexChanged, this, [this] {
        Assumptions a = m_document->state().assumptions;
        a.runtime = m_runtime->currentData().toString().toStdString();
        m_document->setAssumptions(a, tr("Change runtime to %1").arg(m_runtime->currentText()));
    });
    connect(m_ownEnabled, &QCheckBox::toggled, this, &AssumptionsPanel::applyOwnUseCase);
    connect(m_ownName, &QLineEdit::editingFinished, this, &AssumptionsPanel::applyOwnUseCase);
    connect(m_ownPrompt, &QSpinBox::valueChanged, this, &AssumptionsPanel::applyOwnUseCase);
    connect(m_ownGenerated, &QSpinBox::valueChanged, this, &AssumptionsPanel::applyOwnUseCase);
    connect(m_class, &QComboBox::currentIndexChanged, this, [this] {
        m_followBuild = false; // the user's pick wins until another build is selected
        load();
    });
    connect(m_bandwidthEff, &QDoubleSpinBox::valueChanged, this,
            &AssumptionsPanel::applyEfficiency);
    connect(m_computeEff, &QDoubleSpinBox::valueChanged, this, &AssumptionsPanel::applyEfficiency);
    connect(reset, &QPushButton::clicked, this, &AssumptionsPanel::resetEfficiency);
}

void AssumptionsPanel::setBuildIndex(int index) {
    m_build = index;
    m_followBuild = true;
    load();
}

QString AssumptionsPanel::currentClass() const {
    return m_class->currentText();
}

void AssumptionsPanel::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_stale)
        load();
}

void AssumptionsPanel::load() {
    // Hidden (another tab is shown): catch up when shown; rich text layout is not free.
    m_stale = !isVisible();
    if (m_stale)
        return;
    const ComparisonState &s = m_document->state();
    const Assumptions &a = s.assumptions;
    const QSignalBlocker b1(m_maxPrefill), b2(m_minGeneration), b3(m_interactivePrefill),
        b4(m_backgroundTotal), b5(m_offlineHours), b6(m_tariff), b7(m_runtime), b8(m_ownEnabled),
        b9(m_ownPrompt), b10(m_ownGenerated), b11(m_class), b12(m_bandwidthEff), b13(m_computeEff);
    m_maxPrefill->setValue(units::inSeconds(a.thresholds.maxPrefill));
    m_minGeneration->setValue(units::inTokensPerSecond(a.thresholds.minGeneration));
    m_interactivePrefill->setValue(units::inSeconds(a.thresholds.interactivePrefill));
    m_backgroundTotal->setValue(units::inSeconds(a.thresholds.backgroundTotal));
    m_offlineHours->setValue(units::inSeconds(a.thresholds.offlineTotal) / 3600.0);
    m_tariff->setValue(a.electricityEurPerKwh);
    m_runtime->setCurrentIndex(std::max(0, m_runtime->findData(QString::fromStdString(a.runtime))));

    const auto own = std::find_if(s.useCases.begin(), s.useCases.end(),
                                  [](const UseCase &u) { return !isSeedId(u.id); });
    m_ownEnabled->setChecked(own != s.useCases.end());
    if (own != s.useCases.end()) {
        m_ownName->setText(QString::fromStdString(own->id));
        m_ownPrompt->setValue(static_cast<int>(units::inTokens(own->promptTokens)));
        m_ownGenerated->setValue(static_cast<int>(units::inTokens(own->generatedTokens)));
    }

    // Hardware classes the builds use, with the factors actually applied.
    std::set<std::string> classes;
    QString html =
        QStringLiteral("<h3>%1</h3><table cellspacing=4>").arg(tr("Behind every figure"));
    // Short header words: the panel is narrow and rich text breaks a long word anywhere.
    html += tr("<tr><th align=left>Build</th><th align=left>Class</th><th>Memory<br>factor</th>"
               "<th>Compute<br>factor</th><th>Fitted on<br>results</th></tr>");
    for (std::size_t i = 0; i < m_document->results().size(); ++i) {
        const Estimate &e = m_document->results()[i].estimate;
        classes.insert(e.hardwareClass.str());
        const bool over =
            scenario::isOverridden(a, scenario::efficiencyOverrideKey(e.hardwareClass));
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td align=right>%3</td><td "
                               "align=right>%4</td><td>%5</td></tr>")
                    .arg(QStringLiteral("<span title=\"%1\">%2</span>")
                             .arg(QString::fromStdString(s.builds[i].name).toHtmlEscaped(),
                                  buildTag(static_cast<int>(i))),
                         QString::fromStdString(e.hardwareClass.str()).toHtmlEscaped() +
                             (over ? tr(" <b>(overridden)</b>") : QString()),
                         fmt::number(e.factors.bandwidth, 2), fmt::number(e.factors.compute, 2),
                         e.factors.measurements > 0 ? QString::number(e.factors.measurements)
                                                    : tr("none (default guess)"));
    }
    html += QStringLiteral("</table>");
    if (!a.overridden.empty()) {
        QStringList names;
        for (const auto &n : a.overridden)
            names << QString::fromStdString(n);
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("Overridden by the user:"),
                         names.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    m_summary->setHtml(html);

    // The selected build's class, unless the user picked one in the box.
    QString keep = m_class->currentText();
    if (m_followBuild && m_build >= 0 && m_build < static_cast<int>(m_document->results().size()))
        keep = QString::fromStdString(
            m_document->results()[static_cast<std::size_t>(m_build)].estimate.hardwareClass.str());
    const QSignalBlocker block(m_class); // refilling is not the user's choice
    m_class->clear();
    for (const std::string &c : classes)
        m_class->addItem(QString::fromStdString(c));
    m_class->setCurrentIndex(std::max(0, m_class->findText(keep)));
    const std::string cls = currentClass().toStdString();
    const EfficiencyFactors &f = a.factorsFor(cls, kindOf(cls));
    m_bandwidthEff->setValue(f.bandwidth);
    m_computeEff->setValue(f.compute);
    m_fitInfo->setText(f.measurements > 0 ? tr("Fitted on %1 measurements (%2).")
                                                .arg(f.measurements)
                                                .arg(QString::fromStdString(f.fittedOn))
                                          : tr("Default guess: no measurements for this class."));
}

void AssumptionsPanel::applyThresholds(int mergeId) {
    Assumptions a = m_document->state().assumptions;
    a.thresholds.maxPrefill = units::seconds(m_maxPrefill->value());
    a.thresholds.minGeneration = units::tokensPerSecond(m_minGeneration->value());
    a.thresholds.interactivePrefill = units::seconds(m_interactivePrefill->value());
    a.thresholds.backgroundTotal = units::seconds(m_backgroundTotal->value());
    a.thresholds.offlineTotal = units::hours(m_offlineHours->value());
    m_document->setAssumptions(a, tr("Change thresholds"), mergeId);
}

void AssumptionsPanel::applyOwnUseCase() {
    std::vector<UseCase> cases;
    for (const UseCase &u : m_document->state().useCases) {
        if (isSeedId(u.id))
            cases.push_back(u);
    }
    if (m_ownEnabled->isChecked()) {
        std::string name = m_ownName->text().trimmed().toStdString();
        if (name.empty() || isSeedId(name))
            name = tr("Mine").toStdString();
        cases.push_back(UseCase{name, tr("Your own use case").toStdString(),
                                units::tokens(m_ownPrompt->value()),
                                units::tokens(m_ownGenerated->value())});
    }
    const auto &old = m_document->state().useCases;
    const bool same =
        cases.size() == old.size() &&
        std::equal(cases.begin(), cases.end(), old.begin(), [](const UseCase &x, const UseCase &y) {
            return x.id == y.id && x.promptTokens == y.promptTokens &&
                   x.generatedTokens == y.generatedTokens;
        });
    if (!same)
        m_document->setUseCases(cases, tr("Change your own use case"));
}

void AssumptionsPanel::applyEfficiency() {
    const std::string cls = currentClass().toStdString();
    if (cls.empty())
        return;
    Assumptions a = m_document->state().assumptions;
    EfficiencyFactors f = a.factorsFor(cls, kindOf(cls));
    f.bandwidth = m_bandwidthEff->value();
    f.compute = m_computeEff->value();
    a.efficiencyByClass[cls] = f;
    scenario::markOverridden(&a, scenario::efficiencyOverrideKey(cls));
    m_document->setAssumptions(a, tr("Override efficiency of %1").arg(currentClass()),
                               MergeEfficiency);
}

void AssumptionsPanel::resetEfficiency() {
    const std::string cls = currentClass().toStdString();
    Assumptions a = m_document->state().assumptions;
    if (!scenario::unmarkOverridden(&a, scenario::efficiencyOverrideKey(cls)))
        return;
    // The fitted values are the defaults the comparison was opened with.
    const Assumptions &defaults = m_document->baseline();
    const auto fitted = defaults.efficiencyByClass.find(cls);
    if (fitted != defaults.efficiencyByClass.end())
        a.efficiencyByClass[cls] = fitted->second;
    else
        a.efficiencyByClass.erase(cls);
    m_document->setAssumptions(a, tr("Reset efficiency of %1").arg(currentClass()));
}

} // namespace llm::ui
