// SPDX-License-Identifier: MIT
#pragma once
// "Find builds…": the user states a need (model, quantization, use cases,
// budget, power limit) and the advisor sweeps the catalogue in a worker thread
// for the builds that meet it; chosen results are added to the comparison.

#include "platform.h"

#include <QDialog>

#include <vector>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
QT_END_NAMESPACE

namespace llm::ui {

class ComparisonDocument;
class RecommendRunner;
class RecommendationModel;

class FindBuildsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit FindBuildsDialog(ComparisonDocument *document, QWidget *parent = nullptr);
    ~FindBuildsDialog() override;

    // Fills the request fields from the comparison (model, quantization, use cases).
    void loadFromComparison();
    // Starts the sweep; false (and a message in statusText()) when the request is bad.
    bool run();
    void cancel();
    // Adds the selected builds (both tables) to the comparison in one undo step;
    // returns how many were added.
    int addSelected();

    RecommendRunner *runner() const { return m_runner; }
    RecommendationModel *pricedModel() const { return m_priced; }
    RecommendationModel *unpricedModel() const { return m_unpriced; }
    QTableView *pricedView() const { return m_pricedView; }
    QTableView *unpricedView() const { return m_unpricedView; }
    QString statusText() const;

    // Request fields, for tests.
    QComboBox *modelCombo() const { return m_model; }
    QComboBox *quantCombo() const { return m_quant; }
    QDoubleSpinBox *budgetBox() const { return m_budget; }
    QSpinBox *wattsBox() const { return m_watts; }
    QSpinBox *topBox() const { return m_top; }
    QCheckBox *usedBox() const { return m_used; }
    const std::vector<QCheckBox *> &useCaseBoxes() const { return m_useCaseBoxes; }

signals:
    // Builds were added to the comparison (row of the first one).
    void buildsAdded(int firstRow);

public slots:
    // Close (Esc) also stops a running search.
    void reject() override;

private:
    void onFinished(bool cancelled);
    void setRunning(bool running);
    void updateAddButton();
    QString emptyStateText() const;

    ComparisonDocument *m_document;
    RecommendRunner *m_runner;
    RecommendationModel *m_priced;
    RecommendationModel *m_unpriced;

    QComboBox *m_model;
    QComboBox *m_quant;
    QWidget *m_useCaseBox;
    QLabel *m_useCaseLabel = nullptr;
    std::vector<QCheckBox *> m_useCaseBoxes;
    QDoubleSpinBox *m_budget;
    QSpinBox *m_watts;
    QSpinBox *m_top;
    QCheckBox *m_used;
    QPushButton *m_runButton;
    QPushButton *m_cancelButton;
    QPushButton *m_addButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_unpricedTitle;
    QTableView *m_pricedView;
    QTableView *m_unpricedView;
};

} // namespace llm::ui
