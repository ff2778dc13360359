"""The analysis entry point: article texts in, `Document`s out.

Batches go through `nlp.pipe` once; the stages that follow read the parse and never parse again.
`_build` runs them in order and holds no rules of its own: paragraphs and quote marks, cues,
reported clauses, direct quotes, transcript lines, arbitration, reported acts and labels, speakers,
then stances. Every article is first held to a `Budget` (budget.py); long texts are parsed in
pieces (pipeline.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from tui.analysis import ANALYSER_VERSION
from tui.analysis.attribution.acts import find_acts
from tui.analysis.attribution.arbitrate import arbitrate
from tui.analysis.attribution.clauses import find_clauses
from tui.analysis.attribution.context import Attribution, Context
from tui.analysis.attribution.cues import find_cues
from tui.analysis.attribution.direct import direct_quote
from tui.analysis.attribution.marks import find_quotes, paragraph_spans
from tui.analysis.attribution.transcripts import find_transcript_lines
from tui.analysis.budget import Budget
from tui.analysis.entities.speakers import SpeakerChoice, SpeakerResolver
from tui.analysis.pipeline import chunks_of, load_nlp, model_label, parse_chunks
from tui.analysis.stance import StanceFinder
from tui.model import Document, Quote
from tui.sources import Article, clean_text

__all__ = ["Analyzer", "Budget"]


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
        self,
        articles: Iterable[Article],
        on_error: Callable[[Article, Exception], None] | None = None,
        on_progress: Progress | None = None,
    ) -> Iterator[Document]:
        """Documents in the order of the articles. An article whose analysis fails is reported
        to `on_error` (raised when there is none) and the others still come out. `on_progress`
        hears (steps done, steps in all): one step per parsed piece of text and per later stage."""
        articles = list(articles)
        texts = [clean_text(a.text) for a in articles]
        cuts = [self.budget.cut(text) for text in texts]
        pieces = [chunks_of(text[:end]) for text, (end, _) in zip(texts, cuts)]
        step = _steps(sum(map(len, pieces)) + STAGE_STEPS * len(articles), on_progress)
        # With a progress bar to feed, pieces are parsed one by one so each shows as it is done.
        batch_size = self.batch_size if on_progress is None else 1
        docs: Iterator = iter(parse_chunks(self.nlp, pieces, batch_size, on_piece=step))
        for position, (article, text, (end, note)) in enumerate(zip(articles, texts, cuts)):
            try:
                try:
                    doc = next(docs)
                except Exception:
                    # The batch this article was in failed: from here on, one article at a time,
                    # so a failure is the failing article's own and the others still come out.
                    docs = _OneByOne(self.nlp, pieces[position:], self.batch_size)
                    doc = next(docs)
                note = "; ".join(filter(None, (article.partial, note)))
                document = self._build(article, text, end, note, doc, step)
            except Exception as error:
                if on_error is None:
                    raise
                on_error(article, error)
                continue
            yield document

    def _build(self, article: Article, text: str, end: int, note: str, doc: Doc, step: Callable[[], None]) -> Document:
        analysed = text[:end]
        paragraphs = paragraph_spans(analysed)
        marks = find_quotes(analysed, paragraphs)
        ctx = Context(doc, paragraphs, marks)
        cues = find_cues(ctx)
        clauses = find_clauses(ctx, cues)
        readings = [direct_quote(ctx, mark) for mark in marks]
        transcript = find_transcript_lines(ctx)
        attributions = arbitrate(ctx, clauses, readings, transcript)
        attributions = sorted(attributions + find_acts(ctx, attributions), key=lambda found: found.start)
        step()
        speakers, choices = SpeakerResolver(doc, marks).speakers(attributions)
        step()
        quotes = [_quote(number, found, choice) for number, (found, choice) in enumerate(zip(attributions, choices), 1)]
        mentions = {speaker.id: speaker.mentions for speaker in speakers}
        topics, stances = StanceFinder(doc, quotes, mentions, {s.id: s.name for s in speakers}).find()
        step()
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


Progress = Callable[[int, int], None]  # (steps done, steps in all)
STAGE_STEPS = 3  # progress steps of `_build` after the parse: quotes, speakers, stances


def _steps(total: int, on_progress: Progress | None) -> Callable[[], None]:
    """A step counter that tells `on_progress` (when there is one) after every step."""
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if on_progress is not None:
            on_progress(min(done, total), total)

    return step


def _quote(number: int, found: Attribution, choice: SpeakerChoice | None) -> Quote:
    return Quote(
        id=f"q{number}",
        start=found.start,
        end=found.end,
        kind=found.kind,
        speaker=choice.speaker if choice else None,
        speaker_span=choice.span if choice else None,
        cue_span=found.cue,
        paragraph=found.paragraph,
        rule=found.rule,
        speaker_rule=choice.rule if choice else "",
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
