"""What the stage tests compare: each quote as (speaker, kind, text, rule id, speaker rule id)."""

from __future__ import annotations

import pytest


@pytest.fixture
def attribute(analyzer):
    """Analyse a text and give back one row per quote, naming the rules that found it."""

    def run(text: str) -> list[tuple]:
        document = analyzer.analyze(text)
        rows = []
        for quote in document.quotes:
            speaker = document.speaker(quote.speaker)
            name = speaker.name if speaker else None
            rows.append((name, quote.kind, document.quote_text(quote), quote.rule, quote.speaker_rule))
        return rows

    return run
