"""Cues: the words that say someone spoke, and the token that names who.

`find_cues` is the stage: every reporting verb ("said", "called for"), "according to" and
speech noun ("his claim that") in the narration, in text order. `subject_of` finds the speaker
token of a cue verb, borrowing the subject of the verb above it when the cue has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tui.analysis import lexicons
from tui.analysis.attribution.context import Context

SPEECH_NOUNS = lexicons.words("speech_nouns.txt")
_SENDING_VERBS = lexicons.words("sending_verbs.txt")
_PORTIONS = lexicons.words("portion_nouns.txt")
# Verbs whose passive subject is the speaker: "X was quoted as saying".
_PASSIVE_SPEAKER_HEADS = lexicons.words("passive_speaker_verbs.txt")
# Dependencies through which a cue verb borrows its subject from the verb above it
# ("…, adding: “…”", "X stood up and said …", "X was quoted as saying …").
_BORROW_DEPS = {"advcl", "conj", "xcomp", "pcomp", "prep", "acl"}
_PERFECT = lexicons.words("perfect_auxiliaries.txt")


@dataclass(frozen=True)
class Cue:
    """A word that reports speech: `kind` is "verb", "according" or "noun"."""

    token: Token
    kind: str


def find_cues(ctx: Context) -> list[Cue]:
    """Every cue in the narration, in text order."""
    found = []
    for token in ctx.doc:
        if token.lower_ == "according" and not ctx.in_quote(token.idx):
            found.append(Cue(token, "according"))
        elif ctx.is_cue(token) or calls_for(ctx, token):
            found.append(Cue(token, "verb"))
        elif token.pos_ == "NOUN" and token.lemma_.lower() in SPEECH_NOUNS and not ctx.in_quote(token.idx):
            found.append(Cue(token, "noun"))
    return found


def calls_for(ctx: Context, token: Token) -> bool:
    """ "X called for Y" reports a demand; "call" alone is no cue ("called it a disaster")."""
    return (
        token.lemma_ == "call"
        and token.pos_ == "VERB"
        and not ctx.in_quote(token.idx)
        and any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children)
    )


def cue_with_subject(ctx: Context, token: Token) -> bool:
    return ctx.is_cue(token) and subject_of(ctx, token) is not None


def _own_subject(ctx: Context, verb: Token) -> Token | None:
    """The verb's own subject outside quote marks (the passive one of "was quoted as saying")."""
    for child in verb.children:
        if ctx.in_quote(child.idx):
            continue
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "nsubjpass" and verb.lemma_.lower() in _PASSIVE_SPEAKER_HEADS:
            return child
    return None


def _bare_participle(verb: Token) -> bool:
    """ "Asked by the BBC if …": a past participle with no 'having' is done to its subject."""
    perfect = any(c.dep_ == "aux" and c.lower_ in _PERFECT for c in verb.children)  # "Having announced …"
    return verb.tag_ == "VBN" and verb.dep_ != "conj" and not perfect


def _infinitive_relative(verb: Token) -> bool:
    """ "went out of his way to say …", "used the moment to warn …"."""
    return verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def subject_of(ctx: Context, verb: Token) -> Token | None:
    """The speaker token of a cue verb: its subject, or the subject it borrows."""
    current = verb
    for _ in range(4):
        found = _own_subject(ctx, current)
        if found is not None:
            return found
        if _bare_participle(current):
            return None
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ in ("NOUN", "PROPN"):
            return sayer_of(ctx, current.head)
        if current.dep_ == "acl" and current.tag_ in ("VBD", "VBZ") and current.head.i == current.i - 1:
            return current.head  # "a man yelled “…”": a finite verb the parse hung on its subject
        if _infinitive_relative(current):
            # The doer of the verb above the noun the infinitive hangs on.
            above = next((a for a in current.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if above is None:
                return None
            verb = current = above
        elif current.dep_ in _BORROW_DEPS and current.head.i != current.i:
            borrowed = _borrowed_from(ctx, current)
            if borrowed is None:
                return name_just_before(ctx, verb)
            current = borrowed
        else:
            counted = next((c for c in verb.children if c.dep_ == "nummod" and c.i < verb.i), None)
            return name_just_before(ctx, verb) or counted  # "About 4 in 10 say …", parsed without a subject
    return None


def _borrowed_from(ctx: Context, current: Token) -> Token | None:
    """The verb whose subject a dependent cue borrows; None when the parse offers none.

    "…, telling the crowd, “Some people get …”": the parse hung the cue on the quoted words, so
    the sentence's root lends its subject instead. "He said A has B and said C": the second
    "said" borrows from the first."""
    head = current.head
    if current.dep_ == "conj" and head.dep_ == "ccomp" and head.head.lemma_ == current.lemma_ and not ctx.is_cue(head):
        # "He said the attacks have helped and said …": the parse joined the second "said" to
        # the first one's clause; it shares the first one's subject, not the clause's.
        return head.head
    if not ctx.in_quote(head.idx):
        return head
    root = current.sent.root
    if ctx.in_quote(root.idx) or root.i == current.i:
        return None
    return root


def name_just_before(ctx: Context, verb: Token) -> Token | None:
    """A cue the parser left without a subject, right after a name: "Gov. John Kasich (R-OH),
    said, “…”". Only punctuation and one parenthesis may stand between them."""
    doc = ctx.doc
    i = verb.i - 1
    while i >= 0 and doc[i].text in (",", "—", "–"):
        i -= 1
    if i >= 0 and doc[i].text == ")":
        while i >= 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    if i >= 0 and doc[i].pos_ == "PROPN" and not ctx.in_quote(doc[i].idx) and doc[i].ent_type_ in ("PERSON", "ORG", ""):
        return doc[i]
    return None


def sayer_of(ctx: Context, noun: Token) -> Token | None:
    """Who says it in "NOUN saying …": the sender in "emailed supporters saying …" and "issued a
    statement saying …"; the noun itself in "Republicans saying …"."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _SENDING_VERBS:
        sender = next((c for c in noun.head.children if c.dep_ == "nsubj" and not ctx.in_quote(c.idx)), None)
        if sender is not None:
            return sender
    if noun.lemma_.lower() in _PORTIONS:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if group is not None:
            return group  # "the share of Republicans saying …": the Republicans say it
    return None if ctx.in_quote(noun.idx) or noun.tag_ in ("WDT", "WP") else noun
