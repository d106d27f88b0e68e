import json, random, re
from collections import defaultdict, Counter
gold = [json.loads(l) for l in open('gold.jsonl')]
codes = defaultdict(set)
info = {}
for d in gold:
    t = d['text']
    for e in d['events']:
        s = e['sentence']
        for p in ('source', 'target'):
            a = e[p]
            if a and a['text'] and a['text'] in s:
                key = (d['doc'], s, a['text'])
                codes[key].add(a['code'])
                so = t.find(s)
                pat = (r'\b' if re.match(r'\w', a['text']) else '') + re.escape(a['text']) + (r'\b' if re.search(r'\w$', a['text']) else '')
                m = re.search(pat, s)
                off = m.start() if m else s.find(a['text'])
                info[key] = so + off
multi = [k for k, v in codes.items() if len(v) > 1]
print('pool', len(codes), 'with two codes (left out):', multi)
pool = [(k[0], info[k], k[2], k[1], next(iter(codes[k]))) for k in codes if k not in multi]
pool.sort(key=lambda x: (x[0], x[1], x[2]))
order = random.Random(3031).sample(pool, len(pool))
per = Counter(); out = []
for doc, start, text, s, code in order:
    if per[doc] >= 12:
        continue
    per[doc] += 1
    out.append({'doc': doc, 'sentence': s, 'text': text, 'start': start, 'code': code})
    if len(out) == 40:
        break
print(len(out), dict(per), Counter(x[0] for x in pool))
tx = {d['doc']: d['text'] for d in gold}
for o in out:
    assert tx[o['doc']][o['start']:o['start']+len(o['text'])] == o['text']
    if tx[o['doc']].find(o['sentence']) + o['sentence'].find(o['text']) != o['start']:
        print('differs from str.find:', o['doc'], o['text'])
with open('actors.jsonl', 'w') as f:
    for o in out:
        f.write(json.dumps(o) + '\n')
