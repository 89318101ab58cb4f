"""The actor knowledge base: countries, organisations, armed groups, sectors, titles and people.

Knowledge lives in versioned YAML files under ``tieline/actors/data/``; this module loads them
once into an immutable :class:`KnowledgeBase`, checks their schema (raising
:class:`tieline.errors.DataFileError` naming the file and entry) and offers exact, normalised
look-ups of surface strings.

Normalisation (see :func:`normalise`): Unicode NFKC, diacritics removed, curly quotes folded to
``'``, dashes folded to ``-``, whitespace collapsed, case folded and a leading ``the `` removed.
Short all-capital acronyms (three letters or fewer, e.g. ``US``, ``UN``, ``IS``, ``WHO``), and any
alias listed under ``case_sensitive`` in ``ambiguity.yaml``, only match when the text has the same
capitals, so the pronoun "us" is never the United States.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import importlib.resources
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tieline.errors import DataFileError

__all__ = [
    "AliasHit",
    "ArmedGroup",
    "Country",
    "KnowledgeBase",
    "Organisation",
    "Person",
    "Role",
    "Seat",
    "Sector",
    "TitleRole",
    "load_kb",
    "normalise",
]

ORG_KINDS = frozenset({"igo", "ngo", "mission", "court", "company", "media", "party", "agency", "other"})
GROUP_SECTORS = frozenset({"REB", "MIL", "INS", "UAF", "CRM", "OPP", "SEP"})
ALIAS_KINDS = (
    "country",
    "demonym",
    "capital",
    "seat",
    "org",
    "armed_group",
    "person",
    "title",
    "sector",
)
# Roles that only one person (per country or organisation) holds at a time.
UNIQUE_ROLES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "vice_president",
        "defence_minister",
        "foreign_minister",
        "chief_of_defence",
        "un_secretary_general",
        "org_head",
        "supreme_leader",
    }
)

_ISO3 = re.compile(r"^[A-Z]{3}$")
_CAMEO = re.compile(r"^[A-Z]{3}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_SECTOR = re.compile(r"^[A-Z]{3}$")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{2,15}$")

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u0060": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u0131": "i",  # dotless i (Turkish)
        "\u00f8": "o",
        "\u00d8": "O",
        "\u0142": "l",
        "\u0141": "L",
        "\u00df": "ss",
        "\u00e6": "ae",
        "\u00c6": "AE",
        "\u0111": "d",
        "\u0110": "D",
    }
)
_WS = re.compile(r"\s+")
# libyaml's safe loader when PyYAML was built with it (much faster), else the pure-Python one
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Fold quotes, dashes and diacritics and collapse whitespace; keeps case (cached: a pure function of a
    string, and the same surfaces recur)."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _WS.sub(" ", text).strip()


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """The case-insensitive look-up key of a surface string (cached, like ``_fold``)."""
    return _LEADING_THE.sub("", _fold(text)).casefold()


@functools.lru_cache(maxsize=65536)
def _strip_the(text: str) -> str:
    return _LEADING_THE.sub("", _fold(text))


def _is_short_acronym(alias: str) -> bool:
    """All-capital aliases of up to three letters ("US", "IS-K", "M23"), and mixed-case
    abbreviations of up to four letters with a capital after the first letter ("LeT", "JeM",
    "BiH"), which would otherwise fold into ordinary words."""
    if " " in alias.strip():
        return False
    letters = [ch for ch in alias if ch.isalpha()]
    if not letters:
        return False
    if len(letters) <= 3 and all(ch.isupper() for ch in letters):
        return True
    mixed = not all(ch.isupper() for ch in letters)
    return mixed and len(letters) <= 4 and any(ch.isupper() for ch in letters[1:])


# ---------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class Seat:
    """A seat of power that stands for a government body ("the Pentagon said")."""

    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str


@dataclass(frozen=True)
class Country:
    iso3: str
    cameo: str
    name: str
    official: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[Seat, ...]
    region: str
    subregion: str
    kind: str = "state"  # state | territory | partially_recognised


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    code: str
    sector: str | None
    country: str | None
    members: tuple[str, ...]
    parent: str | None
    active: tuple[_dt.date | None, _dt.date | None] | None


@dataclass(frozen=True)
class ArmedGroup:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    code: str
    affiliation: str | None
    types: tuple[str, ...]
    countries: tuple[str, ...] = ()  # other countries of operation


@dataclass(frozen=True)
class Role:
    """A dated office. ``country`` is an ISO3 code; offices in an organisation or armed group set
    ``org`` (an organisations.yaml or armed_groups.yaml id) instead."""

    country: str | None
    role: str
    title: str | None
    start: _dt.date
    end: _dt.date | None
    approx: bool = False
    org: str | None = None
    acting: bool = False

    def active_on(self, d: _dt.date) -> bool:
        """True when the office was held on ``d`` (start and end days included)."""
        return self.start <= d and (self.end is None or d <= self.end)

    @property
    def holder_of(self) -> str:
        return self.country or self.org or ""


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    wikidata: str | None
    roles: tuple[Role, ...]

    def roles_on(self, d: _dt.date) -> list[Role]:
        return [r for r in self.roles if r.active_on(d)]


@dataclass(frozen=True)
class TitleRole:
    """A role key with its sector and the title phrases that name it.

    Generic titles ("minister", "general") have ``key == "generic"``.
    """

    key: str
    sector: str
    titles: tuple[str, ...]


@dataclass(frozen=True)
class Sector:
    code: str
    name: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class AliasHit:
    kind: str  # one of ALIAS_KINDS
    entry: object  # Country | Seat | Organisation | ArmedGroup | Person | TitleRole | Sector
    alias: str  # the alias as written in the data file
    ambiguous: bool = False  # the alias is also an ordinary word or another place


# ---------------------------------------------------------------------------------------------
# Schema checking helpers


class _Checker:
    """Reads fields of one entry and raises DataFileError naming file and entry."""

    def __init__(self, file: str, entry: str, raw: Any) -> None:
        self.file = file
        self.entry = entry
        if not isinstance(raw, Mapping):
            self.fail(f"expected a mapping, got {type(raw).__name__}")
        self.raw: Mapping[str, Any] = raw

    def fail(self, what: str) -> None:
        raise DataFileError(f"{self.file}: entry {self.entry}: {what}")

    def check_keys(self, allowed: Iterable[str]) -> None:
        extra = sorted(set(self.raw) - set(allowed))
        if extra:
            self.fail(f"unknown field(s) {', '.join(map(str, extra))}")

    def str_(self, key: str, *, required: bool = True, pattern: re.Pattern[str] | None = None) -> str | None:
        value = self.raw.get(key)
        if value is None:
            if required:
                self.fail(f"missing required field '{key}'")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"field '{key}' must be a non-empty string, got {value!r}")
        assert isinstance(value, str)
        if pattern is not None and not pattern.match(value):
            self.fail(f"field '{key}' has bad value {value!r} (expected {pattern.pattern})")
        return value.strip()

    def req(self, key: str, *, pattern: re.Pattern[str] | None = None) -> str:
        value = self.str_(key, required=True, pattern=pattern)
        assert value is not None
        return value

    def strs(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(f"field '{key}' must be a list of non-empty strings, got {value!r}")
        return tuple(v.strip() for v in value)

    def bool_(self, key: str) -> bool:
        value = self.raw.get(key, False)
        if not isinstance(value, bool):
            self.fail(f"field '{key}' must be true or false, got {value!r}")
        return bool(value)

    def date_(self, key: str, *, required: bool) -> _dt.date | None:
        value = self.raw.get(key)
        return _to_date(value, key, required, self.fail)


def _to_date(value: Any, key: str, required: bool, fail: Any) -> _dt.date | None:
    if value is None:
        if required:
            fail(f"missing required date '{key}'")
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    fail(f"field '{key}' must be an ISO date YYYY-MM-DD, got {value!r}")
    return None


def _read_yaml(path: Path, label: str) -> Mapping[str, Any]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # a safe loader
    except FileNotFoundError as exc:
        raise DataFileError(f"{label}: file not found") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{label}: not valid YAML: {exc}") from exc
    if not isinstance(raw, Mapping):
        raise DataFileError(f"{label}: top level must be a mapping with 'version' and entries")
    if "version" not in raw or not isinstance(raw["version"], int | str):
        raise DataFileError(f"{label}: missing top-level 'version'")
    return raw


def _entries(raw: Mapping[str, Any], key: str, label: str) -> list[Any]:
    value = raw.get(key)
    if not isinstance(value, list):
        raise DataFileError(f"{label}: top-level '{key}' must be a list")
    return value


def _default_data_dir() -> Path:
    return Path(str(importlib.resources.files("tieline") / "actors" / "data"))


# ---------------------------------------------------------------------------------------------
# The knowledge base


@dataclass(frozen=True)
class _Index:
    """Look-up tables built once from the records."""

    folded: Mapping[str, tuple[AliasHit, ...]]  # normalise(alias) -> hits
    exact: Mapping[str, tuple[AliasHit, ...]]  # case-sensitive alias (leading 'the' removed) -> hits
    titles: Mapping[str, TitleRole]
    sector_cues: Mapping[str, str]
    codes: Mapping[str, str]  # iso3 / cameo -> iso3
    org_codes: Mapping[str, str]  # organisation / armed group code -> id
    # (role, holder_of) -> (person, that person's roles of this key), people in ``KnowledgeBase.people`` order
    offices: Mapping[tuple[str, str], tuple[tuple[Person, tuple[Role, ...]], ...]] = field(
        default_factory=dict
    )


@dataclass(frozen=True)
class KnowledgeBase:
    version: str
    countries: dict[str, Country]
    organisations: dict[str, Organisation]
    armed_groups: dict[str, ArmedGroup]
    people: dict[str, Person]
    sectors: dict[str, Sector]
    title_roles: dict[str, TitleRole]
    generic_titles: dict[str, TitleRole]
    ambiguous_aliases: frozenset[str]
    case_sensitive_aliases: frozenset[str]
    files: tuple[str, ...] = ()
    # country names that are also US states ("Georgia"), and the words that say the state is meant
    us_state_aliases: frozenset[str] = frozenset()
    us_state_cues: frozenset[str] = frozenset()
    us_state_places: frozenset[str] = frozenset()
    _index: _Index = field(default=None, repr=False, compare=False)  # type: ignore[assignment]

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, data_dir: Path | None = None) -> KnowledgeBase:
        """Read and schema-check every data file; raise DataFileError on the first bad entry."""
        base = Path(data_dir) if data_dir is not None else _default_data_dir()
        digest = hashlib.sha256()
        versions: list[str] = []
        files: list[str] = []

        def read(rel: str) -> Mapping[str, Any]:
            path = base / rel
            raw = _read_yaml(path, rel)
            digest.update(rel.encode())
            digest.update(path.read_bytes())
            versions.append(f"{rel}={raw['version']}")
            files.append(rel)
            return raw

        amb_path = base / "ambiguity.yaml"
        ambiguous: set[str] = set()
        case_sensitive: set[str] = set()
        us_states: set[str] = set()
        us_cues: set[str] = set()
        us_places: set[str] = set()
        if amb_path.exists():
            raw = read("ambiguity.yaml")
            for key, target in (
                ("ambiguous_aliases", ambiguous),
                ("case_sensitive", case_sensitive),
                ("us_state_aliases", us_states),
                ("us_state_cues", us_cues),
                ("us_state_places", us_places),
            ):
                value = raw.get(key, [])
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise DataFileError(f"ambiguity.yaml: '{key}' must be a list of strings")
                target.update(value)

        countries = _load_countries(read("countries.yaml"), "countries.yaml")
        known = set(countries)
        orgs = _load_orgs(read("organisations.yaml"), "organisations.yaml", known)
        groups = _load_groups(read("armed_groups.yaml"), "armed_groups.yaml", known)
        sectors = _load_sectors(read("sectors.yaml"), "sectors.yaml")
        titles, generic = _load_titles(read("titles.yaml"), "titles.yaml", set(sectors))
        people: dict[str, Person] = {}
        people_dir = base / "people"
        if not people_dir.is_dir():
            raise DataFileError("people/: folder not found")
        for path in sorted(people_dir.glob("*.yaml")):
            rel = f"people/{path.name}"
            for person in _load_people(read(rel), rel, known, set(orgs) | set(groups), set(titles)):
                if person.id in people:
                    raise DataFileError(f"{rel}: entry {person.id}: duplicate person id")
                people[person.id] = person
        for org in orgs.values():
            if org.parent is not None and org.parent not in orgs:
                raise DataFileError(f"organisations.yaml: entry {org.id}: unknown parent '{org.parent}'")
        for group in groups.values():
            if group.affiliation is not None and group.affiliation not in groups:
                raise DataFileError(
                    f"armed_groups.yaml: entry {group.id}: unknown affiliation '{group.affiliation}'"
                )
        version = ";".join(versions) + ";sha256=" + digest.hexdigest()[:12]
        kb = cls(
            version=version,
            countries=countries,
            organisations=orgs,
            armed_groups=groups,
            people=people,
            sectors=sectors,
            title_roles=titles,
            generic_titles=generic,
            ambiguous_aliases=frozenset(normalise(a) for a in ambiguous),
            case_sensitive_aliases=frozenset(_strip_the(a) for a in case_sensitive),
            files=tuple(files),
            us_state_aliases=frozenset(normalise(a) for a in us_states),
            us_state_cues=frozenset(c.lower() for c in us_cues),
            us_state_places=frozenset(c.lower() for c in us_places),
        )
        object.__setattr__(kb, "_index", kb._build_index())
        return kb

    def _hits(self) -> Iterator[tuple[str, str, object]]:
        for c in self.countries.values():
            for a in _uniq((c.name, c.official, *c.aliases)):
                yield a, "country", c
            for a in c.demonyms:
                yield a, "demonym", c
            for a in c.capitals:
                yield a, "capital", c
            for s in c.seats:
                for a in _uniq((s.name, *s.aliases)):
                    yield a, "seat", s
        for o in self.organisations.values():
            for a in _uniq((o.name, *o.aliases)):
                yield a, "org", o
        for g in self.armed_groups.values():
            for a in _uniq((g.name, *g.aliases)):
                yield a, "armed_group", g
        for p in self.people.values():
            for a in _uniq((p.name, *p.aliases)):
                yield a, "person", p
        for t in self.title_roles.values():
            for a in t.titles:
                yield a, "title", t
        for sec in self.sectors.values():
            for a in sec.cues:
                yield a, "sector", sec

    def _build_index(self) -> _Index:
        folded: dict[str, list[AliasHit]] = {}
        exact: dict[str, list[AliasHit]] = {}
        for alias, kind, entry in self._hits():
            key_folded = normalise(alias)
            hit = AliasHit(kind, entry, alias, key_folded in self.ambiguous_aliases)
            if self._is_case_sensitive(alias):
                bucket = exact.setdefault(_strip_the(alias), [])
            else:
                bucket = folded.setdefault(key_folded, [])
            if not any(h.kind == kind and h.entry is entry for h in bucket):
                bucket.append(hit)
        titles: dict[str, TitleRole] = {}
        for t in self.title_roles.values():
            for a in t.titles:
                titles.setdefault(normalise(a), t)
        for key, t in self.generic_titles.items():
            titles.setdefault(key, t)
        cues: dict[str, str] = {}
        for s in self.sectors.values():
            for a in s.cues:
                cues.setdefault(normalise(a), s.code)
        codes: dict[str, str] = {}
        for c in self.countries.values():
            codes[c.iso3] = c.iso3
        for c in self.countries.values():
            codes.setdefault(c.cameo, c.iso3)
        org_codes: dict[str, str] = {}
        for g in self.armed_groups.values():
            org_codes.setdefault(g.code, g.id)
        for o in self.organisations.values():
            org_codes[o.code] = o.id
        offices: dict[tuple[str, str], dict[str, tuple[Person, list[Role]]]] = {}
        for p in self.people.values():
            for r in p.roles:
                slot = offices.setdefault((r.role, r.holder_of), {})
                slot.setdefault(p.id, (p, []))[1].append(r)
        return _Index(
            offices={k: tuple((p, tuple(rs)) for p, rs in v.values()) for k, v in offices.items()},
            org_codes=org_codes,
            folded={k: tuple(v) for k, v in folded.items()},
            exact={k: tuple(v) for k, v in exact.items()},
            titles=titles,
            sector_cues=cues,
            codes=codes,
        )

    def _is_case_sensitive(self, alias: str) -> bool:
        stripped = _strip_the(alias)
        return _is_short_acronym(stripped) or stripped in self.case_sensitive_aliases

    # -- look-ups --------------------------------------------------------------------------

    def country(self, code: str | None) -> Country | None:
        """A country by ISO3 or CAMEO code (case-insensitive); None for None or an unknown code."""
        if not code:
            return None
        iso3 = self._index.codes.get(code.strip().upper())
        return self.countries.get(iso3) if iso3 else None

    def lookup(self, text: str) -> list[AliasHit]:
        """Every entry whose alias equals ``text`` after normalisation (see module docstring)."""
        hits = self._lookup(text)
        if not hits:
            # a possessive ("Kenya's", "the Houthis'") names the same entry
            folded = _fold(text)
            for suffix in ("'s", "'"):
                if folded.endswith(suffix) and len(folded) > len(suffix) + 1:
                    return self._lookup(folded[: -len(suffix)])
        return hits

    def _lookup(self, text: str) -> list[AliasHit]:
        stripped = _strip_the(text)
        hits = list(self._index.exact.get(stripped, ()))
        for hit in self._index.folded.get(normalise(text), ()):
            if not any(h.kind == hit.kind and h.entry is hit.entry for h in hits):
                hits.append(hit)
        return hits

    def iter_aliases(self) -> Iterator[tuple[str, AliasHit]]:
        """Every (surface alias, hit) pair, for building a phrase matcher."""
        for alias, kind, entry in self._hits():
            yield alias, AliasHit(kind, entry, alias, normalise(alias) in self.ambiguous_aliases)

    def is_case_sensitive(self, alias: str) -> bool:
        """True when ``alias`` only matches text with the same capitals (``US``, ``WHO``)."""
        return self._is_case_sensitive(alias)

    def person(self, id: str) -> Person | None:
        return self.people.get(id)

    def organisation(self, id: str) -> Organisation | None:
        return self.organisations.get(id)

    def armed_group(self, id: str) -> ArmedGroup | None:
        return self.armed_groups.get(id)

    def role_owner(self, r: Role) -> tuple[str | None, str, bool]:
        """Who an office belongs to, for coding its holder: ``(country, code, is_org)``.

        A national office gives its ISO3 country and CAMEO country code (the caller appends the sector:
        ``KEN`` -> ``KENGOV``). An office in an organisation or armed group (``Role.org``: the UN
        Secretary-General, NATO's Secretary General, Hamas's political chief) gives that body's country (often
        none) and its own code (``IGOUNO``, ``PSEREBHMS``), which is not extended by a sector."""
        if r.country:
            c = self.country(r.country)
            return r.country, (c.cameo or c.iso3) if c else r.country, False
        if r.org:
            o = self.organisations.get(r.org)
            if o is not None:
                return o.country, o.code or "", True
            g = self.armed_groups.get(r.org)
            if g is not None:
                return g.country, g.code or "", True
        return None, "", False

    def person_home(self, p: Person) -> tuple[str | None, str]:
        """``(country, code)`` of a known person on no particular office: the one country of their national
        roles; for someone whose roles all belong to one organisation, its country and code; else nothing."""
        countries = {r.country for r in p.roles if r.country}
        if len(countries) == 1:
            only = countries.pop()
            c = self.country(only)
            return only, (c.cameo or c.iso3) if c else ""
        if not countries:
            owners = {r.org for r in p.roles if r.org}
            if len(owners) == 1:
                org_country, code, _ = self.role_owner(next(r for r in p.roles if r.org))
                return org_country, code
        return None, ""

    def holders(self, country: str, role: str, on: _dt.date) -> list[Person]:
        """People who held ``role`` for ``country`` on ``on``.

        ``country`` is an ISO3 or CAMEO country code, or an organisation or armed group id or code
        ("un", "IGOUNO", "hezbollah").
        """
        target = self._index.codes.get(country.strip().upper())
        if target is None:
            target = self._index.org_codes.get(country.strip().upper(), country.strip().lower())
        return [
            p
            for p, roles in self._index.offices.get((role, target), ())
            if any(r.active_on(on) for r in roles)
        ]

    def title_role(self, text: str | None) -> TitleRole | None:
        """The role a title phrase names: "Defense Secretary" -> defence_minister.

        Leading "the", "acting", "interim", "caretaker", possessives ("his", "her") and a leading
        country name or demonym ("Kenyan Defence Cabinet Secretary") are ignored. A role key
        itself ("defence_minister", "military commander") also names its role.
        """
        if not text or not text.strip():
            return None
        as_key = _WS.sub("_", text.strip().lower())
        if as_key in self.title_roles:
            return self.title_roles[as_key]
        words = normalise(text).split()
        while words and words[0] in {"acting", "interim", "caretaker", "his", "her", "its", "their", "the"}:
            words = words[1:]
        if not words:
            return None
        key = " ".join(words)
        if key in self._index.titles:
            return self._index.titles[key]
        # drop a leading country name / demonym of up to four words
        original = _strip_the(text).split()
        for n in range(1, min(4, len(words) - 1) + 1):
            head = " ".join(original[:n]) if len(original) == len(words) else " ".join(words[:n])
            if any(h.kind in {"country", "demonym"} for h in self.lookup(head)):
                rest = " ".join(words[n:])
                if rest in self._index.titles:
                    return self._index.titles[rest]
        return None

    def sector_of(self, word: str) -> str | None:
        """The sector code a cue word or phrase names: "troops" -> MIL, "militiamen" -> REB."""
        key = normalise(word)
        cues = self._index.sector_cues
        if key in cues:
            return cues[key]
        for suffix, repl in (("men", "man"), ("women", "woman"), ("ies", "y"), ("es", ""), ("s", "")):
            if key.endswith(suffix) and len(key) > len(suffix) + 2:
                cand = key[: -len(suffix)] + repl
                if cand in cues:
                    return cues[cand]
        return None

    # -- checks ----------------------------------------------------------------------------

    def validate(self) -> list[str]:
        """Consistency problems beyond the schema check; an empty list means all is well."""
        problems: list[str] = []
        known = set(self.countries)
        cameo_seen: dict[str, str] = {}
        for c in self.countries.values():
            if c.cameo in cameo_seen and cameo_seen[c.cameo] != c.iso3:
                problems.append(f"countries: {c.iso3} and {cameo_seen[c.cameo]} share cameo code {c.cameo}")
            cameo_seen[c.cameo] = c.iso3
            for s in c.seats:
                if s.sector not in self.sectors:
                    problems.append(f"countries: {c.iso3} seat {s.name}: unknown sector {s.sector}")
        # two countries sharing a name-like alias must be declared ambiguous
        owners: dict[str, set[str]] = {}
        for alias, hit in self.iter_aliases():
            if hit.kind in {"country", "capital", "demonym"}:
                assert isinstance(hit.entry, Country)
                key = alias if self._is_case_sensitive(alias) else normalise(alias)
                owners.setdefault(key, set()).add(hit.entry.iso3)
        for key, isos in sorted(owners.items()):
            if len(isos) > 1 and normalise(key) not in self.ambiguous_aliases:
                problems.append(
                    f"countries: alias '{key}' names {sorted(isos)} but is not listed as ambiguous"
                )
        org_codes: dict[str, str] = {}
        for o in self.organisations.values():
            for m in o.members:
                if m not in known:
                    problems.append(f"organisations: {o.id}: unknown member {m}")
            if o.sector is not None and o.sector not in self.sectors:
                problems.append(f"organisations: {o.id}: unknown sector {o.sector}")
            if o.code in org_codes:
                problems.append(f"organisations: {o.id} and {org_codes[o.code]} share code {o.code}")
            org_codes[o.code] = o.id
            if o.active and o.active[0] and o.active[1] and o.active[1] < o.active[0]:
                problems.append(f"organisations: {o.id}: active end before start")
        for g in self.armed_groups.values():
            for code in (g.country, *g.countries):
                if code not in known:
                    problems.append(f"armed_groups: {g.id}: unknown country {code}")
            if g.id in self.organisations:
                problems.append(f"armed_groups: {g.id}: id also used by an organisation")
        by_slot: dict[tuple[str, str], list[tuple[Role, Person]]] = {}
        for p in self.people.values():
            for r in p.roles:
                if r.end is not None and r.end < r.start:
                    problems.append(f"people: {p.id}: role {r.role} ends {r.end} before it starts {r.start}")
                if r.country is not None and r.country not in known:
                    problems.append(f"people: {p.id}: unknown country {r.country}")
                if r.org is not None and r.org not in self.organisations and r.org not in self.armed_groups:
                    problems.append(f"people: {p.id}: unknown organisation {r.org}")
                if r.role not in self.title_roles:
                    problems.append(f"people: {p.id}: unknown role key {r.role}")
                if r.role in UNIQUE_ROLES:
                    by_slot.setdefault((r.holder_of, r.role), []).append((r, p))
        for (holder, role), items in sorted(by_slot.items()):
            items.sort(key=lambda rp: rp[0].start)
            for i, (r1, p1) in enumerate(items):
                for r2, p2 in items[i + 1 :]:
                    if p1 is p2 or r1.acting or r2.acting:
                        # an acting holder may serve while the holder is suspended
                        continue
                    end1 = r1.end or _dt.date.max
                    # sharing the hand-over day is fine; more than that is an overlap
                    if r2.start < end1:
                        problems.append(
                            f"people: {holder} {role}: {p1.id} ({r1.start}..{r1.end}) overlaps "
                            f"{p2.id} ({r2.start}..{r2.end})"
                        )
        return problems

    def stats(self) -> dict[str, int]:
        roles = sum(len(p.roles) for p in self.people.values())
        seats = sum(len(c.seats) for c in self.countries.values())
        return {
            "countries": len(self.countries),
            "seats": seats,
            "organisations": len(self.organisations),
            "armed_groups": len(self.armed_groups),
            "people": len(self.people),
            "roles": roles,
            "sectors": len(self.sectors),
            "title_roles": len(self.title_roles),
            "aliases": sum(1 for _ in self._hits()),
        }


def _uniq(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


# ---------------------------------------------------------------------------------------------
# File readers


def _load_countries(raw: Mapping[str, Any], label: str) -> dict[str, Country]:
    out: dict[str, Country] = {}
    for i, item in enumerate(_entries(raw, "countries", label)):
        name = item.get("iso3", f"#{i}") if isinstance(item, Mapping) else f"#{i}"
        ck = _Checker(label, str(name), item)
        ck.check_keys(
            {
                "iso3", "cameo", "name", "official", "aliases", "demonyms", "capitals",
                "seats", "region", "subregion", "kind",
            }
        )  # fmt: skip
        iso3 = ck.req("iso3", pattern=_ISO3)
        if iso3 in out:
            ck.fail("duplicate iso3 code")
        seats: list[Seat] = []
        raw_seats = item.get("seats") or []
        if not isinstance(raw_seats, list):
            ck.fail("field 'seats' must be a list")
        for j, s in enumerate(raw_seats):
            sk = _Checker(label, f"{iso3} seat #{j}", s)
            sk.check_keys({"name", "aliases", "sector"})
            seats.append(
                Seat(
                    name=sk.req("name"),
                    aliases=sk.strs("aliases"),
                    country=iso3,
                    sector=sk.req("sector", pattern=_SECTOR),
                )
            )
        kind = ck.str_("kind", required=False) or "state"
        if kind not in {"state", "territory", "partially_recognised", "observer"}:
            ck.fail(f"unknown kind {kind!r}")
        out[iso3] = Country(
            iso3=iso3,
            cameo=ck.str_("cameo", required=False, pattern=_CAMEO) or iso3,
            name=ck.req("name"),
            official=ck.str_("official", required=False) or ck.req("name"),
            aliases=ck.strs("aliases"),
            demonyms=ck.strs("demonyms"),
            capitals=ck.strs("capitals"),
            seats=tuple(seats),
            region=ck.req("region"),
            subregion=ck.str_("subregion", required=False) or "",
            kind=kind,
        )
    return out


def _load_orgs(raw: Mapping[str, Any], label: str, known: set[str]) -> dict[str, Organisation]:
    out: dict[str, Organisation] = {}
    for i, item in enumerate(_entries(raw, "organisations", label)):
        name = item.get("id", f"#{i}") if isinstance(item, Mapping) else f"#{i}"
        ck = _Checker(label, str(name), item)
        ck.check_keys(
            {"id", "name", "aliases", "kind", "code", "sector", "country", "members", "parent", "active"}
        )
        oid = ck.req("id", pattern=_ID)
        if oid in out:
            ck.fail("duplicate id")
        kind = ck.req("kind")
        if kind not in ORG_KINDS:
            ck.fail(f"unknown kind {kind!r} (expected one of {sorted(ORG_KINDS)})")
        country = ck.str_("country", required=False, pattern=_ISO3)
        if country is not None and country not in known:
            ck.fail(f"unknown country {country}")
        members = ck.strs("members")
        for m in members:
            if m not in known:
                ck.fail(f"unknown member country {m}")
        active_raw = item.get("active")
        active: tuple[_dt.date | None, _dt.date | None] | None = None
        if active_raw is not None:
            if not isinstance(active_raw, list) or len(active_raw) != 2:
                ck.fail("field 'active' must be [start, end] (either may be null)")
            active = (
                _to_date(active_raw[0], "active[0]", False, ck.fail),
                _to_date(active_raw[1], "active[1]", False, ck.fail),
            )
        out[oid] = Organisation(
            id=oid,
            name=ck.req("name"),
            aliases=ck.strs("aliases"),
            kind=kind,
            code=ck.req("code", pattern=_CODE),
            sector=ck.str_("sector", required=False, pattern=_SECTOR),
            country=country,
            members=members,
            parent=ck.str_("parent", required=False, pattern=_ID),
            active=active,
        )
    return out


def _load_groups(raw: Mapping[str, Any], label: str, known: set[str]) -> dict[str, ArmedGroup]:
    out: dict[str, ArmedGroup] = {}
    for i, item in enumerate(_entries(raw, "armed_groups", label)):
        name = item.get("id", f"#{i}") if isinstance(item, Mapping) else f"#{i}"
        ck = _Checker(label, str(name), item)
        ck.check_keys(
            {"id", "name", "aliases", "country", "countries", "sector", "code", "affiliation", "types"}
        )
        gid = ck.req("id", pattern=_ID)
        if gid in out:
            ck.fail("duplicate id")
        country = ck.req("country", pattern=_ISO3)
        if country not in known:
            ck.fail(f"unknown country {country}")
        others = ck.strs("countries")
        for c in others:
            if c not in known:
                ck.fail(f"unknown country {c} in 'countries'")
        sector = ck.req("sector", pattern=_SECTOR)
        if sector not in GROUP_SECTORS:
            ck.fail(f"sector {sector} not one of {sorted(GROUP_SECTORS)}")
        out[gid] = ArmedGroup(
            id=gid,
            name=ck.req("name"),
            aliases=ck.strs("aliases"),
            country=country,
            sector=sector,
            code=ck.req("code", pattern=_CODE),
            affiliation=ck.str_("affiliation", required=False, pattern=_ID),
            types=ck.strs("types"),
            countries=others,
        )
    return out


def _load_sectors(raw: Mapping[str, Any], label: str) -> dict[str, Sector]:
    out: dict[str, Sector] = {}
    for i, item in enumerate(_entries(raw, "sectors", label)):
        name = item.get("code", f"#{i}") if isinstance(item, Mapping) else f"#{i}"
        ck = _Checker(label, str(name), item)
        ck.check_keys({"code", "name", "cues", "note"})
        code = ck.req("code", pattern=_SECTOR)
        if code in out:
            ck.fail("duplicate sector code")
        cues = ck.strs("cues")
        out[code] = Sector(code=code, name=ck.req("name"), cues=cues)
    seen: dict[str, str] = {}
    for s in out.values():
        for cue in s.cues:
            key = normalise(cue)
            if key in seen and seen[key] != s.code:
                raise DataFileError(f"{label}: entry {s.code}: cue '{cue}' also listed under {seen[key]}")
            seen[key] = s.code
    return out


def _load_titles(
    raw: Mapping[str, Any], label: str, sectors: set[str]
) -> tuple[dict[str, TitleRole], dict[str, TitleRole]]:
    roles: dict[str, TitleRole] = {}
    for i, item in enumerate(_entries(raw, "roles", label)):
        name = item.get("key", f"#{i}") if isinstance(item, Mapping) else f"#{i}"
        ck = _Checker(label, str(name), item)
        ck.check_keys({"key", "sector", "titles", "note"})
        key = ck.req("key", pattern=re.compile(r"^[a-z][a-z0-9_]*$"))
        if key in roles:
            ck.fail("duplicate role key")
        sector = ck.req("sector", pattern=_SECTOR)
        if sector not in sectors:
            ck.fail(f"unknown sector {sector}")
        roles[key] = TitleRole(key=key, sector=sector, titles=ck.strs("titles"))
    seen: dict[str, str] = {}
    for r in roles.values():
        for t in r.titles:
            k = normalise(t)
            if k in seen and seen[k] != r.key:
                raise DataFileError(f"{label}: entry {r.key}: title '{t}' also listed under {seen[k]}")
            seen[k] = r.key
    generic: dict[str, TitleRole] = {}
    for i, item in enumerate(_entries(raw, "generic", label)):
        ck = _Checker(label, f"generic #{i}", item)
        ck.check_keys({"title", "sector"})
        title = ck.req("title")
        sector = ck.req("sector", pattern=_SECTOR)
        if sector not in sectors:
            ck.fail(f"unknown sector {sector}")
        k = normalise(title)
        if k in seen:
            ck.fail(f"generic title '{title}' is also a title of role {seen[k]}")
        generic[k] = TitleRole(key="generic", sector=sector, titles=(title,))
    return roles, generic


def _load_people(
    raw: Mapping[str, Any], label: str, countries: set[str], orgs: set[str], roles: set[str]
) -> list[Person]:
    out: list[Person] = []
    seen: set[str] = set()
    for i, item in enumerate(_entries(raw, "people", label)):
        name = item.get("id", f"#{i}") if isinstance(item, Mapping) else f"#{i}"
        ck = _Checker(label, str(name), item)
        ck.check_keys({"id", "name", "aliases", "wikidata", "roles", "note"})
        pid = ck.req("id", pattern=_ID)
        if pid in seen:
            ck.fail("duplicate id")
        seen.add(pid)
        raw_roles = item.get("roles")
        if not isinstance(raw_roles, list) or not raw_roles:
            ck.fail("field 'roles' must be a non-empty list")
        assert isinstance(raw_roles, list)
        role_list: list[Role] = []
        for j, r in enumerate(raw_roles):
            rk = _Checker(label, f"{pid} role #{j}", r)
            rk.check_keys({"country", "org", "role", "title", "start", "end", "approx", "acting"})
            country = rk.str_("country", required=False, pattern=_ISO3)
            org = rk.str_("org", required=False, pattern=_ID)
            if (country is None) == (org is None):
                rk.fail("give exactly one of 'country' or 'org'")
            if country is not None and country not in countries:
                rk.fail(f"unknown country {country}")
            if org is not None and org not in orgs:
                rk.fail(f"unknown organisation {org}")
            role_key = rk.req("role")
            if role_key not in roles:
                rk.fail(f"unknown role key {role_key!r} (add it to titles.yaml)")
            start = rk.date_("start", required=True)
            end = rk.date_("end", required=False)
            assert start is not None
            if end is not None and end < start:
                rk.fail(f"end {end} is before start {start}")
            role_list.append(
                Role(
                    country=country,
                    role=role_key,
                    title=rk.str_("title", required=False),
                    start=start,
                    end=end,
                    approx=rk.bool_("approx"),
                    org=org,
                    acting=rk.bool_("acting"),
                )
            )
        out.append(
            Person(
                id=pid,
                name=ck.req("name"),
                aliases=ck.strs("aliases"),
                wikidata=ck.str_("wikidata", required=False, pattern=_QID),
                roles=tuple(role_list),
            )
        )
    return out


@functools.lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The knowledge base from the packaged data files, loaded once."""
    return KnowledgeBase.load()
