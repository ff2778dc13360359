"""First paint of a cached article against a bare Textual app, in one run.

    python benchmarks/startup.py

Prints: (1) time to first paint of the seed article (cached) against a bare
app showing one Static; (2) a generated 100,000-word article (cached) against a
1,000-word one; (3) page-down time per key on the long article; peak memory.
Each app runs headless (`run_test`), best of a few runs.
"""

from __future__ import annotations

import asyncio
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App  # noqa: E402
from textual.widgets import Static  # noqa: E402

from tui.model import Document, Quote, Speaker  # noqa: E402

SIZE = (120, 36)
WORDS = [
    "the",
    "council",
    "said",
    "that",
    "new",
    "homes",
    "would",
    "be",
    "built",
    "near",
    "the",
    "river",
    "before",
    "winter",
    "and",
    "residents",
    "welcomed",
    "it",
]


class Bare(App):
    def compose(self):
        yield Static("Hello, reader.")


class Framed(App):
    """For scale: the same Static with Textual's own Header and Footer, which the reader needs."""

    def compose(self):
        from textual.widgets import Footer, Header

        yield Header()
        yield Static("Hello, reader.")
        yield Footer()


def generated(words: int, seed: int = 7) -> Document:
    """A long article with quotes and speakers spread through it (no spaCy needed)."""
    rng = random.Random(seed)
    paragraphs, text, quotes = [], "", []
    speaker = Speaker(id="s1", name="Ann Vale", kind="person")
    count = 0
    while count < words:
        n = rng.randint(30, 90)
        body = " ".join(rng.choice(WORDS) for _ in range(n))
        start = len(text)
        line = f"Ann Vale said: “{body}.”"
        text += line + "\n"
        paragraphs.append((start, start + len(line)))
        speaker.mentions.append((start, start + 8))
        quotes.append(
            Quote(
                id=f"q{len(quotes) + 1}",
                start=start + 15,
                end=start + len(line) - 1,
                kind="direct",
                speaker="s1",
                speaker_span=(start, start + 8),
                cue_span=(start + 9, start + 13),
            )
        )
        count += n + 3
    return Document(
        text=text, title="Generated", source="generated", paragraphs=paragraphs, speakers=[speaker], quotes=quotes
    )


async def first_paint(make_app, wait_for=None) -> float:
    started = time.perf_counter()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        if wait_for is not None:
            while not wait_for(app):
                await asyncio.sleep(0.001)
        await pilot.pause()
        return time.perf_counter() - started


def article_open(app) -> bool:
    from tui.app.screens.article import ArticleScreen

    screen = app.screen
    return isinstance(screen, ArticleScreen) and screen.analysed


async def page_downs(path: Path, presses: int = 40, key: str = "space") -> float:
    from tui.app.app import NewsreaderApp

    app = NewsreaderApp(path)
    async with app.run_test(size=SIZE) as pilot:
        while not article_open(app):
            await asyncio.sleep(0.001)
        await pilot.pause()
        started = time.perf_counter()
        for _ in range(presses):
            await pilot.press(key)
            await pilot.pause()
        return (time.perf_counter() - started) / presses


def main() -> None:
    scratch = Path(tempfile.mkdtemp())
    for name in ("CACHE", "DATA", "CONFIG"):
        os.environ[f"NEWSREADER_{name}_DIR"] = str(scratch / name.lower())
    from tui.app.app import NewsreaderApp
    from tui.documents import Engine
    from tui.sources import load_article

    engine = Engine()
    seed = ROOT / "seeds" / "000_98ba90fb1ad34b04.txt"
    engine.analyse(load_article(seed))  # fills the cache (this loads spaCy once, before timing)
    files = {}
    for words in (1_000, 100_000):
        document = generated(words)
        path = scratch / f"generated-{words}.txt"
        path.write_text(document.text, encoding="utf-8")
        article = load_article(path)
        document.source = article.source
        engine.cache.save(engine.key(article), document)
        files[words] = path

    # Interleaved rounds, best of each: this machine's slow moments then hit every side alike.
    candidates = {
        "bare": lambda: first_paint(Bare),
        "framed": lambda: first_paint(Framed),
        "seed": lambda: first_paint(lambda: NewsreaderApp(seed), article_open),
        "small": lambda: first_paint(lambda: NewsreaderApp(files[1_000]), article_open),
        "large": lambda: first_paint(lambda: NewsreaderApp(files[100_000]), article_open),
    }
    timings: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(7):
        for name, run in candidates.items():
            timings[name].append(asyncio.run(run()))
    bare, framed, cached, small, large = (min(timings[name]) for name in candidates)
    page = asyncio.run(page_downs(files[100_000]))
    idle = asyncio.run(page_downs(files[100_000], key="z"))  # an unbound key: Pilot's own cost
    print(f"bare Textual app, one Static      {bare * 1000:7.1f} ms")
    print(f"  with Header and Footer          {framed * 1000:7.1f} ms   ratio {framed / bare:.2f}")
    print(f"seed article (cached)             {cached * 1000:7.1f} ms   ratio {cached / bare:.2f} (target <= 1.5)")
    print(f"1,000-word article (cached)       {small * 1000:7.1f} ms")
    print(f"100,000-word article (cached)     {large * 1000:7.1f} ms   ratio {large / small:.2f} (target <= 1.5)")
    print(
        f"page-down on 100,000 words        {page * 1000:7.1f} ms a key through Pilot; an unbound key {idle * 1000:.1f} ms;"
    )
    print(f"  so page-down itself             {(page - idle) * 1000:7.1f} ms a key (target < 50)")
    print(f"peak memory                       {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
