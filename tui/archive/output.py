"""Where an archive run writes: partitioned Parquet, the JSONL, and the ledger that makes it resumable.

    DIR/archive.json                       the analyser version and model this archive was made with
    DIR/documents/month=2024-03/part-0001-000000.parquet   (and speakers/, quotes/, stances/)
    DIR/documents.jsonl                    every document as `analyze --format jsonl` prints it
    DIR/ledger.jsonl                       one line per committed part: its documents and the JSONL size

A part's Parquet files are written under temporary names and renamed, then its
JSONL lines are appended, then its ledger line; only then is it committed. A run
killed at any point leaves at most one uncommitted part, which the next run
removes (orphan Parquet files, a JSONL tail past the last recorded size, a torn
ledger line) before it analyses what the ledger does not list. Documents are
identified by (doc_id, key), the key being the hash of the text, analyser
version and model, so nothing is analysed or written twice.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pyarrow.parquet as pq

from tui.archive.inputs import Entry
from tui.archive.tables import TABLES, month_of, rows_of, to_table
from tui.model import Document

MANIFEST = "archive.json"
LEDGER = "ledger.jsonl"
JSONL = "documents.jsonl"
FORMAT = 1


class ArchiveError(Exception):
    """The output folder cannot be used; the message says why."""


class ArchiveOutput:
    """Buffers analysed documents and commits them a part at a time."""

    def __init__(self, folder: Path, analyser: str, model: str, part_size: int = 1000, part_seconds: float = 60.0):
        self.folder = folder
        self.part_size = part_size
        self.part_seconds = part_seconds
        try:
            self._open_manifest(analyser, model)
            self.parts, self.done, self.run, jsonl_bytes = self._read_ledger()
            self._remove_uncommitted(jsonl_bytes)
        except OSError as error:
            raise ArchiveError(f"{folder}: cannot be used as an archive ({error.strerror or error})") from error
        self.claimed: set[tuple[str, str]] = set()
        self._number = 0
        self._rows: dict[str, list[tuple[str, dict]]] = {name: [] for name in TABLES}
        self._documents: list[tuple[str, str]] = []
        self._lines: list[str] = []
        self._started = time.monotonic()

    # -- opening: the manifest, the ledger, and what a killed run left behind

    def _open_manifest(self, analyser: str, model: str) -> None:
        wanted = {"format": FORMAT, "analyser": analyser, "model": model}
        manifest = self.folder / MANIFEST
        if manifest.exists():
            try:
                found = json.loads(manifest.read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError) as error:
                raise ArchiveError(f"{manifest}: is not a newsreader archive manifest") from error
            if found != wanted:
                raise ArchiveError(
                    f"{self.folder}: was written by analyser {found.get('analyser')} with model "
                    f"{found.get('model')}, not analyser {analyser} with {model}; write to a new folder"
                )
            return
        if self.folder.exists() and not self.folder.is_dir():
            raise ArchiveError(f"{self.folder}: is a file, not a folder")
        if self.folder.exists() and any(self.folder.iterdir()):
            raise ArchiveError(f"{self.folder}: is not empty and holds no newsreader archive; choose a new folder")
        self.folder.mkdir(parents=True, exist_ok=True)
        manifest.write_text(json.dumps(wanted) + "\n", encoding="utf-8")

    def _read_ledger(self) -> tuple[set[str], set[tuple[str, str]], int, int]:
        """The committed parts and documents, this run's number, the committed JSONL size; a torn line is cut."""
        parts: set[str] = set()
        done: set[tuple[str, str]] = set()
        runs, jsonl_bytes, good = 0, 0, 0
        path = self.folder / LEDGER
        raw = path.read_bytes() if path.exists() else b""
        for line in raw.splitlines(keepends=True):
            try:
                entry = json.loads(line)
                part, run, documents, size = entry["part"], entry["run"], entry["documents"], entry["jsonl_bytes"]
            except (ValueError, KeyError, TypeError):
                break
            if not line.endswith(b"\n"):
                break
            parts.add(part)
            done.update((doc_id, key) for doc_id, key in documents)
            runs, jsonl_bytes, good = max(runs, run), size, good + len(line)
        if good < len(raw):
            with path.open("r+b") as ledger:
                ledger.truncate(good)
        return parts, done, runs + 1, jsonl_bytes

    def _remove_uncommitted(self, jsonl_bytes: int) -> None:
        for table in TABLES:
            for path in (self.folder / table).glob("*/*"):
                if path.name.endswith(".tmp") or (path.suffix == ".parquet" and path.stem not in self.parts):
                    path.unlink()
        jsonl = self.folder / JSONL
        if jsonl.exists() and jsonl.stat().st_size > jsonl_bytes:
            with jsonl.open("r+b") as lines:
                lines.truncate(jsonl_bytes)

    # -- a run

    def claim(self, doc_id: str, key: str) -> bool:
        """True the first time a document is met that the archive does not hold yet."""
        if (doc_id, key) in self.done or (doc_id, key) in self.claimed:
            return False
        self.claimed.add((doc_id, key))
        return True

    def add(self, entry: Entry, key: str, document: Document) -> None:
        month = month_of(entry.article.date)
        for name, rows in rows_of(entry, key, document).items():
            self._rows[name].extend((month, row) for row in rows)
        self._documents.append((entry.doc_id, key))
        self._lines.append(document.to_json() + "\n")
        full = len(self._documents) >= self.part_size
        if full or time.monotonic() - self._started >= self.part_seconds:
            self.commit()

    def commit(self) -> None:
        """Write the buffered documents as one part and record it in the ledger."""
        self._started = time.monotonic()
        if not self._documents:
            return
        part = f"part-{self.run:04d}-{self._number:06d}"
        self._number += 1
        first_month = self._rows["documents"][0][0]
        written = []
        for name in TABLES:
            by_month: dict[str, list[dict]] = {}
            for month, row in self._rows[name]:
                by_month.setdefault(month, []).append(row)
            for month, rows in (by_month or {first_month: []}).items():
                final = self.folder / name / f"month={month}" / f"{part}.parquet"
                final.parent.mkdir(parents=True, exist_ok=True)
                temporary = final.with_name(final.name + ".tmp")
                pq.write_table(to_table(name, rows), temporary)
                written.append((temporary, final))
        for temporary, final in written:
            temporary.replace(final)
        with (self.folder / JSONL).open("ab") as jsonl:
            jsonl.write("".join(self._lines).encode("utf-8"))
            jsonl.flush()
            os.fsync(jsonl.fileno())
            size = jsonl.tell()
        record = {"part": part, "run": self.run, "documents": self._documents, "jsonl_bytes": size}
        with (self.folder / LEDGER).open("a", encoding="utf-8") as ledger:
            ledger.write(json.dumps(record, ensure_ascii=False) + "\n")
            ledger.flush()
            os.fsync(ledger.fileno())
        self.parts.add(part)
        self.done.update(self._documents)
        self._rows = {name: [] for name in TABLES}
        self._documents, self._lines = [], []
