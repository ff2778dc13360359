"""The same job on a Dask distributed cluster (the `dask` extra: `pip install "newsreader[dask]"`).

A worker plugin loads the model once on every worker, and on every worker that
joins later. Chunks go to the cluster as futures, a bounded number at a time,
and come back in input order; Dask's scheduler places them and re-runs those of
a worker that dies. Each worker needs newsreader and the model installed; run
workers with one thread each (`dask worker ADDRESS --nthreads 1`), as a spaCy
model analyses one batch at a time.
"""

from __future__ import annotations

import threading

from distributed import Client, WorkerPlugin, get_worker

from tui.archive.local import Chunk, Outcome, analyse_chunk
from tui.archive.output import ArchiveError

PLUGIN = "newsreader-analyzer"


class AnalyzerPlugin(WorkerPlugin):
    """Loads the model once when a worker starts, for every task that runs there."""

    name = PLUGIN
    idempotent = False  # a new run's plugin (maybe another model) replaces the last one

    def __init__(self, model: str | None):
        self.model = model
        self.analyzer = None
        self.lock = threading.Lock()

    def __getstate__(self):
        return {"model": self.model}

    def __setstate__(self, state):
        self.__init__(state["model"])

    def setup(self, worker) -> None:
        from tui.analysis.engine import Analyzer

        self.analyzer = Analyzer(self.model)


def _analyse_on_worker(chunk: Chunk) -> list[Outcome]:
    plugin = get_worker().plugins[PLUGIN]
    with plugin.lock:  # one batch at a time through this worker's model, whatever its thread count
        return analyse_chunk(plugin.analyzer, chunk)


class DaskCluster:
    """A client of the scheduler at `address`, with the analyser plugin registered on its workers."""

    def __init__(self, address: str, model: str | None, wait: float = 30.0):
        try:
            self.client = Client(address, timeout="10s")
        except (OSError, TimeoutError, ValueError) as error:
            raise ArchiveError(f"cannot reach the Dask scheduler at {address} ({error})") from error
        try:
            self.client.wait_for_workers(1, timeout=wait)
        except TimeoutError as error:
            self.client.close()
            raise ArchiveError(f"no Dask worker joined the scheduler at {address} within {wait:.0f} s") from error
        try:
            self.client.register_plugin(AnalyzerPlugin(model), name=PLUGIN)
        except Exception as error:
            self.client.close()
            raise ArchiveError(
                f"the Dask workers could not load the model ({type(error).__name__}: {error})"
            ) from error
        self.ahead = max(4, 2 * sum(self.client.nthreads().values()))

    def submit(self, chunk: Chunk):
        return self.client.submit(_analyse_on_worker, chunk, pure=False)

    def close(self) -> None:
        self.client.close()
