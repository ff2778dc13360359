"""Polarity words shared by stance and target sentiment: stance verbs, evaluative words, negation.

`stance.py` reads them to say whether a speaker is for or against a topic; `sentiment.py` to say
whether a sentence speaks well or badly of a person. One table each, read once.
"""

from __future__ import annotations

import contextlib
from functools import lru_cache

from spacy.tokens import Token

from tui.analysis import lexicons

NEGATIONS = lexicons.words("negations.txt")
BLOCKING = lexicons.words("blocking_words.txt")
SELDOM = lexicons.words("seldom_words.txt")
NOT_ONLY = lexicons.words("not_only_words.txt")


@lru_cache(maxsize=1)
def stance_verbs() -> dict[tuple[str, ...], float]:
    """Stance verbs keyed by their words, e.g. ('push', 'back', 'against') -> -1."""
    table = {}
    for line in lexicons.read("stance_verbs.tsv"):
        words, polarity = line.split("\t")
        table[tuple(words.split())] = float(polarity)
    return table


@lru_cache(maxsize=1)
def vader():
    """VADER's analyser, built once: building it parses its lexicon files, which the word table
    below and the sentence scores in sentiment.py both read."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def evaluations() -> dict[str, float]:
    """Evaluative words: our list first, then VADER's lexicon (valence / 4, clipped to ±1)."""
    table: dict[str, float] = {}
    with contextlib.suppress(ImportError):  # pragma: no cover - vaderSentiment is a dependency
        table.update({word: max(-1.0, min(1.0, value / 3.0)) for word, value in vader().lexicon.items()})
    for line in lexicons.read("evaluations.tsv"):
        word, polarity = line.split("\t")
        table[word] = float(polarity)
    return table


def evaluation(token: Token) -> float:
    table = evaluations()
    return table.get(token.lower_, table.get(token.lemma_.lower(), 0.0))


def negated(token: Token) -> bool:
    """A verb or predicate under 'not', 'never', "won't"."""
    if any(
        child.dep_ == "neg" or (child.lower_ in NEGATIONS and child.dep_ in ("advmod", "det"))
        for child in token.children
    ):
        return True
    return token.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "neg" for c in token.head.children)


def blocked(token: Token) -> bool:
    """A verb kept from being done: "refused to back X", "it was premature to endorse X",
    "stopped short of endorsing X" (a blocking word above it, through to-infinitive or "of")."""
    current = token
    for _ in range(4):
        if current.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "advcl", "acomp", "advmod"):
            return False
        current = current.head
        if current.lemma_.lower() in BLOCKING:
            return True
        if current.pos_ in ("AUX",) and any(
            c.dep_ == "acomp" and c.lemma_.lower() in BLOCKING for c in current.children
        ):
            return True  # "it was premature to back X": the infinitive hangs on "was"
    return False


def turned(token: Token) -> bool:
    """Negated or blocked: the verb's side is turned round. A negation also reaches down through
    an adjective: "I was not willing to support X"."""
    above = token.head if token.dep_ == "xcomp" and token.head.dep_ == "acomp" else None
    denied = negated(token) or (above is not None and negated(above.head)) or seldom(token)
    return denied != blocked(token)


def seldom(token: Token) -> bool:
    """ "I hardly ever advise investing in X": an almost-never word on the verb, or on the verb
    its infinitive or -ing complement hangs on (also as "hardly" of "ever")."""
    verbs = [token, token.head] if token.dep_ in ("xcomp", "ccomp") else [token]
    for verb in verbs:
        for adverb in (c for c in verb.children if c.dep_ == "advmod"):
            if adverb.lower_ in SELDOM or any(c.lower_ in SELDOM for c in adverb.children):
                return True
    return False


def denied(token: Token) -> bool:
    """A predicate negated for stance: `negated`, but not "not just a failure, but a catastrophe"
    (what follows "not just" is granted and outdone)."""
    if not negated(token):
        return False
    for child in token.children:
        if child.dep_ == "neg" and child.i + 1 < len(token.doc) and token.doc[child.i + 1].lower_ in NOT_ONLY:
            return False
    return True
