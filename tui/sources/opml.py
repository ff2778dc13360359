"""OPML: the feed lists other readers import and export, with their folders."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

from tui.sanitize import visible
from tui.sources.files import SourceError


@dataclass(frozen=True)
class OpmlFeed:
    """One feed of an OPML file: its URL, its title and the folder it sits in ("" for none;
    nested folders joined with " / ")."""

    url: str
    title: str
    folder: str = ""


def read_opml(path: str | Path) -> list[OpmlFeed]:
    """Every outline with an xmlUrl, at any depth, with the folder outlines around it."""
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
    feeds: list[OpmlFeed] = []
    body = root.find("body")
    _walk(body if body is not None else root, [], feeds)
    return feeds


def _walk(parent: ElementTree.Element, folders: list[str], feeds: list[OpmlFeed]) -> None:
    for outline in parent.findall("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        name = visible((outline.get("title") or outline.get("text") or "").strip())
        if url:
            feeds.append(OpmlFeed(visible(url), name, " / ".join(folders)))
        _walk(outline, [*folders, name] if not url and name else folders, feeds)


def write_opml(feeds: list[OpmlFeed], title: str = "newsreader feeds") -> str:
    """An OPML 2.0 document listing the feeds, each folder an outline holding its feeds."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_text(visible(title))}</title></head>",
        "  <body>",
    ]
    folders: dict[str, list[OpmlFeed]] = {}
    for feed in feeds:
        folders.setdefault(visible(feed.folder), []).append(feed)
    for folder, members in folders.items():
        indent = "    "
        if folder:
            lines.append(f"    <outline text={quoteattr(folder)} title={quoteattr(folder)}>")
            indent = "      "
        for feed in members:
            url, name = visible(feed.url), visible(feed.title) or visible(feed.url)
            lines.append(
                f'{indent}<outline type="rss" text={quoteattr(name)} title={quoteattr(name)} xmlUrl={quoteattr(url)}/>'
            )
        if folder:
            lines.append("    </outline>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
