// SPDX-License-Identifier: MIT
#include "buildeditor.h"

#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "comparison_limits.h"
#include "mainwindow/glossary.h"
#include "scenario.h"

#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>

#include <algorithm>
#include <cmath>
#include <utility>

namespace llm::ui {

namespace {
enum Field {
    FieldCpu = 1,
    FieldChannels,
    FieldSpeed,
    FieldModule,
    FieldGpu,
    FieldCount,
    FieldMode,
    FieldQuote,
    FieldQuoteSource
};
// Per channel, for a platform without DIMM data in its rule (any capacity is taken).
const double kModuleSizesGb[] = {8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256};

// All of a CPU's channels (as far as its boards wire them), `perChannelGb` per channel
// where the platform's DIMMs make it (else the nearest size below, else the smallest),
// within the CPU's and the platform's maximum, at the fastest speed of that population.
MemoryConfig platformMemory(const Catalog &catalog, const PlatformRules &rules, const Cpu &cpu,
                            double perChannelGb) {
    static const PlatformRule noRule{};
    const PlatformRule *found = rules.find(cpu);
    const PlatformRule &rule = found ? *found : noRule;
    MemoryConfig m;
    m.channels = std::max(1, cpu.memoryChannels);
    if (rule.memoryChannels > 0)
        m.channels = std::min(m.channels, rule.memoryChannels);
    const double limitGb = units::inGigabytes(capacityLimit(rule, cpu));
    const auto fits = [&](double gb) {
        return !(limitGb > 0) || gb * m.channels <= limitGb * (1 + 1e-9);
    };
    double pick = perChannelGb;
    if (rule.moduleSizes.empty()) {
        if (!fits(pick))
            pick = limitGb / m.channels;
    } else {
        const std::vector<units::Bytes> sizes = channelCapacities(rule);
        pick = units::inGigabytes(sizes.front());
        for (units::Bytes size : sizes) {
            const double gb = units::inGigabytes(size);
            if (gb <= perChannelGb * (1 + 1e-9) && fits(gb))
                pick = gb;
        }
    }
    m.capacity = units::gigabytes(pick * m.channels);
    m.speed = cpu.maxMemorySpeed;
    std::vector<units::TransferRate> speeds;
    for (const Filling &w : fillings(rule, units::gigabytes(pick)))
        for (units::TransferRate s : platformSpeeds(catalog, rule, cpu, w.dimmsPerChannel))
            speeds.push_back(s);
    if (!speeds.empty())
        m.speed = *std::max_element(speeds.begin(), speeds.end());
    return m;
}
} // namespace

BuildEditor::BuildEditor(ComparisonDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_family(new QComboBox(this))
    , m_cpu(new QComboBox(this))
    , m_cpuFacts(new QLabel(this))
    , m_channels(new QSpinBox(this))
    , m_speed(new QComboBox(this))
    , m_moduleSize(new QComboBox(this))
    , m_capacity(new QLabel(this))
    , m_gpu(new QComboBox(this))
    , m_gpuCount(new QSpinBox(this))
    , m_multiGpu(new QComboBox(this))
    , m_quote(new QDoubleSpinBox(this))
    , m_quoteSource(new QLineEdit(this))
    , m_totals(new QLabel(this))
    , m_problem(new QLabel(this)) {
    m_family->setObjectName(QStringLiteral("cpuFamily"));
    m_cpu->setObjectName(QStringLiteral("cpu"));
    m_channels->setObjectName(QStringLiteral("channels"));
    m_speed->setObjectName(QStringLiteral("memorySpeed"));
    m_moduleSize->setObjectName(QStringLiteral("moduleSize"));
    m_gpu->setObjectName(QStringLiteral("gpu"));
    m_gpuCount->setObjectName(QStringLiteral("gpuCount"));
    m_multiGpu->setObjectName(QStringLiteral("multiGpuMode"));
    m_problem->setObjectName(QStringLiteral("refusal"));
    m_totals->setObjectName(QStringLiteral("totals"));
    m_quote->setObjectName(QStringLiteral("quote"));
    m_quoteSource->setObjectName(QStringLiteral("quoteSource"));

    m_family->addItem(tr("All families"), -1);
    for (CpuFamily f : {CpuFamily::Desktop, CpuFamily::Workstation, CpuFamily::Server,
                        CpuFamily::Mobile, CpuFamily::Other})
        m_family->addItem(fmt::family(f), static_cast<int>(f));

    // Type-to-search: any part of the name matches ("7970", "epyc").
    m_cpu->setEditable(true);
    m_cpu->setInsertPolicy(QComboBox::NoInsert);
    m_cpu->completer()->setFilterMode(Qt::MatchContains);
    m_cpu->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_cpu->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_cpu->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_cpu->setMinimumContentsLength(12);
    m_cpuFacts->setObjectName(QStringLiteral("cpuFacts"));
    m_cpuFacts->setWordWrap(true);
    m_cpuFacts->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_gpu->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_gpu->setMinimumContentsLength(10);
    fillGpuList();
    // Parts added or removed in the catalogue editor appear here at once.
    connect(m_document, &ComparisonDocument::catalogChanged, this, [this] {
        fillGpuList();
        fillCpuList();
    });
    m_gpuCount->setRange(1, 8);
    m_gpuCount->setSuffix(QStringLiteral(" ×"));
    m_multiGpu->addItem(tr("Layer split (llama.cpp default)"),
                        static_cast<int>(MultiGpuMode::LayerSplit));
    m_multiGpu->addItem(tr("Tensor parallel"), static_cast<int>(MultiGpuMode::TensorParallel));

    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b; font-weight: bold;"));
    m_problem->setAccessibleName(tr("Refused change"));
    m_problem->hide();
    m_totals->setWordWrap(true);
    m_capacity->setAccessibleName(tr("Memory capacity"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto addRow = [form](const QString &label, QWidget *field, Term term) {
        auto *l = new QLabel(label, field->parentWidget());
        l->setBuddy(field); // screen readers read the label as the field's name
        field->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
        field->setToolTip(glossary(term));
        field->setWhatsThis(glossary(term));
        l->setToolTip(glossary(term));
        form->addRow(l, field);
    };
    addRow(tr("CPU &family:"), m_family, Term::CpuFamily);
    addRow(tr("C&PU:"), m_cpu, Term::Cpu);
    form->addRow(QString(), m_cpuFacts);
    addRow(tr("Memory c&hannels:"), m_channels, Term::Channels);
    addRow(tr("Memory &speed:"), m_speed, Term::MTs);
    addRow(tr("Module si&ze per channel:"), m_moduleSize, Term::Capacity);
    form->addRow(tr("Capacity:"), m_capacity);
    auto *gpuRow = new QWidget(this);
    auto *gpuLayout = new QHBoxLayout(gpuRow);
    gpuLayout->setContentsMargins(0, 0, 0, 0);
    gpuLayout->addWidget(m_gpu, 1);
    gpuLayout->addWidget(m_gpuCount);
    m_gpu->setParent(gpuRow);
    m_gpuCount->setParent(gpuRow);
    addRow(tr("&GPU × count:"), gpuRow, Term::Gpu);
    m_gpu->setAccessibleName(tr("GPU model"));
    m_gpu->setToolTip(glossary(Term::Gpu));
    m_gpuCount->setAccessibleName(tr("GPU count"));
    m_gpuCount->setToolTip(glossary(Term::GpuCount));
    m_gpuCount->setWhatsThis(glossary(Term::GpuCount));
    addRow(tr("&Multi-GPU:"), m_multiGpu, Term::MultiGpu);

    // The supplier's quote: typed exactly, it replaces the estimate everywhere
    // (window, report, CLI). 0 is "no quote" (the spin box shows it in words).
    m_quote->setRange(0, 100'000'000);
    m_quote->setDecimals(2);
    m_quote->setGroupSeparatorShown(true);
    m_quote->setSuffix(tr(" EUR"));
    m_quote->setSpecialValueText(tr("none — the estimate is used"));
    m_quote->setKeyboardTracking(false); // one change when typing ends, not per digit
    const QString quoteHelp =
        tr("The price a supplier quoted for this whole build, in euros. It replaces the "
           "estimate from list prices in the window, the report and the command line. "
           "Set it to 0 to use the estimate again.");
    auto *quoteLabel = new QLabel(tr("Quoted pr&ice:"), this);
    quoteLabel->setBuddy(m_quote);
    quoteLabel->setToolTip(quoteHelp);
    m_quote->setToolTip(quoteHelp);
    m_quote->setWhatsThis(quoteHelp);
    m_quote->setAccessibleName(tr("Quoted price in euros"));
    form->addRow(quoteLabel, m_quote);
    m_quoteSource->setMaxLength(scenario::kMaxTextLength);
    m_quoteSource->setPlaceholderText(tr("e.g. Supplier X, 2026-12-01"));
    m_quoteSource->setToolTip(tr("Who quoted the price, and when: printed beside it."));
    m_quoteSource->setAccessibleName(tr("Quoted by and when"));
    auto *sourceLabel = new QLabel(tr("Quoted &by:"), this);
    sourceLabel->setBuddy(m_quoteSource);
    form->addRow(sourceLabel, m_quoteSource);
    form->addRow(m_totals);
    form->addRow(m_problem);

    connect(m_quote, &QDoubleSpinBox::valueChanged, this, [this] { onQuoteChanged(FieldQuote); });
    connect(m_quoteSource, &QLineEdit::editingFinished, this,
            [this] { onQuoteChanged(FieldQuoteSource); });
    connect(m_family, &QComboBox::currentIndexChanged, this, [this] { fillCpuList(); });
    connect(m_cpu, &QComboBox::currentIndexChanged, this, &BuildEditor::onCpuChosen);
    connect(m_channels, &QSpinBox::valueChanged, this, [this] { onMemoryChanged(FieldChannels); });
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this] { onMemoryChanged(FieldSpeed); });
    connect(m_moduleSize, &QComboBox::currentIndexChanged, this,
            [this] { onMemoryChanged(FieldModule); });
    connect(m_gpu, &QComboBox::currentIndexChanged, this, &BuildEditor::onGpuChanged);
    connect(m_gpuCount, &QSpinBox::valueChanged, this, &BuildEditor::onGpuChanged);
    connect(m_multiGpu, &QComboBox::currentIndexChanged, this, &BuildEditor::onGpuChanged);
    connect(document, &ComparisonDocument::resultsChanged, this, &BuildEditor::load);
    setBuildIndex(document->buildCount() > 0 ? 0 : -1);
}

void BuildEditor::setBuildIndex(int index) {
    m_index = index;
    showRefusal(QString());
    load();
}

void BuildEditor::fillGpuList() {
    const QSignalBlocker block(m_gpu);
    const QString keep = m_gpu->currentData().toString();
    m_gpu->clear();
    m_gpu->addItem(tr("None"), QString());
    for (const Gpu &g : m_document->catalog().gpus) {
        if (!g.integrated)
            m_gpu->addItem(QString::fromStdString(g.name), QString::fromStdString(g.name));
    }
    m_gpu->setCurrentIndex(std::max(0, m_gpu->findData(keep)));
}

void BuildEditor::fillCpuList() {
    const QSignalBlocker block(m_cpu);
    const QString keep = m_cpu->currentText();
    const int family = m_family->currentData().toInt();
    m_cpu->clear();
    for (const Cpu &c : m_document->catalog().cpus) {
        if (family < 0 || static_cast<int>(c.family) == family)
            m_cpu->addItem(QString::fromStdString(c.name), QString::fromStdString(c.name));
    }
    const int at = m_cpu->findData(keep);
    m_cpu->setCurrentIndex(at);
    if (at < 0)
        m_cpu->setEditText(keep);
}

namespace {
// Gives a combo box these items (text, value), unless it holds them already: a refill
// resizes and repaints it, and the editor reloads after every edit.
void setItems(QComboBox *box, const QList<std::pair<QString, double>> &items) {
    bool same = box->count() == items.size();
    for (int i = 0; same && i < items.size(); ++i)
        same = box->itemText(i) == items[i].first && box->itemData(i) == QVariant(items[i].second);
    if (same)
        return;
    const QSignalBlocker block(box);
    box->clear();
    for (const auto &[text, value] : items)
        box->addItem(text, value);
}
} // namespace

void BuildEditor::fillSpeeds(const Cpu &cpu) {
    // Every speed the platform runs some population at (the two-DIMM cap included).
    static const PlatformRule noRule{};
    const PlatformRule *found = m_document->platformRules().find(cpu);
    const PlatformRule &rule = found ? *found : noRule;
    std::vector<units::TransferRate> speeds;
    for (int dpc = 1; dpc <= std::max(1, rule.dimmsPerChannel); ++dpc)
        for (units::TransferRate s : platformSpeeds(m_document->catalog(), rule, cpu, dpc))
            speeds.push_back(s);
    std::sort(speeds.begin(), speeds.end());
    QList<std::pair<QString, double>> items;
    for (units::TransferRate s : speeds) {
        const double v = units::inMegatransfersPerSecond(s);
        if (std::none_of(items.begin(), items.end(), [v](const auto &i) { return i.second == v; }))
            items.push_back({fmt::mts(s), v});
    }
    setItems(m_speed, items);
}

void BuildEditor::fillChannelSizes(const Cpu &cpu) {
    QList<std::pair<QString, double>> items;
    const PlatformRule *rule = m_document->platformRules().find(cpu);
    if (!rule || rule->moduleSizes.empty()) {
        for (double gb : kModuleSizesGb)
            items.push_back({fmt::withUnit(gb, QStringLiteral("GB"), 0), gb});
        setItems(m_moduleSize, items);
        return;
    }
    // What the platform's DIMMs make per channel: "96 GB (2 × 48 GB)" with two per channel.
    for (units::Bytes perChannel : channelCapacities(*rule)) {
        const double gb = units::inGigabytes(perChannel);
        QString text = fmt::withUnit(gb, QStringLiteral("GB"), 0);
        const std::vector<Filling> ways = fillings(*rule, perChannel);
        if (!ways.empty() && ways.front().dimmsPerChannel > 1)
            text += tr(" (%1 × %2)")
                        .arg(ways.front().dimmsPerChannel)
                        .arg(fmt::withUnit(units::inGigabytes(ways.front().moduleSize),
                                           QStringLiteral("GB"), 0));
        items.push_back({text, gb});
    }
    setItems(m_moduleSize, items);
}

void BuildEditor::load() {
    const bool valid = m_index >= 0 && m_index < m_document->buildCount();
    setEnabled(valid);
    if (!valid)
        return;
    const Build &b = m_document->state().builds[static_cast<std::size_t>(m_index)];
    const QSignalBlocker b1(m_family), b2(m_cpu), b3(m_channels), b4(m_speed), b5(m_moduleSize),
        b6(m_gpu), b7(m_gpuCount), b8(m_multiGpu), b9(m_quote), b10(m_quoteSource);
    const QString cpuName = QString::fromStdString(b.cpu.name);
    const int family = m_family->currentData().toInt();
    if (family >= 0 && family != static_cast<int>(b.cpu.family))
        m_family->setCurrentIndex(m_family->findData(static_cast<int>(b.cpu.family)));
    if (m_cpu->findData(cpuName) < 0 || m_cpu->count() == 0)
        fillCpuList();
    int at = m_cpu->findData(cpuName);
    if (at < 0) { // an explicit CPU from a file, not in the catalogue
        m_cpu->addItem(cpuName, cpuName);
        at = m_cpu->count() - 1;
    }
    m_cpu->setCurrentIndex(at);
    // An empty catalogue field is 0: say "unknown", never "0 PCIe lanes".
    const auto count = [](int n) { return n > 0 ? QString::number(n) : tr("unknown"); };
    m_cpuFacts->setText(tr("%1 cores · %2 channels %3 up to %4 · PCIe lanes: %5 · CCDs: %6")
                            .arg(count(b.cpu.cores), count(b.cpu.memoryChannels),
                                 QString::fromStdString(b.cpu.memoryType),
                                 fmt::mts(b.cpu.maxMemorySpeed), count(b.cpu.pcieLanes),
                                 count(b.cpu.ccds)));

    m_channels->setRange(1, std::max(1, b.cpu.memoryChannels));
    m_channels->setValue(b.memory.channels);
    fillSpeeds(b.cpu);
    fillChannelSizes(b.cpu);
    const double speed = units::inMegatransfersPerSecond(b.memory.speed);
    int s = m_speed->findData(speed);
    if (s < 0) {
        m_speed->addItem(fmt::mts(b.memory.speed), speed);
        s = m_speed->count() - 1;
    }
    m_speed->setCurrentIndex(s);
    const double perChannel =
        b.memory.channels > 0 ? units::inGigabytes(b.memory.capacity) / b.memory.channels : 0;
    int m = m_moduleSize->findData(perChannel);
    if (m < 0) {
        m_moduleSize->addItem(fmt::withUnit(perChannel, QStringLiteral("GB"), 0), perChannel);
        m = m_moduleSize->count() - 1;
    }
    m_moduleSize->setCurrentIndex(m);
    // Kept short: a long label here widens the whole editor column at 1280x720.
    m_capacity->setText(fmt::gigabytes(b.memory.capacity) +
                        (b.integratedGpu ? tr(" (shared with iGPU)") : QString()));
    m_capacity->setToolTip(b.integratedGpu ? tr("The integrated GPU (%1) uses part of this memory.")
                                                 .arg(QString::fromStdString(b.integratedGpu->name))
                                           : QString());

    if (b.gpus.empty()) {
        m_gpu->setCurrentIndex(0);
        m_gpuCount->setValue(1);
    } else {
        const QString gpuName = QString::fromStdString(b.gpus.front().gpu.name);
        int g = m_gpu->findData(gpuName);
        if (g < 0) {
            m_gpu->addItem(gpuName, gpuName);
            g = m_gpu->count() - 1;
        }
        m_gpu->setCurrentIndex(g);
        m_gpuCount->setValue(b.gpus.front().count);
    }
    m_gpuCount->setEnabled(!b.gpus.empty());
    m_multiGpu->setCurrentIndex(m_multiGpu->findData(static_cast<int>(b.multiGpuMode)));
    m_multiGpu->setEnabled(gpuCount(b) > 1);
    m_quote->setValue(b.quotedPriceEur ? *b.quotedPriceEur : 0.0);
    m_quoteSource->setText(QString::fromStdString(b.quoteSource));
    updateTotals();
}

void BuildEditor::updateTotals() {
    const auto &results = m_document->results();
    if (m_index < 0 || m_index >= static_cast<int>(results.size()))
        return;
    const BuildResult &r = results[static_cast<std::size_t>(m_index)];
    const QString price =
        fmt::price(m_document->state().builds[static_cast<std::size_t>(m_index)], r.cost.priceEur);
    m_totals->setText(
        tr("<b>Total:</b> %1 · %2 at load").arg(price, fmt::watts(r.cost.powerAtLoad)));
}

Build BuildEditor::current() const {
    return m_document->state().builds[static_cast<std::size_t>(m_index)];
}

void BuildEditor::showRefusal(const QString &reason) {
    m_refusal = reason;
    m_problem->setText(reason.isEmpty() ? QString() : tr("Not possible: %1").arg(reason));
    m_problem->setVisible(!reason.isEmpty());
    if (!reason.isEmpty())
        emit refused(reason);
}

void BuildEditor::propose(const Build &build, const QString &text, int field) {
    QString reason;
    // Spin boxes merge into one undo step per build and field.
    const bool merge = field == FieldChannels || field == FieldCount;
    const int mergeId = merge ? field * 1000 + m_index + 1 : 0;
    if (m_document->updateBuild(m_index, build, text, mergeId, &reason)) {
        showRefusal(QString());
    } else {
        showRefusal(reason);
        load(); // back to what the build really is
    }
}

void BuildEditor::onCpuChosen() {
    if (m_index < 0)
        return;
    const auto found =
        findCpu(m_document->catalog(), m_cpu->currentData().toString().toStdString());
    if (!found)
        return;
    Build b = current();
    if (b.cpu.name == found.match->name)
        return;
    const Cpu &cpu = *found.match;
    // A new platform: all its channels, the same capacity per channel where its DIMMs
    // make it (else the nearest below, within its maximum), at the fastest speed that
    // population runs at.
    const double perChannel =
        b.memory.channels > 0 ? units::inGigabytes(b.memory.capacity) / b.memory.channels : 32;
    b.cpu = cpu;
    b.memory = platformMemory(m_document->catalog(), m_document->platformRules(), cpu, perChannel);
    b.integratedGpu.reset();
    if (const Gpu *igpu = scenario::integratedGpuFor(m_document->catalog(), cpu))
        b.integratedGpu = *igpu;
    propose(b, tr("Change CPU to %1").arg(QString::fromStdString(cpu.name)), FieldCpu);
}

void BuildEditor::onMemoryChanged(int field) {
    if (m_index < 0)
        return;
    Build b = current();
    b.memory.channels = m_channels->value();
    b.memory.speed = units::megatransfersPerSecond(m_speed->currentData().toDouble());
    b.memory.capacity =
        units::gigabytes(m_moduleSize->currentData().toDouble() * b.memory.channels);
    QString text =
        field == FieldChannels ? tr("Change memory channels to %1").arg(b.memory.channels)
        : field == FieldSpeed  ? tr("Change memory speed to %1").arg(m_speed->currentText())
                               : tr("Change module size to %1").arg(m_moduleSize->currentText());
    // More DIMMs per channel run slower (and the two-DIMM speed is no speed for one):
    // a size whose DIMMs (as the list names them: the fewest that make it) do not run
    // at the current speed takes the fastest speed they run at, so that one choice is
    // one step. Other refusals stay refusals.
    if (field == FieldModule)
        if (const PlatformRule *rule = m_document->platformRules().find(b.cpu)) {
            const std::vector<Filling> ways =
                fillings(*rule, b.memory.capacity / static_cast<double>(b.memory.channels));
            // The list names the fewest DIMMs that make the size: its speeds.
            const std::vector<units::TransferRate> speeds =
                ways.empty() ? std::vector<units::TransferRate>{}
                             : platformSpeeds(m_document->catalog(), *rule, b.cpu,
                                              ways.front().dimmsPerChannel);
            const auto allowed = [&](units::TransferRate s) {
                return std::any_of(speeds.begin(), speeds.end(), [&](units::TransferRate x) {
                    return std::abs(units::inMegatransfersPerSecond(x - s)) < 0.5;
                });
            };
            if (!speeds.empty() && !allowed(b.memory.speed)) {
                b.memory.speed = speeds.back();
                text = tr("Change module size to %1 (memory speed %2)")
                           .arg(m_moduleSize->currentText(), fmt::mts(b.memory.speed));
            }
        }
    propose(b, text, field);
}

void BuildEditor::onGpuChanged() {
    if (m_index < 0)
        return;
    Build b = current();
    const QString name = m_gpu->currentData().toString();
    b.gpus.clear();
    if (!name.isEmpty()) {
        const auto found = findGpu(m_document->catalog(), name.toStdString());
        if (found)
            b.gpus.push_back(GpuGroup{*found.match, m_gpuCount->value()});
        else
            b.gpus = current().gpus; // explicit GPU from a file: keep it, change the count
        if (!b.gpus.empty())
            b.gpus.front().count = m_gpuCount->value();
    }
    b.multiGpuMode = static_cast<MultiGpuMode>(m_multiGpu->currentData().toInt());
    const QString text = name.isEmpty()
                             ? tr("Remove GPUs")
                             : tr("Set GPUs to %1 × %2").arg(m_gpuCount->value()).arg(name);
    propose(b, text, sender() == m_gpuCount ? FieldCount : FieldGpu);
}

void BuildEditor::onQuoteChanged(int field) {
    if (m_index < 0)
        return;
    Build b = current();
    const double eur = m_quote->value();
    const std::string source = m_quoteSource->text().trimmed().toStdString();
    if (field == FieldQuote) {
        if (eur > 0)
            b.quotedPriceEur = eur;
        else
            b.quotedPriceEur.reset();
    }
    b.quoteSource = source;
    if (b.quotedPriceEur == current().quotedPriceEur && b.quoteSource == current().quoteSource)
        return;
    const QString text = field == FieldQuoteSource ? tr("Change who quoted the price")
                         : eur > 0                 ? tr("Set the quote to %1").arg(fmt::euros(eur))
                                                   : tr("Remove the quote");
    propose(b, text, field);
}

} // namespace llm::ui
