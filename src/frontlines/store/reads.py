"""Reads that are the same SQL on both backends but for the parameter placeholder (``?`` or ``%s``)."""

from __future__ import annotations

import json
from typing import Any

# The document fields an event's detail carries.
EVENT_DOCUMENT_KEYS = ("doc_id", "external_id", "url", "source_path", "title", "published", "text")


def document_record(json_text: str, text: str) -> dict[str, Any]:
    """A stored document's dict: its JSON plus the cleaned text, which is kept in its own column."""
    record: dict[str, Any] = json.loads(json_text)
    record["text"] = text
    return record


class SharedReads:
    """Mixed into each store; it supplies ``PLACEHOLDER`` and ``_query(sql, params) -> rows``."""

    PLACEHOLDER = "?"

    def _query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        return sql.replace("?", self.PLACEHOLDER)

    def has_document(self, doc_id: str) -> bool:
        return bool(self._query(self._sql("SELECT 1 FROM documents WHERE doc_id = ?"), (doc_id,)))

    def has_url(self, url: str) -> bool:
        return bool(self._query(self._sql("SELECT 1 FROM documents WHERE url = ? LIMIT 1"), (url,)))

    def count_events(self) -> int:
        return int(self._query("SELECT count(*) FROM events")[0][0])

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        sql = "SELECT e.json, d.json, d.text FROM events e JOIN documents d ON d.doc_id = e.doc_id WHERE e.event_id = ?"
        found = self._query(self._sql(sql), (event_id,))
        if not found:
            return None
        record: dict[str, Any] = json.loads(found[0][0])
        document = document_record(found[0][1], found[0][2])
        record["document"] = {key: document[key] for key in EVENT_DOCUMENT_KEYS}
        return record

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        found = self._query(self._sql("SELECT json, text FROM documents WHERE doc_id = ?"), (doc_id,))
        return document_record(*found[0]) if found else None
