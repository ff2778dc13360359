"""An archive's articles, read lazily from files, folders and JSONL files.

A JSONL archive holds one object per line: `{"id", "title", "text", "url", "date"}`
(only `text` is required). Every unreadable file or line becomes a `BadInput` with
a one-line message naming it; the rest of the archive is still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tui.sources import Article, SourceError, clean_text, load_article
from tui.sources.files import ARTICLE_SUFFIXES, title_of

JSONL_SUFFIX = ".jsonl"


@dataclass
class Entry:
    """One article of the archive, with the id its rows are joined by."""

    doc_id: str
    article: Article
    url: str = ""

    @property
    def outlet(self) -> str:
        """The site the article comes from: its URL's host without `www.`."""
        host = urlsplit(self.url).hostname or ""
        return host.removeprefix("www.")


@dataclass
class BadInput:
    """A file or line that is not an article; `message` names it."""

    message: str


def input_files(names: list[str], skip: Path | None = None) -> Iterator[Path | BadInput]:
    """The article and JSONL files named, folders walked in name order (`skip` is left out)."""
    for name in names:
        path = Path(name)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if skip is not None and found.resolve().is_relative_to(skip):
                    continue
                hidden = any(part.startswith(".") for part in found.relative_to(path).parts)
                suffix = found.suffix.lower()
                if found.is_file() and not hidden and (suffix in ARTICLE_SUFFIXES or suffix == JSONL_SUFFIX):
                    yield found
        elif path.exists():
            yield path
        else:
            yield BadInput(f"{path}: no such file or folder")


def count_articles(paths: list[Path | BadInput]) -> int:
    """How many articles the files hold (a JSONL file: its non-blank lines), for the progress bar."""
    total = 0
    for path in paths:
        if isinstance(path, BadInput):
            continue
        if path.suffix.lower() == JSONL_SUFFIX:
            try:
                with path.open("rb") as lines:
                    total += sum(1 for line in lines if line.strip())
            except OSError:
                continue
        else:
            total += 1
    return total


def read_entries(paths: list[Path | BadInput]) -> Iterator[Entry | BadInput]:
    """Every article in the files, in order, and a BadInput for each one that cannot be read."""
    for path in paths:
        if isinstance(path, BadInput):
            yield path
        elif path.suffix.lower() == JSONL_SUFFIX:
            yield from _jsonl_entries(path)
        else:
            try:
                article = load_article(path)
            except SourceError as error:
                yield BadInput(str(error))
                continue
            yield Entry(doc_id=str(path), article=article)


def _jsonl_entries(path: Path) -> Iterator[Entry | BadInput]:
    try:
        lines = path.open("rb")
    except OSError as error:
        yield BadInput(f"{path}: cannot be read ({error.strerror or error})")
        return
    with lines:
        for number, raw in enumerate(lines, start=1):
            if raw.strip():
                yield _jsonl_entry(path, number, raw)


def _jsonl_entry(path: Path, number: int, raw: bytes) -> Entry | BadInput:
    where = f"{path}:{number}"
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        return BadInput(f"{where}: is not UTF-8 text (bad byte at offset {error.start})")
    except json.JSONDecodeError as error:
        return BadInput(f"{where}: is not a JSON object ({error.msg})")
    if not isinstance(record, dict):
        return BadInput(f"{where}: is not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not clean_text(text).strip():
        return BadInput(f"{where}: has no text")
    text = clean_text(text)
    fields = {name: record.get(name) for name in ("id", "title", "url", "date")}
    if any(value is not None and not isinstance(value, str | int) for value in fields.values()):
        return BadInput(f"{where}: id, title, url and date must be strings")
    url = clean_text(str(fields["url"] or "")).strip()
    article = Article(
        text=text,
        title=clean_text(str(fields["title"] or "")).strip() or title_of(text),
        source=url or where,
        date=clean_text(str(fields["date"] or "")).strip(),
    )
    doc_id = str(fields["id"]) if fields["id"] is not None else where
    return Entry(doc_id=clean_text(doc_id), article=article, url=url)
