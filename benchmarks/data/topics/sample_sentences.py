"""How druglib_sentences.jsonl was sampled (run once, before labelling): 70 random sentences of 25-300
characters from the training split's three text fields, plus 40 random ones among those that name food,
drink, water, exercise or supplement words (so the smaller topics occur). Seed 9."""
import sys, random, re, json
sys.path.insert(0, 'src')  # run from the repository root
import pandas as pd
from commentscope.analysis.sentences import split_sentences
d=pd.read_csv('/work/shared/data/druglib_train.tsv',sep='\t')
d['rating']=pd.to_numeric(d['rating'],errors='coerce'); d=d.dropna(subset=['rating'])
sents=[]
for _,r in d.iterrows():
    for f in ['benefitsReview','sideEffectsReview','commentsReview']:
        t=r[f]
        if isinstance(t,str):
            for s in split_sentences(' '.join(t.split())):
                if 25<=len(s)<=300: sents.append((r.iloc[0],f,s))
rng=random.Random(9)
pick=rng.sample(sents,70)
kw=re.compile(r'\b(water|drink\w*|eat\w*|food|diet|walk\w*|exercis\w*|gym|vitamin\w*|supplement\w*|calcium|yogh?urt|probiotic\w*|alcohol|coffee|pool|swim\w*|salt|fluorid\w*|fiber|sugar)\b',re.I)
cand=[x for x in sents if kw.search(x[2]) and x not in pick]
pick+=rng.sample(cand,40)
for i,(rid,f,s) in enumerate(pick): print(json.dumps({"id":i,"row":str(rid),"field":f,"text":s}))
