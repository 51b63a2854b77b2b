<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>Generation speed by model size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory bandwidth per build (GB/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation speed by model size (dense model, chosen quantization)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model size (GB, log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation (tok/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit %1 tok/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed per build: prompt and generation (tok/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt (tok/s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui</name>
    <message>
        <source>Narrows the CPU list: desktop (2 memory channels), workstation (4-8), server (8-12), mobile (laptops, mini PCs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The processor. Type any part of its name to search (&quot;7970&quot;, &quot;epyc&quot;). It decides how many memory channels and PCIe lanes the build can have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory channels: independent 64-bit paths between the CPU and its RAM. Bandwidth grows with every populated channel, so fill them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MT/s (megatransfers per second): how fast the RAM moves data. DDR5-5600 means 5,600 MT/s. Each channel moves 8 bytes per transfer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM per channel (one module, or the sum of two modules on one channel). Capacity = channels × module size; the model and its KV cache must fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphics card. Its own memory (VRAM) is much faster than system RAM; a model that fits in VRAM generates text many times faster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of this GPU. Each needs a PCIe slot with at least 8 lanes; the CPU&apos;s lanes limit how many fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How several GPUs share a model. Layer split (llama.cpp&apos;s default) does not add their bandwidth up for one user; tensor parallel roughly does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory bandwidth: bytes per second the processor can read from memory. Token generation reads the whole model for every token, so it sets the speed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CCD (core complex die): one of the chiplets of an AMD Ryzen/EPYC CPU. Each CCD has its own link to memory, so few CCDs can cap the bandwidth. A single-chip AMD APU counts its CPU complexes here: each has the same kind of link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FCLK (fabric clock): the clock of AMD&apos;s Infinity Fabric linking CCDs to the memory controller. CPU-side bandwidth = CCDs × 32 bytes × FCLK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefill (prompt processing): reading the input before the first output token. Limited by compute (cores, AVX-512, GPU tensor cores).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per second. A token is about ¾ of an English word; 10 tok/s is roughly reading speed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantization: weights stored with fewer bits (Q4_K_M ≈ 4.8 bits per weight). Smaller and faster, with a small loss of quality.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KV cache: the model&apos;s memory of the conversation so far. It grows with the context length and must fit beside the weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language model every build is compared on. Type to search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A typical job: a prompt of some length and an answer of some length. UC1-UC4 are LocalScore&apos;s tests; add your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A use case passes when its prompt is processed within the prefill limit and output comes at least at the generation limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured speed as a share of the theoretical bound, fitted on published benchmark results. An engineer may override them; overrides are marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price of electricity, for the running cost per million generated tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inference program: llama.cpp or llamafile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report needs a QApplication (charts are widgets); none is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comparison has no builds: nothing to report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start painting the report (is the output writable?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLM hardware comparison: %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output is not open for writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLM hardware comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made %1 by LLM Procurement Advisor %2 · catalogue as of %3 · model %4 at %5 · runtime %6. All figures are estimates, not measurements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integrated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU %1 · memory %2 channels × %3, %4 · GPUs: %5 · price %6 · power at load %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass: prompt processed within %1 and output at least %2. Borderline: passes at the estimate but not at the low end of its error band.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: failing and borderline use cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every use case passes on every build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass: prompt within %1 and generation at least %2. Interactive: prompt within %3. Background: total within %4. Off-line: total within %5. Electricity %6 per kWh; USD prices converted at %7 EUR per USD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bandwidth efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured error (generation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;overridden by the user&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fitted on %1 measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default guess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % to +%2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overridden assumptions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The measured error is the band of the estimator&apos;s cross-validated residuals against published benchmark results for each hardware class; a default band applies where a class has no measurements yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your efficiency factors for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your use-case thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your electricity tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overridden: uses %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model does not fit: it needs %1, the build has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on %1 at %2 (prompt %3); limited by %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What if and headroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No use cases are chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not estimated: the build is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headroom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What one change would do to each build: its price change and, per use case, the verdict and the change of the margin (1.00× just passes); a verdict that flips is bold and shows before → after. Headroom: how far each build stretches before a use case fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: your figures (overridden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: your own catalogue row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>† Marked parts use figures from your own catalogue (rows you added, or shipped rows you overrode, e.g. a supplier&apos;s quote) rather than the program&apos;s shipped data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speeds are the estimate with, in brackets, the range 8 in 10 published measurements of the same hardware class fell in. “Measured” is the median of published benchmarks of the same device and model, where there are any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* This figure uses an assumption the user overrode (listed under Assumptions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* This verdict uses an assumption the user overrode (efficiency factors or thresholds; listed under Assumptions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimates, not measurements.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::AboutDialog</name>
    <message>
        <source>LLM Procurement Advisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimates how fast large language models run on CPU, RAM and GPU builds, and which use cases each build passes. Figures are estimates, not measurements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence: MIT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware catalogue as of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured error: for generation speed, 80 % of published measurements fall between %1 % and +%2 % of the estimate (checked on devices left out of the fit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the estimates are made:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About LLM Procurement Advisor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::AddRowDialog</name>
    <message>
        <source>Add a row to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields marked * are required. Numbers with a point as the decimal separator; a unit may follow (“24 GiB”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Not added:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::AssumptionsPanel</name>
    <message>
        <source>Thresholds a use case is judged by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass: prompt processed &amp;within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass: generation at &amp;least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interactive: prompt within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bac&amp;kground: total within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;ff-line: total within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own use case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Include my own use case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prompt length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running costs and runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electricity &amp;tariff:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;untime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Efficiency factors (engineers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset to fitted values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hardware class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bandwidth efficiency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compute efficiency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assumptions behind every figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change electricity tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change runtime to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behind every figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;th align=left&gt;Build&lt;/th&gt;&lt;th align=left&gt;Class&lt;/th&gt;&lt;th&gt;Bandwidth eff.&lt;/th&gt;&lt;th&gt;Compute eff.&lt;/th&gt;&lt;th&gt;Fitted on&lt;/th&gt;&lt;/tr&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> &lt;b&gt;(overridden)&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default guess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overridden by the user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitted on %1 measurements (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default guess: no measurements for this class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your own use case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override efficiency of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset efficiency of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::BuildEditor</name>
    <message>
        <source>All families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer split (llama.cpp default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tensor parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU &amp;family:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;PU:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory c&amp;hannels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory &amp;speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module si&amp;ze per channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;GPU × count:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Multi-GPU:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cores · %2 channels %3 up to %4 · %5 PCIe lanes · %6 CCDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (shared with iGPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The integrated GPU (%1) uses part of this memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Total:&lt;/b&gt; %1 · %2 at load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change CPU to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change memory channels to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change memory speed to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change module size to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set GPUs to %1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::BuildListPanel</name>
    <message>
        <source>Add from &amp;preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The builds being compared. F2 renames; the buttons below add, copy, remove and reorder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an empty build (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Builds:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::CatalogEditorWindow</name>
    <message>
        <source>&amp;CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quantizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue editor — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to filter all columns (e.g. “5090”, “DDR5”, “yours”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only:&lt;/b&gt; the catalogue file %1 is open read-only (made by a newer version of the program, not writable, or in use by another copy). You can look and export, but not change anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only:&lt;/b&gt; no catalogue file is open; the built-in catalogue is shown and cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a cell to change it. A change to a shipped row is saved as your override; the shipped value stays available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your own row to this table (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected row (only rows you added)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset to shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop your override of the selected row and use the shipped values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import rows from a CSV or JSON file or a catalogue pack; you see a preview first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this table as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this table as a JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your own rows and overrides of every table as one catalogue pack, to share with colleagues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue is read-only; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not your own row; only rows you added can be deleted (an override can be reset to shipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not in the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reset: “%1” has no override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset “%1” to shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue is read-only; nothing can be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be imported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has no rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import refused; nothing was written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written: %1

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue files (*.csv *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export catalogue pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue packs (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import of %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows imported: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad rows skipped: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows exported: %1, to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported a pack of your rows and overrides (%1 rows) to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::ChartsPanel</name>
    <message>
        <source>Bandwidth chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use-case chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model size chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bar chart of memory bandwidth per build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: RAM side %2, CPU fabric side %3, GPU %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bar chart of prompt and generation speed per build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: prompt %2, generation %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matrix of use-case verdicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line chart of generation speed against model size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: at least 10 tok/s up to %2 GB.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::ComparisonDocument</name>
    <message>
        <source>Add build “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove build “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move build “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename build to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose model %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan for a %1-token context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan for each use case&apos;s own context</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::Dialogs</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to “%1” first?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::FindBuildsDialog</name>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add selected to comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find builds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model the builds must run. Type to search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every ticked use case must pass on a build for it to be listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> EUR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest total price in euros (CPU, memory, GPUs, platform). 0 = no limit. Builds without a price are listed apart whatever the budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest power drawn at load (CPU, GPUs and platform), in watts. 0 = no limit. Each platform&apos;s power supply limits it too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many builds per list: the cheapest, the fastest and evenly spaced ones between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quantization:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use cases that must pass:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max &amp;power at load:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show at &amp;most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep every build the catalogue allows (CPU × memory × GPUs) and list those that pass every ticked use case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the sweep; nothing is listed from a stopped sweep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the catalogue has been swept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State the need and press Find.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds that pass every ticked use case, on the front of price against margin: each is the fastest for its price. Cheapest first. Select rows and add them to the comparison.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds that pass, cheapest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds that pass but have a part without a price in the catalogue. They are not priced at zero; best margin first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passing builds without a price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Builds that pass (cheapest first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a &amp;price (a part has none; not counted as free):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the selected builds to the comparison (one undo step).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Prompt %2 tokens, output %3 tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot search: the platform rules cannot be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: “%1” is not a model in the catalogue; pick one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantization: pick one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use cases: tick at least one; a build is listed when it passes every ticked one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching the catalogue for builds that pass %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: nothing is listed from a stopped search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No build under %1 passes %2 with %3; the cheapest that passes costs %4. Raise the budget, or untick a use case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No build within %1 passes %2 with %3; the most frugal that passes draws %4 at load. Raise the power limit, or untick a use case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No build with a price passes %1 with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No build in the catalogue passes %1 with %2 within these limits, and lifting the budget or the power limit alone does not help. Try a smaller model or quantization, or untick the hardest use case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No build in the catalogue passes %1 with %2. Try a smaller model or quantization, or untick the hardest use case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more builds in the tables first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comparison already holds %1 builds, the most it can take; remove one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swept %1 builds in %2 (threads: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds without a price that pass (listed apart below): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds that pass %1 and are the fastest for their price: %2, cheapest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add found builds (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds added to the comparison: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added, as a comparison holds at most %1 builds: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::Guidance</name>
    <message>
        <source>Don&apos;t show again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This comparison has no use case, so no build gets a verdict. Add the four standard ones (UC1–UC4), or your own on the Assumptions tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add UC1–UC4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the standard use cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Assumptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No builds to compare yet&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a build with &lt;b&gt;New build&lt;/b&gt; or start from a preset: the charts, the table and the verdicts appear here as soon as there is one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from a preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Getting started:&lt;/b&gt; 1. pick builds on the left (New build or a preset) · 2. pick the model and use cases above the charts · 3. File → Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::HeadroomModel</name>
    <message>
        <source>none passes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(model&apos;s maximum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest catalogue model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users at ≥ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The use case the limits are for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest model in the catalogue (same quantization) that still passes this use case on the build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest parameter count a model shaped like the chosen one could have and still pass (B = billion).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest context (prompt plus output) that still fits in memory and passes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many people can use the build at once, each getting at least the minimum output rate (batched generation).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::ImportPreviewDialog</name>
    <message>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import preview — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>override shipped row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replace your row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: %1 · overriding shipped rows: %2 · replacing your rows: %3 · refused: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack from “%1”, as of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row is good. Nothing is written until you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible while rows have problems: fix the file, or skip the bad rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip bad rows and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows read: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Rows with problems: %1&lt;/b&gt; (listed by line below). Nothing is written until you choose.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::InfoBar</name>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::MainWindow</name>
    <message>
        <source>Cannot open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is too large to be a comparison.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a comparison this program can read.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save “%1”: %2
The previous file, if any, is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comparison.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comparison.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Selected build&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use cases &amp;&amp; why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model &amp;sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assumptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What if</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What single changes would do to the selected build, and how much room it has left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The charts&apos; numbers as a table (also for screen readers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find builds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the builds in the catalogue that meet a need: model, use cases, budget and power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Catalogue editor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See and change the CPUs, GPUs, models and quantizations, with your own prices and parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLM Procurement Advisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your settings could not be read (%1) and were reset to the defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your settings could not be read (%1); the program started on its defaults. The damaged file was kept as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>⚠ Assumptions: %n override(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Assumptions: calibrated factors, no overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assumptions: uncalibrated default factors, no overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::ModelPicker</name>
    <message>
        <source>M&amp;odel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quantization:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 B parameters%2 · weights %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (MoE, %1 B active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The context window the model is started with: the most text (prompt and answer, in tokens) it can hold at once. Its KV cache is reserved in memory whole, so a longer window needs more memory; it does not change the speeds. &quot;Per use case&quot; plans for the longest use case only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conte&amp;xt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per use case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens (model maximum)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::RecommendationModel</name>
    <message>
        <source>integrated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 — prompt %3, output %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tightest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total price of CPU, memory, GPUs and platform, in euros. Builds with a part that has no price are listed apart, never priced at zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far the tightest limit is beaten: 1.00× just passes, 2.00× is twice as fast as needed (prompt within the time limit, output at the minimum rate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The use case with the smallest margin: the first to fail if the load grows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated output (generation) speed, in tokens per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated prompt-processing (prefill) speed, in tokens per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The processor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory channels populated × modules per channel × module size, the memory type and speed, and the total capacity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discrete graphics cards (count × model), or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power drawn at load: CPU, GPUs and the rest of the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 × %3, %4 (%5)</source>
        <extracomment>channels × modules per channel × module size, memory type (total capacity)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2, %3 (%4)</source>
        <extracomment>channels × module size, memory type (total capacity)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::SettingsCheck</name>
    <message>
        <source>it is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 holds control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 is neither a [section] nor key=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is too large</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::SizeCurveModel</name>
    <message>
        <source>does not fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model size
(GB)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::SummaryModel</name>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU fabric side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System bandwidth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model runs on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottleneck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use cases passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price per generation speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power at load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy per 1M tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electricity per 1M tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory bandwidth on the DIMM side: channels × 8 bytes × MT/s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bandwidth the CPU&apos;s chiplets (CCDs) can pull through the Infinity Fabric: CCDs × 32 bytes × FCLK. Zero when the CPU has a single die (no fabric limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bandwidth of one GPU&apos;s own memory (VRAM). Zero when there is no GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the CPU actually gets from RAM: the smaller of the RAM side and the CPU fabric side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt processing (prefill): tokens of input read per second. Limited by compute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token generation: tokens of output written per second. Limited by memory bandwidth. 10 tok/s is about reading speed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the model&apos;s weights live: CPU (system RAM), GPU (VRAM), or split between them (hybrid).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights + KV cache (the model&apos;s working memory for the context) + runtime overhead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM and VRAM the chosen placement may use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part that limits token generation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total price divided by generation speed: lower is better value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU and GPU TDPs plus the platform (board, drives, fans, PSU losses).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy and electricity cost to generate one million tokens at load (tariff in Assumptions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A published benchmark of the same device (GPU, or CPU when the model runs there) with the same model and quantization: the median of the results found. Shown to check the estimate against; never used to make it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range in brackets is where 8 in 10 published measurements of %1 hardware fell around the estimator&apos;s figure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published measurement: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range of the results: %1–%2 tok/s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest source: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single runs only: treat with care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights %1 + KV cache %2 + overhead %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In VRAM %1 of %2; in RAM %3 of %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In RAM %1 of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no fabric limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (does not fit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none published</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (%n result(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (overridden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EUR per tok/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per tok/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::SummaryTable</name>
    <message>
        <source>Results per build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Results per build (the charts show these numbers):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speeds: the estimate, with the range 8 in 10 published measurements fell in. Memory bar: weights, KV cache and overhead; the line marks the RAM and VRAM the build may use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures marked * use an assumption you overrode (see Assumptions).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::UseCaseChart</name>
    <message>
        <source>Use cases: pass, borderline or fail per build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>borderline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not computed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::UseCaseModel</name>
    <message>
        <source>Not computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt: %1 at %2
Generation: %3 (%4)
Total: %5
%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 prompt tokens, %3 generated tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::UseCasePanel</name>
    <message>
        <source>Use-case matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why each use case passes or fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use cases per build (hover a cell for its times):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failing and borderline use cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::WhatIfModel</name>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not possible (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(⚠ not buildable as is)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2, %3×</source>
        <extracomment>verdict before → after, then the change of the margin (×)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3; margin %4× → %5×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated, but the platform cannot take it as is:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One change to the selected build, the model or the context.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the change adds to (+) or saves from (−) the build&apos;s price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict before → after the change, and how the margin moves (1.00× just passes). Bold: the verdict flips.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2×</source>
        <extracomment>verdict after the change, then the change of the margin (×)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::WhatIfPanel</name>
    <message>
        <source>What if: changes and their effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each row is one change to the selected build. Each use-case column shows the verdict before → after and how the margin moves; bold marks a verdict that flips.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headroom per use case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much bigger a model, how long a context and how many users at once the selected build takes before each use case fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;&amp;What if one thing changes&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;&amp;Headroom: how far it stretches&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a build on the left to see what single changes would do to it and how much room it has left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No use cases are chosen, so there is nothing to pass or fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be estimated (see the build editor), so there is nothing to change yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For &lt;b&gt;%1&lt;/b&gt;: the first table shows what one change would do — its price and, for each use case, the verdict before → after and how the margin moves (1.00× just passes). The second shows how far the build stretches before each use case fails.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llm::ui::fmt</name>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU (system RAM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs, layer split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs, tensor parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hybrid: layers in GPU and RAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hybrid: experts in RAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified memory (iGPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM side (channels × MT/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU fabric (the cores&apos; link to memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCIe link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity: does not fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-token overhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off-line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non-viable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>borderline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>LLM Procurement Advisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare CPU, RAM and GPU builds for running large language models locally.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved comparison (.json) to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this catalogue database instead of the one in your profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the comparison&apos;s PDF report to PATH and quit (no window shown).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to PATH (PNG) and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour theme: system, light or dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on this tab (0 = charts ... 4 = assumptions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calibrated efficiency factors could not be read (%1); uncalibrated defaults are used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
