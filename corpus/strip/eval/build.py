#!/usr/bin/env python3
"""Build the strip evaluation set from its labelled sources, then check it.

Sources (src/*.src) hold one record after another:
    @@ <id> <kind> <script>        starts a record (kind: policy | page; script: hans | hant)
    <L> <text>                     one line of the record, L is its label:
                                   T title, B body, M meta, C caption, X chrome, A ad, N neutral
    ~                              a blank line in the record (not labelled)
    # ...                          a comment in the source (not part of any record)
In <text>, the token <TAB> stands for a tab (table cells).

Writes policy-docs.jsonl, news-pages.jsonl and labels.tsv next to this script. In labels.tsv
a tab inside a line's text is written as the two characters \\t and a backslash as \\\\.
Run with --check to only validate the built files against each other.
"""
import json, os, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {"T": "title", "B": "body", "M": "meta", "C": "caption", "X": "chrome", "A": "ad", "N": "neutral"}
OUT = {"policy-docs.src": "policy-docs.jsonl", "news-pages.src": "news-pages.jsonl"}


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t")


def unesc(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "\\": "\\"}[s[i + 1]]); i += 2
        else:
            out.append(s[i]); i += 1
    return "".join(out)


def parse(path):
    recs, cur = [], None
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        raw = raw.rstrip("\n")
        if raw.startswith("@@ "):
            rid, kind, script = raw[3:].split()
            cur = {"id": rid, "kind": kind, "script": script, "lines": []}
            recs.append(cur)
        elif raw.startswith("#") or raw.strip() == "" and cur is None:
            continue
        elif raw == "~":
            cur["lines"].append((None, ""))
        elif raw.strip() == "":
            continue
        else:
            tag, _, text = raw.partition(" ")
            if tag not in LABELS or not text.strip():
                sys.exit(f"{path}:{n}: bad line {raw!r}")
            cur["lines"].append((LABELS[tag], text.replace("<TAB>", "\t")))
    return recs


def build():
    rows = []
    for src, out in OUT.items():
        recs = parse(os.path.join(HERE, "src", src))
        with open(os.path.join(HERE, out), "w", encoding="utf-8") as f:
            for r in recs:
                text = "\n".join(t for _, t in r["lines"])
                f.write(json.dumps({"id": r["id"], "kind": r["kind"], "script": r["script"], "text": text},
                                   ensure_ascii=False) + "\n")
                for i, (lab, t) in enumerate(r["lines"], 1):
                    if lab:
                        rows.append(f"{r['id']}\t{i}\t{lab}\t{esc(t)}")
    with open(os.path.join(HERE, "labels.tsv"), "w", encoding="utf-8") as f:
        f.write("id\tline\tlabel\ttext\n" + "\n".join(rows) + "\n")


def check():
    ok = True
    labels = {}
    lines = open(os.path.join(HERE, "labels.tsv"), encoding="utf-8").read().split("\n")
    assert lines[0] == "id\tline\tlabel\ttext", "header"
    for ln in lines[1:]:
        if not ln:
            continue
        parts = ln.split("\t")
        assert len(parts) == 4, f"row with {len(parts)} fields: {ln!r}"
        key = (parts[0], int(parts[1]))
        assert key not in labels, f"duplicate row {key}"
        assert parts[2] in LABELS.values(), f"bad label {parts[2]}"
        labels[key] = (parts[2], unesc(parts[3]))
    seen, count = set(), collections.Counter()
    per_kind = collections.defaultdict(collections.Counter)
    ids = set()
    for out in OUT.values():
        for r in map(json.loads, open(os.path.join(HERE, out), encoding="utf-8")):
            assert r["id"] not in ids, f"duplicate id {r['id']}"
            ids.add(r["id"])
            assert r["script"] in ("hans", "hant") and r["kind"] in ("policy", "page")
            text_lines = r["text"].split("\n")
            n_nonblank = 0
            for i, t in enumerate(text_lines, 1):
                if not t.strip():
                    if (r["id"], i) in labels:
                        print("label on blank line", r["id"], i); ok = False
                    continue
                n_nonblank += 1
                got = labels.get((r["id"], i))
                if got is None:
                    print("unlabelled", r["id"], i, t[:40]); ok = False; continue
                if got[1] != t:
                    print("text mismatch", r["id"], i); ok = False
                seen.add((r["id"], i))
                count[got[0]] += 1
                per_kind[r["kind"]][got[0]] += 1
            kinds = {lab for (rid, _), (lab, _) in labels.items() if rid == r["id"]}
            lo, hi = (15, 80) if r["kind"] == "policy" else (40, 150)
            if not lo <= n_nonblank <= hi:
                print(f"note: {r['id']} has {n_nonblank} lines (aim {lo}-{hi})")
            if "title" not in kinds:
                print("note: no title line in", r["id"])
    extra = set(labels) - seen
    if extra:
        print("rows for no line:", sorted(extra)[:10]); ok = False
    print("records:", len(ids), " labelled lines:", sum(count.values()))
    for k, c in sorted(per_kind.items()):
        print(f"  {k}: " + ", ".join(f"{l} {n}" for l, n in c.most_common()))
    print("  all: " + ", ".join(f"{l} {n}" for l, n in count.most_common()))
    print("OK" if ok else "FAILED")
    return ok


if __name__ == "__main__":
    if "--check" not in sys.argv:
        build()
    sys.exit(0 if check() else 1)
