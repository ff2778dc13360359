"""Reading articles from disk: plain text, Markdown and saved HTML.

Every failure is a `SourceError` with a one-line message naming the file, so
callers can report it and carry on with the other inputs.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.sanitize import visible

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024
MAX_ELEMENTS = 10_000  # HTML elements read from one page; a long news page has 3,000

# C0 and C1 control characters other than tab and newline; ESC among them, so
# no ANSI escape sequence from an article ever reaches the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")  # undecodable bytes kept by surrogateescape


class SourceError(Exception):
    """An input that cannot be read as an article; the message names it.

    The message is made terminal-safe here (file names, URLs and server replies
    in it come from outside), so every caller can show it as it is.
    """

    def __init__(self, message: str):
        super().__init__(visible(message))


@dataclass
class Article:
    """An article's text before analysis."""

    text: str
    title: str
    source: str
    date: str = ""  # ISO date where the source gives one
    author: str = ""
    partial: str = ""  # what was left out of a page too large to read whole


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters and lone surrogates (the text we analyse)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", _SURROGATES.sub("\ufffd", text))


def title_of(text: str) -> str:
    """The first non-empty line, shortened: the title a plain text file implies."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 120 else line[:119] + "…"
    return ""


def load_article(path: str | Path) -> Article:
    """Read one article file; raise SourceError with a clear message if it is not one."""
    path = Path(path)
    if not path.exists():
        raise SourceError(f"{path}: no such file")
    if path.is_dir():
        raise SourceError(f"{path}: is a folder, not an article file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"{path}: too large ({_megabytes(size)}; the limit is {_megabytes(MAX_BYTES)})")
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: cannot be read ({error.strerror or error})") from error
    if not raw.strip():
        raise SourceError(f"{path}: is empty")
    decoded = _decode(raw, path)
    if path.suffix.lower() in (".html", ".htm"):
        return article_from_html(decoded, path)
    text = clean_text(decoded)
    if not text.strip():
        raise SourceError(f"{path}: has no text")
    return Article(text=text, title=title_of(text), source=str(path))


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB".replace(".0 MB", " MB")


# Byte-order marks and the codecs they announce; UTF-32 before UTF-16, whose mark it starts with.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(raw: bytes, path: Path) -> str:
    """UTF-8, or the UTF-16/32 its byte-order mark announces; a clear message otherwise."""
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), None)
    if encoding is None and b"\x00" in raw[:8192]:
        raise SourceError(f"{path}: is a binary file, not text")
    try:
        return raw.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(
            f"{path}: is not {(encoding or 'utf-8').upper().replace('-SIG', '')} text (bad byte at offset {error.start})"
        ) from error


def article_from_html(html: str, source: str | Path) -> Article:
    """Extract the article (title, author, date, text) from HTML with trafilatura."""
    try:
        import trafilatura
    except ImportError as error:  # a broken install: say what is missing, not a guess
        raise SourceError(f"{source}: cannot read HTML: importing trafilatura failed: {error}") from error
    tree, note = _bounded_tree(html, source)
    if tree is None:
        raise SourceError(f"{source}: no HTML document found")
    extracted = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False)
    text = clean_text(getattr(extracted, "text", None) or "") if extracted is not None else ""
    if not text.strip():
        raise SourceError(f"{source}: no article text found in the HTML")
    title = clean_text(getattr(extracted, "title", None) or "").strip()
    author = clean_text(getattr(extracted, "author", None) or "").strip()
    date = clean_text(str(getattr(extracted, "date", None) or "")).strip()
    return Article(text=text, title=title or title_of(text), source=str(source), date=date, author=author, partial=note)


def _bounded_tree(html: str, source: str | Path) -> tuple[Any, str]:  # lxml ships no types: its tree is Any
    """The parsed page, cut after its first MAX_ELEMENTS elements (trafilatura's time grows
    faster than the page: 100,000 paragraphs took 75 s), and a note when it was cut."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return None, ""
    elements = list(tree.iter())
    if len(elements) <= MAX_ELEMENTS:
        return tree, ""
    for element in reversed(elements[MAX_ELEMENTS:]):
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return tree, f"only the first {MAX_ELEMENTS:,} of the page's {len(elements):,} HTML elements were read"


def load_library(folder: str | Path) -> list[Path]:
    """The article files in a folder, sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SourceError(f"{folder}: is not a folder")
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def bundled_seeds() -> Path:
    """The articles shipped with newsreader: `tui/seeds/` in an installed package (setup.py maps
    the repository's top-level `seeds/` there), else `seeds/` beside the package in a clone."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "seeds"
    return installed if installed.is_dir() else package.parent / "seeds"
