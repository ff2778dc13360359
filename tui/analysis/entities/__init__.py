"""Entities: mentions clustered into people, organisations and places; the speaker of each quote."""
