"""Snapshots of the real app at fixed sizes (pytest-textual-snapshot).

Baselines live in tests/__snapshots__; look at the SVGs before accepting new ones
(`pytest --snapshot-update`).
"""

from pathlib import Path

from tui.app.app import NewsreaderApp

SEEDS = Path(__file__).resolve().parent.parent / "seeds"  # the clone's copy: tests run from a clone


async def _settle(pilot):
    """Wait for the analysis to finish, then take out what depends on timing: blinking
    cursors and toasts (a toast is on screen or gone depending on how busy the machine is)."""
    for field in pilot.app.query("Input"):
        field.cursor_blink = False
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


async def _open(pilot):
    await pilot.pause()
    await pilot.press("enter")
    await _settle(pilot)
    await pilot.pause()


def test_library(snap_compare, analyzer):
    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(120, 36), run_before=_settle)


def test_seed_article(snap_compare, analyzer):
    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(120, 36), run_before=_open)


def test_help(snap_compare, analyzer):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(120, 36), run_before=run_before)


def test_find_results(snap_compare, analyzer):
    async def run_before(pilot):
        await _open(pilot)
        await pilot.press("slash", *"gangs", "enter", "n")
        await _settle(pilot)

    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(120, 36), run_before=run_before)


def test_narrow_terminal(snap_compare, analyzer):
    assert snap_compare(NewsreaderApp(SEEDS), terminal_size=(80, 24), run_before=_open)
