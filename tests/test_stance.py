"""Stance rules, one at a time, including cases where tone and stance disagree."""

import pytest


def stances(document):
    names = {s.id: s.name for s in document.speakers}
    topics = {t.id: t.label for t in document.topics}
    return {(names[s.speaker], topics[s.topic], s.label, s.rule) for s in document.stances}


def labels(document):
    return {(speaker, topic, label) for speaker, topic, label, _ in stances(document)}


def test_stance_verb_with_the_topic_as_object(analyse):
    document, _ = analyse(
        "The council published the congestion charge plan on Monday.\n"
        "Councillor Mia Hart said: “We oppose the congestion charge plan.”"
    )
    assert ("Mia Hart", "congestion charge plan", "against", "stance verb") in stances(document)


def test_negation_flips_a_stance_verb(analyse):
    document, _ = analyse(
        "The council published the parking levy plan.\n"
        "Councillor Joe Park said: “We will not support the parking levy plan.”"
    )
    assert ("Joe Park", "parking levy plan", "against") in labels(document)


def test_negative_tone_but_for_a_policy(analyse):
    # "crushing the cartels" sounds violent; the speaker is for that policy.
    document, _ = analyse(
        "Minister Ola Reed spoke after the raid.\n"
        "Ms Reed said: “The priority has to be crushing the cartels that flood our streets.”\n"
        "“We must keep crushing the cartels.”"
    )
    assert ("Ola Reed", "crushing the cartels", "favor") in labels(document)


def test_neutral_tone_but_for_the_target(analyse):
    document, _ = analyse("The harbour has no sea wall.\nHarbour master Ken Ito said: “You have to have a sea wall.”")
    assert ("Ken Ito", "sea wall", "favor", "necessity") in stances(document)


def test_copular_evaluation_resolves_it(analyse):
    document, _ = analyse("Asked about the Dover ferry scheme, Mr Sam Cole said: “It was a gimmick.”")
    assert ("Sam Cole", "Dover scheme", "against", "copular evaluation") in stances(document)


def test_reporting_frame_accusation_is_against_the_accused(analyse):
    document, _ = analyse("Senator Ray Cole accused Mayor Ann Lee of having “abandoned the farmers” last spring.")
    found = labels(document)
    assert any(speaker == "Ray Cole" and "Ann Lee" in topic and label == "against" for speaker, topic, label in found)
    # the accused's act is not the accuser's stance on farmers
    assert not any(speaker == "Ray Cole" and "farmers" in topic for speaker, topic, _ in found)


def test_pushing_back_against_claims_is_against_what_was_claimed(analyse):
    document, _ = analyse(
        "France has hit back at claims it could copy the Danish border scheme.\n"
        "France’s ambassador pushed back against the claims, though he said talks were continuing."
    )
    assert any(
        speaker.startswith("France’s ambassador") and "Danish" in topic and label == "against"
        for speaker, topic, label in labels(document)
    )


def test_evaluative_words_are_the_fallback(analyse):
    document, _ = analyse("Ms Ada Byrne said: “We have seen encouraging progress on housing.”")
    assert ("Ada Byrne", "progress", "favor", "evaluative words") in stances(document)


def test_contrast_lowers_the_score(analyse):
    plain, _ = analyse("Mr Tim Ash said: “The Leeds tram scheme is essential.”")
    hedged, _ = analyse("Mr Tim Ash said: “Although the Leeds tram scheme is essential, funding is short.”")
    score = lambda d: max(s.score for s in d.stances)  # noqa: E731
    assert plain.stances and hedged.stances
    assert score(hedged) < score(plain)


def test_no_stance_without_a_rule(analyse):
    document, _ = analyse("Mr Tim Ash said the Leeds tram scheme would be discussed on Tuesday.")
    assert document.stances == []


def test_polarity_toward_a_person_reads_the_words_about_them(analyzer):
    from tui.analysis.target_sentiment import polarity_toward

    doc = analyzer.nlp("Critics attacked Senator Brown for the failed budget.")
    assert polarity_toward(doc, 17, 29)[0] == -1
    doc = analyzer.nlp("Voters praised Senator Brown for the generous budget.")
    assert polarity_toward(doc, 15, 27)[0] == 1


def polarity_of(analyzer, sentence: str, mention: str) -> int:
    from tui.analysis.target_sentiment import polarity_toward

    start = sentence.index(mention)
    return polarity_toward(analyzer.nlp(sentence), start, start + len(mention))[0]


def test_news_of_trouble_is_bad_for_the_person_it_concerns(analyzer):
    # No sentiment word in VADER's sense: the news itself (an indictment) is what reads as negative.
    assert (
        polarity_of(
            analyzer, "Prosecutors indicted Mayor Delgado on Tuesday over the harbour contracts.", "Mayor Delgado"
        )
        == -1
    )


@pytest.mark.xfail(
    strict=True,
    reason="the model trained on NewsMTSC train reads 'defeated by X' as neutral (P(favour) - P(against) = 0.04); "
    "letting the parse rule win where it fires lowered rw-dev macro-F1 (0.721 -> 0.714..0.720), so it does not",
)
def test_the_winner_named_by_a_passive_is_read_favourably(analyzer):
    sentence = "The sitting councillor was soundly defeated by Priya Raman in the spring ballot."
    assert polarity_of(analyzer, sentence, "Priya Raman") == 1


def test_fighting_something_bad_speaks_well_of_the_fighter(analyzer):
    # Negative words all round, and good for the subject.
    sentence = "Judge Okafor successfully fought the corrupt and abusive contracts for years."
    assert polarity_of(analyzer, sentence, "Judge Okafor") == 1


def test_words_too_general_are_not_topics(analyse):
    document, _ = analyse("“The details are terrible and the result was awful,” said Ms Vale of the tram scheme.")
    labels = [topic.label.lower() for topic in document.topics]
    assert not any(word in label for label in labels for word in ("details", "result"))


def test_the_trained_model_weighs_what_is_said_of_the_person_not_the_whole_sentence(analyzer):
    # The sentence is full of bad news, but the mention is the one who stopped it.
    sentence = "Voters cheered Ana Ruiz after the corrupt harbour deal collapsed under her inquiry."
    assert polarity_of(analyzer, sentence, "Ana Ruiz") == 1
    assert polarity_of(analyzer, "Critics called Dale Orr a liar and a coward.", "Dale Orr") == -1


def test_the_weights_file_ships_with_the_package_and_reads_whole():
    from tui.analysis.target_sentiment import weights

    table = weights()
    assert "bias" in table and len(table) > 1000
    assert all(len(row) == 3 for row in table.values())
