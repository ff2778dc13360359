"""Topics and each speaker's stance on them, with the evidence and the rule that fired.

Stance is not sentiment: "taking down the gangs" is negative in tone and *for*
a policy, "You have to have a deterrent" is neutral in tone and *for*
deterrence. So stance comes from rules over the parse, tried in order:

  a. stance verbs with the topic as object (back, oppose, scrap, end, stand up to …); negation
     and blocking words ("refused to back", "premature to endorse", "stopped short of") turn them;
  b. the reporting frame: a stance verb in the narration around a quote whose subject is its speaker
     ("X accused Y of …", "X pushed back against the claims, though he said …");
  c. reported acts and labels, quotes of their own ("X criticised Y", "called Y “a loser”");
  d. copular evaluation ("it was a gimmick"; "it won't work"), "it" resolved to a recent policy topic;
  e. wrongdoing: the doer of "steal", "rig", "threaten" is someone the speaker is against;
  f. necessity and desire ("you have to have a deterrent", "the priority has to be on …", "we need …");
  g. evaluative words about a named or policy topic inside the quote, as a fallback;
  h. the trained target-sentiment model, toward a person, organisation, place or policy the quote
     names that no rule read, where it is sure (stance_model.py).

A target is a person (a speaker, or another named person), an organisation or place, a policy or
an action; each conjunct of "Starmer and Cooper" counts apart, and being against the object of
an action topic ("against the gangs") is being for the action ("taking down the gangs"), so the
two merge. Hedges ("I think", "may") lower the score; a question or a concession ("while X is
right that …") asserts no side. Each stance keeps its evidence in plain words (`Stance.gist`).
"""

from __future__ import annotations

from collections import defaultdict

from tui.analysis.polarity import stance_verbs
from tui.analysis.stance_model import MODEL_RULE, model_hits
from tui.analysis.stance_rules import Hit, StanceRules
from tui.analysis.topics import TopicGroup
from tui.model import Stance, Topic

# How much a stance on a topic makes it a main topic, by the rule that found it.
RULE_WEIGHT = {
    "stance verb": 2.5,
    "reporting frame": 3.0,
    "reported act": 3.0,
    "label": 3.0,
    "wrongdoing": 2.0,
    "copular evaluation": 2.0,
    "necessity": 2.0,
    "evaluative words": 1.5,
    MODEL_RULE: 1.5,
}
MAX_TOPICS = 12  # the stance grid's columns


class StanceFinder(StanceRules):
    """Topics and stances for one parsed document with its quotes: the rules' hits summed per
    speaker and target, and the targets worth a column chosen."""

    def find(self) -> tuple[list[Topic], list[Stance]]:
        self.gather_topics()
        hits: list[Hit] = []
        for quote in self.quotes:
            tokens = self.tokens(quote)
            if quote.kind in ("act", "label"):
                self.rule_act(quote, hits)
                continue
            self.rule_verbs(quote, tokens, hits)
            self.rule_frame(quote, hits)
            self.rule_copula(quote, tokens, hits)
            self.rule_wrongdoing(quote, tokens, hits)
            self.rule_necessity(quote, tokens, hits)
            self.rule_evaluative(quote, tokens, hits)
            model_hits(self, quote, tokens, hits)
        # Speakers are not topics of their own stances; being against what an action acts on is
        # being for the action ("against the gangs" is "for taking down the gangs").
        hits = [h for h in hits if not self._own(h)]
        hits = [self._through_action(h, {x.topic for x in hits if x.speaker == h.speaker}) for h in hits]
        for hit in hits:
            self.groups[hit.topic].weight += RULE_WEIGHT.get(hit.rule, 2.0)
        targets = {h.topic for h in hits}
        chosen = sorted(self.groups.values(), key=lambda g: (g.key not in targets, -g.weight))
        judged = {h.topic for h in hits if h.rule not in ("copular evaluation", "necessity")}
        chosen = [g for g in chosen if (g.weight >= 3.0 or g.key in targets) and self._discussed(g, judged)][
            :MAX_TOPICS
        ]
        if len(chosen) < 3:
            rest = [g for g in self.groups.values() if self._discussed(g, judged) and g.kind != "person"]
            chosen += [g for g in sorted(rest, key=lambda g: -g.weight) if g not in chosen][: 3 - len(chosen)]
        ids = {group.key: f"t{number}" for number, group in enumerate(chosen, start=1)}
        topics = [Topic(id=ids[g.key], label=self._label(g), mentions=sorted(set(g.mentions))) for g in chosen]
        return topics, self._stances(hits, ids)

    def _own(self, hit: Hit) -> bool:
        return hit.topic == f"speaker:{hit.speaker}"

    def _discussed(self, group: TopicGroup, judged: set[str]) -> bool:
        """A common noun is a topic when the article comes back to it, names it closely ("special
        interest") or a speaker takes a side on it by a verb or a judging word ("stand up to the
        establishment", "encouraging progress"): "help" said once ("we need help") is not."""
        return group.kind != "noun" or group.specific or len(set(group.mentions)) >= 2 or group.key in judged

    # (a noun is "specific" when a compound names it: "gun lobby", "asylum hotels"; see topics.py)

    def _through_action(self, hit: Hit, same_speaker: set[str]) -> Hit:
        """A hit on the object of an action topic the same speaker also took a side on, moved to
        the action and turned by it ("against gangs" → "for taking down the gangs")."""
        group = self.groups[hit.topic]
        if group.kind != "noun":
            return hit
        for action in self.groups.values():
            if action.kind != "action" or action.key not in same_speaker:
                continue
            verb = self.doc[min(action.heads)]
            objects = [c for c in verb.children if c.dep_ in ("dobj", "pobj")]
            found = self.verb_phrase(verb)
            if objects and found and self.token_group.get(objects[0].i) is group:
                turn = stance_verbs()[found[0]]
                return Hit(hit.speaker, action.key, hit.score * turn, hit.quote, hit.rule, hit.cue, hit.gist)
        return hit

    def _stances(self, hits: list[Hit], ids: dict[str, str]) -> list[Stance]:
        by_pair: dict[tuple[str, str], list[Hit]] = defaultdict(list)
        for hit in hits:
            if hit.topic in ids:
                by_pair[(hit.speaker, hit.topic)].append(hit)
        stances = []
        for (speaker, topic), found in by_pair.items():
            total = sum(h.score for h in found)
            strongest = max(found, key=lambda h: abs(h.score))
            if abs(total) < 0.3:
                continue  # too weak, or evidence pulling both ways: no side to show
            label = "favor" if total > 0 else "against"
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
                    gist=strongest.gist,
                )
            )
        stances.sort(key=lambda s: (s.speaker, s.topic))
        return stances
