"""``frontlines eval``: run the pipeline over a gold JSON Lines file and compute every metric it supports.

The recipe of :func:`run_eval`:

1. read the gold records (the format of ``../shared/eval/FORMAT.md``);
2. process each through the stages its gold keys need (clean only for body and date keys, else everything; the
   toponyms of ``places`` gold are measured on every document, so there the relevance gate is off);
3. pair each gold record with the matching prediction, per metric family;
4. score each family whose gold key occurs, merge the figures into one report with FORMAT.md's key names;
5. write the report (and, if asked, the misses) as files.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from frontlines.evaluate.families import FAMILIES, Family
from frontlines.evaluate.misses import write_misses
from frontlines.evaluate.predict import needs_full_pipeline
from frontlines.ingest import document_from_record
from frontlines.model import Document
from frontlines.pipeline import Pipeline, default_pipeline


def run_eval(
    gold: str,
    report: str | None = None,
    errors: str | None = None,
    progress: bool = True,
    pipeline: Pipeline | None = None,
    families: tuple[Family, ...] = FAMILIES,
) -> dict[str, float]:
    records = list(read_gold(Path(gold)))
    processed = list(_process(records, pipeline or default_pipeline(), progress=progress))
    figures: dict[str, float] = {"n": float(len(records))}
    for family in families:
        items = [(record["gold"], family.predict(doc)) for record, doc in processed if family.applies(record["gold"])]
        if items:
            figures.update(_named_counts(family, family.score(items)))
    if report:
        Path(report).write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if errors:
        write_misses(Path(errors), processed, families)
    return figures


def _named_counts(family: Family, scores: dict[str, float]) -> dict[str, float]:
    """A family's bare ``n`` (items behind its figures) becomes ``<family>_n``; the report's ``n`` counts documents."""
    return {(f"{family.name}_n" if key == "n" else key): value for key, value in scores.items()}


def read_gold(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if line.strip():
                record = json.loads(line)
                record.setdefault("id", f"{path.name}:{lineno}")
                record.setdefault("gold", {})
                yield record


def _process(
    records: list[dict[str, Any]], full: Pipeline, progress: bool
) -> Iterator[tuple[dict[str, Any], Document]]:
    names = {stage.name for stage in full.stages}
    clean_only = full.upto("clean") if "clean" in names else full
    ungated = full.without("relevance")
    for record in _with_progress(records, progress):
        doc = document_from_record(json.dumps(record), where=str(record["id"]))
        pipeline: Pipeline = full if needs_full_pipeline(record["gold"]) else clean_only
        if set(record["gold"]) == {"places"}:
            pipeline = ungated
        try:
            doc = pipeline.process(doc)
        except Exception as exc:  # a crash on one record is scored as an empty prediction, and reported
            doc.events, doc.places = [], []
            doc.timings["error"] = 0.0
            doc.title = f"error: {type(exc).__name__}: {exc}"
        yield record, doc


def _with_progress(records: list[dict[str, Any]], progress: bool) -> Iterator[dict[str, Any]]:
    if not progress:
        yield from records
        return
    from rich.progress import track

    yield from track(records, description="evaluating", transient=True)


__all__ = ["FAMILIES", "Family", "run_eval"]
