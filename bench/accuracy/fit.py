from prototype import *
import itertools, random

S = []
for r in rows:
    s, why = row_setup(r)
    if s:
        s['suspect'] = 'SUSPECT-LOW' in r['notes']
        S.append(s)

def keys(s, level):
    if level == 0: return s['cls'] + '@' + s['runtime']
    if level == 1: return s['cls']
    if level == 2: return s['kind'] + '@' + s['runtime']
    return s['kind']

def solve(fn, target, lo=1e-3, hi=50.0):
    # fn increasing in x; find x with fn(x) = target (log bisection)
    if target is None or target <= 0: return None
    for _ in range(36):
        mid = math.sqrt(lo * hi)
        if fn(mid) < target: lo = mid
        else: hi = mid
    return math.sqrt(lo * hi)

MINN = 2
CACHE = {}
def hier(train, implied_of):
    """median implied factor per key at several levels"""
    tabs = []
    vals = [(s, implied_of(s)) for s in train]
    for level in range(4):
        d = defaultdict(list)
        for s, v in vals:
            if v: d[keys(s, level)].append(v)
        tabs.append({k: st.median(v) for k, v in d.items() if len(v) >= (MINN if level < 2 else 1)})
    return tabs

def lookup(tabs, s, default):
    for level in range(4):
        k = keys(s, level)
        if k in tabs[level]: return tabs[level][k]
    return default

def gen_f(s, x, g):
    f = dict(bw=x, cmp=1, ovh=g['ovh'].get(s['kind'] + '@' + s['runtime'], g['ovh'].get(s['kind'], 0)) , kv=g['kv'])
    return f

def fit(train, g):
    # generation: bandwidth efficiency per class given global overhead/kv
    def imp_bw(s):
        if s['suspect'] or not s['tg']: return None
        key = (s['id'], repr(g))
        if key not in CACHE:
            CACHE[key] = solve(lambda x: predict_g(s, gen_f(s, x, g)), s['tg'])
        return CACHE[key]
    bwt = hier(train, imp_bw)
    def imp_c(s):
        if s['suspect'] or not s['pp']: return None
        bw = lookup(bwt, s, 0.7)
        f = gen_f(s, bw, g)
        return solve(lambda x: predict_p(s, dict(f, cmp=x, batch=g['batch'].get(s['kind'] + '@' + s['runtime'], 0))), s['pp'], 1e-3, 5)
    ct = hier(train, imp_c)
    return bwt, ct

def predict_g(s, f):
    return predict(s, f)[1]
def predict_p(s, f):
    return predict(s, f)[0]

def evaluate(train, test, g):
    bwt, ct = fit(train, g)
    out = []
    for s in test:
        bw = lookup(bwt, s, 0.7); c = lookup(ct, s, 0.4)
        f = dict(gen_f(s, bw, g), cmp=c, batch=g['batch'].get(s['kind'] + '@' + s['runtime'], 0))
        p, t = predict(s, f)
        if s['pp']: out.append(('prompt', s, p / s['pp'] - 1))
        if s['tg']: out.append(('gen', s, t / s['tg'] - 1))
    return out

def cv(g, folds_by='dev'):
    devs = sorted(set(s[folds_by] for s in S))
    out = []
    for d in devs:
        train = [s for s in S if s[folds_by] != d]
        test = [s for s in S if s[folds_by] == d]
        out += evaluate(train, test, g)
    return out

def summary(out, label=''):
    res = {}
    for ph in ('prompt', 'gen'):
        e = sorted(abs(x[2]) for x in out if x[0] == ph)
        res[ph] = (st.median(e) * 100, e[int(0.8 * len(e))] * 100, len(e))
    print(f"{label:40s} prompt med {res['prompt'][0]:5.1f} p80 {res['prompt'][1]:5.1f} n{res['prompt'][2]} | gen med {res['gen'][0]:5.1f} p80 {res['gen'][1]:5.1f} n{res['gen'][2]}")
    return res
