// SPDX-License-Identifier: MIT
#pragma once
// The "What if" tab: for the selected build, what single changes would do, as
// sentences sorted by what helps most for the least money (core whatIfs, only
// the parts decide() would offer), the changes that are not possible in a
// footnote, and how much room is left for the needs it meets (core headroom),
// in words. A second mode lists every build's cheapest fix (core decide()).
// The engineering tables stay behind "Show engineering detail". Recomputed
// when the build, model or use cases change; only while the tab is visible
// (it costs more than a frame).

#include "platform.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
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
    // "N other changes are not possible on this build: show them", and the list it opens.
    QLabel *footnote() const { return m_footnote; }
    QLabel *notOfferedList() const { return m_notOffered; }
    QLabel *headroomText() const { return m_headroomText; }
    // The "what would make each build meet every need?" mode and its lines.
    QPushButton *eachBuildButton() const { return m_eachBuildButton; }
    QListWidget *eachBuildList() const { return m_eachBuildList; }
    QCheckBox *detailsBox() const { return m_detailsBox; }
    void setEachBuildMode(bool on);
    void setNotOfferedShown(bool shown);
    bool isStale() const { return m_stale; }
    double lastComputeMilliseconds() const { return m_lastMs; }

    // Recomputes now, visible or not (tests, benchmarks).
    void recompute();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void invalidate();
    void recomputeEachBuild();
    void showDetails(bool shown);
    void clearSelected(const QString &intro);

    ComparisonDocument *m_document;
    int m_build = 0;
    bool m_stale = true;
    double m_lastMs = 0;
    WhatIfModel *m_whatIf;
    HeadroomModel *m_headroom;
    QLabel *m_intro;
    QTableView *m_whatIfView;
    QTableView *m_headroomView;
    QLabel *m_footnote;
    QLabel *m_notOffered;
    QLabel *m_headroomText;
    QPushButton *m_eachBuildButton;
    QListWidget *m_eachBuildList;
    QCheckBox *m_detailsBox;
    QWidget *m_selectedPart; // the single-build list, footnote and headroom
};

} // namespace llm::ui
