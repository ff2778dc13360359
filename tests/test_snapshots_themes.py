"""Snapshots of the themes and small terminals (pytest-textual-snapshot).

Baselines live in tests/__snapshots__/test_snapshots_themes; look at each as PNG before
accepting new ones (`pytest --snapshot-update`, then `rsvg-convert x.svg -o x.png`).
"""

from pathlib import Path

from tui.app.app import NewsreaderApp

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


async def _settle(pilot):
    for field in pilot.app.query("Input"):
        field.cursor_blink = False
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _open(pilot):
    await pilot.pause()
    await pilot.press("enter")
    await _settle(pilot)
    await pilot.pause()


def test_light_theme_article(snap_compare, analyzer, isolated_dirs):
    (isolated_dirs / "config" / "config.toml").write_text('theme = "textual-light"\n', encoding="utf-8")

    async def run_before(pilot):
        await _open(pilot)
        await pilot.press("right_square_bracket")  # a selected quote on the light background
        await pilot.pause()

    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(120, 36), run_before=run_before)


def test_narrow_article_with_the_sidebar_toggled_on(snap_compare, analyzer):
    async def run_before(pilot):
        await _open(pilot)
        await pilot.press("i")
        await pilot.pause()

    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(80, 24), run_before=run_before)


def test_library_at_60_columns(snap_compare, analyzer):
    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(60, 20), run_before=_settle)


def test_stance_grid(snap_compare, analyzer):
    async def run_before(pilot):
        await _open(pilot)
        await pilot.press("v", "j", "l")
        await pilot.pause()

    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(120, 36), run_before=run_before)
