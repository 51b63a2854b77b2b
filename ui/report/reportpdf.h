// SPDX-License-Identifier: MIT
#pragma once
// The comparison report: A4, vector charts, light theme, readable in black and
// white. A plain function API so the CLI's `report` verb and the window share it.
// Needs a QApplication (charts are graphics widgets); offscreen is enough.

#include "catalog.h"
#include "comparison/comparisonstate.h"
#include "referencedata.h"
#include "report/reportflow.h"
#include "scenario.h"

#include <QString>

#include <functional>

QT_BEGIN_NAMESPACE
class QIODevice;
class QPagedPaintDevice;
QT_END_NAMESPACE

namespace llm::ui {

// How the report is printed. Colour by default: the charts use a colour-blind-
// safe palette and still carry dash patterns, hatching and marker shapes, so
// a black-and-white copy of the colour report works too. blackAndWhite prints
// greys only (nothing for a printer to turn into muddy greys of its own).
struct ReportOptions {
    bool blackAndWhite = false;
};

// Called as each page of the report is started (1, 2, ...), so a window can
// show progress; the report has about 5 pages plus 1 for every 2 builds.
using ReportProgress = std::function<void(int page)>;

// Writes the PDF to `device` (open it for writing first; for a file use
// writeReportPdfFile). Returns false with a one-line reason in *error.
// *pages (optional) gets the number of pages written.
bool writeReportPdf(const scenario::Scenario &scenario, const db::ReferenceData &data,
                    QIODevice *device, QString *error, int *pages = nullptr,
                    const ReportOptions &options = {});
bool writeReportPdf(const ComparisonState &state, const db::ReferenceData &data, QIODevice *device,
                    QString *error, int *pages = nullptr, const ReportProgress &progress = {},
                    const ReportOptions &options = {});

// Writes the PDF to the file `path` through db::writeFileSafely: the old file
// stays whole unless the new one is complete; folders, devices and pipes are
// refused. *error: a sentence naming the file and the cause.
bool writeReportPdfFile(const ComparisonState &state, const db::ReferenceData &data,
                        const QString &path, QString *error, int *pages = nullptr,
                        const ReportProgress &progress = {}, const ReportOptions &options = {});

// Where everything ended up: what tests check (no table header last on a
// page, how many pages come before the appendix, full names on page 1).
struct ReportLayout {
    int pages = 0;
    qreal bodyHeight = 0; // of a page's body, in the boxes' device pixels
    std::vector<report::PlacedBox> boxes;
    QString appendixHeading;
};

// Paints the report onto any paged device (QPdfWriter, QPrinter for print preview).
// Returns the number of pages, 0 on error (with *error set); *layout (optional)
// gets the placement of every box.
int paintReport(const ComparisonState &state, const db::ReferenceData &data,
                QPagedPaintDevice *device, QString *error, const ReportProgress &progress = {},
                ReportLayout *layout = nullptr, const ReportOptions &options = {});

// Lays the report out into a PDF in memory and returns its layout (tests).
ReportLayout layoutReport(const ComparisonState &state, const db::ReferenceData &data,
                          QString *error, const ReportOptions &options = {});

} // namespace llm::ui
