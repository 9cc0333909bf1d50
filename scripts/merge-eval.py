#!/usr/bin/env python3
"""Pairwise merge precision/recall/F1 of `pledgedb ingest` on an annotated corpus, end to end.

  scripts/merge-eval.py CORPUS_DIR PLEDGEDB [--json] [--reverse] [--keep DIR]
  scripts/merge-eval.py FILE.ndjson PLEDGEDB          # generated (bench/gen.cpp --format ndjson)

Converts every annotated article (CORPUS_DIR/*.json, format in FORMAT.md) to Markdown with
front matter (scripts/corpus-to-md.py convert; with --json the annotated JSON is ingested as it
is, which measures the resolver and merger alone), ingests the folder into a fresh database
(--reverse: one file at a time in reverse name order, to check order independence), reads
`agreements --format json` and scores pairs of articles: a pair should merge when both have the
same `story`; it is merged when some agreement lists both URLs among its sources.
Prints P/R/F1, then every missed pair (same story, not merged) and every wrong pair (merged,
different stories) with what the database holds for each article (agreement ids, investors,
region, signing date, pledges), so a miss can be traced to the signal that failed.
An NDJSON file of announcements with a `story` each (pledgedb-gen --format ndjson) is ingested as
it is and scored the same way (stories from a `truth.ndjson` beside it when the lines have none),
listing at most 20 pairs of each kind.
"""
import importlib.util
import itertools
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("corpus_to_md", os.path.join(HERE, "corpus-to-md.py"))
c2m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(c2m)


def describe(agreements, url):
    out = []
    for a in agreements:
        if any(s.get("url") == url for s in a["sources"]):
            inv = [p["name"] for p in a.get("parties", []) if p.get("role") == "investor"]
            pledges = [f'{c.get("metric")}:{c.get("target")}{c.get("unit") or ""}' for c in a.get("commitments", [])]
            out.append(f'#{a["id"]} inv={inv} region={a.get("region_code")} signed={a.get("signed_on")} {pledges}')
    return "; ".join(out) or "(no agreement)"


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) < 2:
        sys.stderr.write(__doc__)
        return 2
    corpus, binary = args[0], os.path.abspath(args[1])
    as_json, reverse = "--json" in argv, "--reverse" in argv
    keep = argv[argv.index("--keep") + 1] if "--keep" in argv else None
    ndjson = corpus.endswith(".ndjson")
    if ndjson:
        with open(corpus, encoding="utf-8") as f:
            items = [json.loads(line) for line in f if line.strip()]
        truth = os.path.join(os.path.dirname(corpus), "truth.ndjson")
        if items and "story" not in items[0] and os.path.exists(truth):
            with open(truth, encoding="utf-8") as f:
                story_of = {t["file"]: t["story"] for t in map(json.loads, f) if t}
            for it in items:
                it["story"] = story_of[it["id"]]
    else:
        items = c2m.load_corpus(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        work = keep or tmp
        docs = os.path.join(work, "docs")
        if ndjson:
            os.makedirs(docs, exist_ok=True)
            os.symlink(os.path.abspath(corpus), os.path.join(docs, "all.ndjson"))
        else:
            (c2m.copy_json if as_json else c2m.convert)(corpus, docs)
        db = os.path.join(work, "eval.db")
        if os.path.exists(db):
            os.remove(db)
        subprocess.run([binary, "--db", db, "init"], check=True, capture_output=True)
        if reverse:
            for name in sorted(os.listdir(docs), reverse=True):
                r = subprocess.run([binary, "--db", db, "--quiet", "ingest", os.path.join(docs, name)], capture_output=True, text=True)
        else:
            r = subprocess.run([binary, "--db", db, "ingest", docs], capture_output=True, text=True)
            sys.stderr.write("".join(l + "\n" for l in r.stderr.splitlines() if not l.startswith("warning")))
            sys.stderr.flush()
        agreements = json.loads(subprocess.run([binary, "--db", db, "--format", "json", "agreements"],
                                               check=True, capture_output=True, text=True).stdout)
        progress = subprocess.run([binary, "--db", db, "--format", "json", "progress", "list"], capture_output=True, text=True)
    story = {it["url"]: it["story"] for it in items}
    name = {it["url"]: it["id"] for it in items}
    groups = [set(s["url"] for s in a["sources"] if s.get("url") in story) for a in agreements]
    # Pairs merged = pairs of articles sharing some agreement; pairs that should = same story.
    merged_pairs = set()
    for g in groups:
        merged_pairs.update(itertools.combinations(sorted(g), 2))
    by_story = {}
    for u in sorted(story):
        by_story.setdefault(story[u], []).append(u)
    should_pairs = set()
    for members in by_story.values():
        should_pairs.update(itertools.combinations(members, 2))
    tp = len(merged_pairs & should_pairs)
    wrong = sorted(merged_pairs - should_pairs)
    missed = sorted(should_pairs - merged_pairs)
    p = tp / (tp + len(wrong)) if tp + len(wrong) else 1.0
    r = tp / (tp + len(missed)) if tp + len(missed) else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    nprog = len(json.loads(progress.stdout)) if progress.returncode == 0 and progress.stdout.strip().startswith("[") else "?"
    print(f"articles {len(story)}  agreements {len(agreements)}  progress {nprog}  same-story pairs {tp + len(missed)}")
    print(f"precision {p:.3f} ({tp}/{tp + len(wrong)})  recall {r:.3f} ({tp}/{tp + len(missed)})  F1 {f1:.3f}")
    for title, pairs in (("missed", missed), ("wrong", wrong)):
        for u, v in (pairs[:20] if ndjson else pairs):
            print(f"{title}: {name[u]} <-> {name[v]}")
            print(f"    {name[u]}: {describe(agreements, u)}")
            print(f"    {name[v]}: {describe(agreements, v)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
