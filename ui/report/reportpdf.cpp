// SPDX-License-Identifier: MIT
#include "reportpdf.h"
#include "uitext.h"

#include "comparison/comparisondocument.h"
#include "comparison/scenarioconvert.h"
#include "comparison_limits.h"
#include "measurements.h"
#include "reportcontent.h"
#include "reportflow.h"
#include "results/sizecurvemodel.h"
#include "results/summarymodel.h"
#include "results/usecasemodel.h"
#include "safewrite.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

#include <memory>

namespace llm::ui {

namespace {

// Header and footer of every page: a loose page still says what it is, and
// "Page X of Y" says whether one is missing.
void paintFrame(QPainter *painter, const QPagedPaintDevice *device, const QRectF &body,
                const QString &header, int page, int pages) {
    const qreal dpi = device->logicalDpiY();
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(7.5);
    f.setStyleStrategy(QFont::PreferNoShaping); // no "ﬁ" ligatures in the PDF's text
    painter->save();
    painter->setFont(f);
    painter->setPen(Qt::black);
    const qreal line = dpi * 0.16;
    painter->drawText(QRectF(body.left(), body.top() - line * 1.6, body.width(), line),
                      Qt::AlignLeft | Qt::AlignVCenter, header);
    const QRectF foot(body.left(), body.bottom() + line * 0.6, body.width(), line);
    painter->drawText(foot, Qt::AlignRight | Qt::AlignVCenter,
                      UiText::tr("Page %1 of %2").arg(page).arg(pages));
    painter->drawText(foot, Qt::AlignLeft | Qt::AlignVCenter,
                      UiText::tr("Estimates, not measurements."));
    painter->setPen(QPen(Qt::gray, dpi / 150.0));
    painter->drawLine(QPointF(body.left(), body.top() - line * 0.4),
                      QPointF(body.right(), body.top() - line * 0.4));
    painter->restore();
}

} // namespace

int paintReport(const ComparisonState &state, const db::ReferenceData &data,
                QPagedPaintDevice *device, QString *error, const ReportProgress &progress,
                ReportLayout *layout, const ReportOptions &options) {
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        if (error)
            *error = UiText::tr(
                "The report needs a QApplication (charts are widgets); none is running.");
        return 0;
    }
    if (state.builds.empty()) {
        if (error)
            *error = UiText::tr("The comparison has no builds: nothing to report.");
        return 0;
    }
    // The window refuses such a comparison when it is opened; this catches a
    // caller that built one in memory (a 1,000-build report took 26 s, 582 pages).
    if (const auto limit = scenario::checkComparisonLimits(toScenario(state, data.catalog.asOf))) {
        if (error)
            *error =
                UiText::tr("The comparison is too large for a report: %1").arg(limit->toLine());
        return 0;
    }
    // The report's own document and models: same adapters as the window.
    // As in the window: the calibrated baseline (override marks), the platform
    // rules (fixes) and the published measurements shown beside the estimates.
    ComparisonDocument document(data);
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
            *error = UiText::tr("Could not start painting the report (is the output writable?).");
        return 0;
    }
    const QRect paint = device->pageLayout().paintRectPixels(device->logicalDpiX());
    // Header and footer lines sit inside the margins' paint rectangle, outside the body.
    const qreal band = device->logicalDpiY() * 0.3;
    const QRectF body(0, band, paint.width(), paint.height() - 2 * band);
    const ReportMeta meta =
        reportMeta(document.state(), data.catalog.asOf, QDateTime::currentDateTime());
    const QString header = meta.title + QStringLiteral(" · ") +
                           QLocale().toString(meta.date.date(), QLocale::ShortFormat);

    // Laid out whole first, so every page can say how many there are.
    report::Flow flow(device, body.width(), body.height());
    composeReport(flow, document, summary, useCases, sizes, meta, options.blackAndWhite);
    flow.layout();
    const int pages = flow.pageCount();
    for (int p = 0; p < pages; ++p) {
        if (p > 0)
            device->newPage();
        if (progress)
            progress(p + 1);
        paintFrame(&painter, device, body, header, p + 1, pages);
        flow.paintPage(&painter, p, body.topLeft());
    }
    painter.end();
    if (layout) {
        layout->pages = pages;
        layout->bodyHeight = body.height();
        layout->boxes = flow.placed();
        layout->appendixHeading = appendixHeading();
    }
    return pages;
}

bool writeReportPdf(const ComparisonState &state, const db::ReferenceData &data, QIODevice *device,
                    QString *error, int *pages, const ReportProgress &progress,
                    const ReportOptions &options) {
    if (!device || !device->isWritable()) {
        if (error)
            *error = UiText::tr("The output is not open for writing.");
        return false;
    }
    QPdfWriter writer(device);
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("LLM Procurement Advisor " LLMADVISOR_VERSION));
    writer.setTitle(UiText::tr("LLM hardware comparison"));
    const int n = paintReport(state, data, &writer, error, progress, nullptr, options);
    if (pages)
        *pages = n;
    return n > 0;
}

bool writeReportPdfFile(const ComparisonState &state, const db::ReferenceData &data,
                        const QString &path, QString *error, int *pages,
                        const ReportProgress &progress, const ReportOptions &options) {
    // Painted in memory first: QPdfWriter does not report failed writes to its
    // device, and a report is at most a few megabytes.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString why;
    if (!writeReportPdf(state, data, &buffer, &why, pages, progress, options)) {
        if (error)
            *error =
                UiText::tr("Could not write “%1”: %2").arg(QDir::toNativeSeparators(path), why);
        return false;
    }
    buffer.close();
    return db::writeFileSafely(path, buffer.data(), error);
}

bool writeReportPdf(const scenario::Scenario &scenario, const db::ReferenceData &data,
                    QIODevice *device, QString *error, int *pages, const ReportOptions &options) {
    return writeReportPdf(fromScenario(scenario), data, device, error, pages, {}, options);
}

ReportLayout layoutReport(const ComparisonState &state, const db::ReferenceData &data,
                          QString *error, const ReportOptions &options) {
    ReportLayout layout;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(300);
    paintReport(state, data, &writer, error, {}, &layout, options);
    return layout;
}

} // namespace llm::ui
