// SPDX-License-Identifier: MIT
// The import preview dialog: one line per row of the file, its action or its
// problems, and the three ways out.
#include "importpreviewdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <map>

namespace llm::ui {

using db::CatalogueTable;
using db::RowOrigin;

namespace {
QString tableTitle(CatalogueTable t) {
    switch (t) {
    case CatalogueTable::Cpus:
        return ImportPreviewDialog::tr("CPUs");
    case CatalogueTable::Gpus:
        return ImportPreviewDialog::tr("GPUs");
    case CatalogueTable::Models:
        return ImportPreviewDialog::tr("Models");
    case CatalogueTable::Quants:
        return ImportPreviewDialog::tr("Quantizations");
    }
    return {};
}
} // namespace

ImportPreviewDialog::ImportPreviewDialog(const db::ImportPreview &preview, const QString &fileName,
                                         const db::CatalogueEditor *editor, QWidget *parent)
    : QDialog(parent)
    , m_preview(preview)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this)) {
    setObjectName(QStringLiteral("importPreview"));
    setWindowTitle(tr("Import preview — %1").arg(fileName));

    // Which names already exist, per table: shipped ones become overrides, the
    // user's own rows (or overrides) are replaced.
    std::map<CatalogueTable, QMap<QString, RowOrigin>> effective;
    for (const db::ImportRow &r : m_preview.rows) {
        if (effective.count(r.table))
            continue;
        QMap<QString, RowOrigin> names;
        for (const db::CatalogueRow &row : editor->rows(r.table))
            names.insert(row.values.value(QStringLiteral("name")), row.origin);
        effective[r.table] = names;
    }

    int adds = 0, overrides = 0, replaces = 0;
    const QLocale locale;
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("Line"), tr("Table"), tr("Name"), tr("What happens"), tr("Problems")});
    m_table->setRowCount(static_cast<int>(m_preview.rows.size()));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false); // one line per row; the tooltip has the whole text
    for (int i = 0; i < m_preview.rows.size(); ++i) {
        const db::ImportRow &r = m_preview.rows[i];
        const QString name = r.values.value(QStringLiteral("name"));
        QString action;
        if (!r.errors.isEmpty()) {
            action = tr("refused");
        } else {
            const auto &names = effective[r.table];
            const auto it = names.constFind(name);
            if (it == names.cend()) {
                action = tr("add");
                ++adds;
            } else if (*it == RowOrigin::Shipped) {
                action = tr("override shipped row");
                ++overrides;
            } else {
                action = tr("replace your row");
                ++replaces;
            }
        }
        m_actions << action;
        auto *line = new QTableWidgetItem(locale.toString(r.line));
        line->setData(Qt::TextAlignmentRole,
                      QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter));
        m_table->setItem(i, 0, line);
        m_table->setItem(i, 1, new QTableWidgetItem(tableTitle(r.table)));
        m_table->setItem(i, 2, new QTableWidgetItem(name));
        auto *what = new QTableWidgetItem(action);
        auto *problems = new QTableWidgetItem(r.errors.join(QStringLiteral("; ")));
        if (!r.errors.isEmpty()) {
            QFont bold = what->font();
            bold.setBold(true);
            what->setFont(bold);
            problems->setToolTip(r.errors.join(QStringLiteral("\n")));
        }
        m_table->setItem(i, 3, what);
        m_table->setItem(i, 4, problems);
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    // A pack's own measurements count as rows to import, too.
    const int badMeasurements = m_preview.badMeasurements();
    const int bad = m_preview.badRows() + badMeasurements;
    const int good = static_cast<int>(m_preview.rows.size() + m_preview.measurements.size()) - bad;
    QString text = tr("Rows read: %1.").arg(locale.toString(m_preview.rows.size())) + u' ' +
                   tr("New: %1 · overriding shipped rows: %2 · replacing your rows: %3 · "
                      "refused: %4.")
                       .arg(locale.toString(adds), locale.toString(overrides),
                            locale.toString(replaces), locale.toString(m_preview.badRows()));
    if (!m_preview.source.isEmpty() || !m_preview.asOf.isEmpty())
        text += u' ' + tr("Pack from “%1”, as of %2.")
                           .arg(m_preview.source.toHtmlEscaped(), m_preview.asOf.toHtmlEscaped());
    if (!m_preview.measurements.isEmpty())
        text += u' ' + tr("Your measurements: %1 (refused: %2; one already stored is not stored "
                          "twice).")
                           .arg(locale.toString(m_preview.measurements.size()),
                                locale.toString(badMeasurements));
    for (const db::ImportMeasurement &m : m_preview.measurements) {
        for (const QString &e : m.errors)
            text += QStringLiteral("<br>") + e.toHtmlEscaped();
    }
    text += QStringLiteral("<br>");
    text += bad > 0 ? tr("<b>Rows with problems: %1</b> (listed by line below). Nothing is "
                         "written until you choose.")
                          .arg(locale.toString(bad))
                    : tr("Every row is good. Nothing is written until you choose.");
    m_summary->setText(text);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("importSummary"));

    auto *buttons = new QDialogButtonBox(this);
    m_importAll = buttons->addButton(tr("&Import all"), QDialogButtonBox::AcceptRole);
    m_importAll->setObjectName(QStringLiteral("importAll"));
    m_importAll->setEnabled(bad == 0 && good > 0);
    if (bad > 0)
        m_importAll->setToolTip(tr("Not possible while rows have problems: fix the file, or skip "
                                   "the bad rows."));
    m_skipBad = buttons->addButton(tr("&Skip bad rows and import"), QDialogButtonBox::AcceptRole);
    m_skipBad->setObjectName(QStringLiteral("skipBad"));
    m_skipBad->setEnabled(bad > 0 && good > 0);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelImport"));
    m_cancel->setDefault(true);
    connect(m_importAll, &QPushButton::clicked, this, [this] {
        m_choice = Choice::ImportAll;
        accept();
    });
    connect(m_skipBad, &QPushButton::clicked, this, [this] {
        m_choice = Choice::SkipBad;
        accept();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Cancel;
        reject();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(900, 480);
}

QString ImportPreviewDialog::summary() const {
    return m_summary->text();
}

} // namespace llm::ui
