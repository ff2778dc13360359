"""config.toml: theme, model and key overrides. A broken file never stops the reader."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tui.store.paths import config_dir


@dataclass
class Config:
    """Settings from config.toml; `problem` says why defaults were used, if they were."""

    theme: str = "textual-dark"
    model: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    full_text: str = "auto"  # every feed's: fetch the linked page when an entry is short
    feeds: dict[str, str] = field(default_factory=dict)  # feed URL -> its own full_text
    problem: str = ""

    def full_text_for(self, feed_url: str) -> str:
        """ "auto", "always" or "never" for this feed."""
        return self.feeds.get(feed_url, self.full_text)


FULL_TEXT_MODES = ("auto", "always", "never")


def config_path() -> Path:
    return config_dir() / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Read config.toml; a missing file gives defaults, a broken one defaults and a problem."""
    path = path or config_path()
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
    problems += _read_full_text(data, config)
    if problems:
        config.problem = f"{path}: " + "; ".join(problems) + " (ignored)"
    return config


def _read_full_text(data: dict[str, object], config: Config) -> list[str]:
    """`full_text = "auto"` at the top and `[feeds."URL"] full_text = "never"` per feed."""
    problems = []
    mode = data.get("full_text")
    if mode in FULL_TEXT_MODES:
        config.full_text = mode
    elif mode is not None:
        problems.append('full_text must be "auto", "always" or "never"')
    feeds = data.get("feeds", {})
    if not isinstance(feeds, dict):
        return [*problems, '[feeds] must hold one table per feed URL, like [feeds."https://…"]']
    for url, settings in feeds.items():
        value = settings.get("full_text") if isinstance(settings, dict) else None
        if value in FULL_TEXT_MODES:
            config.feeds[url] = value
        else:
            problems.append(f'[feeds."{url}"] full_text must be "auto", "always" or "never"')
    return problems


def save_theme(theme: str, path: Path | None = None) -> str:
    """Write `theme = "…"` into config.toml, keeping everything else in the file as it was.

    Returns "" on success, or why the file was left alone (a file that does not parse
    is never overwritten). tomlkit, which keeps the file's comments and layout, is imported
    only here: reading the config at launch needs only tomllib."""
    import tomlkit

    path = path or config_path()
    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else tomlkit.document()
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.TOMLKitError) as error:
        return f"{path}: {error}; the theme was not saved"
    document["theme"] = theme  # tomlkit puts a new top-level key before the first [table]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(tomlkit.dumps(document), encoding="utf-8")
    except OSError as error:
        return f"{path}: {error}; the theme was not saved"
    return ""
