"""Making outside strings safe for a terminal: the one place that decides what is shown.

File names, HTTP reason phrases and errors, feed and OPML fields and URLs come from
people we do not trust. On their way to a terminal (the CLI's output, the app's
notices and columns) or into the library, every C0/C1 control character (ESC, BEL,
CSI U+009B, OSC U+009D …), every bidirectional override and every lone surrogate
(an undecodable byte of a file name) is shown as a visible escape such as `\\x1b`,
so an escape sequence can neither act nor hide. Imports nothing but `re`.
"""

from __future__ import annotations

import re

# C0 (tab and newline included: a one-line field must stay one line), DEL, C1,
# the bidirectional marks, embeddings, overrides and isolates, and lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_IN_BLOCK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: object) -> str:
    """One line of outside text with every control character shown as an escape (`\\x1b`)."""
    return _UNSAFE.sub(_escape, str(text))


def visible_block(text: object) -> str:
    """Like `visible`, but keeps newlines and tabs (an OPML document, a multi-line message)."""
    return _UNSAFE_IN_BLOCK.sub(_escape, str(text))


def json_safe(text: str) -> str:
    """JSON text with every control character (which can only be inside its strings) written
    as a JSON `\\uXXXX` escape: still the same JSON, and safe for a terminal."""
    return _UNSAFE_IN_BLOCK.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def is_safe(text: str) -> bool:
    """True when the text has nothing `visible` would escape."""
    return _UNSAFE.search(text) is None
