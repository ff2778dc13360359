"""Fetching pages over HTTP with httpx: timeouts and a total deadline, a size limit, a bounded
number of redirects and a clear User-Agent. Every failure is a SourceError naming the URL."""

from __future__ import annotations

import asyncio
import codecs
import email.utils
import time
from dataclasses import dataclass
from typing import Any

import httpx

from tui import __version__
from tui.sources.files import Article, SourceError, article_from_html

USER_AGENT = f"newsreader/{__version__} (terminal news reader; +https://pypi.org/project/newsreader/)"
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
DEADLINE = 20.0  # seconds for a whole fetch: a server trickling bytes cannot hold us longer
HTML_TYPES = ("text/html", "application/xhtml+xml")


MAX_WAIT = 86_400.0  # a Retry-After longer than a day is taken as a day


class RetryLater(SourceError):
    """The server is busy (429, 503) and said when to come back (Retry-After), in seconds."""

    def __init__(self, message: str, seconds: float):
        super().__init__(message)
        self.seconds = seconds


def retry_after(value: str) -> float | None:
    """Retry-After's seconds (a number of seconds or an HTTP date), at most a day; None if unreadable."""
    value = value.strip()
    if value.isascii() and value.isdigit():
        return min(float(value), MAX_WAIT)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return min(max(0.0, when.timestamp() - time.time()), MAX_WAIT)


@dataclass
class Fetched:
    """A response body within the limits, with what conditional GET needs next time."""

    url: str
    status: int
    body: bytes
    content_type: str
    encoding: str | None
    etag: str | None = None
    modified: str | None = None


def client(timeout: httpx.Timeout = TIMEOUT, transport: httpx.AsyncBaseTransport | None = None) -> httpx.AsyncClient:
    """An async client with newsreader's User-Agent, timeouts and redirect limit
    (`transport` lets a test answer requests itself)."""
    return httpx.AsyncClient(
        headers={"User-Agent": USER_AGENT},
        timeout=timeout,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        transport=transport,
    )


def describe(error: Exception, url: str) -> str:
    """A one-line message for what went wrong with a request."""
    if isinstance(error, httpx.TimeoutException):
        return f"{url}: timed out"
    if isinstance(error, httpx.TooManyRedirects):
        return f"{url}: too many redirects (more than {MAX_REDIRECTS})"
    if isinstance(error, httpx.ConnectError):
        return f"{url}: could not connect"
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        target = _request_url(error)
        if target and target != url:
            return f"{url}: redirected to {target}, which is not a web address newsreader fetches"
        return f"{url}: not a web address newsreader can fetch"
    if isinstance(error, httpx.ReadError | httpx.RemoteProtocolError | httpx.WriteError):
        return f"{url}: the server closed or reset the connection before the whole response arrived"
    detail = str(error).strip()
    return f"{url}: {error.__class__.__name__}" + (f": {detail}" if detail else "")


def _request_url(error: Exception) -> str | None:
    if not isinstance(error, httpx.RequestError):  # httpx.InvalidURL carries no request at all
        return None
    try:
        return str(error.request.url)
    except RuntimeError:  # no request attached
        return None


async def get(
    http: httpx.AsyncClient,
    url: str,
    limit: int = MAX_BYTES,
    headers: dict[str, str] | None = None,
    deadline: float = DEADLINE,
) -> Fetched:
    """GET a URL within the limits and a total deadline (connect, headers and body together).

    304 comes back as a Fetched with an empty body; every failure is a SourceError.
    """
    try:
        async with asyncio.timeout(deadline):
            return await _get(http, url, limit, headers or {})
    except TimeoutError as error:
        raise SourceError(f"{url}: no complete answer within {deadline:g} s") from error
    except httpx.HTTPError as error:
        raise SourceError(describe(error, url)) from error


async def _get(http: httpx.AsyncClient, url: str, limit: int, headers: dict[str, str]) -> Fetched:
    async with http.stream("GET", url, headers=headers) as response:
        etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
        if response.status_code == 304:
            return Fetched(str(response.url), 304, b"", "", None, etag, modified)
        if response.status_code >= 400:
            message = f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip()
            wait = retry_after(response.headers.get("retry-after", ""))
            if response.status_code in (429, 503) and wait is not None:
                raise RetryLater(f"{message}; the server asks to wait {wait:g} s", wait)
            raise SourceError(message)
        declared = response.headers.get("content-length", "")
        if declared.isascii() and declared.isdigit() and int(declared) > limit:
            raise SourceError(f"{url}: too large ({int(declared) // 1024} KB; the limit is {limit // 1024} KB)")
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body.extend(chunk)
            if len(body) > limit:
                raise SourceError(f"{url}: too large (over {limit // 1024} KB)")
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        return Fetched(
            str(response.url),
            response.status_code,
            bytes(body),
            content_type,
            response.charset_encoding,
            etag,
            modified,
        )


def fetch(
    url: str,
    limit: int = MAX_BYTES,
    headers: dict[str, str] | None = None,
    deadline: float = DEADLINE,
    timeout: httpx.Timeout = TIMEOUT,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Fetched:
    """The blocking form of `get`, with a client of its own (`timeout` and `transport` go to `client`)."""

    async def run() -> Fetched:
        async with client(timeout, transport) as http:
            return await get(http, url, limit, headers, deadline)

    return asyncio.run(run())


def decode(fetched: Fetched, url: str) -> str:
    """The body as text: its byte-order mark, its declared charset, else UTF-8; a clear error otherwise."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if fetched.body.startswith(bom):
            try:
                return fetched.body.decode(name)
            except UnicodeDecodeError as error:
                raise SourceError(f"{url}: the page is not valid {name.removesuffix('-sig').upper()} text") from error
    if fetched.encoding:
        try:
            return fetched.body.decode(fetched.encoding)
        except (LookupError, UnicodeDecodeError) as error:
            raise SourceError(f"{url}: the page is not valid {fetched.encoding} text") from error
    try:
        return fetched.body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(f"{url}: the page is not UTF-8 and declares no charset") from error


def fetch_article(url: str, **fetch_options: Any) -> Article:
    """Fetch a page and extract its article (title, author, date, text) with trafilatura."""
    fetched = fetch(url, **fetch_options)
    if fetched.content_type and fetched.content_type not in HTML_TYPES:
        raise SourceError(f"{url}: not a web page (content type {fetched.content_type})")
    article = article_from_html(decode(fetched, url), url)
    return article
