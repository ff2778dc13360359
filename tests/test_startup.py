"""Opening a cached article stays light: `newsreader FILE` imports no spaCy and nothing the first
screen does not need, and starts no analysis process (benchmarks/startup.py times it)."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata

from tui.analysis.spacy_models import chosen_model, model_version
from tui.documents import Engine
from tui.sources import load_article

from .pilot import SEEDS

SEED = SEEDS / "000_98ba90fb1ad34b04.txt"

# Run in a fresh interpreter: `newsreader SEED` as the command line runs it, headless, until the
# article screen shows the analysis; then report what was imported and what was started.
OPEN_CACHED = """
import json, sys
from multiprocessing import resource_tracker

import tui.cli
import tui.documents

seen = {}

def run_headless(app, **options):
    async def until_shown(pilot):
        while not getattr(app.screen, "analysed", False):
            await pilot.pause(0.01)
        await pilot.pause()
        seen["quotes"] = len(app.screen.document.quotes)
        app.exit()

    app.run(headless=True, size=(120, 36), auto_pilot=until_shown)
    return 0

tui.cli._run_app = run_headless
status = tui.cli.main([sys.argv[1]])
print(json.dumps({
    "status": status,
    "quotes": seen.get("quotes"),
    "modules": sorted(sys.modules),
    "analysis process": tui.documents._child is not None,
    "resource tracker": resource_tracker._resource_tracker._pid is not None,
}))
"""

NOT_FOR_A_CACHED_ARTICLE = [
    "spacy",
    "thinc",
    "tui.analysis.engine",
    "tui.analysis.pipeline",
    "tui.analysis.stance",
    "httpx",
    "feedparser",
    "trafilatura",
    "tomlkit",  # only to save the theme
    "importlib.metadata",  # the model's version is read beside its package
    "tui.app.screens.library",
    "tui.app.screens.help",
    "tui.app.screens.search",
    "tui.app.screens.speakers",
    "tui.app.screens.stance_grid",
]


def test_a_cached_article_opens_without_spacy_or_an_analysis_process(analyzer):
    article = load_article(SEED)
    engine = Engine()  # the test's own cache folder (isolated_dirs)
    engine.cache.save(engine.key(article), next(analyzer.analyze_many([article])))

    done = subprocess.run(
        [sys.executable, "-c", OPEN_CACHED, str(SEED)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["status"] == 0 and report["quotes"] == 23  # the cached analysis, shown
    assert [name for name in NOT_FOR_A_CACHED_ARTICLE if name in report["modules"]] == []
    assert not report["analysis process"] and not report["resource tracker"]


def test_the_model_version_in_cache_keys_is_the_installed_one():
    model = chosen_model()
    assert model is not None
    assert model_version(model) == metadata.version(model) != "?"
    assert model_version("no_such_model_installed") == "?"


def test_a_folder_with_an_article_not_yet_analysed_starts_the_model_at_launch(tmp_path, monkeypatch):
    """`newsreader FOLDER` (the bundled seeds with no argument) starts loading spaCy before the app
    starts, as `newsreader FILE` does, when one of its files is not analysed yet; not otherwise."""
    import tui.cli
    from tui.documents import plain_document

    folder = tmp_path / "harbour"
    folder.mkdir()
    for number in range(2):
        (folder / f"story{number}.txt").write_text(f"Harbour {number}\n\nThe ferry runs at {number}.\n", "utf-8")
    started: list[bool] = []
    monkeypatch.setattr(Engine, "start_loading", lambda self: started.append(True))
    monkeypatch.setattr(tui.cli, "_run_app", lambda app, **options: 0)

    assert tui.cli.main([str(folder)]) == 0
    assert started == [True]

    engine = Engine()
    for path in sorted(folder.iterdir()):
        article = load_article(path)
        engine.cache.save(engine.key(article), plain_document(article))
    assert tui.cli.main([str(folder)]) == 0
    assert started == [True]  # every file analysed: nothing to load
