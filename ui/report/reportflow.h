// SPDX-License-Identifier: MIT
#pragma once
// A small page-flow engine for the printed report. Why not one HTML document
// through QTextDocument's own pagination (what the report used before): it
// cannot keep a heading with the table that follows it, it splits a table row
// across pages, it cannot say "Page X of Y" before the last page is laid out,
// and it gives no layout data a test could check. Here every heading,
// paragraph, table row and chart is an unbreakable box placed by explicit rules
// (keep-with-next groups, header rows repeated on continuation pages, rows
// never split), and the placement is kept for tests. QTextDocument still lays
// out the text inside each box (wrapping, bold, line breaks), so names wrap
// instead of being cut.

#include <QList>
#include <QRectF>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QPaintDevice;
class QPainter;
class QTextDocument;
QT_END_NAMESPACE

namespace llm::ui::report {

struct Cell {
    QString html; // a fragment: text with <b>, <i>, <br>, <span class=small>
    Qt::Alignment align = Qt::AlignLeft;
};

struct Table {
    QList<qreal> widths; // relative column widths
    // The widths are parts of this total (0: of their sum, so the table fills the
    // width). Tables split into parts keep one column width in every part.
    qreal widthTotal = 0;
    QList<Cell> header;      // one header row, repeated on continuation pages
    QList<QList<Cell>> rows; // rows are never split
    int keepRows = 2;        // rows kept with the header (and the heading before it)
    qreal spaceBefore = 3;   // points above the table
    bool firstColumnBold = false;
};

enum class BoxKind { Heading, Paragraph, TableHeader, TableRow, Chart, Rule };

// Where a box ended up, in the body's coordinates of its page (device pixels).
struct PlacedBox {
    BoxKind kind;
    int page = 0; // 0-based
    QRectF rect;
    bool repeatedHeader = false; // a table header repeated on a continuation page
    QString text;                // plain text of the box (tests, debugging)
};

class Flow final {
public:
    // `width`/`pageHeight`: the body of one page in `device` pixels.
    Flow(QPaintDevice *device, qreal width, qreal pageHeight);
    ~Flow();
    Flow(const Flow &) = delete;
    Flow &operator=(const Flow &) = delete;

    void heading(const QString &text, int level); // 1, 2 or 3; kept with what follows
    void paragraph(const QString &html, bool small = false, bool keepWithNext = false);
    void table(const Table &table);
    // A chart or other drawing, `height` device pixels tall, kept whole.
    void drawing(std::function<void(QPainter *, const QRectF &)> paint, qreal height,
                 const QString &label);
    // The next box starts a new page (unless the current page is still empty).
    void pageBreak();

    // Places every box on pages (call once, after adding everything).
    void layout();
    int pageCount() const { return m_pages; }
    const std::vector<PlacedBox> &placed() const { return m_placed; }
    // Paints page `page` (0-based) with the body's top-left at `origin`.
    void paintPage(QPainter *painter, int page, const QPointF &origin) const;

    qreal points(qreal pt) const;           // points to device pixels
    qreal width() const { return m_width; } // of the body, in device pixels
    qreal pageHeight() const { return m_pageHeight; }

private:
    struct Box;
    std::unique_ptr<QTextDocument> textDoc(const QString &html, qreal width, qreal fontPt,
                                           bool bold, Qt::Alignment align = Qt::AlignLeft) const;
    void add(std::unique_ptr<Box> box);

    QPaintDevice *m_device;
    qreal m_width;
    qreal m_pageHeight;
    std::vector<std::unique_ptr<Box>> m_boxes;
    std::vector<PlacedBox> m_placed;
    std::vector<int> m_placedBox; // index into m_boxes for each placed box
    int m_pages = 0;
    bool m_breakNext = false;
};

} // namespace llm::ui::report
