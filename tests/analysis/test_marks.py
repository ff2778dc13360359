"""Quote marks alone (no spaCy): which stretches are quoted, apostrophes told from marks."""

import pytest

from tui.analysis.attribution.marks import find_quotes, paragraph_spans

CASES = [
    pytest.param("I’m sure the farmers’ union won’t mind the Conservatives‘ plan, she said.", [], id="apostrophes"),
    pytest.param(
        '“Curly,” and "straight" and «guillemets» and „low“ and ‘single’ ones.',
        ["Curly,", "straight", "guillemets", "low", "single"],
        id="every_kind_of_mark",
    ),
    pytest.param(
        "“The sign said ‘closed’ all week,” the baker said.", ["The sign said ‘closed’ all week,"], id="nested"
    ),
    pytest.param(
        "The ferry was late again.\u00a0“Nobody told us,” a passenger said.\u00a0‘Twice,’ she added.",
        ["Nobody told us,", "Twice,"],
        id="after_a_no_break_space",
    ),
    pytest.param(
        "The mayor said: “We will rebuild the pier\nThe next paragraph is narration.",
        ["We will rebuild the pier"],
        id="unbalanced_stops_at_the_paragraph_end",
    ),
    pytest.param(
        "''The pier is safe,'' the mayor said, and the O'Briens agreed.",
        ["The pier is safe,"],
        id="two_apostrophes_make_one_double_mark",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_marks(text, expected):
    assert [text[q.start : q.end] for q in find_quotes(text, paragraph_spans(text))] == expected


def test_text_with_a_lone_surrogate_is_analysed(analyzer):
    # What undecodable bytes become under surrogateescape: replaced, offsets kept.
    document = analyzer.analyze("“The pier is \udca0 open,” the mayor said.")
    assert document.text == "“The pier is \ufffd open,” the mayor said."
    assert [document.quote_text(q) for q in document.quotes] == ["The pier is \ufffd open"]
