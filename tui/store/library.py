"""The library: feeds, articles with their text, and read state, in SQLite.

One file in the user data folder. The schema is versioned (`PRAGMA
user_version`) and migrated forward on open; WAL and a busy timeout let two
running newsreaders share it; every change is one transaction, so a failure
half-way loses nothing that was already there.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Required, TypedDict

from tui.sanitize import visible
from tui.store.cache import text_hash
from tui.store.paths import data_dir
from tui.store.search import HIT_END, HIT_START, Indexed, SearchHit, SearchQuery

# Each entry takes the schema from version N to N + 1. Append; never edit a shipped one.
MIGRATIONS = (
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        etag TEXT,
        modified TEXT,
        refreshed_at REAL,
        error TEXT
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
        url TEXT UNIQUE,
        source TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        added_at REAL NOT NULL
    );
    CREATE INDEX articles_feed ON articles(feed_id);
    CREATE INDEX articles_hash ON articles(text_hash);
    CREATE TABLE read_state (
        text_hash TEXT PRIMARY KEY,
        read_at REAL NOT NULL
    );
    """,
    """
    CREATE TABLE analysis (
        text_hash TEXT PRIMARY KEY,
        quotes INTEGER NOT NULL,
        speakers INTEGER NOT NULL,
        cache_key TEXT NOT NULL
    );
    """,
    # 3: feed entries keep their identity (guid: the feed's id, else link, else title) and their
    # summary beside the text shown; a page fetched for full text records how it went; feeds
    # sit in folders (OPML's). Existing feed articles take their link as identity.
    """
    ALTER TABLE feeds ADD COLUMN folder TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN guid TEXT;
    ALTER TABLE articles ADD COLUMN summary TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN page_state TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN page_error TEXT;
    UPDATE articles SET guid = url WHERE feed_id IS NOT NULL AND url IS NOT NULL;
    UPDATE articles SET summary = text WHERE feed_id IS NOT NULL;
    """,
    # 4: full-text search over titles, texts, and (once analysed) speaker names, quotes and
    # topics; one row per article, its rowid the article's number. `indexed` says whether an
    # analysis's names and quotes are in it yet.
    """
    CREATE VIRTUAL TABLE search USING fts5(title, text, speakers, quotes, topics, tokenize = 'unicode61');
    INSERT INTO search (rowid, title, text, speakers, quotes, topics) SELECT id, title, text, '', '', '' FROM articles;
    ALTER TABLE analysis ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;
    CREATE TRIGGER search_add AFTER INSERT ON articles BEGIN
        INSERT INTO search (rowid, title, text, speakers, quotes, topics) VALUES (new.id, new.title, new.text, '', '', '');
    END;
    CREATE TRIGGER search_change AFTER UPDATE OF title, text ON articles BEGIN
        UPDATE search SET title = new.title, text = new.text, speakers = '', quotes = '', topics = ''
        WHERE rowid = new.id;
    END;
    CREATE TRIGGER search_drop AFTER DELETE ON articles BEGIN
        DELETE FROM search WHERE rowid = old.id;
    END;
    """,
    # 5: when a busy server (429, 503 with Retry-After) said the feed may be fetched again
    """
    ALTER TABLE feeds ADD COLUMN retry_at REAL;
    """,
)


def item_identity(guid: str, link: str, title: str, text: str) -> str:
    """The key a feed entry is stored under: the feed's id for it, else its link, else its
    title (or text), so an entry with neither id nor link is still the same entry next time."""
    if guid:
        return guid
    if link:
        return link
    if title:
        return f"title:{title}"
    return "text:" + text_hash(text)[:32]


SCHEMA_VERSION = len(MIGRATIONS)


# Run after a migration's SQL, in the same transaction (what SQL alone cannot say).
MIGRATION_STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {}


def _identify_linkless(db: sqlite3.Connection) -> None:
    """Schema 3: a feed article without a link gets the identity a refresh gives it now (its
    title), and the copies earlier refreshes stored of it become one: the oldest row (its number
    and read state stay) with the newest text."""
    rows = db.execute(
        "SELECT id, feed_id, title, text FROM articles WHERE feed_id IS NOT NULL AND guid IS NULL ORDER BY id"
    ).fetchall()
    kept: dict[tuple[int, str], int] = {}
    for article_id, feed_id, title, text in rows:
        guid = item_identity("", "", title, text)
        first = kept.get((feed_id, guid))
        if first is None:
            kept[(feed_id, guid)] = article_id
            db.execute("UPDATE articles SET guid = ? WHERE id = ?", (guid, article_id))
            continue
        db.execute(
            "UPDATE articles SET text = ?, summary = ?, text_hash = ? WHERE id = ?",
            (text, text, text_hash(text), first),
        )
        db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    db.execute("CREATE UNIQUE INDEX articles_guid ON articles(feed_id, guid) WHERE guid IS NOT NULL")


MIGRATION_STEPS[2] = _identify_linkless

# Stored articles with whether they have been read (read state is kept by text, see below).
_WITH_READ = (
    "SELECT a.*, r.text_hash IS NOT NULL AS read FROM articles a LEFT JOIN read_state r ON r.text_hash = a.text_hash"
)


class LibraryError(Exception):
    """The library file cannot be used (newer schema, not a database, unwritable)."""


@dataclass(frozen=True)
class LibraryFeed:
    """A feed the library follows, with what its last refresh left (HTTP validators, error)."""

    id: int
    url: str
    title: str
    etag: str | None = None
    modified: str | None = None
    refreshed_at: float | None = None
    error: str | None = None
    folder: str = ""
    retry_at: float | None = None  # not fetched before this time (the server's Retry-After)


@dataclass(frozen=True)
class LibraryArticle:
    """An article kept in the library, with enough to read it offline."""

    id: int
    feed_id: int | None
    url: str | None
    source: str
    title: str
    author: str
    date: str
    text: str
    text_hash: str
    read: bool = False
    guid: str | None = None
    summary: str = ""  # the feed's own text for it, kept beside a fetched page's
    page_state: str = ""  # "" (no page wanted), "pending", "done" or "failed"
    page_error: str | None = None  # why the linked page could not be had


@dataclass(frozen=True)
class LibraryListing:
    """One stored article in a long listing: no text, and the analysis counts once analysed."""

    id: int
    feed_id: int | None
    title: str
    source: str
    date: str
    text_hash: str
    read: bool
    quotes: int | None
    speakers: int | None


class NewArticle(TypedDict, total=False):
    """An article to store: its text, and whatever else is known about it."""

    text: Required[str]
    title: str
    source: str
    url: str | None
    feed_id: int | None
    author: str
    date: str
    guid: str  # the feed's id for the entry ("" when it has none)
    wants_page: bool  # fetch the linked page for the full text


@dataclass
class Stored:
    """What storing a feed's entries did: new rows, rows updated in place (a corrected entry)."""

    new: int = 0
    updated: int = 0


def default_path() -> Path:
    return data_dir() / "library.sqlite3"


def problem(path: Path | str, error: sqlite3.Error) -> str:
    """One line for what a database error means to the person, and what to do about it."""
    text = str(error)
    code = getattr(error, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL or "disk is full" in text:
        return f"{path}: the disk is full; nothing was changed (free some space and try again)"
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in text or "not a database" in text:
        return (
            f"{path}: the library file is damaged ({text}); recover what it holds with "
            f"'sqlite3 {path} .recover | sqlite3 recovered.sqlite3' and put that in its place, "
            "or move the file aside to start a fresh library"
        )
    if code == sqlite3.SQLITE_READONLY or "readonly" in text:
        return f"{path}: the library is read-only here, so it cannot be changed ({text})"
    return f"{path}: the library cannot be used ({text})"


class Library:
    """The SQLite library. Open one per process; it is safe to have two processes open.

    `read_only=True` (listings, export) opens the file without writing anything, so a
    library on a read-only disk or in a read-only folder can still be read.
    """

    def __init__(self, path: Path | None = None, read_only: bool = False):
        self.path = path or default_path()
        self.read_only = read_only
        try:
            if read_only:
                self.db = self._open_read_only()
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA busy_timeout = 10000")
            if read_only:
                self._check_version()
            else:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA foreign_keys = ON")
                self._migrate()
        except sqlite3.Error as error:
            raise LibraryError(problem(self.path, error)) from error
        except OSError as error:
            raise LibraryError(f"{self.path}: cannot be opened ({error.strerror or error})") from error

    def _open_read_only(self) -> sqlite3.Connection:
        if not self.path.exists():
            return sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)  # nothing stored yet
        uri = self.path.resolve().as_uri()
        try:
            db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError:
            # A WAL library in a folder we cannot write: its -shm file cannot be made, so read
            # the file as it stands (what a crashed writer left in its -wal is not seen).
            return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None, check_same_thread=False)

    def _check_version(self) -> None:
        version = self.version
        if version == 0 and not self.path.exists():
            self.db.executescript("".join(MIGRATIONS))  # no library yet: an empty one, in memory
        elif version > SCHEMA_VERSION:
            raise LibraryError(
                f"{self.path}: made by a newer newsreader (schema {version}, this one reads {SCHEMA_VERSION})"
            )
        elif version < SCHEMA_VERSION:
            raise LibraryError(f"{self.path}: an older library; open it once with write access to upgrade it")

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any error.

        SQLite may already have rolled back by itself (a full disk does that); the error that
        says why is the one raised, not a failing ROLLBACK.
        """
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                with suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            raise

    def _migrate(self) -> None:
        with self.transaction() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise LibraryError(
                    f"{self.path}: made by a newer newsreader (schema {version}, this one reads {SCHEMA_VERSION})"
                )
            for number in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[number]):
                    db.execute(statement)
                if number in MIGRATION_STEPS:
                    MIGRATION_STEPS[number](db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    # --- feeds -------------------------------------------------------------------
    def add_feed(self, url: str, title: str = "", folder: str = "") -> LibraryFeed:
        url, title, folder = visible(url), visible(title), visible(folder)
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO feeds (url, title, folder) VALUES (?, ?, ?)", (url, title, folder))
            if title:
                db.execute("UPDATE feeds SET title = ? WHERE url = ? AND title = ''", (title, url))
            if folder:
                db.execute("UPDATE feeds SET folder = ? WHERE url = ?", (folder, url))
            row = db.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        return _feed(row)

    def remove_feed(self, feed_id: int) -> int:
        """Stop following a feed and drop its articles; returns how many articles went.
        Read state and analyses are kept by text, so the same text elsewhere keeps them."""
        with self.transaction() as db:
            removed = db.execute("DELETE FROM articles WHERE feed_id = ?", (feed_id,)).rowcount
            db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        return int(removed)

    def feed_by_url(self, url: str) -> LibraryFeed | None:
        row = self.db.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        return _feed(row) if row else None

    def feeds(self) -> list[LibraryFeed]:
        return [_feed(row) for row in self.db.execute("SELECT * FROM feeds ORDER BY title COLLATE NOCASE, url")]

    def update_feed(self, feed_id: int, **fields: str | float | None) -> None:
        allowed = {"title", "etag", "modified", "refreshed_at", "error", "folder", "retry_at"}
        names = [name for name in fields if name in allowed]
        for name in ("title", "error", "folder"):  # from the feed's server: never a control character stored
            value = fields.get(name)
            if value is not None:
                fields[name] = visible(str(value))
        if not names:
            return
        with self.transaction() as db:
            db.execute(
                f"UPDATE feeds SET {', '.join(f'{name} = ?' for name in names)} WHERE id = ?",
                (*[fields[name] for name in names], feed_id),
            )

    # --- articles ------------------------------------------------------------------
    def add_articles(self, items: Iterable[NewArticle]) -> int:
        """Store articles (text, title, source and maybe url, feed_id, author, date).

        An article whose URL is already there is left as it is. Returns how many were new.
        """
        added = 0
        now = time.time()
        with self.transaction() as db:
            for item in items:
                text = item["text"]
                cursor = db.execute(
                    "INSERT OR IGNORE INTO articles (feed_id, url, source, title, author, date, text, text_hash, added_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        item.get("feed_id"),
                        visible(url) if (url := item.get("url")) else None,
                        visible(item.get("source", item.get("url") or "")),
                        visible(item.get("title", "")),
                        visible(item.get("author", "")),
                        visible(item.get("date", "")),
                        text,
                        text_hash(text),
                        now,
                    ),
                )
                added += cursor.rowcount
        return added

    def store_entries(self, feed_id: int, entries: Iterable[NewArticle]) -> Stored:
        """Keep a feed's entries by identity (see `item_identity`), in one transaction.

        A new entry is added; a known one whose title or text the publisher changed is updated
        in place (same number, read state carried over, its page fetched again if wanted); an
        unchanged one is left alone. A stored row with the entry's link but no identity yet (an
        article from before schema 3, or a saved page) is taken as that entry."""
        stored = Stored()
        now = time.time()
        with self.transaction() as db:
            for entry in entries:
                link = visible(entry.get("url") or "")
                title, summary = visible(entry.get("title", "")), entry["text"]
                guid = visible(item_identity(entry.get("guid", ""), link, title, summary))
                row = db.execute(
                    "SELECT id, title, summary, text_hash, feed_id FROM articles WHERE feed_id = ? AND guid = ?",
                    (feed_id, guid),
                ).fetchone()
                if row is None and link:
                    row = db.execute(
                        "SELECT id, title, summary, text_hash, feed_id, guid FROM articles WHERE url = ?", (link,)
                    ).fetchone()
                    if row is not None and row["feed_id"] == feed_id and row["guid"] in (None, link):
                        db.execute(
                            "UPDATE articles SET guid = ? WHERE id = ?", (guid, row["id"])
                        )  # identity from before
                    elif row is not None:
                        continue  # the same page under another entry, another feed or saved by hand: kept once
                state = "pending" if entry.get("wants_page") and link else ""
                if row is None:
                    db.execute(
                        "INSERT INTO articles (feed_id, url, source, title, author, date, text, text_hash, added_at,"
                        " guid, summary, page_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            feed_id,
                            link or None,
                            visible(entry.get("source", link)),
                            title,
                            visible(entry.get("author", "")),
                            visible(entry.get("date", "")),
                            summary,
                            text_hash(summary),
                            now,
                            guid,
                            summary,
                            state,
                        ),
                    )
                    stored.new += 1
                elif row["summary"] != summary or row["title"] != title:
                    digest = text_hash(summary)
                    db.execute(
                        "UPDATE articles SET title = ?, author = ?, date = ?, text = ?, summary = ?, text_hash = ?,"
                        " page_state = ?, page_error = NULL WHERE id = ?",
                        (
                            title,
                            visible(entry.get("author", "")),
                            visible(entry.get("date", "")),
                            summary,
                            summary,
                            digest,
                            state,
                            row["id"],
                        ),
                    )
                    _carry_read_state(db, row["text_hash"], digest)
                    stored.updated += 1
        return stored

    def pending_pages(self) -> list[tuple[int, str, int | None]]:
        """(article id, link, feed id) of every article whose full-text page is still to fetch
        (a refresh that was stopped leaves some; the next one finishes them)."""
        rows = self.db.execute("SELECT id, url, feed_id FROM articles WHERE page_state = 'pending' ORDER BY id")
        return [(row[0], row[1], row[2]) for row in rows]

    def set_page(self, article_id: int, text: str | None, error: str | None = None) -> None:
        """The linked page's article text (shown and analysed from now on; the summary stays),
        or why there is none (the summary stays the text)."""
        with self.transaction() as db:
            if text is None:
                db.execute(
                    "UPDATE articles SET page_state = 'failed', page_error = ? WHERE id = ?",
                    (visible(error or "unknown error"), article_id),
                )
                return
            row = db.execute("SELECT text_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                return
            digest = text_hash(text)
            db.execute(
                "UPDATE articles SET text = ?, text_hash = ?, page_state = 'done', page_error = NULL WHERE id = ?",
                (text, digest, article_id),
            )
            _carry_read_state(db, row[0], digest)

    def page_problems(self) -> dict[int, tuple[int, str]]:
        """Per feed: how many articles kept only their summary because the page failed, and the
        latest reason."""
        rows = self.db.execute(
            "SELECT feed_id, COUNT(*), (SELECT page_error FROM articles b WHERE b.feed_id = a.feed_id"
            " AND b.page_state = 'failed' ORDER BY b.id DESC LIMIT 1)"
            " FROM articles a WHERE page_state = 'failed' AND feed_id IS NOT NULL GROUP BY feed_id"
        )
        return {row[0]: (row[1], row[2] or "") for row in rows}

    def articles(self, feed_id: int | None = None) -> list[LibraryArticle]:
        if feed_id is not None:
            rows = self.db.execute(_WITH_READ + " WHERE a.feed_id = ? ORDER BY a.date DESC, a.id DESC", (feed_id,))
        else:
            rows = self.db.execute(_WITH_READ + " ORDER BY a.date DESC, a.id DESC")
        return [_article(row) for row in rows]

    def article(self, article_id: int) -> LibraryArticle | None:
        row = self.db.execute(_WITH_READ + " WHERE a.id = ?", (article_id,)).fetchone()
        return _article(row) if row else None

    def article_by_url(self, url: str) -> LibraryArticle | None:
        row = self.db.execute(_WITH_READ + " WHERE a.url = ?", (url,)).fetchone()
        return _article(row) if row else None

    def rows(self) -> list[LibraryListing]:
        """Every stored article without its text (for long listings), by feed then newest first."""
        rows = self.db.execute(
            "SELECT a.id, a.feed_id, a.title, a.source, a.date, a.text_hash,"
            " r.text_hash IS NOT NULL AS read, n.quotes, n.speakers FROM articles a"
            " LEFT JOIN read_state r ON r.text_hash = a.text_hash"
            " LEFT JOIN analysis n ON n.text_hash = a.text_hash"
            " ORDER BY a.feed_id, a.date DESC, a.id DESC"
        )
        return [LibraryListing(**{**dict(row), "read": bool(row["read"])}) for row in rows]

    # --- analyses: counts shown in listings, and where the cached document is ----------
    def record_analysis(self, digest: str, quotes: int, speakers: int, key: str, index: Indexed | None = None) -> None:
        """Keep an analysis's counts and cache key; with `index`, its speaker names, quotes and
        topics become searchable in every article with this text."""
        self.record_analyses([(digest, quotes, speakers, key, index)])

    def record_analyses(self, analyses: Iterable[tuple[str, int, int, str, Indexed | None]]) -> None:
        """Many analyses (digest, quotes, speakers, cache key, index) in one transaction."""
        with self.transaction() as db:
            for digest, quotes, speakers, key, index in analyses:
                db.execute(
                    "INSERT OR REPLACE INTO analysis (text_hash, quotes, speakers, cache_key, indexed)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (digest, quotes, speakers, key, int(index is not None)),
                )
                if index is not None:
                    db.execute(
                        "UPDATE search SET speakers = ?, quotes = ?, topics = ?"
                        " WHERE rowid IN (SELECT id FROM articles WHERE text_hash = ?)",
                        (index.speakers, index.quotes, index.topics, digest),
                    )

    def unanalysed(self, keys: Callable[[str], str]) -> list[LibraryArticle]:
        """Articles whose text has no analysis under its current cache key (`keys(text)`),
        or whose analysis is not in the search index yet."""
        done = {
            row[0]: (row[1], row[2]) for row in self.db.execute("SELECT text_hash, cache_key, indexed FROM analysis")
        }
        wanted, seen = [], set()
        for article in self.articles():
            if article.text_hash in seen:
                continue
            seen.add(article.text_hash)
            known = done.get(article.text_hash)
            if known is None or not known[1] or known[0] != keys(article.text):
                wanted.append(article)
        return wanted

    def search(self, query: SearchQuery, limit: int = 50) -> list[SearchHit]:
        """Articles matching the query, best first, with the matched words marked in a snippet
        (between HIT_START and HIT_END) for the caller to highlight."""
        if not query.match and not query.feed:
            return []
        sql = (
            "SELECT a.id, a.title, a.feed_id, snippet(search, -1, ?, ?, '…', 24) AS snippet"
            " FROM search JOIN articles a ON a.id = search.rowid"
            " LEFT JOIN feeds f ON f.id = a.feed_id WHERE 1"
        )
        parameters: list[object] = [HIT_START, HIT_END]
        if query.match:
            sql += " AND search MATCH ?"
            parameters.append(query.match)
        if query.feed:
            sql += " AND (f.title LIKE ? OR f.url LIKE ?)"
            parameters += [f"%{query.feed}%", f"%{query.feed}%"]
        sql += " ORDER BY " + ("rank" if query.match else "a.id DESC") + " LIMIT ?"
        parameters.append(limit)
        try:
            rows = self.db.execute(sql, parameters).fetchall()
        except sqlite3.OperationalError as error:  # an FTS5 query it cannot read
            raise LibraryError(f"cannot search for that ({error})") from error
        return [SearchHit(row[0], row[1], row[2], row[3]) for row in rows]

    def analysis(self, digest: str) -> tuple[int, int, str] | None:
        row = self.db.execute(
            "SELECT quotes, speakers, cache_key FROM analysis WHERE text_hash = ?", (digest,)
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def analysed(self) -> list[tuple[str, str]]:
        """(text_hash, cache key) of every analysed text."""
        return [(row[0], row[1]) for row in self.db.execute("SELECT text_hash, cache_key FROM analysis")]

    def unread_counts(self) -> dict[int | None, int]:
        rows = self.db.execute(
            "SELECT a.feed_id, COUNT(*) FROM articles a LEFT JOIN read_state r ON r.text_hash = a.text_hash"
            " WHERE r.text_hash IS NULL GROUP BY a.feed_id"
        )
        return {row[0]: row[1] for row in rows}

    # --- read state (by text, so files and stored articles share it) ------------------
    def is_read(self, digest: str) -> bool:
        return self.db.execute("SELECT 1 FROM read_state WHERE text_hash = ?", (digest,)).fetchone() is not None

    def mark_all_read(self, digests: Iterable[str]) -> None:
        """Many texts read at once, in one transaction."""
        now = time.time()
        with self.transaction() as db:
            db.executemany("INSERT OR IGNORE INTO read_state VALUES (?, ?)", ((digest, now) for digest in digests))

    def mark_read(self, digest: str, read: bool = True) -> None:
        with self.transaction() as db:
            if read:
                db.execute("INSERT OR REPLACE INTO read_state VALUES (?, ?)", (digest, time.time()))
            else:
                db.execute("DELETE FROM read_state WHERE text_hash = ?", (digest,))


def _statements(script: str) -> Iterator[str]:
    """The script's statements one by one (a trigger's body holds semicolons of its own), so
    they run inside the migration's transaction, which `executescript` would commit."""
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n;"):
                yield buffer
            buffer = ""


def _carry_read_state(db: sqlite3.Connection, old: str, new: str) -> None:
    """A read article stays read when its text changes (a correction, its full text)."""
    if old != new:
        db.execute("INSERT OR IGNORE INTO read_state SELECT ?, read_at FROM read_state WHERE text_hash = ?", (new, old))


# sqlite3.Row stays in this module: callers get the frozen records above.
def _feed(row: sqlite3.Row) -> LibraryFeed:
    return LibraryFeed(**dict(row))


def _article(row: sqlite3.Row) -> LibraryArticle:
    data = dict(row)
    data.pop("added_at", None)
    data["read"] = bool(data["read"])
    return LibraryArticle(**data)
