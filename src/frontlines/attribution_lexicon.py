"""Words that attribute statements and set their modality: the data behind quotes.py and claims.py.

Token lists are lower-case surface forms (the pipeline runs without a lemmatizer, so every inflection is listed or
generated). Phrase lists are matched as whole words, case-insensitively, with any whitespace between words.
"""

from __future__ import annotations

from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    """A word set written as whitespace-separated text (easier to read and extend than a list literal)."""
    return frozenset(text.split())


# Verbs of saying: their subject is the speaker of a quote or the source of a claim. base -> irregular forms
# (regular -s/-ed/-ing forms are generated).
SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    # plain saying and telling
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "speak": ("spoke", "spoken", "speaks", "speaking"),
    "add": (),
    "state": (),
    "note": (),
    "explain": (),
    "remark": (),
    "comment": (),
    "reply": ("replied", "replies"),
    "respond": (),
    "continue": (),
    "conclude": (),
    "write": ("wrote", "written", "writes", "writing"),
    "tweet": (),
    "post": (),
    "quote": (),
    # announcing, asserting, confirming
    "announce": (),
    "declare": (),
    "assert": (),
    "affirm": (),
    "confirm": (),
    "insist": (),
    "stress": (),
    "emphasize": (),
    "emphasise": (),
    "maintain": (),
    "argue": (),
    "acknowledge": (),
    "admit": ("admitted", "admitting", "admits"),
    # warning, promising, predicting
    "warn": (),
    "vow": (),
    "pledge": (),
    "promise": (),
    "predict": (),
    "forecast": ("forecast", "forecasts"),
    "threaten": (),
    "urge": (),
    # opinions and descriptions that introduce quoted words ("victors think this is “very early”")
    "think": ("thought", "thinks", "thinking"),
    "believe": (),
    "describe": (),
    "call": (),
    # claiming, reporting
    "claim": (),
    "allege": (),
    "report": (),
    "estimate": (),
    # denying
    "deny": ("denied", "denies", "denying"),
    "reject": (),
    "dismiss": ("dismissed", "dismisses", "dismissing"),
    "refute": (),
}

# Military, police and civilian titles: they go to the speaker's role ("Colonel" in "Colonel Sean Ryan").
TITLES: frozenset[str] = _words(
    """
    colonel col col. lieutenant lt lt. lt-col brigadier brig brig. general gen gen. major maj maj. captain capt capt.
    commander cmdr sergeant sgt sgt. corporal cpl admiral adm adm. marshal field-marshal commandant private
    president vice prime minister secretary governor gov gov. mayor senator sen sen. representative rep rep. ambassador
    chief deputy spokesman spokeswoman spokesperson sheikh sheik imam mullah emir king queen prince sultan
    mr mr. mrs mrs. ms ms. dr dr. prof prof. professor
    """
)

# Head nouns of speaker descriptions that are roles, not organisations ("the army's spokesman", "a local official").
ROLE_NOUNS: frozenset[str] = _words(
    """
    spokesman spokeswoman spokesperson official officials commander commanders officer officers minister president
    governor mayor leader chief head director analyst expert witness witnesses resident residents source sources
    correspondent journalist reporter monitor activist activists medic doctor doctors representative envoy
    ambassador general colonel captain secretary member members fighter fighters soldier soldiers survivor
    """
)

# Head nouns of bodies and groups that speak ("the ministry said", "the rebels denied"): with ROLE_NOUNS and
# HEARSAY_NOUNS, the only common nouns accepted as speakers ("the topic ... said" is a parse error, not a speaker).
SPEAKER_NOUNS: frozenset[str] = _words(
    """
    army military police ministry government statement communique group groups forces force coalition office
    department agency council committee command movement militia militias organization organisation authorities
    authority observatory embassy administration court prosecutor prosecutors rebels insurgents militants troops
    analysts experts people villagers survivors victims families relatives neighbours neighbors parents students
    campaigners protesters protestors demonstrators organizers organisers team unit party parliament presidency
    palace spokesperson hospital union alliance front brigade battalion regiment division
    """
)

# Nouns that make a "<noun> say(s)" attribution hearsay rather than a named voice ("reports say", "sources said").
HEARSAY_NOUNS: frozenset[str] = _words(
    "reports report sources source rumours rumors witnesses residents accounts media locals activists"
)

# Words before a hearsay noun in "on several reports", "according to local sources", "citing witnesses".
HEARSAY_QUALIFIERS: frozenset[str] = _words("several many multiple some local unconfirmed media news other various the")
# Prepositions that introduce a hearsay source without a verb ("on several reports", "citing sources").
HEARSAY_PREPOSITIONS: tuple[str, ...] = ("according to", "on", "citing", "in")

# Single-word reporting cues that count only when the parse makes them verbs ("the claims", "reports" as nouns).
VERB_ONLY_CUES: frozenset[str] = _words("said says told reported reports claimed claims added stated noted")

# Cue phrases per modality. Order in the tuple is irrelevant; the claim's cue is the earliest match in its text.
MODALITY_CUES: dict[str, tuple[str, ...]] = {
    # DENIED: a source rejects a statement
    "denied": (
        "denied", "denies", "deny", "denying", "rejected claims", "rejected reports", "rejected allegations",
        "rejects claims", "dismissed reports", "dismissed claims", "dismisses reports", "refuted", "refutes",
        "there is no truth", "no truth to", "categorically rejected", "baseless", "false reports",
    ),
    # PREDICTED: something will happen (future, expectation, forecast)
    "predicted": (
        "will", "won't", "will not", "shall", "is expected to", "are expected to", "was expected to",
        "were expected to", "expects", "expected to", "predict", "predicts", "predicted", "forecast", "forecasts",
        "is set to", "are set to", "is likely to", "are likely to", "is going to", "are going to", "is poised to",
        "are poised to", "vowed to", "vows to", "threatened to", "threatens to", "plans to", "intends to",
        "in the coming days", "in the coming weeks",
    ),
    # SPECULATIVE: hedged or unconfirmed (possibility, belief, indications, hearsay adverbs)
    "speculative": (
        "may", "might", "could", "possibly", "perhaps", "probably", "presumably", "apparently", "allegedly",
        "reportedly", "suspected", "suspects", "rumoured", "rumored", "it is believed", "is believed to",
        "are believed to", "it is thought", "is thought to", "are thought to", "it is feared", "is feared",
        "there are indications", "there is an indication", "indications that", "there is a chance",
        "there is a possibility", "it is possible", "it is unclear", "it is not clear", "unconfirmed",
        "taken into account that", "cannot be ruled out", "can not be ruled out", "not ruled out", "is said to",
        "are said to", "would",
    ),
    # REPORTED: attributed to a source ("according to X", "X said", "reports say")
    "reported": (
        "according to", "on several reports", "reports say", "reports said", "sources said", "sources say",
        "said", "says", "told", "reported", "reports", "quoted", "claimed", "claims", "alleged", "added",
        "stated", "noted", "explained", "wrote", "tweeted", "speaks of", "spoke of", "citing", "cited",
    ),
    # ASSERTED: the source states it as established fact
    "asserted": (
        "confirmed", "confirms", "announced", "announces", "declared", "declares", "insisted", "insists",
        "stressed", "affirmed", "acknowledged", "admitted", "asserted", "maintained",
    ),
}  # fmt: skip

# Modal verbs whose cue counts only when spaCy tags the token as a modal (MD): "may" is also a month, "will" a noun.
MODAL_TOKENS: frozenset[str] = frozenset({"will", "shall", "may", "might", "could", "would", "wo"})


def _regular_forms(base: str) -> tuple[str, ...]:
    stem = base[:-1] if base.endswith("e") else base
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")
    return (base, third, stem + "ed", stem + "ing")


@lru_cache(maxsize=1)
def speech_verb_forms() -> frozenset[str]:
    """Every surface form of every speech verb (lower case)."""
    forms: set[str] = set()
    for base, irregular in SPEECH_VERBS.items():
        forms.update(irregular or _regular_forms(base))
        forms.add(base)
    return frozenset(forms)


@lru_cache(maxsize=1)
def denial_verb_forms() -> frozenset[str]:
    """Surface forms of the speech verbs that deny."""
    return frozenset(
        form for base in ("deny", "reject", "dismiss", "refute") for form in SPEECH_VERBS[base] or _regular_forms(base)
    ) | {"deny", "reject", "dismiss", "refute"}
