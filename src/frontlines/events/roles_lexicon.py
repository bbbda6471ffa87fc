"""Data for assigning actors to roles in an event: who acted, who was acted on, who helped."""

# Verb and noun forms whose grammatical subject is the side that LOSES (actor2), not the one acting:
# "the Islamic State loses its last stronghold", "the rebels withdrew from the town". (Word forms, not lemmas:
# the pipeline runs without spaCy's lemmatizer.)
LOSER_SUBJECT_WORDS = frozenset(
    {
        *("lose", "loses", "lost", "losing", "loss", "losses"),
        *("abandon", "abandons", "abandoned", "abandoning", "cede", "cedes", "ceded", "ceding"),
        *("surrender", "surrenders", "surrendered", "surrendering"),
        *("withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing", "withdrawal"),
        *("retreat", "retreats", "retreated", "retreating", "flee", "flees", "fled", "fleeing"),
        *("evacuate", "evacuates", "evacuated", "evacuating", "fall", "falls", "fell", "fallen", "falling"),
    }
)

# Dependency labels that make an actor the one acting (actor1) when it hangs on the trigger.
AGENT_DEPS = frozenset({"nsubj", "agent", "csubj"})
# Dependency labels that make an actor the one acted on (actor2).
PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "obj", "attr", "poss"})
# Prepositions whose object, attached to the trigger or its object, is actor2 ("clashes with X", "attack on X").
PATIENT_PREPOSITIONS = frozenset({"against", "on", "with", "from", "of", "targeting", "between"})
# Prepositions whose object is actor1 ("captured by X", "fell to X").
AGENT_PREPOSITIONS = frozenset({"by", "to"})

# Words that mark a sentence as saying one party helped another: its other actors are associated actors.
# Support and backing:
SUPPORT_CUES = (
    "support",
    "backed",
    "backing",
    "help",
    "helped",
    "assisted",
    "assistance",
    "aided",
    "air cover",
    "alongside",
    "reinforcement",
    # leadership of a coalition's part: "Kurdish fighters, led by the YPG militia"
    "led by",
    "spearheaded",
)

# Auxiliaries that make a verb unreal (possible, future, hypothetical): "they can still strike", "would attack".
IRREALIS_AUXILIARIES = frozenset({"can", "could", "may", "might", "would", "will", "shall", "should", "must"})
# Claim modalities under which an event is not reported as having happened.
NON_FACTUAL_MODALITIES = frozenset({"speculative", "predicted", "denied"})
# Speculative cues that only say a report is unconfirmed: an event under them is still reported as having happened
# ("gunmen reportedly killed five" is an event; "there is a chance he fled" is not).
HEARSAY_CUES = frozenset(
    {"allegedly", "reportedly", "suspected", "suspects", "apparently", "is said to", "are said to", "unconfirmed"}
)
# Verbs of saying (word forms): the subject of one is the source of a report, not a party ("officials said").
SPEECH_WORDS = frozenset(
    {
        *("say", "says", "said", "saying", "tell", "tells", "told", "telling"),
        *("report", "reports", "reported", "announce", "announces", "announced", "claim", "claims", "claimed"),
        *("confirm", "confirms", "confirmed", "add", "adds", "added", "state", "states", "stated"),
        *("accuse", "accused", "accuses", "blame", "blamed", "blames", "allege", "alleged", "alleges"),
    }
)
# Cumulative, background wording near a trigger: the sentence sums up a conflict, it does not report an event
# ("an insurgency that has killed thousands", "over the past decade", "so far this year"). "Since the start of the
# truce" is not among them: headlines use it to frame a new event.
BACKGROUND_CUES = (
    r"(?:has|have|had) (?:killed|claimed the lives of) (?:thousands|hundreds|tens of thousands|scores)",
    r"so far (?:this|in) (?:year|month)|in recent (?:months|years)|over the (?:past|last) (?:\w+ )?(?:years?|decades?)",
)
# How many characters on each side of a trigger are read for background wording.
BACKGROUND_WINDOW = 60
