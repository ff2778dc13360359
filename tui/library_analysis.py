"""Analysing the whole library in the background, into the parse cache.

After a refresh (or on `p`), every article whose text has no analysis under the current
analyser and model is analysed in a pool of processes, each loading the model once
(tui/archive's pool), in batches through `nlp.pipe`. Each finished document goes to the
parse cache and its counts, speaker names, quotes and topics to the library, so listings
show counts, `p` covers the library and search finds speakers and quotes. A document
already in the cache (opened earlier) is only indexed, with no analysis at all.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from tui.documents import Engine
from tui.model import Document
from tui.store import Library, LibraryArticle, text_hash
from tui.store.search import Indexed

CHUNK = 8  # articles per batch sent to a process


@dataclass
class Analysed:
    done: int = 0
    from_cache: int = 0
    failed: int = 0


def index_of(document: Document) -> Indexed:
    """What search learns from an analysis: speaker names, quotes and topics."""
    return Indexed(
        speakers="\n".join(speaker.name for speaker in document.speakers),
        quotes="\n".join(document.quote_text(quote) for quote in document.quotes),
        topics="\n".join(topic.label for topic in document.topics),
    )


def analysis_row(engine: Engine, article: LibraryArticle, document: Document) -> tuple[str, int, int, str, Indexed]:
    """What the library keeps of one analysis (see `Library.record_analyses`)."""
    key = engine.key(_as_article(article))
    return (text_hash(article.text), len(document.quotes), len(document.speakers), key, index_of(document))


def _as_article(stored: LibraryArticle):
    from tui.updates import as_article

    return as_article(stored)


def analyse_library(
    library: Library,
    engine: Engine,
    workers: int,
    progress: Callable[[int, int], None] | None = None,
    stopped: Callable[[], bool] = lambda: False,
    nice: int = 0,
) -> Analysed:
    """Analyse (or index from the cache) every article that needs it; `progress(done, total)`
    after each batch; `stopped()` is asked between batches. May raise ModelMissing."""
    result = Analysed()
    pending = library.unanalysed(lambda text: engine.key(_plain(text)))
    to_analyse = []
    from_cache = []
    for article in pending:
        cached = engine.cached(_as_article(article))
        if cached is not None:
            from_cache.append(analysis_row(engine, article, cached))
        else:
            to_analyse.append(article)
    library.record_analyses(from_cache)
    result.from_cache = len(from_cache)
    total = len(to_analyse)
    if progress is not None:
        progress(0, total)
    if not to_analyse:
        return result
    from tui.archive.local import ProcessPool, in_order

    pool = ProcessPool(engine.model, max(1, workers), nice=nice)
    try:
        chunks = _chunks(to_analyse)
        submit = lambda chunk: pool.submit([(str(a.id), _as_article(a)) for a in chunk])  # noqa: E731
        for chunk, outcomes in in_order(submit, chunks, pool.ahead):
            rows = []
            for article, outcome in zip(chunk, outcomes, strict=True):
                if isinstance(outcome, str):
                    result.failed += 1
                    continue
                with contextlib.suppress(OSError):  # an unwritable cache: the counts are still kept
                    engine.cache.save(engine.key(_as_article(article)), outcome)
                rows.append(analysis_row(engine, article, outcome))
            library.record_analyses(rows)  # one transaction a batch
            result.done += len(rows)
            if progress is not None:
                progress(result.done + result.failed, total)
            if stopped():
                break
    finally:
        pool.close()
    return result


def _plain(text: str):
    from tui.sources import Article

    return Article(text=text, title="", source="")


def _chunks(articles: list[LibraryArticle]) -> Iterator[list[LibraryArticle]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk
