"""A Rich progress bar for an archive run: articles done of all, articles/s and time left.

Shown only when stderr is a terminal; piped or redirected, a run prints nothing
but its messages. Messages go above the bar, never through it.
"""

from __future__ import annotations

import sys
from datetime import timedelta

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn
from rich.text import Text

from tui.sources import clean_text


class RateColumn(ProgressColumn):
    """Articles per second since the start, and the time left at that rate.

    Averaged over the whole run rather than Rich's last samples: chunks finish in bursts
    (every worker at once), which makes a short window's rate jump.
    """

    def render(self, task) -> Text:
        elapsed = task.elapsed or 0.0
        if not task.completed or elapsed <= 0:
            return Text("– articles/s, eta –", style="progress.data.speed")
        rate = task.completed / elapsed
        left = max(0.0, (task.total or 0) - task.completed) / rate
        return Text(f"{rate:.1f} articles/s, eta {timedelta(seconds=round(left))}", style="progress.data.speed")


class ArchiveProgress:
    """The bar (or nothing), and a way to print a message without breaking it."""

    def __init__(self, total: int):
        self.console = Console(stderr=True)
        self.shown = self.console.is_terminal
        self.progress = Progress(
            "analysing",
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            console=self.console,
            disable=not self.shown,
        )
        self.task = self.progress.add_task("analysing", total=total)

    def __enter__(self) -> ArchiveProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def advance(self, count: int) -> None:
        self.progress.advance(self.task, count)

    def drop(self, count: int = 1) -> None:
        """Articles that will not be analysed (bad, or already in the archive) leave the total."""
        total = self.progress.tasks[0].total or 0
        self.progress.update(self.task, total=max(0, total - count))

    def message(self, text: str) -> None:
        """One line on stderr; control characters from file names or ids never reach the terminal."""
        text = clean_text(text).replace("\n", " ")
        if self.shown:
            self.console.print(Text(text), soft_wrap=True)
        else:
            print(text, file=sys.stderr)
