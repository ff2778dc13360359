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
from dataclasses import dataclass
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear", type=Path, help="a folder holding data/train/text/")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--show-errors", action="store_true", help="list every wrong person, split and junk speaker")
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
    analyzer = Analyzer()
    documents = analyzer.analyze_many(Article(text=texts[a], title="", source=a) for a in gold)
    matched = right = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    entities_per_person: list[int] = []
    junk: list[str] = []
    ours_with_match = 0
    errors: list[str] = []
    splits: list[str] = []
    for article, document in zip(gold, documents, strict=True):
        text = document.text
        if len(text) != len(texts[article]):
            print(f"skipped {article}: the analyser changed the text's length", file=sys.stderr)
            continue
        speakers = {s.id: s for s in document.speakers}
        real_to_ours: dict[str, set[str]] = defaultdict(set)
        ours_matched: dict[str, list[GoldRow]] = defaultdict(list)
        for row in gold[article]:
            if row.kind == "unresolved":
                continue
            quote = next((q for q in document.quotes if covers(text, (q.start, q.end), row.content)), None)
            if quote is None:
                continue
            matched += 1
            by_kind[row.kind][1] += 1
            speaker = speakers.get(quote.speaker) if quote.speaker else None
            name, kind = (speaker.name, speaker.kind) if speaker else ("(none)", "none")
            if speaker:
                ours_matched[speaker.id].append(row)
            if speaker and same_source(name, kind, row):
                right += 1
                by_kind[row.kind][0] += 1
                if row.kind in ("person", "organisation"):
                    real_to_ours[row.name].add(speaker.id)
            else:
                errors.append(f"{article} {row.content}: ours {name!r} ({kind}), real {row.name!r} ({row.kind})")
        for real, ours in real_to_ours.items():
            entities_per_person.append(len(ours))
            if len(ours) > 1:
                splits.append(f"{article}: {real!r} is {sorted(speakers[s].name for s in ours)}")
        real_sources = gold[article]
        for speaker_id in ours_matched:
            ours_with_match += 1
            speaker = speakers[speaker_id]
            if not any(same_source(speaker.name, speaker.kind, row) for row in real_sources):
                junk.append(f"{article}: {speaker.name!r} ({speaker.kind})")
    elapsed = time.perf_counter() - started

    people = len(entities_per_person)
    split_people = sum(n > 1 for n in entities_per_person)
    print(f"gold: {sum(len(r) for r in gold.values())} attributions in {len(gold)} train articles ({args.gold.name})")
    print(f"matched quotes (content found):      {matched}")
    print(f"right-person accuracy:               {right / max(matched, 1):.3f}  ({right}/{matched})")
    for kind, (ok, n) in sorted(by_kind.items()):
        print(f"  {kind:<13} {ok / max(n, 1):.3f}  ({ok}/{n})")
    print(
        f"split rate (people/orgs as >1 speaker): {split_people / max(people, 1):.3f}  ({split_people}/{people}); "
        f"entities per real person {sum(entities_per_person) / max(people, 1):.3f}"
    )
    print(
        f"junk speakers (fit no real source):  {len(junk) / max(ours_with_match, 1):.3f}  ({len(junk)}/{ours_with_match})"
    )
    print(f"time: {elapsed:.1f} s")
    if args.show_errors:
        for title, lines in (("wrong person", errors), ("split", splits), ("junk", junk)):
            print(f"\n== {title} ({len(lines)})")
            for line in lines:
                print(line)


if __name__ == "__main__":
    main()
