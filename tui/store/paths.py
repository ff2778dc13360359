"""Folders from platformdirs, overridable with NEWSREADER_CACHE_DIR, NEWSREADER_DATA_DIR and
NEWSREADER_CONFIG_DIR (the tests use these)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir, user_data_dir

APP = "newsreader"


def cache_dir() -> Path:
    return Path(os.environ.get("NEWSREADER_CACHE_DIR") or user_cache_dir(APP))


def data_dir() -> Path:
    return Path(os.environ.get("NEWSREADER_DATA_DIR") or user_data_dir(APP))


def config_dir() -> Path:
    return Path(os.environ.get("NEWSREADER_CONFIG_DIR") or user_config_dir(APP))
