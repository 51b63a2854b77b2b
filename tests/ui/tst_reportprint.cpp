// SPDX-License-Identifier: MIT
// The report printed in colour and in black and white (issue 15, charts that
// print): the black-and-white PDF has no colour at all, read back pixel by
// pixel from pdftoppm's rendering; its charts still tell every build, need and
// verdict apart (dash pattern, grey, hatching, marker shape, the build's
// letter on its line); and the option reaches the report from the window's
// File menu (saved), from --export-pdf --black-and-white and from
// llmadvisor-cli report --black-and-white.
#include "../support/windowdata.h"
#include "catalogue.h"
#include "charts/chartlegend.h"
#include "charts/chartspanel.h"
#include "charts/chartstyle.h"
#include "comparison/comparisondocument.h"
#include "comparison/comparisonstate.h"
#include "comparison/scenarioconvert.h"
#include "fakedialogs.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/windowoptions.h"
#include "measurements.h"
#include "report/reportpdf.h"
#include "results/sizecurvemodel.h"
#include "results/summarymodel.h"
#include "results/usecasemodel.h"
#include "scenario.h"

#include <QAction>
#include <QChart>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace llm;
using namespace llm::ui;

namespace {

const QString kSeed =
    QStringLiteral(LLMADVISOR_SOURCE_DIR "/resources/scenarios/seed-comparison.json");

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// What the rendered pages hold: pixels whose red, green and blue differ by
// more than `tolerance` (anti-aliased grey on white stays grey).
struct Colour {
    int pages = 0;
    qint64 pixels = 0;
    qint64 coloured = 0;
    QString first; // "page 3 at (120, 455): #d55e00"
};

Colour colourOf(const QString &pdf, int tolerance = 4) {
    Colour c;
    QTemporaryDir dir;
    QProcess p;
    p.start(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-png"), pdf,
             dir.filePath(QStringLiteral("p"))});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return c;
    QStringList files = QDir(dir.path()).entryList({QStringLiteral("p*.png")}, QDir::Files);
    files.sort();
    for (const QString &file : files) {
        const QImage image = QImage(dir.filePath(file)).convertToFormat(QImage::Format_RGB32);
        if (image.isNull())
            continue;
        ++c.pages;
        for (int y = 0; y < image.height(); ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                const int r = qRed(line[x]), g = qGreen(line[x]), b = qBlue(line[x]);
                ++c.pixels;
                if (std::max({std::abs(r - g), std::abs(g - b), std::abs(r - b)}) > tolerance) {
                    if (c.coloured++ == 0)
                        c.first = QStringLiteral("%1 at (%2, %3): %4")
                                      .arg(file)
                                      .arg(x)
                                      .arg(y)
                                      .arg(QColor(line[x]).name());
                }
            }
        }
    }
    return c;
}

bool isGrey(const QColor &c) {
    return c.red() == c.green() && c.green() == c.blue();
}

// How a legend swatch looks: two entries that print the same cannot be told apart.
QString looks(const ChartLegend::Entry &e) {
    QStringList dashes;
    if (e.pen.style() == Qt::CustomDashLine)
        for (qreal d : e.pen.dashPattern())
            dashes << QString::number(d);
    return QStringLiteral("%1/%2/%3/%4/%5/%6/%7")
        .arg(static_cast<int>(e.swatch))
        .arg(e.pen.color().name())
        .arg(static_cast<int>(e.pen.style()))
        .arg(dashes.join(u','))
        .arg(e.pen.widthF())
        .arg(e.brush.color().name())
        .arg(static_cast<int>(e.brush.style()));
}

} // namespace

class TestReportPrint final : public QObject {
    Q_OBJECT

private:
    Catalog m_catalog;
    QTemporaryDir m_dir;

    ComparisonState seed() {
        const db::ReferenceData data = llm::testsupport::windowData(m_catalog);
        const auto parsed =
            scenario::parseScenario(readFile(kSeed), m_catalog, data.rules, data.baseline);
        return parsed.ok() ? fromScenario(*parsed.scenario) : ComparisonState{};
    }

    QString writePdf(const QString &name, const ComparisonState &state, bool blackAndWhite) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        QString error;
        ReportOptions options;
        options.blackAndWhite = blackAndWhite;
        if (!writeReportPdf(state, llm::testsupport::windowData(m_catalog), &file, &error, nullptr,
                            {}, options)) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        return path;
    }

private slots:
    void initTestCase() {
        m_catalog = db::loadShippedCatalog();
        QVERIFY(!m_catalog.presets.empty());
        QVERIFY(m_dir.isValid());
        QVERIFY(seed().builds.size() == 9);
        if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty())
            QSKIP("pdftoppm (poppler-utils) is not installed");
    }

    // The colour report has colour (so the check below can see it), the
    // black-and-white one none, on any page: every pixel R = G = B within 4.
    void blackAndWhiteHasNoColour() {
        const ComparisonState state = seed();
        const Colour colour = colourOf(writePdf(QStringLiteral("colour.pdf"), state, false));
        QVERIFY(colour.pages >= 5);
        QVERIFY2(colour.coloured > 1000,
                 qPrintable(QStringLiteral("%1 coloured pixels").arg(colour.coloured)));

        const Colour grey = colourOf(writePdf(QStringLiteral("grey.pdf"), state, true));
        QCOMPARE(grey.pages, colour.pages);
        QVERIFY2(grey.coloured == 0, qPrintable(QStringLiteral("%1 coloured pixels, the first %2")
                                                    .arg(grey.coloured)
                                                    .arg(grey.first)));
    }

    // In black and white every chart still tells its series apart, by what the
    // legend's swatch shows (drawn with the very pen and brush of the series).
    void legendTellsBuildsApartInBlackAndWhite_data() {
        QTest::addColumn<bool>("monochrome");
        QTest::newRow("colour") << false;
        QTest::newRow("black and white") << true;
    }
    void legendTellsBuildsApartInBlackAndWhite() {
        QFETCH(bool, monochrome);
        const ComparisonState state = seed();
        ComparisonDocument document(m_catalog);
        document.setBaseline(db::shippedAssumptions());
        document.reset(state);
        SummaryModel summary(&document);
        UseCaseModel useCases(&document);
        SizeCurveModel sizes(&document);
        ChartStyle style{ChartMode::Print};
        style.monochrome = monochrome;

        for (int which = 0; which < ChartsPanel::ChartCount; ++which) {
            std::unique_ptr<QChart> chart(
                ChartsPanel::create(static_cast<ChartsPanel::Chart>(which), &document, &summary,
                                    &useCases, &sizes, style));
            style.finish(chart.get());
            const ChartLegend *legend = ChartLegend::of(chart.get());
            QVERIFY(legend);
            const QList<ChartLegend::Entry> entries = legend->entries();
            QVERIFY(entries.size() >= 3);
            QStringList seen;
            for (const ChartLegend::Entry &e : entries) {
                // No two entries print alike, and nothing but grey in black and white.
                const QString look = looks(e);
                QVERIFY2(!seen.contains(look),
                         qPrintable(QStringLiteral("chart %1: \"%2\" looks like "
                                                   "an entry before it (%3)")
                                        .arg(which)
                                        .arg(e.text, look)));
                seen << look;
                if (monochrome) {
                    QVERIFY2(isGrey(e.pen.color()) && isGrey(e.brush.color()),
                             qPrintable(e.text + QStringLiteral(": ") + look));
                }
            }
            if (which == ChartsPanel::Size) {
                // Nine lines, nine letters on them: A to I.
                QStringList letters;
                for (QGraphicsItem *item : chart->childItems())
                    if (auto *t = dynamic_cast<QGraphicsSimpleTextItem *>(item))
                        letters << t->text();
                letters.sort();
                QCOMPARE(letters.join(QString()), QStringLiteral("ABCDEFGHI"));
                // The nine builds' lines are the first nine entries, each its own line.
                for (int b = 0; b < 9; ++b)
                    QCOMPARE(entries[b].swatch, ChartLegend::Swatch::Line);
            }
            if (which == ChartsPanel::UseCases) {
                // not met, could miss, met, not computed: four shapes; "not met" is
                // never an empty white box, and "not computed" looks like no verdict.
                QStringList shapes;
                for (const ChartLegend::Entry &e : entries)
                    shapes << QString::number(static_cast<int>(e.swatch));
                shapes.removeDuplicates();
                QCOMPARE(shapes.size(), 4);
                QVERIFY(entries[0].text == QLatin1String("not met"));
                QVERIFY(entries[0].brush.color() != QColor(Qt::white));
                QVERIFY(entries[3].text == QLatin1String("not computed"));
                QCOMPARE(entries[3].swatch, ChartLegend::Swatch::Diamond);
            }
        }
    }

    // --black-and-white belongs to --export-pdf; alone it is refused with a hint.
    void commandLineOption() {
        QCommandLineParser a;
        const WindowOptionsResult alone = parseWindowOptions(
            a, {QStringLiteral("llmadvisor"), QStringLiteral("--black-and-white")});
        QCOMPARE(alone.action, WindowOptionsResult::Action::Refuse);
        QVERIFY2(alone.error.startsWith(QStringLiteral("--black-and-white: ")),
                 qPrintable(alone.error));
        QVERIFY2(alone.error.contains(QStringLiteral("File → Print in black and white")),
                 qPrintable(alone.error));
        QCommandLineParser b;
        const WindowOptionsResult withExport =
            parseWindowOptions(b, {QStringLiteral("llmadvisor"), QStringLiteral("--export-pdf"),
                                   QStringLiteral("out.pdf"), QStringLiteral("--black-and-white")});
        QCOMPARE(withExport.action, WindowOptionsResult::Action::Run);
        QVERIFY(withExport.options.blackAndWhite);
        QCommandLineParser c;
        const WindowOptionsResult colour =
            parseWindowOptions(c, {QStringLiteral("llmadvisor"), QStringLiteral("--export-pdf"),
                                   QStringLiteral("out.pdf")});
        QVERIFY(!colour.options.blackAndWhite);
    }

    // The window program and the CLI's report verb write the black-and-white
    // report when asked, and the colour one otherwise.
    void programsWriteBlackAndWhite_data() {
        QTest::addColumn<QString>("program");
        QTest::addColumn<bool>("blackAndWhite");
        QTest::newRow("llmadvisor --export-pdf") << QStringLiteral("gui") << false;
        QTest::newRow("llmadvisor --export-pdf --black-and-white") << QStringLiteral("gui") << true;
        QTest::newRow("llmadvisor-cli report") << QStringLiteral("cli") << false;
        QTest::newRow("llmadvisor-cli report --black-and-white") << QStringLiteral("cli") << true;
    }
    void programsWriteBlackAndWhite() {
        QFETCH(QString, program);
        QFETCH(bool, blackAndWhite);
        const QString pdf = m_dir.filePath(
            program + (blackAndWhite ? QStringLiteral("-bw.pdf") : QStringLiteral(".pdf")));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        QStringList args;
        if (program == QLatin1String("gui")) {
            args << kSeed << QStringLiteral("--export-pdf") << pdf;
            if (blackAndWhite)
                args << QStringLiteral("--black-and-white");
            p.start(QStringLiteral(LLMADVISOR_GUI_PATH), args);
        } else {
            args << QStringLiteral("report") << QStringLiteral("--scenario") << kSeed
                 << QStringLiteral("--pdf") << pdf << QStringLiteral("--builtin");
            if (blackAndWhite)
                args << QStringLiteral("--black-and-white");
            env.insert(QStringLiteral("LLMADVISOR_GUI"), QStringLiteral(LLMADVISOR_GUI_PATH));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(LLMADVISOR_CLI_PATH), args);
        }
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                 p.readAllStandardError().constData());
        const Colour c = colourOf(pdf);
        QVERIFY(c.pages >= 5);
        if (blackAndWhite)
            QVERIFY2(c.coloured == 0, qPrintable(c.first));
        else
            QVERIFY(c.coloured > 1000);
    }

    // File → Print in black and white: kept in the settings when the user
    // clicks it, used by Export PDF; set by a program it is not saved.
    void windowMenuOption() {
        QSettings().remove(QStringLiteral("report/blackAndWhite"));
        {
            MainWindow window(
                llm::testsupport::windowData(m_catalog, llm::testsupport::Baseline::Uncalibrated),
                std::make_unique<FakeDialogs>());
            auto *action = window.findChild<QAction *>(QStringLiteral("reportBlackAndWhite"));
            QVERIFY(action);
            QVERIFY(action->isCheckable());
            QVERIFY(!action->isChecked());
            QVERIFY(!window.reportOptions().blackAndWhite);
            action->trigger(); // as a click does
            QVERIFY(action->isChecked());
            QVERIFY(window.reportOptions().blackAndWhite);
            QCOMPARE(QSettings().value(QStringLiteral("report/blackAndWhite")).toBool(), true);
            const QString pdf = m_dir.filePath(QStringLiteral("window-bw.pdf"));
            QVERIFY(window.exportPdf(pdf));
            const Colour c = colourOf(pdf);
            QVERIFY(c.pages >= 4);
            QVERIFY2(c.coloured == 0, qPrintable(c.first));
        }
        {
            // The next start keeps the choice; an unattended export's own choice is not saved.
            MainWindow window(
                llm::testsupport::windowData(m_catalog, llm::testsupport::Baseline::Uncalibrated),
                std::make_unique<FakeDialogs>());
            QVERIFY(window.reportOptions().blackAndWhite);
            window.setReportInBlackAndWhite(false);
            QVERIFY(!window.reportOptions().blackAndWhite);
            QCOMPARE(QSettings().value(QStringLiteral("report/blackAndWhite")).toBool(), true);
        }
    }
};

QTEST_MAIN(TestReportPrint)
#include "tst_reportprint.moc"
