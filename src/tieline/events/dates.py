"""Event dates: explicit and relative dates resolved against the article's date.

``resolve_date("on Tuesday", date(2024, 1, 24))`` gives the Tuesday before, ``"in 2013"`` keeps its
year (precision ``year``), ``"March 4"`` takes the article's year (or the year before, when that would
put it in the future).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass

__all__ = ["DateRef", "later_date", "narrative_ref", "resolve_date"]

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}  # fmt: skip
WEEKDAYS = {
    d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}

_YEAR = re.compile(r"^(?:in |of |since |the )?((?:19|20)\d\d)(?:'s)?$")
_MONTH_DAY = re.compile(r"^(?:on )?(?:the )?([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? ((?:19|20)\d\d))?$")
_DAY_MONTH = re.compile(
    r"^(?:on )?(?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)\.?(?:,? ((?:19|20)\d\d))?$"
)
_MONTH_YEAR = re.compile(r"^(?:in )?([a-z]+) ((?:19|20)\d\d)$")
# a part of a year ("in early 2023", "late 2019", "mid-2021", "the spring of 2022", "the end of 2020"): the year
_PART_YEAR = re.compile(
    r"^(?:in |since |by |until |from )?(?:the )?(?:early|late|mid|end of|start of|beginning of|middle of|"
    r"spring|summer|autumn|fall|winter|first half of|second half of)(?: of)?[ -]((?:19|20)\d\d)$"
)
_ISO = re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d)$")


@dataclass(frozen=True)
class DateRef:
    date: _dt.date
    precision: str  # day | month | year


def _clamp(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, ref: _dt.date, *, ahead: bool = False) -> _dt.date | None:
    d = _clamp(ref.year, month, day)
    if ahead:
        if d is not None and d < ref:
            d = _clamp(ref.year + 1, month, day)
    elif d is not None and d > ref + _dt.timedelta(days=7):
        d = _clamp(ref.year - 1, month, day)
    return d


def _day_date(
    month: int, day: int, year: str | None, ref: _dt.date | None, *, ahead: bool = False
) -> DateRef | None:
    """A day of a month, in the given year or, without one, the year that puts it closest before ``ref`` (after
    it, for an act still to come)."""
    if year:
        d = _clamp(int(year), month, day)
    elif ref is not None:
        d = _infer_year(month, day, ref, ahead=ahead)
    else:
        return None
    return DateRef(d, "day") if d else None


def _yearless_month(text: str) -> int | None:
    """The month of a day-of-month date written without a year ("on 10 May", "May 6"), else None."""
    s = " ".join(text.lower().replace(",", ", ").split()).strip(" .,").replace(" ,", ",")
    for pattern, month_group in ((_MONTH_DAY, 1), (_DAY_MONTH, 2)):
        m = pattern.match(s)
        if m and m[month_group] in MONTHS and not m[3]:
            return MONTHS[m[month_group]]
    return None


def narrative_ref(text: str, earlier: list[str], ref: _dt.date | None) -> _dt.date | None:
    """The reference date for ``text`` in a narrative about the past: a day of a month with no year ("captured
    ... on 10 May") whose closest earlier date in the passage (``earlier``, in text order) names the same month
    with an explicit year before the reference year ("in May 2006") belongs to that year; otherwise ``ref``."""
    month = _yearless_month(text)
    if month is None or ref is None or not earlier:
        return ref
    last = resolve_date(earlier[-1], ref)
    if last is None or not re.search(r"\b(?:19|20)\d\d\b", earlier[-1]):
        return ref
    if last.date.month != month or last.precision not in ("day", "month") or last.date.year >= ref.year:
        return ref
    return _dt.date(last.date.year, 12, 31)


_NUMBERS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10}  # fmt: skip
_LATER = re.compile(r"^(\d+|one|a|two|three|four|five|six|seven|eight|nine|ten) (year|month)s? later$")


def later_date(text: str, earlier: list[str], ref: _dt.date | None) -> DateRef | None:
    """A date counted on from the last earlier date of the passage that names a year ("gained independence in
    2011 and plunged into civil war two years later" -> 2013); None when ``text`` is no such phrase or there is
    no such earlier date."""
    m = _LATER.match(" ".join(text.lower().split()).strip(" .,"))
    if m is None:
        return None
    for prev in reversed(earlier):
        if not re.search(r"\b(?:19|20)\d\d\b", prev):
            continue
        base = resolve_date(prev, ref)
        if base is None:
            continue
        n = int(m[1]) if m[1].isdigit() else _NUMBERS[m[1]]
        if m[2] == "year":
            return DateRef(_dt.date(base.date.year + n, 1, 1), "year")
        y, mo = divmod(base.date.year * 12 + base.date.month - 1 + n, 12)
        return DateRef(_dt.date(y, mo + 1, 1), "month" if base.precision != "year" else "year")
    return None


def resolve_date(text: str, ref: _dt.date | None, *, ahead: bool = False) -> DateRef | None:
    """Resolve a date expression; ``None`` when it is not a date tieline understands. With ``ahead`` (the date of
    an act still to come: "is scheduled to visit Tokyo in May", "will meet on Friday"), a month, a day of a month
    or a weekday with no year is the next one on or after ``ref``, not the last one before it."""
    s = " ".join(text.lower().replace(",", ", ").split()).strip(" .,")
    s = s.replace(" ,", ",")
    if not s:
        return None
    m = _ISO.match(s)
    if m:
        d = _clamp(int(m[1]), int(m[2]), int(m[3]))
        return DateRef(d, "day") if d else None
    m = _YEAR.match(s) or _PART_YEAR.match(s)
    if m:
        return DateRef(_dt.date(int(m[1]), 1, 1), "year")
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        m = pattern.match(s)
        if m and m[month_group] in MONTHS:
            return _day_date(MONTHS[m[month_group]], int(m[day_group]), m[3], ref, ahead=ahead)
    m = _MONTH_YEAR.match(s)
    if m and m[1] in MONTHS:
        return DateRef(_dt.date(int(m[2]), MONTHS[m[1]], 1), "month")
    if ref is None:
        return None
    words = s.split()
    if words and words[0] in ("on", "in", "last", "this", "early", "late", "next"):
        qualifier = words[0]
        words = words[1:]
    else:
        qualifier = ""
    if len(words) == 1:
        w = words[0]
        if w == "today" or w == "tonight":
            return DateRef(ref, "day")
        if w == "yesterday":
            return DateRef(ref - _dt.timedelta(days=1), "day")
        if w == "tomorrow":
            return DateRef(ref + _dt.timedelta(days=1), "day")
        if w in WEEKDAYS:
            if qualifier == "next" or (ahead and qualifier != "last"):
                forward = (WEEKDAYS[w] - ref.weekday()) % 7
                return DateRef(ref + _dt.timedelta(days=forward or (7 if qualifier == "next" else 0)), "day")
            back = (ref.weekday() - WEEKDAYS[w]) % 7
            if back == 0 and qualifier == "last":
                back = 7
            return DateRef(ref - _dt.timedelta(days=back), "day")
        if w == "week" and qualifier in ("last", "next"):
            return DateRef(ref + _dt.timedelta(days=7 if qualifier == "next" else -7), "day")
        if w == "month" and qualifier == "last":
            first = ref.replace(day=1) - _dt.timedelta(days=1)
            return DateRef(first.replace(day=1), "month")
        if w == "month" and qualifier == "next":
            y, mo = divmod(ref.year * 12 + ref.month, 12)
            return DateRef(_dt.date(y, mo + 1, 1), "month")
        if w == "year" and qualifier in ("last", "next"):
            return DateRef(_dt.date(ref.year + (1 if qualifier == "next" else -1), 1, 1), "year")
        if w in MONTHS and qualifier in ("last", "in", "", "next"):
            month = MONTHS[w]
            if qualifier == "next" or (ahead and qualifier != "last"):
                year = ref.year if month >= ref.month else ref.year + 1
                if qualifier == "next" and month == ref.month:
                    year += 1
            else:
                year = ref.year if month <= ref.month else ref.year - 1
            return DateRef(_dt.date(year, month, 1), "month")
    if len(words) == 2 and words[1] in ("morning", "afternoon", "evening", "night") and words[0] in WEEKDAYS:
        return resolve_date(words[0], ref)
    m2 = re.match(
        r"^(\d+|two|three|four|five|six|seven|eight|nine|ten) (day|week|month|year)s? ago$", " ".join(words)
    )
    if m2:
        nums = {
            "two": 2,
            "three": 3,
            "four": 4,
            "five": 5,
            "six": 6,
            "seven": 7,
            "eight": 8,
            "nine": 9,
            "ten": 10,
        }
        n = int(m2[1]) if m2[1].isdigit() else nums[m2[1]]
        unit = m2[2]
        if unit == "day":
            return DateRef(ref - _dt.timedelta(days=n), "day")
        if unit == "week":
            return DateRef(ref - _dt.timedelta(days=7 * n), "day")
        if unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 - n, 12)
            return DateRef(_dt.date(y, mo + 1, 1), "month")
        return DateRef(_dt.date(ref.year - n, 1, 1), "year")
    if "," in s and (head := s.split(",")[0].strip()):
        # "late 2023, months after the coup" read as one date phrase: its first part is the date
        return resolve_date(head, ref, ahead=ahead)
    return None


@functools.lru_cache(maxsize=4096)
def event_date(value: str | None) -> _dt.date | None:
    """An event's ISO date (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` for month or year precision) as a
    date; None when it is empty or not such a date. Cached: a pure function of the string (dates are
    immutable), and the store reads and writes the same few dates over and over (``strptime`` is slow)."""
    if not value:
        return None
    text = value.strip()
    try:
        return _dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    for fmt in ("%Y-%m", "%Y"):
        try:
            return _dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
