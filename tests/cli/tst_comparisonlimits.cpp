// SPDX-License-Identifier: MIT
// The limits of one comparison people read (window, PDF, report): builds, use
// cases and the length of names, on the raw file and on a parsed scenario.
#include "catalogue.h"
#include "comparison_limits.h"
#include "scenario.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace llm;
using namespace llm::scenario;

namespace {

QJsonObject build(int i) {
    return {
        {u"name"_s, QString(u"B"_s + QString::number(i))},
        {u"cpu"_s, u"AMD Ryzen 9 9950X"_s},
        {u"memory"_s, QJsonObject{{u"channels"_s, 2}, {u"mts"_s, 5600}, {u"capacity_gb"_s, 96}}}};
}

QJsonObject withBuilds(int n) {
    QJsonArray builds;
    for (int i = 0; i < n; ++i)
        builds.append(build(i));
    return {{u"builds"_s, builds}, {u"model"_s, u"Qwen2.5-14B-Instruct"_s}};
}

QByteArray bytes(const QJsonObject &root) {
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

// root with `value` put at a dotted path of objects ("builds" index 0 first).
QJsonObject withFirstBuildKey(const QString &key, const QJsonValue &value) {
    QJsonObject root = withBuilds(2);
    QJsonArray builds = root.value(u"builds"_s).toArray();
    QJsonObject first = builds.at(0).toObject();
    first.insert(key, value);
    builds.replace(0, first);
    root.insert(u"builds"_s, builds);
    return root;
}

} // namespace

class TestComparisonLimits final : public QObject {
    Q_OBJECT

private slots:
    void rawFile_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field"); // empty: within the limits
        QTest::addColumn<QString>("mentions");
        const QString n200(200, u'x'), n201(201, u'x');
        QTest::newRow("one build") << bytes(withBuilds(1)) << QString() << QString();
        QTest::newRow("12 builds (the limit)") << bytes(withBuilds(12)) << QString() << QString();
        QTest::newRow("13 builds") << bytes(withBuilds(13)) << u"builds"_s << u"at most 12"_s;
        QTest::newRow("1,000 builds")
            << bytes(withBuilds(1000)) << u"builds"_s << u"1,000 builds"_s;
        QTest::newRow("name of 200")
            << bytes(withFirstBuildKey(u"name"_s, n200)) << QString() << QString();
        QTest::newRow("name of 201") << bytes(withFirstBuildKey(u"name"_s, n201))
                                     << u"builds[0].name"_s << u"201 characters; at most 200"_s;
        QTest::newRow("name of 100,000")
            << bytes(withFirstBuildKey(u"name"_s, QString(100'000, u'n'))) << u"builds[0].name"_s
            << u"100,000 characters"_s;
        QTest::newRow("long catalogue reference")
            << bytes(withFirstBuildKey(u"cpu"_s, n201)) << u"builds[0].cpu"_s << u"at most 200"_s;
        QTest::newRow("explicit GPU name")
            << bytes(withFirstBuildKey(
                   u"gpus"_s,
                   QJsonArray{QJsonObject{{u"model"_s, QJsonObject{{u"name"_s, n201}}}}}))
            << u"builds[0].gpus[0].model.name"_s << u"at most 200"_s;
        QTest::newRow("bare GPU name in a list")
            << bytes(withFirstBuildKey(u"gpus"_s, QJsonArray{u"RTX"_s, n201}))
            << u"builds[0].gpus[1]"_s << u"at most 200"_s;
        QTest::newRow("notes of 2,000")
            << bytes(withFirstBuildKey(u"notes"_s, QString(2000, u'n'))) << QString() << QString();
        QTest::newRow("notes of 2,001") << bytes(withFirstBuildKey(u"notes"_s, QString(2001, u'n')))
                                        << u"builds[0].notes"_s << u"at most 2,000"_s;
        QTest::newRow("a long comment is skipped")
            << bytes(withFirstBuildKey(u"_comment"_s, QString(100'000, u'c'))) << QString()
            << QString();
        QJsonObject title = withBuilds(1);
        title.insert(u"title"_s, n201);
        QTest::newRow("title") << bytes(title) << u"title"_s << u"at most 200"_s;
        QJsonObject cases = withBuilds(1);
        QJsonArray list;
        for (int i = 0; i < 13; ++i)
            list.append(u"UC1"_s);
        cases.insert(u"use_cases"_s, list);
        QTest::newRow("13 use cases") << bytes(cases) << u"use_cases"_s << u"at most 12"_s;
        QTest::newRow("not JSON: left to the parser")
            << QByteArray("{\"builds\": [") << QString() << QString();
        QTest::newRow("an array: left to the parser")
            << QByteArray("[1, 2]") << QString() << QString();
    }
    void rawFile() {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, mentions);
        const auto error = checkComparisonLimits(json);
        if (field.isEmpty()) {
            QVERIFY2(!error, error ? qPrintable(error->toLine()) : "");
            return;
        }
        QVERIFY(error);
        QCOMPARE(error->field, field);
        QVERIFY2(error->message.contains(mentions), qPrintable(error->message));
        // A long name is counted, never echoed.
        QVERIFY2(error->message.size() < 300, qPrintable(error->message.left(300)));
    }

    // The 10,000-build file and the 10,000,000-character name of the review
    // are refused in well under a second (parsing them took 1.6 s / hung).
    void refusesHugeFilesQuickly() {
        const QByteArray many = bytes(withBuilds(10'000));
        const QByteArray longName = bytes(withFirstBuildKey(u"name"_s, QString(10'000'000, u'n')));
        QElapsedTimer clock;
        clock.start();
        QVERIFY(checkComparisonLimits(many));
        QVERIFY(checkComparisonLimits(longName));
        QVERIFY2(clock.elapsed() < 2000, QByteArray::number(clock.elapsed()).constData());
    }

    // What the window writes for its own seed comparison is within the limits
    // (so a saved comparison always opens again), and the parsed-scenario
    // check agrees with the raw one.
    void seedComparisonIsWithinTheLimits() {
        const Catalog catalog = db::loadShippedCatalog();
        QFile seed(QStringLiteral(LLMADVISOR_SOURCE_DIR) +
                   u"/resources/scenarios/seed-comparison.json"_s);
        QVERIFY(seed.open(QIODevice::ReadOnly));
        const ParseResult parsed =
            parseScenario(seed.readAll(), catalog, db::loadShippedPlatformRules());
        QVERIFY2(parsed.ok(), qPrintable(parsed.error.toLine()));
        QVERIFY(!checkComparisonLimits(*parsed.scenario));
        const QByteArray written = writeScenario(*parsed.scenario);
        const auto raw = checkComparisonLimits(written);
        QVERIFY2(!raw, raw ? qPrintable(raw->toLine()) : "");
    }

    void parsedScenario() {
        const Catalog catalog = db::loadShippedCatalog();
        const ParseResult parsed =
            parseScenario(bytes(withBuilds(2)), catalog, db::loadShippedPlatformRules());
        QVERIFY2(parsed.ok(), qPrintable(parsed.error.toLine()));
        Scenario s = *parsed.scenario;
        QVERIFY(!checkComparisonLimits(s));

        Scenario longName = s;
        longName.builds[1].name = std::string(201, 'x');
        auto e = checkComparisonLimits(longName);
        QVERIFY(e);
        QCOMPARE(e->field, u"builds[1].name"_s);

        Scenario longCpu = s;
        longCpu.builds[0].cpu.name = std::string(300, 'c');
        e = checkComparisonLimits(longCpu);
        QVERIFY(e);
        QCOMPARE(e->field, u"builds[0].cpu.name"_s);

        Scenario many = s;
        while (many.builds.size() < 13) {
            many.builds.push_back(s.builds[0]);
            many.buildExtras.push_back({});
        }
        e = checkComparisonLimits(many);
        QVERIFY(e);
        QCOMPARE(e->field, u"builds"_s);
        QVERIFY(e->message.contains(u"at most 12"_s));

        // Characters, not bytes: 200 two-byte letters are within the limit.
        Scenario umlauts = s;
        umlauts.builds[0].name = QString(200, QChar(0x00E4)).toStdString();
        QVERIFY(!checkComparisonLimits(umlauts));
    }
};

QTEST_GUILESS_MAIN(TestComparisonLimits)
#include "tst_comparisonlimits.moc"
