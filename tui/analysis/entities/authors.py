"""Who "I" is in the narration: the writer of a first-person piece.

An article may name its writer in its opening: a byline ("By Jane Doe") or an editor's note
calling the text an excerpt of someone's book ("an excerpt from Jane Doe's new memoir"). Its
narrator's "I", "me" and "we" are then that person; otherwise they are an anonymous "the author".
"""

from __future__ import annotations

from functools import cached_property

from spacy.tokens import Span, Token

from tui.analysis import lexicons
from tui.analysis.entities.mentions import Cluster, Mentions

AUTHOR = "the author"  # who "I" is outside quotation marks when the article names no writer
WORKS = lexicons.words("written_works.txt")
OPENING = 1200  # characters of the article where its writer is named (headline, byline, note)
BYLINE_TAIL = 4  # words a byline may carry after the name ("By Jane Doe, Staff Writer")

Resolved = tuple[Cluster, tuple[int, int] | None, str]


class Authors(Mentions):
    """The writer of the article, named or not."""

    def author(self, token: Token) -> Resolved:
        """ "I" (or "me", or the narration's "we") is the article's writer."""
        span = (token.idx, token.idx + len(token.text))
        writer = self.named_writer
        if writer is not None:
            writer.add(*span)
            return writer, span, "author.named"
        author = next((c for c in self.clusters if c.display == AUTHOR), None)
        if author is None:
            author = Cluster(kind="anonymous", display=AUTHOR)
            self.clusters.append(author)
        author.add(*span)
        return author, span, "author"

    @cached_property
    def named_writer(self) -> Cluster | None:
        """The person the article's opening names as its writer, if any."""
        for sentence in self.doc.sents:
            if sentence.start_char > OPENING:
                break
            writer = self._byline(sentence) or self._excerpted(sentence)
            if writer is not None:
                return writer
        return None

    def _byline(self, sentence: Span) -> Cluster | None:
        """ "By Jane Doe" on a line of its own (a title or two words may follow the name)."""
        first = sentence[0]
        if first.text != "By" or first.i + 1 >= len(self.doc):
            return None
        person = self.by_token.get(first.i + 1)
        if person is None or person.kind != "person":
            return None
        line_end = self.text.find("\n", first.idx)
        line_end = len(self.text) if line_end < 0 else line_end
        name_end = self.spans[first.i + 1][1]
        tail = [
            t for t in self.doc.char_span(first.idx, line_end, alignment_mode="contract") or () if t.idx >= name_end
        ]
        return person if len([t for t in tail if t.is_alpha]) <= BYLINE_TAIL else None

    def _excerpted(self, sentence: Span) -> Cluster | None:
        """ "The following is an excerpt from Jane Doe's new book", "adapted from the memoir by
        Jane Doe": the excerpt's author wrote the article."""
        if not any(t.lemma_.lower() == "excerpt" or t.lower_ in ("excerpted", "adapted") for t in sentence):
            return None
        for token in sentence:
            person = self.by_token.get(token.i)
            if person is None or person.kind != "person":
                continue
            head = token
            while head.dep_ in ("compound", "flat") and head.head.i != head.i:
                head = head.head
            work = head.head
            if head.dep_ == "pobj" and work.lower_ == "by":
                work = work.head
            if head.dep_ in ("poss", "pobj") and work.lemma_.lower() in WORKS:
                return person
        return None
