"""Make screenshots/ from the real app on the bundled seed: SVG always, PNG when
rsvg-convert is installed (Debian: librsvg2-bin).

    python scripts/screenshots.py

Textual's SVG writes spaces as no-break spaces inside text runs stretched to a fixed
length; rsvg-convert then draws a run's leading space with no width, so words run
together ("Starmermet"). The PNG is made from a copy with plain spaces kept by
xml:space="preserve", which rsvg-convert spaces correctly.
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

    async def take(name: str, keys: list[str], size=(120, 36), theme: str = "") -> None:
        app = NewsreaderApp(ROOT / "seeds")
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            if theme:
                app.theme = theme
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
    await take("article-light", ["enter", "right_square_bracket"], theme="textual-light")
    await take("article-80x24", ["enter", "i"], size=(80, 24))
    await take("stance-grid", ["enter", "v"])
    return made


def to_png(converter: str, svg: Path) -> Path:
    """The PNG of an SVG screenshot, with its spaces (see the module docstring)."""
    text = svg.read_text(encoding="utf-8")
    spaced = text.replace("<svg ", '<svg xml:space="preserve" ', 1).replace("&#160;", " ")
    png = svg.with_suffix(".png")
    with tempfile.NamedTemporaryFile("w", suffix=".svg", encoding="utf-8", delete=False) as copy:
        copy.write(spaced)
    try:
        subprocess.run([converter, copy.name, "-o", str(png)], check=True)
    finally:
        os.unlink(copy.name)
    return png


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name in ("CACHE", "DATA", "CONFIG"):
            os.environ[f"NEWSREADER_{name}_DIR"] = str(Path(scratch) / name.lower())
        made = asyncio.run(shoot())
    converter = shutil.which("rsvg-convert")
    for svg in made:
        if converter:
            to_png(converter, svg)
        print(svg.relative_to(ROOT), "(+ png)" if converter else "")


if __name__ == "__main__":
    main()
