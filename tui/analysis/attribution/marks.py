"""Finding quoted stretches of text from quote marks alone (no spaCy).

Works paragraph by paragraph so an unbalanced mark can never swallow more
than its own paragraph. Apostrophes (I’m, the gangs’ boats, Conservatives‘
policy) are told from single quote marks by the letters around them.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPEN = {"“": "”“", "„": "“”", "«": "»", '"': '"', "»": "«", "''": "''"}  # '' '' is NYT style
SINGLE_OPEN = {"‘": "’", "‚": "‘’", "‹": "›", "'": "'"}
DOUBLE_CLOSE = set('”“»«"') | {"''"}
SINGLE_CLOSE = set("’‘›'")
ALL_MARKS = set(DOUBLE_OPEN) | set(SINGLE_OPEN) | DOUBLE_CLOSE | SINGLE_CLOSE
_OPENING_CONTEXT = set(" \t\n([{—–-/:;,") | set(DOUBLE_OPEN) | set(SINGLE_OPEN)


@dataclass
class Marked:
    """A top-level quoted stretch: content `start`..`end`, marks at `open`/`close`.

    `close` is None when the paragraph ended with the quote still open;
    `continues` says the next paragraph opens with a quote mark, the
    convention for a quotation that runs on across paragraphs.
    """

    start: int
    end: int
    open: int
    close: int | None
    paragraph: int
    continues: bool = False
    continued: bool = False  # this is the continuation of the previous paragraph's quote


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end) spans, trailing whitespace excluded."""
    spans = []
    position = 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        if stripped.strip():
            spans.append((position + lead, position + len(stripped)))
        position += len(line) + 1
    return spans


def _is_word(char: str) -> bool:
    return char.isalnum()


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Marked]:
    """Top-level quotations in each paragraph, in text order."""
    found: list[Marked] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        found.extend(_scan_paragraph(text, p_start, p_end, index))
    # A quote left open at a paragraph's end continues if the next paragraph opens with a mark.
    by_paragraph: dict[int, list[Marked]] = {}
    for quote in found:
        by_paragraph.setdefault(quote.paragraph, []).append(quote)
    for quote in found:
        if quote.close is None and quote is by_paragraph[quote.paragraph][-1]:
            following = by_paragraph.get(quote.paragraph + 1)
            if following and following[0].open == paragraphs[quote.paragraph + 1][0]:
                quote.continues = True
                following[0].continued = True
    return found


class _Openers:
    """The stack of quote marks still open in a paragraph, with an index per kind of mark, so
    every question the scanner asks ('is a double quote open?', 'which opener does this mark
    close?') costs the same however many marks are open: scanning is linear in the text."""

    def __init__(self):
        self.items: list[tuple[str, int]] = []  # (opening mark, its offset), outermost first
        self.depths: dict[str, list[int]] = {}  # mark -> its depths in `items`, innermost last
        self.doubles = 0

    def __bool__(self) -> bool:
        return bool(self.items)

    def push(self, mark: str, offset: int) -> None:
        self.depths.setdefault(mark, []).append(len(self.items))
        self.items.append((mark, offset))
        self.doubles += mark in DOUBLE_OPEN

    def last(self) -> tuple[str, int]:
        return self.items[-1]

    def truncate(self, depth: int) -> tuple[str, int]:
        """Remove the opener at `depth` and every one inside it; the one at `depth` is returned."""
        opener = self.items[depth]
        while len(self.items) > depth:
            mark, _ = self.items.pop()
            self.depths[mark].pop()
            self.doubles -= mark in DOUBLE_OPEN
        return opener

    def has_double(self) -> bool:
        return self.doubles > 0

    def has_single(self) -> bool:
        return len(self.items) > self.doubles

    def has(self, mark: str) -> bool:
        return bool(self.depths.get(mark))

    def close_to(self, char: str) -> tuple[str, int] | None:
        """Pop up to and including the innermost opener this mark closes."""
        deepest = max(
            (depths[-1] for mark, depths in self.depths.items() if depths and _closes(mark, char)), default=None
        )
        return None if deepest is None else self.truncate(deepest)

    def first_double(self) -> tuple[str, int] | None:
        return next((item for item in self.items if item[0] in DOUBLE_OPEN), None)


def _scan_paragraph(text: str, start: int, end: int, paragraph: int) -> list[Marked]:
    stack = _Openers()
    quotes: list[Marked] = []
    i = start
    while i < end:
        char = text[i]
        if char not in ALL_MARKS:
            i += 1
            continue
        if text.startswith("''", i) and i + 1 < end:
            char = "''"  # two apostrophes: one double mark
        before = text[i - 1] if i > start else " "
        after = text[i + len(char)] if i + len(char) < end else " "
        if char in DOUBLE_OPEN or char in DOUBLE_CLOSE:
            _double(char, i, before, after, stack, quotes, start, paragraph)
        else:
            _single(char, i, before, after, stack, quotes, paragraph)
        i += len(char)
    first = stack.first_double()
    if first is not None and end > first[1] + len(first[0]):
        mark, offset = first
        quotes.append(Marked(offset + len(mark), end, offset, None, paragraph))
    quotes.sort(key=lambda q: (q.open, -(q.end - q.start)))
    outermost: list[Marked] = []
    for quote in quotes:
        if outermost and quote.start < outermost[-1].end:
            continue  # nested inside the previous one
        outermost.append(quote)
    # “” or “‘’” quotes nothing: a stretch without a letter or digit is no quotation
    return [quote for quote in outermost if any(char.isalnum() for char in text[quote.start : quote.end])]


def _closes(opening: str, char: str) -> bool:
    expected = DOUBLE_OPEN.get(opening) or SINGLE_OPEN.get(opening) or ""
    return char == expected if len(char) > 1 else char in expected


def _double(char, i, before, after, stack: _Openers, quotes, p_start, paragraph) -> None:
    can_open = (
        char in DOUBLE_OPEN and (before in _OPENING_CONTEXT or before.isspace() or i == p_start) and not after.isspace()
    )
    # NYT-style text sets its closing '' after a space: "… coalitions, '' said Mr. Gunnels."
    spaced_close = char == "''" and (after.isspace() or after in ".,;:!?")
    can_close = char in DOUBLE_CLOSE and stack.has_double() and (not before.isspace() or spaced_close)
    if char == "“" and stack.has("„") and not before.isspace():
        can_open = False
        can_close = True
    if can_close and not (can_open and char in "“«"):
        opener = stack.close_to(char)
        if opener is not None and not stack.has_double():
            # `close` is the last character of the closing mark, so close + 1 is past it.
            quotes.append(Marked(opener[1] + len(opener[0]), i, opener[1], i + len(char) - 1, paragraph))
        return
    if can_open:
        stack.push(char, i)


def _single(char, i, before, after, stack: _Openers, quotes, paragraph) -> None:
    if _is_word(before) and _is_word(after):
        return  # I’m, don't
    single_open = stack.has_single()
    if (
        char == "’"
        and not single_open
        and stack
        and stack.last()[0] in DOUBLE_OPEN
        and before in ".!?"
        and after.isspace()
    ):
        # “Let’s go. We can win.’ — a slip of the keyboard: a single mark after a full stop ends the quote.
        opener = stack.truncate(len(stack.items) - 1)
        if not stack.has_double():
            quotes.append(Marked(opener[1] + len(opener[0]), i, opener[1], i, paragraph))
        return
    if char in SINGLE_CLOSE and single_open and not before.isspace() and not _is_word(after):
        opener = stack.close_to(char)
        if opener is not None and not stack.has_double():
            quotes.append(Marked(opener[1] + 1, i, opener[1], i, paragraph))
        return
    if _is_word(before):
        return  # gangs’ boats, Conservatives‘ policy
    if char in SINGLE_OPEN and (before in _OPENING_CONTEXT or before.isspace()) and (_is_word(after) or after in '“"…'):
        if before.isdigit():
            return
        # ’90s, ’em: an apostrophe at a word's start, not an opening mark, when no closer follows.
        stack.push(char, i)
