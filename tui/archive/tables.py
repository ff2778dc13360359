"""Analysed documents as four Arrow tables whose rows join on `doc_id` (and `speaker_id`).

    documents  one row per article: id, key, title, url, outlet, date, counts, text
    speakers   one row per speaker of an article: (doc_id, speaker_id), name, kind, mentions
    quotes     one row per quote: (doc_id, quote_id), speaker_id, kind, text, offsets, cue
    stances    one row per speaker and topic: (doc_id, speaker_id, topic_id), label, evidence

Offsets are character offsets into the document's `text`. The schemas are fixed,
so every Parquet part has the same columns even when a part has no quotes.
The `month` partition (YYYY-MM of the date, or "unknown") is in the folder name.
"""

from __future__ import annotations

import re

import pyarrow as pa

from tui.archive.inputs import Entry
from tui.model import Document

UNKNOWN_MONTH = "unknown"
_MONTH = re.compile(r"^(\d{4})-(\d{2})")

SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32())])

SCHEMAS = {
    "documents": pa.schema(
        [
            ("doc_id", pa.string()),
            ("key", pa.string()),
            ("title", pa.string()),
            ("source", pa.string()),
            ("url", pa.string()),
            ("outlet", pa.string()),
            ("date", pa.string()),
            ("model", pa.string()),
            ("analyser", pa.string()),
            ("speakers", pa.int32()),
            ("quotes", pa.int32()),
            ("stances", pa.int32()),
            ("text", pa.string()),
        ]
    ),
    "speakers": pa.schema(
        [
            ("doc_id", pa.string()),
            ("speaker_id", pa.string()),
            ("name", pa.string()),
            ("kind", pa.string()),
            ("quotes", pa.int32()),
            ("mentions", pa.list_(SPAN)),
        ]
    ),
    "quotes": pa.schema(
        [
            ("doc_id", pa.string()),
            ("quote_id", pa.string()),
            ("speaker_id", pa.string()),
            ("kind", pa.string()),
            ("text", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("speaker_span", SPAN),
            ("cue", pa.string()),
            ("cue_span", SPAN),
            ("paragraph", pa.int32()),
            ("rule", pa.string()),
            ("speaker_rule", pa.string()),
        ]
    ),
    "stances": pa.schema(
        [
            ("doc_id", pa.string()),
            ("speaker_id", pa.string()),
            ("topic_id", pa.string()),
            ("topic", pa.string()),
            ("label", pa.string()),
            ("score", pa.float64()),
            ("evidence", pa.list_(pa.string())),
            ("rule", pa.string()),
            ("cue", pa.string()),
        ]
    ),
}
TABLES = tuple(SCHEMAS)


def month_of(date: str) -> str:
    """`2024-03` for a date that starts like `2024-03-05…`, else "unknown"."""
    found = _MONTH.match(date)
    if found and 1 <= int(found.group(2)) <= 12:
        return f"{found.group(1)}-{found.group(2)}"
    return UNKNOWN_MONTH


def _span(span: tuple[int, int] | None) -> dict[str, int] | None:
    return {"start": span[0], "end": span[1]} if span else None


def rows_of(entry: Entry, key: str, document: Document) -> dict[str, list[dict]]:
    """The rows one analysed article adds to each table."""
    doc_id = entry.doc_id
    quoted: dict[str | None, int] = {}
    for quote in document.quotes:
        quoted[quote.speaker] = quoted.get(quote.speaker, 0) + 1
    topics = {topic.id: topic.label for topic in document.topics}
    return {
        "documents": [
            {
                "doc_id": doc_id,
                "key": key,
                "title": document.title,
                "source": document.source,
                "url": entry.url,
                "outlet": entry.outlet,
                "date": entry.article.date,
                "model": document.model,
                "analyser": document.analyser,
                "speakers": len(document.speakers),
                "quotes": len(document.quotes),
                "stances": len(document.stances),
                "text": document.text,
            }
        ],
        "speakers": [
            {
                "doc_id": doc_id,
                "speaker_id": speaker.id,
                "name": speaker.name,
                "kind": speaker.kind,
                "quotes": quoted.get(speaker.id, 0),
                "mentions": [_span(mention) for mention in speaker.mentions],
            }
            for speaker in document.speakers
        ],
        "quotes": [
            {
                "doc_id": doc_id,
                "quote_id": quote.id,
                "speaker_id": quote.speaker,
                "kind": quote.kind,
                "text": document.quote_text(quote),
                "start": quote.start,
                "end": quote.end,
                "speaker_span": _span(quote.speaker_span),
                "cue": document.text[slice(*quote.cue_span)] if quote.cue_span else None,
                "cue_span": _span(quote.cue_span),
                "paragraph": quote.paragraph,
                "rule": quote.rule,
                "speaker_rule": quote.speaker_rule,
            }
            for quote in document.quotes
        ],
        "stances": [
            {
                "doc_id": doc_id,
                "speaker_id": stance.speaker,
                "topic_id": stance.topic,
                "topic": topics.get(stance.topic, ""),
                "label": stance.label,
                "score": stance.score,
                "evidence": list(stance.evidence),
                "rule": stance.rule,
                "cue": stance.cue,
            }
            for stance in document.stances
        ],
    }


def to_table(name: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])
