"""Documents that speak ("the report said", "a poll found") and who stands behind one.

A report, a release or someone's words speak only when no one is named for them: an owner in the
phrase ("the union's release", "a statement from spokesman Peter Cook") or someone the article
said gave it just before ("Cook provided a written statement … the statement said"). A document
that does speak is one entity however often the article names it ("exit polls conducted by
Harbour Research", then "early results of exit polls"), called by its maker and head noun.
"""

from __future__ import annotations

from spacy.tokens import Token

from tui.analysis import lexicons
from tui.analysis.entities.mentions import LOOK_BACK, Cluster, Mentions, norm

DOCUMENTS = lexicons.words("documents.txt")
SPEECH_NOUNS = lexicons.words("speech_nouns.txt")
FRESH = ("a", "an", "another", "new", "latest", "second", "separate", "other")  # a document not named before

Resolved = tuple[Cluster, tuple[int, int] | None, str]


def is_document(token: Token) -> bool:
    return bool({token.lemma_.lower(), token.lower_} & DOCUMENTS)


class Documents(Mentions):
    """The document part of `speakers.SpeakerResolver` (whose `resolve` finds an owner): owners,
    givers and one entity per document."""

    def document_owner(self, token: Token) -> Resolved | None:
        """A report, a release or someone's words speak only when no one is named for them: "the
        union's Friday release" is the union's, "his comments" his, "a count by the Associated
        Press" the AP's, "a statement from spokesman Peter Cook" Peter Cook's."""
        if not is_document(token) and not {token.lemma_.lower(), token.lower_} & SPEECH_NOUNS:
            return None
        owners = [c for c in token.children if c.dep_ == "poss"]
        owners += [
            pobj
            for prep in token.children
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("by", "from", "of")
            for pobj in prep.children
            if pobj.dep_ == "pobj" and not is_document(pobj)  # "results of the poll": the poll is no owner
        ]
        for owner in owners:
            found = self.resolve(owner)
            if found is not None and found[0].kind in ("person", "organisation", "place") and found[0].names:
                return found[0], found[1], "document.owner"
        return None

    def document_given(self, token: Token) -> Resolved | None:
        """An unowned document someone was just said to give: "Cook provided a written statement
        … “…,” the statement said" (the subject of the verb it was the object of), "Gross live
        tweeted … An early tweet quoted …" (the subject of the verb it is)."""
        if not is_document(token) or any(c.dep_ == "poss" for c in token.children):
            return None
        lemma, sentence = token.lemma_.lower(), token.sent
        for back in range(LOOK_BACK + 1):
            if back:
                if sentence.start == 0:
                    return None
                sentence = self.doc[sentence.start - 1].sent
            for earlier in reversed([t for t in sentence if t.i < token.i and t.lemma_.lower() == lemma]):
                verb = earlier.head if earlier.dep_ == "dobj" else earlier if earlier.pos_ == "VERB" else None
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
                found = self.resolve(subject) if subject is not None else None
                if found is not None and found[0].kind in ("person", "organisation") and found[0].names:
                    start = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ in ("det", "amod")])
                    span = (self.doc[start].idx, token.idx + len(token.text))
                    found[0].add(*span)
                    return found[0], span, "document.given"
        return None

    def document_phrase(self, token: Token, start: int) -> Resolved:
        """An unowned document as a speaker: the one named before with the same words, or with
        the same head noun when this phrase brings no maker and no "a"/"new"; else a new one,
        called by its maker and head noun when the phrase names a maker ("exit polls conducted
        by Harbour Research" is the Harbour Research exit poll)."""
        inner = _inner_document(token)
        end = self.document_end(token)
        mention = (self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text))
        key = norm(self.text[mention[0] : mention[1]])
        head = inner.lemma_.lower()
        maker = self._maker(inner)
        documents = [c for c in self.clusters if c.kind == "document" and not c.names]
        same = [c for c in documents if norm(c.display) == key]
        if not same and maker is None and not _fresh(token, inner):
            same = [c for c in documents if c.head == head and c.mentions and c.mentions[0][0] < mention[0]]
        if same:
            cluster = max(same, key=lambda c: c.mentions[-1][0] if c.mentions else -1)
            cluster.add(*mention)
            return cluster, mention, "same-noun" if norm(cluster.display) != key else "noun-phrase"
        display = self.text[mention[0] : mention[1]]
        if maker is not None:
            display = " ".join([maker] + [c.text for c in inner.lefts if c.dep_ == "compound"] + [head])
        cluster = Cluster(kind="document", display=display, head=head)
        self.clusters.append(cluster)
        cluster.add(*mention)
        return cluster, mention, "noun-phrase"

    def _maker(self, inner: Token) -> str | None:
        """Who made a document, named after "by" ("a poll by Harbour Research", "exit polls
        conducted by Harbour Research"), when that is a named person or organisation."""
        agents = [c for c in inner.children if c.dep_ == "prep" and c.lower_ == "by"]
        agents += [a for acl in inner.children if acl.dep_ == "acl" for a in acl.children if a.dep_ == "agent"]
        for agent in agents:
            for pobj in agent.children:
                cluster = self.by_token.get(pobj.i) if pobj.dep_ == "pobj" else None
                if cluster is not None and cluster.kind in ("organisation", "person") and cluster.names:
                    start, end = self.spans[pobj.i]
                    name = self.text[start:end]
                    return name[4:] if name.lower().startswith("the ") else name
        return None

    def document_end(self, token: Token) -> int:
        """Where a document's phrase ends: with what it is of and who made it ("early results of
        the exit poll conducted by Harbour Research"), never past a comma."""
        end = token.i + 1
        for prep in token.rights:
            if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != end:
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                break
            end = pobj.i + 1
            for acl in pobj.rights:
                agent = next((c for c in acl.children if c.dep_ == "agent"), None) if acl.dep_ == "acl" else None
                if agent is not None:
                    end = agent.right_edge.i + 1
            break
        comma = next((t.i for t in self.doc[token.i : end] if t.text in (",", ";", "—")), end)
        return comma


def _inner_document(token: Token) -> Token:
    """The document a phrase is about: "polls" of "early results of exit polls"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and is_document(pobj):
                    return pobj
    return token


def _fresh(token: Token, inner: Token) -> bool:
    """A phrase that brings a document not named before ("a new poll", "another report")."""
    words = [c.lower_ for t in (token, inner) for c in t.children if c.dep_ in ("det", "amod")]
    return any(w in FRESH for w in words)
