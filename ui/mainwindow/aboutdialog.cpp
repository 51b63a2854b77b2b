// SPDX-License-Identifier: MIT
// Help → About (see aboutdialog.h).
#include "aboutdialog.h"

#include "assumptions.h"
#include "buildinfo.h"
#include "catalog.h"
#include "comparison/format.h"

#include <QDate>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QUrl>
#include <QVBoxLayout>

namespace llm::ui {

QString AboutDialog::html(const Catalog &catalog, const Assumptions &baseline) {
    QString h = QStringLiteral("<h3>%1 %2</h3>")
                    .arg(tr("LLM Procurement Advisor"), programVersion().toHtmlEscaped());
    h += QStringLiteral("<p>%1</p>")
             .arg(tr("Estimates how fast large language models run on CPU, RAM and GPU builds, "
                     "and which use cases each build passes. Figures are estimates, not "
                     "measurements."));
    h += QStringLiteral("<p>%1</p>").arg(tr("Licence: MIT."));

    const QString asOf = QString::fromStdString(catalog.asOf);
    const QDate date = QDate::fromString(asOf, Qt::ISODate);
    h += QStringLiteral("<p>%1</p>")
             .arg(tr("Hardware catalogue as of %1.")
                      .arg(date.isValid()
                               ? QLocale().toString(date, QLocale::LongFormat)
                               : (asOf.isEmpty() ? tr("an unknown date") : asOf.toHtmlEscaped())));

    // The pooled generation band is fitted with the factors (efficiency.csv); the
    // built-in defaults have no measurements behind them, so nothing is claimed then.
    const int measured = baseline.defaultCpu.measurements + baseline.defaultGpu.measurements +
                         baseline.defaultUnified.measurements;
    if (measured > 0) {
        const Band &b = baseline.defaultBand;
        h += QStringLiteral("<p>%1</p>")
                 .arg(tr("Measured error: for generation speed, 80 % of published measurements "
                         "fall between %1 % and +%2 % of the estimate (checked on devices left "
                         "out of the fit).")
                          .arg(fmt::number((b.low - 1.0) * 100.0, 0),
                               fmt::number((b.high - 1.0) * 100.0, 0)));
    }

    const QUrl doc = estimatorDocUrl();
    if (doc.isValid())
        h += QStringLiteral("<p>%1 <a href=\"%2\">%3</a></p>")
                 .arg(tr("How the estimates are made:"), doc.toString(QUrl::FullyEncoded),
                      QStringLiteral("estimator.md"));
    return h;
}

AboutDialog::AboutDialog(const Catalog &catalog, const Assumptions &baseline, QWidget *parent)
    : QDialog(parent)
    , m_label(new QLabel(html(catalog, baseline), this)) {
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About LLM Procurement Advisor"));
    m_label->setObjectName(QStringLiteral("aboutText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_label->setOpenExternalLinks(false);
    connect(m_label, &QLabel::linkActivated, this,
            [](const QString &link) { QDesktopServices::openUrl(QUrl(link)); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

} // namespace llm::ui
