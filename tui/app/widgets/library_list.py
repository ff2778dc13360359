"""The library listing: group headings and article rows, rendered line by line,
so a library of ten thousand articles opens as fast as one of ten."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.widgets.lines import text_strip

COLUMNS = ("", "title", "source", "date", "quotes", "speakers")
"""The columns in order; the title takes the width the others leave."""

DROP_ORDER = ("speakers", "quotes", "source", "date")
"""Columns given up, in this order, when the title would get less than MIN_TITLE cells."""

MIN_TITLE = 30


@dataclass
class Row:
    """A heading (key None) or an article row. The column texts are made when the row is
    first drawn, so a long library costs only its visible rows."""

    key: str | None
    make: Callable[[], list[Text]]
    _cells: list[Text] | None = None

    @property
    def cells(self) -> list[Text]:
        if self._cells is None:
            self._cells = self.make()
        return self._cells


class LibraryList(ScrollView, can_focus=True):
    """Rows with a cursor; Enter posts `Chosen` with the row's key."""

    HELP_TITLE = "Article list"

    BINDINGS = [
        Binding("j,down", "move(1)", "Down", show=False, id="down", tooltip="Next article"),
        Binding("k,up", "move(-1)", "Up", show=False, id="up", tooltip="Previous article"),
        Binding("space,pagedown", "page(1)", "Page", show=False, id="page_down", tooltip="A page down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="page_up", tooltip="A page up"),
        Binding("g,home", "edge(-1)", "First", show=False, id="top", tooltip="First article"),
        Binding("G,end", "edge(1)", "Last", show=False, id="bottom", tooltip="Last article"),
        Binding("enter", "choose", "Open", id="open", tooltip="Open the article"),
    ]
    """
    | Key | Action |
    | :- | :- |
    | j / k, arrows | Move. |
    | space / b, page keys | A page down / up. |
    | g / G | First / last. |
    | enter | Open the article. |
    """

    COMPONENT_CLASSES = {"library-list--cursor", "library-list--cursor-blurred", "library-list--header"}
    """
    | Class | Description |
    | :- | :- |
    | `library-list--cursor` | The row under the cursor while the list has focus. |
    | `library-list--cursor-blurred` | The same without focus. |
    | `library-list--header` | The column names. |
    """

    DEFAULT_CSS = """
    LibraryList {
        & > .library-list--cursor { background: $primary-muted; text-style: bold; }
        & > .library-list--cursor-blurred { background: $primary-muted 50%; }
        & > .library-list--header { color: $text-muted; text-style: bold; }
    }
    """

    class Chosen(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rows: list[Row] = []
        self._cursor = 0
        self.natural: dict[str, int] = {name: len(name) for name in COLUMNS}
        """Each column's width from its widest cell (the title's is ignored)."""

    @property
    def cursor(self) -> int:
        """Index of the row under the cursor."""
        return self._cursor

    @cursor.setter
    def cursor(self, index: int) -> None:
        self._cursor = index
        self.refresh()

    def set_rows(self, rows: list[Row], keep: str | None = None, natural: dict[str, int] | None = None) -> None:
        """Show these rows; `natural` gives the widest cell of each column (so columns fit their content)."""
        self.rows = rows
        self.natural = {name: max(len(name), (natural or {}).get(name, 0)) for name in COLUMNS}
        self.natural[""] = 1
        self.virtual_size = Size(0, len(rows) + 1)  # never wider than the pane: no horizontal scrollbar
        keys = [row.key for row in rows]
        if keep is not None and keep in keys:
            self.cursor = keys.index(keep)
        else:
            self.cursor = next((i for i, row in enumerate(rows) if row.key), 0)
        self._show_cursor()
        self.refresh()

    @property
    def current_key(self) -> str | None:
        return self.rows[self.cursor].key if 0 <= self.cursor < len(self.rows) else None

    def row_plain(self, index: int) -> list[str]:
        return [cell.plain for cell in self.rows[index].cells]

    # --- rendering ------------------------------------------------------------------
    def _widths(self, width: int) -> list[int]:
        """Cells per column (0: not shown), each with one space after it."""
        widths = {name: self.natural[name] + 1 for name in COLUMNS if name != "title"}
        for name in DROP_ORDER:
            if width - sum(widths.values()) >= MIN_TITLE:
                break
            widths[name] = 0
        widths["title"] = max(1, width - sum(widths.values()))
        return [widths[name] for name in COLUMNS]

    def _line(self, cells: list[Text], width: int, style: Style) -> Strip:
        line = Text(no_wrap=True, overflow="ellipsis")
        for cell, column_width in zip(cells, self._widths(width)):
            if column_width <= 0:
                continue
            piece = cell.copy()
            if piece.justify == "right" and piece.cell_len < column_width - 1:
                piece.pad_left(column_width - 1 - piece.cell_len)
            piece.truncate(column_width - 1, overflow="ellipsis", pad=True)
            line.append_text(piece)
            line.append(" ")
        return text_strip(line, self.app.console, self.rich_style + style, width)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self.size.width
        if y == 0:
            header = [Text(name) for name in COLUMNS]
            header_style = self.get_component_rich_style("library-list--header")
            return self._line(header, width, Style(color=header_style.color, bold=True))
        index = int(self.scroll_y) + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        if row.key is None:  # a heading spans the whole line
            heading = row.cells[0].copy()
            heading.truncate(width, overflow="ellipsis")
            return text_strip(heading, self.app.console, self.rich_style, width)
        style = Style()
        if index == self.cursor:
            cursor = "library-list--cursor" if self.has_focus else "library-list--cursor-blurred"
            style = self.get_component_rich_style(cursor)
        return self._line(row.cells, width, style)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # --- moving ---------------------------------------------------------------------
    def _page(self) -> int:
        return max(1, (self.scrollable_content_region.height or self.size.height) - 2)

    def _show_cursor(self) -> None:
        height = self._page()
        if self.cursor < self.scroll_y:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= self.scroll_y + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def _go(self, index: int, step: int) -> None:
        index = max(0, min(index, len(self.rows) - 1))
        while 0 <= index < len(self.rows) and self.rows[index].key is None:
            index += step or 1  # headings are skipped
        if 0 <= index < len(self.rows):
            self.cursor = index
            self._show_cursor()

    def action_move(self, step: int) -> None:
        self._go(self.cursor + step, step)

    def action_page(self, step: int) -> None:
        self._go(self.cursor + step * self._page(), step)

    def action_edge(self, step: int) -> None:
        self._go(len(self.rows) - 1 if step > 0 else 0, -step if step > 0 else 1)

    def action_choose(self) -> None:
        if self.current_key:
            self.post_message(self.Chosen(self.current_key))

    def on_click(self, event: events.Click) -> None:
        index = int(self.scroll_y) + event.y - 1
        if 0 <= index < len(self.rows) and self.rows[index].key:
            self.cursor = index
            self.action_choose()
