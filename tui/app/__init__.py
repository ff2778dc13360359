"""The Textual reader. It never imports spaCy: analysis runs in a worker via tui.documents."""
