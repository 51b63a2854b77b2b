#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Scratch prototype (stdlib only) of the roofline the core implements, used to
# decide which terms the published measurements need and how to fit them.
# Not part of the product; the C++ calibration (core/calibration.cpp) is.
import csv, math, re, sys, statistics as st
from collections import defaultdict

import os
# The raw data folder `shared/data` beside the repository (or give it as argument 1).
D = (sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'data')) + os.sep
cpus = {(r['vendor'] + ' ' + r['model']): r for r in csv.DictReader(open(D + 'cpus.csv'))}
gpus = {(r['vendor'] + ' ' + r['model']): r for r in csv.DictReader(open(D + 'gpus.csv'))}
models = {r['hf_repo'].split('/')[1].lower(): r for r in csv.DictReader(open(D + 'models.csv'))}
quants = {r['quant']: float(r['bits_per_weight_effective']) for r in csv.DictReader(open(D + 'quants.csv'))
          if r['bits_per_weight_effective']}
rows = list(csv.DictReader(open(D + 'measured-train.csv')))

def num(s):
    s = (s or '').strip().lstrip('~')
    try:
        return float(s)
    except ValueError:
        return None

LS9 = [(1024, 16), (4096, 256), (2048, 256), (2048, 768), (1024, 1024), (1280, 3072), (384, 1152), (64, 1024), (16, 1536)]

def arch(s):
    return re.split(r'[ (]', s.strip())[0]

def cpu_peak(c):
    a = arch(c['architecture'])
    fpc = 64 if a in ('zen5',) or (c['vendor'] == 'Intel' and c['avx512'] == 'yes') else 32
    if c['avx512_bf16'] == 'yes' or 'AMX' in c['architecture']:
        fpc *= 2
    return num(c['cores']) * (num(c['boost_ghz']) or 3.5) * 1e9 * fpc

def gpu_peak(g):
    v = num(g['fp16_tensor_tflops_dense'])
    if v:
        return v * 1e12
    m = re.search(r'(\d+) cores', g['architecture'])
    if m:  # Apple M3/M4: cores x 128 ALU x 2 FLOP x ~1.4 GHz
        return int(m.group(1)) * 128 * 2 * 1.4e9
    return 82e12  # RTX 4000 Ada: unresolved in the data (hardware.md)

def resolve_model(r):
    name = r['model_name'].lower()
    m = models.get(name)
    note = ''
    if not m:
        # nearest dense/MoE architecture by parameter count
        p = num(r['params_b'])
        cands = sorted(models.values(), key=lambda x: abs(math.log(num(x['params_total_b']) / p)))
        m = cands[0]
        note = 'model~' + m['model']
    return m, note

def bpw(q):
    q = q.replace('UD-', '').replace('i1-', '').split(' ')[0]
    if q in quants:
        return quants[q]
    if q.startswith('Q4_K'):
        return quants['Q4_K_M']
    return None

def row_setup(r):
    kind = r['hardware_kind']
    c = cpus.get(r['cpu_catalog'])
    g = gpus.get(r['gpu_catalog'])
    m, note = resolve_model(r)
    P = num(m['params_total_b']) * 1e9
    A = num(m['params_active_b']) * 1e9
    fgb = num(r['model_file_gb'])
    if fgb:
        W = fgb * 1e9
    else:
        b = bpw(r['quant'])
        if b is None:
            return None, 'no quant'
        W = num(r['params_b']) * 1e9 * b / 8
    Wread = W * A / P
    kvpt = num(m['kv_bytes_per_token_f16']) or 0
    # bandwidths
    if c:
        ch = num(r['ram_channels']) or num(c['memory_channels'])
        mts = num(r['ram_speed_mts']) or num(c['max_mts'])
        ram = ch * 8 * mts * 1e6
        ccd = num(c['ccd_count']) or 0
        links = 2 if (arch(c['architecture']) == 'zen5' and c['family'] == 'server' and 0 < ccd <= 8) else 1
        fab = ccd * 32 * links * (num(c['fclk_ghz']) or 0) * 1e9 if ccd > 0 else None
        sysbw = min(ram, fab) if fab else ram
        ub = num(c['unified_bw_gbs'])
        if ub:
            sysbw = min(sysbw, ub * 1e9)
    runtime = 'llamafile' if r['test'].startswith('localscore') else 'llama.cpp'
    if kind == 'cpu':
        if not c: return None, 'no cpu'
        bw, peak = sysbw, cpu_peak(c)
        cls = 'cpu-' + arch(c['architecture'])
        if c['vendor'] == 'Apple': cls = 'cpu-apple'
    elif kind == 'gpu':
        if not g: return None, 'no gpu'
        bw, peak = num(g['bandwidth_gbs']) * 1e9, gpu_peak(g)
        a = arch(g['architecture'])
        cls = ('gpu-nvidia-' + a) if g['vendor'] == 'NVIDIA' else 'gpu-' + g['vendor'].lower()
    elif kind == 'unified':
        if not g: return None, 'no gpu'
        bw = num(g['bandwidth_gbs']) * 1e9
        if c: bw = min(bw, sysbw)
        peak = gpu_peak(g)
        cls = 'unified-' + g['vendor'].lower()
    else:
        return None, 'hybrid'
    return dict(id=r['id'], kind=kind, cls=cls, runtime=runtime, W=W, Wread=Wread, kvpt=kvpt, bw=bw, peak=peak,
                A=A, L=num(m['n_layers']), H=num(m['n_heads']), hd=num(m['head_dim']), note=note,
                src=r['id'].split('-')[0], dev=(r['cpu_catalog'] if kind == 'cpu' else r['gpu_catalog']),
                test=r['test'], pt=num(r['prompt_tokens']), gt=num(r['gen_tokens']),
                pp=num(r['pp_tok_s']), tg=num(r['tg_tok_s'])), ''

def scenarios(s):
    if s['test'] == 'localscore-avg9':
        return LS9
    if s['pt'] and s['gt']:
        # llama-bench: pp and tg are separate tests from an empty context
        if s['test'].startswith('localscore'):
            return [(s['pt'], s['gt'])]
        return [('bench', s['pt'], s['gt'])]
    return [('bench', 512, 128)]

# ---- model ----------------------------------------------------------------
def gen_rate(s, f, P, G):
    c = P + G / 2
    t = (s['Wread'] + f.get('kv', 1.0) * s['kvpt'] * c) / (s['bw'] * f['bw']) + f['ovh']
    return 1 / t

def pp_rate(s, f, P):
    attn = 4 * s['L'] * s['H'] * s['hd'] * (P / 2)
    fl = 2 * s['A'] + attn * f.get('attn', 1.0)
    tc = P * fl / (s['peak'] * f['cmp'])
    nb = math.ceil(P / 512)
    tm = nb * s['Wread'] / (s['bw'] * f['bw'])
    t = max(tc, tm) + nb * f.get('batch', 0) * s['W'] / s['bw']
    return P / t

def predict(s, f):
    sc = scenarios(s)
    pps, tgs = [], []
    for x in sc:
        if x[0] == 'bench':
            _, P, G = x
            pps.append(pp_rate(s, f, P)); tgs.append(gen_rate(s, f, 0, G))
        else:
            P, G = x
            pps.append(pp_rate(s, f, P)); tgs.append(gen_rate(s, f, P, G))
    return st.mean(pps), st.mean(tgs)
