"""From mentions to speakers: the speaker of each attribution, and the speakers of a document.

Names are gathered from the entities spaCy finds and clustered by their parts ("Sir Keir
Starmer", "Sir Keir", "Mr Starmer" are one person; `names`). Roles bound to a name ("Home
Secretary Yvette Cooper", "Cooper, the Home Secretary") make a later "the Home Secretary" that
person; an unbound definite role ("the Prime Minister") goes to the nearest named person who holds
no other role (`roles`). Pronouns go to the nearest compatible subject (`pronouns`).
Capitals stand for their countries ("Berlin suggested"). Unnamed sources ("a government source")
are speakers of kind unknown.

`SpeakerResolver.speakers` is the stage: attributions in, new records out (the speakers, and one
`SpeakerChoice` per attribution, naming the step that found it); the attributions are not touched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tui.analysis import lexicons
from tui.analysis.attribution.context import Attribution
from tui.analysis.attribution.marks import Marked
from tui.analysis.entities.authors import Authors
from tui.analysis.entities.documents import DOCUMENTS, Documents
from tui.analysis.entities.mentions import (
    SUBJECT,
    UNNAMED,
    Cluster,
    anonymous_nouns,
    latest_with_head,
    norm,
    role_nouns,
    strip_possessive,
)
from tui.analysis.entities.names import gather_names, gather_places_and_organisations, gather_untagged_names
from tui.analysis.entities.organisations import Organisations
from tui.analysis.entities.pronouns import PERSON_PRONOUNS, Pronouns, Resolved
from tui.analysis.entities.roles import gather_roles
from tui.model import Speaker

PERSON_NOUNS = lexicons.words("person_nouns.txt")
QUANTITIES = lexicons.words("quantity_nouns.txt")
ORGANISATIONS = lexicons.words("organisation_nouns.txt")
ABSTRACT = lexicons.words("abstract_nouns.txt")
SPEECH_NOUNS = lexicons.words("speech_nouns.txt")
BODY_PARTS = lexicons.words("body_parts.txt")
OTHER_PRONOUNS = lexicons.words("other_pronouns.txt")


@dataclass(frozen=True)
class SpeakerChoice:
    """Who speaks one attribution: a `Speaker.id`, the mention it hangs on, and the step
    (a speaker rule id in `attribution.rules.SPEAKER_RULES`) that named it. `speaker` is None
    when the cue hangs on a phrase that names no one ("The issue, he said, …"): the phrase is
    kept as the mention, with the step "not-a-speaker"."""

    speaker: str | None
    span: tuple[int, int] | None
    rule: str


class SpeakerResolver(Authors, Documents, Organisations, Pronouns):
    """Clusters the mentions in one document and resolves each quote's speaker."""

    def __init__(self, doc: Doc, marks: Sequence[Marked] = ()):
        super().__init__(doc, marks)
        self.about: tuple[int, int] = (0, 0)  # the words of the quote being resolved
        self.reported: list[tuple[int, int]] = []  # the words of every quote (set by `speakers`)
        self.speaking: set[int] = set()  # where the tokens every quote hangs on start
        self._chain: dict[int, Cluster | None] = {}  # subject pronoun token -> whom it stands for
        gather_names(self)
        gather_places_and_organisations(self)
        gather_untagged_names(self)
        gather_roles(self)
        self.person_mentions.sort(key=lambda item: item[0])
        self._learn_genders()

    def resolve(self, token: Token) -> Resolved | None:
        """The speaker cluster, the mention span and the step that found them (a speaker rule id)
        for the token a quote hangs on."""
        together = self._coordinated(token)
        if together is not None:
            return together
        if token.i in self.by_token:
            holder = self._role_holder_named(token) or self._member_epithet(token)
            if holder is not None:
                return holder
            return self.by_token[token.i], self.spans[token.i], self.how[token.i]
        if token.dep_ == "compound" and token.head.i in self.by_token and token.head.pos_ == "PROPN":
            # "co-host Mika Brzezinski asked": the title's name speaks
            return self.by_token[token.head.i], self.spans[token.head.i], "title-names"
        found = (
            self._relative(token)
            or self._titled(token)
            or self._body_owner(token)
            or self.document_owner(token)
            or self.document_given(token)
        )
        if found is not None:
            return found
        if token.lower_ in ("i", "me") or (token.lower_ == "we" and not self.in_quoted(token.idx)):
            return self.author(token)
        if token.lower_ in PERSON_PRONOUNS or token.lower_ in OTHER_PRONOUNS:
            return self._pronoun(token)
        return self._untagged_name(token) or self._noun_phrase(token)

    def _role_holder_named(self, token: Token) -> Resolved | None:
        """ "Brent Bozell III, founder of the Media Research Center, said": the organisation in
        a role set in apposition to a name is not the speaker; the name is."""
        while token.dep_ in ("compound", "flat") and token.head.i != token.i:
            token = token.head
        prep = token.head
        role = prep.head
        if token.dep_ != "pobj" or prep.dep_ != "prep" or role.dep_ != "appos":
            return None
        if role.lemma_.lower() not in role_nouns():
            return None
        name = role.head
        cluster = self.by_token.get(name.i)
        if cluster is None or cluster.kind != "person":
            return None
        return cluster, self.spans[name.i], "mention.name"

    def _member_epithet(self, token: Token) -> Resolved | None:
        """ "The Wisconsin Republican said": one member of a group named as an epithet for a
        person, the nearest subject before it (as "the senator")."""
        cluster = self.by_token[token.i]
        determiners = [c.lower_ for c in token.children if c.dep_ == "det"]
        if cluster.kind != "group" or token.tag_ != "NNP" or determiners != ["the"] or token.dep_ not in SUBJECT:
            return None
        person = self.salient(token, lambda o, c: c.kind == "person" and bool(c.names) and not self.talked_about(o))
        if person is None:
            return None
        start = min(t.idx for t in token.subtree if t.i <= token.i)
        span = (start, token.idx + len(token.text))
        person.add(*span)
        if (start, person) not in self.person_mentions:
            self.person_mentions.append((start, person))  # a later "he" may stand for it
            self.person_mentions.sort(key=lambda item: item[0])
        return person, span, "mention.role"

    def _coordinated(self, token: Token) -> Resolved | None:
        """ "Bush and Christie said …", "Okoro and her lawyers told …": the people named
        together speak together, as one group."""
        joined = [c for c in token.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
        misjoined = self._misjoined(token, joined)
        if misjoined is not None:
            return misjoined
        if token.dep_ not in SUBJECT or not joined or (token.pos_ != "PROPN" and token.i not in self.by_token):
            return None  # "a state and Cruz": a misparse, not people named together
        last = joined[-1]
        if any(ent.start <= token.i and last.i < ent.end for ent in self.ents):
            return None  # "Procter and Gamble": one name
        start = min(t.i for t in token.subtree if t.i <= token.i)
        mention = (self.doc[start].idx, last.right_edge.idx + len(last.right_edge.text))
        display = self.text[mention[0] : mention[1]]
        for cluster in self.clusters:
            if cluster.kind == "group" and cluster.display == display:
                cluster.add(*mention)
                return cluster, mention, "coordination"
        cluster = Cluster(kind="group", display=display)
        self.clusters.append(cluster)
        cluster.add(*mention)
        return cluster, mention, "coordination"

    def _misjoined(self, token: Token, joined: list[Token]) -> Resolved | None:
        """One named person the parse joined to a word that names no one: a title ("Vice President
        for news and talk Dave Gorab said", "Chairman and CEO Ada Ruiz said") or an object ("has
        won a state and Cruz suggested"). The person speaks alone."""
        own = self.by_token.get(token.i)
        if token.dep_ not in SUBJECT or len(joined) != 1 or joined[0].i < token.i or (own is not None and own.names):
            return None
        person = self.by_token.get(joined[0].i)
        if person is None or person.kind != "person" or not person.names:
            return None
        determiners = [c.lower_ for c in token.children if c.dep_ == "det"]
        title = token.text[:1].isupper() and token.lower_ in role_nouns() and not determiners
        thing = (
            token.pos_ == "NOUN"
            and determiners in (["a"], ["an"])
            and self._unnamed_kind(token, token.i - 1) == "unknown"
        )
        if not (title or thing):
            return None
        return person, self.spans[joined[0].i], "mention.name"

    def _body_owner(self, token: Token) -> Resolved | None:
        """ "His face darted from side to side, his eyes gleaming, as if to say …": a part of
        someone speaks for them."""
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None or token.lemma_.lower() not in BODY_PARTS:
            return None
        found = self.resolve(owner)
        if found is None or found[0].kind not in ("person", "anonymous"):
            return None
        return found[0], found[1], "body.owner"

    def _relative(self, token: Token) -> Resolved | None:
        """ "the panel, which said …": the panel."""
        if token.tag_ in ("WDT", "WP") and token.head.dep_ == "relcl" and token.head.head.i != token.i:
            antecedent = self._before_date(token.head.head)
            found = self.resolve(antecedent) if antecedent is not None else None
            if found is not None:
                span = (token.idx, token.idx + len(token.text))
                found[0].add(*span)
                return found[0], span, "relative"
        return None

    def _before_date(self, antecedent: Token) -> Token | None:
        """ "re-elect Rob Portman this year, who endorsed …": a relative clause the parse hangs on
        a date or time speaks for the noun before that date, never for the date."""
        if antecedent.ent_type_ not in ("DATE", "TIME"):
            return antecedent
        while antecedent.ent_iob_ == "I" and antecedent.i > 0:
            antecedent = self.doc[antecedent.i - 1]
        before = self.doc[antecedent.i - 1] if antecedent.i > 0 else None
        return before if before is not None and before.pos_ in ("NOUN", "PROPN") else None

    def _titled(self, token: Token) -> Resolved | None:
        named = self._named_in_title(token)
        if named is None:
            return None
        return self.by_token[named.i], self.spans[named.i], "title-names"

    def _untagged_name(self, token: Token) -> Resolved | None:
        """A name spaCy did not tag: a proper noun with its compounds."""
        if token.pos_ != "PROPN":
            return None
        left = token.i
        while left > 0 and self.doc[left - 1].dep_ == "compound" and self.doc[left - 1].pos_ == "PROPN":
            left -= 1
        start, end, words, gender = self.name_span(left, token.i + 1)
        if not words:
            return None
        cluster = self.person_cluster(words, token.idx)
        cluster.gender = cluster.gender or gender
        self.register(cluster, start, end, person=True)
        return cluster, self.spans[token.i], "untagged-name"

    def _noun_phrase(self, token: Token) -> Resolved | None:
        """Any other noun phrase: its own speaker, kind unknown ("the report", "the company")."""
        start = min(
            [token.i] + [c.left_edge.i for c in token.lefts if c.dep_ in ("det", "amod", "compound", "poss", "nummod")]
        )
        end = token.i + 1
        if token.pos_ == "NUM":
            start, end = token.left_edge.i, token.right_edge.i + 1  # "About 4 in 10 say": the whole count speaks
        elif token.lemma_.lower() in QUANTITIES:
            end = _share_end(token)  # "Half of Vermont Democrats": a share is of someone
        kind = self._unnamed_kind(token, start)
        if kind is None:
            return None
        paper = self.the_newspaper(token) if kind in ("organisation", "document") else None
        if paper is not None:
            span = (self.doc[start].idx, token.idx + len(token.text))
            paper.add(*span)
            return paper, span, "organisation.newspaper"
        if kind == "document":
            return self.document_phrase(token, start)
        if kind == "organisation":
            named = self.named_organisation(token, start)
            if named is not None:
                span = (self.doc[start].idx, token.idx + len(token.text))
                named[0].add(*span)
                return named[0], span, named[1]
        mention = (self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text))
        key = norm(self.text[mention[0] : mention[1]])
        for cluster in self.clusters:
            if cluster.kind in UNNAMED and not cluster.names and norm(cluster.display) == key:
                cluster.add(*mention)
                return cluster, mention, "noun-phrase"
        if [t.lower_ for t in self.doc[start:end]] == ["the", token.lower_]:
            # "the poll" after "A Bloomberg poll": the same one, named again by its head noun.
            earlier = latest_with_head(
                [c for c in self.clusters if c.mentions and c.mentions[0][0] < mention[0]], token.lower_
            )
            if earlier is not None:
                earlier.add(*mention)
                return earlier, mention, "same-noun"
        display = self.text[mention[0] : mention[1]]
        cluster = Cluster(kind=kind, display=display)
        self.clusters.append(cluster)
        cluster.add(*mention)
        return cluster, mention, "noun-phrase"

    def _unnamed_kind(self, token: Token, start: int) -> str | None:
        """What an unnamed noun phrase speaking is: a document ("the report"), a share of people
        ("Six in 10", "half"), an organisation ("the harbour board"), a group (a plural: "the protesters"), an anonymous person ("a
        woman"), something with a proper name the tagger missed (unknown); an abstract noun
        ("the issue", "Warning") or a role noun alone ("president") is no speaker."""
        lemma = token.lemma_.lower()
        if lemma in DOCUMENTS or token.lower_ in DOCUMENTS:
            return "document"
        if token.pos_ == "NUM" or lemma in QUANTITIES or token.lower_ in QUANTITIES:
            return "group"
        if lemma in ABSTRACT or lemma in SPEECH_NOUNS:
            return None
        if token.tag_ == "NNS":
            return "group"  # "patient advocacy groups", "the protesters"
        if lemma in ORGANISATIONS:
            return "organisation"
        if token.pos_ == "PROPN" or (token.text[:1].isupper() and not self._common_word(token)):
            return "unknown"  # a name the tagger missed ("Schilling describes himself …")
        person = lemma in PERSON_NOUNS or lemma in anonymous_nouns() or lemma in role_nouns()
        if start == token.i and not (person and token.pos_ == "PRON"):
            return None  # "president" alone: a role or a common noun with nothing to make it someone
        return "anonymous" if person else "unknown"

    def _common_word(self, token: Token) -> bool:
        """Whether a capitalised word is a common word capitalised by its place: it opens the
        sentence and the article also writes it in lower case ("Critics say …")."""
        return token.is_sent_start and any(t.text == token.lower_ for t in self.doc if t.i != token.i)

    def speakers(self, attributions: list[Attribution]) -> tuple[list[Speaker], list[SpeakerChoice | None]]:
        """Speakers (the clusters that are quoted) and, for each attribution, who speaks it."""
        resolved: list[Resolved | None] = []
        self.reported = [(quote.start, quote.end) for quote in attributions]
        self.speaking = {quote.speaker_token.idx for quote in attributions if quote.speaker_token is not None}
        for index, cluster in list(self.by_token.items()):
            token = self.doc[index]
            if cluster.kind == "group" and token.tag_ == "NNP" and not self.in_quoted(token.idx):
                self._member_epithet(token)  # "the Kentucky Republican dismissed …. He says …"
        for quote in attributions:
            self.about = (quote.start, quote.end)
            found = self.resolve(quote.speaker_token) if quote.speaker_token is not None else None
            if found is not None and not found[0].first_speaker_name:
                found[0].first_speaker_name = self.text[found[1][0] : found[1][1]]
            resolved.append(found)
        for index, quote in enumerate(attributions):
            if quote.speaker_token is None and quote.follows is not None:
                source = quote.follows
                while source.speaker_token is None and source.follows is not None:
                    source = source.follows
                position = next((k for k, other in enumerate(attributions) if other is source), None)
                earlier = resolved[position] if position is not None else None
                if earlier is not None:
                    resolved[index] = (earlier[0], None, "continuation")
        quoted = {found[0] for found in resolved if found is not None}
        ordered = sorted(
            (c for c in self.clusters if c in quoted),
            key=lambda c: min(m[0] for m in c.mentions) if c.mentions else 0,
        )
        ids = {cluster: f"s{number}" for number, cluster in enumerate(ordered, start=1)}
        speakers = [Speaker(id=ids[c], name=self._display(c), kind=c.kind, mentions=_tidy(c.mentions)) for c in ordered]
        choices = [
            SpeakerChoice(ids[f[0]], f[1], f[2]) if f is not None else self._no_one(quote.speaker_token)
            for f, quote in zip(resolved, attributions)
        ]
        return speakers, choices

    def _no_one(self, token: Token | None) -> SpeakerChoice | None:
        """The phrase a cue hangs on that names no one ("the issue", "president" alone)."""
        if token is None or token.pos_ not in ("NOUN", "PRON", "PROPN", "ADJ", "NUM"):
            return None
        start = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ in ("det", "amod", "compound", "poss")])
        return SpeakerChoice(None, (self.doc[start].idx, token.idx + len(token.text)), "not-a-speaker")

    def _display(self, cluster: Cluster) -> str:
        if cluster.kind == "person" and cluster.names:
            name = " ".join(cluster.names)
        elif cluster.kind == "place" and cluster.first_speaker_name:
            name = strip_possessive(cluster.first_speaker_name)
        else:
            name = cluster.display or cluster.first_speaker_name or "unknown"
        name = re.sub(r"^[\s―—–:,-]+|[\s―—–:,-]+$", "", name)  # "― Christina Luis", a dash from the byline
        return name.title() if name.isupper() and len(name) > 3 else name  # transcript "WALLACE"


def _tidy(mentions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, unique, non-overlapping mention spans (the longer wins)."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(set(mentions), key=lambda m: (m[0], -m[1])):
        if result and start < result[-1][1]:
            continue
        result.append((start, end))
    return result


def _share_end(token: Token) -> int:
    """Where a share of people ends: with whom it is a share of ("half of GOP primary voters",
    "55 percent of all voters", "majorities in all five"), never past a comma."""
    end = token.i + 1
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "among") and prep.i == end:
            end = prep.right_edge.i + 1
            break
    return next((t.i for t in token.doc[token.i : end] if t.text in (",", ";", "—")), end)
