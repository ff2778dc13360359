"""How much of one article is analysed: a hostile or huge text (a megabyte of prose, ten
thousand quote marks) is analysed up to the budget, and the document says what was left out,
rather than the machine running out of time or memory."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.analysis.attribution.marks import ALL_MARKS, paragraph_spans


@dataclass(frozen=True)
class Budget:
    """How much of one article is analysed. A long news story is 30,000 characters,
    300 paragraphs and 200 quote marks (apostrophes inside words are not counted); the
    attribution rules grow faster than the text with the number of quotes, so quote
    marks have the tightest limit."""

    characters: int = 100_000
    paragraphs: int = 1_500
    quote_marks: int = 400

    def cut(self, text: str) -> tuple[int, str]:
        """(end, note): analyse `text[:end]`; the note says what was left out ('' when nothing)."""
        paragraphs = paragraph_spans(text)
        marks = 0
        end = len(text)
        reason = ""
        for index, (start, stop) in enumerate(paragraphs):
            if index >= self.paragraphs:
                end, reason = start, f"{self.paragraphs:,} paragraphs"
                break
            in_paragraph = len(_QUOTE_MARK.findall(text, start, stop))
            cuts = []  # (where, why) for each limit this paragraph crosses; the first one wins
            if stop > self.characters:
                cuts.append((_word_boundary(text, start, self.characters), f"{self.characters:,} characters"))
            if marks + in_paragraph > self.quote_marks:
                cuts.append(
                    (_nth_mark(text, start, stop, self.quote_marks - marks), f"{self.quote_marks:,} quote marks")
                )
            if cuts:
                end, reason = min(cuts)
                break
            marks += in_paragraph
        if not reason:
            return len(text), ""
        return end, (
            f"only the first {end:,} of {len(text):,} characters were analysed (the limit is {reason} per article)"
        )


def _word_boundary(text: str, start: int, limit: int) -> int:
    """The last whitespace at or before `limit` in the paragraph starting at `start`."""
    space = text.rfind(" ", start, limit + 1)
    return space if space > start else limit


def _nth_mark(text: str, start: int, stop: int, allowed: int) -> int:
    """The offset where the paragraph's (allowed + 1)-th quote mark is, so `allowed` marks stay."""
    for number, match in enumerate(_QUOTE_MARK.finditer(text, start, stop)):
        if number == allowed:
            return match.start()
    return stop


# A quote mark that is not an apostrophe inside a word (don’t, it's): what the budget counts.
_MARKS = re.escape("".join(sorted({char for mark in ALL_MARKS for char in mark})))
_QUOTE_MARK = re.compile(f"(?<!\\w)[{_MARKS}]|[{_MARKS}](?!\\w)")
