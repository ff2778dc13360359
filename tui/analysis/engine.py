"""The analysis entry point: article texts in, `Document`s out.

Batches go through `nlp.pipe` once; the rules that follow (quote marks,
reporting clauses, speakers) read the parse and never parse again.

Every article is held to a `Budget` first: a hostile or huge text (a megabyte of
prose, ten thousand quote marks) is analysed up to the budget and the document
says what was left out, rather than the machine running out of time or memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from tui.analysis import ANALYSER_VERSION
from tui.analysis.marks import ALL_MARKS, find_quotes, paragraph_spans
from tui.analysis.pipeline import chunks_of, load_nlp, model_label, parse_chunks
from tui.analysis.quotes import QuoteFinder
from tui.analysis.speakers import SpeakerResolver
from tui.analysis.stance import StanceFinder
from tui.model import Document, Quote
from tui.sources import Article, clean_text


@dataclass(frozen=True)
class Budget:
    """How much of one article is analysed. A long news story is 30,000 characters,
    300 paragraphs and 200 quote marks (apostrophes inside words are not counted); the
    attribution rules grow faster than the text with the number of quotes, so quote
    marks have the tightest limit."""

    characters: int = 100_000
    paragraphs: int = 1_500
    quote_marks: int = 400

    def cut(self, text: str) -> tuple[int, str]:
        """(end, note): analyse `text[:end]`; the note says what was left out ('' when nothing)."""
        paragraphs = paragraph_spans(text)
        marks = 0
        end = len(text)
        reason = ""
        for index, (start, stop) in enumerate(paragraphs):
            if index >= self.paragraphs:
                end, reason = start, f"{self.paragraphs:,} paragraphs"
                break
            in_paragraph = len(_QUOTE_MARK.findall(text, start, stop))
            cuts = []  # (where, why) for each limit this paragraph crosses; the first one wins
            if stop > self.characters:
                cuts.append((_word_boundary(text, start, self.characters), f"{self.characters:,} characters"))
            if marks + in_paragraph > self.quote_marks:
                cuts.append(
                    (_nth_mark(text, start, stop, self.quote_marks - marks), f"{self.quote_marks:,} quote marks")
                )
            if cuts:
                end, reason = min(cuts)
                break
            marks += in_paragraph
        if not reason:
            return len(text), ""
        return end, (
            f"only the first {end:,} of {len(text):,} characters were analysed (the limit is {reason} per article)"
        )


def _word_boundary(text: str, start: int, limit: int) -> int:
    """The last whitespace at or before `limit` in the paragraph starting at `start`."""
    space = text.rfind(" ", start, limit + 1)
    return space if space > start else limit


def _nth_mark(text: str, start: int, stop: int, allowed: int) -> int:
    """The offset where the paragraph's (allowed + 1)-th quote mark is, so `allowed` marks stay."""
    for number, match in enumerate(_QUOTE_MARK.finditer(text, start, stop)):
        if number == allowed:
            return match.start()
    return stop


# A quote mark that is not an apostrophe inside a word (don’t, it's): what the budget counts.
_MARKS = re.escape("".join(sorted({char for mark in ALL_MARKS for char in mark})))
_QUOTE_MARK = re.compile(f"(?<!\\w)[{_MARKS}]|[{_MARKS}](?!\\w)")


class Analyzer:
    """Holds the loaded model; `analyze_many` is the batch path."""

    def __init__(self, model: str | None = None, batch_size: int = 16, budget: Budget | None = None):
        self.nlp = load_nlp(model)
        self.model = model_label(self.nlp)
        self.batch_size = batch_size
        self.budget = budget or Budget()

    def analyze(self, text: str, title: str = "", source: str = "") -> Document:
        return next(self.analyze_many([Article(text=text, title=title, source=source)]))

    def analyze_many(
        self, articles: Iterable[Article], on_error: Callable[[Article, Exception], None] | None = None
    ) -> Iterator[Document]:
        """Documents in the order of the articles. An article whose analysis fails is reported
        to `on_error` (raised when there is none) and the others still come out."""
        articles = list(articles)
        texts = [clean_text(a.text) for a in articles]
        cuts = [self.budget.cut(text) for text in texts]
        pieces = [chunks_of(text[:end]) for text, (end, _) in zip(texts, cuts)]
        docs: Iterator = iter(parse_chunks(self.nlp, pieces, self.batch_size))
        for position, (article, text, (end, note)) in enumerate(zip(articles, texts, cuts)):
            try:
                try:
                    doc = next(docs)
                except Exception:
                    # The batch this article was in failed: from here on, one article at a time,
                    # so a failure is the failing article's own and the others still come out.
                    docs = _OneByOne(self.nlp, pieces[position:], self.batch_size)
                    doc = next(docs)
                document = self._build(article, text, end, "; ".join(filter(None, (article.partial, note))), doc)
            except Exception as error:
                if on_error is None:
                    raise
                on_error(article, error)
                continue
            yield document

    def _build(self, article: Article, text: str, end: int, note: str, doc) -> Document:
        analysed = text[:end]
        paragraphs = paragraph_spans(analysed)
        marks = find_quotes(analysed, paragraphs)
        attributions = QuoteFinder(doc, paragraphs, marks).find()
        speakers, speaker_of = SpeakerResolver(doc, marks).speakers(attributions)
        quotes = []
        for number, found in enumerate(attributions, start=1):
            speaker = speaker_of.get(id(found))
            quotes.append(
                Quote(
                    id=f"q{number}",
                    start=found.start,
                    end=found.end,
                    kind=found.kind,
                    speaker=speaker,
                    speaker_span=found.speaker_span if speaker else None,
                    cue_span=found.cue,
                    paragraph=found.paragraph,
                    confidence=found.confidence,
                )
            )
        mentions = {speaker.id: speaker.mentions for speaker in speakers}
        topics, stances = StanceFinder(doc, quotes, mentions).find()
        return Document(
            text=text,
            title=article.title,
            source=article.source,
            paragraphs=paragraph_spans(text) if end < len(text) else paragraphs,
            speakers=speakers,
            quotes=quotes,
            topics=topics,
            stances=stances,
            model=self.model,
            analyser=ANALYSER_VERSION,
            partial=note,
        )


class _OneByOne:
    """After a failure in a batch: the remaining articles parsed one at a time, so the
    next failure is again one article's and not the batch's."""

    def __init__(self, nlp, pieces: list[list[str]], batch_size: int):
        self.nlp, self.pieces, self.batch_size = nlp, iter(pieces), batch_size

    def __iter__(self):
        return self

    def __next__(self):
        return next(iter(parse_chunks(self.nlp, [next(self.pieces)], self.batch_size)))
