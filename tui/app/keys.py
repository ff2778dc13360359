"""The action names `[keys]` in config.toml may rebind: every Binding id in the reader.

A Binding's id is its documented action name (README, Keys); `App.set_keymap` moves
that binding to the configured keys wherever it is bound, so the footer and the
help screen, both built from the live bindings, show the new key.
"""

from __future__ import annotations

from functools import cache


def binding_classes() -> list[type]:
    """Every app, screen and widget class that declares reader bindings."""
    from tui.app.app import NewsreaderApp
    from tui.app.screens.article import ArticleScreen
    from tui.app.screens.help import HelpScreen
    from tui.app.screens.library import LibraryScreen
    from tui.app.screens.search import SearchScreen
    from tui.app.screens.speakers import SpeakerQuotesScreen, SpeakersScreen
    from tui.app.screens.stance_grid import StanceGridScreen
    from tui.app.widgets.article_view import ArticleView
    from tui.app.widgets.library_list import LibraryList
    from tui.app.widgets.list_table import ListTable
    from tui.app.widgets.quote_list import QuoteList
    from tui.app.widgets.stance_panel import StancePanel

    return [
        NewsreaderApp,
        LibraryScreen,
        SearchScreen,
        ArticleScreen,
        StanceGridScreen,
        SpeakersScreen,
        SpeakerQuotesScreen,
        HelpScreen,
        ArticleView,
        QuoteList,
        LibraryList,
        StancePanel,
        ListTable,
    ]


@cache
def known_actions() -> frozenset[str]:
    """The binding ids, i.e. the names `[keys]` accepts."""
    ids = set()
    for cls in binding_classes():
        for binding in cls.BINDINGS:
            if getattr(binding, "id", None):
                ids.add(binding.id)
    return frozenset(ids)
