"""Text -> Document with spaCy. Importing this package itself loads nothing heavy."""

# Bump when the rules change what they find: cached analyses are keyed by it.
ANALYSER_VERSION = "8"
