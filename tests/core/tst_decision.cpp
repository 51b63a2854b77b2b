// SPDX-License-Identifier: MIT
// The decision summary (core/decision.h) on the hand-made catalogue of the
// advisor tests: per build fit, needs met and price with its source; badges;
// the cheapest fix of a failing build; the options when nothing passes.
//
// Prices by hand (Assumptions' defaults: 0.86 EUR/USD, RAM 10 USD/GB, desktop
// platform 400 USD), every build on "Desk A" (200 USD) with 64 GB of DDR5-5600:
//   CPU only          (200 + 640 + 400) x 0.86 = 1,066.4 -> shown 1,100
//   + Small 16 (400)  (1,640) x 0.86          = 1,410.4 -> shown 1,400
//   + 2x Small 16     (2,040) x 0.86          = 1,754.4 -> shown 1,800
//   + Big 32 (2,000)  (3,240) x 0.86          = 2,786.4 -> shown 2,800
//   + NoPrice 24      no price

#include "../advisor/tinycatalog.h"
#include "decision.h"
#include "estimate.h"

#include <QStringList>
#include <QTest>

using namespace llm;
using namespace llm::units;
using namespace Qt::StringLiterals;

namespace {

Catalog catalogue() {
    Catalog c = tiny::catalog();
    c.quants = {{"Q4", 4.5}, {"Q8", 8.0}, {"F16", 16.0}, {"Q4_K (block)", 4.5}};
    return c;
}

// A dense model of the "Toy" family, `gb` GB at 8 bits per weight.
ModelChoice denseModel(double gb) {
    ModelChoice m = tiny::dense10GB();
    m.model.name = "Toy-" + std::to_string(int(gb)) + "B";
    m.model.family = "Toy";
    m.model.paramsTotal = gb * 1e9;
    m.model.paramsActive = gb * 1e9;
    return m;
}

// "A" = Desk A alone; "A+S", "A+2S", "A+B", "A+N" = with Small 16, two of them,
// Big 32, NoPrice 24. A suffix "=1234.5" is a quote in EUR.
Build build(const Catalog &c, const QString &spec) {
    const QStringList parts = spec.split(u'=');
    const QString hw = parts.front();
    Build b;
    b.name = hw.toStdString();
    b.cpu = c.cpus[0];
    b.memory = {2, megatransfersPerSecond(5600), gigabytes(64)};
    if (hw == u"A+S")
        b.gpus = {GpuGroup{c.gpus[0], 1}};
    else if (hw == u"A+2S")
        b.gpus = {GpuGroup{c.gpus[0], 2}};
    else if (hw == u"A+B")
        b.gpus = {GpuGroup{c.gpus[1], 1}};
    else if (hw == u"A+N")
        b.gpus = {GpuGroup{c.gpus[2], 1}};
    if (parts.size() > 1) {
        b.quotedPriceEur = parts[1].toDouble();
        b.quoteSource = "Supplier X, 2026-12-01";
    }
    return b;
}

QString badgesOf(const BuildDecision &d) {
    QStringList out;
    for (const Badge b : d.badges)
        out << QString::fromLatin1(toString(b));
    return out.join(u'+');
}

} // namespace

class TstDecision final : public QObject {
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void rounding_data();
    void rounding();
    void withoutCatalogueNoFixesNoOptions();
};

void TstDecision::summary_data() {
    QTest::addColumn<QStringList>("builds");
    QTest::addColumn<double>("modelGb");
    // Per build: "needs met/total, could miss" as "1/1~0", or "nofit".
    QTest::addColumn<QStringList>("needs");
    QTest::addColumn<QStringList>("prices"); // shown price and source: "1400 estimate"
    QTest::addColumn<QStringList>("badges");
    QTest::addColumn<QStringList>("fixes"); // "change cost new-total" or ""
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("fitsNowhere");

    // 10 GB fit in either GPU; both meet the need. Big 32 is faster per euro
    // (1,800 GB/s for 2,800 EUR against 500 GB/s for 1,400 EUR) and has more headroom.
    QTest::newRow("all pass") << QStringList{u"A+S"_s, u"A+B"_s} << 10.0
                              << QStringList{u"1/1~0"_s, u"1/1~0"_s}
                              << QStringList{u"1400 estimate"_s, u"2800 estimate"_s}
                              << QStringList{u"cheapest-meeting-every-need"_s,
                                             u"best-value+most-headroom"_s}
                              << QStringList{QString(), QString()} << QStringList{} << false;
    // 20 GB: one Small 16 must spill to RAM and is too slow; two hold it. The
    // cheapest fix of the one-GPU build is a second Small 16 (400 USD = 344 EUR).
    QTest::newRow("some pass") << QStringList{u"A+S"_s, u"A+2S"_s} << 20.0
                               << QStringList{u"0/1~0"_s, u"1/1~0"_s}
                               << QStringList{u"1400 estimate"_s, u"1800 estimate"_s}
                               << QStringList{QString(), u"cheapest-meeting-every-need"_s}
                               << QStringList{u"one-more-gpu 340 1800"_s, QString()}
                               << QStringList{} << false;
    // Nothing passes: Q4 (11.25 GB) fits the Small 16; the 10 GB model of the same
    // family does too; the recommender finds a catalogue build.
    QTest::newRow("none pass, options")
        << QStringList{u"A"_s, u"A+S"_s} << 20.0 << QStringList{u"0/1~0"_s, u"0/1~0"_s}
        << QStringList{u"1100 estimate"_s, u"1400 estimate"_s} << QStringList{QString(), QString()}
        << QStringList{QString(), u"one-more-gpu 340 1800"_s}
        << QStringList{u"smaller-quantization Q4 A+S 1400"_s, u"smaller-model Toy-10B A+S 1400"_s,
                       u"catalogue-build"_s}
        << false;
    // 200 GB fit no build (64 GB RAM, 16 GB VRAM): every need fails, no fix by
    // one change; options still offered.
    QTest::newRow("fits nowhere") << QStringList{u"A"_s, u"A+S"_s} << 200.0
                                  << QStringList{u"nofit"_s, u"nofit"_s}
                                  << QStringList{u"1100 estimate"_s, u"1400 estimate"_s}
                                  << QStringList{QString(), QString()}
                                  << QStringList{QString(), QString()}
                                  << QStringList{u"smaller-model Toy-10B A+S 1400"_s} << true;
    // NoPrice 24 passes but cannot be ranked by price: the badge goes to the priced one.
    QTest::newRow("build without a price")
        << QStringList{u"A+N"_s, u"A+B"_s} << 10.0 << QStringList{u"1/1~0"_s, u"1/1~0"_s}
        << QStringList{u"- unknown"_s, u"2800 estimate"_s}
        << QStringList{QString(), u"cheapest-meeting-every-need+most-headroom"_s}
        << QStringList{QString(), QString()} << QStringList{} << false;
    // A quote of 1,234.5 EUR for the Big 32 build: shown exactly, and now the cheapest.
    QTest::newRow("quote overrides estimate")
        << QStringList{u"A+S"_s, u"A+B=1234.5"_s} << 10.0 << QStringList{u"1/1~0"_s, u"1/1~0"_s}
        << QStringList{u"1400 estimate"_s, u"1234.5 quote"_s}
        << QStringList{QString(), u"cheapest-meeting-every-need+best-value+most-headroom"_s}
        << QStringList{QString(), QString()} << QStringList{} << false;
    // A quote plus an estimated change: the new total is the quote + the change.
    QTest::newRow("quote with a fix")
        << QStringList{u"A+S=1000"_s, u"A+2S"_s} << 20.0 << QStringList{u"0/1~0"_s, u"1/1~0"_s}
        << QStringList{u"1000 quote"_s, u"1800 estimate"_s}
        << QStringList{QString(), u"cheapest-meeting-every-need"_s}
        << QStringList{u"one-more-gpu 340 1340"_s, QString()} << QStringList{} << false;
}

void TstDecision::summary() {
    QFETCH(QStringList, builds);
    QFETCH(double, modelGb);
    QFETCH(QStringList, needs);
    QFETCH(QStringList, prices);
    QFETCH(QStringList, badges);
    QFETCH(QStringList, fixes);
    QFETCH(QStringList, options);
    QFETCH(bool, fitsNowhere);

    Catalog c = catalogue();
    c.models = {denseModel(10).model, denseModel(20).model, denseModel(200).model};
    const PlatformRules rules = tiny::rules();
    std::vector<Build> bs;
    for (const QString &spec : builds)
        bs.push_back(build(c, spec));
    DecisionInput in;
    in.model = denseModel(modelGb);
    in.workload = Workload{c.useCases};
    std::vector<Estimate> es;
    for (const Build &b : bs)
        es.push_back(estimate(b, in.model, in.workload, in.assumptions));
    in.builds = &bs;
    in.estimates = &es;
    in.catalog = &c;
    in.rules = &rules;
    const DecisionSummary s = decide(in);

    QCOMPARE(s.builds.size(), bs.size());
    QCOMPARE(s.fitsNowhere(), fitsNowhere);
    QCOMPARE(s.needs, std::vector<std::string>{"S"});
    for (std::size_t i = 0; i < bs.size(); ++i) {
        const BuildDecision &d = s.builds[i];
        const auto at = static_cast<qsizetype>(i);
        QCOMPARE(d.name, bs[i].name);
        QCOMPARE(d.needsTotal, 1);
        if (needs[at] == u"nofit") {
            QVERIFY(!d.fits);
            QCOMPARE(d.needsMet, 0);
            QVERIFY2(d.memoryNeededGb > 200 && d.memoryHasGb < d.memoryNeededGb,
                     qPrintable(QString::number(d.memoryHasGb)));
        } else {
            QVERIFY(d.fits || d.needsMet == 0);
            QCOMPARE(QString::number(d.needsMet) + u'/' + QString::number(d.needsTotal) + u'~' +
                         QString::number(d.couldMiss),
                     needs[at]);
        }
        QCOMPARE(d.fails, d.needsTotal - d.needsMet);
        const QString price =
            (d.priceEur
                 ? QString::number(*d.priceEur, 'f', d.priceEur == std::floor(*d.priceEur) ? 0 : 1)
                 : u"-"_s) +
            u' ' + QString::fromLatin1(toString(d.priceSource));
        QCOMPARE(price, prices[at]);
        if (d.priceSource == PriceSource::Quote)
            QCOMPARE(d.priceNote, std::string("Supplier X, 2026-12-01"));
        QCOMPARE(badgesOf(d), badges[at]);
        QString fix;
        if (d.cheapestFix)
            fix = QString::fromLatin1(toString(d.cheapestFix->change)) + u' ' +
                  QString::number(d.cheapestFix->costEur) + u' ' +
                  QString::number(d.cheapestFix->newTotalEur);
        QCOMPARE(fix, fixes[at]);
    }
    QStringList gotOptions;
    for (const DecisionOption &o : s.options) {
        QString line = QString::fromLatin1(toString(o.kind));
        if (o.kind != OptionKind::CatalogueBuild) {
            line += u' ' + QString::fromStdString(o.what) + u' ' +
                    QString::fromStdString(o.buildName) + u' ' +
                    (o.priceEur ? QString::number(*o.priceEur) : u"-"_s);
        } else {
            // The recommender's pick: a real catalogue build with an estimated price.
            QVERIFY(!o.what.empty());
            QVERIFY(o.priceEur.has_value());
            QCOMPARE(QByteArray(toString(o.priceSource)), QByteArray("estimate"));
        }
        gotOptions << line;
    }
    QCOMPARE(gotOptions, options);
}

void TstDecision::rounding_data() {
    QTest::addColumn<double>("eur");
    QTest::addColumn<double>("rounded");
    QTest::newRow("below 1,000: to 10") << 344.0 << 340.0;
    QTest::newRow("half up") << 995.0 << 1000.0;
    QTest::newRow("from 1,000: to 100") << 3318.4 << 3300.0;
    QTest::newRow("workstation") << 11046.0 << 11000.0;
    QTest::newRow("second RTX 5090") << 1719.14 << 1700.0;
    QTest::newRow("zero") << 0.0 << 0.0;
}

void TstDecision::rounding() {
    QFETCH(double, eur);
    QFETCH(double, rounded);
    QCOMPARE(roundEstimateEur(eur), rounded);
    QCOMPARE(shownPriceEur(eur, PriceSource::Estimate), rounded);
    QCOMPARE(shownPriceEur(eur, PriceSource::Quote), eur); // quotes as typed
}

void TstDecision::withoutCatalogueNoFixesNoOptions() {
    const Catalog c = catalogue();
    const std::vector<Build> bs{build(c, u"A+S"_s)};
    DecisionInput in;
    in.model = denseModel(20);
    in.workload = Workload{c.useCases};
    const std::vector<Estimate> es{estimate(bs[0], in.model, in.workload, in.assumptions)};
    in.builds = &bs;
    in.estimates = &es;
    const DecisionSummary s = decide(in);
    QCOMPARE(s.builds.size(), std::size_t{1});
    QCOMPARE(s.builds[0].fails, 1);
    QVERIFY(!s.builds[0].cheapestFix);
    QVERIFY(s.noneMeetsAll());
    QVERIFY(s.options.empty());
    QVERIFY(!s.cheapestMeetingAll);
}

QTEST_GUILESS_MAIN(TstDecision)
#include "tst_decision.moc"
