"""`newsreader analyze --out DIR`: one archive, whether analysed in one process, two, or on a Dask cluster.

The archive is 30 short articles written here (20 text files in a folder and a
JSONL file of 10 records with url and date), plus a binary file and a broken
JSONL line that must be reported and skipped.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from tui.archive.output import LEDGER

PEOPLE = [
    ("Mayor", "Ada Byrne"),
    ("Councillor", "Tom Hale"),
    ("Dr", "Mira Osei"),
    ("Professor", "Jon Park"),
    ("Ms", "Lena Ruiz"),
]
PLACES = ["the tram line", "the school roof", "the harbour wall", "the night bus", "the river path", "the library"]
OUTLETS = ["https://www.harbourtimes.example/news/", "https://valleypost.example/local/"]
TABLES = ("documents", "speakers", "quotes", "stances")


def story(number: int) -> tuple[str, str]:
    """A short article with a direct quote, a quote with a trailing speech tag, and an indirect one."""
    role, first = PEOPLE[number % 5]
    _, second = PEOPLE[(2 * number + 1) % 5]
    place = PLACES[number % 6]
    title = f"Council argues over {place}, day {number + 1}"
    text = (
        f"{title}\n\n"
        f"{role} {first} said: “We will finish {place} before the summer, and it will cost {number + 2} million.”\n\n"
        f"“The plan is too expensive,” said {second}. “Nobody asked the people who live there.”\n\n"
        f"{second} said the council should vote again in week {number + 3}.\n"
    )
    return title, text


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    (folder / "notes").mkdir()
    for number in range(20):
        (folder / "notes" / f"story-{number:02d}.txt").write_text(story(number)[1], encoding="utf-8")
    (folder / "notes" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    lines = []
    for number in range(20, 30):
        title, text = story(number)
        record = {
            "id": f"wire-{number}",
            "title": title,
            "text": text,
            "url": OUTLETS[number % 2] + f"story-{number}",
            "date": f"2024-0{1 + number % 3}-1{number % 10}T09:00:00Z",
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    lines.insert(4, "{this line is not json")
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def analyze(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", "analyze", *args], capture_output=True, text=True)


def rows(out: Path, table: str) -> list[dict]:
    """A table's rows (with the month partition), in a fixed order whatever the parts they came in."""
    found = ds.dataset(out / table, format="parquet", partitioning="hive").to_table().to_pylist()
    return sorted(found, key=lambda row: json.dumps(row, sort_keys=True))


def content(out: Path) -> dict[str, list[dict]]:
    return {table: rows(out, table) for table in TABLES}


@pytest.fixture(scope="module")
def one_process(archive, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("one") / "archive"
    return out, analyze(str(archive), "--out", str(out), "--workers", "1")


def test_one_process_writes_four_joinable_tables_and_skips_the_bad_inputs(archive, one_process):
    out, result = one_process
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"newsreader: {archive / 'notes' / 'photo.txt'}: is a binary file, not text",
        f"newsreader: {archive / 'wire.jsonl'}:5: is not a JSON object (Expecting property name enclosed in double quotes)",
    ]
    documents = rows(out, "documents")
    assert len(documents) == 30 and len({d["doc_id"] for d in documents}) == 30
    wire = {d["doc_id"]: d for d in documents if d["doc_id"].startswith("wire-")}
    assert wire["wire-21"]["outlet"] == "valleypost.example"
    assert wire["wire-21"]["date"] == "2024-01-11T09:00:00Z" and wire["wire-21"]["month"] == "2024-01"
    assert wire["wire-22"]["outlet"] == "harbourtimes.example" and wire["wire-22"]["month"] == "2024-02"
    first = next(d for d in documents if d["doc_id"].endswith("story-00.txt"))
    assert first["month"] == "unknown" and first["text"] == story(0)[1]

    speakers = {(s["doc_id"], s["speaker_id"]): s for s in rows(out, "speakers")}
    quotes = [q for q in rows(out, "quotes") if q["doc_id"] == first["doc_id"]]
    said = {(speakers[(q["doc_id"], q["speaker_id"])]["name"], q["text"]) for q in quotes if q["speaker_id"]}
    assert ("Ada Byrne", "We will finish the tram line before the summer, and it will cost 2 million.") in said
    assert ("Tom Hale", "the council should vote again in week 3") in said
    for quote in quotes:
        assert first["text"][quote["start"] : quote["end"]] == quote["text"]
    for stance in rows(out, "stances"):
        assert (stance["doc_id"], stance["speaker_id"]) in speakers

    jsonl = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["text"] for d in jsonl] == [story(n)[1] for n in range(30)]  # input order: the folder's files by name


def test_two_workers_write_the_same_archive_in_the_same_order(archive, one_process, tmp_path):
    reference, _ = one_process
    out = tmp_path / "archive"
    result = analyze(str(archive), "--out", str(out), "--workers", "2", "--chunk-size", "4")
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 2
    assert content(out) == content(reference)
    assert (out / "documents.jsonl").read_bytes() == (reference / "documents.jsonl").read_bytes()


def test_without_a_folder_two_workers_print_the_documents_in_input_order(archive, one_process):
    reference, _ = one_process
    result = analyze(str(archive / "wire.jsonl"), "--workers", "2", "--chunk-size", "1", "--format", "jsonl")
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    expected = (reference / "documents.jsonl").read_text(encoding="utf-8").splitlines()[20:]
    assert result.stdout.splitlines() == expected


def test_a_dask_cluster_writes_the_same_archive(archive, one_process, tmp_path):
    distributed = pytest.importorskip("distributed")
    reference, _ = one_process
    out = tmp_path / "archive"
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        result = analyze(str(archive), "--out", str(out), "--dask", cluster.scheduler_address, "--chunk-size", "4")
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 2
    assert content(out) == content(reference)
    assert (out / "documents.jsonl").read_bytes() == (reference / "documents.jsonl").read_bytes()


def test_a_killed_run_resumes_without_duplicates(archive, one_process, tmp_path):
    reference, _ = one_process
    out = tmp_path / "archive"
    command = [str(archive), "--out", str(out), "--workers", "1", "--chunk-size", "2", "--part-size", "2"]
    running = subprocess.Popen(
        [sys.executable, "-m", "tui", "analyze", *command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    ledger = out / LEDGER
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and running.poll() is None:
        if ledger.exists() and len(ledger.read_bytes().splitlines()) >= 3:
            break
        time.sleep(0.01)
    os.kill(running.pid, signal.SIGKILL)
    running.wait()
    committed = len(ledger.read_bytes().splitlines())
    assert 3 <= committed < 15, "the run was to be killed halfway through its 15 parts"

    result = analyze(*command)
    assert result.returncode == 2
    assert content(out) == content(reference)
    assert (out / "documents.jsonl").read_bytes() == (reference / "documents.jsonl").read_bytes()
    runs = Counter(json.loads(line)["run"] for line in ledger.read_text(encoding="utf-8").splitlines())
    assert runs[1] >= 3 and runs[2] >= 1 and sum(runs.values()) == 15  # the second run did only what was left

    again = analyze(*command)
    assert again.returncode == 2 and content(out) == content(reference)
    assert len(ledger.read_bytes().splitlines()) == 15  # nothing left to do, nothing written


def test_what_a_killed_run_left_half_written_is_removed(tmp_path, analyzer):
    from tui.archive.inputs import Entry
    from tui.archive.output import JSONL, ArchiveOutput
    from tui.sources import Article

    def entry(number: int) -> Entry:
        return Entry(doc_id=f"d{number}", article=Article(text=story(number)[1], title="", source=""))

    out = tmp_path / "archive"
    output = ArchiveOutput(out, "4", "model-1", part_size=1)
    output.add(entry(0), "k0", analyzer.analyze(story(0)[1]))
    committed_jsonl = (out / JSONL).read_bytes()
    # What a kill between the steps of a commit leaves: a renamed part with no ledger line,
    # a temporary file, JSONL lines past the recorded size and a torn ledger line.
    part = next((out / "quotes").glob("*/*.parquet"))
    (part.parent / "part-0001-000001.parquet").write_bytes(part.read_bytes())
    (part.parent / "part-0001-000002.parquet.tmp").write_bytes(b"half")
    with (out / JSONL).open("ab") as jsonl:
        jsonl.write(b'{"schema": 1, "text": "half a line')
    with (out / LEDGER).open("ab") as ledger:
        ledger.write(b'{"part": "part-0001-000001", "run"')

    reopened = ArchiveOutput(out, "4", "model-1", part_size=1)
    assert sorted(p.name for p in part.parent.iterdir()) == [part.name]
    assert (out / JSONL).read_bytes() == committed_jsonl
    assert len((out / LEDGER).read_bytes().splitlines()) == 1
    assert not reopened.claim("d0", "k0") and reopened.claim("d1", "k1")


def test_an_archive_of_another_analyser_version_is_refused(tmp_path):
    from tui.archive.output import ArchiveError, ArchiveOutput

    ArchiveOutput(tmp_path / "archive", "3", "model-1")
    with pytest.raises(ArchiveError, match="was written by analyser 3"):
        ArchiveOutput(tmp_path / "archive", "4", "model-1")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ArchiveError, match="is not empty"):
        ArchiveOutput(tmp_path / "busy", "4", "model-1")


def test_the_readme_query_finds_who_is_quoted_most_by_outlet_and_month(one_process):
    duckdb = pytest.importorskip("duckdb")
    out, _ = one_process
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    query = readme.split("```sql\n", 1)[1].split("```", 1)[0]
    found = duckdb.sql(query.replace("archive/", f"{out}/")).fetchall()

    documents = {d["doc_id"]: d for d in rows(out, "documents")}
    names = {(s["doc_id"], s["speaker_id"]): s["name"] for s in rows(out, "speakers")}
    counts: Counter = Counter()
    for quote in rows(out, "quotes"):
        if quote["speaker_id"]:
            document = documents[quote["doc_id"]]
            counts[(document["outlet"], document["month"], names[(quote["doc_id"], quote["speaker_id"])])] += 1
    expected = []
    for outlet, month in sorted({(o, m) for o, m, _ in counts}, key=lambda pair: (pair[1], pair[0])):
        most, name = min((-count, n) for (o, m, n), count in counts.items() if (o, m) == (outlet, month))
        expected.append((outlet, month, name, -most))
    assert found == expected
    assert ("valleypost.example", "2024-01") in {(o, m) for o, m, _, _ in found}
