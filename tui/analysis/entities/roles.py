"""Roles: "Home Secretary Yvette Cooper", "the Prime Minister", "a government source".

A role bound to a name makes later mentions of the role that person; an unbound definite role goes
to the nearest named person holding no other role; anything else is a speaker of its own.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tui.analysis import lexicons
from tui.analysis.entities.mentions import (
    QUALIFIERS,
    SUBJECT,
    Cluster,
    Mentions,
    anonymous_nouns,
    latest_with_head,
    norm,
    role_nouns,
    strip_possessive,
    titles,
)

# Parts of a person; "head" is one and a role too ("shook her head" / "the head of the FBI").
BODY_PARTS = lexicons.words("body_parts.txt")
# Possessives that own a body: "her head" is a head, "its head" (an organisation's) a role.
BODY_OWNERS = frozenset({"his", "her", "my", "your", "their", "our"})

# Abbreviated titles and the role they name.
TITLE_ROLES = {"sen": "senator", "gov": "governor", "rep": "representative", "pres": "president"}


def _role_words(m: Mentions, tokens: list[Token]) -> str:
    words = [
        t.lower_ for t in tokens if not t.is_punct and t.lower_ not in QUALIFIERS and t.lower_ not in ("the", "a", "an")
    ]
    return " ".join(words)


def gather_roles(m: Mentions) -> None:
    """Roles bound to names first, then every role phrase as the person it names or a speaker of its own."""
    bound: dict[str, Cluster] = {}  # role words -> the person holding the role in this article
    titled: dict[str, set[Cluster]] = {}  # a title before names ("Sen.") -> the people who bear it
    for cluster in [c for c in m.clusters if c.kind == "person"]:
        for start, _ in list(cluster.mentions):
            _bind_roles_at(m, cluster, start, bound, titled)
    for role, holders in titled.items():
        # "President Ada Ruiz" makes "the president" hers, unless two people bear the title.
        if len(holders) == 1:
            _bind(bound, role, next(iter(holders)))
        for holder in holders:
            holder.roles.add(role)
    m.person_mentions.sort(key=lambda item: item[0])
    own: dict[str, Cluster] = {}  # role phrases that are speakers of their own
    for chunk in m.doc.noun_chunks:
        if _is_role_phrase(m, chunk):
            end = _role_end(m, chunk.root)
            holder = _role_holder(m, chunk, end, bound, own)
            if holder is not None:
                m.register_role(holder, chunk.start, end)


def _bind(bound: dict[str, Cluster], role: str, cluster: Cluster) -> None:
    if role and role not in bound:
        bound[role] = cluster
        cluster.roles.add(role)


def _bind_roles_at(
    m: Mentions, cluster: Cluster, start: int, bound: dict[str, Cluster], titled: dict[str, set[Cluster]]
) -> None:
    """Roles bound to the name mentioned at `start`: "Home Secretary Yvette Cooper", "Sen. Ada
    Ruiz" (the senator), "Cooper, the Home Secretary", "the Home Secretary, Yvette Cooper",
    "Cooper is the Home Secretary". Nothing is bound inside quotation marks: a speaker's "the
    little senator" is not the article's."""
    roles = role_nouns()
    if m.in_quoted(start):
        return
    first = m.doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None:
        return
    index = first.start
    while index > 0 and m.doc[index - 1].lower_ in titles():
        index -= 1
    for role in _title_roles(m, index, first.start + 1):
        titled.setdefault(role, set()).add(cluster)
    words: list[Token] = []
    cursor = index - 1
    while cursor >= 0 and _role_modifier(m, m.doc[cursor], cluster):
        words.insert(0, m.doc[cursor])
        cursor -= 1
    if words and words[-1].lower_ in roles:
        _bind(bound, _role_words(m, words), cluster)
    name = m.doc[first.start]
    while name.dep_ in ("compound", "flat") and name.head.i != name.i:
        name = name.head
    root = name
    for child in root.children:
        if child.dep_ == "appos" and child.lemma_.lower() in roles and _set_off(m, child):
            _bind(bound, _qualified(m, child), cluster)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        for attr in root.head.children:
            if attr.dep_ == "attr" and attr.lemma_.lower() in roles and _definite(attr):
                _bind(bound, _qualified(m, attr), cluster)  # "Cooper is the Home Secretary"
    if root.dep_ == "appos" and root.head.lemma_.lower() in roles and _set_off(m, root):
        head = root.head
        if any(c.dep_ == "poss" for c in head.children):
            # "Clinton's campaign manager, Robby Mook": this phrase is Mook; the role is
            # not bound for the article (Trump's campaign manager is someone else).
            m.register_role(cluster, head.left_edge.i, head.i + 1)
            return
        _bind(bound, _qualified(m, head), cluster)


def _title_roles(m: Mentions, start: int, end: int) -> list[str]:
    """The roles the titles in a name name: "Sen." -> senator, "President" -> president."""
    found = []
    for title in m.doc[start:end]:
        role = TITLE_ROLES.get(title.lower_.rstrip("."), title.lower_.rstrip("."))
        if title.lower_ in titles() and role in role_nouns():
            found.append(role)
    return found


def _set_off(m: Mentions, appos: Token) -> bool:
    """An apposition the writer set off with a comma or a dash, not a parse of a run of nouns."""
    before = m.doc[appos.left_edge.i - 1] if appos.left_edge.i > 0 else None
    return before is not None and before.text in (",", "—", "–", "-", "(")


def _definite(token: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ != "a" and c.lower_ != "an" for c in token.children)


def _qualified(m: Mentions, role: Token) -> str:
    """A role's words with what qualifies it: "president of the Brady Campaign" is not "the
    president"."""
    words = _role_words(m, [t for t in role.subtree if t.i <= role.i and t.i not in m.by_token])
    for child in role.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "at"):
            words = f"{words} {child.lower_} {norm(' '.join(t.text for t in child.subtree if t.i != child.i))}"
            break
    return words


def _is_role_phrase(m: Mentions, chunk: Span) -> bool:
    """ "the Prime Minister", "Germany's ambassador to the UK", "a government source"."""
    roles = role_nouns()
    root = chunk.root
    if root.i in m.by_token or root.pos_ not in ("NOUN", "PROPN"):
        return False
    if root.lemma_.lower() not in roles and root.lower_ not in roles:
        return False
    if _body_part(root):
        return False
    # "Elizabeth Warren Hammers Wells Fargo CEO" (a headline) is not a CEO's title.
    return not any(_names_someone_else(m, t) for t in chunk if t.i < root.i)


def _body_part(root: Token) -> bool:
    """ "Betsy shook her head": a part of a person owned by a personal pronoun and heading
    nothing ("the head of the FBI", "its head" are roles)."""
    owners = [c.lower_ for c in root.children if c.dep_ == "poss"]
    heads_something = any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)
    return root.lemma_.lower() in BODY_PARTS and bool(owners) and owners[0] in BODY_OWNERS and not heads_something


def _role_holder(
    m: Mentions, chunk: Span, end: int, bound: dict[str, Cluster], own: dict[str, Cluster]
) -> Cluster | None:
    """Who a role phrase stands for: the person bound to the role, the nearest free named person
    for an unbound definite role, else a speaker of its own."""
    root = chunk.root
    tokens = [t for t in chunk if t.i <= root.i]
    determiners = [t for t in tokens if t.dep_ == "det"]
    possessed = any(t.dep_ == "poss" for t in tokens)
    role = _role_words(m, [t for t in tokens if t.dep_ not in ("det", "poss", "case")])
    anonymous = root.lemma_.lower() in anonymous_nouns() or root.lower_ in anonymous_nouns()
    definite = bool(determiners) and all(t.lower_ == "the" for t in determiners) and not possessed
    plural = root.tag_ in ("NNS", "NNPS")  # "the lawyers said": a group, never one person's role
    if role in bound and not plural:
        return bound[role]
    if not determiners and not possessed and not plural and not anonymous:
        return None  # "if he becomes president": a role noun alone names no one
    if definite and not anonymous and not plural:
        holder = _holder(m, role, root)
        if holder is not None:
            return holder
    return _own_role(m, chunk, end, own, anonymous=anonymous, definite=definite, plural=plural)


def _own_role(
    m: Mentions, chunk: Span, end: int, own: dict[str, Cluster], *, anonymous: bool, definite: bool, plural: bool
) -> Cluster:
    """A role phrase that is a speaker of its own: "Germany's ambassador", "a government source"
    (and "the source" after it), "the lawyers"."""
    root = chunk.root
    tokens = [t for t in chunk if t.i <= root.i]
    determiners = [t for t in tokens if t.dep_ == "det"]
    possessed = any(t.dep_ == "poss" for t in tokens)
    phrase = m.text[m.doc[chunk.start].idx : m.doc[end - 1].idx + len(m.doc[end - 1].text)]
    owner = " ".join(t.lower_ for t in tokens if t.dep_ == "poss")
    short = str((root.lemma_.lower(), strip_possessive(owner)) if possessed else (norm(phrase), ""))
    cluster = own.get(short)
    if cluster is None and definite and anonymous:
        # "The source added …" after "a government source said …": the same source.
        cluster = latest_with_head(list(own.values()), root.lower_)
    if cluster is None:
        display = phrase
        if determiners and not possessed and display.split()[0].lower() in ("the", "a", "an"):
            display = display.split(" ", 1)[1] if " " in display else display
        kind = "anonymous" if anonymous else "group" if plural else "person"
        cluster = Cluster(kind=kind, names=[], display=display)
        own[short] = cluster
        m.clusters.append(cluster)
    return cluster


def _names_someone_else(m: Mentions, token: Token) -> bool:
    """A known person's name inside a role phrase, other than as its owner ("Trump's aide")."""
    cluster = m.by_token.get(token.i)
    if cluster is None or cluster.kind != "person":
        return False
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token.dep_ != "poss"


def _role_modifier(m: Mentions, token: Token, person: Cluster) -> bool:
    """A word of the role before a name: "Home" and "Secretary" in "Home Secretary Yvette Cooper"."""
    if token.dep_ not in ("compound", "amod", "nmod") or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    owner = m.by_token.get(token.i)
    # The tagger often makes "Home" of "Home Secretary" an organisation; it still names the role.
    return owner is None or owner is person or owner.kind == "organisation"


def _role_end(m: Mentions, root: Token) -> int:
    """The end of a role phrase: the noun and a short 'to the UK' / 'for X' after it."""
    end = root.i + 1
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ in ("to", "for", "of", "at") and child.i == end:
            end = child.right_edge.i + 1
            if any(t.text in ",;" for t in m.doc[child.i : end]):
                end = child.i
            break
    return end


def _holder(m: Mentions, role: str, root: Token) -> Cluster | None:
    """Who an unbound definite role or epithet refers to. As a subject ("Rubio spoke. The
    Florida senator said …") it is the nearest subject before it, as for a pronoun; elsewhere the
    nearest named person before it. Never someone whose own role has the same head noun ("the
    Vermont senator" is not "the Florida senator"), and never a guess inside quotation marks."""
    head = role.split()[-1] if role else ""

    def clashes(other: str) -> bool:
        """ "the Vermont senator" and "the Florida senator": the same head, neither the other's
        words ("senator" and "the Florida senator" may be one person)."""
        mine, theirs = set(role.split()), set(other.split())
        return other.split()[-1:] == [head] and not (mine <= theirs or theirs <= mine)

    def free(cluster: Cluster) -> bool:
        return cluster.kind == "person" and bool(cluster.names) and not any(clashes(r) for r in cluster.roles)

    if m.in_quoted(root.idx):
        return None
    if root.dep_ in SUBJECT:
        subject = m.salient(root, lambda o, c: free(c) and not m.in_quoted(o))
        if subject is not None:
            return subject
    named = [(o, c) for o, c in m.person_mentions if free(c) and not m.in_quoted(o)]
    earlier = [c for o, c in named if o < root.idx]
    later = [c for o, c in named if o > root.idx]  # a headline's "The prime minister told …"
    return earlier[-1] if earlier else later[0] if later else None
