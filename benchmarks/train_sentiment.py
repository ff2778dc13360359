"""Fit the weights of tui/analysis/sentiment.py on NewsMTSC rw-dev (never rw-test).

    python benchmarks/train_sentiment.py PATH/TO/newsmtsc

A three-class logistic regression over the features `sentiment.features` reads; the L2
strength is chosen by 5-fold cross-validation on rw-dev, repeated over five shuffles. Prints the WEIGHTS to paste.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from stance import macro_f1  # noqa: E402

from tui.analysis.pipeline import load_nlp  # noqa: E402
from tui.analysis.sentiment import FEATURES, features  # noqa: E402

REPEATS = 5  # 5-fold cross-validation repeated over this many shuffles: rw-dev is small (343)


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 8000, rate: float = 0.5) -> np.ndarray:
    weights = np.zeros((x.shape[1], 3))
    onehot = np.eye(3)[y]
    for _ in range(steps):
        z = x @ weights
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        weights -= rate * (x.T @ (p - onehot) / len(x) + l2 * weights)
    return weights


def main() -> None:
    folder = Path(sys.argv[1])
    rows = [
        json.loads(line) for line in (folder / "rw-dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    nlp = load_nlp()
    x = np.array(
        [
            features(doc, r["from"], r["to"]) or [0.0] * (len(FEATURES) - 1) + [1.0]
            for doc, r in zip(nlp.pipe(r["sentence"] for r in rows), rows)
        ]
    )
    y = np.array([r["polarity"] + 1 for r in rows])
    best = None
    for l2 in (0.0, 0.0001, 0.0003, 0.001, 0.003):
        scores = []
        for repeat in range(REPEATS):
            order = np.random.default_rng(repeat).permutation(len(x))
            folds = np.array_split(order, 5)
            predicted = np.zeros(len(x), dtype=int)
            for k, fold in enumerate(folds):
                train = np.concatenate([f for j, f in enumerate(folds) if j != k])
                predicted[fold] = (x[fold] @ fit(x[train], y[train], l2)).argmax(1)
            scores.append(macro_f1(list(y - 1), list(predicted - 1)))
        score = float(np.mean(scores))
        print(
            f"L2 {l2:<7} cross-validated macro-F1 on rw-dev {score:.3f} (± {np.std(scores):.3f} over {REPEATS} shuffles)"
        )
        if best is None or score > best[0]:
            best = (score, l2)
    weights = fit(x, y, best[1])
    print("WEIGHTS = (")
    for name, row in zip(FEATURES, weights.round(3).tolist()):
        print(f"    ({row[0]}, {row[1]}, {row[2]}),  # {name}")
    print(")")


if __name__ == "__main__":
    main()
