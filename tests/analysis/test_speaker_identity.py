"""Speaker identity, one case per phenomenon of issue 13: who a pronoun, a role or an epithet
stands for, and which phrases are never speakers. Sentences written for these tests. Each case
names the speaker-resolution step it expects (the last field)."""

import pytest

CASES = [
    pytest.param(
        "Senator Tom Reyes is drawing contrasts with Governor Paul Ames.\nHe said the two men differ on taxes.",
        [("Tom Reyes", "indirect", "the two men differ on taxes", "clause.that", "pronoun.subject")],
        id="a_pronoun_is_the_last_sentence_s_subject_not_its_last_name",
    ),
    pytest.param(
        "Tom Reyes won the county. After meeting with Paul Ames, he said the race was open.",
        [("Tom Reyes", "indirect", "the race was open", "clause.that", "pronoun.subject")],
        id="a_name_in_a_clause_before_the_pronoun_is_not_its_subject",
    ),
    pytest.param(
        "Nora Hale thanked her staff after the count. Tom Reyes praised his volunteers for their work.\n"
        "She said the result was a surprise.",
        [("Nora Hale", "indirect", "the result was a surprise", "clause.that", "pronoun.subject")],
        id="a_pronoun_agrees_in_gender_learnt_from_the_text",
    ),
    pytest.param(
        "Tom Reyes spoke first. He said Paul Ames had lost the vote.\nHe added that the count was fair.",
        [
            ("Tom Reyes", "indirect", "Paul Ames had lost the vote", "clause.that", "pronoun.subject"),
            ("Tom Reyes", "indirect", "the count was fair", "clause.that", "pronoun.subject"),
        ],
        id="never_the_person_the_quote_is_about",
    ),
    pytest.param(
        "Ruth Bell opened the fair on Saturday. The weather held. Stalls sold out by noon. Crowds came early. "
        "Music played until dark.\nShe said the day had gone well.",
        [("Ruth Bell", "indirect", "the day had gone well", "clause.that", "pronoun.last-person")],
        id="far_from_any_subject_a_pronoun_takes_the_last_person_of_its_gender",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speaker_identity(attribute, text, expected):
    assert attribute(text) == expected
