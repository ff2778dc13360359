"""Who a pronoun stands for: the nearest compatible subject before it (its own sentence's, then
up to a few sentences back, main clause first, chains of he/she followed), of a gender the text
itself gives (titles; he/his/she/her after a sentence's only named subject; never a first name),
and never a person named in quotation marks or reported words it stands outside of.

`Pronouns` is the part of `speakers.SpeakerResolver` that does this.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tui.analysis import lexicons
from tui.analysis.entities.mentions import LOOK_BACK, SUBJECT, Cluster, Mentions, role_nouns

PERSON_PRONOUNS = lexicons.table("person_pronouns.tsv")
GENERIC = "people in general"  # the "they" of "as they say"
GENDERED = {"he": "m", "his": "m", "him": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}

# A resolved speaker: the cluster, the mention span (None when borrowed), the speaker rule id.
Resolved = tuple[Cluster, tuple[int, int] | None, str]


class Pronouns(Mentions):
    """Pronoun resolution over the clustered mentions of one document."""

    def _learn_genders(self) -> None:
        """A person's gender from the text, never from a first name: in a sentence whose only
        named person is its subject, the he/his/himself or she/her/herself that follow stand
        for that person ("Okoro said his plan …"). Votes over the article; a clear majority
        decides, and a title (Mr, Ms) already read wins."""
        votes: dict[Cluster, list[int]] = {}
        for sentence in self.doc.sents:
            named = [
                (o, c)
                for o, c in self.person_mentions
                if sentence.start_char <= o < sentence.end_char and c.kind == "person" and not self.in_quoted(o)
            ]
            if len({c for _, c in named}) != 1 or not self.is_subject(named[0][0]):
                continue
            offset, cluster = named[0]
            for token in sentence:
                if token.idx > offset and token.lower_ in GENDERED and not self.in_quoted(token.idx):
                    votes.setdefault(cluster, [0, 0])[GENDERED[token.lower_] == "f"] += 1
        for cluster, (male, female) in votes.items():
            if not cluster.gender and max(male, female) >= 2 * min(male, female) + 1:
                cluster.gender = "m" if male > female else "f"

    def _pronoun(self, token: Token) -> Resolved | None:
        found = self._antecedent(token)
        if found is None:
            return None
        span = (token.idx, token.idx + len(token.text))
        found[0].add(*span)
        return found[0], span, found[1]

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

    def in_quoted(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.quoted)

    def _antecedent(self, pronoun: Token) -> tuple[Cluster, str] | None:
        """Who a pronoun stands for, and the step (a speaker rule id) that says so."""
        lower = pronoun.lower_
        offset = pronoun.idx
        if lower in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[lower]
            reporter = self._reporter_of(pronoun)
            if reporter is not None and reporter.kind == "person" and reporter.gender in ("", gender):
                reporter.gender = gender
                return reporter, "pronoun.reporter"
            found = self._salient_person(pronoun, gender)
            if found is not None:
                return found, "pronoun.subject"
            earlier = self._earlier_subject_pronoun(pronoun, gender)
            if earlier is not None:
                return earlier, "pronoun.subject"
            outside = not self.in_quoted(offset)
            for mentioned, cluster in reversed([(o, c) for o, c in self.person_mentions if o < offset]):
                if outside and self.in_quoted(mentioned):
                    continue  # “Hillary is my choice,” he added: he is not Hillary
                if cluster.kind == "person" and cluster.gender in ("", gender):
                    return cluster, "pronoun.last-person"
            return None
        if (
            lower == "they"
            and pronoun.head.lemma_ == "say"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in pronoun.head.children)
        ):
            return self._people_in_general(), "pronoun.generic"  # "as they say": no one in particular
        if lower in ("they", "them"):
            plural = self._plural_subject(pronoun)
            if plural is not None:
                return plural, "pronoun.subject"
        # it / they / we: the nearest earlier organisation, place or group mentioned.
        candidates = [
            (start, cluster)
            for cluster in self.clusters
            if cluster.kind in ("organisation", "place", "group", "document", "anonymous", "unknown")
            for start, _ in cluster.mentions
            if start < offset
        ]
        return (max(candidates, key=lambda item: item[0])[1], "pronoun.last-group") if candidates else None

    def _earlier_subject_pronoun(self, pronoun: Token, gender: str) -> Cluster | None:
        """ "Over the years, she said, email kept her close to Clinton – at which she laughed": a
        subject pronoun of the same gender earlier in the sentence keeps standing for its person,
        before a person the sentence only names on the way."""
        earlier = [
            t
            for t in pronoun.sent
            if t.i < pronoun.i
            and t.dep_ in SUBJECT
            and PERSON_PRONOUNS.get(t.lower_) == gender
            and self.in_quoted(t.idx) == self.in_quoted(pronoun.idx)
        ]
        found = self._antecedent(earlier[-1]) if earlier else None
        return found[0] if found is not None else None

    def _people_in_general(self) -> Cluster:
        """Who "they" are in "as they say": people in general, one speaker per article."""
        found = next((c for c in self.clusters if c.kind == "group" and c.display == GENERIC), None)
        if found is None:
            found = Cluster(kind="group", display=GENERIC)
            self.clusters.append(found)
        return found

    def _plural_subject(self, pronoun: Token) -> Cluster | None:
        """ "The fact-checkers are so sure of it that they ridicule …": "they" is the plural
        subject before it in its own sentence, when there is one."""
        subjects = [
            t
            for t in pronoun.sent
            if t.i < pronoun.i and t.dep_ in SUBJECT and t.tag_ in ("NNS", "NNPS") and not self.in_quoted(t.idx)
        ]
        found = self.resolve(subjects[-1]) if subjects else None
        return found[0] if found is not None else None

    def _may_be(self, pronoun: Token, offset: int, cluster: Cluster, gender: str) -> bool:
        """Whether the person mentioned at `offset` may be what this pronoun stands for: a person
        of a compatible gender, not named inside quotation marks the pronoun stands outside of
        (“Hillary is my choice,” he added: he is not Hillary), and not named in the words the
        quote reports (the person a quote is about does not say it)."""
        if cluster.kind != "person" or cluster.gender not in ("", gender):
            return False
        if not self.talked_about(pronoun.idx) and self.talked_about(offset):
            return False
        return not (self.about[0] <= offset < self.about[1] and not self.about[0] <= pronoun.idx < self.about[1])

    def _salient_person(self, pronoun: Token, gender: str, depth: int = 0) -> Cluster | None:
        """The nearest compatible subject (`Mentions.salient`); an earlier subject pronoun of the
        same gender counts as the person it stands for."""

        def pronouns(sentence: Span, end: int) -> list[tuple[int, Cluster]]:
            if depth >= LOOK_BACK:
                return []
            return [
                (t.idx, found)
                for t in sentence
                if t.idx < end
                and PERSON_PRONOUNS.get(t.lower_) == gender
                and t.dep_ in SUBJECT
                and not self.talked_about(t.idx)
                and (found := self._pronoun_subject(t, gender, depth)) is not None
            ]

        return self.salient(pronoun, lambda o, c: self._may_be(pronoun, o, c, gender), pronouns)

    def _pronoun_subject(self, token: Token, gender: str, depth: int) -> Cluster | None:
        """Whom an earlier subject pronoun stands for (remembered: a chain of "he"s is read once)."""
        if token.i not in self._chain:
            self._chain[token.i] = self._salient_person(token, gender, depth + 1)
        return self._chain[token.i]

    def talked_about(self, offset: int) -> bool:
        """Inside quotation marks or the words of a reported clause: a person named there is
        talked about, not the narration's "he"."""
        if self.in_quoted(offset):
            return True
        if not any(start <= offset < end for start, end in self.reported):
            return False
        # "In three years, Barden says, lives were lost": the speaker of a parenthetical cue
        # stands inside the reported words but is not talked about.
        token = self.doc.char_span(offset, offset + 1, alignment_mode="expand")[0]
        start, end = self.spans.get(token.i, (offset, offset + len(token.text)))
        return not any(start <= o < end for o in self.speaking)
