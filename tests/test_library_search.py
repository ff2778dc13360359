"""The library analysed in the background and searched: a feed of summaries linking to
pages, on 127.0.0.1, analysed in a process pool; then search with filters."""

from __future__ import annotations

import pytest

from tests.test_feed_entries import RSS, feed
from tests.webserver import Route
from tui import cli, updates
from tui.documents import Engine
from tui.library_analysis import analyse_library
from tui.store import Library, LibraryError
from tui.store.config import Config
from tui.store.search import HIT_END, HIT_START, QueryError, SearchQuery, hit_spans, parse_query


def story(title: str, speaker: str, thing: str) -> bytes:
    body = f"The harbour board met on Tuesday to talk about the {thing} and the ferry timetable. " * 6
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p>"
        f"<p>“The {thing} will be ready by the spring,” said {speaker}, the harbour master.</p>"
        "</article></body></html>"
    ).encode()


def test_parse_query_quotes_every_word_and_reads_filters():
    query = parse_query('pier said:"Ruth Bell" about:ferry feed:Gazette AND')
    assert query.match == '"pier" AND speakers : "Ruth Bell" AND topics : "ferry" AND "AND"'
    assert query.feed == "Gazette" and query.words == ("pier", "Ruth Bell", "ferry", "AND")
    with pytest.raises(QueryError, match="needs a value"):
        parse_query("said:")
    with pytest.raises(QueryError, match="cannot read"):
        parse_query('"unclosed')
    assert hit_spans(f"the {HIT_START}pier{HIT_END} and") == ("the pier and", [(4, 8)])


def serve_two_stories(web) -> None:
    """A summary-only feed of two items whose links are whole articles, each with a speaker."""
    web.routes["/pier"] = Route(story("Pier reopens", "Ruth Bell", "new pier"))
    web.routes["/lock"] = Route(story("Lock repaired", "Sam Ito", "canal lock"))
    web.routes["/rss"] = Route(
        feed(
            [
                ("g1", web.url("/pier"), "Pier reopens", "The pier is back."),
                ("g2", web.url("/lock"), "Lock repaired", "The lock works again."),
            ]
        ),
        content_type=RSS,
    )


@pytest.fixture
def analysed_library(web, tmp_path):
    serve_two_stories(web)
    library = Library()
    updates.add_feed(library, web.url("/rss"), Config())
    assert all(row.quotes is None for row in library.rows())
    seen = []
    result = analyse_library(library, Engine(), workers=1, progress=lambda done, total: seen.append((done, total)))
    assert (result.done, result.failed) == (2, 0) and seen[0] == (0, 2) and seen[-1] == (2, 2)
    yield library
    library.close()


def test_a_refreshed_library_is_analysed_and_searchable(analysed_library, capsys, monkeypatch):
    library = analysed_library
    counts = {row.title: (row.quotes, row.speakers) for row in library.rows()}
    assert counts == {"Pier reopens": (1, 1), "Lock repaired": (1, 1)}
    # the pages' quotes, not the summaries', are in the parse cache
    engine = Engine()
    pier = next(a for a in library.articles() if a.title == "Pier reopens")
    document = engine.cached(updates.as_article(pier))
    assert document is not None and document.speakers[0].name == "Ruth Bell"
    assert [document.quote_text(q) for q in document.quotes] == ["The new pier will be ready by the spring"]
    # a second pass has nothing to do
    assert analyse_library(library, engine, workers=1).done == 0
    # search: speaker filter, words, feed filter
    (hit,) = library.search(parse_query('said:"Ruth Bell"'))
    assert hit.title == "Pier reopens"
    assert [h.title for h in library.search(parse_query("canal"))] == ["Lock repaired"]
    assert library.search(parse_query("canal feed:Nowhere")) == []
    assert len(library.search(parse_query("feed:Gazette"))) == 2
    assert f"{HIT_START}canal{HIT_END}" in library.search(parse_query("canal"))[0].snippet
    monkeypatch.setenv("COLUMNS", "200")
    assert cli.main(["search", "said:Ito"]) == 0
    out = capsys.readouterr().out
    assert "Lock repaired" in out and "Pier reopens" not in out and HIT_START not in out
    assert cli.main(["search", "zeppelin"]) == 1
    assert "nothing in the library matches 'zeppelin'" in capsys.readouterr().err
    assert cli.main(["search", 'said:"Bell']) == 2


def test_a_library_from_before_search_is_indexed_when_opened(tmp_path):
    import sqlite3

    from tui.store.library import MIGRATIONS

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "PRAGMA user_version = 2;")
    db.execute(
        "INSERT INTO articles (url, source, title, text, text_hash, added_at)"
        " VALUES ('http://t.invalid/1', 'x', 'Trams', 'The tram line opens in May.', 'h', 0)"
    )
    db.commit()
    db.close()
    library = Library(path)
    assert [h.title for h in library.search(parse_query("tram line"))] == ["Trams"]
    assert library.search(parse_query("tramway")) == []  # words are matched whole
    library.add_articles([{"text": "A new tram depot.", "title": "Depot", "url": "http://t.invalid/2"}])
    assert {h.title for h in library.search(parse_query("tram"))} == {"Trams", "Depot"}
    with pytest.raises(LibraryError, match="cannot search"):
        library.search(SearchQuery("NEAR("))


async def test_the_app_analyses_the_library_after_a_refresh_with_a_progress_bar(web, tmp_path):
    from textual.widgets import ProgressBar

    from tui.app.app import NewsreaderApp
    from tui.app.screens.library import LibraryScreen
    from tui.app.screens.speakers import SpeakersScreen

    serve_two_stories(web)
    library = Library()
    library.add_feed(web.url("/rss"))
    library.close()
    (tmp_path / "empty").mkdir()
    app = NewsreaderApp(tmp_path / "empty")
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        shown = []
        original = screen._analysis_progress

        def watched(done, total):
            original(done, total)
            shown.append((done, total, screen.query_one(ProgressBar).display))

        screen._analysis_progress = watched
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()  # the analysis worker, started when the refresh ended
        await pilot.pause()
        assert shown[0] == (0, 2, True) and shown[-1][:2] == (2, 2)
        assert not screen.query_one(ProgressBar).display
        counts = {e.title: (e.quotes, e.speakers) for e in screen.entries.values()}
        assert counts == {"Pier reopens": (1, 1), "Lock repaired": (1, 1)}
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, SpeakersScreen)
        assert {h.name for h in app.screen.heard} == {"Ruth Bell", "Sam Ito"}
        assert "2 of 2 articles analysed" in app.screen.sub_title


async def test_slash_also_searches_the_opened_folder_s_files(tmp_path, analyzer):
    """A folder's files are not stored in the library, yet `/` finds them: by their words at once,
    by their speakers once analysed, and Enter opens the file with the word found."""
    from tui.app.app import NewsreaderApp
    from tui.app.screens.article import ArticleScreen
    from tui.app.screens.search import SearchScreen

    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "pier.txt").write_text(
        "Pier repairs\n\n“The pier will reopen in June,” said Ruth Bell, the harbour master.\n", encoding="utf-8"
    )
    (folder / "bins.txt").write_text("Bin rounds\n\nBins will be collected on Tuesdays from March.\n", encoding="utf-8")
    app = NewsreaderApp(folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        app.screen.run_search('said:"Ruth Bell"')
        assert app.screen.hits == []  # not analysed yet: no speakers to match
        app.screen.run_search("pier")
        assert [hit.title for hit in app.screen.hits] == ["Pier repairs"]
        await pilot.press("escape")
        app.engine.analyse(app.screen.entries["file:" + str(folder / "pier.txt")].load())  # cached now
        await pilot.press("slash")
        app.screen.run_search('said:"Ruth Bell" reopen')
        assert [hit.title for hit in app.screen.hits] == ["Pier repairs"]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and app.screen.article.title == "Pier repairs"
        assert app.screen.needle == "Ruth Bell"  # the first searched words the text holds
