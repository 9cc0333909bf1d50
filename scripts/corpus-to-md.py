#!/usr/bin/env python3
"""Measure cross-source merging on the shared corpus (for measuring only: never commit its text).

  scripts/corpus-to-md.py convert CORPUS_DIR OUT_DIR     # *.json -> OUT_DIR/<id>.md with front matter
  scripts/corpus-to-md.py score CORPUS_DIR AGREEMENTS_JSON
  scripts/corpus-to-md.py run CORPUS_DIR PLEDGEDB [--json]  # convert to a temp dir, ingest, score

Scoring is pairwise over articles: a pair "should merge" when both files have the same `story`;
it "is merged" when some agreement lists both articles' URLs among its sources. Precision =
merged pairs that should merge / merged pairs; recall = should-merge pairs merged / should-merge
pairs. Articles of kind "none" still count (as should-not-merge with everything else).
With --json the announcements are ingested as annotated (no extraction): this measures the
resolver/merger alone.
"""
import itertools
import json
import os
import subprocess
import sys
import tempfile


def load_corpus(corpus_dir):
    items = []
    for name in sorted(os.listdir(corpus_dir)):
        if name.endswith(".json"):
            with open(os.path.join(corpus_dir, name), encoding="utf-8") as f:
                items.append(json.load(f))
    return items


def yaml_scalar(value):
    if value is None:
        return "null"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid YAML scalar


def convert(corpus_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for item in load_corpus(corpus_dir):
        lines = ["---"]
        for key in ("url", "language", "published", "outlet", "title"):
            if item.get(key) is not None:
                lines.append(f"{key}: {yaml_scalar(item.get(key))}")
        lines.append("---")
        body = "\n".join(lines) + "\n" + item["text"].rstrip("\n") + "\n"
        with open(os.path.join(out_dir, item["id"] + ".md"), "w", encoding="utf-8") as f:
            f.write(body)


def copy_json(corpus_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for item in load_corpus(corpus_dir):
        with open(os.path.join(out_dir, item["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(item, f, ensure_ascii=False)


def score(corpus_dir, agreements):
    items = load_corpus(corpus_dir)
    story = {it["url"]: it["story"] for it in items}
    groups = [set(s["url"] for s in a["sources"] if s.get("url") in story) for a in agreements]
    urls = sorted(story)
    tp = fp = fn = 0
    for u, v in itertools.combinations(urls, 2):
        should = story[u] == story[v]
        merged = any(u in g and v in g for g in groups)
        if merged and should:
            tp += 1
        elif merged:
            fp += 1
        elif should:
            fn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"articles": len(urls), "agreements": len(agreements), "pairs_should_merge": tp + fn,
            "pairs_merged": tp + fp, "true_positive": tp, "precision": round(precision, 3), "recall": round(recall, 3)}


def run(corpus_dir, binary, as_json):
    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, "docs")
        (copy_json if as_json else convert)(corpus_dir, docs)
        db = os.path.join(tmp, "corpus.db")
        subprocess.run([binary, "--db", db, "init"], check=True, capture_output=True)
        ing = subprocess.run([binary, "--db", db, "ingest", docs], capture_output=True, text=True)
        sys.stderr.write(ing.stderr)
        out = subprocess.run([binary, "--db", db, "agreements", "--format", "json"], check=True, capture_output=True, text=True)
        return score(corpus_dir, json.loads(out.stdout))


def main(argv):
    if len(argv) >= 4 and argv[1] == "convert":
        convert(argv[2], argv[3])
    elif len(argv) >= 4 and argv[1] == "score":
        with open(argv[3], encoding="utf-8") as f:
            print(json.dumps(score(argv[2], json.load(f)), indent=2))
    elif len(argv) >= 4 and argv[1] == "run":
        print(json.dumps(run(argv[2], argv[3], "--json" in argv[4:]), indent=2))
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
