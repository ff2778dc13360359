"""newsreader: a terminal news reader that shows who said what."""

__version__ = "0.1.0"
