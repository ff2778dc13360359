"""Speaker colours: distinct, readable on dark and light themes, and mapped by
Rich to the nearest colour on 256- and 16-colour terminals."""

from __future__ import annotations

from rich.style import Style

from tui.model import Document

SPEAKER_COLOURS = (
    "#e5734f",  # orange
    "#4f8fe5",  # blue
    "#4fb86a",  # green
    "#b35fd6",  # purple
    "#d6a319",  # gold
    "#19b3b3",  # teal
    "#d64f8f",  # pink
    "#8a8ab8",  # slate
)


def speaker_colours(document: Document) -> dict[str, str]:
    """One colour per speaker id, in the order the speakers appear."""
    return {s.id: SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)] for i, s in enumerate(document.speakers)}


def mention_style(colour: str) -> Style:
    return Style(color=colour, bold=True)


def quote_style(colour: str | None) -> Style:
    return Style(color=colour, italic=True) if colour else Style(italic=True)


CUE_STYLE = Style(underline=True, dim=True)
HIT_STYLE = Style(reverse=True)
CURRENT_HIT_STYLE = Style(reverse=True, bold=True, color="#d6a319")
SELECTED_STYLE = Style(bgcolor="#3a3a5a")
