"""Analysing chunks of articles in this process or in a pool of processes, in input order.

A runner's `submit(chunk)` gives a future of the chunk's outcomes; each pool
process loads the model once (the pool's initializer). `in_order` gives the
results back in the order the chunks went in, with at most `ahead` chunks in
flight, so an archive of any size streams through in bounded memory.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from tui.model import Document
from tui.sources import Article

Chunk = list[tuple[str, Article]]  # (doc_id, article) pairs
Outcome = Document | str  # a document, or a one-line message saying why there is none


def analyse_chunk(analyzer, chunk: Chunk) -> list[Outcome]:
    """The chunk's documents in one `nlp.pipe` batch; an article the analyser fails on becomes a message."""
    try:
        return list(analyzer.analyze_many(article for _, article in chunk))
    except Exception:
        pass  # find which article it was, and keep the others
    outcomes: list[Outcome] = []
    for doc_id, article in chunk:
        try:
            outcomes.append(analyzer.analyze(article.text, article.title, article.source))
        except Exception as error:
            outcomes.append(f"{doc_id}: analysis failed ({type(error).__name__}: {error})")
    return outcomes


def in_order(submit: Callable[[Any], Any], chunks: Iterable[Any], ahead: int) -> Iterator[tuple[Any, Any]]:
    """(chunk, result) in the order the chunks come, with up to `ahead` futures submitted at once."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= ahead:
            oldest, future = pending.popleft()
            yield oldest, future.result()
    while pending:
        oldest, future = pending.popleft()
        yield oldest, future.result()


class InProcess:
    """One process: the model loaded here, each chunk analysed as it is submitted."""

    ahead = 1

    def __init__(self, model: str | None):
        from tui.analysis.engine import Analyzer

        self.analyzer = Analyzer(model)

    def submit(self, chunk: Chunk) -> Future:
        done: Future = Future()
        done.set_result(analyse_chunk(self.analyzer, chunk))
        return done

    def close(self) -> None:
        pass


_worker_analyzer = None


def _start_worker(model: str | None, nice: int = 0) -> None:
    """Pool initializer: ctrl+c is the parent's to handle; load the model once. `nice` lowers
    the workers' priority (the reader's background analysis: keys come first)."""
    global _worker_analyzer
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if nice:
        with contextlib.suppress(OSError):
            os.nice(nice)
    from tui.analysis.engine import Analyzer

    _worker_analyzer = Analyzer(model)


def _analyse_in_worker(chunk: Chunk) -> list[Outcome]:
    return analyse_chunk(_worker_analyzer, chunk)


class ProcessPool:
    """N processes (spawned, so no lock or thread of this one is copied), each with its own model."""

    def __init__(self, model: str | None, workers: int, nice: int = 0):
        self.ahead = 2 * workers
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(model, nice),
        )

    def submit(self, chunk: Chunk) -> Future:
        return self.pool.submit(_analyse_in_worker, chunk)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
