"""The published JSON Schemas (draft 2020-12) of the records :mod:`frontlines.serialize` emits."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_NAMES = ("event", "document")


@lru_cache(maxsize=len(SCHEMA_NAMES))
def load_schema(name: str) -> dict[str, Any]:
    """The schema ``<name>.schema.json`` ("event" or "document") as a dict."""
    if name not in SCHEMA_NAMES:
        raise KeyError(f"no schema named {name!r}; known: {', '.join(SCHEMA_NAMES)}")
    text = (resources.files("frontlines.schema") / f"{name}.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
