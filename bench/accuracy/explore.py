from prototype import *
S=[]
for r in rows:
    s,why=row_setup(r)
    if not s: print('skip',r['id'],why); continue
    S.append(s)
f0=dict(bw=1.0,cmp=1.0,ovh=0.0)
for s in sorted(S,key=lambda s:(s['cls'],s['runtime'])):
    p,g=predict(s,f0)
    print(f"{s['id']:28s} {s['cls']:22s} {s['runtime']:9s} W={s['W']/1e9:6.2f} bw={s['bw']/1e9:6.0f} pk={s['peak']/1e12 if s['peak'] else 0:6.1f} "
          f"tg {s['tg'] or 0:7.1f}/{g:7.1f}={ (s['tg'] or 0)/g:5.2f}  pp {s['pp'] or 0:7.0f}/{p:7.0f}={(s['pp'] or 0)/p:5.3f} {s['note']}")
