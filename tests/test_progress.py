"""Progress while an article is analysed: the analyser counts its steps, the child process passes
them on, and the article screen shows a bar that fills and goes away when the analysis is done."""

from __future__ import annotations

from pathlib import Path

from tui.analysis.engine import STAGE_STEPS
from tui.analysis.pipeline import parse_chunks
from tui.documents import Engine
from tui.sources import Article, load_article
from tui.store import ParseCache

from .pilot import SEEDS

SEED = SEEDS / "000_98ba90fb1ad34b04.txt"
STORY = "Flood plan\n\n“The river wall will be finished by May,” said Ada Byrne, the council's engineer.\n"


def test_the_analyser_reports_every_step_in_order(analyzer):
    heard: list[tuple[int, int]] = []
    document = next(analyzer.analyze_many([Article(STORY, "Flood plan", "s")], on_progress=lambda *s: heard.append(s)))
    total = 1 + STAGE_STEPS  # one piece of text, then the stages
    assert heard == [(step, total) for step in range(1, total + 1)]
    assert document.speakers[0].name == "Ada Byrne"


def test_a_long_text_is_one_step_per_piece(analyzer):
    pieces = [["The council met.\n", "Residents asked.\n", "The work begins.\n"]]
    parsed: list[str] = []
    docs = list(parse_chunks(analyzer.nlp, pieces, on_piece=lambda: parsed.append("piece")))
    assert parsed == ["piece", "piece", "piece"]
    assert docs[0].text == "".join(pieces[0])  # still one Doc of the whole text


def test_progress_comes_back_from_the_analysis_process(tmp_path: Path):
    engine = Engine(cache=ParseCache(tmp_path / "cache"), separate_process=True)
    heard: list[tuple[int, int]] = []
    engine.start_loading()  # as `newsreader FILE` does at launch for an uncached article
    document = engine.analyse(load_article(SEED), on_progress=lambda *step: heard.append(step))
    assert len(document.quotes) == 23
    assert heard[-1][0] == heard[-1][1] == 1 + STAGE_STEPS
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)
    heard.clear()
    engine.analyse(load_article(SEED), on_progress=lambda *step: heard.append(step))
    assert heard == []  # cached now: nothing to wait for


async def test_the_article_screen_shows_a_bar_until_the_analysis_is_done(tmp_path: Path):
    from textual.widgets import ProgressBar

    from tui.app.app import NewsreaderApp
    from tui.app.screens.article import ArticleScreen
    from tui.app.widgets.title_bar import TitleBar

    app = NewsreaderApp(SEED, cache=ParseCache(tmp_path / "cache"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen) and not screen.analysed
        bar = screen.query_one("#progress", ProgressBar)
        assert bar.parent is screen.query_one(TitleBar) and bar.region.y == 0  # in the title bar, on screen
        seen: list[float] = []
        original = screen._show_progress

        def watch(done: int, total: int) -> None:
            original(done, total)
            seen.append(bar.percentage or 0.0)

        screen._show_progress = watch  # type: ignore[method-assign]
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.analysed and not [shown for shown in screen.query("#progress") if shown.display]
        assert seen and seen[-1] == 1.0


async def test_the_sidebar_shows_each_stance_s_evidence_whole_after_the_analysis_arrives(tmp_path: Path):
    """The stances arrive after the panes are laid out; a gist that wraps keeps its last line."""
    from textual.geometry import Region

    from tui.app.app import NewsreaderApp
    from tui.app.widgets.stance_panel import StancePanel

    app = NewsreaderApp(SEED, cache=ParseCache(tmp_path / "cache"))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(600):  # the analysis runs in its own process; at most a minute
            if getattr(app.screen, "analysed", False):
                break
            await pilot.pause(0.1)
        await pilot.pause()
        await pilot.pause()
        panel = app.screen.query_one(StancePanel)
        strips = panel.render_lines(Region(0, 0, panel.size.width, panel.size.height))
        shown = " ".join(" ".join(segment.text for segment in strip).strip() for strip in strips)
        assert "calls Rwanda scheme" in shown and "‘a gimmick’" in shown
