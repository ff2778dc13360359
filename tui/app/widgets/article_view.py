"""The article pane: the text wrapped to the width, with speakers, quotes, cues
and find hits highlighted. Only the visible lines are rendered (`render_line`),
so an article of any length opens and scrolls at once."""

from __future__ import annotations

import re
from bisect import bisect_right

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app import palette
from tui.app.widgets.lines import text_strip
from tui.model import Document

_WORD = re.compile(r"\S+\s*")


# Characters two cells wide (CJK, emoji): paragraphs holding them take the slower, exact path.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U0001f300-\U0001faff\U00020000-\U0003fffd]"
)


def wrap(text: str, paragraphs: list[tuple[int, int]], width: int) -> list[tuple[int, int] | None]:
    """Line spans (character offsets) for the paragraphs at this width; None is a blank line."""
    width = max(width, 10)
    lines: list[tuple[int, int] | None] = []
    for number, (start, end) in enumerate(paragraphs):
        if number:
            lines.append(None)
        if _WIDE.search(text, start, end):
            lines.extend(_wrap_by_cells(text, start, end, width))
        else:
            lines.extend(_wrap_narrow(text, start, end, width))
    return lines


def _wrap_narrow(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy wrapping when every character is one cell: one search per line, not per word."""
    lines = []
    position = start
    while end - position > width:
        cut = text.rfind(" ", position, position + width + 1)
        if cut <= position:
            lines.append((position, position + width))  # a word longer than the line
            position += width
            continue
        lines.append((position, cut + 1))
        position = cut + 1
        while position < end and text[position] == " ":
            position += 1
    lines.append((position, end))
    return lines


def _wrap_by_cells(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy wrapping by cell width, word by word."""
    lines = []
    line_start, used = start, 0
    for match in _WORD.finditer(text, start, end):
        word = match.group()
        size = cell_len(word.rstrip())
        if used and used + size > width:
            lines.append((line_start, match.start()))
            line_start, used = match.start(), 0
        used += cell_len(word)
    lines.append((line_start, end))
    return lines


def _next_starts(lines: list[tuple[int, int] | None]) -> list[float]:
    following: list[float] = []
    upcoming = float("inf")
    for span in reversed(lines):
        following.append(upcoming)
        if span:
            upcoming = span[0]
    return following[::-1]


class ArticleView(ScrollView, can_focus=True):
    """A scrolling, line-by-line view of one document's text."""

    HELP_TITLE = "Article pane"

    BINDINGS = [
        Binding("j,down", "line(1)", "Down", show=False, id="down", tooltip="Scroll a line down"),
        Binding("k,up", "line(-1)", "Up", show=False, id="up", tooltip="Scroll a line up"),
        Binding("g,home", "top", "Top", show=False, id="top", tooltip="The top of the article"),
        Binding("G,end", "bottom", "Bottom", show=False, id="bottom", tooltip="The end of the article"),
        Binding("space,pagedown", "page(1)", "Page", show=False, id="page_down", tooltip="A page down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="page_up", tooltip="A page up"),
    ]
    """
    | Key | Action |
    | :- | :- |
    | j / down, k / up | Scroll a line. |
    | g / home, G / end | Top, bottom. |
    | space / pagedown, b / pageup | Scroll a page. |
    """

    COMPONENT_CLASSES = {
        "article-view--selected",
        "article-view--cue",
        "article-view--hit",
        "article-view--current-hit",
    }
    """
    | Class | Description |
    | :- | :- |
    | `article-view--selected` | The quote chosen in the quote list. |
    | `article-view--cue` | A reporting verb ("said"). |
    | `article-view--hit` | A find hit. |
    | `article-view--current-hit` | The find hit stepped to with n / N. |
    """

    DEFAULT_CSS = """
    ArticleView {
        padding: 0 1;
        scrollbar-gutter: stable;
        & > .article-view--selected { background: $primary-muted; color: $text; }
        & > .article-view--cue { text-style: underline; }
        & > .article-view--hit { text-style: reverse; }
        & > .article-view--current-hit { background: $warning; color: $text; text-style: bold; }
    }
    """

    selected: reactive[tuple[int, int] | None] = reactive(None)
    """The span of the quote chosen in the quote list, marked in the text."""

    def __init__(self, document: Document, **kwargs):
        super().__init__(**kwargs)
        self.document = document
        self.hits: list[tuple[int, int]] = []
        self.current_hit = -1
        self._lines: list[tuple[int, int] | None] = []
        self._starts: list[float] = []
        self._wrapped_width = -1
        self._wrapped = 0  # paragraphs whose lines are in `_lines`
        self._runs: list[tuple[int, int, int, Style]] = []
        self._run_starts: list[int] = []
        self._runs_stale = True
        self._cache: LRUCache[int, Strip] = LRUCache(1024)

    # --- keys: no animation, so a held key never queues up scrolling -------------
    @property
    def allow_vertical_scroll(self) -> bool:
        """As soon as the text is taller than the pane: Textual allows scrolling only once a layout
        has shown the scrollbar, and a key pressed as the article opens was lost until then."""
        return super().allow_vertical_scroll or (not self.disabled and self.max_scroll_y > 0)

    def action_line(self, step: int) -> None:
        self.scroll_to(y=self.scroll_y + step, animate=False)

    def action_page(self, step: int) -> None:
        height = self.scrollable_content_region.height or self.size.height
        self.scroll_to(y=self.scroll_y + step * max(1, height - 1), animate=False)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        self._wrap_all()  # the end is exact only once every line before it is
        self.scroll_to(y=self.max_scroll_y, animate=False)

    # --- content ---------------------------------------------------------
    def set_document(self, document: Document) -> None:
        """Show a (newly analysed) document: new highlights; the text is re-wrapped only if it changed."""
        same_text = document.text == self.document.text and document.paragraphs == self.document.paragraphs
        self.document = document
        self._restyle()
        if not same_text:
            self._relayout(force=True)

    def set_hits(self, hits: list[tuple[int, int]], current: int) -> None:
        self.hits, self.current_hit = hits, current
        self._restyle()

    def _restyle(self) -> None:
        """Highlights must be made again (new document, selection, hits or theme)."""
        self._runs_stale = True
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        """A theme or CSS change: every cached line carries the old colours."""
        super().notify_style_update()
        self._runs_stale = True
        self._cache.clear()

    def _build_runs(self) -> None:
        """Style runs over the text, each with its priority (higher wins where runs overlap)."""
        document = self.document
        colours = palette.speaker_colours(document, palette.app_palette(self.app))
        cue = self.get_component_rich_style("article-view--cue", partial=True)
        hit = self.get_component_rich_style("article-view--hit", partial=True)
        # The full style, not the partial one: it resolves `$text` (auto) against the background.
        current_hit = self.get_component_rich_style("article-view--current-hit")
        selected = self.get_component_rich_style("article-view--selected")
        runs: list[tuple[int, int, int, Style]] = []
        if self.selected:
            runs.append((*self.selected, 0, selected))
        for quote in document.quotes:
            runs.append((quote.start, quote.end, 1, palette.quote_style(colours.get(quote.speaker or ""))))
            if quote.cue_span:
                runs.append((*quote.cue_span, 2, cue))
        for speaker in document.speakers:
            style = palette.mention_style(colours[speaker.id])
            runs.extend((start, end, 3, style) for start, end in speaker.mentions)
        for index, (start, end) in enumerate(self.hits):
            runs.append((start, end, 4, current_hit if index == self.current_hit else hit))
        self._runs = sorted(runs, key=lambda run: run[0])
        self._run_starts = [run[0] for run in self._runs]
        self._longest_run = max((end - start for start, end, _, _ in runs), default=0)
        self._runs_stale = False
        self._cache.clear()

    def watch_selected(self) -> None:
        self._restyle()

    # --- layout ------------------------------------------------------------
    # Lines are wrapped lazily and in text order: `_lines` holds the exact lines of the first
    # `_wrapped` paragraphs; the rest is only estimated (from the lines per character wrapped so
    # far) for the virtual size and the scrollbar. Whatever is shown or scrolled to is wrapped
    # first, so a long text opens at once and every position on screen is exact.
    def on_resize(self) -> None:
        self._relayout()
        self._wrap_through_line(int(self.scroll_y))  # a taller pane shows more lines

    def on_mount(self) -> None:
        self._relayout()

    def _relayout(self, force: bool = False) -> None:
        width = self.scrollable_content_region.width or self.size.width
        if width <= 0 or (width == self._wrapped_width and not force):
            return
        anchor = self.offset_at_line(int(self.scroll_y)) if self._lines else 0
        self._wrapped_width = width
        self._lines, self._starts, self._wrapped = [], [], 0
        self._cache.clear()
        line = self.line_of(anchor)  # wraps through the anchor and a screen after it
        self._update_virtual_size()
        self.scroll_to(y=line, animate=False)
        self.refresh()

    def _screen_lines(self) -> int:
        return max(self.scrollable_content_region.height, self.size.height, 1)

    def _wrap_through_line(self, line: int) -> None:
        """Wrap on until line `line` (and a screen more) is exact, or the text ends."""
        target = line + self._screen_lines()
        if len(self._lines) > target or self.fully_wrapped:
            return
        while len(self._lines) <= target and self._wrap_more():
            pass
        self._update_virtual_size()

    def _wrap_through_offset(self, offset: int) -> None:
        """Wrap on until the paragraph holding `offset`, and a screen after it, is exact."""
        paragraphs = self.document.paragraphs
        before = self._wrapped
        while self._wrapped < len(paragraphs) and paragraphs[self._wrapped][0] <= offset:
            self._wrap_more()
        if self._wrapped != before:
            self._update_virtual_size()
        self._wrap_through_line(len(self._lines))

    def _wrap_all(self) -> None:
        if self._wrap_more(len(self.document.paragraphs)):
            self._update_virtual_size()

    def _wrap_more(self, batch: int = 200) -> bool:
        """Wrap the next `batch` paragraphs; False when every paragraph is wrapped already."""
        paragraphs = self.document.paragraphs
        if self._wrapped >= len(paragraphs) or self._wrapped_width <= 0:
            return False
        chunk = paragraphs[self._wrapped : self._wrapped + batch]
        lines = wrap(self.document.text, chunk, self._wrapped_width)
        if self._wrapped:
            lines.insert(0, None)  # the blank line between the last paragraph wrapped and this chunk
        # A blank line sorts just before the paragraph after it, so offsets never land on it.
        self._starts.extend(
            span[0] if span else next_start - 0.5 for span, next_start in zip(lines, _next_starts(lines))
        )
        self._lines.extend(lines)
        self._wrapped += len(chunk)
        return True

    def _update_virtual_size(self) -> None:
        """Exact lines, plus an estimate for the text not wrapped yet (at this text's lines per character)."""
        paragraphs = self.document.paragraphs
        height = len(self._lines)
        if self._wrapped < len(paragraphs):
            done = paragraphs[self._wrapped][0]
            height += -(-(len(self.document.text) - done) * len(self._lines) // max(done, 1))
        self.virtual_size = Size(self._wrapped_width, height)

    @property
    def fully_wrapped(self) -> bool:
        """Whether every paragraph has its exact lines (the virtual height is then exact)."""
        return self._wrapped >= len(self.document.paragraphs)

    def offset_at_line(self, line: int) -> int:
        self._wrap_through_line(line)
        for index in range(min(line, len(self._lines) - 1), -1, -1):
            if self._lines[index]:
                return self._lines[index][0]
        return 0

    def line_of(self, offset: int) -> int:
        """The wrapped line that holds a character offset (wrapping up to it first)."""
        self._wrap_through_offset(offset)
        return max(0, bisect_right(self._starts, offset) - 1)

    def scroll_to_offset(self, offset: int) -> None:
        """Bring a character offset into view, a few lines from the top."""
        self.scroll_to(y=max(0, self.line_of(offset) - 3), animate=False)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Lines scrolled to (a key, the wheel, the scrollbar) are wrapped before they are drawn."""
        self._wrap_through_line(int(new_value))
        super().watch_scroll_y(old_value, new_value)

    # --- rendering ---------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        line_number = int(self.scroll_y) + y
        width = self.scrollable_content_region.width or self.size.width
        strip = self._cache.get(line_number)
        if strip is None:
            strip = self._render_text_line(line_number)
            self._cache[line_number] = strip
        return strip.crop_extend(int(self.scroll_x), int(self.scroll_x) + width, self.rich_style)

    def _render_text_line(self, line_number: int) -> Strip:
        if line_number >= len(self._lines):
            self._wrap_through_line(line_number)  # a safety net: scrolling wraps ahead already
        if line_number >= len(self._lines) or self._lines[line_number] is None:
            return Strip.blank(0)
        if self._runs_stale:
            self._build_runs()
        start, end = self._lines[line_number]
        text = Text(self.document.text[start:end].rstrip("\n"))
        first = bisect_right(self._run_starts, start - self._longest_run - 1)
        last = bisect_right(self._run_starts, end)
        overlapping = [run for run in self._runs[first:last] if run[1] > start and run[0] < end]
        for run_start, run_end, _, style in sorted(overlapping, key=lambda run: run[2]):
            text.stylize(style, max(run_start, start) - start, min(run_end, end) - start)
        return text_strip(text, self.app.console, self.rich_style)
