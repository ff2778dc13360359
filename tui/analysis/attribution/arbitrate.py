"""Arbitration: the readings of every stage in, one attribution per stretch of text out.

In order: transcript lines silence the clauses inside them; a clause takes the quote marks inside
it (as direct quotes when the marks hold all it says, else as one mixed quote); each remaining
mark gives its direct reading, a cue-less one continuing the speaker before; transcript lines fill
what is left. Where readings still overlap, the rule table (`rules.RULES`) decides: the earlier
tier wins, then the earlier start. “A,” she said, “B.” is then joined into one quote.
"""

from __future__ import annotations

import re

from tui.analysis.attribution.context import Attribution, Context, letters, trim_end
from tui.analysis.attribution.marks import Marked
from tui.analysis.attribution.rules import tier

_DASHED_ASIDE = re.compile(r",?\s*(—|–|--)")


def arbitrate(
    ctx: Context,
    clauses: list[Attribution],
    readings: list[Attribution | None],
    transcript: list[Attribution],
) -> list[Attribution]:
    """One attribution per stretch of text, in text order.

    `readings` holds the direct reading of each of `ctx.marks` (None where no shape fits)."""
    # Inside a transcript line ("WALLACE: Do you think …") everything is that speaker's words.
    clauses = [c for c in clauses if not any(t.start <= c.start < t.end for t in transcript)]
    absorbed: set[int] = set()  # indices of the marks a reading already covers
    results = _with_marks(ctx, clauses, absorbed)
    for index, (mark, quote) in enumerate(zip(ctx.marks, readings)):
        if index in absorbed or quote is None:
            continue
        if quote.kind == "mixed":  # widened over what its cue reports: later marks inside are its own
            absorbed.update(k for k, m in enumerate(ctx.marks) if quote.start <= m.open and m.end <= quote.end + 1)
        if quote.speaker_token is None and not _continues(ctx, quote, mark, results):
            continue
        results.append(quote)
    results.extend(t for t in transcript if not any(q.start < t.end and t.start < q.end for q in results))
    for quote in results:
        if quote.kind == "mixed":
            quote.end = _before_dashed_aside(ctx.text, quote.start, quote.end)
    results.sort(key=lambda q: q.start)
    return _merge_split_quotes(_drop_overlaps(results))


def _with_marks(ctx: Context, clauses: list[Attribution], absorbed: set[int]) -> list[Attribution]:
    """Each clause with the quote marks inside or across it; the marks it takes go in `absorbed`."""
    results: list[Attribution] = []
    for clause in clauses:
        inside = [k for k, m in enumerate(ctx.marks) if clause.start <= m.open and m.end <= clause.end + 1]
        overlapping = [
            k for k, m in enumerate(ctx.marks) if m.open < clause.end and m.end > clause.start and k not in inside
        ]
        if len(overlapping) == 1 and not inside and _opens_quotation(ctx, clause, ctx.marks[overlapping[0]]):
            # "According to the newspaper, “A. B.”": the report opens a quotation that runs on.
            absorbed.add(overlapping[0])
            results.append(_quoted_in(ctx, clause, ctx.marks[overlapping[0]], "clause.opens-quotation"))
            continue
        if overlapping:
            continue  # the clause runs into a quotation: the quote's own frame decides
        absorbed.update(inside)
        marks = [ctx.marks[k] for k in inside]
        if inside and _all_quoted(ctx, clause, marks):
            # The quoted words are all the clause says, or an accusation's words: direct.
            results.extend(_quoted_in(ctx, clause, mark, "clause.all-quoted") for mark in marks)
            continue
        if inside:  # otherwise the clause with its quoted words is a mixed quote
            clause.kind = "mixed"
            clause.marks = marks
        results.append(clause)
    return results


def _opens_quotation(ctx: Context, clause: Attribution, mark: Marked) -> bool:
    return not letters(ctx.text[mark.start : clause.start]) and mark.end >= clause.end


def _all_quoted(ctx: Context, clause: Attribution, marks: list[Marked]) -> bool:
    quoted = sum(letters(ctx.text[m.start : m.end]) for m in marks)
    return clause.accusation or quoted >= 0.95 * letters(ctx.text[clause.start : clause.end])


def _quoted_in(ctx: Context, clause: Attribution, mark: Marked, rule: str) -> Attribution:
    """The quoted words of a reporting clause as a direct quote with the clause's cue and speaker."""
    end = trim_end(ctx.text, mark.start, mark.end)
    return Attribution(
        mark.start,
        end,
        "direct",
        mark.paragraph,
        rule,
        cue=clause.cue,
        speaker_token=clause.speaker_token,
        marks=[mark],
    )


def _continues(ctx: Context, quote: Attribution, mark: Marked, found: list[Attribution]) -> bool:
    """A quote with no speaker of its own continues the last quote before it, if that is near:
    a quotation running on from the paragraph before, or a sentence standing on its own."""
    earlier = _latest_before(found, mark.open)
    if earlier is None:
        return False
    if mark.continued:
        quote.follows, quote.rule = earlier, "direct.continued"
        return True
    if mark.paragraph - earlier.paragraph <= 1 and _standalone(ctx, mark):
        quote.follows = earlier
        return True
    return False


def _standalone(ctx: Context, mark: Marked) -> bool:
    """A quote that opens its paragraph (or follows a sentence end) and reads as a sentence."""
    p_start, _ = ctx.paragraphs[mark.paragraph]
    lead = ctx.text[p_start : mark.open].strip()
    return (not lead or lead[-1] in '.!?”"') and len(ctx.text[mark.start : mark.end].split()) >= 3


def _latest_before(found: list[Attribution], offset: int) -> Attribution | None:
    earlier = [q for q in found if q.start < offset and (q.speaker_token is not None or q.follows is not None)]
    return max(earlier, key=lambda q: q.start) if earlier else None


def _before_dashed_aside(text: str, start: int, end: int) -> int:
    """A mixed quote ends at its last closing mark when a dash follows it: "… and “there’s
    nothing wrong with that” — asserting that …" goes on in the writer's words."""
    last = max(text.rfind(mark, start, end) for mark in '”"')
    if last > start and _DASHED_ASIDE.match(text, last + 1, end):
        return last + 1
    return end


def _drop_overlaps(found: list[Attribution]) -> list[Attribution]:
    """Keep one attribution per stretch of text: the earlier tier of the rule table wins."""
    kept: list[Attribution] = []
    for quote in found:
        if kept and quote.start < kept[-1].end:
            if tier(quote.rule) < tier(kept[-1].rule):
                kept[-1] = quote
            continue
        kept.append(quote)
    return kept


def _merge_split_quotes(found: list[Attribution]) -> list[Attribution]:
    """“A,” she said, “B.” is one quote: the second part shares the first one's cue."""
    merged: list[Attribution] = []
    for quote in found:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind == quote.kind == "direct"
            and previous.paragraph == quote.paragraph
            and previous.cue is not None
            and previous.end <= previous.cue[0] < quote.start
            and (quote.cue is None or quote.cue == previous.cue)
        ):
            previous.end = quote.end
            previous.marks.extend(quote.marks)
            continue
        merged.append(quote)
    return merged
