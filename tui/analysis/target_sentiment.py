"""The trained target-sentiment model: how a sentence treats one mention in it.

A three-class logistic regression (against, neutral, favour) fitted on NewsMTSC train by
`python benchmarks/train_sentiment.py PATH/TO/newsmtsc`. Its features are the hand-made
readings of `sentiment.features` (role in the parse, nearby evaluative words, VADER) plus
sparse words placed relative to the mention: the words around it, left and right, word
pairs, the path from it to the root of its clause and what modifies it. The weights ship
as `weights/target_sentiment.tsv.gz`; nothing is downloaded and scikit-learn is needed
only to refit them.
"""

from __future__ import annotations

import gzip
import math
from collections import Counter
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from tui.analysis.sentiment import FEATURES, features

WINDOW = 6  # words this close to the mention count as its left or right context
PATH_STEPS = 6  # steps from the mention up the parse that count as its path
CLASSES = (-1, 0, 1)
WEIGHTS_FILE = "target_sentiment.tsv.gz"


def _word(token: Token) -> str:
    """The token's lower-case lemma with any whitespace in it closed up (one weights-file row each)."""
    return "_".join(token.lemma_.lower().split()) or "_"


def context_features(context: Span, mention: Span) -> dict[str, float]:
    """Sparse words of `context` (a sentence, or a whole short text) placed by the mention."""
    found: Counter[str] = Counter()
    inside = {t.i for t in mention}
    low, high = mention.start, mention.end - 1
    tokens = [t for t in context if not t.is_space]  # a line break is no word (and no weights-file row)
    for position, token in enumerate(tokens):
        if token.i in inside:
            continue
        lemma = _word(token)
        found["w:" + lemma] += 1
        if low - WINDOW <= token.i < low:
            found["L:" + lemma] += 1
        if high < token.i <= high + WINDOW:
            found["R:" + lemma] += 1
        after = tokens[position + 1] if position + 1 < len(tokens) else None
        if after is not None and after.i not in inside:
            found["B:" + lemma + "_" + _word(after)] += 1
    root = mention.root
    found["rootdep:" + root.dep_] = 1
    current, steps = root, 0
    while current.head.i != current.i and steps < PATH_STEPS:
        head = current.head
        found[f"P{steps}:" + _word(head)] += 1
        found["P:" + _word(head) + ":" + current.dep_] += 1
        current, steps = head, steps + 1
    for child in root.children:
        if child.i not in inside:
            found["C:" + child.dep_ + ":" + _word(child)] += 1
    return dict(found)


def all_features(doc: Doc, start: int, end: int, context: Span | None = None) -> dict[str, float] | None:
    """Every feature the model reads for the mention at [start, end), or None if no tokens."""
    mention = doc.char_span(start, end, alignment_mode="expand")
    if mention is None or not len(mention):
        return None
    values = context_features(context if context is not None else doc[:], mention)
    hand = features(doc, start, end) or [0.0] * (len(FEATURES) - 1) + [1.0]
    values.update({"hand:" + name: value for name, value in zip(FEATURES, hand, strict=True)})
    return values


class Weights(Mapping[str, tuple[float, float, float]]):
    """Feature -> (against, neutral, favour) weights, each row's numbers read when it is first
    looked up: an article reads a few hundred of the ~50,000 rows, and turning every row into
    floats up front costs the first analysis ~0.1 s."""

    def __init__(self, rows: dict[str, str]):
        self._rows = rows
        self._read: dict[str, tuple[float, float, float]] = {}

    def __getitem__(self, name: str) -> tuple[float, float, float]:
        found = self._read.get(name)
        if found is None:
            against, neutral, favour = self._rows[name].split("\t")
            found = self._read[name] = (float(against), float(neutral), float(favour))
        return found

    def __contains__(self, name: object) -> bool:
        return name in self._rows

    def get(self, name, default=None):  # type: ignore[override]  # most features have no row: no KeyError for them
        return self[name] if name in self._rows else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


@lru_cache(maxsize=1)
def weights() -> Weights:
    """The model's weights; the row `bias` holds the intercepts."""
    data = resources.files("tui.analysis").joinpath("weights", WEIGHTS_FILE).read_bytes()
    lines = gzip.decompress(data).decode("utf-8").split("\n")  # not splitlines: U+0085 is in words
    return Weights(dict(line.split("\t", 1) for line in lines if line))


def polarity_toward(doc: Doc, start: int, end: int, context: Span | None = None) -> tuple[int, float]:
    """-1, 0 or 1 toward the mention at [start, end), and P(favour) - P(against)."""
    values = all_features(doc, start, end, context)
    if values is None:
        return 0, 0.0
    table = weights()
    scores = list(table["bias"])
    for name, value in values.items():
        row = table.get(name)
        if row is not None:
            for k in range(3):
                scores[k] += row[k] * value
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    return CLASSES[scores.index(top)], (exp[2] - exp[0]) / sum(exp)
