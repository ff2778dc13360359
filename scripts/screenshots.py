"""Make screenshots/ from the real app on the bundled seed: SVG always, PNG when
rsvg-convert is installed (Debian: librsvg2-bin).

    python scripts/screenshots.py
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"


async def shoot() -> list[Path]:
    from tui.app.app import NewsreaderApp

    made = []

    async def take(name: str, keys: list[str], size=(120, 36)) -> None:
        app = NewsreaderApp(ROOT / "seeds")
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await app.workers.wait_for_complete()
                await pilot.pause()
            await pilot.pause(0.3)
            path = OUT / f"{name}.svg"
            app.save_screenshot(filename=path.name, path=str(OUT))
            made.append(path)

    await take("library", [])
    await take("article", ["enter"])
    await take(
        "quote-jump",
        ["enter", "s", "s", "s", "s", "s", "right_square_bracket", "right_square_bracket", "right_square_bracket"],
    )
    await take("find", ["enter", "slash", *"Rwanda", "enter"])
    await take("help", ["question_mark"])
    return made


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name in ("CACHE", "DATA", "CONFIG"):
            os.environ[f"NEWSREADER_{name}_DIR"] = str(Path(scratch) / name.lower())
        made = asyncio.run(shoot())
    converter = shutil.which("rsvg-convert")
    for svg in made:
        if converter:
            subprocess.run([converter, str(svg), "-o", str(svg.with_suffix(".png"))], check=True)
        print(svg.relative_to(ROOT), "(+ png)" if converter else "")


if __name__ == "__main__":
    main()
