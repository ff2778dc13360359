"""A document's quotes, speakers and stances as JSON, Markdown or CSV."""

from __future__ import annotations

import csv
import io

from tui.model import Document


def quote_stances(document: Document) -> dict[str, list[str]]:
    """For each quote id, the stances it is evidence for ("against Rwanda scheme")."""
    topics = {t.id: t.label for t in document.topics}
    found: dict[str, list[str]] = {}
    for stance in document.stances:
        for quote_id in stance.evidence:
            found.setdefault(quote_id, []).append(f"{stance.label} {topics.get(stance.topic, stance.topic)}")
    return found


def to_markdown(document: Document) -> str:
    lines = [f"# {document.title or document.source}", "", f"Source: {document.source}", ""]
    stances = quote_stances(document)
    for speaker in document.speakers:
        quotes = [q for q in document.quotes if q.speaker == speaker.id]
        lines += [f"## {speaker.name} ({speaker.kind}, {len(quotes)} quotes)", ""]
        for stance in (s for s in document.stances if s.speaker == speaker.id):
            topic = next((t.label for t in document.topics if t.id == stance.topic), stance.topic)
            lines.append(f"- **{stance.label}** {topic} — {stance.gist or stance.rule}")
        if any(s.speaker == speaker.id for s in document.stances):
            lines.append("")
        for quote in quotes:
            text = document.quote_text(quote).replace("\n", " ")
            extra = f" _({'; '.join(stances[quote.id])})_" if quote.id in stances else ""
            lines.append(f"> {text}  \n> — {quote.kind}{extra}")
            lines.append("")
    unattributed = [q for q in document.quotes if q.speaker is None]
    if unattributed:
        lines += ["## Unattributed", ""] + [f"> {document.quote_text(q)}" + "\n" for q in unattributed]
    return "\n".join(lines)


def to_csv(document: Document) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["quote", "speaker", "speaker_kind", "kind", "start", "end", "text", "stances"])
    stances = quote_stances(document)
    for quote in document.quotes:
        speaker = document.speaker(quote.speaker)
        writer.writerow(
            [
                quote.id,
                speaker.name if speaker else "",
                speaker.kind if speaker else "",
                quote.kind,
                quote.start,
                quote.end,
                document.quote_text(quote),
                "; ".join(stances.get(quote.id, [])),
            ]
        )
    return out.getvalue()


def render(document: Document, fmt: str) -> str:
    if fmt == "json":
        return document.to_json(indent=2)
    if fmt == "md":
        return to_markdown(document)
    return to_csv(document)
