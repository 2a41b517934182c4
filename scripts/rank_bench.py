#!/usr/bin/python3
"""The scikit-learn half of scripts/rank-bench: arxiv-sanity-lite's recipe
timed on the papers BenchmarkRank uses (a --json file from tools/gencorpus),
doing the same work: features of every paper, one tag's model (the first 40
papers with "diffusion" in the title) against all, and a 1,000-paper listing
(papers 50,000 to 50,999) scored and sorted.

    /usr/bin/python3 scripts/rank_bench.py PAPERS.json
"""
import json
import sys
import time


def main():
    try:
        import numpy as np

        import rank_recipe
    except ImportError:
        print("scikit-learn is missing (Debian: apt-get install python3-sklearn): no baseline")
        return
    with open(sys.argv[1], encoding="utf-8") as f:
        papers = json.load(f)
    texts = [rank_recipe.text(p["title"], p["summary"], " ".join(p["authors"] or [])) for p in papers]
    start, cpu = time.perf_counter(), time.process_time()
    v = rank_recipe.vectorizer()
    x = v.fit_transform(texts).astype(np.float32)
    features, features_cpu = time.perf_counter() - start, time.process_time() - cpu
    tag = [i for i, p in enumerate(papers) if "diffusion" in p["title"].lower()][:40]
    y = np.zeros(len(papers), dtype=np.float32)
    y[tag] = 1
    start, cpu = time.perf_counter(), time.process_time()
    clf = rank_recipe.classifier()
    clf.fit(x, y)
    train, train_cpu = time.perf_counter() - start, time.process_time() - cpu
    listing = x[50000:51000]
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(20):
        scores = clf.decision_function(listing)
        np.argsort(-scores, kind="stable")
    rank, rank_cpu = (time.perf_counter() - start) / 20, (time.process_time() - cpu) / 20
    # The same columns as go test's: wall time, then CPU time of all threads.
    print(f"sklearn features/100000 {features * 1e9:.0f} ns/op {features_cpu * 1e9:.0f} cpu-ns/op")
    print(f"sklearn train/100000/recipe {train * 1e9:.0f} ns/op {train_cpu * 1e9:.0f} cpu-ns/op")
    print(f"sklearn listing/1000 {rank * 1e9:.0f} ns/op {rank_cpu * 1e9:.0f} cpu-ns/op")


if __name__ == "__main__":
    main()
