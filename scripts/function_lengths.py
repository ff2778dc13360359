"""Print functions longer than a limit (default 60 lines, decorators and docstring included)
and modules longer than 400 lines, under the given folders.

    python scripts/function_lengths.py tui/analysis [--limit 60] [--module-limit 400]

Exits 1 when anything is over, so it can run in CI.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path


def long_functions(path: Path, limit: int) -> list[tuple[int, str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = (node.end_lineno or node.lineno) - first + 1
            if length > limit:
                found.append((node.lineno, node.name, length))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--module-limit", type=int, default=400)
    args = parser.parse_args()
    over = 0
    longest = (0, "")
    for folder in args.folders:
        for path in sorted(folder.rglob("*.py")):
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > args.module_limit:
                print(f"{path}: module of {lines} lines (limit {args.module_limit})")
                over += 1
            for line, name, length in long_functions(path, 0):
                longest = max(longest, (length, f"{path}:{line} {name}"))
                if length > args.limit:
                    print(f"{path}:{line}: {name} is {length} lines (limit {args.limit})")
                    over += 1
    print(f"longest function: {longest[1]} ({longest[0]} lines); {over} over the limits")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
