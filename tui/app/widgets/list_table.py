"""A DataTable that moves like every other list in the reader: j/k, g/G, space/b."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class ListTable(DataTable):
    """Textual's DataTable with the reader's list keys and theme-safe cursor colours."""

    HELP_TITLE = "Lists"

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="down", tooltip="Next row"),
        Binding("k,up", "cursor_up", "Up", show=False, id="up", tooltip="Previous row"),
        Binding("g,ctrl+home", "scroll_top", "Top", show=False, id="top", tooltip="First row"),
        Binding("G,ctrl+end", "scroll_bottom", "Bottom", show=False, id="bottom", tooltip="Last row"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="page_down", tooltip="A page down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="page_up", tooltip="A page up"),
        Binding("enter", "select_cursor", "Open", id="open", tooltip="Open the row"),
    ]
    """
    | Key | Action |
    | :- | :- |
    | j / k, arrows | Move. |
    | g / G | First / last row. |
    | space / b, page keys | A page down / up. |
    | enter | Open the row. |
    """

    DEFAULT_CSS = """
    ListTable {
        background: $background;
        & > .datatable--cursor { background: $primary-muted; color: $text; }
        & > .datatable--header { background: $background; color: $text-muted; }
        &:focus {
            background-tint: $background 0%;
            & > .datatable--cursor { background: $primary-muted; color: $text; text-style: bold; }
            & > .datatable--header { background-tint: $background 0%; }
        }
    }
    """
