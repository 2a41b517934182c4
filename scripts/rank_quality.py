#!/usr/bin/python3
"""The scikit-learn half of scripts/rank-quality: arxiv-sanity-lite's exact
TfidfVectorizer (compute.py) and LinearSVC (serve.py) on the same papers and
the same splits as package rankeval, printed beside paperdeck's report.

    /usr/bin/python3 scripts/rank_quality.py PAPERS.jsonl.gz GO_REPORT.json [SPLITS]
"""
import gzip
import hashlib
import json
import sys
import time

CATEGORIES = ["math.RT", "math.QA", "math.AG", "math.CO", "math.NT", "hep-th", "astro-ph", "hep-ph"]
BOOKMARKS = 40


def load(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def split(recs, cat, n, s):
    """The n papers of cat whose hex SHA-256 of "s:id" sorts first (rankeval.Split)."""
    ids = [r["id"] for r in recs if r["categories"].split()[0] == cat]
    ids.sort(key=lambda i: hashlib.sha256(f"{s}:{i}".encode()).hexdigest())
    return set(ids[:n])


def average_precision(relevant):
    hits, total = 0, 0.0
    for k, r in enumerate(relevant):
        if r:
            hits += 1
            total += hits / (k + 1)
    return total / hits if hits else 0.0


def sklearn_report(recs, splits):
    import numpy as np

    import rank_recipe

    texts = [rank_recipe.text(r["title"], r["abstract"], r["authors"]) for r in recs]
    start = time.perf_counter()
    v = rank_recipe.vectorizer()
    x = v.fit_transform(texts).astype(np.float32)
    feature_time = time.perf_counter() - start
    cats = [r["categories"].split()[0] for r in recs]
    results, train_time, models = {}, 0.0, 0
    for c in CATEGORIES:
        ap = 0.0
        for s in range(1, splits + 1):
            marked = split(recs, c, BOOKMARKS, s)
            y = np.array([1.0 if r["id"] in marked else 0.0 for r in recs], dtype=np.float32)
            start = time.perf_counter()
            clf = rank_recipe.classifier()
            clf.fit(x, y)
            train_time += time.perf_counter() - start
            models += 1
            scores = clf.decision_function(x)
            rest = [i for i, r in enumerate(recs) if r["id"] not in marked]
            # Best score first; equal scores keep the papers' order (a stable sort).
            rest.sort(key=lambda i: -scores[i])
            ap += average_precision([cats[i] == c for i in rest]) / splits
        results[c] = ap
    return results, feature_time, train_time / models


def main():
    papers, go_path = sys.argv[1], sys.argv[2]
    splits = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with open(go_path) as f:
        both = json.load(f)
    go, recipe = both["paperdeck"], both["recipe"]
    try:
        import sklearn
        sk, sk_features, sk_train = sklearn_report(load(papers), splits)
        version = sklearn.__version__
    except ImportError:
        print("scikit-learn is missing (Debian: apt-get install python3-sklearn): paperdeck's figures only\n")
        sk, version = None, None
    print(f"{go['papers']} papers, {BOOKMARKS} bookmarks per category, {splits} splits; average precision\n")
    print("| category | papers to find | paperdeck | paperdeck, recipe as is | scikit-learn | paperdeck − scikit-learn | list order |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    mean_sk = 0.0
    for r, rr in zip(go["results"], recipe["results"]):
        c = r["category"]
        sk_ap, diff = "-", "-"
        if sk is not None:
            mean_sk += sk[c] / len(go["results"])
            sk_ap, diff = f"{sk[c]:.3f}", f"{r['ap'] - sk[c]:+.3f}"
        print(f"| {c} | {r['relevant']} | {r['ap']:.3f} | {rr['ap']:.3f} | {sk_ap} | {diff} | {r['list_order_ap']:.3f} |")
    sk_mean, diff = "-", "-"
    if sk is not None:
        sk_mean, diff = f"**{mean_sk:.3f}**", f"{go['mean_ap'] - mean_sk:+.3f}"
    print(f"| **mean** | | **{go['mean_ap']:.3f}** | {recipe['mean_ap']:.3f} | {sk_mean} | {diff} | "
          f"{go['mean_list_order_ap']:.3f} |")
    print()
    line = (f"time, recipe as is: features {recipe['feature_ns'] / 1e6:.0f} ms, "
            f"training one model {recipe['train_ns'] / 1e6:.1f} ms")
    if sk is not None:
        line += (f"; scikit-learn {version}: features {sk_features * 1e3:.0f} ms, "
                 f"training one model {sk_train * 1e3:.1f} ms")
    print(line)


if __name__ == "__main__":
    main()
