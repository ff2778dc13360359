"""The quotes pane: every quote with its speaker in colour, its kind and its text.

Rendered line by line like the article (`render_line`), so a list of
thousands of quotes costs only the lines on screen.
"""

from __future__ import annotations

from bisect import bisect_right

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app import palette
from tui.app.widgets.article_view import wrap
from tui.app.widgets.lines import text_strip
from tui.model import Document, Quote

MAX_TEXT_LINES = 4


class QuoteList(ScrollView, can_focus=True):
    """Quotes in text order, optionally only one speaker's; a cursor picks one."""

    HELP_TITLE = "Quotes pane"

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="down", tooltip="Next quote in the list"),
        Binding("k,up", "cursor_up", "Up", show=False, id="up", tooltip="Previous quote in the list"),
        Binding("g,home", "first", "First", show=False, id="top", tooltip="First quote"),
        Binding("G,end", "last", "Last", show=False, id="bottom", tooltip="Last quote"),
        Binding("space,pagedown", "page_down_quote", "Page", show=False, id="page_down", tooltip="A page down"),
        Binding("b,pageup", "page_up_quote", "Page up", show=False, id="page_up", tooltip="A page up"),
        Binding("enter", "choose", "Jump", id="open", tooltip="Jump to the quote in the article"),
    ]
    """
    | Key | Action |
    | :- | :- |
    | j / down, k / up | Next / previous quote. |
    | g / G | First / last quote. |
    | space / b | A page down / up. |
    | enter | Jump to the quote in the article. |
    """

    COMPONENT_CLASSES = {"quote-list--cursor", "quote-list--cursor-blurred", "quote-list--muted"}
    """
    | Class | Description |
    | :- | :- |
    | `quote-list--cursor` | The quote under the cursor while the list has focus. |
    | `quote-list--cursor-blurred` | The same while another pane has focus. |
    | `quote-list--muted` | A quote's kind and the empty-list message. |
    """

    DEFAULT_CSS = """
    QuoteList {
        scrollbar-gutter: stable;
        & > .quote-list--cursor { background: $primary-muted; }
        & > .quote-list--cursor-blurred { background: $primary-muted 50%; }
        & > .quote-list--muted { color: $text-muted; }
    }
    """

    cursor: reactive[int] = reactive(0)
    """Index into `shown` of the quote under the cursor."""

    class Chosen(Message):
        """A quote was chosen: the article should show it."""

        def __init__(self, quote: Quote) -> None:
            super().__init__()
            self.quote = quote

    def __init__(self, document: Document, **kwargs):
        super().__init__(**kwargs)
        self.document = document
        self.speaker_filter: str | None = None
        self.shown: list[Quote] = []
        self._lines: list[tuple[int, int, int, bool]] = []
        self._first_line: list[int] = []  # first line of each shown quote
        self._width = -1
        self.empty_message = "Analysing…"
        """What the list says when it shows no quote."""

    # --- content -------------------------------------------------------------
    def set_document(self, document: Document) -> None:
        self.document = document
        self.rebuild()

    def set_filter(self, speaker_id: str | None) -> None:
        self.speaker_filter = speaker_id
        self.rebuild()

    def rebuild(self) -> None:
        self.shown = [q for q in self.document.quotes if self.speaker_filter in (None, q.speaker)]
        self.cursor = 0
        self._width = -1
        self._layout()  # waits for on_resize while the widget has no width yet
        self.scroll_to(y=0, animate=False)

    def on_resize(self) -> None:
        self._layout()

    def _layout(self) -> None:
        """Line positions of every quote at this width; the lines' text is made when drawn."""
        width = self.scrollable_content_region.width or self.size.width
        if width <= 0 or width == self._width:
            return
        self._width = width
        lines: list[tuple[int, int, int, bool]] = []  # (quote index, start, end, last shown line of a cut quote)
        firsts: list[int] = []
        for index, quote in enumerate(self.shown):
            firsts.append(len(lines))
            lines.append((index, -1, -1, False))  # the heading: speaker and kind
            spans = [s for s in wrap(self.document.text, [(quote.start, quote.end)], width) if s]
            for number, (start, end) in enumerate(spans[:MAX_TEXT_LINES]):
                lines.append((index, start, end, number == MAX_TEXT_LINES - 1 and len(spans) > MAX_TEXT_LINES))
            lines.append((-1, 0, 0, False))
        if not self.shown:
            lines.append((-2, 0, 0, False))
        self._lines, self._first_line = lines, firsts
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def _text(self, line: tuple[int, int, int, bool], width: int) -> Text:
        index, start, end, cut = line
        if index == -2:
            speaker = self.document.speaker(self.speaker_filter)
            message = f"No quotes by {speaker.name}." if speaker else self.empty_message
            return Text(message, style=self._muted())
        if index < 0:
            return Text("")
        quote = self.shown[index]
        if start < 0:
            speaker = self.document.speaker(quote.speaker)
            colour = palette.speaker_colours(self.document, palette.app_palette(self.app)).get(quote.speaker or "")
            head = Text(no_wrap=True, overflow="ellipsis")
            head.append(speaker.name if speaker else "unattributed", style=Style(bold=True, color=colour))
            head.append(f" · {quote.kind}", style=self._muted())
            head.truncate(width, overflow="ellipsis")
            return head
        body = self.document.text[start:end].replace("\n", " ").rstrip()
        return Text(body[: max(0, width - 1)] + "…" if cut else body)

    # --- rendering -------------------------------------------------------------
    def _muted(self) -> Style:
        """The muted colour alone ($text-muted is "auto 60%": only the full style resolves it)."""
        return Style(color=self.get_component_rich_style("quote-list--muted").color)

    def render_line(self, y: int) -> Strip:
        number = int(self.scroll_y) + y
        width = self.scrollable_content_region.width or self.size.width
        if number >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[number]
        text = self._text(line, width)
        base = self.rich_style
        if line[0] == self.cursor and line[0] >= 0:
            cursor = "quote-list--cursor" if self.has_focus else "quote-list--cursor-blurred"
            base = base + self.get_component_rich_style(cursor)
        return text_strip(text, self.app.console, base, width)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # --- moving ------------------------------------------------------------------
    def _move(self, index: int) -> None:
        if not self.shown:
            return
        self.cursor = max(0, min(index, len(self.shown) - 1))
        first = self._first_line[self.cursor]
        last = self._first_line[self.cursor + 1] - 1 if self.cursor + 1 < len(self.shown) else len(self._lines) - 1
        height = self.scrollable_content_region.height or self.size.height
        if first < self.scroll_y:
            self.scroll_to(y=first, animate=False)
        elif last >= self.scroll_y + height:
            self.scroll_to(y=max(first, last - height + 1), animate=False)

    def select_quote(self, quote_id: str) -> None:
        for index, quote in enumerate(self.shown):
            if quote.id == quote_id:
                self._move(index)
                return

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self.shown) - 1)

    def action_page_down_quote(self) -> None:
        height = self.scrollable_content_region.height or self.size.height
        line = self._first_line[self.cursor] + height if self.shown else 0
        self._move(bisect_right(self._first_line, line) - 1)

    def action_page_up_quote(self) -> None:
        height = self.scrollable_content_region.height or self.size.height
        line = self._first_line[self.cursor] - height if self.shown else 0
        self._move(max(0, bisect_right(self._first_line, line) - 1))

    def action_choose(self) -> None:
        if self.shown:
            self.post_message(self.Chosen(self.shown[self.cursor]))

    def on_click(self, event: events.Click) -> None:
        number = int(self.scroll_y) + event.y
        if 0 <= number < len(self._lines) and self._lines[number][0] >= 0:
            self._move(self._lines[number][0])
            self.action_choose()
