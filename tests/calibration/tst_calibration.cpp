// SPDX-License-Identifier: MIT
// Calibration and validation: synthetic data with known factors, cross-validation
// isolation, band coverage, measurement resolution and the validate JSON shape.
#include "calibration.h"
#include "catalogue.h"
#include "measurements.h"
#include "validation_stats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <cmath>
#include <random>

using namespace llm;
using namespace llm::units;
using namespace Qt::StringLiterals;

namespace {

Cpu testCpu(const std::string &arch) {
    Cpu c;
    c.name = "Test CPU " + arch;
    c.vendor = "Test";
    c.architecture = arch;
    c.cores = 16;
    c.boostClock = gigahertz(5.0);
    c.memoryChannels = 2;
    c.maxMemorySpeed = megatransfersPerSecond(6000);
    c.avx512 = true;
    return c;
}

ModelChoice testModel(double billions) {
    ModelChoice m;
    m.model.name = "Test " + std::to_string(billions);
    m.model.paramsTotal = billions * 1e9;
    m.model.paramsActive = billions * 1e9;
    m.model.layers = 32;
    m.model.heads = 32;
    m.model.kvHeads = 8;
    m.model.headDim = 128;
    m.quant = {"Q4_K_M", 4.8944};
    return m;
}

// A measurement whose "measured" figures are what the estimator predicts with
// `truth`, times `noise` (1 = exact).
Measurement synthetic(const std::string &id, const std::string &device, const std::string &arch,
                      double billions, int channels, const EfficiencyFactors &truth,
                      double noise = 1.0) {
    Measurement m;
    m.id = id;
    m.device = device;
    m.runtime = "llama.cpp";
    m.build.name = id;
    m.build.cpu = testCpu(arch);
    m.build.memory = {channels, megatransfersPerSecond(6000), gigabytes(512)};
    m.model = testModel(billions);
    m.placement = Placement::CpuOnly;
    m.kind = HardwareKind::Cpu;
    UseCase pp{"pp512", "", tokens(512), tokens(0)};
    UseCase tg{"tg128", "", tokens(0), tokens(128)};
    m.promptRuns = {pp};
    m.generationRuns = {tg};
    Assumptions a;
    a.efficiencyByClass["cpu-" + arch] = truth;
    const MeasuredPrediction p = predictMeasurement(m, a);
    m.promptTokS = p.promptTokS * noise;
    m.generationTokS = p.generationTokS * noise;
    return m;
}

} // namespace

class TestCalibration final : public QObject {
    Q_OBJECT
private slots:
    void recoversKnownFactors_data();
    void recoversKnownFactors();
    void crossValidationHoldsOutDevice();
    void bandsCoverAboutEightyPercent_data();
    void bandsCoverAboutEightyPercent();
    void statistics_data();
    void statistics();
    void skippedRowsHaveReasons_data();
    void skippedRowsHaveReasons();
    void resolvedRowsSayWhatWasAssumed();
    void badMeasurementFiles_data();
    void badMeasurementFiles();
    void efficiencyRoundTrip();
    void priorsGroupClassesByMemorySystem_data();
    void priorsGroupClassesByMemorySystem();
    void appleCpuFallsBackToItsPrior();
    void badEfficiencyFiles_data();
    void badEfficiencyFiles();
    void shippedAssumptionsAreCalibrated();
    void validateJsonShape();
    void validateBadInput_data();
    void validateBadInput();
    void measuredBesideEstimated_data();
    void measuredBesideEstimated();
};

void TestCalibration::recoversKnownFactors_data() {
    QTest::addColumn<double>("bandwidth");
    QTest::addColumn<double>("compute");
    QTest::addColumn<double>("overheadMs");
    QTest::newRow("no overhead") << 0.7 << 0.35 << 0.0;
    QTest::newRow("1 ms overhead") << 0.55 << 0.5 << 1.0;
    QTest::newRow("3 ms overhead, low efficiency") << 0.3 << 0.15 << 3.0;
}

void TestCalibration::recoversKnownFactors() {
    QFETCH(double, bandwidth);
    QFETCH(double, compute);
    QFETCH(double, overheadMs);
    const EfficiencyFactors truth{bandwidth, compute, secondsPerToken(overheadMs / 1000.0), 0, {}};
    std::vector<Measurement> rows;
    // Model sizes from 1 B to 30 B and two memory populations: enough spread to
    // separate the fixed overhead from the bandwidth term.
    int i = 0;
    for (double b : {1.0, 4.0, 8.0, 14.0, 30.0})
        for (int ch : {2, 8}) {
            const std::string id = "syn-" + std::to_string(i++);
            rows.push_back(synthetic(id, id, "synth", b, ch, truth));
        }
    CalibrationOptions o;
    o.fittedOn = "2026-11-25";
    const Assumptions fitted = fitEfficiency(rows, Assumptions{}, o);
    const auto it = fitted.efficiencyByClass.find("cpu-synth@llama.cpp");
    QVERIFY(it != fitted.efficiencyByClass.end());
    const EfficiencyFactors &f = it->second;
    QVERIFY2(std::fabs(f.bandwidth / bandwidth - 1) < 0.02,
             qPrintable(QString::number(f.bandwidth)));
    QVERIFY2(std::fabs(f.compute / compute - 1) < 0.02, qPrintable(QString::number(f.compute)));
    QCOMPARE(inSecondsPerToken(f.tokenOverhead) * 1000.0, overheadMs);
    QCOMPARE(f.measurements, 10);
    QCOMPARE(f.fittedOn, std::string("2026-11-25"));
    // The kind default is fitted too, from the same rows.
    QVERIFY(std::fabs(fitted.defaultCpu.bandwidth / bandwidth - 1) < 0.02);
}

void TestCalibration::crossValidationHoldsOutDevice() {
    // Two devices of one class with very different efficiency. Held out, each is
    // predicted from the other alone: a leak would pull the prediction toward its
    // own value (the median of both).
    const EfficiencyFactors slow{0.3, 0.2, secondsPerToken(0), 0, {}};
    const EfficiencyFactors fast{0.9, 0.6, secondsPerToken(0), 0, {}};
    std::vector<Measurement> rows{
        synthetic("a1", "A", "iso", 8, 2, slow), synthetic("a2", "A", "iso", 14, 2, slow),
        synthetic("b1", "B", "iso", 8, 2, fast), synthetic("b2", "B", "iso", 14, 2, fast)};
    CalibrationOptions o;
    o.overheadGrid = {0};
    const std::vector<Residual> cv = crossValidate(rows, Assumptions{}, o);
    QCOMPARE(cv.size(), std::size_t(8));
    for (const Residual &r : cv) {
        if (r.phase != MeasuredPhase::Generation)
            continue;
        const double expected = r.device == "A" ? (0.9 / 0.3 - 1) * 100 : (0.3 / 0.9 - 1) * 100;
        QVERIFY2(std::fabs(r.errorPct() - expected) < 1.0,
                 qPrintable(QString::fromStdString(r.id) + u" "_s + QString::number(r.errorPct())));
    }
    // In-sample (no hold-out) the class factor is the median of both devices
    // (0.6): A would be off by +100 %, not +200 %, B by -33 %, not -67 %.
    const Assumptions all = fitEfficiency(rows, Assumptions{}, o);
    for (const Residual &r : residualsOf(rows, all)) {
        if (r.phase != MeasuredPhase::Generation)
            continue;
        const double inSample = r.device == "A" ? 100.0 : (0.6 / 0.9 - 1) * 100;
        QVERIFY2(std::fabs(r.errorPct() - inSample) < 1.0,
                 qPrintable(QString::number(r.errorPct())));
    }
}

void TestCalibration::bandsCoverAboutEightyPercent_data() {
    QTest::addColumn<double>("sigma");
    QTest::addColumn<int>("seed");
    QTest::newRow("10 % noise") << 0.10 << 1;
    QTest::newRow("30 % noise") << 0.30 << 2;
}

void TestCalibration::bandsCoverAboutEightyPercent() {
    QFETCH(double, sigma);
    QFETCH(int, seed);
    std::mt19937 rng(static_cast<unsigned>(seed));
    std::normal_distribution<double> noise(0.0, sigma);
    std::vector<Residual> rs;
    for (int i = 0; i < 400; ++i) {
        Residual r;
        r.id = "r" + std::to_string(i);
        r.device = "d" + std::to_string(i / 2);
        r.hardwareClass = i % 2 ? "cpu-a" : "gpu-nvidia-b";
        r.kind = kindOfClass(r.hardwareClass);
        r.phase = MeasuredPhase::Generation;
        r.predicted = 100;
        r.measured = 100 * std::exp(noise(rng));
        rs.push_back(r);
    }
    const double coverage = bandCoverage(rs, MeasuredPhase::Generation);
    QVERIFY2(coverage > 0.72 && coverage < 0.88, qPrintable(QString::number(coverage)));
    Assumptions a;
    fitBands(a, rs);
    const Band b = a.generationBandFor("cpu-a");
    QVERIFY(b.low < 1 && b.high > 1);
    // exp(+-1.2816 sigma) holds the central 80 % of a log-normal spread.
    QVERIFY(std::fabs(std::log(b.high) / (1.2816 * sigma) - 1) < 0.25);
}

void TestCalibration::statistics_data() {
    QTest::addColumn<QList<double>>("errors");
    QTest::addColumn<double>("median");
    QTest::addColumn<double>("p80");
    QTest::addColumn<double>("bias");
    QTest::newRow("symmetric") << QList<double>{-10, 10, -20, 20, 0} << 10.0 << 20.0 << 0.0;
    QTest::newRow("all low") << QList<double>{-5, -10, -15} << 10.0 << 13.0 << -10.0;
    QTest::newRow("one") << QList<double>{7} << 7.0 << 7.0 << 7.0;
}

void TestCalibration::statistics() {
    QFETCH(QList<double>, errors);
    QFETCH(double, median);
    QFETCH(double, p80);
    QFETCH(double, bias);
    std::vector<Residual> rs;
    for (double e : errors) {
        Residual r;
        r.phase = MeasuredPhase::Prompt;
        r.measured = 100;
        r.predicted = 100 + e;
        r.hardwareClass = "cpu-x";
        rs.push_back(r);
    }
    const ErrorSummary s = summarize(rs, "cpu-x", MeasuredPhase::Prompt);
    QCOMPARE(s.count, static_cast<int>(errors.size()));
    QVERIFY(std::fabs(s.medianAbsErrorPct - median) < 1e-9);
    QVERIFY(std::fabs(s.p80AbsErrorPct - p80) < 1e-9);
    QVERIFY(std::fabs(s.biasPct - bias) < 1e-9);
    QCOMPARE(summarize(rs, "cpu-x", MeasuredPhase::Generation).count, 0);
    const auto byClass = summarizeByClass(rs);
    QCOMPARE(byClass.size(), std::size_t(2)); // cpu-x prompt + overall prompt
    QCOMPARE(byClass.back().hardwareClass, std::string("all"));
}

void TestCalibration::skippedRowsHaveReasons_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown GPU") << u"FAKE-P40"_s << u"GPU 'NVIDIA Tesla P40' not in catalogue"_s;
    QTest::newRow("unnamed GPU") << u"SB-CUDA-1"_s << u"GPU is not named"_s;
    QTest::newRow("no quant, no size") << u"GG-7900X-4090-70B"_s << u"quantization is not stated"_s;
    QTest::newRow("bad kind") << u"FAKE-KIND"_s << u"hardware_kind 'fpga'"_s;
    // EPYC 7B13: the one catalogue CPU no source gives a clock for.
    QTest::newRow("CPU without clock") << u"LS-312"_s << u"no core count or clock"_s;
}

void TestCalibration::skippedRowsHaveReasons() {
    QFETCH(QString, id);
    QFETCH(QString, reason);
    QString error;
    const Catalog catalog = db::loadShippedCatalog(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const db::MeasurementSet set = db::loadMeasurementsFile(
        QStringLiteral(CALIBRATION_DATA_DIR "/small.csv"), catalog, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    bool found = false;
    for (const db::SkippedMeasurement &s : set.skipped)
        if (s.id == id) {
            found = true;
            QVERIFY2(s.reason.contains(reason), qPrintable(s.reason));
        }
    QVERIFY2(found, qPrintable(id));
    for (const Measurement &m : set.rows)
        QVERIFY(QString::fromStdString(m.id) != id);
    // Every data row is either resolved or skipped: nothing silently dropped.
    QCOMPARE(set.rows.size() + set.skipped.size(), std::size_t(11));
}

void TestCalibration::resolvedRowsSayWhatWasAssumed() {
    QString error;
    const Catalog catalog = db::loadShippedCatalog(&error);
    const db::MeasurementSet set = db::loadMeasurementsFile(
        QStringLiteral(CALIBRATION_DATA_DIR "/small.csv"), catalog, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    std::map<std::string, const Measurement *> byId;
    for (const Measurement &m : set.rows)
        byId[m.id] = &m;
    // LocalScore CPU row without memory population: full channels at rated speed.
    QVERIFY(byId.count("OB-LS-10"));
    const Measurement &ob = *byId["OB-LS-10"];
    QCOMPARE(ob.build.memory.channels, 2);
    QCOMPARE(ob.runtime, std::string("llamafile"));
    QCOMPARE(ob.promptRuns.size(), std::size_t(9));
    QVERIFY(!ob.assumptions.empty() &&
            ob.assumptions[0].find("memory population") != std::string::npos);
    // Older model release: nearest architecture, said so.
    QVERIFY(byId.count("XD-06"));
    const Measurement &xd = *byId["XD-06"];
    QVERIFY(!xd.assumptions.empty() &&
            xd.assumptions[0].find("not in catalogue") != std::string::npos);
    QCOMPARE(xd.generationRuns.size(), std::size_t(1));
    QCOMPARE(inTokens(xd.generationRuns[0].generatedTokens), 512.0);
    QCOMPARE(inTokens(xd.generationRuns[0].promptTokens), 0.0);
    QVERIFY(xd.placement == Placement::SingleGpu);
    QVERIFY(byId.count("SH-06"));
    QVERIFY(byId["SH-06"]->placement == Placement::Unified);
    QVERIFY(byId["SH-06"]->model.model.moe);
}

void TestCalibration::badMeasurementFiles_data() {
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("error");
    QTest::newRow("missing columns") << QByteArray("id,foo\n1,2\n") << u"column 'hardware_kind'"_s;
    QTest::newRow("broken quoting")
        << QByteArray("id,hardware_kind\n\"open,x\n") << u"measurements"_s;
    QTest::newRow("empty") << QByteArray() << u"measurements"_s;
}

void TestCalibration::badMeasurementFiles() {
    QFETCH(QByteArray, csv);
    QFETCH(QString, error);
    QString err;
    const db::MeasurementSet set = db::parseMeasurements(csv, Catalog{}, &err);
    QVERIFY2(err.contains(error), qPrintable(err));
    QVERIFY(set.rows.empty());
    const db::MeasurementSet none =
        db::loadMeasurementsFile(u"/nonexistent/x.csv"_s, Catalog{}, &err);
    QVERIFY(err.contains(u"cannot read"_s));
    QVERIFY(none.rows.empty());
}

void TestCalibration::priorsGroupClassesByMemorySystem_data() {
    QTest::addColumn<QString>("cls");
    QTest::addColumn<QString>("prior");
    QTest::newRow("A100") << u"gpu-nvidia-ampere-hbm"_qs << u"gpu-prior-hbm"_qs;
    QTest::newRow("RTX 4090") << u"gpu-nvidia-ada"_qs << u"gpu-prior-tensor"_qs;
    QTest::newRow("RX 7900 XTX") << u"gpu-amd-rdna3"_qs << u"gpu-prior-rdna"_qs;
    QTest::newRow("Strix Halo iGPU") << u"unified-amd"_qs << u"gpu-prior-rdna"_qs;
    QTest::newRow("M1 Ultra CPU") << u"cpu-apple-m1 (firestorm/icestorm)"_qs
                                  << u"cpu-prior-apple-soc"_qs;
    QTest::newRow("M4 CPU") << u"cpu-apple-m4"_qs << u"cpu-prior-apple-soc"_qs;
    QTest::newRow("Zen 5 CPU: none") << u"cpu-zen5"_qs << QString();
    QTest::newRow("Apple GPU: none") << u"unified-apple"_qs << QString();
    QTest::newRow("a prior has none") << u"cpu-prior-apple-soc"_qs << QString();
    QTest::newRow("nor does a GPU prior") << u"gpu-prior-rdna"_qs << QString();
}

void TestCalibration::priorsGroupClassesByMemorySystem() {
    QFETCH(QString, cls);
    QFETCH(QString, prior);
    const std::string c = cls.toStdString();
    QCOMPARE(QString::fromUtf8(priorOfClass(c)), prior);
    QCOMPARE(isPriorClass(c), cls.contains(u"-prior-"_s));
}

// A held-out Apple M-series CPU takes the Apple SoC prior's factors, not the
// CPU-wide default (fitted mostly on AMD and Intel sockets, whose CPUs reach
// their own memory); other CPUs keep the default.
void TestCalibration::appleCpuFallsBackToItsPrior() {
    Assumptions a;
    EfficiencyFactors apple = a.defaultCpu;
    apple.bandwidth = 0.21;
    a.efficiencyByClass["cpu-prior-apple-soc"] = apple;
    QCOMPARE(a.factorsFor("cpu-apple-m3", HardwareKind::Cpu).bandwidth, 0.21);
    QCOMPARE(a.factorsFor("cpu-zen4", HardwareKind::Cpu).bandwidth, a.defaultCpu.bandwidth);
    QVERIFY(a.defaultCpu.bandwidth != 0.21);
}

void TestCalibration::efficiencyRoundTrip() {
    Assumptions a;
    a.efficiencyByClass["cpu-zen5@llamafile"] = {0.81, 0.33, secondsPerToken(0.0015), 12,
                                                 "2026-11-25"};
    a.efficiencyByClass["cpu-redwood-cove (granite rapids-ap, amx)"] = {
        0.5, 0.2, secondsPerToken(0), 2, "2026-11-25"};
    a.defaultGpu = {0.66, 0.4, secondsPerToken(0.003), 40, "2026-11-25"};
    a.promptBandByClass["cpu-zen5"] = {0.8, 1.3};
    a.generationBandByClass["cpu-zen5"] = {0.9, 1.1};
    a.defaultBand = {0.7, 1.4};
    QString err;
    const Assumptions b = db::parseEfficiency(db::writeEfficiency(a), Assumptions{}, &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QCOMPARE(b.efficiencyByClass.size(), std::size_t(2));
    const EfficiencyFactors &f = b.efficiencyByClass.at("cpu-zen5@llamafile");
    QCOMPARE(f.bandwidth, 0.81);
    QCOMPARE(f.measurements, 12);
    QVERIFY(std::fabs(inSecondsPerToken(f.tokenOverhead) - 0.0015) < 1e-12);
    QVERIFY(b.efficiencyByClass.count("cpu-redwood-cove (granite rapids-ap, amx)"));
    QCOMPARE(b.defaultGpu.compute, 0.4);
    QCOMPARE(b.promptBandFor("cpu-zen5").high, 1.3);
    QCOMPARE(b.generationBandFor("cpu-zen5").low, 0.9);
    QCOMPARE(b.defaultBand.low, 0.7);
}

void TestCalibration::badEfficiencyFiles_data() {
    QTest::addColumn<QByteArray>("csv");
    QTest::newRow("missing column") << QByteArray("key,bandwidth\ncpu-x,0.5\n");
    const QByteArray header =
        "key,bandwidth,compute,token_overhead_ms,measurements,fitted_on,"
        "prompt_band_low,prompt_band_high,generation_band_low,generation_band_high\n";
    QTest::newRow("negative bandwidth") << header + "cpu-x,-0.5,0.3,0,1,2026-01-01,,,,\n";
    QTest::newRow("half a band") << header + "cpu-x,0.5,0.3,0,1,2026-01-01,0.8,,,\n";
    QTest::newRow("text for a number") << header + "cpu-x,fast,0.3,0,1,2026-01-01,,,,\n";
}

void TestCalibration::badEfficiencyFiles() {
    QFETCH(QByteArray, csv);
    Assumptions base;
    base.defaultCpu.bandwidth = 0.123;
    QString err;
    const Assumptions a = db::parseEfficiency(csv, base, &err);
    QVERIFY(!err.isEmpty());
    QCOMPARE(a.defaultCpu.bandwidth, 0.123); // nothing half-applied
    QVERIFY(a.efficiencyByClass.empty());
}

void TestCalibration::shippedAssumptionsAreCalibrated() {
    QString err;
    const Assumptions a = db::shippedAssumptions(&err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QVERIFY(!a.efficiencyByClass.empty());
    for (const auto &[key, f] : a.efficiencyByClass) {
        QVERIFY2(f.bandwidth > 0 && f.bandwidth <= 3 && f.compute > 0, key.c_str());
        QVERIFY2(f.measurements > 0 && !f.fittedOn.empty(), key.c_str());
    }
    QVERIFY(a.defaultBand.low < 1 && a.defaultBand.high > 1);
}

void TestCalibration::validateJsonShape() {
    QProcess p;
    p.start(QStringLiteral(LLMADVISOR_CLI_PATH),
            {u"validate"_s, u"--measured"_s, QStringLiteral(CALIBRATION_DATA_DIR "/small.csv"),
             u"--format"_s, u"json"_s});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(p.readAllStandardOutput(), &pe);
    QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
    const QJsonObject root = doc.object();
    QVERIFY(root.value(u"rows"_s).isArray() && root.value(u"skipped"_s).isArray() &&
            root.value(u"summary"_s).isArray());
    const QJsonArray rows = root.value(u"rows"_s).toArray();
    QVERIFY(rows.size() >= 8);
    int held[2] = {0, 0}, counted[2] = {0, 0};
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        for (const QString &k : {u"id"_s, u"phase"_s, u"class"_s})
            QVERIFY2(o.value(k).isString(), qPrintable(k));
        for (const QString &k : {u"predicted_tok_s"_s, u"measured_tok_s"_s, u"error_pct"_s,
                                 u"low_tok_s"_s, u"high_tok_s"_s})
            QVERIFY2(o.value(k).isDouble(), qPrintable(k));
        const QString phase = o.value(u"phase"_s).toString();
        QVERIFY(phase == u"prompt"_s || phase == u"generation"_s);
        // The band the window shows around the estimate, and whether it held the measurement.
        const double low = o.value(u"low_tok_s"_s).toDouble();
        const double high = o.value(u"high_tok_s"_s).toDouble();
        const double predicted = o.value(u"predicted_tok_s"_s).toDouble();
        const double measured = o.value(u"measured_tok_s"_s).toDouble();
        QVERIFY2(low < predicted && predicted < high, qPrintable(o.value(u"id"_s).toString()));
        const bool in = low <= measured && measured <= high;
        QCOMPARE(o.value(u"in_band"_s).toBool(), in);
        const int side = phase == u"prompt"_s ? 0 : 1;
        ++counted[side];
        held[side] += in;
    }
    const QJsonObject coverage = root.value(u"band_coverage_pct"_s).toObject();
    QCOMPARE(coverage.value(u"prompt"_s).toDouble(),
             std::round(1000.0 * held[0] / counted[0]) / 10.0);
    QCOMPARE(coverage.value(u"generation"_s).toDouble(),
             std::round(1000.0 * held[1] / counted[1]) / 10.0);
    const QJsonArray skipped = root.value(u"skipped"_s).toArray();
    QCOMPARE(skipped.size(), 5);
    for (const QJsonValue &v : skipped)
        QVERIFY(v.toObject().value(u"id"_s).isString() &&
                !v.toObject().value(u"reason"_s).toString().isEmpty());
    const QJsonArray summary = root.value(u"summary"_s).toArray();
    QVERIFY(!summary.isEmpty());
    for (const QJsonValue &v : summary) {
        const QJsonObject o = v.toObject();
        QVERIFY(o.value(u"class"_s).isString() && o.value(u"phase"_s).isString());
        QVERIFY(o.value(u"count"_s).isDouble() && o.value(u"count"_s).toInt() > 0);
        for (const QString &k : {u"median_abs_error_pct"_s, u"p80_abs_error_pct"_s, u"bias_pct"_s})
            QVERIFY2(o.value(k).isDouble(), qPrintable(k));
    }
}

void TestCalibration::validateBadInput_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("field");
    QTest::newRow("no file") << QStringList{u"validate"_s} << u"--measured"_s;
    QTest::newRow("missing file") << QStringList{u"validate"_s, u"--measured"_s,
                                                 u"/nonexistent.csv"_s}
                                  << u"--measured"_s;
    QTest::newRow("bad format") << QStringList{u"validate"_s, u"--measured"_s, u"x.csv"_s,
                                               u"--format"_s, u"xml"_s}
                                << u"--format"_s;
    QTest::newRow("calibrate without output")
        << QStringList{u"calibrate"_s, u"--measured"_s,
                       QStringLiteral(CALIBRATION_DATA_DIR "/small.csv")}
        << u"--output"_s;
}

void TestCalibration::validateBadInput() {
    QFETCH(QStringList, args);
    QFETCH(QString, field);
    QProcess p;
    p.start(QStringLiteral(LLMADVISOR_CLI_PATH), args);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardOutput().isEmpty());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(field), qPrintable(err));
    QCOMPARE(err.trimmed().count(u'\n'), 0);
}

void TestCalibration::measuredBesideEstimated_data() {
    QTest::addColumn<int>("secondRuns");
    QTest::addColumn<QString>("modelName");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("singleRun");
    QTest::newRow("two single runs") << 1 << u"Test 8.000000"_s << 2 << true;
    QTest::newRow("one repeated run") << 3 << u"Test 8.000000"_s << 2 << false;
    QTest::newRow("other model: nothing") << 1 << u"Other"_s << 0 << false;
}

void TestCalibration::measuredBesideEstimated() {
    QFETCH(int, secondRuns);
    QFETCH(QString, modelName);
    QFETCH(int, count);
    QFETCH(bool, singleRun);
    const EfficiencyFactors f{0.7, 0.4, secondsPerToken(0), 0, {}};
    Measurement a = synthetic("m1", "D", "zz", 8, 2, f, 1.0);
    Measurement b = synthetic("m2", "D", "zz", 8, 2, f, 1.2);
    a.date = "2025-01-01";
    a.source = "https://example.org/a";
    b.date = "2025-06-01";
    b.source = "https://example.org/b";
    b.runs = secondRuns;
    ModelChoice wanted = a.model;
    wanted.model.name = modelName.toStdString();
    Estimate e = estimate(a.build, wanted, Workload{}, Assumptions{});
    QVERIFY(e.placement == Placement::CpuOnly);
    attachMeasurements(e, a.build, wanted, {a, b});
    QCOMPARE(e.measuredGeneration.has_value(), count > 0);
    QCOMPARE(e.measuredPrompt.has_value(), count > 0);
    if (count == 0)
        return;
    const MeasuredReference &g = *e.measuredGeneration;
    QCOMPARE(g.count, count);
    QCOMPARE(g.singleRun, singleRun);
    QCOMPARE(g.lowTokS, *a.generationTokS);
    QCOMPARE(g.highTokS, *b.generationTokS);
    QVERIFY(std::fabs(g.medianTokS - 1.1 * *a.generationTokS) < 1e-9);
    QCOMPARE(g.source, std::string("https://example.org/b")); // the most recent
    QCOMPARE(g.date, std::string("2025-06-01"));
}

QTEST_GUILESS_MAIN(TestCalibration)
#include "tst_calibration.moc"
