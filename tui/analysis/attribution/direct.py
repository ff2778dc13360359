"""Direct quotes: the words inside quote marks, and the cue in the narration around them.

`direct_quote` reads the narration on either side of a quote (its `Frame`) and tries the shapes
in `SHAPES` in order, one function each; the first that fits names the rule. A quote that
names a work ("Sunday Morning Futures", NBC’s “Today”) is no quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tui.analysis import lexicons
from tui.analysis.attribution.clauses import misparsed_content
from tui.analysis.attribution.context import (
    CLOSING_MARKS,
    SENTENCE_END,
    Attribution,
    Context,
    labelling_lemmas,
    letters,
    token_offsets,
)
from tui.analysis.attribution.cues import cue_with_subject, subject_of
from tui.analysis.attribution.marks import Marked
from tui.analysis.attribution.transcripts import name_prefix

DASHES = {"―", "—", "–"}
_TAG_PUNCT = {",", "”", "’", '"', "'", "''"}  # between a quote and its speech tag: “…,” Ramos said
_OBJECT_DEPS = {"dobj", "pobj", "dative", "attr", "oprd"}  # "turned to the crowd:" — the crowd is not speaking
_PERSONAL_PRONOUNS = lexicons.words("personal_pronouns.txt")
_MINOR_WORDS = lexicons.words("minor_words.txt")


@dataclass
class Frame:
    """The narration around one quote, within its sentence(s) and paragraph."""

    before: list[Token]  # up to the quote, from the last sentence end
    after: list[Token]  # after the quote, up to the next sentence end
    tail: list[Token]  # the part of `after` that can still attribute it (see `own_tail`)
    end: int  # the quote's end, without a trailing comma
    introduced: list[Token]  # `before`, or the colon-ended sentence of the paragraph before
    governing: list[Token]  # narration tokens the quoted words hang under in the parse

    @property
    def words_before(self) -> list[Token]:
        return [t for t in self.before if not t.is_punct]


def direct_quote(ctx: Context, mark: Marked) -> Attribution | None:
    """The quote in these marks with its cue and speaker token, or None when no shape fits."""
    frame = _frame(ctx, mark)
    words = ctx.text[mark.start : frame.end]
    if looks_like_title(words) and not (frame.before and frame.before[-1].text == ":"):
        return None  # “Sunday Morning Futures”, “A Time for Truth”: a name, not speech
    if frame.before and frame.before[-1].lower_ in ("’s", "'s", "on") and _capitalised_name(words):
        return None  # NBC’s “Today”, said on “Meet the Press.”: a programme, not speech
    for shape in SHAPES:
        found = shape(ctx, mark, frame)
        if found is not None:
            return found
    return None


def _quote(mark: Marked, frame: Frame, rule: str, cue: tuple[int, int] | None, speaker: Token | None) -> Attribution:
    return Attribution(mark.start, frame.end, "direct", mark.paragraph, rule, cue, speaker, marks=[mark])


def _with_cue(mark: Marked, frame: Frame, rule: str, ctx: Context, cue: Token) -> Attribution:
    return _quote(mark, frame, rule, token_offsets(cue), subject_of(ctx, cue))


# --- the shapes, in the order they are tried -----------------------------------------------------
def name_colon(ctx: Context, mark: Marked, frame: Frame) -> Attribution | None:
    """“PENCE: Well, look …”: a transcript line quoted whole."""
    prefixed = name_prefix(ctx, mark.start, frame.end)
    if prefixed is None:
        return None
    quote = _quote(mark, frame, "direct.name-colon", prefixed[2], prefixed[1])
    quote.start = prefixed[0]
    return quote


def dash_byline(ctx: Context, mark: Marked, frame: Frame) -> Attribution | None:
    """“…” ― Sonya Herridge: a dash and a name after the quote."""
    after = frame.after
    if len(after) < 2 or after[0].text not in DASHES or after[1].pos_ != "PROPN":
        return None
    doc = ctx.doc
    name = after[1]
    while name.i + 1 < len(doc) and doc[name.i + 1].pos_ == "PROPN" and doc[name.i + 1].dep_ != "punct":
        name = doc[name.i + 1]  # the name's last word heads it
    return _quote(mark, frame, "direct.dash-byline", (after[0].idx, after[0].idx + 1), name)


def _colon_lead_in(frame: Frame) -> bool:
    return bool(frame.introduced) and frame.introduced[-1].text == ":"


def colon_cue(ctx: Context, mark: Marked, frame: Frame) -> Attribution | None:
    """ "X said: “…”" (or "He said:" ending the paragraph before): a cue in the lead-in."""
    if not _colon_lead_in(frame):
        return None
    cue = next((t for t in reversed(frame.introduced) if ctx.is_cue(t)), None)
    return _with_cue(mark, frame, "direct.colon-cue", ctx, cue) if cue is not None else None


def colon_name(ctx: Context, mark: Marked, frame: Frame) -> Attribution | None:
    """ "Senator Warren: “…”", "More from the report: “…”": the name before the colon speaks."""
    if not _colon_lead_in(frame) or len(frame.introduced) < 2:
        return None
    introduced = frame.introduced
    name = introduced[-2]
    quoted_from = name.dep_ == "pobj" and name.head.lower_ == "from"  # "From the report:"
    if name.pos_ == "PROPN" or (name.pos_ in ("NOUN", "PRON") and (name.dep_ not in _OBJECT_DEPS or quoted_from)):
        colon = introduced[-1]
        speaker = _person_in_run(introduced[:-1]) or name
        return _quote(mark, frame, "direct.colon-name", (colon.idx, colon.idx + 1), speaker)
    return None


def colon_subject(ctx: Context, mark: Marked, frame: Frame) -> Attribution | None:
    """ "She then addressed the supporters again: “…”": the subject of the lead-in speaks."""
    if not _colon_lead_in(frame):
        return None
    introduced = frame.introduced
    name = introduced[-2] if len(introduced) >= 2 else None
    verb = name.head if name is not None else None
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT":
        verb = verb.head
    # (A token index against a character offset: kept as the engine has always read it.)
    speaker = subject_of(ctx, verb) if verb is not None and verb.i < mark.open else None
    if speaker is None or not (speaker.pos_ == "PROPN" or speaker.lower_ in _PERSONAL_PRONOUNS):
        return None
    colon = introduced[-1]
    return _quote(mark, frame, "direct.colon-subject", (colon.idx, colon.idx + 1), speaker)


def governing_cue(ctx: Context, mark: Marked, frame: Frame) -> Attribution | None:
    """ "Obama said “it gets me mad” every time …": a cue before the quote that it hangs under."""
    cue = next(
        (t for t in reversed(frame.before) if t in frame.governing and cue_with_subject(ctx, t)),
        None,
    )
    if cue is None:
        return None
    return widened(ctx, _with_cue(mark, frame, "direct.cue-governs", ctx, cue), cue, mark)


def cue_after(ctx: Context, mark: Marked, frame: Frame) -> Attribution | None:
    """“…,” she said: a cue with a subject after the quote, never one in an earlier cue's clause
    ("“…,” Ruiz, the state's leader, said when Hale asked him": "said" may lack its subject)."""
    cues = [t for t in frame.tail if ctx.is_cue(t)]
    cue = next((t for t in cues if cue_with_subject(ctx, t) and not any(c in t.ancestors for c in cues)), None)
    return _with_cue(mark, frame, "direct.cue-after", ctx, cue) if cue is not None else None


def name_then_cue(ctx: Context, mark: Marked, frame: Frame) -> Attribution | None:
    """“…,” Ramos, 58, told AFP: a name right after the quote, one aside set off by commas, then a
    cue the parser did not give it as subject. The name's last proper noun heads it."""
    words = [t for t in frame.tail if t.text not in _TAG_PUNCT]
    position, name = 0, None
    while position < len(words) and words[position].pos_ in ("PROPN", "NOUN"):
        if words[position].pos_ == "PROPN":
            name = words[position]
        position += 1
    if name is None or position >= len(words):
        return None
    rest = [t for t in frame.tail if t.i > words[position - 1].i]
    cue = _cue_past_aside(ctx, rest) if rest and rest[0].text == "," else _cue_next(ctx, rest)
    return _quote(mark, frame, "direct.name-then-cue", token_offsets(cue), name) if cue is not None else None


def _cue_past_aside(ctx: Context, rest: list[Token]) -> Token | None:
    """The cue after an aside of up to 32 words: ", 58,", ", wearing a cowboy hat,", ", now 81 and retired in Cambridge, Mass.,"."""
    for k in range(1, min(len(rest) - 1, 32)):
        cue = _cue_next(ctx, rest[k + 1 :]) if rest[k].text == "," else None
        if cue is not None:
            return cue
    return None


def _cue_next(ctx: Context, tokens: list[Token]) -> Token | None:
    """The first of these words, adverbs aside, when it is a cue: "said", "quickly added"."""
    first = next((t for t in tokens if t.pos_ != "ADV"), None)
    return first if first is not None and ctx.is_cue(first) else None


def inverted(ctx: Context, mark: Marked, frame: Frame) -> Attribution | None:
    """“…,” recalled Mr. Rhodes: a cue right after the quote, then the name the parser took
    for its object. The name's last proper noun heads it."""
    words = [t for t in frame.tail if t.text not in _TAG_PUNCT]
    if len(words) < 2 or not ctx.is_cue(words[0]) or (words[1].pos_ != "PROPN" and words[1].tag_ != "NNP"):
        return None
    name = words[1]
    for token in words[2:]:
        if token.pos_ != "PROPN":
            break
        name = token
    return _quote(mark, frame, "direct.inverted", token_offsets(words[0]), name)


def cue_before(ctx: Context, mark: Marked, frame: Frame) -> Attribution | None:
    """ "X told reporters on Monday, “…”": the nearest cue with a subject before the quote."""
    cue = next((t for t in reversed(frame.before) if cue_with_subject(ctx, t)), None)
    if cue is None:
        return None
    return widened(ctx, _with_cue(mark, frame, "direct.cue-before", ctx, cue), cue, mark)


def labelling_verb(ctx: Context, mark: Marked, frame: Frame) -> Attribution | None:
    """ "decried “systemic racism”", "hailed the deal as a “breakthrough”": the quoted words
    are the subject's, through a verb of judging. ("called it “a disaster”" is a label, not speech.)"""
    inside = ctx.doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if inside is None:
        return None
    for ancestor in inside.root.ancestors:
        if ctx.in_quote(ancestor.idx):
            continue
        if ancestor.pos_ != "VERB":
            continue
        if ancestor.lemma_.lower() in labelling_lemmas() and subject_of(ctx, ancestor) is not None:
            return widened(ctx, _with_cue(mark, frame, "direct.labelling-verb", ctx, ancestor), ancestor, mark)
        return None
    return None


def standalone(ctx: Context, mark: Marked, frame: Frame) -> Attribution | None:
    """A quote with no narration around it: it may continue an earlier speaker's quote."""
    words_after = [t for t in frame.tail if not t.is_punct]
    if frame.words_before or words_after:
        return None
    return _quote(mark, frame, "direct.standalone", None, None)


SHAPES = (
    name_colon,
    dash_byline,
    colon_cue,
    colon_name,
    colon_subject,
    governing_cue,
    cue_after,
    name_then_cue,
    inverted,
    cue_before,
    labelling_verb,
    standalone,
)


# --- a quote inside what its cue reports ------------------------------------------------------
def widened(ctx: Context, quote: Attribution, cue: Token, mark: Marked) -> Attribution:
    """Quoted words inside what the cue reports are a mixed quote of all it reports:
    "described the field as “all very good”", "says “the wind is at our backs” despite the loss"."""
    inside = ctx.doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if inside is None or cue.lemma_.lower() == "accuse" or cue not in inside.root.ancestors:
        return quote  # "accused Y of having “…”" keeps only the quoted words (the seed's reading)
    span = _cue_reports(ctx, cue, inside.root)
    if span is None or not span[0] <= mark.start < mark.end <= span[1] + 1:
        return quote
    if letters(ctx.text[mark.start : mark.end]) >= 0.95 * letters(ctx.text[span[0] : span[1]]):
        return quote
    end = span[1]
    if mark.close is not None and mark.close >= end and not letters(ctx.text[end : mark.close]):
        end = mark.close + 1  # the closing mark hung outside the clause: “… tomorrow.”
    # The opening mark may hang on the cue rather than on the words it opens: start at the earlier.
    quote.start, quote.end, quote.kind = min(span[0], mark.open), end, "mixed"
    return quote


def _cue_reports(ctx: Context, cue: Token, quoted: Token) -> tuple[int, int] | None:
    """The span of what a cue reports after it, for the quoted words headed by `quoted`."""
    # A second report hung on the cue (", telling reporters that …") is not part of the first.
    reported = [
        c
        for c in cue.children
        if c.i > cue.i and c.dep_ not in ("punct", "cc", "conj", "parataxis") and not ctx.is_cue(c)
    ]
    clause = next((c for c in reported if c.dep_ == "ccomp"), None) or next(iter(misparsed_content(cue)), None)
    if clause is not None and clause.left_edge.i <= quoted.i <= clause.right_edge.i:
        # "told customers at a diner that “I need you”": the people told are not what was said.
        reported = [clause] + [c for c in reported if c.i > clause.right_edge.i]
    return ctx.content_span(reported) if reported else None


# --- the frame ---------------------------------------------------------------------------------
def _frame(ctx: Context, mark: Marked) -> Frame:
    before, after = _narration(ctx, mark)
    end = mark.end
    # Trailing comma inside the quote ("A," she said) belongs to the frame, not the speech.
    while end > mark.start and ctx.text[end - 1] in ", ":
        end -= 1
    inside = ctx.doc.char_span(mark.start, mark.end, alignment_mode="expand")
    governing = [t for t in inside.root.ancestors if not ctx.in_quote(t.idx)] if inside is not None else []
    embedded = any(not t.is_punct for t in before)
    tail = own_tail(ctx, after, embedded, governing, ctx.text[mark.start : end])
    return Frame(before, after, tail, end, before or _introduction(ctx, mark), governing)


def _narration(ctx: Context, mark: Marked) -> tuple[list[Token], list[Token]]:
    """Narration tokens before and after a quote, within its sentence(s) and paragraph."""
    p_start, p_end = ctx.paragraphs[mark.paragraph]
    marks = ctx.marks
    index = marks.index(mark)
    previous_end = p_start
    if index > 0 and marks[index - 1].paragraph == mark.paragraph:
        prev = marks[index - 1]
        previous_end = (prev.close + 1) if prev.close is not None else prev.end
    next_start = p_end
    if index + 1 < len(marks) and marks[index + 1].paragraph == mark.paragraph:
        next_start = marks[index + 1].open
    close_end = (mark.close + 1) if mark.close is not None else mark.end
    before_span = ctx.doc.char_span(previous_end, mark.open, alignment_mode="expand")
    after_span = ctx.doc.char_span(close_end, next_start, alignment_mode="expand") if close_end < next_start else None
    before = [t for t in (before_span or []) if not t.is_space and previous_end <= t.idx < mark.open]
    after = [t for t in (after_span or []) if not t.is_space and t.idx >= close_end]
    # Cut the narration at the nearest sentence end on each side.
    for position in range(len(before) - 1, -1, -1):
        if before[position].text in SENTENCE_END:
            before = before[position + 1 :]  # empty when the quote opens a new sentence
            break
    for position, token in enumerate(after):
        if token.text in SENTENCE_END:
            after = after[: position + 1]
            break
    return before, after


def _introduction(ctx: Context, mark: Marked) -> list[Token]:
    """The last sentence of the paragraph before, when it ends with a colon and this quote
    opens its own paragraph: "He said:" / "“In all the administrations …”"."""
    p_start, _ = ctx.paragraphs[mark.paragraph]
    if mark.paragraph == 0 or ctx.text[p_start : mark.open].strip():
        return []
    q_start, q_end = ctx.paragraphs[mark.paragraph - 1]
    if ctx.text[q_end - 1] != ":" or ctx.in_quote(q_end - 1):
        return []
    lead = ctx.doc.char_span(q_start, q_end, alignment_mode="expand")
    if lead is None:
        return []
    tokens = [t for t in lead if not t.is_space and not ctx.in_quote(t.idx)]
    for position in range(len(tokens) - 2, -1, -1):
        if tokens[position].text in SENTENCE_END:
            return tokens[position + 1 :]
    return tokens


def own_tail(ctx: Context, after: list[Token], embedded: bool, governing: list[Token], words: str) -> list[Token]:
    """The narration after a quote that can still attribute it.

    Quoted words inside a sentence ("hailed the vote as “fantastic,” telling reporters …")
    are reported only by a cue they hang under, not by any verb later in the sentence. A quote
    that ends its sentence ("… “arbitrary.” Josh Hendler warned …", "“We had no chance.” His
    manager, Alex Conant, struck …") is followed by a new sentence, unless that sentence is
    just the speech tag: “Why?” she asked.
    """
    if embedded and governing:
        cue = next((t for t in after if ctx.is_cue(t)), None)
        return after if cue is None or cue in governing else []
    if words.rstrip(" " + CLOSING_MARKS)[-1:] not in SENTENCE_END or not after:
        return after
    cue = next((t for t in after if ctx.is_cue(t)), None)
    if cue is None:
        return []
    speaker = subject_of(ctx, cue)
    tag = {t.i for t in speaker.subtree} if speaker is not None else set()
    lead = [t for t in after if t.i < cue.i]
    return after if all(t.is_punct or t.i in tag or t.pos_ in ("ADV", "AUX") for t in lead) else []


# --- names of works, not speech ----------------------------------------------------------------
def looks_like_title(content: str) -> bool:
    """A short stretch in title case with no sentence in it: a show, book or film title."""
    words = content.strip(" ,.;:").split()
    if not 1 <= len(words) <= 7 or any(mark in content.strip(" ,") for mark in ".!?"):
        return False
    significant = [w for w in words if w.lower().strip("‘’'\"") not in _MINOR_WORDS]
    return bool(significant) and all(w[:1].isupper() or w[:1].isdigit() for w in significant) and len(words) > 1


def _capitalised_name(content: str) -> bool:
    """One to four words, each significant one capitalised: “Hannity,”, “Meet the Press.”"""
    words = content.strip(" ,.;:!?").split()
    significant = [w for w in words if w.lower() not in _MINOR_WORDS]
    return 1 <= len(words) <= 4 and bool(significant) and all(w[:1].isupper() for w in significant)


def _person_in_run(words: list[Token]) -> Token | None:
    """The last person's name in the capitalised run before a colon: in the headline "Elizabeth
    Warren Hammers Wells Fargo CEO:" it is Warren, not "CEO"."""
    run = []
    for token in reversed(words):
        if not token.text[:1].isupper():
            break
        run.append(token)
    return next((t for t in run if t.ent_type_ == "PERSON"), None)  # run goes right to left: the name's last word
