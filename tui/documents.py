"""The way to an analysed Document: the cache first, spaCy only when it must.

Called from worker threads. spaCy is imported here lazily, the first time an
article is not in the cache, never at app start-up. The app analyses in a child
process (`separate_process=True`): spaCy and the rules hold Python's GIL for
seconds on a long article, and in a thread of the app that would stall its keys.
"""

from __future__ import annotations

import contextlib
import os
import threading

from tui.analysis import ANALYSER_VERSION
from tui.analysis.attribution.marks import paragraph_spans
from tui.analysis.spacy_models import chosen_model, model_version
from tui.model import Document
from tui.sources import Article
from tui.store import ParseCache, cache_key


class Engine:
    """Turns articles into documents, through the parse cache."""

    def __init__(self, model: str | None = None, cache: ParseCache | None = None, separate_process: bool = False):
        self.model = chosen_model(model)
        self.cache = cache or ParseCache()
        self.separate_process = separate_process
        if separate_process:
            from multiprocessing import resource_tracker

            # Started now, while stderr is the real one: inside a running Textual app it is not
            # a file, and the tracker cannot be started then.
            resource_tracker.ensure_running()
        self._analyzer = None
        self._warm = False
        self._lock = threading.Lock()

    def key(self, article: Article) -> str:
        label = f"{self.model}-{model_version(self.model)}" if self.model else "none"
        return cache_key(article.text, ANALYSER_VERSION, label)

    def cached(self, article: Article) -> Document | None:
        return self.cache.load(self.key(article))

    @property
    def model_loaded(self) -> bool:
        """Whether spaCy and its model are loaded (the next analysis starts at once)."""
        return self._warm

    def warm_up(self) -> None:
        """Load spaCy and the model now, where analyses run (a worker calls this at start-up).
        May raise ModelMissing."""
        if self.separate_process:
            _in_child_process(self.model, None)
        else:
            self._local_analyzer()
        self._warm = True

    def _local_analyzer(self):
        with self._lock:
            if self._analyzer is None:
                from tui.analysis.engine import Analyzer

                self._analyzer = Analyzer(self.model)
            return self._analyzer

    def analyse(self, article: Article) -> Document:
        """The analysed document (cached, or made now and cached). May raise ModelMissing."""
        document = self.cached(article)
        if document is not None:
            return document
        if self.separate_process:
            document = _in_child_process(self.model, article)
        else:
            analyzer = self._local_analyzer()
            with self._lock:
                document = next(analyzer.analyze_many([article]))
        self._warm = True
        with contextlib.suppress(OSError):  # an unwritable cache costs the next open an analysis, not this one
            self.cache.save(self.key(article), document)
        return document


class AnalysisStopped(RuntimeError):
    """The analysing process ended before its answer (killed, or out of memory)."""


class _ChildProcess:
    """One spawned process that analyses articles sent over a pipe, one at a time; spaCy
    is loaded there once. Daemonic, so quitting the app never waits for an analysis."""

    def __init__(self):
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end,), name="newsreader-analysis", daemon=True)
        self.process.start()
        child_end.close()

    def analyse(self, model: str | None, article: Article | None) -> Document | None:
        """The article's document; with no article, just load the model and answer None."""
        try:
            self.connection.send((model, article))
            succeeded, value = self.connection.recv()
        except (EOFError, OSError) as error:
            raise AnalysisStopped("the analysis process stopped before it finished (out of memory?)") from error
        if succeeded:
            return value
        raise value


_child: _ChildProcess | None = None
_child_lock = threading.Lock()


def _in_child_process(model: str | None, article: Article | None) -> Document | None:
    """Analyse in the child process (started on first use; a new one if the last one died)."""
    global _child
    with _child_lock:
        if _child is None or not _child.process.is_alive():
            _child = _ChildProcess()
        try:
            return _child.analyse(model, article)
        except AnalysisStopped:
            _child = None
            raise


def _serve(connection) -> None:
    """The child's loop: (model, article) in, (True, Document) or (False, exception) out."""
    with contextlib.suppress(OSError):
        os.nice(5)  # the reader's own process comes first for the CPU: keys before analysis
    analyzers: dict = {}
    while True:
        try:
            model, article = connection.recv()
        except EOFError:
            return
        try:
            if model not in analyzers:
                from tui.analysis.engine import Analyzer

                analyzers[model] = Analyzer(model)
            answer = (True, None if article is None else next(analyzers[model].analyze_many([article])))
        except Exception as error:  # sent back as it is, or as its message when it cannot be pickled
            answer = (False, error if _picklable(error) else RuntimeError(f"{error.__class__.__name__}: {error}"))
        connection.send(answer)


def _picklable(value) -> bool:
    import pickle

    try:
        pickle.dumps(value)
    except Exception:
        return False
    return True


def plain_document(article: Article) -> Document:
    """The text alone, shown while the analysis runs."""
    return Document(
        text=article.text, title=article.title, source=article.source, paragraphs=paragraph_spans(article.text)
    )
