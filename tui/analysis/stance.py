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
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tui.analysis import lexicons
from tui.analysis.polarity import evaluation, negated, stance_verbs
from tui.analysis.topics import Topics, adjectival
from tui.model import Quote, Stance, Topic

CLAIM_NOUNS = lexicons.words("claim_nouns.txt")
OWN_SUBJECTS = lexicons.words("own_subjects.txt")
# How much a stance on a topic makes it a main topic, by the rule that found it.
RULE_WEIGHT = {
    "stance verb": 2.5,
    "reporting frame": 3.0,
    "copular evaluation": 2.0,
    "necessity": 2.0,
    "evaluative words": 1.5,
}
PARTICLES = lexicons.words("particles.txt")
HEDGES = lexicons.words("hedges.txt")
CONTRAST_MARKS = lexicons.words("contrast_marks.txt")
_MODAL_NEED = lexicons.words("modal_need.txt")
_SUBJECT_VERBS = lexicons.scores("subject_verbs.tsv")


@dataclass
class Hit:
    speaker: str
    topic: str
    score: float
    quote: str
    rule: str
    cue: str


class StanceFinder(Topics):
    """Topics and stances for one parsed document with its quotes."""

    def __init__(self, doc: Doc, quotes: list[Quote], speaker_mentions: dict[str, list[tuple[int, int]]]):
        super().__init__(doc, speaker_mentions)
        self.quotes = [q for q in quotes if q.speaker]

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
            if token.dep_ == "dobj" and adjectival(token.head):
                judges.append(token.head)  # "has seen encouraging progress", parsed as a verb
            value = sum(evaluation(c) for c in judges)
            if abs(value) >= 0.3:
                cue = next(c.text for c in judges if evaluation(c))
                self._hit(hits, quote, group, max(-1.0, min(1.0, value)) * 0.6, "evaluative words", cue, tokens, token)

    def _hit(self, hits, quote, group, polarity, rule, cue, tokens, token) -> None:
        factor = self.modifiers(tokens) * (0.5 if self.in_concession(token) else 1.0)
        hits.append(Hit(quote.speaker or "", group.key, polarity * factor, quote.id, rule, cue))

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
