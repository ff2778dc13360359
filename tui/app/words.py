"""Small wording helpers shared by the screens."""


def plural(count: int, word: str) -> str:
    """ "1 quote", "2 quotes"."""
    return f"{count} {word}{'' if count == 1 else 's'}"
