"""Finding reported speech over a spaCy parse: direct, mixed and indirect quotes.

Two passes meet here. The parse gives reporting clauses: a cue verb from our
lexicon with a clause (`X said (that) …`, `X told the BBC …`), `according to
X`, `X was quoted as saying …`, `X accused Y of …`. The quote marks give
direct quotes, whose cue is looked for in the narration on either side of
them (`X said: “…”`, `“…,” said X`, `“…,” X said`). A quoted stretch inside a
reporting clause makes the clause *mixed*, unless it is most of the clause.
A quote with no cue that stands as its own sentence right after a
speaker's quote is that speaker's.

Smaller shapes the news uses, each in a method of its own: `As the Times
noted, …`, `his claim that …` (a speech noun), `issued a statement saying
…`, a colon ending the paragraph before a quote, and transcript lines and
headlines that open with `NAME:`. The order of the passes in `find` decides
which reading wins where two overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tui.analysis import lexicons
from tui.analysis.marks import Marked

SENTENCE_END = {".", "!", "?"}
DASHES = {"―", "—", "–"}
# "PENCE: ", "Pat Caddell: ", "Sen. Warren: " at the start of a paragraph or a quotation.
_NAME_PREFIX = re.compile(r"[\"“”']?((?:[A-Z][\w.’'-]*)(?: [A-Z][\w.’'-]*){0,3}): +(?=\S)")
_LABEL_WORDS = {
    "note",
    "latest",
    "update",
    "poll",
    "excerpt",
    "exclusive",
    "watch",
    "analysis",
    "opinion",
    "editorial",
    "breaking",
    "live",
    "video",
    "photos",
    "correction",
    "review",
    "interview",
    "transcript",
    "factbox",
    "explainer",
}  # "Editor’s Note:", "AP-GfK Poll:": a section's label before a colon
_TAG_PUNCT = {",", "”", "’", '"', "'", "''"}  # between a quote and its speech tag: “…,” Ramos said
_OBJECT_DEPS = {"dobj", "pobj", "dative", "attr", "oprd"}  # "turned to the crowd:" — the crowd is not speaking
_SPEECH_NOUNS = {
    "claim",
    "statement",
    "suggestion",
    "remark",
    "assertion",
    "argument",
    "warning",
    "promise",
    "pledge",
    "vow",
    "insistence",
    "admission",
    "allegation",
    "accusation",
    "denial",
    "contention",
    "complaint",
    "prediction",
    "comment",
    "announcement",
    "assurance",
    "boast",
    "charge",
    "threat",
}  # "his suggestion that …": the owner's words
_SENDING_VERBS = {
    "issue",
    "send",
    "release",
    "post",
    "put",
    "publish",
    "email",
    "tweet",
    "write",
    "circulate",
    "share",
    "file",
}
_PORTIONS = {
    "share",
    "majority",
    "minority",
    "number",
    "percent",
    "half",
    "third",
    "quarter",
    "most",
    "proportion",
    "plurality",
}
_PERSONAL_PRONOUNS = {"he", "she", "they", "i", "we"}
_TRIM_LEADING = {"that", ",", ":", ";", "-", "–", "—", "whether"}
_SUBJECT_DEPS = ("nsubj",)
# Cue verbs that report a request or promise through an infinitive ("urged X to …").
_INFINITIVE_CUES = {"urge", "ask", "tell", "promise", "vow", "pledge", "demand", "warn", "call", "encourage", "order"}
_ASKING_CUES = {"ask", "wonder", "question", "inquire", "enquire"}
# Verbs whose passive subject is the speaker: "X was quoted as saying".
_PASSIVE_SPEAKER_HEADS = {"quote"}
# Dependencies through which a cue verb borrows its subject from the verb above it
# ("…, adding: “…”", "X stood up and said …", "X was quoted as saying …").
_BORROW_DEPS = {"advcl", "conj", "xcomp", "pcomp", "prep", "acl"}


@lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    """Reporting verbs by lemma, from `lexicons/cue_verbs.txt`."""
    return frozenset(lexicons.read("cue_verbs.txt"))


@lru_cache(maxsize=1)
def labelling_lemmas() -> frozenset[str]:
    """Verbs that attribute quoted words by judging with them, from `lexicons/labelling_verbs.txt`."""
    return frozenset(lexicons.read("labelling_verbs.txt"))


# The small model's lemmatiser reads every form of "hope" as "hop" ("hoping that …").
_MISREAD_LEMMAS = {form: "hope" for form in ("hope", "hopes", "hoped", "hoping")}


def lemma_of(token: Token) -> str:
    """The token's lemma, mended where the small model is known to misread it."""
    return _MISREAD_LEMMAS.get(token.lower_, token.lemma_.lower())


@dataclass
class Attribution:
    """A quote as the engine finds it, before speakers are resolved to entities."""

    start: int
    end: int
    kind: str
    paragraph: int
    cue: tuple[int, int] | None = None
    speaker_token: Token | None = None
    confidence: float = 1.0
    marks: list[Marked] = field(default_factory=list)
    follows: Attribution | None = None  # a cue-less quote continuing this one's speech
    accusation: bool = False  # "X accused Y of …": only the quoted words are X's
    speaker_span: tuple[int, int] | None = None  # set when the speaker is resolved


def letters(text: str) -> int:
    return sum(1 for char in text if char.isalnum())


class QuoteFinder:
    """Attributions in one parsed document."""

    def __init__(self, doc: Doc, paragraphs: list[tuple[int, int]], marks: list[Marked]):
        self.doc = doc
        self.text = doc.text
        self.paragraphs = paragraphs
        self.marks = marks
        self.cues = cue_lemmas()
        # character offset -> index of the mark quote covering it (marks included)
        self._quoted = [(m.open, (m.close + 1) if m.close is not None else m.end) for m in marks]

    # --- helpers -------------------------------------------------------
    def in_quote(self, offset: int) -> bool:
        for start, end in self._quoted:
            if start <= offset < end:
                return True
            if start > offset:
                return False
        return False

    def paragraph_of(self, offset: int) -> int:
        low, high = 0, len(self.paragraphs) - 1
        while low <= high:
            mid = (low + high) // 2
            start, end = self.paragraphs[mid]
            if offset < start:
                high = mid - 1
            elif offset > end:
                low = mid + 1
            else:
                return mid
        return max(0, min(low, len(self.paragraphs) - 1))

    def is_cue(self, token: Token) -> bool:
        verb = token.pos_ in ("VERB", "AUX") or token.lower_ in ("said", "says")  # "Said Ellis:" is tagged a name
        return verb and lemma_of(token) in self.cues and not self.in_quote(token.idx)

    def subject_of(self, verb: Token) -> Token | None:
        """The speaker token of a cue verb: its subject, or the subject it borrows."""
        current = verb
        for _ in range(4):
            for child in current.children:
                if child.dep_ in _SUBJECT_DEPS and not self.in_quote(child.idx):
                    return child
                if (
                    child.dep_ == "nsubjpass"
                    and current.lemma_.lower() in _PASSIVE_SPEAKER_HEADS
                    and not self.in_quote(child.idx)
                ):
                    return child
            perfect = any(
                c.dep_ == "aux" and c.lower_ in ("having", "has", "have", "had") for c in current.children
            )  # "Having announced …"
            if current.tag_ == "VBN" and current.dep_ != "conj" and not perfect:
                return None  # "Asked by the BBC if …": the asker is not the speaker
            if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ in ("NOUN", "PROPN"):
                return self._sayer_of(current.head)
            if current.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
                # "went out of his way to say …", "used the moment to warn …": the doer of the verb above.
                verb = next((a for a in current.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if verb is None:
                    return None
                current = verb
            elif current.dep_ in _BORROW_DEPS and current.head.i != current.i and self.in_quote(current.head.idx):
                # "…, telling the crowd, “Some people get …”": the parse hung the cue on the quoted words.
                root = current.sent.root
                if self.in_quote(root.idx) or root.i == current.i:
                    return self._name_just_before(verb)
                current = root
            elif current.dep_ in _BORROW_DEPS and current.head.i != current.i:
                current = current.head
            else:
                counted = next((c for c in verb.children if c.dep_ == "nummod" and c.i < verb.i), None)
                return self._name_just_before(verb) or counted  # "About 4 in 10 say …", parsed without a subject
        return None

    def _name_just_before(self, verb: Token) -> Token | None:
        """A cue the parser left without a subject, right after a name: "Gov. John Kasich (R-OH),
        said, “…”". Only punctuation and one parenthesis may stand between them."""
        i = verb.i - 1
        while i >= 0 and self.doc[i].text in (",", "—", "–"):
            i -= 1
        if i >= 0 and self.doc[i].text == ")":
            while i >= 0 and self.doc[i].text != "(":
                i -= 1
            i -= 1
        if (
            i >= 0
            and self.doc[i].pos_ == "PROPN"
            and not self.in_quote(self.doc[i].idx)
            and self.doc[i].ent_type_ in ("PERSON", "ORG", "")
        ):
            return self.doc[i]
        return None

    def _sayer_of(self, noun: Token) -> Token | None:
        """Who says it in "NOUN saying …": the sender in "emailed supporters saying …" and "issued a
        statement saying …"; the noun itself in "Republicans saying …"."""
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _SENDING_VERBS:
            sender = next((c for c in noun.head.children if c.dep_ == "nsubj" and not self.in_quote(c.idx)), None)
            if sender is not None:
                return sender
        if noun.lemma_.lower() in _PORTIONS:
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if group is not None:
                return group  # "the share of Republicans saying …": the Republicans say it
        return None if self.in_quote(noun.idx) or noun.tag_ in ("WDT", "WP") else noun

    def _content_span(self, tokens: list[Token]) -> tuple[int, int] | None:
        """Character span covering these subtrees, trimmed of 'that' and punctuation."""
        left = min(t.left_edge.i for t in tokens)
        right = max(t.right_edge.i for t in tokens)
        while left <= right and (self.doc[left].lower_ in _TRIM_LEADING or self.doc[left].is_space):
            left += 1
        while right >= left and (
            (self.doc[right].is_punct and self.doc[right].text not in "”’\"'") or self.doc[right].is_space
        ):
            right -= 1
        if right < left:
            return None
        start = self.doc[left].idx
        end = self.doc[right].idx + len(self.doc[right].text)
        if letters(self.text[start:end]) < 3:
            return None
        # A closing mark hanging off the end without its opener inside is dropped.
        return start, end

    # --- reporting clauses ---------------------------------------------
    def clauses(self) -> list[Attribution]:
        found: list[Attribution] = []
        for token in self.doc:
            if token.lower_ == "according" and not self.in_quote(token.idx):
                clause = self._according(token)
            elif self.is_cue(token) or self._calls_for(token):
                clause = self._reporting_clause(token)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in _SPEECH_NOUNS and not self.in_quote(token.idx):
                clause = self._nominal_report(token)
            else:
                continue
            if clause is not None:
                found.append(clause)
        return found

    def _calls_for(self, token: Token) -> bool:
        """ "X called for Y" reports a demand; "call" alone is no cue ("called it a disaster")."""
        return (
            token.lemma_ == "call"
            and token.pos_ == "VERB"
            and not self.in_quote(token.idx)
            and any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children)
        )

    def _reporting_clause(self, cue: Token) -> Attribution | None:
        content = [c for c in cue.children if c.dep_ == "ccomp"]
        parenthetical = cue.dep_ == "parataxis" and cue.head.pos_ in ("VERB", "AUX") and not self.in_quote(cue.head.idx)
        if parenthetical and not content:
            content = [cue.head]  # "But to prevent problems, he said, officials should be vigilant"
        as_clause = cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
        if as_clause and not content:
            return self._as_reported(cue)
        if cue.lemma_.lower() in _INFINITIVE_CUES:
            # "urged supporters to vote": the object is told, the infinitive is the content.
            content += [
                c
                for c in cue.children
                if c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            ]
        if not content:
            content = self._misparsed_content(cue)
        if not content and cue.lemma_.lower() in _ASKING_CUES:
            # "asked the students if they were serious": the question, parsed as a condition.
            content = [
                c
                for c in cue.children
                if c.dep_ == "advcl"
                and c.i > cue.i
                and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children)
            ]
        if cue.lemma_.lower() == "accuse":
            content += [
                grandchild
                for child in cue.children
                if child.dep_ == "prep" and child.lower_ == "of"
                for grandchild in child.children
                if grandchild.dep_ == "pcomp"
            ]
        if cue.lemma_.lower() == "call":
            # "called for calm" is a demand; "called it “a disaster”" is a label, not speech.
            content += [
                g
                for c in cue.children
                if c.dep_ == "prep" and c.lower_ == "for"
                for g in c.children
                if g.dep_ == "pobj"
            ]
        if not content:
            return None
        # "X said A, but B": the conjoined clause is reported too.
        last = max(c.i for c in content)
        content += [
            c
            for c in cue.children
            if c.dep_ == "conj" and c.i > last and c.pos_ in ("VERB", "AUX") and not self.is_cue(c)
        ]
        speaker = self.subject_of(cue)
        if speaker is None:
            return None  # hearsay: "are said to be"
        fronted = (
            bool(content)
            and max(c.i for c in content) < cue.i
            and not any(self.in_quote(t.idx) for c in content for t in c.subtree)
        )
        if fronted and any(c.i > cue.i and c.dep_ in ("prep", "advcl", "npadvmod") for c in cue.children):
            parenthetical = True  # "The argument would be aided, Devine said, by the calendar"
        if parenthetical:
            # "Many of the closures, he said, have involved …": the whole sentence is reported.
            content = [cue.sent.root]
        span = self._content_span(content)
        if span is None:
            return None
        start, end = self._before_next_report(self._past_lead_in(content, span, cue, parenthetical), cue)
        if (start <= cue.idx < end or start <= speaker.idx < end) and not parenthetical:
            return None
        return Attribution(
            start,
            end,
            "indirect",
            self.paragraph_of(start),
            cue=(cue.idx, cue.idx + len(cue.text)),
            speaker_token=speaker,
            confidence=0.8,
            accusation=cue.lemma_.lower() == "accuse",
        )

    def _past_lead_in(
        self, content: list[Token], span: tuple[int, int], cue: Token, parenthetical: bool
    ) -> tuple[int, int]:
        """Where what is said begins when the content's subtree starts before it: after a colon in
        a clause before the cue ("Trump asserted that …: “France is no longer France,” he claimed"),
        or after the cue when a relative pronoun pulled the clause over it ("the rules, which
        officials said will start in May")."""
        first = None
        if max(c.i for c in content) < cue.i:
            colons = [g.i for c in content for g in c.children if g.text == ":" and span[0] < g.idx < cue.idx]
            first = max(colons) + 1 if colons else None
        extracted = self.doc[min(c.left_edge.i for c in content)]
        if first is None and not parenthetical and extracted.tag_ in ("WDT", "WP") and extracted.i < cue.i:
            first = cue.i + 1
        if first is not None and first < len(self.doc) and self.doc[first].idx < span[1]:
            return self.doc[first].idx, span[1]
        return span

    def _misparsed_content(self, cue: Token) -> list[Token]:
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

    def _nominal_report(self, noun: Token) -> Attribution | None:
        """ "his suggestion that a judge cannot be impartial": a speech noun, its owner and a that-clause."""
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON", "NOUN")), None)
        before = noun.i - 1
        while owner is None and before > 0 and self.doc[before].dep_ == "amod":
            before -= 1
        if owner is None and before > 0 and self.doc[before].lower_ in ("’s", "'s") and self.doc[before].dep_ == "case":
            owner = self.doc[before].head  # "Mayor Hart’s claim", parsed with Hart as an object of its own
        content = [
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp")
            and c.i > noun.i
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ]
        if owner is None or not content:
            return None
        span = self._content_span(content)
        if span is None:
            return None
        return Attribution(
            span[0],
            span[1],
            "indirect",
            self.paragraph_of(span[0]),
            cue=(noun.idx, noun.idx + len(noun.text)),
            speaker_token=owner,
            confidence=0.7,
        )

    def _as_reported(self, cue: Token) -> Attribution | None:
        """ "As the Times noted, Clinton raised $1.1 million": the main clause is what was reported."""
        speaker = self.subject_of(cue)
        head = cue.head
        if speaker is None or self.in_quote(head.idx):
            return None
        aside = range(cue.left_edge.i, cue.right_edge.i + 1)
        words = [t for t in head.subtree if (t.i not in aside and t.dep_ != "cc") or t.i == head.i]
        words = [t for t in words if (t.i > cue.right_edge.i) == (cue.i < head.i)]
        span = _words_span(words)
        if span is None:
            return None
        start, end = span
        return Attribution(
            start,
            end,
            "indirect",
            self.paragraph_of(start),
            cue=(cue.idx, cue.idx + len(cue.text)),
            speaker_token=speaker,
            confidence=0.7,
        )

    def _before_next_report(self, span: tuple[int, int], cue: Token) -> tuple[int, int]:
        """Cut reported words where another report begins: "they were worried, and more than 4
        in 10 said …", "he respects Clinton and calls her “…”"."""
        start, end = span
        for token in self.doc.char_span(start, end, alignment_mode="expand") or []:
            if token.i <= cue.i or not self.is_cue(token) or self.subject_of(token) is None:
                continue
            left = token.left_edge
            joined = False
            while left.i > 0 and (
                self.doc[left.i - 1].dep_ in ("cc", "punct") or self.doc[left.i - 1].lower_ in ("while", "whereas")
            ):
                left = self.doc[left.i - 1]
                joined = joined or left.dep_ == "cc" or left.lower_ in ("while", "whereas")
            if not joined and token.tag_ == "VBG" and token.dep_ in ("pcomp", "advcl") and not self.in_quote(token.idx):
                # "… on Twitter before claiming that …", "…, adding that …": a second report.
                opener = token.head if token.dep_ == "pcomp" else token
                left, joined = opener, opener.i > 0 and (self.doc[opener.i - 1].text == "," or opener.dep_ == "prep")
                while left.i > 0 and self.doc[left.i - 1].text == ",":
                    left = self.doc[left.i - 1]
            if joined and left.idx > start:
                return start, _trim_end(self.text, start, left.idx)
        return start, end

    def _according(self, token: Token) -> Attribution | None:
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
            to = self.doc[token.i + 1]
        if to is None:
            return None
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return None
        sentence: Span = token.sent
        phrase_start = token.left_edge.i
        phrase_end = max(token.right_edge.i, source.right_edge.i)
        before = [t for t in sentence if t.i < phrase_start]
        after = [t for t in sentence if t.i > phrase_end]
        span = _words_span(after if len(after) >= len(before) else before)
        if span is None:
            return None
        start, end = span
        return Attribution(
            start,
            end,
            "indirect",
            self.paragraph_of(start),
            cue=(token.idx, to.idx + len(to.text)),
            speaker_token=source,
            confidence=0.8,
        )

    # --- direct quotes ---------------------------------------------------
    def _frame(self, mark: Marked) -> tuple[list[Token], list[Token]]:
        """Narration tokens before and after a quote, within its sentence(s) and paragraph."""
        p_start, p_end = self.paragraphs[mark.paragraph]
        index = self.marks.index(mark)
        previous_end = p_start
        if index > 0 and self.marks[index - 1].paragraph == mark.paragraph:
            prev = self.marks[index - 1]
            previous_end = (prev.close + 1) if prev.close is not None else prev.end
        next_start = p_end
        if index + 1 < len(self.marks) and self.marks[index + 1].paragraph == mark.paragraph:
            next_start = self.marks[index + 1].open
        close_end = (mark.close + 1) if mark.close is not None else mark.end
        before_span = self.doc.char_span(previous_end, mark.open, alignment_mode="expand")
        after_span = (
            self.doc.char_span(close_end, next_start, alignment_mode="expand") if close_end < next_start else None
        )
        before = [t for t in (before_span or []) if not t.is_space and t.idx >= previous_end and t.idx < mark.open]
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

    def direct(self, mark: Marked) -> Attribution | None:
        before, after = self._frame(mark)
        end = mark.end
        # Trailing comma inside the quote ("A," she said) belongs to the frame, not the speech.
        while end > mark.start and self.text[end - 1] in ", ":
            end -= 1
        base = Attribution(mark.start, end, "direct", mark.paragraph, marks=[mark])
        if looks_like_title(self.text[mark.start : end]) and not (before and before[-1].text == ":"):
            return None  # “Sunday Morning Futures”, “A Time for Truth”: a name, not speech
        if before and before[-1].lower_ in ("’s", "'s", "on") and _capitalised_name(self.text[mark.start : end]):
            return None  # NBC’s “Today”, said on “Meet the Press.”: a programme, not speech
        prefixed = self._name_prefix(mark.start, end)
        if prefixed is not None:
            base.start, base.speaker_token, base.cue = prefixed
            base.confidence = 0.7
            return base
        if len(after) >= 2 and after[0].text in DASHES and after[1].pos_ == "PROPN":
            name = after[1]
            while (
                name.i + 1 < len(self.doc)
                and self.doc[name.i + 1].pos_ == "PROPN"
                and self.doc[name.i + 1].dep_ != "punct"
            ):
                name = self.doc[name.i + 1]  # "― Sonya Herridge": the name's last word heads it
            base.speaker_token, base.cue, base.confidence = name, (after[0].idx, after[0].idx + 1), 0.8
            return base
        words_before = [t for t in before if not t.is_punct]
        introduced = before or self._introduction(mark)
        if introduced and introduced[-1].text == ":":
            cue = next((t for t in reversed(introduced) if self.is_cue(t)), None)
            if cue is not None:
                return self._with_cue(base, cue, 0.9)
            name = introduced[-2] if len(introduced) >= 2 else None
            quoted_from = name is not None and name.dep_ == "pobj" and name.head.lower_ == "from"  # "From the report:"
            if name is not None and (
                name.pos_ == "PROPN"
                or (name.pos_ in ("NOUN", "PRON") and (name.dep_ not in _OBJECT_DEPS or quoted_from))
            ):
                base.cue = (introduced[-1].idx, introduced[-1].idx + 1)
                base.speaker_token = _person_in_run(introduced[:-1]) or name
                base.confidence = 0.7
                return base
            # "She then addressed the supporters again: “…”": the subject of the lead-in speaks.
            verb = name.head if name is not None else None
            while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT":
                verb = verb.head
            speaker = self.subject_of(verb) if verb is not None and verb.i < mark.open else None
            if speaker is not None and (speaker.pos_ == "PROPN" or speaker.lower_ in _PERSONAL_PRONOUNS):
                base.cue = (introduced[-1].idx, introduced[-1].idx + 1)
                base.speaker_token = speaker
                base.confidence = 0.6
                return base
        inside = self.doc.char_span(mark.start, mark.end, alignment_mode="expand")
        governing = [t for t in inside.root.ancestors if not self.in_quote(t.idx)] if inside is not None else []
        cue = next(
            (t for t in reversed(before) if t in governing and self.is_cue(t) and self.subject_of(t) is not None), None
        )
        if cue is not None:
            # The cue whose words the quote is: "Obama said “it gets me mad” every time he thinks …".
            return self._widened(self._with_cue(base, cue, 0.9), cue, mark)
        after = self._own_tail(after, bool(words_before), governing, self.text[mark.start : end])
        cue = next((t for t in after if self.is_cue(t) and self.subject_of(t) is not None), None)
        if cue is not None:
            return self._with_cue(base, cue, 0.9)
        named = self._named_before_cue(after) or self._inverted(after)
        if named is not None:
            base.speaker_token, cue = named
            base.cue, base.confidence = (cue.idx, cue.idx + len(cue.text)), 0.8
            return base
        cue = next((t for t in reversed(before) if self.is_cue(t) and self.subject_of(t) is not None), None)
        if cue is not None:
            return self._widened(self._with_cue(base, cue, 0.8), cue, mark)
        labeller = self._labelling_verb(mark)
        if labeller is not None:
            return self._widened(self._with_cue(base, labeller, 0.6), labeller, mark)
        words_after = [t for t in after if not t.is_punct]
        if not words_before and not words_after:
            base.confidence = 0.6
            return base  # standalone: may continue an earlier speaker's quote
        return None

    def _own_tail(self, after: list[Token], embedded: bool, governing: list[Token], words: str) -> list[Token]:
        """The narration after a quote that can still attribute it.

        Quoted words inside a sentence ("hailed the vote as “fantastic,” telling reporters …")
        are reported only by a cue they hang under, not by any verb later in the sentence. A quote
        that ends its sentence ("… “arbitrary.” Josh Hendler warned …", "“We had no chance.” His
        manager, Alex Conant, struck …") is followed by a new sentence, unless that sentence is
        just the speech tag: “Why?” she asked.
        """
        if embedded and governing:
            cue = next((t for t in after if self.is_cue(t)), None)
            return after if cue is None or cue in governing else []
        if words.rstrip(" ”’\"'")[-1:] not in SENTENCE_END or not after:
            return after
        cue = next((t for t in after if self.is_cue(t)), None)
        if cue is None:
            return []
        speaker = self.subject_of(cue)
        tag = {t.i for t in speaker.subtree} if speaker is not None else set()
        lead = [t for t in after if t.i < cue.i]
        return after if all(t.is_punct or t.i in tag or t.pos_ in ("ADV", "AUX") for t in lead) else []

    def _named_before_cue(self, after: list[Token]) -> tuple[Token, Token] | None:
        """“…,” Ramos, 58, told AFP / “…,” Texas delegate Bill Eastland, wearing a hat, said: a name
        right after the quote, one aside set off by commas, then a cue the parser did not give it as
        subject. The name's last proper noun heads it."""
        words = [t for t in after if t.text not in _TAG_PUNCT]
        position, name = 0, None
        while position < len(words) and words[position].pos_ in ("PROPN", "NOUN"):
            if words[position].pos_ == "PROPN":
                name = words[position]
            position += 1
        if name is None or position >= len(words):
            return None
        rest = [t for t in after if t.i > words[position - 1].i]
        if rest and rest[0].text == ",":
            # The aside: ", 58,", ", wearing a cowboy hat,", ", now 81 and retired in Cambridge, Mass.,"
            for k in range(1, min(len(rest) - 1, 16)):
                cue = self._cue_next(rest[k + 1 :]) if rest[k].text == "," else None
                if cue is not None:
                    return name, cue
            return None
        cue = self._cue_next(rest)
        return (name, cue) if cue is not None else None

    def _cue_next(self, tokens: list[Token]) -> Token | None:
        """The first of these words, adverbs aside, when it is a cue: "said", "quickly added"."""
        first = next((t for t in tokens if t.pos_ != "ADV"), None)
        return first if first is not None and self.is_cue(first) else None

    def _inverted(self, after: list[Token]) -> tuple[Token, Token] | None:
        """“…,” recalled Mr. Rhodes: a cue right after the quote, then the name the parser took
        for its object. The name's last proper noun heads it."""
        words = [t for t in after if t.text not in _TAG_PUNCT]
        if len(words) < 2 or not self.is_cue(words[0]) or (words[1].pos_ != "PROPN" and words[1].tag_ != "NNP"):
            return None
        name = words[1]
        for token in words[2:]:
            if token.pos_ != "PROPN":
                break
            name = token
        return name, words[0]

    def _introduction(self, mark: Marked) -> list[Token]:
        """The last sentence of the paragraph before, when it ends with a colon and this quote
        opens its own paragraph: "He said:" / "“In all the administrations …”"."""
        p_start, _ = self.paragraphs[mark.paragraph]
        if mark.paragraph == 0 or self.text[p_start : mark.open].strip():
            return []
        q_start, q_end = self.paragraphs[mark.paragraph - 1]
        if self.text[q_end - 1] != ":" or self.in_quote(q_end - 1):
            return []
        lead = self.doc.char_span(q_start, q_end, alignment_mode="expand")
        if lead is None:
            return []
        tokens = [t for t in lead if not t.is_space and not self.in_quote(t.idx)]
        for position in range(len(tokens) - 2, -1, -1):
            if tokens[position].text in SENTENCE_END:
                return tokens[position + 1 :]
        return tokens

    def _widened(self, quote: Attribution, cue: Token, mark: Marked) -> Attribution:
        """Quoted words inside what the cue reports are a mixed quote of all it reports:
        "described the field as “all very good”", "says “the wind is at our backs” despite the loss"."""
        inside = self.doc.char_span(mark.start, mark.end, alignment_mode="expand")
        if inside is None or cue.lemma_.lower() == "accuse" or cue not in inside.root.ancestors:
            return quote  # "accused Y of having “…”" keeps only the quoted words (the seed's reading)
        # A second report hung on the cue (", telling reporters that …") is not part of the first.
        reported = [
            c
            for c in cue.children
            if c.i > cue.i and c.dep_ not in ("punct", "cc", "conj", "parataxis") and not self.is_cue(c)
        ]
        clause = next((c for c in reported if c.dep_ == "ccomp"), None) or next(
            iter(self._misparsed_content(cue)), None
        )
        if clause is not None and clause.left_edge.i <= inside.root.i <= clause.right_edge.i:
            # "told customers at a diner that “I need you”": the people told are not what was said.
            reported = [clause] + [c for c in reported if c.i > clause.right_edge.i]
        span = self._content_span(reported) if reported else None
        if span is None or not span[0] <= mark.start < mark.end <= span[1] + 1:
            return quote
        if letters(self.text[mark.start : mark.end]) >= 0.95 * letters(self.text[span[0] : span[1]]):
            return quote
        end = span[1]
        if mark.close is not None and mark.close >= end and not letters(self.text[end : mark.close]):
            end = mark.close + 1  # the closing mark hung outside the clause: “… tomorrow.”
        # The opening mark may hang on the cue rather than on the words it opens: start at the earlier.
        quote.start, quote.end, quote.kind = min(span[0], mark.open), end, "mixed"
        return quote

    def _labelling_verb(self, mark: Marked) -> Token | None:
        """ "decried “systemic racism”", "hailed the deal as a “breakthrough”": the quoted words
        are the subject's, through a verb of judging. ("called it “a disaster”" is a label, not speech.)"""
        inside = self.doc.char_span(mark.start, mark.end, alignment_mode="expand")
        if inside is None:
            return None
        for ancestor in inside.root.ancestors:
            if self.in_quote(ancestor.idx):
                continue
            if ancestor.pos_ == "VERB":
                if ancestor.lemma_.lower() in labelling_lemmas() and self.subject_of(ancestor) is not None:
                    return ancestor
                return None
        return None

    def _name_prefix(self, start: int, end: int) -> tuple[int, Token, tuple[int, int]] | None:
        """Transcript style "PENCE: Well, look …": the speaker named before a colon."""
        match = _NAME_PREFIX.match(self.text, start, end)
        if match is None or len(self.text[match.end() : end].split()) < 3:
            return None
        name = self.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if name is None or name[0].lower_ in ("the", "a", "an", "this") or name[-1].lower_ in _LABEL_WORDS:
            return None  # "The Latest:", "Editor’s Note:", "Delegate Update:" label a section, nobody speaks
        colon = match.end(1)
        return match.end(), name[-1], (colon, colon + 1)

    def _person_words(self) -> set[str]:
        """Last words of the people the tagger found anywhere in the text: a headline's "Trump:"
        is often left untagged, but the article names him."""
        return {ent[-1].lower_ for ent in self.doc.ents if ent.label_ == "PERSON"}

    def transcript_lines(self) -> list[Attribution]:
        """Paragraphs opening with "NAME:" are that speaker's words: a transcript line, or a headline
        naming a person ("Maria Lopez: Plan ‘Is A Gift’"). Other headlines with a colon are not."""
        found = []
        people = self._person_words()
        for index, (start, end) in enumerate(self.paragraphs):
            prefixed = self._name_prefix(start, end)
            if prefixed is None:
                continue
            content_start, speaker, cue = prefixed
            named = speaker.ent_type_ == "PERSON" or speaker.lower_ in people
            if not named and (
                looks_like_headline(self.text[content_start:end]) or any(m.paragraph == index for m in self.marks)
            ):
                continue  # "The Latest: 3 towns cast first votes" is a headline, not a transcript
            found.append(
                Attribution(content_start, end, "direct", index, cue=cue, speaker_token=speaker, confidence=0.6)
            )
        return found

    def _with_cue(self, quote: Attribution, cue: Token, confidence: float) -> Attribution:
        quote.cue = (cue.idx, cue.idx + len(cue.text))
        quote.speaker_token = self.subject_of(cue)
        quote.confidence = confidence
        return quote

    def _quoted_in(self, clause: Attribution, mark: Marked, confidence: float) -> Attribution:
        """The quoted words of a reporting clause as a direct quote with the clause's cue and speaker."""
        return Attribution(
            mark.start,
            _trim_end(self.text, mark.start, mark.end),
            "direct",
            mark.paragraph,
            cue=clause.cue,
            speaker_token=clause.speaker_token,
            confidence=confidence,
            marks=[mark],
        )

    # --- putting it together ---------------------------------------------
    def find(self) -> list[Attribution]:
        transcript = self.transcript_lines()
        # Inside a transcript line ("WALLACE: Do you think …") everything is that speaker's words.
        clauses = [c for c in self.clauses() if not any(t.start <= c.start < t.end for t in transcript)]
        results: list[Attribution] = []
        absorbed: set[int] = set()
        for clause in clauses:
            inside = [m for m in self.marks if clause.start <= m.open and m.end <= clause.end + 1]
            overlapping = [m for m in self.marks if m.open < clause.end and m.end > clause.start and m not in inside]
            if (
                len(overlapping) == 1
                and not inside
                and not letters(self.text[overlapping[0].start : clause.start])
                and overlapping[0].end >= clause.end
            ):
                # "According to the newspaper, “A. B.”": the report opens a quotation that runs on.
                absorbed.add(id(overlapping[0]))
                results.append(self._quoted_in(clause, overlapping[0], 0.8))
                continue
            if overlapping:
                continue  # the clause runs into a quotation: the quote's own frame decides
            if inside:
                quoted = sum(letters(self.text[m.start : m.end]) for m in inside)
                # The quoted words are all the clause says, or an accusation's words: direct.
                # Otherwise the clause with its quoted words is a mixed quote.
                if clause.accusation or quoted >= 0.95 * letters(self.text[clause.start : clause.end]):
                    for mark in inside:
                        absorbed.add(id(mark))
                        results.append(self._quoted_in(clause, mark, 0.9))
                    continue
                clause.kind = "mixed"
                clause.marks = inside
                for mark in inside:
                    absorbed.add(id(mark))
            results.append(clause)
        for mark in self.marks:
            if id(mark) in absorbed:
                continue
            quote = self.direct(mark)
            if quote is None:
                continue
            if quote.kind == "mixed":  # widened over what its cue reports: later marks inside are its own
                absorbed.update(id(m) for m in self.marks if quote.start <= m.open and m.end <= quote.end + 1)
            if quote.speaker_token is None:
                # A quote with no cue: the continuation of the last quote, if it is near.
                earlier = _latest_before(results, mark.open)
                if mark.continued and earlier is not None:
                    quote.follows, quote.confidence = earlier, 0.9
                elif (
                    earlier is not None
                    and mark.paragraph - earlier.paragraph <= 1
                    and _standalone(self.text, self.paragraphs, mark)
                ):
                    quote.follows = earlier
                else:
                    continue
            results.append(quote)
        results.extend(t for t in transcript if not any(q.start < t.end and t.start < q.end for q in results))
        for quote in results:
            if quote.kind == "mixed":
                quote.end = _before_dashed_aside(self.text, quote.start, quote.end)
        results.sort(key=lambda q: q.start)
        return _merge_split_quotes(_drop_overlaps(results))


_MINOR_WORDS = {"a", "an", "the", "of", "for", "and", "or", "in", "on", "at", "to", "by", "with", "from", "is", "as"}


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


def looks_like_headline(content: str) -> bool:
    """Most words capitalised: "Indiana’s GOP Primary Will Be A Battle Between Demographics"."""
    words = [w for w in content.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _person_in_run(words: list[Token]) -> Token | None:
    """The last person's name in the capitalised run before a colon: in the headline "Elizabeth
    Warren Hammers Wells Fargo CEO:" it is Warren, not "CEO"."""
    run = []
    for token in reversed(words):
        if not token.text[:1].isupper():
            break
        run.append(token)
    return next((t for t in run if t.ent_type_ == "PERSON"), None)  # run goes right to left: the name's last word


def _words_span(words: list[Token]) -> tuple[int, int] | None:
    """The character span of a run of words, without leading 'that', conjunctions or punctuation
    and without trailing punctuation other than a closing mark; None when under three letters."""
    words = [t for t in words if not t.is_space]
    while words and (words[0].is_punct or words[0].dep_ == "cc" or words[0].lower_ in _TRIM_LEADING):
        words = words[1:]
    while words and words[-1].is_punct and words[-1].text not in "”’\"'":
        words = words[:-1]
    if not words or letters(" ".join(t.text for t in words)) < 3:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


_DASHED_ASIDE = re.compile(r",?\s*(—|–|--)")


def _before_dashed_aside(text: str, start: int, end: int) -> int:
    """A mixed quote ends at its last closing mark when a dash follows it: "… and “there’s
    nothing wrong with that” — asserting that …" goes on in the writer's words."""
    last = max(text.rfind(mark, start, end) for mark in '”"')
    if last > start and _DASHED_ASIDE.match(text, last + 1, end):
        return last + 1
    return end


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ", ":
        end -= 1
    return end


def _standalone(text: str, paragraphs: list[tuple[int, int]], mark: Marked) -> bool:
    """A quote that opens its paragraph (or follows a sentence end) and reads as a sentence."""
    p_start, _ = paragraphs[mark.paragraph]
    lead = text[p_start : mark.open].strip()
    return (not lead or lead[-1] in '.!?”"') and len(text[mark.start : mark.end].split()) >= 3


def _latest_before(found: list[Attribution], offset: int) -> Attribution | None:
    earlier = [q for q in found if q.start < offset and (q.speaker_token is not None or q.follows is not None)]
    return max(earlier, key=lambda q: q.start) if earlier else None


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


def _drop_overlaps(found: list[Attribution]) -> list[Attribution]:
    """Keep one attribution per stretch of text: the more confident where two overlap."""
    kept: list[Attribution] = []
    for quote in found:
        if kept and quote.start < kept[-1].end:
            if quote.confidence > kept[-1].confidence:
                kept[-1] = quote
            continue
        kept.append(quote)
    return kept
