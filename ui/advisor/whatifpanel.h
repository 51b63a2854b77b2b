// SPDX-License-Identifier: MIT
#pragma once
// The "What if" tab: for the selected build, what single changes would do to
// each use case and its price (core whatIfs), and how much room is left
// (core headroom). Recomputed when the build, model or use cases change;
// only while the tab is visible (it costs more than a frame).

#include "platform.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QTableView;
QT_END_NAMESPACE

namespace llm::ui {

class ComparisonDocument;
class HeadroomModel;
class WhatIfModel;

class WhatIfPanel final : public QWidget {
    Q_OBJECT
public:
    explicit WhatIfPanel(ComparisonDocument *document, QWidget *parent = nullptr);

    void setBuildIndex(int index);
    int buildIndex() const { return m_build; }

    WhatIfModel *whatIfModel() const { return m_whatIf; }
    HeadroomModel *headroomModel() const { return m_headroom; }
    QTableView *whatIfView() const { return m_whatIfView; }
    QTableView *headroomView() const { return m_headroomView; }
    QLabel *intro() const { return m_intro; }
    bool isStale() const { return m_stale; }
    double lastComputeMilliseconds() const { return m_lastMs; }

    // Recomputes now, visible or not (tests, benchmarks).
    void recompute();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void invalidate();

    ComparisonDocument *m_document;
    PlatformRules m_rules;
    bool m_haveRules = false;
    int m_build = 0;
    bool m_stale = true;
    double m_lastMs = 0;
    WhatIfModel *m_whatIf;
    HeadroomModel *m_headroom;
    QLabel *m_intro;
    QTableView *m_whatIfView;
    QTableView *m_headroomView;
};

} // namespace llm::ui
