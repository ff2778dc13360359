"""Where newsreader keeps things: the parse cache, the library database and the config.

Nothing here imports spaCy or Textual: a cached article opens without either.
"""

from tui.store.cache import ParseCache, cache_key, text_hash
from tui.store.config import Config, load_config
from tui.store.library import Library, LibraryArticle, LibraryError, LibraryFeed, LibraryListing
from tui.store.paths import cache_dir, config_dir, data_dir

__all__ = [
    "Config",
    "Library",
    "LibraryArticle",
    "LibraryError",
    "LibraryFeed",
    "LibraryListing",
    "ParseCache",
    "cache_dir",
    "cache_key",
    "config_dir",
    "data_dir",
    "load_config",
    "text_hash",
]
