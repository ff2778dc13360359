"""The way to an analysed Document: the cache first, spaCy only when it must.

Called from worker threads. spaCy is imported here lazily, the first time an
article is not in the cache, never at app start-up.
"""

from __future__ import annotations

import threading

from tui.analysis import ANALYSER_VERSION
from tui.analysis.marks import paragraph_spans
from tui.analysis.models import chosen_model, model_version
from tui.model import Document
from tui.sources import Article
from tui.store import ParseCache, cache_key


class Engine:
    """Turns articles into documents, through the parse cache."""

    def __init__(self, model: str | None = None, cache: ParseCache | None = None):
        self.model = chosen_model(model)
        self.cache = cache or ParseCache()
        self._analyzer = None
        self._lock = threading.Lock()

    def key(self, article: Article) -> str:
        label = f"{self.model}-{model_version(self.model)}" if self.model else "none"
        return cache_key(article.text, ANALYSER_VERSION, label)

    def cached(self, article: Article) -> Document | None:
        return self.cache.load(self.key(article))

    @property
    def model_loaded(self) -> bool:
        """Whether spaCy and its model are in memory (the next analysis starts at once)."""
        return self._analyzer is not None

    def warm_up(self) -> None:
        """Load spaCy and the model now (a worker calls this at start-up). May raise ModelMissing."""
        with self._lock:
            if self._analyzer is None:
                from tui.analysis.engine import Analyzer

                self._analyzer = Analyzer(self.model)

    def analyse(self, article: Article) -> Document:
        """The analysed document (cached, or made now and cached). May raise ModelMissing."""
        document = self.cached(article)
        if document is not None:
            return document
        self.warm_up()
        with self._lock:
            document = self._analyzer.analyze(article.text, article.title, article.source)
        self.cache.save(self.key(article), document)
        return document


def plain_document(article: Article) -> Document:
    """The text alone, shown while the analysis runs."""
    return Document(
        text=article.text, title=article.title, source=article.source, paragraphs=paragraph_spans(article.text)
    )
