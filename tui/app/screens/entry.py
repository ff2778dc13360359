"""One article as the library and speakers screens list it.

Its own module so both screens import it and neither imports the other for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tui.sources import Article


@dataclass
class Entry:
    """One article in the listing, loaded only when opened."""

    key: str
    group: str
    title: str
    source: str
    date: str
    digest: str
    load: Callable[[], Article]
    quotes: int | None = None
    speakers: int | None = None
    read: bool = False
    link: str = ""  # the article's web address, if it has one
