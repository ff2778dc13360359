"""One row per person across the library: a normalised speaker key, and the user's aliases.

Articles name the same person differently ("Donald J. Trump", "Mr. Trump", "Trump"). The key
drops honorifics, middle initials and a possessive; `SpeakerNames.group` then folds a surname or a
first-and-last name into the one fuller name of the library it can only mean. The user's
`aliases.toml` (in the config folder) merges names the rules cannot ("Bernie" into "Bernie
Sanders") and splits one name that stands for two people by where the article came from:

    [merge]
    "Bernie" = "Bernie Sanders"

    [[split]]
    name = "John Smith"
    source = "bbc"           # a part of the article's outlet, feed or address, any case
    as = "John Smith (BBC)"

Plain text only: no spaCy, no Textual.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tui.store.paths import config_dir

# Honorifics before a name, as in the engine's lexicon (tui/analysis/lexicons/titles.txt, dots
# dropped); a test keeps the two lists the same. The store does not import the analysis.
HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "sir",
        "lord",
        "dame",
        "lady",
        "baroness",
        "dr",
        "prof",
        "professor",
        "rev",
        "gen",
        "sen",
        "rep",
        "gov",
        "judge",
        "president",
        "senator",
        "governor",
    ]
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_INITIAL = re.compile(r"^[a-z]\.?$")


def speaker_key(name: str) -> str:
    """The name as compared across articles: lower case, without "the", honorifics, middle
    initials or a possessive ("Sen. Donald J. Trump's" -> "donald trump")."""
    words = [_POSSESSIVE.sub("", w) for w in name.lower().replace("\u00a0", " ").split()]
    words = [w.strip(",") for w in words if w.strip(",")]
    while words and (words[0] == "the" or words[0].rstrip(".") in HONORIFICS):
        words = words[1:]
    if len(words) > 2:  # "donald j. trump": an initial between first name and surname
        words = [words[0], *(w for w in words[1:-1] if not _INITIAL.match(w)), words[-1]]
    return " ".join(words) or name.lower().strip()


@dataclass(frozen=True)
class Split:
    """One name that is a different person in articles from one source."""

    name: str
    source: str
    display: str


@dataclass
class Aliases:
    """The user's merges (alias key -> the name it stands for) and splits; `problem` says why
    the file was (partly) ignored."""

    merge: dict[str, str] = field(default_factory=dict)
    split: list[Split] = field(default_factory=list)
    problem: str = ""


def aliases_path() -> Path:
    return config_dir() / "aliases.toml"


def load_aliases(path: Path | None = None) -> Aliases:
    """Read aliases.toml; a missing file gives no aliases, a broken one no aliases and a problem."""
    path = path or aliases_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Aliases()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Aliases(problem=f"{path}: {error}; no aliases used")
    aliases = Aliases()
    problems = []
    merge = data.get("merge", {})
    if isinstance(merge, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in merge.items()):
        aliases.merge = {speaker_key(alias): name for alias, name in merge.items()}
    else:
        problems.append('[merge] must map names to names ("Bernie" = "Bernie Sanders")')
    splits = data.get("split", [])
    if not isinstance(splits, list):
        splits = [None]
    for item in splits:
        if isinstance(item, dict) and all(isinstance(item.get(k), str) and item.get(k) for k in ("name", "source")):
            display = item.get("as")
            display = display if isinstance(display, str) and display else f"{item['name']} ({item['source']})"
            aliases.split.append(Split(item["name"], item["source"], display))
        else:
            problems.append("each [[split]] needs a name and a source (and may give as)")
            break
    if problems:
        aliases.problem = f"{path}: " + "; ".join(problems) + " (ignored)"
    return aliases


@dataclass(frozen=True)
class Named:
    """One speaker as one article names it: the name, its kind and where the article came from."""

    name: str
    kind: str
    sources: tuple[str, ...] = ()


class SpeakerNames:
    """Groups the speakers of many articles into one row per person."""

    def __init__(self, aliases: Aliases | None = None):
        self.aliases = aliases or Aliases()

    def _own_key(self, named: Named) -> tuple[str, str]:
        """(key, display name) after the user's splits and merges."""
        key = speaker_key(named.name)
        for split in self.aliases.split:
            if key == speaker_key(split.name) and any(split.source.lower() in s.lower() for s in named.sources):
                return speaker_key(split.display), split.display
        if key in self.aliases.merge:
            name = self.aliases.merge[key]
            return speaker_key(name), name
        return key, named.name

    def group(self, speakers: Iterable[Named]) -> dict[Named, tuple[str, str]]:
        """For each speaker, the key of its row and the name the row shows.

        A person's key of one or two words joins the one longer person key of the library it
        can only be: "trump" -> "donald trump" when no other Trump is named; "hillary clinton"
        -> "hillary rodham clinton". With two Clintons named, "clinton" stays a row of its own.
        """
        speakers = list(dict.fromkeys(speakers))
        own = {named: self._own_key(named) for named in speakers}
        organisations = {own[n][0] for n in speakers if n.kind == "organisation"}
        for named in speakers:
            if named.kind == "organisation" and (full := _spelt_out(named.name, organisations)) is not None:
                own[named] = (full, own[named][1])  # "AP" is the Associated Press named elsewhere
        fixed = {speaker_key(s.name) for s in self.aliases.split} | {speaker_key(s.display) for s in self.aliases.split}
        people = {own[h][0] for h in speakers if h.kind == "person"} - fixed
        longer = {key: wider for key in people if (wider := _only_fuller(key, people))}
        rows: dict[Named, str] = {}
        shown: dict[str, list[str]] = {}
        for named in speakers:
            key, name = own[named]
            if named.kind == "person":
                key = longer.get(key, key)
            rows[named] = key
            shown.setdefault(key, []).append(name)
        return {named: (key, _row_name(key, shown[key])) for named, key in rows.items()}


def _spelt_out(name: str, organisations: set[str]) -> str | None:
    """The one organisation key whose initials an acronym is ("AP" -> "associated press")."""
    if not (name.isupper() and name.isalpha() and 2 <= len(name) <= 6):
        return None
    minor = {"of", "the", "and", "for", "on", "in", "&"}
    matches = [k for k in organisations if "".join(w[0] for w in k.split() if w not in minor) == name.lower()]
    return matches[0] if len(matches) == 1 else None


def _only_fuller(key: str, people: set[str]) -> str | None:
    """The one fuller person key a short one can only mean, if there is exactly one."""
    wider = [other for other in people if _contains(other.split(), key.split())]
    if not wider:
        return None
    most = max(len(w.split()) for w in wider)
    widest = [w for w in wider if len(w.split()) == most]
    # "trump" with "donald trump" and "eric trump" named: two people, no merge.
    if len(widest) != 1 or not all(w == widest[0] or _contains(widest[0].split(), w.split()) for w in wider):
        return None
    return widest[0]


def _row_name(key: str, names: list[str]) -> str:
    """The name a row shows: the longest spelling of its full name, honorifics last."""
    full = [n for n in names if speaker_key(n) == key] or names
    return max(full, key=lambda n: (n.split()[0].lower().rstrip(".") not in HONORIFICS, len(n)))


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """Whether a short name is a longer one's surname, or its first name and surname."""
    if len(shorter) >= len(longer) or not shorter:
        return False
    if len(shorter) == 1:
        return longer[-1] == shorter[0]
    return longer[0] == shorter[0] and longer[-1] == shorter[-1]
