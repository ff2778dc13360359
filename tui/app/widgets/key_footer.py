"""The footer of every screen: Textual's own, giving up the command palette's key when narrow."""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widgets import Footer

PALETTE_KEY_MIN_WIDTH = 80  # below this the screen's own keys need the palette key's 12 cells


class KeyFooter(Footer):
    """Below 80 columns the palette key ("^p palette") leaves the footer so the screen's own keys
    (the sidebar toggle among them) stay visible; ctrl+p still opens the palette, and help lists it."""

    _settling = False

    def bindings_changed(self, screen: Screen) -> None:
        """Bindings change in bursts (focus set, the screen resumed, the keymap applied), and
        Textual's footer rebuilds itself once per change, each a layout of the whole screen
        (30-40 ms with a long article open): here one rebuild follows a burst."""
        if not self._settling:
            self._settling = True
            self.call_after_refresh(self._bindings_settled, screen)

    def _bindings_settled(self, screen: Screen) -> None:
        self._settling = False
        super().bindings_changed(screen)

    def on_resize(self, event: events.Resize) -> None:
        wide = event.size.width >= PALETTE_KEY_MIN_WIDTH
        if wide != self.show_command_palette:
            self.show_command_palette = wide
            self.call_after_refresh(self.recompose)
