// SPDX-License-Identifier: MIT
// The report's page 1 gives the answer first (issue 13), and it is core's
// answer: the sentence (with each cheapest fix in words and its new total),
// the badges, every build with its price and where the price comes from, the
// needs by name, and "does not fit" for a build the model does not fit in.
// Read back from the PDF with pdftotext and compared with decide().
#include "../support/windowdata.h"
#include "advisor/whatifwords.h"
#include "catalogue.h"
#include "comparison/comparisondocument.h"
#include "comparison/scenarioconvert.h"
#include "decision.h"
#include "decisiontext.h"
#include "measurements.h"
#include "report/reportpdf.h"
#include "scenario.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace llm;
using namespace llm::ui;
using namespace Qt::StringLiterals;

namespace {

// Page 1 as text with every blank and line-end hyphen taken out: words wrapped
// inside a table cell or a paragraph still match.
QString squeezed(QString s) {
    return s.remove(QRegularExpression(u"\\s+"_s)).remove(u'-');
}

QString page1(const QString &pdf) {
    QProcess p;
    p.start(u"pdftotext"_s, {u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestReportAnswer final : public QObject {
    Q_OBJECT

    Catalog m_catalog;
    Assumptions m_baseline;
    PlatformRules m_rules;
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        QString error;
        m_catalog = db::loadShippedCatalog(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_baseline = db::shippedAssumptions(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_rules = db::loadShippedPlatformRules(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    void pageOneIsCoresAnswer_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("notFitting");
        QTest::addColumn<bool>("fix");
        // A mini PC, a one-GPU desktop and a workstation for a 70B model at 4 bits.
        QTest::newRow("firm70b") << u"firm70b.json"_s << 0 << true;
        QTest::newRow("quotes") << u"quotes.json"_s << 0 << true;
        QTest::newRow("nofit") << u"nofit.json"_s << 3 << false;
        QTest::newRow("nofit, one build") << u"nofit-one-build.json"_s << 1 << false;
    }

    void pageOneIsCoresAnswer() {
        QFETCH(QString, file);
        QFETCH(int, notFitting);
        QFETCH(bool, fix);
        QFile in(QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/decision/") + file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const auto parsed = scenario::parseScenario(in.readAll(), m_catalog, m_rules, m_baseline);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error.toLine()));
        ComparisonDocument doc(llm::testsupport::windowData(m_catalog, m_baseline));
        doc.reset(fromScenario(*parsed.scenario));
        const ComparisonState &state = doc.state();

        const QString pdf = m_dir.filePath(file + u".pdf"_s);
        QFile out(pdf);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QString error;
        QVERIFY2(writeReportPdf(state, doc.referenceData(), &out, &error), qPrintable(error));
        out.close();
        const QString text = page1(pdf);
        QVERIFY2(!text.isEmpty(), "pdftotext read nothing");
        const QString page = squeezed(text);
        const auto onPage = [&](const QString &what) { return page.contains(squeezed(what)); };

        std::vector<Estimate> estimates;
        for (const BuildResult &r : doc.results())
            estimates.push_back(r.estimate);
        DecisionInput input;
        input.builds = &state.builds;
        input.estimates = &estimates;
        input.model = state.model;
        input.workload.useCases = state.useCases;
        input.workload.reservedContext = state.reservedContext;
        input.assumptions = state.assumptions;
        input.catalog = &m_catalog;
        input.rules = &m_rules;
        const DecisionSummary core = decide(input);

        // The sentence, word for word, fixes in plain words with their new totals.
        const QString sentence = scenario::decisionSentence(
            core, QLocale(), WhatIfWords::fixWording(state.builds, state.model));
        QVERIFY2(onPage(sentence), qPrintable(sentence + u"\n---\n"_s + text));
        int fixes = 0;
        for (std::size_t i = 0; i < core.builds.size(); ++i) {
            const BuildDecision &d = core.builds[i];
            QVERIFY2(onPage(QString::fromStdString(d.name)), d.name.c_str());
            if (d.cheapestFix) {
                ++fixes;
                QVERIFY(onPage(
                    scenario::priceText(d.cheapestFix->newTotalEur, d.cheapestFix->newTotalSource)
                        .replace(u" (quote)"_s, u""_s)));
                QVERIFY(!text.contains(u"->"_s));
            }
            // The price and where it comes from.
            if (d.priceSource == PriceSource::Quote) {
                QVERIFY2(onPage(u"quote"_s), qPrintable(text));
                if (!d.priceNote.empty())
                    QVERIFY2(onPage(QString::fromStdString(d.priceNote)), d.priceNote.c_str());
            } else if (d.priceSource == PriceSource::Estimate) {
                QVERIFY(onPage(u"estimate from list prices"_s));
                QVERIFY(onPage(QLocale().toString(roundEstimateEur(*d.priceEur), 'f', 0)));
            }
        }
        QCOMPARE(fixes > 0, fix);
        for (const QString &badge : scenario::badgeLines(core))
            QVERIFY2(onPage(badge), qPrintable(badge));
        for (const QString &option : scenario::optionLines(core, QLocale()))
            QVERIFY2(onPage(option), qPrintable(option));
        // The needs by what they are for.
        for (const UseCase &u : state.useCases)
            QVERIFY2(onPage(scenario::needTitle(u)), qPrintable(scenario::needTitle(u)));
        // "does not fit" in the needs-met cell and in place of the verdicts of each build
        // the model does not fit in. The cells wrap, and pdftotext reads wrapped cells
        // side by side, so "does not" is what is counted.
        const int said = static_cast<int>(page.count(u"doesnot"_s));
        QVERIFY2(said >= notFitting * 2, qPrintable(text));
        if (notFitting == 0)
            QCOMPARE(static_cast<int>(page.count(u"doesnotfit"_s)), 0);
    }
};

QTEST_MAIN(TestReportAnswer)
#include "tst_reportanswer.moc"
