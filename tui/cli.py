"""Command line: `newsreader [PATH]` opens the reader; `newsreader analyze FILE…` prints quotes.

Every bad input gets a one-line message naming it and exit status 2; the
other inputs are still handled.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tui import __version__
from tui.sources import Article, SourceError, load_article

EXIT_BAD_INPUT = 2
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _error(message: str) -> None:
    print(f"newsreader: {message}", file=sys.stderr)


def analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsreader analyze", description="Find who said what in article files.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="article files (.txt, .md, .html)")
    parser.add_argument(
        "--format", choices=("text", "json", "jsonl"), default="text", help="output format (default: text)"
    )
    parser.add_argument("--model", default=None, help="spaCy model name (default: the best installed)")
    return parser


def open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="A terminal news reader that shows who said what. Other commands: "
        "'newsreader analyze FILE…', 'newsreader feeds add|import|export|refresh|list', "
        "'newsreader articles', 'newsreader export ARTICLE --format json|md|csv'.",
    )
    parser.add_argument(
        "path", nargs="?", default=None, help="an article file, a folder of them, or a URL (default: the bundled seeds)"
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    return parser


def run_analyze(argv: list[str]) -> int:
    args = analyze_parser().parse_args(argv)
    articles: list[Article] = []
    status = 0
    for name in args.files:
        try:
            articles.append(load_article(name))
        except SourceError as error:
            _error(str(error))
            status = EXIT_BAD_INPUT
    if not articles:
        return status
    from tui.analysis.pipeline import ModelMissing

    try:
        from tui.analysis.engine import Analyzer

        analyzer = Analyzer(args.model)
    except ModelMissing as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    documents = analyzer.analyze_many(articles)
    if args.format == "jsonl":
        for document in documents:
            print(document.to_json())
    elif args.format == "json":
        print(json.dumps([d.to_dict() for d in documents], ensure_ascii=False, indent=2))
    else:
        _print_tables(documents)
    return status


def _print_tables(documents) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tui.analysis.attribution.rules import why

    console = Console()
    for document in documents:
        table = Table(title=Text(document.source), show_lines=False, expand=True)
        table.add_column("speaker", style="bold", no_wrap=True)
        table.add_column("kind")
        table.add_column("quote", ratio=2)
        table.add_column("why", ratio=1, style="dim")
        for quote in document.quotes:
            speaker = document.speaker(quote.speaker)
            table.add_row(
                Text(speaker.name if speaker else "?"),
                Text(quote.kind),
                Text(document.quote_text(quote)),
                Text(why(document, quote)),
            )
        console.print(table)


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _library():
    from tui.store import Library, LibraryError

    try:
        return Library()
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
        from tui.app.app import NewsreaderApp

        NewsreaderApp(SEEDS, article=as_article(stored)).run()
        return 0
    target = Path(args.path) if args.path else SEEDS
    if not target.exists():
        _error(f"{target}: no such file or folder")
        return EXIT_BAD_INPUT
    if target.is_file():
        try:
            load_article(target)
        except SourceError as error:
            _error(str(error))
            return EXIT_BAD_INPUT
    from tui.app.app import NewsreaderApp

    NewsreaderApp(target).run()
    return 0


def feeds_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsreader feeds", description="Manage the feeds in the library.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("add", help="add a feed by its URL").add_argument("url")
    commands.add_parser("import", help="add the feeds of an OPML file").add_argument("file")
    commands.add_parser("export", help="print the feeds as OPML")
    refresh = commands.add_parser("refresh", help="fetch new items from every feed")
    refresh.add_argument("--concurrency", type=int, default=16)
    commands.add_parser("list", help="list the feeds with their unread counts")
    return parser


def run_feeds(argv: list[str]) -> int:
    args = feeds_parser().parse_args(argv)
    library = _library()
    if library is None:
        return EXIT_BAD_INPUT
    from tui import updates

    try:
        if args.command == "add":
            report = updates.add_feed(library, args.url)
            print(f"added {report.feed.title or report.feed.url}: {report.new} articles")
        elif args.command == "import":
            print(f"imported {updates.import_opml(library, args.file)} new feeds")
        elif args.command == "export":
            sys.stdout.write(updates.export_opml(library))
        elif args.command == "refresh":
            status = 0
            for report in updates.refresh_feeds(library, args.concurrency):
                if report.error:
                    _error(report.error)
                    status = EXIT_BAD_INPUT
                else:
                    state = "not modified" if report.not_modified else f"{report.new} new"
                    print(f"{report.feed.title or report.feed.url}: {state}")
            return status
        else:
            _print_feeds(library)
    except SourceError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    return 0


def _print_feeds(library) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    unread = library.unread_counts()
    table = Table("feed", "url", "unread", "last error")
    for feed in library.feeds():
        table.add_row(Text(feed.title), Text(feed.url), str(unread.get(feed.id, 0)), Text(feed.error or ""))
    Console().print(table)


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
        if args.article.isdigit() or _is_url(args.article):
            library = _library()
            if library is None:
                return EXIT_BAD_INPUT
            stored = (
                library.article(int(args.article)) if args.article.isdigit() else library.article_by_url(args.article)
            )
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
    sys.stdout.write(render(document, args.format))
    return 0


def run_articles(argv: list[str]) -> int:
    argparse.ArgumentParser(prog="newsreader articles", description="List the library's articles.").parse_args(argv)
    library = _library()
    if library is None:
        return EXIT_BAD_INPUT
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    feeds = {feed.id: feed.title or feed.url for feed in library.feeds()}
    table = Table("number", "read", "feed", "title", "date", "quotes")
    for row in library.rows():
        table.add_row(
            str(row["id"]),
            "" if row["read"] else "●",
            Text(feeds.get(row["feed_id"], "saved pages")),
            Text(row["title"]),
            Text(row["date"]),
            "–" if row["quotes"] is None else str(row["quotes"]),
        )
    Console().print(table)
    return 0


COMMANDS = {"analyze": run_analyze, "feeds": run_feeds, "export": run_export, "articles": run_articles}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        return run_open(argv)
    except KeyboardInterrupt:
        return 130
