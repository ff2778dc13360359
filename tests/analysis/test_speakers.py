"""Speakers: names, roles, pronouns, places and unnamed sources, one speaker each. Each case
names the speaker-resolution step it expects (the last field)."""

import pytest

CASES = [
    pytest.param(
        "Ms Bell told the BBC the budget was balanced.",
        [
            ("Bell", "indirect", "the budget was balanced", "clause.that", "mention.name"),
        ],
        id="object_of_told_is_never_the_speaker",
    ),
    pytest.param(
        "Health Secretary Maya Lind visited the hospital on Monday.\nThe Health Secretary said the new wing would open soon.\nShe added that nurses would be hired.\nMs Lind said: “This is a good day.”",
        [
            ("Maya Lind", "indirect", "the new wing would open soon", "clause.that", "mention.role"),
            ("Maya Lind", "indirect", "nurses would be hired", "clause.that", "pronoun.subject"),
            ("Maya Lind", "direct", "This is a good day.", "clause.opens-quotation", "mention.name"),
        ],
        id="titles_roles_and_pronouns_resolve_to_one_speaker",
    ),
    pytest.param(
        "Sir Oliver Grant met the unions today.\nThe Prime Minister said the strike must end.\nSir Oliver said: “We will talk again.”",
        [
            ("Oliver Grant", "indirect", "the strike must end", "clause.that", "mention.role"),
            ("Oliver Grant", "direct", "We will talk again.", "clause.opens-quotation", "mention.name"),
        ],
        id="unbound_title_goes_to_the_nearest_named_person",
    ),
    pytest.param(
        "Mr Karl Weiss met Ms Anna Roth at the port.\nShe said the talks had gone well.",
        [
            ("Anna Roth", "indirect", "the talks had gone well", "clause.that", "pronoun.subject"),
        ],
        id="pronoun_takes_the_gender_of_the_title",
    ),
    pytest.param(
        "France has rejected the proposal.\nParis suggested the plan could not work.\nThe European Commission said it would review the rules.",
        [
            ("Paris", "indirect", "the plan could not work", "clause.that", "mention.entity"),
            ("European Commission", "indirect", "it would review the rules", "clause.that", "mention.entity"),
        ],
        id="places_and_organisations_speak",
    ),
    pytest.param(
        "Japan’s ambassador to Canada disagreed, though he said the talks would continue.",
        [
            (
                "Japan’s ambassador to Canada",
                "indirect",
                "the talks would continue",
                "clause.that",
                "pronoun.subject",
            ),
        ],
        id="ambassador_not_the_country",
    ),
    pytest.param(
        "A government source said the vote would be delayed.",
        [
            ("government source", "indirect", "the vote would be delayed", "clause.that", "mention.role"),
        ],
        id="anonymous_source_is_a_speaker_of_kind_unknown",
    ),
    pytest.param(
        "“We were wrong to wait so long,” Okafor, 58, told the paper on Monday.",
        [
            ("Okafor", "direct", "We were wrong to wait so long", "clause.opens-quotation", "untagged-name"),
        ],
        id="a_name_with_an_age_before_the_cue_speaks",
    ),
    pytest.param(
        "The harbour board issued a statement saying the ferry would run all winter.",
        [
            ("The harbour board", "indirect", "the ferry would run all winter", "clause.that", "noun-phrase"),
        ],
        id="saying_after_an_object_is_said_by_the_sender",
    ),
    pytest.param(
        "Speaker of the Assembly Rep. Dora Lind said the session would run late.",
        [
            ("Dora Lind", "indirect", "the session would run late", "clause.that", "title-names"),
        ],
        id="a_title_phrase_speaks_as_the_person_it_names",
    ),
    pytest.param(
        "The mother of Sam Hill said the school had failed him.",
        [
            ("The mother", "indirect", "the school had failed him", "clause.that", "noun-phrase"),
        ],
        id="a_title_phrase_speaks_as_the_person_it_names_2",
    ),
    pytest.param(
        "Mr Vance Holt chaired the meeting on Monday. Okoro said he warned the board: “The depot will close.”",
        [
            ("Okoro", "direct", "The depot will close.", "clause.all-quoted", "pronoun.reporter"),
        ],
        id="he_in_a_reported_clause_is_the_reporter_first",
    ),
    pytest.param(
        "Lund's campaign manager, Kari Dahl, said the vote was close. Dahl added: “We have the numbers.”\nBerg's campaign manager, Ola Nes, said the count was early.",
        [
            ("Kari Dahl", "indirect", "the vote was close", "clause.that", "mention.role"),
            ("Kari Dahl", "direct", "We have the numbers.", "clause.opens-quotation", "mention.name"),
            ("Ola Nes", "indirect", "the count was early", "clause.that", "mention.role"),
        ],
        id="a_possessed_role_in_apposition_is_that_person_and_no_one_else",
    ),
    pytest.param(
        "Ingrid Moe opened a third hotel in Bergen. The billionaire said the town needed more beds.",
        [
            ("Ingrid Moe", "indirect", "the town needed more beds", "clause.that", "mention.role"),
        ],
        id="an_epithet_refers_back_to_the_person_named_before",
    ),
    pytest.param(
        "Police received calls saying the river had burst its banks.",
        [
            ("calls", "indirect", "the river had burst its banks", "clause.that", "noun-phrase"),
        ],
        id="calls_saying_are_the_callers_words_not_the_receivers",
    ),
    pytest.param(
        "A harbour survey shows that trade has doubled. Ferries run late, according to the survey.\nA council source said the budget was spent. The source added that the mayor knew.",
        [
            ("A harbour survey", "indirect", "trade has doubled", "clause.that", "noun-phrase"),
            ("A harbour survey", "indirect", "Ferries run late", "clause.according-to", "same-noun"),
            ("council source", "indirect", "the budget was spent", "clause.that", "mention.role"),
            ("council source", "indirect", "the mayor knew", "clause.that", "mention.role"),
        ],
        id="the_same_source_named_again_by_its_head_noun_is_one_speaker",
    ),
    pytest.param(
        "Secretary-General Ban Ki-moon said the deal would hold. Ki-moon added that more was needed.\nSenator Adam Varga said the panel had met. Varga said it would meet again.",
        [
            ("Ban Ki-moon", "indirect", "the deal would hold", "clause.that", "mention.name"),
            ("Ban Ki-moon", "indirect", "more was needed", "clause.that", "mention.name"),
            ("Adam Varga", "indirect", "the panel had met", "clause.that", "mention.name"),
            ("Adam Varga", "indirect", "it would meet again", "clause.that", "mention.name"),
        ],
        id="speaker_names_keep_hyphens_and_a_bare_surname_stays_the_person",
    ),
    pytest.param(
        "The harbour board, which said the pier was unsafe, closed it on Monday.",
        [
            ("The harbour board", "indirect", "the pier was unsafe", "clause.that", "relative"),
        ],
        id="which_speaks_as_the_noun_it_hangs_on",
    ),
    pytest.param(
        "I told my neighbours that the library would close. Mr Hale said it would not.",
        [
            ("the author", "indirect", "the library would close", "clause.that", "author"),
            ("Hale", "indirect", "it would not", "clause.that", "mention.name"),
        ],
        id="i_in_the_narration_is_the_author",
    ),
    pytest.param(
        "WALLACE: Do you think the debate was fair to both of them?",
        [
            (
                "Wallace",
                "direct",
                "Do you think the debate was fair to both of them?",
                "transcript.name-colon",
                "mention.name",
            ),
        ],
        id="a_shouted_transcript_name_reads_as_a_name",
    ),
    pytest.param(
        "About 3 in 10 say they would back a longer school day.",
        [
            ("About 3 in 10", "indirect", "they would back a longer school day", "clause.that", "noun-phrase"),
        ],
        id="a_count_of_people_parsed_without_a_subject_still_speaks",
    ),
    pytest.param(
        "Judge Nora Vance heard the case. These old rulings, the lawyers said, “settle the matter” for the court.",
        [
            ("lawyers", "direct", "settle the matter", "direct.cue-before", "mention.role"),
        ],
        id="a_plural_role_is_a_group_not_the_person_named_nearby",
    ),
    pytest.param(
        "Farmer Tom Hale spoke after the vote. “Maria Lund is my choice for mayor,” he added.",
        [
            (
                "Tom Hale",
                "direct",
                "Maria Lund is my choice for mayor",
                "clause.opens-quotation",
                "pronoun.subject",
            ),
        ],
        id="a_pronoun_after_a_quote_is_not_the_person_named_inside_it",
    ),
    pytest.param(
        "The Harbour Board met on Monday. It said the pier was unsafe.",
        [("Harbour Board", "indirect", "the pier was unsafe", "clause.that", "pronoun.last-group")],
        id="it_is_the_last_organisation_mentioned",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speakers(attribute, text, expected):
    assert attribute(text) == expected


# The speakers a document ends with: (name, kind), sorted. One real entity is one speaker.
SPEAKER_SETS = [
    pytest.param(
        "Health Secretary Maya Lind visited the hospital on Monday.\nThe Health Secretary said the new wing would open soon.\nShe added that nurses would be hired.\nMs Lind said: “This is a good day.”",
        [("Maya Lind", "person")],
        id="titles_roles_and_pronouns_resolve_to_one_speaker",
    ),
    pytest.param(
        "Sir Oliver Grant met the unions today.\nThe Prime Minister said the strike must end.\nSir Oliver said: “We will talk again.”",
        [("Oliver Grant", "person")],
        id="unbound_title_goes_to_the_nearest_named_person",
    ),
    pytest.param(
        "France has rejected the proposal.\nParis suggested the plan could not work.\nThe European Commission said it would review the rules.",
        [("European Commission", "organisation"), ("Paris", "place")],
        id="places_and_organisations_speak",
    ),
    pytest.param(
        "A government source said the vote would be delayed.",
        [("government source", "anonymous")],
        id="anonymous_source_is_a_speaker_of_kind_unknown",
    ),
    pytest.param(
        "Lund's campaign manager, Kari Dahl, said the vote was close. Dahl added: “We have the numbers.”\nBerg's campaign manager, Ola Nes, said the count was early.",
        [("Kari Dahl", "person"), ("Ola Nes", "person")],
        id="a_possessed_role_in_apposition_is_that_person_and_no_one_else",
    ),
    pytest.param(
        "Ingrid Moe opened a third hotel in Bergen. The billionaire said the town needed more beds.",
        [("Ingrid Moe", "person")],
        id="an_epithet_refers_back_to_the_person_named_before",
    ),
    pytest.param(
        "A harbour survey shows that trade has doubled. Ferries run late, according to the survey.\nA council source said the budget was spent. The source added that the mayor knew.",
        [("A harbour survey", "document"), ("council source", "anonymous")],
        id="the_same_source_named_again_by_its_head_noun_is_one_speaker",
    ),
    pytest.param(
        "Secretary-General Ban Ki-moon said the deal would hold. Ki-moon added that more was needed.\nSenator Adam Varga said the panel had met. Varga said it would meet again.",
        [("Adam Varga", "person"), ("Ban Ki-moon", "person")],
        id="speaker_names_keep_hyphens_and_a_bare_surname_stays_the_person",
    ),
    pytest.param(
        "Judge Nora Vance heard the case. These old rulings, the lawyers said, “settle the matter” for the court.",
        [("lawyers", "group")],
        id="a_plural_role_is_a_group_not_the_person_named_nearby",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKER_SETS)
def test_one_speaker_per_entity(analyzer, text, expected):
    document = analyzer.analyze(text)
    assert sorted((s.name, s.kind) for s in document.speakers) == expected
