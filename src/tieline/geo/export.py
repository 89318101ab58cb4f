"""GeoJSON export of events (RFC 7946: coordinates are [longitude, latitude])."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["events_to_geojson"]


def _codes(side: Any) -> list[str]:
    if not isinstance(side, list):
        return []
    return [str(a.get("code") or "") for a in side if isinstance(a, Mapping)]


def events_to_geojson(events: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection with one Point feature per event whose location has coordinates.

    ``events`` are event records as from ``Event.to_dict()`` or the store. Events without a location or
    without coordinates are left out. Properties: id, article_id, date, event, cameo, quad, actor and
    recipient codes, location name, kind, country and precision."""
    features: list[dict[str, Any]] = []
    for e in events:
        loc = e.get("location")
        if not isinstance(loc, Mapping):
            continue
        lat, lon = loc.get("lat"), loc.get("lon")
        if lat is None or lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": e.get("id"),
                "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
                "properties": {
                    "id": e.get("id"),
                    "article_id": e.get("article_id"),
                    # the 1970-01-01 placeholder of an undated article is not a day (see export.rows)
                    "date": None if e.get("date_precision") == "unknown" else e.get("date"),
                    "event": e.get("event"),
                    "cameo": e.get("cameo"),
                    "quad": e.get("quad"),
                    "actor": _codes(e.get("actor")),
                    "recipient": _codes(e.get("recipient")),
                    "location": loc.get("name"),
                    "location_text": loc.get("text"),
                    "kind": loc.get("kind"),
                    "country": loc.get("country"),
                    "precision": loc.get("precision"),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
