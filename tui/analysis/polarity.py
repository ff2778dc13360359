"""Polarity words shared by stance and target sentiment: stance verbs, evaluative words, negation.

`stance.py` reads them to say whether a speaker is for or against a topic; `sentiment.py` to say
whether a sentence speaks well or badly of a person. One table each, read once.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from tui.analysis import lexicons

NEGATIONS = lexicons.words("negations.txt")


@lru_cache(maxsize=1)
def stance_verbs() -> dict[tuple[str, ...], float]:
    """Stance verbs keyed by their words, e.g. ('push', 'back', 'against') -> -1."""
    table = {}
    for line in lexicons.read("stance_verbs.tsv"):
        words, polarity = line.split("\t")
        table[tuple(words.split())] = float(polarity)
    return table


@lru_cache(maxsize=1)
def evaluations() -> dict[str, float]:
    """Evaluative words: our list first, then VADER's lexicon (valence / 4, clipped to ±1)."""
    table: dict[str, float] = {}
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        table.update(
            {word: max(-1.0, min(1.0, value / 3.0)) for word, value in SentimentIntensityAnalyzer().lexicon.items()}
        )
    except ImportError:  # pragma: no cover - vaderSentiment is a dependency
        pass
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
