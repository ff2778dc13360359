"""The stance sidebar: the speakers with their colours and quote counts, and
under each one its stances on the article's topics, marked for / against."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app import palette
from tui.model import Document, Stance

STANCE_MARK = {
    "favor": ("+", "for", "green"),
    "against": ("−", "against", "red"),
    "neutral": ("=", "neutral", "yellow"),
}


def stance_mark(label: str) -> Text:
    sign, word, colour = STANCE_MARK.get(label, ("?", label, ""))
    return Text(f"{sign} {word}", style=f"bold {colour}".strip())


class StancePanel(OptionList):
    """Selecting a speaker filters the quotes; selecting a stance shows and jumps to its evidence."""

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
        self.waiting = "Analysing…"  # what shows until there is an analysis

    def set_document(self, document: Document, analysed: bool = True) -> None:
        self.document, self.analysed = document, analysed
        self.rebuild()

    def rebuild(self) -> None:
        self.clear_options()
        if not self.analysed:
            self.add_option(Option(Text(self.waiting, style="dim italic"), disabled=True))
            return
        colours = palette.speaker_colours(self.document)
        topics = {t.id: t.label for t in self.document.topics}
        if not self.document.speakers:
            self.add_option(Option(Text("No speakers found.", style="dim"), disabled=True))
        for speaker in self.document.speakers:
            count = sum(q.speaker == speaker.id for q in self.document.quotes)
            line = Text()
            line.append("■ ", style=colours[speaker.id])
            line.append(speaker.name, style=f"bold {colours[speaker.id]}")
            line.append(f"\n  {speaker.kind} · {count} quote{'s' * (count != 1)}", style="dim")
            self.add_option(Option(line, id=f"speaker:{speaker.id}"))
            for index, stance in enumerate(self.document.stances):
                if stance.speaker != speaker.id:
                    continue
                entry = Text("  ")
                entry.append_text(stance_mark(stance.label))
                entry.append(" ")
                entry.append(topics.get(stance.topic, stance.topic))
                self.add_option(Option(entry, id=f"stance:{index}"))
        if self.document.speakers and not self.document.stances:
            self.add_option(Option(Text("\nNo stances found in the quotes.", style="dim italic"), disabled=True))

    def _chosen(self, option_id: str) -> None:
        if option_id.startswith("speaker:"):
            self.post_message(self.SpeakerChosen(option_id.split(":", 1)[1]))
        elif option_id.startswith("stance:"):
            self.post_message(self.StanceChosen(self.document.stances[int(option_id.split(":", 1)[1])]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._chosen(event.option_id or "")
