"""The newsreader Textual app: a library of articles and an article screen.

Screens are imported where they are first opened, not here: launching on one
article imports no library, help or file screen (startup time, benchmarks/startup.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from tui.app.keys import known_actions
from tui.documents import Engine
from tui.sanitize import visible_block
from tui.sources import Article, SourceError, load_article, load_library
from tui.store import Library, LibraryError, ParseCache, load_config, text_hash
from tui.store.config import save_theme
from tui.store.library import problem as library_problem

THEMES = ("textual-dark", "textual-light", "nord", "gruvbox", "solarized-light", "monokai")


class NewsreaderApp(App):
    """Opens a folder as a library, or one article straight away."""

    CSS_PATH = "app.tcss"
    TITLE = "newsreader"
    HELP_TITLE = "Everywhere"
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", id="help", tooltip="This help: every key of this screen"),
        Binding("t", "next_theme", "Theme", show=False, id="next_theme", tooltip="Next colour theme (saved)"),
    ]

    def __init__(self, target: Path, cache: ParseCache | None = None, article: Article | None = None, **kwargs):
        super().__init__(**kwargs)
        self.target = Path(target)
        self.initial_article = article
        self.config = load_config()
        self.engine = Engine(self.config.model, cache, separate_process=True)  # keys stay quick
        self._startup_problems: list[str] = []
        try:
            self.library = Library()
            self.library.rows()  # a damaged file fails here, not in the middle of a screen
        except LibraryError as error:
            self._startup_problems.append(f"{error}; read state is kept for this session only")
            self.library = Library(Path(":memory:"))
        except sqlite3.DatabaseError as error:
            self._startup_problems.append(f"{library_problem(self.library.path, error)}; it is not used this session")
            self.library = Library(Path(":memory:"))
        self._on_close: Callable[[], None] | None = None
        self._apply_key_overrides()

    def _apply_key_overrides(self) -> None:
        """`[keys]` in config.toml: binding ids (the documented action names) to keys."""
        known = known_actions()
        unknown = sorted(set(self.config.keys) - known)
        if unknown:
            self._startup_problems.append(
                f"[keys]: unknown action {', '.join(unknown)} (ignored); the README lists the action names"
            )
        self.set_keymap({name: keys for name, keys in self.config.keys.items() if name in known})

    def get_default_screen(self) -> Screen:
        """The first screen is the library or the article itself: no blank screen under it."""
        article = self.initial_article
        if article is None and not self.target.is_dir():
            try:
                article = load_article(self.target)
            except SourceError as error:
                self._startup_problems.append(str(error))
                return self._library_screen([])
        if article is not None:
            from tui.app.screens.article import ArticleScreen

            return ArticleScreen(article)
        try:
            paths = load_library(self.target)
        except SourceError as error:
            self._startup_problems.append(str(error))
            paths = []
        if not paths:
            self._startup_problems.append(f"{self.target}: no articles (.txt, .md, .html) here")
        return self._library_screen(paths, self.target.resolve().name)

    def _library_screen(self, paths: list[Path], name: str = "") -> Screen:
        from tui.app.screens.library import LibraryScreen

        return LibraryScreen(paths, name)

    def on_mount(self) -> None:
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        elif self.config.theme:
            self._startup_problems.insert(0, f"unknown theme {self.config.theme!r} in the config; using the default")
        if self.config.problem:
            self._startup_problems.insert(0, self.config.problem)
        if self._startup_problems:  # one toast, every problem in it
            self.notify("\n".join(self._startup_problems), severity="error", markup=False, timeout=10)
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        """Every theme change (t, or the palette's theme picker) is kept for next time."""
        if theme.name == self.config.theme:
            return
        self.config.theme = theme.name
        problem = save_theme(theme.name)
        if problem:
            self.notify(problem, severity="warning", markup=False)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """One toast at a time: a new one replaces the last instead of stacking over the article.
        Every notice is plain text without control characters: messages quote outside strings,
        so `markup` is accepted for Textual's signature and never used."""
        self.clear_notifications()
        super().notify(
            visible_block(message), title=visible_block(title), severity=severity, timeout=timeout, markup=False
        )

    # --- the language model -----------------------------------------------------
    def warm_up_model(self) -> None:
        """Load spaCy in the background once, when something is not yet analysed."""
        if not self.engine.model_loaded:
            self._warm_up()

    @work(thread=True, exclusive=True, group="model")
    def _warm_up(self) -> None:
        try:
            self.engine.warm_up()
        except Exception:  # the article screen reports a failure when it needs the model
            return

    # --- navigation -----------------------------------------------------------
    def open_article(
        self,
        article: Article,
        on_close: Callable[[], None] | None = None,
        quote_id: str | None = None,
        find: str | None = None,
    ) -> None:
        """Open an article (at a quote, or at the first hit of `find`)."""
        from tui.app.screens.article import ArticleScreen

        self._on_close = on_close or self._on_close
        self.push_screen(ArticleScreen(article, quote_id=quote_id, find=find))

    def open_neighbour(self, step: int, unread: bool = False) -> bool:
        """From an article screen: the library's next (or previous) article, or next unread one,
        in the article's place. False when there is none (or no library under it)."""
        from tui.app.screens.article import ArticleScreen
        from tui.app.screens.library import LibraryScreen

        library = next((s for s in reversed(self.screen_stack) if isinstance(s, LibraryScreen)), None)
        if library is None:
            return False
        article = library.neighbour(step, unread)
        if article is None:
            return False
        self.switch_screen(ArticleScreen(article))
        return True

    def close_article(self) -> None:
        """Back to the library, or quit when the article was opened on its own."""
        from tui.app.screens.library import LibraryScreen

        if len(self.screen_stack) > 1:
            self.pop_screen()
            if self._on_close and isinstance(self.screen, LibraryScreen):
                self._on_close()
        else:
            self.exit()

    def record(self, article: Article, document) -> None:
        """An article was opened and analysed: mark it read and keep its counts for listings."""
        from tui.library_analysis import index_of

        digest = text_hash(document.text)
        try:
            self.library.mark_read(digest)
            self.library.record_analysis(
                digest, len(document.quotes), len(document.speakers), self.engine.key(article), index_of(document)
            )
        except sqlite3.Error as error:  # a full disk, a read-only library: the article stays open
            self.notify(library_problem(self.library.path, error), severity="warning", timeout=8)

    # --- actions ----------------------------------------------------------------
    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_next_theme(self) -> None:
        themes = [name for name in THEMES if name in self.available_themes]
        position = themes.index(self.theme) if self.theme in themes else -1
        self.theme = themes[(position + 1) % len(themes)]
        self.notify(f"theme: {self.theme}", timeout=2, markup=False)

    def action_export_json(self) -> None:
        from tui.app.screens.article import ArticleScreen

        screen = self.screen
        if not isinstance(screen, ArticleScreen) or not screen.analysed:
            self.notify("open an analysed article first", severity="warning")
            return
        target = Path.cwd() / f"{Path(screen.article.source).stem or 'article'}.newsreader.json"
        try:
            target.write_text(screen.document.to_json(indent=2), encoding="utf-8")
        except OSError as error:
            self.notify(f"could not write {target}: {error}", severity="error", markup=False)
            return
        self.notify(f"saved {target}", markup=False)

    def action_copy_quote(self) -> None:
        from tui.app.screens.article import ArticleScreen

        screen = self.screen
        text = screen.quote_citation() if isinstance(screen, ArticleScreen) else None
        if not text:
            self.notify("open an article with quotes first", severity="warning")
            return
        self.copy_to_clipboard(text)
        self.notify(f"copied: {text}", timeout=3, markup=False)

    def action_open_file(self) -> None:
        from tui.app.screens.open_file import OpenFileScreen

        self.push_screen(OpenFileScreen(), self._open_path)

    def _open_path(self, path: str | None) -> None:
        if not path:
            return
        try:
            article = load_article(Path(path).expanduser())
        except SourceError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.open_article(article)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Open file", "Open an article file by its path", self.action_open_file)
        yield SystemCommand(
            "Export JSON", "Save the analysed article as JSON in the current folder", self.action_export_json
        )
        yield SystemCommand("Copy quote", "Copy the chosen quote with its speaker and source", self.action_copy_quote)
        yield SystemCommand("Next theme", "Cycle through the colour themes", self.action_next_theme)
        yield SystemCommand("Help", "Show every key", self.action_help)
