// SPDX-License-Identifier: MIT
// `llmadvisor-cli estimate` and the decision summary, on the scenarios of the
// stakeholder review (tests/data/decision): the JSON "decision" object per
// build, the table's sentence, badges and options, quotes, and a model that
// fits no build (an answer, exit 0, not bad input).
#include "process.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

using Run = llm::testsupport::ProcessRun;

Run runCli(const QStringList &args, const QByteArray &stdinData = {}) {
    return llm::testsupport::runCli(args, llm::testsupport::RunOptions().withInput(stdinData));
}

QString data(const QString &name) {
    return QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/decision/") + name;
}

QJsonArray estimateJson(const QString &file) {
    const Run r = runCli({u"estimate"_s, u"--scenario"_s, data(file)});
    if (r.exitCode != 0)
        qWarning("%s", r.err.constData());
    return QJsonDocument::fromJson(r.out).array();
}

QJsonObject decisionOf(const QJsonArray &builds, int i) {
    return builds.at(i).toObject().value(u"decision"_s).toObject();
}

} // namespace

class TstCliDecision final : public QObject {
    Q_OBJECT

private slots:
    void perBuild_data();
    void perBuild();
    void oldKeysKept();
    void tableSentence_data();
    void tableSentence();
    void fitsNowhereIsNotAnError();
    void quotes();
    void badPrice_data();
    void badPrice();
};

void TstCliDecision::perBuild_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected"); // per build: "fits met/total badges fix-change"
    // The review's firm70b: only the workstation meets all four needs; a second
    // RTX 5090 is the desktop's cheapest fix.
    QTest::newRow("firm70b") << u"firm70b.json"_s
                             << QStringList{u"fit 0/4 - -"_s, u"fit 0/4 - one-more-gpu"_s,
                                            u"fit 4/4 cheapest-meeting-every-need -"_s};
    QTest::newRow("nofit") << u"nofit.json"_s
                           << QStringList{u"nofit 0/4 - -"_s, u"nofit 0/4 - -"_s,
                                          u"nofit 0/4 - -"_s};
}

void TstCliDecision::perBuild() {
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const QJsonArray builds = estimateJson(file);
    QCOMPARE(builds.size(), expected.size());
    for (int i = 0; i < builds.size(); ++i) {
        const QJsonObject d = decisionOf(builds, i);
        QStringList badges;
        for (const QJsonValue &b : d.value(u"badges"_s).toArray())
            badges << b.toString();
        const QJsonValue fix = d.value(u"cheapest_fix"_s);
        const QString got =
            (d.value(u"fits"_s).toBool() ? u"fit "_s : u"nofit "_s) +
            QString::number(d.value(u"needs_met"_s).toInt()) + u'/' +
            QString::number(d.value(u"needs_total"_s).toInt()) + u' ' +
            (badges.isEmpty() ? u"-"_s : badges.join(u'+')) + u' ' +
            (fix.isObject() ? fix.toObject().value(u"change"_s).toString() : u"-"_s);
        QCOMPARE(got, expected.at(i));
        QCOMPARE(d.value(u"fits"_s).toBool(), builds.at(i).toObject().value(u"fits"_s).toBool());
        if (fix.isObject()) {
            const QJsonObject f = fix.toObject();
            // New total = the build's shown price + the rounded change.
            QCOMPARE(f.value(u"new_total_eur"_s).toDouble(),
                     d.value(u"price_eur"_s).toDouble() + f.value(u"cost_eur"_s).toDouble());
            QVERIFY(f.value(u"cost_eur"_s).toDouble() > 0);
        }
    }
}

void TstCliDecision::oldKeysKept() {
    const QJsonArray builds = estimateJson(u"firm70b.json"_s);
    QVERIFY(!builds.isEmpty());
    const QJsonObject o = builds.at(1).toObject();
    for (const char *key : {"build", "bandwidth", "placement", "fits", "memory_needed_gb",
                            "bottleneck", "prompt_tok_s", "gen_tok_s", "price_eur", "use_cases"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    const QJsonObject d = o.value(u"decision"_s).toObject();
    for (const char *key : {"fits", "needs_met", "needs_total", "could_miss", "fails", "badges",
                            "price_eur", "price_source", "cheapest_fix", "comparison"})
        QVERIFY2(d.contains(QLatin1String(key)), key);
    // The desktop's estimate: list prices, shown rounded to 100 EUR.
    QCOMPARE(d.value(u"price_source"_s).toString(), u"estimate"_s);
    const double shown = d.value(u"price_eur"_s).toDouble();
    QCOMPARE(std::fmod(shown, 100.0), 0.0);
    QVERIFY(std::abs(shown - o.value(u"price_eur"_s).toDouble()) <= 50.0);
    // The use cases keep their ids in JSON.
    QCOMPARE(o.value(u"use_cases"_s).toArray().at(0).toObject().value(u"name"_s).toString(),
             u"UC1"_s);
}

void TstCliDecision::tableSentence_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("firm70b, one passes")
        << u"firm70b.json"_s
        << QStringList{
               u"For Llama-3.3-70B-Instruct Q4_K_M only Workstation + RTX PRO 6000 meets all 4 needs, at ≈ "_s,
               u"Desktop + RTX 5090 would, for ≈ "_s,
               u"with one change: Add a second NVIDIA GeForce RTX 5090 (+≈ 1,700 EUR)."_s,
               u"Cheapest that meets every need: Workstation + RTX PRO 6000."_s,
               u"Classify / extract (UC1, 1,024 tokens in / 16 out)"_s,
               u"Needs met"_s,
               u"4 of 4"_s};
    QTest::newRow("firm32b, two pass")
        << u"firm32b.json"_s
        << QStringList{
               u"2 of 3 builds meet all 4 needs; the cheapest is Desktop + RTX 5090 at ≈ "_s,
               u"Best value: "_s, u"Most headroom: "_s};
    QTest::newRow("failall, options")
        << u"failall.json"_s
        << QStringList{u"no build meets all 4 needs."_s, u"Options that would meet all 4 needs:"_s,
                       u"  - the same model at "_s, u"  - a smaller model of the same family, "_s,
                       u"  - the cheapest build from the catalogue that does: "_s};
    QTest::newRow("nofit") << u"nofit.json"_s
                           << QStringList{u"fits in none of the builds: it needs "_s,
                                          u"does not fit: needs "_s, u"no fit"_s};
}

void TstCliDecision::tableSentence() {
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const Run r = runCli({u"estimate"_s, u"--scenario"_s, data(file), u"--format"_s, u"table"_s});
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    for (const QString &e : expected)
        QVERIFY2(out.contains(e), qPrintable(e + u"\n---\n"_s + out));
}

void TstCliDecision::fitsNowhereIsNotAnError() {
    // It used to be refused with exit 2 while the window rendered it.
    for (const QString &file : {u"nofit.json"_s, u"nofit-one-build.json"_s}) {
        const Run r = runCli({u"estimate"_s, u"--scenario"_s, data(file)});
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(r.exitCode, 0);
        const QJsonArray builds = QJsonDocument::fromJson(r.out).array();
        QVERIFY(!builds.isEmpty());
        const QJsonObject d = decisionOf(builds, 0);
        QCOMPARE(d.value(u"fits"_s).toBool(), false);
        QVERIFY(d.value(u"memory_needed_gb"_s).toDouble() > d.value(u"memory_has_gb"_s).toDouble());
        QCOMPARE(d.value(u"comparison"_s).toObject().value(u"fits_nowhere"_s).toBool(), true);
    }
}

void TstCliDecision::quotes() {
    const QJsonArray builds = estimateJson(u"quotes.json"_s);
    QCOMPARE(builds.size(), 3);
    const QJsonObject mini = builds.at(0).toObject();
    QCOMPARE(mini.value(u"price_eur"_s).toDouble(), 2099.0); // was null: no catalogue price
    QCOMPARE(decisionOf(builds, 0).value(u"price_eur"_s).toDouble(), 2099.0);
    QCOMPARE(decisionOf(builds, 0).value(u"price_source"_s).toString(), u"quote"_s);
    QCOMPARE(decisionOf(builds, 0).value(u"quote_source"_s).toString(),
             u"Supplier X quote 2026-12-01, incl. VAT"_s);
    // Exactly as typed, not rounded, in the old field and the new one.
    QCOMPARE(builds.at(1).toObject().value(u"price_eur"_s).toDouble(), 4150.5);
    QCOMPARE(decisionOf(builds, 1).value(u"price_eur"_s).toDouble(), 4150.5);
    // The desktop's fix: quote + the estimated change.
    const QJsonObject fix = decisionOf(builds, 1).value(u"cheapest_fix"_s).toObject();
    QCOMPARE(fix.value(u"new_total_source"_s).toString(), u"quote"_s);
    QCOMPARE(fix.value(u"new_total_eur"_s).toDouble(),
             4150.5 + fix.value(u"cost_eur"_s).toDouble());
    QCOMPARE(decisionOf(builds, 2).value(u"price_source"_s).toString(), u"estimate"_s);

    const Run table =
        runCli({u"estimate"_s, u"--scenario"_s, data(u"quotes.json"_s), u"--format"_s, u"table"_s});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains("2,099 EUR (quote)"), table.out.constData());
    QVERIFY(table.out.contains("4,150.50 EUR (quote)"));
}

void TstCliDecision::badPrice_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("negative") << QByteArray("-5") << u"must not be negative"_s;
    QTest::newRow("text") << QByteArray("\"2,199 EUR\"") << u"number"_s;
    QTest::newRow("bool") << QByteArray("true") << u"number"_s;
}

void TstCliDecision::badPrice() {
    QFETCH(QByteArray, value);
    QFETCH(QString, message);
    QFile f(data(u"firm70b.json"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray json = f.readAll();
    const QByteArray anchor = "\"name\": \"Desktop + RTX 5090\",";
    QVERIFY(json.contains(anchor));
    json.replace(anchor, QByteArray(anchor + " \"price_eur\": " + value + ","));
    const Run r = runCli({u"estimate"_s, u"--scenario"_s, u"-"_s}, json);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QByteArray());
    const QString err = QString::fromUtf8(r.err);
    QCOMPARE(err.count(u'\n'), 1);
    QVERIFY2(err.startsWith(u"error: builds[1].price_eur: "_s), qPrintable(err));
    QVERIFY2(err.contains(message), qPrintable(err));
}

QTEST_GUILESS_MAIN(TstCliDecision)
#include "tst_clidecision.moc"
