"""Linguistic annotation: the spaCy model behind a small protocol."""
