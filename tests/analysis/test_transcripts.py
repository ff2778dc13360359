"""Transcript lines and headlines that open with "NAME:"; section labels are nobody speaking."""

import pytest

CASES = [
    pytest.param(
        "The Latest: Three Towns Cast The First Votes Of The Primary\n\nVoting began at midnight.",
        [],
        id="a_headline_with_a_colon_is_not_a_transcript_line",
    ),
    pytest.param(
        "Maria Lopez: Harbour Plan ‘Is A Gift To Developers’\n\nThe councillor spoke on Monday.",
        [
            (
                "Maria Lopez",
                "direct",
                "Harbour Plan ‘Is A Gift To Developers’",
                "transcript.name-colon",
                "mention.name",
            ),
        ],
        id="a_headline_naming_a_person_before_a_colon_gives_their_claim",
    ),
    pytest.param(
        "The Latest: Ferry crossings resume after the storm.\n\nEditor’s Note: This report was updated on Friday morning.",
        [],
        id="a_section_label_before_a_colon_is_nobody_speaking",
    ),
    pytest.param(
        "Okafor: Bridge Tolls Must Go Before Winter\n\nCouncillor Grace Okafor told the council on Monday that the tolls were hurting small shops.",
        [
            ("Grace Okafor", "direct", "Bridge Tolls Must Go Before Winter", "transcript.name-colon", "mention.name"),
            ("Grace Okafor", "indirect", "the tolls were hurting small shops", "clause.that", "mention.name"),
        ],
        id="headline_naming_a_person_the_article_names",
    ),
    pytest.param(
        "Voter Guide: Ferry fares will rise in May.\n\nDOVER — The harbour board met on Monday.",
        [],
        id="a_guide_label_before_a_colon_is_nobody_speaking",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_transcripts(attribute, text, expected):
    assert attribute(text) == expected
