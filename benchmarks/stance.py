"""Stance and target sentiment, measured.

    python benchmarks/stance.py --gold ../shared/eval/seed-gold.json --newsmtsc ../shared/eval/newsmtsc

(1) The seed's gold stances: one counts when a stance of ours has the same speaker, the same label,
    and a topic whose label or mentions contain one of the gold target terms. Prints what the
    sidebar shows, too.
(2) NewsMTSC rw-test: polarity toward the marked mention, macro-F1 over -1/0/1, beside an
    always-neutral baseline and VADER over the whole sentence, computed in the same run. The
    weights of tui/analysis/sentiment.py were fit on rw-dev (benchmarks/train_sentiment.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def macro_f1(gold: list[int], predicted: list[int]) -> float:
    scores = []
    for label in (-1, 0, 1):
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label and g != label for g, p in zip(gold, predicted))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / 3


def seed_stances(analyzer, gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    document = analyzer.analyze(gold["text"])
    names = {s.id: s.name for s in document.speakers}
    variants = {name: set(v) | {name} for name, v in gold["speakers"].items()}
    topics = {t.id: t for t in document.topics}
    right = 0
    for item in gold["stances"]:
        ours = [
            s
            for s in document.stances
            if names.get(s.speaker) in variants.get(item["speaker"], {item["speaker"]})
            and s.label == item["stance"]
            and any(
                term.lower() in topics[s.topic].label.lower()
                or any(term.lower() in document.text[a:b].lower() for a, b in topics[s.topic].mentions)
                for term in item["target_terms"]
            )
        ]
        right += bool(ours)
        print(f"  {'ok  ' if ours else 'MISS'} {item['speaker']} {item['stance']} {item['target']}")
    print(f"seed gold stances right: {right} of {len(gold['stances'])}")
    print("the sidebar shows:")
    for stance in document.stances:
        print(
            f"  {names[stance.speaker]:32s} {stance.label:8s} {topics[stance.topic].label:32s} {stance.rule} ({stance.cue})"
        )


def newsmtsc(analyzer, folder: Path) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from tui.analysis.target_sentiment import polarity_toward

    def load(name):
        return [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines() if line.strip()]

    test = load("rw-test.jsonl")
    started = time.perf_counter()
    docs = analyzer.nlp.pipe([r["sentence"] for r in test])
    ours = macro_f1(
        [r["polarity"] for r in test], [polarity_toward(d, r["from"], r["to"])[0] for d, r in zip(docs, test)]
    )
    elapsed = time.perf_counter() - started
    gold = [r["polarity"] for r in test]
    vader = SentimentIntensityAnalyzer()
    vader_labels = []
    for row in test:
        compound = vader.polarity_scores(row["sentence"])["compound"]
        vader_labels.append(1 if compound >= 0.05 else -1 if compound <= -0.05 else 0)
    print(f"NewsMTSC rw-test ({len(test)} sentences), macro-F1:")
    print(f"  newsreader (trained on NewsMTSC train, tuned on rw-dev)  {ours:.4f}")
    print(f"  VADER, whole sentence    {macro_f1(gold, vader_labels):.3f}")
    print(f"  always neutral           {macro_f1(gold, [0] * len(gold)):.3f}")
    print(f"  time {elapsed:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "seed_gold.json")
    parser.add_argument("--newsmtsc", type=Path, default=None, help="folder with rw-dev.jsonl and rw-test.jsonl")
    args = parser.parse_args()
    from tui.analysis.engine import Analyzer

    analyzer = Analyzer()
    seed_stances(analyzer, args.gold)
    if args.newsmtsc:
        newsmtsc(analyzer, args.newsmtsc)


if __name__ == "__main__":
    main()
