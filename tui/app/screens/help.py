"""The help screen: the keys of the screen it was opened over, read from its live
bindings (after `[keys]` in config.toml has moved them), pane by pane."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

SHOWN_BUILTINS = {"app.focus_next", "app.focus_previous", "focus_next", "focus_previous"}


def key_sections(screen: Screen) -> list[tuple[str, list[tuple[str, str]]]]:
    """(section title, [(keys, what they do)]) for the screen, each of its panes, and the app.

    Only nodes that set `HELP_TITLE` are listed: the reader's own screens and widgets."""
    app = screen.app
    nodes: list[DOMNode] = [screen, *screen.query("*"), app]
    sections = []
    seen: set[str] = set()
    for node in nodes:
        title = type(node).__dict__.get("HELP_TITLE") or getattr(node, "HELP_TITLE", None)
        if not title or not node.display or title in seen:
            continue
        seen.add(title)
        rows = _rows(node._bindings.copy(), app)
        if rows:
            sections.append((title, rows))
    return sections


def _rows(bindings: BindingsMap, app) -> list[tuple[str, str]]:
    if app._keymap:
        bindings.apply_keymap(app._keymap)
    grouped: dict[tuple[str, str], list[Binding]] = {}
    for _, binding in bindings:
        # the reader's own bindings have ids; of Textual's inherited ones only tab / shift+tab matter here
        if binding.system or not (binding.id or binding.action in SHOWN_BUILTINS):
            continue
        what = binding.tooltip or binding.description or binding.action
        grouped.setdefault((binding.action, what), []).append(binding)
    rows = []
    for (_, what), group in grouped.items():
        # the reader's own keys (j, G, space) before the arrows and page keys
        keys = sorted(
            (app.get_key_display(b) for b in group), key=lambda key: (len(key) > 1 and key != "space", key.lower())
        )
        rows.append((" / ".join(keys), what))
    return rows


class HelpScreen(ModalScreen):
    """Keys, shown over the current screen; any of escape, q, ? or f1 closes it."""

    HELP_TITLE = "Help"

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="close", tooltip="Close the help")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, under: Screen, **kwargs):
        super().__init__(**kwargs)
        self.under = under

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, rows in key_sections(self.under):
            table.add_row(Text(title, style="underline"), "")
            for keys, what in rows:
                table.add_row(Text(keys), Text(what))
        table.add_row(Text("Mouse and palette", style="underline"), "")
        table.add_row(Text("click"), Text("choose a quote, a speaker, a row; the wheel scrolls"))
        table.add_row(Text("ctrl+p"), Text("command palette: open file, export JSON, copy quote, theme"))
        with VerticalScroll():
            yield Static(Text("newsreader — keys", style="bold"))
            yield Static(table)
