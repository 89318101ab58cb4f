"""Event records (``Event.to_dict()``) as rows of each export format. Pure functions, no I/O.

The column mappings are documented in ``docs/exports.md``. ``meta`` is the stored article's metadata
(``Store.articles()`` record: url, source, date, title, coded_at) or ``None``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from typing import Any

from tieline.analysis._common import event_sources
from tieline.analysis.names import country_cameo, country_name

__all__ = [
    "FLAT_COLUMNS",
    "GDELT_COLUMNS",
    "ICEWS_COLUMNS",
    "POLECAT_FIELDS",
    "flat_row",
    "gdelt_row",
    "icews_row",
    "plover_record",
]

Meta = dict[str, Any] | None

# -- flat (csv, parquet) ------------------------------------------------------------------------------

FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("article_id", "string"), ("date", "date"), ("date_precision", "string"),
    ("date_source", "string"), ("event", "string"), ("mode", "string"), ("context", "string"),
    ("cameo", "string"), ("goldstein", "double"), ("quad", "int"),
    ("actor_code", "string"), ("actor_name", "string"), ("actor_country", "string"),
    ("actor_sector", "string"), ("actor_kind", "string"),
    ("recipient_code", "string"), ("recipient_name", "string"), ("recipient_country", "string"),
    ("recipient_sector", "string"), ("recipient_kind", "string"),
    ("attribution_code", "string"), ("attribution_name", "string"),
    ("location_name", "string"), ("location_kind", "string"), ("location_country", "string"),
    ("lat", "double"), ("lon", "double"), ("location_precision", "string"),
    ("modality", "string"), ("confidence", "double"),
    ("evidence", "string"), ("evidence_start", "int"), ("evidence_end", "int"),
    ("trigger", "string"), ("trigger_start", "int"), ("trigger_end", "int"),
    ("sources", "int"), ("article_url", "string"), ("article_source", "string"),
    ("reason", "string"), ("coder", "string"),
)  # fmt: skip

MULTI_SEP = "; "  # several actors on one side: their values joined in order


def _join(side: list[dict[str, Any]], key: str) -> str | None:
    if not side:
        return None
    return MULTI_SEP.join(str(a.get(key) or "") for a in side)


def known_date(e: dict[str, Any]) -> Any:
    """The event's date, or ``None`` when it has none: an article with no date of its own (and no
    ``--date``) gives its events the placeholder 1970-01-01 with ``date_precision`` "unknown", which no
    export writes as a real day."""
    return None if e.get("date_precision") == "unknown" else e.get("date")


def _date(value: Any) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def flat_row(e: dict[str, Any], meta: Meta = None) -> dict[str, Any]:
    """One flat row: multi-valued fields (context, several actors) joined with ``"; "``."""
    ev = e.get("evidence") or {}
    trig = ev.get("trigger") or {}
    loc = e.get("location") or {}
    actor, recipient, attribution = e.get("actor") or [], e.get("recipient") or [], e.get("attribution") or []
    meta = meta or {}
    return {
        "id": e.get("id"),
        "article_id": e.get("article_id"),
        "date": _date(known_date(e)),
        "date_precision": e.get("date_precision"),
        "date_source": e.get("date_source"),
        "event": e.get("event"),
        "mode": e.get("mode") or None,
        "context": MULTI_SEP.join(e.get("context") or []) or None,
        "cameo": e.get("cameo"),
        "goldstein": e.get("goldstein"),
        "quad": e.get("quad"),
        "actor_code": _join(actor, "code"),
        "actor_name": _join(actor, "name"),
        "actor_country": _join(actor, "country"),
        "actor_sector": _join(actor, "sector"),
        "actor_kind": _join(actor, "kind"),
        "recipient_code": _join(recipient, "code"),
        "recipient_name": _join(recipient, "name"),
        "recipient_country": _join(recipient, "country"),
        "recipient_sector": _join(recipient, "sector"),
        "recipient_kind": _join(recipient, "kind"),
        "attribution_code": _join(attribution, "code"),
        "attribution_name": _join(attribution, "name"),
        "location_name": loc.get("name"),
        "location_kind": loc.get("kind"),
        "location_country": loc.get("country"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "location_precision": loc.get("precision"),
        "modality": e.get("modality"),
        "confidence": e.get("confidence"),
        "evidence": ev.get("text"),
        "evidence_start": ev.get("start"),
        "evidence_end": ev.get("end"),
        "trigger": trig.get("text"),
        "trigger_start": trig.get("start"),
        "trigger_end": trig.get("end"),
        "sources": len(event_sources(e)),
        "article_url": meta.get("url"),
        "article_source": meta.get("source"),
        "reason": e.get("reason"),
        "coder": e.get("coder"),
    }


# -- PLOVER / POLECAT ---------------------------------------------------------------------------------

POLECAT_FIELDS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
    "Story Organizations", "Story Locations", "Language", "Version",
)  # fmt: skip

# POLECAT's quad codes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
# conflict -- the same numbering tieline uses.
_CITY_KINDS = frozenset({"city", "town", "village", "fac", "facility"})
_PROVINCE_KINDS = frozenset({"region", "province", "state", "gpe", "district"})


def _first(side: list[dict[str, Any]]) -> dict[str, Any]:
    return side[0] if side else {}


def _entities(e: dict[str, Any], labels: set[str]) -> list[str]:
    out: list[str] = []
    for ent in e.get("entities") or []:
        if isinstance(ent, dict) and ent.get("label") in labels and ent.get("text"):
            text = str(ent["text"])
            if text not in out:
                out.append(text)
    return out


def _polecat_side(side: list[dict[str, Any]], prefix: str) -> dict[str, Any]:
    a = _first(side)
    sectors = list(dict.fromkeys(str(x.get("sector")) for x in side if x.get("sector")))
    raw = [str(x.get("text")) for x in side if x.get("text")]
    return {
        f"{prefix} Name": a.get("name"),
        f"{prefix} Country": a.get("country"),
        f"{prefix} COW": None,
        f"Primary {prefix} Sector": a.get("sector"),
        f"{prefix} Sectors": sectors,
        f"{prefix} Title": a.get("role"),
        f"{prefix} Name Raw": raw,
        f"Wikipedia {prefix} ID": a.get("wikidata"),
    }


def plover_record(e: dict[str, Any], meta: Meta = None, *, version: str = "") -> dict[str, Any]:
    """A POLECAT-style PLOVER record: POLECAT's field names; lists stay JSON arrays."""
    loc = e.get("location") or {}
    kind = (loc.get("kind") or "").lower()
    meta = meta or {}
    rec: dict[str, Any] = {
        "Event ID": e.get("id"),
        "Event Date": known_date(e),
        "Event Type": e.get("event"),
        "Event Mode": e.get("mode") or None,
        "Intensity": e.get("goldstein"),
        "Quad Code": e.get("quad"),
        "Contexts": list(e.get("context") or []),
    }
    rec.update(_polecat_side(e.get("actor") or [], "Actor"))
    rec.update(_polecat_side(e.get("recipient") or [], "Recipient"))
    rec.update(
        {
            "Placename": loc.get("name"),
            "City": loc.get("name") if kind in _CITY_KINDS else None,
            "District": None,
            "Province": loc.get("name") if kind in _PROVINCE_KINDS else None,
            "Country": country_name(loc.get("country")) if loc else None,
            "Latitude": loc.get("lat"),
            "Longitude": loc.get("lon"),
            "GeoNames ID": loc.get("geonames_id"),
            "Raw Placename": loc.get("text"),
            "Feature Type": loc.get("kind"),
            "Source": meta.get("source"),
            "Publication Date": meta.get("date"),
            "Story People": _entities(e, {"PERSON"}),
            "Story Organizations": _entities(e, {"ORG", "NORP"}),
            "Story Locations": _entities(e, {"GPE", "LOC", "FAC"}),
            "Language": "en",
            "Version": version or e.get("coder"),
        }
    )
    return rec


# -- GDELT 2.0 event table -----------------------------------------------------------------------------

_GDELT_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GDELT_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _GDELT_ACTOR),
    *(f"Actor2{c}" for c in _GDELT_ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GDELT_GEO),
    *(f"Actor2Geo_{c}" for c in _GDELT_GEO),
    *(f"ActionGeo_{c}" for c in _GDELT_GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

# An event whose evidence sentence starts this early in the article is in its lead ("root event").
ROOT_EVENT_CHARS = 400


def gdelt_event_id(event_id: str) -> int:
    """A positive 60-bit integer for GDELT's numeric GLOBALEVENTID, stable for a tieline event id."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _gdelt_actor(a: dict[str, Any]) -> list[Any]:
    if not a:
        return [""] * len(_GDELT_ACTOR)
    kind = a.get("kind")
    code = a.get("code") or ""
    known = code[3:6] if kind == "igo" and code.startswith("IGO") else ""
    return [
        code,
        (a.get("name") or "").upper(),
        country_cameo(a.get("country")) if kind != "igo" else "",
        known,
        "",
        "",
        "",
        a.get("sector") or "",
        "",
        "",
    ]


def _gdelt_geo_type(loc: dict[str, Any]) -> int:
    """GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state; 0 none."""
    if not loc:
        return 0
    kind = (loc.get("kind") or "").lower()
    us = loc.get("country") == "USA"
    if kind == "country" or loc.get("precision") == "country":
        return 1
    if kind in _CITY_KINDS or loc.get("precision") in ("city", "exact"):
        return 3 if us else 4
    if kind in _PROVINCE_KINDS or loc.get("precision") == "region":
        return 2 if us else 5
    return 1 if loc.get("country") else 0


def _num(value: Any) -> Any:
    return "" if value is None else value


def gdelt_row(e: dict[str, Any], meta: Meta = None) -> list[Any]:
    """One GDELT 2.0 event-table row (61 columns, in order); see docs/exports.md for the mapping."""
    d = _date(known_date(e))
    cameo = str(e.get("cameo") or "")
    loc = e.get("location") or {}
    ev = e.get("evidence") or {}
    meta = meta or {}
    sources = event_sources(e)
    coded_at = str(meta.get("coded_at") or "")
    added = "".join(ch for ch in coded_at if ch.isdigit())[:14]
    if d is not None:
        day_of_year = d.timetuple().tm_yday
        days_in_year = 366 if (d.year % 4 == 0 and (d.year % 100 != 0 or d.year % 400 == 0)) else 365
        fraction: Any = round(d.year + day_of_year / days_in_year, 4)
    else:
        fraction = ""
    geo_type = _gdelt_geo_type(loc)
    action_geo = [
        geo_type,
        loc.get("name") or "",
        country_cameo(loc.get("country")) if loc else "",
        "",
        "",
        _num(loc.get("lat")),
        _num(loc.get("lon")),
        _num(loc.get("geonames_id")),
    ]
    start = ev.get("start")
    return [
        gdelt_event_id(str(e.get("id"))),
        d.strftime("%Y%m%d") if d else "",
        d.strftime("%Y%m") if d else "",
        d.year if d else "",
        fraction,
        *_gdelt_actor(_first(e.get("actor") or [])),
        *_gdelt_actor(_first(e.get("recipient") or [])),
        1 if isinstance(start, int) and start < ROOT_EVENT_CHARS else 0,
        cameo,
        cameo[:3],
        cameo[:2],
        _num(e.get("quad")),
        _num(e.get("goldstein")),
        len(e.get("mentions") or []) or 1,
        len(sources),
        len(sources),
        "",
        0, "", "", "", "", "", "", "",
        0, "", "", "", "", "", "", "",
        *action_geo,
        added,
        meta.get("url") or meta.get("source") or e.get("article_id") or "",
    ]  # fmt: skip


# -- ICEWS coded event data ------------------------------------------------------------------------------

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
)  # fmt: skip


def _icews_side(side: list[dict[str, Any]]) -> list[Any]:
    a = _first(side)
    sectors = ",".join(dict.fromkeys(str(x.get("sector")) for x in side if x.get("sector")))
    return [a.get("name") or "", sectors, country_name(a.get("country")) or ""]


def icews_row(e: dict[str, Any], meta: Meta = None, *, cameo_name: str = "") -> list[Any]:
    """One ICEWS event row (20 columns, in order); see docs/exports.md for the mapping."""
    loc = e.get("location") or {}
    kind = (loc.get("kind") or "").lower()
    meta = meta or {}
    src_name, src_sectors, src_country = _icews_side(e.get("actor") or [])
    tgt_name, tgt_sectors, tgt_country = _icews_side(e.get("recipient") or [])
    return [
        e.get("id") or "",
        known_date(e) or "",
        src_name,
        src_sectors,
        src_country,
        cameo_name,
        e.get("cameo") or "",
        _num(e.get("goldstein")),
        tgt_name,
        tgt_sectors,
        tgt_country,
        e.get("article_id") or "",
        "",
        meta.get("source") or "",
        loc.get("name") or "" if kind in _CITY_KINDS else "",
        "",
        loc.get("name") or "" if kind in _PROVINCE_KINDS else "",
        country_name(loc.get("country")) or "" if loc else "",
        _num(loc.get("lat")),
        _num(loc.get("lon")),
    ]
