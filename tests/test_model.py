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
        quotes=[Quote(id="q1", start=15, end=39, kind="direct", speaker="s1", speaker_span=(0, 7), cue_span=(8, 12))],
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
    assert data["schema"] == 1
    assert data["quotes"][0]["text"] == "The bridge opens in May."
    assert data["quotes"][0]["speaker_span"] == [0, 7]


@pytest.mark.parametrize("payload", ["not json", "[]", '{"schema": 99, "text": ""}', '{"schema": 1}'])
def test_bad_json_is_a_schema_error(payload):
    with pytest.raises(SchemaError):
        Document.from_json(payload)
