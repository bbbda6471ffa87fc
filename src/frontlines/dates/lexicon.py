"""Words that make up English date expressions: the data behind :mod:`frontlines.dates.patterns`.

Every group has a comment saying what it is for. Month and weekday names are matched case-sensitively (capitalised),
so the verbs "march" and "may" never become dates.
"""

from __future__ import annotations

# Month names and their abbreviations (with and without the full stop), mapped to the month number.
MONTHS: dict[str, int] = {
    "January": 1, "Jan": 1,
    "February": 2, "Feb": 2,
    "March": 3, "Mar": 3,
    "April": 4, "Apr": 4,
    "May": 5,
    "June": 6, "Jun": 6,
    "July": 7, "Jul": 7,
    "August": 8, "Aug": 8,
    "September": 9, "Sept": 9, "Sep": 9,
    "October": 10, "Oct": 10,
    "November": 11, "Nov": 11,
    "December": 12, "Dec": 12,
}  # fmt: skip

# Short month names that are also first names or words: without a dot, day or year they are not a month when a
# capitalised word follows ("by Jan Egeland", "Dec Taylor"). Any bare month name needs a preposition, a modifier
# ("last", "mid-") or a year to count ("in May", "May 3", "May 2019"; never "May God protect them").
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"May", "Mar", "Jun", "Jan", "Aug", "Dec", "Oct", "Sep"})

# Weekday names (and the abbreviations wire copy uses) mapped to Python's weekday number (Monday == 0).
WEEKDAYS: dict[str, int] = {
    "Monday": 0, "Mon": 0,
    "Tuesday": 1, "Tue": 1, "Tues": 1,
    "Wednesday": 2, "Wed": 2,
    "Thursday": 3, "Thu": 3, "Thur": 3, "Thurs": 3,
    "Friday": 4, "Fri": 4,
    "Saturday": 5, "Sat": 5,
    "Sunday": 6, "Sun": 6,
}  # fmt: skip

# Abbreviated weekdays that are ordinary words: accepted only with a full stop ("Sat.") or after "on".
AMBIGUOUS_WEEKDAYS: frozenset[str] = frozenset({"Sat", "Sun", "Wed", "Mon"})

# Parts of the day that may follow a weekday or "yesterday" ("Sunday night", "yesterday morning").
PARTS_OF_DAY: tuple[str, ...] = ("morning", "afternoon", "evening", "night")

# Days before publication for single-day relative words. "last night" is the evening before the report.
RELATIVE_DAYS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "yesterday": 1,
    "last night": 1,
    "the day before yesterday": 2,
}

# Small number words used in "three days ago"; digits are read directly.
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3, "several": 3,
}  # fmt: skip

# Units of "N <unit> ago" and their length in days (months and years are handled by calendar arithmetic).
AGO_UNITS: dict[str, str] = {
    "day": "day", "days": "day",
    "week": "week", "weeks": "week",
    "month": "month", "months": "month",
    "year": "year", "years": "year",
}  # fmt: skip

# Words before a date that make it the boundary of a period rather than the day something happened
# ("since July", "until Friday", "by 2020"): such dates are found but not chosen as an event's date when a
# plain one is in the same sentence.
PERIOD_BOUNDARY_WORDS: frozenset[str] = frozenset({"since", "until", "till", "by", "before", "from"})

# Vague "lately" words: ACLED codes such events to the publication date with week precision (the week up to it).
RECENT_WORDS: tuple[str, ...] = ("recently", "in recent days", "in the past few days", "lately")

# Periods relative to publication: (phrase, unit, offset). unit is week/weekend/month/year; offset 0 is the
# current one (cut at publication), -1 the previous one. "earlier this ..." is the current one up to publication.
RELATIVE_PERIODS: dict[str, tuple[str, int]] = {
    "this week": ("week", 0), "earlier this week": ("week", 0), "last week": ("week", -1),
    "this weekend": ("weekend", 0), "over the weekend": ("weekend", 0), "at the weekend": ("weekend", 0),
    "last weekend": ("weekend", 0),
    "this month": ("month", 0), "earlier this month": ("month", 0), "last month": ("month", -1),
    "this year": ("year", 0), "earlier this year": ("year", 0), "last year": ("year", -1),
}  # fmt: skip

# Days relative to the date the text last named ("On Monday... The previous day, ..."): resolved against the
# nearest earlier day-precise date in the text, never against publication.
ANAPHORIC_DAYS: dict[str, int] = {
    "the previous day": -1, "the day before": -1, "a day earlier": -1, "a day before": -1, "the previous night": -1,
    "the night before": -1, "one day earlier": -1, "two days earlier": -2, "two days before": -2,
    "the same day": 0, "that day": 0, "that night": 0, "the same night": 0,
    "the next day": 1, "the following day": 1, "a day later": 1, "one day later": 1, "the day after": 1,
    "the next morning": 1, "the following morning": 1, "two days later": 2,
}  # fmt: skip

# Words (lower case) that every relative expression above contains: a page is searched for the full patterns only
# around these words, month and weekday names, and numbers (see patterns.ANCHOR_PATTERNS). Keep it in step.
RELATIVE_ANCHORS: frozenset[str] = frozenset(
    (
        "today", "tonight", "yesterday", "day", "days", "night", "morning", "afternoon", "evening", "week",
        "weekend", "month", "year", "ago", "recent", "recently", "lately", "past",
    )
)  # fmt: skip
