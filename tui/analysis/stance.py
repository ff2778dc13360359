"""Topics and each speaker's stance on them, with the evidence and the rule that fired.

Stance is not sentiment: "taking down the gangs" is negative in tone and *for*
a policy, "You have to have a deterrent" is neutral in tone and *for*
deterrence. So stance comes from rules over the parse, tried in order:

  a. stance verbs with the topic as object (back, oppose, scrap, end, push back against …), negation flips;
  b. the reporting frame: a stance verb in the narration around a quote whose subject is its speaker
     ("X accused Y of …", "X pushed back against the claims, though he said …");
  c. copular evaluation ("it was a gimmick"; "it won't work"), "it" resolved to a recent policy topic;
  d. necessity and desire ("you have to have a deterrent", "the priority has to be on …", "we need …");
  e. evaluative words about the topic inside the quote (our list, then VADER's lexicon) as a fallback.

Hedges ("I think", "may") and contrast ("although …") lower the score.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tui.analysis import lexicons
from tui.model import Quote, Stance, Topic

POLICY_HEADS = {
    "scheme",
    "plan",
    "policy",
    "programme",
    "program",
    "deal",
    "bill",
    "law",
    "approach",
    "strategy",
    "proposal",
    "reform",
    "deterrent",
    "ban",
    "tax",
    "cut",
    "cuts",
}
CLAIM_NOUNS = {"claim", "report", "suggestion", "allegation", "idea", "proposal", "rumour", "rumor", "speculation"}
STOP_HEADS = {
    "thing",
    "way",
    "time",
    "year",
    "week",
    "day",
    "month",
    "end",
    "level",
    "lot",
    "number",
    "numbers",
    "part",
    "people",
    "person",
    "one",
    "work",
    "job",
    "matter",
    "matters",
    "fact",
    "issue",
    "question",
    "point",
    "kind",
    "today",
    "yesterday",
    "light",
    "aim",
    "rest",
    "side",
    "case",
    "place",
    "country",
    "world",
    "home",
    "media",
    "fury",
    "ridicule",
    "criticism",
    "summit",
    "meeting",
    "purpose",
    "priority",
    "attention",
    "money",
    "reports",
    "claims",
    "claim",
    "report",
    "comment",
    "comments",
    "statement",
    "interview",
    "broadcaster",
    "broadcasters",
    # Words too general to be what anyone is for or against.
    "detail",
    "details",
    "result",
    "results",
    "event",
    "events",
    "role",
    "thinking",
    "folks",
    "addition",
    "quality",
    "substance",
    "wrap",
    "wraps",
    "thought",
    "idea",
    "reason",
    "sense",
    "moment",
    "step",
    "chance",
    "term",
    "word",
    "words",
    "story",
    "news",
    "bit",
    "piece",
    "area",
    "others",
    "everything",
}
OWN_SUBJECTS = {"i", "we", "you", "one", "us", "government", "he", "she"}
# How much a stance on a topic makes it a main topic, by the rule that found it.
RULE_WEIGHT = {
    "stance verb": 2.5,
    "reporting frame": 3.0,
    "copular evaluation": 2.0,
    "necessity": 2.0,
    "evaluative words": 1.5,
}
PARTICLES = {"back", "down", "out", "up", "off", "away"}
HEDGES = {"think", "may", "might", "could", "perhaps", "possibly", "maybe", "believe", "suppose", "guess"}
CONTRAST_MARKS = {"although", "though", "while", "whilst", "despite"}
NEGATIONS = {"not", "n't", "never", "no", "nothing", "neither", "nor", "without"}
_MODAL_NEED = {"must", "should"}
_QUANTITY_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_RESULT_VERBS = {"see", "show", "find", "report", "record", "witness", "bring", "make"}
_SUBJECT_VERBS = {"work": 1.0, "succeed": 1.0, "help": 0.6, "fail": -1.0, "collapse": -1.0, "backfire": -1.0}


@lru_cache(maxsize=1)
def stance_verbs() -> dict[tuple[str, ...], float]:
    """Stance verbs keyed by their words, e.g. ('push', 'back', 'against') -> -1."""
    table = {}
    for line in lexicons.read("stance_verbs.tsv"):
        words, polarity = line.split("\t")
        table[tuple(words.split())] = float(polarity)
    return table


@lru_cache(maxsize=1)
def evaluations() -> dict[str, float]:
    """Evaluative words: our list first, then VADER's lexicon (valence / 4, clipped to ±1)."""
    table: dict[str, float] = {}
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        table.update(
            {word: max(-1.0, min(1.0, value / 3.0)) for word, value in SentimentIntensityAnalyzer().lexicon.items()}
        )
    except ImportError:  # pragma: no cover - vaderSentiment is a dependency
        pass
    for line in lexicons.read("evaluations.tsv"):
        word, polarity = line.split("\t")
        table[word] = float(polarity)
    return table


@lru_cache(maxsize=1)
def parties() -> dict[str, str]:
    return dict(line.split("\t") for line in lexicons.read("parties.tsv"))


def evaluation(token: Token) -> float:
    table = evaluations()
    return table.get(token.lower_, table.get(token.lemma_.lower(), 0.0))


def negated(token: Token) -> bool:
    """A verb or predicate under 'not', 'never', "won't"."""
    if any(
        child.dep_ == "neg" or (child.lower_ in NEGATIONS and child.dep_ in ("advmod", "det"))
        for child in token.children
    ):
        return True
    return token.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "neg" for c in token.head.children)


def _names_the_head(token: Token, root: Token) -> bool:
    """Part of what names a noun phrase's head ("congestion charge" of "plan"), not what judges it."""
    while token.i != root.i:
        naming = token.dep_ in ("poss", "compound", "nmod", "case") or (
            token.dep_ == "amod" and token.pos_ in ("NOUN", "PROPN")
        )
        if not naming:
            return False
        token = token.head
    return True


def _adjectival(token: Token) -> bool:
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
    heads: set[int] = field(default_factory=set)  # token indices of the mentions' roots
    labels: dict[str, int] = field(default_factory=lambda: defaultdict(int))


@dataclass
class Hit:
    speaker: str
    topic: str
    score: float
    quote: str
    rule: str
    cue: str


class StanceFinder:
    """Topics and stances for one parsed document with its quotes."""

    def __init__(self, doc: Doc, quotes: list[Quote], speaker_mentions: dict[str, list[tuple[int, int]]]):
        self.doc = doc
        self.text = doc.text
        self.quotes = [q for q in quotes if q.speaker]
        self.speaker_mentions = speaker_mentions
        self.mentioned = sorted(span for spans in speaker_mentions.values() for span in spans)
        self.chunks = list(doc.noun_chunks)  # spaCy recomputes them on every iteration
        self.groups: dict[str, TopicGroup] = {}
        self.token_group: dict[int, TopicGroup] = {}
        first_paragraphs = [i for i, t in enumerate(self.text.split("\n")) if t.strip()][:2]
        lines = self.text.split("\n")
        self.lede_end = sum(len(line) + 1 for line in lines[: (first_paragraphs[-1] + 1) if first_paragraphs else 0])

    # --- topics ----------------------------------------------------------------
    def _is_speaker(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.mentioned)

    def _add(self, key: str, label: str, span: Span | tuple[int, int], root: Token, policy=False, gerund=False) -> None:
        start, end = (span.start_char, span.end_char) if isinstance(span, Span) else span
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = TopicGroup(key=key, label=label, policy=policy, gerund=gerund)
        group.mentions.append((start, end))
        group.labels[label] += 1
        group.heads.add(root.i)
        group.weight += 2.0 if start < self.lede_end else 1.0
        self.token_group[root.i] = group

    def gather_topics(self) -> None:
        party = parties()
        chunks = [c for c in self.chunks if c.root.pos_ in ("NOUN", "PROPN")]
        linked: dict[str, str] = {}  # party -> place anchor, from "the Conservatives' Rwanda policy"
        anchor_counts: dict[str, int] = defaultdict(int)
        anchors_of = {chunk.start: self._anchors(chunk) for chunk in chunks}
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
        for chunk in chunks:
            root = chunk.root
            head = root.lemma_.lower()
            if (
                head in STOP_HEADS
                or root.ent_type_ in _QUANTITY_ENTS
                or self._is_speaker(chunk.start_char, chunk.end_char)
            ):
                continue
            if root.ent_type_ in ("PERSON",):
                continue
            words = [t for t in chunk if t.dep_ not in ("det", "poss", "case", "punct") and not t.is_stop]
            if not words:
                continue
            anchors = anchors_of[chunk.start]
            places = sorted((a for a in anchors if a not in party), key=lambda a: -anchor_counts[a])
            sides = [party[a] for a in anchors if a in party]
            policy = head in POLICY_HEADS
            # The label keeps what names the thing ("his plan", "asylum hotels"), not what judges it.
            kept = [t for t in chunk if _names_the_head(t, root)]
            label = " ".join(t.text for t in kept).replace(" ’s", "’s").replace(" 's", "'s")
            if policy and head != "deterrent" and (places or (sides and sides[0] in linked)):
                anchor = places[0] if places else linked[sides[0]]
                self._add(f"policy:{anchor}", label, chunk, root, policy=True)
            elif root.pos_ == "PROPN" and root.ent_type_ in ("ORG", "GPE", "NORP", "LOC", "FAC", "LAW", "EVENT"):
                self._add(f"entity:{root.lemma_.lower()}", label, chunk, root)
            else:
                compounds = [t.lemma_.lower() for t in root.children if t.dep_ == "compound"]
                self._add("noun:" + " ".join([*compounds, head]), label, chunk, root, policy=policy)
        for token in self.doc:
            if token.tag_ == "VBG" and token.dep_ in (
                "pcomp",
                "pobj",
                "xcomp",
                "ccomp",
                "attr",
                "dobj",
                "nsubj",
                "conj",
                "advcl",
            ):
                objects = [c for c in token.children if c.dep_ in ("dobj", "pobj")]
                if not objects or _adjectival(token):  # "encouraging progress" judges, it is no action
                    continue
                particle = [c.lower_ for c in token.children if c.dep_ == "prt"]
                key = " ".join([token.lemma_.lower(), *particle, objects[0].lemma_.lower()])
                start = token.idx
                end = objects[0].right_edge.idx + len(objects[0].right_edge.text)
                # Keep the phrase short: the verb, its particle and the object's own noun phrase.
                end = (
                    min(end, objects[0].idx + len(objects[0].text))
                    if objects[0].right_edge.i - objects[0].i > 3
                    else end
                )
                label = self.text[start:end]
                self._add(f"action:{key}", label, (start, end), token, policy=True, gerund=True)

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
        for child in token.subtree:
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
            inside = max(best[0] + 1, quote.start) <= chunk.start_char and chunk.end_char <= pronoun.idx
            if inside and chunk.root.pos_ != "PRON" and chunk.root.i not in best[1].heads:
                return None  # another thing was named in between: 'it' may be that
        return best[1]

    # --- stance rules ---------------------------------------------------------
    def tokens(self, quote: Quote) -> list[Token]:
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        return list(span) if span is not None else []

    def verb_phrase(self, token: Token) -> tuple[tuple[str, ...], Token | None] | None:
        """The stance-verb entry a verb matches, and the token holding its object."""
        table = stance_verbs()
        lemma = token.lemma_.lower()
        particles = [c for c in token.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in PARTICLES)]
        preps = [c for c in token.children if c.dep_ == "prep"]
        for particle in particles:
            for prep in preps:
                key = (lemma, particle.lower_, prep.lower_)
                if key in table:
                    return key, next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            key = (lemma, particle.lower_)
            if key in table:
                return key, next((c for c in token.children if c.dep_ in ("dobj",)), None)
        for prep in preps:
            key = (lemma, prep.lower_)
            if key in table:
                return key, next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if (lemma,) in table and token.pos_ == "VERB":
            obj = next((c for c in token.children if c.dep_ in ("dobj",)), None)
            if obj is None:
                obj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            return (lemma,), obj
        return None

    def modifiers(self, tokens: list[Token]) -> float:
        """Hedges and contrast lower a score."""
        factor = 1.0
        if any(t.lemma_.lower() in HEDGES for t in tokens):
            factor *= 0.7
        return factor

    def in_concession(self, token: Token) -> bool:
        """Inside an 'although …' clause: conceded, not asserted."""
        for ancestor in [token, *token.ancestors]:
            if any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in ancestor.children):
                return True
        return False

    def rule_verbs(self, quote: Quote, tokens: list[Token], hits: list[Hit]) -> None:
        cue = self.doc.char_span(*quote.cue_span, alignment_mode="expand") if quote.cue_span else None
        if cue is not None and cue.root.lemma_.lower() == "accuse":
            return  # "accused Y of having surrendered to X": the act is Y's, not the speaker's side
        for token in tokens:
            if token.pos_ != "VERB":
                continue
            if token.i in self.token_group and self.token_group[token.i].gerund:
                continue  # "taking down the gangs" is itself the topic (a policy), not a stance on gangs
            found = self.verb_phrase(token)
            if not found or found[1] is None:
                continue
            words, obj = found
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if (
                subject is not None
                and subject.lower_ not in OWN_SUBJECTS
                and not self._is_speaker_token(subject, quote)
            ):
                continue  # "they surrendered to X" reports someone else's act, not the speaker's side
            group = self.group_at(obj)
            if obj.lower_ in ("it", "this", "that"):
                group = self.refers_back(obj, quote)
            if group is None:
                continue
            polarity = stance_verbs()[words] * (-1 if negated(token) else 1)
            self._hit(hits, quote, group, polarity, "stance verb", " ".join(words), tokens, token)

    def rule_frame(self, quote: Quote, hits: list[Hit]) -> None:
        """Stance verbs in the narration of the quote's sentence whose subject is the speaker."""
        if quote.speaker_span is None:
            return
        anchor = self.doc.char_span(*quote.speaker_span, alignment_mode="expand")
        if anchor is None:
            return
        sentence = anchor.root.sent
        speaker_tokens = {t.i for t in anchor}
        mentions = self.speaker_mentions.get(quote.speaker or "", [])
        for token in sentence:
            if quote.start <= token.idx < quote.end or token.pos_ != "VERB":
                continue
            found = self.verb_phrase(token)
            if not found or found[1] is None:
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None or not (subject.i in speaker_tokens or any(s <= subject.idx < e for s, e in mentions)):
                continue
            words, obj = found
            group = self._claimed_topic(obj) if obj.lemma_.lower() in CLAIM_NOUNS else self.group_at(obj)
            if group is None:
                group = self._object_topic(obj)
            if group is None:
                continue
            polarity = stance_verbs()[words] * (-1 if negated(token) else 1)
            self._hit(hits, quote, group, polarity, "reporting frame", " ".join(words), [], token)

    def _is_speaker_token(self, token: Token, quote: Quote) -> bool:
        return any(s <= token.idx < e for s, e in self.speaker_mentions.get(quote.speaker or "", []))

    def _object_topic(self, obj: Token) -> TopicGroup | None:
        """People as targets: "accused Sir Keir Starmer and Ms Cooper of …"."""
        people = [obj, *[c for c in obj.subtree if c.dep_ == "conj"]]
        if not any(self._is_speaker(p.idx, p.idx + len(p.text)) or p.ent_type_ == "PERSON" for p in people):
            return None
        start = obj.left_edge.idx
        last = max(people, key=lambda p: p.i)
        end = last.idx + len(last.text)
        label = self.text[start:end]
        key = "people:" + label.lower()
        self._add(key, label, (start, end), obj)
        return self.groups[key]

    def _claimed_topic(self, noun: Token) -> TopicGroup | None:
        """'the claims' points back to earlier 'claims (that) it could adopt X': X is the topic."""
        lemma = noun.lemma_.lower()
        for token in reversed(self.doc[: noun.i]):
            if token.lemma_.lower() == lemma and token.i != noun.i:
                for child in token.subtree:
                    if child.i in self.token_group and child.i != token.i:
                        return self.token_group[child.i]
        return None

    def rule_copula(self, quote: Quote, tokens: list[Token], hits: list[Hit]) -> None:
        for token in tokens:
            # "it was a gimmick", "the plan is unworkable"
            if token.dep_ in ("attr", "acomp") and token.head.lemma_ == "be":
                subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
                if subject is None or any(c.dep_ in ("ccomp", "xcomp") for c in token.head.children):
                    continue  # "it's important that …": the 'it' stands for a clause
                value = evaluation(token)
                if not value:
                    continue
                group = (
                    self.refers_back(subject, quote)
                    if subject.lower_ in ("it", "this", "that")
                    else self.group_at(subject)
                )
                if group is None:
                    continue
                polarity = value * (-1 if negated(token.head) or negated(token) else 1)
                self._hit(hits, quote, group, polarity, "copular evaluation", token.text, tokens, token)
            # "it won't work", "the scheme failed"
            elif token.pos_ == "VERB" and token.lemma_.lower() in _SUBJECT_VERBS:
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if subject is None:
                    continue
                group = (
                    self.refers_back(subject, quote)
                    if subject.lower_ in ("it", "this", "that")
                    else self.group_at(subject)
                )
                if group is None:
                    continue
                polarity = _SUBJECT_VERBS[token.lemma_.lower()] * (-1 if negated(token) else 1)
                self._hit(hits, quote, group, polarity, "copular evaluation", token.text, tokens, token)

    def rule_necessity(self, quote: Quote, tokens: list[Token], hits: list[Hit]) -> None:
        for token in tokens:
            need = None
            if token.lemma_ == "have" and any(
                c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in token.children
            ):
                need = "have to"
            elif token.lemma_ in ("need", "want") and token.pos_ == "VERB":
                need = token.lemma_
            elif any(c.lower_ in _MODAL_NEED and c.dep_ == "aux" for c in token.children) and token.pos_ in (
                "VERB",
                "AUX",
            ):
                need = next(c.lower_ for c in token.children if c.lower_ in _MODAL_NEED)
            if need is None:
                continue
            for inner in token.subtree:
                if inner.i == token.i:
                    continue
                group = self.token_group.get(inner.i)
                if group is None:
                    continue
                if self._under_stance_verb(inner, token):
                    continue  # "we must stop X" is rule a's
                polarity = -1.0 if negated(token) else 1.0
                self._hit(hits, quote, group, polarity * 0.9, "necessity", need, tokens, token)
                break

    def _under_stance_verb(self, inner: Token, need: Token) -> bool:
        """Is a stance verb (not a gerund topic) between `inner` and the verb of necessity above it?"""
        for ancestor in inner.ancestors:
            if ancestor.i == need.i:
                return False
            gerund = ancestor.i in self.token_group and self.token_group[ancestor.i].gerund
            if ancestor.pos_ == "VERB" and not gerund and self.verb_phrase(ancestor):
                return True
        return False

    def rule_evaluative(self, quote: Quote, tokens: list[Token], hits: list[Hit]) -> None:
        for token in tokens:
            group = self.token_group.get(token.i)
            if group is None or group.gerund:
                continue
            judges = [c for c in token.children if c.dep_ == "amod"]
            if token.dep_ == "dobj" and _adjectival(token.head):
                judges.append(token.head)  # "has seen encouraging progress", parsed as a verb
            value = sum(evaluation(c) for c in judges)
            if abs(value) >= 0.3:
                cue = next(c.text for c in judges if evaluation(c))
                self._hit(hits, quote, group, max(-1.0, min(1.0, value)) * 0.6, "evaluative words", cue, tokens, token)

    def _hit(self, hits, quote, group, polarity, rule, cue, tokens, token) -> None:
        factor = self.modifiers(tokens) * (0.5 if self.in_concession(token) else 1.0)
        hits.append(Hit(quote.speaker or "", group.key, polarity * factor, quote.id, rule, cue))

    # --- putting it together ---------------------------------------------------
    def find(self) -> tuple[list[Topic], list[Stance]]:
        self.gather_topics()
        hits: list[Hit] = []
        for quote in self.quotes:
            tokens = self.tokens(quote)
            self.rule_verbs(quote, tokens, hits)
            self.rule_frame(quote, hits)
            self.rule_copula(quote, tokens, hits)
            self.rule_necessity(quote, tokens, hits)
            self.rule_evaluative(quote, tokens, hits)
        # Speakers are not topics of their own stances.
        hits = [h for h in hits if not self._own(h)]
        for hit in hits:
            self.groups[hit.topic].weight += RULE_WEIGHT.get(hit.rule, 2.0)
        targets = {h.topic for h in hits}
        chosen = sorted(self.groups.values(), key=lambda g: (g.key not in targets, -g.weight))
        chosen = [g for g in chosen if g.weight >= 3.0 or g.key in targets][:8]
        if len(chosen) < 3:
            chosen = sorted(self.groups.values(), key=lambda g: -g.weight)[: min(3, len(self.groups))]
        ids = {group.key: f"t{number}" for number, group in enumerate(chosen, start=1)}
        topics = [Topic(id=ids[g.key], label=self._label(g), mentions=sorted(set(g.mentions))) for g in chosen]
        return topics, self._stances(hits, ids)

    def _own(self, hit: Hit) -> bool:
        group = self.groups[hit.topic]
        mine = self.speaker_mentions.get(hit.speaker, [])
        return group.key.startswith("people:") and any(
            s < end and start < e for start, end in group.mentions for s, e in mine
        )

    def _label(self, group: TopicGroup) -> str:
        if group.key.startswith("policy:"):
            heads = defaultdict(int)
            for index in group.heads:
                heads[self.doc[index].lemma_.lower()] += 1
            head = max(heads.items(), key=lambda item: (item[1], item[0]))[0]
            return f"{group.key.split(':', 1)[1].title()} {head}"
        label = max(group.labels.items(), key=lambda item: (item[1], -len(item[0])))[0]
        return label[:60]

    def _stances(self, hits: list[Hit], ids: dict[str, str]) -> list[Stance]:
        by_pair: dict[tuple[str, str], list[Hit]] = defaultdict(list)
        for hit in hits:
            if hit.topic in ids:
                by_pair[(hit.speaker, hit.topic)].append(hit)
        stances = []
        for (speaker, topic), found in by_pair.items():
            total = sum(h.score for h in found)
            strongest = max(found, key=lambda h: abs(h.score))
            label = "favor" if total > 0.2 else "against" if total < -0.2 else "neutral"
            evidence = sorted({h.quote for h in found}, key=lambda q: int(q[1:]) if q[1:].isdigit() else 0)
            stances.append(
                Stance(
                    speaker=speaker,
                    topic=ids[topic],
                    label=label,
                    score=round(min(1.0, abs(total)), 2),
                    evidence=evidence,
                    rule=strongest.rule,
                    cue=strongest.cue,
                )
            )
        stances.sort(key=lambda s: (s.speaker, s.topic))
        return stances
