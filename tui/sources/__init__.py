"""Where articles come from: files and folders (no spaCy, no Textual here)."""

from tui.sources.files import Article, SourceError, clean_text, load_article, load_library

__all__ = ["Article", "SourceError", "clean_text", "load_article", "load_library"]
