"""The library: the articles of a folder, with quote and speaker counts once analysed."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from tui.sources import Article, SourceError, load_article
from tui.store import text_hash


class LibraryScreen(Screen):
    """One row per article; Enter opens it."""

    BINDINGS = [
        Binding("enter", "open", "Open"),
        Binding("m", "toggle_read", "Read/unread"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, paths: list[Path], **kwargs):
        super().__init__(**kwargs)
        self.paths = paths
        self.articles: dict[str, Article] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="library", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "newsreader"
        self.sub_title = "library"
        table = self.query_one(DataTable)
        table.add_column("", key="read", width=1)
        table.add_column("title", key="title", width=64)
        table.add_column("source", key="source")
        table.add_column("date", key="date")
        table.add_column("quotes", key="quotes")
        table.add_column("speakers", key="speakers")
        for path in self.paths:
            try:
                article = load_article(path)
            except SourceError as error:
                self.notify(Text(str(error)).plain, severity="warning", markup=False)
                continue
            key = str(path)
            self.articles[key] = article
            table.add_row(*self._cells(article), key=key)
        table.focus()

    def _cells(self, article: Article) -> list:
        document = self.app.engine.cached(article)
        read = self.app.library.is_read(text_hash(article.text))
        return [
            Text(" " if read else "●", style="bold"),
            Text(article.title),
            Text(Path(article.source).name, style="dim"),
            Text(article.date or "–", style="dim"),
            Text(str(len(document.quotes)) if document else "–", justify="right"),
            Text(str(len(document.speakers)) if document else "–", justify="right"),
        ]

    def refresh_row(self, key: str) -> None:
        """Counts and read state after an article was opened."""
        article = self.articles.get(key)
        if article is None:
            return
        table = self.query_one(DataTable)
        document = self.app.engine.cached(article)
        read = self.app.library.is_read(text_hash(article.text))
        table.update_cell(key, "read", Text(" " if read else "●", style="bold"))
        if document is not None:
            table.update_cell(key, "quotes", Text(str(len(document.quotes)), justify="right"))
            table.update_cell(key, "speakers", Text(str(len(document.speakers)), justify="right"))

    def _current_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_open(self) -> None:
        key = self._current_key()
        if key is not None:
            self.app.open_article(self.articles[key], on_close=lambda: self.refresh_row(key))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_toggle_read(self) -> None:
        key = self._current_key()
        if key is None:
            return
        digest = text_hash(self.articles[key].text)
        self.app.library.mark_read(digest, not self.app.library.is_read(digest))
        self.refresh_row(key)

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()
