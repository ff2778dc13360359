"""Whose view a quote's words state, and how firmly: the speaker's own, or a view they report
("they think …"), ask about, suppose ("if …"), concede ("although …") or hedge ("I think", "may").
The stance rules (stance_rules.py) keep a finding only when the view is the speaker's own, and say it
in the speaker's own words (`phrase`: "premature to back X", "accused X and Y of …").
"""

from __future__ import annotations

from spacy.tokens import Token

from tui.analysis import lexicons
from tui.analysis.polarity import BLOCKING, blocked, seldom, turned
from tui.analysis.topics import Topics
from tui.model import Quote

OWN_SUBJECTS = lexicons.words("own_subjects.txt")
HEDGES = lexicons.words("hedges.txt")
CONTRAST_MARKS = lexicons.words("contrast_marks.txt")
_REPORTING = lexicons.words("cue_verbs.txt")
_WANTING = lexicons.words("wanting_verbs.txt")
GIST_LENGTH = 70  # characters of evidence in plain words; longer phrases keep their two ends


class Voice(Topics):
    """Questions about one token of a quote: is this the speaker's own, asserted view?"""

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

    def _in_marks(self, token: Token) -> bool:
        """Between quote marks within its sentence (a label's own words)."""
        before = self.text[token.sent.start_char : token.idx]
        return before.count("“") > before.count("”") or before.count('"') % 2 == 1

    def inner_quoted(self, token: Token, quote: Quote) -> bool:
        """Inside a quote within the quote ("you hear her saying, ‘I love corn ethanol’"): someone
        else's words, not the speaker's. A ’ before a letter is an apostrophe ("don’t"), not a close."""
        before = self.text[quote.start : token.idx]
        closes = sum(1 for k, ch in enumerate(before) if ch == "’" and not before[k + 1 : k + 2].isalpha())
        return before.count("‘") > closes

    def own(self, subject: Token, quote: Quote, generic_you: bool = False) -> bool:
        """A subject that speaks for the speaker's side: "I", "we", the government, a mention of the
        speaker ("he" only where the speaker step resolved it so); "you" only in "you have to"."""
        word = subject.lower_
        if word in ("he", "she", "they", "him", "her") or (word == "you" and not generic_you):
            return self._is_speaker_token(subject, quote)
        return word in OWN_SUBJECTS or self._is_speaker_token(subject, quote)

    def speakers_act(self, verb: Token, quote: Quote) -> bool:
        """Is the speaker (or their side) who does the verb? Up through infinitives and conjoined
        verbs to the first subject: "we must stand up to X" yes; "the willingness of voters to back
        X", "comments appearing to praise X", "X was supported by early deciders" no."""
        current = verb
        for _ in range(6):
            agent = next((c for c in current.children if c.dep_ == "agent"), None)
            if agent is not None:
                doer = next((c for c in agent.children if c.dep_ == "pobj"), None)
                return doer is not None and self.own(doer, quote)
            subject = next((c for c in current.children if c.dep_ in ("nsubj", "csubj")), None) or _for_subject(current)
            if subject is not None and current.dep_ == "relcl" and subject.lower_ in ("who", "that"):
                return self._wanted(current.head, quote)  # "we need leaders who will stand up to X"
            if subject is not None and not (subject.lower_ == "it" and current.i != verb.i):
                return self.own(subject, quote)  # (an "it" that stands for the clause: "it was premature to …")
            if any(c.dep_ == "nsubjpass" for c in current.children) or current.dep_ in ("acl", "relcl", "amod"):
                return False  # done to someone, or what a noun does ("the plan to ban X")
            if (
                current.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "ccomp", "prep", "pobj")
                or current.head.i == current.i
            ):
                return True  # no subject up the chain: the speaker's own words ("Scrap the levy!")
            controller = next((c for c in current.head.children if c.dep_ == "dobj"), None)
            if current.dep_ == "xcomp" and controller is not None:
                return self.own(controller, quote)  # "convincing my supporters to support X": theirs
            current = current.head
        return True

    def _wanted(self, noun: Token, quote: Quote) -> bool:
        """Does the speaker want, back or vote for `noun` ("leaders", "candidates")? Then what it
        does in its relative clause is the speaker's side."""
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else noun.head
        wanted = noun.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in _WANTING and not turned(verb)
        return wanted and self.speakers_act(verb, quote)

    def supposed(self, token: Token) -> bool:
        """Inside an 'if …' or 'whether …' clause, or the clause it conditions: supposed, not asserted."""
        for ancestor in [token, *token.ancestors]:
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in ancestor.children):
                return True
            if ancestor.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                for c in ancestor.children
            ):
                return True  # "the convention could be a failure if …": true only on a condition
        return False

    def _is_speaker_token(self, token: Token, quote: Quote) -> bool:
        return any(s <= token.idx < e for s, e in self.speaker_mentions.get(quote.speaker or "", []))

    def others_view(self, token: Token, quote: Quote) -> bool:
        """Under a verb of saying or thinking whose subject is someone else ("they think every
        Arab is a terrorist"): a view the speaker reports, not their own."""
        for child, ancestor in zip([token, *token.ancestors], token.ancestors):
            if ancestor.pos_ == "NOUN" and child.dep_ in ("acl", "ccomp") and child.pos_ in ("AUX", "VERB"):
                return True  # "the perception that X is justified": a clause a noun holds, not asserted
            if ancestor.lemma_.lower() in _REPORTING or ancestor.lemma_.lower() in HEDGES:
                subject = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
                if subject is not None and not self.own(subject, quote):
                    return True
        return False

    def asked(self, token: Token) -> bool:
        """In a question: the sentence ends with a question mark."""
        last = token.sent[-1]
        while last.i > token.sent.start and (last.is_space or last.text in "”\"’'"):
            last = self.doc[last.i - 1]
        return last.text == "?"

    def phrase(self, token: Token, obj: Token | None, end: int | None = None) -> str:
        """The speaker's words from the verb (with its 'not', 'won't') to the end of its object."""
        first = token
        if blocked(token):  # "premature to back X", "refused to endorse X": from the blocking word
            while first.dep_ in ("xcomp", "pcomp", "pobj", "prep", "advcl", "acomp", "advmod"):
                first = first.head
                if first.lemma_.lower() in BLOCKING or any(c.lemma_.lower() in BLOCKING for c in first.children):
                    first = next((c for c in first.children if c.lemma_.lower() in BLOCKING), first)
                    break
        start = min([first.idx, *[c.idx for c in first.children if c.dep_ in ("neg", "aux") and c.i < first.i]])
        if first.dep_ in ("xcomp", "ccomp") and seldom(first.head):  # "hardly ever advise investing in X"
            above = first.head
            start = min([start, above.idx, *[c.left_edge.idx for c in above.children if c.dep_ == "advmod"]])
        if obj is not None and obj.i < token.i:  # a passive: "Trump was supported"
            start = obj.left_edge.idx
        if end is None:
            end = self._phrase_end(obj) if obj is not None else token.idx + len(token.text)
        reason = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "over")), None)
        if obj is not None and reason is not None and reason.i > obj.i:
            return clip(self.text[start:end]) + f" {reason.text} …"  # "accused Starmer and Cooper of …"
        return clip(self.text[start:end])

    def _phrase_end(self, token: Token) -> int:
        """Where the phrase of a target ends: its topic mention ("the gangs", not "the gangs that
        are exploiting …"), or else its subtree, and the last conjunct of "Starmer and Cooper"."""
        last = max([token, *[c for c in token.subtree if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]])
        mentions = [e for g in self.groups.values() for s, e in g.mentions if s <= last.idx < e]
        if mentions:
            return max(mentions)
        return last.right_edge.idx + len(last.right_edge.text)


def _for_subject(verb: Token) -> Token | None:
    """The subject of a for-infinitive, which the parser hangs on "for": "For Trump to praise Putin"."""
    for prep in verb.children:
        if prep.lower_ == "for" and prep.i < verb.i:
            doer = next((c for c in prep.children if c.dep_ == "pobj"), None)
            between = verb.doc[doer.i + 1 : verb.i] if doer is not None else []
            if doer is not None and any(t.lower_ == "to" for t in between):
                return doer
    return None


def clip(words: str) -> str:
    """One line of at most GIST_LENGTH characters, keeping both ends of a longer phrase."""
    words = " ".join(words.split())
    if len(words) <= GIST_LENGTH:
        return words
    half = GIST_LENGTH // 2 - 2
    return words[:half].rstrip() + " … " + words[-half:].lstrip()
