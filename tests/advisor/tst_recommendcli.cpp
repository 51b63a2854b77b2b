// SPDX-License-Identifier: MIT
// llmadvisor-cli recommend end to end: the JSON contract on the shipped
// catalogue, and bad input as one error line with exit code 2.

#include "process.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Run = llm::testsupport::ProcessRun;

Run cli(const QStringList &args) {
    return llm::testsupport::runCli(QStringList{u"recommend"_s} + args);
}

} // namespace

class TstRecommendCli final : public QObject {
    Q_OBJECT

private slots:
    void jsonFront();
    void tableAndDetails();
    void onlyBuyableBuilds_data();
    void onlyBuyableBuilds();
    void badInput_data();
    void badInput();
};

void TstRecommendCli::jsonFront() {
    const Run r =
        cli({u"--model"_s, u"Qwen3-30B-A3B"_s, u"--use-cases"_s, u"UC2,UC3"_s, u"--budget-eur"_s,
             u"8000"_s, u"--max-watts"_s, u"1200"_s, u"--top"_s, u"4"_s, u"--details"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(u"model"_s).toString(), u"Qwen3-30B-A3B"_s);
    QCOMPARE(o.value(u"use_cases"_s).toArray().size(), 2);
    const QJsonArray builds = o.value(u"builds"_s).toArray();
    QVERIFY(!builds.isEmpty() && builds.size() <= 4);
    double lastPrice = 0, lastMargin = 0;
    for (const QJsonValue &v : builds) {
        const QJsonObject b = v.toObject();
        const double price = b.value(u"price_eur"_s).toDouble();
        QVERIFY(price > lastPrice && price <= 8000);
        QVERIFY(b.value(u"power_w"_s).toDouble() <= 1200);
        QVERIFY(b.value(u"margin"_s).toDouble() >= 1.0);
        QVERIFY(b.value(u"margin"_s).toDouble() > lastMargin);
        for (const QJsonValue &uc : b.value(u"use_cases"_s).toArray())
            QVERIFY(uc.toObject().value(u"pass"_s).toBool());
        lastPrice = price;
        lastMargin = b.value(u"margin"_s).toDouble();
    }
    for (const QJsonValue &v : o.value(u"unpriced"_s).toArray())
        QVERIFY(v.toObject().value(u"price_eur"_s).isNull());
    const QJsonObject stats = o.value(u"stats"_s).toObject();
    QVERIFY(stats.value(u"builds_enumerated"_s).toDouble() > 100000);
    QVERIFY(stats.value(u"builds_evaluated"_s).toDouble() > 0);
    const QJsonObject details = o.value(u"details"_s).toObject();
    QCOMPARE(details.value(u"what_if"_s).toArray().size(), 8);
    QCOMPARE(details.value(u"headroom"_s).toArray().size(), 2);
}

void TstRecommendCli::tableAndDetails() {
    const Run r = cli({u"--model"_s, u"Qwen2.5 14B"_s, u"--format"_s, u"table"_s, u"--details"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Pareto front"));
    QVERIFY(r.out.contains("What if"));
    QVERIFY(r.out.contains("Headroom"));
}

// Issue 13 item 7: what a buyer would take seriously. The review's first answer for
// this request was "Ryzen 5 3600, 1x8 GB DDR4, 2x RTX 3090", with an SXM-only B200
// "in" an EPYC box further down.
void TstRecommendCli::onlyBuyableBuilds_data() {
    QTest::addColumn<bool>("used");
    QTest::newRow("new parts only") << false;
    QTest::newRow("--used") << true;
}

void TstRecommendCli::onlyBuyableBuilds() {
    QFETCH(bool, used);
    QStringList args{u"--model"_s,      u"Llama-3.3-70B-Instruct"_s,
                     u"--quant"_s,      u"Q4_K_M"_s,
                     u"--use-cases"_s,  u"UC1,UC2,UC3,UC4"_s,
                     u"--budget-eur"_s, u"12000"_s,
                     u"--top"_s,        u"0"_s};
    if (used)
        args << u"--used"_s;
    const Run r = cli(args);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    // 70.55e9 parameters x 4.8944 bits / 8 = 43.2 GB of weights: a build has at least that.
    const double modelGb = 70.55 * 4.8944 / 8;
    const double needed = o.value(u"system_ram_needed_gb"_s).toDouble();
    QVERIFY2(needed >= modelGb - 0.1 && needed >= 32, qPrintable(QString::number(needed)));
    QCOMPARE(o.value(u"include_used"_s).toBool(), used);
    QJsonArray all = o.value(u"builds"_s).toArray();
    for (const QJsonValue &v : o.value(u"unpriced"_s).toArray())
        all.append(v);
    QVERIFY(!o.value(u"builds"_s).toArray().isEmpty());
    bool anyOldPart = false;
    for (const QJsonValue &v : all) {
        const QJsonObject b = v.toObject();
        const QString name = b.value(u"build"_s).toString();
        const double ram =
            b.value(u"memory_config"_s).toObject().value(u"capacity_gb"_s).toDouble();
        QVERIFY2(ram >= modelGb && ram >= needed - 1e-6, qPrintable(name));
        bool oldPart = !b.value(u"cpu_sold_new"_s).toBool(true);
        for (const QJsonValue &g : b.value(u"gpus"_s).toArray()) {
            const QJsonObject gpu = g.toObject();
            const QString model = gpu.value(u"model"_s).toString();
            // Modules for a vendor baseboard never go into a PC's slots.
            QVERIFY2(!model.contains(u"SXM"_s) && !model.contains(u"HGX"_s) &&
                         !model.contains(u"MI300X"_s),
                     qPrintable(name));
            QVERIFY2(gpu.value(u"form_factor"_s).toString() == u"pcie"_s, qPrintable(name));
            oldPart = oldPart || !gpu.value(u"sold_new"_s).toBool(true);
        }
        if (!used)
            QVERIFY2(!oldPart && !name.contains(u"RTX 3090"_s) && !name.contains(u"Ryzen 5 3600"_s),
                     qPrintable(name));
        anyOldPart = anyOldPart || oldPart;
    }
    const QJsonObject stats = o.value(u"stats"_s).toObject();
    QVERIFY(stats.value(u"excluded_gpu_form_factor"_s).toDouble() > 0);
    QVERIFY(stats.value(u"excluded_ram_below_model"_s).toDouble() > 0);
    if (used) {
        QCOMPARE(stats.value(u"gpus_not_sold_new"_s).toDouble(), 0.0);
        QVERIFY2(anyOldPart, "with --used, old parts (an RTX 3090, ...) are proposed again");
    } else {
        QVERIFY(stats.value(u"gpus_not_sold_new"_s).toDouble() > 0);
        QVERIFY(stats.value(u"cpus_not_sold_new"_s).toDouble() > 0);
    }
}

void TstRecommendCli::badInput_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("field");
    QTest::newRow("no model") << QStringList{} << u"--model"_s;
    QTest::newRow("unknown model")
        << QStringList{u"--model"_s, u"Nonexistent-9000B"_s} << u"--model"_s;
    QTest::newRow("ambiguous model") << QStringList{u"--model"_s, u"Qwen3"_s} << u"--model"_s;
    QTest::newRow("unknown quant")
        << QStringList{u"--model"_s, u"Qwen3-8B"_s, u"--quant"_s, u"Q9_X"_s} << u"--quant"_s;
    QTest::newRow("unknown use case")
        << QStringList{u"--model"_s, u"Qwen3-8B"_s, u"--use-cases"_s, u"UC1,UC9"_s}
        << u"--use-cases"_s;
    QTest::newRow("empty use cases")
        << QStringList{u"--model"_s, u"Qwen3-8B"_s, u"--use-cases"_s, u","_s} << u"--use-cases"_s;
    QTest::newRow("negative budget")
        << QStringList{u"--model"_s, u"Qwen3-8B"_s, u"--budget-eur"_s, u"-5"_s}
        << u"--budget-eur"_s;
    QTest::newRow("budget not a number")
        << QStringList{u"--model"_s, u"Qwen3-8B"_s, u"--budget-eur"_s, u"lots"_s}
        << u"--budget-eur"_s;
    QTest::newRow("zero watts") << QStringList{u"--model"_s, u"Qwen3-8B"_s, u"--max-watts"_s,
                                               u"0"_s}
                                << u"--max-watts"_s;
    QTest::newRow("negative top") << QStringList{u"--model"_s, u"Qwen3-8B"_s, u"--top"_s, u"-1"_s}
                                  << u"--top"_s;
    QTest::newRow("stray argument")
        << QStringList{u"--model"_s, u"Qwen3-8B"_s, u"extra"_s} << u"arguments"_s;
}

void TstRecommendCli::badInput() {
    QFETCH(QStringList, args);
    QFETCH(QString, field);
    const Run r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(!err.contains(u'\n'), qPrintable(err));
    QVERIFY2(err.startsWith(u"error: "_s + field + u":"_s), qPrintable(err));
}

QTEST_GUILESS_MAIN(TstRecommendCli)
#include "tst_recommendcli.moc"
