"""Actors: the curated dictionary of conflict parties and finding their mentions in a document.

``default_dictionary()`` and ``lookup()`` live in :mod:`frontlines.actors.dictionary`; ``find_actors()`` in
:mod:`frontlines.actors.resolve`. Nothing is loaded at import time.
"""

from __future__ import annotations

from frontlines.actors.dictionary import ActorDictionary, default_dictionary, lookup, ruler_patterns
from frontlines.actors.resolve import find_actors

__all__ = ["ActorDictionary", "default_dictionary", "find_actors", "lookup", "ruler_patterns"]
