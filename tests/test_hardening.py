"""Issue 17: nothing from outside reaches the terminal, no input exhausts the machine, no crash exits 0.

Every server runs on 127.0.0.1 (tests/webserver.py, or a raw socket where HTTP itself must be
broken). Each test asserts what a person would see: the one-line message, the exit status, no raw
control character in any output, and the library left intact.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_sources import rss
from tests.webserver import Route
from tui import cli, updates
from tui.sanitize import visible
from tui.sources import SourceError, load_article
from tui.sources.feeds import parse_feed
from tui.store import Library

STORY = "Ms Ada Byrne said: “The museum will open on Sunday.”\n"


def controls(text: str) -> list[str]:
    """The control characters (C0 other than newline, DEL, C1) and bidi overrides in some output."""
    return [c for c in text if (unicodedata.category(c) == "Cc" and c != "\n") or c in "\u202a\u202b\u202d\u202e"]


def newsreader(*args, dirs: Path, stdout=subprocess.PIPE, cwd=None):
    env = dict(os.environ)
    for name in ("CACHE", "DATA", "CONFIG"):
        env[f"NEWSREADER_{name}_DIR"] = str(dirs / name.lower())
    env["COLUMNS"] = "200"
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=300, cwd=cwd
    )


def text_of(result) -> tuple[str, str]:
    out = result.stdout.decode("utf-8", "replace") if isinstance(result.stdout, bytes) else ""
    return out, result.stderr.decode("utf-8", "replace")


@contextlib.contextmanager
def raw_server(answer):
    """A TCP server on 127.0.0.1 that hands every connection to `answer(connection)`."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()

    def serve():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=_answer, args=(answer, connection), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/"
    finally:
        stop.set()
        thread.join()
        server.close()


def _answer(answer, connection):
    with contextlib.suppress(OSError), connection:
        connection.recv(65536)
        answer(connection)


def osc_reason(connection):
    connection.sendall(b"HTTP/1.1 500 x\x1b]0;PWNED\x07\r\nContent-Length: 0\r\n\r\n")


# --- escapes never reach the terminal ------------------------------------------------------
def test_a_reason_phrase_with_an_escape_is_shown_escaped_and_stored_escaped(isolated_dirs):
    with raw_server(osc_reason) as url:
        added = newsreader("feeds", "add", url, dirs=isolated_dirs)
        out, err = text_of(added)
        assert added.returncode == 2
        assert controls(out + err) == []
        assert f"newsreader: {url}: HTTP 500 x\\x1b]0;PWNED\\x07" in err
        # a feed that was fine once and then answers with the escape: the stored error is escaped
        library = Library()
        library.add_feed(url, "Harbour")
        library.close()
        refreshed = newsreader("feeds", "refresh", dirs=isolated_dirs)
    assert refreshed.returncode == 2 and controls("".join(text_of(refreshed))) == []
    assert "\x1b" not in Library().feeds()[0].error and "\\x1b]0;PWNED" in Library().feeds()[0].error
    listed = newsreader("feeds", "list", dirs=isolated_dirs)
    out, err = text_of(listed)
    assert listed.returncode == 0 and controls(out + err) == [] and "\\x1b]0;PWNED" in out


def test_a_file_name_with_an_escape_is_shown_escaped(isolated_dirs, tmp_path):
    path = tmp_path / "a\x1b]0;PWNED\x07.txt"
    path.write_text('"Hi," said Bob.\n', encoding="utf-8")
    missing = tmp_path / "gone\x9b31m.txt"
    result = newsreader("analyze", str(path), str(missing), dirs=isolated_dirs)
    out, err = text_of(result)
    assert controls(out + err) == []
    assert "a\\x1b]0;PWNED\\x07.txt" in out  # the table's title
    assert "gone\\x9b31m.txt: no such file" in err
    assert result.returncode == 2


def test_c1_controls_in_opml_and_feeds_are_escaped_everywhere(isolated_dirs, tmp_path, web):
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        f"<opml version='2.0'><body><outline title='Title\u009b2J\u009d0;x\u009c' xmlUrl='{web.url('/rss')}'/>"
        "<outline title='Two' xmlUrl='http://two.invalid/\u009b2J'/></body></opml>",
        encoding="utf-8",
    )
    web.routes["/rss"] = Route(
        rss(1).replace(b"http://example.invalid/story/0", "http://x.invalid/\u009b2J".encode()),
        content_type="application/rss+xml",
    )
    outputs = [newsreader("feeds", "import", str(opml), dirs=isolated_dirs)]
    outputs += [newsreader(*command, dirs=isolated_dirs) for command in (["feeds", "refresh"], ["feeds", "list"])]
    outputs += [newsreader("feeds", "export", dirs=isolated_dirs), newsreader("articles", dirs=isolated_dirs)]
    for result in outputs:
        assert controls("".join(text_of(result))) == []
    listing = text_of(outputs[2])[0]
    assert "Title\\x9b2J\\x9d0;x\\x9c" in listing
    assert "http://two.invalid/\\x9b2J" in text_of(outputs[3])[0]
    assert controls(Library().articles()[0].url) == []  # feedparser reads U+009B as cp1252's '›'; either way no control


names = st.one_of(st.text(), st.binary(max_size=60).map(os.fsdecode))


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(file_name=names, reason=names, title=names, url=names, author=names)
def test_no_outside_string_puts_a_control_character_on_stdout_or_stderr(
    capsys, tmp_path, file_name, reason, title, url, author
):
    from tui.model import Document, Quote, Speaker

    library = Library(Path(":memory:"))
    feed = library.add_feed(url, title)
    library.update_feed(feed.id, error=f"{url}: HTTP 500 {reason}")
    library.add_articles([{"feed_id": feed.id, "url": url, "title": title, "author": author, "text": "x"}])
    cli._error(str(SourceError(f"{file_name}: is empty")))
    cli._print_feeds(library)
    text = f"{title} said: “{reason}”"
    cli._print_tables(
        [
            Document(
                text=text,
                source=file_name,
                speakers=[Speaker("s1", author)],
                quotes=[Quote("q1", len(title) + 8, len(text) - 1, "direct", "s1")],
            )
        ]
    )
    cli._out(updates.export_opml(library))
    cli._out_json(json.dumps({"source": file_name, "title": title}, ensure_ascii=False))
    captured = capsys.readouterr()
    assert controls(captured.out + captured.err) == []
    assert not any("\ud800" <= c <= "\udfff" for c in captured.out + captured.err)


def test_the_app_shows_notices_and_sources_escaped():
    from tui.app.screens.library import LibraryScreen

    assert visible("a\x1b]0;x\x07") == "a\\x1b]0;x\\x07"
    entry = type(
        "Entry", (), {"read": False, "title": "t\x9b", "source": "s\x1b", "date": "", "quotes": 1, "speakers": 2}
    )
    cells = LibraryScreen._cells(None, entry)
    assert [c.plain for c in cells[1:3]] == ["t\\x9b", "s\\x1b"]


# --- crashes and exit statuses --------------------------------------------------------------
def fill_library(count: int = 300) -> Path:
    library = Library()
    feed = library.add_feed("http://example.invalid/rss", "Harbour")
    library.add_articles(
        {"feed_id": feed.id, "url": f"http://example.invalid/{n}", "title": f"Story {n}", "text": f"Text {n} " * 50}
        for n in range(count)
    )
    path = library.path
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    return path


def test_a_damaged_library_names_the_file_and_how_to_recover(isolated_dirs, web):
    web.routes["/rss"] = Route(rss(30), content_type="application/rss+xml")
    path = fill_library()
    library = Library()
    library.add_feed(web.url("/rss"), "Valley")
    library.close()
    with path.open("r+b") as file:  # three interior pages overwritten
        for page in (3, 4, 5):
            file.seek(page * 4096)
            file.write(b"\xa5" * 4096)
    for command in (["feeds", "list"], ["articles"], ["feeds", "refresh"]):
        result = newsreader(*command, dirs=isolated_dirs)
        err = text_of(result)[1]
        assert result.returncode == 2, (command, err)
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
        assert str(path) in err and ".recover" in err and "move the file aside" in err


def test_the_app_exits_non_zero_after_a_crash():
    from tui.app.app import NewsreaderApp

    class Crashing(NewsreaderApp):
        def on_mount(self):
            raise RuntimeError("boom")

    assert cli._run_app(Crashing(cli.bundled_seeds()), headless=True) == 1


def test_the_app_survives_a_damaged_library(isolated_dirs):
    import asyncio

    from tui.app.app import NewsreaderApp

    path = fill_library()
    with path.open("r+b") as file:
        file.seek(3 * 4096)
        file.write(b"\xa5" * 3 * 4096)

    async def run():
        app = NewsreaderApp(cli.bundled_seeds())
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            return [n.message for n in app._notifications]

    notices = asyncio.run(run())
    assert any(".recover" in notice and str(path) in notice for notice in notices)


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a read-only folder needs root here")
def test_a_read_only_library_can_still_be_listed(isolated_dirs, tmp_path):
    fill_library(5)
    data = isolated_dirs / "data"
    mounted = subprocess.run(["mount", "--bind", "-o", "ro", str(data), str(data)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot bind-mount here")
    try:
        listed = newsreader("articles", dirs=isolated_dirs)
        feeds = newsreader("feeds", "list", dirs=isolated_dirs)
        refreshed = newsreader("feeds", "add", "http://127.0.0.1:9/rss", dirs=isolated_dirs)
    finally:
        subprocess.run(["umount", str(data)], check=True)
    assert listed.returncode == 0 and "Story 4" in text_of(listed)[0]
    assert feeds.returncode == 0 and "Harbour" in text_of(feeds)[0]
    assert refreshed.returncode == 2 and "Traceback" not in text_of(refreshed)[1]


def test_a_full_disk_says_so_and_the_library_stays_intact(web, tmp_path, monkeypatch, capsys):
    web.routes["/rss"] = Route(rss(40), content_type="application/rss+xml")
    library = Library()
    library.add_feed(web.url("/rss"), "Harbour")
    library.add_articles([{"url": "http://example.invalid/kept", "title": "Kept", "text": "kept text"}])
    library.close()
    opened = Library.__init__

    def full_disk(self, *args, **kwargs):  # SQLite's own 'database or disk is full', from a page limit
        opened(self, *args, **kwargs)
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        self.db.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(Library, "__init__", full_disk)
    status = cli.main(["feeds", "refresh"])
    err = capsys.readouterr().err
    assert status == 2
    assert "the disk is full; nothing was changed" in err and "rollback" not in err
    monkeypatch.setattr(Library, "__init__", opened)
    library = Library()
    assert [a.title for a in library.articles()] == ["Kept"]
    assert library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize(
    "payload",
    [
        b"\xff\xfe{not utf-8",
        b"[" * 100_000 + b"]" * 100_000,
        None,
        b'{"schema": 1, "text": "ab", "paragraphs": [[0, 99]]}',
    ],
    ids=["invalid-utf8", "deep-json", "text-null", "span-outside"],
)
def test_a_corrupt_cache_entry_is_dropped_and_rebuilt(tmp_path, payload):
    from tui.documents import Engine
    from tui.model import Document
    from tui.sources import Article
    from tui.store import ParseCache

    cache = ParseCache(tmp_path / "parses")
    engine = Engine(cache=cache)
    article = Article(text=STORY, title="t", source="museum.txt")
    key = engine.key(article)
    cache.folder.mkdir(parents=True)
    if payload is None:
        payload = Document(text="x").to_json().replace('"text": "x"', '"text": null').encode()
    cache.path(key).write_bytes(payload)
    assert engine.cached(article) is None
    assert not cache.path(key).exists()
    document = engine.analyse(article)
    assert [document.quote_text(q) for q in document.quotes] == ["The museum will open on Sunday."]
    assert engine.cached(article).text == STORY


def test_an_unwritable_cache_keeps_the_finished_analysis(isolated_dirs, tmp_path):
    story = tmp_path / "museum.txt"
    story.write_text(STORY, encoding="utf-8")
    (isolated_dirs / "cache").rmdir()
    (isolated_dirs / "cache").write_text("a file where the cache folder should be")
    result = newsreader("export", str(story), "--format", "json", dirs=isolated_dirs)
    out, err = text_of(result)
    assert result.returncode == 0, err
    assert json.loads(out)["quotes"][0]["text"] == "The museum will open on Sunday."


@pytest.mark.parametrize(
    "number, message",
    [
        ("²", "write an article number with the digits 0-9"),
        ("٣", "write an article number with the digits 0-9"),
        ("１", "write an article number with the digits 0-9"),
        ("99999999999999999999", "no such article number"),
        ("0", "no such article number"),
        ("7", "7: not in the library"),
    ],
)
def test_article_numbers_are_ascii_digits_and_range_checked(capsys, number, message):
    assert cli.main(["export", number]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


@pytest.mark.parametrize("command", [["feeds", "list"], ["articles"], ["feeds", "export"]])
def test_stdout_to_a_full_device_is_one_message_and_non_zero(isolated_dirs, command):
    fill_library(50)
    with open("/dev/full", "w") as full:
        result = newsreader(*command, dirs=isolated_dirs, stdout=full)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.strip() == "newsreader: cannot write the output (No space left on device)"


def test_analyze_to_a_full_device(isolated_dirs, tmp_path):
    story = tmp_path / "museum.txt"
    story.write_text(STORY, encoding="utf-8")
    with open("/dev/full", "w") as full:
        result = newsreader("analyze", str(story), dirs=isolated_dirs, stdout=full)
    assert result.returncode == 2
    assert result.stderr.decode().strip() == "newsreader: cannot write the output (No space left on device)"


# --- bounded work -----------------------------------------------------------------------------
def test_a_budget_analyses_part_of_a_huge_text_and_says_so(analyzer):
    from tui.analysis.engine import Analyzer, Budget

    small = Analyzer.__new__(Analyzer)
    small.__dict__.update(analyzer.__dict__, budget=Budget(characters=2_000, paragraphs=40, quote_marks=30))
    line = "“The pier will reopen in May,” Mayor Ruth Bell said.\n"
    text = line * 200
    document = small.analyze(text)
    assert document.text == text  # the whole article is still there to read
    assert document.partial.startswith("only the first") and "per article" in document.partial
    assert 0 < len(document.quotes) <= 15 and all(q.end <= 2_000 for q in document.quotes)
    assert document.quote_text(document.quotes[0]) == "The pier will reopen in May"
    marks = small.analyze("“" * 10_000 + " Mayor Ruth Bell said.\n")
    assert "30 quote marks" in marks.partial and marks.quotes == []


def test_quote_marks_with_nothing_in_them_are_no_quote():
    from tui.analysis.attribution.marks import find_quotes, paragraph_spans

    for text in ("“”", '"" and ""', "“‘’”", "“" * 5_000 + "”" * 5_000, '"ab" ' * 5_000):
        quotes = find_quotes(text, paragraph_spans(text))
        assert all(any(c.isalnum() for c in text[q.start : q.end]) for q in quotes)
    text = '"ab" ' * 5_000
    assert len(find_quotes(text, paragraph_spans(text))) == 5_000


def test_a_long_text_is_parsed_in_pieces_with_the_same_offsets(analyzer):
    from tui.analysis.pipeline import CHUNK_CHARACTERS

    filler = "The council met again on Tuesday to discuss the budget for the harbour.\n"
    text = filler * (CHUNK_CHARACTERS // len(filler) + 5) + "Mayor Ruth Bell said: “The pier will reopen.”\n"
    document = analyzer.analyze(text)
    assert document.partial == ""
    (quote,) = document.quotes
    assert document.quote_text(quote) == "The pier will reopen."
    assert document.speaker(quote.speaker).name == "Ruth Bell"


def test_one_failing_article_never_hides_the_others(analyzer, monkeypatch):
    from tui.sources import Article

    build = type(analyzer)._build

    def failing(self, article, *args):
        if article.source == "bad":
            raise ValueError("a rule broke")
        return build(self, article, *args)

    monkeypatch.setattr(type(analyzer), "_build", failing)
    failures = []
    articles = [Article(STORY, "", source) for source in ("one", "bad", "two")]
    documents = list(analyzer.analyze_many(articles, on_error=lambda a, e: failures.append((a.source, str(e)))))
    assert [d.source for d in documents] == ["one", "two"]
    assert failures == [("bad", "a rule broke")]


def test_a_page_of_a_hundred_thousand_paragraphs_is_read_in_part(tmp_path):
    page = tmp_path / "long.html"
    paragraphs = "".join(f"<p>Short paragraph {n} of the page.</p>" for n in range(100_000))
    page.write_text(f"<html><head><title>Long</title></head><body><article>{paragraphs}</article></body></html>")
    article = load_article(page)
    assert article.partial.startswith("only the first 10,000 of the page's")
    assert "Short paragraph 0 of the page." in article.text


# --- network ---------------------------------------------------------------------------------------
def trickle(connection):
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 500\r\n\r\n")
    for _ in range(500):
        connection.sendall(b" ")
        time.sleep(0.1)


def test_a_trickling_server_meets_a_total_deadline():
    from tui.sources.web import fetch

    with raw_server(trickle) as url, pytest.raises(SourceError, match=r"no complete answer within 1 s"):
        fetch(url, deadline=1.0)


def test_a_slow_feed_holds_back_no_other(web, monkeypatch):
    from tui.sources import feeds

    web.routes["/good"] = Route(rss(2, "Good"), content_type="application/rss+xml")
    library = Library()
    with raw_server(trickle) as slow:
        library.add_feed(slow, "Slow")
        library.add_feed(web.url("/good"), "Good")
        monkeypatch.setattr(feeds, "REFRESH_DEADLINE", 3.0)
        seen_while_slow_ran = []
        worker = threading.Thread(target=lambda: seen_while_slow_ran.append(updates.refresh_feeds(library)))
        worker.start()
        reader = Library()
        for _ in range(100):  # the good feed's articles are kept while the slow one still trickles
            if reader.articles():
                break
            time.sleep(0.05)
        kept_early = len(reader.articles())
        worker.join()
    assert kept_early == 2
    by_title = {r.feed.title: r for r in seen_while_slow_ran[0]}
    assert by_title["Good"].new == 2
    assert by_title["Slow"].error == f"{slow}: not fetched within the refresh's 3 s"


@pytest.mark.parametrize("entity", [b"&", b"&nbsp;"])
def test_a_feed_with_a_bare_ampersand_or_html_entity_is_read(entity):
    body = rss(2).replace(b"Story 1", b"Fish " + entity + b" Chips")
    items = parse_feed(body, "feed")[1]
    assert [i.title for i in items] == ["Story 0", "Fish & Chips" if entity == b"&" else "Fish \xa0 Chips"]


def test_entity_declarations_are_still_refused():
    xxe = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>T &x;</title><item><title>A & &x;</title></item></channel></rss>'
    with pytest.raises(SourceError, match="not a valid RSS or Atom feed"):
        parse_feed(xxe, "feed")


def reset_mid_body(connection):
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 1000\r\n\r\n<rss>")
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    connection.close()


def test_a_connection_reset_mid_body_is_described():
    from tui.sources.feeds import refresh

    with raw_server(reset_mid_body) as url:
        (update,) = refresh([(url, None, None)])
    assert update.error == f"{url}: the server closed or reset the connection before the whole response arrived"


def test_a_redirect_to_a_file_url_names_the_target(web):
    from tui.sources.web import fetch_article

    web.routes["/r"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(SourceError) as caught:
        fetch_article(web.url("/r"))
    assert str(caught.value).startswith(web.url("/r") + ": redirected to file://")
    assert "/etc/passwd" in str(caught.value)


def test_utf16_with_a_bom_is_read_and_sizes_are_stated_exactly(tmp_path):
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(STORY.encode("utf-16"))
    assert load_article(utf16).text == STORY
    big = tmp_path / "big.txt"
    with big.open("wb") as file:
        file.truncate(21 * 1024 * 1024)
    with pytest.raises(SourceError, match=r"too large \(21 MB; the limit is 20 MB\)"):
        load_article(big)
    bigger = tmp_path / "bigger.txt"
    with bigger.open("wb") as file:
        file.truncate(20 * 1024 * 1024 + 300_000)
    with pytest.raises(SourceError, match=r"too large \(20.3 MB; the limit is 20 MB\)"):
        load_article(bigger)


def test_sqlite_errors_are_one_clear_line():
    from tui.store.library import problem

    full = sqlite3.OperationalError("database or disk is full")
    assert problem("/x/library.sqlite3", full).endswith(
        "the disk is full; nothing was changed (free some space and try again)"
    )
    damaged = sqlite3.DatabaseError("database disk image is malformed")
    assert "sqlite3 /x/library.sqlite3 .recover" in problem("/x/library.sqlite3", damaged)


def test_the_app_analyses_in_a_process_of_its_own(tmp_path):
    """spaCy and the rules run in a child: the app's own process never holds the GIL for them."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tui.documents import Engine\n"
        "from tui.sources import Article\n"
        "from tui.store import ParseCache\n"
        "if __name__ == '__main__':\n"
        f"    engine = Engine(cache=ParseCache(Path({str(tmp_path)!r})), separate_process=True)\n"
        f"    document = engine.analyse(Article({STORY!r}, 't', 's'))\n"
        "    print(document.quote_text(document.quotes[0]), 'spacy' in sys.modules)\n"
    )
    script = tmp_path / "run.py"
    script.write_text(code, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert result.stdout.strip() == "The museum will open on Sunday. False", result.stderr


async def test_a_failed_analysis_leaves_a_usable_screen_with_a_clear_notice(tmp_path, monkeypatch):
    from tui.app.app import NewsreaderApp
    from tui.app.widgets.stance_panel import StancePanel
    from tui.documents import Engine

    story = tmp_path / "museum.txt"
    story.write_text(STORY * 80, encoding="utf-8")

    def fails(self, article, on_progress=None):
        raise RuntimeError("the analysis broke \x1b]0;x\x07")

    monkeypatch.setattr(Engine, "analyse", fails)
    app = NewsreaderApp(story)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        panel = app.screen.query_one(StancePanel)
        assert panel.get_option_at_index(0).prompt.plain == "Not analysed: the text is shown as it is."
        assert app.screen.sub_title == "not analysed"
        (notice,) = [n for n in app._notifications if n.title == "Analysis failed"]
        assert notice.message == "the analysis broke \\x1b]0;x\\x07"
        await pilot.press("j", "G")  # the article still scrolls
        assert app.screen.query_one("ArticleView").scroll_y > 0
