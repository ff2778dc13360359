"""What every attribution stage reads: the parse, the paragraphs, the quote marks, and the
`Attribution` record the stages hand on.

`Context` answers the small questions all stages ask ("is this offset quoted?", "which paragraph
is it in?", "is this token a reporting verb?") so that no stage keeps state of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from tui.analysis import lexicons
from tui.analysis.attribution.marks import Marked

Offsets = tuple[int, int]

SENTENCE_END = {".", "!", "?"}
CLOSING_MARKS = "”’\"'"
# Words a reported clause does not start with: "said that …", "asked whether …".
TRIM_LEADING = {"that", ",", ":", ";", "-", "–", "—", "whether"}

# Forms the small model's lemmatiser misreads: every form of "hope" as "hop" ("hoping that …").
_MISREAD_LEMMAS = lexicons.table("lemma_fixes.tsv")


@lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    """Reporting verbs by lemma, from `lexicons/cue_verbs.txt`."""
    return frozenset(lexicons.read("cue_verbs.txt"))


@lru_cache(maxsize=1)
def labelling_lemmas() -> frozenset[str]:
    """Verbs that attribute quoted words by judging with them, from `lexicons/labelling_verbs.txt`."""
    return frozenset(lexicons.read("labelling_verbs.txt"))


def lemma_of(token: Token) -> str:
    """The token's lemma, mended where the small model is known to misread it."""
    return _MISREAD_LEMMAS.get(token.lower_, token.lemma_.lower())


def letters(text: str) -> int:
    return sum(1 for char in text if char.isalnum())


def token_offsets(token: Token) -> Offsets:
    return token.idx, token.idx + len(token.text)


def trim_end(text: str, start: int, end: int) -> int:
    """The end of a span without trailing commas and spaces."""
    while end > start and text[end - 1] in ", ":
        end -= 1
    return end


def words_span(words: list[Token]) -> Offsets | None:
    """The character span of a run of words, without leading 'that', conjunctions or punctuation
    and without trailing punctuation other than a closing mark; None when under three letters."""
    words = [t for t in words if not t.is_space]
    while words and (words[0].is_punct or words[0].dep_ == "cc" or words[0].lower_ in TRIM_LEADING):
        words = words[1:]
    while words and words[-1].is_punct and words[-1].text not in CLOSING_MARKS:
        words = words[:-1]
    if not words or letters(" ".join(t.text for t in words)) < 3:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


@dataclass
class Attribution:
    """A quote as the stages find it, before its speaker is resolved to an entity.

    `rule` is the id of the rule that found it (see `rules.RULES`); arbitration ranks overlapping
    readings by it.
    """

    start: int
    end: int
    kind: str
    paragraph: int
    rule: str
    cue: Offsets | None = None
    speaker_token: Token | None = None
    marks: list[Marked] = field(default_factory=list)
    follows: Attribution | None = None  # a cue-less quote continuing this one's speech
    accusation: bool = False  # "X accused Y of …": only the quoted words are X's


class Context:
    """One parsed document with its paragraphs and quote marks."""

    def __init__(self, doc: Doc, paragraphs: list[Offsets], marks: list[Marked]):
        self.doc = doc
        self.text = doc.text
        self.paragraphs = paragraphs
        self.marks = marks
        self.cues = cue_lemmas()
        # Quoted stretches, marks included, in text order.
        self._quoted = [(m.open, (m.close + 1) if m.close is not None else m.end) for m in marks]

    def in_quote(self, offset: int) -> bool:
        for start, end in self._quoted:
            if start <= offset < end:
                return True
            if start > offset:
                return False
        return False

    def paragraph_of(self, offset: int) -> int:
        low, high = 0, len(self.paragraphs) - 1
        while low <= high:
            mid = (low + high) // 2
            start, end = self.paragraphs[mid]
            if offset < start:
                high = mid - 1
            elif offset > end:
                low = mid + 1
            else:
                return mid
        return max(0, min(low, len(self.paragraphs) - 1))

    def is_cue(self, token: Token) -> bool:
        """A reporting verb from the lexicon, in the narration."""
        verb = token.pos_ in ("VERB", "AUX") or token.lower_ in ("said", "says")  # "Said Ellis:" is tagged a name
        return verb and lemma_of(token) in self.cues and not self.in_quote(token.idx)

    def content_span(self, tokens: list[Token]) -> Offsets | None:
        """Character span covering these subtrees, trimmed of 'that' and punctuation."""
        doc = self.doc
        left = min(t.left_edge.i for t in tokens)
        right = max(t.right_edge.i for t in tokens)
        while left <= right and (doc[left].lower_ in TRIM_LEADING or doc[left].is_space):
            left += 1
        while right >= left and ((doc[right].is_punct and doc[right].text not in CLOSING_MARKS) or doc[right].is_space):
            right -= 1
        if right < left:
            return None
        start = doc[left].idx
        end = doc[right].idx + len(doc[right].text)
        if letters(self.text[start:end]) < 3:
            return None
        return start, end

    def attribution(self, span: Offsets, rule: str, cue: Offsets, speaker: Token | None, **extra) -> Attribution:
        """An indirect attribution of `span`, in the paragraph it starts in."""
        start, end = span
        return Attribution(
            start, end, "indirect", self.paragraph_of(start), rule, cue=cue, speaker_token=speaker, **extra
        )
