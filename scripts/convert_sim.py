#!/usr/bin/env python3
"""Reference simulator for `qingxi convert` (python3, no dependencies).

Use it to tune corpus/convert/*.rules before (and to cross-check) the Swift engine:

    scripts/convert_sim.py --to hant [--exact-icu] [--rules FILE]... [--icu-dump FILE] [--explain] < in > out

Inputs
  * ICU's own rules, as dumped by utrans_toRules (`/tmp/icu/dump Traditional-Simplified > t2s.txt`,
    `... Simplified-Traditional > s2t.txt`). Default: $QINGXI_ICU_DUMP_DIR/{t2s,s2t}.txt, else /tmp/icu/.
    Syntax used by the dump: `KEY > REPL;` and `BEFORE{KEY}AFTER > REPL;` where BEFORE/AFTER is a
    `[set]` or a literal.
  * Correction files (default corpus/convert/t2s.rules for --to hans, s2t.rules for --to hant; `--rules`
    adds user files after it, `--no-default-rules` drops it). One rule per line, `#` comments, blanks ok:
        SOURCE<TAB>TARGET        phrase/char and its conversion (same number of characters)
        SOURCE                   word: only steers segmentation; its characters convert one by one
        [chars]{KEY}<TAB>TARGET  KEY preceded (in the INPUT) by one of chars;   {KEY}[chars] follows
        lit{KEY}<TAB>TARGET      KEY preceded by the literal;  {KEY}lit<TAB>TARGET followed by it
        [chars]{KEY}lit<TAB>T    both sides at once (as ICU's own `[一七…]{出}戏 > 齣;`)
    A bad line raises RulesError("file:line: message"). `--lint` also warns about a word entry that
    has the key of an ICU phrase (it would drop ICU's replacement) and a key given twice.

Exact-ICU mode (--exact-icu) replays ICU: at each position the first rule in rule order whose key
matches wins, the cursor moves past the key, a before-context is checked against the text ALREADY
CONVERTED, an after-context against the input. Unmatched characters pass through.

Default mode, per paragraph (line):
  1. Segment the line into the fewest segments, a segment being (a) a plain ICU key, (b) a correction
     entry's key (word or phrase), (c) the key of a context rule (ICU or correction) whose context holds
     on the input, or (d) any single character. Ties: the longest first segment wins (forward-longest,
     applied at each step: among optimal segmentations the lexicographically longest).
  2. Output of a segment K starting at i:
       - len(K) == 1: the character rule (below);
       - else the first of: a correction context rule for K whose context holds (file order), an ICU
         context rule for K whose context holds (rule order), the correction entry for K (its target;
         a word entry converts its characters one by one with the plain character table: no context
         rules inside a word), the ICU rule for K.
  3. Character rule for c at position j (a single-character piece): the first of: a correction context
     rule keyed c whose context holds, an ICU context rule keyed c whose context holds, then the plain
     character table: the correction entry `c<TAB>T`, else ICU's rule for c, else c itself.
  All contexts are checked on the INPUT line (so 两只鸡 gives 兩隻雞). A correction entry with the same
  key as an ICU rule replaces it; a later correction entry with the same key replaces an earlier one.
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DUMP_NAMES = {"hans": "t2s.txt", "hant": "s2t.txt"}
RULE_NAMES = {"hans": "t2s.rules", "hant": "s2t.rules"}


class RulesError(Exception):
    pass


@dataclass
class Context:
    """A one-character set (`[abc]`) or a literal string; `None` side means unconstrained."""
    chars: frozenset | None = None
    literal: str | None = None

    def before_holds(self, text: str, i: int) -> bool:
        if self.chars is not None:
            return i > 0 and text[i - 1] in self.chars
        return text.endswith(self.literal, 0, i)

    def after_holds(self, text: str, j: int) -> bool:
        if self.chars is not None:
            return j < len(text) and text[j] in self.chars
        return text.startswith(self.literal, j)


@dataclass
class Rule:
    key: str
    target: str | None          # None: word entry (segmentation only)
    before: Context | None = None
    after: Context | None = None
    origin: str = ""            # "icu" or "file:line"

    @property
    def has_context(self) -> bool:
        return self.before is not None or self.after is not None

    def holds(self, text: str, i: int) -> bool:
        if self.before is not None and not self.before.before_holds(text, i):
            return False
        if self.after is not None and not self.after.after_holds(text, i + len(self.key)):
            return False
        return True


def parse_context(s: str) -> Context | None:
    if not s:
        return None
    if s.startswith("[") and s.endswith("]") and len(s) > 2:
        return Context(chars=frozenset(s[1:-1]))
    if "[" in s or "]" in s or "{" in s or "}" in s:
        raise ValueError(f"bad context {s!r}")
    return Context(literal=s)


def parse_lhs(lhs: str) -> tuple[str, Context | None, Context | None]:
    """`KEY`, or `BEFORE{KEY}AFTER` with each context a [set] or a literal."""
    if "{" not in lhs and "}" not in lhs:
        if "[" in lhs or "]" in lhs:
            raise ValueError("brackets without {KEY}")
        return lhs, None, None
    a, b = lhs.find("{"), lhs.find("}")
    if a < 0 or b < a or lhs.count("{") != 1 or lhs.count("}") != 1:
        raise ValueError("unbalanced {KEY}")
    key = lhs[a + 1:b]
    if not key:
        raise ValueError("empty {KEY}")
    return key, parse_context(lhs[:a]), parse_context(lhs[b + 1:])


def load_icu_dump(path: str) -> list[Rule]:
    rules = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            if not line.endswith(";") or " > " not in line:
                raise RulesError(f"{path}:{n}: not a `KEY > REPL;` rule")
            lhs, rhs = line[:-1].split(" > ", 1)
            key, before, after = parse_lhs(lhs)
            rules.append(Rule(key, rhs, before, after, "icu"))
    return rules


def load_rules_file(path: str) -> list[Rule]:
    rules = []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = f"{path}:{n}"
            parts = line.split("\t")
            if len(parts) > 2:
                raise RulesError(f"{where}: more than one TAB")
            src = parts[0].strip()
            tgt = parts[1].strip() if len(parts) == 2 else None
            if tgt == "":
                raise RulesError(f"{where}: TAB with empty TARGET")
            if " " in src or (tgt and " " in tgt):
                raise RulesError(f"{where}: spaces inside a rule")
            try:
                key, before, after = parse_lhs(src)
            except ValueError as e:
                raise RulesError(f"{where}: {e}") from None
            if (before or after) and tgt is None:
                raise RulesError(f"{where}: a context rule needs a TARGET")
            if tgt is not None and len(tgt) != len(key):
                raise RulesError(f"{where}: TARGET has {len(tgt)} characters, key {key!r} has {len(key)}")
            rules.append(Rule(key, tgt, before, after, where))
    return rules


class Converter:
    def __init__(self, icu_rules: list[Rule], corrections: list[Rule]):
        self.icu_rules = icu_rules
        self.icu_by_first: dict[str, list[Rule]] = {}
        for r in icu_rules:
            self.icu_by_first.setdefault(r.key[0], []).append(r)
        self.plain: dict[str, Rule] = {}          # key -> rule (correction overrides ICU)
        self.ctx: dict[str, list[Rule]] = {}      # key -> context rules, corrections first
        for r in icu_rules:
            if r.has_context:
                self.ctx.setdefault(r.key, []).append(r)
            else:
                self.plain.setdefault(r.key, r)
        for r in reversed(corrections):            # prepend, keeping file order among corrections
            if r.has_context:
                self.ctx.setdefault(r.key, []).insert(0, r)
        for r in corrections:
            if not r.has_context:
                self.plain[r.key] = r
        self.ctx = {k: self._order_ctx(v) for k, v in self.ctx.items()}
        keys = list(self.plain) + list(self.ctx)
        self.max_len = max(len(k) for k in keys) if keys else 1
        self.prefixes = {k[:n] for k in keys for n in range(1, len(k) + 1)}

    @staticmethod
    def _order_ctx(rules: list[Rule]) -> list[Rule]:
        return [r for r in rules if r.origin != "icu"] + [r for r in rules if r.origin == "icu"]

    # ---- exact ICU -------------------------------------------------------------------------
    def convert_exact(self, text: str) -> str:
        out: list[str] = []
        done = ""  # converted text so far, for before-contexts (kept short)
        i, n = 0, len(text)
        while i < n:
            for r in self.icu_by_first.get(text[i], ()):
                if not text.startswith(r.key, i):
                    continue
                if r.after is not None and not r.after.after_holds(text, i + len(r.key)):
                    continue
                if r.before is not None and not r.before.before_holds(done, len(done)):
                    continue
                piece, i = r.target, i + len(r.key)
                break
            else:
                piece, i = text[i], i + 1
            out.append(piece)
            done = (done + piece)[-8:]
        return "".join(out)

    # ---- default mode ----------------------------------------------------------------------
    def _context_rule(self, key: str, text: str, i: int) -> Rule | None:
        for r in self.ctx.get(key, ()):
            if r.holds(text, i):
                return r
        return None

    def _candidates(self, text: str, i: int) -> list[int]:
        """Lengths >= 2 of segments that may start at i."""
        lens = []
        n = len(text)
        for L in range(2, min(self.max_len, n - i) + 1):
            k = text[i:i + L]
            if k not in self.prefixes:
                break
            if k in self.plain or self._context_rule(k, text, i):
                lens.append(L)
        return lens

    def segment(self, text: str) -> list[tuple[int, int]]:
        n = len(text)
        best = [0] * (n + 1)
        cands = [None] * n
        for i in range(n - 1, -1, -1):
            c = self._candidates(text, i)
            cands[i] = c
            b = 1 + best[i + 1]
            for L in c:
                b = min(b, 1 + best[i + L])
            best[i] = b
        segs, i = [], 0
        while i < n:
            L = 1
            for cand in cands[i]:       # ascending; take the longest optimal one
                if 1 + best[i + cand] == best[i]:
                    L = cand
            segs.append((i, i + L))
            i += L
        return segs

    def convert_char(self, text: str, j: int) -> str:
        c = text[j]
        r = self._context_rule(c, text, j)
        if r:
            return r.target
        return self.table_char(c)

    def table_char(self, c: str) -> str:
        """The plain character table: correction `c<TAB>T`, else ICU's rule for c, else c."""
        r = self.plain.get(c)
        if r is not None and r.target is not None:
            return r.target
        if r is not None and r.origin != "icu":   # single-char word entry: ICU's char rule
            for ir in self.icu_by_first.get(c, ()):
                if ir.key == c and not ir.has_context:
                    return ir.target
        return c

    def convert_segment(self, text: str, i: int, j: int) -> tuple[str, str]:
        """Returns (output, how) for segment text[i:j]."""
        if j - i == 1:
            return self.convert_char(text, i), "char"
        key = text[i:j]
        r = self._context_rule(key, text, i)
        if r is None:
            r = self.plain[key]
        if r.target is None:
            return "".join(self.table_char(c) for c in key), f"word {r.origin}"
        return r.target, r.origin

    def convert_default(self, text: str) -> str:
        return "".join(self.convert_segment(text, i, j)[0] for i, j in self.segment(text))

    def explain(self, text: str) -> str:
        parts = []
        for i, j in self.segment(text):
            out, how = self.convert_segment(text, i, j)
            if j - i > 1 or out != text[i:j]:
                parts.append(f"{text[i:j]}→{out}[{how}]")
            else:
                parts.append(text[i:j])
        return " ".join(parts)

    def lint(self, corrections: list[Rule]) -> list[str]:
        """Warnings for rule authors: a word entry that replaces an ICU phrase with a different
        output (a word entry drops ICU's replacement), and a key given twice with different targets."""
        out, seen = [], {}
        icu_plain = {r.key: r for r in self.icu_rules if not r.has_context}
        for r in corrections:
            if r.has_context:
                continue
            if r.key in seen and seen[r.key].target != r.target:
                out.append(f"{r.origin}: {r.key} also at {seen[r.key].origin} with another target")
            seen[r.key] = r
            icu = icu_plain.get(r.key)
            if r.target is None and icu is not None and len(r.key) > 1:
                mine = "".join(self.table_char(c) for c in r.key)
                if mine != icu.target:
                    out.append(f"{r.origin}: word {r.key} gives {mine}, ICU's rule gives {icu.target}")
        return out

    def convert(self, text: str, exact: bool = False) -> str:
        f = self.convert_exact if exact else self.convert_default
        return "\n".join(f(line) for line in text.split("\n"))


def default_dump(direction: str) -> str:
    d = os.environ.get("QINGXI_ICU_DUMP_DIR", "/tmp/icu")
    return os.path.join(d, DUMP_NAMES[direction])


def build(direction: str, rules: list[str] | None = None, icu_dump: str | None = None,
          default_rules: bool = True) -> Converter:
    icu = load_icu_dump(icu_dump or default_dump(direction))
    files = ([os.path.join(ROOT, "corpus", "convert", RULE_NAMES[direction])] if default_rules else [])
    files += rules or []
    corr = []
    for f in files:
        corr += load_rules_file(f)
    return Converter(icu, corr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--to", choices=["hans", "hant"], required=True)
    ap.add_argument("--exact-icu", action="store_true")
    ap.add_argument("--rules", action="append", default=[])
    ap.add_argument("--no-default-rules", action="store_true")
    ap.add_argument("--icu-dump")
    ap.add_argument("--explain", action="store_true", help="print each line's segmentation")
    ap.add_argument("--lint", action="store_true", help="check the correction files and exit")
    a = ap.parse_args()
    try:
        conv = build(a.to, a.rules, a.icu_dump, not a.no_default_rules)
    except (RulesError, OSError) as e:
        print(f"convert_sim: {e}", file=sys.stderr)
        return 1
    if a.lint:
        files = ([] if a.no_default_rules else [os.path.join(ROOT, "corpus", "convert", RULE_NAMES[a.to])])
        warnings = conv.lint([r for f in files + a.rules for r in load_rules_file(f)])
        print("\n".join(warnings) or "ok")
        return 1 if warnings else 0
    for line in sys.stdin:
        line = line.rstrip("\n")
        if a.explain:
            print(conv.explain(line))
        else:
            print(conv.convert(line, a.exact_icu))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into head: not an error
        sys.stderr.close()
        sys.exit(0)
