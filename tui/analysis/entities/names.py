"""Gathering named mentions: people by their name parts, then organisations, places and groups."""

from __future__ import annotations

from tui.analysis.entities.mentions import Cluster, Mentions, norm, place_aliases, strip_possessive

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
    people = [ent for ent in m.doc.ents if ent.label_ == "PERSON" or m.titled_name(ent)]
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
        cluster = m.person_cluster(words, m.doc[start].idx)
        cluster.gender = cluster.gender or gender
        m.register(cluster, start, end, person=True)
    # Other entity types spelling a known person's full name ("Yvette Cooper" as WORK_OF_ART).
    full = {" ".join(c.names).lower(): c for c in m.clusters if c.kind == "person" and len(c.names) > 1}
    for ent in m.doc.ents:
        if ent.label_ != "PERSON" and norm(ent.text) in full and ent.start not in m.by_token:
            m.register(full[norm(ent.text)], ent.start, ent.end, person=True)


def gather_places_and_organisations(m: Mentions) -> None:
    """Organisations, places and groups: one cluster per name (a capital stands for its country)."""
    aliases = place_aliases()
    by_key: dict[tuple[str, str], Cluster] = {}
    for ent in m.doc.ents:
        kind = _ENTITY_KINDS.get(ent.label_)
        if kind in (None, "person") or any(t.i in m.by_token for t in ent):
            continue
        key = norm(ent.text)
        if not key:
            continue
        person = m.known_surname(ent.text) if kind == "organisation" and len(ent) == 1 else None
        if person is not None:
            m.register(person, ent.start, ent.end, person=True)  # "Schiff" after "Adam Schiff"
            continue
        if kind == "place":
            key = aliases.get(key, key)
        cluster = by_key.get((kind, key))
        if cluster is None:
            cluster = Cluster(
                kind=kind,
                names=[key],
                display=strip_possessive(ent.text.removeprefix("the ").removeprefix("The ")),
            )
            by_key[(kind, key)] = cluster
            m.clusters.append(cluster)
        m.register(cluster, ent.start, ent.end, person=False)
