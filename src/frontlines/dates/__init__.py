"""Dates of reported events: date expressions found by regular expressions and resolved against publication."""

from __future__ import annotations

from frontlines.dates.find import FALLBACK_PRECISION, DateHit, date_hits, find_dates, resolve_event_date

__all__ = ["FALLBACK_PRECISION", "DateHit", "date_hits", "find_dates", "resolve_event_date"]
