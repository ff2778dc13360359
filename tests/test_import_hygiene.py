"""The model, sources and store never pull in spaCy or Textual."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "tui.model",
        "tui.sources",
        "tui.sources.feeds",
        "tui.sources.web",
        "tui.store",
        "tui.store.speaker_names",
        "tui.updates",
        "tui.documents",
        "tui.cli",
        "tui.archive.job",
    ],
)
def test_light_modules_import_neither_spacy_nor_textual(module):
    code = (
        f"import sys, {module}; "
        "heavy = [m for m in ('spacy', 'textual', 'thinc') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_analysis_never_imports_textual():
    code = "import sys, tui.analysis.engine; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
