"""Rich renderings for the terminal: event tables, one event's fields, and its document with evidence highlighted.

Text from documents is never parsed as rich markup: it goes into :class:`rich.text.Text` objects as plain strings,
so brackets in an article (``[/Reuters]``) print as they are.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping
from typing import Any

from rich.table import Table
from rich.text import Text

from frontlines.serialize import EVIDENCE_FIELDS

# One colour per evidence field, cycled in the order of EVIDENCE_FIELDS (fields that share a span share a label).
PALETTE = ("bold yellow", "bold cyan", "bold magenta", "bold green", "bold red", "bold blue")
FIELD_STYLE = {field: PALETTE[i % len(PALETTE)] for i, field in enumerate(EVIDENCE_FIELDS)}

# Fields `show` prints in their own sections rather than in the field table.
NESTED_FIELDS = ("casualties", "force_sizes", "territory", "evidence", "document")


def plain(value: Any) -> Text:
    """A table cell that is never read as markup; null shows as an empty cell."""
    if value is None:
        return Text("")
    if isinstance(value, float):
        return Text(f"{value:.4g}")
    if isinstance(value, list | dict):
        return Text(json.dumps(value, ensure_ascii=False))
    return Text(str(value))


def events_table(events: Iterable[Mapping[str, Any]], title: str = "Events") -> Table:
    table = Table(title=title, show_lines=False)
    for name in ("id", "date", "type", "actors", "location", "fatalities"):
        table.add_column(name, overflow="fold", justify="right" if name == "fatalities" else "left")
    for event in events:
        actors = " vs ".join(a for a in (event.get("actor1"), event.get("actor2")) if a)
        where = ", ".join(p for p in (event.get("location"), event.get("country")) if p)
        table.add_row(
            plain(event.get("event_id")),
            plain(event.get("event_date")),
            plain(event.get("sub_event_type") or event.get("event_type")),
            plain(actors),
            plain(where),
            plain(event.get("fatalities")),
        )
    return table


def key_value_table(
    pairs: Iterable[tuple[str, Any]], title: str, headers: tuple[str, ...] = ("field", "value")
) -> Table:
    table = Table(title=title)
    table.add_column(headers[0], style="bold")
    table.add_column(headers[1], overflow="fold")
    for key, value in pairs:
        table.add_row(plain(key), plain(value))
    return table


def field_table(event: Mapping[str, Any]) -> Table:
    """Every field of an event in the record's order; force sizes and territory as one line each."""
    pairs = [(key, value) for key, value in event.items() if key not in NESTED_FIELDS]
    pairs += [("force_sizes", "; ".join(_force_line(force) for force in event.get("force_sizes", [])))]
    pairs += [("territory", _territory_line(event.get("territory")))]
    return key_value_table(pairs, title="Event " + str(event.get("event_id", "")))


def _actor_name(actor: Mapping[str, Any] | None) -> str:
    return str(actor["name"]) if actor else ""


def _force_line(force: Mapping[str, Any]) -> str:
    who = _actor_name(force.get("actor")) or "unknown party"
    return f"{who}: {force['best']} ({force['count_span']['text']})"


def _territory_line(change: Mapping[str, Any] | None) -> str:
    if not change:
        return ""
    before = _actor_name(change.get("from")) or "?"
    after = _actor_name(change.get("to")) or "?"
    return f"{change['place']}: {before} -> {after}"


def casualty_table(event: Mapping[str, Any]) -> Table:
    table = Table(title="Casualty reports")
    for name in ("kind", "category", "side", "actor", "low", "best", "high", "evidence"):
        table.add_column(name, overflow="fold")
    for report in event.get("casualties", []):
        evidence = report.get("span") or report.get("count_span") or {}
        table.add_row(
            *(plain(report.get(k)) for k in ("kind", "category", "side")),
            plain(_actor_name(report.get("actor"))),
            *(plain(report.get(k)) for k in ("low", "best", "high")),
            plain(evidence.get("text", "")),
        )
    return table


def _marks(text: str, evidence: Mapping[str, list[Mapping[str, Any]]]) -> list[tuple[int, int, str]]:
    """(start, end, field) of every evidence span that lies within the text."""
    return [
        (int(span["start"]), int(span["end"]), field)
        for field, spans in evidence.items()
        for span in spans
        if 0 <= span["start"] < span["end"] <= len(text)
    ]


def highlight_evidence(text: str, evidence: Mapping[str, list[Mapping[str, Any]]]) -> Text:
    """The document text with every evidence span coloured and followed by a label naming its fields."""
    marks = _marks(text, evidence)
    bounds = sorted({0, len(text), *(s for s, _, _ in marks), *(e for _, e, _ in marks)})
    out = Text()
    for start, end in itertools.pairwise(bounds):
        covering = [field for s, e, field in marks if s <= start and end <= e]
        out.append(text[start:end], style=FIELD_STYLE.get(covering[0], "bold") if covering else "")
        ending = sorted({field for _, e, field in marks if e == end}, key=_field_order)
        if ending:
            out.append("[" + ", ".join(ending) + "]", style="dim italic " + FIELD_STYLE.get(ending[0], ""))
    return out


def _field_order(field: str) -> int:
    return EVIDENCE_FIELDS.index(field) if field in EVIDENCE_FIELDS else len(EVIDENCE_FIELDS)


def flatten(mapping: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Nested dicts as dotted keys: {"a": {"b": 1}} -> [("a.b", 1)]."""
    pairs: list[tuple[str, Any]] = []
    for key, value in mapping.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            pairs += flatten(value, prefix=name + ".")
        else:
            pairs.append((name, value))
    return pairs


def figure(value: Any) -> Any:
    """A metric for display: floats to 4 significant digits, whole floats as integers."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else round(value, 4)
    return value
