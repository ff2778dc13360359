"""The stance sidebar: the speakers with their colours and quote counts, and
under each one its stances on the article's topics, marked for / against, each with its
evidence in plain words ("calls the Rwanda scheme ‘a gimmick’"); enter jumps to the quote."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app import palette
from tui.model import Document, Stance

STANCE_MARK = {
    "favor": ("+", "for", "text-success"),
    "against": ("−", "against", "text-error"),
    "neutral": ("=", "neutral", "text-warning"),
}
"""Each stance label's sign, word and the theme variable that colours it."""


def stance_mark(label: str, app: App) -> Text:
    """'+ for', '− against' or '= neutral' in the theme's success / error / warning text colour."""
    sign, word, variable = STANCE_MARK.get(label, ("?", label, ""))
    colour = palette.theme_colour(app, variable) if variable else None
    return Text(f"{sign} {word}", style=Style(bold=True, color=colour))


class StancePanel(OptionList):
    """Selecting a speaker filters the quotes; selecting a stance shows and jumps to its evidence."""

    HELP_TITLE = "Speakers pane"

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="down", tooltip="Next speaker or stance"),
        Binding("k,up", "cursor_up", "Up", show=False, id="up", tooltip="Previous speaker or stance"),
        Binding("g,home", "first", "First", show=False, id="top", tooltip="First speaker"),
        Binding("G,end", "last", "Last", show=False, id="bottom", tooltip="Last stance"),
        Binding("space,pagedown", "page_down", "Page", show=False, id="page_down", tooltip="A page down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="page_up", tooltip="A page up"),
        Binding("enter", "select", "Choose", id="open", tooltip="A speaker: filter the quotes; a stance: its evidence"),
    ]
    """
    | Key | Action |
    | :- | :- |
    | j / k, arrows | Move. |
    | g / G | First / last. |
    | space / b | A page down / up. |
    | enter | A speaker: filter the quotes by them; a stance: show its evidence. |
    """

    DEFAULT_CSS = """
    StancePanel {
        background: $background;
        &:focus { background-tint: $background 0%; }
        & > .option-list--option-highlighted { background: $primary-muted 50%; text-style: none; }
        &:focus > .option-list--option-highlighted { background: $primary-muted; text-style: none; }
        & > .option-list--option-disabled { color: $text-muted; }
    }
    """

    class SpeakerChosen(Message):
        def __init__(self, speaker_id: str) -> None:
            super().__init__()
            self.speaker_id = speaker_id

    class StanceChosen(Message):
        def __init__(self, stance: Stance) -> None:
            super().__init__()
            self.stance = stance

    def __init__(self, document: Document, analysed: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.document = document
        self.analysed = analysed
        self.waiting = "Analysing…"
        """What the panel says before the analysis is done ("loading the language model…")."""

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.rebuild())

    def set_document(self, document: Document, analysed: bool = True) -> None:
        self.document, self.analysed = document, analysed
        self.rebuild()

    def rebuild(self) -> None:
        highlighted = self.highlighted
        self.clear_options()
        if not self.analysed:
            self.add_option(Option(Text(self.waiting, style="italic"), disabled=True))
            return
        colours = palette.speaker_colours(self.document, palette.app_palette(self.app))
        topics = {t.id: t.label for t in self.document.topics}
        if not self.document.speakers:
            self.add_option(Option(Text("No speakers found.", style="dim"), disabled=True))
        for speaker in self.document.speakers:
            count = sum(q.speaker == speaker.id for q in self.document.quotes)
            line = Text()
            line.append("■ ", style=colours[speaker.id])
            line.append(speaker.name, style=Style(bold=True, color=colours[speaker.id]))
            line.append(f"\n  {speaker.kind} · {count} quote{'s' * (count != 1)}")
            self.add_option(Option(line, id=f"speaker:{speaker.id}"))
            for index, stance in enumerate(self.document.stances):
                if stance.speaker != speaker.id:
                    continue
                entry = Text("  ")
                entry.append_text(stance_mark(stance.label, self.app))
                entry.append(" ")
                entry.append(topics.get(stance.topic, stance.topic))
                if stance.gist:  # the evidence in plain words; enter jumps to the quote itself
                    entry.append(f"\n    {stance.gist}", style="italic")
                self.add_option(Option(entry, id=f"stance:{index}"))
        if self.document.speakers and not self.document.stances:
            self.add_option(Option(Text("\nNo stances found in the quotes.", style="italic"), disabled=True))
        if self.document.speakers:  # the cursor stays where it was (a theme change rebuilds the list)
            self.highlighted = min(highlighted or 0, self.option_count - 1)

    def _chosen(self, option_id: str) -> None:
        if option_id.startswith("speaker:"):
            self.post_message(self.SpeakerChosen(option_id.split(":", 1)[1]))
        elif option_id.startswith("stance:"):
            self.post_message(self.StanceChosen(self.document.stances[int(option_id.split(":", 1)[1])]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._chosen(event.option_id or "")
