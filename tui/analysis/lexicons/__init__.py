"""The word lists the analysis rules read: one entry a line, '#' starts a comment."""

from __future__ import annotations

from importlib import resources


def read(name: str) -> list[str]:
    """The entries of one lexicon file, blank lines and comments dropped."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
