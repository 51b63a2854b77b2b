// SPDX-License-Identifier: MIT
#include "measurementimportdialog.h"

#include "comparison/format.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace llm::ui {

namespace {

// An editable list of catalogue names with "as in the file" first; typing
// searches anywhere in the names.
QComboBox *namePicker(const QStringList &names, const QString &accessibleName, QWidget *parent) {
    auto *box = new QComboBox(parent);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->addItem(QString());
    box->addItems(names);
    box->completer()->setFilterMode(Qt::MatchContains);
    box->completer()->setCompletionMode(QCompleter::PopupCompletion);
    box->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    box->lineEdit()->setPlaceholderText(MeasurementImportDialog::tr("as in the file"));
    box->setAccessibleName(accessibleName);
    return box;
}

QSpinBox *countPicker(int max, const QString &none, QWidget *parent) {
    auto *spin = new QSpinBox(parent);
    spin->setRange(0, max);
    spin->setSpecialValueText(none);
    return spin;
}

template <typename T> QStringList namesOf(const std::vector<T> &rows) {
    QStringList names;
    for (const T &r : rows)
        names << QString::fromStdString(r.name);
    return names;
}

// "Prompt of 512 tokens read (pp512)", "128 tokens written (tg128)".
QString testWords(const db::BenchRow &row) {
    const QString code = row.test();
    if (row.nGen == 0 && row.nPrompt > 0)
        return MeasurementImportDialog::tr("Reading a prompt of %1 tokens (%2)")
            .arg(row.nPrompt)
            .arg(code);
    if (row.nPrompt == 0 && row.nGen > 0)
        return MeasurementImportDialog::tr("Writing %1 tokens (%2)").arg(row.nGen).arg(code);
    return code;
}

// The placement's message names the CLI option that answers it; in the window
// the answer is a field of this dialog.
QString inWindowWords(const db::BenchProblem &problem) {
    QString text = problem.message;
    static const QRegularExpression cliHint(QStringLiteral(";? ?name it with --[a-z]+$"));
    text.remove(cliHint);
    static const QList<std::pair<QString, QString>> fields = {
        {QStringLiteral("cpu_info"), MeasurementImportDialog::tr("Processor (CPU)")},
        {QStringLiteral("--cpu"), MeasurementImportDialog::tr("Processor (CPU)")},
        {QStringLiteral("gpu_info"), MeasurementImportDialog::tr("Graphics card")},
        {QStringLiteral("--gpu"), MeasurementImportDialog::tr("Graphics card")},
        {QStringLiteral("--gpus"), MeasurementImportDialog::tr("Number of graphics cards")},
        {QStringLiteral("--channels"), MeasurementImportDialog::tr("Memory channels")},
        {QStringLiteral("--mts"), MeasurementImportDialog::tr("Memory speed")},
        {QStringLiteral("model_filename"), MeasurementImportDialog::tr("Model")},
        {QStringLiteral("model_type"), MeasurementImportDialog::tr("Quantization")},
        {QStringLiteral("--model"), MeasurementImportDialog::tr("Model")},
        {QStringLiteral("--quant"), MeasurementImportDialog::tr("Quantization")},
    };
    for (const auto &[field, label] : fields)
        if (problem.field == field)
            return MeasurementImportDialog::tr("%1 — choose it under “%2” above.").arg(text, label);
    return text;
}

QString ranOn(const db::PlacedBenchRow &p) {
    QStringList parts;
    if (!p.cpu.isEmpty())
        parts << p.cpu;
    if (!p.gpu.isEmpty())
        parts << (p.gpuCount > 1 ? MeasurementImportDialog::tr("%1× %2").arg(p.gpuCount).arg(p.gpu)
                                 : p.gpu);
    return parts.join(QStringLiteral(" + "));
}

// One result as a table row: what was tested, on what, with which model, how
// fast and when (the import dialog and "My measurements" show the same).
void appendResultRow(QTableWidget *table, const db::PlacedBenchRow &p) {
    const int r = table->rowCount();
    table->insertRow(r);
    const QStringList cells = {testWords(p.row), ranOn(p), p.model + QLatin1Char(' ') + p.quant,
                               fmt::number(p.row.avgTs), p.runDate};
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells[c]);
        if (c == 1 && !p.notes.isEmpty())
            item->setToolTip(p.notes);
        table->setItem(r, c, item);
    }
}

QStringList resultColumns() {
    return {MeasurementImportDialog::tr("Result"), MeasurementImportDialog::tr("Ran on"),
            MeasurementImportDialog::tr("Model"), MeasurementImportDialog::tr("Speed (tokens/s)"),
            MeasurementImportDialog::tr("Date")};
}

} // namespace

MeasurementImportDialog::MeasurementImportDialog(const Catalog &catalog, const QString &fileName,
                                                 db::BenchFile file, const QString &today,
                                                 QWidget *parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_fileName(fileName)
    , m_file(std::move(file))
    , m_today(today)
    , m_intro(new QLabel(this))
    , m_cpu(namePicker(namesOf(catalog.cpus), tr("Processor"), this))
    , m_gpu(namePicker(namesOf(catalog.gpus), tr("Graphics card"), this))
    , m_gpus(countPicker(16, tr("as in the file"), this))
    , m_channels(countPicker(24, tr("not given"), this))
    , m_mts(countPicker(12800, tr("not given"), this))
    , m_model(namePicker(namesOf(catalog.models), tr("Model"), this))
    , m_quant(namePicker(namesOf(catalog.quants), tr("Quantization"), this))
    , m_status(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("measurementImportDialog"));
    setWindowTitle(tr("Import your llama-bench results"));
    m_intro->setWordWrap(true);
    const auto count = static_cast<int>(m_file.rows.size());
    m_intro->setText(
        (count == 1 ? tr("“%1” holds 1 llama-bench result.").arg(fileName)
                    : tr("“%1” holds %2 llama-bench results.").arg(fileName).arg(count)) +
        QLatin1Char(' ') +
        tr("Each is stored with the parts it ran on; the estimates for that kind of hardware are "
           "then calibrated with your results, and the results are shown beside the estimates "
           "they match. Fill in only what the file cannot say."));
    m_mts->setSingleStep(200);
    m_mts->setSuffix(tr(" MT/s"));
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Processor (CPU):"), m_cpu);
    form->addRow(tr("&Graphics card:"), m_gpu);
    form->addRow(tr("&Number of graphics cards:"), m_gpus);
    form->addRow(tr("Memory &channels:"), m_channels);
    form->addRow(tr("Memory &speed:"), m_mts);
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("&Quantization:"), m_quant);
    m_channels->setToolTip(tr("How many memory channels are filled (e.g. 2 for a desktop with "
                              "two or four DIMMs). llama-bench does not record it; CPU-only "
                              "speeds depend on it."));

    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(resultColumns());
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setWordWrap(true);
    m_table->setAccessibleName(tr("Results to import"));

    QPushButton *import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    import->setObjectName(QStringLiteral("importButton"));
    import->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_buttons);

    for (QComboBox *box : {m_cpu, m_gpu, m_model, m_quant})
        connect(box, &QComboBox::currentTextChanged, this, &MeasurementImportDialog::place);
    for (QSpinBox *spin : {m_gpus, m_channels, m_mts})
        connect(spin, &QSpinBox::valueChanged, this, &MeasurementImportDialog::place);
    resize(960, 540);
    place();
}

db::BenchOverrides MeasurementImportDialog::overrides() const {
    db::BenchOverrides o;
    o.cpu = m_cpu->currentText().trimmed();
    o.gpu = m_gpu->currentText().trimmed();
    o.model = m_model->currentText().trimmed();
    o.quant = m_quant->currentText().trimmed();
    if (m_gpus->value() > 0)
        o.gpus = m_gpus->value();
    if (m_channels->value() > 0)
        o.channels = m_channels->value();
    if (m_mts->value() > 0)
        o.mts = m_mts->value();
    return o;
}

void MeasurementImportDialog::setOverrides(const db::BenchOverrides &o) {
    const QSignalBlocker blocks[] = {QSignalBlocker(m_cpu),   QSignalBlocker(m_gpu),
                                     QSignalBlocker(m_model), QSignalBlocker(m_quant),
                                     QSignalBlocker(m_gpus),  QSignalBlocker(m_channels),
                                     QSignalBlocker(m_mts)};
    m_cpu->setCurrentText(o.cpu);
    m_gpu->setCurrentText(o.gpu);
    m_model->setCurrentText(o.model);
    m_quant->setCurrentText(o.quant);
    m_gpus->setValue(o.gpus.value_or(0));
    m_channels->setValue(o.channels.value_or(0));
    m_mts->setValue(static_cast<int>(o.mts.value_or(0)));
    place();
}

void MeasurementImportDialog::place() {
    db::BenchProblem problem;
    m_placed = db::placeBenchRows(m_file, m_catalog, overrides(), m_today, &problem);
    m_problem.clear();
    if (!m_placed)
        m_problem = inWindowWords(problem);
    else if (m_placed->rows.isEmpty())
        m_problem = tr("None of the results can be compared with an estimate (tests at a context "
                       "depth or combined prompt + generation tests); there is nothing to import.");

    m_table->setRowCount(0);
    if (m_placed) {
        for (const db::PlacedBenchRow &p : m_placed->rows)
            appendResultRow(m_table, p);
    }

    QString status;
    if (!m_problem.isEmpty()) {
        status = QStringLiteral("<span style='color:#b00020'>%1</span>")
                     .arg(tr("Cannot import yet: %1").arg(m_problem.toHtmlEscaped()));
    } else {
        const auto ready = static_cast<int>(m_placed->rows.size());
        status = ready == 1 ? tr("1 result ready to import.")
                            : tr("%1 results ready to import.").arg(ready);
        if (!m_placed->skipped.isEmpty()) {
            QStringList skipped;
            for (const db::SkippedBenchRow &s : m_placed->skipped)
                skipped << tr("%1 (%2)").arg(s.test, s.reason);
            status += QLatin1Char(' ') +
                      tr("Left out: %1.").arg(skipped.join(QStringLiteral("; "))).toHtmlEscaped();
        }
    }
    m_status->setText(status);
    if (QPushButton *import = m_buttons->findChild<QPushButton *>(QStringLiteral("importButton")))
        import->setEnabled(m_problem.isEmpty());
}

QList<db::UserMeasurementRecord> MeasurementImportDialog::records() const {
    if (!m_problem.isEmpty() || !m_placed)
        return {};
    return db::recordsOf(*m_placed, m_fileName,
                         QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
}

MyMeasurementsDialog::MyMeasurementsDialog(QList<db::UserMeasurementRecord> records,
                                           QWidget *parent)
    : QDialog(parent)
    , m_records(std::move(records)) {
    setObjectName(QStringLiteral("myMeasurementsDialog"));
    setWindowTitle(tr("My measurements"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        m_records.isEmpty()
            ? tr("You have not imported any measurements yet. Use Tools → Import my llama-bench "
                 "results… (or drop llama-bench's output on the window) to add the speeds you "
                 "measured on your own machines.")
            : tr("The speeds you measured on your own machines. The estimates for that hardware "
                 "are calibrated with them. Select the ones that are wrong or out of date and "
                 "remove them: the estimates then go back to the published calibration for "
                 "that hardware. Removing cannot be undone; you can import the file again."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("myMeasurements"));
    m_table->setHorizontalHeaderLabels(resultColumns());
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    // The speed and the date stay in view: the two long columns share the rest and wrap.
    QHeaderView *header = m_table->horizontalHeader();
    for (int c : {0, 3, 4})
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    for (int c : {1, 2})
        header->setSectionResizeMode(c, QHeaderView::Stretch);
    m_table->setWordWrap(true);
    m_table->setAccessibleName(tr("Your measurements"));
    for (const db::UserMeasurementRecord &r : m_records) {
        appendResultRow(m_table, r.placed);
        QTableWidgetItem *first = m_table->item(m_table->rowCount() - 1, 0);
        first->setToolTip(tr("From “%1”, imported %2").arg(r.file, r.importedAt.left(10)));
    }
    m_table->resizeRowsToContents();
    m_table->setVisible(!m_records.isEmpty());
    layout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_remove = buttons->addButton(tr("&Remove selected"), QDialogButtonBox::AcceptRole);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_remove->setEnabled(false);
    m_remove->setVisible(!m_records.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const qsizetype n = selectedIds().size();
        m_remove->setEnabled(n > 0);
        m_remove->setText(n > 1 ? tr("&Remove %1 selected").arg(n) : tr("&Remove selected"));
    });
    layout->addWidget(buttons);
    resize(900, 380);
}

QList<qint64> MyMeasurementsDialog::selectedIds() const {
    QList<qint64> ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
        const auto i = static_cast<qsizetype>(row.row());
        if (i >= 0 && i < m_records.size())
            ids << m_records[i].id;
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace llm::ui
