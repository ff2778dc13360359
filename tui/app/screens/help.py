"""The help screen: every key, in one place."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    ("Library", ""),
    ("enter", "open the article"),
    ("j / k, arrows", "move"),
    ("m", "mark read / unread"),
    ("r", "refresh the feeds"),
    ("p", "speakers across the library"),
    ("Article", ""),
    ("tab / shift+tab", "next / previous pane"),
    ("j / k, arrows", "scroll or move"),
    ("g / G", "top / bottom"),
    ("space / b", "page down / up"),
    ("/", "find in the article; n / N next / previous hit"),
    ("] / [", "next / previous quote"),
    ("s", "cycle the speaker filter"),
    ("v", "the stance grid: speakers × topics"),
    ("enter", "on a quote: jump to it in the article"),
    ("escape / q", "back (q on the library quits)"),
    ("Everywhere", ""),
    ("ctrl+p", "command palette: export JSON, copy quote, theme"),
    ("t", "next theme"),
    ("? / f1", "this help"),
    ("ctrl+q", "quit"),
]


class HelpScreen(ModalScreen):
    """Keys, shown over the current screen; any of escape, q, ? or f1 closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 72; height: auto; max-height: 90%; border: round $accent; background: $surface; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, what in KEYS:
            if what:
                table.add_row(key, what)
            else:
                table.add_row(f"[underline]{key}[/]", "")
        with VerticalScroll():
            yield Static("newsreader — keys", classes="title")
            yield Static(table)
