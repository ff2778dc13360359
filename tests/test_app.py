"""The reader driven with Pilot: every key path a user takes."""

import pytest

from tests.pilot import SEEDS, open_seed
from tui.app.app import NewsreaderApp
from tui.app.screens.article import ArticleScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.library import LibraryScreen
from tui.app.widgets.article_view import ArticleView, wrap
from tui.app.widgets.quote_list import QuoteList


async def test_library_lists_the_seed_and_opens_it(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert len(app.screen.entries) == 1
        screen = await open_seed(pilot)
        assert len(screen.document.quotes) == 23
        assert len(screen.document.speakers) == 5
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        # counts now shown, and the article is read
        listing = app.screen.query_one("LibraryList")
        assert "1 article · 0 unread" in listing.row_plain(0)[0]
        assert listing.row_plain(1)[4:] == ["23", "5"]
        assert listing.row_plain(1)[0].strip() == ""
        await pilot.press("m")  # back to unread
        assert listing.row_plain(1)[0] == "●"


async def test_choosing_a_quote_scrolls_the_article_to_it(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_seed(pilot)
        quotes = screen.query_one(QuoteList)
        target = next(
            q for q in screen.document.quotes if screen.document.quote_text(q) == "You have to have a deterrent."
        )
        quotes.focus()
        quotes.select_quote(target.id)
        await pilot.press("enter")
        await pilot.pause()
        view = screen.query_one(ArticleView)
        line = view.line_of(target.start)
        assert view.scroll_y <= line < view.scroll_y + view.size.height
        assert view.scroll_y > 0
        assert view.selected == (target.start, target.end)
        detail = str(screen.query_one("#stance-detail").render())
        assert (
            detail
            == "why: quotation running on from the paragraph before; Robert Jenrick (same speaker as the quote before)"
        )


async def test_panes_cycle_with_tab(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_seed(pilot)
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            seen.append(app.focused.id)
        assert set(seen) == {"quotes", "article", "stances"}


async def test_next_quote_and_speaker_filter(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_seed(pilot)
        # q1 is highlighted in the quote list from the start, so the first ] goes to q2
        await pilot.press("right_square_bracket")
        assert screen.document.quotes[screen.current_quote].id == "q2"
        await pilot.press("right_square_bracket", "left_square_bracket", "left_square_bracket")
        assert screen.document.quotes[screen.current_quote].id == "q1"
        await pilot.press("s")
        quotes = screen.query_one(QuoteList)
        first = screen.document.speakers[0]
        assert quotes.speaker_filter == first.id
        assert quotes.shown and all(q.speaker == first.id for q in quotes.shown)
        for _ in range(len(screen.document.speakers)):
            await pilot.press("s")
        assert quotes.speaker_filter is None and len(quotes.shown) == 23


async def test_find_highlights_every_hit_and_steps_through_them(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_seed(pilot)
        await pilot.press("slash")
        await pilot.press(*"rwanda", "enter")
        await pilot.pause()
        text = screen.document.text
        assert len(screen.hits) == text.lower().count("rwanda") == 8
        assert all(text[a:b].lower() == "rwanda" for a, b in screen.hits)
        await pilot.press("n", "n", "N")
        assert screen.current_hit == 1
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_help_opens_and_closes_and_q_quits(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("q")
    assert app.return_code == 0


async def test_markup_and_escapes_in_an_article_are_shown_literally(tmp_path, analyzer):
    article = tmp_path / "hostile.txt"
    article.write_text(
        "[bold]Not bold[/bold] and [@click=app.quit]click me[/] and [link=http://x]link[/link]\n"
        "Mr Tom Vane said: “\x1b[31mred\x1b[0m is [b]fine[/b].”\n",
        encoding="utf-8",
    )
    app = NewsreaderApp(article)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert "\x1b" not in screen.document.text
        view = screen.query_one(ArticleView)
        shown = " ".join(view.render_line(y).text.strip() for y in range(6))
        assert (
            "[bold]Not bold[/bold]" in shown
            and "[@click=app.quit]click" in shown
            and "[link=http://x]link[/link]" in shown
        )
        await pilot.click(ArticleView, offset=(25, 1))
        await pilot.pause()
        assert app.is_running
        quotes = screen.query_one(QuoteList)
        assert [screen.document.quote_text(q) for q in quotes.shown] == ["[31mred[0m is [b]fine[/b]."]


async def test_a_broken_config_gives_a_notice_and_defaults(isolated_dirs):
    (isolated_dirs / "config" / "config.toml").write_text("theme = [unclosed", encoding="utf-8")
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.config.problem
        assert any("defaults" in str(n.message) for n in app._notifications)
        assert isinstance(app.screen, LibraryScreen)


async def test_a_corrupt_cache_entry_is_rebuilt(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_seed(pilot)
        key = app.engine.key(screen.article)
        app.engine.cache.path(key).write_text("{broken", encoding="utf-8")
        assert app.engine.cached(screen.article) is None
        assert not app.engine.cache.path(key).exists()
        assert len(app.engine.analyse(screen.article).quotes) == 23


def test_wrap_breaks_at_spaces_and_never_overflows():
    text = "one two three four five six seven eight nine ten\nsecond paragraph here"
    paragraphs = [(0, 48), (49, 70)]
    lines = wrap(text, paragraphs, 12)
    for span in lines:
        if span:
            assert len(text[span[0] : span[1]].rstrip()) <= 12
    assert None in lines
    assert "".join(text[s:e] for s, e in [line for line in lines if line]).replace("\n", "") == text.replace("\n", "")


@pytest.mark.parametrize("bad", ["missing.txt", "empty.txt"])
def test_cli_open_refuses_bad_input_without_a_traceback(tmp_path, bad):
    import subprocess
    import sys

    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "tui", str(tmp_path / bad)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and bad in result.stderr


def test_a_cached_article_opens_without_importing_spacy(tmp_path, isolated_dirs):
    import subprocess
    import sys

    article = tmp_path / "cached.txt"
    article.write_text("Ms Ida Moor said: “The lock gates are fixed.”\n", encoding="utf-8")
    code = f"""
import asyncio, sys
from pathlib import Path
from tui.app.app import NewsreaderApp
from tui.documents import Engine
from tui.model import Document, Quote, Speaker
from tui.sources import load_article

article = load_article({str(article)!r})
engine = Engine()
text = article.text
document = Document(text=text, title=article.title, source=article.source, paragraphs=[(0, len(text) - 1)],
    speakers=[Speaker(id="s1", name="Ida Moor", kind="person", mentions=[(0, 7)])],
    quotes=[Quote(id="q1", start=19, end=43, kind="direct", speaker="s1", speaker_span=(0, 7), cue_span=(8, 12))])
engine.cache.save(engine.key(article), document)

async def main():
    app = NewsreaderApp(Path({str(article)!r}))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        print(app.screen.analysed, len(app.screen.document.quotes), "spacy" in sys.modules)

asyncio.run(main())
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "1", "False"]


async def test_stances_show_in_the_sidebar_and_jump_to_their_evidence(analyzer):
    from tui.app.screens.stance_grid import StanceGridScreen
    from tui.app.widgets.stance_panel import StancePanel

    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_seed(pilot)
        document = screen.document
        jenrick = next(s for s in document.speakers if s.name == "Robert Jenrick")
        deterrent = next(t for t in document.topics if "deterrent" in t.label)
        stance = next(s for s in document.stances if s.speaker == jenrick.id and s.topic == deterrent.id)
        assert stance.label == "favor"
        panel = screen.query_one(StancePanel)
        panel.focus()
        index = next(
            i
            for i in range(panel.option_count)
            if panel.get_option_at_index(i).id == f"stance:{document.stances.index(stance)}"
        )
        panel.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        evidence = next(q for q in document.quotes if q.id == stance.evidence[0])
        assert screen.query_one(ArticleView).selected == (evidence.start, evidence.end)
        assert "have to have a deterrent" in str(screen.query_one("#stance-detail").render())
        # the grid: speakers down, topics across; enter on a cell jumps to its evidence
        await pilot.press("v")
        assert isinstance(app.screen, StanceGridScreen)
        grid = app.screen.query_one("DataTable")
        assert grid.row_count == len(document.speakers)
        assert len(grid.columns) == len(document.topics) + 1
        (row, column), first = next(iter(app.screen.cells.items()))
        grid.cursor_coordinate = (row, column)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert screen.document.quotes[screen.current_quote].id == first.evidence[0]


async def test_palette_open_file_and_export_json(tmp_path, analyzer, monkeypatch):
    from tui.app.screens.open_file import OpenFileScreen

    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story.txt"
    story.write_text("Ms Ada Byrne said: “The museum will open on Sunday.”\n", encoding="utf-8")
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.action_open_file()
        await pilot.pause()
        assert isinstance(app.screen, OpenFileScreen)
        await pilot.press(*str(tmp_path / "missing.txt"), "enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)  # a bad path: a notice, nothing opened
        app.action_open_file()
        await pilot.pause()
        await pilot.press(*str(story), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.document.speakers[0].name == "Ada Byrne"
        app.action_export_json()
        exported = tmp_path / "story.newsreader.json"
        assert exported.exists()
        from tui.model import Document

        assert Document.from_json(exported.read_text(encoding="utf-8")).quotes[0].speaker == "s1"


async def test_library_groups_feeds_refreshes_and_lists_speakers_across_articles(web, analyzer):
    from tests.test_sources import rss
    from tests.webserver import Route
    from tui import updates
    from tui.app.screens.speakers import SpeakerQuotesScreen, SpeakersScreen
    from tui.store import Library

    web.routes["/rss"] = Route(rss(2), content_type="application/rss+xml")
    import asyncio

    library = Library()
    await asyncio.to_thread(updates.add_feed, library, web.url("/rss"))  # blocking code, off the test's loop
    library.close()
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("LibraryList")
        headings = [listing.row_plain(i)[0] for i, row in enumerate(listing.rows) if row.key is None]
        assert any("Harbour News" in h and "2 articles · 2 unread" in h for h in headings)
        # a third story appears; r fetches it
        web.routes["/rss"] = Route(rss(3), content_type="application/rss+xml")
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(
            "3 articles · 3 unread" in listing.row_plain(i)[0] for i, row in enumerate(listing.rows) if row.key is None
        )
        # read two articles (the seed and one story), then look at speakers across them
        await open_seed(pilot)
        await pilot.press("escape")
        listing.cursor = next(
            i for i, row in enumerate(listing.rows) if row.key and listing.row_plain(i)[1] == "Story 0"
        )
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.document.speakers[0].name == "Ruth Bell"
        await pilot.press("escape")
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, SpeakersScreen)
        names = [h.name for h in app.screen.heard]
        assert names[0] == "Keir Starmer" and "Ruth Bell" in names
        app.screen.query_one("DataTable").move_cursor(row=names.index("Ruth Bell"))
        await pilot.press("enter")
        assert isinstance(app.screen, SpeakerQuotesScreen)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.current_quote == 0


async def test_config_sets_the_theme_and_overrides_keys(isolated_dirs):
    (isolated_dirs / "config" / "config.toml").write_text(
        'theme = "nord"\n[keys]\nnext_theme = "ctrl+t"\n', encoding="utf-8"
    )
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.theme == "nord" and not app.config.problem
        from tui.app.app import THEMES

        await pilot.press("ctrl+t")  # the configured key for next_theme
        assert app.theme == THEMES[(THEMES.index("nord") + 1) % len(THEMES)]
        await pilot.press("t")  # the configured key replaces the default one
        assert app.theme == THEMES[(THEMES.index("nord") + 1) % len(THEMES)]


async def test_the_article_rewraps_when_the_terminal_is_resized(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await open_seed(pilot)
        view = screen.query_one(ArticleView)
        wide = view.virtual_size.height
        await pilot.resize_terminal(90, 40)
        await pilot.pause()
        await pilot.pause()
        narrow = view.virtual_size.height
        assert narrow > wide
        width = view.scrollable_content_region.width
        assert all(len(view.render_line(y).text.rstrip()) <= width for y in range(view.size.height))
        assert screen.has_class("-narrow") and not screen.query_one("#sidebar").display
