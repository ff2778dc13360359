"""Speakers across the library: every speaker of every analysed article, with their
quotes article by article. Enter opens the article at the quote."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header

from tui.app.screens.entry import Entry
from tui.app.widgets.key_footer import KeyFooter
from tui.app.widgets.list_table import ListTable
from tui.app.words import plural
from tui.model import Document
from tui.sources import SourceError
from tui.store.speaker_names import Aliases, Named, SpeakerNames, load_aliases

# Kinds of speaker that are the same one in every article that names them; an unnamed source,
# a document or a group ("the author", "officials", "the poll") is the article's own.
ACROSS_ARTICLES = ("person", "organisation", "place")


@dataclass
class Heard:
    name: str
    kind: str
    quotes: list[tuple[Entry, str, str]] = field(default_factory=list)  # (article, quote id, text)

    @property
    def articles(self) -> int:
        return len({entry.key for entry, _, _ in self.quotes})


def gather(entries: list[Entry], documents: dict[str, Document], aliases: Aliases | None = None) -> list[Heard]:
    """Speakers keyed across documents, one row per person (`SpeakerNames`), most quoted first."""
    said: list[tuple[Named, Entry, str, str]] = []
    for entry in entries:
        document = documents.get(entry.digest)
        if document is None:
            continue
        for quote in document.quotes:
            speaker = document.speaker(quote.speaker)
            if speaker is None:
                continue
            named = Named(speaker.name, speaker.kind, (entry.source, entry.group, document.source))
            said.append((named, entry, quote.id, document.quote_text(quote)))
    rows = SpeakerNames(aliases).group(named for named, _, _, _ in said)
    heard: dict[str, Heard] = {}
    for named, entry, quote_id, text in said:
        key, name = rows[named]
        if named.kind not in ACROSS_ARTICLES:
            key = f"{key}\n{entry.key}"  # "the author", "a source": someone else in every article
        item = heard.setdefault(key, Heard(name, named.kind))
        if item.kind != "person" and named.kind == "person":
            item.kind = "person"  # a person's row is a person's even if one article mistyped the name
        item.quotes.append((entry, quote_id, text))
    return sorted(heard.values(), key=lambda h: (-len(h.quotes), h.name))


class SpeakersScreen(Screen):
    """Who is quoted across the analysed articles."""

    HELP_TITLE = "Speakers across the library"

    BINDINGS = [
        Binding("escape,q", "back", "Back", id="back", tooltip="Back to the library"),
        Binding("question_mark,f1", "app.help", "Help", id="help", tooltip="This help"),
    ]

    def __init__(self, entries: list[Entry], **kwargs):
        super().__init__(**kwargs)
        self.entries = entries
        self.heard: list[Heard] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield ListTable(id="speakers", cursor_type="row")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "speakers across the library"
        library, cache = self.app.library, self.app.engine.cache
        documents = {}
        for digest, key in library.analysed():
            document = cache.load(key)
            if document is not None:
                documents[digest] = document
        aliases = load_aliases()
        if aliases.problem:
            self.notify(aliases.problem, severity="warning", markup=False)
        self.heard = gather(self.entries, documents, aliases)
        analysed = sum(e.digest in documents for e in self.entries)
        self.sub_title = f"speakers across the library · {analysed} of {plural(len(self.entries), 'article')} analysed"
        table = self.query_one(DataTable)
        table.add_columns("speaker", "kind", "articles", "quotes")
        for index, item in enumerate(self.heard):
            table.add_row(
                Text(item.name, style="bold"),
                Text(item.kind),
                str(item.articles),
                str(len(item.quotes)),
                key=str(index),
            )
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        item = self.heard[int(event.row_key.value)]
        self.app.push_screen(SpeakerQuotesScreen(item))

    def action_back(self) -> None:
        self.app.pop_screen()


class SpeakerQuotesScreen(Screen):
    """One speaker's quotes, article by article."""

    HELP_TITLE = "One speaker's quotes"

    BINDINGS = [
        Binding("escape,q", "back", "Back", id="back", tooltip="Back to the speakers"),
        Binding("question_mark,f1", "app.help", "Help", id="help", tooltip="This help"),
    ]

    def __init__(self, heard: Heard, **kwargs):
        super().__init__(**kwargs)
        self.heard = heard

    def compose(self) -> ComposeResult:
        yield Header()
        yield ListTable(id="speaker-quotes", cursor_type="row")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.sub_title = (
            f"{self.heard.name}: {plural(len(self.heard.quotes), 'quote')} in {plural(self.heard.articles, 'article')}"
        )
        table = self.query_one(DataTable)
        table.add_column("article", width=36)
        table.add_column("quote")
        for index, (entry, _, text) in enumerate(self.heard.quotes):
            table.add_row(Text(entry.title[:36], style="dim"), Text(text[:200]), key=str(index))
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        entry, quote_id, _ = self.heard.quotes[int(event.row_key.value)]
        try:
            article = entry.load()
        except SourceError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.app.open_article(article, quote_id=quote_id)

    def action_back(self) -> None:
        self.app.pop_screen()
