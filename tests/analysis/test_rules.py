"""The rule table: every rule has a stable id, a description and at least one test case naming it;
every rule a case names is in the table; the why line reads from it."""

from tests.analysis import (
    test_arbitrate,
    test_clauses,
    test_direct,
    test_speaker_identity,
    test_speakers,
    test_transcripts,
)
from tui.analysis.attribution.rules import BY_ID, RULES, SPEAKER_RULES, describe, tier, why
from tui.model import Document, Quote, Speaker

STAGES = (test_clauses, test_direct, test_transcripts, test_arbitrate, test_speakers, test_speaker_identity)


def named() -> tuple[set[str], set[str]]:
    rules, steps = set(), set()
    for stage in STAGES:
        for case in stage.CASES:
            for row in case.values[1]:
                rules.add(row[3])
                steps.add(row[4])
    return rules, steps


def test_ids_are_unique_and_described():
    assert len(BY_ID) == len(RULES)
    assert all(rule.description and rule.tier in (1, 2, 3, 4) for rule in RULES)
    assert all(SPEAKER_RULES.values())


def test_every_rule_and_step_has_a_case_and_every_case_a_known_rule():
    rules, steps = named()
    assert rules == set(BY_ID)
    assert steps == set(SPEAKER_RULES)


def test_an_earlier_tier_wins():
    assert tier("direct.cue-after") < tier("clause.that") < tier("clause.as-noted") < tier("direct.standalone")
    assert describe("no.such-rule") == "no.such-rule"


def test_why_names_the_cue_the_rule_the_mention_and_the_step():
    text = "Chris Collins arrived. He said the vote was close."
    document = Document(
        text=text,
        speakers=[Speaker(id="s1", name="Chris Collins", kind="person", mentions=[(0, 13), (23, 25)])],
        quotes=[
            Quote(
                id="q1",
                start=34,
                end=len(text) - 1,
                kind="indirect",
                speaker="s1",
                speaker_span=(23, 25),
                cue_span=(26, 30),
                rule="clause.that",
                speaker_rule="pronoun.last-person",
            )
        ],
    )
    assert why(document, document.quotes[0]) == (
        "said — reporting verb with its clause; He → Chris Collins (pronoun, last person of that gender)"
    )
