"""From place mentions to event locations: enrich a coder Location, read an article's dateline.

The coder finds *which* phrase is the event's place (``Coder._location``); this module says *where*
that is. :func:`enrich` never drops a location: an unknown name keeps its text and offsets without
coordinates (precision ``unknown``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

from tieline.model import Article, Location

from .gazetteer import Geocoder, Place, load_geocoder

__all__ = ["article_place", "dateline_end", "dateline_place", "enrich", "place_to_location"]

# How far into the article a dateline may start (after a title line or a byline).
_DATELINE_WINDOW = 400
# "NAIROBI, March 4 (Reuters) -", "KYIV, Ukraine (AP) -", "WASHINGTON -", "GAZA CITY/CAIRO, Jan 5 -",
# "PORT SUDAN, Sudan, March 3 -": a capitalised place at the start of a line, then a comma, a
# parenthesised agency or a dash.
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z'\u2019.\-]+(?:[ ][A-Z][A-Z'\u2019.\-]+){0,3})"
    r"(?:/[A-Z][A-Z'\u2019.\- ]+)?"
    r"(?P<qual>,[ ][A-Z][A-Za-z.\- ]+?(?=[,(\u2014\u2013-]|[ ][(\u2014\u2013-]))?"
    r"[ ]?(?:,|\(|\u2014|\u2013|--|-[ ])"
)
# Wire datelines in mixed case, always with the agency in parentheses: "Beijing, Sept 5 (Xinhua) -", "Ramallah, Dec 14
# (Prensa Latina) Israeli forces ...", "Mosul (IraqiNews.com) Iraqi forces ...". The story starts after the
# parenthesis (and a dash or colon if any) with a capital letter.
_WIRE_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][a-z][A-Za-z'\u2019.\-]*(?:[ ][A-Z][a-z][A-Za-z'\u2019.\-]*){0,2})"
    r"(?:,[ ](?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ ]\d{1,2}))?"
    r"[ ]?\((?P<agency>[^()\n]{2,40})\)[ \t]*(?:(?:\u2014|\u2013|--|-|:)[ \t]*)?(?=[A-Z\"\u201c])"
)
# Datelines closed by a colon, as AFP and some regional wires write them: "LYON: Interpol said ...", "GAZA CITY,
# Palestinian Territories: Four children ...". Only at the very start of the text, the place in capitals.
_COLON_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'\u2019.\-]+(?:[ ][A-Z][A-Z'\u2019.\-]+){0,3})"
    r"(?P<qual>,[ ][A-Z][A-Za-z.\- ]{1,40}?)?:[ \t]+(?=[A-Z\"\u201c])"
)
_MONTH = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?$", re.IGNORECASE
)
_NOT_PLACES = frozenset(
    {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "WATCH", "LIVE"}
)


def place_to_location(place: Place, text: str, start: int, end: int) -> Location:
    """A Location for ``article.text[start:end] == text`` at ``place``."""
    return Location(
        text=text,
        start=start,
        end=end,
        name=place.name,
        kind=place.kind,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        precision=place.precision,
        geonames_id=place.geonames_id,
    )


def enrich(
    location: Location, geocoder: Geocoder | None = None, context_countries: Sequence[str] = ()
) -> Location:
    """``location`` with lat/lon, kind, country, precision and geonames_id filled from the gazetteer.

    The coder's own country (a knowledge-base country, capital or seat) comes first in the context, and a
    location the coder knows to be a country stays a country. An unknown name is returned unchanged
    (it keeps its text and offsets, without coordinates)."""
    gc = geocoder or load_geocoder()
    if location.kind == "country":
        # the gazetteer's country rule decides ("Georgia" in an article about the United States)
        context = [c for c in context_countries if c]
    else:
        context = [c for c in (location.country, *context_countries) if c]
    place: Place | None = None
    for name in dict.fromkeys((location.name, location.text)):
        place = gc.resolve(name, context_countries=context)
        if place is not None:
            break
    if place is None and location.kind == "country" and location.country:
        place = gc.country(location.country)
    if place is None:
        return location
    if location.kind == "country" and place.kind not in ("country", "region"):
        # never turn a country into a city, building or base of the same name
        country = gc.country(location.country) if location.country else None
        if country is None:
            return location
        place = country
    if location.country and place.country and place.country != location.country and place.kind != "country":
        # the knowledge base placed it (a capital, a seat): keep that country's reading if the gazetteer has one
        within = gc.resolve(f"{location.name}, {location.country}", context_countries=context)
        if within is not None and within.country == location.country:
            place = within
    return replace(
        location,
        name=place.name,
        kind=place.kind,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        precision=place.precision,
        geonames_id=place.geonames_id,
    )


# The dash that closes a dateline, within a line's first characters: "NAIROBI, March 4 (Reuters) - Kenya ...".
_DATELINE_DASH = re.compile(r"[ \t]*(?:\u2014|\u2013|--|-(?=[ \t]))[ \t]*")
_DATELINE_SPAN = 80


def _datelines(head: str) -> Iterator[tuple[re.Match[str], str]]:
    """Dateline candidates in the opening of an article, with their place words (not "BREAKING", not "US")."""
    for m in _DATELINE.finditer(head):
        words = m.group("place").strip(" .-")
        if words not in _NOT_PLACES and len(words.replace(" ", "")) >= 3:
            yield m, words


def _wire_dateline(head: str) -> re.Match[str] | None:
    """A mixed-case wire dateline at the very start of ``head`` ("Beijing, Sept 5 (Xinhua) -"), or None. The
    parenthesis must name an agency (capitalised words or a web address), not spell out the words before it
    ("Kenya Defence Forces (KDF) Spokesman ..." is a name and its acronym)."""
    m = _WIRE_DATELINE.match(head)
    if m is None:
        return None
    agency = m.group("agency").strip()
    words = agency.replace(". ", ".").split()
    if not all(
        w[0].isupper() or w[0].isdigit() or w.lower().lstrip(".") in ("com", "net", "org") for w in words
    ):
        return None
    capitals = "".join(c for c in m.group("place") if c.isupper())
    if agency.replace(".", "") == capitals:
        return None  # "Al-Shabaab (AS) Fighters ...": a name and its acronym
    if (
        m.group("date") is None
        and not _DATELINE_DASH.search(head, m.end("agency") + 1, m.end())
        and len(words) > 1
    ):
        return None  # "Hamas (Islamic Resistance Movement) Leader ...": a name glossed, not an agency
    return m


def _colon_dateline(head: str) -> re.Match[str] | None:
    """A capitalised place closed by a colon at the very start of ``head`` ("LYON: Interpol ..."), or None; not a
    label ("BREAKING: ...", "UPDATE: ...")."""
    m = _COLON_DATELINE.match(head)
    if m is None:
        return None
    words = m.group("place").strip(" .-")
    if words in _NOT_PLACES or len(words.replace(" ", "")) < 3:
        return None
    return m


def dateline_end(text: str) -> int | None:
    """Where the story starts after a dateline at the start of a line near the top of ``text`` ("DUBAI, June 22
    (Reuters) — Iran's parliament ..." -> the offset of "Iran's"), or None. Only a dateline closed by a dash on
    its own line counts, so a sentence that begins with a capitalised word and a comma is left alone."""
    head = text[:_DATELINE_WINDOW]
    colon = _colon_dateline(head)
    if colon is not None:
        return colon.end()
    for m, _ in _datelines(head):
        line_end = head.find("\n", m.start())
        stop = min(m.start() + _DATELINE_SPAN, len(head) if line_end < 0 else line_end)
        dash = _DATELINE_DASH.search(head, m.start("place") + len(m.group("place")) - 1, stop)
        if (
            dash is not None
            and dash.end() < stop
            and "." not in head[m.end() : dash.start()].replace("(", "")
        ):
            return dash.end()
        return None
    wire = _wire_dateline(head)
    return wire.end() if wire is not None else None


def dateline_place(article: Article, geocoder: Geocoder | None = None) -> Location | None:
    """The place of the article's dateline ("NAIROBI, March 4 (Reuters) -"), or None.

    The Location's text and offsets are the dateline's place words (so a consumer can tell it comes from the
    dateline, not the event's sentence); its precision is the place's (city for "NAIROBI")."""
    gc = geocoder or load_geocoder()
    head = article.text[:_DATELINE_WINDOW]
    colon = _colon_dateline(head)
    if colon is not None:
        name = colon.group("place").strip(" .-").title()
        qual = (colon.group("qual") or "").strip(", ")
        place = (gc.resolve(f"{name}, {qual}") if qual else None) or gc.resolve(name)
        if place is not None:
            start = colon.start("place")
            end = start + len(colon.group("place").rstrip(" .-"))
            return place_to_location(place, article.text[start:end], start, end)
    for m, words in _datelines(head):
        qual = (m.group("qual") or "").strip(", ")
        name = words.title()
        if qual and not _MONTH.match(qual):
            name = f"{name}, {qual}"
        place = gc.resolve(name)
        if place is None:
            continue
        start = m.start("place")
        end = start + len(m.group("place").rstrip(" .-"))
        return place_to_location(place, article.text[start:end], start, end)
    wire = _wire_dateline(head)
    if wire is not None and (place := gc.resolve(wire.group("place"))) is not None:
        start, end = wire.start("place"), wire.end("place")
        return place_to_location(place, article.text[start:end], start, end)
    return None


def article_place(
    article: Article, geocoder: Geocoder | None = None, context_countries: Sequence[str] = ()
) -> Location | None:
    """The fallback place of an article: its dateline, else the place it names most often (GPE/LOC/FAC
    mentions from the parse; ties go to the earliest). None when neither resolves."""
    gc = geocoder or load_geocoder()
    dl = dateline_place(article, gc)
    if dl is not None:
        return dl
    mentions = [m for m in article.mentions if m.label in ("GPE", "LOC", "FAC")]
    if not mentions:
        return None
    counts = Counter(m.text for m in mentions)
    first: dict[str, int] = {}
    for i, m in enumerate(mentions):
        first.setdefault(m.text, i)
    for text, _n in sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]])):
        place = gc.resolve(text, context_countries=context_countries)
        if place is not None:
            m = mentions[first[text]]
            return place_to_location(place, m.text, m.start, m.end)
    return None
