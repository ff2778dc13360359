"""The article screen's top line: the title on the left, cut with an ellipsis if it
must be, and the counts on the right, never cut."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label


class TitleBar(Horizontal):
    """A one-line header whose right-hand status always shows whole (and, while an article is
    analysed, the screen's progress bar after it)."""

    DEFAULT_CSS = """
    TitleBar {
        height: 1;
        background: $panel;
        color: $foreground;
        & > #title { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; text-style: bold; padding: 0 1; }
        & > #status { width: auto; padding: 0 1; color: $text-muted; }
        & > #progress { width: 34; padding: 0 1 0 0; & Bar { width: 1fr; } }
    }
    """

    def compose(self) -> ComposeResult:
        yield Label(id="title", markup=False)
        yield Label(id="status", markup=False)

    def show(self, title: str | None = None, status: str | None = None) -> None:
        if title is not None:
            self.query_one("#title", Label).update(Content(title))
        if status is not None:
            self.query_one("#status", Label).update(Content(status))

    @property
    def status(self) -> str:
        return str(self.query_one("#status", Label).render())
