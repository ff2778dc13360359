"""Mentions of people, organisations and places, clustered into one entity each.

`Mentions` holds what the gathering stages (`names`, `roles`) build: the clusters, and for each
token the cluster and mention span covering it and how that mention was found. It knows how to
read a person's name ("Sir Keir Starmer" -> Keir Starmer, male) and how to register a mention.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tui.analysis import lexicons
from tui.analysis.attribution.marks import Marked

QUALIFIERS = lexicons.words("role_qualifiers.txt")
POSSESSIVE = ("’s", "'s", "’", "'")
UNNAMED = ("unknown", "anonymous", "document", "group", "organisation")  # kinds a noun phrase may name
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
SUBJECT = ("nsubj", "nsubjpass")
LOOK_BACK = 3  # sentences a pronoun or an epithet looks back for its subject

# (char offset, cluster) pairs: mentions in text order
Found = list[tuple[int, "Cluster"]]


def titles() -> dict[str, str]:
    return lexicons.titles()


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    return frozenset(lexicons.read("roles.txt"))


@lru_cache(maxsize=1)
def anonymous_nouns() -> frozenset[str]:
    return frozenset(lexicons.read("anonymous.txt"))


@lru_cache(maxsize=1)
def place_aliases() -> dict[str, str]:
    return dict(line.split("\t") for line in lexicons.read("places.tsv"))


@dataclass(eq=False)  # compared and hashed by identity: one cluster, one entity
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
    head: str = ""  # an unnamed document's head noun, by lemma ("poll" of "the exit polls")

    def add(self, start: int, end: int) -> None:
        self.mentions.append((start, end))


def surname(names: list[str]) -> str:
    """The surname of a person's name parts: the last word before a suffix ("Pate" of "Luther
    Stan Pate IV")."""
    parts = [n for n in names if n.lower() not in SUFFIXES] or names
    return parts[-1]


def _same_person(known: list[str], key: list[str]) -> bool:
    """Whether two names of two words or more are one person: the same surname, the same first
    name unless one gives only a surname, and no two different suffixes ("Jr." and "III")."""
    if surname(known).lower() != surname(key).lower():
        return False
    suffixes = {n for n in known if n in SUFFIXES}, {n for n in key if n in SUFFIXES}
    if all(suffixes) and suffixes[0] != suffixes[1]:
        return False
    return len(known) == 1 or known[0] == key[0]


def strip_possessive(text: str) -> str:
    for suffix in POSSESSIVE:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text


def norm(text: str) -> str:
    words = strip_possessive(text.strip()).lower().replace("’", "'").split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def latest_with_head(clusters: list[Cluster], head: str) -> Cluster | None:
    """The latest unnamed speaker whose phrase ends in this noun: "A Bloomberg poll" for "the poll"."""
    same = [
        c
        for c in clusters
        if c.kind in UNNAMED and not c.names and c.display.split() and c.display.split()[-1].lower() == head
    ]
    return max(same, key=lambda c: c.mentions[-1][0] if c.mentions else -1) if same else None


class Mentions:
    """Every mention in one document, by token, with the cluster (entity) it belongs to."""

    def __init__(self, doc: Doc, marks: Sequence[Marked] = ()):
        self.doc = doc
        self.text = doc.text
        self.ents = doc.ents  # read once: spaCy builds the spans anew on every `doc.ents`
        self.clusters: list[Cluster] = []
        self.by_token: dict[int, Cluster] = {}  # token index -> cluster of the mention covering it
        self.spans: dict[int, tuple[int, int]] = {}  # token index -> mention span
        self.how: dict[int, str] = {}  # token index -> how its mention was found (a speaker rule id)
        self.person_mentions: list[tuple[int, Cluster]] = []  # (char offset, cluster), text order
        # Quoted stretches: people named there are talked about, not the narration's "he".
        self.quoted = [(m.open, m.close if m.close is not None else m.end) for m in marks]

    def name_span(self, first: int, end: int) -> tuple[int, int, list[str], str]:
        """Token range of a person's name with its title, the bare name parts and gender.

        Role words the tagger folded into the name ("Farmer Alan Price") are left out.
        """
        owners = [t.i for t in self.doc[first : end - 1] if t.text in POSSESSIVE]
        if owners:
            first = owners[-1] + 1  # "Breitbart’s Joel Pollak": the name after the owner
        parts = [t for t in self.doc[first:end] if not t.is_punct and t.text not in POSSESSIVE]
        while len(parts) > 2 and parts[0].lower_ in role_nouns() | QUALIFIERS:
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
                words[-1] += "-" + strip_possessive(token.text)  # "Ban Ki-moon", "Ocasio-Cortez"
            else:
                words.append(strip_possessive(token.text))
        return start, end, words, gender.strip("-")

    def titled_name(self, ent: Span) -> bool:
        """An entity mis-tagged as an organisation that reads as "Farmer Alan Price" or "Mr Lund"."""
        words = [t for t in ent if not t.is_punct]
        return (
            len(words) >= 2
            and (words[0].lower_ in titles() or words[0].lower_ in role_nouns())
            and all(t.pos_ == "PROPN" and t.is_title for t in words[1:])
            and len(words) <= 4
        )

    def person_cluster(self, words: list[str], offset: int, gender: str = "") -> Cluster:
        """The person these name parts name: one named before with the same surname (and first
        name, when both give one; a generational suffix told apart), else a new person."""
        key = [w.lower() for w in words]
        people = [c for c in self.clusters if c.kind == "person" and c.names]
        if len(key) >= 2:
            same = [c for c in people if _same_person([n.lower() for n in c.names], key)]
            if same:
                cluster = self.nearest(same, offset)
                if len(key) > len(cluster.names):
                    cluster.names = list(words)
                return cluster
        else:
            last = [c for c in people if surname(c.names).lower() == key[0]]
            if len([c for c in last if len(c.names) > 1]) > 1:
                return self._one_of_namesakes(last, offset, gender)
            first = [c for c in people if len(c.names) > 1 and c.names[0].lower() == key[0]]
            for candidates in (last, first):
                if candidates:
                    return self.nearest(candidates, offset)
        cluster = Cluster(kind="person", names=list(words))
        self.clusters.append(cluster)
        return cluster

    def _one_of_namesakes(self, namesakes: list[Cluster], offset: int, gender: str) -> Cluster:
        """A surname two people named in full share ("Hillary Clinton", "Bill Clinton"): a title's
        gender ("Mrs. Clinton") keeps the one of that gender, else those of no gender yet; then the
        one named earlier in the same paragraph ("Bill Clinton spoke … Clinton said"), else the first
        the article named, as news names the other by first name or title each time."""
        if gender:
            namesakes = (
                [c for c in namesakes if c.gender == gender] or [c for c in namesakes if not c.gender] or namesakes
            )
        here = [c for c in namesakes if any(s < offset and "\n" not in self.text[s:offset] for s, _ in c.mentions)]
        if here:
            return self.nearest(here, offset)
        return min(namesakes, key=lambda c: min(start for start, _ in c.mentions) if c.mentions else 10**9)

    def sentences_back(self, token: Token) -> Iterator[tuple[int, Span]]:
        """The token's sentence, then the sentences before it (at most `LOOK_BACK`), with how many
        sentences back each is: where a pronoun or an epithet looks for whom it stands for."""
        sentence = token.sent
        for back in range(LOOK_BACK + 1):
            if back:
                if sentence.start == 0:
                    return
                sentence = self.doc[sentence.start - 1].sent
            yield back, sentence

    def nearest(self, candidates: list[Cluster], offset: int) -> Cluster:
        def distance(cluster: Cluster) -> int:
            earlier = [s for s, _ in cluster.mentions if s <= offset]
            return offset - max(earlier) if earlier else 10**9

        return min(candidates, key=distance)

    def register(self, cluster: Cluster, token_start: int, token_end: int, person: bool) -> None:
        start = self.doc[token_start].idx
        last = self.doc[token_end - 1]
        if last.text in POSSESSIVE and token_end - 1 > token_start:
            last = self.doc[token_end - 2]  # "Starmer ’s": the mention ends at the name
        end = last.idx + len(strip_possessive(last.text))
        cluster.add(start, end)
        for index in range(token_start, token_end):
            self.by_token[index] = cluster
            self.spans[index] = (start, end)
            self.how[index] = "mention.name" if person else "mention.entity"
        if person:
            self.person_mentions.append((start, cluster))

    def register_role(self, cluster: Cluster, start: int, end: int) -> None:
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
            self.how[index] = "mention.role"
        if cluster.kind in ("person", "unknown"):
            self.person_mentions.append((span_start, cluster))
            self.person_mentions.sort(key=lambda item: item[0])

    def known_surname(self, word: str) -> Cluster | None:
        """The one person named so far whose surname this word is, if there is exactly one."""
        people = [
            c for c in self.clusters if c.kind == "person" and c.names and surname(c.names).lower() == word.lower()
        ]
        return people[0] if len(people) == 1 else None

    def salient(
        self,
        token: Token,
        fits: Callable[[int, Cluster], bool],
        more: Callable[[Span, int], Found] | None = None,
    ) -> Cluster | None:
        """Whom a pronoun or an epithet at `token` stands for: the nearest subject that `fits`.

        In the token's own sentence, a subject before it (the nearest); then, sentence by
        sentence back (at most `LOOK_BACK`), that sentence's subject, the main clause's first,
        else the first fitting person it names. `more` adds subjects the names do not show
        (a chain of "he"s)."""
        for back, sentence in self.sentences_back(token):
            end = token.idx if back == 0 else sentence.end_char
            named = [(o, c) for o, c in self.person_mentions if sentence.start_char <= o < end and fits(o, c)]
            subjects = [(o, c) for o, c in named if self.is_subject(o)]
            if more is not None:
                subjects = sorted(subjects + more(sentence, end), key=lambda item: item[0])
            if subjects:
                main = [(o, c) for o, c in subjects if self.token_at(o).head.dep_ == "ROOT"]
                return (main or subjects)[-1 if back == 0 else 0][1]
            if back and named:
                return named[0][1]
        return None

    def token_at(self, offset: int) -> Token:
        """The head word of the mention starting at `offset` ("Cruz" of "Sen. Ted Cruz")."""
        token = self.doc.char_span(offset, offset + 1, alignment_mode="expand")[0]
        span = self.spans.get(token.i)
        if span is not None:
            whole = self.doc.char_span(span[0], span[1], alignment_mode="expand")
            if whole is not None:
                token = whole.root
        return token

    def is_subject(self, offset: int) -> bool:
        """Whether the mention at `offset` is a clause's subject, or in apposition to one."""
        token = self.token_at(offset)
        return token.dep_ in SUBJECT or (token.dep_ == "appos" and token.head.dep_ in SUBJECT)
