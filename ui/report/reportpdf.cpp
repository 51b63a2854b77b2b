// SPDX-License-Identifier: MIT
#include "reportpdf.h"

#include "advisor/advisorreport.h"
#include "charts/chartspanel.h"
#include "comparison/comparisondocument.h"
#include "comparison/scenarioconvert.h"
#include "comparison_limits.h"
#include "measurements.h"
#include "reporthtml.h"
#include "results/sizecurvemodel.h"
#include "results/summarymodel.h"
#include "results/usecasemodel.h"
#include "safewrite.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QBuffer>
#include <QChart>
#include <QDir>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <memory>

namespace llm::ui {

namespace {

QString tr(const char *s) {
    return QCoreApplication::translate("llm::ui", s);
}

struct Page {
    QPagedPaintDevice *device;
    QPainter *painter;
    QRectF body; // device pixels, inside the margins and the header/footer
    int number = 0;
    QString header;
    bool first = true;
    ReportProgress progress;

    void begin() {
        if (!first)
            device->newPage();
        first = false;
        ++number;
        if (progress)
            progress(number);
        // A header on every page: a loose page still says what it is.
        const qreal dpi = device->logicalDpiY();
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(7.5);
        painter->setFont(f);
        painter->setPen(Qt::black);
        const qreal line = dpi * 0.16;
        painter->drawText(QRectF(body.left(), body.top() - line * 1.6, body.width(), line),
                          Qt::AlignLeft | Qt::AlignVCenter, header);
        painter->drawText(QRectF(body.left(), body.bottom() + line * 0.6, body.width(), line),
                          Qt::AlignRight | Qt::AlignVCenter,
                          QCoreApplication::translate("llm::ui", "Page %1").arg(number));
        painter->drawText(QRectF(body.left(), body.bottom() + line * 0.6, body.width(), line),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          QCoreApplication::translate("llm::ui", "Estimates, not measurements."));
        painter->setPen(QPen(Qt::gray, dpi / 150.0));
        painter->drawLine(QPointF(body.left(), body.top() - line * 0.4),
                          QPointF(body.right(), body.top() - line * 0.4));
    }
};

void paintDocument(Page &page, const QString &html) {
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(page.device);
    doc.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    doc.setPageSize(page.body.size());
    doc.setHtml(html);
    const qreal h = page.body.height();
    for (int p = 0; p < doc.pageCount(); ++p) {
        page.begin();
        page.painter->save();
        page.painter->translate(page.body.left(), page.body.top() - p * h);
        // Black text whatever the window's palette: drawContents() would take the
        // application's (light grey text in the dark theme).
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette.setColor(QPalette::Text, Qt::black);
        context.palette.setColor(QPalette::WindowText, Qt::black);
        context.clip = QRectF(0, p * h, page.body.width(), h);
        page.painter->setClipRect(context.clip);
        doc.documentLayout()->draw(page.painter, context);
        page.painter->restore();
    }
}

// Paints a chart as vectors: it lives in a scene of its own, laid out at a
// screen-like size and scaled into the target rectangle.
void paintChart(QPainter *painter, QChart *chart, const QRectF &target) {
    QGraphicsScene scene;
    scene.addItem(chart); // the scene owns the chart from here on
    const QSizeF logical(760, 430);
    chart->resize(logical);
    if (chart->layout())
        chart->layout()->activate();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    scene.setSceneRect(QRectF(QPointF(0, 0), logical));
    scene.render(painter, target, scene.sceneRect(), Qt::KeepAspectRatio);
}

} // namespace

int paintReport(const ComparisonState &state, const Catalog &catalog, QPagedPaintDevice *device,
                QString *error, const ReportProgress &progress) {
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        if (error)
            *error = tr("The report needs a QApplication (charts are widgets); none is running.");
        return 0;
    }
    if (state.builds.empty()) {
        if (error)
            *error = tr("The comparison has no builds: nothing to report.");
        return 0;
    }
    // The window refuses such a comparison when it is opened; this catches a
    // caller that built one in memory (a 1,000-build report took 26 s, 582 pages).
    if (const auto limit = scenario::checkComparisonLimits(toScenario(state, catalog.asOf))) {
        if (error)
            *error = tr("The comparison is too large for a report: %1").arg(limit->toLine());
        return 0;
    }
    // The report's own document and models: same adapters as the window.
    ComparisonDocument document(catalog);
    // As in the window: calibrated baseline (override marks) and the published
    // measurements shown beside the estimates.
    document.setBaseline(db::shippedAssumptions());
    document.setMeasurements(db::loadShippedMeasurements(catalog).rows);
    document.reset(state);
    SummaryModel summary(&document);
    UseCaseModel useCases(&document);
    SizeCurveModel sizes(&document);

    device->setPageSize(QPageSize(QPageSize::A4));
    device->setPageOrientation(QPageLayout::Portrait);
    device->setPageMargins(QMarginsF(15, 18, 15, 18), QPageLayout::Millimeter);
    QPainter painter;
    if (!painter.begin(device)) {
        if (error)
            *error = tr("Could not start painting the report (is the output writable?).");
        return 0;
    }
    const QRect paint = device->pageLayout().paintRectPixels(device->logicalDpiX());
    // Header and footer lines sit inside the margins' paint rectangle, outside the body.
    const qreal band = device->logicalDpiY() * 0.3;
    Page page{device,  &painter,  QRectF(0, band, paint.width(), paint.height() - 2 * band),
              0,       QString(), true,
              progress};
    ReportMeta meta;
    meta.title = tr("LLM hardware comparison: %1 at %2")
                     .arg(QString::fromStdString(state.model.model.name),
                          QString::fromStdString(state.model.quant.name));
    meta.date = QDateTime::currentDateTime();
    meta.catalogAsOf = QString::fromStdString(catalog.asOf);
    meta.programVersion = QStringLiteral(LLMADVISOR_VERSION);
    page.header = meta.title + QStringLiteral(" · ") +
                  QLocale().toString(meta.date.date(), QLocale::ShortFormat);

    paintDocument(page,
                  reportFrontHtml(document.state(), document.results(), &summary, &useCases, meta));

    const ChartStyle print{ChartMode::Print};
    const qreal gap = page.body.height() * 0.03;
    const qreal half = (page.body.height() - gap) / 2;
    for (int pair = 0; pair < 2; ++pair) {
        page.begin();
        for (int k = 0; k < 2; ++k) {
            const auto which = static_cast<ChartsPanel::Chart>(pair * 2 + k);
            QChart *chart =
                ChartsPanel::create(which, &document, &summary, &useCases, &sizes, print);
            const QRectF target(page.body.left(), page.body.top() + k * (half + gap),
                                page.body.width(), half);
            paintChart(&painter, chart, target);
        }
    }
    paintDocument(page, reportBackHtml(document.state(), document.results()) +
                            whatIfReportHtml(document.state(), document.results(), catalog));
    painter.end();
    return page.number;
}

bool writeReportPdf(const ComparisonState &state, const Catalog &catalog, QIODevice *device,
                    QString *error, int *pages, const ReportProgress &progress) {
    if (!device || !device->isWritable()) {
        if (error)
            *error = tr("The output is not open for writing.");
        return false;
    }
    QPdfWriter writer(device);
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("LLM Procurement Advisor " LLMADVISOR_VERSION));
    writer.setTitle(tr("LLM hardware comparison"));
    const int n = paintReport(state, catalog, &writer, error, progress);
    if (pages)
        *pages = n;
    return n > 0;
}

bool writeReportPdfFile(const ComparisonState &state, const Catalog &catalog, const QString &path,
                        QString *error, int *pages, const ReportProgress &progress) {
    // Painted in memory first: QPdfWriter does not report failed writes to its
    // device, and a report is at most a few megabytes.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString why;
    if (!writeReportPdf(state, catalog, &buffer, &why, pages, progress)) {
        if (error)
            *error = tr("Could not write “%1”: %2").arg(QDir::toNativeSeparators(path), why);
        return false;
    }
    buffer.close();
    return db::writeFileSafely(path, buffer.data(), error);
}

bool writeReportPdf(const scenario::Scenario &scenario, const Catalog &catalog, QIODevice *device,
                    QString *error, int *pages) {
    return writeReportPdf(fromScenario(scenario), catalog, device, error, pages);
}

} // namespace llm::ui
