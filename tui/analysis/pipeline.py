"""Loading the spaCy model and running it over batches of texts.

Models are tried in order of preference: the official English pipelines
first (a user who installed `en_core_web_lg` gets it), then the PyPI
re-upload of `en_core_web_sm` that newsreader depends on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tui.analysis.spacy_models import INSTALL_HINT, chosen_model


class ModelMissing(RuntimeError):
    """No usable spaCy English model is installed."""


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break always ends a sentence: the parser must not join paragraphs."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """The first installed model (or `name`), with our paragraph rule before the parser."""
    chosen = chosen_model(name)
    if chosen is None:
        raise ModelMissing("no English spaCy model is installed; install one with: " + INSTALL_HINT)
    try:
        nlp = spacy.load(chosen)
    except OSError as error:
        raise ModelMissing(
            f"the spaCy model {chosen!r} could not be loaded; install one with: " + INSTALL_HINT
        ) from error
    _split_glued_quote_marks(nlp)
    if "parser" in nlp.pipe_names and "paragraph_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp


# Texts are parsed in pieces of at most this many characters, cut at line ends: the
# parser's memory grows with the length of what it is given at once (spaCy's max_length
# note: about 1 GB per 100,000 characters), and a piece is always far under max_length.
CHUNK_CHARACTERS = 50_000  # above the longest PolNeAR article (33,672), so news is parsed whole


def chunks_of(text: str, size: int = CHUNK_CHARACTERS) -> list[str]:
    """`text` in consecutive pieces of at most `size` characters, cut after a newline where
    there is one (else after a space), that join back to exactly `text`."""
    pieces = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = text.rfind("\n", start, limit) + 1 or text.rfind(" ", start, limit) + 1 or limit
        if cut <= start:
            cut = limit
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def parse_chunks(
    nlp: Language, texts: list[list[str]], batch_size: int = 16, on_piece: Callable[[], None] | None = None
) -> Iterator[Doc]:
    """One Doc per text, each text given as its pieces: every piece goes through `nlp.pipe`
    in one stream, and a text's pieces are joined back into one Doc (same characters).
    `on_piece` is called as each piece is parsed (a progress bar's steps)."""
    stream = ((piece, index) for index, pieces in enumerate(texts) for piece in pieces)
    waiting: list[Doc] = []
    for doc, index in nlp.pipe(stream, batch_size=batch_size, as_tuples=True):
        if on_piece is not None:
            on_piece()
        waiting.append(doc)
        if len(waiting) == len(texts[index]):  # pieces arrive in order, and every text has one at least
            yield waiting[0] if len(waiting) == 1 else Doc.from_docs(waiting, ensure_whitespace=False)
            waiting = []


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '?')}"


def _split_glued_quote_marks(nlp: Language) -> None:
    """'Ryan said,“Look, …' (no space): the comma and the opening mark are tokens of their own."""
    glued = [r"(?<=[\w)]),(?=[“‘\"])", r"(?<=[,;:])[“‘\"]"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex([*nlp.Defaults.infixes, *glued]).finditer
