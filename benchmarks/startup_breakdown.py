"""Where the first uncached open's seconds go, step by step, each in fresh processes.

    python benchmarks/startup_breakdown.py [--rounds 5]

benchmarks/startup.py times the whole wait (launch to the stance sidebar); this splits the
analysis process's share of it. Each round starts a new interpreter that does, in order, what the
analysis process does for the first article, timing each step: import spaCy, import our
analysis modules, load the model, load the word lists and weights the rules read, analyse the
seed, and send the Document back (pickle, as the pipe does). Python's own start is timed apart
(`python -c pass`), and so is the spawned process's start before it reads its first request.
Prints the median of each step over the rounds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_98ba90fb1ad34b04.txt"

STEPS = """
import json, pickle, sys, time
marks = [("start", time.perf_counter())]
def mark(name):
    marks.append((name, time.perf_counter()))

import spacy
mark("import spacy")
import tui.analysis.engine
mark("import our analysis modules")
from tui.analysis.engine import Analyzer
analyzer = Analyzer()
mark("load the model (spacy.load, our tokenizer rule)")
from tui.analysis import polarity, target_sentiment
polarity.evaluations()
mark("word lists: VADER's lexicon and ours")
target_sentiment.weights()
mark("weights: target sentiment (gzip)")
from tui.sources import load_article
article = load_article(sys.argv[1])
mark("read the article")
document = next(analyzer.analyze_many([article]))
mark("analyse the seed (first time)")
document = next(analyzer.analyze_many([article]))
mark("analyse the seed again (all loaded)")
sent = pickle.dumps(document)
pickle.loads(sent)
mark(f"send it back (pickle, {len(sent) // 1024} KB)")
print(json.dumps([(name, t - marks[i][1]) for i, (name, t) in enumerate(marks[1:])]))
"""

SPAWNED = """
import multiprocessing, time

def answer(connection):
    connection.send(time.perf_counter())

if __name__ == "__main__":
    context = multiprocessing.get_context("spawn")
    here, there = context.Pipe()
    started = time.perf_counter()
    context.Process(target=answer, args=(there,)).start()
    print(here.recv() - started)
"""


def run(code: str, *args: str) -> str:
    """The last line a script prints. A file, not `-c`: a spawned process imports its parent's main."""
    with tempfile.NamedTemporaryFile("w", suffix=".py") as script:
        script.write(code)
        script.flush()
        done = subprocess.run(
            [sys.executable, script.name, *args], capture_output=True, text=True, check=True, cwd=ROOT, timeout=300
        )
    return done.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    steps: dict[str, list[float]] = {}
    python: list[float] = []
    spawn: list[float] = []
    for _ in range(options.rounds):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        python.append(time.perf_counter() - started)
        spawn.append(float(run(SPAWNED)))
        for name, seconds in json.loads(run(STEPS, str(SEED))):
            steps.setdefault(name, []).append(seconds)
    print(f"first uncached open, the analysis process's steps: median of {options.rounds} fresh processes")
    print(f"{'python starts (python -c pass)':<48} {statistics.median(python):6.3f} s")
    print(f"{'a spawned process starts and answers':<48} {statistics.median(spawn):6.3f} s")
    total = 0.0
    for name, values in steps.items():
        total += statistics.median(values) if "again" not in name else 0.0
        print(f"{name:<48} {statistics.median(values):6.3f} s")
    print(f"{'in all, once (without the second analysis)':<48} {total:6.3f} s")


if __name__ == "__main__":
    main()
