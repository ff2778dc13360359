"""State the reader can see: filter, find position, one toast, the citation copied, first open."""

from tests.pilot import SEEDS, open_seed
from tui.app.app import NewsreaderApp
from tui.app.screens.article import ArticleScreen
from tui.app.screens.stance_grid import StanceGridScreen
from tui.app.widgets.quote_list import QuoteList
from tui.app.widgets.title_bar import TitleBar


async def test_the_filter_stays_visible_and_toasts_replace_each_other(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_seed(pilot)
        quotes = screen.query_one(QuoteList)
        assert quotes.border_title == "quotes · 23"
        await pilot.press("s", "s", "s", "s")  # fast presses: one toast, the last one
        speaker = screen.document.speakers[3]
        assert [str(n.message) for n in app._notifications] == [f"quotes by {speaker.name}"]
        assert quotes.border_title == f"by {speaker.name} · {len(quotes.shown)}"
        assert len(quotes.shown) == sum(q.speaker == speaker.id for q in screen.document.quotes)


async def test_copy_quote_cites_the_speaker_and_the_title_even_before_a_jump(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_seed(pilot)
        copied = []
        app.copy_to_clipboard = copied.append
        app.action_copy_quote()  # quote 1 is highlighted in the list: that one
        first = screen.document.quotes[0]
        title = screen.article.title
        speaker = screen.document.speaker(first.speaker).name
        assert copied == [f'"{screen.document.quote_text(first)}" — {speaker}, in {title}']
        await pilot.press("right_square_bracket", "right_square_bracket")
        app.action_copy_quote()
        third = screen.document.quotes[2]
        assert copied[-1].startswith(f'"{screen.document.quote_text(third)}" — ')


async def test_the_header_counts_are_never_cut(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_seed(pilot)
        bar = screen.query_one(TitleBar)
        line = "".join(segment.text for segment in app.screen._compositor.render_update(full=True).strips[0])
        assert line.rstrip().endswith("23 quotes · 5 speakers")
        assert "…" in line  # the title gave way
        assert bar.status == "23 quotes · 5 speakers"


async def test_the_stance_grid_has_its_own_footer(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_seed(pilot)
        await pilot.press("v")
        assert isinstance(app.screen, StanceGridScreen)
        shown = {key.description for key in app.screen.query("FooterKey")}
        assert {"Back", "Help", "Evidence"} <= shown and "Find" not in shown


async def test_an_article_with_no_quotes_says_so(tmp_path, analyzer):
    story = tmp_path / "plain.txt"
    story.write_text("The harbour wall was repaired in the spring. Boats moor there again.\n", encoding="utf-8")
    app = NewsreaderApp(story)
    async with app.run_test(size=(120, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        quotes = app.screen.query_one(QuoteList)
        assert app.screen.analysed and not quotes.shown
        assert str(quotes.render_line(0).text).strip() == "No quotes in this article."
        assert app.screen.query_one(TitleBar).status == "0 quotes · 0 speakers"


async def test_the_text_paints_first_and_the_model_loads_in_the_background(tmp_path, analyzer):
    story = tmp_path / "folder"
    story.mkdir()
    (story / "a.txt").write_text("Mr Sam Lowe said: “The lock opens on Monday.”\n", encoding="utf-8")
    app = NewsreaderApp(story)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        # the library is up and nothing is analysed: spaCy loads before any article is opened
        assert [worker.group for worker in app.workers] in ([], ["model"])
        await app.workers.wait_for_complete()
        assert app.engine.model_loaded
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        view = screen.query_one("ArticleView")
        assert "lock opens" in "".join(view.render_line(y).text for y in range(2))  # before any analysis
        status = screen.query_one(TitleBar).status
        assert status in ("analysing…", "1 quote · 1 speaker")  # the model is loaded already
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.engine.model_loaded
        assert screen.query_one(TitleBar).status == "1 quote · 1 speaker"


async def test_a_narrow_footer_gives_the_palette_key_up_for_the_sidebar_toggle(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_seed(pilot)
        await pilot.pause()
        keys = [key.key for key in screen.query("FooterKey")]
        assert keys[:2] == ["escape", "question_mark"]  # Back and Help first
        assert "i" in keys and "ctrl+p" not in keys
        shown = next(key for key in screen.query("FooterKey") if key.key == "i")
        assert shown.region.right <= 60  # the sidebar toggle is on screen, not cut off
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        await pilot.pause()
        assert "ctrl+p" in [key.key for key in screen.query("FooterKey")]
