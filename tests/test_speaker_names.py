"""One row per person across the library: the speaker key, the automatic merges and aliases.toml."""

from __future__ import annotations

from tui.store.speaker_names import Aliases, Named, SpeakerNames, Split, load_aliases, speaker_key


def rows(names: list[Named], aliases: Aliases | None = None) -> dict[str, str]:
    """Each speaker's spelling -> the name of the row it lands in."""
    grouped = SpeakerNames(aliases).group(names)
    return {f"{n.name}|{','.join(n.sources)}": grouped[n][1] for n in names}


def test_the_key_drops_titles_middle_initials_and_possessives():
    assert speaker_key("Donald J. Trump") == "donald trump"
    assert speaker_key("Sen. Mara Quill’s") == "mara quill"
    assert speaker_key("Gov. Ana B. Ortiz") == "ana ortiz"
    assert speaker_key("Ms Ortiz") == "ortiz"
    assert speaker_key("the Harbour Trust") == "harbour trust"
    # a suffix tells a father from a son and is kept
    assert speaker_key("Tom Reyes Jr.") != speaker_key("Tom Reyes")


def test_full_name_middle_initial_and_surname_are_one_row():
    found = rows([Named("Donald J. Trump", "person"), Named("Donald Trump", "person"), Named("Trump", "person")])
    assert set(found.values()) == {"Donald J. Trump"}


def test_a_surname_two_people_share_stays_its_own_row():
    found = rows([Named("Hal Voss", "person"), Named("Ida Voss", "person"), Named("Voss", "person")])
    assert found == {"Hal Voss|": "Hal Voss", "Ida Voss|": "Ida Voss", "Voss|": "Voss"}


def test_an_organisation_is_never_folded_into_a_person():
    found = rows([Named("Lena Ford", "person"), Named("Ford", "organisation")])
    assert found["Ford|"] == "Ford"


def test_aliases_merge_a_first_name_and_split_one_name_by_outlet(tmp_path):
    path = tmp_path / "aliases.toml"
    path.write_text(
        '[merge]\n"Bernie" = "Bernie Sanders"\n\n'
        '[[split]]\nname = "John Smith"\nsource = "bbc"\nas = "John Smith (BBC)"\n',
        encoding="utf-8",
    )
    aliases = load_aliases(path)
    assert aliases.problem == ""
    names = [
        Named("Bernie", "person"),
        Named("Sen. Bernie Sanders", "person"),
        Named("John Smith", "person", ("BBC News", "bbc.co.uk")),
        Named("John Smith", "person", ("The Courier",)),
    ]
    found = rows(names, aliases)
    assert found["Bernie|"] == found["Sen. Bernie Sanders|"] == "Bernie Sanders"
    assert found["John Smith|BBC News,bbc.co.uk"] == "John Smith (BBC)"
    assert found["John Smith|The Courier"] == "John Smith"


def test_a_broken_aliases_file_is_ignored_with_one_line_saying_why(tmp_path):
    path = tmp_path / "aliases.toml"
    path.write_text("[merge\n", encoding="utf-8")
    aliases = load_aliases(path)
    assert aliases.merge == {} and "aliases.toml" in aliases.problem and "\n" not in aliases.problem
    path.write_text('[merge]\n"Bernie" = 3\n[[split]]\nname = "X"\n', encoding="utf-8")
    aliases = load_aliases(path)
    assert aliases.merge == {} and aliases.split == []
    assert "[merge]" in aliases.problem and "[[split]]" in aliases.problem
    assert load_aliases(tmp_path / "missing.toml") == Aliases()


def test_the_aliases_file_lives_in_the_config_folder(isolated_dirs):
    from tui.store.speaker_names import aliases_path

    assert aliases_path() == isolated_dirs / "config" / "aliases.toml"


def test_split_without_a_display_name_gets_the_source_in_brackets():
    aliases = Aliases(split=[Split("John Smith", "courier", "John Smith (courier)")])
    found = rows([Named("John Smith", "person", ("The Courier",))], aliases)
    assert found["John Smith|The Courier"] == "John Smith (courier)"


def test_the_speakers_screen_lists_one_row_per_person_across_articles():
    from tui.app.screens.entry import Entry
    from tui.app.screens.speakers import gather
    from tui.model import Document, Quote, Speaker

    def article(key: str, name: str, kind: str = "person") -> tuple[Entry, Document]:
        text = f"“We will build it,” {name} said."
        document = Document(
            text=text,
            speakers=[Speaker("s1", name, kind, [(text.index(name), text.index(name) + len(name))])],
            quotes=[Quote("q1", 1, 18, "direct", speaker="s1")],
        )
        entry = Entry(key, "folder", key, "Courier", "", key, lambda: None)  # type: ignore[arg-type]
        return entry, document

    pairs = [article("a", "Donald J. Trump"), article("b", "Donald Trump"), article("c", "Mr. Trump")]
    pairs.append(article("d", "Harbour Trust", "organisation"))
    pairs.append(article("e", "the author", "anonymous"))
    pairs.append(article("f", "the author", "anonymous"))
    heard = gather([e for e, _ in pairs], {e.digest: d for e, d in pairs})
    assert [(h.name, h.kind, h.articles, len(h.quotes)) for h in heard] == [
        ("Donald J. Trump", "person", 3, 3),
        ("Harbour Trust", "organisation", 1, 1),
        ("the author", "anonymous", 1, 1),  # two writers, two rows
        ("the author", "anonymous", 1, 1),
    ]


def test_an_acronym_is_the_one_organisation_it_spells():
    found = rows([Named("AP", "organisation"), Named("Associated Press", "organisation"), Named("BBC", "organisation")])
    assert found == {"AP|": "Associated Press", "Associated Press|": "Associated Press", "BBC|": "BBC"}
