import json, random
from collections import Counter
gold = [json.loads(l) for l in open('gold.jsonl')]
pool = []
for d in gold:
    for i, e in enumerate(d['events']):
        if e['modality'] != 'negated':
            pool.append((d['doc'], i))
order = random.Random(3031).sample(pool, len(pool))
per = Counter(); drawn = []
for doc, i in order:
    if per[doc] >= 12:
        continue
    per[doc] += 1; drawn.append((doc, i))
    if len(drawn) == 40:
        break
print(len(pool), dict(per))
json.dump(drawn, open('/tmp/check3-drawn-events.json', 'w'))
