"""What any store offers, whatever the database behind it (SQLite now, PostgreSQL later)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from frontlines.model import Document


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to list. Every field is optional; unset fields do not filter.

    ``since``/``until`` are ISO dates compared with ``event_date`` (inclusive); ``country`` matches the country name
    or its ISO alpha-2 code, case-insensitively; ``actor`` is a case-insensitive substring of any actor's name or id;
    ``processed_since`` keeps events of documents stored at or after that ISO timestamp (UTC).
    """

    since: str | None = None
    until: str | None = None
    country: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    doc_id: str | None = None
    processed_since: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    """Which documents to list: ``discarded`` True/False keeps only discarded/kept ones; ``query`` is full-text."""

    discarded: bool | None = None
    query: str | None = None
    limit: int | None = None
    offset: int = 0


@runtime_checkable
class Store(Protocol):
    """Documents and their events, written whole or not at all. Records come back as serialized dicts."""

    def save(self, doc: Document) -> bool:
        """Store a processed or discarded document with everything found in it; False if already stored."""
        ...

    def has_document(self, doc_id: str) -> bool: ...

    def list_events(self, filters: EventFilter | None = None) -> list[dict[str, Any]]: ...

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """The event's dict plus ``document``: its doc_id, external_id, url, source_path, title, published, text."""
        ...

    def list_documents(self, filters: DocumentFilter | None = None) -> list[dict[str, Any]]: ...

    def get_document(self, doc_id: str) -> dict[str, Any] | None: ...

    def discard_counts(self) -> dict[str, int]: ...

    def count_events(self) -> int: ...

    def close(self) -> None: ...
