#!/usr/bin/python3
"""Writes rank/testdata/sklearn_linearsvc.json: what scikit-learn computes,
with arxiv-sanity-lite's exact TfidfVectorizer and LinearSVC parameters, on
the first 200 papers of testdata/arxiv_labelled_papers.jsonl.gz with the
math.QA papers as positives. rank's tests check their features and model
against it.

    /usr/bin/python3 scripts/rank-fixtures.py
"""
import gzip
import json
import os

import numpy as np
import sklearn

import rank_recipe

HERE = os.path.dirname(os.path.abspath(__file__))
N, POSITIVE, ROWS = 200, "math.QA", 20


def main():
    path = os.path.join(HERE, "..", "testdata", "arxiv_labelled_papers.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        recs = [json.loads(line) for _, line in zip(range(N), f)]
    texts = [rank_recipe.text(r["title"], r["abstract"], r["authors"]) for r in recs]
    v = rank_recipe.vectorizer()
    x = v.fit_transform(texts).astype(np.float32)
    terms = v.get_feature_names_out().tolist()
    y = np.array([1.0 if r["categories"].split()[0] == POSITIVE else 0.0 for r in recs], dtype=np.float32)
    clf = rank_recipe.classifier()
    clf.fit(x, y)
    rows = []
    for i in range(ROWS):
        row = x[i].tocoo()
        rows.append({"id": recs[i]["id"], "terms": {terms[j]: float(val) for j, val in zip(row.col, row.data)}})
    out = {
        "made_by": f"scripts/rank-fixtures.py, scikit-learn {sklearn.__version__}",
        "papers": N,
        "positive_category": POSITIVE,
        "positives": [r["id"] for r, yy in zip(recs, y) if yy == 1],
        "terms": terms,
        "idf": v.idf_.tolist(),
        "rows": rows,
        "coef": clf.coef_[0].tolist(),
        "intercept": float(clf.intercept_[0]),
        "decision": clf.decision_function(x).tolist(),
    }
    dst = os.path.join(HERE, "..", "rank", "testdata", "sklearn_linearsvc.json")
    with open(dst, "w") as f:
        json.dump(out, f, indent=0)
        f.write("\n")
    print(f"{dst}: {len(terms)} terms, {int(y.sum())} positives of {N}")


if __name__ == "__main__":
    main()
