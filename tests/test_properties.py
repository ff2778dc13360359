"""The engine never raises and every span it gives lies inside the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

MARKS = "“”‘’\"'«»„‚‹›"
WORDS = [
    "said",
    "Mr",
    "Smith",
    "she",
    "told",
    "the",
    "BBC",
    "that",
    "added",
    ":",
    ",",
    ".",
    "\n",
    "according",
    "to",
    "I’m",
    "(",
    ")",
    "R-OH",
    "58",
    "as",
    "noted",
    "claim",
    "his",
    "’s",
    "saying",
    "statement",
    "issued",
    "billionaire",
    "—",
    "adding",
    "\n\n",
    "Okoro",
    "says",
    "he",
    "said,“",
    "manager",
    "of",
    "Speaker",
]

pieces = st.one_of(st.sampled_from(list(MARKS)), st.sampled_from(WORDS), st.text(max_size=8))
articles = st.lists(pieces, max_size=60).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=articles)
def test_engine_never_raises_and_spans_fit(analyzer, text):
    document = analyzer.analyze(text)
    size = len(document.text)
    spans = [(q.start, q.end) for q in document.quotes]
    spans += [q.speaker_span for q in document.quotes if q.speaker_span]
    spans += [q.cue_span for q in document.quotes if q.cue_span]
    spans += [m for s in document.speakers for m in s.mentions]
    spans += document.paragraphs
    for start, end in spans:
        assert 0 <= start <= end <= size
    ids = {s.id for s in document.speakers}
    assert all(q.speaker in ids for q in document.quotes if q.speaker is not None)
