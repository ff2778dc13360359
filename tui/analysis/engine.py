"""The analysis entry point: article texts in, `Document`s out.

Batches go through `nlp.pipe` once; the stages that follow read the parse and never parse again.
`_build` runs them in order and holds no rules of its own: paragraphs and quote marks, cues,
reported clauses, direct quotes, transcript lines, arbitration, speakers, then stances.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from tui.analysis import ANALYSER_VERSION
from tui.analysis.attribution.arbitrate import arbitrate
from tui.analysis.attribution.clauses import find_clauses
from tui.analysis.attribution.context import Attribution, Context
from tui.analysis.attribution.cues import find_cues
from tui.analysis.attribution.direct import direct_quote
from tui.analysis.attribution.marks import find_quotes, paragraph_spans
from tui.analysis.attribution.transcripts import find_transcript_lines
from tui.analysis.entities.speakers import SpeakerChoice, SpeakerResolver
from tui.analysis.pipeline import load_nlp, model_label
from tui.analysis.stance import StanceFinder
from tui.model import Document, Quote
from tui.sources import Article, clean_text


class Analyzer:
    """Holds the loaded model; `analyze_many` is the batch path."""

    def __init__(self, model: str | None = None, batch_size: int = 16):
        self.nlp = load_nlp(model)
        self.model = model_label(self.nlp)
        self.batch_size = batch_size

    def analyze(self, text: str, title: str = "", source: str = "") -> Document:
        return next(self.analyze_many([Article(text=text, title=title, source=source)]))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Document]:
        articles = list(articles)
        texts = [clean_text(a.text) for a in articles]
        for article, text, doc in zip(articles, texts, self.nlp.pipe(texts, batch_size=self.batch_size)):
            yield self._build(article, text, doc)

    def _build(self, article: Article, text: str, doc: Doc) -> Document:
        paragraphs = paragraph_spans(text)
        marks = find_quotes(text, paragraphs)
        ctx = Context(doc, paragraphs, marks)
        cues = find_cues(ctx)
        clauses = find_clauses(ctx, cues)
        readings = [direct_quote(ctx, mark) for mark in marks]
        transcript = find_transcript_lines(ctx)
        attributions = arbitrate(ctx, clauses, readings, transcript)
        speakers, choices = SpeakerResolver(doc, marks).speakers(attributions)
        quotes = [_quote(number, found, choice) for number, (found, choice) in enumerate(zip(attributions, choices), 1)]
        mentions = {speaker.id: speaker.mentions for speaker in speakers}
        topics, stances = StanceFinder(doc, quotes, mentions).find()
        return Document(
            text=text,
            title=article.title,
            source=article.source,
            paragraphs=paragraphs,
            speakers=speakers,
            quotes=quotes,
            topics=topics,
            stances=stances,
            model=self.model,
            analyser=ANALYSER_VERSION,
        )


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
