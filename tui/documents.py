"""The way to an analysed Document: the cache first, spaCy only when it must.

Called from worker threads. spaCy is imported here lazily, the first time an
article is not in the cache, never at app start-up. The app analyses in a child
process (`separate_process=True`): spaCy and the rules hold Python's GIL for
seconds on a long article, and in a thread of the app that would stall its keys.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable

from tui.analysis import ANALYSER_VERSION
from tui.analysis.attribution.marks import paragraph_spans
from tui.analysis.spacy_models import chosen_model, model_version
from tui.model import Document
from tui.sources import Article
from tui.store import ParseCache, cache_key

Progress = Callable[[int, int], None]  # (steps done, steps in all), as tui.analysis.engine reports them


class Engine:
    """Turns articles into documents, through the parse cache."""

    def __init__(self, model: str | None = None, cache: ParseCache | None = None, separate_process: bool = False):
        self.model = chosen_model(model)
        self.cache = cache or ParseCache()
        self.separate_process = separate_process
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

    def start_loading(self) -> None:
        """Begin loading the model where analyses run, without waiting (separate process only)."""
        if self.separate_process and not self._warm:
            start_loading_model(self.model)

    def analyse(self, article: Article, on_progress: Progress | None = None) -> Document:
        """The analysed document (cached, or made now and cached). May raise ModelMissing.
        `on_progress` hears (steps done, steps in all) while an analysis runs."""
        document = self.cached(article)
        if document is not None:
            return document
        if self.separate_process:
            document = _in_child_process(self.model, article, on_progress)
        else:
            analyzer = self._local_analyzer()
            with self._lock:
                document = next(analyzer.analyze_many([article], on_progress=on_progress))
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
        self.unanswered = 0  # warm-up requests sent without waiting (`start_loading`)

    def start_loading(self, model: str | None) -> None:
        """Ask for the model to be loaded, without waiting: the answer is read before the next one's."""
        self.connection.send((model, None, False))
        self.unanswered += 1

    def analyse(
        self, model: str | None, article: Article | None, on_progress: Progress | None = None
    ) -> Document | None:
        """The article's document; with no article, just load the model and answer None."""
        try:
            self.connection.send((model, article, on_progress is not None))
            while self.unanswered:  # answers come in order; a failed early load fails again here
                self._answer(None)
                self.unanswered -= 1
            kind, value = self._answer(on_progress)
        except (EOFError, OSError) as error:
            raise AnalysisStopped("the analysis process stopped before it finished (out of memory?)") from error
        if kind == "done":
            return value
        raise value

    def _answer(self, on_progress: Progress | None) -> tuple[str, object]:
        """The next answer: ("done", document) or ("failed", error); progress on the way is passed on."""
        while True:
            kind, value = self.connection.recv()
            if kind != "progress":
                return kind, value
            if on_progress is not None:
                on_progress(*value)


_child: _ChildProcess | None = None
_child_lock = threading.Lock()


def _in_child_process(
    model: str | None, article: Article | None, on_progress: Progress | None = None
) -> Document | None:
    """Analyse in the child process (started on first use; a new one if the last one died)."""
    global _child
    with _child_lock:
        child = _running_child()
        try:
            return child.analyse(model, article, on_progress)
        except AnalysisStopped:
            _child = None
            raise


def start_loading_model(model: str | None) -> None:
    """Start the analysis process and its loading of spaCy now, without waiting (at launch, when the
    article to open is not in the cache: the model loads while Textual starts)."""
    with _child_lock, contextlib.suppress(OSError):
        _running_child().start_loading(model)


def _running_child() -> _ChildProcess:
    """The analysis process, started now if there is none or the last one died (hold `_child_lock`)."""
    global _child
    if _child is None or not _child.process.is_alive():
        _start_resource_tracker()
        _child = _ChildProcess()
    return _child


def _start_resource_tracker() -> None:
    """multiprocessing's resource tracker, which a spawned process needs, started only when one is
    (a cached article never starts either). It is handed our stderr; inside a running Textual app
    that is a capture with no file behind it (fileno -1, which cannot be passed on), so there the
    tracker gets /dev/null: anything it wrote to the terminal would garble the app's screen."""
    from multiprocessing import resource_tracker

    try:
        has_file = sys.stderr.fileno() >= 0
    except (AttributeError, ValueError, OSError):
        has_file = False
    if has_file:
        resource_tracker.ensure_running()
        return
    with open(os.devnull, "w") as nowhere, contextlib.redirect_stderr(nowhere):
        resource_tracker.ensure_running()


def _serve(connection) -> None:
    """The child's loop: (model, article, wants progress) in; ("progress", (done, total)) messages
    while it works when asked for, then ("done", Document or None) or ("failed", exception) out."""
    with contextlib.suppress(OSError):
        os.nice(5)  # the reader's own process comes first for the CPU: keys before analysis
    analyzers: dict = {}
    while True:
        try:
            model, article, wants_progress = connection.recv()
        except EOFError:
            return

        def progress(done: int, total: int) -> None:
            connection.send(("progress", (done, total)))

        try:
            if model not in analyzers:
                from tui.analysis.engine import Analyzer

                analyzers[model] = Analyzer(model)
            if article is None:
                answer: tuple[str, object] = ("done", None)
            else:
                found = analyzers[model].analyze_many([article], on_progress=progress if wants_progress else None)
                answer = ("done", next(found))
        except Exception as error:  # sent back as it is, or as its message when it cannot be pickled
            answer = ("failed", error if _picklable(error) else RuntimeError(f"{error.__class__.__name__}: {error}"))
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
