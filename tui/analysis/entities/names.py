"""Gathering named mentions: people by their name parts, then organisations, places and groups."""

from __future__ import annotations

import re

from spacy.tokens import Span

from tui.analysis import lexicons
from tui.analysis.entities.mentions import (
    POSSESSIVE,
    SUBJECT,
    Cluster,
    Mentions,
    anonymous_nouns,
    norm,
    place_aliases,
    role_nouns,
    strip_possessive,
    surname,
    titles,
)

ORGANISATION_NOUNS = lexicons.words("organisation_nouns.txt")
PERSON_NOUNS = lexicons.words("person_nouns.txt")

_ENTITY_KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "NORP": "group",
    "FAC": "place",
}


def gather_names(m: Mentions) -> None:
    """People: the PERSON entities (and titled names the tagger called organisations), clustered by their parts."""
    titled: list[set[str]] = []  # read only when an organisation's name may be a person's
    people = [
        ent
        for ent in m.ents
        if (ent.label_ == "PERSON" or m.titled_name(ent) or _person_called_organisation(m, ent, titled))
        and not _organisation_s_first_word(m, ent)
    ]
    # Full names first, so that "Sir Keir" finds "Keir Starmer" wherever it stands.
    prepared = [(ent, *m.name_span(ent.start, ent.end)) for ent in people]
    prepared = [p for p in prepared if p[3]]
    for _ent, start, end, words, gender in sorted(prepared, key=lambda p: (-len(p[3]), p[1])):
        if len(words) < 2:
            continue
        cluster = m.person_cluster(words, m.doc[start].idx)
        cluster.gender = cluster.gender or gender
        m.register(cluster, start, end, person=True)
    for _ent, start, end, words, gender in sorted(prepared, key=lambda p: p[1]):
        if len(words) >= 2:
            continue
        cluster = m.person_cluster(words, m.doc[start].idx, gender)
        cluster.gender = cluster.gender or gender
        m.register(cluster, start, end, person=True)
    # Other entity types spelling a known person's full name ("Yvette Cooper" as WORK_OF_ART).
    full = {" ".join(c.names).lower(): c for c in m.clusters if c.kind == "person" and len(c.names) > 1}
    for ent in m.ents:
        if ent.label_ != "PERSON" and norm(ent.text) in full and ent.start not in m.by_token:
            m.register(full[norm(ent.text)], ent.start, ent.end, person=True)


def _titled_words(m: Mentions, titled: list[set[str]]) -> set[str]:
    """The words written after a title anywhere in the article ("D’Souza" of "Mr. D’Souza"),
    read once into `titled`."""
    if not titled:
        names = "|".join(re.escape(t.capitalize()) for t in sorted(titles(), key=len, reverse=True))
        found = re.finditer(rf"\b(?:{names})(?<=\w|\.)\s+([^\s,;:!?“”\"]+)", m.text)
        titled.append({strip_possessive(f.group(1).rstrip(".")) for f in found})
    return titled[0]


def _person_called_organisation(m: Mentions, ent: Span, titled: list[set[str]]) -> bool:
    """A person's name the tagger called an organisation: "bestselling author Dinesh D’Souza"
    (a person noun before it), "Sant Singh Chatwal, a hotelier," (one set in apposition after
    it), or a name whose last word the article writes after a title ("Mr. D’Souza")."""
    words = [t for t in ent if t.text not in POSSESSIVE and not t.is_punct]
    if ent.label_ != "ORG" or not 2 <= len(words) <= 3 or not all(t.text[:1].isupper() for t in words):
        return False
    if words[0].lower_ == "the" or (ent.start > 0 and m.doc[ent.start - 1].lower_ == "the"):
        return False  # "The American Legion": no one's name takes "the"
    if any(t.lower_ in ORGANISATION_NOUNS for t in words):
        return False  # "Harbour Trust", "Lakeside Police"
    people = role_nouns() | PERSON_NOUNS | anonymous_nouns()
    before = m.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.is_lower and before.lemma_ in people and before.dep_ in ("compound", "amod"):
        return True
    root = ent.root
    for appos in root.children:
        if appos.dep_ == "appos" and appos.lemma_.lower() in people and m.doc[appos.left_edge.i - 1].text == ",":
            return True
    return words[-1].text in _titled_words(m, titled) or _called_he_or_she(m, words[-1].text)


def _called_he_or_she(m: Mentions, word: str) -> bool:
    """Whether the article makes this word alone a subject and then says "he" or "she" in the
    same sentence, naming no person there ("Chatwal was clearly trying …; indeed, he had …")."""
    for found in re.finditer(rf"\b{re.escape(word)}\b", m.text):
        span = m.doc.char_span(found.start(), found.end())
        if span is None or len(span) != 1 or span[0].dep_ not in SUBJECT or span[0].i in m.by_token:
            continue
        if any(c.dep_ in ("compound", "det", "amod") for c in span[0].children):
            continue  # "The American Legion … his campaign": the name in full, not the word alone
        sentence = span[0].sent
        personal = any(t.i > span[0].i and t.lower_ in ("he", "she", "his", "her", "him") for t in sentence)
        if personal and not any(e.label_ == "PERSON" for e in sentence.ents):
            return True
    return False


def gather_untagged_names(m: Mentions) -> None:
    """A known person's surname or first name the tagger left untagged, took for a common noun
    or gave another type ("Chatwal pleaded guilty" after "Sant Singh Chatwal", "Dahl added",
    "Megyn was incredulous" after "Megyn Kelly"): a mention of that person, so that a pronoun
    after it finds its subject. Found in the text first, so only those words are looked at."""
    people = [c for c in m.clusters if c.kind == "person" and c.names]
    known = {w for c in people for w in (surname(c.names), c.names[0]) if w[:1].isupper()}
    if not known:
        return
    kinds = set(_ENTITY_KINDS)
    pattern = r"\b(?:" + "|".join(re.escape(w) for w in sorted(known, key=len, reverse=True)) + r")\b"
    for found in re.finditer(pattern, m.text):
        span = m.doc.char_span(found.start(), found.end())
        token = span[0] if span is not None and len(span) == 1 else None
        if token is None or token.pos_ not in ("PROPN", "NOUN") or token.i in m.by_token or token.ent_type_ in kinds:
            continue
        if token.dep_ == "compound" or any(c.dep_ == "compound" for c in token.children):
            continue
        if token.is_sent_start and re.search(r"\b" + re.escape(token.lower_) + r"\b", m.text):
            continue  # "Price rose": a common word capitalised by its place
        if any(start <= token.idx < end for start, end in m.quoted):
            continue  # “Only you, Dinesh,” she said: a name called out, not the narration's subject
        person = m.known_surname(token.text) or _known_first_name(m, token.text)
        if person is not None:
            m.register(person, token.i, token.i + 1, person=True)


def _known_first_name(m: Mentions, word: str) -> Cluster | None:
    """The one person named with this first name, when no one bears it as a surname."""
    people = [c for c in m.clusters if c.kind == "person" and c.names]
    if any(c.names[-1].lower() == word.lower() for c in people):
        return None
    named = [c for c in people if len(c.names) > 1 and c.names[0].lower() == word.lower()]
    return named[0] if len(named) == 1 else None


def _organisation_s_first_word(m: Mentions, ent: Span) -> bool:
    """A one-word "person" that is the first word of an organisation the article names and of no
    person's name ("Fox" after "Fox News"): the tagger's slip for the organisation."""
    if ent.label_ != "PERSON" or len(ent) != 1:
        return False
    word = ent.text.lower()
    organisations = [e for e in m.ents if e.label_ == "ORG" and len(e) > 1 and e[0].lower_ == word]
    people = [e for e in m.ents if e.label_ == "PERSON" and len(e) > 1 and word in e.text.lower().split()]
    return bool(organisations) and not people


def _display(ent: Span) -> str:
    return strip_possessive(ent.text.removeprefix("the ").removeprefix("The "))


def _short_forms(m: Mentions) -> dict[str, tuple[str, str]]:
    """Organisation names the article shortens: "times" -> "new york times" when it names exactly
    one organisation ending in those words ("fox" -> "fox news": one starting with that word). Key -> (the full key, its display)."""
    full: dict[str, str] = {}
    for ent in m.ents:
        if ent.label_ == "ORG" and norm(ent.text):
            full.setdefault(norm(ent.text), _display(ent))
    short: dict[str, tuple[str, str]] = {}
    for key in full:
        longer = [k for k in full if k != key and k.endswith(" " + key)]
        if not longer and " " not in key:
            longer = [k for k in full if k.startswith(key + " ")]  # "Fox" for "Fox News"
        if len(longer) == 1:
            short[key] = (longer[0], full[longer[0]])
    return short


def gather_places_and_organisations(m: Mentions) -> None:
    """Organisations, places and groups: one cluster per name (a capital stands for its country;
    "the Times" is the New York Times named before; "Fox" is Fox News)."""
    aliases = place_aliases()
    short = _short_forms(m)
    by_key: dict[tuple[str, str], Cluster] = {}
    for ent in m.ents:
        kind = _ENTITY_KINDS.get(ent.label_)
        if _organisation_s_first_word(m, ent):
            kind = "organisation"
        if kind in (None, "person") or any(t.i in m.by_token for t in ent):
            continue
        key = norm(ent.text)
        if not key:
            continue
        person = m.known_surname(ent.text) if kind in ("organisation", "place") and len(ent) == 1 else None
        if person is not None:
            m.register(person, ent.start, ent.end, person=True)  # "Schiff" after "Adam Schiff"
            continue
        display = _display(ent)
        if ent.label_ == "PERSON":  # "Fox" as a person: the organisation it starts
            whole = next(e for e in m.ents if e.label_ == "ORG" and len(e) > 1 and e[0].lower_ == key)
            key, display = norm(whole.text), _display(whole)
        if kind == "place":
            key = aliases.get(key, key)
        elif key in short:
            key, display = short[key]
        cluster = by_key.get((kind, key))
        if cluster is None:
            cluster = Cluster(kind=kind, names=[key], display=display)
            by_key[(kind, key)] = cluster
            m.clusters.append(cluster)
        m.register(cluster, ent.start, ent.end, person=False)
