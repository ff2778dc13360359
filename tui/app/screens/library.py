"""The library: articles grouped by feed (and the opened folder) with unread counts.

Rows come from the folder's files and from the library database, which keeps
each article's text, so reading needs no network. Counts of quotes and speakers
appear once an article has been analysed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import urlparse

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, ProgressBar

from tui.app.screens.entry import Entry
from tui.app.screens.speakers import SpeakersScreen
from tui.app.widgets.key_footer import KeyFooter
from tui.app.widgets.library_list import LibraryList, Row
from tui.app.words import plural
from tui.sanitize import visible
from tui.sources import Article, SourceError, load_article
from tui.store import LibraryError, text_hash
from tui.store.library import problem


def site_name(source: str) -> str:
    """The site an address belongs to ("bbc.co.uk"), or "" for anything that is not a web address."""
    parsed = urlparse(source)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return ""
    host = parsed.hostname
    return host[4:] if host.startswith("www.") else host


def day(value: str) -> str:
    """An ISO date or timestamp as its day (2024-07-18); anything else as given."""
    return value[:10] if len(value) >= 10 and value[4:5] == "-" else value


class LibraryScreen(Screen):
    """One row per article under its feed's heading; Enter opens it."""

    HELP_TITLE = "Library"

    BINDINGS = [
        Binding("q", "app.quit", "Quit", id="quit", tooltip="Quit newsreader"),
        Binding("question_mark,f1", "app.help", "Help", id="help", tooltip="This help"),
        Binding("m", "toggle_read", "Read", id="toggle_read", tooltip="Mark the article read / unread"),
        Binding("r", "refresh_feeds", "Refresh", id="refresh_feeds", tooltip="Fetch new articles from every feed"),
        Binding("p", "speakers", "Speakers", id="speakers", tooltip="Speakers across the library (analysing the rest)"),
        Binding("slash", "search", "Search", id="search", tooltip="Search the library: words, said:, about:, feed:"),
        Binding("n", "next_unread", "Next unread", show=False, id="next_unread", tooltip="The next unread article"),
        Binding("A", "mark_all_read", "All read", show=False, id="mark_all_read", tooltip="Mark the group read"),
        Binding(
            "o", "open_link", "Browser", show=False, id="open_link", tooltip="Open the article's link in the browser"
        ),
    ]

    def __init__(self, paths: list[Path], folder_name: str = "", **kwargs):
        super().__init__(**kwargs)
        self.paths = paths
        self.folder_name = folder_name or "articles"
        self.entries: dict[str, Entry] = {}
        self.analysing = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield LibraryList(id="library")
        yield ProgressBar(id="analysis-progress", show_eta=False)
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.title = "newsreader"
        self.sub_title = "library"
        self.query_one(ProgressBar).display = False
        self.rebuild()
        self.query_one(LibraryList).focus()
        if any(entry.quotes is None for entry in self.entries.values()):
            self.call_after_refresh(self.app.warm_up_model)  # spaCy loads while the reader chooses

    # --- the listing ----------------------------------------------------------------
    def gather(self) -> list[Entry]:
        library = self.app.library
        entries = []
        for path in self.paths:
            try:
                article = load_article(path)
            except SourceError as error:
                self.notify(str(error), severity="warning", markup=False)
                continue
            digest = text_hash(article.text)
            counts = library.analysis(digest)
            entries.append(
                Entry(
                    f"file:{path}",
                    self.folder_name,
                    article.title,
                    site_name(article.source) or self.folder_name,
                    day(article.date),
                    digest,
                    (lambda a=article: a),
                    counts[0] if counts else None,
                    counts[1] if counts else None,
                    library.is_read(digest),
                    article.source,
                )
            )
        feeds = {feed.id: feed.folder or feed.title or feed.url for feed in library.feeds()}  # OPML folders group
        for row in library.rows():
            group = feeds.get(row.feed_id, "saved pages")
            entries.append(
                Entry(
                    f"stored:{row.id}",
                    group,
                    row.title,
                    site_name(row.source) or group,
                    day(row.date or ""),
                    row.text_hash,
                    (lambda i=row.id: self._stored(i)),
                    row.quotes,
                    row.speakers,
                    row.read,
                    row.source,
                )
            )
        return entries

    def _stored(self, article_id: int) -> Article:
        from tui.updates import as_article

        stored = self.app.library.article(article_id)
        if stored is None:
            raise SourceError(f"article {article_id} is no longer in the library")
        return as_article(stored)

    def rebuild(self) -> None:
        listing = self.query_one(LibraryList)
        keep = listing.current_key
        self.entries = {entry.key: entry for entry in self.gather()}
        groups: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            groups.setdefault(entry.group, []).append(entry)
        rows = []
        for group, members in groups.items():
            unread = sum(not e.read for e in members)
            heading = Text(f"▾ {group}  ", style="bold")
            heading.append(f"{plural(len(members), 'article')} · {unread} unread")
            rows.append(Row(None, lambda h=heading: [h]))
            rows.extend(Row(e.key, lambda e=e: self._cells(e)) for e in members)
        entries = list(self.entries.values())
        natural = {
            "source": max((len(e.source) for e in entries), default=0),
            "date": max((len(e.date) for e in entries), default=0),
            "quotes": max((len(str(e.quotes)) for e in entries if e.quotes is not None), default=0),
            "speakers": max((len(str(e.speakers)) for e in entries if e.speakers is not None), default=0),
        }
        natural["source"] = min(natural["source"], 24)
        listing.set_rows(rows, keep, natural)
        if not self.entries:
            self.sub_title = "library · empty: open a file, or add a feed with 'newsreader feeds add URL'"

    def _cells(self, entry: Entry) -> list[Text]:
        return [
            Text(" " if entry.read else "●", style="bold"),
            Text(visible(entry.title) or "(untitled)"),
            Text(visible(entry.source)),
            Text(visible(entry.date) or "–"),
            Text("–" if entry.quotes is None else str(entry.quotes), justify="right"),
            Text("–" if entry.speakers is None else str(entry.speakers), justify="right"),
        ]

    def _current_key(self) -> str | None:
        return self.query_one(LibraryList).current_key

    # --- actions ----------------------------------------------------------------------------
    def action_open(self) -> None:
        entry = self.entries.get(self._current_key() or "")
        if entry is None:
            return
        try:
            article = entry.load()
        except SourceError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.app.open_article(article, on_close=self.rebuild)

    def on_library_list_chosen(self, message: LibraryList.Chosen) -> None:
        self.action_open()

    def action_toggle_read(self) -> None:
        entry = self.entries.get(self._current_key() or "")
        if entry is not None:
            self.app.library.mark_read(entry.digest, not entry.read)
            self.rebuild()

    def action_refresh_feeds(self) -> None:
        if not self.app.library.feeds():
            self.notify("no feeds yet: add one with 'newsreader feeds add URL'", timeout=4)
            return
        self.sub_title = "refreshing feeds…"
        self.refresh_worker()

    @work(thread=True, exclusive=True)
    def refresh_worker(self) -> None:
        from tui.store import Library
        from tui.updates import refresh_feeds

        try:
            library = Library(self.app.library.path)  # a connection of this thread's own
            try:
                reports = refresh_feeds(library)
            finally:
                library.close()
        except (LibraryError, sqlite3.Error) as error:  # a full disk, a damaged library: a notice
            message = str(error) if isinstance(error, LibraryError) else problem(self.app.library.path, error)
            self.app.call_from_thread(self._refresh_failed, message)
            return
        self.app.call_from_thread(self._refreshed, reports)

    def _refresh_failed(self, message: str) -> None:
        self.sub_title = "library"
        self.notify(message, severity="error", timeout=10)

    def _refreshed(self, reports) -> None:
        new = sum(r.new for r in reports)
        errors = [r.error for r in reports if r.error]
        self.sub_title = "library"
        self.notify(f"{plural(new, 'new article')} from {plural(len(reports), 'feed')}", timeout=3)
        for error in errors[:5]:
            self.notify(error, severity="warning", markup=False, timeout=8)
        self.rebuild()
        self.start_analysis()

    def action_speakers(self) -> None:
        self.app.push_screen(SpeakersScreen(list(self.entries.values())))
        if any(entry.quotes is None for entry in self.entries.values() if entry.key.startswith("stored:")):
            self.start_analysis()

    # --- background analysis of the library --------------------------------------------
    def start_analysis(self) -> None:
        """Analyse every unanalysed library article in worker processes (once at a time)."""
        if self.analysing:
            return
        self.analysing = True
        self.analysis_worker()

    @work(thread=True, exclusive=True, group="library-analysis")
    def analysis_worker(self) -> None:
        from textual.worker import get_current_worker

        from tui.archive.job import all_cores
        from tui.documents import Engine
        from tui.library_analysis import analyse_library
        from tui.store import Library

        worker = get_current_worker()
        try:
            library = Library(self.app.library.path)
            try:
                result = analyse_library(
                    library,
                    Engine(self.app.engine.model, self.app.engine.cache),
                    all_cores(),
                    progress=lambda done, total: self.app.call_from_thread(self._analysis_progress, done, total),
                    stopped=lambda: worker.is_cancelled,
                    nice=5,
                )
            finally:
                library.close()
        except Exception as error:  # a missing model, a full disk: a notice, the reader goes on
            self.app.call_from_thread(self._analysis_done, f"the library was not analysed ({error})")
            return
        message = f"{plural(result.done, 'article')} analysed" + (f", {result.failed} failed" if result.failed else "")
        self.app.call_from_thread(self._analysis_done, message if result.done or result.failed else "")

    def _analysis_progress(self, done: int, total: int) -> None:
        bar = self.query_one(ProgressBar)
        bar.display = total > 0
        bar.update(total=total, progress=done)
        self.sub_title = f"library · analysing {done} of {total}" if total else "library"
        if done:
            self.rebuild()  # counts appear batch by batch

    def _analysis_done(self, message: str) -> None:
        self.analysing = False
        self.query_one(ProgressBar).display = False
        self.sub_title = "library"
        self.rebuild()
        if message:
            self.notify(message, timeout=4)

    # --- moving through the library from anywhere ---------------------------------------
    def neighbour(self, step: int, unread: bool = False) -> Article | None:
        """Move the cursor to the next (step 1) or previous (-1) article, or the next unread one,
        and load it; None when there is none."""
        listing = self.query_one(LibraryList)
        index = listing.cursor + step
        while 0 <= index < len(listing.rows):
            entry = self.entries.get(listing.rows[index].key or "")
            if entry is not None and not (unread and self.app.library.is_read(entry.digest)):  # read just now counts
                try:
                    article = entry.load()
                except SourceError:
                    index += step
                    continue
                listing.cursor = index
                return article
            index += step
        return None

    def action_next_unread(self) -> None:
        listing = self.query_one(LibraryList)
        for index in range(listing.cursor + 1, len(listing.rows)):
            entry = self.entries.get(listing.rows[index].key or "")
            if entry is not None and not entry.read:
                listing.cursor = index
                listing.scroll_to(y=max(0, index - 2), animate=False)
                return
        self.notify("no unread article below this one", timeout=2)

    def action_mark_all_read(self) -> None:
        """Every article in the cursor's group (a feed, a folder, the opened folder) read."""
        entry = self.entries.get(self._current_key() or "")
        if entry is None:
            return
        members = [e for e in self.entries.values() if e.group == entry.group and not e.read]
        self.app.library.mark_all_read([e.digest for e in members])
        self.notify(f"{plural(len(members), 'article')} in {entry.group} marked read", timeout=2)
        self.rebuild()

    def action_open_link(self) -> None:
        from tui.app.screens.article import open_in_browser

        entry = self.entries.get(self._current_key() or "")
        if entry is not None:
            open_in_browser(self, entry.link)

    def action_search(self) -> None:
        from tui.app.screens.search import SearchScreen

        # The folder's files are not stored in the library; search reads them from here.
        files = [entry.load() for entry in self.entries.values() if entry.key.startswith("file:")]
        self.app.push_screen(SearchScreen(files))
