"""Topics: what speakers take sides on, gathered from the parse before any stance is read.

People (the document's speakers, by speaker, and other named persons), policies ("the Rwanda
scheme", anchored to a place or party), named organisations and places, other noun phrases, and
actions ("taking down the gangs"). Each conjunct of "Starmer and Cooper" is a target of its own.
Quantities, evaluative words ("fools"), too-general nouns ("help") and fragments cut by a quote
mark are never topics. `refers_back` resolves "it" / "this" to the policy mentioned just before.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tui.analysis import lexicons
from tui.analysis.polarity import evaluation
from tui.model import Quote

QUOTE_CHARACTERS = set("“”\"‘’'")

POLICY_HEADS = lexicons.words("policy_heads.txt")
STOP_HEADS = lexicons.words("stop_heads.txt")
_QUANTITY_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_RESULT_VERBS = lexicons.words("result_verbs.txt")
_ACTION_DEPS = ("pcomp", "pobj", "xcomp", "ccomp", "attr", "dobj", "nsubj", "csubj", "conj", "advcl")


@lru_cache(maxsize=1)
def parties() -> dict[str, str]:
    return dict(line.split("\t") for line in lexicons.read("parties.tsv"))


def _names_the_head(token: Token, root: Token) -> bool:
    """Part of what names a noun phrase's head ("congestion charge" of "plan"), not what judges it."""
    while token.i != root.i:
        naming = token.dep_ in ("poss", "compound", "nmod", "case") or (
            token.dep_ == "amod" and (token.pos_ in ("NOUN", "PROPN") or _classifies(token))
        )
        if not naming:
            return False
        token = token.head
    return True


def _classifies(adjective: Token) -> bool:
    """An adjective that says which kind ("pro-life majority", "middle class"), not how good: no
    evaluative weight, no quantity ("other", "many"), no -ing or -ed form of a verb."""
    return evaluation(adjective) == 0 and not adjective.is_stop and adjective.tag_ not in ("VBG", "VBN", "JJR", "JJS")


def adjectival(token: Token) -> bool:
    """An evaluative -ing word used as an adjective: "has seen encouraging progress"."""
    return (
        token.tag_ == "VBG"
        and evaluation(token) != 0
        and (token.dep_ in ("amod", "acomp") or token.head.lemma_.lower() in _RESULT_VERBS)
    )


@dataclass
class TopicGroup:
    """A candidate topic while we gather its mentions."""

    key: str
    label: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    weight: float = 0.0
    policy: bool = False
    gerund: bool = False
    kind: str = "noun"  # person, entity, policy, action or noun (a common noun phrase)
    specific: bool = False  # a compound names it more closely ("gun lobby", "asylum hotels")
    heads: set[int] = field(default_factory=set)  # token indices of the mentions' roots
    labels: dict[str, int] = field(default_factory=lambda: defaultdict(int))


class Topics:
    """The candidate topics of one parsed document, by key and by the token heading each mention."""

    def __init__(
        self,
        doc: Doc,
        speaker_mentions: dict[str, list[tuple[int, int]]],
        speaker_names: dict[str, str] | None = None,
    ):
        self.doc = doc
        self.text = doc.text
        self.speaker_mentions = speaker_mentions
        self.speaker_names = speaker_names or {}
        self.mentioned = sorted(span for spans in speaker_mentions.values() for span in spans)
        self.chunks = list(doc.noun_chunks)  # spaCy recomputes them on every iteration
        self.groups: dict[str, TopicGroup] = {}
        self.token_group: dict[int, TopicGroup] = {}
        first_paragraphs = [i for i, t in enumerate(self.text.split("\n")) if t.strip()][:2]
        lines = self.text.split("\n")
        self.lede_end = sum(len(line) + 1 for line in lines[: (first_paragraphs[-1] + 1) if first_paragraphs else 0])

    def _is_speaker(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.mentioned)

    def speaker_at(self, start: int, end: int) -> str | None:
        """The speaker one of whose mentions overlaps [start, end), if any."""
        for speaker, spans in self.speaker_mentions.items():
            if any(s < end and start < e for s, e in spans):
                return speaker
        return None

    def _add(
        self, key: str, label: str, span: Span | tuple[int, int], root: Token, policy=False, gerund=False, kind="noun"
    ) -> None:
        start, end = (span.start_char, span.end_char) if isinstance(span, Span) else span
        if not label.strip():
            return  # "what Judge Curiel is doing": nothing names it
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = TopicGroup(key=key, label=label, policy=policy, gerund=gerund, kind=kind)
        group.mentions.append((start, end))
        group.labels[label] += 1
        group.heads.add(root.i)
        group.weight += 2.0 if start < self.lede_end else 1.0
        self.token_group[root.i] = group

    def gather_topics(self) -> None:
        """Every candidate topic: noun phrases (policies anchored to a place or party, named
        entities, other nouns) and actions ("taking down the gangs")."""
        chunks = [c for c in self.chunks if c.root.pos_ in ("NOUN", "PROPN")]
        anchors_of = {chunk.start: self._anchors(chunk) for chunk in chunks}
        anchor_counts, linked = _policy_anchors(chunks, anchors_of)
        for chunk in chunks:
            self._noun_topic(chunk, anchors_of[chunk.start], anchor_counts, linked)
        for token in self.doc:
            if token.tag_ == "VBG" and token.dep_ in _ACTION_DEPS:
                self._action_topic(token)

    def _noun_topic(
        self, chunk: Span, anchors: list[str], anchor_counts: dict[str, int], linked: dict[str, str]
    ) -> None:
        party = parties()
        root = chunk.root
        head = root.lemma_.lower()
        speaker = self.speaker_at(root.idx, root.idx + len(root.text))
        if speaker is not None and root.pos_ in ("PROPN", "PRON"):
            # By name only: "the president", "a candidate" may be someone else than the speaker
            # step took them for, and stay common nouns.
            self._add(f"speaker:{speaker}", self.speaker_names.get(speaker, root.text), chunk, root, kind="person")
            return
        if root.ent_type_ == "PERSON":
            name = next((e for e in self.doc.ents if e.start <= root.i < e.end), chunk)
            if any(t.text in QUOTE_CHARACTERS for t in name):
                return  # "Trump’s Putin Remarks ‘Troubling": a headline misread as a name
            self._add(self._person_key(name.text), unowned(name.text), name, root, kind="person")
            return
        if head in STOP_HEADS or root.ent_type_ in _QUANTITY_ENTS or self._is_speaker(chunk.start_char, chunk.end_char):
            return
        if any(t.text in QUOTE_CHARACTERS for t in chunk):
            return  # "ISIS ' recruiter", "Remarks ‘Troubling": a fragment cut by a quote mark, not a phrase
        if root.dep_ in ("attr", "oprd") and not root.ent_type_:
            return  # "(they are) fools", "(it was) a mistake": what something is called is no topic
        words = [t for t in chunk if t.dep_ not in ("det", "poss", "case", "punct") and not t.is_stop]
        if not words:
            return
        places = sorted((a for a in anchors if a not in party), key=lambda a: -anchor_counts[a])
        sides = [party[a] for a in anchors if a in party]
        policy = head in POLICY_HEADS
        # The label keeps what names the thing ("his plan", "asylum hotels"), not what judges it.
        kept = [t for t in chunk if _names_the_head(t, root)]
        label = "".join(t.text if t is kept[-1] else t.text_with_ws for t in kept)
        if policy and head != "deterrent" and (places or (sides and sides[0] in linked)):
            anchor = places[0] if places else linked[sides[0]]
            self._add(f"policy:{anchor}", label, chunk, root, policy=True, kind="policy")
        elif root.pos_ == "PROPN" and root.ent_type_ in ("", "ORG", "GPE", "NORP", "LOC", "FAC", "LAW", "EVENT"):
            self._add(f"entity:{root.lemma_.lower()}", label, chunk, root, kind="entity")
        else:
            compounds = [t.lemma_.lower() for t in root.children if t.dep_ == "compound"]
            self._add("noun:" + " ".join([*compounds, head]), label, chunk, root, policy=policy)
            if any(t.dep_ == "compound" for t in root.children):
                self.groups["noun:" + " ".join([*compounds, head])].specific = True

    def _person_at(self, token: Token) -> TopicGroup | None:
        """A named person inside a larger phrase ("Clinton" in "Clinton's campaign") as a target."""
        name = next((e for e in self.doc.ents if e.start <= token.i < e.end and e.label_ == "PERSON"), None)
        if name is None:
            return None
        speaker = self.speaker_at(name.start_char, name.end_char)
        key = f"speaker:{speaker}" if speaker is not None else self._person_key(name.text)
        label = self.speaker_names.get(speaker, name.text) if speaker is not None else unowned(name.text)
        self._add(key, label, name, token, kind="person")
        return self.groups.get(key)

    def _person_key(self, name: str) -> str:
        """One key per person: the full name, and a bare surname goes to the one full name that ends
        with it ("Bush" after "Jeb Bush"; never "George W. Bush" and "Jeb Bush" as one)."""
        words = name.replace("’s", "").replace("'s", "").lower().split()
        if len(words) == 1:
            fuller = {k for k in self.groups if k.startswith("person:") and k.split()[-1] == words[0]}
            if len(fuller) == 1:
                return fuller.pop()
        return "person:" + " ".join(words)

    def _action_topic(self, token: Token) -> None:
        """ "taking down the gangs": a gerund with its object is a policy of its own."""
        objects = [c for c in token.children if c.dep_ in ("dobj", "pobj")]
        if not objects or adjectival(token) or objects[0].lemma_.lower() in STOP_HEADS:
            return  # "encouraging progress" judges, it is no action; "paying attention" names no policy
        particle = [c.lower_ for c in token.children if c.dep_ == "prt"]
        key = " ".join([token.lemma_.lower(), *particle, objects[0].lemma_.lower()])
        start = token.idx
        end = objects[0].right_edge.idx + len(objects[0].right_edge.text)
        # Keep the phrase short: the verb, its particle and the object's own noun phrase.
        end = min(end, objects[0].idx + len(objects[0].text)) if objects[0].right_edge.i - objects[0].i > 3 else end
        label = self.text[start:end]
        self._add(f"action:{key}", label, (start, end), token, policy=True, gerund=True, kind="action")

    def _anchors(self, chunk: Span) -> list[str]:
        """Proper-noun modifiers that name what a policy is about ("Rwanda", "Tory")."""
        anchors = []
        for token in chunk:
            if token is chunk.root:
                continue
            if token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "NORP", "ORG"):
                word = token.lower_.replace("’s", "").replace("'s", "").strip("‘’'")
                if word:
                    anchors.append(word)
        return anchors

    def group_at(self, token: Token) -> TopicGroup | None:
        """The topic a token's phrase mentions, searching the phrase under it."""
        if token.i in self.token_group:
            return self.token_group[token.i]
        if token.pos_ == "PRON":  # "him", "her": a speaker where the speaker step resolved it
            speaker = self.speaker_at(token.idx, token.idx + len(token.text))
            if speaker is None or token.lower_ in ("it", "this", "that", "which", "what"):
                return None
            self._add(
                f"speaker:{speaker}",
                self.speaker_names.get(speaker, token.text),
                (token.idx, token.idx + len(token.text)),
                token,
                kind="person",
            )
            return self.groups[f"speaker:{speaker}"]
        # Only the token's own noun phrase: "the thought that an error …" is not about the error,
        # "the president of the United States" not about the United States.
        chunk = next((c for c in self.chunks if c.root.i == token.i), None)
        for child in chunk if chunk is not None else []:
            if child.i in self.token_group:
                return self.token_group[child.i]
        return None

    def refers_back(self, pronoun: Token, quote: Quote) -> TopicGroup | None:
        """What 'it' / 'this' / 'that' stands for: the latest policy topic mentioned just before."""
        paragraph_start = self.text.rfind("\n", 0, max(0, self.text.rfind("\n", 0, quote.start))) + 1
        best = None
        for group in self.groups.values():
            if not group.policy:
                continue
            for start, _ in group.mentions:
                if paragraph_start <= start < pronoun.idx and (best is None or start > best[0]):
                    best = (start, group)
        if best is None:
            return None
        for chunk in self.chunks:
            if not (best[0] + 1 <= chunk.start_char and chunk.end_char <= pronoun.idx):
                continue
            if chunk.root.pos_ == "PRON" or chunk.root.i in best[1].heads:
                continue
            named = chunk.root.pos_ == "NOUN" and chunk.root.lemma_.lower() not in STOP_HEADS
            if (named or chunk.start_char >= quote.start) and not self._is_speaker(chunk.start_char, chunk.end_char):
                return None  # another thing was named in between ("the Orlando attack"): 'it' may be that
        return best[1]

    def person_before(self, pronoun: Token, quote: Quote) -> TopicGroup | None:
        """Who "he" / "she" in a quote stands for when the speaker step did not say: the one person
        named in this paragraph or the one before, ahead of the pronoun, who is not the speaker
        ("… about Kim Lowe. “She is a liar,” he said."); None if there are two or none."""
        paragraph_start = self.text.rfind("\n", 0, max(0, self.text.rfind("\n", 0, quote.start))) + 1
        own = self.speaker_mentions.get(quote.speaker or "", [])
        people = [
            e
            for e in self.doc.ents
            if e.label_ == "PERSON"
            and paragraph_start <= e.start_char < pronoun.idx
            and not any(s < e.end_char and e.start_char < end for s, end in own)
        ]
        keys = {self.speaker_at(e.start_char, e.end_char) or self._person_key(e.text) for e in people}
        return self._person_at(people[-1].root) if len(keys) == 1 else None

    def targets_at(self, token: Token) -> list[TopicGroup]:
        """The topics a phrase names, one per conjunct: "Sir Keir Starmer and Ms Cooper" is two. A
        common noun owned by a person stands for the person ("criticised Clinton's record")."""
        parts, frontier = [token], [token]
        while frontier:
            for child in frontier.pop().children:
                if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
                    parts.append(child)
                    frontier.append(child)
        found: list[TopicGroup] = []
        for part in parts:
            group = self.token_group.get(part.i) or (self.group_at(part) if part.i == token.i else None)
            owner = next((c for c in part.children if c.dep_ == "poss"), None)
            named = next((c for c in part.children if c.dep_ == "appos"), None)
            if named is not None and (group is None or group.kind == "noun"):  # "the winner: Donald Trump"
                group = self.group_at(named) or group
            of = next((c for c in part.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if owner is None and of is not None:  # "the ambitions of Carson" is Carson's
                owner = next((c for c in of.children if c.dep_ == "pobj"), None)
            if owner is not None and (group is None or group.kind == "noun"):
                owned = self.group_at(owner) or self._person_at(owner)
                group = owned if owned is not None and owned.kind == "person" else group
            if group is not None and group not in found:
                found.append(group)
        return found

    def _claimed_topic(self, noun: Token) -> TopicGroup | None:
        """'the claims' points back to earlier 'claims (that) it could adopt X': X is the topic."""
        lemma = noun.lemma_.lower()
        for token in reversed(self.doc[: noun.i]):
            if token.lemma_.lower() == lemma and token.i != noun.i:
                for child in token.subtree:
                    if child.i in self.token_group and child.i != token.i:
                        return self.token_group[child.i]
        return None

    def _label(self, group: TopicGroup) -> str:
        if group.key.startswith("policy:"):
            heads = defaultdict(int)
            for index in group.heads:
                heads[self.doc[index].lemma_.lower()] += 1
            head = max(heads.items(), key=lambda item: (item[1], item[0]))[0]
            return f"{group.key.split(':', 1)[1].title()} {head}"
        label = max(group.labels.items(), key=lambda item: (item[1], -len(item[0])))[0]
        return label[:60]


def _policy_anchors(chunks: list[Span], anchors_of: dict[int, list[str]]) -> tuple[dict[str, int], dict[str, str]]:
    """How often each anchor names a policy, and each party's place anchor ("the Conservatives'
    Rwanda policy" links the Conservatives to Rwanda)."""
    party = parties()
    anchor_counts: dict[str, int] = defaultdict(int)
    linked: dict[str, str] = {}
    for chunk in chunks:
        if chunk.root.lemma_.lower() in POLICY_HEADS:
            for anchor in anchors_of[chunk.start]:
                anchor_counts[anchor] += 1
    for chunk in chunks:
        anchors = anchors_of[chunk.start]
        places = [a for a in anchors if a not in party]
        sides = [party[a] for a in anchors if a in party]
        if chunk.root.lemma_.lower() in POLICY_HEADS and places and sides:
            linked[sides[0]] = places[0]
    return anchor_counts, linked


def unowned(name: str) -> str:
    """A name without its possessive ending: "Kim Lowe's" -> "Kim Lowe"."""
    for ending in ("’s", "'s", "’", "'"):
        if name.endswith(ending):
            return name[: -len(ending)]
    return name


def direct_object(verb: Token) -> Token | None:
    """A verb's direct object, the person where a place before them was parsed as one too."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return None if obj is None else person_for_place(verb, obj)


def person_for_place(verb: Token, obj: Token) -> Token:
    """ "dismissed Wisconsin Gov. Scott Walker" parsed as two objects, the place and the person:
    the person is the object."""
    named = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == obj.i + 1), None)
    if obj.ent_type_ in ("GPE", "NORP") and named is not None and named.ent_type_ == "PERSON":
        return named
    return obj
