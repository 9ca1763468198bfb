"""Line-labelled evaluation of `qingxi strip` (imported by scripts/eval-strip).

A labelled set is JSONL records (`id`, `text`, optional `gold_text`/`silver_text`) plus a TSV of
`id<TAB>line<TAB>label<TAB>text`, one row per non-blank line. Labels: `body` and `title` are content; `chrome`,
`caption`, `ad` and `meta` are boilerplate (removing a meta line is right: strip moves it to metadata); `neutral`
lines count for neither side. Pages without labels but with a reference body (the GNE dev pages) are labelled
from the reference: a line the reference holds is body, any other line chrome.

Every set is split into a tuning half and a check half by a hash of the record id (`half_of`): errors are to be
read on the tuning half only, and a figure is reported for both.
"""
import collections
import hashlib
import json
import os

CONTENT = {"body", "title"}
BOILERPLATE = {"chrome", "caption", "ad", "meta"}


def half_of(record_id):
    """'tune' or 'check', fixed by the record id alone."""
    return "tune" if hashlib.sha1(record_id.encode()).digest()[0] % 2 == 0 else "check"


def load_labels(path):
    labels = collections.defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for row in f:
            parts = row.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[0] == "id":
                continue
            labels[parts[0]][int(parts[1])] = parts[2]
    return labels


def labels_from_reference(record, reference_class):
    ref = reference_class(record["silver_text"])
    out = {}
    for number, line in enumerate(record["text"].split("\n"), start=1):
        if line.strip():
            out[number] = "body" if ref.holds(line) else "chrome"
    return out


def group_of(record_id):
    """The source group: the id's prefix before the first '-' (tw2, nw2, mh2, pd, pg…)."""
    return record_id.split("-")[0]


class Tally:
    """Counts for one group and half."""

    def __init__(self):
        self.pages = 0
        self.content_removed = collections.Counter()  # label -> lines
        self.removed = 0          # removed lines with a content or boilerplate label
        self.removed_right = 0    # of those, boilerplate
        self.boiler = 0
        self.boiler_removed = 0
        self.headline_pages = 0
        self.headline_lost = 0
        self.char = [0, 0, 0]     # matched, kept, reference (pages with a gold/silver body)
        self.char_pages = 0

    def add_page(self, labels, removed_numbers):
        self.pages += 1
        titles = [n for n, label in labels.items() if label == "title"]
        if titles:
            self.headline_pages += 1
            self.headline_lost += all(n in removed_numbers for n in titles)
        for number, label in labels.items():
            gone = number in removed_numbers
            if label in BOILERPLATE:
                self.boiler += 1
                self.boiler_removed += gone
            if gone and label in CONTENT | BOILERPLATE:
                self.removed += 1
                if label in BOILERPLATE:
                    self.removed_right += 1
                else:
                    self.content_removed[label] += 1

    def row(self, name):
        precision = self.removed_right / self.removed if self.removed else 1.0
        recall = self.boiler_removed / self.boiler if self.boiler else 1.0
        lost = sum(self.content_removed.values())
        heads = f"{self.headline_lost}/{self.headline_pages}" if self.headline_pages else "-"
        f1 = ""
        if self.char_pages:
            m, k, r = self.char
            p = m / k if k else 0
            rr = m / r if r else 0
            f1 = f"{2 * p * rr / (p + rr) if p + rr else 0:.3f} ({self.char_pages})"
        return (f"  {name:<16}{self.pages:>6}{lost:>8} ({self.content_removed['body']}/"
                f"{self.content_removed['title']}){'':<2}{heads:>9}{precision:>9.3f}{recall:>9.3f}   {f1}")


HEADER = (f"  {'group/half':<16}{'pages':>6}{'content removed (body/title)':>30}{'headlines lost':>16}"
          f"{'precision':>10}{'recall':>9}   char F1 (pages)")


def evaluate(sets, results_by_id, char_scores, show_worst=20, out=print):
    """sets: list of (records, labels-by-id). Prints the table (content removed first) and the worst removals
    of the tuning half. Returns {(group, half): Tally}."""
    tallies = collections.defaultdict(Tally)
    worst = []
    for records, labels in sets:
        for record in records:
            rid = record["id"]
            result = results_by_id[rid]
            removed = {}
            for r in (result.get("qingxi") or {}).get("removed", []):
                if r.get("stage", "strip") != "strip" or "(partial)" in r["reason"]:
                    continue
                removed[r["paragraph"]] = r["reason"]
            page_labels = labels.get(rid, {})
            keys = [(group_of(rid), half_of(rid)), ("all", half_of(rid))]
            reference = record.get("gold_text") or record.get("silver_text")
            for key in keys:
                tallies[key].add_page(page_labels, set(removed))
                if reference:
                    m, k, r = char_scores(result.get("text", ""), reference)
                    t = tallies[key]
                    t.char = [t.char[0] + m, t.char[1] + k, t.char[2] + r]
                    t.char_pages += 1
            if half_of(rid) == "tune":
                lines = record["text"].split("\n")
                for number, reason in removed.items():
                    if page_labels.get(number) in CONTENT:
                        text = lines[number - 1] if number <= len(lines) else ""
                        worst.append((len(text.strip()), rid, number, page_labels[number], reason, text))
    out(HEADER)
    for key in sorted(tallies, key=lambda k: (k[0] == "all", k[0], k[1] != "tune")):
        out(tallies[key].row(f"{key[0]}/{key[1]}"))
    if show_worst:
        worst.sort(reverse=True)
        out(f"\nWorst {min(show_worst, len(worst))} content removals (tuning half only, longest first):")
        for length, rid, number, label, reason, text in worst[:show_worst]:
            out(f"  {rid}:{number} [{label} <- {reason}] {text[:90]}")
    return tallies


def load_set(jsonl_path, labels_path=None, reference_class=None):
    records = [json.loads(line) for line in open(jsonl_path, encoding="utf-8") if line.strip()]
    if labels_path and os.path.exists(labels_path):
        labels = load_labels(labels_path)
    else:
        records = [r for r in records if r.get("silver_text")]
        labels = {r["id"]: labels_from_reference(r, reference_class) for r in records}
    return records, labels
