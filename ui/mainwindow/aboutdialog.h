// SPDX-License-Identifier: MIT
#pragma once
// Help → About: version (CMake and git), licence, the catalogue's as-of date,
// the estimator's measured error, and a link to docs/estimator.md.

#include <QDialog>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace llm {
struct Assumptions;
struct Catalog;
} // namespace llm

namespace llm::ui {

class AboutDialog final : public QDialog {
    Q_OBJECT
public:
    // `baseline`: the shipped calibrated assumptions (their error band is shown
    // when they come from a fit; with uncalibrated defaults the line is left out).
    AboutDialog(const Catalog &catalog, const Assumptions &baseline, QWidget *parent = nullptr);
    QLabel *label() const { return m_label; }

    static QString html(const Catalog &catalog, const Assumptions &baseline);

private:
    QLabel *m_label;
};

} // namespace llm::ui
