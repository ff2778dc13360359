"""A library search's snippet as Rich Text: each hit a styled span, never markup.

Shared by `newsreader search` and the app's search screen; every piece of the
article's text is made safe for the terminal on its own, so a hit's span stays on
its words.
"""

from __future__ import annotations

from rich.text import Text

from tui.sanitize import visible
from tui.store.search import hit_spans

HIT_STYLE = "bold reverse"  # reverse video reads in every theme


def highlighted(snippet: str) -> Text:
    plain, spans = hit_spans(snippet.replace("\n", " "))
    text, at = Text(), 0
    for start, end in spans:
        text.append(visible(plain[at:start]))
        text.append(visible(plain[start:end]), style=HIT_STYLE)
        at = end
    text.append(visible(plain[at:]))
    return text
