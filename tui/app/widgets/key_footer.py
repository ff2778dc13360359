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
    _shown: tuple | None = None  # the bindings the keys on screen were made from

    def bindings_changed(self, screen: Screen) -> None:
        """Bindings change in bursts (focus set, the screen resumed, the keymap applied), and
        Textual's footer rebuilds itself on every change, each rebuild a repaint of the whole
        screen (every pane, 30-40 ms with a long article open): here it is rebuilt once after a
        burst, and only when the keys it shows have changed."""
        if not self._settling:
            self._settling = True
            self.call_after_refresh(self._bindings_settled, screen)

    def _bindings_settled(self, screen: Screen) -> None:
        self._settling = False
        shown = (
            self.show_command_palette,
            tuple(
                (binding, enabled, tooltip)
                for _, binding, enabled, tooltip in screen.active_bindings.values()
                if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
            ),
        )
        if shown == self._shown:
            return
        if self.app.app_focus:  # Textual's footer leaves itself as it is while the terminal is blurred
            self._shown = shown
        super().bindings_changed(screen)

    def on_resize(self, event: events.Resize) -> None:
        wide = event.size.width >= PALETTE_KEY_MIN_WIDTH
        if wide != self.show_command_palette:
            self.show_command_palette = wide
            self.call_after_refresh(self.recompose)
