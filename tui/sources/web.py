"""Fetching pages over HTTP with httpx: timeouts, a size limit, a bounded number of
redirects and a clear User-Agent. Every failure is a SourceError naming the URL."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from tui import __version__
from tui.sources.files import Article, SourceError, article_from_html

USER_AGENT = f"newsreader/{__version__} (terminal news reader; +https://pypi.org/project/newsreader/)"
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")


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


def client(**kwargs) -> httpx.Client:
    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=kwargs.pop("timeout", TIMEOUT),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        **kwargs,
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
        return f"{url}: not a web address newsreader can fetch"
    return f"{url}: {error.__class__.__name__}: {error}"


def read_limited(response: httpx.Response, url: str, limit: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise SourceError(f"{url}: too large ({int(declared) // 1024} KB; the limit is {limit // 1024} KB)")
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > limit:
            raise SourceError(f"{url}: too large (over {limit // 1024} KB)")
    return bytes(body)


def fetch(url: str, http: httpx.Client | None = None, limit: int = MAX_BYTES, headers: dict | None = None) -> Fetched:
    """GET a URL within the limits. 304 comes back as a Fetched with an empty body."""
    own = http is None
    http = http or client()
    try:
        with http.stream("GET", url, headers=headers or {}) as response:
            if response.status_code == 304:
                return Fetched(
                    str(response.url),
                    304,
                    b"",
                    "",
                    None,
                    response.headers.get("etag"),
                    response.headers.get("last-modified"),
                )
            if response.status_code >= 400:
                raise SourceError(f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
            body = read_limited(response, url, limit)
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return Fetched(
                str(response.url),
                response.status_code,
                body,
                content_type,
                response.charset_encoding,
                response.headers.get("etag"),
                response.headers.get("last-modified"),
            )
    except httpx.HTTPError as error:
        raise SourceError(describe(error, url)) from error
    finally:
        if own:
            http.close()


def decode(fetched: Fetched, url: str) -> str:
    """The body as text: its declared charset, else UTF-8; a clear error otherwise."""
    if fetched.encoding:
        try:
            return fetched.body.decode(fetched.encoding)
        except (LookupError, UnicodeDecodeError) as error:
            raise SourceError(f"{url}: the page is not valid {fetched.encoding} text") from error
    try:
        return fetched.body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(f"{url}: the page is not UTF-8 and declares no charset") from error


def fetch_article(url: str, http: httpx.Client | None = None) -> Article:
    """Fetch a page and extract its article (title, author, date, text) with trafilatura."""
    fetched = fetch(url, http)
    if fetched.content_type and fetched.content_type not in HTML_TYPES:
        raise SourceError(f"{url}: not a web page (content type {fetched.content_type})")
    article = article_from_html(decode(fetched, url), url)
    return article
