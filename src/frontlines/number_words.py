"""Number words and quantity phrases read by :mod:`frontlines.numbers` (data only, no logic).

Each table is grouped by what its entries mean; the coding conventions come from
``shared/eval/casualty-coding.md`` ("a dozen" -> 12, "dozens" -> 12, "tens" -> 10, "hundreds" -> 100, "scores" -> 20).
"""

from __future__ import annotations

# Units and teens: the words that name a number below twenty on their own.
UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}

# Multiples of ten, combined with a unit by a hyphen or a space ("twenty-three", "forty five").
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,  # a frequent misspelling in wire copy
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

# Multipliers: "five hundred", "1.5 million"; lakh and crore appear in South Asian reporting.
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "million": 1_000_000,
    "crore": 10_000_000,
    "billion": 1_000_000_000,
}

# Whole phrases that stand for a number by convention (casualty-coding.md): the count is the conventional value.
# Longer phrases first where one is a prefix of another.
CONVENTIONAL: dict[str, int] = {
    "a couple of": 2,
    "a pair of": 2,
    "a dozen": 12,
    "a score of": 20,
    "half a dozen": 6,
    "dozens of": 12,
    "dozens": 12,
    "tens of thousands of": 10_000,
    "tens of thousands": 10_000,
    "hundreds of thousands of": 100_000,
    "hundreds of thousands": 100_000,
    "tens of": 10,
    "tens": 10,
    "scores of": 20,
    "scores": 20,
    "hundreds of": 100,
    "hundreds": 100,
    "thousands of": 1_000,
    "thousands": 1_000,
    "millions of": 1_000_000,
    "a hundred": 100,
    "a thousand": 1_000,
    "both": 2,
}

# Phrases that say "some number" without giving one: never a count (casualty-coding.md -> null).
VAGUE: tuple[str, ...] = (
    "several",
    "a few",
    "few",
    "many",
    "some",
    "a number of",
    "numerous",
    "a handful of",
    "a large number of",
    "a lot of",
    "countless",
)

# Qualifiers in front of a number and the machine name stored in Count.qualifier. Longer phrases first.
QUALIFIERS: dict[str, str] = {
    # lower bounds: the number is the minimum
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "a minimum of": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    # approximations: the number is a guess
    "an estimated": "about",
    "estimated": "about",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",  # only in front of a number: "some 300 fighters"
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    # upper bounds
    "up to": "up_to",
    "as many as": "up_to",
    "fewer than": "up_to",
    "less than": "up_to",
    "at most": "up_to",
}

# Words joining the two ends of a range: "10 to 15", "two or three", "between 10 and 15".
RANGE_JOINERS: tuple[str, ...] = ("to", "or", "-", "–", "—")
