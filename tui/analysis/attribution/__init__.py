"""Who said what: the attribution stages, one module each, run in order by `tui.analysis.engine`.

    marks       quote marks -> quoted stretches (no spaCy)
    cues        reporting verbs, "according to", speech nouns; the speaker token of a cue
    clauses     what a cue reports (said-that, according-to, as-X-noted, speech nouns)
    direct      quoted words and their cue, one function per shape
    transcripts paragraphs opening "NAME:" (transcript lines, headlines naming a person)
    arbitrate   overlapping readings resolved by the rule table
    rules       every rule's id, tier and description (imports nothing heavy)

Importing this package loads nothing heavy.
"""
