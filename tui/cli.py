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
    parser.add_argument("--format", choices=("text", "json", "jsonl"), default="text", help="output format (default: text)")
    parser.add_argument("--model", default=None, help="spaCy model name (default: the best installed)")
    return parser


def open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="A terminal news reader that shows who said what. "
        "Subcommand: 'newsreader analyze FILE…' prints the quotes found.",
    )
    parser.add_argument("path", nargs="?", default=None, help="an article file or a folder of them (default: the bundled seeds)")
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

    console = Console()
    for document in documents:
        table = Table(title=Text(document.source), show_lines=False, expand=True)
        table.add_column("speaker", style="bold", no_wrap=True)
        table.add_column("kind")
        table.add_column("quote", ratio=1)
        for quote in document.quotes:
            speaker = document.speaker(quote.speaker)
            table.add_row(
                Text(speaker.name if speaker else "?"),
                Text(quote.kind),
                Text(document.quote_text(quote)),
            )
        console.print(table)


def run_open(argv: list[str]) -> int:
    args = open_parser().parse_args(argv)
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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "analyze":
            return run_analyze(argv[1:])
        return run_open(argv)
    except KeyboardInterrupt:
        return 130
