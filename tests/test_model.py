import json

import pytest

from tui.model import Document, Quote, SchemaError, Speaker, Stance, Topic


def sample() -> Document:
    text = "Ms Vale said: “The bridge opens in May.”"
    return Document(
        text=text,
        title="Bridge",
        source="bridge.txt",
        paragraphs=[(0, len(text))],
        speakers=[Speaker(id="s1", name="Ann Vale", kind="person", mentions=[(0, 7)])],
        quotes=[
            Quote(
                id="q1",
                start=15,
                end=39,
                kind="direct",
                speaker="s1",
                speaker_span=(0, 7),
                cue_span=(8, 12),
                rule="direct.colon-cue",
                speaker_rule="mention.name",
            )
        ],
        topics=[Topic(id="t1", label="the bridge", mentions=[(18, 24)])],
        stances=[
            Stance(speaker="s1", topic="t1", label="favor", score=0.7, evidence=["q1"], rule="necessity", cue="opens")
        ],
        model="en_core_web_sm-3.8.0",
        analyser="1",
    )


def test_json_round_trip_keeps_everything():
    document = sample()
    again = Document.from_json(document.to_json())
    assert again == document
    data = json.loads(document.to_json())
    assert data["schema"] == 2
    assert data["quotes"][0]["text"] == "The bridge opens in May."
    assert data["quotes"][0]["speaker_span"] == [0, 7]
    assert (data["quotes"][0]["rule"], data["quotes"][0]["speaker_rule"]) == ("direct.colon-cue", "mention.name")


@pytest.mark.parametrize("payload", ["not json", "[]", '{"schema": 99, "text": ""}', '{"schema": 1}'])
def test_bad_json_is_a_schema_error(payload):
    with pytest.raises(SchemaError):
        Document.from_json(payload)


def schema_1(document: Document) -> str:
    """The document as the previous version wrote it: schema 1, a confidence and no rule ids."""
    data = json.loads(document.to_json())
    data["schema"] = 1
    for quote in data["quotes"]:
        quote["confidence"] = 0.9
        del quote["rule"], quote["speaker_rule"]
    return json.dumps(data)


def test_a_schema_1_document_is_a_schema_error():
    with pytest.raises(SchemaError):
        Document.from_json(schema_1(sample()))


def test_a_cached_schema_1_document_is_rebuilt_not_crashed_on(tmp_path):
    from tui.documents import Engine
    from tui.sources import Article
    from tui.store import ParseCache

    article = Article(text="Ms Ann Vale said: “The bridge opens in May.”", title="Bridge", source="bridge.txt")
    engine = Engine(cache=ParseCache(tmp_path))
    old = sample()
    old.text = article.text
    engine.cache.path(engine.key(article)).parent.mkdir(parents=True, exist_ok=True)
    engine.cache.path(engine.key(article)).write_text(schema_1(old), encoding="utf-8")
    assert engine.cached(article) is None  # the old entry is dropped …
    document = engine.analyse(article)  # … and the article analysed again
    assert [(q.rule, document.speaker(q.speaker).name) for q in document.quotes] == [
        ("clause.opens-quotation", "Ann Vale")
    ]
    assert json.loads(engine.cache.path(engine.key(article)).read_text(encoding="utf-8"))["schema"] == 2
