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
# Weights of the three readings, and the lean toward negative that news about people has;
# chosen on NewsMTSC rw-dev (benchmarks/stance.py), never on rw-test.
TARGET_WEIGHT, SENTENCE_WEIGHT, NEARBY_WEIGHT, BIAS = 0.5, 0.5, 2.0, -0.2
NEARBY_DECAY = 2.0  # tree distance at which a word's weight falls to 1/e


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


def nearby_value(root: Token, mention: set[int]) -> float:
    """Evaluative words in the sentence, weighted by how close they are to the mention in the parse."""
    total = 0.0
    for token in root.sent:
        if token.i in mention:
            continue
        value = evaluation(token)
        if value:
            sign = -1.0 if negated(token) or negated(token.head) else 1.0
            total += sign * value * math.exp(-_tree_distance(root, token) / NEARBY_DECAY)
    return total


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


def polarity_toward(doc: Doc, start: int, end: int, threshold: float = 0.25) -> tuple[int, float]:
    """-1, 0 or 1 toward the mention at [start, end), and the score behind it.

    Three readings added up: the rules about the mention's own role (`role_value`), the
    evaluative words near it in the parse, and VADER over its sentence.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return 0, 0.0
    mention = {t.i for t in span}
    sentence = _vader().polarity_scores(span.root.sent.text)["compound"]
    score = (
        TARGET_WEIGHT * role_value(doc, start, end)
        + SENTENCE_WEIGHT * sentence
        + NEARBY_WEIGHT * nearby_value(span.root, mention)
        + BIAS
    )
    label = 1 if score > threshold else -1 if score < -threshold else 0
    return label, score


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
