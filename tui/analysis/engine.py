"""The analysis entry point: article texts in, `Document`s out.

Batches go through `nlp.pipe` once; the rules that follow (quote marks,
reporting clauses, speakers) read the parse and never parse again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tui.analysis import ANALYSER_VERSION
from tui.analysis.marks import find_quotes, paragraph_spans
from tui.analysis.pipeline import load_nlp, model_label
from tui.analysis.quotes import QuoteFinder
from tui.analysis.speakers import SpeakerResolver
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

    def _build(self, article: Article, text: str, doc) -> Document:
        paragraphs = paragraph_spans(text)
        marks = find_quotes(text, paragraphs)
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
            paragraphs=paragraphs,
            speakers=speakers,
            quotes=quotes,
            topics=topics,
            stances=stances,
            model=self.model,
            analyser=ANALYSER_VERSION,
        )
