"""Where newsreader keeps things: the parse cache, read state and the config file.

Paths come from platformdirs (overridable with NEWSREADER_CACHE_DIR,
NEWSREADER_DATA_DIR and NEWSREADER_CONFIG_DIR, which the tests use). Nothing
here imports spaCy or Textual: a cached article opens without either.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir, user_data_dir

from tui.model import Document, SchemaError

APP = "newsreader"


def cache_dir() -> Path:
    return Path(os.environ.get("NEWSREADER_CACHE_DIR") or user_cache_dir(APP))


def data_dir() -> Path:
    return Path(os.environ.get("NEWSREADER_DATA_DIR") or user_data_dir(APP))


def config_dir() -> Path:
    return Path(os.environ.get("NEWSREADER_CONFIG_DIR") or user_config_dir(APP))


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


class ReadState:
    """Which articles have been opened, by text hash (a small JSON file)."""

    def __init__(self, path: Path | None = None):
        self.path = path or data_dir() / "read.json"
        try:
            self.read = set(json.loads(self.path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            self.read = set()

    def is_read(self, digest: str) -> bool:
        return digest in self.read

    def mark(self, digest: str, read: bool = True) -> None:
        (self.read.add if read else self.read.discard)(digest)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(sorted(self.read)), encoding="utf-8")
        except OSError:
            pass  # read state is a convenience: never fail reading over it


@dataclass
class Config:
    """Settings from config.toml; `problem` says why defaults were used, if they were."""

    theme: str = "textual-dark"
    model: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    problem: str = ""


def load_config(path: Path | None = None) -> Config:
    """Read config.toml; a missing file gives defaults, a broken one defaults and a problem."""
    path = path or config_dir() / "config.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(problem=f"{path}: {error}; using the defaults")
    config = Config()
    theme = data.get("theme")
    model = data.get("model")
    keys = data.get("keys", {})
    problems = []
    if isinstance(theme, str):
        config.theme = theme
    elif theme is not None:
        problems.append("theme must be a string")
    if isinstance(model, str):
        config.model = model
    elif model is not None:
        problems.append("model must be a string")
    if isinstance(keys, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in keys.items()):
        config.keys = dict(keys)
    else:
        problems.append("[keys] must map action names to key strings")
    if problems:
        config.problem = f"{path}: " + "; ".join(problems) + " (ignored)"
    return config
