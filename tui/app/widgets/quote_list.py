"""The quotes pane: every quote with its speaker in colour, its kind and its text."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app import palette
from tui.model import Document, Quote

KIND_MARK = {"direct": "“ ”", "mixed": "“…", "indirect": "…"}


class QuoteList(OptionList):
    """Quotes in text order, optionally only one speaker's."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]
    """
    | Key | Action |
    | :- | :- |
    | j / k | Next / previous quote. |
    | enter | Jump to the quote in the article. |
    """

    class Chosen(Message):
        """A quote was chosen: the article should show it."""

        def __init__(self, quote: Quote) -> None:
            super().__init__()
            self.quote = quote

    def __init__(self, document: Document, **kwargs):
        super().__init__(**kwargs)
        self.document = document
        self.speaker_filter: str | None = None
        self.shown: list[Quote] = []

    def set_document(self, document: Document) -> None:
        self.document = document
        self.rebuild()

    def set_filter(self, speaker_id: str | None) -> None:
        self.speaker_filter = speaker_id
        self.rebuild()

    def rebuild(self) -> None:
        colours = palette.speaker_colours(self.document)
        self.shown = [q for q in self.document.quotes if self.speaker_filter in (None, q.speaker)]
        options = []
        for quote in self.shown:
            speaker = self.document.speaker(quote.speaker)
            prompt = Text()
            prompt.append(speaker.name if speaker else "unattributed", style=f"bold {colours.get(quote.speaker or '', '')}".strip())
            prompt.append(f"  {KIND_MARK.get(quote.kind, quote.kind)} {quote.kind}", style="dim")
            prompt.append("\n")
            prompt.append(self.document.quote_text(quote))
            if options:
                options.append(None)
            options.append(Option(prompt, id=quote.id))
        self.clear_options()
        self.add_options(options)
        if not options:
            self.add_option(Option(Text("No quotes found." if self.document.quotes else "No quotes yet.", style="dim"), disabled=True))

    def select_quote(self, quote_id: str) -> None:
        for index, quote in enumerate(self.shown):
            if quote.id == quote_id:
                self.highlighted = index
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        quote = next((q for q in self.shown if q.id == event.option_id), None)
        if quote is not None:
            self.post_message(self.Chosen(quote))
