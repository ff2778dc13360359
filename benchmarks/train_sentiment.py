"""Refit the target-sentiment weights (tui/analysis/weights/target_sentiment.tsv.gz) on NewsMTSC.

    pip install scikit-learn   # only this script needs it
    python benchmarks/train_sentiment.py PATH/TO/newsmtsc

Fits a three-class logistic regression on train.jsonl over `target_sentiment.all_features`,
chooses its L2 strength on rw-dev, writes the weights, then reads them back through the
package's own `polarity_toward` and prints macro-F1 on rw-dev and, once, on rw-test (never
used to choose anything). Deterministic: the same data gives the same file.

It also prints the confidence threshold for stance (`stance_model.MODEL_THRESHOLD`): the least
|P(favour) - P(against)| at which the sign of the model's readings on rw-dev is right at least
PRECISION of the time (a neutral row read as a side counts wrong). Set the constant to it.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from stance import macro_f1  # noqa: E402

from tui.analysis import target_sentiment  # noqa: E402
from tui.analysis.pipeline import load_nlp  # noqa: E402

OUT = ROOT / "tui" / "analysis" / "weights" / target_sentiment.WEIGHTS_FILE
STRENGTHS = (0.05, 0.1, 0.2)  # scikit-learn's C (inverse L2), chosen on rw-dev
MIN_ROWS = 2  # a sparse feature must occur in this many train rows to be kept
THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
PRECISION = 0.9  # the review's target: nine stances in ten right


def load(folder: Path, name: str) -> list[dict]:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    folder = Path(sys.argv[1])
    started = time.perf_counter()
    nlp = load_nlp()
    splits = {name: load(folder, f"{name}.jsonl") for name in ("train", "rw-dev", "rw-test")}
    docs = {name: list(nlp.pipe((r["sentence"] for r in rows), batch_size=256)) for name, rows in splits.items()}
    empty = {"nomention": 1.0}
    found = {
        name: [target_sentiment.all_features(d, r["from"], r["to"]) or empty for d, r in zip(docs[name], rows)]
        for name, rows in splits.items()
    }
    seen = Counter(key for row in found["train"] for key in row)
    keep = {key for key, n in seen.items() if n >= MIN_ROWS or key.startswith("hand:")}
    vectorizer = DictVectorizer()
    x_train = vectorizer.fit_transform([{k: v for k, v in row.items() if k in keep} for row in found["train"]])
    x_dev = vectorizer.transform(found["rw-dev"])
    y_train = [r["polarity"] for r in splits["train"]]
    y_dev = [r["polarity"] for r in splits["rw-dev"]]
    print(
        f"{x_train.shape[0]} train rows, {x_train.shape[1]} features ({time.perf_counter() - started:.0f} s to parse)"
    )
    best = None
    for strength in STRENGTHS:
        model = LogisticRegression(C=strength, max_iter=3000).fit(x_train, y_train)
        score = macro_f1(y_dev, list(model.predict(x_dev)))
        print(f"C {strength:<5} rw-dev macro-F1 {score:.3f}")
        if best is None or score > best[0]:
            best = (score, strength, model)
    _, strength, model = best
    assert list(model.classes_) == list(target_sentiment.CLASSES)
    rows = [("bias", *model.intercept_)]
    rows += [(name, *model.coef_[:, k]) for k, name in enumerate(vectorizer.get_feature_names_out())]
    text = "".join(f"{name}\t{a:.4f}\t{b:.4f}\t{c:.4f}\n" for name, a, b, c in rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(f"chose C {strength}; wrote {len(rows)} rows to {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")

    target_sentiment.weights.cache_clear()
    readings = {}
    for name in ("rw-dev", "rw-test"):
        readings[name] = [
            target_sentiment.polarity_toward(d, r["from"], r["to"]) for d, r in zip(docs[name], splits[name])
        ]
        predicted = [label for label, _ in readings[name]]
        print(f"{name} macro-F1 through the package: {macro_f1([r['polarity'] for r in splits[name]], predicted):.3f}")
    choose_threshold(readings["rw-dev"], [r["polarity"] for r in splits["rw-dev"]])


def choose_threshold(readings: list[tuple[int, float]], gold: list[int]) -> None:
    """Print, for each threshold, how many rw-dev rows the model takes a side on and how often
    the side is right; then the least threshold reaching PRECISION."""
    chosen = None
    for threshold in THRESHOLDS:
        sided = [(margin, g) for (_, margin), g in zip(readings, gold) if abs(margin) >= threshold]
        right = sum((margin > 0 and g == 1) or (margin < 0 and g == -1) for margin, g in sided)
        share = right / len(sided) if sided else 0.0
        print(f"threshold {threshold:.2f}: a side on {len(sided)} of {len(gold)} rw-dev rows, right {share:.3f}")
        if chosen is None and share >= PRECISION:
            chosen = threshold
    print(f"stance threshold (least with sign right >= {PRECISION:.0%} on rw-dev): {chosen}")


if __name__ == "__main__":
    main()
