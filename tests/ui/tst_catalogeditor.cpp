// SPDX-License-Identifier: MIT
// The catalogue editor window driven headless on a temporary copy of the
// catalogue database: overrides reach the database and the comparison, bad
// values are refused with the field named and nothing written, undo / reset /
// add / delete, a CSV import with two bad rows, and a read-only database.
#include "../support/windowdata.h"
#include "catalog/addrowdialog.h"
#include "catalog/catalogeditorwindow.h"
#include "catalog/catalogtablemodel.h"
#include "catalog/importpreviewdialog.h"
#include "catalogue.h"
#include "catalogueeditor.h"
#include "comparison/comparisondocument.h"
#include "fakedialogs.h"
#include "mainwindow/mainwindow.h"
#include "report/reportpdf.h"
#include "results/summarymodel.h"
#include "results/usecasemodel.h"
#include "usermeasurements.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace llm;
using namespace llm::ui;
using db::CatalogueTable;
using db::RowOrigin;

namespace {

// One test's world: a fresh database file, the main window on its catalogue,
// and the editor window opened from it.
struct World {
    QTemporaryDir dir;
    db::CatalogueDatabase database;
    FakeDialogs *dialogs = nullptr;
    std::unique_ptr<MainWindow> window;
    CatalogEditorWindow *editor = nullptr;

    bool open() {
        if (!dir.isValid())
            return false;
        const db::OpenResult r = database.open(dir.filePath(QStringLiteral("catalogue.sqlite")));
        if (!r.ok)
            qWarning("open: %s", qUtf8Printable(r.message));
        return r.ok && start();
    }
    bool start() {
        auto fake = std::make_unique<FakeDialogs>();
        dialogs = fake.get();
        window = std::make_unique<MainWindow>(
            llm::testsupport::windowData(db::loadMarked(&database),
                                         llm::testsupport::Baseline::Uncalibrated),
            std::move(fake));
        window->setCatalogueDatabase(&database);
        editor = window->showCatalogueEditor();
        return editor != nullptr;
    }
    // A fresh reader of what the database holds.
    std::optional<db::CatalogueRow> stored(CatalogueTable t, const QString &name) {
        return db::CatalogueEditor(&database).row(t, name);
    }
};

// The first build with a discrete GPU, and that GPU's name.
int buildWithGpu(const MainWindow &w, QString *gpu) {
    const auto &builds = w.document()->state().builds;
    for (std::size_t i = 0; i < builds.size(); ++i) {
        if (!builds[i].gpus.empty()) {
            *gpu = QString::fromStdString(builds[i].gpus.front().gpu.name);
            return static_cast<int>(i);
        }
    }
    return -1;
}

QModelIndex cell(CatalogTableModel *m, const QString &name, const QString &column) {
    return m->index(m->rowOf(name), m->columnOf(column));
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

void saveShot(QWidget *w, const char *name) {
    const QString dir = qEnvironmentVariable("LLMADVISOR_SHOTS");
    if (!dir.isEmpty())
        w->grab().save(dir + u'/' + QLatin1StringView(name));
}

} // namespace

class TestCatalogEditor : public QObject {
    Q_OBJECT
private slots:
    void gpuPriceOverrideReachesComparison();
    void invalidValuesRefused_data();
    void invalidValuesRefused();
    void addAndDeleteUserRow();
    void addRowForm();
    void vanishedPartIsNamed();
    void importCsvWithTwoBadRows();
    void importCancelWritesNothing();
    void exportRoundTrip();
    void searchAndSort();
    void readOnlyDatabaseDisablesEditing();
    void modelsPassTester();
};

void TestCatalogEditor::gpuPriceOverrideReachesComparison() {
    World w;
    QVERIFY(w.open());
    QString gpu;
    const int b = buildWithGpu(*w.window, &gpu);
    QVERIFY2(b >= 0, "the default comparison has no build with a GPU");
    const auto shipped = w.stored(CatalogueTable::Gpus, gpu);
    QVERIFY(shipped && shipped->origin == RowOrigin::Shipped);
    const QString shippedPrice = shipped->values.value(QStringLiteral("price_usd"));
    const auto priceBefore = w.window->document()->results()[b].cost.priceEur;
    QVERIFY(priceBefore.has_value());

    CatalogTableModel *m = w.editor->model(CatalogueTable::Gpus);
    QSignalSpy changed(w.editor, &CatalogEditorWindow::catalogueChanged);
    const QModelIndex price = cell(m, gpu, QStringLiteral("price_usd"));
    QVERIFY(price.isValid());
    QVERIFY(m->flags(price) & Qt::ItemIsEditable);
    QVERIFY2(m->setData(price, QStringLiteral("12345")), qPrintable(w.editor->message()));
    QCOMPARE(changed.count(), 1);

    // Stored as an override, marked in the model.
    const auto after = w.stored(CatalogueTable::Gpus, gpu);
    QVERIFY(after && after->origin == RowOrigin::Override);
    QCOMPARE(after->values.value(QStringLiteral("price_usd")), QStringLiteral("12345"));
    const QModelIndex priceNow = cell(m, gpu, QStringLiteral("price_usd"));
    QCOMPARE(m->originAt(priceNow.row()), RowOrigin::Override);
    QCOMPARE(m->index(priceNow.row(), CatalogTableModel::OriginColumn).data().toString(),
             originText(RowOrigin::Override));
    QVERIFY(priceNow.data(Qt::FontRole).value<QFont>().bold());
    QVERIFY2(priceNow.data(Qt::ToolTipRole).toString().contains(QStringLiteral("shipped value")),
             qPrintable(priceNow.data(Qt::ToolTipRole).toString()));
    QCOMPARE(priceNow.data(CatalogTableModel::ShippedValueRole).toString(), shippedPrice);
    // A cell that was not changed is not marked.
    QVERIFY(!cell(m, gpu, QStringLiteral("vram_gb")).data(Qt::FontRole).value<QFont>().bold());

    // The comparison sees the new price, and the part is marked as the user's.
    const Build &build = w.window->document()->state().builds[static_cast<std::size_t>(b)];
    QCOMPARE(build.gpus.front().gpu.priceUsd.value_or(-1), 12345.0);
    QVERIFY(build.gpus.front().gpu.origin == DataOrigin::Overridden);
    const auto priceAfter = w.window->document()->results()[b].cost.priceEur;
    QVERIFY(priceAfter.has_value());
    QVERIFY2(*priceAfter > *priceBefore,
             qPrintable(QStringLiteral("%1 -> %2").arg(*priceBefore).arg(*priceAfter)));
    // The report marks it.
    QString error;
    QStringList texts;
    for (const report::PlacedBox &box :
         layoutReport(w.window->document()->state(), w.window->document()->referenceData(), &error)
             .boxes)
        texts << box.text;
    const QString html = texts.join(u'\n');
    QVERIFY2(html.contains(QStringLiteral("(overridden)")) && html.contains(QStringLiteral("†")),
             qPrintable(html.left(3000)));

    // Undo restores the shipped row, in the database and in the comparison.
    QCOMPARE(w.editor->undoStack()->count(), 1);
    w.editor->undoStack()->undo();
    QCOMPARE(w.stored(CatalogueTable::Gpus, gpu)->origin, RowOrigin::Shipped);
    QCOMPARE(w.window->document()->results()[b].cost.priceEur, priceBefore);
    QVERIFY(
        w.window->document()->state().builds[static_cast<std::size_t>(b)].gpus.front().gpu.origin ==
        DataOrigin::Shipped);
    // Redo writes it again; "Reset to shipped" drops it (and is undoable too).
    w.editor->undoStack()->redo();
    QCOMPARE(w.stored(CatalogueTable::Gpus, gpu)->values.value(QStringLiteral("price_usd")),
             QStringLiteral("12345"));
    QVERIFY(w.editor->resetToShipped(CatalogueTable::Gpus, gpu));
    QCOMPARE(w.stored(CatalogueTable::Gpus, gpu)->origin, RowOrigin::Shipped);
    QCOMPARE(w.stored(CatalogueTable::Gpus, gpu)->values.value(QStringLiteral("price_usd")),
             shippedPrice);
    QCOMPARE(w.window->document()->results()[b].cost.priceEur, priceBefore);
    QVERIFY(!w.editor->resetToShipped(CatalogueTable::Gpus, gpu)); // nothing left to reset
    w.editor->undoStack()->undo();
    QCOMPARE(w.stored(CatalogueTable::Gpus, gpu)->origin, RowOrigin::Override);
}

void TestCatalogEditor::invalidValuesRefused_data() {
    QTest::addColumn<int>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("value");
    QTest::newRow("0 channels") << int(CatalogueTable::Cpus) << "memory_channels"
                                << "0";
    QTest::newRow("NaN bandwidth") << int(CatalogueTable::Gpus) << "bandwidth_gbs"
                                   << "NaN";
    QTest::newRow("negative price") << int(CatalogueTable::Gpus) << "price_usd"
                                    << "-5";
    QTest::newRow("0 GB VRAM") << int(CatalogueTable::Gpus) << "vram_gb"
                               << "0";
    QTest::newRow("no layers") << int(CatalogueTable::Models) << "layers"
                               << "0";
    QTest::newRow("not a number") << int(CatalogueTable::Cpus) << "cores"
                                  << "many";
    QTest::newRow("bits 1e309") << int(CatalogueTable::Quants) << "bits_per_weight"
                                << "1e309";
}

void TestCatalogEditor::invalidValuesRefused() {
    QFETCH(int, table);
    QFETCH(QString, column);
    QFETCH(QString, value);
    World w;
    QVERIFY(w.open());
    const auto t = static_cast<CatalogueTable>(table);
    CatalogTableModel *m = w.editor->model(t);
    const QString name = m->nameAt(0);
    const auto before = w.stored(t, name);
    QVERIFY(before.has_value());
    const Catalog catalogBefore = w.window->document()->catalog();
    QSignalSpy refused(m, &CatalogTableModel::editRefused);
    QSignalSpy changed(w.editor, &CatalogEditorWindow::catalogueChanged);

    QVERIFY(!m->setData(cell(m, name, column), value));
    QCOMPARE(refused.count(), 1);
    const QString message = refused.first().first().toString();
    QVERIFY2(message.contains(column), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("allowed")) ||
                 message.contains(QStringLiteral("not a number")) ||
                 message.contains(QStringLiteral("out of range")),
             qPrintable(message));
    QVERIFY2(w.editor->message().contains(column), qPrintable(w.editor->message()));
    // Nothing written, nothing to undo, the comparison untouched.
    const auto after = w.stored(t, name);
    QVERIFY(after.has_value());
    QCOMPARE(after->origin, before->origin);
    QCOMPARE(after->values, before->values);
    QCOMPARE(w.editor->undoStack()->count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(w.window->document()->catalog().gpus.size(), catalogBefore.gpus.size());
    QCOMPARE(cell(m, name, column).data(Qt::EditRole).toString(),
             m->data(cell(m, name, column), Qt::EditRole).toString());
}

void TestCatalogEditor::addAndDeleteUserRow() {
    World w;
    QVERIFY(w.open());
    const QString name = QStringLiteral("Acme Test Accelerator 24");
    db::RowValues row{{QStringLiteral("name"), name},
                      {QStringLiteral("vendor"), QStringLiteral("Acme")},
                      {QStringLiteral("vram_gb"), QStringLiteral("24 GiB")},
                      {QStringLiteral("bandwidth_gbs"), QStringLiteral("900")},
                      {QStringLiteral("tdp_w"), QStringLiteral("300")},
                      {QStringLiteral("price_usd"), QStringLiteral("1999")}};
    // A bad row first: refused with the field named, nothing added.
    db::RowValues bad = row;
    bad.insert(QStringLiteral("vram_gb"), QStringLiteral("0"));
    QVERIFY(!w.editor->addRow(CatalogueTable::Gpus, bad));
    QVERIFY2(w.editor->message().contains(QStringLiteral("vram_gb")),
             qPrintable(w.editor->message()));
    QVERIFY(!w.stored(CatalogueTable::Gpus, name));

    QVERIFY2(w.editor->addRow(CatalogueTable::Gpus, row), qPrintable(w.editor->message()));
    const auto stored = w.stored(CatalogueTable::Gpus, name);
    QVERIFY(stored && stored->origin == RowOrigin::Own);
    QCOMPARE(stored->values.value(QStringLiteral("vram_gb")), QStringLiteral("25.769803776"));
    CatalogTableModel *m = w.editor->model(CatalogueTable::Gpus);
    const int r = m->rowOf(name);
    QVERIFY(r >= 0);
    QCOMPARE(m->index(r, 0).data().toString(), originText(RowOrigin::Own));
    // The main window's catalogue has it, marked as the user's.
    const auto found = findGpu(w.window->document()->catalog(), name.toStdString());
    QVERIFY(found);
    QVERIFY(found.match->origin == DataOrigin::UserRow);
    // An own row may be renamed in place.
    QVERIFY(m->flags(cell(m, name, QStringLiteral("name"))) & Qt::ItemIsEditable);

    // Shipped rows cannot be deleted; own rows can, and undo brings them back.
    const QString shippedName = m->nameAt(m->rowOf(name) == 0 ? 1 : 0);
    QVERIFY(!w.editor->deleteRow(CatalogueTable::Gpus, shippedName));
    QVERIFY(w.stored(CatalogueTable::Gpus, shippedName).has_value());
    QVERIFY(w.editor->deleteRow(CatalogueTable::Gpus, name));
    QVERIFY(!w.stored(CatalogueTable::Gpus, name));
    QCOMPARE(m->rowOf(name), -1);
    QVERIFY(!findGpu(w.window->document()->catalog(), name.toStdString()));
    w.editor->undoStack()->undo();
    QVERIFY(w.stored(CatalogueTable::Gpus, name).has_value());
    QVERIFY(m->rowOf(name) >= 0);
    w.editor->undoStack()->undo(); // the add
    QVERIFY(!w.stored(CatalogueTable::Gpus, name));
    w.editor->undoStack()->redo();
    QCOMPARE(w.stored(CatalogueTable::Gpus, name)->origin, RowOrigin::Own);
}

void TestCatalogEditor::addRowForm() {
    World w;
    QVERIFY(w.open());
    AddRowDialog form(
        CatalogueTable::Quants, {},
        [&](const db::RowValues &v) {
            const bool ok = w.editor->addRow(CatalogueTable::Quants, v);
            return db::EditResult{ok, ok ? QString() : w.editor->message()};
        },
        w.editor);
    QVERIFY(form.field(QStringLiteral("bits_per_weight")));
    form.field(QStringLiteral("name"))->setText(QStringLiteral("Q3_FORM"));
    form.field(QStringLiteral("bits_per_weight"))->setText(QStringLiteral("-1"));
    QVERIFY(!form.submit());
    QVERIFY2(form.message().contains(QStringLiteral("bits_per_weight")),
             qPrintable(form.message()));
    QVERIFY(form.result() != QDialog::Accepted);
    QVERIFY(!w.stored(CatalogueTable::Quants, QStringLiteral("Q3_FORM")));
    form.field(QStringLiteral("bits_per_weight"))->setText(QStringLiteral("3.9"));
    QVERIFY2(form.submit(), qPrintable(form.message()));
    QCOMPARE(form.result(), int(QDialog::Accepted));
    QCOMPARE(w.stored(CatalogueTable::Quants, QStringLiteral("Q3_FORM"))->origin, RowOrigin::Own);
}

void TestCatalogEditor::vanishedPartIsNamed() {
    // A build on one of the user's own GPUs; the row is deleted: the build keeps
    // its figures and the window says which part is gone.
    World w;
    QVERIFY(w.open());
    const QString name = QStringLiteral("Own GPU In A Build");
    QVERIFY(w.editor->addRow(CatalogueTable::Gpus,
                             {{QStringLiteral("name"), name},
                              {QStringLiteral("vendor"), QStringLiteral("Acme")},
                              {QStringLiteral("vram_gb"), QStringLiteral("24")},
                              {QStringLiteral("bandwidth_gbs"), QStringLiteral("800")},
                              {QStringLiteral("tdp_w"), QStringLiteral("250")},
                              {QStringLiteral("pcie_gen"), QStringLiteral("5")},
                              {QStringLiteral("pcie_lanes"), QStringLiteral("16")},
                              {QStringLiteral("price_usd"), QStringLiteral("1500")}}));
    QString shippedGpu;
    const int b = buildWithGpu(*w.window, &shippedGpu);
    QVERIFY(b >= 0);
    Build build = w.window->document()->state().builds[static_cast<std::size_t>(b)];
    const auto found = findGpu(w.window->document()->catalog(), name.toStdString());
    QVERIFY(found);
    build.gpus.front().gpu = *found.match;
    QString reason;
    QVERIFY2(w.window->document()->updateBuild(b, build, QStringLiteral("GPU"), 0, &reason),
             qPrintable(reason));
    QVERIFY(w.editor->deleteRow(CatalogueTable::Gpus, name));
    const QString shown = w.window->statusBar()->currentMessage();
    QVERIFY2(shown.contains(name) && shown.contains(QStringLiteral("no longer in the catalogue")),
             qPrintable(shown));
    const Build &kept = w.window->document()->state().builds[static_cast<std::size_t>(b)];
    QCOMPARE(QString::fromStdString(kept.gpus.front().gpu.name), name);
    QVERIFY(w.window->document()->results()[static_cast<std::size_t>(b)].computed);
    // Undo of the delete brings the row back, and the build finds it again.
    w.editor->undoStack()->undo();
    QVERIFY(findGpu(w.window->document()->catalog(), name.toStdString()));
}

void TestCatalogEditor::importCsvWithTwoBadRows() {
    World w;
    QVERIFY(w.open());
    CatalogTableModel *m = w.editor->model(CatalogueTable::Gpus);
    const QString shippedName = m->nameAt(0);
    const auto shipped = w.stored(CatalogueTable::Gpus, shippedName);
    QVERIFY(shipped.has_value());
    // An override of a shipped GPU's price (its other cells as shipped), a new
    // GPU, and two bad rows (line 3: 0 GB VRAM; line 5: bandwidth not a number).
    db::RowValues over = shipped->values;
    over.insert(QStringLiteral("price_usd"), QStringLiteral("777"));
    const QStringList columns = db::tableColumns(CatalogueTable::Gpus);
    auto csvLine = [&](const db::RowValues &v) -> QString {
        QStringList cells;
        for (const QString &c : columns) {
            QString s = v.value(c);
            if (s.contains(u',') || s.contains(u'"'))
                s = u'"' + s.replace(u'"', QStringLiteral("\"\"")) + u'"';
            cells << s;
        }
        return cells.join(u',') + u'\n';
    };
    db::RowValues fresh{{QStringLiteral("name"), QStringLiteral("Supplier GPU A")},
                        {QStringLiteral("vendor"), QStringLiteral("Acme")},
                        {QStringLiteral("vram_gb"), QStringLiteral("48")},
                        {QStringLiteral("bandwidth_gbs"), QStringLiteral("1200")},
                        {QStringLiteral("tdp_w"), QStringLiteral("350")},
                        {QStringLiteral("price_usd"), QStringLiteral("4000")}};
    db::RowValues bad1 = fresh;
    bad1.insert(QStringLiteral("name"), QStringLiteral("Supplier GPU B"));
    bad1.insert(QStringLiteral("vram_gb"), QStringLiteral("0"));
    db::RowValues bad2 = fresh;
    bad2.insert(QStringLiteral("name"), QStringLiteral("Supplier GPU C"));
    bad2.insert(QStringLiteral("bandwidth_gbs"), QStringLiteral("fast"));
    const QString csv =
        columns.join(u',') + u'\n' + csvLine(fresh) + csvLine(bad1) + csvLine(over) + csvLine(bad2);
    const QString path = w.dir.filePath(QStringLiteral("supplier.csv"));
    QVERIFY(writeFile(path, csv.toUtf8()));

    ImportPreviewDialog *dialog = w.editor->beginImport(path, CatalogueTable::Gpus);
    QVERIFY2(dialog, qPrintable(w.dialogs->errors.join(u'\n')));
    QVERIFY(!dialog->importAllButton()->isEnabled());
    QVERIFY(dialog->skipBadButton()->isEnabled());
    QCOMPARE(dialog->preview().badRows(), 2);
    const QStringList errors = dialog->preview().errors();
    QVERIFY2(errors.filter(QStringLiteral("line 3: vram_gb")).size() == 1,
             qPrintable(errors.join(u'\n')));
    QVERIFY2(errors.filter(QStringLiteral("line 5: bandwidth_gbs")).size() == 1,
             qPrintable(errors.join(u'\n')));
    QCOMPARE(dialog->actions(),
             QStringList({ImportPreviewDialog::tr("add"), ImportPreviewDialog::tr("refused"),
                          ImportPreviewDialog::tr("override shipped row"),
                          ImportPreviewDialog::tr("refused")}));
    // The table shows the line numbers and the problems.
    QCOMPARE(dialog->table()->rowCount(), 4);
    QCOMPARE(dialog->table()->item(1, 0)->text(), QStringLiteral("3"));
    QVERIFY(dialog->table()->item(1, 4)->text().contains(QStringLiteral("vram_gb")));
    QVERIFY(dialog->summary().contains(QStringLiteral("Rows with problems: 2")));
    new QAbstractItemModelTester(dialog->table()->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, dialog);
    saveShot(dialog, "import-preview.png");
    // Nothing written yet.
    QVERIFY(!w.stored(CatalogueTable::Gpus, QStringLiteral("Supplier GPU A")));

    dialog->skipBadButton()->click();
    QVERIFY2(w.stored(CatalogueTable::Gpus, QStringLiteral("Supplier GPU A")).has_value(),
             qPrintable(w.editor->message()));
    QCOMPARE(w.stored(CatalogueTable::Gpus, QStringLiteral("Supplier GPU A"))->origin,
             RowOrigin::Own);
    QVERIFY(!w.stored(CatalogueTable::Gpus, QStringLiteral("Supplier GPU B")));
    QVERIFY(!w.stored(CatalogueTable::Gpus, QStringLiteral("Supplier GPU C")));
    QCOMPARE(w.stored(CatalogueTable::Gpus, shippedName)->origin, RowOrigin::Override);
    QCOMPARE(w.stored(CatalogueTable::Gpus, shippedName)->values.value(QStringLiteral("price_usd")),
             QStringLiteral("777"));
    // The report of skipped rows names them by line.
    QVERIFY(!w.dialogs->infos.isEmpty());
    const QString report = w.dialogs->infos.last();
    QVERIFY2(report.contains(QStringLiteral("Rows imported: 2")) &&
                 report.contains(QStringLiteral("line 3")) &&
                 report.contains(QStringLiteral("line 5")),
             qPrintable(report));
    QVERIFY(findGpu(w.window->document()->catalog(), "Supplier GPU A"));

    // One undo step takes the whole import back.
    w.editor->undoStack()->undo();
    QVERIFY(!w.stored(CatalogueTable::Gpus, QStringLiteral("Supplier GPU A")));
    QCOMPARE(w.stored(CatalogueTable::Gpus, shippedName)->origin, RowOrigin::Shipped);
}

void TestCatalogEditor::importCancelWritesNothing() {
    World w;
    QVERIFY(w.open());
    const QString path = w.dir.filePath(QStringLiteral("good.csv"));
    QVERIFY(writeFile(path, "name,vendor,vram_gb,bandwidth_gbs\nCancelled GPU,Acme,16,500\n"));
    ImportPreviewDialog *dialog = w.editor->beginImport(path, CatalogueTable::Gpus);
    QVERIFY(dialog);
    QVERIFY(dialog->importAllButton()->isEnabled());
    QVERIFY(!dialog->skipBadButton()->isEnabled());
    dialog->cancelButton()->click();
    QVERIFY(!w.stored(CatalogueTable::Gpus, QStringLiteral("Cancelled GPU")));
    QCOMPARE(w.editor->undoStack()->count(), 0);
    // A file that is not a catalogue at all: refused before any preview.
    const QString junk = w.dir.filePath(QStringLiteral("junk.json"));
    QVERIFY(writeFile(junk, "{ not json"));
    QVERIFY(!w.editor->beginImport(junk, CatalogueTable::Gpus));
    QVERIFY(!w.dialogs->errors.isEmpty());
    // "Import all" of a good file writes it.
    dialog = w.editor->beginImport(path, CatalogueTable::Gpus);
    QVERIFY(dialog);
    dialog->importAllButton()->click();
    QVERIFY(w.stored(CatalogueTable::Gpus, QStringLiteral("Cancelled GPU")).has_value());
}

void TestCatalogEditor::exportRoundTrip() {
    World w;
    QVERIFY(w.open());
    CatalogTableModel *m = w.editor->model(CatalogueTable::Cpus);
    const QString name = m->nameAt(0);
    QVERIFY(m->setData(cell(m, name, QStringLiteral("price_usd")), QStringLiteral("999")));
    const QString csv = w.dir.filePath(QStringLiteral("cpus.csv"));
    const QString pack = w.dir.filePath(QStringLiteral("pack.json"));
    // One measurement of the user's own travels with the pack too.
    db::UserMeasurementRecord own;
    own.importedAt = QStringLiteral("2026-12-01T10:00:00Z");
    own.file = QStringLiteral("bench.json");
    own.placed.runDate = QStringLiteral("2026-11-30");
    own.placed.hardwareKind = QStringLiteral("gpu");
    own.placed.gpu = QStringLiteral("NVIDIA GeForce RTX 4090");
    own.placed.gpuCount = 1;
    own.placed.model = QStringLiteral("Qwen2.5-7B-Instruct");
    own.placed.quant = QStringLiteral("Q4_K_M");
    own.placed.row.nGen = 128;
    own.placed.row.avgTs = 131.25;
    QVERIFY(db::storeUserMeasurements(w.database, {own}).ok);
    QVERIFY(w.editor->exportTable(CatalogueTable::Cpus, csv, false));
    QVERIFY(w.editor->exportPack(pack));
    QByteArray bytes;
    QString error;
    QVERIFY(db::readImportFile(csv, &bytes, &error));
    const db::ImportPreview table = db::previewImport(bytes, CatalogueTable::Cpus);
    QCOMPARE(table.badRows(), 0);
    QCOMPARE(table.rows.size(), m->rowCount());
    QVERIFY(db::readImportFile(pack, &bytes, &error));
    const db::ImportPreview p = db::previewImport(bytes, std::nullopt);
    QVERIFY2(p.fatal.isEmpty(), qPrintable(p.fatal));
    QCOMPARE(p.rows.size(), 1); // only the override travels in a pack
    QCOMPARE(p.rows.first().values.value(QStringLiteral("price_usd")), QStringLiteral("999"));
    QCOMPARE(p.measurements.size(), 1);
    QCOMPARE(p.badMeasurements(), 0);
    // A pack on another machine: a second, fresh database imports it.
    World other;
    QVERIFY(other.open());
    ImportPreviewDialog *dialog = other.editor->beginImport(pack, std::nullopt);
    QVERIFY(dialog);
    dialog->importAllButton()->click();
    QCOMPARE(other.stored(CatalogueTable::Cpus, name)->origin, RowOrigin::Override);
    const auto carried = db::readUserMeasurements(other.database, &error);
    QVERIFY2(carried, qPrintable(error));
    QCOMPARE(carried->size(), 1);
    QCOMPARE(carried->first().placed.row.avgTs, 131.25);
    // The window's estimates are calibrated with it at once.
    QCOMPARE(other.window->document()->ownMeasurements().size(), std::size_t(1));
    // A failing export (a folder that does not exist) says so.
    QVERIFY(!w.editor->exportTable(CatalogueTable::Cpus,
                                   w.dir.filePath(QStringLiteral("no/such/dir/x.csv")), true));
    QVERIFY(!w.dialogs->errors.isEmpty());
}

void TestCatalogEditor::searchAndSort() {
    World w;
    QVERIFY(w.open());
    QSortFilterProxyModel *proxy = w.editor->proxy(CatalogueTable::Gpus);
    CatalogTableModel *m = w.editor->model(CatalogueTable::Gpus);
    const int all = proxy->rowCount();
    QCOMPARE(all, m->rowCount());
    QTest::keyClicks(w.editor->searchField(), QStringLiteral("5090"));
    QVERIFY(proxy->rowCount() > 0);
    QVERIFY(proxy->rowCount() < all);
    for (int r = 0; r < proxy->rowCount(); ++r) {
        bool hit = false;
        for (int c = 0; c < proxy->columnCount(); ++c)
            hit = hit || proxy->index(r, c).data().toString().contains(QStringLiteral("5090"));
        QVERIFY(hit);
    }
    w.editor->searchField()->clear();
    QCOMPARE(proxy->rowCount(), all);
    // Numbers sort as numbers, not as text.
    const int vram = m->columnOf(QStringLiteral("vram_gb"));
    proxy->sort(vram, Qt::AscendingOrder);
    for (int r = 1; r < proxy->rowCount(); ++r)
        QVERIFY(proxy->index(r - 1, vram).data(CatalogTableModel::SortRole).toDouble() <=
                proxy->index(r, vram).data(CatalogTableModel::SortRole).toDouble());
    // The picture shows each kind of row: an override, one of yours, shipped ones.
    w.editor->tabs()->setCurrentIndex(1);
    const QString first = proxy->index(0, m->columnOf(QStringLiteral("name"))).data().toString();
    QVERIFY(m->setData(cell(m, first, QStringLiteral("price_usd")), QStringLiteral("1234")));
    QVERIFY(w.editor->addRow(CatalogueTable::Gpus,
                             {{QStringLiteral("name"), QStringLiteral("AAA Supplier GPU")},
                              {QStringLiteral("vendor"), QStringLiteral("Acme")},
                              {QStringLiteral("vram_gb"), QStringLiteral("48")},
                              {QStringLiteral("bandwidth_gbs"), QStringLiteral("960")},
                              {QStringLiteral("price_usd"), QStringLiteral("3999")}}));
    w.editor->view(CatalogueTable::Gpus)->setCurrentIndex(proxy->index(1, 3));
    w.editor->resize(1280, 640);
    w.editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.editor));
    saveShot(w.editor, "catalog-editor.png");
}

void TestCatalogEditor::readOnlyDatabaseDisablesEditing() {
    // A database from a newer version of the program opens read-only.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalogue.sqlite"));
    {
        db::CatalogueDatabase first;
        QVERIFY(first.open(path).ok);
    }
    {
        QSqlDatabase raw =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1")
                           .arg(db::CatalogueDatabase::schemaVersion + 5)));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bump"));
    World w;
    const db::OpenResult r = w.database.open(path);
    QVERIFY(r.ok);
    QVERIFY(r.readOnly);
    QVERIFY(w.start());
    QVERIFY(!w.editor->isEditable());
    QVERIFY(w.editor->banner()->isVisibleTo(w.editor));
    QVERIFY(w.editor->banner()->text().contains(QStringLiteral("Read-only")));
    QVERIFY(!w.editor->addRowAction()->isEnabled());
    QVERIFY(!w.editor->deleteRowAction()->isEnabled());
    QVERIFY(!w.editor->resetAction()->isEnabled());
    QVERIFY(!w.editor->importAction()->isEnabled());
    for (CatalogueTable t : db::editableTables()) {
        CatalogTableModel *m = w.editor->model(t);
        QVERIFY(m->rowCount() > 0);
        for (int c = 0; c < m->columnCount(); ++c)
            QVERIFY(!(m->flags(m->index(0, c)) & Qt::ItemIsEditable));
        QVERIFY(
            !m->setData(m->index(0, m->columnOf(QStringLiteral("source"))), QStringLiteral("x")));
    }
    const QString name = w.editor->model(CatalogueTable::Gpus)->nameAt(0);
    QVERIFY(!w.editor->addRow(CatalogueTable::Gpus,
                              {{QStringLiteral("name"), QStringLiteral("X")},
                               {QStringLiteral("vendor"), QStringLiteral("Y")},
                               {QStringLiteral("vram_gb"), QStringLiteral("8")},
                               {QStringLiteral("bandwidth_gbs"), QStringLiteral("100")}}));
    QVERIFY(w.editor->message().contains(QStringLiteral("read-only")));
    w.editor->resize(1000, 400);
    saveShot(w.editor, "catalog-editor-readonly.png");
    QCOMPARE(w.stored(CatalogueTable::Gpus, name)->origin, RowOrigin::Shipped);
    QVERIFY(!w.stored(CatalogueTable::Gpus, QStringLiteral("X")));
}

void TestCatalogEditor::modelsPassTester() {
    World w;
    QVERIFY(w.open());
    for (CatalogueTable t : db::editableTables()) {
        new QAbstractItemModelTester(
            w.editor->model(t), QAbstractItemModelTester::FailureReportingMode::QtTest, w.editor);
        new QAbstractItemModelTester(
            w.editor->proxy(t), QAbstractItemModelTester::FailureReportingMode::QtTest, w.editor);
    }
    // Edits under the testers: an override (values change), an add and a delete
    // (rows change), undo, and filtering.
    CatalogTableModel *m = w.editor->model(CatalogueTable::Quants);
    const QString name = m->nameAt(0);
    QVERIFY(m->setData(cell(m, name, QStringLiteral("notes")), QStringLiteral("checked")));
    QVERIFY(w.editor->addRow(CatalogueTable::Quants,
                             {{QStringLiteral("name"), QStringLiteral("Q5_TEST")},
                              {QStringLiteral("bits_per_weight"), QStringLiteral("5.5")}}));
    QVERIFY(w.editor->deleteRow(CatalogueTable::Quants, QStringLiteral("Q5_TEST")));
    w.editor->undoStack()->undo();
    w.editor->undoStack()->undo();
    w.editor->searchField()->setText(QStringLiteral("Q4"));
    w.editor->searchField()->clear();
    QVERIFY(m->rowCount() > 0);
}

QTEST_MAIN(TestCatalogEditor)
#include "tst_catalogeditor.moc"
