"""Bringing the news in: feeds, OPML and web pages into the library.

The one place where sources (fetching, parsing) meet the store (the library).
Errors come back as messages; what the library already holds is never touched by a failure.
A refresh has two steps, each kept as it arrives: the feeds (entries stored by identity),
then the linked pages of the entries that want their full text.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from tui.sanitize import visible
from tui.sources import Article, SourceError
from tui.sources.feeds import FeedUpdate, feed_links, refresh
from tui.sources.opml import OpmlFeed, read_opml, write_opml
from tui.sources.pages import Page, fetch_pages, wants_page
from tui.sources.web import fetch, fetch_article
from tui.store import Config, Library, LibraryArticle, LibraryFeed, load_config

# (step, done, total): step is "feeds" or "pages"; a progress bar follows it
Progress = Callable[[str, int, int], None]


@dataclass
class RefreshReport:
    feed: LibraryFeed
    new: int = 0
    updated: int = 0
    not_modified: bool = False
    error: str | None = None
    pages: int = 0  # full texts fetched for this feed's entries
    pages_failed: int = 0
    waiting_until: float | None = None  # not fetched: the server asked to wait until then


def _store_update(library: Library, feed: LibraryFeed, update: FeedUpdate, mode: str) -> RefreshReport:
    if update.error:
        now = time.time()
        retry_at = now + update.retry_after if update.retry_after is not None else None
        library.update_feed(feed.id, error=update.error, refreshed_at=now, retry_at=retry_at)
        return RefreshReport(feed, error=update.error)
    if update.not_modified:
        library.update_feed(feed.id, refreshed_at=time.time(), error=None)
        return RefreshReport(feed, not_modified=True)
    stored = library.store_entries(
        feed.id,
        (
            {
                "url": item.link or None,
                "source": item.link or feed.url,
                "title": item.title,
                "author": item.author,
                "date": item.date,
                "text": item.text,
                "guid": item.guid,
                "wants_page": wants_page(mode, item.text, item.has_content),
            }
            for item in update.items
        ),
    )
    library.update_feed(
        feed.id,
        title=feed.title or update.title,
        etag=update.etag,
        modified=update.modified,
        refreshed_at=time.time(),
        error=None,
        retry_at=None,
    )
    return RefreshReport(replace(feed, title=feed.title or update.title), new=stored.new, updated=stored.updated)


def add_feed(
    library: Library, url: str, config: Config | None = None, progress: Progress | None = None
) -> RefreshReport:
    """Fetch a feed once; if it is a feed, keep it and its items (and their full text).

    A web page that is not a feed but names one (`<link rel="alternate" type="application/rss+xml">`)
    gets that feed instead. SourceError otherwise."""
    config = config or load_config()
    (update,) = refresh([(url, None, None)], concurrency=1)
    if update.error:
        found = discover(url)
        if found is None:
            raise SourceError(update.error)
        url = found
        (update,) = refresh([(url, None, None)], concurrency=1)
        if update.error:
            raise SourceError(update.error)
    feed = library.add_feed(url, update.title)
    report = _store_update(library, feed, update, config.full_text_for(url))
    _fetch_full_texts(library, {feed.id: report}, progress)
    return report


def discover(url: str) -> str | None:
    """The first feed a web page links to, or None (not a page, or no feed link in it)."""
    try:
        fetched = fetch(url)
    except SourceError:
        return None
    links = feed_links(fetched.body, fetched.url)
    return links[0] if links else None


def refresh_feeds(
    library: Library, concurrency: int = 16, config: Config | None = None, progress: Progress | None = None
) -> list[RefreshReport]:
    """Refresh every feed at once (conditional GET), each feed stored as it arrives; then the
    full text of every entry that wants it. One report per feed."""
    config = config or load_config()
    now = time.time()
    every = library.feeds()
    waiting = {f.id: RefreshReport(f, waiting_until=f.retry_at) for f in every if f.retry_at and f.retry_at > now}
    feeds = [f for f in every if f.id not in waiting]  # a busy server's Retry-After is honoured
    reports: dict[int, RefreshReport] = {}

    def keep(index: int, update: FeedUpdate) -> None:  # stored as it arrives: a slow feed holds back no other
        reports[index] = _store_update(library, feeds[index], update, config.full_text_for(feeds[index].url))
        if progress is not None:
            progress("feeds", len(reports), len(feeds))

    refresh([(f.url, f.etag, f.modified) for f in feeds], concurrency=concurrency, on_update=keep)
    by_feed = {report.feed.id: report for report in reports.values()}
    _fetch_full_texts(library, by_feed, progress)
    by_feed.update(waiting)
    return [by_feed[feed.id] for feed in every]


def _fetch_full_texts(library: Library, reports: dict[int, RefreshReport], progress: Progress | None) -> None:
    """Every pending page (this refresh's, and any an interrupted one left), kept as it comes."""
    pending = library.pending_pages()
    done = 0

    def keep(index: int, page: Page) -> None:
        nonlocal done
        article_id, _, feed_id = pending[index]
        library.set_page(article_id, page.article.text if page.article else None, page.error)
        report = reports.get(feed_id) if feed_id is not None else None
        if report is not None:
            report.pages += page.article is not None
            report.pages_failed += page.article is None
        done += 1
        if progress is not None:
            progress("pages", done, len(pending))

    if pending:
        fetch_pages([url for _, url, _ in pending], keep)


def remove_feed(library: Library, name: str) -> tuple[LibraryFeed, int]:
    """Stop following the feed with this URL or title; (the feed, articles removed)."""
    for feed in library.feeds():
        if name in (feed.url, feed.title):
            return feed, library.remove_feed(feed.id)
    raise SourceError(f"{name}: no such feed (see 'newsreader feeds list')")


def import_opml(library: Library, path: str) -> int:
    """Add the feeds an OPML file lists, in its folders; returns how many were new."""
    before = {f.url for f in library.feeds()}
    for feed in read_opml(path):
        library.add_feed(feed.url, feed.title, feed.folder)
    return len({f.url for f in library.feeds()} - before)


def export_opml(library: Library) -> str:
    return write_opml([OpmlFeed(f.url, f.title, f.folder) for f in library.feeds()])


def save_page(library: Library, url: str) -> LibraryArticle:
    """Fetch a web page's article and keep it for offline reading (a stored copy wins offline).

    The library keeps URLs as `visible` makes them, so that is what is looked up."""
    stored = library.article_by_url(visible(url))
    try:
        article = fetch_article(url)
    except SourceError:
        if stored is not None:
            return stored
        raise
    library.add_articles(
        [
            {
                "url": url,
                "source": url,
                "title": article.title,
                "author": article.author,
                "date": article.date,
                "text": article.text,
            }
        ]
    )
    saved = library.article_by_url(visible(url))
    if saved is None:  # pragma: no cover - the row was just written
        raise SourceError(f"{url}: could not be kept in the library")
    return saved


def as_article(stored: LibraryArticle) -> Article:
    return Article(text=stored.text, title=stored.title, source=stored.source, date=stored.date, author=stored.author)
