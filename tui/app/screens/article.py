"""The article screen: quotes, the article and the stance sidebar over one Document."""

from __future__ import annotations

import re

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.key_footer import KeyFooter
from tui.app.widgets.quote_list import QuoteList
from tui.app.widgets.stance_panel import StancePanel
from tui.app.widgets.title_bar import TitleBar
from tui.app.words import plural
from tui.documents import plain_document
from tui.model import Document, Quote
from tui.sources import Article


def open_in_browser(screen: Screen, link: str) -> None:
    """Open a web address with the system's browser (`webbrowser`); anything else gets a notice."""
    import webbrowser

    if not link.startswith(("http://", "https://")):
        screen.notify("this article has no web link", severity="warning", timeout=3)
        return
    try:
        opened = webbrowser.open(link)
    except webbrowser.Error as error:
        opened = False
        screen.notify(f"no browser could be started ({error})", severity="warning", timeout=5)
        return
    screen.notify(f"opened {link}" if opened else f"no browser found for {link}", timeout=3)


NARROW = 110
"""Below this many columns the speakers sidebar is hidden until `i` shows it (in the quotes' place)."""


class ArticleScreen(Screen):
    """The text shows at once; highlights arrive when the analysis worker finishes."""

    HELP_TITLE = "Article"
    AUTO_FOCUS = "#article"  # the article has the focus from the start: no first focus on the quotes to move

    BINDINGS = [
        Binding("escape,q", "back", "Back", id="back", tooltip="Back to the library (or close find)"),
        Binding("question_mark,f1", "app.help", "Help", id="help", tooltip="This help"),
        Binding("slash", "find", "Find", id="find", tooltip="Find in the article; every hit is highlighted"),
        Binding("n", "next_hit", "Next hit", show=False, id="next_hit", tooltip="Next find hit"),
        Binding("N", "previous_hit", "Prev hit", show=False, id="previous_hit", tooltip="Previous find hit"),
        Binding("right_square_bracket", "next_quote", "Next", id="next_quote", tooltip="Next quote"),
        Binding(
            "left_square_bracket", "previous_quote", "Prev", show=False, id="previous_quote", tooltip="Previous quote"
        ),
        Binding("s", "cycle_speaker", "Speaker", id="speaker_filter", tooltip="Cycle the quote list's speaker filter"),
        Binding("i", "toggle_sidebar", "Sidebar", id="sidebar", tooltip="Show / hide the speakers sidebar"),
        Binding("v", "stance_grid", "Grid", id="stance_grid", tooltip="The stance grid: speakers × topics"),
        Binding(
            "o", "open_link", "Browser", show=False, id="open_link", tooltip="Open the article's link in the browser"
        ),
        Binding(
            "J", "next_article", "Next article", show=False, id="next_article", tooltip="The library's next article"
        ),
        Binding(
            "K",
            "previous_article",
            "Prev article",
            show=False,
            id="previous_article",
            tooltip="The library's previous article",
        ),
    ]

    def __init__(self, article: Article, quote_id: str | None = None, find: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.article = article
        self.initial_quote = quote_id
        self.initial_find = find
        self.document: Document = plain_document(article)
        self.analysed = False
        self.hits: list[tuple[int, int]] = []
        self.current_hit = -1
        self.needle = ""
        self.current_quote = -1

    def compose(self) -> ComposeResult:
        cached = self.app.engine.cached(self.article)
        if cached is not None:  # built once with the analysis, not once plain and once again
            self.document, self.analysed = cached, True
        yield TitleBar(id="title-bar")
        with Horizontal(id="panes"):
            yield QuoteList(self.document, id="quotes")
            yield ArticleView(self.document, id="article")
            with Vertical(id="sidebar"):
                yield StancePanel(self.document, analysed=self.analysed, id="stances")
                yield Static(id="stance-detail")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.title = self.article.title or "newsreader"
        self.query_one(QuoteList).rebuild()
        self.query_one(StancePanel).rebuild()
        self.query_one(ArticleView).focus()
        self.query_one(TitleBar).show(title=self.title)
        if self.initial_find:
            self.call_after_refresh(self.find_text, self.initial_find)
        if self.analysed:
            self._analysed_shown()
        else:
            # Only an article that must be analysed shows progress (a cached one paints at once).
            # Pulses while the model loads, then fills as the text is parsed and each stage is done.
            # It sits in the title bar: taking it away then changes no pane's size (no new layout).
            from textual.widgets import ProgressBar  # only here: a cached article never needs one

            self.query_one(TitleBar).mount(ProgressBar(total=None, show_eta=False, id="progress"))
            self._set_status("loading the language model…" if not self.app.engine.model_loaded else "analysing…")
            self.call_after_refresh(self.analyse)  # the text paints first; spaCy's import holds the GIL

    def _set_status(self, status: str) -> None:
        """The same words in the title bar, the quotes pane and the sidebar while there is nothing else.
        The screen's sub_title is set without its repaint: assigning it repaints the whole screen
        (every pane re-rendered, 25-60 ms with a long article) though the title bar shows it."""
        self.set_reactive(Screen.sub_title, status)
        self.query_one(TitleBar).show(status=status)
        if not self.analysed:
            quotes, panel = self.query_one(QuoteList), self.query_one(StancePanel)
            quotes.empty_message = status[:1].upper() + status[1:]
            quotes.refresh()
            panel.waiting = quotes.empty_message
            panel.rebuild()

    @work(thread=True, exclusive=True)
    def analyse(self) -> None:
        engine = self.app.engine
        try:
            if not engine.model_loaded:
                engine.warm_up()
                self.app.call_from_thread(self._set_status, "analysing…")
            document = engine.analyse(self.article, on_progress=self._progress_from_thread)
        except Exception as error:  # the reader keeps the plain text on any analysis failure
            self.app.call_from_thread(self.analysis_failed, str(error))
            return
        self.app.call_from_thread(self.show_document, document)

    def _progress_from_thread(self, done: int, total: int) -> None:
        self.app.call_from_thread(self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        from textual.widgets import ProgressBar

        for bar in self.query("#progress").results(ProgressBar):
            bar.update(total=total, progress=done)

    def _hide_progress(self) -> None:
        """Hidden, not removed: removing a widget repaints the whole screen (every pane again, as
        long as a frame with a long article), hiding it lays out only the title bar."""
        for indicator in self.query("#progress"):
            indicator.display = False

    def analysis_failed(self, message: str) -> None:
        self._hide_progress()
        self._set_status("not analysed")
        panel = self.query_one(StancePanel)
        panel.waiting = "Not analysed: the text is shown as it is."
        panel.rebuild()
        self.notify(message, title="Analysis failed", severity="error", markup=False, timeout=10)

    def show_document(self, document: Document) -> None:
        self.document = document
        self.analysed = True
        # The bar goes and every pane changes in one update: one layout and one repaint of what
        # changed instead of three, so a key pressed now waits less.
        with self.app.batch_update():
            self._hide_progress()
            self.query_one(ArticleView).set_document(document)
            self.query_one(QuoteList).set_document(document)
            self.query_one(StancePanel).set_document(document)
            self._analysed_shown()

    def _analysed_shown(self) -> None:
        """The analysis is on screen: counts, pane titles, the library's record, the quote asked for."""
        document = self.document
        self.query_one(QuoteList).empty_message = "No quotes in this article."
        self._set_status(f"{plural(len(document.quotes), 'quote')} · {plural(len(document.speakers), 'speaker')}")
        self._label_panes()
        if document.partial:
            self.notify(document.partial, title="Analysed in part", severity="warning", timeout=10)
        # Marked read and counted once this frame is drawn: the library's commits wait on the disk, and it hashes the text.
        self.call_after_refresh(self.app.record, self.article, document)
        if self.initial_quote:
            self.call_after_refresh(self.jump_to_quote, self.initial_quote)

    def _label_panes(self) -> None:
        """Border titles say what each pane shows now: the speaker filter and the find position."""
        quotes = self.query_one(QuoteList)
        speaker = self.document.speaker(quotes.speaker_filter)
        if speaker is not None:
            quotes.border_title = f"by {speaker.name} · {len(quotes.shown)}"
            quotes.border_subtitle = "s: next speaker"
        else:
            quotes.border_title = f"quotes · {len(quotes.shown)}" if self.analysed else "quotes"
            quotes.border_subtitle = ""
        view = self.query_one(ArticleView)
        if self.hits:
            view.border_subtitle = f"“{self.needle}” {self.current_hit + 1}/{len(self.hits)} · n / N"
        elif self.needle:
            view.border_subtitle = f"“{self.needle}”: no hits"
        else:
            view.border_subtitle = ""

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    # --- quotes --------------------------------------------------------------
    def jump_to_quote(self, quote_id: str) -> None:
        quotes = self.document.quotes
        index = next((i for i, q in enumerate(quotes) if q.id == quote_id), None)
        if index is None:
            return
        self.current_quote = index
        quote = quotes[index]
        view = self.query_one(ArticleView)
        view.selected = (quote.start, quote.end)
        view.scroll_to_offset(quote.start)
        self.query_one(QuoteList).select_quote(quote.id)

    def on_quote_list_chosen(self, message: QuoteList.Chosen) -> None:
        """The article at the quote, and why it reads so under the sidebar (the quote's detail)."""
        from tui.analysis.attribution.rules import why

        self.jump_to_quote(message.quote.id)
        reason = why(self.document, message.quote)
        self.query_one("#stance-detail", Static).update(Text(f"why: {reason}"))

    def on_stance_panel_stance_chosen(self, message: StancePanel.StanceChosen) -> None:
        self.show_stance(message.stance)

    def show_stance(self, stance) -> None:
        """The stance's rule, cue and evidence under the sidebar, and the article at the evidence."""
        if stance is None:
            return
        from tui.app.screens.stance_grid import describe

        self.query_one("#stance-detail", Static).update(describe(self.document, stance, self.app))
        if stance.evidence:
            self.jump_to_quote(stance.evidence[0])

    def action_stance_grid(self) -> None:
        from tui.app.screens.stance_grid import StanceGridScreen

        if not self.analysed:
            self.notify("the analysis is still running", timeout=2)
            return
        if not self.document.stances:
            self.notify("no stances found in this article", timeout=2)
            return
        self.app.push_screen(StanceGridScreen(self.document), self.show_stance)

    def on_stance_panel_speaker_chosen(self, message: StancePanel.SpeakerChosen) -> None:
        quotes = self.query_one(QuoteList)
        quotes.set_filter(None if quotes.speaker_filter == message.speaker_id else message.speaker_id)
        self._announce_filter()

    def current(self) -> Quote | None:
        """The chosen quote, or else the one under the quote list's cursor."""
        if self.current_quote >= 0:
            return self.document.quotes[self.current_quote]
        quotes = self.query_one(QuoteList)
        return quotes.shown[quotes.cursor] if quotes.shown else None

    def action_next_quote(self) -> None:
        self._step_quote(1)

    def action_previous_quote(self) -> None:
        self._step_quote(-1)

    def _step_quote(self, step: int) -> None:
        """From the chosen quote, or the highlighted one, to the next (so the first ] moves)."""
        shown = self.query_one(QuoteList).shown
        if not shown:
            return
        reference = self.current()
        ids = [q.id for q in shown]
        if reference is not None and reference.id in ids:
            position = ids.index(reference.id) + step
        else:
            position = 0 if step > 0 else len(ids) - 1
        self.jump_to_quote(ids[position % len(ids)])

    def action_cycle_speaker(self) -> None:
        speakers = [None] + [s.id for s in self.document.speakers]
        quotes = self.query_one(QuoteList)
        position = speakers.index(quotes.speaker_filter) if quotes.speaker_filter in speakers else 0
        quotes.set_filter(speakers[(position + 1) % len(speakers)])
        self._announce_filter()

    def _announce_filter(self) -> None:
        self._label_panes()
        speaker = self.document.speaker(self.query_one(QuoteList).speaker_filter)
        self.notify(f"quotes by {speaker.name}" if speaker else "quotes by everyone", timeout=2, markup=False)

    def action_toggle_sidebar(self) -> None:
        """Wide: hide or show the sidebar. Narrow: the sidebar takes the quotes' place, or gives it back."""
        self.toggle_class("-sidebar-toggled")
        self.call_after_refresh(self._keep_focus_visible)

    def _keep_focus_visible(self) -> None:
        """A pane that was just hidden gives the focus to the article."""
        focused = self.focused
        if focused is None or not all(node.display for node in focused.ancestors_with_self if node is not self):
            self.query_one(ArticleView).focus()

    # --- find ----------------------------------------------------------------
    async def action_find(self) -> None:
        """The find field, made on the first find (a cached article paints without it)."""
        fields = self.query("#find").results(Input)
        field = next(fields, None)
        if field is None:
            field = Input(placeholder="find in the article (enter: go, escape: close)", id="find")
            await self.mount(field, before=self.query_one(KeyFooter))
        field.display = True
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.display = False
        self.find_text(event.value)

    def find_text(self, needle: str) -> None:
        """Highlight every hit of `needle` and go to the first (find, or a library search's hit)."""
        self.needle = needle.strip()
        view = self.query_one(ArticleView)
        self.hits = (
            [m.span() for m in re.finditer(re.escape(self.needle), self.document.text, re.IGNORECASE)]
            if self.needle
            else []
        )
        self.current_hit = 0 if self.hits else -1
        view.set_hits(self.hits, self.current_hit)
        view.focus()
        self._label_panes()
        if self.hits:
            view.scroll_to_offset(self.hits[0][0])
        elif self.needle:
            self.notify(f"no hits for {self.needle!r}", severity="warning", timeout=2, markup=False)

    def _step_hit(self, step: int) -> None:
        if not self.hits:
            return
        self.current_hit = (self.current_hit + step) % len(self.hits)
        view = self.query_one(ArticleView)
        view.set_hits(self.hits, self.current_hit)
        view.scroll_to_offset(self.hits[self.current_hit][0])
        self._label_panes()

    def action_next_hit(self) -> None:
        """The next find hit; with no find active, the library's next unread article."""
        if self.hits:
            self._step_hit(1)
        elif not self.app.open_neighbour(1, unread=True):
            self.notify("no unread article after this one", timeout=2)

    def action_next_article(self) -> None:
        if not self.app.open_neighbour(1):
            self.notify("this is the last article", timeout=2)

    def action_previous_article(self) -> None:
        if not self.app.open_neighbour(-1):
            self.notify("this is the first article", timeout=2)

    def action_open_link(self) -> None:
        open_in_browser(self, self.article.source)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def action_back(self) -> None:
        field = next(self.query("#find").results(Input), None)
        if field is not None and field.display:
            field.display = False
            self.query_one(ArticleView).focus()
            return
        self.app.close_article()

    def quote_citation(self) -> str | None:
        """The current quote as one would cite it: "…" — Keir Starmer, in <title>."""
        quote = self.current()
        if quote is None:
            return None
        speaker = self.document.speaker(quote.speaker)
        where = self.article.title or self.article.source
        who = f"{speaker.name}, in {where}" if speaker else f"in {where}"
        return f'"{self.document.quote_text(quote)}" — {who}'
