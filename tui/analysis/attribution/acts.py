"""Reported acts and labels: attributions that carry a side without a quote.

"X criticised Y", "X endorsed Y", "X accused Y of …" report an act of taking sides toward Y; "X
called Y “a loser”" puts a label on Y. Both are a large share of what news attributes to people
(PolNeAR counts them), and both are stance. `find_acts` is the stage: it runs after arbitration
and adds, for every such verb in the narration whose subject and object it can read, an
attribution of kind "act" or "label" whose content is what the verb says of its object. It never
takes words another attribution already holds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from tui.analysis import lexicons
from tui.analysis.attribution.context import Attribution, Context, lemma_of
from tui.analysis.polarity import evaluation, negated

_OBJECT_DEPS = ("dobj", "dative", "oprd", "prep", "xcomp", "ccomp", "attr")
_LABEL_DEPS = ("dobj", "dative", "oprd", "xcomp", "attr", "ccomp")
_NO_SPEAKER = {"it", "this", "that", "which", "there"}
QUOTE_CHARACTERS = set("“”\"‘’'")


@lru_cache(maxsize=1)
def act_verbs() -> dict[tuple[str, ...], float]:
    """Act verbs keyed by their words, e.g. ('call', 'out') -> -1."""
    return {tuple(words.split()): value for words, value in lexicons.scores("act_verbs.tsv").items()}


def act_words(token: Token) -> tuple[str, ...] | None:
    """The act-verb entry a verb matches ("called out", "lashed out at", "praised"), if any."""
    table = act_verbs()
    lemma = lemma_of(token)
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    preps = [c.lower_ for c in token.children if c.dep_ == "prep"]
    for particle in particles:
        for prep in preps:
            if (lemma, particle, prep) in table:
                return (lemma, particle, prep)
        if (lemma, particle) in table:
            return (lemma, particle)
    return (lemma,) if (lemma,) in table and not particles else None


def doer(token: Token) -> Token | None:
    """Who does the verb: its subject, a conjoined verb's subject ("praised X and criticised Y"),
    or the noun a misparsed past tense hangs on ("Trump called Romney “a loser”")."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None and token.dep_ == "conj" and token.head.pos_ == "VERB":
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if subject is None and token.dep_ == "acl" and token.head.dep_ == "ROOT" and token.head.pos_ == "PROPN":
        subject = token.head
    if subject is None or subject.lower_ in _NO_SPEAKER or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return subject


def target_of(token: Token) -> Token | None:
    """The object the act is done to: the direct object, or what a particle verb's preposition takes."""
    obj = next((c for c in token.children if c.dep_ in ("dobj", "oprd") and c.i > token.i), None)
    if obj is not None:
        return obj
    for prep in (c for c in token.children if c.dep_ == "prep"):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and act_words(token) and len(act_words(token) or ()) > 1:
            return obj
    return None


def is_label(ctx: Context, token: Token) -> bool:
    """ "called X “a loser”", "called him a liar": 'call' with an object and a second complement
    that is quoted or judges."""
    demand = any(c.dep_ == "prt" or (c.i == token.i + 1 and c.lower_ in ("for", "on")) for c in token.children)
    if lemma_of(token) != "call" or demand:  # "called for calm", "called on X to …", "called out X"
        return False
    after = [c for c in token.children if c.i > token.i and c.dep_ in ("dobj", "oprd", "xcomp", "attr", "ccomp")]
    if len(after) < 2 and not (after and after[0].dep_ == "dobj" and any(c.dep_ == "oprd" for c in after[0].children)):
        return False
    label = after[-1]
    quoted = any(ctx.in_quote(t.idx) for t in label.subtree)
    return quoted or evaluation(label) != 0


def _when(token: Token) -> bool:
    """ "on Monday", "last week": when the act was done, not what it says."""
    return token.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in token.children)


def find_acts(ctx: Context, found: list[Attribution]) -> list[Attribution]:
    """Acts and labels in the narration that no other attribution holds."""
    held = [(a.start, a.end) for a in found] + [a.cue for a in found if a.cue]
    acts = []
    for token in ctx.doc:
        if token.pos_ != "VERB" or ctx.in_quote(token.idx) or negated(token):
            continue
        label = is_label(ctx, token)
        if not label and act_words(token) is None:
            continue
        subject = doer(token)
        target = target_of(token)
        if subject is None or target is None:
            continue
        deps = _LABEL_DEPS if label else _OBJECT_DEPS  # a label's content is the object and what it is called
        parts = [c for c in token.children if c.i > token.i and c.dep_ in deps and not _when(c)]
        span = ctx.content_span(parts)
        if span is None:
            continue
        if label:  # the label's closing mark, after a full stop inside it ("“unfair.”")
            close = re.match(r"[.,!?]?[”\"’']", ctx.text[span[1] : span[1] + 2])
            span = (span[0], span[1] + close.end()) if close else span
        cue = (token.idx, token.idx + len(token.text))
        if any(s < span[1] and span[0] < e for s, e in held) or any(s <= cue[0] < e for s, e in held):
            continue
        acts.append(
            Attribution(
                start=span[0],
                end=span[1],
                kind="label" if label else "act",
                paragraph=ctx.paragraph_of(span[0]),
                rule="act.label" if label else "act.reported",
                cue=cue,
                speaker_token=subject,
            )
        )
        held.append(span)
    return acts
