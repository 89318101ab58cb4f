"""Refresh people and their dated offices from a Wikidata SPARQL result (``tieline actors import``).

The project never calls Wikidata itself. A user runs a query at https://query.wikidata.org/, downloads
the result as JSON ("Download" -> "JSON file"; the SPARQL 1.1 JSON results format) and imports it::

    tieline actors import result.json --out new_people/            # a people file for review
    tieline actors import result.json --merge --out merged_people/  # fold into the existing people

The query (``tieline actors import --print-query`` prints it). It asks for every statement of
*position held* (P39) on a position that is a kind of head of state (Q48352), head of government
(Q2285706) or minister (Q83307), with the statement's start (P580) and end (P582) qualifiers, the
position's country (P17) or jurisdiction (P1001) and that country's ISO 3166-1 alpha-3 code (P298).
Check the class QIDs on wikidata.org and narrow the query (one country: add
``?position wdt:P1001 wd:Q114.``; another class such as a chief of defence) before running it; the
public endpoint stops queries after 60 seconds::

    SELECT ?person ?personLabel ?position ?positionLabel ?start ?end ?country ?iso3 WHERE {
      VALUES ?class { wd:Q48352 wd:Q2285706 wd:Q83307 }
      ?position wdt:P279* ?class .
      ?person p:P39 ?held .
      ?held ps:P39 ?position .
      OPTIONAL { ?held pq:P580 ?start . }
      OPTIONAL { ?held pq:P582 ?end . }
      OPTIONAL { ?position wdt:P1001 ?jurisdiction . }
      OPTIONAL { ?position wdt:P17 ?positionCountry . }
      BIND(COALESCE(?jurisdiction, ?positionCountry) AS ?country)
      OPTIONAL { ?country wdt:P298 ?iso3 . }
      FILTER(!BOUND(?end) || ?end >= "2010-01-01T00:00:00Z"^^xsd:dateTime)
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en" . }
    }

Columns used: ``person`` (entity URI), ``personLabel``, ``position`` (entity URI), ``positionLabel``,
``start``, ``end`` (xsd:dateTime), ``iso3``. A position is mapped to a tieline role key by
``actors/data/wikidata_positions.yaml`` (position QIDs first, then label patterns, then the title
phrases of ``titles.yaml``). Rows that cannot be used are skipped with a reason (:data:`SKIP_REASONS`).

Output is a people file in the knowledge-base format (``actors/data/people/*.yaml``). Without
``--merge`` it holds every imported person (``wikidata.yaml``). With ``--merge`` the output folder
becomes a complete people folder: each imported person is matched to an existing one by QID, else by
a name or alias that names exactly one person; a matched person gains the QID, roles they lacked and
the end date of a role the knowledge base still has open; curated values are never overwritten (a
differing end date is reported as a conflict). Files with no change are copied as they are, changed
files are rewritten in the same layout with their header comments, and new people go to
``wikidata.yaml``.
"""

from __future__ import annotations

import datetime as _dt
import importlib.resources
import json
import re
import shutil
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataFileError, InputError
from .kb import KnowledgeBase, normalise

__all__ = [
    "SKIP_REASONS",
    "SPARQL_QUERY",
    "ImportResult",
    "ImportSkip",
    "PositionMap",
    "PositionRule",
    "dump_people",
    "import_people",
    "load_position_map",
    "read_people_dir",
    "read_sparql_json",
    "write_import",
]

# the query of the module docstring (a test checks the two agree)
SPARQL_QUERY = """\
SELECT ?person ?personLabel ?position ?positionLabel ?start ?end ?country ?iso3 WHERE {
  VALUES ?class { wd:Q48352 wd:Q2285706 wd:Q83307 }
  ?position wdt:P279* ?class .
  ?person p:P39 ?held .
  ?held ps:P39 ?position .
  OPTIONAL { ?held pq:P580 ?start . }
  OPTIONAL { ?held pq:P582 ?end . }
  OPTIONAL { ?position wdt:P1001 ?jurisdiction . }
  OPTIONAL { ?position wdt:P17 ?positionCountry . }
  BIND(COALESCE(?jurisdiction, ?positionCountry) AS ?country)
  OPTIONAL { ?country wdt:P298 ?iso3 . }
  FILTER(!BOUND(?end) || ?end >= "2010-01-01T00:00:00Z"^^xsd:dateTime)
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en" . }
}
"""

SKIP_REASONS = {
    "bad_row": "the row is not a mapping of SPARQL bindings",
    "bad_person": "no person entity URI",
    "no_label": "the person has no English label",
    "bad_position": "no position entity URI or label",
    "unmapped_position": "the position maps to no tieline role",
    "ignored_position": "the position is one tieline does not record (deputy, junior, shadow)",
    "no_start": "the office has no start date",
    "bad_date": "a start or end date is not a date",
    "end_before_start": "the office ends before it starts",
    "unknown_country": "no ISO3 code of a country the knowledge base knows",
    "before_since": "the office ended before --since",
    "duplicate": "the same person, office and start date again",
    "ambiguous_name": "the name matches more than one existing person",
}

NEW_FILE = "wikidata.yaml"
_ENTITY = re.compile(r"^https?://www\.wikidata\.org/entity/(Q[1-9][0-9]*)$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SAME_START_DAYS = 45  # two records of one office starting this close are the same term
_FILE_HEADER = (
    "# People imported from a Wikidata SPARQL result by `tieline actors import`.\n"
    "# Check each entry before committing it; see tieline/actors/wikidata.py.\n"
)


# ---------------------------------------------------------------------------------------------
# The position map


@dataclass(frozen=True)
class PositionRule:
    """Where a Wikidata position goes: a role key (None: not recorded) and, optionally, its owner."""

    role: str | None
    qid: str | None = None
    pattern: re.Pattern[str] | None = None
    country: str | None = None
    org: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class PositionMap:
    by_qid: Mapping[str, PositionRule]
    patterns: tuple[PositionRule, ...]
    version: str = ""

    def rule(self, kb: KnowledgeBase, qid: str, label: str) -> tuple[PositionRule | None, str]:
        """The rule for a position and how it was found ('qid', 'pattern', 'title' or '' when none)."""
        if qid in self.by_qid:
            return self.by_qid[qid], "qid"
        for rule in self.patterns:
            assert rule.pattern is not None
            if rule.pattern.search(label):
                return rule, "pattern"
        tr = kb.title_role(_bare_title(kb, label))
        if tr is not None and tr.key != "generic":
            return PositionRule(role=tr.key), "title"
        return None, ""


def _default_map_path() -> Path:
    return Path(str(importlib.resources.files("tieline") / "actors" / "data" / "wikidata_positions.yaml"))


def load_position_map(kb: KnowledgeBase, path: Path | None = None) -> PositionMap:
    """Read and check ``wikidata_positions.yaml`` (role keys, countries and organisations against ``kb``)."""
    path = Path(path) if path is not None else _default_map_path()
    label = path.name
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except FileNotFoundError as exc:
        raise DataFileError(f"{label}: file not found") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{label}: not valid YAML: {exc}") from exc
    if not isinstance(raw, Mapping) or "version" not in raw:
        raise DataFileError(f"{label}: top level must be a mapping with 'version', 'positions', 'patterns'")
    by_qid: dict[str, PositionRule] = {}
    patterns: list[PositionRule] = []
    for section in ("positions", "patterns"):
        items = raw.get(section)
        if not isinstance(items, list):
            raise DataFileError(f"{label}: top-level '{section}' must be a list")
        for i, item in enumerate(items):
            entry = f"{section} #{i}"
            if not isinstance(item, Mapping):
                raise DataFileError(f"{label}: entry {entry}: expected a mapping")

            def fail(what: str, entry: str = entry) -> DataFileError:
                return DataFileError(f"{label}: entry {entry}: {what}")

            key = "qid" if section == "positions" else "match"
            allowed = {key, "role", "country", "org", "title"}
            extra = sorted(set(item) - allowed)
            if extra:
                raise fail(f"unknown field(s) {', '.join(map(str, extra))}")
            for f in ("country", "org", "title"):
                if f in item and not (isinstance(item[f], str) and item[f].strip()):
                    raise fail(f"field '{f}' must be a non-empty string")
            role = item.get("role")
            if role is not None and (not isinstance(role, str) or role not in kb.title_roles):
                raise fail(f"unknown role key {role!r} (see titles.yaml)")
            if role is None and section == "positions":
                raise fail("a position needs a role")
            country, org = item.get("country"), item.get("org")
            if country is not None and (not _ISO3.match(country) or country not in kb.countries):
                raise fail(f"unknown country {country!r}")
            if org is not None and org not in kb.organisations and org not in kb.armed_groups:
                raise fail(f"unknown organisation {org!r}")
            if country is not None and org is not None:
                raise fail("give at most one of 'country' or 'org'")
            value = item.get(key)
            if not isinstance(value, str) or not value.strip():
                raise fail(f"missing '{key}'")
            if section == "positions":
                if not _QID.match(value):
                    raise fail(f"bad QID {value!r}")
                if value in by_qid:
                    raise fail(f"duplicate QID {value}")
                by_qid[value] = PositionRule(
                    role, qid=value, country=country, org=org, title=item.get("title")
                )
            else:
                try:
                    pattern = re.compile(value, re.IGNORECASE)
                except re.error as exc:
                    raise fail(f"bad regular expression {value!r}: {exc}") from exc
                patterns.append(
                    PositionRule(role, pattern=pattern, country=country, org=org, title=item.get("title"))
                )
    return PositionMap(by_qid, tuple(patterns), version=str(raw["version"]))


def _bare_title(kb: KnowledgeBase, label: str) -> str:
    """A position label without its country: "Minister of Defence of Kenya" -> "Minister of Defence",
    "United States Secretary of Defense" -> "Secretary of Defense", "Minister (Kenya)" -> "Minister"."""
    text = label.strip()
    m = re.match(r"^(.*?)\s*\(([^()]*)\)$", text)
    if m and _is_place(kb, m.group(2)):
        text = m.group(1)
    words = text.split()
    for n in range(min(4, len(words) - 2), 0, -1):
        if words[-n - 1].lower() == "of" and _is_place(kb, " ".join(words[-n:])):
            words = words[: -n - 1]
            break
    for n in range(min(4, len(words) - 1), 0, -1):
        if _is_place(kb, " ".join(words[:n])):
            words = words[n:]
            break
    return " ".join(words)


def _is_place(kb: KnowledgeBase, text: str) -> bool:
    return any(h.kind in ("country", "demonym") for h in kb.lookup(text))


# ---------------------------------------------------------------------------------------------
# Reading the SPARQL result


def read_sparql_json(path: Path) -> list[Any]:
    """The ``results.bindings`` rows of a SPARQL JSON result file (InputError when it is not one)."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: file not found") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not JSON: {exc}", hint="download the result as a JSON file") from exc
    return _bindings(raw, str(path))


def _bindings(raw: Any, label: str) -> list[Any]:
    rows = raw.get("results", {}).get("bindings") if isinstance(raw, Mapping) else None
    if not isinstance(rows, list):
        raise InputError(
            f"{label}: not a SPARQL JSON result (no results.bindings list)",
            hint="download the query result as JSON from query.wikidata.org",
        )
    return rows


def _value(row: Mapping[str, Any], var: str) -> str | None:
    cell = row.get(var)
    if not isinstance(cell, Mapping):
        return None
    value = cell.get("value")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _date(value: str) -> _dt.date:
    text = value.lstrip("+")
    if not re.match(r"^\d{4}-\d{2}-\d{2}", text):
        raise ValueError(value)
    return _dt.date.fromisoformat(text[:10])


# ---------------------------------------------------------------------------------------------
# Importing


@dataclass(frozen=True)
class ImportSkip:
    row: int  # 1-based row number in results.bindings (0: a whole person)
    reason: str  # a SKIP_REASONS key
    detail: str

    def line(self) -> str:
        where = f"row {self.row}" if self.row else "person"
        return f"skipped {where}: {self.reason} ({self.detail})"


@dataclass
class ImportResult:
    """People files to write (file name -> entries), and what happened."""

    files: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)
    new_people: list[str] = field(default_factory=list)
    updated_people: list[str] = field(default_factory=list)
    unchanged_people: list[str] = field(default_factory=list)
    roles_added: int = 0
    ends_filled: int = 0
    conflicts: list[str] = field(default_factory=list)
    skipped: list[ImportSkip] = field(default_factory=list)
    rows: int = 0
    merge: bool = False

    def summary(self) -> str:
        return (
            f"rows {self.rows} / skipped {len(self.skipped)} / new people {len(self.new_people)}"
            f" / updated {len(self.updated_people)} (roles added {self.roles_added}, ends filled "
            f"{self.ends_filled}) / unchanged {len(self.unchanged_people)} / conflicts {len(self.conflicts)}"
        )


@dataclass
class _Imported:
    qid: str
    name: str
    roles: list[dict[str, Any]]


def read_people_dir(people_dir: Path) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str]]:
    """The raw entries of every ``*.yaml`` people file in a folder, and each file's header comments."""
    files: dict[str, list[dict[str, Any]]] = {}
    headers: dict[str, str] = {}
    for path in sorted(Path(people_dir).glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        raw = yaml.load(text, Loader=_YAML_LOADER)
        if not isinstance(raw, Mapping) or not isinstance(raw.get("people"), list):
            raise DataFileError(f"people/{path.name}: top-level 'people' must be a list")
        files[path.name] = [dict(p) for p in raw["people"]]
        header = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            header.append(line)
        headers[path.name] = "\n".join(header) + "\n" if header else ""
    return files, headers


def import_people(
    rows: list[Any],
    kb: KnowledgeBase,
    *,
    positions: PositionMap | None = None,
    existing: Mapping[str, list[dict[str, Any]]] | None = None,
    headers: Mapping[str, str] | None = None,
    since: _dt.date | None = None,
) -> ImportResult:
    """Turn SPARQL rows into people-file entries; with ``existing`` (file -> raw entries), merge into them."""
    positions = positions if positions is not None else load_position_map(kb)
    result = ImportResult(rows=len(rows), merge=existing is not None)
    people = _collect(rows, kb, positions, since, result)
    files: dict[str, list[dict[str, Any]]] = {k: [dict(p) for p in v] for k, v in (existing or {}).items()}
    result.headers = dict(headers or {})
    taken = set(kb.people) | {str(p.get("id")) for entries in files.values() for p in entries}
    new_entries = files.setdefault(NEW_FILE, []) if existing is not None else []
    by_qid: dict[str, tuple[str, dict[str, Any]]] = {}
    by_name: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for fname, entries in files.items():
        for p in entries:
            if p.get("wikidata"):
                by_qid[str(p["wikidata"])] = (fname, p)
            for n in {normalise(str(a)) for a in [p.get("name", ""), *(p.get("aliases") or [])]}:
                by_name.setdefault(n, []).append((fname, p))
    for imp in people:
        roles = sorted(imp.roles, key=lambda r: r["start"])
        if existing is not None:
            match = by_qid.get(imp.qid)
            if match is None:
                found = by_name.get(normalise(imp.name), [])
                ids = {id(p) for _, p in found}
                if len(ids) > 1:
                    names = ", ".join(sorted(str(p.get("id")) for _, p in found))
                    result.skipped.append(ImportSkip(0, "ambiguous_name", f"{imp.name} {imp.qid}: {names}"))
                    continue
                match = found[0] if found else None
            if match is not None:
                fname, entry = match
                if _merge_into(entry, imp, roles, result):
                    result.changed.add(fname)
                    result.updated_people.append(str(entry["id"]))
                else:
                    result.unchanged_people.append(str(entry["id"]))
                continue
        pid = _unique_id(imp.name, imp.qid, taken)
        taken.add(pid)
        new_entries.append({"id": pid, "name": imp.name, "wikidata": imp.qid, "roles": roles})
        result.new_people.append(pid)
    if existing is None:
        files = {NEW_FILE: new_entries}
        result.changed.add(NEW_FILE)
    elif result.new_people:
        result.changed.add(NEW_FILE)
    if not files.get(NEW_FILE):
        files.pop(NEW_FILE, None)
        result.changed.discard(NEW_FILE)
    result.files = files
    return result


def _collect(
    rows: list[Any], kb: KnowledgeBase, positions: PositionMap, since: _dt.date | None, result: ImportResult
) -> list[_Imported]:
    people: dict[str, _Imported] = {}
    seen: set[tuple[str, str, str, _dt.date]] = set()
    for n, row in enumerate(rows, 1):

        def skip(reason: str, detail: str, n: int = n) -> None:
            result.skipped.append(ImportSkip(n, reason, detail))

        if not isinstance(row, Mapping):
            skip("bad_row", type(row).__name__)
            continue
        m = _ENTITY.match(_value(row, "person") or "")
        if m is None:
            skip("bad_person", repr(_value(row, "person")))
            continue
        qid = m.group(1)
        name = _value(row, "personLabel")
        if name is None or _QID.match(name):
            skip("no_label", qid)
            continue
        pm = _ENTITY.match(_value(row, "position") or "")
        plabel = _value(row, "positionLabel")
        if pm is None or plabel is None:
            skip("bad_position", f"{name}: {_value(row, 'position')!r} {plabel!r}")
            continue
        rule, _how = positions.rule(kb, pm.group(1), plabel)
        if rule is None:
            skip("unmapped_position", f"{name}: {plabel} ({pm.group(1)})")
            continue
        if rule.role is None:
            skip("ignored_position", f"{name}: {plabel} ({pm.group(1)})")
            continue
        start_raw, end_raw = _value(row, "start"), _value(row, "end")
        if start_raw is None:
            skip("no_start", f"{name}: {plabel}")
            continue
        try:
            start = _date(start_raw)
            end = _date(end_raw) if end_raw is not None else None
        except ValueError:
            skip("bad_date", f"{name}: {plabel}: start {start_raw!r} end {end_raw!r}")
            continue
        if end is not None and end < start:
            skip("end_before_start", f"{name}: {plabel}: {start} > {end}")
            continue
        if since is not None and end is not None and end < since:
            skip("before_since", f"{name}: {plabel} ended {end}")
            continue
        owner: dict[str, str]
        if rule.org is not None:
            owner = {"org": rule.org}
        else:
            iso3 = rule.country or (_value(row, "iso3") or "").upper()
            if iso3 not in kb.countries:
                skip("unknown_country", f"{name}: {plabel}: {iso3 or 'none'}")
                continue
            owner = {"country": iso3}
        key = (qid, next(iter(owner.values())), rule.role, start)
        if key in seen:
            skip("duplicate", f"{name}: {plabel} from {start}")
            continue
        seen.add(key)
        role: dict[str, Any] = {
            **owner,
            "role": rule.role,
            "title": rule.title or _bare_title(kb, plabel) or plabel,
            "start": start,
            "end": end,
        }
        people.setdefault(qid, _Imported(qid, name, [])).roles.append(role)
    return list(people.values())


def _merge_into(
    entry: dict[str, Any], imp: _Imported, roles: list[dict[str, Any]], result: ImportResult
) -> bool:
    """Fold imported roles into an existing raw entry; True when the entry changed."""
    changed = False
    if not entry.get("wikidata"):
        entry["wikidata"] = imp.qid
        changed = True
    have: list[dict[str, Any]] = [dict(r) for r in entry.get("roles") or []]
    for new in roles:
        same = next((r for r in have if _same_term(r, new)), None)
        if same is None:
            have.append(new)
            result.roles_added += 1
            changed = True
            continue
        old_end, new_end = _as_date(same.get("end")), new["end"]
        if old_end is None and new_end is not None:
            same["end"] = new_end
            result.ends_filled += 1
            changed = True
        elif old_end is not None and new_end is not None and old_end != new_end:
            result.conflicts.append(
                f"{entry['id']}: {new['role']} of {new.get('country') or new.get('org')} ends {old_end} "
                f"in the knowledge base, {new_end} on Wikidata (kept {old_end})"
            )
    if changed:
        have.sort(key=lambda r: _as_date(r.get("start")) or _dt.date.min)
        entry["roles"] = have
    return changed


def _as_date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _same_term(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    if old.get("role") != new["role"]:
        return False
    if (old.get("country"), old.get("org")) != (new.get("country"), new.get("org")):
        return False
    s1, s2 = _as_date(old.get("start")), new["start"]
    if s1 is None:
        return False
    if abs((s1 - s2).days) <= _SAME_START_DAYS:
        return True
    e1, e2 = _as_date(old.get("end")) or _dt.date.max, new["end"] or _dt.date.max
    return s1 <= e2 and s2 <= e1


def _unique_id(name: str, qid: str, taken: set[str]) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-") or qid.lower()
    return slug if slug not in taken else f"{slug}-{qid.lower()}"


# ---------------------------------------------------------------------------------------------
# Writing people files in the knowledge-base layout

_NOT_PLAIN = frozenset(',[]{}#&*!|>"%@`')
_ROLE_ORDER = ("country", "org", "role", "title", "start", "end", "approx", "acting")
_PERSON_ORDER = ("id", "name", "aliases", "wikidata", "note", "roles")


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    plain = (
        text[:1].isalnum()
        and not any(ch in _NOT_PLAIN for ch in text)
        and ": " not in text
        and not text.endswith((":", " "))
    )
    if plain and yaml.load(text, Loader=_YAML_LOADER) == text:
        return text
    return json.dumps(text, ensure_ascii=False)  # a double-quoted YAML scalar


def _flow(mapping: Mapping[str, Any], order: tuple[str, ...]) -> str:
    keys = [k for k in order if k in mapping] + [k for k in mapping if k not in order]
    parts = []
    for k in keys:
        v = mapping[k]
        if k in ("approx", "acting") and not v:
            continue
        parts.append(f"{k}: {_scalar(v)}")
    return "{" + ", ".join(parts) + "}"


def dump_people(entries: list[dict[str, Any]], header: str = "") -> str:
    """A people file: header comments, ``version: 1`` and one block per person, one line per role."""
    lines = [header.rstrip("\n")] if header.strip() else []
    lines += ["version: 1", "people:"]
    for p in entries:
        keys = [k for k in _PERSON_ORDER if k in p] + [k for k in p if k not in _PERSON_ORDER]
        first = True
        for k in keys:
            v = p[k]
            if v is None or (k == "aliases" and not v):
                continue
            lead = "- " if first else "  "
            first = False
            if k == "aliases":
                lines.append(f"{lead}aliases: [{', '.join(_scalar(a) for a in v)}]")
            elif k == "roles":
                lines.append(f"{lead}roles:")
                lines.extend(f"  - {_flow(r, _ROLE_ORDER)}" for r in v)
            else:
                lines.append(f"{lead}{k}: {_scalar(v)}")
    return "\n".join(lines) + "\n"


def write_import(result: ImportResult, out_dir: Path, source_dir: Path | None = None) -> list[Path]:
    """Write the changed people files into ``out_dir``; with ``source_dir`` (a merge) copy the unchanged
    ones so that ``out_dir`` is a complete people folder. Returns the files written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for fname, entries in sorted(result.files.items()):
        target = out_dir / fname
        if fname in result.changed:
            header = result.headers.get(fname) or _FILE_HEADER
            target.write_text(dump_people(entries, header), encoding="utf-8")
            written.append(target)
        elif source_dir is not None:
            src = Path(source_dir) / fname
            if src.exists() and src.resolve() != target.resolve():
                shutil.copyfile(src, target)
                written.append(target)
    return written
