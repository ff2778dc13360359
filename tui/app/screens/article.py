"""The article screen: quotes, the article and the stance sidebar over one Document."""

from __future__ import annotations

import re

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, LoadingIndicator, Static

from tui.analysis.attribution.rules import why
from tui.app.screens.stance_grid import StanceGridScreen, describe
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.quote_list import QuoteList
from tui.app.widgets.stance_panel import StancePanel
from tui.documents import plain_document
from tui.model import Document
from tui.sources import Article


class ArticleScreen(Screen):
    """The text shows at once; highlights arrive when the analysis worker finishes."""

    BINDINGS = [
        Binding("slash", "find", "Find"),
        Binding("n", "next_hit", "Next hit", show=False),
        Binding("N", "previous_hit", "Prev hit", show=False),
        Binding("right_square_bracket", "next_quote", "Next quote"),
        Binding("left_square_bracket", "previous_quote", "Prev quote"),
        Binding("s", "cycle_speaker", "Speaker filter"),
        Binding("v", "stance_grid", "Stances"),
        Binding("escape", "back", "Back"),
        Binding("q", "back", "Back", show=False),
    ]

    def __init__(self, article: Article, quote_id: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.article = article
        self.initial_quote = quote_id
        self.document: Document = plain_document(article)
        self.analysed = False
        self.hits: list[tuple[int, int]] = []
        self.current_hit = -1
        self.current_quote = -1

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            yield QuoteList(self.document, id="quotes")
            yield ArticleView(self.document, id="article")
            with Vertical(id="sidebar"):
                yield StancePanel(self.document, id="stances")
                yield Static(id="stance-detail")
        yield Input(placeholder="find in the article (enter: go, escape: close)", id="find")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.article.title or "newsreader"
        self.sub_title = "analysing…"
        self.query_one("#find", Input).display = False
        self.query_one(QuoteList).rebuild()
        self.query_one(StancePanel).rebuild()
        self.query_one(ArticleView).focus()
        cached = self.app.engine.cached(self.article)
        if cached is not None:
            self.show_document(cached)
        else:
            # Only an article that must be analysed shows progress (a cached one paints at once).
            self.mount(LoadingIndicator(id="progress"), before=self.query_one(Footer))
            self.analyse()

    @work(thread=True, exclusive=True)
    def analyse(self) -> None:
        try:
            document = self.app.engine.analyse(self.article)
        except Exception as error:  # the reader keeps the plain text on any analysis failure
            self.app.call_from_thread(self.analysis_failed, str(error))
            return
        self.app.call_from_thread(self.show_document, document)

    def _hide_progress(self) -> None:
        for indicator in self.query("#progress"):
            indicator.remove()

    def analysis_failed(self, message: str) -> None:
        self._hide_progress()
        self.sub_title = "not analysed"
        panel = self.query_one(StancePanel)
        panel.waiting = "Not analysed: the text is shown as it is."
        panel.rebuild()
        self.notify(message, title="Analysis failed", severity="error", markup=False, timeout=10)

    def show_document(self, document: Document) -> None:
        self.document = document
        self.analysed = True
        self._hide_progress()
        self.query_one(ArticleView).set_document(document)
        self.query_one(QuoteList).set_document(document)
        self.query_one(StancePanel).set_document(document)
        self.sub_title = f"{len(document.quotes)} quotes · {len(document.speakers)} speakers"
        if document.partial:
            self.notify(document.partial, title="Analysed in part", severity="warning", timeout=10)
        self.app.record(self.article, document)
        if self.initial_quote:
            self.call_after_refresh(self.jump_to_quote, self.initial_quote)

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "-narrow")

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
        self.jump_to_quote(message.quote.id)
        reason = why(self.document, message.quote)
        self.query_one("#stance-detail", Static).update(Text(f"why: {reason}"))

    def on_stance_panel_stance_chosen(self, message: StancePanel.StanceChosen) -> None:
        self.show_stance(message.stance)

    def show_stance(self, stance) -> None:
        """The stance's rule, cue and evidence under the sidebar, and the article at the evidence."""
        if stance is None:
            return
        self.query_one("#stance-detail", Static).update(describe(self.document, stance))
        if stance.evidence:
            self.jump_to_quote(stance.evidence[0])

    def action_stance_grid(self) -> None:
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

    def _visible_quotes(self) -> list:
        return self.query_one(QuoteList).shown

    def action_next_quote(self) -> None:
        self._step_quote(1)

    def action_previous_quote(self) -> None:
        self._step_quote(-1)

    def _step_quote(self, step: int) -> None:
        shown = self._visible_quotes()
        if not shown:
            return
        current_id = self.document.quotes[self.current_quote].id if self.current_quote >= 0 else None
        ids = [q.id for q in shown]
        position = ids.index(current_id) + step if current_id in ids else (0 if step > 0 else len(ids) - 1)
        self.jump_to_quote(ids[position % len(ids)])

    def action_cycle_speaker(self) -> None:
        speakers = [None] + [s.id for s in self.document.speakers]
        quotes = self.query_one(QuoteList)
        position = speakers.index(quotes.speaker_filter) if quotes.speaker_filter in speakers else 0
        quotes.set_filter(speakers[(position + 1) % len(speakers)])
        self._announce_filter()

    def _announce_filter(self) -> None:
        speaker = self.document.speaker(self.query_one(QuoteList).speaker_filter)
        self.notify(f"quotes by {speaker.name}" if speaker else "quotes by everyone", timeout=2, markup=False)

    # --- find ----------------------------------------------------------------
    def action_find(self) -> None:
        field = self.query_one("#find", Input)
        field.display = True
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        needle = event.value.strip()
        view = self.query_one(ArticleView)
        self.hits = (
            [m.span() for m in re.finditer(re.escape(needle), self.document.text, re.IGNORECASE)] if needle else []
        )
        self.current_hit = 0 if self.hits else -1
        view.set_hits(self.hits, self.current_hit)
        event.input.display = False
        view.focus()
        if self.hits:
            view.scroll_to_offset(self.hits[0][0])
            self.notify(f"{len(self.hits)} hits for {needle!r}", timeout=2, markup=False)
        elif needle:
            self.notify(f"no hits for {needle!r}", severity="warning", timeout=2, markup=False)

    def _step_hit(self, step: int) -> None:
        if not self.hits:
            return
        self.current_hit = (self.current_hit + step) % len(self.hits)
        view = self.query_one(ArticleView)
        view.set_hits(self.hits, self.current_hit)
        view.scroll_to_offset(self.hits[self.current_hit][0])

    def action_next_hit(self) -> None:
        self._step_hit(1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def action_back(self) -> None:
        field = self.query_one("#find", Input)
        if field.display:
            field.display = False
            self.query_one(ArticleView).focus()
            return
        self.app.close_article()

    def selected_quote_text(self) -> str | None:
        if self.current_quote < 0:
            return None
        return self.document.quote_text(self.document.quotes[self.current_quote])
