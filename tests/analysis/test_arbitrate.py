"""Arbitration: clauses taking their quote marks, continuations, overlaps decided by the rule
table, split quotes joined. Each case names the rules of what survives."""

import pytest

CASES = [
    pytest.param(
        "“The library stays open,” said councillor Jane Holt, “and so does the pool.”",
        [
            (
                "Jane Holt",
                "direct",
                "The library stays open,” said councillor Jane Holt, “and so does the pool.",
                "direct.cue-after",
                "mention.name",
            ),
        ],
        id="split_quote_belongs_to_one_speaker",
    ),
    pytest.param(
        "Farmer Alan Price said: “The harvest was poor this year.”\n“We lost half the barley to the rain.”",
        [
            ("Alan Price", "direct", "The harvest was poor this year.", "clause.opens-quotation", "mention.name"),
            ("Alan Price", "direct", "We lost half the barley to the rain.", "direct.standalone", "continuation"),
        ],
        id="uncued_quote_after_a_speakers_quote_is_theirs",
    ),
    pytest.param(
        "Coach Maria Silva said: “We trained hard all winter.\n“Now the team is ready for the final.”",
        [
            ("Maria Silva", "direct", "We trained hard all winter.", "clause.opens-quotation", "mention.name"),
            ("Maria Silva", "direct", "Now the team is ready for the final.", "direct.continued", "continuation"),
        ],
        id="quote_continued_across_paragraphs",
    ),
    pytest.param(
        "Professor Ann Moss suggested the plan had been “rushed through” without a vote.",
        [
            ("Ann Moss", "mixed", "the plan had been “rushed through” without a vote", "clause.that", "mention.name"),
        ],
        id="mixed_quote_keeps_the_whole_clause",
    ),
    pytest.param(
        "“The rent is too high,” the baker Lou Kent told the paper when asked about the market. “We may have to move.”",
        [
            (
                "Lou Kent",
                "direct",
                "The rent is too high,” the baker Lou Kent told the paper when asked about the market. “We may have to move.",
                "clause.opens-quotation",
                "mention.name",
            ),
        ],
        id="a_quote_opening_a_new_sentence_takes_the_cue_with_a_subject",
    ),
    pytest.param(
        "Ms Grant said: “The ferry will run all winter.” She told BBC Radio’s “Morning Tide” on Monday. “We promised the island that much,” Ms Grant said on “Harbour Hour.”",
        [
            ("Grant", "direct", "The ferry will run all winter.", "clause.opens-quotation", "mention.name"),
            ("Grant", "direct", "We promised the island that much", "clause.all-quoted", "mention.name"),
        ],
        id="a_programme_named_after_the_cue_is_not_a_second_quote",
    ),
    pytest.param(
        "Most tenants said the lifts were broken again, and a few said the landlord had promised repairs.",
        [
            ("Most tenants", "indirect", "the lifts were broken again", "clause.that", "noun-phrase"),
            ("a few", "indirect", "the landlord had promised repairs", "clause.that", "noun-phrase"),
        ],
        id="a_report_stops_where_another_report_begins",
    ),
    pytest.param(
        "Ms Reid said the mill had closed and “nobody in town was told” — a claim the owners deny.",
        [
            ("Reid", "mixed", "the mill had closed and “nobody in town was told”", "clause.that", "mention.name"),
        ],
        id="a_mixed_quote_ends_at_its_mark_when_a_dash_starts_the_writer_s_aside",
    ),
    pytest.param(
        "The mayor praised the new library as “a gift to the town,” telling reporters that it would open in May.",
        [
            ("mayor", "mixed", "the new library as “a gift to the town,”", "direct.labelling-verb", "mention.role"),
            ("mayor", "indirect", "it would open in May", "clause.that", "mention.role"),
        ],
        id="quoted_words_inside_a_sentence_are_not_given_to_a_later_report",
    ),
    pytest.param(
        "Ms Hart called the fee “unfair.” Councillor Tom Reed warned that the vote would be close.",
        [
            ("Hart", "label", "the fee “unfair.”", "act.label", "mention.name"),
            ("Tom Reed", "indirect", "the vote would be close", "clause.that", "mention.name"),
        ],
        id="a_quote_that_ends_its_sentence_is_not_attributed_by_the_next_sentence",
    ),
    pytest.param(
        "Mayor Lena Ortiz praised the council and criticised the contractors.",
        [
            ("Lena Ortiz", "act", "the council", "act.reported", "mention.name"),
            ("Lena Ortiz", "act", "the contractors", "act.reported", "mention.name"),
        ],
        id="reported_acts_are_quotes_of_their_own_kind_one_per_verb",
    ),
    pytest.param(
        "Senator Dan Rowe endorsed Kim Lowe on Monday, and the union blamed the mayor for the delays.",
        [
            ("Dan Rowe", "act", "Kim Lowe", "act.reported", "mention.name"),
            ("the union", "act", "the mayor for the delays", "act.reported", "noun-phrase"),
        ],
        id="an_act_is_what_the_verb_says_of_its_object_not_when",
    ),
    pytest.param(
        "“We were written off,” Coach Ella Park said after the game. “Nobody gave us a chance.” Her assistant, Ravi Shah, looked calmer.",
        [
            (
                "Ella Park",
                "direct",
                "We were written off,” Coach Ella Park said after the game. “Nobody gave us a chance.",
                "clause.opens-quotation",
                "untagged-name",
            ),
        ],
        id="a_quote_followed_by_a_new_sentence_still_continues_the_speaker",
    ),
    pytest.param(
        "''The ferry will run all winter, '' said Captain Ola Berg. ''We have the crew for it.''",
        [
            (
                "Ola Berg",
                "direct",
                "The ferry will run all winter, '' said Captain Ola Berg. ''We have the crew for it.",
                "clause.opens-quotation",
                "mention.name",
            ),
        ],
        id="nyt_style_closing_marks_after_a_space",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_arbitrate(attribute, text, expected):
    assert attribute(text) == expected
