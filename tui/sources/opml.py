"""OPML: the feed lists other readers import and export."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path
from xml.sax.saxutils import quoteattr

from tui.sanitize import visible
from tui.sources.files import SourceError


def read_opml(path: str | Path) -> list[tuple[str, str]]:
    """(feed URL, title) for every outline with an xmlUrl, at any depth."""
    path = Path(path)
    try:
        tree = ElementTree.parse(path)
    except FileNotFoundError as error:
        raise SourceError(f"{path}: no such file") from error
    except (ElementTree.ParseError, OSError, UnicodeDecodeError) as error:
        raise SourceError(f"{path}: not a readable OPML file ({error})") from error
    root = tree.getroot()
    if root.tag.lower() != "opml":
        raise SourceError(f"{path}: not an OPML file (its root element is <{root.tag}>)")
    feeds = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            feeds.append((visible(url), visible((outline.get("title") or outline.get("text") or "").strip())))
    return feeds


def write_opml(feeds: list[tuple[str, str]], title: str = "newsreader feeds") -> str:
    """An OPML 2.0 document listing the feeds."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_text(visible(title))}</title></head>",
        "  <body>",
    ]
    for url, name in ((visible(url), visible(name)) for url, name in feeds):
        lines.append(
            f'    <outline type="rss" text={quoteattr(name or url)} title={quoteattr(name or url)} xmlUrl={quoteattr(url)}/>'
        )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
