"""An organisation named again by a common noun: "the union" after "the Harbour Workers Union",
"the nation's largest gun group" after "The National Rifle Association says …", "the newspaper"
in an article naming one newspaper."""

from __future__ import annotations

from spacy.tokens import Token

from tui.analysis import lexicons
from tui.analysis.entities.mentions import SUBJECT, Cluster, Mentions

NEWSPAPER_WORDS = lexicons.words("newspaper_words.txt")
NEWSPAPER_NOUNS = ("newspaper", "paper")
NEWS_DOCUMENTS = ("report", "story", "article")  # "a news report": a newspaper's


class Organisations(Mentions):
    """The organisation part of `speakers.SpeakerResolver`."""

    def named_organisation(self, token: Token, start: int) -> tuple[Cluster, str] | None:
        """The named organisation an unnamed organisation phrase stands for, and the step."""
        named = self._named_by_head(token, start)
        if named is not None:
            return named, "same-noun"
        named = self._epithet_of(token, start)
        return (named, "organisation.epithet") if named is not None else None

    def the_newspaper(self, token: Token) -> Cluster | None:
        """ "the newspaper", "Newspaper:" (a headline's), "a news report": the one newspaper the
        article names ("The New York Times reported …"), when it names exactly one."""
        lemma = token.lemma_.lower()
        news = lemma in NEWS_DOCUMENTS and any(c.dep_ == "compound" and c.lower_ == "news" for c in token.children)
        if lemma not in NEWSPAPER_NOUNS and not news:
            return None
        papers = [
            c
            for c in self.clusters
            if c.kind == "organisation" and c.names and NEWSPAPER_WORDS & set(c.display.lower().split())
        ]
        return papers[0] if len(papers) == 1 else None

    def _named_by_head(self, token: Token, start: int) -> Cluster | None:
        """ "the union" after "the Harbour Workers Union": the one organisation named before
        whose name ends in this noun (none when two do)."""
        if [t.lower_ for t in self.doc[start : token.i]] != ["the"]:
            return None
        named = [
            c
            for c in self.clusters
            if c.kind == "organisation"
            and c.names
            and c.display.split()[-1:] == [token.text.capitalize()]
            and c.mentions
            and min(c.mentions)[0] < token.idx
        ]
        return named[0] if len(named) == 1 else None

    def _epithet_of(self, token: Token, start: int) -> Cluster | None:
        """ "The nation's largest gun group is accusing …" right after "The National Rifle
        Association says …": a described organisation (the, a word or two that describe it, no
        name) as a subject is the nearest organisation subject before it, as "the Florida
        senator" is the nearest person subject. A bare "the committee" describes nothing and may
        be another body."""
        phrase = self.doc[start : token.i + 1]
        described = [t for t in phrase if t.dep_ in ("amod", "compound", "poss") and t.head.i == token.i]
        definite = phrase[0].lower_ == "the" or any(t.dep_ == "poss" for t in phrase)
        if token.dep_ not in SUBJECT or token.tag_ != "NN" or not described or not definite:
            return None
        if any(t.pos_ == "PROPN" or t.i in self.by_token or t.text[:1].isupper() for t in phrase if t.lower_ != "the"):
            return None  # "O’Malley’s campaign": an owner named, not an organisation described
        named = sorted(
            (offset, c)
            for c in self.clusters
            if c.kind == "organisation" and c.names
            for offset, _ in c.mentions
            if offset < token.idx and self.is_subject(offset)
        )
        for back, sentence in self.sentences_back(token):
            here = [c for offset, c in named if sentence.start_char <= offset < sentence.end_char]
            if here:
                return here[-1] if back == 0 else here[0]
        return None
