// SPDX-License-Identifier: MIT
#include "reportflow.h"

#include <QAbstractTextDocumentLayout>
#include <QFont>
#include <QPaintDevice>
#include <QPainter>
#include <QPen>
#include <QTextDocument>
#include <QTextOption>

#include <algorithm>

namespace llm::ui::report {

namespace {

constexpr qreal kBodyPt = 8.5;
constexpr qreal kSmallPt = 7.5;
constexpr qreal kCellPt = 8.0;
const QColor kRule(0x9a, 0x9a, 0x9a);
const QColor kHeaderFill(0xe8, 0xe8, 0xe8);

void drawDoc(QPainter *painter, const QTextDocument *doc, const QPointF &at) {
    painter->save();
    painter->translate(at);
    // Black text whatever the window's palette (the dark theme's is light grey).
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, Qt::black);
    context.palette.setColor(QPalette::WindowText, Qt::black);
    doc->documentLayout()->draw(painter, context);
    painter->restore();
}

} // namespace

struct Flow::Box {
    BoxKind kind = BoxKind::Paragraph;
    qreal height = 0;
    qreal spaceBefore = 0;
    bool keepWithNext = false;
    bool breakBefore = false;
    int headerIndex = -1; // table rows: the header box repeated on a continuation page
    QString text;
    std::vector<std::unique_ptr<QTextDocument>> docs;
    std::function<void(QPainter *, const QRectF &)> paint;
};

Flow::Flow(QPaintDevice *device, qreal width, qreal pageHeight)
    : m_device(device)
    , m_width(width)
    , m_pageHeight(pageHeight) {}

Flow::~Flow() = default;

qreal Flow::points(qreal pt) const {
    return pt * m_device->logicalDpiY() / 72.0;
}

std::unique_ptr<QTextDocument> Flow::textDoc(const QString &html, qreal width, qreal fontPt,
                                             bool bold, Qt::Alignment align) const {
    auto doc = std::make_unique<QTextDocument>();
    // Set before the text: blocks take the option they are made with. A name
    // longer than its column breaks anywhere rather than running over the rule.
    QTextOption option(align & Qt::AlignHorizontal_Mask);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    doc->setDefaultTextOption(option);
    doc->documentLayout()->setPaintDevice(m_device);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(fontPt);
    font.setBold(bold);
    // No ligatures: "fi" printed as one glyph reads back from the PDF as "ﬁ", so
    // searching the minutes for "firm" or copying a name out of them would fail.
    font.setStyleStrategy(QFont::PreferNoShaping);
    doc->setDefaultFont(font);
    doc->setDocumentMargin(0);
    doc->setDefaultStyleSheet(
        QStringLiteral(".small { font-size: %1pt; color: #303030; }").arg(kSmallPt - 0.5));
    doc->setHtml(html);
    doc->setTextWidth(width);
    return doc;
}

void Flow::add(std::unique_ptr<Box> box) {
    box->breakBefore = box->breakBefore || m_breakNext;
    m_breakNext = false;
    m_boxes.push_back(std::move(box));
}

void Flow::heading(const QString &text, int level) {
    auto box = std::make_unique<Box>();
    box->kind = BoxKind::Heading;
    const qreal size = level == 1 ? 15.0 : level == 2 ? 11.5 : 9.5;
    box->spaceBefore = points(level == 1 ? 4.0 : level == 2 ? 11.0 : 7.0);
    box->keepWithNext = true;
    auto doc = textDoc(text.toHtmlEscaped(), m_width, size, true);
    box->height = doc->size().height() + points(level == 1 ? 4.0 : 3.0);
    box->text = doc->toPlainText();
    const QTextDocument *d = doc.get();
    box->paint = [d](QPainter *p, const QRectF &r) { drawDoc(p, d, r.topLeft()); };
    box->docs.push_back(std::move(doc));
    add(std::move(box));
}

void Flow::paragraph(const QString &html, bool small, bool keepWithNext) {
    auto box = std::make_unique<Box>();
    box->kind = BoxKind::Paragraph;
    box->spaceBefore = points(small ? 2.5 : 4.0);
    box->keepWithNext = keepWithNext;
    auto doc = textDoc(html, m_width, small ? kSmallPt : kBodyPt, false);
    box->height = doc->size().height();
    box->text = doc->toPlainText();
    const QTextDocument *d = doc.get();
    box->paint = [d](QPainter *p, const QRectF &r) { drawDoc(p, d, r.topLeft()); };
    box->docs.push_back(std::move(doc));
    add(std::move(box));
}

void Flow::table(const Table &table) {
    const int columns = static_cast<int>(table.widths.size());
    qreal sum = 0;
    for (qreal w : table.widths)
        sum += w;
    sum = std::max(sum, table.widthTotal);
    QList<qreal> x{0}, width;
    for (qreal w : table.widths) {
        width << m_width * w / sum;
        x << x.last() + width.last();
    }
    const qreal padX = points(3.0);
    const qreal padY = points(2.0);
    const qreal rule = std::max<qreal>(1.0, points(0.5));

    // One box per row: every cell's text laid out at its column's width.
    const auto makeRow = [&](const QList<Cell> &cells, bool header) {
        auto box = std::make_unique<Box>();
        box->kind = header ? BoxKind::TableHeader : BoxKind::TableRow;
        qreal tallest = 0;
        QStringList texts;
        std::vector<const QTextDocument *> docs;
        for (int c = 0; c < columns; ++c) {
            const Cell cell = c < cells.size() ? cells[c] : Cell{};
            auto doc = textDoc(cell.html, width[c] - 2 * padX, kCellPt,
                               header || (table.firstColumnBold && c == 0),
                               header ? Qt::AlignLeft : cell.align);
            tallest = std::max(tallest, doc->size().height());
            texts << doc->toPlainText();
            docs.push_back(doc.get());
            box->docs.push_back(std::move(doc));
        }
        box->height = tallest + 2 * padY;
        box->text = texts.join(QStringLiteral(" | "));
        box->paint = [docs, x, width, header, padX, padY, rule](QPainter *p, const QRectF &r) {
            p->save();
            if (header)
                p->fillRect(QRectF(r.left(), r.top(), x.last(), r.height()), kHeaderFill);
            p->setPen(QPen(kRule, rule));
            for (std::size_t c = 0; c < docs.size(); ++c) {
                const QRectF cellRect(r.left() + x[static_cast<int>(c)], r.top(),
                                      width[static_cast<int>(c)], r.height());
                p->drawRect(cellRect);
                drawDoc(p, docs[c], cellRect.topLeft() + QPointF(padX, padY));
            }
            p->restore();
        };
        return box;
    };

    auto header = makeRow(table.header, true);
    header->spaceBefore = points(table.spaceBefore);
    header->keepWithNext = !table.rows.isEmpty();
    const int headerIndex = static_cast<int>(m_boxes.size());
    add(std::move(header));
    for (int r = 0; r < table.rows.size(); ++r) {
        auto row = makeRow(table.rows[r], false);
        row->headerIndex = headerIndex;
        // The heading, the header and the first rows travel together.
        row->keepWithNext = r + 1 < std::min<int>(table.keepRows, table.rows.size());
        add(std::move(row));
    }
}

void Flow::drawing(std::function<void(QPainter *, const QRectF &)> paint, qreal height,
                   const QString &label) {
    auto box = std::make_unique<Box>();
    box->kind = BoxKind::Chart;
    box->spaceBefore = points(6.0);
    box->height = height;
    box->text = label;
    box->paint = std::move(paint);
    add(std::move(box));
}

void Flow::pageBreak() {
    m_breakNext = true;
}

void Flow::layout() {
    m_placed.clear();
    m_placedBox.clear();
    int page = 0;
    qreal y = 0;
    bool empty = true;
    const auto newPage = [&] {
        ++page;
        y = 0;
        empty = true;
    };
    const auto gap = [&](const Box &b) { return empty ? 0.0 : b.spaceBefore; };
    const auto place = [&](int index, bool repeated) {
        const Box &b = *m_boxes[static_cast<std::size_t>(index)];
        y += gap(b);
        m_placed.push_back({b.kind, page, QRectF(0, y, m_width, b.height), repeated, b.text});
        m_placedBox.push_back(index);
        y += b.height;
        empty = false;
    };
    const int n = static_cast<int>(m_boxes.size());
    for (int i = 0; i < n;) {
        if (m_boxes[static_cast<std::size_t>(i)]->breakBefore && !empty)
            newPage();
        // The keep-with-next group starting here: moved to a new page whole when
        // it does not fit on this one (and would fit on an empty page).
        int last = i;
        qreal groupHeight = gap(*m_boxes[static_cast<std::size_t>(i)]) +
                            m_boxes[static_cast<std::size_t>(i)]->height;
        while (last + 1 < n && m_boxes[static_cast<std::size_t>(last)]->keepWithNext) {
            ++last;
            const Box &b = *m_boxes[static_cast<std::size_t>(last)];
            groupHeight += b.spaceBefore + b.height;
        }
        if (!empty && y + groupHeight > m_pageHeight)
            newPage();
        for (int k = i; k <= last; ++k) {
            const Box &b = *m_boxes[static_cast<std::size_t>(k)];
            if (!empty && y + gap(b) + b.height > m_pageHeight)
                newPage();
            // A table continued on a new page gets its header again.
            if (empty && b.kind == BoxKind::TableRow && b.headerIndex >= 0)
                place(b.headerIndex, true);
            place(k, false);
        }
        i = last + 1;
    }
    m_pages = m_boxes.empty() ? 0 : page + 1;
}

void Flow::paintPage(QPainter *painter, int page, const QPointF &origin) const {
    for (std::size_t i = 0; i < m_placed.size(); ++i) {
        const PlacedBox &p = m_placed[i];
        if (p.page != page)
            continue;
        const Box &b = *m_boxes[static_cast<std::size_t>(m_placedBox[i])];
        b.paint(painter, p.rect.translated(origin));
    }
}

} // namespace llm::ui::report
