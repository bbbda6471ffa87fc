"""Metric families: which gold keys each scores, how to read the prediction, and which scorer to call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from frontlines.evaluate import predict
from frontlines.model import Document


@dataclass(frozen=True)
class Family:
    name: str
    keys: tuple[str, ...]
    predict: Callable[[Document], Any]
    scorer: str  # "module:function", imported when first used

    def applies(self, gold: dict[str, Any]) -> bool:
        return any(key in gold for key in self.keys)

    def score(self, items: list[tuple[dict[str, Any], Any]]) -> dict[str, float]:
        module_name, function_name = self.scorer.split(":")
        module = __import__(module_name, fromlist=[function_name])
        return dict(getattr(module, function_name)(items))


FAMILIES = (
    Family("body", ("body",), predict.main_text, "frontlines.clean.metrics:body_scores"),
    Family("snippets", ("body_with", "body_without"), predict.main_text, "frontlines.clean.metrics:snippet_scores"),
    Family("published", ("published",), predict.published, "frontlines.clean.metrics:pubdate_accuracy"),
    Family("event_type", ("event_type",), predict.primary_event_type, "frontlines.events.metrics:event_type_scores"),
    Family(
        "casualties", predict.CASUALTY_KEYS, predict.casualty_summary, "frontlines.casualties.metrics:casualty_scores"
    ),
    Family("locations", ("locations",), predict.event_locations, "frontlines.geo.metrics:location_scores"),
    Family("places", ("places",), predict.places, "frontlines.geo.metrics:places_scores"),
)
