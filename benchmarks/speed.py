"""Analysis time against bare spaCy on the same texts, measured in one run.

    python benchmarks/speed.py [FOLDER_OF_TXT ...] [--repeat 3]

With no folder it uses the bundled seeds, repeated to make a batch. Prints
both times (best of --repeat) and their ratio.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from tui.analysis.engine import Analyzer  # noqa: E402
from tui.sources import Article  # noqa: E402


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = [p for folder in args.folders for p in sorted(folder.rglob("*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if not texts:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] * 20

    analyzer = Analyzer()
    bare = spacy.load(analyzer.nlp.meta["lang"] + "_" + analyzer.nlp.meta["name"])
    articles = [Article(text=t, title="", source="") for t in texts]
    list(bare.pipe(texts[:2]))
    list(analyzer.analyze_many(articles[:2]))

    # Interleaved, best of each: the machine's slow moments hit both sides alike.
    bare_times, our_times = [], []
    for _ in range(args.repeat):
        bare_times.append(best_of(1, lambda: list(bare.pipe(texts, batch_size=16))))
        our_times.append(best_of(1, lambda: list(analyzer.analyze_many(articles))))
    bare_time, ours = min(bare_times), min(our_times)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} texts, {words} words, model {analyzer.model}")
    print(f"bare nlp.pipe   {bare_time:.2f} s")
    print(f"newsreader      {ours:.2f} s")
    print(f"ratio           {ours / bare_time:.3f} (target <= 1.15)")


if __name__ == "__main__":
    main()
