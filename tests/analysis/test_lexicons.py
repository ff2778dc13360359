"""The word lists are data files with a README row each, shared by the engine and the reader."""

import re
from pathlib import Path

from tui.analysis import lexicons

FOLDER = Path(lexicons.__file__).parent


def test_every_list_has_a_readme_row_and_every_row_a_list():
    files = {p.name for p in FOLDER.iterdir() if p.suffix in (".txt", ".tsv")}
    rows = set(re.findall(r"^\| `([^`]+)` \|", (FOLDER / "README.md").read_text(encoding="utf-8"), re.M))
    assert files == rows


def test_every_list_reads_and_tables_have_two_columns():
    for path in FOLDER.iterdir():
        if path.suffix == ".txt":
            assert lexicons.words(path.name), path.name
        elif path.suffix == ".tsv":
            assert all(len(line.split("\t")) == 2 for line in lexicons.read(path.name)), path.name


def test_the_library_s_speaker_key_strips_the_engine_s_titles():
    from tui.store.speaker_names import HONORIFICS, speaker_key

    assert {title.rstrip(".") for title in lexicons.titles()} == HONORIFICS
    assert speaker_key("Sen. Elizabeth Warren") == speaker_key("Elizabeth Warren") == "elizabeth warren"
    assert speaker_key("Mr Keir Starmer") == "keir starmer"
