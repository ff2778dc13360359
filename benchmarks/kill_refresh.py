"""kill -9 at random moments of a refresh of 500 items: the library must stay whole.

    python benchmarks/kill_refresh.py [--tries 10] [--seed 15]

Each try starts from a library that follows 10 local feeds of 50 summary-only items each
(every item links to a page, so a refresh stores entries and then fetches 500 pages). It
runs `newsreader feeds refresh` in a child process, kills it with SIGKILL at a random moment,
then checks: `PRAGMA integrity_check` is ok; no entry is stored twice; every article the
killed refresh stored is still there; the next refresh completes, leaving exactly 500
articles, all with their page's text. Prints one line a try and exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.webserver import Route, Server  # noqa: E402

FEEDS, ITEMS = 10, 50


def page(feed: int, item: int) -> bytes:
    body = f"The council met on day {item} to talk about the harbour wall and the ferry of feed {feed}. " * 4
    return (
        f"<html><head><title>Story {feed}-{item}</title></head><body><article><h1>Story {feed}-{item}</h1>"
        f"<p>{body}</p><p>“The wall will hold,” said Ann Vale {item}.</p></article></body></html>"
    ).encode()


def rss(server: Server, feed: int) -> bytes:
    items = "".join(
        f"<item><guid>urn:{feed}:{item}</guid><link>{server.url(f'/p/{feed}/{item}')}</link>"
        f"<title>Story {feed}-{item}</title><description>Summary {feed}-{item}.</description></item>"
        for item in range(ITEMS)
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Feed {feed}</title>{items}</channel></rss>".encode()
    )


def refresh(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tui", "feeds", "refresh"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def snapshot(path: Path) -> dict[tuple[int, str], tuple[int, str]]:
    """(feed, guid) -> (article id, page state) of every stored article; fails on a double."""
    db = sqlite3.connect(path)
    try:
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise AssertionError(f"integrity_check: {check}")
        rows = db.execute("SELECT feed_id, guid, id, page_state FROM articles").fetchall()
        titles = db.execute("SELECT COUNT(*), COUNT(DISTINCT title) FROM articles").fetchone()
    finally:
        db.close()
    stored = {(feed, guid): (number, state) for feed, guid, number, state in rows}
    if len(stored) != len(rows) or titles[0] != titles[1]:
        raise AssertionError(f"an item stored twice ({len(rows)} rows, {len(stored)} entries, {titles[1]} titles)")
    return stored


def fresh_library(server: Server) -> tuple[dict[str, str], Path]:
    """A new library following the 10 feeds; the environment that points newsreader at it."""
    from tui.store import Library

    folder = Path(tempfile.mkdtemp(prefix="kill-refresh-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("DATA", "CACHE", "CONFIG"):
        (folder / name.lower()).mkdir()
        env[f"NEWSREADER_{name}_DIR"] = str(folder / name.lower())
    path = folder / "data" / "library.sqlite3"
    library = Library(path)
    for feed in range(FEEDS):
        library.add_feed(server.url(f"/feed/{feed}"))
    library.close()
    return env, path


def one_try(server: Server, number: int, rng: random.Random, longest: float) -> str:
    env, path = fresh_library(server)
    child = refresh(env)
    delay = rng.uniform(0.3, longest)
    time.sleep(delay)
    killed = child.poll() is None
    if killed:
        child.send_signal(signal.SIGKILL)
    child.wait()
    before = snapshot(path)
    done_before = sum(state == "done" for _, state in before.values())
    started = time.perf_counter()
    again = refresh(env)
    if again.wait(timeout=600) != 0:
        raise AssertionError(f"the refresh after the kill exited {again.returncode}")
    after = snapshot(path)
    lost = [key for key, (number, _) in before.items() if after.get(key, (None,))[0] != number]
    if lost:
        raise AssertionError(f"{len(lost)} stored articles lost or renumbered")
    if len(after) != FEEDS * ITEMS or any(state != "done" for _, state in after.values()):
        raise AssertionError(f"after the next refresh: {len(after)} articles, not all with their page")
    return (
        f"try {number + 1:2}: {'killed' if killed else 'finished'} at {delay:5.2f} s with {len(before):3} stored,"
        f" {done_before:3} with full text; integrity ok, no doubles; next refresh {time.perf_counter() - started:5.1f} s"
        f" -> {len(after)} articles, all with full text"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tries", type=int, default=10)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--longest", type=float, default=0.0, help="latest kill, s (default: one refresh's time)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    server = Server()
    try:
        for feed in range(FEEDS):
            server.routes[f"/feed/{feed}"] = Route(rss(server, feed), content_type="application/rss+xml")
            for item in range(ITEMS):
                server.routes[f"/p/{feed}/{item}"] = Route(page(feed, item))
        longest = args.longest
        if not longest:  # one whole refresh, timed, sets the window the kills fall in
            env, _ = fresh_library(server)
            started = time.perf_counter()
            refresh(env).wait()
            longest = time.perf_counter() - started
            print(f"one whole refresh of {FEEDS * ITEMS} items and their pages: {longest:.1f} s")
        failures = 0
        for number in range(args.tries):
            try:
                print(one_try(server, number, rng, longest), flush=True)
            except AssertionError as error:
                failures += 1
                print(f"try {number + 1:2}: FAILED: {error}", flush=True)
    finally:
        server.close()
    print(f"{args.tries - failures} of {args.tries} tries kept the library whole")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
