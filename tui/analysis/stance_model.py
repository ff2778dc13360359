"""Stance from the trained target-sentiment model, where no rule has fired.

The rules (stance_rules.py) read a side only where a pattern they know is there. For the other
targets a quote names (people, organisations, places, policies), the speaker's stance is read as
the sentiment of their own sentence toward the mention (target_sentiment.py, fitted on NewsMTSC):
"Clinton has been lying to the American people for decades" is against Clinton with no stance
verb in sight. The model's reading counts only when it is sure: P(favour) - P(against) must reach
MODEL_THRESHOLD, chosen on NewsMTSC rw-dev as the least at which the sign it gives is right nine times in ten
(`python benchmarks/train_sentiment.py PATH/TO/newsmtsc` prints the choice). Rules win: a target
a rule took a side on in the quote gets no model reading from it. The same checks as the rules'
apply (a question, someone else's view, a supposition, a hedge, a concession).
"""

from __future__ import annotations

from spacy.tokens import Token

from tui.analysis.stance_rules import Hit, StanceRules
from tui.analysis.stance_voice import GIST_LENGTH
from tui.analysis.target_sentiment import polarity_toward
from tui.analysis.topics import unowned
from tui.model import Quote

MODEL_THRESHOLD = 0.85  # |P(favour) - P(against)| a model reading must reach (see the docstring)
MODEL_RULE = "model"
MODEL_KINDS = ("person", "entity", "policy")  # not common nouns: "hands", "friends", "mom"


def model_hits(rules: StanceRules, quote: Quote, tokens: list[Token], hits: list[Hit]) -> None:
    """The model's stance toward each person, organisation, place or policy the quote names that
    no rule already read in this quote, where it is sure enough."""
    if quote.kind not in ("direct", "mixed"):
        return  # an indirect quote's wording, and so its tone, is the writer's
    ruled = {h.topic for h in hits if h.quote == quote.id}
    readings: dict[str, list[tuple[float, Token, tuple[int, int]]]] = {}
    for token in tokens:
        group = rules.token_group.get(token.i)
        if group is None or group.kind not in MODEL_KINDS or group.key in ruled or token.ent_type_ == "NORP":
            continue  # (nor a people: "the Germans have cleared up …" is agreement, not a side on Germans)
        if group.key == f"speaker:{quote.speaker}":
            continue  # the speaker's own name in their quote is no target
        span = next(((s, e) for s, e in group.mentions if s <= token.idx < e), None)
        if span is None or span[0] < quote.start or span[1] > quote.end:
            continue  # only what the speaker's own words name
        if not _read_as_the_speakers(rules, token, quote):
            continue
        _, margin = polarity_toward(rules.doc, span[0], span[1], token.sent)
        readings.setdefault(group.key, []).append((margin, token, span))
    for key, found in readings.items():
        margin = sum(m for m, _, _ in found) / len(found)
        if abs(margin) < MODEL_THRESHOLD:
            continue
        strongest = max(found, key=lambda f: abs(f[0]))
        gist = _gist(rules, quote, strongest[1], strongest[2], margin)
        rules.hit(hits, quote, rules.groups[key], margin, MODEL_RULE, "", tokens, strongest[1], gist)


def _read_as_the_speakers(rules: StanceRules, token: Token, quote: Quote) -> bool:
    """Is the sentence's tone toward the mention the speaker's stance toward it? Yes where the
    mention does or is something ("X has been lying", "X's plan", "X is a disgrace") or undergoes
    the speaker's own act ("I admire X"); not where someone else acts on it (in "videos of Trump
    insulting Muslims" the tone toward Muslims is bad news for them, not the speaker's side), nor
    where it is only where or when something happened."""
    head = token
    while head.dep_ in ("conj", "appos", "compound") and head.head.i != head.i:
        head = head.head  # "Starmer and Cooper are …": the first conjunct's role
    if head.dep_ in ("nsubj", "poss", "ROOT"):
        return True
    # The object of the speaker's own verb; not a place or time ("the Americans we lost at
    # Benghazi": the loss is no side against Benghazi).
    return head.dep_ in ("dobj", "dative") and rules.speakers_act(head.head, quote)


def _gist(rules: StanceRules, quote: Quote, token: Token, span: tuple[int, int], margin: float) -> str:
    """ "speaks badly of Clinton: ‘has been lying to the American people’": the quote's words in the
    mention's sentence, both ends kept."""
    sentence = token.sent
    start, end = max(sentence.start_char, quote.start), min(sentence.end_char, quote.end)
    words = " ".join(rules.text[start:end].strip(" “”\"‘’',.").split())
    if len(words) > GIST_LENGTH:  # both ends, cut between words
        half = GIST_LENGTH // 2 - 2
        words = words[:half].rsplit(" ", 1)[0] + " … " + words[-half:].split(" ", 1)[-1]
    name = unowned(rules.text[span[0] : span[1]])
    return f"speaks {'well' if margin > 0 else 'badly'} of {name}: ‘{words}’"
