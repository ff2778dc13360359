"""The stance grid: speakers down, topics across, a mark in each cell with a stance.

Enter on a cell closes the grid and jumps to the stance's evidence."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui.app import palette
from tui.app.widgets.stance_panel import stance_mark
from tui.model import Document, Stance


class StanceGridScreen(ModalScreen[Stance | None]):
    """Dismissed with the chosen stance, or None."""

    BINDINGS = [Binding("escape,q,v", "close", "Close")]

    DEFAULT_CSS = """
    StanceGridScreen { align: center middle; }
    StanceGridScreen > Vertical { width: 95%; height: auto; max-height: 90%; border: round $accent; background: $surface; }
    StanceGridScreen DataTable { height: auto; max-height: 20; }
    StanceGridScreen #detail { height: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, document: Document, **kwargs):
        super().__init__(**kwargs)
        self.document = document
        self.cells: dict[tuple[int, int], Stance] = {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Stances: speakers × topics (enter: jump to the evidence)", style="bold"))
            yield DataTable(id="grid", cursor_type="cell")
            yield Static(id="detail")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        colours = palette.speaker_colours(self.document)
        topics = self.document.topics
        table.add_column("speaker")
        for topic in topics:
            table.add_column(Text(topic.label[:24]))
        for row, speaker in enumerate(self.document.speakers):
            cells: list = [Text(speaker.name[:28], style=f"bold {colours[speaker.id]}")]
            for column, topic in enumerate(topics, start=1):
                stance = next(
                    (s for s in self.document.stances if s.speaker == speaker.id and s.topic == topic.id), None
                )
                if stance is None:
                    cells.append(Text("·", style="dim"))
                else:
                    self.cells[(row, column)] = stance
                    cells.append(stance_mark(stance.label))
            table.add_row(*cells)
        table.focus()

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        stance = self.cells.get((event.coordinate.row, event.coordinate.column))
        detail = self.query_one("#detail", Static)
        detail.update(describe(self.document, stance) if stance else Text(""))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        stance = self.cells.get((event.coordinate.row, event.coordinate.column))
        if stance is not None:
            self.dismiss(stance)

    def action_close(self) -> None:
        self.dismiss(None)


def describe(document: Document, stance: Stance) -> Text:
    """One stance in words: who, what, which rule and cue, and the evidence."""
    speaker = document.speaker(stance.speaker)
    topic = next((t.label for t in document.topics if t.id == stance.topic), stance.topic)
    text = Text()
    text.append(speaker.name if speaker else "?", style="bold")
    text.append(" ")
    text.append_text(stance_mark(stance.label))
    text.append(f" {topic}  (score {stance.score:.2f}; rule: {stance.rule}; cue: “{stance.cue}”)\n")
    for quote_id in stance.evidence[:2]:
        quote = next((q for q in document.quotes if q.id == quote_id), None)
        if quote is not None:
            text.append(f"“{document.quote_text(quote)[:200]}”\n", style="italic")
    return text
