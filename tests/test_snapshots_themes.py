"""Snapshots of the themes and small terminals (pytest-textual-snapshot).

Baselines live in tests/__snapshots__/test_snapshots_themes; look at each as PNG before
accepting new ones (`pytest --snapshot-update`, then `rsvg-convert x.svg -o x.png`).
"""

from tests.pilot import SEEDS, open_and_settle, settle
from tui.app.app import NewsreaderApp


def test_light_theme_article(snap_compare, analyzer, isolated_dirs):
    (isolated_dirs / "config" / "config.toml").write_text('theme = "textual-light"\n', encoding="utf-8")

    async def run_before(pilot):
        await open_and_settle(pilot)
        await pilot.press("right_square_bracket")  # a selected quote on the light background
        await pilot.pause()

    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(120, 36), run_before=run_before)


def test_narrow_article_with_the_sidebar_toggled_on(snap_compare, analyzer):
    async def run_before(pilot):
        await open_and_settle(pilot)
        await pilot.press("i")
        await pilot.pause()

    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(80, 24), run_before=run_before)


def test_library_at_60_columns(snap_compare, analyzer):
    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(60, 20), run_before=settle)


def test_stance_grid(snap_compare, analyzer):
    async def run_before(pilot):
        await open_and_settle(pilot)
        await pilot.press("v", "j", "l")
        await pilot.pause()

    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(120, 36), run_before=run_before)
