// SPDX-License-Identifier: MIT
// The results table and the verdict grid on the stakeholder review's scenarios
// (tests/data/decision): a build the model does not fit shows "does not fit —
// needs N GB, has M GB" in place of speeds, running costs and verdicts (as the
// CLI does), and a quote is shown exactly, with its source, instead of the estimate.
#include "catalogue.h"
#include "comparison/comparisondocument.h"
#include "comparison/scenarioconvert.h"
#include "decision.h"
#include "measurements.h"
#include "results/roles.h"
#include "results/summarymodel.h"
#include "results/usecasemodel.h"
#include "scenario.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTest>

using namespace llm;
using namespace llm::ui;
using namespace Qt::StringLiterals;

class TstDecisionView final : public QObject {
    Q_OBJECT

    Catalog m_catalog;
    Assumptions m_baseline;

    std::unique_ptr<ComparisonDocument> open(const QString &name) const {
        QFile f(QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/decision/") + name);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(f.fileName()));
        const scenario::ParseResult parsed = scenario::parseScenario(
            f.readAll(), m_catalog, db::loadShippedPlatformRules(), m_baseline);
        if (!parsed.ok())
            qFatal("%s", qPrintable(parsed.error.toLine()));
        auto doc = std::make_unique<ComparisonDocument>(m_catalog);
        doc->setBaseline(m_baseline);
        doc->reset(fromScenario(*parsed.scenario));
        return doc;
    }

private slots:
    void initTestCase() {
        m_catalog = db::loadShippedCatalog();
        QString error;
        m_baseline = db::shippedAssumptions(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void doesNotFitInPlaceOfFigures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("notFitting"); // builds the model does not fit
        QTest::newRow("nofit: 405B in none") << u"nofit.json"_s << 3;
        QTest::newRow("firm70b: fits all") << u"firm70b.json"_s << 0;
    }

    void doesNotFitInPlaceOfFigures() {
        QFETCH(QString, file);
        QFETCH(int, notFitting);
        auto doc = open(file);
        SummaryModel summary(doc.get());
        UseCaseModel useCases(doc.get());
        QAbstractItemModelTester t1(&summary,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&useCases,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        int seen = 0;
        for (int r = 0; r < summary.rowCount(); ++r) {
            const Estimate &e = doc->results()[static_cast<std::size_t>(r)].estimate;
            QVERIFY(doc->results()[static_cast<std::size_t>(r)].computed);
            const QString needs =
                u"needs "_s + QString::number(std::lround(units::inGigabytes(e.memory.total)));
            for (int column :
                 {int(SummaryModel::PromptRate), int(SummaryModel::GenerationRate),
                  int(SummaryModel::EurPerTokenRate), int(SummaryModel::CostPerMillion),
                  int(SummaryModel::UseCasesPassed)}) {
                const QString text = summary.index(r, column).data(FormattedRole).toString();
                QCOMPARE(text.startsWith(u"does not fit — needs "_s), !e.fits);
                if (!e.fits)
                    QVERIFY2(text.contains(needs), qPrintable(text + u" / "_s + needs));
            }
            for (int c = 0; c < useCases.columnCount(); ++c) {
                const QString cell = useCases.index(r, c).data().toString();
                QCOMPARE(cell.startsWith(u"does not fit — needs "_s), !e.fits);
            }
            seen += e.fits ? 0 : 1;
        }
        QCOMPARE(seen, notFitting);
    }

    void quotesShownExactly() {
        auto doc = open(u"quotes.json"_s);
        SummaryModel summary(doc.get());
        const QString mini = summary.index(0, SummaryModel::Price).data(FormattedRole).toString();
        QVERIFY2(mini.contains(u"(quote: Supplier X quote 2026-12-01, incl. VAT)"_s),
                 qPrintable(mini));
        QVERIFY2(mini.contains(QLocale().toString(2099)), qPrintable(mini));
        // The workstation has no quote: its estimate, rounded as the CLI rounds it.
        const auto &results = doc->results();
        QVERIFY(results[2].cost.priceEur.has_value());
        const QString work = summary.index(2, SummaryModel::Price).data(FormattedRole).toString();
        QVERIFY2(work.startsWith(u"≈ "_s), qPrintable(work));
        QVERIFY2(
            work.contains(QLocale().toString(roundEstimateEur(*results[2].cost.priceEur), 'f', 0)),
            qPrintable(work));
    }
};

QTEST_MAIN(TstDecisionView)
#include "tst_decisionview.moc"
