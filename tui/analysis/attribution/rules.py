"""Every attribution rule and speaker-resolution step, by a stable id, with a one-line description.

`RULES` is also the arbitration table: where two readings overlap, the one whose rule stands in
the earlier tier wins, and within a tier the one that starts first is kept. A quote records the
id of its rule (`Quote.rule`) and of the step that named its speaker (`Quote.speaker_rule`), so
a test, the reader and `analyze` can say why. This module imports nothing heavy.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.model import Document, Quote


@dataclass(frozen=True)
class Rule:
    id: str
    tier: int  # arbitration: a lower tier wins an overlap
    description: str


RULES: tuple[Rule, ...] = (
    # Tier 1: a cue that governs the quoted words, or quoted words that are all a clause says.
    Rule("clause.all-quoted", 1, "reporting verb; its clause is all in quote marks"),
    Rule("direct.colon-cue", 1, "reporting verb before a colon"),
    Rule("direct.cue-governs", 1, "reporting verb the quote hangs on"),
    Rule("direct.cue-after", 1, "reporting verb after the quote"),
    Rule("direct.continued", 1, "quotation running on from the paragraph before"),
    # Tier 2: reporting clauses, and a cue near the quote that the parse does not link to it.
    Rule("clause.that", 2, "reporting verb with its clause"),
    Rule("clause.parenthetical", 2, "reporting verb set inside what it reports"),
    Rule("clause.infinitive", 2, "reporting verb with a to-infinitive (urged … to)"),
    Rule("clause.misparsed", 2, "reporting verb whose clause the parse hung elsewhere"),
    Rule("clause.question", 2, "verb of asking with an if/whether question"),
    Rule("clause.accusation", 2, "accused … of"),
    Rule("clause.call-for", 2, "called for"),
    Rule("clause.according-to", 2, "according to"),
    Rule("clause.opens-quotation", 2, "report introducing a quotation"),
    Rule("direct.dash-byline", 2, "dash and a name after the quote"),
    Rule("direct.name-then-cue", 2, "name, then a reporting verb after the quote"),
    Rule("direct.inverted", 2, "reporting verb, then a name after the quote"),
    Rule("direct.cue-before", 2, "reporting verb earlier in the sentence"),
    # Tier 3: weaker frames.
    Rule("clause.as-noted", 3, "as X noted"),
    Rule("clause.speech-noun", 3, "speech noun with its owner (his claim that)"),
    Rule("direct.name-colon", 3, "name and a colon opening the quotation"),
    Rule("direct.colon-name", 3, "name before a colon"),
    # Tier 4: guesses that only stand where nothing else does.
    Rule("direct.colon-subject", 4, "lead-in ending with a colon; its subject speaks"),
    Rule("direct.labelling-verb", 4, "verb of judging (decried, hailed … as)"),
    Rule("direct.standalone", 4, "quote standing alone after a speaker's quote"),
    Rule("transcript.name-colon", 4, "paragraph opening with a name and a colon"),
    # Added after arbitration, only where no other reading holds the words (attribution/acts.py).
    Rule("act.reported", 4, "reported act toward someone (criticised, praised, endorsed …)"),
    Rule("act.label", 4, "a label put on someone (called X “a loser”)"),
)

SPEAKER_RULES: dict[str, str] = {
    "mention.name": "name",
    "mention.role": "role held by a named person",
    "mention.entity": "organisation or place",
    "relative": "which/who, the noun it hangs on",
    "title-names": "title phrase naming the person",
    "author": "I in the narration, the writer",
    "author.named": "I in the narration, the writer the opening names (byline, excerpt)",
    "pronoun.reporter": "pronoun, subject of the reporting verb above",
    "pronoun.subject": "pronoun, nearest subject of that gender",
    "pronoun.last-person": "pronoun, last person of that gender",
    "pronoun.last-group": "pronoun, last organisation or group",
    "pronoun.generic": "they of 'as they say', people in general",
    "untagged-name": "proper noun the tagger missed",
    "same-noun": "the same noun as an earlier source",
    "organisation.newspaper": "the newspaper, the one newspaper the article names",
    "organisation.epithet": "a described organisation, the last organisation subject (the nation's largest gun group)",
    "noun-phrase": "noun phrase",
    "coordination": "people named together speak together",
    "document.owner": "the owner or author of a report or statement",
    "document.given": "who was just said to give the statement or tweet",
    "body.owner": "whose face, eyes or voice (his eyes gleaming, as if to say)",
    "not-a-speaker": "the phrase names no one (an abstract noun, a role noun alone)",
    "continuation": "same speaker as the quote before",
}

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


def tier(rule_id: str) -> int:
    return BY_ID[rule_id].tier


def describe(rule_id: str) -> str:
    """The rule's description, or the id itself when this version does not know it."""
    rule = BY_ID.get(rule_id)
    return rule.description if rule is not None else rule_id


def describe_speaker(step: str) -> str:
    return SPEAKER_RULES.get(step, step)


def why(document: Document, quote: Quote) -> str:
    """Why a quote reads as it does, in one line: the cue and its rule, then the speaker's mention,
    the speaker and the step that joined them: "said — reporting verb with its clause; he → Chris
    Collins (pronoun, last person of that gender)". Plain text, never markup."""
    text = document.text
    found = describe(quote.rule) if quote.rule else "rule not recorded"
    if quote.cue_span:
        found = f"{text[quote.cue_span[0] : quote.cue_span[1]]} — {found}"
    speaker = document.speaker(quote.speaker)
    mention = text[quote.speaker_span[0] : quote.speaker_span[1]] if quote.speaker_span else ""
    if speaker is None:
        named = f" ({mention} names no one)" if mention else ""
        return _one_line(f"{found}; no speaker found{named}")
    who = f"{mention} → {speaker.name}" if mention and mention != speaker.name else speaker.name
    return _one_line(f"{found}; {who} ({describe_speaker(quote.speaker_rule)})")


def _one_line(text: str) -> str:
    return " ".join(text.split())
