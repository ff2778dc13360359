"""Hostile inputs against newsreader's limits: time and peak memory of `newsreader analyze`.

Each input of issue 17 is written to a temporary folder and analysed in a process of its
own (`python -m tui analyze FILE --format jsonl`), so its peak resident memory is its own.
Targets: each under 10 s and 1 GB. `--keys` also measures the app's key latency while it
analyses the worst input (target under 100 ms).

    python benchmarks/limits.py [--keys]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROSE = (
    "“The harbour will reopen in week {n},” Mayor Ruth Bell said on Monday.\n"
    "Council officials said the ferry timetable would change, and the union disputed it.\n"
)


def inputs(folder: Path) -> dict[str, Path]:
    """The hostile inputs of issue 17, made here (no downloads, no copied texts)."""
    made = {}

    def write(name: str, data: str | bytes) -> None:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        made[name] = path

    write("tiny.txt", "Ms Ada Byrne said: “The museum will open on Sunday.”\n")
    paragraphs = "".join(f"<p>Short paragraph {n} of the page.</p>" for n in range(100_000))
    write(
        "html-100k-paragraphs.html",
        f"<html><head><title>Long page</title></head><body><article>{paragraphs}</article></body></html>",
    )
    write("text-1mb.txt", "".join(PROSE.format(n=n) for n in range(1_000_000 // len(PROSE) + 1)))
    plain = "The council met on Monday and the harbour budget was discussed at length by the members.\n"
    write("prose-1mb-no-quotes.txt", plain * (1_000_000 // len(plain) + 1))
    write("quote-marks-10k.txt", '"ab" ' * 5_000 + "\n")
    write("quote-marks-open-10k.txt", "“" * 10_000 + " Mayor Ruth Bell said.\n")
    write("text-20mb.txt", "".join(PROSE.format(n=n) for n in range(19_500_000 // len(PROSE))))
    return made


def measure(path: Path) -> tuple[float, float, int, str]:
    """(seconds, peak MB, exit status, first stderr line) of analysing one file."""
    code = (
        "import resource, subprocess, sys, time\n"
        "started = time.perf_counter()\n"
        "run = subprocess.run([sys.executable, '-m', 'tui', 'analyze', sys.argv[1], '--format', 'jsonl'],"
        " capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "import json; print(json.dumps([time.perf_counter() - started, peak, run.returncode,"
        " (run.stderr.strip().splitlines() or [''])[0][:150]]))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as cache:
        env["NEWSREADER_CACHE_DIR"] = cache
        result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=env)
    seconds, peak, status, message = json.loads(result.stdout)
    return seconds, peak, status, message


def key_latency(path: Path) -> tuple[list[float], list[float], list[float]]:
    """Seconds from a key press to its handling (repaint included), pressed every 50 ms while the
    app analyses `path`, and then as many presses once the analysis is done (the baseline); and,
    for the presses during the analysis, key to screen: from the press to the first frame rendered
    after the article moved, without the Pilot's wait for an idle process (what a person sees)."""
    import asyncio

    from textual.app import App

    from tui.app.app import NewsreaderApp
    from tui.app.widgets.article_view import ArticleView
    from tui.store import ParseCache

    frames: list[float] = []
    moves: list[float] = []
    display = App._display  # private, but the one place every frame passes (headless: not written)

    def rendered(app: App, screen, renderable) -> None:
        if renderable is not None and not app._batch_count:
            frames.append(time.perf_counter())
        display(app, screen, renderable)

    async def run() -> tuple[list[float], list[float], list[float]]:
        async def press() -> float:
            started = time.perf_counter()
            await pilot.press("j")
            return time.perf_counter() - started

        with tempfile.TemporaryDirectory() as cache:
            app = NewsreaderApp(path, cache=ParseCache(Path(cache)))
            during, after, to_screen = [], [], []
            async with app.run_test(size=(120, 40)) as pilot:
                screen = app.screen
                view = screen.query_one(ArticleView)
                view.watch(view, "scroll_y", lambda: moves.append(time.perf_counter()), init=False)
                while not getattr(screen, "analysed", True) and len(during) < 2000:
                    started = time.perf_counter()
                    during.append(await press())
                    moved = next((t for t in moves if t >= started), None)
                    shown = next((t for t in frames if moved is not None and t >= moved), None)
                    to_screen.append(float("inf") if shown is None else shown - started)  # inf: never shown
                    await asyncio.sleep(0.05)
                for _ in range(max(10, len(during))):
                    after.append(await press())
                    await asyncio.sleep(0.05)
            return during, after, to_screen

    App._display = rendered  # type: ignore[method-assign]
    try:
        return asyncio.run(run())
    finally:
        App._display = display  # type: ignore[method-assign]


def bare_press_latency(presses: int = 40) -> list[float]:
    """The same presses in a bare Textual app (one Static): what a Pilot press costs by itself
    on this machine (the press, Textual's wait for idle, a repaint), to read the numbers above by."""
    import asyncio

    from textual.app import App
    from textual.widgets import Static

    class Bare(App):
        def compose(self):
            yield Static("Hello, reader.")

    async def run() -> list[float]:
        times = []
        async with Bare().run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for _ in range(presses):
                started = time.perf_counter()
                await pilot.press("j")
                times.append(time.perf_counter() - started)
                await asyncio.sleep(0.05)
        return times

    return asyncio.run(run())


def _summary(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    if not ordered:
        return "no presses"
    median, worst = ordered[len(ordered) // 2] * 1000, ordered[-1] * 1000
    return f"{len(ordered)} presses, median {median:.0f} ms, max {worst:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", action="store_true", help="also measure key latency in the app")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        made = inputs(Path(folder))
        print(f"{'input':28} {'size':>9} {'seconds':>8} {'peak MB':>8} {'status':>6}  message")
        worst, worst_time = None, 0.0
        for name, path in made.items():
            seconds, peak, status, message = measure(path)
            size = path.stat().st_size
            print(f"{name:28} {size / 1024:8.0f}K {seconds:8.1f} {peak:8.0f} {status:>6}  {message}")
            if name != "tiny.txt" and seconds > worst_time:
                worst, worst_time = path, seconds
        print("targets: each under 10 s and 1,024 MB (the time includes starting Python and loading spaCy)")
        if args.keys and worst is not None:
            sys.path.insert(0, str(ROOT))
            during, after, to_screen = key_latency(worst)
            print(f"key latency while the app analyses {worst.name}: {_summary(during)} (target under 100 ms)")
            print(f"  of which key to screen (press -> the frame showing it):  {_summary(to_screen)}")
            print(f"key latency in the same article once analysed:   {_summary(after)}")
            print(f"the same presses in a bare Textual app (Static):  {_summary(bare_press_latency())}")
    print(f"(this process's own peak: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
