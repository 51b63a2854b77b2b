// SPDX-License-Identifier: MIT
#pragma once
// The editor of one build: CPU (family filter, type-to-search), memory
// population, GPUs, and the supplier's quote (which replaces the estimated price).
// Each change is proposed to the document, which refuses what llm::checkBuild
// rejects (the platform rules Find builds uses too); the editor then shows the
// reason and reverts. The memory lists offer what the CPU's platform takes.

#include "hardware.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
QT_END_NAMESPACE

namespace llm::ui {

class ComparisonDocument;

class BuildEditor final : public QWidget {
    Q_OBJECT
public:
    explicit BuildEditor(ComparisonDocument *document, QWidget *parent = nullptr);

    void setBuildIndex(int index);
    int buildIndex() const { return m_index; }
    // The last refusal's reason, empty when the last change was accepted.
    QString refusal() const { return m_refusal; }

signals:
    void refused(const QString &reason);

private:
    void load(); // widgets from the document
    void fillCpuList();
    void fillGpuList(); // after the family filter changed
    void fillSpeeds(const Cpu &cpu);
    void fillChannelSizes(const Cpu &cpu);
    void propose(const Build &build, const QString &text, int field);
    Build current() const;
    void onCpuChosen();
    void onMemoryChanged(int field);
    void onGpuChanged();
    void onQuoteChanged(int field);
    void updateTotals();
    void showRefusal(const QString &reason);

    ComparisonDocument *m_document;
    int m_index = -1;
    QString m_refusal;
    QComboBox *m_family;
    QComboBox *m_cpu;
    QLabel *m_cpuFacts;
    QSpinBox *m_channels;
    QComboBox *m_speed;
    QComboBox *m_moduleSize;
    QLabel *m_capacity;
    QComboBox *m_gpu;
    QSpinBox *m_gpuCount;
    QComboBox *m_multiGpu;
    QDoubleSpinBox *m_quote;  // the supplier's price in EUR; 0 = no quote
    QLineEdit *m_quoteSource; // who quoted and when
    QLabel *m_totals;
    QLabel *m_problem;
};

} // namespace llm::ui
