"""The shared parsed-document model: what every pane of the reader reads.

Plain dataclasses and JSON, nothing heavy: this module never imports spaCy or
Textual, so a cached article can be shown without loading either. All offsets
are Python character offsets into `Document.text`; spans are half-open
`(start, end)` pairs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

SCHEMA = 2

Span = tuple[int, int]

# place: a country or city speaking as its government; document: a report, poll or statement no
# one is named for; anonymous: an unnamed source ("a woman", "officials", the writer's "I").
SpeakerKind = Literal["person", "organisation", "place", "group", "document", "anonymous", "unknown"]
QuoteKind = Literal["direct", "mixed", "indirect", "act", "label"]  # act: "X praised Y"; label: called Y “…”
StanceLabel = Literal["favor", "against", "neutral"]
SPEAKER_KINDS: tuple[SpeakerKind, ...] = get_args(SpeakerKind)
QUOTE_KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)
STANCE_LABELS: tuple[StanceLabel, ...] = get_args(StanceLabel)


class SchemaError(ValueError):
    """A JSON document that does not follow the schema this version reads."""


@dataclass
class Speaker:
    """One real person or organisation that is quoted, with every mention of it."""

    id: str
    name: str
    kind: SpeakerKind = "unknown"
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Quote:
    """Reported speech: its content span, who said it and the cue that says so."""

    id: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None  # a Speaker.id
    speaker_span: Span | None = None  # the mention the attribution hangs on
    cue_span: Span | None = None
    paragraph: int = 0
    rule: str = ""  # the id of the attribution rule that found it (tui/analysis/attribution/rules.py)
    speaker_rule: str = ""  # the id of the step that named its speaker


@dataclass
class Topic:
    """A target speakers take sides on: a policy, a group, an institution."""

    id: str
    label: str
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Stance:
    """One speaker's position on one topic, and the evidence for it."""

    speaker: str
    topic: str
    label: StanceLabel
    score: float
    evidence: list[str] = field(default_factory=list)  # Quote.id values
    rule: str = ""
    cue: str = ""
    gist: str = ""  # the evidence in plain words: "calls the Rwanda scheme ‘a gimmick’"


@dataclass
class Document:
    """An analysed article: the text and everything found in it."""

    text: str
    title: str = ""
    source: str = ""
    paragraphs: list[Span] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    model: str = ""
    analyser: str = ""
    partial: str = ""  # why only part of the text was analysed (a budget); empty when all of it was

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        """The speaker with this id, or None."""
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker
        return None

    def quote_text(self, quote: Quote) -> str:
        return self.text[quote.start : quote.end]

    def to_dict(self) -> dict[str, Any]:
        """The versioned JSON form (what `analyze --format json` prints)."""
        return {
            "schema": SCHEMA,
            "source": self.source,
            "title": self.title,
            "model": self.model,
            "analyser": self.analyser,
            "text": self.text,
            "paragraphs": [list(p) for p in self.paragraphs],
            "speakers": [
                {
                    "id": s.id,
                    "name": s.name,
                    "kind": s.kind,
                    "mentions": [list(m) for m in s.mentions],
                }
                for s in self.speakers
            ],
            "quotes": [
                {
                    "id": q.id,
                    "start": q.start,
                    "end": q.end,
                    "text": self.quote_text(q),
                    "kind": q.kind,
                    "speaker": q.speaker,
                    "speaker_span": list(q.speaker_span) if q.speaker_span else None,
                    "cue_span": list(q.cue_span) if q.cue_span else None,
                    "paragraph": q.paragraph,
                    "rule": q.rule,
                    "speaker_rule": q.speaker_rule,
                }
                for q in self.quotes
            ],
            "topics": [{"id": t.id, "label": t.label, "mentions": [list(m) for m in t.mentions]} for t in self.topics],
            "stances": [
                {
                    "speaker": s.speaker,
                    "topic": s.topic,
                    "label": s.label,
                    "score": s.score,
                    "evidence": list(s.evidence),
                    "rule": s.rule,
                    "cue": s.cue,
                    "gist": s.gist,
                }
                for s in self.stances
            ],
        } | ({"partial": self.partial} if self.partial else {})

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Rebuild a document from its JSON form; SchemaError if it is not one."""
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise SchemaError(f"expected a document with schema {SCHEMA}")
        try:
            return cls(
                text=data["text"],
                title=data.get("title", ""),
                source=data.get("source", ""),
                model=data.get("model", ""),
                analyser=data.get("analyser", ""),
                partial=data.get("partial", ""),
                paragraphs=[_span(p) for p in data.get("paragraphs", [])],
                speakers=[
                    Speaker(
                        id=s["id"],
                        name=s["name"],
                        kind=s.get("kind", "unknown"),
                        mentions=[_span(m) for m in s.get("mentions", [])],
                    )
                    for s in data.get("speakers", [])
                ],
                quotes=[
                    Quote(
                        id=q["id"],
                        start=q["start"],
                        end=q["end"],
                        kind=q["kind"],
                        speaker=q.get("speaker"),
                        speaker_span=_span(q["speaker_span"]) if q.get("speaker_span") else None,
                        cue_span=_span(q["cue_span"]) if q.get("cue_span") else None,
                        paragraph=q.get("paragraph", 0),
                        rule=q.get("rule", ""),
                        speaker_rule=q.get("speaker_rule", ""),
                    )
                    for q in data.get("quotes", [])
                ],
                topics=[
                    Topic(id=t["id"], label=t["label"], mentions=[_span(m) for m in t.get("mentions", [])])
                    for t in data.get("topics", [])
                ],
                stances=[
                    Stance(
                        speaker=s["speaker"],
                        topic=s["topic"],
                        label=s["label"],
                        score=s.get("score", 0.0),
                        evidence=list(s.get("evidence", [])),
                        rule=s.get("rule", ""),
                        cue=s.get("cue", ""),
                        gist=s.get("gist", ""),
                    )
                    for s in data.get("stances", [])
                ],
            )
        except (KeyError, TypeError, ValueError) as error:
            raise SchemaError(f"malformed document: {error}") from error

    @classmethod
    def from_json(cls, payload: str) -> Document:
        try:
            data = json.loads(payload)
        except json.JSONDecodeError as error:
            raise SchemaError(f"not JSON: {error}") from error
        return cls.from_dict(data)


def _span(value: Any) -> Span:
    start, end = value
    return (int(start), int(end))
