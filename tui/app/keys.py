"""The action names `[keys]` in config.toml may rebind: every Binding id in the reader.

A Binding's id is its documented action name (README, Keys); `App.set_keymap` moves
that binding to the configured keys wherever it is bound, so the footer and the
help screen, both built from the live bindings, show the new key.

The names are written out here rather than gathered from the screens' BINDINGS, so
that checking `[keys]` at launch does not import every screen (each is imported
when it is first opened). tests/test_keys.py checks that this table is exactly the
set of ids bound in tui/app, so it cannot drift from the screens.
"""

from __future__ import annotations

ACTIONS = frozenset(
    {
        "back",
        "bottom",
        "close",
        "down",
        "evidence",
        "find",
        "help",
        "left",
        "mark_all_read",
        "next_article",
        "next_hit",
        "next_quote",
        "next_theme",
        "next_unread",
        "open",
        "open_link",
        "page_down",
        "page_up",
        "previous_article",
        "previous_hit",
        "previous_quote",
        "quit",
        "refresh_feeds",
        "right",
        "search",
        "sidebar",
        "speaker_filter",
        "speakers",
        "stance_grid",
        "toggle_read",
        "top",
        "up",
    }
)


def known_actions() -> frozenset[str]:
    """The binding ids, i.e. the names `[keys]` accepts."""
    return ACTIONS
