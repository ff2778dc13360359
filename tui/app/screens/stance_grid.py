"""The stance grid: speakers down, topics across, a mark in each cell with a stance.

Names and topics are cut to fit; the line under the grid gives the highlighted
cell in full. Enter on a cell closes the grid and jumps to the stance's evidence."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from tui.app import palette
from tui.app.widgets.key_footer import KeyFooter
from tui.app.widgets.list_table import ListTable
from tui.app.widgets.stance_panel import stance_mark
from tui.model import Document, Stance

NAME_WIDTH = 24
TOPIC_WIDTH = 18


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class StanceGridScreen(Screen[Stance | None]):
    """Dismissed with the chosen stance, or None."""

    HELP_TITLE = "Stance grid"

    BINDINGS = [
        Binding("escape,q,v", "close", "Back", id="back", tooltip="Close the grid"),
        Binding("question_mark,f1", "app.help", "Help", id="help", tooltip="This help"),
        Binding("e", "jump", "Evidence", id="evidence", tooltip="Close the grid at the cell's evidence (or enter)"),
        Binding("l", "move(1)", "Right", show=False, id="right", tooltip="Next topic"),
        Binding("h", "move(-1)", "Left", show=False, id="left", tooltip="Previous topic"),
    ]

    DEFAULT_CSS = """
    StanceGridScreen ListTable { height: auto; max-height: 1fr; }
    StanceGridScreen #detail { height: auto; padding: 0 1; border-top: solid $panel; }
    """

    def __init__(self, document: Document, **kwargs):
        super().__init__(**kwargs)
        self.document = document
        self.cells: dict[tuple[int, int], Stance] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield ListTable(id="grid", cursor_type="cell")
        yield Static(id="detail")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "stances: speakers × topics · enter: the evidence"
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._fill())
        self._fill()
        self.query_one(DataTable).focus()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        cursor = table.cursor_coordinate
        table.clear(columns=True)
        self.cells.clear()
        colours = palette.speaker_colours(self.document, palette.app_palette(self.app))
        topics = self.document.topics
        table.add_column("speaker")
        for topic in topics:
            table.add_column(Text(_cut(topic.label, TOPIC_WIDTH)))
        for row, speaker in enumerate(self.document.speakers):
            cells: list = [Text(_cut(speaker.name, NAME_WIDTH), style=Style(bold=True, color=colours[speaker.id]))]
            for column, topic in enumerate(topics, start=1):
                stance = next(
                    (s for s in self.document.stances if s.speaker == speaker.id and s.topic == topic.id), None
                )
                if stance is None:
                    cells.append(Text("·"))
                else:
                    self.cells[(row, column)] = stance
                    cells.append(stance_mark(stance.label, self.app))
            table.add_row(*cells)
        if table.row_count:
            table.cursor_coordinate = cursor if cursor.row < table.row_count else (0, 0)

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        self.query_one("#detail", Static).update(self._describe_cell(event.coordinate.row, event.coordinate.column))

    def _describe_cell(self, row: int, column: int) -> Text:
        stance = self.cells.get((row, column))
        if stance is not None:
            return describe(self.document, stance, self.app)
        speakers, topics = self.document.speakers, self.document.topics
        text = Text()
        if row < len(speakers):
            text.append(speakers[row].name, style="bold")
        if 0 < column <= len(topics):
            text.append(f" · {topics[column - 1].label}: no stance")
        elif row < len(speakers):
            text.append(f" · {speakers[row].kind}")
        return text

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        self._choose(event.coordinate.row, event.coordinate.column)

    def _choose(self, row: int, column: int) -> None:
        stance = self.cells.get((row, column))
        if stance is not None:
            self.dismiss(stance)

    def action_jump(self) -> None:
        coordinate = self.query_one(DataTable).cursor_coordinate
        self._choose(coordinate.row, coordinate.column)

    def action_move(self, columns: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(column=table.cursor_coordinate.column + columns)

    def action_close(self) -> None:
        self.dismiss(None)


def describe(document: Document, stance: Stance, app: App) -> Text:
    """One stance in words: who, for or against what, the evidence in plain words, and the quotes."""
    speaker = document.speaker(stance.speaker)
    topic = next((t.label for t in document.topics if t.id == stance.topic), stance.topic)
    text = Text()
    text.append(speaker.name if speaker else "?", style="bold")
    text.append(" ")
    text.append_text(stance_mark(stance.label, app))
    text.append(f" {topic}: {stance.gist or stance.cue}\n")
    for quote_id in stance.evidence[:2]:
        quote = next((q for q in document.quotes if q.id == quote_id), None)
        if quote is not None:
            text.append(f"“{document.quote_text(quote)[:200]}”\n", style="italic")
    return text
