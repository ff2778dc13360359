"""Turning one line of Rich `Text` into a Textual `Strip`: the widget's own style under
the text's spans, cut or padded to the width. Shared by the line-rendered widgets."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip


def text_strip(text: Text, console: Console, base: Style, width: int | None = None) -> Strip:
    segments = [Segment(s.text, base + s.style if s.style else base) for s in text.render(console) if s.text]
    strip = Strip(segments)
    return strip if width is None else strip.crop_extend(0, width, base)
