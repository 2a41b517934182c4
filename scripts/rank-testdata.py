#!/usr/bin/python3
"""Writes testdata/arxiv_labelled_papers.jsonl.gz, the labelled papers of the
ranking quality test, from the arXiv metadata in ../shared/testdata.

Each line is a record of the source files with only the keys ranking reads
(id, title, authors, categories, abstract), values untouched. Eight primary
categories with enough papers to learn from keep up to 100 papers each (the
first in file order); every other category keeps up to 8, as distractors.

    /usr/bin/python3 scripts/rank-testdata.py [SHARED_METADATA_DIR]
"""
import collections
import gzip
import json
import os
import sys

FILES = [
    "arxiv_daily_math_rt_2025_2026.jsonl",
    "arxiv_browse_abs_files.jsonl",
    "kaggle_arxiv_snapshot_head_wanng-ide.jsonl",
]
EVALUATED = ["math.RT", "math.QA", "math.AG", "math.CO", "math.NT", "hep-th", "astro-ph", "hep-ph"]
KEYS = ["id", "title", "authors", "categories", "abstract"]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "testdata", "arxiv_metadata")
    if not os.path.isdir(src):
        src = "/work/shared/testdata/arxiv_metadata"
    kept = collections.Counter()
    seen = set()  # the Kaggle head repeats some papers of arxiv-browse's files
    lines = []
    for name in FILES:
        with open(os.path.join(src, name), encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                cat = rec["categories"].split()[0]
                if rec["id"] in seen or kept[cat] >= (100 if cat in EVALUATED else 8):
                    continue
                seen.add(rec["id"])
                kept[cat] += 1
                lines.append(json.dumps({k: rec[k] for k in KEYS}, ensure_ascii=False) + "\n")
    out = os.path.join(here, "..", "testdata", "arxiv_labelled_papers.jsonl.gz")
    with gzip.GzipFile(out, "wb", mtime=0) as f:
        f.write("".join(lines).encode("utf-8"))
    print(f"{out}: {len(lines)} papers; " + ", ".join(f"{c} {kept[c]}" for c in EVALUATED))


if __name__ == "__main__":
    main()
