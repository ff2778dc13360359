"""Archive throughput: one process vs `--workers 2` vs `--dask` on a LocalCluster(2), in one run.

    python benchmarks/archive.py [PolNeAR/data/train/text] [--articles 2000] [--keep DIR]

Writes a JSONL archive of --articles articles (the folder's .txt files repeated,
each copy its own id; outlet and date come from PolNeAR's file names
`outlet_YYYY-MM-DD_slug.txt`; without a folder, the bundled seed repeated), then
times `newsreader analyze ARCHIVE --out DIR` three ways, start-up included:
`--workers 1`, `--workers 2`, and `--dask` against a LocalCluster of two
one-thread worker processes started beforehand (a cluster is already running
when a user points --dask at it). Prints articles/s, the ratios (targets:
workers-2 >= 1.8 x one process; Dask >= 0.85 x workers-2), the CPU seconds each
way spent per article (the work parallelism adds, which the load does not
change), the load average (other people's work on the machine depresses the
wall-clock ratios), and what a
1,000,000-article archive costs at the measured per-core rate. The three
archives must hold the same documents. --keep DIR keeps them (for DuckDB).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"^(?P<outlet>[a-z-]+?)_(?P<date>\d{4}-\d{2}-\d{2})_(?P<slug>.+)$")


def write_archive(folder: Path | None, count: int, path: Path) -> None:
    """`count` JSONL records from the folder's texts, repeated in order; never copied into the repo."""
    files = sorted(folder.glob("*.txt")) if folder else sorted((ROOT / "seeds").glob("*.txt"))
    if not files:
        sys.exit(f"no .txt files in {folder}")
    texts = [(file.stem, file.read_text(encoding="utf-8")) for file in files]
    with path.open("w", encoding="utf-8") as archive:
        for number in range(count):
            stem, text = texts[number % len(texts)]
            found = NAME.match(stem)
            outlet, date, slug = (found["outlet"], found["date"], found["slug"]) if found else ("seed", "", stem)
            record = {
                "id": f"{stem}#{number // len(texts)}",
                "title": "",
                "text": text,
                "url": f"https://{outlet}.example/{slug}",
                "date": date,
            }
            archive.write(json.dumps(record, ensure_ascii=False) + "\n")


def cpu_seconds() -> float:
    """CPU time of this process and every process under it, finished (reaped) or still running."""
    import psutil  # installed with distributed

    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def timed_run(archive: Path, out: Path, *options: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one `newsreader analyze` (its workers, and a LocalCluster's, included)."""
    command = [sys.executable, "-m", "tui", "analyze", str(archive), "--out", str(out), *options]
    cpu = cpu_seconds()
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return seconds, cpu_seconds() - cpu


def report(name: str, runs: dict[str, tuple[float, float]], articles: int) -> None:
    seconds, cpu = runs[name]
    print(
        f"{name:12}  {seconds:7.1f} s  {articles / seconds:6.2f} articles/s   "
        f"CPU {cpu:7.1f} s = {cpu / articles * 1000:5.0f} ms/article   ({load()})",
        flush=True,
    )


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, help="a folder of .txt articles (PolNeAR train/text)")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="keep the archives in this folder")
    args = parser.parse_args()
    from distributed import LocalCluster

    work = Path(tempfile.mkdtemp(prefix="newsreader-archive-"))
    try:
        archive = work / "archive.jsonl"
        write_archive(args.folder, args.articles, archive)
        print(f"{args.articles} articles from {args.folder or 'the bundled seed'}; before: {load()}", flush=True)
        runs = {}
        runs["one process"] = timed_run(archive, work / "one", "--workers", "1")
        report("one process", runs, args.articles)
        runs["--workers 2"] = timed_run(archive, work / "workers2", "--workers", "2")
        report("--workers 2", runs, args.articles)
        # Each worker's statistical profiler samples its threads every 10 ms: CPU the analysis needs
        # on a machine whose every core is a worker. Off, as the README advises for analysis workers.
        os.environ["DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED"] = "False"
        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster:
            runs["--dask (2)"] = timed_run(archive, work / "dask", "--dask", cluster.scheduler_address)
        report("--dask (2)", runs, args.articles)
        one, two, dask = (runs[name][0] for name in ("one process", "--workers 2", "--dask (2)"))

        reference = (work / "one" / "documents.jsonl").read_bytes()
        for name in ("workers2", "dask"):
            if (work / name / "documents.jsonl").read_bytes() != reference:
                sys.exit(f"the {name} archive differs from the one-process archive")
        print("the three archives hold the same documents, in the same order")
        print(f"workers-2 / one process  {one / two:.2f}  (target >= 1.8)")
        print(f"dask / workers-2         {two / dask:.2f}  (target >= 0.85)")

        for label, per_core in (
            ("wall clock of one process, at this load", args.articles / one),
            ("CPU time of one process, i.e. one whole core", args.articles / runs["one process"][1]),
        ):
            print(
                f"1,000,000 articles at {per_core:.2f} articles/s per core ({label}): "
                f"{1_000_000 / per_core / 3600:.0f} core-hours; "
                f"in an hour: {math.ceil(1_000_000 / 3600 / per_core)} one-core Dask workers"
            )
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name in ("one", "workers2", "dask"):
                shutil.rmtree(args.keep / name, ignore_errors=True)
                shutil.move(work / name, args.keep / name)
            print(f"archives kept in {args.keep}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
