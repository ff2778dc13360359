"""The stance rules over one quote's parse (see stance.py for the order and what each reads), and
who holds the view a quote states: its speaker, or someone whose view it reports, asks or supposes.

`StanceRules` adds each rule's findings to a list of `Hit`s; `stance.StanceFinder` sums them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tui.analysis import lexicons
from tui.analysis.attribution.acts import act_verbs, act_words, target_of
from tui.analysis.polarity import denied, evaluation, negated, stance_verbs, turned
from tui.analysis.stance_voice import Voice, clip
from tui.analysis.topics import TopicGroup, adjectival, direct_object, person_for_place
from tui.model import Quote

CLAIM_NOUNS = lexicons.words("claim_nouns.txt")
PARTICLES = lexicons.words("particles.txt")
_MODAL_NEED = lexicons.words("modal_need.txt")
_SUBJECT_VERBS = lexicons.scores("subject_verbs.tsv")
_WRONGDOING = lexicons.words("wrongdoing_verbs.txt")
_RESULT_VERBS = lexicons.words("result_verbs.txt")
_LIGHT_VERBS = lexicons.words("light_verbs.txt")
_STATE_WORDS = lexicons.words("state_words.txt")
_OWN_EVALUATIONS = frozenset(line.split("\t")[0] for line in lexicons.read("evaluations.tsv"))


@dataclass
class Hit:
    speaker: str
    topic: str
    score: float
    quote: str
    rule: str
    cue: str
    gist: str = ""


class StanceRules(Voice):
    """The rules, each adding the hits it finds in one quote; the helpers say whose view it is."""

    def __init__(
        self,
        doc: Doc,
        quotes: list[Quote],
        speaker_mentions: dict[str, list[tuple[int, int]]],
        speaker_names: dict[str, str] | None = None,
    ):
        super().__init__(doc, speaker_mentions, speaker_names)
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
                return key, direct_object(token)
        for prep in preps:
            key = (lemma, prep.lower_)
            if key in table:
                return key, next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if (lemma,) in table and token.pos_ == "VERB":
            obj = direct_object(token)
            if obj is None:
                obj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            return (lemma,), obj
        return None

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
            obj = found[1]
            if not self.speakers_act(token, quote) or self.supposed(token):
                continue  # "they surrendered to X", "if you voted for X": not the speaker's side
            groups = self.targets_at(obj)
            if obj.lower_ in ("it", "this", "that"):
                groups = [g for g in [self.refers_back(obj, quote)] if g is not None]
            self._verb_hits(hits, quote, token, found, groups, "stance verb", tokens)

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
            obj = found[1]
            claimed = self._claimed_topic(obj) if obj.lemma_.lower() in CLAIM_NOUNS else None
            groups = [claimed] if claimed is not None else self.targets_at(obj)
            self._verb_hits(hits, quote, token, found, groups, "reporting frame", [])

    def _verb_hits(
        self,
        hits: list[Hit],
        quote: Quote,
        token: Token,
        found: tuple[tuple[str, ...], Token],
        groups: list[TopicGroup],
        rule: str,
        tokens: list[Token],
    ) -> None:
        """A stance verb's side toward each target group, turned by negation and blocking words;
        a turned against-verb gives nothing ("has not accused Russia": not attacking is no support)."""
        words, obj = found
        if stance_verbs()[words] < 0 and turned(token):
            return
        polarity = stance_verbs()[words] * (-1 if turned(token) else 1)
        gist = self.phrase(token, obj)
        for group in groups:
            self.hit(hits, quote, group, polarity, rule, " ".join(words), tokens, token, gist)

    def rule_act(self, quote: Quote, hits: list[Hit]) -> None:
        """A reported act ("criticised Y") or a label ("called Y “a loser”"): a side toward Y."""
        if quote.cue_span is None:
            return
        verb = self.doc.char_span(*quote.cue_span, alignment_mode="expand")
        if verb is None:
            return
        verb_token = verb.root
        obj = target_of(verb_token)
        if obj is None:
            return
        obj = person_for_place(verb_token, obj)
        if quote.kind == "label":
            named = [c for c in verb_token.children if c.i > obj.i and c.dep_ in ("oprd", "xcomp", "attr", "ccomp")]
            named += [c for c in obj.children if c.dep_ == "oprd"]
            if not named:
                return
            label = named[-1]
            quoted = [t for t in label.subtree if self._in_marks(t)]
            words_of = quoted or [t for t in label.subtree if t.i <= label.i]  # "the “ultimate hypocrite,” linking …"
            polarity = max(-1.0, min(1.0, sum(evaluation(t) for t in words_of)))
            if abs(polarity) < 0.3:
                return  # a neutral label ("called him Bob") takes no side
            words = self.text[label.left_edge.idx : label.right_edge.idx + len(label.right_edge.text)].strip("“”\"‘’' ")
            target = self.text[obj.left_edge.idx : obj.right_edge.idx + len(obj.right_edge.text)]
            gist = f"calls {target} ‘{clip(words)}’"
            rule, cue = "label", words
        else:
            words = act_words(verb_token)
            if words is None:
                return
            polarity = act_verbs()[words]
            gist = self.phrase(verb_token, None, quote.end)
            rule, cue = "reported act", " ".join(words)
        for group in self.targets_at(obj):
            hits.append(Hit(quote.speaker or "", group.key, polarity, quote.id, rule, cue, gist))

    def rule_wrongdoing(self, quote: Quote, tokens: list[Token], hits: list[Hit]) -> None:
        """ "the establishment would steal the nomination": the speaker is against the doer."""
        for token in tokens:
            if token.pos_ != "VERB" or token.lemma_.lower() not in _WRONGDOING or negated(token):
                continue
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
                continue  # "… are undermined by evidence": the doer is no target
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None and token.dep_ in ("xcomp", "advcl"):  # "would work overtime to steal"
                subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is None or self.own(subject, quote):
                continue
            gist = self.phrase(subject.left_edge, None, token.idx + len(token.text))
            for group in self.targets_at(subject):
                self.hit(hits, quote, group, -1.0, "wrongdoing", token.text, tokens, token, gist)

    def rule_copula(self, quote: Quote, tokens: list[Token], hits: list[Hit]) -> None:
        for token in tokens:
            # "it was a gimmick", "the plan is unworkable"
            if token.dep_ in ("attr", "acomp") and token.head.lemma_ == "be":
                subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "csubj")), None)
                if subject is None or any(
                    c.dep_ in ("ccomp", "xcomp") for c in [*token.head.children, *token.children]
                ):
                    continue  # "it's important that …", "X is right that …": a clause is judged, not X
                value = evaluation(token)
                if token.lemma_.lower() in _STATE_WORDS or token.lower_ in _STATE_WORDS:
                    continue  # "the voters are furious", "her husband was free": a state, not a judgement
                if abs(value) < (0.3 if token.lower_ in _OWN_EVALUATIONS else 0.6) or self._describes(token, subject):
                    continue  # VADER's milder words ("clear", "fair", "interested") describe more than judge
                value = self._attitude(token.head, value)
                group = (
                    self.refers_back(subject, quote)
                    if subject.lower_ in ("it", "this", "that")
                    else self.group_at(subject)
                )
                if group is None and subject.lower_ in ("he", "she") and quote.start <= subject.idx < quote.end:
                    group = self.person_before(subject, quote)  # "She is a liar": the one person named before
                if group is None:
                    continue
                polarity = value * (-1 if denied(token.head) or denied(token) else 1)
                last = max([token, *[c for c in token.head.children if c.dep_ == "conj" and c.i > token.i]]).right_edge
                said = self.text[token.left_edge.idx : last.idx + len(last.text)]  # "… a failure, but a catastrophe"
                gist = (
                    f"calls {self._mention_text(subject, group)} {'not ' if polarity * value < 0 else ''}‘{clip(said)}’"
                )
                self.hit(hits, quote, group, polarity, "copular evaluation", token.text, tokens, token, gist)
            # "it won't work", "the scheme failed"
            elif (
                token.pos_ == "VERB"
                and token.tag_ not in ("VBG", "VBN")
                and token.lemma_.lower() in _SUBJECT_VERBS
                and not any(
                    c.dep_ in ("dobj", "advcl", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")
                    for c in token.children
                )
            ):  # "it won't work", not "they would work overtime to …", "Twitter works as a way to …"
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
                gist = f"says {self._mention_text(subject, group)} {self.phrase(token, None)}"
                self.hit(hits, quote, group, polarity, "copular evaluation", token.text, tokens, token, gist)

    def _describes(self, predicate: Token, subject: Token) -> bool:
        """A copula that describes rather than judges: a cleft ("it was X that persuaded …"), a
        relation ("focused on …"), or the speaker's own things ("our pensions are secure")."""
        if any(c.dep_ in ("relcl", "acl") for c in predicate.children):
            return True
        for prep in (c for c in predicate.children if c.dep_ == "prep" and c.lower_ == "for"):
            if any(o.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for o in prep.children):
                return True  # "a disaster for Hillary Clinton": good or bad news for someone
        if predicate.dep_ == "acomp" and any(c.dep_ == "prep" for c in predicate.children):
            return True  # "responsible for …", "focused on …"
        return any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subject.children)

    def _attitude(self, verb: Token, value: float) -> float:
        """A sentence adverb says the speaker's attitude: "is unfortunately still strong" is bad."""
        adverbs = sum(evaluation(c) for c in verb.children if c.dep_ == "advmod")
        return abs(value) * (1 if adverbs > 0 else -1) if adverbs else value

    def rule_necessity(self, quote: Quote, tokens: list[Token], hits: list[Hit]) -> None:
        for token in tokens:
            need = None
            if token.lemma_ == "have" and any(
                c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in token.children
            ):
                need = "have to"
            elif token.lemma_ in ("need", "want") and token.pos_ == "VERB":
                need = token.lemma_
            elif (
                any(c.lower_ in _MODAL_NEED and c.dep_ == "aux" for c in token.children)
                and token.pos_ in ("VERB", "AUX")
                and token.lemma_.lower() in _LIGHT_VERBS  # "we must have X"; "we should underplay X" is no need for X
            ):
                need = next(c.lower_ for c in token.children if c.lower_ in _MODAL_NEED)
            if need is None or not self._needer(token, quote) or (self.verb_phrase(token) or (0, None))[1] is not None:
                # "we must stand up to X" is rule a's: the modal adds no side of its own
                continue
            for inner in self._needed(token):
                group = self.token_group.get(inner.i)
                if group is None or group.kind == "person":
                    continue
                if self._under_stance_verb(inner, token):
                    continue  # "we must stop X" is rule a's
                polarity = -1.0 if turned(token) else 1.0
                self.hit(
                    hits, quote, group, polarity * 0.9, "necessity", need, tokens, token, self.phrase(token, inner)
                )
                break

    def _needer(self, token: Token, quote: Quote) -> bool:
        """Who needs it is the speaker's side ("we", "you", the government, the speaker), or no one
        in particular ("the priority has to be on …"): not "Russia should hack …"."""
        verb = token
        while verb.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head
        if verb.dep_ in ("relcl", "acl") or self.supposed(verb):
            return False  # "changes he wanted to make", "if you don't want to …"
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or self.own(subject, quote, generic_you=True):
            return True
        return token.lemma_ == "be" or any(
            c.dep_ == "xcomp" and (c.lemma_ == "be" or any(g.dep_ == "aux" and g.lemma_ == "be" for g in c.children))
            for c in token.children
        )

    def _needed(self, token: Token) -> list[Token]:
        """What is needed: the objects of the verb of necessity and of the verbs it governs, through
        objects, prepositions and infinitives only (not the subject, nor a clause of its own)."""
        # Through a light verb only ("have to have a deterrent"): "need to bomb X" is not for X.
        verbs = [token, *[c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() in _LIGHT_VERBS]]
        found = []
        for verb in verbs:
            for child in verb.children:
                if child.dep_ in ("dobj", "attr") or (child.dep_ == "xcomp" and child.tag_ == "VBG"):
                    found.append(child)
                elif child.dep_ == "prep" and child.lower_ in ("on", "about") and verb.lemma_ == "be":
                    found += [c for c in child.children if c.dep_ in ("pobj", "pcomp")]  # "has to be on …"
        # "we don't want a fractured convention": the quality is wanted or not, not the thing
        return [
            t
            for t in sorted(found, key=lambda t: t.i)
            if not any(c.dep_ == "amod" and evaluation(c) for c in t.children)
        ]

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
            named = group.kind in ("person", "policy")  # not "super PAC", "brave Americans"
            judges = [c for c in token.children if c.dep_ == "amod"] if named else []
            if (
                token.dep_ == "dobj"
                and adjectival(token.head)
                and token.head.head.lemma_.lower() in _RESULT_VERBS
                and self.doc[token.head.i - 1].pos_ not in ("NOUN", "PROPN", "PRON")
            ):  # "has seen encouraging progress", parsed as a verb; not "videos of X insulting Y" (X's act)
                judges.append(token.head)
            value = sum(evaluation(c) for c in judges)
            if abs(value) >= 0.3:
                cue = next(c.text for c in judges if evaluation(c))
                words = [*judges, token]
                start, last = min(words, key=lambda t: t.i), max(words, key=lambda t: t.i)
                gist = f"speaks of ‘{clip(self.text[start.idx : last.idx + len(last.text)])}’"
                self.hit(
                    hits, quote, group, max(-1.0, min(1.0, value)) * 0.6, "evaluative words", cue, tokens, token, gist
                )

    def hit(self, hits, quote, group, polarity, rule, cue, tokens, token, gist="") -> None:
        if (
            self.asked(token)
            or self.others_view(token, quote)
            or self.supposed(token)
            or self.inner_quoted(token, quote)
        ):
            return  # "is it a gimmick?", "they think X is …", "saying, ‘I love X’": asked, or someone else's view
        factor = self.modifiers(tokens) * (0.5 if self.in_concession(token) else 1.0)
        hits.append(Hit(quote.speaker or "", group.key, polarity * factor, quote.id, rule, cue, gist))

    def _mention_text(self, token: Token, group: TopicGroup) -> str:
        if token.lower_ in ("it", "this", "that", "he", "she"):
            return self._label(group)
        return self.text[token.left_edge.idx : token.right_edge.idx + len(token.right_edge.text)]
