"""Readable names for party keys (countries, organisation and armed-group codes) from the knowledge base."""

from __future__ import annotations

import functools
from collections.abc import Mapping

__all__ = ["country_cameo", "party_name"]


@functools.lru_cache(maxsize=1)
def _names() -> Mapping[str, str]:
    from tieline.actors.kb import load_kb

    kb = load_kb()
    by_code: dict[str, set[str]] = {}
    for org in kb.organisations.values():
        by_code.setdefault(org.code, set()).add(org.name)
    for group in kb.armed_groups.values():
        by_code.setdefault(group.code, set()).add(group.name)
    # A code shared by several groups (e.g. one CAMEO rebel code) names none of them.
    names = {code: next(iter(found)) for code, found in by_code.items() if len(found) == 1}
    for iso3, country in kb.countries.items():
        names[iso3] = country.name
    return names


@functools.lru_cache(maxsize=1)
def _cameo() -> Mapping[str, str]:
    from tieline.actors.kb import load_kb

    return {iso3: c.cameo for iso3, c in load_kb().countries.items()}


def party_name(code: str | None) -> str | None:
    """``KEN`` -> ``Kenya``; an organisation or armed-group code with one holder -> its name; else ``code``."""
    if not code:
        return None
    return _names().get(code, code)


def country_name(iso3: str | None) -> str | None:
    return party_name(iso3) if iso3 else None


def country_cameo(iso3: str | None) -> str:
    """The CAMEO country code for an ISO alpha-3 code (they differ for a few countries); ``""`` for none."""
    if not iso3:
        return ""
    return _cameo().get(iso3, iso3)
