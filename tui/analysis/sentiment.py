"""The sentiment a sentence expresses toward one mention in it (target-dependent).

Used to read polarity toward a person, as NewsMTSC asks: the words that are
*about* the mention count (the verb it undergoes or does, what it is called,
what modifies it), not the tone of the whole sentence. These readings are the hand-made
features of the trained model in `target_sentiment.py`. Sentiment is not stance;
`stance.py` builds stance on the same lexicons with stricter rules.
"""

from __future__ import annotations

import math
from functools import lru_cache

from spacy.tokens import Doc, Token

from tui.analysis import lexicons
from tui.analysis.polarity import evaluation, negated, stance_verbs, vader

_COPULAS = lexicons.words("copulas.txt")
_PREVAIL = lexicons.words("prevail_verbs.txt")
_SPEECH = lexicons.words("speech_verbs.txt")
NEARBY_DECAY = 2.0  # tree distance at which a word's weight falls to 1/e
FEATURES = (
    "role",
    "sentence compound",
    "sentence positive",
    "sentence negative",
    "nearby positive",
    "nearby negative",
    "mention speaks",
    "sentence quotes",
    "speaks x compound",
    "bias",
)


@lru_cache(maxsize=256)
def _sentence_scores(sentence: str) -> dict[str, float]:
    """VADER's scores of one sentence, read once however many mentions it holds."""
    return vader().polarity_scores(sentence)


@lru_cache(maxsize=1)
def news_events() -> dict[str, float]:
    """Lemmas that are good or bad news for the person they are about (lexicons/news_events.tsv)."""
    rows = (line.split("\t") for line in lexicons.read("news_events.tsv"))
    return {word: float(value) for word, value in rows}


def value(token: Token) -> float:
    """How good or bad a word is for the person it concerns: news events first, then the lexicon."""
    table = news_events()
    found = table.get(token.lower_, table.get(token.lemma_.lower()))
    return evaluation(token) if found is None else found


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
    opposed = _opposed(root, mention)
    for token in root.sent:
        if token.i in mention:
            continue
        word = _deed_value(token) if _does(root, token) else value(token)
        if token.i in opposed:
            word = 0.5 * abs(word)
        if word:
            sign = -1.0 if negated(token) or negated(token.head) else 1.0
            weighted = sign * word * math.exp(-_tree_distance(root, token) / NEARBY_DECAY)
            if weighted > 0:
                positive += weighted
            else:
                negative += weighted
    return positive, negative


def _opposed(root: Token, mention: set[int]) -> set[int]:
    """Words that are bad news for something the mention acts against, so good news for it:
    in "X fought the corrupt contracts", "fought", "corrupt" and "contracts" speak well of X."""
    verb = root.head
    if root.dep_ != "nsubj" or value(verb) >= 0 or verb.lemma_ in _COPULAS:
        return set()
    targets = [c for c in verb.children if c.dep_ in ("dobj", "prep")]
    words = {t.i for c in targets for t in c.subtree} - mention
    if sum(value(verb.doc[i]) for i in words) >= 0:
        return set()
    return words | {verb.i}


def _deed_value(verb: Token) -> float:
    """What doing this says of the doer: defeating someone is good news for the winner."""
    return 1.0 if verb.lemma_ in _PREVAIL else value(verb)


def _does(mention: Token, verb: Token) -> bool:
    """The mention is who does the verb: its subject, or the agent of its passive ("by X")."""
    if mention.dep_ == "nsubj":
        return mention.head.i == verb.i
    return mention.dep_ == "pobj" and mention.head.dep_ == "agent" and mention.head.head.i == verb.i


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
    return value(verb)


def _subtree_value(token: Token, skip: set[int]) -> float:
    values = [value(t) for t in token.subtree if t.i not in skip]
    return sum(values)


def features(doc: Doc, start: int, end: int) -> list[float] | None:
    """The readings of the sentence toward the mention at [start, end) (see FEATURES)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    mention = {t.i for t in span}
    root = span.root
    sentence = _sentence_scores(root.sent.text)
    positive, negative = nearby_values(root, mention)
    speaks = 1.0 if root.dep_ == "nsubj" and root.head.lemma_ in _SPEECH else 0.0
    quotes = 1.0 if any(mark in root.sent.text for mark in '"“”') else 0.0
    return [
        role_value(doc, start, end),
        sentence["compound"],
        sentence["pos"],
        sentence["neg"],
        positive,
        negative,
        speaks,
        quotes,
        speaks * sentence["compound"],
        1.0,
    ]


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
        if role == "pobj" and root.head.dep_ == "agent":
            # The doer of a passive: "Morgan was defeated by Harris" is good news for Harris.
            score += sign * _deed_value(verb)
        elif role in ("dobj", "nsubjpass", "dative") or (role == "pobj" and root.head.head.i == verb.i):
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
                objects = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "advmod", "acomp")]
                opposed = _opposed(root, mention)
                done = _deed_value(verb)
                if opposed:
                    # Against something bad: "fought discriminatory restrictions" speaks well of X.
                    done = 0.5 * sum(abs(value(verb.doc[i])) for i in opposed)
                    objects = [o for o in objects if o.i not in opposed]
                score += sign * (done + 0.5 * sum(_subtree_value(o, mention) for o in objects))
        else:
            score += 0.5 * sign * _subtree_value(verb, mention)
    return score
