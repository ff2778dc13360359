"""Speaker colours made for the theme on screen.

Every colour here is derived from the theme: twelve hues, each lightened (dark
themes) or darkened (light themes) just until it reads at WCAG 4.5:1 against both
the background and the selection. The selection, the cursors and highlighted rows
are all `$primary-muted` (the theme's primary blended into its background) in the
widgets' CSS, and the palette is made against that same variable. ANSI themes leave
colours to the terminal, so they get the terminal's named colours.
"""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color as RichColor
from rich.style import Style
from textual.app import App
from textual.color import Color

from tui.model import Document

MINIMUM_CONTRAST = 4.5
"""WCAG AA for normal text."""

HUES = (20, 210, 120, 285, 45, 175, 330, 240, 85, 0, 150, 260)
"""Twelve hues (degrees), ordered so that speakers next to each other differ most."""

ANSI_COLOURS = (
    "bright_red",
    "bright_blue",
    "bright_green",
    "bright_magenta",
    "bright_yellow",
    "bright_cyan",
    "red",
    "blue",
    "green",
    "magenta",
    "yellow",
    "cyan",
)
"""Rich's names for the terminal's sixteen colours, for the ANSI themes."""


def luminance(colour: Color) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        value_ = value / 255
        return value_ / 12.92 if value_ <= 0.03928 else ((value_ + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(first: Color, second: Color) -> float:
    """WCAG contrast ratio, 1 to 21."""
    darker, lighter = sorted((luminance(first), luminance(second)))
    return (lighter + 0.05) / (darker + 0.05)


def readable(hue: float, backgrounds: tuple[Color, ...], dark: bool) -> Color:
    """The hue at the lightness nearest the middle that reads on every background."""
    steps = range(50, 101) if dark else range(50, -1, -1)
    colour = Color.from_hsl(hue / 360, 0.75, 0.5)
    for lightness in steps:
        colour = Color.from_hsl(hue / 360, 0.75, lightness / 100)
        if all(contrast(colour, background) >= MINIMUM_CONTRAST + 0.05 for background in backgrounds):
            return colour
    return colour


@lru_cache(maxsize=64)
def theme_palette(background: str, selection: str) -> tuple[str, ...]:
    """Twelve speaker colours for a theme's background and selection colours."""
    try:
        base, selected = Color.parse(background), Color.parse(selection)
    except Exception:
        return ANSI_COLOURS
    if base.ansi is not None or selected.ansi is not None:
        return ANSI_COLOURS
    selection_colour = base + selected  # a selection with alpha is seen over the background
    dark = luminance(base) < 0.18
    return tuple(readable(hue, (base, selection_colour), dark).hex6.lower() for hue in HUES)


_by_theme: dict[tuple[str, str], object] = {}
"""(theme name, what) -> value: `get_css_variables` builds the whole colour system on each call."""


def app_palette(app: App) -> tuple[str, ...]:
    """The speaker colours for the app's current theme."""
    key = (app.theme, "speakers")
    if key not in _by_theme:
        variables = app.get_css_variables()
        _by_theme[key] = theme_palette(variables.get("background", ""), variables.get("primary-muted", ""))
    return _by_theme[key]  # type: ignore[return-value]


def theme_colour(app: App, variable: str) -> RichColor | None:
    """A theme variable ("text-success") as a Rich colour, ANSI themes included."""
    key = (app.theme, variable)
    if key not in _by_theme:
        try:
            _by_theme[key] = Color.parse(app.get_css_variables()[variable]).rich_color
        except Exception:
            _by_theme[key] = None
    return _by_theme[key]  # type: ignore[return-value]


def speaker_colours(document: Document, colours: tuple[str, ...]) -> dict[str, str]:
    """One colour per speaker id, in the order the speakers appear."""
    return {s.id: colours[i % len(colours)] for i, s in enumerate(document.speakers)}


def mention_style(colour: str) -> Style:
    return Style(color=colour, bold=True)


def quote_style(colour: str | None) -> Style:
    return Style(color=colour, italic=True) if colour else Style(italic=True)
