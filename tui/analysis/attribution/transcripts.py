"""Transcript lines and headlines that open with a name and a colon: "PENCE: Well, look …",
"Maria Lopez: Plan ‘Is A Gift’". Section labels ("The Latest:", "Editor’s Note:") are not speakers.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from tui.analysis import lexicons
from tui.analysis.attribution.context import Attribution, Context, Offsets

# "PENCE: ", "Pat Caddell: ", "Sen. Warren: " at the start of a paragraph or a quotation.
_NAME_PREFIX = re.compile(r"[\"“”']?((?:[A-Z][\w.’'-]*)(?: [A-Z][\w.’'-]*){0,3}): +(?=\S)")
_LABEL_WORDS = lexicons.words("section_labels.txt")


def name_prefix(ctx: Context, start: int, end: int) -> tuple[int, Token, Offsets] | None:
    """Transcript style "PENCE: Well, look …": where the words start, the speaker named before
    the colon, and the colon (the cue)."""
    text = ctx.text
    match = _NAME_PREFIX.match(text, start, end)
    if match is None or len(text[match.end() : end].split()) < 3:
        return None
    name = ctx.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    if name is None or name[0].lower_ in ("the", "a", "an", "this") or name[-1].lower_ in _LABEL_WORDS:
        return None  # "The Latest:", "Editor’s Note:", "Delegate Update:" label a section, nobody speaks
    colon = match.end(1)
    return match.end(), name[-1], (colon, colon + 1)


def looks_like_headline(content: str) -> bool:
    """Most words capitalised: "Indiana’s GOP Primary Will Be A Battle Between Demographics"."""
    words = [w for w in content.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def find_transcript_lines(ctx: Context) -> list[Attribution]:
    """Paragraphs opening with "NAME:" are that speaker's words: a transcript line, or a headline
    naming a person ("Maria Lopez: Plan ‘Is A Gift’"). Other headlines with a colon are not."""
    found = []
    # Last words of the people tagged anywhere: a headline's "Trump:" is often left untagged.
    people = {ent[-1].lower_ for ent in ctx.doc.ents if ent.label_ == "PERSON"}
    for index, (start, end) in enumerate(ctx.paragraphs):
        prefixed = name_prefix(ctx, start, end)
        if prefixed is None:
            continue
        content_start, speaker, cue = prefixed
        named = speaker.ent_type_ == "PERSON" or speaker.lower_ in people
        if not named and (
            looks_like_headline(ctx.text[content_start:end]) or any(m.paragraph == index for m in ctx.marks)
        ):
            continue  # "The Latest: 3 towns cast first votes" is a headline, not a transcript
        found.append(
            Attribution(content_start, end, "direct", index, "transcript.name-colon", cue=cue, speaker_token=speaker)
        )
    return found
