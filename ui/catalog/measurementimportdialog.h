// SPDX-License-Identifier: MIT
#pragma once
// Importing the user's own llama-bench results into the window (File → Import
// my llama-bench results…, or a file dropped on the window): the same reading
// and placing as `llmadvisor-cli measurements import`. The dialog shows what
// each result ran on and asks only for what llama-bench cannot know (the
// memory population, a GPU it names in its own words, the model when the file
// name does not say it); Import stays off until every result has a place.

#include "benchimport.h"
#include "catalog.h"
#include "usermeasurements.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QComboBox;
class QPushButton;
class QDialogButtonBox;
class QLabel;
class QSpinBox;
class QTableWidget;
QT_END_NAMESPACE

namespace llm::ui {

class MeasurementImportDialog final : public QDialog {
    Q_OBJECT
public:
    // `file`: llama-bench's output already read (parseLlamaBench); `fileName` is
    // what the rows record as their source; `today` (YYYY-MM-DD) dates results
    // whose output carries no date (markdown tables).
    MeasurementImportDialog(const Catalog &catalog, const QString &fileName, db::BenchFile file,
                            const QString &today, QWidget *parent = nullptr);

    // What would be stored, as placed with the current answers; empty while a
    // result has no place (problem() says why).
    QList<db::UserMeasurementRecord> records() const;
    // Empty when every result is placed; else one sentence naming the field.
    QString problem() const { return m_problem; }

    // The answers, for keyboard users' tests and for scripts: names as in the catalogue.
    void setOverrides(const db::BenchOverrides &overrides);
    db::BenchOverrides overrides() const;

    QTableWidget *table() const { return m_table; }

private:
    void place();

    const Catalog &m_catalog;
    QString m_fileName;
    db::BenchFile m_file;
    QString m_today;
    std::optional<db::PlacedBench> m_placed;
    QString m_problem;

    QLabel *m_intro;
    QComboBox *m_cpu;
    QComboBox *m_gpu;
    QSpinBox *m_gpus;
    QSpinBox *m_channels;
    QSpinBox *m_mts;
    QComboBox *m_model;
    QComboBox *m_quant;
    QLabel *m_status;
    QTableWidget *m_table;
    QDialogButtonBox *m_buttons;
};

// Tools → My measurements…: the results the user imported, to look at and to
// remove (the CLI's `measurements list` / `remove`). The dialog only chooses;
// MainWindow::manageMeasurements removes the rows and recalibrates.
class MyMeasurementsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit MyMeasurementsDialog(QList<db::UserMeasurementRecord> records,
                                  QWidget *parent = nullptr);
    // The stored ids of the selected rows (what "Remove selected" removes).
    QList<qint64> selectedIds() const;
    QTableWidget *table() const { return m_table; }

private:
    QList<db::UserMeasurementRecord> m_records;
    QTableWidget *m_table = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace llm::ui
