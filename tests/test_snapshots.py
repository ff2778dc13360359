"""Snapshots of the real app at fixed sizes (pytest-textual-snapshot).

Baselines live in tests/__snapshots__; look at the SVGs before accepting new ones
(`pytest --snapshot-update`).
"""

from tests.pilot import SEEDS, open_and_settle, settle
from tui.app.app import NewsreaderApp


def test_library(snap_compare, analyzer):
    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(120, 36), run_before=settle)


def test_seed_article(snap_compare, analyzer):
    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(120, 36), run_before=open_and_settle)


def test_help(snap_compare, analyzer):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(120, 36), run_before=run_before)


def test_find_results(snap_compare, analyzer):
    async def run_before(pilot):
        await open_and_settle(pilot)
        await pilot.press("slash", *"gangs", "enter", "n")
        await settle(pilot)

    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(120, 36), run_before=run_before)


def test_narrow_terminal(snap_compare, analyzer):
    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(80, 24), run_before=open_and_settle)
