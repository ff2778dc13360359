"""Feeds and the library at scale, measured in one run.

    python benchmarks/feeds.py [--latency 0.05] [--skip-paint]

(1) Refreshing 50 feeds of 20 items each from a local HTTP server (each response
    delayed by --latency seconds, as a network would), all at once against one at a time.
(2) End to end: 50 feeds x 20 summary-only items whose links lead to article pages (each
    response --latency late): the refresh with every page's full text, then the analysis of
    all 1,000 articles in one process and on every core (the ratio is the speed-up).
(3) Library search over 10,000 articles: milliseconds a query.
(4) The library screen with 10,000 stored articles against 10: time to first paint.
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


NAMES = ["Ann Vale", "Tom Hale", "Ruth Bell", "Sam Ito", "Jo Marsh", "Lena Ortiz", "Raj Patel", "Mei Chen"]
THINGS = [
    "harbour wall",
    "ferry timetable",
    "tram line",
    "school roof",
    "bus depot",
    "sea defences",
    "library",
    "bridge",
]


def story_page(feed: int, item: int) -> bytes:
    """A news page of about 250 words with two quotes, different for every feed and item."""
    name, other = NAMES[(feed + item) % 8], NAMES[(feed * 3 + item + 1) % 8]
    thing, place = THINGS[(feed * 7 + item) % 8], f"ward {feed}-{item}"
    paragraphs = [
        f"Councillors in {place} voted on Tuesday to spend {item + feed} million pounds on the {thing}, "
        f"after a year of delays that left residents angry and traders worried about the summer season.",
        f"“We have waited long enough, and the {thing} cannot wait another winter,” said {name}, "
        f"who chairs the works committee. “Every month of delay costs the town money.”",
        f"Opponents said the plan was rushed. {other}, a local business owner, told reporters that "
        f"the council had not listened to the people who would pay for it.",
        f"The vote passed by {feed % 5 + 6} to {item % 4 + 2}. Work on the {thing} is due to begin in the spring "
        f"and to last eighteen months, during which the road by the quay will close at night.",
        f"{name} said the committee would publish the contracts next week. “People deserve to see "
        f"where their money goes,” she said.",
    ]
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        f"<html><head><title>Vote on the {thing} in {place}</title></head><body><nav>Home | News</nav>"
        f"<article><h1>Vote on the {thing} in {place}</h1>{body}</article><footer>Copyright</footer></body></html>"
    ).encode()


def summary_feed(server: Server, feed: int, items: int) -> bytes:
    entries = "".join(
        f"<item><guid>urn:{feed}:{item}</guid><link>{server.url(f'/page/{feed}/{item}')}</link>"
        f"<title>Vote {feed}-{item}</title><description>The council voted on the plan.</description></item>"
        for item in range(items)
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Town {feed}</title>{entries}</channel></rss>".encode()
    )


def end_to_end(latency: float, feeds: int = 50, items: int = 20) -> None:
    import shutil

    from tui.archive.job import all_cores
    from tui.documents import Engine
    from tui.library_analysis import analyse_library
    from tui.store import Library, ParseCache
    from tui.store.config import Config
    from tui.updates import refresh_feeds

    scratch = Path(tempfile.mkdtemp())
    server = Server()
    try:
        for feed in range(feeds):
            server.routes[f"/feed/{feed}"] = Route(
                summary_feed(server, feed, items), content_type="application/rss+xml", delay=latency
            )
            for item in range(items):
                server.routes[f"/page/{feed}/{item}"] = Route(story_page(feed, item), delay=latency)
        library = Library(scratch / "library.sqlite3")
        for feed in range(feeds):
            library.add_feed(server.url(f"/feed/{feed}"))
        started = time.perf_counter()
        reports = refresh_feeds(library, config=Config())
        fetched = time.perf_counter() - started
    finally:
        server.close()
    pages = sum(r.pages for r in reports)
    failed = sum(r.pages_failed for r in reports)
    library.close()
    shutil.copy(scratch / "library.sqlite3", scratch / "one.sqlite3")
    timings, warm = {}, {}
    for label, workers, name in (
        ("one process", 1, "one.sqlite3"),
        (f"{all_cores()} processes", all_cores(), "library.sqlite3"),
    ):
        library = Library(scratch / name)
        engine = Engine(cache=ParseCache(scratch / f"cache-{workers}"))
        first: list[float] = []  # when the first batch came back: the processes started and the model loaded
        started = time.perf_counter()
        result = analyse_library(
            library,
            engine,
            workers,
            progress=lambda done, total, first=first: done and first.append(time.perf_counter()),
        )
        timings[label] = (time.perf_counter() - started, result.done)
        warm[label] = (time.perf_counter() - first[0], result.done - 8 * workers) if first else (0.0, 0)
        quotes = sum(row.quotes or 0 for row in library.rows())
        library.close()
    (one, done_one), (many, done_many) = timings.values()
    print(f"end to end: {feeds} feeds x {items} summary-only items, {latency * 1000:.0f} ms per response")
    print(
        f"  refresh with full text  {fetched:6.1f} s   {pages} pages ({failed} failed), {pages / fetched:.1f} pages/s"
    )
    print(f"  analysis, one process   {one:6.1f} s   {done_one} articles, {done_one / one:.1f} articles/s")
    print(
        f"  analysis, {all_cores()} processes   {many:6.1f} s   {done_many} articles, {done_many / many:.1f} articles/s, {quotes} quotes"
    )
    print(f"  all cores / one         {one / many:6.2f} x (target >= 1.8 on 2 cores)")
    (warm_one, n_one), (warm_many, n_many) = warm.values()
    if warm_one and warm_many:
        ratio = (n_many / warm_many) / (n_one / warm_one)
        print(f"  … after the first batch {ratio:6.2f} x (articles/s once the processes run and hold the model)")
    print(f"  wall time, refresh + analysis on all cores: {fetched + many:.1f} s")


def search_timing(count: int = 10_000) -> None:
    import statistics

    from tui.library_analysis import index_of
    from tui.store import Library
    from tui.store.search import parse_query

    scratch = Path(tempfile.mkdtemp())
    library = Library(scratch / "library.sqlite3")
    feed = library.add_feed("http://example.invalid/rss", "Town Gazette")
    library.add_articles(
        {
            "feed_id": feed.id,
            "url": f"http://example.invalid/{n}",
            "title": f"Vote on the {THINGS[n % 8]} in ward {n}",
            "text": story_page(n % 50, n).decode().replace("<p>", "\n").split("<article>")[1].split("</article>")[0],
        }
        for n in range(count)
    )
    from tui.model import Document, Speaker

    for article in library.articles():  # speaker names, as an analysis would index them
        n = int(article.url.rsplit("/", 1)[1])
        document = Document(
            text=article.text, speakers=[Speaker("s1", NAMES[n % 8]), Speaker("s2", NAMES[(n + 3) % 8])]
        )
        library.record_analysis(article.text_hash, 2, 2, "bench", index_of(document))
    queries = [
        "harbour wall",
        'said:"Ruth Bell"',
        "ferry said:Ito",
        "council feed:Gazette",
        '"sea defences" winter',
        "contracts money",
        "tram",
        "said:Marsh about:bridge",
        "quay night",
        "ward 4217",
    ]
    times = []
    for query in queries * 5:
        started = time.perf_counter()
        library.search(parse_query(query), limit=50)
        times.append((time.perf_counter() - started) * 1000)
    library.close()
    print(f"library search over {count:,} articles, {len(times)} queries ({len(queries)} kinds, 5 times each)")
    print(f"  median {statistics.median(times):6.1f} ms   slowest {max(times):6.1f} ms   (target <= 50 ms)")


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
    parser.add_argument("--skip-paint", action="store_true", help="leave out (4), the library screen's first paint")
    args = parser.parse_args()
    refresh_timing(args.latency)
    end_to_end(args.latency)
    search_timing()
    if not args.skip_paint:
        library_timing()


if __name__ == "__main__":
    main()
