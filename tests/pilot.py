"""What the Pilot and snapshot tests share: the bundled seeds, opening the seed article, and
waiting until the screen no longer depends on timing."""

from pathlib import Path

from tui.app.screens.article import ArticleScreen

SEEDS = Path(__file__).resolve().parent.parent / "seeds"  # the clone's copy: tests run from a clone


async def open_seed(pilot) -> ArticleScreen:
    """Open the first article of the library (the seed) and wait for its analysis."""
    await pilot.pause()
    await pilot.press("enter")  # the cursor starts on the first article, under its heading
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ArticleScreen) and screen.analysed
    return screen


async def settle(pilot) -> None:
    """Wait for the analysis to finish, then take out what depends on timing: blinking
    cursors and toasts (a toast is on screen or gone depending on how busy the machine is)."""
    for field in pilot.app.query("Input"):
        field.cursor_blink = False
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


async def open_and_settle(pilot) -> None:
    """The seed article on screen, settled: the starting point of an article snapshot."""
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)
    await pilot.pause()
