"""Bringing the news in: feeds, OPML and web pages into the library.

The one place where sources (fetching, parsing) meet the store (the library).
Errors come back as messages; what the library already holds is never touched by a failure.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from tui.sources import Article, SourceError
from tui.sources.feeds import FeedUpdate, refresh
from tui.sources.opml import read_opml, write_opml
from tui.sources.web import fetch_article
from tui.store import Library, LibraryArticle, LibraryFeed


@dataclass
class RefreshReport:
    feed: LibraryFeed
    new: int = 0
    not_modified: bool = False
    error: str | None = None


def _store_update(library: Library, feed: LibraryFeed, update: FeedUpdate) -> RefreshReport:
    if update.error:
        library.update_feed(feed.id, error=update.error, refreshed_at=time.time())
        return RefreshReport(feed, error=update.error)
    if update.not_modified:
        library.update_feed(feed.id, refreshed_at=time.time(), error=None)
        return RefreshReport(feed, not_modified=True)
    new = library.add_articles(
        {
            "feed_id": feed.id,
            "url": item.link or None,
            "source": item.link or feed.url,
            "title": item.title,
            "author": item.author,
            "date": item.date,
            "text": item.text,
        }
        for item in update.items
    )
    library.update_feed(
        feed.id,
        title=feed.title or update.title,
        etag=update.etag,
        modified=update.modified,
        refreshed_at=time.time(),
        error=None,
    )
    return RefreshReport(feed, new=new)


def add_feed(library: Library, url: str) -> RefreshReport:
    """Fetch a feed once; if it is a feed, keep it and its items. SourceError otherwise."""
    (update,) = refresh([(url, None, None)], concurrency=1)
    if update.error:
        raise SourceError(update.error)
    feed = library.add_feed(url, update.title)
    return _store_update(library, feed, update)


def refresh_feeds(library: Library, concurrency: int = 16) -> list[RefreshReport]:
    """Refresh every feed at once (conditional GET); one report per feed, each feed stored as it arrives."""
    feeds = library.feeds()
    reports: dict[int, RefreshReport] = {}

    def keep(index: int, update: FeedUpdate) -> None:  # stored as it arrives: a slow feed holds back no other
        reports[index] = _store_update(library, feeds[index], update)

    refresh([(f.url, f.etag, f.modified) for f in feeds], concurrency=concurrency, on_update=keep)
    return [reports[index] for index in range(len(feeds))]


def import_opml(library: Library, path: str) -> int:
    """Add the feeds an OPML file lists; returns how many were new."""
    before = {f.url for f in library.feeds()}
    for url, title in read_opml(path):
        library.add_feed(url, title)
    return len({f.url for f in library.feeds()} - before)


def export_opml(library: Library) -> str:
    return write_opml([(f.url, f.title) for f in library.feeds()])


def save_page(library: Library, url: str) -> LibraryArticle:
    """Fetch a web page's article and keep it for offline reading (a stored copy wins offline)."""
    stored = library.article_by_url(url)
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
    return library.article_by_url(url)  # type: ignore[return-value]


def as_article(stored: LibraryArticle) -> Article:
    return Article(text=stored.text, title=stored.title, source=stored.source, date=stored.date, author=stored.author)
