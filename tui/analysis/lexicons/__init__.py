"""The word lists the analysis rules read: one entry a line, '#' starts a comment.

Every list is a data file here; README.md says what each holds and where it came from. This
package imports nothing heavy, so the reader's screens can share a list with the engine.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def read(name: str) -> list[str]:
    """The entries of one lexicon file, blank lines and comments dropped."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def words(name: str) -> frozenset[str]:
    """A one-column list as a set of words."""
    return frozenset(read(name))


@cache
def table(name: str) -> dict[str, str]:
    """A two-column list (tab-separated) as a mapping from the first column to the second."""
    return dict(line.split("\t") for line in read(name))


@cache
def scores(name: str) -> dict[str, float]:
    """A two-column list whose second column is a number (a polarity or a weight)."""
    return {word: float(value) for word, value in table(name).items()}


def titles() -> dict[str, str]:
    """Honorifics before a name ("mr", "sen.", "president") with the gender they imply (m, f or -)."""
    return table("titles.txt")
