"""Force sizes: how many fighters a party has ("a force of 17,000", "deployed 300 troops"); never casualties."""

from __future__ import annotations

from frontlines.model import Document, ForceSize


def extract_force_sizes(doc: Document) -> list[ForceSize]:
    """Placeholder until the force-size rules land: no force sizes."""
    return []
