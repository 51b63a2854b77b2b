// SPDX-License-Identifier: MIT
#pragma once
// Thresholds, use cases (UC1-UC4 and the user's own), electricity tariff,
// runtime and efficiency factors in one place. Changes are undoable edits of
// the comparison; efficiency overrides are recorded in Assumptions::overridden.

#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTextBrowser;
QT_END_NAMESPACE

namespace llm::ui {

class ComparisonDocument;

class AssumptionsPanel final : public QWidget {
    Q_OBJECT
public:
    explicit AssumptionsPanel(ComparisonDocument *document, QWidget *parent = nullptr);

    // The selected build: the efficiency box shows its hardware class (until the
    // user picks another class there).
    void setBuildIndex(int index);
    QString currentClass() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void load();
    bool m_stale = false;
    void applyThresholds(int mergeId);
    void applyOwnUseCase();
    void applyEfficiency();
    void resetEfficiency();

    ComparisonDocument *m_document;
    int m_build = -1;
    bool m_followBuild = true;
    QDoubleSpinBox *m_maxPrefill;
    QDoubleSpinBox *m_minGeneration;
    QDoubleSpinBox *m_interactivePrefill;
    QDoubleSpinBox *m_backgroundTotal;
    QDoubleSpinBox *m_offlineHours;
    QDoubleSpinBox *m_tariff;
    QComboBox *m_runtime;
    QCheckBox *m_ownEnabled;
    QLineEdit *m_ownName;
    QSpinBox *m_ownPrompt;
    QSpinBox *m_ownGenerated;
    QComboBox *m_class;
    QDoubleSpinBox *m_bandwidthEff;
    QDoubleSpinBox *m_computeEff;
    QLabel *m_fitInfo;
    QTextBrowser *m_summary;
};

} // namespace llm::ui
