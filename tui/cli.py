"""Command line: `newsreader [PATH]` opens the reader; `newsreader analyze FILE…` prints quotes.

Every bad input gets a one-line message naming it and exit status 2; the
other inputs are still handled. Everything printed that came from outside
(file names, feed fields, server replies) goes through `tui.sanitize` first.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from tui import __version__
from tui.sanitize import json_safe, visible, visible_block
from tui.sources import Article, SourceError, bundled_seeds, load_article

EXIT_BAD_INPUT = 2


class OutputError(Exception):
    """Standard output cannot be written (a full disk, /dev/full, a closed pipe)."""


def _error(message: str) -> None:
    print(f"newsreader: {visible(message)}", file=sys.stderr, flush=True)


def _out(text: str = "", end: str = "\n", safe=visible_block) -> None:
    """Write to standard output, now: a failure is an OutputError, not a traceback at exit."""
    try:
        sys.stdout.write(safe(text) + end)
        sys.stdout.flush()
    except OSError as error:
        raise OutputError(error.strerror or str(error)) from error


def _out_json(text: str) -> None:
    """JSON text: a control character left in a string is written as its JSON escape."""
    _out(text, safe=json_safe)


def _print(renderable) -> None:
    """A Rich renderable to standard output (cells are made with `_cell`)."""
    from rich.console import Console

    try:
        Console().print(renderable)
        sys.stdout.flush()
    except OSError as error:
        raise OutputError(error.strerror or str(error)) from error


def _cell(value: object):
    """A table cell of outside text: never markup, never a control character."""
    from rich.text import Text

    return Text(visible(value))


def analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsreader analyze", description="Find who said what in article files.")
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="article files (.txt, .md, .html); default: the bundled seeds"
    )
    parser.add_argument(
        "--format", choices=("text", "json", "jsonl"), default="text", help="output format (default: text)"
    )
    parser.add_argument("--model", default=None, help="spaCy model name (default: the best installed)")
    archive = parser.add_argument_group(
        "archives", "folders and JSONL files of {id, title, text, url, date} too; analysed on every core, resumable"
    )
    archive.add_argument("--out", type=Path, metavar="DIR", help="write Parquet tables and the JSONL to this folder")
    archive.add_argument("--workers", type=_positive, metavar="N", help="processes (default with --out: all cores)")
    archive.add_argument("--dask", metavar="ADDRESS", help="analyse on this Dask scheduler's workers instead")
    archive.add_argument("--chunk-size", type=_positive, default=16, metavar="N", help="articles per task")
    archive.add_argument("--part-size", type=_positive, default=1000, metavar="N", help="documents per Parquet part")
    return parser


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return int(value)


def open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="A terminal news reader that shows who said what. Other commands: "
        "'newsreader analyze FILE…', 'newsreader feeds add|remove|import|export|refresh|list', "
        "'newsreader articles', 'newsreader export ARTICLE --format json|md|csv'.",
    )
    parser.add_argument(
        "path", nargs="?", default=None, help="an article file, a folder of them, or a URL (default: the bundled seeds)"
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    return parser


def run_analyze(argv: list[str]) -> int:
    args = analyze_parser().parse_args(argv)
    if args.out is not None or args.workers is not None or args.dask is not None:
        return _run_archive(args)
    articles: list[Article] = []
    status = 0
    for name in _article_files(args.files) if args.files else sorted(bundled_seeds().glob("*.txt")):
        try:
            if isinstance(name, SourceError):
                raise name
            articles.append(load_article(name))
        except SourceError as error:
            _error(str(error))
            status = EXIT_BAD_INPUT
    if not articles:
        return status
    from tui.analysis.pipeline import ModelMissing

    try:
        documents = list(_documents(articles, args.model))
    except ModelMissing as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    failed = False
    for document in documents:
        if isinstance(document, str):
            _error(document)
            failed = True
        elif document.partial:
            _error(f"{document.source}: {document.partial}")
            failed = True
    done = [d for d in documents if not isinstance(d, str)]
    if args.format == "jsonl":
        for document in done:
            _out_json(document.to_json())
    elif args.format == "json":
        _out_json(json.dumps([d.to_dict() for d in done], ensure_ascii=False, indent=2))
    else:
        _print_tables(done)
    return EXIT_BAD_INPUT if failed else status


def _article_files(names: list[str]) -> list[str | Path | SourceError]:
    """The files named, each folder replaced by its article files (.txt, .md, .html) in name
    order; an empty folder is a SourceError in its place, so messages keep the input order."""
    from tui.sources import load_library

    files: list[str | Path | SourceError] = []
    for name in names:
        if Path(name).is_dir():
            found = load_library(name)
            files.extend(found or [SourceError(f"{name}: no articles (.txt, .md, .html) in this folder")])
        else:
            files.append(name)
    return files


def _named(document, article: Article):
    """A cached document under this file's name (the cache is keyed by text: another file may
    have had the same text)."""
    if document is None:
        return None
    import dataclasses

    return dataclasses.replace(document, source=article.source, title=article.title or document.title)


SHOW_PROGRESS_FROM = 4  # files: fewer finish before a bar would help


def _documents(articles: list[Article], model: str | None):
    """Each article's Document, or a one-line message why not, in order: from the parse cache
    when it is there, else analysed in batches (and kept in the cache). A progress bar on stderr
    (a terminal only) when there are more than a few."""
    from tui.documents import Engine

    engine = Engine(model)
    results: list = [_named(engine.cached(article), article) for article in articles]
    missing = [index for index, document in enumerate(results) if document is None]
    if not missing:
        return results
    from tui.analysis.engine import Analyzer

    analyzer = Analyzer(model)
    with RefreshProgress() as progress:
        step = (
            (lambda done: progress.update("analysing", done, len(missing)))
            if len(missing) >= SHOW_PROGRESS_FROM
            else None
        )
        if step:
            step(0)
        errors: dict[int, str] = {}

        def report(article: Article, error: Exception) -> None:
            errors[id(article)] = f"{article.source}: could not be analysed ({error.__class__.__name__}: {error})"

        batch = [articles[index] for index in missing]
        made = analyzer.analyze_many(batch, on_error=report)
        position = 0
        for document in made:
            while id(batch[position]) in errors:  # a failed article yields nothing: skip to the next
                position += 1
            index = missing[position]
            results[index] = document
            with contextlib.suppress(OSError):  # an unwritable cache costs the next run an analysis
                engine.cache.save(engine.key(articles[index]), document)
            position += 1
            if step:
                step(position)
    for index in missing:
        if results[index] is None:
            results[index] = errors.get(id(articles[index]), f"{articles[index].source}: could not be analysed")
    return results


def _run_archive(args: argparse.Namespace) -> int:
    if args.out is None and args.format != "jsonl":
        _error("--workers and --dask write to --out DIR, or print --format jsonl")
        return EXIT_BAD_INPUT
    from tui.archive.job import ArchiveJob, all_cores, run_archive

    job = ArchiveJob(
        inputs=args.files or [str(bundled_seeds())],
        out=args.out,
        workers=args.workers or all_cores(),
        dask=args.dask,
        model=args.model,
        chunk_size=args.chunk_size,
        part_size=args.part_size,
    )
    return run_archive(job)


def _print_tables(documents) -> None:
    from rich.table import Table

    from tui.analysis.attribution.rules import why

    for document in documents:
        table = Table(title=_cell(document.source), show_lines=False, expand=True)
        table.add_column("speaker", style="bold", no_wrap=True)
        table.add_column("kind")
        table.add_column("quote", ratio=2)
        table.add_column("why", ratio=1, style="dim")
        for quote in document.quotes:
            speaker = document.speaker(quote.speaker)
            table.add_row(
                _cell(speaker.name if speaker else "?"),
                _cell(quote.kind),
                _cell(document.quote_text(quote)),
                _cell(why(document, quote)),
            )
        _print(table)


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _library(read_only: bool = False):
    from tui.store import Library, LibraryError

    try:
        return Library(read_only=read_only)
    except LibraryError as error:
        _error(str(error))
        return None


def run_open(argv: list[str]) -> int:
    args = open_parser().parse_args(argv)
    if args.path and _is_url(args.path):
        library = _library()
        if library is None:
            return EXIT_BAD_INPUT
        from tui.updates import as_article, save_page

        try:
            stored = save_page(library, args.path)
        except SourceError as error:
            _error(str(error))
            return EXIT_BAD_INPUT
        article = as_article(stored)
        _load_model_early(article)
        from tui.app.app import NewsreaderApp

        return _run_app(NewsreaderApp(bundled_seeds(), article=article))
    target = Path(args.path) if args.path else bundled_seeds()
    if not target.exists():
        _error(f"{target}: no such file or folder")
        return EXIT_BAD_INPUT
    if target.is_file():
        try:
            _load_model_early([load_article(target)])
        except SourceError as error:
            _error(str(error))
            return EXIT_BAD_INPUT
    else:
        _load_model_early(_first_articles(target))
    from tui.app.app import NewsreaderApp

    return _run_app(NewsreaderApp(target))


def _load_model_early(articles: Iterable[Article]) -> None:
    """One of these articles not yet analysed: spaCy starts loading in the analysis process now,
    while Textual starts, instead of after the first paint (the app's engine uses the same process)."""
    from tui.documents import Engine
    from tui.store import load_config

    engine = Engine(load_config().model, separate_process=True)
    if engine.model and any(engine.cached(article) is None for article in articles):
        engine.start_loading()


FILES_CHECKED_AT_LAUNCH = 20
"""A folder's first files looked at for one not yet analysed (reading them all would delay the
library's first paint in a large folder; the library starts the model itself after that paint)."""


def _first_articles(folder: Path) -> Iterator[Article]:
    """The folder's first article files, read one by one as they are asked for; bad files skipped
    (the library lists them with their message)."""
    from tui.sources import load_library

    try:
        paths = load_library(folder)[:FILES_CHECKED_AT_LAUNCH]
    except (SourceError, OSError):  # the library screen says what is wrong with the folder
        return
    for path in paths:
        with contextlib.suppress(SourceError):
            yield load_article(path)


def _run_app(app, **run_options) -> int:
    """Run the app; a crash inside it (Textual has printed what happened) is a non-zero exit."""
    app.run(**run_options)
    return app.return_code or 0


def feeds_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsreader feeds", description="Manage the feeds in the library.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("add", help="add a feed by its URL, or by a web page that links to its feed").add_argument(
        "url"
    )
    commands.add_parser("remove", help="stop following a feed (by URL or title) and drop its articles").add_argument(
        "feed"
    )
    commands.add_parser("import", help="add the feeds of an OPML file").add_argument("file")
    commands.add_parser("export", help="print the feeds as OPML")
    refresh = commands.add_parser("refresh", help="fetch new items from every feed (and their full text)")
    refresh.add_argument("--concurrency", type=_positive, default=16)
    refresh.add_argument(
        "--analyse", action="store_true", help="then analyse every article not yet analysed, on every core"
    )
    refresh.add_argument("--workers", type=_positive, metavar="N", help="processes for --analyse (default: all cores)")
    commands.add_parser("list", help="list the feeds with their unread counts")
    return parser


def run_feeds(argv: list[str]) -> int:
    args = feeds_parser().parse_args(argv)
    library = _library(read_only=args.command in ("list", "export"))
    if library is None:
        return EXIT_BAD_INPUT
    from tui import updates

    try:
        if args.command == "add":
            with RefreshProgress() as progress:
                report = updates.add_feed(library, args.url, progress=progress.update)
            if report.feed.url != args.url:
                _out(f"found the feed {report.feed.url}")
            _out(f"added {report.feed.title or report.feed.url}: {report.new} articles{_pages(report)}")
        elif args.command == "remove":
            feed, removed = updates.remove_feed(library, args.feed)
            _out(f"removed {feed.title or feed.url} and its {removed} articles")
        elif args.command == "import":
            _out(f"imported {updates.import_opml(library, args.file)} new feeds")
        elif args.command == "export":
            _out(updates.export_opml(library), end="")
        elif args.command == "refresh":
            status = _refresh(library, args.concurrency)
            if args.analyse:
                status = max(status, _analyse_library(library, args.workers))
            return status
        else:
            _print_feeds(library)
    except SourceError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    return 0


def _refresh(library, concurrency: int) -> int:
    from tui import updates

    status = 0
    with RefreshProgress() as progress:
        reports = updates.refresh_feeds(library, concurrency, progress=progress.update)
    for report in reports:
        if report.error:
            _error(report.error)
            status = EXIT_BAD_INPUT
            continue
        if report.waiting_until is not None:
            when = time.strftime("%H:%M:%S UTC", time.gmtime(report.waiting_until))
            state = f"not fetched: the server asked to wait until {when}"
        elif report.not_modified:
            state = "not modified"
        else:
            state = f"{report.new} new" + (f", {report.updated} updated" if report.updated else "")
        _out(f"{report.feed.title or report.feed.url}: {state}{_pages(report)}")
    return status


def _analyse_library(library, workers: int | None) -> int:
    """Analyse the library's unanalysed articles into the parse cache, with a progress bar."""
    from tui.analysis.pipeline import ModelMissing
    from tui.archive.job import all_cores
    from tui.documents import Engine
    from tui.library_analysis import analyse_library
    from tui.store import load_config

    with RefreshProgress() as progress:
        try:
            result = analyse_library(
                library,
                Engine(load_config().model),
                workers or all_cores(),
                progress=lambda done, total: progress.update("analysis", done, total),
            )
        except ModelMissing as error:
            _error(str(error))
            return EXIT_BAD_INPUT
    _out(f"analysed {result.done} articles ({result.from_cache} already in the cache, {result.failed} failed)")
    return EXIT_BAD_INPUT if result.failed else 0


def _pages(report) -> str:
    if not report.pages and not report.pages_failed:
        return ""
    failed = f", {report.pages_failed} kept their summary (see 'feeds list')" if report.pages_failed else ""
    return f"; full text of {report.pages}{failed}"


class RefreshProgress:
    """A Rich progress bar on stderr while feeds and then pages come in; nothing when stderr
    is not a terminal (piped, redirected, under a test)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )
        self.tasks: dict[str, int] = {}

    def __enter__(self) -> RefreshProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def update(self, step: str, done: int, total: int) -> None:
        if step not in self.tasks:
            label = {"feeds": "feeds", "pages": "full text"}.get(step, step)
            self.tasks[step] = self.progress.add_task(label, total=total)
        self.progress.update(self.tasks[step], completed=done, total=total)


def _print_feeds(library) -> None:
    from rich.table import Table

    unread = library.unread_counts()
    pages = library.page_problems()
    table = Table("feed", "folder", "url", "unread", "last error")
    for feed in library.feeds():
        problems = [feed.error] if feed.error else []
        if feed.id in pages:
            count, reason = pages[feed.id]
            problems.append(f"{count} kept their summary, the page failing: {reason}")
        table.add_row(
            _cell(feed.title),
            _cell(feed.folder),
            _cell(feed.url),
            str(unread.get(feed.id, 0)),
            _cell("; ".join(problems)),
        )
    _print(table)


def export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader export", description="Print an article's quotes, speakers and stances."
    )
    parser.add_argument("article", help="an article file, a URL, or a library article number")
    parser.add_argument("--format", choices=("json", "md", "csv"), default="json")
    return parser


def run_export(argv: list[str]) -> int:
    args = export_parser().parse_args(argv)
    from tui.updates import as_article

    try:
        number = _article_number(args.article)
        if number is not None or _is_url(args.article):
            library = _library(read_only=number is not None)
            if library is None:
                return EXIT_BAD_INPUT
            if number is not None:
                stored = library.article(number)
            else:  # a page not in the library yet is fetched and kept, as `newsreader URL` does
                from tui.updates import save_page

                stored = library.article_by_url(visible(args.article)) or save_page(library, args.article)
            if stored is None:
                raise SourceError(f"{args.article}: not in the library")
            article = as_article(stored)
        else:
            article = load_article(args.article)
    except SourceError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    from tui.analysis.pipeline import ModelMissing
    from tui.documents import Engine
    from tui.export import render

    try:
        document = Engine().analyse(article)
    except ModelMissing as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    _out(render(document, args.format), end="")
    return 0


MAX_ARTICLE_NUMBER = 2**63 - 1  # SQLite's largest row id


def _article_number(value: str) -> int | None:
    """A library article number (ASCII digits only: not ², ٣ or １), or None for a path or URL.

    SourceError when it is a number newsreader cannot take."""
    if value.isascii() and value.isdigit():
        if not 1 <= int(value) <= MAX_ARTICLE_NUMBER:
            raise SourceError(f"{value}: no such article number (see 'newsreader articles')")
        return int(value)
    if value.isnumeric() and not Path(value).exists():
        raise SourceError(f"{value}: write an article number with the digits 0-9")
    return None


def run_articles(argv: list[str]) -> int:
    argparse.ArgumentParser(prog="newsreader articles", description="List the library's articles.").parse_args(argv)
    library = _library(read_only=True)
    if library is None:
        return EXIT_BAD_INPUT
    from rich.table import Table

    feeds = {feed.id: feed.title or feed.url for feed in library.feeds()}
    table = Table("number", "read", "feed", "title", "date", "quotes")
    for row in library.rows():
        table.add_row(
            str(row.id),
            "" if row.read else "●",
            _cell(feeds.get(row.feed_id, "saved pages")),
            _cell(row.title),
            _cell(row.date),
            "–" if row.quotes is None else str(row.quotes),
        )
    _print(table)
    return 0


def search_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader search",
        description='Search the library: words, "phrases", said:NAME, about:TOPIC, feed:NAME.',
    )
    parser.add_argument("query", nargs="+", help='for example: pier said:"Ruth Bell" feed:Gazette')
    parser.add_argument("--limit", type=_positive, default=20, help="at most this many hits (default 20)")
    return parser


def run_search(argv: list[str]) -> int:
    args = search_parser().parse_args(argv)
    from tui.store.search import QueryError, parse_query

    try:
        query = parse_query(" ".join(args.query))
    except QueryError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    library = _library(read_only=True)
    if library is None:
        return EXIT_BAD_INPUT
    from tui.store import LibraryError

    try:
        hits = library.search(query, args.limit)
    except LibraryError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    if not hits:
        _error(f"nothing in the library matches {' '.join(args.query)!r}")
        return 1
    from rich.table import Table

    from tui.snippets import highlighted

    feeds = {feed.id: feed.title or feed.url for feed in library.feeds()}
    table = Table("number", "feed", "title", "where it matches", expand=True)
    for hit in hits:
        table.add_row(
            str(hit.id), _cell(feeds.get(hit.feed_id, "saved pages")), _cell(hit.title), highlighted(hit.snippet)
        )
    _print(table)
    return 0


COMMANDS = {
    "analyze": run_analyze,
    "feeds": run_feeds,
    "export": run_export,
    "articles": run_articles,
    "search": run_search,
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        return run_open(argv)
    except KeyboardInterrupt:
        return 130
    except OutputError as error:
        _stop_writing_stdout()
        _error(f"cannot write the output ({error})")
        return EXIT_BAD_INPUT
    except sqlite3.Error as error:
        from tui.store.library import default_path, problem

        _error(problem(default_path(), error))
        return EXIT_BAD_INPUT


def _stop_writing_stdout() -> None:
    """Point stdout at /dev/null so Python's own flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
