"""Feed entries by identity, full text from linked pages, discovery, folders and migration,
all against a real server on 127.0.0.1."""

from __future__ import annotations

import sqlite3

import pytest

from tests.webserver import Route
from tui import cli, updates
from tui.sources import SourceError
from tui.sources.opml import OpmlFeed, read_opml, write_opml
from tui.sources.pages import fetch_pages
from tui.store import Library
from tui.store.config import Config, load_config
from tui.store.library import MIGRATIONS

RSS = "application/rss+xml"


def page(title: str, speaker: str, words: str) -> bytes:
    body = f"The harbour board met on Tuesday to talk about the {words} and the ferry timetable. " * 6
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | News</nav><article><h1>{title}</h1>"
        f"<p>{body}</p><p>{speaker} said: “The {words} will be ready by the spring.”</p>"
        "</article><footer>Copyright</footer></body></html>"
    ).encode()


def feed(items: list[tuple[str | None, str | None, str, str]], title: str = "Harbour Gazette") -> bytes:
    """RSS from (guid, link, title, description) rows; None leaves the element out."""
    entries = ""
    for guid, link, item_title, text in items:
        entries += "<item>"
        entries += f"<guid isPermaLink='false'>{guid}</guid>" if guid else ""
        entries += f"<link>{link}</link>" if link else ""
        entries += f"<title>{item_title}</title><description>{text}</description></item>"
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>{title}</title>{entries}</channel></rss>".encode()


@pytest.fixture
def library(tmp_path):
    opened = Library(tmp_path / "library.sqlite3")
    yield opened
    opened.close()


def test_a_summary_only_feed_brings_the_pages_text_and_keeps_the_summary(web, library):
    web.routes["/pier"] = Route(page("Pier reopens", "Mayor Ruth Bell", "new pier"))
    web.routes["/lock"] = Route(page("Lock repaired", "Engineer Sam Ito", "canal lock"))
    web.routes["/rss"] = Route(
        feed(
            [
                ("g1", web.url("/pier"), "Pier reopens", "The pier is back."),
                ("g2", web.url("/lock"), "Lock repaired", "The lock works again."),
            ]
        ),
        content_type=RSS,
    )
    report = updates.add_feed(library, web.url("/rss"), Config())
    assert (report.new, report.pages, report.pages_failed) == (2, 2, 0)
    pier = next(a for a in library.articles() if a.title == "Pier reopens")
    assert "Mayor Ruth Bell said: “The new pier will be ready by the spring.”" in pier.text
    assert "Home | News" not in pier.text
    assert pier.summary == "The pier is back." and pier.page_state == "done"


def test_a_dead_page_keeps_the_summary_and_says_why_in_feeds_list(web, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "240")
    web.routes["/rss"] = Route(feed([("g1", web.url("/gone"), "Gone", "Only this sentence.")]), content_type=RSS)
    assert cli.main(["feeds", "add", web.url("/rss")]) == 0
    assert "added Harbour Gazette: 1 articles; full text of 0, 1 kept their summary" in capsys.readouterr().out
    library = Library()
    (article,) = library.articles()
    assert article.text == "Only this sentence." and article.page_state == "failed"
    assert article.page_error == f"{web.url('/gone')}: HTTP 404 Not Found"
    assert cli.main(["feeds", "list"]) == 0
    listing = capsys.readouterr().out
    assert f"1 kept their summary, the page failing: {web.url('/gone')}: HTTP 404 Not Found" in listing


def test_full_text_never_and_always_per_feed(web, library, tmp_path):
    long_summary = "word " * 200
    web.routes["/pier"] = web.routes["/pier2"] = Route(page("Pier reopens", "Mayor Ruth Bell", "new pier"))
    web.routes["/a"] = Route(feed([("g1", web.url("/pier"), "Short", "Short.")]), content_type=RSS)
    web.routes["/b"] = Route(
        b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Long</title><entry><id>e1</id>"
        b"<title>Long</title><link href='"
        + web.url("/pier2").encode()
        + b"'/><content type='text'>"
        + long_summary.encode()
        + b"</content></entry></feed>",
        content_type="application/atom+xml",
    )
    config_file = tmp_path / "config.toml"
    config_file.write_text(f'full_text = "auto"\n[feeds."{web.url("/a")}"]\nfull_text = "never"\n', encoding="utf-8")
    config = load_config(config_file)
    assert config.problem == "" and config.full_text_for(web.url("/a")) == "never"
    assert updates.add_feed(library, web.url("/a"), config).pages == 0
    # "auto": an entry with 200 words of content keeps it; "always" fetches the page anyway
    assert updates.add_feed(library, web.url("/b"), config).pages == 0
    assert web.hits.get("/pier") is None and web.hits.get("/pier2") is None
    config_file.write_text(f'[feeds."{web.url("/b")}"]\nfull_text = "always"\n', encoding="utf-8")
    library.remove_feed(library.feed_by_url(web.url("/b")).id)
    assert updates.add_feed(library, web.url("/b"), load_config(config_file)).pages == 1
    broken = tmp_path / "broken.toml"
    broken.write_text('full_text = "sometimes"\n', encoding="utf-8")
    assert "full_text must be" in load_config(broken).problem


def test_a_corrected_entry_is_updated_in_place_and_a_linkless_one_stored_once(web, library):
    web.routes["/rss"] = Route(
        feed([("urn:1", None, "Tide table", "High tide at noon."), (None, None, "Notice", "The quay is closed.")]),
        content_type=RSS,
    )
    assert updates.add_feed(library, web.url("/rss"), Config()).new == 2
    before = {a.title: a for a in library.articles()}
    library.mark_read(before["Tide table"].text_hash)
    for _ in range(3):
        (report,) = updates.refresh_feeds(library, config=Config())
        assert report.new == 0
    assert len(library.articles()) == 2
    web.routes["/rss"] = Route(
        feed([("urn:1", None, "Tide table", "High tide at one."), (None, None, "Notice", "The quay is closed.")]),
        content_type=RSS,
    )
    (report,) = updates.refresh_feeds(library, config=Config())
    assert (report.new, report.updated) == (0, 1)
    after = {a.title: a for a in library.articles()}
    assert len(after) == 2 and after["Tide table"].id == before["Tide table"].id
    assert after["Tide table"].text == "High tide at one." and after["Tide table"].read


def test_feeds_add_on_a_home_page_finds_its_feed(web, library):
    web.routes["/rss"] = Route(feed([("g1", None, "Story", "Text.")]), content_type=RSS)
    web.routes["/"] = Route(
        b"<html><head><title>Gazette</title><link rel='stylesheet' href='/s.css'>"
        b"<link rel='alternate' type='application/rss+xml' title='All stories' href='/rss'></head>"
        b"<body><p>Welcome</p></body></html>"
    )
    report = updates.add_feed(library, web.url("/"), Config())
    assert report.feed.url == web.url("/rss") and report.new == 1
    web.routes["/plain"] = Route(b"<html><body>No feed here</body></html>")
    with pytest.raises(SourceError, match="feed"):
        updates.add_feed(library, web.url("/plain"), Config())


def test_feeds_remove_drops_the_feed_and_its_articles(web, library, capsys):
    web.routes["/rss"] = Route(feed([("g1", None, "Story", "Text.")]), content_type=RSS)
    library.close()
    assert cli.main(["feeds", "add", web.url("/rss")]) == 0
    assert cli.main(["feeds", "remove", "Harbour Gazette"]) == 0
    assert "removed Harbour Gazette and its 1 articles" in capsys.readouterr().out
    assert cli.main(["feeds", "remove", "Nothing"]) == 2
    assert capsys.readouterr().err.strip() == "newsreader: Nothing: no such feed (see 'newsreader feeds list')"
    reopened = Library()
    assert reopened.feeds() == [] and reopened.articles() == []


def test_opml_folders_become_groups_and_are_written_back(tmp_path, library):
    path = tmp_path / "feeds.opml"
    path.write_text(
        "<opml version='2.0'><body><outline text='Local'><outline text='Gazette' xmlUrl='http://g.invalid/rss'/>"
        "<outline text='Harbour'><outline text='Tides' xmlUrl='http://t.invalid/rss'/></outline></outline>"
        "<outline text='Wire' xmlUrl='http://w.invalid/rss'/></body></opml>",
        encoding="utf-8",
    )
    assert updates.import_opml(library, str(path)) == 3
    assert {f.title: f.folder for f in library.feeds()} == {"Gazette": "Local", "Tides": "Local / Harbour", "Wire": ""}
    written = tmp_path / "out.opml"
    written.write_text(updates.export_opml(library), encoding="utf-8")
    assert sorted(read_opml(written), key=lambda f: f.url) == [
        OpmlFeed("http://g.invalid/rss", "Gazette", "Local"),
        OpmlFeed("http://t.invalid/rss", "Tides", "Local / Harbour"),
        OpmlFeed("http://w.invalid/rss", "Wire", ""),
    ]
    assert write_opml([OpmlFeed("http://x.invalid/", "X", "A & B")]).count("<outline") == 2


def test_a_schema_2_library_with_data_is_migrated_without_loss(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "PRAGMA user_version = 2;")
    db.execute("INSERT INTO feeds (id, url, title, etag) VALUES (1, 'http://g.invalid/rss', 'Gazette', '\"v1\"')")
    rows = [
        (1, "http://g.invalid/1", "Linked story", "Linked text.", "h1"),
        (1, None, "Notice", "The quay is closed.", "h2"),
        (1, None, "Notice", "The quay is closed today.", "h3"),  # the same link-less item, stored twice
        (None, "http://saved.invalid/page", "Saved page", "Saved text.", "h4"),
    ]
    for feed_id, url, title, text, digest in rows:
        db.execute(
            "INSERT INTO articles (feed_id, url, source, title, text, text_hash, added_at) VALUES (?, ?, 'x', ?, ?, ?, 0)",
            (feed_id, url, title, text, digest),
        )
    db.execute("INSERT INTO read_state VALUES ('h1', 5)")
    db.execute("INSERT INTO analysis VALUES ('h1', 3, 2, 'key')")
    db.commit()
    db.close()
    library = Library(path)
    articles = {a.title: a for a in library.articles()}
    assert set(articles) == {"Linked story", "Notice", "Saved page"}
    assert articles["Linked story"].read and articles["Linked story"].guid == "http://g.invalid/1"
    assert articles["Notice"].text == "The quay is closed today." and articles["Notice"].id == 2
    assert articles["Saved page"].guid is None and articles["Saved page"].text == "Saved text."
    assert library.analysis("h1") == (3, 2, "key") and library.feeds()[0].etag == '"v1"'
    # the next refresh of that feed finds both entries already there
    stored = library.store_entries(
        1,
        [
            {"guid": "urn:g:1", "url": "http://g.invalid/1", "title": "Linked story", "text": "Linked text."},
            {"guid": "", "url": None, "title": "Notice", "text": "The quay is closed today."},
        ],
    )
    assert (stored.new, stored.updated) == (0, 0) and len(library.articles()) == 3
    assert library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_pages_are_fetched_at_most_four_at_once_per_site(web):
    for n in range(12):
        web.routes[f"/p{n}"] = Route(page("Pier", "Mayor Ruth Bell", "pier"), delay=0.1)
    pages = []
    fetch_pages([web.url(f"/p{n}") for n in range(12)], lambda index, got: pages.append(got))
    assert len(pages) == 12 and all(p.article is not None for p in pages)
    assert web.most_at_once == 4  # one site (127.0.0.1); 16 would be the limit across sites


def test_export_url_fetches_a_page_not_in_the_library_and_keeps_it(web, capsys):
    import json

    web.routes["/pier"] = Route(page("Pier reopens", "Mayor Ruth Bell", "new pier"))
    assert cli.main(["export", web.url("/pier"), "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["title"] == "Pier reopens"
    assert [s["name"] for s in exported["speakers"]] == ["Ruth Bell"]
    del web.routes["/pier"]  # gone from the web: the library's copy is exported
    assert cli.main(["export", web.url("/pier"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Pier reopens"
    assert web.hits["/pier"] == 1
    assert cli.main(["export", web.url("/never"), "--format", "json"]) == 2
    assert "HTTP 404" in capsys.readouterr().err


def test_refresh_piped_is_quiet_and_analyse_fills_the_counts(web, isolated_dirs):
    import os
    import subprocess
    import sys

    web.routes["/pier"] = Route(page("Pier reopens", "Mayor Ruth Bell", "new pier"))
    web.routes["/rss"] = Route(feed([("g1", web.url("/pier"), "Pier reopens", "The pier is back.")]), content_type=RSS)
    library = Library()
    library.add_feed(web.url("/rss"))
    library.close()
    result = subprocess.run(
        [sys.executable, "-m", "tui", "feeds", "refresh", "--analyse", "--workers", "1"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=300,
    )
    assert result.returncode == 0 and result.stderr == ""  # no progress bar when piped
    assert result.stdout.splitlines() == [
        "Harbour Gazette: 1 new; full text of 1",
        "analysed 1 articles (0 already in the cache, 0 failed)",
    ]
    (row,) = Library().rows()
    assert (row.quotes, row.speakers) == (1, 1)


def test_a_busy_server_is_left_alone_for_as_long_as_it_asks(web, capsys):
    from tui.sources.web import retry_after

    library = Library()  # the default library, which the command line below uses too
    web.routes["/rss"] = Route(feed([("g1", None, "Story", "Text.")]), content_type=RSS)
    updates.add_feed(library, web.url("/rss"), Config())
    web.routes["/rss"] = Route(b"", status=503, headers={"Retry-After": "120"})
    (busy,) = updates.refresh_feeds(library, config=Config())
    assert busy.error == f"{web.url('/rss')}: HTTP 503 Service Unavailable; the server asks to wait 120 s"
    hits = web.hits["/rss"]
    (waiting,) = updates.refresh_feeds(library, config=Config())  # within the two minutes: not asked again
    assert web.hits["/rss"] == hits and waiting.error is None and waiting.waiting_until is not None
    assert 100 < waiting.waiting_until - library.feeds()[0].refreshed_at <= 120
    library.close()
    assert cli.main(["feeds", "refresh"]) == 0
    assert "Harbour Gazette: not fetched: the server asked to wait until" in capsys.readouterr().out
    reopened = Library()
    reopened.update_feed(reopened.feeds()[0].id, retry_at=1.0)  # the time has come
    web.routes["/rss"] = Route(feed([("g1", None, "Story", "Text."), ("g2", None, "Next", "More.")]), content_type=RSS)
    (back,) = updates.refresh_feeds(reopened, config=Config())
    assert back.new == 1 and reopened.feeds()[0].retry_at is None
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0 and retry_after("soon") is None
    assert retry_after("999999") == 86_400.0
