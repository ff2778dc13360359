"""Every colour comes from the theme and reads in every built-in theme (WCAG 4.5:1)."""

from pathlib import Path

from textual.color import Color
from textual.theme import BUILTIN_THEMES

from tui.app import palette
from tui.app.app import NewsreaderApp
from tui.app.screens.article import ArticleScreen
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.quote_list import QuoteList
from tui.app.widgets.stance_panel import StancePanel
from tui.store.config import load_config, save_theme

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ROOT = Path(__file__).resolve().parent.parent


def colour(rich_colour) -> Color:
    return Color.from_rich_color(rich_colour)


def test_wcag_contrast_matches_the_published_examples():
    assert round(palette.contrast(Color(0, 0, 0), Color(255, 255, 255)), 1) == 21.0
    assert round(palette.contrast(Color(118, 118, 118), Color(255, 255, 255)), 2) == 4.54  # #767676, the AA grey
    assert palette.contrast(Color(10, 20, 30), Color(10, 20, 30)) == 1.0


def test_no_hex_colour_is_written_in_the_app_code():
    import re

    for path in (ROOT / "tui" / "app").rglob("*.py"):
        assert not re.search(r"[\"']#[0-9a-fA-F]{3,8}[\"']", path.read_text(encoding="utf-8")), path


async def test_every_speaker_colour_reads_on_the_background_and_the_selection_in_every_theme(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen) and screen.analysed
        view = screen.query_one(ArticleView)
        quotes = screen.query_one(QuoteList)
        lowest = 21.0
        measured = 0
        for name in sorted(BUILTIN_THEMES):
            app.theme = name
            await pilot.pause()
            colours = palette.app_palette(app)
            assert len(set(colours)) == 12
            background = view.rich_style.bgcolor
            if name.startswith("ansi"):  # the terminal's own colours: nothing to measure here
                assert colours == palette.ANSI_COLOURS
                continue
            measured += 1
            selected = view.get_component_rich_style("article-view--selected")
            cursor = quotes.get_component_rich_style("quote-list--cursor")
            grounds = {
                "background": colour(background),
                "selection": colour(selected.bgcolor),
                "quote cursor": colour(cursor.bgcolor),
            }
            for ground_name, ground in grounds.items():
                for speaker_colour in colours:
                    ratio = palette.contrast(Color.parse(speaker_colour), ground)
                    lowest = min(lowest, ratio)
                    assert ratio >= 4.5, (name, ground_name, speaker_colour, round(ratio, 2))
            # text without a speaker colour inside the selection
            ratio = palette.contrast(colour(selected.color), grounds["selection"])
            assert ratio >= 4.5, (name, "selected text", round(ratio, 2))
            # the selection is visible: it differs from the background
            assert grounds["selection"] != grounds["background"], name
        assert measured == len([n for n in BUILTIN_THEMES if not n.startswith("ansi")]) >= 18
        assert lowest >= 4.5


def _colours_on_screen(view: ArticleView) -> set[str]:
    found = set()
    for y in range(view.size.height):
        for segment in view.render_line(y):
            if segment.style and segment.style.color and segment.style.color.triplet:
                found.add(segment.style.color.triplet.hex)
    return found


async def test_t_redraws_every_pane_in_the_new_theme_and_saves_it(analyzer, isolated_dirs):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        before = palette.app_palette(app)
        assert before[0] in _colours_on_screen(view)
        await pilot.press("t")
        await pilot.pause()
        after = palette.app_palette(app)
        assert app.theme == "textual-light" and after != before
        shown = _colours_on_screen(view)
        assert after[0] in shown and before[0] not in shown  # no line left in the old colours
        panel = app.screen.query_one(StancePanel)
        first = panel.get_option_at_index(0).prompt
        assert any(after[0] in str(span.style) for span in first.spans)
    assert load_config().theme == "textual-light"
    assert 'theme = "textual-light"' in (isolated_dirs / "config" / "config.toml").read_text(encoding="utf-8")


def test_saving_the_theme_keeps_the_rest_of_the_config(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('# my settings\nmodel = "en_core_web_md"\n\n[keys]\nfind = "ctrl+f"\n', encoding="utf-8")
    assert save_theme("nord", path) == ""
    text = path.read_text(encoding="utf-8")
    assert "# my settings" in text
    config = load_config(path)
    assert (config.theme, config.model, config.keys) == ("nord", "en_core_web_md", {"find": "ctrl+f"})
    assert save_theme("gruvbox", path) == "" and load_config(path).theme == "gruvbox"
    path.write_text("theme = [broken", encoding="utf-8")
    assert "not saved" in save_theme("nord", path)
    assert path.read_text(encoding="utf-8") == "theme = [broken"  # a file that does not parse is left alone
