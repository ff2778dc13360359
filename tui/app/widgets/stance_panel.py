"""The stance sidebar: the speakers with their colours and quote counts, and
each speaker's stances on the article's topics (from the stance engine)."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app import palette
from tui.model import Document

STANCE_MARK = {"favor": "+ for", "against": "− against", "neutral": "= neutral"}


class StancePanel(OptionList):
    """Selecting a speaker filters the quotes; selecting a stance jumps to its evidence."""

    class SpeakerChosen(Message):
        def __init__(self, speaker_id: str) -> None:
            super().__init__()
            self.speaker_id = speaker_id

    class EvidenceChosen(Message):
        def __init__(self, quote_id: str) -> None:
            super().__init__()
            self.quote_id = quote_id

    def __init__(self, document: Document, analysed: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.document = document
        self.analysed = analysed

    def set_document(self, document: Document, analysed: bool = True) -> None:
        self.document, self.analysed = document, analysed
        self.rebuild()

    def rebuild(self) -> None:
        self.clear_options()
        if not self.analysed:
            self.add_option(Option(Text("Analysing…", style="dim italic"), disabled=True))
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
            for number, stance in enumerate(s for s in self.document.stances if s.speaker == speaker.id):
                mark = STANCE_MARK.get(stance.label, stance.label)
                entry = Text(f"    {mark} {topics.get(stance.topic, stance.topic)}")
                evidence = stance.evidence[0] if stance.evidence else ""
                self.add_option(Option(entry, id=f"stance:{speaker.id}:{number}:{evidence}"))
        if not self.document.stances:
            self.add_option(Option(Text("\nNo stances yet: the stance engine is not built.", style="dim italic"), disabled=True))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option_id or ""
        if option_id.startswith("speaker:"):
            self.post_message(self.SpeakerChosen(option_id.split(":", 1)[1]))
        elif option_id.startswith("stance:"):
            evidence = option_id.split(":", 3)[3]
            if evidence:
                self.post_message(self.EvidenceChosen(evidence))
