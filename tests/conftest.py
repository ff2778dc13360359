"""Shared fixtures: one loaded analyser per test session, isolated config and cache dirs."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def analyzer():
    from tui.analysis.engine import Analyzer

    return Analyzer()


@pytest.fixture
def analyse(analyzer):
    """Analyse a text and give back (document, [(speaker name, kind, quote text)])."""

    def run(text: str):
        document = analyzer.analyze(text)
        rows = []
        for quote in document.quotes:
            speaker = document.speaker(quote.speaker)
            rows.append((speaker.name if speaker else None, quote.kind, document.quote_text(quote)))
        return document, rows

    return run


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """Config, cache and data live in the test's own folder, never the user's."""
    for name in ("CACHE", "DATA", "CONFIG"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(f"NEWSREADER_{name}_DIR", str(folder))
    return tmp_path


@pytest.fixture
def web():
    """A real HTTP server on 127.0.0.1 serving the routes a test sets."""
    from tests.webserver import Server

    server = Server()
    yield server
    server.close()
