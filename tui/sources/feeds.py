"""RSS and Atom feeds: parsing with feedparser, refreshing many at once with httpx.

Refreshes use conditional GET (ETag / Last-Modified), so an unchanged feed costs
one small request. Nothing here touches the library: the caller stores what comes back.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from xml.sax import SAXException

import feedparser
import httpx

from tui.sources.files import SourceError, clean_text
from tui.sources.web import MAX_BYTES, MAX_REDIRECTS, TIMEOUT, USER_AGENT, describe


@dataclass
class FeedItem:
    title: str
    link: str
    date: str
    author: str
    text: str


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


def parse_feed(body: bytes, url: str) -> tuple[str, list[FeedItem]]:
    """The feed's title and items; SourceError if it is not a feed at all."""
    parsed = feedparser.parse(body)
    if isinstance(parsed.get("bozo_exception"), SAXException):
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
        items.append(
            FeedItem(
                title=title,
                link=entry.get("link", ""),
                date=f"{date.tm_year:04d}-{date.tm_mon:02d}-{date.tm_mday:02d}" if date else "",
                author=clean_text(entry.get("author", "")).strip(),
                text=text or title,
            )
        )
    return clean_text(parsed.feed.get("title", "")).strip(), items


async def _fetch_feed(
    http: httpx.AsyncClient, url: str, etag: str | None, modified: str | None, limit: int
) -> FeedUpdate:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        async with http.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return FeedUpdate(url, etag=etag, modified=modified, not_modified=True)
            if response.status_code >= 400:
                return FeedUpdate(url, error=f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body.extend(chunk)
                if len(body) > limit:
                    return FeedUpdate(url, error=f"{url}: too large (over {limit // 1024} KB)")
            new_etag, new_modified = response.headers.get("etag"), response.headers.get("last-modified")
    except httpx.HTTPError as error:
        return FeedUpdate(url, error=describe(error, url))
    try:
        title, items = parse_feed(bytes(body), url)
    except SourceError as error:
        return FeedUpdate(url, error=str(error))
    return FeedUpdate(url, title=title, items=items, etag=new_etag, modified=new_modified)


async def refresh_async(
    feeds: list[tuple[str, str | None, str | None]],
    concurrency: int = 16,
    timeout: httpx.Timeout = TIMEOUT,
    limit: int = MAX_BYTES,
) -> list[FeedUpdate]:
    """Fetch (url, etag, modified) feeds, `concurrency` at a time; results in the same order."""
    gate = asyncio.Semaphore(max(1, concurrency))
    async with httpx.AsyncClient(
        headers={"User-Agent": USER_AGENT}, timeout=timeout, follow_redirects=True, max_redirects=MAX_REDIRECTS
    ) as http:

        async def one(url, etag, modified):
            async with gate:
                return await _fetch_feed(http, url, etag, modified, limit)

        return list(await asyncio.gather(*(one(*feed) for feed in feeds)))


def refresh(feeds: list[tuple[str, str | None, str | None]], concurrency: int = 16, **kwargs) -> list[FeedUpdate]:
    """The blocking form of `refresh_async` (for the command line and worker threads)."""
    return asyncio.run(refresh_async(feeds, concurrency, **kwargs))
