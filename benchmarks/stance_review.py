"""The stance review: what the sidebar shows on PolNeAR train articles, and the totals of a review.

    python benchmarks/stance_review.py PATH/TO/PolNeAR [--articles 30] [--every 7] [--offset 0]
    python benchmarks/stance_review.py PATH/TO/PolNeAR --same benchmarks/data/stance_review.tsv
    python benchmarks/stance_review.py --totals benchmarks/data/stance_review.tsv

The first form analyses train articles (every Nth from --offset, in name order, keeping those where the sidebar
shows a stance, until there are --articles of them) and prints every stance the sidebar shows:
article, speaker, target, sign, the evidence in plain words and the start of its quote, for a
reader to judge. PolNeAR's texts are copyrighted: they are read in place, and only a few words of
evidence are printed. The second form analyses the articles of an earlier review table instead,
and ends each row with that table's judgement where the same speaker, target and sign were judged
there ("new" where not), so a re-reading starts from what was read before. The third form prints the totals of a review table (columns: article,
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


def show(root: Path, articles: int, every: int, offset: int, same: Path | None = None) -> None:
    from tui.analysis.engine import Analyzer

    paths = sorted((root / "data" / "train" / "text").glob("*.txt"))[offset::every]
    judged: dict[tuple[str, ...], str] = {}
    short: dict[Path, str] = {}
    if same is not None:
        rows = _rows(same)
        stems = list(dict.fromkeys(r["article"] for r in rows))
        every_path = sorted((root / "data" / "train" / "text").glob("*.txt"))
        paths = [next(p for p in every_path if p.stem.startswith(stem)) for stem in stems]
        short = {p: stem for p, stem in zip(paths, stems)}
        judged = {(r["article"], r["speaker"], r["target"], r["shown sign"]): r["right?"] for r in rows}
        articles = len(paths)
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
            stem = short.get(path, path.stem)
            sign = SIGN[stance.label].replace("-", "−")
            before = judged.get((stem, names[stance.speaker], topics[stance.topic], sign), "new")
            print(
                "\t".join(
                    [
                        stem,
                        names[stance.speaker],
                        topics[stance.topic],
                        SIGN[stance.label],
                        f"{kinds[stance.speaker]}/{quote.kind}",
                        stance.gist,
                        words,
                        *([before] if same is not None else []),
                    ]
                )
            )
        shown += 1
        if shown >= articles:
            break


def _rows(table: Path) -> list[dict[str, str]]:
    with table.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def totals(table: Path) -> None:
    rows = _rows(table)
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
    parser.add_argument("--same", type=Path, help="analyse the articles of this earlier review table")
    parser.add_argument("--totals", type=Path)
    args = parser.parse_args()
    if args.totals:
        totals(args.totals)
    elif args.path:
        show(args.path, args.articles, args.every, args.offset, args.same)
    else:
        parser.error("give the PolNeAR folder, or --totals TABLE")


if __name__ == "__main__":
    main()
