"""The footer of every screen: Textual's own, giving up the command palette's key when narrow."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

PALETTE_KEY_MIN_WIDTH = 80  # below this the screen's own keys need the palette key's 12 cells


class KeyFooter(Footer):
    """Below 80 columns the palette key ("^p palette") leaves the footer so the screen's own keys
    (the sidebar toggle among them) stay visible; ctrl+p still opens the palette, and help lists it."""

    def on_resize(self, event: events.Resize) -> None:
        wide = event.size.width >= PALETTE_KEY_MIN_WIDTH
        if wide != self.show_command_palette:
            self.show_command_palette = wide
            self.call_after_refresh(self.recompose)
