"""The parse cache: analysed documents as JSON, keyed by text, analyser version and model."""

from __future__ import annotations

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
        """The cached document, or None; a corrupt entry is dropped so it is rebuilt."""
        path = self.path(key)
        try:
            payload = path.read_text(encoding="utf-8")
        except OSError:
            return None
        try:
            return Document.from_json(payload)
        except SchemaError:
            path.unlink(missing_ok=True)
            return None

    def save(self, key: str, document: Document) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.path(key).with_suffix(".tmp")
        temporary.write_text(document.to_json(), encoding="utf-8")
        temporary.replace(self.path(key))
