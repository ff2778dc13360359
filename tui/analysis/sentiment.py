"""The sentiment a sentence expresses toward one mention in it (target-dependent).

Used to read polarity toward a person, as NewsMTSC asks: the words that are
*about* the mention count (the verb it undergoes or does, what it is called,
what modifies it), not the tone of the whole sentence. Sentiment is not
stance; `stance.py` builds stance on the same lexicons with stricter rules.
"""

from __future__ import annotations

import math
from functools import lru_cache

from spacy.tokens import Doc, Token

from tui.analysis.stance import evaluation, negated, stance_verbs

_COPULAS = {"be", "become", "seem", "remain", "look", "appear"}
_SPEECH = {"say", "tell", "add", "argue", "claim", "write"}
NEARBY_DECAY = 2.0  # tree distance at which a word's weight falls to 1/e
FEATURES = (
    "role", "sentence compound", "sentence positive", "sentence negative", "nearby positive",
    "nearby negative", "mention speaks", "sentence quotes", "speaks x compound", "bias",
)
# A three-class logistic regression over FEATURES (columns: against, neutral, favor), trained on
# NewsMTSC rw-dev by `python benchmarks/train_sentiment.py PATH/TO/newsmtsc` (L2 chosen by 5-fold
# cross-validation on rw-dev; rw-test is never used to fit).
WEIGHTS = (
    (-0.18, 0.053, 0.127),
    (-0.489, -0.111, 0.601),
    (0.631, -0.563, -0.069),
    (0.549, -0.676, 0.126),
    (0.029, -1.889, 1.86),
    (-2.817, 0.895, 1.923),
    (-2.026, 1.876, 0.15),
    (-0.08, -0.209, 0.288),
    (-2.168, 1.104, 1.064),
    (0.038, 0.434, -0.472),
)


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _tree_distance(a: Token, b: Token) -> int:
    path_a = [a, *a.ancestors]
    depth = {t.i: k for k, t in enumerate(path_a)}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in depth:
            return depth[t.i] + k
    return 20


def nearby_values(root: Token, mention: set[int]) -> tuple[float, float]:
    """Positive and negative evaluative words in the sentence, weighted by their distance
    from the mention in the parse."""
    positive = negative = 0.0
    for token in root.sent:
        if token.i in mention:
            continue
        value = evaluation(token)
        if value:
            sign = -1.0 if negated(token) or negated(token.head) else 1.0
            weighted = sign * value * math.exp(-_tree_distance(root, token) / NEARBY_DECAY)
            if weighted > 0:
                positive += weighted
            else:
                negative += weighted
    return positive, negative


def _clause_head(token: Token) -> Token:
    """The verb whose clause holds the mention."""
    head = token
    while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head


def _verb_value(verb: Token) -> float:
    words = (verb.lemma_.lower(),)
    table = stance_verbs()
    if words in table:
        return table[words]
    return evaluation(verb)


def _subtree_value(token: Token, skip: set[int]) -> float:
    values = [evaluation(t) for t in token.subtree if t.i not in skip]
    return sum(values)


def features(doc: Doc, start: int, end: int) -> list[float] | None:
    """The readings of the sentence toward the mention at [start, end) (see FEATURES)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    mention = {t.i for t in span}
    root = span.root
    sentence = _vader().polarity_scores(root.sent.text)
    positive, negative = nearby_values(root, mention)
    speaks = 1.0 if root.dep_ == "nsubj" and root.head.lemma_ in _SPEECH else 0.0
    quotes = 1.0 if any(mark in root.sent.text for mark in "\"“”") else 0.0
    return [
        role_value(doc, start, end), sentence["compound"], sentence["pos"], sentence["neg"],
        positive, negative, speaks, quotes, speaks * sentence["compound"], 1.0,
    ]


def polarity_toward(doc: Doc, start: int, end: int) -> tuple[int, float]:
    """-1, 0 or 1 toward the mention at [start, end), and P(favor) - P(against)."""
    values = features(doc, start, end)
    if values is None:
        return 0, 0.0
    scores = [sum(x * row[k] for x, row in zip(values, WEIGHTS)) for k in range(3)]
    top = max(scores)
    exp = [math.exp(v - top) for v in scores]
    total = sum(exp)
    label = scores.index(top) - 1
    return label, (exp[2] - exp[0]) / total


def role_value(doc: Doc, start: int, end: int) -> float:
    """What the sentence does to or says of the mention, from its role in the parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return 0.0
    mention = {t.i for t in span}
    root = span.root
    score = 0.0
    # What modifies or names the mention: "the corrupt senator", "X, a hero of the left".
    for child in root.children:
        if child.i in mention:
            continue
        if child.dep_ in ("amod", "appos", "acl", "relcl"):
            score += _subtree_value(child, mention) * (0.6 if child.dep_ in ("acl", "relcl") else 1.0)
    verb = _clause_head(root)
    if verb.i not in mention:
        sign = -1.0 if negated(verb) else 1.0
        role = root.dep_
        if role in ("dobj", "nsubjpass", "dative") or (role == "pobj" and root.head.head.i == verb.i):
            # Done to the mention: "critics attacked X", "X was praised".
            score += sign * _verb_value(verb) * 1.5
            agent = [c for c in verb.children if c.dep_ == "nsubj"]
            score += 0.3 * sum(_subtree_value(a, mention) for a in agent)
        elif role == "nsubj":
            if verb.lemma_ in _COPULAS:
                predicate = [c for c in verb.children if c.dep_ in ("attr", "acomp", "xcomp")]
                score += sign * sum(_subtree_value(p, mention) for p in predicate) * 1.2
            else:
                # Done by the mention: "X won", "X lied"; and what it did it to.
                score += sign * evaluation(verb)
                objects = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "advmod", "acomp")]
                score += sign * 0.5 * sum(_subtree_value(o, mention) for o in objects)
        else:
            score += 0.5 * sign * _subtree_value(verb, mention)
    return score
