"""Feeds and the library at scale, measured in one run.

    python benchmarks/feeds.py [--latency 0.05]

(1) Refreshing 50 feeds of 20 items each from a local HTTP server (each response
    delayed by --latency seconds, as a network would), all at once against one at a time.
(2) The library screen with 10,000 stored articles against 10: time to first paint.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_sources import rss  # noqa: E402
from tests.webserver import Route, Server  # noqa: E402


def refresh_timing(latency: float) -> None:
    from tui.sources.feeds import refresh

    server = Server()
    try:
        for n in range(50):
            server.routes[f"/feed{n}"] = Route(rss(20, f"Feed {n}"), content_type="application/rss+xml", delay=latency)
        feeds = [(server.url(f"/feed{n}"), None, None) for n in range(50)]
        refresh(feeds[:2], concurrency=2)  # warm up
        started = time.perf_counter()
        serial = refresh(feeds, concurrency=1)
        one_at_a_time = time.perf_counter() - started
        started = time.perf_counter()
        together = refresh(feeds, concurrency=50)
        concurrent = time.perf_counter() - started
    finally:
        server.close()
    items = sum(len(u.items) for u in together)
    assert items == sum(len(u.items) for u in serial) == 1000
    print(f"50 feeds x 20 items, {latency * 1000:.0f} ms per response")
    print(f"  one at a time   {one_at_a_time:6.2f} s")
    print(f"  concurrently    {concurrent:6.2f} s   speed-up {one_at_a_time / concurrent:.1f}x")


def fill(library, count: int) -> None:
    library.add_feed("http://example.invalid/rss", "Example feed")
    feed_id = library.feeds()[0].id
    library.add_articles(
        {
            "feed_id": feed_id,
            "url": f"http://example.invalid/{n}",
            "source": f"http://example.invalid/{n}",
            "title": f"Story number {n}",
            "date": "2026-06-01",
            "text": f"Story {n}. The mayor said the pier would reopen.",
        }
        for n in range(count)
    )


async def first_paint(data_dir: Path) -> float:
    os.environ["NEWSREADER_DATA_DIR"] = str(data_dir)
    from tui.app.app import NewsreaderApp

    empty = Path(tempfile.mkdtemp())
    started = time.perf_counter()
    app = NewsreaderApp(empty)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        return time.perf_counter() - started


def library_timing() -> None:
    from tui.store import Library

    scratch = Path(tempfile.mkdtemp())
    os.environ["NEWSREADER_CACHE_DIR"] = str(scratch / "cache")
    os.environ["NEWSREADER_CONFIG_DIR"] = str(scratch / "config")
    times = {}
    for count in (10, 10_000):
        folder = scratch / f"data{count}"
        library = Library(folder / "library.sqlite3")
        fill(library, count)
        library.close()
        times[count] = min(asyncio.run(first_paint(folder)) for _ in range(3))
    print("library screen, first paint")
    print(f"  10 articles       {times[10] * 1000:7.1f} ms")
    print(f"  10,000 articles   {times[10_000] * 1000:7.1f} ms   ratio {times[10_000] / times[10]:.2f} (target <= 2)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency", type=float, default=0.05)
    args = parser.parse_args()
    refresh_timing(args.latency)
    library_timing()


if __name__ == "__main__":
    main()
