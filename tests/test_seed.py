"""The bundled seed article against its hand annotation (tests/seed_gold.json)."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((Path(__file__).parent / "seed_gold.json").read_text(encoding="utf-8"))
SEED = ROOT / "seeds" / "000_98ba90fb1ad34b04.txt"

# Our speaker names for the gold ones; Berlin and Germany are one speaker.
SAME = {
    "Keir Starmer": {"Keir Starmer"},
    "Yvette Cooper": {"Yvette Cooper"},
    "Robert Jenrick": {"Robert Jenrick"},
    "Berlin": {"Berlin", "Germany"},
    "Germany’s ambassador to the UK": {"Germany’s ambassador to the UK", "Germany’s ambassador"},
}


def letters(text: str) -> int:
    return sum(c.isalnum() for c in text)


def matches(text, a, b) -> bool:
    overlap = text[max(a[0], b[0]) : min(a[1], b[1])]
    return letters(overlap) >= 0.5 * letters(text[a[0] : a[1]]) and letters(overlap) >= 0.5 * letters(text[b[0] : b[1]])


@pytest.fixture(scope="module")
def seed(analyzer):
    text = SEED.read_text(encoding="utf-8")
    assert text == GOLD["text"]
    return analyzer.analyze(text)


@pytest.mark.parametrize("gold", GOLD["quotes"], ids=lambda g: g["text"][:30])
def test_every_gold_quote_is_found_with_its_speaker(seed, gold):
    found = [q for q in seed.quotes if matches(seed.text, (q.start, q.end), (gold["start"], gold["end"]))]
    assert found, f"missed: {gold['text']}"
    speaker = seed.speaker(found[0].speaker)
    assert speaker is not None and speaker.name in SAME[gold["speaker"]]


def test_the_speakers_are_the_five_real_ones(seed):
    names = sorted(s.name for s in seed.speakers)
    assert len(names) == 5
    for gold_name, ours in SAME.items():
        assert sum(name in ours for name in names) == 1, gold_name


def test_sir_keir_and_the_prime_minister_are_one_speaker(seed):
    starmer = next(s for s in seed.speakers if s.name == "Keir Starmer")
    said = {seed.text[a:b] for a, b in starmer.mentions}
    assert {"Sir Keir", "Sir Keir Starmer", "Keir Starmer", "The Prime Minister", "The prime minister"} <= said
    cooper = next(s for s in seed.speakers if s.name == "Yvette Cooper")
    assert {"Ms Cooper", "The Home Secretary", "She"} <= {seed.text[a:b] for a, b in cooper.mentions}


def test_hearsay_is_not_a_quote_and_a_reported_act_is_a_quote_of_its_own_kind(seed):
    quoted = " ".join(seed.quote_text(q) for q in seed.quotes)
    assert "working undercover" not in quoted
    acts = [(seed.speaker(q.speaker).name, q.kind, seed.quote_text(q)) for q in seed.quotes if q.kind == "act"]
    assert acts == [("Keir Starmer", "act", "the Government’s new approach")]
    assert len(seed.quotes) == 23
