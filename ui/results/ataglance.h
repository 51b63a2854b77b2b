// SPDX-License-Identifier: MIT
#pragma once
// "At a glance": the answer at the top of the window, above the charts. One
// row per build (name, price with where it comes from, how many needs it
// meets, the one-line reason or its cheapest fix), the badges, the sentence
// that says it all, and a red banner with the options when no build meets
// every need. Everything comes from core's decide(); the words from
// scenario's decision text, as in the report and the CLI.

#include "decision.h"
#include "platform.h"

#include <QFrame>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
class QTableWidget;
QT_END_NAMESPACE

namespace llm::ui {

class ComparisonDocument;

class AtAGlancePanel final : public QFrame {
    Q_OBJECT
public:
    enum Column { BuildColumn, PriceColumn, NeedsColumn, WhyColumn, ColumnCount };

    // The cheapest fixes are checked against the document's platform rules.
    explicit AtAGlancePanel(ComparisonDocument *document, QWidget *parent = nullptr);

    const DecisionSummary &summary() const { return m_summary; }
    QLabel *sentence() const { return m_sentence; }
    QLabel *badges() const { return m_badges; }
    QFrame *banner() const { return m_banner; }
    QLabel *bannerText() const { return m_bannerText; }
    QTableWidget *table() const { return m_table; }
    // The height that shows every row without scrolling, at a given width.
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

signals:
    // The banner's "Find a build for my budget" button.
    void findBuildsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void update();
    void fillTable();
    int computeHeightForWidth(int width) const;
    void checkSizeCache() const;

    ComparisonDocument *m_document;
    DecisionSummary m_summary;
    QLabel *m_sentence;
    QLabel *m_badges;
    QFrame *m_banner;
    QLabel *m_bannerText;
    QPushButton *m_find;
    QTableWidget *m_table;
    // heightForWidth and sizeHint wrap two labels' text: the window's layout asks for
    // them several times per live edit. Kept while the rows, the banner and the texts
    // stay the same (and the width, for the height).
    struct SizeCache {
        int rows = -1;
        bool banner = false;
        QString sentence, badges, bannerText;
        int width = -1;
        int height = 0;
        int hintWidth = -1;
    };
    mutable SizeCache m_size;
};

} // namespace llm::ui
