"""Web pages, feeds and OPML from a real server on 127.0.0.1, and every bad input."""

import socket
import sqlite3
import subprocess
import sys

import httpx
import pytest

from tests.webserver import Route
from tui import updates
from tui.sources import SourceError
from tui.sources.feeds import parse_feed, refresh
from tui.sources.opml import OpmlFeed, read_opml, write_opml
from tui.sources.web import fetch, fetch_article
from tui.store import Library

PARAGRAPH = "The new ferry terminal opened on the quay this morning after two years of building work and delays. "
PAGE = (
    "<html><head><title>Ferry terminal opens</title>"
    "<meta name='author' content='Jo Marsh'><meta name='date' content='2026-05-04'></head>"
    "<body><nav>Home | News | Sport</nav><article><h1>Ferry terminal opens</h1>"
    f"<p>{PARAGRAPH * 3}</p><p>Harbour master Tom Reyes said: “The tide will turn at noon.”</p>"
    "</article><footer>Copyright</footer></body></html>"
).encode()


def rss(items: int = 3, title: str = "Harbour News") -> bytes:
    entries = "".join(
        f"<item><title>Story {n}</title><link>http://example.invalid/story/{n}</link>"
        f"<pubDate>Mon, 0{n % 9 + 1} Jun 2026 10:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;Mayor Ruth Bell said the pier would reopen in week {n}.&lt;/p&gt;</description></item>"
        for n in range(items)
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>{title}</title>{entries}</channel></rss>".encode()


ATOM = (
    b"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Valley Times</title>"
    b"<entry><title>Bridge reopens</title><link href='http://example.invalid/bridge'/><updated>2026-06-02T09:00:00Z</updated>"
    b"<content type='html'>&lt;p&gt;Engineer Sam Ito told reporters the repairs were done.&lt;/p&gt;</content></entry></feed>"
)


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- pages -------------------------------------------------------------------------
def test_a_page_is_fetched_and_its_article_extracted(web):
    web.routes["/ferry"] = Route(PAGE)
    article = fetch_article(web.url("/ferry"))
    assert article.title == "Ferry terminal opens"
    assert "The tide will turn at noon." in article.text
    assert "Home | News" not in article.text and "Copyright" not in article.text
    assert article.date == "2026-05-04"


def test_the_user_agent_names_newsreader(web):
    seen = {}

    def record(request):
        seen["ua"] = request.headers["user-agent"]
        return httpx.Response(200, headers={"content-type": "text/html"}, content=PAGE)

    fetch("http://example.invalid/x", transport=httpx.MockTransport(record))
    assert seen["ua"].startswith("newsreader/")


@pytest.mark.parametrize(
    "route, message",
    [
        (Route(b"gone", status=404), "HTTP 404"),
        (Route(b"boom", status=500), "HTTP 500"),
        (Route(b"%PDF-1.4", content_type="application/pdf"), "not a web page"),
        (
            Route("<html><body><p>caf\xe9 ".encode("latin-1") * 50 + b"</p></body></html>", content_type="text/html"),
            "not UTF-8",
        ),
    ],
    ids=["404", "500", "not-html", "not-utf8"],
)
def test_bad_pages_get_a_clear_message(web, route, message):
    web.routes["/bad"] = route
    with pytest.raises(SourceError, match=message):
        fetch_article(web.url("/bad"))


def test_a_declared_charset_is_honoured(web):
    body = f"<html><head><title>Café</title></head><body><article><p>{PARAGRAPH * 3} Le café est fermé.</p></article></body></html>"
    web.routes["/latin"] = Route(body.encode("latin-1"), content_type="text/html; charset=iso-8859-1")
    assert "Le café est fermé." in fetch_article(web.url("/latin")).text


def test_a_dead_url_a_timeout_a_huge_body_and_a_redirect_loop(web):
    with pytest.raises(SourceError, match="could not connect"):
        fetch_article(f"http://127.0.0.1:{unused_port()}/nothing")
    web.routes["/slow"] = Route(PAGE, delay=2.0)
    with pytest.raises(SourceError, match="timed out"):
        fetch(web.url("/slow"), timeout=httpx.Timeout(0.3))
    web.routes["/huge"] = Route(b"x" * 300_000)
    with pytest.raises(SourceError, match="too large"):
        fetch(web.url("/huge"), limit=100_000)
    web.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    with pytest.raises(SourceError, match="too many redirects"):
        fetch(web.url("/loop"))


# --- feeds ----------------------------------------------------------------------------
def test_rss_and_atom_items_are_parsed():
    title, items = parse_feed(rss(2), "rss")
    assert title == "Harbour News"
    assert [i.title for i in items] == ["Story 0", "Story 1"]
    assert items[0].text == "Mayor Ruth Bell said the pier would reopen in week 0."
    assert items[0].date == "2026-06-01"
    title, items = parse_feed(ATOM, "atom")
    assert title == "Valley Times" and items[0].link == "http://example.invalid/bridge"


@pytest.mark.parametrize("body", [b"<rss><channel><item><title>x", b"this is not a feed", b""])
def test_malformed_feeds_are_refused(body):
    with pytest.raises(SourceError, match="feed"):
        parse_feed(body, "bad")


def test_feeds_are_added_refreshed_conditionally_and_failures_lose_nothing(web, tmp_path):
    library = Library(tmp_path / "library.sqlite3")
    web.routes["/rss"] = Route(rss(3), content_type="application/rss+xml", etag='"v1"')
    report = updates.add_feed(library, web.url("/rss"))
    assert report.new == 3 and report.feed.title == "Harbour News"
    # unchanged: the server answers 304 to the ETag
    (again,) = updates.refresh_feeds(library)
    assert again.not_modified and len(library.articles()) == 3
    # a new item
    web.routes["/rss"] = Route(rss(4), content_type="application/rss+xml", etag='"v2"')
    (grown,) = updates.refresh_feeds(library)
    assert grown.new == 1 and len(library.articles()) == 4
    # the feed breaks: a message, and the four articles stay
    web.routes["/rss"] = Route(b"<html>maintenance</html>", content_type="text/html")
    (broken,) = updates.refresh_feeds(library)
    assert broken.error and "feed" in broken.error
    assert len(library.articles()) == 4
    assert library.feeds()[0].error == broken.error
    with pytest.raises(SourceError):
        updates.add_feed(library, web.url("/missing"))
    assert len(library.feeds()) == 1


def test_feeds_are_fetched_concurrently(web):
    import threading

    # Each feed answers only when all six requests are in flight together: fetched one after
    # another, the first would wait out the barrier and get a 503. No clock is read.
    gate = threading.Barrier(6, timeout=8)
    for n in range(6):
        web.routes[f"/f{n}"] = Route(rss(1, f"Feed {n}"), content_type="application/rss+xml", gate=gate)
    results = refresh([(web.url(f"/f{n}"), None, None) for n in range(6)], concurrency=6)
    assert [r.error for r in results] == [None] * 6
    assert [r.title for r in results] == [f"Feed {n}" for n in range(6)]


# --- OPML ----------------------------------------------------------------------------------
def test_opml_round_trip(tmp_path):
    path = tmp_path / "feeds.opml"
    feeds = [OpmlFeed("http://a.invalid/rss", "A & B"), OpmlFeed("http://c.invalid/atom", "")]
    path.write_text(write_opml(feeds), encoding="utf-8")
    assert read_opml(path) == [
        OpmlFeed("http://a.invalid/rss", "A & B"),
        OpmlFeed("http://c.invalid/atom", "http://c.invalid/atom"),
    ]


def test_nested_opml_import(tmp_path):
    path = tmp_path / "nested.opml"
    path.write_text(
        "<opml version='1.0'><body><outline text='News'><outline text='One' xmlUrl='http://one.invalid/rss'/>"
        "</outline><outline text='Two' xmlUrl='http://two.invalid/rss'/></body></opml>",
        encoding="utf-8",
    )
    library = Library(tmp_path / "library.sqlite3")
    assert updates.import_opml(library, str(path)) == 2
    assert updates.import_opml(library, str(path)) == 0
    assert "http://one.invalid/rss" in updates.export_opml(library)


@pytest.mark.parametrize("text", ["<opml><body><outline", "<html></html>", "not xml at all"])
def test_malformed_opml_gets_a_message(tmp_path, text):
    path = tmp_path / "bad.opml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError, match="OPML"):
        read_opml(path)


# --- the library database --------------------------------------------------------------------
def test_library_listing_is_typed_records_with_read_state_and_counts(tmp_path):
    from tui.store import LibraryFeed, LibraryListing

    library = Library(tmp_path / "library.sqlite3")
    feed = library.add_feed("http://harbour.invalid/rss", "Harbour News")
    assert isinstance(feed, LibraryFeed) and feed.title == "Harbour News"
    library.add_articles(
        [
            {
                "feed_id": feed.id,
                "url": "http://harbour.invalid/1",
                "title": "Ferry",
                "date": "2026-05-04",
                "text": "A.",
            },
            {"url": "http://harbour.invalid/2", "title": "Tide", "date": "2026-05-05", "text": "B."},
        ]
    )
    ferry, tide = sorted(library.rows(), key=lambda row: row.title)
    assert isinstance(ferry, LibraryListing)
    assert (ferry.feed_id, ferry.read, ferry.quotes) == (feed.id, False, None)
    library.mark_read(tide.text_hash)
    library.record_analysis(tide.text_hash, 3, 2, "key")
    tide = next(row for row in library.rows() if row.title == "Tide")
    assert (tide.feed_id, tide.read, tide.quotes, tide.speakers) == (None, True, 3, 2)


def test_library_migrates_an_old_schema_and_refuses_a_newer_one(tmp_path):
    from tui.store.library import MIGRATIONS, SCHEMA_VERSION, LibraryError

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    db.execute("INSERT INTO articles (source, text, text_hash, added_at) VALUES ('x', 'kept text', 'h', 0)")
    db.commit()
    db.close()
    library = Library(path)
    assert library.version == SCHEMA_VERSION
    assert library.articles()[0].text == "kept text"
    library.close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    with pytest.raises(LibraryError, match="newer"):
        Library(path)


def test_two_processes_write_the_library_at_once(tmp_path):
    path = tmp_path / "shared.sqlite3"
    Library(path).close()
    code = (
        "import sys; from pathlib import Path; from tui.store import Library\n"
        "library = Library(Path(sys.argv[1]))\n"
        "for n in range(200):\n"
        "    library.add_articles([{'text': f'{sys.argv[2]} article {n}', 'source': 'x', 'url': f'u:{sys.argv[2]}:{n}'}])\n"
        "    library.mark_read(str(n) + sys.argv[2])\n"
    )
    runs = [subprocess.Popen([sys.executable, "-c", code, str(path), name]) for name in ("a", "b")]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    library = Library(path)
    assert len(library.articles()) == 400
    assert library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
