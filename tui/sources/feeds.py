"""RSS and Atom feeds: parsing with feedparser, refreshing many at once with httpx.

Refreshes use conditional GET (ETag / Last-Modified), so an unchanged feed costs
one small request. Nothing here touches the library: the caller stores what comes back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin
from xml.sax import SAXException

import feedparser
import httpx

from tui.sanitize import visible
from tui.sources.files import SourceError, clean_text
from tui.sources.web import DEADLINE, MAX_BYTES, TIMEOUT, RetryLater, client, get

REFRESH_DEADLINE = 120.0  # seconds for a whole refresh, however many feeds


@dataclass
class FeedItem:
    """One entry of a feed; `guid` is the feed's own id for it (RSS guid, Atom id), or ""."""

    title: str
    link: str
    date: str
    author: str
    text: str
    guid: str = ""
    has_content: bool = False  # a full body (Atom content, content:encoded), not only a summary


@dataclass
class FeedUpdate:
    """What one refresh brought: items, or 'not modified', or an error message."""

    url: str
    title: str = ""
    items: list[FeedItem] = field(default_factory=list)
    etag: str | None = None
    modified: str | None = None
    not_modified: bool = False
    error: str | None = None
    retry_after: float | None = None  # seconds the server asked us to wait (429/503 with Retry-After)


_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")


def html_to_text(html: str) -> str:
    """Plain text of an item's HTML body, one line per paragraph (lxml, trafilatura's parser)."""
    if "<" not in html:
        return clean_text(html).strip()
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return clean_text(html).strip()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return clean_text("\n".join(line for line in lines if line)).strip()


_ROOT_ENDS = (b"</rss>", b"</feed>", b"</rdf:RDF>")


def _recovered(parsed: feedparser.FeedParserDict, body: bytes) -> bool:
    """Whether to take what feedparser's lenient second pass made of XML its strict pass refused.

    Yes for a whole feed with a bare & or an HTML entity such as &nbsp; (common, and harmless).
    No for a truncated feed, and no for a feed declaring entities of its own: external entities
    and entity bombs are refused whole rather than handed to a lenient parser."""
    return bool(parsed.entries) and b"<!ENTITY" not in body and body.rstrip().endswith(_ROOT_ENDS)


def parse_feed(body: bytes, url: str) -> tuple[str, list[FeedItem]]:
    """The feed's title and items; SourceError if it is not a feed at all."""
    parsed = feedparser.parse(body)
    if isinstance(parsed.get("bozo_exception"), SAXException) and not _recovered(parsed, body):
        raise SourceError(f"{url}: not a valid RSS or Atom feed (broken XML: {parsed.bozo_exception})")
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise SourceError(
            f"{url}: not a valid RSS or Atom feed ({reason.__class__.__name__ if reason else 'unreadable'})"
        )
    if not parsed.entries and not parsed.feed.get("title"):
        raise SourceError(f"{url}: not an RSS or Atom feed")
    items = []
    for entry in parsed.entries:
        content = entry.get("content")
        body_html = content[0].get("value", "") if content else entry.get("summary", "")
        text = html_to_text(body_html)
        title = clean_text(entry.get("title", "")).strip()
        if not text and not title:
            continue
        date = entry.get("published_parsed") or entry.get("updated_parsed")
        link = visible(entry.get("link", ""))
        items.append(
            FeedItem(
                title=title,
                link=link,
                date=f"{date.tm_year:04d}-{date.tm_mon:02d}-{date.tm_mday:02d}" if date else "",
                author=clean_text(entry.get("author", "")).strip(),
                text=text or title,
                guid=visible(entry.get("id", "")).strip(),
                has_content=bool(content),
            )
        )
    return clean_text(parsed.feed.get("title", "")).strip(), items


async def _fetch_feed(
    http: httpx.AsyncClient, url: str, etag: str | None, modified: str | None, limit: int, deadline: float
) -> FeedUpdate:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        fetched = await get(http, url, limit, headers, deadline)
        if fetched.status == 304:
            return FeedUpdate(url, etag=etag, modified=modified, not_modified=True)
        title, items = parse_feed(fetched.body, url)
    except RetryLater as error:
        return FeedUpdate(url, error=str(error), retry_after=error.seconds)
    except SourceError as error:
        return FeedUpdate(url, error=str(error))
    return FeedUpdate(url, title=title, items=items, etag=fetched.etag, modified=fetched.modified)


async def refresh_async(
    feeds: list[tuple[str, str | None, str | None]],
    concurrency: int = 16,
    timeout: httpx.Timeout = TIMEOUT,
    limit: int = MAX_BYTES,
    deadline: float = DEADLINE,
    total_deadline: float | None = None,
    on_update: Callable[[int, FeedUpdate], None] | None = None,
) -> list[FeedUpdate]:
    """Fetch (url, etag, modified) feeds, `concurrency` at a time; results in the same order.

    `on_update(index, update)` is called as each feed arrives, so a caller can keep it at
    once: a slow feed, the refresh's own deadline or an interrupt loses only what has not come.
    """
    total_deadline = total_deadline or REFRESH_DEADLINE
    gate = asyncio.Semaphore(max(1, concurrency))
    results: list[FeedUpdate | None] = [None] * len(feeds)
    async with client(timeout=timeout) as http:

        async def one(index: int, url: str, etag: str | None, modified: str | None) -> None:
            async with gate:
                update = await _fetch_feed(http, url, etag, modified, limit, deadline)
            results[index] = update
            if on_update is not None:
                on_update(index, update)

        tasks = [asyncio.ensure_future(one(index, *feed)) for index, feed in enumerate(feeds)]
        if tasks:
            await asyncio.wait(tasks, timeout=total_deadline)
        for task in tasks:
            task.cancel()
        outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    for outcome in outcomes:  # a failure to keep an update (a full disk) is the caller's to report
        if isinstance(outcome, Exception):
            raise outcome
    updates = []
    for index, (url, _, _) in enumerate(feeds):
        update = results[index]
        if update is None:
            update = FeedUpdate(url, error=f"{url}: not fetched within the refresh's {total_deadline:g} s")
            if on_update is not None:
                on_update(index, update)
        updates.append(update)
    return updates


def refresh(feeds: list[tuple[str, str | None, str | None]], concurrency: int = 16, **kwargs: Any) -> list[FeedUpdate]:
    """The blocking form of `refresh_async` (for the command line and worker threads)."""
    return asyncio.run(refresh_async(feeds, concurrency, **kwargs))


_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


def feed_links(html: bytes, base: str) -> list[str]:
    """The feeds a web page announces with `<link rel="alternate" type="application/rss+xml">`,
    as absolute URLs, in page order (JSON Feed left out: feedparser does not read it)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.document_fromstring(html[:MAX_BYTES])
    except (ParserError, ValueError):
        return []
    links = []
    for element in root.iter("link"):
        rel = (element.get("rel") or "").lower().split()
        kind = (element.get("type") or "").lower().split(";")[0].strip()
        href = (element.get("href") or "").strip()
        if "alternate" in rel and kind in _FEED_TYPES[:3] and href:
            absolute = visible(urljoin(base, href))
            if absolute.startswith(("http://", "https://")) and absolute not in links:
                links.append(absolute)
    return links
