"""Where articles come from: files, web pages, feeds and OPML (no spaCy, no Textual here)."""

from tui.sources.files import (
    Article,
    SourceError,
    article_from_html,
    bundled_seeds,
    clean_text,
    load_article,
    load_library,
)

__all__ = ["Article", "SourceError", "article_from_html", "bundled_seeds", "clean_text", "load_article", "load_library"]
