"""Full text for feed entries: the pages their links point to, fetched a few at a time.

At most `per_host` requests to one site and `total` in all are in flight, with the
timeouts, deadline and size limit every fetch has; trafilatura extracts each page's
article in a worker thread so the downloads keep going meanwhile.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlparse

import httpx

from tui.sources.files import Article, SourceError, article_from_html
from tui.sources.web import DEADLINE, HTML_TYPES, MAX_BYTES, TIMEOUT, client, decode, get

PER_HOST = 4
TOTAL = 16
SHORT = 150  # words: an entry this short is a summary, so its page is fetched ("auto")


def wants_page(mode: str, text: str, has_content: bool) -> bool:
    """Whether an entry's linked page is fetched for its full text, under a feed's `full_text`
    mode: "always", "never", or "auto": when the entry is short or carries only a summary."""
    if mode == "always":
        return True
    if mode == "never":
        return False
    return not has_content or len(text.split()) < SHORT


@dataclass
class Page:
    """What one link gave: the article, or why not."""

    url: str
    article: Article | None = None
    error: str | None = None


async def _one(http: httpx.AsyncClient, url: str, limit: int, deadline: float) -> Page:
    try:
        fetched = await get(http, url, limit, None, deadline)
        if fetched.content_type and fetched.content_type not in HTML_TYPES:
            raise SourceError(f"{url}: not a web page (content type {fetched.content_type})")
        html = decode(fetched, url)
        article = await asyncio.to_thread(article_from_html, html, url)
    except SourceError as error:
        return Page(url, error=str(error))
    return Page(url, article=article)


async def fetch_pages_async(
    urls: list[str],
    on_page: Callable[[int, Page], None],
    per_host: int = PER_HOST,
    total: int = TOTAL,
    timeout: httpx.Timeout = TIMEOUT,
    limit: int = MAX_BYTES,
    deadline: float = DEADLINE,
) -> None:
    """Fetch every URL (`per_host` at once per site, `total` at once in all); `on_page(index,
    page)` is called as each arrives, so it can be kept at once."""
    overall = asyncio.Semaphore(max(1, total))
    hosts: dict[str, asyncio.Semaphore] = {}
    async with client(timeout=timeout) as http:

        async def one(index: int, url: str) -> None:
            host = hosts.setdefault(urlparse(url).netloc.lower(), asyncio.Semaphore(max(1, per_host)))
            async with host, overall:
                page = await _one(http, url, limit, deadline)
            on_page(index, page)

        await asyncio.gather(*(one(index, url) for index, url in enumerate(urls)))


def fetch_pages(
    urls: list[str], on_page: Callable[[int, Page], None], per_host: int = PER_HOST, total: int = TOTAL
) -> None:
    """The blocking form of `fetch_pages_async`."""
    asyncio.run(fetch_pages_async(urls, on_page, per_host, total))
