"""The entity gazetteers and pattern lexicon: versioned YAML under ``tieline/entities/data/``.

``platforms.yaml`` and ``weapons.yaml`` list named platforms and weapons (id, name, aliases, type,
maker, country of origin); ``lexicon.yaml`` holds the word lists and pattern parts the recogniser
uses (generic nominal heads, designation prefixes, named-ship prefixes, unit, operation and
agreement patterns, nominal and pronoun mentions of people and groups). Every file is checked on
load; a wrong entry raises :class:`tieline.errors.DataFileError` naming the file and the entry.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from tieline.errors import DataFileError

__all__ = ["EntityData", "GazetteerEntry", "Lexicon", "load_entity_data"]

LABELS = ("MILITARY_PLATFORM", "WEAPON")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ENTRY_KEYS = {"id", "name", "aliases", "ambiguous", "type", "maker", "country"}


@dataclass(frozen=True)
class GazetteerEntry:
    """One named platform or weapon."""

    id: str
    label: str  # MILITARY_PLATFORM | WEAPON
    name: str
    aliases: tuple[str, ...]
    type: str
    maker: str | None
    country: str | None  # ISO 3166 alpha-3 of origin
    ambiguous: tuple[str, ...] = ()  # aliases that need a defence cue in the sentence


@dataclass(frozen=True)
class Lexicon:
    """Word lists and pattern parts from ``lexicon.yaml`` (see the file's comments)."""

    defence_cues: frozenset[str]
    nominal_heads: Mapping[str, str]  # word -> label
    needs_modifier: Mapping[str, frozenset[str]]
    head_blockers: Mapping[str, frozenset[str]]
    head_extensions: frozenset[str]
    designation_prefixes: Mapping[str, str]  # prefix -> label (first label listed wins)
    designation_exclude: frozenset[str]
    ship_prefixes: tuple[str, ...]
    unit_formations: tuple[str, ...]
    unit_services: tuple[str, ...]
    ordinal_words: tuple[str, ...]
    named_units: tuple[str, ...]
    operation_keywords: tuple[str, ...]
    named_exercises: tuple[str, ...]
    operation_cues: frozenset[str]
    agreement_heads: frozenset[str]
    agreement_capitalised_heads: frozenset[str]
    agreement_modified_heads: Mapping[str, frozenset[str]]
    named_agreements: tuple[str, ...]
    agreement_cues: frozenset[str]
    person_nouns: frozenset[str]
    group_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    place_nouns: frozenset[str]
    place_adverbs: frozenset[str]
    platform_modifiers: frozenset[str]
    use_nouns: frozenset[str]
    operation_heads: Mapping[str, frozenset[str]]  # word -> modifiers it needs (empty: none)


@dataclass(frozen=True)
class EntityData:
    entries: tuple[GazetteerEntry, ...]
    lexicon: Lexicon
    version: str  # short hash of the data files' versions and contents
    by_id: Mapping[str, GazetteerEntry] = field(default_factory=dict)


def _read(name: str) -> tuple[Mapping[str, Any], bytes]:
    path = importlib.resources.files("tieline") / "entities" / "data" / name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(f"entities/data/{name}: cannot read ({exc})") from exc
    try:
        data = yaml.load(raw, Loader=_LOADER)  # a safe loader (the C one when available)
    except yaml.YAMLError as exc:
        raise DataFileError(f"entities/data/{name}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"entities/data/{name}: expected a mapping at the top level")
    if not isinstance(data.get("version"), int):
        raise DataFileError(f"entities/data/{name}: missing integer `version:` field")
    return data, raw


def _fail(file: str, entry: str, what: str) -> DataFileError:
    return DataFileError(
        f"entities/data/{file}: entry {entry}: {what}", hint="fix the entry in the data file"
    )


def _strs(file: str, entry: str, value: Any, *, allow_empty: bool = True) -> tuple[str, ...]:
    if value is None and allow_empty:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise _fail(file, entry, "expected a list of strings")
    out = tuple(str(v) for v in value)
    if not out and not allow_empty:
        raise _fail(file, entry, "list is empty")
    if any(not v.strip() for v in out):
        raise _fail(file, entry, "empty string in list")
    return out


def parse_entries(file: str, data: Mapping[str, Any]) -> list[GazetteerEntry]:
    """Check and convert one gazetteer file (``platforms.yaml`` or ``weapons.yaml``)."""
    label = data.get("label")
    if label not in LABELS:
        raise DataFileError(
            f"entities/data/{file}: `label:` must be one of {', '.join(LABELS)}, got {label!r}"
        )
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise DataFileError(f"entities/data/{file}: `entries:` must be a non-empty list")
    out: list[GazetteerEntry] = []
    for n, e in enumerate(raw_entries, 1):
        where = f"#{n}"
        if not isinstance(e, dict):
            raise _fail(file, where, "expected a mapping")
        eid = e.get("id")
        if not isinstance(eid, str) or not _ID.match(eid):
            raise _fail(file, where, f"`id` must be lower-case letters, digits and hyphens, got {eid!r}")
        where = f"{eid!r}"
        unknown = set(e) - _ENTRY_KEYS
        if unknown:
            raise _fail(file, where, f"unknown keys {sorted(unknown)}")
        name = e.get("name")
        typ = e.get("type")
        if not isinstance(name, str) or not name.strip():
            raise _fail(file, where, "`name` is required")
        if not isinstance(typ, str) or not typ.strip():
            raise _fail(file, where, "`type` is required")
        aliases = _strs(file, where, e.get("aliases"), allow_empty=False)
        ambiguous = _strs(file, where, e.get("ambiguous"))
        country = e.get("country")
        if country is not None and (not isinstance(country, str) or not _ISO3.match(country)):
            raise _fail(file, where, f"`country` must be an ISO 3166 alpha-3 code or null, got {country!r}")
        maker = e.get("maker")
        if maker is not None and not isinstance(maker, str):
            raise _fail(file, where, "`maker` must be a string")
        out.append(
            GazetteerEntry(
                id=eid, label=str(label), name=name, aliases=aliases, type=typ, maker=maker,
                country=country, ambiguous=ambiguous,
            )
        )  # fmt: skip
    return out


def _words(file: str, data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    if key not in data:
        raise DataFileError(f"entities/data/{file}: missing `{key}:`")
    return _strs(file, key, data[key], allow_empty=False)


def _word_map(file: str, data: Mapping[str, Any], key: str) -> dict[str, frozenset[str]]:
    raw = data.get(key)
    if not isinstance(raw, dict):
        raise DataFileError(f"entities/data/{file}: `{key}:` must be a mapping of word -> list")
    return {str(k): frozenset(w.lower() for w in _strs(file, f"{key}.{k}", v)) for k, v in raw.items()}


def parse_lexicon(file: str, data: Mapping[str, Any]) -> Lexicon:
    """Check and convert ``lexicon.yaml``."""
    heads: dict[str, str] = {}
    raw_heads = data.get("nominal_heads")
    if not isinstance(raw_heads, dict):
        raise DataFileError(f"entities/data/{file}: `nominal_heads:` must map a label to a word list")
    for label, words in raw_heads.items():
        if label not in LABELS:
            raise _fail(file, f"nominal_heads.{label}", f"label must be one of {', '.join(LABELS)}")
        for w in _strs(file, f"nominal_heads.{label}", words, allow_empty=False):
            heads.setdefault(w.lower(), str(label))
    prefixes: dict[str, str] = {}
    raw_prefixes = data.get("designation_prefixes")
    if not isinstance(raw_prefixes, dict):
        raise DataFileError(
            f"entities/data/{file}: `designation_prefixes:` must map a label to a prefix list"
        )
    for label, words in raw_prefixes.items():
        if label not in LABELS:
            raise _fail(file, f"designation_prefixes.{label}", f"label must be one of {', '.join(LABELS)}")
        for w in _strs(file, f"designation_prefixes.{label}", words, allow_empty=False):
            prefixes.setdefault(w, str(label))

    def low(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in _words(file, data, key))

    return Lexicon(
        defence_cues=low("defence_cues"),
        nominal_heads=heads,
        needs_modifier=_word_map(file, data, "needs_modifier"),
        head_blockers=_word_map(file, data, "head_blockers"),
        head_extensions=low("head_extensions"),
        designation_prefixes=prefixes,
        designation_exclude=frozenset(_words(file, data, "designation_exclude")),
        ship_prefixes=_words(file, data, "ship_prefixes"),
        unit_formations=_words(file, data, "unit_formations"),
        unit_services=_words(file, data, "unit_services"),
        ordinal_words=_words(file, data, "ordinal_words"),
        named_units=_words(file, data, "named_units"),
        operation_keywords=_words(file, data, "operation_keywords"),
        named_exercises=_words(file, data, "named_exercises"),
        operation_cues=low("operation_cues"),
        agreement_heads=low("agreement_heads"),
        agreement_capitalised_heads=frozenset(_words(file, data, "agreement_capitalised_heads")),
        agreement_modified_heads=_word_map(file, data, "agreement_modified_heads"),
        named_agreements=_words(file, data, "named_agreements"),
        agreement_cues=low("agreement_cues"),
        person_nouns=low("person_nouns"),
        group_nouns=low("group_nouns"),
        person_pronouns=low("person_pronouns"),
        group_pronouns=low("group_pronouns"),
        place_nouns=low("place_nouns"),
        place_adverbs=low("place_adverbs"),
        platform_modifiers=low("platform_modifiers"),
        use_nouns=low("use_nouns"),
        operation_heads=_word_map(file, data, "operation_heads"),
    )


GAZETTEER_FILES = ("platforms.yaml", "weapons.yaml")


@functools.lru_cache(maxsize=1)
def load_entity_data() -> EntityData:
    """The packaged gazetteers and lexicon, checked and loaded once."""
    digest = hashlib.sha256()
    entries: list[GazetteerEntry] = []
    versions = []
    for name in GAZETTEER_FILES:
        data, raw = _read(name)
        digest.update(raw)
        versions.append(str(data["version"]))
        entries.extend(parse_entries(name, data))
    data, raw = _read("lexicon.yaml")
    digest.update(raw)
    versions.append(str(data["version"]))
    lexicon = parse_lexicon("lexicon.yaml", data)
    by_id: dict[str, GazetteerEntry] = {}
    for e in entries:
        if e.id in by_id:
            raise DataFileError(f"entities/data: entry id {e.id!r} is used twice")
        by_id[e.id] = e
    version = ".".join(versions) + "-" + digest.hexdigest()[:8]
    return EntityData(entries=tuple(entries), lexicon=lexicon, version=version, by_id=by_id)
