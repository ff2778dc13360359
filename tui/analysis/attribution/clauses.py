"""Reported speech from the parse: what a cue reports, as an indirect attribution.

One function per shape: a reporting verb with its clause (`X said (that) …`, `X told the BBC …`,
`X urged Y to …`, `X accused Y of …`, `X called for …`), `according to X`, `As the Times noted, …`,
and a speech noun with its owner (`his claim that …`). Each names the rule it applies.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tui.analysis import lexicons
from tui.analysis.attribution.context import Attribution, Context, Offsets, token_offsets, trim_end, words_span
from tui.analysis.attribution.cues import Cue, subject_of

# Cue verbs that report a request or promise through an infinitive ("urged X to …").
_INFINITIVE_CUES = lexicons.words("infinitive_cues.txt")
_ASKING_CUES = lexicons.words("asking_cues.txt")
_CONTRAST_JOINS = lexicons.words("contrast_joins.txt")


def find_clauses(ctx: Context, cues: list[Cue]) -> list[Attribution]:
    """Every cue's reported clause, in text order."""
    readers = {"according": according_to, "verb": reporting_clause, "noun": speech_noun}
    found = []
    for cue in cues:
        clause = readers[cue.kind](ctx, cue.token)
        if clause is not None:
            found.append(clause)
    return found


# --- a reporting verb and its clause -----------------------------------------------------------
def reporting_clause(ctx: Context, cue: Token) -> Attribution | None:
    """ "X said (that) …" and its kin: the clause the cue reports, with the cue's subject."""
    parenthetical = cue.dep_ == "parataxis" and cue.head.pos_ in ("VERB", "AUX") and not ctx.in_quote(cue.head.idx)
    complement = [c for c in cue.children if c.dep_ == "ccomp"]
    if not complement and not parenthetical and _as_clause(cue):
        return as_reported(ctx, cue)
    content, rule = _reported_words(ctx, cue, complement, parenthetical)
    if not content:
        return None
    # "X said A, but B": the conjoined clause is reported too.
    last = max(c.i for c in content)
    content += [
        c for c in cue.children if c.dep_ == "conj" and c.i > last and c.pos_ in ("VERB", "AUX") and not ctx.is_cue(c)
    ]
    speaker = subject_of(ctx, cue)
    if speaker is None:
        return None  # hearsay: "are said to be"
    if _fronted(ctx, cue, content):
        parenthetical = True  # "The argument would be aided, Devine said, by the calendar"
    if parenthetical:
        # "Many of the closures, he said, have involved …": the whole sentence is reported.
        content, rule = [cue.sent.root], "clause.parenthetical"
    span = ctx.content_span(content)
    if span is None:
        return None
    start, end = before_next_report(ctx, past_lead_in(ctx, content, span, cue, parenthetical), cue)
    if (start <= cue.idx < end or start <= speaker.idx < end) and not parenthetical:
        return None
    accusation = cue.lemma_.lower() == "accuse"
    return ctx.attribution((start, end), rule, token_offsets(cue), speaker, accusation=accusation)


def _as_clause(cue: Token) -> bool:
    return cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)


def _reported_words(ctx: Context, cue: Token, complement: list[Token], parenthetical: bool) -> tuple[list[Token], str]:
    """The tokens whose subtrees the cue reports, and the rule that found the first of them."""
    lemma = cue.lemma_.lower()
    parts = [("clause.that", complement)]
    if parenthetical and not complement:
        parts = [("clause.parenthetical", [cue.head])]  # "But to prevent problems, he said, officials should …"
    if lemma in _INFINITIVE_CUES:
        # "urged supporters to vote": the object is told, the infinitive is the content.
        parts.append(("clause.infinitive", [c for c in cue.children if c.dep_ == "xcomp" and _has_to(c)]))
    if not any(tokens for _, tokens in parts):
        parts.append(("clause.misparsed", misparsed_content(cue)))
    if not any(tokens for _, tokens in parts) and lemma in _ASKING_CUES:
        # "asked the students if they were serious": the question, parsed as a condition.
        parts.append(("clause.question", [c for c in cue.children if _question(cue, c)]))
    if lemma == "accuse":
        parts.append(("clause.accusation", _objects_of(cue, "of", "pcomp")))
    if lemma == "call":
        # "called for calm" is a demand; "called it “a disaster”" is a label, not speech.
        parts.append(("clause.call-for", _objects_of(cue, "for", "pobj")))
    content = [token for _, tokens in parts for token in tokens]
    rule = next((rule for rule, tokens in parts if tokens), "")
    return content, rule


def _has_to(verb: Token) -> bool:
    return any(g.dep_ == "aux" and g.lower_ == "to" for g in verb.children)


def _question(cue: Token, child: Token) -> bool:
    return (
        child.dep_ == "advcl"
        and child.i > cue.i
        and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in child.children)
    )


def _objects_of(cue: Token, preposition: str, dep: str) -> list[Token]:
    return [
        g for c in cue.children if c.dep_ == "prep" and c.lower_ == preposition for g in c.children if g.dep_ == dep
    ]


def _fronted(ctx: Context, cue: Token, content: list[Token]) -> bool:
    """What is said stands before the cue, and the sentence goes on after it."""
    fronted = max(c.i for c in content) < cue.i and not any(ctx.in_quote(t.idx) for c in content for t in c.subtree)
    return fronted and any(c.i > cue.i and c.dep_ in ("prep", "advcl", "npadvmod") for c in cue.children)


def past_lead_in(ctx: Context, content: list[Token], span: Offsets, cue: Token, parenthetical: bool) -> Offsets:
    """Where what is said begins when the content's subtree starts before it: after a colon in
    a clause before the cue ("Trump asserted that …: “France is no longer France,” he claimed"),
    or after the cue when a relative pronoun pulled the clause over it ("the rules, which
    officials said will start in May")."""
    doc = ctx.doc
    first = None
    if max(c.i for c in content) < cue.i:
        colons = [g.i for c in content for g in c.children if g.text == ":" and span[0] < g.idx < cue.idx]
        first = max(colons) + 1 if colons else None
    extracted = doc[min(c.left_edge.i for c in content)]
    if first is None and not parenthetical and extracted.tag_ in ("WDT", "WP") and extracted.i < cue.i:
        first = cue.i + 1
    if first is not None and first < len(doc) and doc[first].idx < span[1]:
        return doc[first].idx, span[1]
    return span


def misparsed_content(cue: Token) -> list[Token]:
    """Two ways the small parser loses a cue's clause: "said during a news conference that he may
    wait" (the that-clause hung on the conference as a relative clause) and "said legalizing it could
    put …" (the clause's gerund subject taken for the cue's complement)."""
    for child in cue.children:
        if child.i < cue.i:
            continue
        if (
            child.dep_ == "xcomp"
            and child.tag_ == "VBG"
            and child.i == cue.i + 1
            and any(g.dep_ == "ccomp" for g in child.children)
        ):
            return [child]
        if child.dep_ == "prep":
            for token in child.subtree:
                if token.dep_ == "relcl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in token.children):
                    return [token]
    return []


def before_next_report(ctx: Context, span: Offsets, cue: Token) -> Offsets:
    """Cut reported words where another report begins: "they were worried, and more than 4
    in 10 said …", "he respects Clinton and calls her “…”"."""
    start, end = span
    for token in ctx.doc.char_span(start, end, alignment_mode="expand") or []:
        if token.i <= cue.i or not ctx.is_cue(token) or subject_of(ctx, token) is None:
            continue
        left, joined = _joined_start(ctx, token)
        if not joined and token.tag_ == "VBG" and token.dep_ in ("pcomp", "advcl") and not ctx.in_quote(token.idx):
            left, joined = _gerund_start(ctx, token)
        if joined and left.idx > start:
            return start, trim_end(ctx.text, start, left.idx)
    return start, end


def _joined_start(ctx: Context, token: Token) -> tuple[Token, bool]:
    """Where a second report's clause starts, and whether a conjunction joins it to the first."""
    doc = ctx.doc
    left = token.left_edge
    joined = False
    while left.i > 0 and (doc[left.i - 1].dep_ in ("cc", "punct") or doc[left.i - 1].lower_ in _CONTRAST_JOINS):
        left = doc[left.i - 1]
        joined = joined or left.dep_ == "cc" or left.lower_ in _CONTRAST_JOINS
    return left, joined


def _gerund_start(ctx: Context, token: Token) -> tuple[Token, bool]:
    """ "… on Twitter before claiming that …", "…, adding that …": a second report."""
    doc = ctx.doc
    opener = token.head if token.dep_ == "pcomp" else token
    left, joined = opener, opener.i > 0 and (doc[opener.i - 1].text == "," or opener.dep_ == "prep")
    while left.i > 0 and doc[left.i - 1].text == ",":
        left = doc[left.i - 1]
    return left, joined


# --- according to, as X noted, speech nouns ----------------------------------------------------
def according_to(ctx: Context, token: Token) -> Attribution | None:
    """ "…, according to X": the rest of the sentence (the longer side) is X's."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(ctx.doc) and ctx.doc[token.i + 1].lower_ == "to":
        to = ctx.doc[token.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if to is None or source is None:
        return None
    sentence: Span = token.sent
    phrase_start = token.left_edge.i
    phrase_end = max(token.right_edge.i, source.right_edge.i)
    before = [t for t in sentence if t.i < phrase_start]
    after = [t for t in sentence if t.i > phrase_end]
    span = words_span(after if len(after) >= len(before) else before)
    if span is None:
        return None
    return ctx.attribution(span, "clause.according-to", (token.idx, to.idx + len(to.text)), source)


def as_reported(ctx: Context, cue: Token) -> Attribution | None:
    """ "As the Times noted, Clinton raised $1.1 million": the main clause is what was reported."""
    speaker = subject_of(ctx, cue)
    head = cue.head
    if speaker is None or ctx.in_quote(head.idx):
        return None
    aside = range(cue.left_edge.i, cue.right_edge.i + 1)
    words = [t for t in head.subtree if (t.i not in aside and t.dep_ != "cc") or t.i == head.i]
    words = [t for t in words if (t.i > cue.right_edge.i) == (cue.i < head.i)]
    span = words_span(words)
    if span is None:
        return None
    return ctx.attribution(span, "clause.as-noted", token_offsets(cue), speaker)


def speech_noun(ctx: Context, noun: Token) -> Attribution | None:
    """ "his suggestion that a judge cannot be impartial": a speech noun, its owner and a that-clause."""
    owner = _owner(ctx, noun)
    content = [
        c
        for c in noun.children
        if c.dep_ in ("acl", "ccomp")
        and c.i > noun.i
        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
    ]
    if owner is None or not content:
        return None
    span = ctx.content_span(content)
    if span is None:
        return None
    return ctx.attribution(span, "clause.speech-noun", token_offsets(noun), owner)


def _owner(ctx: Context, noun: Token) -> Token | None:
    """Whose claim it is: "his claim", "Mayor Hart’s claim" (Hart parsed as an object of its own)."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON", "NOUN")), None)
    if owner is not None:
        return owner
    doc = ctx.doc
    before = noun.i - 1
    while before > 0 and doc[before].dep_ == "amod":
        before -= 1
    if before > 0 and doc[before].lower_ in ("’s", "'s") and doc[before].dep_ == "case":
        return doc[before].head
    return None
