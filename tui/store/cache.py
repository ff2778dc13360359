"""The parse cache: analysed documents as JSON, keyed by text, analyser version and model."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from tui.model import Document, SchemaError
from tui.store.paths import cache_dir


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_key(text: str, analyser: str, model: str) -> str:
    """One cache entry per text, analyser version and model."""
    return hashlib.sha256(f"{text_hash(text)}|{analyser}|{model}".encode()).hexdigest()[:32]


class ParseCache:
    """Analysed documents as JSON files, one per cache key."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or cache_dir() / "documents"

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def load(self, key: str) -> Document | None:
        """The cached document, or None; a corrupt entry, whatever its corruption (bytes that
        are not UTF-8, JSON nested too deep, fields of the wrong type, offsets outside the
        text), is dropped so it is rebuilt."""
        path = self.path(key)
        try:
            payload = path.read_bytes()
        except OSError:
            return None
        try:
            document = Document.from_json(payload.decode("utf-8"))
            _check(document)
            return document
        except (SchemaError, UnicodeDecodeError, RecursionError, TypeError, ValueError, AttributeError):
            with contextlib.suppress(OSError):  # an unwritable cache: the entry stays, skipped each time
                path.unlink(missing_ok=True)
            return None

    def save(self, key: str, document: Document) -> None:
        """Keep the document; OSError when the cache folder cannot be written."""
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.path(key).with_suffix(".tmp")
        temporary.write_text(document.to_json(), encoding="utf-8")
        temporary.replace(self.path(key))


def _check(document: Document) -> None:
    """TypeError/ValueError unless every field the panes read has its type and every span is in the text."""
    for value in (document.text, document.title, document.source, document.model, document.analyser):
        if not isinstance(value, str):
            raise TypeError(f"expected text, got {type(value).__name__}")
    size = len(document.text)
    spans = [*document.paragraphs]
    for speaker in document.speakers:
        if not isinstance(speaker.id, str) or not isinstance(speaker.name, str):
            raise TypeError("a speaker without an id or name")
        spans += speaker.mentions
    for quote in document.quotes:
        spans += [(quote.start, quote.end), *(s for s in (quote.speaker_span, quote.cue_span) if s)]
        if not isinstance(quote.id, str) or not isinstance(quote.kind, str) or not isinstance(quote.paragraph, int):
            raise TypeError("a quote with fields of the wrong type")
    for topic in document.topics:
        spans += topic.mentions
    for start, end in spans:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= size):
            raise ValueError(f"a span ({start}, {end}) outside the text")
