"""Every key the README lists, pressed on every screen the README claims it for; and `[keys]`."""

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import tui.app
from tests.pilot import open_seed
from tui.app.app import THEMES, NewsreaderApp
from tui.app.keys import known_actions
from tui.app.screens.article import ArticleScreen
from tui.app.screens.help import HelpScreen, key_sections
from tui.app.screens.library import LibraryScreen
from tui.app.screens.speakers import SpeakerQuotesScreen, SpeakersScreen
from tui.app.screens.stance_grid import StanceGridScreen
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.library_list import LibraryList
from tui.app.widgets.quote_list import QuoteList
from tui.app.widgets.stance_panel import StancePanel

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# The README's Keys table, row by row (key cell -> the places it is claimed for), as tested below.
TESTED = {
    "enter": {"library", "quotes", "speakers pane", "speaker lists", "stance grid"},
    "e": {"stance grid"},
    "tab / shift+tab": {"article"},
    "j / k, arrows": {"library", "article", "quotes", "speakers pane", "speaker lists"},
    "g / G": {"library", "article", "quotes", "speakers pane", "speaker lists"},
    "space / b": {"library", "article", "quotes", "speakers pane", "speaker lists"},
    "h / l": {"stance grid"},
    "/": {"article", "library"},
    "n / N": {"article"},
    "n": {"library"},
    "J / K": {"article"},
    "o": {"library", "article"},
    "A": {"library"},
    "escape": {"search"},
    "] / [": {"article"},
    "s": {"article"},
    "i": {"article"},
    "v": {"article"},
    "m": {"library"},
    "r": {"library"},
    "p": {"library"},
    "escape / q": {"article", "stance grid", "speaker lists"},
    "q": {"library"},
    "t": {"everywhere"},
    "? / f1": {"everywhere"},
    "ctrl+p": {"everywhere"},
}


def readme_keys() -> tuple[dict[str, set[str]], set[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Keys") :]
    section = section[: section.index("\n## ", 4)]
    claims: dict[str, set[str]] = {}
    actions: set[str] = set()
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("key", "---"):
            continue
        claims.setdefault(cells[0], set()).update(place.strip() for place in cells[2].split(","))
        actions.update(re.findall(r"`(\w+)`", cells[1]))
    return claims, actions


def test_the_readme_keys_table_is_what_these_tests_press():
    claims, actions = readme_keys()
    assert claims == TESTED
    assert actions and actions <= known_actions()  # every documented action name can be rebound


def bound_ids() -> set[str]:
    """Every Binding id declared by a class in any module of tui/app (all of them imported)."""
    ids: set[str] = set()
    for module_info in pkgutil.walk_packages(tui.app.__path__, "tui.app."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                ids.update(b.id for b in getattr(cls, "BINDINGS", []) if getattr(b, "id", None))
    return ids


def test_the_action_table_is_exactly_the_binding_ids_of_every_screen_and_widget():
    """`[keys]` is checked against a written-out table (no screen imported at launch); it must
    name every id bound anywhere in the app, and nothing that is no longer bound."""
    assert known_actions() == bound_ids()
    assert {"find", "next_quote", "stance_grid", "mark_all_read", "evidence", "help"} <= known_actions()


def many_articles(folder: Path, count: int = 40) -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"story{number:02}.txt").write_text(
            f"Harbour story {number:02}\n\nMs Ann Vale said: “The ferry runs at {number} o'clock.”\n",
            encoding="utf-8",
        )
    return folder


async def test_library_keys(tmp_path):
    app = NewsreaderApp(many_articles(tmp_path / "harbour"))
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(LibraryList)
        assert app.focused is listing and listing.cursor == 1  # row 0 is the heading
        await pilot.press("j")
        assert listing.cursor == 2
        await pilot.press("down", "k")
        assert listing.cursor == 2
        await pilot.press("up")
        assert listing.cursor == 1
        await pilot.press("G")
        assert listing.cursor == 40
        await pilot.press("g")
        assert listing.cursor == 1
        await pilot.press("space")
        assert listing.cursor > 10
        await pilot.press("b")
        assert listing.cursor == 1
        assert listing.row_plain(1)[0] == "●"
        await pilot.press("m")
        assert listing.row_plain(1)[0].strip() == ""
        await pilot.press("r")
        assert "no feeds yet" in str(list(app._notifications)[-1].message)
        await pilot.press("p")
        assert isinstance(app.screen, SpeakersScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        theme = app.theme
        await pilot.press("t")
        assert app.theme != theme
        await pilot.press("ctrl+p")
        assert app.screen.__class__.__name__ == "CommandPalette"
        await pilot.press("escape")
        await pilot.press("enter")
        assert isinstance(app.screen, ArticleScreen) and app.screen.article.title == "Harbour story 00"
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("q")
    assert app.return_code == 0


async def test_article_pane_and_screen_keys(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_seed(pilot)
        view = screen.query_one(ArticleView)
        assert app.focused is view
        await pilot.press("j", "down")
        assert view.scroll_y == 2
        await pilot.press("k", "up")
        assert view.scroll_y == 0
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y > 0
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("space")
        page = view.scroll_y
        assert page > 10
        await pilot.press("b")
        assert view.scroll_y == 0
        # ] / [ step through the quotes
        await pilot.press("right_square_bracket")
        assert screen.document.quotes[screen.current_quote].id == "q2"
        await pilot.press("left_square_bracket")
        assert screen.document.quotes[screen.current_quote].id == "q1"
        # / n N: find, with the position shown on the pane
        await pilot.press("slash", *"rwanda", "enter")
        assert len(screen.hits) == 8 and view.border_subtitle.startswith("“rwanda” 1/8")
        await pilot.press("n", "n")
        assert screen.current_hit == 2 and "3/8" in view.border_subtitle
        await pilot.press("N")
        assert "2/8" in view.border_subtitle
        # s: the speaker filter, shown on the quote list's title
        quotes = screen.query_one(QuoteList)
        await pilot.press("s")
        first = screen.document.speakers[0]
        assert quotes.speaker_filter == first.id and first.name in quotes.border_title
        # i: the sidebar
        sidebar = screen.query_one("#sidebar")
        assert sidebar.display
        await pilot.press("i")
        await pilot.pause()
        assert not sidebar.display
        await pilot.press("i")
        await pilot.pause()
        assert sidebar.display
        await pilot.press("tab")
        assert app.focused.id == "stances"
        await pilot.press("i")  # hiding the focused sidebar gives the focus to the article
        await pilot.pause()
        assert not sidebar.display and app.focused is view
        await pilot.press("i")
        await pilot.pause()
        # tab / shift+tab go round the panes
        await pilot.press("tab")
        assert app.focused.id == "stances"
        await pilot.press("shift+tab")
        assert app.focused.id == "article"
        # v: the grid; escape back; q on the article goes back to the library
        await pilot.press("v")
        assert isinstance(app.screen, StanceGridScreen)
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert any(title == "Article" for title, _ in key_sections(screen))
        await pilot.press("escape", "t")
        assert app.theme == THEMES[1]
        await pilot.press("ctrl+p")
        assert app.screen.__class__.__name__ == "CommandPalette"
        await pilot.press("escape", "q")
        assert isinstance(app.screen, LibraryScreen)


async def test_quotes_pane_keys(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_seed(pilot)
        quotes = screen.query_one(QuoteList)
        await pilot.press("shift+tab")
        assert app.focused is quotes
        await pilot.press("j", "down")
        assert quotes.cursor == 2
        await pilot.press("k", "up")
        assert quotes.cursor == 0
        await pilot.press("G")
        assert quotes.cursor == len(quotes.shown) - 1 == 22
        await pilot.press("g")
        assert quotes.cursor == 0
        await pilot.press("space")
        assert quotes.cursor > 0
        await pilot.press("b")
        assert quotes.cursor == 0
        await pilot.press("j", "enter")
        quote = screen.document.quotes[1]
        assert screen.query_one(ArticleView).selected == (quote.start, quote.end)


async def test_speakers_pane_keys(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_seed(pilot)
        panel = screen.query_one(StancePanel)
        await pilot.press("tab")
        assert app.focused is panel and panel.highlighted == 0
        await pilot.press("j")
        second = panel.highlighted
        assert second > 0
        await pilot.press("k")
        assert panel.highlighted == 0
        await pilot.press("down", "up")
        assert panel.highlighted == 0
        await pilot.press("G")
        last = panel.highlighted
        assert last > second
        await pilot.press("g")
        assert panel.highlighted == 0
        await pilot.press("space")
        assert panel.highlighted > 0
        await pilot.press("b")
        assert panel.highlighted == 0
        await pilot.press("enter")  # a speaker: the quote list shows only theirs
        quotes = screen.query_one(QuoteList)
        assert quotes.speaker_filter == screen.document.speakers[0].id


async def test_stance_grid_keys(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_seed(pilot)
        for close in ("escape", "q", "v"):
            await pilot.press("v")
            assert isinstance(app.screen, StanceGridScreen)
            await pilot.press(close)
            assert app.screen is screen
        await pilot.press("v")
        grid = app.screen
        table = grid.query_one("DataTable")
        await pilot.press("l")
        assert table.cursor_coordinate == (0, 1)
        await pilot.press("h")
        assert table.cursor_coordinate == (0, 0)
        await pilot.press("j", "j")
        assert table.cursor_coordinate.row == 2
        await pilot.press("G")
        assert table.cursor_coordinate.row == len(screen.document.speakers) - 1
        await pilot.press("g")
        assert table.cursor_coordinate.row == 0
        # the detail line names the cell in full
        await pilot.press("l")
        detail = str(grid.query_one("#detail").render())
        assert screen.document.speakers[0].name in detail and screen.document.topics[0].label in detail
        (row, column), stance = next(iter(grid.cells.items()))
        table.cursor_coordinate = (row, column)
        await pilot.press("e")
        assert app.screen is screen and screen.document.quotes[screen.current_quote].id == stance.evidence[0]
        await pilot.press("v")
        app.screen.query_one("DataTable").cursor_coordinate = (row, column)
        await pilot.press("enter")
        assert app.screen is screen


async def test_speaker_lists_keys(analyzer):
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_seed(pilot)
        await pilot.press("escape", "p")
        assert isinstance(app.screen, SpeakersScreen)
        table = app.screen.query_one("DataTable")
        await pilot.press("j", "down")
        assert table.cursor_row == 2
        await pilot.press("k", "up")
        assert table.cursor_row == 0
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("space")
        assert table.cursor_row == table.row_count - 1  # fewer rows than a page
        await pilot.press("b")
        assert table.cursor_row == 0
        await pilot.press("enter")
        assert isinstance(app.screen, SpeakerQuotesScreen)
        quotes = app.screen.query_one("DataTable")
        await pilot.press("j")
        assert quotes.cursor_row == 1
        await pilot.press("q")
        assert isinstance(app.screen, SpeakersScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


def footer_keys(screen) -> dict[str, str]:
    return {key.description: key.key for key in screen.query("FooterKey")}


async def test_keys_in_the_config_rebind_a_screen_action_and_the_footer_and_help_follow(isolated_dirs, analyzer):
    (isolated_dirs / "config" / "config.toml").write_text(
        '[keys]\nfind = "ctrl+f"\nnext_quote = "ctrl+n"\n', encoding="utf-8"
    )
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_seed(pilot)
        assert not app.config.problem and not list(app._notifications)
        shown = footer_keys(screen)
        assert shown["Find"] == "ctrl+f" and shown["Next"] == "ctrl+n"
        rows = dict(row for _, rows in key_sections(screen) for row in rows)
        assert rows["^f"].startswith("Find in the article")
        await pilot.press("slash")  # the old key no longer finds
        assert not any(field.display for field in screen.query("#find"))  # the field is made on the first find
        await pilot.press("ctrl+f")
        assert screen.query_one("#find").display
        await pilot.press(*"boats", "enter", "ctrl+n")
        assert screen.document.quotes[screen.current_quote].id == "q2"


async def test_an_unknown_action_in_keys_gives_a_notice(isolated_dirs):
    (isolated_dirs / "config" / "config.toml").write_text('[keys]\nfnid = "ctrl+f"\n', encoding="utf-8")
    app = NewsreaderApp(SEEDS)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert len(messages) == 1 and "unknown action fnid" in messages[0]


async def test_reader_keys_move_between_articles_open_links_and_mark_read(tmp_path, monkeypatch):
    import webbrowser

    from tui.app.screens.search import SearchScreen
    from tui.store import Library, text_hash

    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    library = Library()
    feed = library.add_feed("http://harbour.invalid/rss", "Harbour Gazette")
    library.add_articles(
        {
            "feed_id": feed.id,
            "url": f"http://harbour.invalid/{n}",
            "title": f"Gazette story {n}",
            "date": f"2026-06-0{n + 1}",
            "text": f"Gazette story {n}.\n\nThe pier tolls ring {n} times at dusk.",
        }
        for n in range(3)
    )
    library.close()
    app = NewsreaderApp(many_articles(tmp_path / "harbour", 3))

    def no_analysis(article, **options):  # read state here is only what the keys set, never a finished analysis
        raise RuntimeError("not analysed in this test")

    monkeypatch.setattr(app.engine, "analyse", no_analysis)
    monkeypatch.setattr(app.engine, "warm_up", lambda: None)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        listing = screen.query_one(LibraryList)
        titles = lambda: [screen.entries[row.key].title for row in listing.rows if row.key]  # noqa: E731
        assert titles()[:3] == ["Harbour story 00", "Harbour story 01", "Harbour story 02"]
        # o on a file: no web link; on a stored article: its link
        await pilot.press("o")
        assert opened == [] and "no web link" in str(list(app._notifications)[-1].message)
        # n: the next unread; m then n skips the read one
        await pilot.press("m", "n")
        assert screen.entries[listing.current_key].title == "Harbour story 01"
        # A: the whole group read
        await pilot.press("A")
        assert all(e.read for e in screen.entries.values() if e.group == "harbour")
        assert not any(e.read for e in screen.entries.values() if e.group == "Harbour Gazette")
        await pilot.press("n")
        assert screen.entries[listing.current_key].title == "Gazette story 2"
        await pilot.press("o")
        assert opened == ["http://harbour.invalid/2"]
        # J / K on the article screen: the library's next / previous article in its place
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and app.screen.article.title == "Gazette story 2"
        await pilot.press("o")
        assert opened[-1] == "http://harbour.invalid/2"
        await pilot.press("J")
        await pilot.pause()
        assert app.screen.article.title == "Gazette story 1" and len(app.screen_stack) == 2
        await pilot.press("K")
        await pilot.pause()
        assert app.screen.article.title == "Gazette story 2"
        await pilot.press("K")
        await pilot.pause()
        assert app.screen.article.title == "Harbour story 02"
        # n with no find active: the next unread article
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.article.title == "Gazette story 2"
        app.library.mark_read(text_hash(app.screen.article.text))
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.article.title == "Gazette story 1"
        await pilot.press("escape")
        await pilot.pause()
        # / on the library: search, hits highlighted, enter opens the article at the hit
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"tolls", "enter")
        await pilot.pause()
        search = app.screen
        assert len(search.hits) == 3
        table = search.query_one("#search-hits")
        cell = table.get_row_at(0)[1]
        assert any("reverse" in str(span.style) and cell.plain[span.start : span.end] == "tolls" for span in cell.spans)
        await pilot.press("enter")
        await pilot.pause()
        article = app.screen
        assert isinstance(article, ArticleScreen) and article.needle == "tolls" and len(article.hits) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is search
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
