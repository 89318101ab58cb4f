"""Where it happened: an offline gazetteer, place resolution in context, and event geolocation.

* :class:`Geocoder` (``Geocoder.load()`` or the cached :func:`load_geocoder`) resolves a place name
  to a :class:`Place` with coordinates, kind, country and precision, or None for an unknown name.
* :func:`enrich` fills a coder :class:`tieline.model.Location` with coordinates and precision;
  :func:`dateline_place` reads the place of an article's dateline ("NAIROBI, March 4 (Reuters) -")
  for the fallback; :func:`article_place` falls back further to the article's most-named place.
* :func:`events_to_geojson` turns event dicts into a GeoJSON FeatureCollection.
"""

from __future__ import annotations

from .export import events_to_geojson
from .gazetteer import KINDS, PRECISIONS, Geocoder, Place, countries_in, load_geocoder, place_key
from .locate import article_place, dateline_end, dateline_place, enrich, place_to_location

__all__ = [
    "KINDS",
    "PRECISIONS",
    "Geocoder",
    "Place",
    "article_place",
    "countries_in",
    "dateline_end",
    "dateline_place",
    "enrich",
    "events_to_geojson",
    "load_geocoder",
    "place_key",
    "place_to_location",
]
