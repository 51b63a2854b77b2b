#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Regenerate the shipped catalogue CSVs in this folder from the raw data.

Usage: python3 build_catalogue.py [RAW_DATA_DIR]   (default: shared/data beside the repository)

Python 3 standard library only. The output is committed; CI never runs this.
Every fix applied here is listed in CHANGES.md; the script asserts the facts
it relies on so that a change in the raw data stops it instead of silently
producing a different catalogue.
"""

import csv
import hashlib
import os
import re
import sys

CHECKED = "2026-11-25"  # the date we checked the data, used when the source gives none
HERE = os.path.dirname(os.path.abspath(__file__))
RAW = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data")

MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}


def read(name):
    with open(os.path.join(RAW, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([r.get(h, "") for h in header])
    print(f"{name}: {len(rows)} rows")


def as_of(source):
    """The date the source gives (ISO 8601, possibly year-month only), else CHECKED."""
    m = re.search(r"\b(20\d\d)-(\d\d)-(\d\d)\b", source)
    if m:
        return m.group(0)
    m = re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*[- ](20\d\d)\b", source)
    if m:
        return f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}"
    return CHECKED


class Row:
    """Strips '~' from cells and remembers which output columns were approximate."""

    def __init__(self, raw):
        self.raw = raw
        self.approx = []

    def get(self, col, out=None):
        v = self.raw.get(col, "").strip()
        if v.startswith("~"):
            self.approx.append(out or col)
            v = v[1:].strip()
        return v

    def mark(self, out):
        if out not in self.approx:
            self.approx.append(out)


def num(v):
    """Normalise a number cell: no trailing '.0' noise, empty stays empty."""
    if v == "":
        return ""
    f = float(v)
    return str(int(f)) if f == int(f) and abs(f) < 1e15 else repr(f)


def yes(v):
    v = v.strip().lower()
    assert v in ("yes", "no", ""), v
    return "1" if v == "yes" else "0"


# ---------------------------------------------------------------- CPUs
TURIN_ARCH = ("zen5", "zen5c")


def memory_standard(detail, mts):
    """One JEDEC standard per CPU: the one the rated speed (max_mts) belongs to."""
    d = detail.upper()
    if "/" in d and "LPDDR" in d and "MRDIMM" not in d:  # "DDR5-5600/LPDDR5X-7500"
        for part in d.split("/"):
            m = re.match(r"\s*(L?P?DDR\d+X?)(?:-(\d+))?", part)
            if m and m.group(2) and int(m.group(2)) == int(float(mts)):
                return m.group(1)
    m = re.match(r"\s*(LPDDR\d+X?|DDR\d+)", d)
    assert m, detail
    return m.group(1)


def pcie_gen_of(r):
    """PCIe generation of the CPU's lanes (not in the raw data): by platform."""
    sock, arch = r["socket"], r["architecture"]
    if sock in ("AM5", "sTR5", "SP5", "SP6", "FL1", "FCLGA4677", "FCLGA7529", "FCLGA1851", "FCLGA1700"):
        return "5"
    if sock in ("AM4", "SP3", "~SP3", "sTRX4", "sWRX8", "FCLGA4189") or sock.startswith("FP"):
        return "4"
    if sock in ("FCLGA2011-3", "FCLGA2011", "FCLGA3647"):
        return "3"
    if "Meteor Lake" in arch or "Lunar Lake" in arch:
        return "4"
    if r["vendor"] == "Cix":
        return "4"
    return ""  # Apple, DGX Spark: no CPU PCIe lanes for GPUs


def read_added(name):
    """Rows the project added in the raw layout (this folder), after the raw data's own."""
    with open(os.path.join(HERE, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def build_cpus():
    out = []
    for raw in read("cpus.csv") + read_added("cpus_added.csv"):
        r = Row(raw)
        vendor, model = raw["vendor"].strip(), raw["model"].strip()
        o = {"name": f"{vendor} {model}", "vendor": vendor, "model": model}
        for col in ("family", "socket", "architecture"):
            o[col] = r.get(col)
        for col, outcol in (("cores", "cores"), ("threads", "threads"), ("base_ghz", "base_ghz"),
                            ("boost_ghz", "boost_ghz"), ("l3_mb", "l3_mb"), ("ccd_count", "ccd_count"),
                            ("fclk_ghz", "fclk_ghz"), ("memory_channels", "memory_channels"),
                            ("max_memory_gb", "max_memory_gb"), ("max_mts", "max_mts"),
                            ("pcie_lanes", "pcie_lanes"), ("tdp_w", "tdp_w"),
                            ("launch_price_usd", "price_usd"), ("unified_bw_gbs", "unified_bw_gbs")):
            o[outcol] = num(r.get(col, outcol))
        detail = r.get("ddr_type", "memory_type")
        o["memory_type_detail"] = detail
        o["memory_type"] = memory_standard(detail, o["max_mts"])
        o["avx512"] = yes(raw["avx512"])
        o["avx512_bf16"] = yes(raw["avx512_bf16"])
        o["amx"] = "1" if "AMX" in raw["architecture"] else "0"
        o["pcie_gen"] = pcie_gen_of(raw)
        if o["pcie_gen"]:
            r.mark("pcie_gen")
        # ccd_count: empty (Intel, Apple, Arm SoCs) = monolithic = 0 = no fabric term.
        if o["ccd_count"] == "":
            o["ccd_count"] = "0"
        # Fabric links per CCD: 2 (GMI-Wide) on Turin with <= 8 CCDs, 1 elsewhere.
        ccds = int(o["ccd_count"])
        links = 1
        if raw["socket"] == "SP5" and raw["architecture"].split()[0] in TURIN_ARCH and 0 < ccds <= 8:
            links = 2
            if model != "EPYC 9355P":  # measured there; inferred for the other SKUs
                r.mark("fabric_links_per_ccd")
        o["fabric_links_per_ccd"] = str(links)
        src = raw["source"].strip()
        # Strix Halo (FP11) publishes no FCLK. Its Zen 5 CCDs get the Ryzen 9000
        # rows' nominal 2.0 GHz, so that the CPU side of the bandwidth formula
        # applies to its cores (docs/estimator.md, issue 17 item 9).
        if raw["socket"].strip() == "FP11" and o["fclk_ghz"] == "" and ccds > 0:
            o["fclk_ghz"] = "2"
            r.mark("fclk_ghz")
            src = (f"{src} | fclk_ghz: AMD publishes no FCLK for Strix Halo; 2.0 GHz as the Ryzen 9000 "
                   "desktop rows (same Zen 5 CCDs, 32 B per FCLK cycle read per CCD link)")
        # AMD's monolithic APUs (Cezanne, Rembrandt, Phoenix, Hawk Point, Strix
        # Point, Krackan) have no CCDs, but each CPU complex reaches the data
        # fabric through the same 32 B-per-FCLK-cycle read port as a CCD's link:
        # one complex, two on the Zen 5 + Zen 5c parts. AMD publishes no FCLK for
        # them: 1.6 GHz on Cezanne (1:1 with DDR4-3200), 2.0 GHz elsewhere as the
        # Strix Halo rows (docs/estimator.md, issue 17 item 12).
        arch0 = raw["architecture"].strip().lower()
        if (vendor == "AMD" and ccds == 0 and o["family"] in ("mobile", "desktop")
                and arch0.startswith("zen") and o["fclk_ghz"] == ""):
            complexes = 2 if "zen5c" in arch0 else 1
            o["ccd_count"] = str(complexes)
            o["fclk_ghz"] = "1.6" if "cezanne" in arch0 else "2"
            r.mark("ccd_count")
            r.mark("fclk_ghz")
            src = (f"{src} | ccd_count, fclk_ghz: monolithic APU; ccd_count counts its CPU complexes "
                   f"({complexes}), each behind a 32 B per FCLK cycle read port to the data fabric; AMD "
                   f"publishes no FCLK, {o['fclk_ghz']} GHz assumed")
        if model in SYSTEM_PRICES:
            assert o["price_usd"] == "", model  # never overwrite a raw price
            o["price_usd"], note, approximate = SYSTEM_PRICES[model]
            if approximate:
                r.mark("price_usd")
            src = f"{src} | {note}"
        if model in PRICE_NOTES:
            assert o["price_usd"] != "", model
            src = f"{src} | {PRICE_NOTES[model]}"
        if model in CPU_CLOCKS:
            assert o["boost_ghz"] == "" and o["base_ghz"] == "", model  # never overwrite a raw clock
            o["boost_ghz"], note = CPU_CLOCKS[model]
            assert as_of(note) == CHECKED, model  # the note must not move the row's as_of
            r.mark("boost_ghz")  # none of these clocks comes from the vendor
            src = f"{src} | {note}"
        o["source"] = src
        o["as_of"] = as_of(src)
        apply_buyability(o, r, CPU_NOT_SOLD_NEW, model)
        o["approximate"] = ";".join(r.approx)
        out.append(o)
    assert all(m in {x["model"] for x in out} for m in CPU_NOT_SOLD_NEW)
    check_cpus(out)
    return out


def check_cpus(rows):
    by = {r["model"]: r for r in rows}
    assert len(by) == len(rows), "duplicate CPU names"
    # Strix Halo: 256-bit LPDDR5X-8000 = 4 x 64-bit-equivalent channels = 256 GB/s.
    for m in ("Ryzen AI Max+ 395", "Ryzen AI Max+ PRO 395", "Ryzen AI Max 390", "Ryzen AI Max PRO 390",
              "Ryzen AI Max 385"):
        assert by[m]["memory_channels"] == "4" and by[m]["max_mts"] == "8000", m
        assert by[m]["unified_bw_gbs"] == "256", m
    assert by["Ryzen AI Max PRO 380"]["memory_channels"] == "2"
    # EPYC 9005 (Turin) is rated DDR5-6000.
    for r in rows:
        if r["socket"] == "SP5" and r["architecture"].split()[0] in TURIN_ARCH:
            assert r["max_mts"] == "6000", r["model"]
        assert r["family"] in ("desktop", "workstation", "server", "mobile"), r["family"]
        assert r["memory_channels"] and float(r["memory_channels"]) > 0, r["model"]
        assert r["max_mts"] and float(r["max_mts"]) > 0, r["model"]
        assert r["cores"] and int(r["cores"]) > 0, r["model"]
    # A clock for every CPU: validateBuild refuses a build without one (CPU prefill uses it).
    no_clock = {r["model"] for r in rows if r["boost_ghz"] == "" and r["base_ghz"] == ""}
    assert no_clock == NO_CLOCK_FOUND, sorted(no_clock)
    assert by["EPYC 9355P"]["fabric_links_per_ccd"] == "2"
    assert by["EPYC 9755"]["fabric_links_per_ccd"] == "1"


# P-core clocks of the Apple rows (issue: Apple builds refused for want of a clock).
# Apple publishes no clock; these come from measurements (powermetrics, AnandTech),
# Geekbench listings and Wikipedia, so boost_ghz is listed in `approximate`. Base
# clocks stay empty: Apple silicon has none in the x86 sense. The note goes into
# `source` and carries no date, so `as_of` (the row's price or check date) stays.
_M1 = ("P-core clock (Apple publishes none): 3.204 GHz, the top P-core frequency macOS powermetrics reports "
       "for the M1 (eclecticlight.co/2022/10/05/making-the-most-of-apple-silicon-power-2-core-capabilities); "
       "AnandTech measured the Firestorm cores of the M1 Mac mini at 3.2 GHz, one or all cores loaded "
       "(anandtech.com/show/16252/mac-mini-apple-m1-tested)")
_M1_BIG = ("P-core clock (Apple publishes none): 3.228 GHz, the top P-core frequency macOS powermetrics reports "
           "for the M1 Pro, Max and Ultra (eclecticlight.co/2022/10/05/making-the-most-of-apple-silicon-power-2-"
           "core-capabilities); AnandTech measured 3228 MHz peak on the M1 Max "
           "(anandtech.com/show/17024/apple-m1-max-performance-review); the Ultra is two M1 Max dies, listed "
           "by Geekbench at 3.2 GHz (voonze.com/apple-silicon-m1-ultra-first-benchmark-on-mac-studio-"
           "comparisons-and-considerations)")
_M2 = ("P-core clock (Apple publishes none): 3.49 GHz, the maximum CPU clock Wikipedia gives for the M2 family "
       "(en.wikipedia.org/wiki/Apple_M2, where the figure is marked as wanting a citation) and the clock of the "
       "M2 MacBook Pro's Geekbench listing (fudzilla.com/news/pc-hardware/57870-apple-s-benchmarks-disappoint). "
       "Geekbench listed a pre-release M2 Max at 3.54 GHz (tomshardware.com/news/apple-m2-pro-geekbench-rumor) "
       "and the M2 Ultra at 3.68 GHz (dailytechupdate.com/2023/06/10/apple-m2-ultra-processor-performance-"
       "geekbench-benchmark-tests); the lowest figure is kept")
_M3 = ("P-core clock (Apple publishes none): 4.05 GHz, the P-core clock Wikipedia gives for the M3 family "
       "(en.wikipedia.org/wiki/Apple_M3, citing Tom's Hardware, 'Apple M3 CPUs hit 4.05 GHz, challenge Raptor "
       "Lake in Geekbench') and the clock of the M3 MacBook Pro's Geekbench listing "
       "(fudzilla.com/news/pc-hardware/57870-apple-s-benchmarks-disappoint)")
_M3_ULTRA = (_M3 + "; the first Geekbench 6 listing of the M3 Ultra Mac Studio (Mac15,14, 32-core CPU) shows "
                   "4.05 GHz too (Wccftech's report as reprinted at usaheadlinesnow.com/technology/m3-ultras-top-"
                   "end-configuration-with-a-32-core-cpu-gets-spotted-in-first-benchmark-run-29-percent-faster-"
                   "than-m2-ultra-but-registers-just-single-digit-improvement-over-m4-max)")
_M4 = ("P-core clock (Apple publishes none): 4.4 GHz, the clock Geekbench listings show for the base M4 "
       "('around 4.40GHz or 4.41GHz', techloot.co.uk/ios/m4-max-emerges-as-worlds-fastest-chipset-in-"
       "geekbench-6); Howard Oakley notes that 4.3 and 4.4 GHz are both reported "
       "(eclecticlight.co/2024/11/03/last-week-on-my-mac-m4-incoming)")
_M4_BIG = ("P-core clock (Apple publishes none): 4.512 GHz, the top of the M4 P-core frequency table macOS "
           "powermetrics reports, measured on an M4 Pro (eclecticlight.co/2024/11/11/inside-m4-chips-p-cores); "
           "notebookcheck gives the M4 Pro 2592-4512 MHz (notebookcheck.nl/Apple-M4-M4-Pro-12-cores-Notebook-"
           "Processor.925775.0.html); Geekbench lists 4.489 GHz for the M4 Pro and 4.506 GHz for the M4 Max "
           "(mactechnews.de/news/article/M4-Max-Noch-beeindruckendere-Benchmark-Ergebnisse-186010.html)")
CPU_CLOCKS = {
    **{m: ("3.204", _M1) for m in ("M1 (8-core CPU/7-core GPU)", "M1 (8-core CPU/8-core GPU)")},
    **{m: ("3.228", _M1_BIG) for m in ("M1 Max (10-core CPU/32-core GPU)", "M1 Ultra (20-core CPU)",
                                       "M1 Ultra (20-core CPU/48-core GPU)", "M1 Ultra (20-core CPU/64-core GPU)")},
    **{m: ("3.49", _M2) for m in ("M2 (8-core CPU/10-core GPU)", "M2 Pro (12-core CPU)",
                                  "M2 Pro (12-core CPU/19-core GPU)", "M2 Max (12-core CPU)",
                                  "M2 Max (12-core CPU/38-core GPU)", "M2 Ultra (24-core CPU)",
                                  "M2 Ultra (24-core CPU/76-core GPU)")},
    **{m: ("4.05", _M3) for m in ("M3 (8-core CPU/10-core GPU)", "M3 Pro (12-core CPU)",
                                  "M3 Pro (12-core CPU/18-core GPU)", "M3 Max (14-core CPU/30-core GPU)",
                                  "M3 Max (16-core CPU/40-core GPU)")},
    "M3 Ultra (32-core CPU/80-core GPU)": ("4.05", _M3_ULTRA),
    **{m: ("4.4", _M4) for m in ("M4 (10-core CPU)", "M4 (10-core CPU/10-core GPU)")},
    **{m: ("4.512", _M4_BIG) for m in ("M4 Pro (14-core CPU)", "M4 Pro (14-core CPU/20-core GPU)",
                                       "M4 Max (14-core CPU/32-core GPU)", "M4 Max (16-core CPU/40-core GPU)")},
}
# Rows still without any clock: no page gives one (listed in CHANGES.md).
NO_CLOCK_FOUND = {"EPYC 7B13"}



# ---------------------------------------------------------------- GPUs added
# GPUs the raw gpus.csv lacks but published measurements name (issue 17 item 2,
# measurements.csv PG-* rows). Raw-file columns and conventions ('~' = approximate:
# derived from the published figures as the note says, or recalled). Tensor
# figures are dense: NVIDIA FP16 with FP16 accumulate (Turing and Ampere GA10x:
# 1024 FLOP/clk/SM, Ada: 1024 FLOP/clk/SM at the boost clock, as the raw RTX 30/40
# rows); AMD RDNA3 = CUs x 512 FLOP/clk (WMMA) x boost as the RX 7900 XTX row,
# RDNA4 = published INT4-with-sparsity TOPS / 8 as the RX 9070 XT row, RDNA2 =
# FP32 x 2 (packed math, no matrix units) as the RX 6800 XT row.
def _gpu(vendor, model, segment, arch, vram, mem, bus, bw, fp16, int8, tdp, gen, lanes, nvlink, price, source):
    return {"vendor": vendor, "model": model, "segment": segment, "architecture": arch, "vram_gb": vram,
            "memory_type": mem, "bus_width_bits": bus, "bandwidth_gbs": bw, "fp16_tensor_tflops_dense": fp16,
            "int8_tops_dense": int8, "tdp_w": tdp, "pcie_gen": gen, "pcie_lanes": lanes, "nvlink": nvlink,
            "launch_price_usd": price, "source": source}


_NV20 = "https://www.nvidia.com/en-us/geforce/20-series/ (cores, boost clock, memory, TGP, launch price)"
_TURING = ("https://images.nvidia.com/aem-dam/en-zz/Solutions/design-visualization/technologies/turing-architecture/"
           "NVIDIA-Turing-Architecture-Whitepaper.pdf (8 tensor cores per SM, 64 FP16 FMA each)")
GPU_ADDITIONS = [
    _gpu("NVIDIA", "GeForce RTX 4060", "consumer", "ada (AD107)", "8", "GDDR6", "128", "272", "~60.5", "~121",
         "115", "4", "8", "no", "299",
         "https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4060-4060ti/ (3072 cores, 2.46 GHz boost, "
         "8 GB GDDR6 128-bit 17 Gbps = 272 GB/s, 115 W, USD 299) | fp16 = 24 SM x 1024 FLOP/clk x 2.46 GHz "
         "(derived, as the RTX 4060 Ti 16GB row), int8 = 2x"),
    _gpu("NVIDIA", "GeForce RTX 2060", "consumer", "turing (TU106)", "6", "GDDR6", "192", "336", "~51.6", "~103.2",
         "160", "3", "16", "no", "349",
         f"{_NV20}: 1920 cores (30 SM), 1.68 GHz boost, 6 GB GDDR6 192-bit 14 Gbps = 336 GB/s, 160 W, USD 349 | "
         f"fp16 = 30 SM x 1024 FLOP/clk x 1.68 GHz (derived), int8 = 2x | {_TURING}"),
    _gpu("NVIDIA", "GeForce RTX 2060 SUPER", "consumer", "turing (TU106)", "8", "GDDR6", "256", "448", "~57.4",
         "~114.9", "175", "3", "16", "no", "399",
         f"{_NV20}: 2176 cores (34 SM), 1.65 GHz boost, 8 GB GDDR6 256-bit 14 Gbps = 448 GB/s, 175 W, USD 399 | "
         f"fp16 = 34 SM x 1024 FLOP/clk x 1.65 GHz (derived), int8 = 2x | {_TURING}"),
    _gpu("NVIDIA", "GeForce RTX 2070 SUPER", "consumer", "turing (TU104)", "8", "GDDR6", "256", "448", "~72.5",
         "~145", "215", "3", "16", "yes", "499",
         f"{_NV20}: 2560 cores (40 SM), 1.77 GHz boost, 8 GB GDDR6 256-bit 14 Gbps = 448 GB/s, 215 W, USD 499 | "
         f"fp16 = 40 SM x 1024 FLOP/clk x 1.77 GHz (derived), int8 = 2x | {_TURING}"),
    _gpu("NVIDIA", "GeForce RTX 2080", "consumer", "turing (TU104)", "8", "GDDR6", "256", "448", "~80.5", "~161",
         "215", "3", "16", "yes", "699",
         f"{_NV20}: 2944 cores (46 SM), 1.71 GHz reference boost (Founders Edition 1.80), 8 GB GDDR6 256-bit 14 Gbps "
         f"= 448 GB/s, 215 W, USD 699 | fp16 = 46 SM x 1024 FLOP/clk x 1.71 GHz (derived), int8 = 2x | {_TURING}"),
    _gpu("NVIDIA", "RTX A2000 12GB", "workstation", "ampere (GA106)", "12", "GDDR6 ECC", "192", "288", "~31.9",
         "~63.9", "70", "4", "16", "no", "",
         "https://www.nvidia.com/content/dam/en-zz/Solutions/design-visualization/rtx-a2000/"
         "nvidia-rtx-a2000-datasheet.pdf (3328 cores, 12 GB GDDR6 ECC 192-bit, 288 GB/s, 70 W, PCIe 4.0 x16, tensor "
         "63.9 TFLOPS = FP16 with sparsity) | fp16 dense = 63.9 / 2 (derived), int8 dense = 63.9 (2x fp16)"),
    _gpu("NVIDIA", "RTX 2000 Ada Generation", "workstation", "ada (AD107)", "16", "GDDR6 ECC", "128", "224", "~48",
         "~96", "70", "4", "8", "no", "~625",
         "https://www.nvidia.com/en-us/design-visualization/rtx-2000/ (2816 cores, 16 GB GDDR6 ECC 128-bit, 224 GB/s, "
         "70 W, PCIe 4.0 x8, tensor 191.9 TFLOPS = FP8 with sparsity) | fp16 dense = 191.9 / 4 (derived; = 22 SM x "
         "1024 FLOP/clk x 2.13 GHz), int8 = 2x | price recalled"),
    _gpu("NVIDIA", "Quadro RTX 8000", "workstation", "turing (TU102)", "48", "GDDR6 ECC", "384", "672", "130.5",
         "~261", "~295", "3", "16", "yes", "~5500",
         "https://www.nvidia.com/content/dam/en-zz/Solutions/design-visualization/quadro-product-literature/"
         "quadro-rtx-8000-us-nvidia-946977-r1-web.pdf (4608 cores, 48 GB GDDR6 384-bit 672 GB/s, tensor 130.5 TFLOPS, "
         "NVLink) | int8 = 2x fp16 (Turing) | board power and price recalled"),
    _gpu("NVIDIA", "TITAN V", "consumer", "volta (GV100)", "12", "HBM2", "3072", "652.8", "110", "", "250", "3",
         "16", "no", "2999",
         "https://www.nvidia.com/en-us/titan/titan-v/ (5120 cores, 640 tensor cores, 110 TFLOPS deep learning, "
         "12 GB HBM2 3072-bit 652.8 GB/s, 250 W, USD 2,999) | no int8 tensor mode on Volta"),
    _gpu("NVIDIA", "A10", "datacenter", "ampere (GA102)", "24", "GDDR6 ECC", "384", "600", "125", "250", "150",
         "4", "16", "no", "",
         "https://www.nvidia.com/en-us/data-center/products/a10-gpu/ (24 GB GDDR6, 600 GB/s, FP16 tensor 125 | 250* "
         "TFLOPS, INT8 250 | 500* TOPS (* = sparsity), 150 W, PCIe 4.0 x16)"),
    _gpu("NVIDIA", "L40", "datacenter", "ada (AD102)", "48", "GDDR6 ECC", "384", "864", "181.05", "362.1", "300",
         "4", "16", "no", "",
         "https://www.nvidia.com/en-us/data-center/l40/ (48 GB GDDR6 ECC, 864 GB/s, FP16 tensor 181.05 | 362.1* "
         "TFLOPS, INT8 362.1 | 724.2* TOPS (* = sparsity), 300 W, PCIe 4.0 x16)"),
    _gpu("NVIDIA", "H100 NVL", "datacenter", "hopper (GH100)", "94", "HBM3", "6144", "3900", "835.5", "1670.5",
         "~400", "5", "16", "yes", "",
         "https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet (H100 NVL: 94 GB HBM3, "
         "3.9 TB/s, FP16 tensor 1,671 TFLOPS and INT8 3,341 TOPS with sparsity, 350-400 W configurable, PCIe 5.0, "
         "NVLink bridge) | dense = sparse / 2 | bus width as the other GH100 rows"),
    _gpu("NVIDIA", "T4", "datacenter", "turing (TU104)", "16", "GDDR6", "256", "320", "65", "130", "70", "3", "16",
         "no", "",
         "https://www.nvidia.com/en-us/data-center/tesla-t4/ (2560 cores, 320 tensor cores, 16 GB GDDR6 320 GB/s, "
         "FP16 mixed precision 65 TFLOPS, INT8 130 TOPS, 70 W, PCIe 3.0 x16)"),
    _gpu("AMD", "Radeon RX 6700 XT", "consumer", "rdna2 (Navi 22, gfx1031)", "12", "GDDR6", "192", "384", "~26.4",
         "", "230", "4", "16", "no", "479",
         "https://www.io-tech.fi/uutinen/amd-julkaisi-uuden-radeon-rx-6700-xt-naytonohjaimen-rdna2-navi-22/ (40 CU, "
         "2581 MHz boost, 12 GB GDDR6 16 Gbps 192-bit = 384 GB/s, 96 MB Infinity Cache, TBP 230 W) | fp16 = FP32 "
         "13.2 x 2 (packed math, no matrix units; derived) | MSRP USD 479 (AMD launch) | "
         "https://www.amd.com/en/products/graphics/desktops/radeon.html (canonical)"),
    _gpu("AMD", "Radeon RX 6800", "consumer", "rdna2 (Navi 21, gfx1030)", "16", "GDDR6", "256", "512", "~32.3", "",
         "250", "4", "16", "no", "~579",
         "https://www.amd.com/en/products/graphics/desktops/radeon.html (canonical; 60 CU, 2105 MHz boost, 16 GB "
         "GDDR6 256-bit 16 Gbps = 512 GB/s, 128 MB Infinity Cache, TBP 250 W, recalled) | fp16 = 60 CU x 256 FLOP/clk "
         "x 2.105 GHz (packed FP16, no matrix units; derived) | MSRP recalled"),
    _gpu("AMD", "Radeon RX 7900 XT", "consumer", "rdna3 (Navi 31)", "20", "GDDR6", "320", "800", "~103.2",
         "~103.2", "315", "4", "16", "no", "899",
         "https://www.amd.com/en/products/graphics/desktops/radeon/7000-series/amd-radeon-rx-7900xt.html (84 CU, "
         "2400 MHz boost, 20 GB GDDR6 320-bit 20 Gbps = 800 GB/s, TBP 315 W, USD 899) | fp16 = 84 CU x 512 FLOP/clk "
         "(WMMA) x 2.4 GHz (derived as the RX 7900 XTX row), int8 same rate"),
    _gpu("AMD", "Radeon AI PRO R9700", "workstation", "rdna4 (Navi 48, gfx1201)", "32", "GDDR6", "256", "640",
         "~191.4", "~382.8", "300", "5", "16", "no", "~1299",
         "https://www.amd.com/en/products/graphics/workstations/radeon-ai-pro/ai-9000-series/"
         "amd-radeon-ai-pro-r9700.html (canonical; 64 CU, 32 GB GDDR6 256-bit 20 Gbps = 640 GB/s, TBP 300 W, PCIe "
         "5.0 x16, 1531 peak AI TOPS = INT4 with sparsity, recalled) | int8 dense = 1531 / 4, fp16 dense = 1531 / 8 "
         "(derived as the RX 9070 XT row) | price recalled"),
]

# ---------------------------------------------------------------- buyability
# What the program may propose (recommender, what-if; issue 13 item 7): the GPU's
# form factor and whether a part is still sold new as of the catalogue date.
# Empty sold_new = unknown (counted as on sale). "inferred" rows are listed in
# `approximate`: they rest on the product history, not on a vendor notice.
RTX40_EOL = ("production of the mid- to high-end RTX 40 GPUs (all but AD107) wound down ahead of RTX 50, "
             "hothardware.com/news/nvidia-reportedly-winds-down-rtx-40-production-as-50-series-gpus-remain-on-track "
             "(2024-11-12); RTX 50 on sale since 2025-01")
RTX30_EOL = ("superseded by RTX 40 (2022) and RTX 50 (2025-01); end of production reported for the RTX 3060 in "
             "Aug 2024 and for the RTX 3080 about two years after launch, "
             "techmehow.com/nvidia-axes-rtx-4090-in-favour-of-rtx-5090-according-to-leaker")
GPU_NOT_SOLD_NEW = {
    **{m: (RTX30_EOL, True) for m in ("GeForce RTX 3060 12GB", "GeForce RTX 3060 Ti", "GeForce RTX 3070",
                                      "GeForce RTX 3070 Ti", "GeForce RTX 3080 10GB", "GeForce RTX 3080 Ti",
                                      "GeForce RTX 3090", "GeForce RTX 3090 Ti")},
    **{m: (RTX40_EOL, False) for m in ("GeForce RTX 4060 Ti 16GB", "GeForce RTX 4070", "GeForce RTX 4070 SUPER",
                                       "GeForce RTX 4070 Ti", "GeForce RTX 4070 Ti SUPER", "GeForce RTX 4080",
                                       "GeForce RTX 4080 SUPER", "GeForce RTX 4090")},
    "GeForce RTX 2080 Ti": ("Turing (2018), superseded by RTX 30, 40 and 50", True),
    **{m: ("Turing (2018-19), superseded by RTX 30, 40 and 50", True)
       for m in ("GeForce RTX 2060", "GeForce RTX 2060 SUPER", "GeForce RTX 2070 SUPER", "GeForce RTX 2080",
                 "Quadro RTX 8000")},
    "TITAN V": ("Volta (2017), superseded by the RTX/TITAN RTX line and later generations", True),
    "Tesla V100 SXM2 32GB": ("Volta (2017), superseded by A100 (2020), H100 (2022) and B200", True),
    "A100 40GB PCIe": ("replaced by the A100 80GB PCIe in 2021", True),
    **{m: ("RDNA2 (2020-22), superseded by RX 7000 (2022) and RX 9000 (2025)", True)
       for m in ("Radeon RX 6650 XT", "Radeon RX 6700 XT", "Radeon RX 6800", "Radeon RX 6800 XT",
                 "Radeon RX 6900 XT")},
}
# Modules for a vendor baseboard (HGX / OAM UBB), not add-in cards for a PC slot.
GPU_MODULES = {
    "A100 80GB SXM4": ("sxm", "SXM4 module (name; NVIDIA A100 datasheet in source)"),
    "H100 SXM5 80GB": ("sxm", "SXM5 module (name; NVIDIA H100 datasheet in source)"),
    "H200 SXM 141GB": ("sxm", "SXM module (name; NVIDIA H200 datasheet in source)"),
    "B200 (HGX/DGX B200)": ("sxm", "SXM module on the HGX / DGX B200 baseboard (DGX B200 datasheet in source)"),
    "Tesla V100 SXM2 32GB": ("sxm", "SXM2 module (name; datasheet in source)"),
    "Instinct MI300X": ("oam", "OAM module on an 8-GPU UBB baseboard "
                               "(amd.com/en/products/accelerators/instinct/mi300/mi300x.html, canonical, not re-read)"),
}
CPU_NOT_SOLD_NEW = {
    "Ryzen 5 3600": ("Zen 2 (2019), superseded by Ryzen 5000 (2020), 7000 (2022) and 9000 (2024)", True),
    "Ryzen 9 3900X": ("Zen 2 (2019), superseded by Ryzen 5000 (2020), 7000 (2022) and 9000 (2024)", True),
    "Ryzen Threadripper 3960X": ("sTRX4 (2019), a platform without successor CPUs; replaced by sTR5 (2023)", True),
    "Ryzen Threadripper 3970X": ("sTRX4 (2019), a platform without successor CPUs; replaced by sTR5 (2023)", True),
    "EPYC 7B13": ("cloud-only custom SKU: never sold at retail (shared/data/hardware.md)", False),
    "EPYC 7K62": ("cloud-only custom SKU: never sold at retail (shared/data/hardware.md)", False),
    "Xeon E5-1620 v3": ("Haswell-EP (2014), four generations old", True),
    "Xeon E5-2680 v4": ("Broadwell-EP (2016), four generations old", True),
    "Xeon E5-2690 v2": ("Ivy Bridge-EP (2013), five generations old", True),
    "Xeon Gold 6152": ("Skylake-SP (2017), superseded by Cascade, Ice, Sapphire, Emerald and Granite Rapids", True),
    "Xeon Platinum 8280": ("Cascade Lake (2019), superseded by Ice, Sapphire, Emerald and Granite Rapids", True),
}
# Whole-system prices for soldered-memory parts that had none (issue 13 item 5).
# Priced like the Apple rows: the CPU row carries the system's price.
SYSTEM_PRICES = {
    "Ryzen AI Max+ 395": ("1999", "system price: Framework Desktop with Ryzen AI Max+ 395 and 128 GB, USD 1,999 "
                                  "before storage and accessories (matthewjayhunter.com/post/reviews/hardware/"
                                  "framework_desktop; same figure in modelfit.io/blog/amd-strix-halo-local-ai-128gb, "
                                  "June 2026); a 64 GB system costs less", False),
    # HP sells the PRO 395 only in its Z2 Mini G1a workstation; no HP list price with a
    # source was found, so a dealer's price stands in (approximate: one shop, one date).
    "Ryzen AI Max+ PRO 395": ("3342.65", "system price: HP Z2 Mini G1a workstation (model BN4F6UT#ABA) with Ryzen "
                                         "AI Max+ PRO 395, 128 GB and 2 TB, USD 3,342.65 at B&H Photo "
                                         "(bhphotovideo.com/c/product/1892697-REG/hp_bn4f6ut_aba_z2_mini_g1a_workstation"
                                         ".html), a dealer price as collected on 2026-09-08; HP's own list price for a "
                                         "128 GB / 2 x 1 TB configuration was about USD 4,781 at the same date", True),
    # Apple: the chip's base Mac configuration, US launch price (as the other Apple rows).
    "M3 Ultra (32-core CPU/80-core GPU)": ("5499", "system price: Mac Studio (2025) with M3 Ultra 32-core CPU / "
                                                   "80-core GPU, 96 GB, 1 TB, USD 5,499 at launch on 2025-03-05 "
                                                   "(lowendmac.com/2025/mac-studio-early-2025; consistent with "
                                                   "USD 9,499 for the 512 GB configuration, macrumors.com/2025/03/05/"
                                                   "maxed-out-m3-ultra-mac-studio-14099); more memory costs more", False),
    "M4 Max (16-core CPU/40-core GPU)": ("2499", "system price: Mac Studio (2025) with M4 Max 16-core CPU / 40-core "
                                                 "GPU, 48 GB, 512 GB, USD 2,499 at launch on 2025-03-05 "
                                                 "(lowendmac.com/2025/mac-studio-early-2025; USD 3,699 with 128 GB and "
                                                 "1 TB, prices.appleinsider.com/mac-studio-2025); more memory costs "
                                                 "more", False),
    "M4 Pro (14-core CPU/20-core GPU)": ("1599", "system price: Mac mini (2024) with M4 Pro 14-core CPU / 20-core "
                                                 "GPU, 24 GB, 512 GB, USD 1,599 at launch on 2024-10-29: the USD 1,399 "
                                                 "M4 Pro model plus USD 200 for this chip (support.apple.com/en-us/"
                                                 "121555; everymac.com/systems/apple/mac_mini/specs/mac-mini-m4-pro-"
                                                 "12-core-cpu-16-core-gpu-2024-specs.html)", False),
    "M4 (10-core CPU/10-core GPU)": ("599", "system price: Mac mini (2024) with M4 10-core CPU / 10-core GPU, 16 GB, "
                                           "256 GB, USD 599 at launch on 2024-10-29 (apple.com/newsroom/2024/10/"
                                           "apples-new-mac-mini-is-more-mighty-more-mini-and-built-for-apple-"
                                           "intelligence); the same machine as the 'M4 (10-core CPU)' row", False),
}
# Rows that already carry a price from the raw data: what changed since (appended to source).
PRICE_NOTES = {
    "DGX Spark (GB10 Grace Blackwell)": (
        "price: USD 3,999 is the Founders Edition (128 GB, 4 TB) launch price of 2025-10-15; NVIDIA raised its list "
        "price to USD 4,699 on 2026-02-23 (forums.developer.nvidia.com/t/2-23-2026-price-change-announcement/361713); "
        "the system is priced once, on the CPU row (the integrated GPU is never added)"),
}


def apply_buyability(o, r, not_sold_new, model):
    """sold_new and its basis (appended to source); r marks inferred values approximate."""
    if model in not_sold_new:
        basis, inferred = not_sold_new[model]
        o["sold_new"] = "0"
        o["source"] = f'{o["source"]} | not sold new: {basis}'
        if inferred:
            r.mark("sold_new")
    else:
        o["sold_new"] = "1"


# ---------------------------------------------------------------- GPUs
# Apple M3 / M4 GPUs: Apple publishes no FLOP figure. FP16 ALU peak =
# GPU cores x 128 ALUs x 2 FLOP (FMA) x clock (FP16 runs at the FP32 rate).
APPLE_GPU_CLOCK_GHZ = {
    "M3": (1.398, "hmc-tech.com/gpu/apple_10_core_m3 and /gpu/apple-32-core-m4-max-vs-apple-40-core-m3-max "
                  "list the M3 family GPU at 1398 MHz"),
    "M4 Max": (1.678, "hmc-tech.com/gpu/apple-32-core-m4-max-vs-apple-40-core-m3-max lists the M4 Max GPU at 1678 MHz"),
    "M4": (1.578, "hmc-tech.com/gpu/apple-8-core-m4-fl-vs-apple-24-core-m1-max lists the M4 GPU at 1578 MHz; "
                  "assumed for M4 and M4 Pro (no figure found for the M4 Pro)"),
}


def apple_fp16(model, arch):
    m = re.search(r"(\d+) cores", arch)
    cores = int(m.group(1))
    key = "M4 Max" if model.startswith("M4 Max") else model.split()[0]
    ghz, basis = APPLE_GPU_CLOCK_GHZ[key]
    tflops = cores * 128 * 2 * ghz / 1000.0
    return f"{tflops:.3f}", (f"fp16 derived (approximate): {cores} GPU cores x 128 ALUs x 2 FLOP x {ghz} GHz "
                             f"= {tflops:.3f} TFLOPS; clock: {basis}")


def build_gpus():
    out = []
    for raw in read("gpus.csv") + GPU_ADDITIONS:
        r = Row(raw)
        vendor, model = raw["vendor"].strip(), raw["model"].strip()
        o = {"name": f"{vendor} {model}", "vendor": vendor, "model": model}
        for col in ("segment", "architecture", "memory_type"):
            o[col] = r.get(col)
        for col, outcol in (("vram_gb", "vram_gb"), ("bus_width_bits", "bus_width_bits"),
                            ("bandwidth_gbs", "bandwidth_gbs"), ("fp16_tensor_tflops_dense", "fp16_tflops"),
                            ("int8_tops_dense", "int8_tops"), ("tdp_w", "tdp_w"), ("pcie_gen", "pcie_gen"),
                            ("pcie_lanes", "pcie_lanes"), ("launch_price_usd", "price_usd")):
            o[outcol] = num(r.get(col, outcol))
        o["nvlink"] = yes(raw["nvlink"])
        src = raw["source"].strip()
        o["integrated"] = "1" if "unified" in raw["memory_type"].lower() else "0"
        if vendor == "Apple" and o["fp16_tflops"] == "":
            o["fp16_tflops"], note = apple_fp16(model, raw["architecture"])
            r.mark("fp16_tflops")
            src = f"{src} | {note}"
        if o["integrated"] == "1":
            o["form_factor"] = "integrated"
        elif model in GPU_MODULES:
            o["form_factor"], note = GPU_MODULES[model]
            src = f"{src} | form factor: {note}"
        else:
            o["form_factor"] = "pcie"
        if model in PRICE_NOTES:
            assert o["price_usd"] != "", model
            src = f"{src} | {PRICE_NOTES[model]}"
        o["source"] = src
        o["as_of"] = as_of(src)
        apply_buyability(o, r, GPU_NOT_SOLD_NEW, model)
        o["approximate"] = ";".join(r.approx)
        out.append(o)
    by = {r["model"]: r for r in out}
    assert len(by) == len(out), "duplicate GPU names"
    assert all(m in by for m in GPU_MODULES) and all(m in by for m in GPU_NOT_SOLD_NEW)
    # Every module named as one is marked so (a new SXM / OAM row must be listed above).
    for m, row in by.items():
        if "SXM" in m or "OAM" in m:
            assert row["form_factor"] in ("sxm", "oam"), m
    for m in ("DGX Spark (GB10 Grace Blackwell)", "Radeon 8060S (Ryzen AI Max+ 395)",
              "Radeon 8050S (Ryzen AI Max 390/385)", "M4 Max (16-core CPU/40-core GPU)"):
        assert by[m]["integrated"] == "1", m
    assert by["GeForce RTX 5090"]["integrated"] == "0"
    assert sum(r["integrated"] == "1" for r in out) == 3 + sum(r["vendor"] == "Apple" for r in out)
    for r in out:
        assert float(r["bandwidth_gbs"]) > 0 and float(r["vram_gb"]) > 0, r["model"]
    return out


# ---------------------------------------------------------------- models
ATTENTION = {"gqa", "mha", "mla", "sliding"}


def count(v):
    return "" if v == "" else str(round(float(v) * 1e9))


def build_models():
    out = []
    for raw in read("models.csv"):
        r = Row(raw)
        repo = raw["hf_repo"].strip()
        o = {"name": repo.split("/", 1)[1], "family": r.get("family"), "display_name": r.get("model"),
             "hf_repo": repo}
        o["params_total"] = count(r.get("params_total_b", "params_total"))
        o["params_active"] = count(r.get("params_active_b", "params_active"))
        o["moe"] = yes(raw["moe"])
        for col, outcol in (("experts_total", "experts_total"), ("experts_active", "experts_active"),
                            ("n_layers", "layers"), ("hidden_size", "hidden_size"), ("n_heads", "heads"),
                            ("n_kv_heads", "kv_heads"), ("head_dim", "head_dim"),
                            ("sliding_window", "sliding_window"), ("n_full_attn_layers", "full_attention_layers"),
                            ("kv_lora_rank", "kv_lora_rank"), ("qk_rope_head_dim", "qk_rope_head_dim"),
                            ("max_context", "max_context"), ("n_shared_experts", "shared_experts")):
            o[outcol] = num(r.get(col, outcol))
        o["attention"] = r.get("attention")
        assert o["attention"] in ATTENTION, o["attention"]
        o["routed_expert_params"] = ""
        if o["moe"] == "1":
            e, k = int(o["experts_total"]), int(o["experts_active"])
            total = float(raw["params_total_b"].lstrip("~"))
            active = float(raw["params_active_b"].lstrip("~"))
            if "active excludes input embedding" in raw["params_basis"]:
                # gpt-oss: the published active count leaves out the input embedding,
                # which the total includes; use the computed active (with it) so that
                # total - active is routed experts only.
                active = float(raw["params_active_b_computed"])
            o["routed_expert_params"] = str(round((total - active) * e / (e - k) * 1e9))
        o["license"] = r.get("license")
        o["release_date"] = r.get("release_date")
        o["params_basis"] = r.get("params_basis")
        src = raw["source"].strip()
        o["source"] = src
        o["as_of"] = as_of(src)
        o["approximate"] = ";".join(r.approx)
        out.append(o)
    names = [m["name"] for m in out]
    assert len(set(names)) == len(names), "duplicate model names"
    q = {m["name"]: m for m in out}["Qwen2.5-14B-Instruct"]
    assert q["params_total"] == "14770000000" and q["layers"] == "48" and q["kv_heads"] == "8"
    return out


# ---------------------------------------------------------------- quantizations
def build_quants():
    out = []
    for raw in read("quants.csv"):
        r = Row(raw)
        name = raw["quant"].strip()
        # "MXFP4 (MXFP4_MOE ftype)" -> "MXFP4" (the name runtimes and measured results use)
        name = re.sub(r"\s*\(MXFP4_MOE ftype\)$", "", name)
        eff = r.get("bits_per_weight_effective", "bits_per_weight")
        block = r.get("block_bpw")
        o = {"name": name, "format": raw["format"].strip(), "block_bpw": num(block),
             "notes": raw["notes"].strip()}
        if eff:
            o["bits_per_weight"], o["bpw_basis"] = num(eff), "whole-model effective"
        else:
            # No whole-model figure: the per-tensor storage size is the best there is.
            o["bits_per_weight"], o["bpw_basis"] = num(block), "block storage size (no whole-model figure)"
            r.mark("bits_per_weight")
        src = raw["source"].strip()
        o["source"] = src
        o["as_of"] = as_of(src)
        o["approximate"] = ";".join(r.approx)
        assert float(o["bits_per_weight"]) > 0, name
        out.append(o)
    names = [q["name"] for q in out]
    assert len(set(names)) == len(names), "duplicate quant names"
    assert {q["name"]: q for q in out}["Q4_K_M"]["bits_per_weight"] == "4.8944"
    return out


# ---------------------------------------------------------------- memory speeds
JEDEC_DDR4 = "https://www.jedec.org/standards-documents/docs/jesd79-4a (DDR4 SDRAM standard; speed bins 1600-3200 MT/s)"
JEDEC_DDR3 = "https://www.jedec.org/standards-documents/docs/jesd-79-3d (DDR3 SDRAM standard; speed bins 800-2133 MT/s)"
JEDEC_LP4X = "https://www.jedec.org/standards-documents/docs/jesd209-4b (LPDDR4/4X standard; up to 4266 MT/s)"
ADDED_SPEEDS = ([("DDR4", s, JEDEC_DDR4) for s in (1600, 1866, 2133, 2400, 2666, 2933, 3200)]
                + [("DDR3", s, JEDEC_DDR3) for s in (1333, 1600, 1866)]
                + [("LPDDR4X", 4266, JEDEC_LP4X)])


def build_memory_speeds():
    out, seen = [], set()
    for raw in read("memory.csv"):
        if raw["category"] not in ("ddr5_speed", "lpddr_speed"):
            continue
        key = (raw["standard"], int(raw["speed_mts"]))
        if key in seen:
            continue
        seen.add(key)
        src = raw["source"].strip()
        out.append({"standard": key[0], "speed_mts": str(key[1]), "source": src, "as_of": as_of(src),
                    "origin_note": "memory.csv"})
    for std, s, src in ADDED_SPEEDS:
        assert (std, s) not in seen
        out.append({"standard": std, "speed_mts": str(s), "source": src, "as_of": CHECKED,
                    "origin_note": "added (JEDEC speed bin; not in memory.csv)"})
    out.sort(key=lambda r: (r["standard"], int(r["speed_mts"])))
    return out


# ---------------------------------------------------------------- presets, use cases
# Seed rows 2-4 (Ryzen 9 9950X) pair 192 GB with DDR5-5600 on two channels. 192 GB on AM5
# is 4 x 48 GB, two DIMMs per channel, which AMD rates at DDR5-3600 (platforms.csv,
# max_mts_2dpc): a build the platform rules refuse. The seed's bandwidth (2 ch x 5600 MT/s
# = 89.6 GB/s, what its figures rest on) is kept with 2 x 64 GB, one DIMM per channel.
PRESET_CAPACITY_GB = {
    "Desktop: Ryzen 9 9950X": "128",
    "Desktop: Ryzen 9 9950X + RTX 5080": "128",
    "Desktop: Ryzen 9 9950X + RTX 5090": "128",
}
PRESET_CAPACITY_NOTE = ("Memory 128 GB (2 x 64 GB): the seed's 192 GB needs two DIMMs per channel,"
                        " which AM5 runs at DDR5-3600 at most (platforms.csv).")


def build_presets(cpus, gpus):
    cpu_names = {c["name"] for c in cpus}
    gpu_names = {g["name"] for g in gpus}
    out = []
    for raw in read("presets.csv"):
        o = {k: raw[k].strip() for k in ("name", "memory_channels", "memory_mts", "memory_capacity_gb",
                                          "gpu_count", "seed_row", "note")}
        o["cpu_name"] = raw["cpu_catalog"].strip()
        o["gpu_name"] = raw["gpu_catalog"].strip()
        assert o["cpu_name"] in cpu_names, o["cpu_name"]
        assert o["gpu_name"] == "" or o["gpu_name"] in gpu_names, o["gpu_name"]
        assert (o["gpu_name"] == "") == (o["gpu_count"] == "0"), o["name"]
        if o["name"] in PRESET_CAPACITY_GB:
            o["memory_capacity_gb"] = PRESET_CAPACITY_GB[o["name"]]
            o["note"] = o["note"].rstrip(".") + ". " + PRESET_CAPACITY_NOTE
        o["source"] = "seed document running-llms-locally.md, first table (corrected in presets.csv)"
        o["as_of"] = CHECKED
        out.append(o)
    return out


USE_CASES = [
    ("UC1", "Classification, sentiment analysis, keyword extraction", 1024, 16),
    ("UC2", "Long document Q&A, RAG, short summary of extensive text", 4096, 256),
    ("UC3", "Complex reasoning, chain-of-thought, long-form creative writing, code generation", 1280, 3072),
    ("UC4", "Prompt expansion, explanation generation, creative writing, code generation", 384, 1152),
]


def build_use_cases():
    src = ("seed document running-llms-locally.md, use-case table (after LocalScore, "
           "https://www.localscore.ai/about)")
    return [{"id": i, "description": d, "prompt_tokens": str(p), "gen_tokens": str(g), "source": src,
             "as_of": CHECKED} for i, d, p, g in USE_CASES]


# Ollama's "mixtral:8x7b-instruct-v0.1" tag is the instruct model of the catalogue.
FILE_SIZE_MODEL_NAMES = {"Mixtral-8x7B": "Mixtral-8x7B-Instruct-v0.1"}


def build_file_sizes(models, quants):
    """Real GGUF file sizes (GB = 1e9 B); in_catalogue = 1 when model and quant are catalogue names."""
    model_names = {m["name"] for m in models}
    quant_names = {q["name"] for q in quants}
    out = []
    for raw in read("gguf_file_sizes.csv"):
        model = FILE_SIZE_MODEL_NAMES.get(raw["model"].strip(), raw["model"].strip())
        quant = re.sub(r"\s*\(MXFP4_MOE ftype\)$", "", raw["quant"].strip())
        out.append({"model": model, "quant": quant,
                    "file_size_gb": num(raw["file_size_gb"].strip()),
                    "repo_or_origin": raw["repo_or_origin"].strip(),
                    "in_catalogue": "1" if model in model_names and quant in quant_names else "0",
                    "source": raw["source"].strip(), "as_of": as_of(raw["source"])})
    return out


def main():
    cpus = build_cpus()
    gpus = build_gpus()
    models = build_models()
    quants = build_quants()
    write("cpus.csv", ["name", "vendor", "model", "family", "socket", "architecture", "cores", "threads",
                       "base_ghz", "boost_ghz", "l3_mb", "ccd_count", "fabric_links_per_ccd", "fclk_ghz",
                       "memory_channels", "max_memory_gb", "memory_type", "memory_type_detail", "max_mts",
                       "avx512", "avx512_bf16", "amx", "pcie_lanes", "pcie_gen", "tdp_w", "price_usd",
                       "unified_bw_gbs", "approximate", "source", "as_of", "sold_new"], cpus)
    write("gpus.csv", ["name", "vendor", "model", "segment", "architecture", "vram_gb", "memory_type",
                       "bus_width_bits", "bandwidth_gbs", "fp16_tflops", "int8_tops", "tdp_w", "pcie_gen",
                       "pcie_lanes", "nvlink", "integrated", "price_usd", "approximate", "source", "as_of",
                       "form_factor", "sold_new"], gpus)
    write("models.csv", ["name", "family", "display_name", "hf_repo", "params_total", "params_active", "moe",
                         "experts_total", "experts_active", "shared_experts", "routed_expert_params", "layers",
                         "hidden_size", "heads", "kv_heads", "head_dim", "attention", "sliding_window",
                         "full_attention_layers", "kv_lora_rank", "qk_rope_head_dim", "max_context", "license",
                         "release_date", "params_basis", "approximate", "source", "as_of"], models)
    write("quants.csv", ["name", "format", "bits_per_weight", "bpw_basis", "block_bpw", "notes", "approximate",
                         "source", "as_of"], quants)
    write("memory_speeds.csv", ["standard", "speed_mts", "origin_note", "source", "as_of"], build_memory_speeds())
    write("presets.csv", ["name", "cpu_name", "memory_channels", "memory_mts", "memory_capacity_gb", "gpu_name",
                          "gpu_count", "seed_row", "note", "source", "as_of"], build_presets(cpus, gpus))
    write("use_cases.csv", ["id", "description", "prompt_tokens", "gen_tokens", "source", "as_of"],
          build_use_cases())
    write("gguf_file_sizes.csv", ["model", "quant", "file_size_gb", "repo_or_origin", "in_catalogue", "source",
                                  "as_of"], build_file_sizes(models, quants))
    # meta.csv: the data version is a hash of the data files, so it changes exactly
    # when the shipped data does (a release can then replace the shipped rows).
    digest = hashlib.sha256()
    for name in DATA_FILES:
        with open(os.path.join(HERE, name), "rb") as f:
            digest.update(name.encode() + b"\0" + f.read())
    write("meta.csv", ["key", "value"], [{"key": "as_of", "value": CHECKED},
                                         {"key": "data_version", "value": f"{CHECKED}.{digest.hexdigest()[:12]}"}])


DATA_FILES = ("cpus.csv", "gpus.csv", "models.csv", "quants.csv", "memory_speeds.csv", "presets.csv",
              "use_cases.csv", "gguf_file_sizes.csv")


if __name__ == "__main__":
    main()
