"""Speaker identity measured against our own gold (benchmarks/data/speaker_gold.tsv).

    python benchmarks/speakers.py PATH/TO/PolNeAR [--show-errors]

The gold names the real source of every attribution in 50 PolNeAR train articles (offsets
and names only; the texts are read from PATH, never committed). For each gold attribution
whose content span one of our quotes covers, the quote's speaker is compared with the real
source. Prints:

- right-person accuracy: matched quotes whose speaker is the real source (the span-overlap
  figure of attribution.py counts a wrong person's "he" as right; this does not);
- split rate: real people and organisations that appear as more than one of our speakers in
  one article, and entities per real person;
- junk rate: our speakers (with a matched quote) whose name fits no real source of the article
  ("The issue", "president", "Warning").

The figures are printed three times: on the tuning part (the gold articles at even positions in
sorted order: 0, 2, 4 …), on the check part (odd positions) and on all of them. Rules are decided
by looking at the tuning part's errors only (`--show-errors` lists those); the check part tells
whether a rule holds on articles it was not written from.

Names are compared loosely, as a reader would: titles, initials, possessives and "the" are
ignored; a person matches on surname (and first name when both give one); an organisation,
document or place on its words; an anonymous source or a group on any content word.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from attribution import covers

from tui.sources import Article

GOLD = Path(__file__).resolve().parent / "data" / "speaker_gold.tsv"
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president", "sir", "dame",
    "lord", "secretary", "former", "jr", "sr", "iii", "ii", "prof", "rev", "gen", "the", "a", "an",
}  # fmt: skip
STOP = {"the", "a", "an", "of", "and", "in", "on", "for", "to", "at", "by", "with", "his", "her", "their", "its"}


@dataclass
class GoldRow:
    content: tuple[int, int]
    source: tuple[int, int]
    name: str
    kind: str


def words(name: str) -> list[str]:
    name = re.sub(r"[’']s\b", "", name.lower())
    return [w for w in re.findall(r"[a-z0-9]+", name) if w]


def person_words(name: str) -> list[str]:
    return [w for w in words(name) if w not in TITLES and len(w) > 1]


def same_source(ours_name: str, ours_kind: str, gold: GoldRow) -> bool:
    """Whether our speaker (name, kind) is the real source the gold names."""
    if gold.kind in ("anonymous", "group"):
        description = gold.name.split(":", 1)[-1]
        content = set(words(description)) - STOP
        return ours_kind not in ("person", "organisation") and bool(content & (set(words(ours_name)) - STOP))
    ours, real = person_words(ours_name), person_words(gold.name)
    if not ours or not real:
        return False
    if gold.kind == "person":
        if ours[-1] != real[-1]:
            return False
        return len(ours) == 1 or len(real) == 1 or ours[0] == real[0]
    # 'Daily News' is the New York Daily News; 'Trump' is not the Trump campaign
    return set(real) <= set(ours) or (len(ours) > 1 and set(ours) <= set(real))


def load_gold(path: Path) -> dict[str, list[GoldRow]]:
    rows: dict[str, list[GoldRow]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows[row["article"]].append(
                GoldRow(
                    (int(row["content_start"]), int(row["content_end"])),
                    (int(row["source_start"]), int(row["source_end"])),
                    row["name"],
                    row["kind"],
                )
            )
    return rows


@dataclass
class Tally:
    matched: int = 0
    right: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    entities_per_person: list[int] = field(default_factory=list)
    ours_with_match: int = 0
    errors: list[str] = field(default_factory=list)
    splits: list[str] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)


def score_article(article: str, document, rows: list[GoldRow], tally: Tally) -> None:
    """Add one article's matched quotes, splits and junk speakers to the tally."""
    text = document.text
    speakers = {s.id: s for s in document.speakers}
    real_to_ours: dict[str, set[str]] = defaultdict(set)
    ours_matched: set[str] = set()
    for row in rows:
        if row.kind == "unresolved":
            continue
        quote = next((q for q in document.quotes if covers(text, (q.start, q.end), row.content)), None)
        if quote is None:
            continue
        tally.matched += 1
        tally.by_kind[row.kind][1] += 1
        speaker = speakers.get(quote.speaker) if quote.speaker else None
        if speaker:
            ours_matched.add(speaker.id)
        if speaker and same_source(speaker.name, speaker.kind, row):
            tally.right += 1
            tally.by_kind[row.kind][0] += 1
            if row.kind in ("person", "organisation"):
                real_to_ours[row.name].add(speaker.id)
        else:
            name, kind = (speaker.name, speaker.kind) if speaker else ("(none)", "none")
            ours_at = text[quote.speaker_span[0] : quote.speaker_span[1]] if quote.speaker_span else ""
            real_at = text[row.source[0] : row.source[1]]
            tally.errors.append(
                f"{article} {row.content}: ours {name!r} ({kind}) at {ours_at!r} by {quote.speaker_rule or '-'}, "
                f"real {row.name!r} ({row.kind}) at {real_at!r}"
            )
    for real, ours in real_to_ours.items():
        tally.entities_per_person.append(len(ours))
        if len(ours) > 1:
            tally.splits.append(f"{article}: {real!r} is {sorted(speakers[s].name for s in ours)}")
    for speaker_id in ours_matched:
        tally.ours_with_match += 1
        speaker = speakers[speaker_id]
        if not any(same_source(speaker.name, speaker.kind, row) for row in rows):
            tally.junk.append(f"{article}: {speaker.name!r} ({speaker.kind})")


def part_of(article: str, articles: list[str]) -> str:
    """ "tune" for the articles at even positions in sorted order, "check" for the odd ones."""
    return "tune" if sorted(articles).index(article) % 2 == 0 else "check"


def report(tally: Tally, gold: dict[str, list[GoldRow]], title: str, show_errors: bool) -> None:
    people = len(tally.entities_per_person)
    split_people = sum(n > 1 for n in tally.entities_per_person)
    matched = max(tally.matched, 1)
    print(f"\n## {title}: {sum(len(r) for r in gold.values())} gold attributions in {len(gold)} train articles")
    print(f"matched quotes (content found):      {tally.matched}")
    print(f"right-person accuracy:               {tally.right / matched:.3f}  ({tally.right}/{tally.matched})")
    for kind, (ok, n) in sorted(tally.by_kind.items()):
        print(f"  {kind:<13} {ok / max(n, 1):.3f}  ({ok}/{n})")
    print(
        f"split rate (people/orgs as >1 speaker): {split_people / max(people, 1):.3f}  ({split_people}/{people}); "
        f"entities per real person {sum(tally.entities_per_person) / max(people, 1):.3f}"
    )
    junk, ours = len(tally.junk), tally.ours_with_match
    print(f"junk speakers (fit no real source):  {junk / max(ours, 1):.3f}  ({junk}/{ours})")
    if show_errors:
        for title, lines in (("wrong person", tally.errors), ("split", tally.splits), ("junk", tally.junk)):
            print(f"\n== {title} ({len(lines)})")
            for line in lines:
                print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear", type=Path, help="a folder holding data/train/text/")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument(
        "--show-errors",
        nargs="?",
        const="tune",
        choices=("tune", "check", "all"),
        help="list every wrong person, split and junk speaker of a part (default: the tuning part)",
    )
    args = parser.parse_args()
    gold = load_gold(args.gold)
    texts = {}
    for article in gold:
        path = args.polnear / "data" / "train" / "text" / f"{article}.txt"
        if not path.is_file():
            raise SystemExit(f"speakers.py: {path} not found (is {args.polnear} a PolNeAR folder?)")
        texts[article] = path.read_text(encoding="utf-8")

    from tui.analysis.engine import Analyzer

    started = time.perf_counter()
    documents = Analyzer().analyze_many(Article(text=texts[a], title="", source=a) for a in gold)
    tallies = {"tune": Tally(), "check": Tally(), "all": Tally()}
    for article, document in zip(gold, documents, strict=True):
        if len(document.text) != len(texts[article]):
            print(f"skipped {article}: the analyser changed the text's length", file=sys.stderr)
            continue
        score_article(article, document, gold[article], tallies[part_of(article, list(gold))])
        score_article(article, document, gold[article], tallies["all"])
    elapsed = time.perf_counter() - started
    print(f"gold: {args.gold.name}; analysed in {elapsed:.1f} s")
    for part, title in (("tune", "tuning part (even)"), ("check", "check part (odd)"), ("all", "all")):
        articles = {a: rows for a, rows in gold.items() if part == "all" or part_of(a, list(gold)) == part}
        report(tallies[part], articles, title, args.show_errors == part)


if __name__ == "__main__":
    main()
