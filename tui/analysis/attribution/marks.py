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


def _scan_paragraph(text: str, start: int, end: int, paragraph: int) -> list[Marked]:
    stack: list[tuple[str, int]] = []  # (opening mark, its offset)
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
            _double(char, i, before, after, stack, quotes, start, paragraph, text)
        else:
            _single(char, i, before, after, stack, quotes, paragraph, text)
        i += len(char)
    doubles = [(mark, offset) for mark, offset in stack if mark in DOUBLE_OPEN]
    if doubles and end > doubles[0][1] + len(doubles[0][0]):
        mark, offset = doubles[0]
        quotes.append(Marked(offset + len(mark), end, offset, None, paragraph))
    quotes.sort(key=lambda q: (q.open, -(q.end - q.start)))
    outermost: list[Marked] = []
    for quote in quotes:
        if outermost and quote.start < outermost[-1].end:
            continue  # nested inside the previous one
        outermost.append(quote)
    return outermost


def _double_open(stack: list[tuple[str, int]]) -> bool:
    return any(mark in DOUBLE_OPEN for mark, _ in stack)


def _closes(opening: str, char: str) -> bool:
    expected = DOUBLE_OPEN.get(opening) or SINGLE_OPEN.get(opening) or ""
    return char == expected if len(char) > 1 else char in expected


def _close_to(stack: list[tuple[str, int]], char: str) -> tuple[str, int] | None:
    """Pop up to and including the innermost opener this mark closes."""
    for depth in range(len(stack) - 1, -1, -1):
        if _closes(stack[depth][0], char):
            opener = stack[depth]
            del stack[depth:]
            return opener
    return None


def _double(char, i, before, after, stack, quotes, p_start, paragraph, text) -> None:
    has_double_open = any(mark in DOUBLE_OPEN for mark, _ in stack)
    can_open = (
        char in DOUBLE_OPEN and (before in _OPENING_CONTEXT or before.isspace() or i == p_start) and not after.isspace()
    )
    # NYT-style text sets its closing '' after a space: "… coalitions, '' said Mr. Gunnels."
    spaced_close = char == "''" and (after.isspace() or after in ".,;:!?")
    can_close = char in DOUBLE_CLOSE and has_double_open and (not before.isspace() or spaced_close)
    if char == "“" and any(mark == "„" for mark, _ in stack) and not before.isspace():
        can_open = False
        can_close = True
    if can_close and not (can_open and char in "“«"):
        opener = _close_to(stack, char)
        if opener is not None and not _double_open(stack):
            # `close` is the last character of the closing mark, so close + 1 is past it.
            quotes.append(Marked(opener[1] + len(opener[0]), i, opener[1], i + len(char) - 1, paragraph))
        return
    if can_open:
        stack.append((char, i))


def _single(char, i, before, after, stack, quotes, paragraph, text) -> None:
    if _is_word(before) and _is_word(after):
        return  # I’m, don't
    single_open = any(mark in SINGLE_OPEN for mark, _ in stack)
    if (
        char == "’"
        and not single_open
        and stack
        and stack[-1][0] in DOUBLE_OPEN
        and before in ".!?"
        and after.isspace()
    ):
        # “Let’s go. We can win.’ — a slip of the keyboard: a single mark after a full stop ends the quote.
        opener = stack.pop()
        if not _double_open(stack):
            quotes.append(Marked(opener[1] + len(opener[0]), i, opener[1], i, paragraph))
        return
    if char in SINGLE_CLOSE and single_open and not before.isspace() and not _is_word(after):
        opener = _close_to(stack, char)
        if opener is not None and not _double_open(stack):
            quotes.append(Marked(opener[1] + 1, i, opener[1], i, paragraph))
        return
    if _is_word(before):
        return  # gangs’ boats, Conservatives‘ policy
    if char in SINGLE_OPEN and (before in _OPENING_CONTEXT or before.isspace()) and (_is_word(after) or after in '“"…'):
        if before.isdigit():
            return
        # ’90s, ’em: an apostrophe at a word's start, not an opening mark, when no closer follows.
        stack.append((char, i))
