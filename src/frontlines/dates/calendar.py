"""Pure calendar arithmetic for resolving date expressions against a reference day (no future, ever)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)`` or None when it does not exist (30 February, month 13...)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def latest_month_day(month: int, day: int, *, base: date) -> date | None:
    """The most recent ``month``/``day`` on or before ``base`` (year inferred, looking back at most 8 years)."""
    for year in range(base.year, base.year - 8, -1):
        found = safe_date(year, month, day)
        if found is not None and found <= base:
            return found
    return None


def latest_month(month: int, *, base: date, strictly_before: bool = False) -> tuple[date, date]:
    """First and last day of the most recent ``month`` starting on or before ``base``.

    ``strictly_before`` ("last August") skips the month ``base`` is in.
    """
    year = base.year
    if month > base.month or (strictly_before and month == base.month):
        year -= 1
    return date(year, month, 1), month_end(year, month)


def latest_weekday(weekday: int, *, base: date, strictly_before: bool = False) -> date:
    """The most recent ``weekday`` (Monday == 0) on or before ``base``; "last Friday" with ``strictly_before``."""
    back = (base.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return base - timedelta(days=back)


def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of the week ``day`` is in."""
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


def latest_weekend(*, base: date) -> tuple[date, date]:
    """The most recent Saturday-Sunday that has begun on or before ``base``."""
    saturday = latest_weekday(5, base=base)
    return saturday, saturday + timedelta(days=1)


def shift_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def period(unit: str, offset: int, *, base: date) -> tuple[date, date]:
    """The week/weekend/month/year containing ``base`` (offset 0) or the one before it (offset -1)."""
    if unit == "week":
        start, end = week_of(base + timedelta(days=7 * offset))
    elif unit == "weekend":
        start, end = latest_weekend(base=base + timedelta(days=7 * offset))
    elif unit == "month":
        first = shift_months(base.replace(day=1), offset)
        start, end = first, month_end(first.year, first.month)
    else:
        start, end = date(base.year + offset, 1, 1), date(base.year + offset, 12, 31)
    return start, end
