"""The pipeline: an ordered list of stages, each ``(Document) -> Document``, that declare what they need and give.

The order is checked before anything runs (a stage whose requirement no earlier stage assigns is a
:class:`PipelineError`). A document that a stage discards goes no further. Each stage's time is recorded in
``Document.timings`` so the benchmark can show where the time goes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from frontlines.errors import PipelineError
from frontlines.model import Document

# Fields a Document has when it leaves ingest.
INGESTED_FIELDS = ("raw", "media_type", "external_id", "url", "given_published")


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Document], Document | None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


class Pipeline:
    def __init__(self, stages: Sequence[Stage]) -> None:
        check_order(stages)
        self.stages = tuple(stages)

    def process(self, doc: Document) -> Document:
        """Run every stage in order; stop at the first discard. Stage exceptions propagate to the caller."""
        for stage in self.stages:
            if doc.discard is not None:
                break
            started = time.perf_counter()
            doc = stage.run(doc) or doc
            doc.timings[stage.name] = doc.timings.get(stage.name, 0.0) + time.perf_counter() - started
        return doc

    def upto(self, last: str) -> Pipeline:
        """The pipeline's stages up to and including ``last``."""
        names = [stage.name for stage in self.stages]
        if last not in names:
            raise PipelineError(f"no stage named {last!r}; stages are {', '.join(names)}")
        return Pipeline(self.stages[: names.index(last) + 1])

    def without(self, name: str) -> Pipeline:
        """The pipeline less one stage (a gate, for a measurement that must see every document)."""
        return Pipeline([stage for stage in self.stages if stage.name != name])


def check_order(stages: Iterable[Stage]) -> None:
    available = set(INGESTED_FIELDS)
    for stage in stages:
        missing = [field for field in stage.requires if field not in available]
        if missing:
            raise PipelineError(f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns")
        available.update(stage.assigns)


def default_pipeline() -> Pipeline:
    """The full pipeline: clean, annotate, actors, places, quotes and claims, events."""
    from frontlines.stages import default_stages

    return Pipeline(default_stages())
