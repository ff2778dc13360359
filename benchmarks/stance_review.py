"""The stance review: what the sidebar shows on PolNeAR train articles, and the totals of a review.

    python benchmarks/stance_review.py PATH/TO/PolNeAR [--articles 30] [--every 7] [--offset 0]
    python benchmarks/stance_review.py --totals benchmarks/data/stance_review.tsv

The first form analyses train articles (every Nth from --offset, in name order, keeping those where the sidebar
shows a stance, until there are --articles of them) and prints every stance the sidebar shows:
article, speaker, target, sign, the evidence in plain words and the start of its quote, for a
reader to judge. PolNeAR's texts are copyrighted: they are read in place, and only a few words of
evidence are printed. The second form prints the totals of a review table (columns: article,
speaker, target, shown sign, right?, note; right? is "yes", "sign" (wrong sign), "target" (wrong
target) or "no" (both)).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.sources import Article

SIGN = {"favor": "+", "against": "-", "neutral": "="}


def show(root: Path, articles: int, every: int, offset: int) -> None:
    from tui.analysis.engine import Analyzer

    paths = sorted((root / "data" / "train" / "text").glob("*.txt"))[offset::every]
    analyzer = Analyzer()
    shown = 0
    documents = analyzer.analyze_many(
        Article(text=p.read_text(encoding="utf-8"), title=p.stem, source=p.name) for p in paths
    )
    for path, document in zip(paths, documents):
        if not document.stances:
            continue
        names = {s.id: s.name for s in document.speakers}
        kinds = {s.id: s.kind for s in document.speakers}
        topics = {t.id: t.label for t in document.topics}
        quotes = {q.id: q for q in document.quotes}
        for stance in document.stances:
            quote = quotes[stance.evidence[0]]
            words = " ".join(document.quote_text(quote).split()[:12])
            print(
                "\t".join(
                    [
                        path.stem,
                        names[stance.speaker],
                        topics[stance.topic],
                        SIGN[stance.label],
                        f"{kinds[stance.speaker]}/{quote.kind}",
                        stance.gist,
                        words,
                    ]
                )
            )
        shown += 1
        if shown >= articles:
            break


def totals(table: Path) -> None:
    with table.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    right = sum(r["right?"] == "yes" for r in rows)
    sign = sum(r["right?"] in ("yes", "target") for r in rows)
    target = sum(r["right?"] in ("yes", "sign") for r in rows)
    articles = {r["article"] for r in rows}
    people = {r["article"] for r in rows if r["target is a person"] == "yes"}
    print(f"{len(rows)} stances on {len(articles)} articles")
    print(f"right sign and right target: {right} ({right / len(rows):.1%})")
    print(f"right sign: {sign} ({sign / len(rows):.1%}); right target: {target} ({target / len(rows):.1%})")
    print(f"articles with a stance toward a person: {len(people)} of {len(articles)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, nargs="?")
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--every", type=int, default=7)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--totals", type=Path)
    args = parser.parse_args()
    if args.totals:
        totals(args.totals)
    elif args.path:
        show(args.path, args.articles, args.every, args.offset)
    else:
        parser.error("give the PolNeAR folder, or --totals TABLE")


if __name__ == "__main__":
    main()
