"""Loading the spaCy model and running it over batches of texts.

Models are tried in order of preference: the official English pipelines
first (a user who installed `en_core_web_lg` gets it), then the PyPI
re-upload of `en_core_web_sm` that newsreader depends on.
"""

from __future__ import annotations

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
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp


def _split_glued_quote_marks(nlp: Language) -> None:
    """'Ryan said,“Look, …' (no space): the comma and the opening mark are tokens of their own."""
    glued = [r"(?<=[\w)]),(?=[“‘\"])", r"(?<=[,;:])[“‘\"]"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex([*nlp.Defaults.infixes, *glued]).finditer


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '?')}"
