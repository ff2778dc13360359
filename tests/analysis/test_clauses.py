"""Reported clauses: what a cue reports (said-that, according-to, as-X-noted, speech nouns),
and a clause's quoted words. Each case names the rule (and speaker step) it expects."""

import pytest

CASES = [
    pytest.param(
        "Harbour master Tom Reyes said: “The tide will turn at noon.”",
        [
            ("Tom Reyes", "direct", "The tide will turn at noon.", "clause.opens-quotation", "mention.name"),
        ],
        id="cue_before_with_colon",
    ),
    pytest.param(
        "“The ferry is late again,” said Ms Okafor.\n“We have waited an hour,” Mr Lund said.",
        [
            ("Okafor", "direct", "The ferry is late again", "clause.opens-quotation", "mention.name"),
            ("Lund", "direct", "We have waited an hour", "clause.all-quoted", "mention.name"),
        ],
        id="cue_after_inverted_and_plain",
    ),
    pytest.param(
        "Dr Priya Nair added: “The trial results are encouraging.”",
        [
            ("Priya Nair", "direct", "The trial results are encouraging.", "clause.opens-quotation", "mention.name"),
        ],
        id="added_with_colon_after_a_name",
    ),
    pytest.param(
        "Mayor Ruth Bell said that the bridge would reopen in May.\nThe engineer Sam Ito told reporters the repairs were nearly done.",
        [
            ("Ruth Bell", "indirect", "the bridge would reopen in May", "clause.that", "mention.name"),
            ("Sam Ito", "indirect", "the repairs were nearly done", "clause.that", "mention.name"),
        ],
        id="indirect_speech_with_that_and_without",
    ),
    pytest.param(
        "The station will close in June, according to Network Rail.\nMs Tran was quoted as saying the fares would rise.",
        [
            ("Network Rail", "indirect", "The station will close in June", "clause.according-to", "mention.entity"),
            ("Tran", "indirect", "the fares would rise", "clause.that", "mention.name"),
        ],
        id="according_to_and_quoted_as_saying",
    ),
    pytest.param(
        "The smugglers are said to be moving inland.",
        [],
        id="hearsay_without_a_source_is_not_a_quote",
    ),
    pytest.param(
        "Senator Ray Cole accused the minister of having “abandoned the farmers” last spring.",
        [
            ("Ray Cole", "direct", "abandoned the farmers", "clause.all-quoted", "mention.name"),
        ],
        id="accused_of_keeps_the_quoted_words",
    ),
    pytest.param(
        "Chief Inspector Lena Ford stressed that patrols would continue.\nMs Ford warned that drivers faced fines.\nMs Ford denied that the cameras were faulty.",
        [
            ("Lena Ford", "indirect", "patrols would continue", "clause.that", "mention.name"),
            ("Lena Ford", "indirect", "drivers faced fines", "clause.that", "mention.name"),
            ("Lena Ford", "indirect", "the cameras were faulty", "clause.that", "mention.name"),
        ],
        id="cue_verbs_stressed_warned_denied",
    ),
    pytest.param(
        "On the show “Sunday Morning Futures,” Senator Ray Cole said the budget was late.",
        [
            ("Ray Cole", "indirect", "the budget was late", "clause.that", "mention.name"),
        ],
        id="a_quoted_title_next_to_a_cue_is_not_a_quote",
    ),
    pytest.param(
        "''The pier is safe,'' Mayor Ruth Bell said.",
        [
            ("Ruth Bell", "direct", "The pier is safe", "clause.opens-quotation", "mention.name"),
        ],
        id="two_apostrophes_make_one_double_mark",
    ),
    pytest.param(
        "The ferry timetable would be cut, Mr Hale said, by the end of the summer.",
        [
            (
                "Hale",
                "indirect",
                "The ferry timetable would be cut, Mr Hale said, by the end of the summer",
                "clause.parenthetical",
                "mention.name",
            ),
        ],
        id="words_after_a_parenthetical_cue_are_reported_too",
    ),
    pytest.param(
        "Ms Rowe said,“The bridge stays shut until the inspectors are happy.”",
        [
            (
                "Rowe",
                "direct",
                "The bridge stays shut until the inspectors are happy.",
                "clause.opens-quotation",
                "mention.name",
            ),
        ],
        id="a_mark_glued_to_a_comma_still_opens_the_quote",
    ),
    pytest.param(
        "“The pool will reopen in June,“ said Dan Ortiz, the leisure manager.",
        [
            ("Dan Ortiz", "direct", "The pool will reopen in June", "clause.opens-quotation", "mention.name"),
        ],
        id="a_backwards_closing_mark_still_closes",
    ),
    pytest.param(
        "As the Gazette reported, the council spent twice its budget on the bridge.",
        [
            (
                "Gazette",
                "indirect",
                "the council spent twice its budget on the bridge",
                "clause.as-noted",
                "mention.name",
            ),
        ],
        id="as_the_paper_reported_attributes_the_main_clause",
    ),
    pytest.param(
        "As the band played, the crowd sang along.",
        [],
        id="as_the_paper_reported_attributes_the_main_clause_2",
    ),
    pytest.param(
        "“We have waited long enough for this road,” Mrs Grant sighed.\nMr Bell grumbled that the buses never came.",
        [
            ("Grant", "direct", "We have waited long enough for this road", "clause.opens-quotation", "mention.name"),
            ("Bell", "indirect", "the buses never came", "clause.that", "mention.name"),
        ],
        id="verbs_of_manner_of_speaking_are_cues",
    ),
    pytest.param(
        "Residents mocked Mayor Hart’s claim that the new car park would pay for itself.",
        [
            ("Mayor Hart", "indirect", "the new car park would pay for itself", "clause.speech-noun", "untagged-name"),
        ],
        id="a_speech_noun_with_its_owner_and_a_that_clause_is_a_report",
    ),
    pytest.param(
        "The claim that the pier is haunted is an old one.",
        [],
        id="a_speech_noun_with_its_owner_and_a_that_clause_is_a_report_2",
    ),
    pytest.param(
        "After the count, Gov. Ada Brandt (D-OR), said, “We are getting ready for a long night.”",
        [
            (
                "Ada Brandt",
                "direct",
                "We are getting ready for a long night.",
                "clause.opens-quotation",
                "mention.name",
            ),
        ],
        id="a_cue_the_parser_left_without_a_subject_takes_the_name_before_it",
    ),
    pytest.param(
        "Mr Dunn said the tram was late again, adding that the drivers were on strike.",
        [
            ("Dunn", "indirect", "the tram was late again", "clause.that", "mention.name"),
            ("Dunn", "indirect", "the drivers were on strike", "clause.that", "mention.name"),
        ],
        id="adding_that_starts_a_second_report",
    ),
    pytest.param(
        "Nora Quist's spokesman said the hearing was over.",
        [
            ("Nora Quist's spokesman", "indirect", "the hearing was over", "clause.that", "noun-phrase"),
        ],
        id="a_headline_naming_a_person_before_other_words_gives_the_person_2",
    ),
    pytest.param(
        "Ferry owner Tom Reyes said on Tuesday during a press conference that the crossing would close in March.",
        [
            ("Tom Reyes", "indirect", "the crossing would close in March", "clause.misparsed", "mention.name"),
        ],
        id="a_that_clause_after_the_cue_s_phrases_is_still_reported",
    ),
    pytest.param(
        "Councillor Ada Brook said widening the road could bring two hundred jobs to the valley.",
        [
            (
                "Ada Brook",
                "indirect",
                "widening the road could bring two hundred jobs to the valley",
                "clause.that",
                "mention.name",
            ),
        ],
        id="a_gerund_opening_the_reported_clause_is_not_the_cue_s_complement",
    ),
    pytest.param(
        "Ms Okafor told shoppers at the Saturday market that “the stalls will stay.”",
        [
            ("Okafor", "direct", "the stalls will stay.", "clause.all-quoted", "mention.name"),
        ],
        id="the_people_told_are_not_part_of_what_was_said",
    ),
    pytest.param(
        "According to the gazette, “The dam is older than the town. Nobody has inspected it since 1990.”",
        [
            (
                "the gazette",
                "direct",
                "The dam is older than the town. Nobody has inspected it since 1990.",
                "clause.opens-quotation",
                "noun-phrase",
            ),
        ],
        id="according_to_before_a_quotation_of_several_sentences",
    ),
    pytest.param(
        "Having announced that the library would stay open, Mayor Ines Ruiz left the hall.",
        [
            ("Ines Ruiz", "indirect", "the library would stay open", "clause.that", "untagged-name"),
        ],
        id="a_fronted_perfect_participle_cue_speaks_for_the_sentence_s_subject",
    ),
    pytest.param(
        "Nurse Ella Moss wrote: “We’re staying. The ward needs us.’ Moss has worked there for ten years.",
        [
            ("Ella Moss", "direct", "We’re staying. The ward needs us.", "clause.opens-quotation", "mention.name"),
        ],
        id="a_single_mark_after_a_full_stop_ends_a_double_quote",
    ),
    pytest.param(
        "Mr. Omar Diaz went out of his way to say that Lima's market had hit bottom this year.",
        [
            ("Omar Diaz", "indirect", "Lima's market had hit bottom this year", "clause.that", "mention.name"),
        ],
        id="a_cue_in_an_infinitive_after_a_noun_speaks_for_the_verb_s_subject",
    ),
    pytest.param(
        "Then Ms Vera Lind asked the pupils if they were always so quiet.",
        [
            ("Vera Lind", "indirect", "if they were always so quiet", "clause.question", "untagged-name"),
        ],
        id="a_question_reported_with_if_is_the_asker_s",
    ),
    pytest.param(
        "Mayor Dan Cole is hoping that the bridge will open in May.",
        [
            ("Dan Cole", "indirect", "the bridge will open in May", "clause.that", "mention.name"),
        ],
        id="hoping_that_reports_a_hope",
    ),
    pytest.param(
        "“The old mill was full of pigeons,” recalled Mr. Tomas Reid.",
        [
            ("Tomas Reid", "direct", "The old mill was full of pigeons", "clause.opens-quotation", "mention.name"),
        ],
        id="cue_before_the_name_after_a_quote",
    ),
    pytest.param(
        "The new rules, which officials said will start in May, worry the ferry crews.",
        [
            ("officials", "indirect", "will start in May", "clause.that", "mention.role"),
        ],
        id="what_is_said_after_a_relative_pronoun_follows_the_cue",
    ),
    pytest.param(
        "What parents really want is a good school close to home,” said Ms Hester.\n",
        [
            (
                "Hester",
                "indirect",
                "What parents really want is a good school close to home",
                "clause.that",
                "mention.name",
            ),
        ],
        id="a_quote_opening_with_what_before_the_cue_does_not_crash",
    ),
    pytest.param(
        "“The winters were longer then,” Mr. Ivan Petrov, now 88 and living in Leeds, England, said by telephone.",
        [
            ("Ivan Petrov", "direct", "The winters were longer then", "clause.opens-quotation", "mention.name"),
        ],
        id="a_long_aside_between_the_name_and_the_cue",
    ),
    pytest.param(
        "After the vote, Ms Lund argued that the town had changed: “This is not the place I grew up in,” she said.",
        [
            ("Lund", "indirect", "the town had changed", "clause.that", "mention.name"),
            ("Lund", "direct", "This is not the place I grew up in", "clause.all-quoted", "pronoun.subject"),
        ],
        id="a_report_after_a_colon_is_not_swallowed_by_the_next_cue",
    ),
    pytest.param(
        "Mayor Ruth Bell urged residents to save water this summer.",
        [("Ruth Bell", "indirect", "to save water this summer", "clause.infinitive", "mention.name")],
        id="an_infinitive_after_urged_is_what_is_urged",
    ),
    pytest.param(
        "Councillor Dan Ortiz called for calm after the flood.",
        [("Dan Ortiz", "indirect", "calm", "clause.call-for", "mention.name")],
        id="called_for_reports_a_demand",
    ),
    pytest.param(
        "Senator Ray Cole accused the minister of abandoning the farmers.",
        [("Ray Cole", "indirect", "abandoning the farmers", "clause.accusation", "mention.name")],
        id="accused_of_reports_the_accusation",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_clauses(attribute, text, expected):
    assert attribute(text) == expected
