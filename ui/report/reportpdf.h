// SPDX-License-Identifier: MIT
#pragma once
// The comparison report: A4, vector charts, light theme, readable in black and
// white. A plain function API so the CLI's `report` verb and the window share it.
// Needs a QApplication (charts are graphics widgets); offscreen is enough.

#include "catalog.h"
#include "comparison/comparisonstate.h"
#include "report/reportflow.h"
#include "scenario.h"

#include <QString>

QT_BEGIN_NAMESPACE
class QIODevice;
class QPagedPaintDevice;
QT_END_NAMESPACE

namespace llm::ui {

// Writes the PDF to `device` (open it for writing first; pass a QSaveFile and
// commit it afterwards for an atomic file). Returns false with a one-line
// reason in *error. *pages (optional) gets the number of pages written.
bool writeReportPdf(const scenario::Scenario &scenario, const Catalog &catalog, QIODevice *device,
                    QString *error, int *pages = nullptr);
bool writeReportPdf(const ComparisonState &state, const Catalog &catalog, QIODevice *device,
                    QString *error, int *pages = nullptr);

// Where everything ended up: what tests check (no table header last on a
// page, how many pages come before the appendix, full names on page 1).
struct ReportLayout {
    int pages = 0;
    std::vector<report::PlacedBox> boxes;
    QString appendixHeading;
};

// Paints the report onto any paged device (QPdfWriter, QPrinter for print preview).
// Returns the number of pages, 0 on error (with *error set); *layout (optional)
// gets the placement of every box.
int paintReport(const ComparisonState &state, const Catalog &catalog, QPagedPaintDevice *device,
                QString *error, ReportLayout *layout = nullptr);

// Lays the report out into a PDF in memory and returns its layout (tests).
ReportLayout layoutReport(const ComparisonState &state, const Catalog &catalog, QString *error);

} // namespace llm::ui
