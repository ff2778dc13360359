"""Searching the library: a query line, the hits with their matched words highlighted,
and Enter to open an article at its first hit."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input

from tui.app.widgets.key_footer import KeyFooter
from tui.app.widgets.list_table import ListTable
from tui.app.words import plural
from tui.sanitize import visible
from tui.snippets import highlighted
from tui.sources import Article, SourceError
from tui.store import LibraryError
from tui.store.search import QueryError, Searchable, SearchHit, SearchQuery, parse_query, search_unstored


class SearchScreen(Screen):
    """`/` on the library: words, "phrases", said:NAME, about:TOPIC, feed:NAME."""

    HELP_TITLE = "Search the library"

    BINDINGS = [
        Binding("escape", "back", "Back", id="back", tooltip="Back to the library"),
        Binding("slash", "edit_query", "Search", id="search", tooltip="Edit the search"),
        Binding("question_mark,f1", "app.help", "Help", id="help", tooltip="This help"),
    ]

    def __init__(self, files: list[Article] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.files = files or []  # the opened folder's articles, which the library does not store
        self.hits: list[SearchHit] = []
        self.query_words: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder='search: words, "a phrase", said:NAME, about:TOPIC, feed:NAME', id="search-query")
        yield ListTable(id="search-hits", cursor_type="row")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "search the library"
        table = self.query_one(ListTable)
        table.add_column("title", width=36)
        table.add_column("where it matches")
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.run_search(event.value)

    def run_search(self, text: str) -> None:
        try:
            query = parse_query(text)
            hits = self._in_files(query) + self.app.library.search(query, limit=200)
        except (QueryError, LibraryError) as error:
            self.notify(str(error), severity="warning", timeout=5)
            return
        self.show(query, hits)

    def show(self, query: SearchQuery, hits: list[SearchHit]) -> None:
        self.hits, self.query_words = hits, query.words
        table = self.query_one(ListTable)
        table.clear()
        for index, hit in enumerate(hits):
            table.add_row(
                Text(visible(hit.title)[:36] or "(untitled)", style="bold"), highlighted(hit.snippet), key=str(index)
            )
        self.sub_title = f"search the library · {plural(len(hits), 'hit')}"
        if hits:
            table.focus()
        else:
            self.notify("nothing in the library matches", severity="warning", timeout=3)

    def _in_files(self, query: SearchQuery) -> list[SearchHit]:
        """Hits in the folder's files, with their analyses where cached; a negative id is
        `-(position + 1)` in `self.files`."""
        from tui.library_analysis import index_of

        searchable = []
        for article in self.files:
            document = self.app.engine.cached(article)
            searchable.append(Searchable(article.title, article.text, index_of(document) if document else None))
        found = search_unstored(searchable, query, limit=200)
        return [SearchHit(-(position + 1), self.files[position].title, None, snippet) for position, snippet in found]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        hit = self.hits[int(event.row_key.value)]
        if hit.id < 0:  # a file of the opened folder
            article = self.files[-hit.id - 1]
            self.app.open_article(article, find=self._first_word(article.text))
            return
        stored = self.app.library.article(hit.id)
        if stored is None:
            self.notify(f"article {hit.id} is no longer in the library", severity="error")
            return
        from tui.updates import as_article

        try:
            article = as_article(stored)
        except SourceError as error:
            self.notify(str(error), severity="error")
            return
        self.app.open_article(article, find=self._first_word(stored.text))

    def _first_word(self, text: str) -> str | None:
        """The first query word the text holds: the article opens with it found."""
        return next((word for word in self.query_words if word.lower() in text.lower()), None)

    def action_edit_query(self) -> None:
        self.query_one(Input).focus()

    def action_back(self) -> None:
        self.app.pop_screen()
