// SPDX-License-Identifier: MIT
// Weight and KV-cache sizes and FLOPs per token, against the worked examples of
// shared/data/models.md (sections 2-4).

#include "fixtures.h"
#include "memory.h"

#include <QTest>

using namespace llm;
using namespace llm::units;

namespace {

Model gqa(int layers, int kvHeads, int headDim) {
    Model m;
    m.layers = layers;
    m.heads = kvHeads * 4;
    m.kvHeads = kvHeads;
    m.headDim = headDim;
    m.attention = AttentionKind::Gqa;
    return m;
}

Model llama31_8b() {
    return gqa(32, 8, 128);
}

Model deepseekV3() {
    Model m;
    m.layers = 61;
    m.heads = 128;
    m.kvHeads = 128;
    m.headDim = 192;
    m.attention = AttentionKind::Mla;
    m.kvLoraRank = 512;
    m.qkRopeHeadDim = 64;
    return m;
}

Model gemma3_27b() {
    Model m = gqa(62, 16, 128);
    m.heads = 32;
    m.attention = AttentionKind::Sliding;
    m.slidingWindow = 1024;
    m.fullAttentionLayers = 10;
    return m;
}

Model gptOss120b() {
    Model m = gqa(36, 8, 64);
    m.heads = 64;
    m.attention = AttentionKind::Sliding;
    m.slidingWindow = 128;
    m.fullAttentionLayers = 18;
    return m;
}

Model commandRv01() {
    Model m = gqa(40, 64, 128);
    m.heads = 64;
    m.kvHeads = 0; // MHA: every head keeps K and V, whatever kvHeads says
    m.attention = AttentionKind::Mha;
    return m;
}

} // namespace

class TestMemory final : public QObject {
    Q_OBJECT
private slots:
    void kvCache_data();
    void kvCache();
    void kvRead_data();
    void kvRead();
    void weights_data();
    void weights();
    void flops_data();
    void flops();
    void degenerate();
};

void TestMemory::kvCache_data() {
    QTest::addColumn<Model>("model");
    QTest::addColumn<double>("context");
    QTest::addColumn<double>("bytesPerElement");
    QTest::addColumn<double>("expected");

    // 2 x 32 x 8 x 128 x 2 = 131072 B per token.
    QTest::newRow("Llama 3.1 8B, 1 token") << llama31_8b() << 1.0 << 2.0 << 131072.0;
    QTest::newRow("Llama 3.1 8B, 8K = 1 GiB") << llama31_8b() << 8192.0 << 2.0 << 1073741824.0;
    // q8_0 cache: 34/32 bytes per element.
    QTest::newRow("Llama 3.1 8B, q8_0") << llama31_8b() << 1.0 << 1.0625 << 69632.0;
    // MLA latent: 61 x (512 + 64) x 2 = 70272 B per token.
    QTest::newRow("DeepSeek-V3 MLA") << deepseekV3() << 1.0 << 2.0 << 70272.0;
    // ik_llama.cpp log: "c^KV (q8_0): 1166.62 MiB" at 32768 context.
    QTest::newRow("DeepSeek-V3 32K q8_0")
        << deepseekV3() << 32768.0 << 1.0625 << 61.0 * 576 * 32768 * 1.0625;
    // 10 x 8 KiB x 32768 + 52 x 8 KiB x pad256(1024 + 512) = 3.1 GiB.
    QTest::newRow("Gemma 3 27B, 32K")
        << gemma3_27b() << 32768.0 << 2.0 << 10.0 * 8192 * 32768 + 52.0 * 8192 * 1536;
    // Short context: the ring buffer holds pad256(n) cells.
    QTest::newRow("Gemma 3 27B, 300")
        << gemma3_27b() << 300.0 << 2.0 << 10.0 * 8192 * 300 + 52.0 * 8192 * 512;
    // 18 x 2 KiB x 131072 (4.5 GiB) + 18 x 2 KiB x pad256(128 + 512) (27 MiB).
    QTest::newRow("gpt-oss-120b, 128K")
        << gptOss120b() << 131072.0 << 2.0 << 18.0 * 2048 * 131072 + 18.0 * 2048 * 768;
    // No GQA: 2 x 40 x 64 x 128 x 2 = 1.25 MiB per token.
    QTest::newRow("Command R v01 MHA") << commandRv01() << 1.0 << 2.0 << 1310720.0;
    QTest::newRow("empty context") << llama31_8b() << 0.0 << 2.0 << 0.0;
}

void TestMemory::kvCache() {
    QFETCH(Model, model);
    QFETCH(double, context);
    QFETCH(double, bytesPerElement);
    QFETCH(double, expected);
    QCOMPARE(inBytes(kvCacheBytes(model, tokens(context), bytesPerElement)), expected);
}

void TestMemory::kvRead_data() {
    QTest::addColumn<Model>("model");
    QTest::addColumn<double>("context");
    QTest::addColumn<double>("expected");
    QTest::newRow("Llama 3.1 8B at 4096") << llama31_8b() << 4096.0 << 4096.0 * 131072;
    // A generated token reads only `window` keys of a windowed layer (no padding).
    QTest::newRow("Gemma 3 27B at 32K")
        << gemma3_27b() << 32768.0 << 10.0 * 8192 * 32768 + 52.0 * 8192 * 1024;
    QTest::newRow("Gemma 3 27B at 500") << gemma3_27b() << 500.0 << 62.0 * 8192 * 500;
    QTest::newRow("DeepSeek-V3 at 1000") << deepseekV3() << 1000.0 << 70272.0 * 1000;
}

void TestMemory::kvRead() {
    QFETCH(Model, model);
    QFETCH(double, context);
    QFETCH(double, expected);
    QCOMPARE(inBytes(kvBytesReadAt(model, tokens(context), 2.0)), expected);
}

void TestMemory::weights_data() {
    QTest::addColumn<ModelChoice>("choice");
    QTest::addColumn<double>("weights");
    QTest::addColumn<double>("perToken");
    QTest::addColumn<double>("routed");

    ModelChoice llama;
    llama.model = llama31_8b();
    llama.model.paramsTotal = 8.03e9;
    llama.model.paramsActive = 8.03e9;
    llama.quant = {"Q4_K_M", 4.8944};
    // models.md: predicted 4.91 GB for the 4.92 GB file.
    QTest::newRow("Llama 3.1 8B Q4_K_M")
        << llama << 8.03e9 * 4.8944 / 8 << 8.03e9 * 4.8944 / 8 << 0.0;
    ModelChoice withFile = llama;
    withFile.fileSize = gigabytes(4.92);
    QTest::newRow("file size wins") << withFile << 4.92e9 << 4.92e9 << 0.0;
    ModelChoice zeroFile = llama;
    zeroFile.fileSize = bytes(0);
    QTest::newRow("zero file size ignored")
        << zeroFile << 8.03e9 * 4.8944 / 8 << 8.03e9 * 4.8944 / 8 << 0.0;
    QTest::newRow("MoE 100B, 10B active") << fixtures::moe100GB() << 100e9 << 10e9 << 95e9;
    ModelChoice moeNoActive = fixtures::moe100GB();
    moeNoActive.model.paramsActive = 0; // unknown: read everything
    QTest::newRow("MoE without active count") << moeNoActive << 100e9 << 100e9 << 95e9;
}

void TestMemory::weights() {
    QFETCH(ModelChoice, choice);
    QFETCH(double, weights);
    QFETCH(double, perToken);
    QFETCH(double, routed);
    QCOMPARE(inBytes(weightBytes(choice)), weights);
    QCOMPARE(inBytes(weightBytesPerToken(choice)), perToken);
    QCOMPARE(inBytes(routedExpertBytes(choice)), routed);
}

void TestMemory::flops_data() {
    QTest::addColumn<Model>("model");
    QTest::addColumn<double>("context");
    QTest::addColumn<double>("expected");
    Model dense = fixtures::dense10GB().model;
    QTest::newRow("dense, empty context") << dense << 0.0 << 2e10;
    // 4 x layers x heads x headDim x context
    QTest::newRow("dense, context 256") << dense << 256.0 << 2e10 + 4.0 * 32 * 32 * 128 * 256;
    Model moe = fixtures::moe100GB().model;
    QTest::newRow("MoE counts active params") << moe << 0.0 << 2e10;
    Model gemma = gemma3_27b();
    gemma.paramsTotal = 27e9;
    // Windowed layers attend to at most 1024 keys.
    QTest::newRow("sliding, context 4096")
        << gemma << 4096.0 << 54e9 + 4.0 * 32 * 128 * (10.0 * 4096 + 52.0 * 1024);
    Model ds = deepseekV3();
    ds.paramsTotal = 671e9;
    ds.paramsActive = 37e9;
    ds.moe = true;
    // Absorbed MLA: 2 x 128 x (512 + 64) + 2 x 128 x 512 = 278528 per key and layer.
    QTest::newRow("MLA absorbed") << ds << 100.0 << 74e9 + 278528.0 * 61 * 100;
}

void TestMemory::flops() {
    QFETCH(Model, model);
    QFETCH(double, context);
    QFETCH(double, expected);
    QCOMPARE(prefillFlopsPerToken(model, tokens(context)).value(), expected);
}

void TestMemory::degenerate() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    Model empty;
    QCOMPARE(inBytes(kvCacheBytes(empty, tokens(4096), 2.0)), 0.0);
    QCOMPARE(prefillFlopsPerToken(empty, tokens(100)).value(), 0.0);
    ModelChoice bad;
    bad.model.paramsTotal = nan;
    bad.quant.bitsPerWeight = -4;
    QCOMPARE(inBytes(weightBytes(bad)), 0.0);
    QCOMPARE(inBytes(weightBytesPerToken(bad)), 0.0);
    Model m = llama31_8b();
    QCOMPARE(inBytes(kvCacheBytes(m, tokens(nan), 2.0)), 0.0);
    QCOMPARE(inBytes(kvCacheBytes(m, tokens(-5), 2.0)), 0.0);
    QCOMPARE(inBytes(kvCacheBytes(m, tokens(10), nan)), 0.0);
    m.layers = -3;
    QCOMPARE(inBytes(kvBytesReadAt(m, tokens(10), 2.0)), 0.0);
}

QTEST_GUILESS_MAIN(TestMemory)
#include "tst_memory.moc"
