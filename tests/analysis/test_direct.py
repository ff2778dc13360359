"""Direct quotes: the quoted words and the cue around them, one shape a case, each naming the
rule it expects. A quoted name of a work is no quote."""

import pytest

CASES = [
    pytest.param(
        'The council called the report "a disaster" in a short statement.\nShe watched the film “Night Trains” twice.',
        [],
        id="scare_quotes_without_a_cue_are_not_quotes",
    ),
    pytest.param(
        "Ms Ada Byrne said: “Lock Her Up.”",
        [
            ("Ada Byrne", "direct", "Lock Her Up.", "direct.colon-cue", "mention.name"),
        ],
        id="a_quoted_title_next_to_a_cue_is_not_a_quote_2",
    ),
    pytest.param(
        "The mayor described the new harbour wall as “a triumph of stubbornness” on Friday.",
        [
            (
                "mayor",
                "mixed",
                "the new harbour wall as “a triumph of stubbornness” on Friday",
                "direct.cue-governs",
                "mention.role",
            ),
        ],
        id="quoted_words_inside_what_a_cue_reports_are_a_mixed_quote_of_all_of_it",
    ),
    pytest.param(
        "Ms Patel said “it makes me furious” every time she thinks about the closed library.",
        [
            (
                "Patel",
                "mixed",
                "“it makes me furious” every time she thinks about the closed library",
                "direct.cue-governs",
                "mention.name",
            ),
        ],
        id="the_cue_a_quote_hangs_on_beats_a_later_verb_of_thinking",
    ),
    pytest.param(
        "Ms Amara Osei spoke last. She said:\n\n“The clinic stays open, whatever the board decides.”",
        [
            (
                "Amara Osei",
                "direct",
                "The clinic stays open, whatever the board decides.",
                "direct.colon-cue",
                "pronoun.subject",
            ),
        ],
        id="a_colon_ending_the_paragraph_before_introduces_the_quote",
    ),
    pytest.param(
        "Councillor Jane Ferris then turned to the crowd: “We will not sell the park.”",
        [
            ("Jane Ferris", "direct", "We will not sell the park.", "direct.colon-subject", "mention.name"),
        ],
        id="the_subject_of_a_lead_in_with_a_colon_speaks",
    ),
    pytest.param(
        "“The market is busier than ever,” stallholder Rosa Diaz, wearing her apron, said proudly.",
        [
            ("Rosa Diaz", "direct", "The market is busier than ever", "direct.name-then-cue", "mention.name"),
        ],
        id="an_aside_between_the_name_and_the_cue_does_not_hide_the_speaker",
    ),
    pytest.param(
        "Nora Quist Grills Harbour Board Chair: ‘You Should Resign Today.’\n\nSenator Nora Quist questioned the board.",
        [
            ("Nora Quist", "direct", "You Should Resign Today.", "direct.colon-name", "mention.name"),
        ],
        id="a_headline_naming_a_person_before_other_words_gives_the_person",
    ),
    pytest.param(
        "Mayor Lena Holt seemed ready to joke about the flood, telling the crowd, “Some of you got your feet wet, did you notice that?”",
        [
            (
                "Lena Holt",
                "direct",
                "Some of you got your feet wet, did you notice that?",
                "direct.cue-before",
                "mention.name",
            ),
        ],
        id="a_cue_the_parser_hung_on_the_quoted_words_still_finds_its_speaker",
    ),
    pytest.param(
        "Senator Ruth Ames visited ITV’s “Morning Tide” to talk about the ferry.",
        [],
        id="a_programme_named_with_its_channel_is_not_a_quote",
    ),
    pytest.param(
        "Senator Joan Fry referred to the bill as “a tax on working families.”",
        [
            (
                "Joan Fry",
                "mixed",
                "to the bill as “a tax on working families.”",
                "direct.labelling-verb",
                "mention.name",
            ),
        ],
        id="referring_to_something_as_quoted_words_quotes_the_referrer",
    ),
    pytest.param(
        "More from the audit: “The council paid twice for the same bridge repairs.”",
        [
            (
                "the audit",
                "direct",
                "The council paid twice for the same bridge repairs.",
                "direct.colon-name",
                "noun-phrase",
            ),
        ],
        id="words_quoted_from_a_report_after_a_colon",
    ),
    pytest.param(
        "“We will rebuild the pier.” ― Ruth Bell",
        [("Ruth Bell", "direct", "We will rebuild the pier.", "direct.dash-byline", "mention.name")],
        id="a_dash_and_a_name_after_the_quote",
    ),
    pytest.param(
        "“PENCE: We will rebuild the pier this year,” the transcript reads.",
        [("Pence", "direct", "We will rebuild the pier this year", "direct.name-colon", "untagged-name")],
        id="a_name_and_colon_opening_the_quotation",
    ),
    pytest.param(
        "He left. “Nobody came,” recounted Mrs. Ada Byrne of Leeds.",
        [("Ada Byrne", "direct", "Nobody came", "direct.inverted", "mention.name")],
        id="a_cue_then_the_name_after_the_quote",
    ),
    pytest.param(
        "Governor Tom Reyes spoke at a press conference in Dover on Monday.\n\n"
        "“Very good reporter, very good reporter this lady,” Reyes, the party's frontrunner nationally and current "
        "polling leader in the state by a wide margin, said when Hale asked him a question.",
        [
            (
                "Tom Reyes",
                "direct",
                "Very good reporter, very good reporter this lady",
                "direct.name-then-cue",
                "mention.name",
            )
        ],
        id="a_cue_in_the_clause_of_the_speaker_s_own_cue_is_not_the_quote_s",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_direct(attribute, text, expected):
    assert attribute(text) == expected
