"""From mentions to speakers: one speaker per real person or organisation.

Names are gathered from the entities spaCy finds and clustered by their
parts ("Sir Keir Starmer", "Sir Keir", "Mr Starmer" are one person). Roles
bound to a name ("Home Secretary Yvette Cooper", "Cooper, the Home
Secretary") make a later "the Home Secretary" that person; an unbound
definite role ("the Prime Minister") goes to the nearest named person who
holds no other role. Pronouns go to the nearest earlier person of a
compatible gender. Capitals stand for their countries ("Berlin suggested").
Unnamed sources ("a government source") are speakers of kind unknown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tui.analysis import lexicons
from tui.analysis.marks import Marked
from tui.analysis.quotes import Attribution
from tui.model import Speaker

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
OTHER_PRONOUNS = {"they", "them", "it", "we"}
AUTHOR = "the author"  # who "I" is outside quotation marks
_ENTITY_KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "NORP": "group",
    "FAC": "place",
}
_QUALIFIERS = {"former", "current", "then", "acting", "new", "outgoing", "incoming", "interim", "deputy"}
_POSSESSIVE = ("’s", "'s", "’", "'")


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    return dict(line.split("\t") for line in lexicons.read("titles.txt"))


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    return frozenset(lexicons.read("roles.txt"))


@lru_cache(maxsize=1)
def anonymous_nouns() -> frozenset[str]:
    return frozenset(lexicons.read("anonymous.txt"))


@lru_cache(maxsize=1)
def place_aliases() -> dict[str, str]:
    return dict(line.split("\t") for line in lexicons.read("places.tsv"))


@dataclass
class Cluster:
    """One real entity while we gather its mentions."""

    kind: str
    names: list[str] = field(default_factory=list)  # name parts for people, keys otherwise
    display: str = ""
    gender: str = ""
    roles: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    quoted: int = 0
    first_speaker_name: str = ""

    def add(self, start: int, end: int) -> None:
        self.mentions.append((start, end))


def _strip_possessive(text: str) -> str:
    for suffix in _POSSESSIVE:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text


def _norm(text: str) -> str:
    words = _strip_possessive(text.strip()).lower().replace("’", "'").split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


class SpeakerResolver:
    """Clusters the mentions in one document and resolves each quote's speaker."""

    def __init__(self, doc: Doc, marks: Sequence[Marked] = ()):
        self.doc = doc
        self.text = doc.text
        self.clusters: list[Cluster] = []
        self.by_token: dict[int, Cluster] = {}  # token index -> cluster of the mention covering it
        self.spans: dict[int, tuple[int, int]] = {}  # token index -> mention span
        self.person_mentions: list[tuple[int, Cluster]] = []  # (char offset, cluster), text order
        # Quoted stretches: people named there are talked about, not the narration's "he".
        self.quoted = [(m.open, m.close if m.close is not None else m.end) for m in marks]
        self._gather_names()
        self._gather_places_and_organisations()
        self._gather_roles()
        self.person_mentions.sort(key=lambda item: item[0])

    # --- names -----------------------------------------------------------
    def _name_span(self, first: int, end: int) -> tuple[int, int, list[str], str]:
        """Token range of a person's name with its title, the bare name parts and gender.

        Role words the tagger folded into the name ("Farmer Alan Price") are left out.
        """
        parts = [t for t in self.doc[first:end] if not t.is_punct and t.text not in _POSSESSIVE]
        while len(parts) > 2 and parts[0].lower_ in role_nouns() | _QUALIFIERS:
            parts = parts[1:]
        start = parts[0].i if parts else first
        gender = ""
        while parts and parts[0].lower_ in titles():
            gender = gender or titles()[parts[0].lower_]
            parts = parts[1:]
        if start > 0 and self.doc[start - 1].lower_ in titles() and self.doc[start - 1].is_title:
            start -= 1
            gender = gender or titles()[self.doc[start].lower_]
        words: list[str] = []
        for token in parts:
            hyphen = self.doc[token.i - 1] if token.i > 0 else None
            if (
                words
                and hyphen is not None
                and hyphen.text == "-"
                and not hyphen.whitespace_
                and not self.doc[hyphen.i - 1].whitespace_
            ):
                words[-1] += "-" + _strip_possessive(token.text)  # "Ban Ki-moon", "Ocasio-Cortez"
            else:
                words.append(_strip_possessive(token.text))
        return start, end, words, gender.strip("-")

    def _titled_name(self, ent: Span) -> bool:
        """An entity mis-tagged as an organisation that reads as "Farmer Alan Price" or "Mr Lund"."""
        words = [t for t in ent if not t.is_punct]
        return (
            len(words) >= 2
            and (words[0].lower_ in titles() or words[0].lower_ in role_nouns())
            and all(t.pos_ == "PROPN" and t.is_title for t in words[1:])
            and len(words) <= 4
        )

    def _person_cluster(self, words: list[str], offset: int) -> Cluster:
        key = [w.lower() for w in words]
        people = [c for c in self.clusters if c.kind == "person" and c.names]
        if len(key) >= 2:
            for cluster in people:
                names = [n.lower() for n in cluster.names]
                if names[-1] == key[-1] and (len(names) == 1 or names[0] == key[0] or len(key) == 1):
                    if len(key) > len(cluster.names):
                        cluster.names = list(words)
                    return cluster
        else:
            last = [c for c in people if c.names[-1].lower() == key[0]]
            first = [c for c in people if len(c.names) > 1 and c.names[0].lower() == key[0]]
            for candidates in (last, first):
                if candidates:
                    return self._nearest(candidates, offset)
        cluster = Cluster(kind="person", names=list(words))
        self.clusters.append(cluster)
        return cluster

    def _nearest(self, candidates: list[Cluster], offset: int) -> Cluster:
        def distance(cluster: Cluster) -> int:
            earlier = [s for s, _ in cluster.mentions if s <= offset]
            return offset - max(earlier) if earlier else 10**9

        return min(candidates, key=distance)

    def _register(self, cluster: Cluster, token_start: int, token_end: int, person: bool) -> None:
        start = self.doc[token_start].idx
        last = self.doc[token_end - 1]
        if last.text in _POSSESSIVE and token_end - 1 > token_start:
            last = self.doc[token_end - 2]  # "Starmer ’s": the mention ends at the name
        end = last.idx + len(_strip_possessive(last.text))
        cluster.add(start, end)
        for index in range(token_start, token_end):
            self.by_token[index] = cluster
            self.spans[index] = (start, end)
        if person:
            self.person_mentions.append((start, cluster))

    def _gather_names(self) -> None:
        people = [ent for ent in self.doc.ents if ent.label_ == "PERSON" or self._titled_name(ent)]
        # Full names first, so that "Sir Keir" finds "Keir Starmer" wherever it stands.
        prepared = [(ent, *self._name_span(ent.start, ent.end)) for ent in people]
        prepared = [p for p in prepared if p[3]]
        for _ent, start, end, words, gender in sorted(prepared, key=lambda p: (-len(p[3]), p[1])):
            if len(words) < 2:
                continue
            cluster = self._person_cluster(words, self.doc[start].idx)
            cluster.gender = cluster.gender or gender
            self._register(cluster, start, end, person=True)
        for _ent, start, end, words, gender in sorted(prepared, key=lambda p: p[1]):
            if len(words) >= 2:
                continue
            cluster = self._person_cluster(words, self.doc[start].idx)
            cluster.gender = cluster.gender or gender
            self._register(cluster, start, end, person=True)
        # Other entity types spelling a known person's full name ("Yvette Cooper" as WORK_OF_ART).
        full = {" ".join(c.names).lower(): c for c in self.clusters if c.kind == "person" and len(c.names) > 1}
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" and _norm(ent.text) in full and ent.start not in self.by_token:
                self._register(full[_norm(ent.text)], ent.start, ent.end, person=True)

    # --- organisations and places -----------------------------------------
    def _gather_places_and_organisations(self) -> None:
        aliases = place_aliases()
        by_key: dict[tuple[str, str], Cluster] = {}
        for ent in self.doc.ents:
            kind = _ENTITY_KINDS.get(ent.label_)
            if kind in (None, "person") or any(t.i in self.by_token for t in ent):
                continue
            key = _norm(ent.text)
            if not key:
                continue
            person = self._known_surname(ent.text) if kind == "organisation" and len(ent) == 1 else None
            if person is not None:
                self._register(person, ent.start, ent.end, person=True)  # "Schiff" after "Adam Schiff"
                continue
            if kind == "place":
                key = aliases.get(key, key)
            cluster = by_key.get((kind, key))
            if cluster is None:
                cluster = Cluster(
                    kind=kind,
                    names=[key],
                    display=_strip_possessive(ent.text.removeprefix("the ").removeprefix("The ")),
                )
                by_key[(kind, key)] = cluster
                self.clusters.append(cluster)
            self._register(cluster, ent.start, ent.end, person=False)

    # --- roles --------------------------------------------------------------
    def _role_words(self, tokens: list[Token]) -> str:
        words = [
            t.lower_
            for t in tokens
            if not t.is_punct and t.lower_ not in _QUALIFIERS and t.lower_ not in ("the", "a", "an")
        ]
        return " ".join(words)

    def _gather_roles(self) -> None:
        roles = role_nouns()
        bound: dict[str, Cluster] = {}
        # Roles bound to a name: "Home Secretary Yvette Cooper", "Cooper, the Home Secretary".
        for cluster in [c for c in self.clusters if c.kind == "person"]:
            for start, _ in list(cluster.mentions):
                first = self.doc.char_span(start, start + 1, alignment_mode="expand")
                if first is None:
                    continue
                index = first.start
                while index > 0 and self.doc[index - 1].lower_ in titles():
                    index -= 1
                words: list[Token] = []
                cursor = index - 1
                while cursor >= 0 and self._role_modifier(self.doc[cursor], cluster):
                    words.insert(0, self.doc[cursor])
                    cursor -= 1
                if words and words[-1].lower_ in roles:
                    role = self._role_words(words)
                    if role and role not in bound:
                        bound[role] = cluster
                        cluster.roles.add(role)
                root = self.doc[first.start].head if self.doc[first.start].dep_ == "compound" else self.doc[first.start]
                for child in root.children:
                    if child.dep_ == "appos" and child.lemma_.lower() in roles:
                        role = self._role_words(
                            [t for t in child.subtree if t.i <= child.i and t.i not in self.by_token]
                        )
                        if role and role not in bound:
                            bound[role] = cluster
                            cluster.roles.add(role)
                if root.dep_ == "appos" and root.head.lemma_.lower() in roles:
                    head = root.head
                    if any(c.dep_ == "poss" for c in head.children):
                        # "Clinton's campaign manager, Robby Mook": this phrase is Mook; the role is
                        # not bound for the article (Trump's campaign manager is someone else).
                        self._register_role(cluster, head.left_edge.i, head.i + 1)
                        continue
                    role = self._role_words([t for t in head.subtree if t.i <= head.i])
                    if role and role not in bound:
                        bound[role] = cluster
                        cluster.roles.add(role)
        self.person_mentions.sort(key=lambda item: item[0])
        # Role mentions: "the Prime Minister", "Germany's ambassador to the UK", "a government source".
        own: dict[str, Cluster] = {}
        for chunk in self.doc.noun_chunks:
            root = chunk.root
            if root.i in self.by_token or root.pos_ not in ("NOUN", "PROPN"):
                continue
            if root.lemma_.lower() not in roles and root.lower_ not in roles:
                continue
            if any(self._names_someone_else(t) for t in chunk if t.i < root.i):
                continue  # "Elizabeth Warren Hammers Wells Fargo CEO" (a headline) is not a CEO's title
            tokens = [t for t in chunk if t.i <= root.i]
            determiners = [t for t in tokens if t.dep_ == "det"]
            possessed = any(t.dep_ == "poss" for t in tokens)
            role = self._role_words([t for t in tokens if t.dep_ not in ("det", "poss", "case")])
            anonymous = root.lemma_.lower() in anonymous_nouns() or root.lower_ in anonymous_nouns()
            start = chunk.start
            end = self._role_end(root)
            definite = all(t.lower_ == "the" for t in determiners) and determiners and not possessed
            plural = root.tag_ in ("NNS", "NNPS")  # "the lawyers said": a group, never one person's role
            if role in bound and not plural:
                cluster = bound[role]
            elif (
                definite
                and not anonymous
                and not plural
                and (cluster := self._holder(role, self.doc[start].idx)) is not None
            ):
                bound[role] = cluster
                cluster.roles.add(role)
            else:
                key = _norm(self.text[self.doc[start].idx : self.doc[end - 1].idx + len(self.doc[end - 1].text)])
                owner = " ".join(t.lower_ for t in tokens if t.dep_ == "poss")
                short = (root.lemma_.lower(), _strip_possessive(owner)) if possessed else (key, "")
                cluster = own.get(str(short))
                if cluster is None and definite and anonymous:
                    # "The source added …" after "a government source said …": the same source.
                    cluster = _latest_with_head(list(own.values()), root.lower_)
                if cluster is None:
                    display = self.text[self.doc[start].idx : self.doc[end - 1].idx + len(self.doc[end - 1].text)]
                    if determiners and not possessed and display.split()[0].lower() in ("the", "a", "an"):
                        display = display.split(" ", 1)[1] if " " in display else display
                    kind = "unknown" if anonymous else "group" if plural else "person"
                    cluster = Cluster(kind=kind, names=[], display=display)
                    own[str(short)] = cluster
                    self.clusters.append(cluster)
            self._register_role(cluster, start, end)

    def _names_someone_else(self, token: Token) -> bool:
        """A known person's name inside a role phrase, other than as its owner ("Trump's aide")."""
        cluster = self.by_token.get(token.i)
        if cluster is None or cluster.kind != "person":
            return False
        while token.dep_ == "compound" and token.head.i != token.i:
            token = token.head
        return token.dep_ != "poss"

    def _role_modifier(self, token: Token, person: Cluster) -> bool:
        """A word of the role before a name: "Home" and "Secretary" in "Home Secretary Yvette Cooper"."""
        if token.dep_ not in ("compound", "amod", "nmod") or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return False
        owner = self.by_token.get(token.i)
        # The tagger often makes "Home" of "Home Secretary" an organisation; it still names the role.
        return owner is None or owner is person or owner.kind == "organisation"

    def _role_end(self, root: Token) -> int:
        """The end of a role phrase: the noun and a short 'to the UK' / 'for X' after it."""
        end = root.i + 1
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ in ("to", "for", "of", "at") and child.i == end:
                end = child.right_edge.i + 1
                if any(t.text in ",;" for t in self.doc[child.i : end]):
                    end = child.i
                break
        return end

    def _register_role(self, cluster: Cluster, start: int, end: int) -> None:
        span_start = self.doc[start].idx
        last = self.doc[end - 1]
        span_end = last.idx + len(last.text)
        # Mentions nested inside the role phrase (Germany in "Germany's ambassador") yield to it.
        for other in self.clusters:
            if other is not cluster:
                other.mentions = [m for m in other.mentions if not (span_start <= m[0] and m[1] <= span_end)]
        self.person_mentions = [
            (o, c) for o, c in self.person_mentions if not (span_start <= o < span_end) or c is cluster
        ]
        cluster.add(span_start, span_end)
        for index in range(start, end):
            self.by_token[index] = cluster
            self.spans[index] = (span_start, span_end)
        if cluster.kind in ("person", "unknown"):
            self.person_mentions.append((span_start, cluster))
            self.person_mentions.sort(key=lambda item: item[0])

    def _holder(self, role: str, offset: int) -> Cluster | None:
        """Who an unbound definite role refers to: the nearest named person holding no other role."""

        def free(cluster: Cluster) -> bool:
            return cluster.kind == "person" and bool(cluster.names) and (not cluster.roles or role in cluster.roles)

        earlier = [c for o, c in self.person_mentions if o < offset and free(c)]
        if earlier:
            return earlier[-1]
        later = [c for o, c in self.person_mentions if o > offset and free(c)]
        return later[0] if later else None

    # --- quotes ---------------------------------------------------------------
    def resolve(self, token: Token) -> tuple[Cluster, tuple[int, int]] | None:
        """The speaker cluster and mention span for the token a quote hangs on."""
        if token.i in self.by_token:
            return self.by_token[token.i], self.spans[token.i]
        if token.tag_ in ("WDT", "WP") and token.head.dep_ == "relcl" and token.head.head.i != token.i:
            found = self.resolve(token.head.head)  # "the panel, which said …": the panel
            if found is not None:
                span = (token.idx, token.idx + len(token.text))
                found[0].add(*span)
                return found[0], span
        named = self._named_in_title(token)
        if named is not None:
            return self.by_token[named.i], self.spans[named.i]
        lower = token.lower_
        span = (token.idx, token.idx + len(token.text))
        if lower == "i":
            # "I" in the narration is the writer of a first-person piece.
            author = next((c for c in self.clusters if c.display == AUTHOR), None)
            if author is None:
                author = Cluster(kind="person", display=AUTHOR)
                self.clusters.append(author)
            author.add(*span)
            return author, span
        if lower in PERSON_PRONOUNS or lower in OTHER_PRONOUNS:
            cluster = self._antecedent(token)
            if cluster is not None:
                cluster.add(*span)
                return cluster, span
            return None
        # A known person's name the tagger took for a common noun: "Dahl added".
        person = self._known_surname(token.text) if token.text[:1].isupper() and token.pos_ == "NOUN" else None
        if person is not None:
            person.add(*span)
            return person, span
        # A name spaCy did not tag: a proper noun with its compounds.
        if token.pos_ == "PROPN":
            left = token.i
            while left > 0 and self.doc[left - 1].dep_ == "compound" and self.doc[left - 1].pos_ == "PROPN":
                left -= 1
            start, end, words, gender = self._name_span(left, token.i + 1)
            if words:
                cluster = self._person_cluster(words, token.idx)
                cluster.gender = cluster.gender or gender
                self._register(cluster, start, end, person=True)
                return cluster, self.spans[token.i]
        # Any other noun phrase: its own speaker, kind unknown ("the report", "the company").
        start = min(
            [token.i] + [c.left_edge.i for c in token.lefts if c.dep_ in ("det", "amod", "compound", "poss", "nummod")]
        )
        end = token.i + 1
        if token.pos_ == "NUM":
            start, end = token.left_edge.i, token.right_edge.i + 1  # "About 4 in 10 say": the whole count speaks
        mention = (self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text))
        key = _norm(self.text[mention[0] : mention[1]])
        for cluster in self.clusters:
            if cluster.kind == "unknown" and _norm(cluster.display) == key:
                cluster.add(*mention)
                return cluster, mention
        if [t.lower_ for t in self.doc[start:end]] == ["the", token.lower_]:
            # "the poll" after "A Bloomberg poll": the same one, named again by its head noun.
            earlier = _latest_with_head(
                [c for c in self.clusters if c.mentions and c.mentions[0][0] < mention[0]], token.lower_
            )
            if earlier is not None:
                earlier.add(*mention)
                return earlier, mention
        display = self.text[mention[0] : mention[1]]
        cluster = Cluster(kind="unknown", display=display)
        self.clusters.append(cluster)
        cluster.add(*mention)
        return cluster, mention

    def _known_surname(self, word: str) -> Cluster | None:
        """The one person named so far whose surname this word is, if there is exactly one."""
        people = [c for c in self.clusters if c.kind == "person" and c.names and c.names[-1].lower() == word.lower()]
        return people[0] if len(people) == 1 else None

    def _named_in_title(self, token: Token) -> Token | None:
        """The person a title phrase names: "Clinton's campaign manager, Robby Mook", "Speaker of
        the House Rep. Paul Ryan", "Secretary of State John Kerry" (the parser hangs the name under "of")."""
        for appos in token.children:
            # "Clinton's campaign manager, Robby Mook, said": the name in apposition speaks.
            if appos.dep_ == "appos" and appos.i > token.i and appos.pos_ == "PROPN" and appos.i in self.by_token:
                return appos
        if not token.text[:1].isupper() or not (token.pos_ == "PROPN" or token.lower_ in role_nouns()):
            return None  # "the mother of Sam Hill" is not Sam Hill
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
                continue
            for name in prep.children:
                if name.dep_ == "pobj" and name.ent_type_ == "PERSON" and name.i in self.by_token:
                    return name
        return None

    def _reporter_of(self, pronoun: Token) -> Cluster | None:
        """ "Kasich says he would …": the subject of a clause someone reports is, first, the
        reporter (a named subject of the verb the clause hangs on)."""
        clause = pronoun.head
        if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp":
            return None
        subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ != "PROPN" or subject.i >= pronoun.i:
            return None
        found = self.resolve(subject)
        if found is None:
            return None
        reporter = found[0]
        if reporter.kind == "organisation" and len(reporter.display.split()) == 1:
            # "Okoro says he …": a surname the tagger took for an organisation.
            reporter.kind, reporter.names = "person", [reporter.display]
        return reporter

    def _in_quoted(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.quoted)

    def _antecedent(self, pronoun: Token) -> Cluster | None:
        lower = pronoun.lower_
        offset = pronoun.idx
        if lower in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[lower]
            reporter = self._reporter_of(pronoun)
            if reporter is not None and reporter.kind == "person" and reporter.gender in ("", gender):
                reporter.gender = gender
                return reporter
            outside = not self._in_quoted(offset)
            for mentioned, cluster in reversed([(o, c) for o, c in self.person_mentions if o < offset]):
                if outside and self._in_quoted(mentioned):
                    continue  # “Hillary is my choice,” he added: he is not Hillary
                if cluster.kind == "person" and cluster.gender in ("", gender):
                    cluster.gender = gender
                    return cluster
            return None
        # it / they / we: the nearest earlier organisation, place or group mentioned.
        candidates = [
            (start, cluster)
            for cluster in self.clusters
            if cluster.kind in ("organisation", "place", "group", "unknown")
            for start, _ in cluster.mentions
            if start < offset
        ]
        return max(candidates, key=lambda item: item[0])[1] if candidates else None

    def speakers(self, attributions: list[Attribution]) -> tuple[list[Speaker], dict[int, str]]:
        """Speakers (the clusters that are quoted) and each attribution's speaker id."""
        resolved: dict[int, Cluster] = {}
        spans: dict[int, tuple[int, int]] = {}
        for quote in attributions:
            if quote.speaker_token is None:
                continue
            found = self.resolve(quote.speaker_token)
            if found is not None:
                resolved[id(quote)], spans[id(quote)] = found
                quote.speaker_span = found[1]
                if not found[0].first_speaker_name:
                    found[0].first_speaker_name = self.text[found[1][0] : found[1][1]]
        for quote in attributions:
            if quote.speaker_token is None and quote.follows is not None:
                source = quote.follows
                while source.speaker_token is None and source.follows is not None:
                    source = source.follows
                if id(source) in resolved:
                    resolved[id(quote)] = resolved[id(source)]
        quoted = {id(c) for c in resolved.values()}
        ordered = sorted(
            (c for c in self.clusters if id(c) in quoted),
            key=lambda c: min(m[0] for m in c.mentions) if c.mentions else 0,
        )
        ids: dict[int, str] = {}
        speakers: list[Speaker] = []
        for number, cluster in enumerate(ordered, start=1):
            speaker_id = f"s{number}"
            ids[id(cluster)] = speaker_id
            speakers.append(
                Speaker(id=speaker_id, name=self._display(cluster), kind=cluster.kind, mentions=_tidy(cluster.mentions))
            )
        return speakers, {key: ids[id(cluster)] for key, cluster in resolved.items()}

    def _display(self, cluster: Cluster) -> str:
        if cluster.kind == "person" and cluster.names:
            name = " ".join(cluster.names)
        elif cluster.kind == "place" and cluster.first_speaker_name:
            name = _strip_possessive(cluster.first_speaker_name)
        else:
            name = cluster.display or cluster.first_speaker_name or "unknown"
        name = re.sub(r"^[\s―—–:,-]+|[\s―—–:,-]+$", "", name)  # "― Christina Luis", a dash from the byline
        return name.title() if name.isupper() and len(name) > 3 else name  # transcript "WALLACE"


def _latest_with_head(clusters: list[Cluster], head: str) -> Cluster | None:
    """The latest unnamed speaker whose phrase ends in this noun: "A Bloomberg poll" for "the poll"."""
    same = [c for c in clusters if c.kind == "unknown" and c.display.split() and c.display.split()[-1].lower() == head]
    return max(same, key=lambda c: c.mentions[-1][0] if c.mentions else -1) if same else None


def _tidy(mentions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, unique, non-overlapping mention spans (the longer wins)."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(set(mentions), key=lambda m: (m[0], -m[1])):
        if result and start < result[-1][1]:
            continue
        result.append((start, end))
    return result
