"""One archive run: read the inputs, analyse what is not done yet, write it in input order.

The runner decides where analysis happens (this process, a process pool, a Dask
cluster); everything else, from reading the inputs to writing the Parquet, is the
same for all three, so their archives are identical.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from tui.analysis import ANALYSER_VERSION
from tui.analysis.spacy_models import INSTALL_HINT, chosen_model, installed_models, model_version
from tui.archive.inputs import BadInput, Entry, count_articles, input_files, read_entries
from tui.archive.local import InProcess, ProcessPool, in_order
from tui.archive.output import ArchiveError, ArchiveOutput
from tui.archive.progress import ArchiveProgress
from tui.model import Document
from tui.store import cache_key


@dataclass
class ArchiveJob:
    """What `newsreader analyze` was asked to do with an archive."""

    inputs: list[str]
    out: Path | None = None  # the archive folder; None prints JSONL on stdout instead
    workers: int = 1  # processes on this machine (1: this process)
    dask: str | None = None  # a Dask scheduler address, instead of local workers
    model: str | None = None
    chunk_size: int = 16  # articles per task (one nlp.pipe batch)
    part_size: int = 1000  # documents per Parquet part (the unit a killed run loses at most)


@dataclass
class Summary:
    analysed: int = 0
    already_done: int = 0
    bad: int = 0
    seconds: float = 0.0


class StdoutJsonl:
    """Without --out: every document as a JSON line on stdout, in input order."""

    def claim(self, doc_id: str, key: str) -> bool:
        return True

    def add(self, entry: Entry, key: str, document: Document) -> None:
        sys.stdout.write(document.to_json() + "\n")

    def commit(self) -> None:
        sys.stdout.flush()


def all_cores() -> int:
    """The cores this process may run on (the default number of workers)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_archive(job: ArchiveJob) -> int:
    """The job as a command: 0 when every article was analysed, 2 when some were not (each named on stderr)."""
    try:
        summary = analyse_archive(job)
    except ArchiveError as error:
        print(f"newsreader: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"newsreader: {job.out}: cannot be written ({error.strerror or error})", file=sys.stderr)
        return 2
    return 2 if summary.bad else 0


def model_key(model: str) -> str:
    """The model part of a document's key (as in the parse cache's key)."""
    return f"{model}-{model_version(model)}"


def analyse_archive(job: ArchiveJob) -> Summary:
    """Analyse every article of the job's inputs that its archive does not hold yet.

    Bad inputs are reported on stderr and counted; ArchiveError when the job cannot run at all.
    """
    model = chosen_model(job.model)
    if model is None or (not job.dask and not installed_models((model,))):
        raise ArchiveError(f"the spaCy model {model or ''!r} is not installed; install one with: {INSTALL_HINT}")
    key_model = model_key(model)
    sink = _open_sink(job, key_model)
    paths = list(input_files(job.inputs, skip=job.out.resolve() if job.out else None))
    summary = Summary()
    started = time.monotonic()
    with ArchiveProgress(count_articles(paths)) as progress:

        def to_analyse() -> Iterator[tuple[Entry, str]]:
            for entry in read_entries(paths):
                if isinstance(entry, BadInput):
                    progress.message(f"newsreader: {entry.message}")
                    progress.drop()
                    summary.bad += 1
                    continue
                key = cache_key(entry.article.text, ANALYSER_VERSION, key_model)
                if sink.claim(entry.doc_id, key):
                    yield entry, key
                else:
                    progress.drop()
                    summary.already_done += 1

        try:
            runner = _runner(job, model)
        except RuntimeError as error:  # ModelMissing: the model is installed but does not load
            raise ArchiveError(str(error)) from error
        try:
            submit = lambda chunk: runner.submit([(entry.doc_id, entry.article) for entry, _ in chunk])  # noqa: E731
            for chunk, outcomes in in_order(submit, chunked(to_analyse(), job.chunk_size), runner.ahead):
                _store(chunk, outcomes, sink, summary, progress)
        except KeyboardInterrupt:
            sink.commit()  # what is analysed is kept; the next run starts after it
            raise
        except ArchiveError:
            raise
        except Exception as error:  # a dead worker, a lost cluster, a full disk: one line, never a traceback
            _keep(sink)
            raise ArchiveError(
                f"the run stopped ({type(error).__name__}: {error}); what was written is kept, "
                "and the same command resumes"
            ) from error
        else:
            sink.commit()
        finally:
            runner.close()
        summary.seconds = time.monotonic() - started
        _report(summary, progress)
    return summary


def _open_sink(job: ArchiveJob, key_model: str):
    """Where analysed documents go: the archive's Parquet folder, or JSON lines on stdout."""
    if job.out is not None:
        return ArchiveOutput(job.out, ANALYSER_VERSION, key_model, part_size=job.part_size)
    return StdoutJsonl()


def _store(chunk, outcomes, sink, summary: Summary, progress: ArchiveProgress) -> None:
    """One chunk's outcomes: documents to the sink, failures reported and counted."""
    for (entry, key), outcome in zip(chunk, outcomes):
        if isinstance(outcome, str):
            progress.message(f"newsreader: {outcome}")
            summary.bad += 1
        elif outcome.analyser != ANALYSER_VERSION:
            raise ArchiveError(
                f"a worker runs analyser {outcome.analyser} and this newsreader {ANALYSER_VERSION}; "
                "install the same newsreader everywhere"
            )
        else:
            sink.add(entry, key, outcome)
            summary.analysed += 1
    progress.advance(len(chunk))


def _report(summary: Summary, progress: ArchiveProgress) -> None:
    if progress.shown:
        rate = summary.analysed / summary.seconds if summary.seconds else 0.0
        progress.message(
            f"analysed {summary.analysed} articles in {summary.seconds:.1f} s ({rate:.1f} articles/s); "
            f"{summary.already_done} already done, {summary.bad} not analysed"
        )


def _keep(sink) -> None:
    """Commit what was analysed before a failure, if the disk allows it."""
    with contextlib.suppress(OSError):
        sink.commit()


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items (the last may be shorter), read lazily (itertools.batched from Python 3.12)."""
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def _runner(job: ArchiveJob, model: str):
    if job.dask:
        try:
            from tui.archive.cluster import DaskCluster
        except ImportError as error:
            raise ArchiveError('--dask needs the dask extra: pip install "newsreader[dask]"') from error
        return DaskCluster(job.dask, model)
    if job.workers > 1:
        return ProcessPool(model, job.workers)
    return InProcess(model)
