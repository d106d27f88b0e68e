import json, random, re, os, sys
# Paths are relative to this file's folder (eval/realnews-check13). To run a copy kept elsewhere,
# pass the folder it stands for: python3 select.py /work/main/eval/realnews-check13
HERE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
def rel(p): return os.path.normpath(os.path.join(HERE, p))
PARITY = 1
corpus = [json.loads(l) for l in open(rel('../../../shared/corpus/wikinews-2019-2020/wikinews.jsonl'))]
excl_ids = set(); excl_urls = set(); excl_titles = set()
for p in ['../../../shared/eval/realnews-events/gold.jsonl', '../realnews-extra/gold.jsonl',
          '../realnews-check/gold.jsonl'] + ['../realnews-check%d/gold.jsonl' % k for k in range(2, 12)]:
    for l in open(rel(p)):
        d = json.loads(l); excl_ids.add(d.get('doc')); excl_urls.add(d.get('url')); excl_titles.add(d.get('title'))
elig = [c for c in corpus if c['id'] not in excl_ids and c.get('url') not in excl_urls and c.get('title') not in excl_titles]
print(len(corpus), len(elig))
ids = sorted(c['id'] for c in elig)
random.Random(1812).shuffle(ids)
ids = [x for i, x in enumerate(ids) if i % 2 == PARITY]
byid = {c['id']: c for c in elig}
for i, x in enumerate(ids[:50], 1):
    c = byid[x]; body = c['text']
    ns = len(re.findall(r'[.!?]["”\']?(\s|$)', body))
    print(i, x, '|', c['title'][:90], '| ~sents', ns)
