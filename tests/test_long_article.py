"""A long article in the reader: it opens without wrapping the whole text, and every way of
moving through it (G, find, a chosen quote, the scrollbar) lands on exactly the lines a full
wrap would show there, with the highlights in place. The analysis is put in the parse cache
beforehand, so no spaCy runs here."""

from pathlib import Path

from tui.analysis.attribution.marks import paragraph_spans
from tui.app import palette
from tui.app.app import NewsreaderApp
from tui.app.widgets.article_view import ArticleView, wrap
from tui.app.widgets.quote_list import QuoteList
from tui.model import Document, Quote, Speaker
from tui.sources import load_article
from tui.store import ParseCache

SENTENCES = [
    "The ferry from the north pier ran late again on Tuesday morning.",
    "Fishermen waited on the quay while the harbour master counted the crates.",
    "A gull took a sandwich from a tourist, and nobody was surprised.",
    "The council will meet in the old library to discuss the breakwater.",
]
QUOTE = "“We will relight the lamp before the spring tides,” said Orla Quinn, the lighthouse keeper."


def _long_story() -> str:
    """About 2,000 paragraphs of one to six sentences (so they wrap to different heights), the
    keeper's quote near the end and the word "marigold" in the last three paragraphs."""
    paragraphs = []
    for number in range(2000):
        count = 1 + (number * 7) % 6
        paragraphs.append(" ".join(SENTENCES[(number + i) % len(SENTENCES)] for i in range(count)))
    paragraphs[1900] = QUOTE
    for number in (1997, 1998, 1999):
        paragraphs[number] += f" The marigold boat {number} came in last."
    return "\n".join(paragraphs) + "\n"


def _analysed(path: Path, cache: ParseCache, app: NewsreaderApp) -> Document:
    """The article's document with Orla Quinn's quote and mention, stored as the cached analysis."""
    article = load_article(path)
    text = article.text
    start = text.index(QUOTE)
    name = start + QUOTE.index("Orla Quinn")
    document = Document(
        text=text,
        title=article.title,
        source=article.source,
        paragraphs=paragraph_spans(text),
        speakers=[Speaker(id="s1", name="Orla Quinn", kind="person", mentions=[(name, name + len("Orla Quinn"))])],
        quotes=[
            Quote(
                id="q1",
                start=start + 1,
                end=start + QUOTE.index("”"),
                kind="direct",
                speaker="s1",
                speaker_span=(name, name + len("Orla Quinn")),
                paragraph=1900,
            )
        ],
    )
    cache.save(app.engine.key(article), document)
    return document


def _open(tmp_path: Path) -> tuple[NewsreaderApp, Document]:
    story = tmp_path / "harbour.txt"
    story.write_text(_long_story(), encoding="utf-8")
    cache = ParseCache(tmp_path / "parses")
    app = NewsreaderApp(story, cache=cache)
    return app, _analysed(story, cache, app)


def _shown(view: ArticleView) -> list[str]:
    return [view.render_line(y).text.rstrip() for y in range(view.scrollable_content_region.height)]


def _full_wrap(view: ArticleView, document: Document) -> list[str]:
    """Every line of the article wrapped at once, as the view wrapped it before it was lazy."""
    lines = wrap(document.text, document.paragraphs, view.scrollable_content_region.width)
    return [document.text[span[0] : span[1]].rstrip() if span else "" for span in lines]


async def test_g_lands_on_the_last_line_of_a_long_article(tmp_path):
    app, document = _open(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert not view.fully_wrapped  # only what is on screen was wrapped when it opened
        assert _shown(view)[0] == _full_wrap(view, document)[0]
        await pilot.press("G")
        await pilot.pause()
        everything = _full_wrap(view, document)
        assert view.virtual_size.height == len(everything)
        assert _shown(view) == everything[-view.scrollable_content_region.height :]
        assert _shown(view)[-1].endswith("boat 1999 came in last.")
        await pilot.press("g")
        await pilot.pause()
        assert view.scroll_y == 0 and _shown(view)[0] == everything[0]


async def test_find_near_the_end_scrolls_to_the_hit_and_steps_through_hits(tmp_path):
    app, document = _open(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("slash", *"marigold", "enter")
        await pilot.pause()
        assert view.border_subtitle == "“marigold” 1/3 · n / N"
        current = view.get_component_rich_style("article-view--current-hit")
        for number in (1997, 1998, 1999):
            shown = _shown(view)
            everything = _full_wrap(view, document)
            assert shown == everything[int(view.scroll_y) : int(view.scroll_y) + len(shown)]
            row = next(y for y, line in enumerate(shown) if f"marigold boat {number}" in line)
            hit = [s for s in view.render_line(row) if s.text == "marigold"]
            assert len(hit) == 1 and hit[0].style.bgcolor == current.bgcolor
            await pilot.press("n")
            await pilot.pause()
        assert view.border_subtitle == "“marigold” 1/3 · n / N"  # round to the first again


async def test_a_quote_far_down_is_scrolled_to_and_highlighted_with_its_speaker(tmp_path):
    app, document = _open(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        view = screen.query_one(ArticleView)
        screen.query_one(QuoteList).focus()
        await pilot.press("enter")  # the one quote, Orla Quinn's, in paragraph 1,901
        await pilot.pause()
        quote = document.quotes[0]
        assert view.selected == (quote.start, quote.end)
        shown = _shown(view)
        assert shown == _full_wrap(view, document)[int(view.scroll_y) : int(view.scroll_y) + len(shown)]
        row = next(y for y, line in enumerate(shown) if "Orla Quinn" in line)
        segments = list(view.render_line(row))
        colour = palette.speaker_colours(document, palette.app_palette(app))["s1"]
        name = next(s for s in segments if s.text == "Orla Quinn")
        assert name.style.color == palette.mention_style(colour).color and name.style.bold
        selected = view.get_component_rich_style("article-view--selected").bgcolor
        row = next(y for y, line in enumerate(shown) if "We will relight the lamp" in line)
        words = next(s for s in view.render_line(row) if "We will relight the lamp" in s.text)
        assert words.style.bgcolor == selected and words.style.italic


async def test_the_scrollbar_dragged_to_the_middle_shows_the_lines_a_full_wrap_has_there(tmp_path):
    app, document = _open(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        view.scroll_to(y=view.max_scroll_y // 2, animate=False)
        await pilot.pause()
        middle = int(view.scroll_y)
        assert middle > 1000
        shown = _shown(view)
        assert shown == _full_wrap(view, document)[middle : middle + len(shown)]
        await pilot.press("space", "j", "b")  # a page down, a line down, a page up
        await pilot.pause()
        assert int(view.scroll_y) == middle + 1
        assert _shown(view) == _full_wrap(view, document)[middle + 1 : middle + 1 + len(shown)]


async def test_a_narrower_terminal_rewraps_and_keeps_the_place_in_a_long_article(tmp_path):
    app, document = _open(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("slash", *"marigold", "enter")
        await pilot.pause()
        top = view.offset_at_line(int(view.scroll_y))  # the first character on screen
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        await pilot.pause()
        everything = _full_wrap(view, document)
        shown = _shown(view)
        assert len(everything[0]) < 60  # wrapped at the new, narrower width
        assert shown == everything[int(view.scroll_y) : int(view.scroll_y) + len(shown)]
        assert int(view.scroll_y) <= view.line_of(top) < int(view.scroll_y) + len(shown)  # still on screen


async def test_a_key_pressed_as_the_article_opens_is_not_lost(tmp_path):
    app, _ = _open(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("j")  # before the pane's first layout has shown its scrollbar
        assert view.scroll_y == 1
        await pilot.press("j")
        assert view.scroll_y == 2


async def test_the_footer_follows_the_focused_pane(tmp_path):
    """The footer is rebuilt once per burst of binding changes, and only when its keys change:
    moving between panes still changes the keys it shows."""
    app, _ = _open(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:

        async def shown_after_focus(pane) -> set[str]:
            pane.focus()
            for _ in range(20):  # the footer is rebuilt a refresh or two after the focus moves
                await pilot.pause()
                keys = {key.description for key in app.screen.query("FooterKey")}
                if keys and ("Jump" in keys) == isinstance(pane, QuoteList):
                    break
            return keys

        article, quotes = app.screen.query_one(ArticleView), app.screen.query_one(QuoteList)
        for pane, expected in ((article, False), (quotes, True), (article, False)):
            shown = await shown_after_focus(pane)
            assert "Find" in shown and ("Jump" in shown) == expected
