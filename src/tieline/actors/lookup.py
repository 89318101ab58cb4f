"""Who a name is on a date, and why: the library behind ``tieline actors lookup``.

:func:`lookup` takes a surface string as a journalist would write it — a person ("Duale"), a country,
demonym, capital or seat of power ("Kenyan", "Nairobi", "the Pentagon"), an organisation or its acronym
("ATMIS"), an armed group alias ("Ansar Allah"), or a title phrase ("the US Secretary of Defense",
"Kenyan defence minister", "NATO Secretary General") — and returns every knowledge-base reading of it
as a :class:`LookupResult`: its kind, the CAMEO-style code the resolver gives it, the role a person held
on the date (with start and end), the Wikidata QID where known, and for a title qualified by a country
or organisation the people who held that office on the date.

Codes are derived as :class:`tieline.actors.resolver.Resolver` derives them (country CAMEO code +
sector; an organisation's or armed group's own code); ``tests/actors/test_actor_commands.py`` checks
the two agree. A role is only claimed on a date inside its start and end days; otherwise the result
says "no office on that date".
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from .kb import (
    AliasHit,
    ArmedGroup,
    Country,
    KnowledgeBase,
    Organisation,
    Person,
    Role,
    Seat,
    Sector,
    TitleRole,
)

__all__ = ["Holding", "LookupResult", "lookup"]

# how many leading words of a title phrase may name its country or organisation ("United Arab Emirates")
_MAX_PREFIX_WORDS = 4
_PLACE_KINDS = ("country", "demonym")
_OWNER_KINDS = ("country", "demonym", "org", "armed_group")


@dataclass(frozen=True)
class Holding:
    """One dated office of a person, as the knowledge base records it."""

    role: str  # role key (titles.yaml)
    title: str | None
    holder_of: str  # ISO3 country code or organisation / armed group id
    start: _dt.date
    end: _dt.date | None
    acting: bool = False
    approx: bool = False

    @classmethod
    def of(cls, r: Role) -> Holding:
        return cls(r.role, r.title, r.holder_of, r.start, r.end, r.acting, r.approx)

    def span(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat() if self.end else 'present'}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "title": self.title,
            "of": self.holder_of,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "acting": self.acting,
            "approx": self.approx,
        }


@dataclass(frozen=True)
class LookupResult:
    """One reading of the looked-up text."""

    query: str
    kind: str  # knowledge-base kind: country demonym capital seat org armed_group person title sector
    entity_id: str  # "country:KEN", "person:aden-duale", "title:defence_minister@KEN" ...
    name: str
    actor_kind: str  # the Actor kind the resolver gives: state person igo armed_group org sector
    country: str | None
    sector: str | None
    code: str  # CAMEO-style code the resolver gives on the date ('' when it gives none)
    why: str
    date: _dt.date | None = None
    alias: str | None = None  # the alias (as written in the data file) that matched
    ambiguous: bool = False
    wikidata: str | None = None
    role: Holding | None = None  # a person's office on the date (None: no office on that date)
    roles: tuple[Holding, ...] = ()  # every office of a person
    role_key: str | None = None  # for a title: the role it names
    holders: tuple[LookupResult, ...] = field(default=())  # for a title: who held it on the date

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "kind": self.kind,
            "id": self.entity_id,
            "name": self.name,
            "actor_kind": self.actor_kind,
            "country": self.country,
            "sector": self.sector,
            "code": self.code,
            "date": self.date.isoformat() if self.date else None,
            "alias": self.alias,
            "ambiguous": self.ambiguous,
            "wikidata": self.wikidata,
            "role": self.role.to_dict() if self.role else None,
            "roles": [r.to_dict() for r in self.roles],
            "role_key": self.role_key,
            "holders": [h.to_dict() for h in self.holders],
            "why": self.why,
        }


def _cameo(kb: KnowledgeBase, code: str | None) -> str:
    """As ``Resolver.cameo_country``: the CAMEO country code for an ISO3 code, '' when unknown."""
    c = kb.country(code) if code else None
    return (c.cameo or c.iso3) if c else ""


def _role_sector(kb: KnowledgeBase, r: Role) -> str:
    tr = kb.title_role(r.title) or kb.title_role(r.role.replace("_", " "))
    return tr.sector if tr else "GOV"


def person_result(
    kb: KnowledgeBase, p: Person, date: _dt.date | None, *, query: str, why: str, alias: str | None = None
) -> LookupResult:
    """A person on a date, coded as ``Resolver._person_actor`` codes them."""
    roles = tuple(Holding.of(r) for r in p.roles)
    active = p.roles_on(date) if date else []
    if active:
        r = active[0]
        sector = _role_sector(kb, r)
        country, base, is_org = kb.role_owner(r)
        return LookupResult(
            query=query,
            kind="person",
            entity_id=f"person:{p.id}",
            name=p.name,
            actor_kind="person",
            country=country,
            sector=sector,
            code=base if is_org else f"{base}{sector}",
            why=f"{why}; {r.title or r.role} of {r.holder_of} on {date} ({Holding.of(r).span()})",
            date=date,
            alias=alias,
            wikidata=p.wikidata,
            role=Holding.of(r),
            roles=roles,
        )
    country, home_code = kb.person_home(p)
    tail = "no date given, so no office is claimed" if date is None else f"no office on that date ({date})"
    return LookupResult(
        query=query,
        kind="person",
        entity_id=f"person:{p.id}",
        name=p.name,
        actor_kind="person",
        country=country,
        sector=None,
        code=home_code,
        why=f"{why}; {tail}",
        date=date,
        alias=alias,
        wikidata=p.wikidata,
        role=None,
        roles=roles,
    )


def _hit_result(kb: KnowledgeBase, hit: AliasHit, query: str, date: _dt.date | None) -> LookupResult:
    """One alias hit, coded as ``Resolver._actor_from_hit`` codes it."""
    e = hit.entry
    common: dict[str, Any] = {"query": query, "date": date, "alias": hit.alias, "ambiguous": hit.ambiguous}
    said = f"'{hit.alias}' is an alias of"
    if isinstance(e, Country) and hit.kind in ("country", "demonym"):
        return LookupResult(
            kind=hit.kind,
            entity_id=f"country:{e.iso3}",
            name=e.name,
            actor_kind="state",
            country=e.iso3,
            sector=None,
            code=e.cameo or e.iso3,
            why=f"{said} {e.name} ({hit.kind})",
            **common,
        )
    if isinstance(e, Country) and hit.kind == "capital":
        return LookupResult(
            kind="capital",
            entity_id=f"country:{e.iso3}",
            name=e.name,
            actor_kind="state",
            country=e.iso3,
            sector="GOV",
            code=f"{e.cameo or e.iso3}GOV",
            why=f"'{hit.alias}' is the capital of {e.name}, standing for its government",
            **common,
        )
    if isinstance(e, Seat):
        cc = _cameo(kb, e.country) or e.country
        return LookupResult(
            kind="seat",
            entity_id=f"seat:{e.name}",
            name=e.name,
            actor_kind="state",
            country=e.country,
            sector=e.sector,
            code=f"{cc}{e.sector or ''}",
            why=f"'{hit.alias}' is a seat of power in {e.country} ({e.sector})",
            **common,
        )
    if isinstance(e, Organisation):
        return LookupResult(
            kind="org",
            entity_id=f"org:{e.id}",
            name=e.name,
            actor_kind="igo" if e.kind in ("igo", "mission", "court") else "org",
            country=e.country,
            sector=e.sector,
            code=e.code or "",
            why=f"{said} organisation {e.id} ({e.kind})",
            **common,
        )
    if isinstance(e, ArmedGroup):
        return LookupResult(
            kind="armed_group",
            entity_id=f"group:{e.id}",
            name=e.name,
            actor_kind="armed_group",
            country=e.country,
            sector=e.sector or "REB",
            code=e.code or "",
            why=f"{said} armed group {e.id} (home {e.country})",
            **common,
        )
    if isinstance(e, Person):
        return person_result(kb, e, date, query=query, why=f"{said} person {e.id}", alias=hit.alias)
    if isinstance(e, TitleRole):
        return LookupResult(
            kind="title",
            entity_id=f"title:{e.key}",
            name=hit.alias,
            actor_kind="person",
            country=None,
            sector=e.sector,
            code="",
            why=f"'{hit.alias}' is a title of role {e.key}; name a country or organisation to find who held it",
            role_key=e.key,
            **common,
        )
    if isinstance(e, Sector):
        return LookupResult(
            kind="sector",
            entity_id=f"sector:{e.code}",
            name=e.name,
            actor_kind="sector",
            country=None,
            sector=e.code,
            code=e.code,
            why=f"'{hit.alias}' is a cue word of sector {e.code} ({e.name})",
            **common,
        )
    raise TypeError(f"unexpected knowledge-base entry {e!r}")  # pragma: no cover


def _owner(hit: AliasHit) -> tuple[str, str, str] | None:
    """(holder key for ``kb.holders``, display name, kind) of a country/demonym/org/group hit."""
    e = hit.entry
    if isinstance(e, Country):
        return e.iso3, e.name, "country"
    if isinstance(e, Organisation):
        return e.id, e.name, "org"
    if isinstance(e, ArmedGroup):
        return e.id, e.name, "armed_group"
    return None


def _split_owner(kb: KnowledgeBase, words: list[str]) -> list[tuple[list[AliasHit], str, str]]:
    """Ways to read ``words`` as OWNER + REST ("US" + "Secretary of Defense") or REST + of + OWNER."""
    out: list[tuple[list[AliasHit], str, str]] = []
    n_words = len(words)
    for n in range(1, min(_MAX_PREFIX_WORDS, n_words - 1) + 1):
        head = " ".join(words[:n])
        hits = [h for h in kb.lookup(head) if h.kind in _OWNER_KINDS]
        if hits:
            out.append((hits, head, " ".join(words[n:])))
    for n in range(1, min(_MAX_PREFIX_WORDS, n_words - 2) + 1):
        if words[-n - 1].lower() != "of":
            continue
        tail = " ".join(words[-n:])
        hits = [h for h in kb.lookup(tail) if h.kind in _OWNER_KINDS]
        if hits:
            out.append((hits, tail, " ".join(words[: -n - 1])))
    return out


def _qualified(kb: KnowledgeBase, text: str, date: _dt.date | None) -> list[LookupResult]:
    """Readings of a title or sector word qualified by a country or organisation."""
    words = text.replace("\u2019", "'").split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    out: list[LookupResult] = []
    seen: set[str] = set()
    for hits, owner_text, rest in _split_owner(kb, words):
        tr = kb.title_role(rest)
        sector = None if tr else kb.sector_of(rest)
        if tr is None and sector is None:
            continue
        for hit in hits:
            owner = _owner(hit)
            if owner is None:
                continue
            key, owner_name, owner_kind = owner
            country = key if owner_kind == "country" else None
            if tr is not None and tr.key != "generic":
                eid = f"title:{tr.key}@{key}"
                if eid in seen:
                    continue
                seen.add(eid)
                out.append(_title_result(kb, text, date, tr, key, owner_name, owner_text, rest, country))
            elif tr is not None or sector is not None:
                sec = tr.sector if tr is not None else sector
                assert sec is not None
                eid = f"sector:{sec}@{key}"
                if eid in seen or country is None:
                    continue
                seen.add(eid)
                cc = _cameo(kb, country) or country
                out.append(
                    LookupResult(
                        query=text,
                        kind="sector",
                        entity_id=eid,
                        name=text,
                        actor_kind="sector" if tr is None else "person",
                        country=country,
                        sector=sec,
                        code=f"{cc}{sec}",
                        why=f"'{rest}' ({sec}) of {owner_name} ('{owner_text}')",
                        date=date,
                        ambiguous=hit.ambiguous,
                    )
                )
    return out


def _title_result(
    kb: KnowledgeBase,
    text: str,
    date: _dt.date | None,
    tr: TitleRole,
    key: str,
    owner_name: str,
    owner_text: str,
    rest: str,
    country: str | None,
) -> LookupResult:
    """A title of a country or organisation, with who held it on the date."""
    holders: tuple[LookupResult, ...] = ()
    if date is not None:
        holders = tuple(
            person_result(kb, p, date, query=text, why=f"held {tr.key} of {key} on {date}")
            for p in kb.holders(key, tr.key, date)
        )
    cc = _cameo(kb, country) or (country or "")
    if date is None:
        why = f"'{rest}' is the {tr.key} of {owner_name}; give a date to find who held it"
    elif holders:
        names = ", ".join(h.name for h in holders)
        why = f"'{rest}' is the {tr.key} of {owner_name}; on {date}: {names}"
    else:
        why = f"'{rest}' is the {tr.key} of {owner_name}; no office holder known on that date ({date})"
    code = holders[0].code if len(holders) == 1 else (f"{cc}{tr.sector}" if cc else "")
    return LookupResult(
        query=text,
        kind="title",
        entity_id=f"title:{tr.key}@{key}",
        name=f"{rest} ({owner_name})",
        actor_kind="person",
        country=country,
        sector=tr.sector,
        code=code,
        why=why,
        date=date,
        role_key=tr.key,
        holders=holders,
    )


def _implied_owner(kb: KnowledgeBase, role_key: str) -> tuple[str, str, str | None] | None:
    """(holder key, name, country) when every recorded holder of ``role_key`` held it for the same
    country or organisation (``un_secretary_general`` is always the UN's)."""
    owners = {r.holder_of for p in kb.people.values() for r in p.roles if r.role == role_key}
    if len(owners) != 1:
        return None
    key = owners.pop()
    c = kb.countries.get(key)
    if c is not None:
        return key, c.name, key
    o = kb.organisations.get(key) or kb.armed_groups.get(key)
    return (key, o.name, None) if o is not None else None


def lookup(kb: KnowledgeBase, text: str, date: _dt.date | None = None) -> list[LookupResult]:
    """Every reading of ``text`` in the knowledge base on ``date`` (None: no office is claimed).

    Direct alias hits come first (people, armed groups, organisations, seats, countries, capitals,
    demonyms, titles, sectors), then titles and sector words qualified by a country or organisation.
    An unqualified title that a qualified reading already covers is left out.
    """
    text = text.strip()
    if not text:
        return []
    rank = {"person": 0, "armed_group": 1, "org": 2, "seat": 3, "country": 4, "capital": 5, "demonym": 6}
    hits = sorted(kb.lookup(text), key=lambda h: rank.get(h.kind, 9))
    implied: list[LookupResult] = []
    for hit in hits:
        if isinstance(hit.entry, TitleRole):
            owner = _implied_owner(kb, hit.entry.key)
            if owner is not None:
                key, owner_name, country = owner
                implied.append(_title_result(kb, text, date, hit.entry, key, owner_name, "", text, country))
    # a title that names its own office ("UN Secretary-General") is not split into owner + title
    qualified = [] if implied else _qualified(kb, text, date)
    covered = {r.role_key for r in (*implied, *qualified) if r.kind == "title"}
    out: list[LookupResult] = []
    for hit in hits:
        if isinstance(hit.entry, TitleRole) and hit.entry.key in covered:
            continue
        out.append(_hit_result(kb, hit, text, date))
    out.extend(implied)
    out.extend(qualified)
    if not out:
        # "the minister", "Defence Minister": a generic or role title without an owner
        tr = kb.title_role(text)
        if tr is not None:
            out.append(
                LookupResult(
                    query=text,
                    kind="title",
                    entity_id=f"title:{tr.key}",
                    name=text,
                    actor_kind="person",
                    country=None,
                    sector=tr.sector,
                    code="",
                    why=f"'{text}' is a title ({tr.key}, {tr.sector}); name a country or organisation "
                    "to find who held it",
                    date=date,
                    role_key=tr.key,
                )
            )
    return out
