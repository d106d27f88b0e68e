import json, random, re
corpus=[json.loads(l) for l in open('/work/shared/corpus/wikinews-2019-2020/wikinews.jsonl')]
excl_ids=set(); excl_urls=set(); excl_titles=set()
for p in ['/work/shared/eval/realnews-events/gold.jsonl','/work/main/eval/realnews-extra/gold.jsonl','/work/main/eval/realnews-check/gold.jsonl','/work/main/eval/realnews-check2/gold.jsonl']:
    for l in open(p):
        d=json.loads(l); excl_ids.add(d.get('doc')); excl_urls.add(d.get('url')); excl_titles.add(d.get('title'))
print(corpus[0].keys())
elig=[c for c in corpus if c['id'] not in excl_ids and c.get('url') not in excl_urls and c.get('title') not in excl_titles]
print(len(corpus), len(elig))
ids=sorted(c['id'] for c in elig)
random.Random(3031).shuffle(ids)
byid={c['id']:c for c in elig}
for i,x in enumerate(ids[:40],1):
    c=byid[x]; body=c['text']
    ns=len(re.findall(r'[.!?]["”\']?(\s|$)', body))
    print(i, x, '|', c['title'][:90], '| ~sents', ns)
