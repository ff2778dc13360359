"""Stance toward people as well as policies, and the polarity hazards of issue 14: each case is a
sentence written for the test, with the stance a reader would give it."""

import pytest


def read(analyzer, text):
    """(speaker, topic, label) for every stance, and the stance records by that key."""
    document = analyzer.analyze(text)
    names = {s.id: s.name for s in document.speakers}
    topics = {t.id: t.label for t in document.topics}
    found = {(names[s.speaker], topics[s.topic], s.label): s for s in document.stances}
    return document, found


def test_a_person_is_a_target_and_a_reported_act_is_a_quote(analyzer):
    document, found = read(analyzer, "Mayor Lena Ortiz praised Kim Lowe and criticised Acme Builders.")
    assert set(found) == {("Lena Ortiz", "Kim Lowe", "favor"), ("Lena Ortiz", "Acme Builders", "against")}
    assert found[("Lena Ortiz", "Kim Lowe", "favor")].gist == "praised Kim Lowe"
    assert [q.kind for q in document.quotes] == ["act", "act"]


def test_coordinated_people_are_two_targets(analyzer):
    _, found = read(analyzer, "Ann Cole accused Tom Dale and Kim Lowe of “wasting public money”.")
    assert ("Ann Cole", "Tom Dale", "against") in found
    assert ("Ann Cole", "Kim Lowe", "against") in found
    assert not any("and" in topic for _, topic, _ in found)


def test_a_label_in_quote_marks_is_a_stance_toward_who_is_labelled(analyzer):
    document, found = read(analyzer, "Tom Dale called Kim Lowe “a disaster for the city”.")
    assert set(found) == {("Tom Dale", "Kim Lowe", "against")}
    assert found[("Tom Dale", "Kim Lowe", "against")].gist == "calls Kim Lowe ‘a disaster for the city’"
    assert [(q.kind, document.quote_text(q)) for q in document.quotes] == [
        ("label", "Kim Lowe “a disaster for the city”")
    ]


def test_premature_to_back_is_not_for(analyzer):
    _, found = read(analyzer, "Former mayor Tom Bell said it was premature to back the Leeds tram scheme.")
    assert [(s, label) for s, _, label in found] == [("Tom Bell", "against")]
    assert next(iter(found.values())).gist == "premature to back the Leeds tram scheme"


def test_refused_to_endorse_is_not_for(analyzer):
    _, found = read(analyzer, "Ms Ann Hart said: “I refused to endorse Kim Lowe, and I will not change my mind.”")
    assert set(found) == {("Ann Hart", "Kim Lowe", "against")}


def test_standing_up_to_someone_is_against_them(analyzer):
    _, found = read(analyzer, "Mark Hale said: “We will stand up to the gun lobby and its powerful friends.”")
    assert {label for _, _, label in found} == {"against"}
    assert ("Mark Hale", "gun lobby", "against") in found


def test_the_doer_of_a_wrong_is_who_the_speaker_is_against(analyzer):
    _, found = read(analyzer, "“The party bosses want to rig the convention,” said Ann Cole.")
    assert set(found) == {("Ann Cole", "party bosses", "against")}


def test_negation_turns_only_its_own_clause(analyzer):
    _, found = read(
        analyzer,
        "The council published the bus lane plan.\n"
        "Councillor Ann Lee said: “I don't know who wrote it, but we support the bus lane plan.”",
    )
    assert ("Ann Lee", "bus lane plan", "favor") in found


@pytest.mark.parametrize(
    "quote",
    ["Is the Leeds tram scheme a gimmick?", "Will anyone really oppose the Leeds tram scheme?"],
)
def test_a_question_takes_no_side(analyzer, quote):
    _, found = read(analyzer, f"“{quote}” asked Tom Bell.")
    assert found == {}


def test_a_concession_gives_no_side_toward_who_is_right(analyzer):
    _, found = read(
        analyzer,
        "“While Kim Lowe is right that the roads are busy, the Leeds tram scheme is a gimmick,” said Tom Bell.",
    )
    assert [(speaker, topic.split()[0], label) for speaker, topic, label in found] == [("Tom Bell", "Leeds", "against")]


def test_a_hedge_lowers_the_score_but_keeps_the_side(analyzer):
    _, plain = read(analyzer, "Tom Bell said: “The Leeds tram scheme is a disaster.”")
    _, hedged = read(analyzer, "Tom Bell said: “I think the Leeds tram scheme may be a disaster.”")
    (key, stance), (hedged_key, hedged_stance) = next(iter(plain.items())), next(iter(hedged.items()))
    assert (key[0], key[2]) == (hedged_key[0], hedged_key[2]) == ("Tom Bell", "against")
    assert "Leeds" in key[1] and "Leeds" in hedged_key[1]
    assert hedged_stance.score < stance.score


def test_paraphrases_of_one_action_are_one_stance(analyzer):
    _, found = read(
        analyzer,
        "Tom Bell spoke in Dover.\n“We will take down the gangs,” he said.\n“Taking down the gangs is essential.”",
    )
    assert [key for key in found if key[0] == "Tom Bell"] == [("Tom Bell", "Taking down the gangs", "favor")]
    assert len(found[("Tom Bell", "Taking down the gangs", "favor")].evidence) == 2


@pytest.mark.parametrize(
    "quote",
    ["They are fools.", "We need help.", "The recruiter's 'plan' is a joke."],
    ids=["evaluative word", "generic noun", "fragment"],
)
def test_what_is_never_a_topic(analyzer, quote):
    document = analyzer.analyze(f"Tom Bell said: “{quote}”")
    assert not {t.label.lower() for t in document.topics} & {"fools", "help", "joke", "' plan", "recruiter ' plan"}


def test_premature_in_quote_marks_is_against_the_person_whose_campaign_it_is(analyzer):
    _, found = read(analyzer, 'Tom Bell said it was "premature" to back Kim Lowe\'s campaign.')
    assert set(found) == {("Tom Bell", "Kim Lowe", "against")}


def test_the_doer_of_a_wrong_in_a_mixed_quote(analyzer):
    _, found = read(analyzer, 'Ann Cole said the establishment "would work overtime to steal that nomination."')
    assert set(found) == {("Ann Cole", "establishment", "against")}


def test_the_model_reads_praise_no_rule_knows_and_says_it_in_plain_words(analyzer):
    _, found = read(
        analyzer, "Tom Bell said: “Kim Lowe is a brilliant, honest leader who has done wonderful work for this city.”"
    )
    assert set(found) == {("Tom Bell", "Kim Lowe", "favor")}
    stance = found[("Tom Bell", "Kim Lowe", "favor")]
    assert stance.rule == "model"
    assert stance.gist == "speaks well of Kim Lowe: ‘Kim Lowe is a brilliant, honest … wonderful work for this city’"


def test_someone_elses_act_inside_a_quote_is_no_side_toward_whom_it_is_done_to(analyzer):
    # The insult is Kim Lowe's act: the speaker is not against the nurses.
    _, found = read(
        analyzer,
        "“They keep showing videos of Kim Lowe insulting the nurses of Leeds General Infirmary,” said Tom Bell.",
    )
    assert not [key for key in found if key[1] != "Kim Lowe"]


def test_where_something_happened_is_no_target_of_the_model(analyzer):
    _, found = read(analyzer, "“We lost four brave soldiers at Dunkirk and we mourn them,” said Tom Bell.")
    assert not [key for key in found if "Dunkirk" in key[1]]


def test_a_verb_whose_doer_is_named_by_for_to_is_not_the_speakers_act(analyzer):
    # Kim Lowe praises the scheme; the speaker does not.
    _, found = read(
        analyzer,
        "“For Kim Lowe to both defend that and to praise the Leeds tram scheme despite the cost raises "
        "serious questions,” said Tom Bell.",
    )
    assert not [key for key in found if "Leeds" in key[1]]


def test_a_target_label_keeps_the_adjective_that_says_which(analyzer):
    _, found = read(analyzer, "Ms Ann Hart said: “We want a pro-life majority on the Supreme Court.”")
    assert ("Ann Hart", "pro-life majority", "favor") in found
    _, found = read(analyzer, "Tom Bell said: “We will protect the American middle class.”")
    assert ("Tom Bell", "American middle class", "favor") in found


@pytest.mark.parametrize(
    "quote",
    ["We need steady hands.", "Your friend is just amazing.", "You have to be paying attention."],
    ids=["hands", "friend", "paying attention"],
)
def test_vague_and_figurative_nouns_are_no_targets(analyzer, quote):
    _, found = read(analyzer, f"Tom Bell said: “{quote}”")
    assert found == {}


def test_it_is_not_a_policy_when_something_else_was_named_since(analyzer):
    _, found = read(
        analyzer,
        "Tom Bell walked off the set of a Sky News program after arguing with the host about the Leeds attack. "
        "Mr. Bell argued it was both a terrorist attack and a hate crime.",
    )
    assert not [key for key in found if "program" in key[1]]


def test_she_is_a_liar_is_against_the_one_person_named_before(analyzer):
    _, found = read(analyzer, "Tom Bell spoke about Kim Lowe on Monday.\n“She is a liar and a coward,” he said.")
    assert set(found) == {("Tom Bell", "Kim Lowe", "against")}
    assert found[("Tom Bell", "Kim Lowe", "against")].gist == "calls Kim Lowe ‘a liar and a coward’"
    _, found = read(
        analyzer, "Tom Bell spoke about Kim Lowe and Ann Hart on Monday.\n“She is a liar and a coward,” he said."
    )
    assert found == {}  # two people named: who "she" is stays open


def test_wanting_leaders_who_stand_up_to_someone_is_against_them(analyzer):
    _, found = read(analyzer, "“We need leaders who will stand up to the gun lobby,” said Tom Bell.")
    assert ("Tom Bell", "gun lobby", "against") in found
    _, found = read(analyzer, "“The leaders who oppose the Leeds tram scheme are fools,” said Tom Bell.")
    assert not [key for key in found if "Leeds" in key[1]]


def test_hardly_ever_turns_a_stance_verb_and_the_gist_says_so(analyzer):
    _, found = read(analyzer, "Tom Bell said: “I hardly ever advise investing in a golf course.”")
    assert set(found) == {("Tom Bell", "golf course", "against")}
    assert found[("Tom Bell", "golf course", "against")].gist == "hardly ever advise investing in a golf course"


def test_words_quoted_inside_the_quote_are_someone_elses(analyzer):
    _, found = read(
        analyzer,
        "“I don’t think you hear her on the campaign trail saying, ‘I love the Leeds tram scheme,’” said Tom Bell.",
    )
    assert found == {}


def test_a_headline_misread_as_a_name_is_no_target(analyzer):
    document = analyzer.analyze(
        "Clinton Says Russians Hacked DNC, Calls Trump’s Putin Remarks ‘Troubling.’\n“It is troubling,” Clinton said."
    )
    assert not [t.label for t in document.topics if "‘" in t.label]
    assert document.stances == []


def test_a_place_before_a_persons_title_is_not_the_object(analyzer):
    _, found = read(analyzer, "Kim Lowe said: “We dismissed Wisconsin Gov. Scott Walker as an ineffective leader.”")
    assert set(found) == {("Kim Lowe", "Scott Walker", "against")}


def test_not_just_a_failure_but_a_catastrophe_is_against(analyzer):
    _, found = read(analyzer, "“The Leeds tram scheme has been not just a failure, but a catastrophe,” said Tom Bell.")
    assert [(speaker, label) for speaker, _, label in found] == [("Tom Bell", "against")]
    _, found = read(analyzer, "“The Leeds tram scheme has not been a failure,” said Tom Bell.")
    assert [(speaker, label) for speaker, _, label in found] == [("Tom Bell", "favor")]
