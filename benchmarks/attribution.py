"""Quote attribution measured on PolNeAR (brat standoff files from a local snapshot).

    python benchmarks/attribution.py PATH/TO/PolNeAR --split dev [--limit N]

PATH is a folder holding data/{train,dev}/{text,attributions}/ (see the README:
PolNeAR's texts are copyrighted, so they are read in place and never committed).
Prints precision, recall and F1 for quotes that carry quote marks (our direct, mixed and label
kinds) and for all attributions (reported acts too), how many of each kind match a gold one, speaker and cue accuracy on matched quotes, and the time taken.
A match: each span covers at least half of the other's letters and digits.

--scope splits recall by what the issue counts as a quote (a reporting verb from our
lexicon, a colon or "according to", with a clause) against the rest of PolNeAR's
attributions (noun phrases, "wants to", "called him “a loser”"), and prints the F1 an
engine that found every in-scope attribution would reach at today's precision.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.sources import Article

QUOTE_MARKS = set('“”"«»„')
# Our kinds that carry quote marks: direct and mixed quotes, and labels (called X “a loser”).
QUOTED_KINDS = ("direct", "mixed", "label")


@dataclass
class Gold:
    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    quoted: bool


def letters(text: str) -> int:
    return sum(c.isalnum() for c in text)


def covers(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    overlap = text[max(a[0], b[0]) : min(a[1], b[1])]
    n = letters(overlap)
    return n > 0 and n >= 0.5 * letters(text[a[0] : a[1]]) and n >= 0.5 * letters(text[b[0] : b[1]])


def overlaps(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def read_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, tuple[int, int]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t", 2)
            if len(parts) < 3 or " " not in parts[1]:
                continue  # a few train files have broken lines: skip them, as brat would
            ident, middle, _ = parts
            kind, ranges = middle.split(" ", 1)
            numbers = [int(n) for n in re.findall(r"\d+", ranges)]
            spans[ident] = (kind, (min(numbers), max(numbers)))
        elif line.startswith("E") and "\t" in line:
            _, body = line.split("\t", 1)
            events.append(dict(part.split(":", 1) for part in body.split() if ":" in part))
    found = []
    for event in events:
        roles = {re.sub(r"\d+$", "", role): ident for role, ident in event.items()}
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        content = spans[roles["Content"]][1]
        source = spans[roles["Source"]][1] if roles.get("Source") in spans else None
        cue = spans[roles["Cue"]][1] if roles.get("Cue") in spans else None
        start, end = content
        window = text[max(0, start - 1) : end + 1]
        found.append(Gold(content, source, cue, any(c in QUOTE_MARKS for c in window)))
    return found


def load_split(root: Path, split: str, limit: int | None):
    text_dir = root / "data" / split / "text"
    ann_dir = root / "data" / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise SystemExit(f"attribution.py: {root} has no data/{split}/text and data/{split}/attributions")
    annotations = {p.name.rsplit("_", 1)[0]: p for p in ann_dir.glob("*.ann")}
    items = []
    for text_path in sorted(text_dir.glob("*.txt")):
        ann = annotations.get(text_path.stem)
        if ann is None:
            continue
        text = text_path.read_text(encoding="utf-8")
        items.append((text_path.name, text, read_ann(ann, text)))
    return items[:limit] if limit else items


def polnear_spans(document) -> list:
    """Our quotes in PolNeAR's convention: one speech event is one span.

    newsreader (like the seed's gold) keeps one quote per paragraph, and a quote with no cue of
    its own that goes on after "“A,” she said." or after a mixed quote as a quote of its own;
    PolNeAR annotates such a run as one content span, the attribution between included. So a
    direct quote is joined to the direct or mixed one before when both are the same speaker's, it
    has no other cue, and at most one paragraph break and 400 characters stand between them.
    (Measured on train: this convention fits PolNeAR better than joining across paragraphs only,
    and much better than joining across any cue; joining after indirect quotes too was neutral.)
    """
    merged = []
    for quote in document.quotes:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and quote.kind == "direct"
            and previous.kind in ("direct", "mixed")
            and quote.speaker is not None
            and quote.speaker == previous.speaker
            and (quote.cue_span is None or quote.cue_span == previous.cue_span)
        ):
            gap = document.text[previous.end : quote.start]
            if len(gap) < 400 and gap.count("\n\n") <= 1:
                previous.end = quote.end
                continue
        merged.append(quote)
    return merged


def in_scope(sdoc, gold: Gold, cues: frozenset[str], lemma_of) -> bool:
    """What the issue calls a quote: a reporting verb from our lexicon (or a colon, or
    "according to") with a clause. PolNeAR also counts noun phrases ("endorsed Cruz") and
    verbs of wanting, seeing and labelling ("wants to win", "called him “a loser”")."""
    cue = sdoc.char_span(*gold.cue, alignment_mode="expand") if gold.cue else None
    if cue is None:
        return False
    reporting = cue.text.strip() == ":" or any(lemma_of(t) in cues or t.lower_ == "according" for t in cue)
    content = sdoc.char_span(*gold.content, alignment_mode="expand")
    clause = content is not None and any(
        t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in content
    )
    return reporting and clause


def print_scope(items, hits, precision: dict[str, float]) -> None:
    """Recall inside and outside the issue's definition of a quote, and the F1 a perfect
    engine of that definition would reach at today's precision."""
    from tui.analysis.attribution.context import cue_lemmas, lemma_of
    from tui.analysis.pipeline import load_nlp

    nlp, cues = load_nlp(), cue_lemmas()
    tally = {}  # (key, in scope) -> [found, gold]
    for (_name, _text, golds), sdoc, found in zip(items, nlp.pipe(t for _, t, _ in items), hits):
        for gold, hit in zip(golds, found):
            scope = in_scope(sdoc, gold, cues, lemma_of)
            for key in ("quoted", "all"):
                if key == "all" or gold.quoted:
                    row = tally.setdefault((key, scope), [0, 0])
                    row[0] += hit
                    row[1] += 1
    for key in ("quoted", "all"):
        inside, outside = tally.get((key, True), [0, 0]), tally.get((key, False), [0, 0])
        total = inside[1] + outside[1]
        ceiling = (inside[1] + outside[0]) / total if total else 0.0
        p = precision[key]
        best = 2 * p * ceiling / (p + ceiling) if p + ceiling else 0.0
        print(
            f"scope {key:6s}: reporting verb + clause {inside[1]} gold, recall {inside[0] / max(inside[1], 1):.3f}; "
            f"the rest {outside[1]} gold, recall {outside[0] / max(outside[1], 1):.3f}; "
            f"all in-scope found: recall {ceiling:.3f}, F1 {best:.3f} at P {p:.3f}"
        )


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show-errors", type=int, default=0, help="print this many misses and false alarms")
    parser.add_argument("--scope", action="store_true", help="split recall by what the issue counts as a quote")
    args = parser.parse_args()
    items = load_split(args.path, args.split, args.limit)

    from tui.analysis.engine import Analyzer

    analyzer = Analyzer()
    started = time.perf_counter()
    documents = list(analyzer.analyze_many(Article(text=t, title=n, source=n) for n, t, _ in items))
    elapsed = time.perf_counter() - started

    counts = {key: [0, 0, 0, 0] for key in ("quoted", "all")}  # tp_pred, n_pred, tp_gold, n_gold
    speaker_ok = cue_ok = matched = 0
    misses, alarms, hits = [], [], []
    by_kind: dict[str, list[int]] = {}  # kind -> [predicted, matching a gold attribution]
    for (name, text, golds), document in zip(items, documents):
        document.quotes = polnear_spans(document)
        predictions = [(q.start, q.end) for q in document.quotes]
        pred_quoted = [q.kind in QUOTED_KINDS for q in document.quotes]
        for quote in document.quotes:
            row = by_kind.setdefault(quote.kind, [0, 0])
            row[0] += 1
            row[1] += any(covers(text, (quote.start, quote.end), g.content) for g in golds)
        found = [any(covers(text, p, g.content) for p in predictions) for g in golds]
        hits.append(found)
        for key in counts:
            gold_set = [hit for g, hit in zip(golds, found) if key == "all" or g.quoted]
            pred_set = [p for p, quoted in zip(predictions, pred_quoted) if key == "all" or quoted]
            counts[key][0] += sum(any(covers(text, p, g.content) for g in golds) for p in pred_set)
            counts[key][1] += len(pred_set)
            counts[key][2] += sum(gold_set)
            counts[key][3] += len(gold_set)
        for gold in golds:
            hit = next((q for q in document.quotes if covers(text, (q.start, q.end), gold.content)), None)
            if hit is None:
                misses.append((name, text[gold.content[0] : gold.content[1]]))
                continue
            matched += 1
            speaker_ok += overlaps(hit.speaker_span, gold.source) or (gold.source is None and hit.speaker_span is None)
            cue_ok += overlaps(hit.cue_span, gold.cue) or (gold.cue is None and hit.cue_span is None)
        for quote in document.quotes:
            if not any(covers(text, (quote.start, quote.end), g.content) for g in golds):
                alarms.append((name, document.quote_text(quote)))

    print(f"PolNeAR {args.split}: {len(items)} articles, {sum(len(g) for _, _, g in items)} gold attributions")
    for key, label in (("quoted", "quotes with quote marks"), ("all", "all attributions")):
        p, r, f = prf(*counts[key])
        print(f"{label:26s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (gold {counts[key][3]}, predicted {counts[key][1]})")
    print("by kind (predicted, matching gold): " + ", ".join(f"{k} {n} {m}" for k, (n, m) in sorted(by_kind.items())))
    print(f"speaker accuracy on matched  {speaker_ok / matched if matched else 0:.3f}   ({matched} matched)")
    print(f"cue accuracy on matched      {cue_ok / matched if matched else 0:.3f}")
    print(f"time {elapsed:.1f} s for {len(items)} articles ({analyzer.model})")
    if args.scope:
        print_scope(items, hits, {key: prf(*counts[key])[0] for key in counts})
    for label, rows in (("MISS", misses), ("FALSE", alarms)):
        for name, quote in rows[: args.show_errors]:
            print(f"{label}\t{name[:40]}\t{quote[:150]!r}")


if __name__ == "__main__":
    main()
