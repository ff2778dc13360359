"""Library search: what a query says, and what a hit holds.

A query is words (every one must appear, in any field), "quoted phrases", and filters:
`said:NAME` (a speaker's name), `about:TOPIC` (a topic of the analysis) and `feed:NAME`
(a feed's title or URL). The words go to SQLite FTS5 quoted, so no character in them
is FTS syntax and no query can fail to parse.
"""

from __future__ import annotations

import shlex
import sqlite3
from dataclasses import dataclass

HIT_START, HIT_END = "\ue000", "\ue001"  # private-use marks around a hit in a snippet
FILTERS = {"said": "speakers", "about": "topics"}


class QueryError(ValueError):
    """A query that cannot be read (an unclosed quote, an empty filter)."""


@dataclass(frozen=True)
class Indexed:
    """What an analysis adds to the search index: speaker names, quotes, topics (one a line)."""

    speakers: str
    quotes: str
    topics: str


@dataclass(frozen=True)
class SearchQuery:
    """An FTS5 MATCH expression (empty: none), a feed to keep to, and the words to mark."""

    match: str
    feed: str = ""
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    feed_id: int | None
    snippet: str  # the matched words between HIT_START and HIT_END


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def parse_query(text: str) -> SearchQuery:
    """`pier said:"Ruth Bell" feed:Gazette` -> the FTS5 expression and the feed filter."""
    try:
        tokens = shlex.split(text)
    except ValueError as error:
        raise QueryError(f"cannot read the search {text!r} ({error})") from error
    parts, words, feed = [], [], ""
    for token in tokens:
        name, colon, value = token.partition(":")
        if colon and name in (*FILTERS, "feed"):
            if not value.strip():
                raise QueryError(f"{name}: needs a value, as in {name}:Bell")
            if name == "feed":
                feed = value.strip()
            else:
                parts.append(f"{FILTERS[name]} : {_phrase(value.strip())}")
                words.append(value.strip())
        elif token.strip():
            parts.append(_phrase(token.strip()))
            words.append(token.strip())
    return SearchQuery(" AND ".join(parts), feed, tuple(words))


def hit_spans(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """A snippet's plain text and the (start, end) of each marked hit in it, for a caller to
    highlight as spans (never as markup)."""
    plain, spans, start = [], [], None
    length = 0
    for char in snippet:
        if char == HIT_START:
            start = length
        elif char == HIT_END and start is not None:
            spans.append((start, length))
            start = None
        else:
            plain.append(char)
            length += 1
    return "".join(plain), spans


@dataclass(frozen=True)
class Searchable:
    """An article the library does not store (a file of an opened folder), as search sees it."""

    title: str
    text: str
    index: Indexed | None = None  # its analysis, when there is one


NONE = ("", "", "")  # speakers, quotes, topics of an article not analysed yet


def search_unstored(articles: list[Searchable], query: SearchQuery, limit: int = 50) -> list[tuple[int, str]]:
    """(position in `articles`, snippet) of those matching `query`, best first: the same FTS5
    table and query as the library's, built in memory. They belong to no feed, so a `feed:`
    filter leaves none of them."""
    if not query.match or query.feed:
        return []
    db = sqlite3.connect(":memory:")
    try:
        db.execute(
            "CREATE VIRTUAL TABLE search USING fts5(title, text, speakers, quotes, topics, tokenize = 'unicode61')"
        )
        db.executemany(
            "INSERT INTO search (rowid, title, text, speakers, quotes, topics) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (position, a.title, a.text, *((a.index.speakers, a.index.quotes, a.index.topics) if a.index else NONE))
                for position, a in enumerate(articles)
            ],
        )
        rows = db.execute(
            "SELECT rowid, snippet(search, -1, ?, ?, '…', 24) FROM search WHERE search MATCH ? ORDER BY rank LIMIT ?",
            (HIT_START, HIT_END, query.match, limit),
        ).fetchall()
    finally:
        db.close()
    return [(row[0], row[1]) for row in rows]
