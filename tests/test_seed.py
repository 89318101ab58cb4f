"""The seed article: every required event of ../shared/seed/expected_events.json, none of the forbidden ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.model, pytest.mark.shared]

HOSTILE = {"ACCUSE", "THREATEN", "SANCTION", "COERCE", "ASSAULT"}


def _matches(side: list[dict[str, Any]], wanted: list[str]) -> bool:
    want = {w.lower() for w in wanted}
    for a in side:
        names = {str(a.get("country") or "").lower(), a["name"].lower(), a["code"].lower()}
        if names & want:
            return True
    return False


def _fits(e: dict[str, Any], req: dict[str, Any]) -> bool:
    if e["event"] not in req["event"] or e["cameo"][:2] not in req["cameo_root"]:
        return False
    if "date_year" in req and not e["date"].startswith(str(req["date_year"])):
        return False
    direct = _matches(e["actor"], req["actor"]) and _matches(e["recipient"], req["recipient"])
    if direct:
        return True
    return (
        bool(req.get("reciprocal"))
        and _matches(e["actor"], req["recipient"])
        and _matches(e["recipient"], req["actor"])
    )


@pytest.fixture(scope="module")
def seed(shared: Path, pipe: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    import datetime as dt

    from tieline.ingest import read_paths

    expected = json.loads((shared / "seed" / "expected_events.json").read_text())
    [article] = list(
        read_paths([shared / "seed" / "000_89a71c71ea64b755.txt"], default_date=dt.date(2024, 1, 24))
    )
    events = [e.to_dict() for e in pipe.code(article)]
    return expected, events


def test_every_required_event(seed: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
    expected, events = seed
    missing = [r["name"] for r in expected["required"] if not any(_fits(e, r) for e in events)]
    assert not missing, f"missing: {missing}"


def test_no_forbidden_event(seed: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
    _, events = seed
    for e in events:
        actor = {a["country"] for a in e["actor"]}
        recipient = {a["country"] for a in e["recipient"]}
        assert not ("RUS" in actor and recipient & {"KEN", "USA"}), e["reason"]
        if e["event"] in HOSTILE:
            assert not ((actor | recipient) >= {"USA", "KEN"} and not (actor | recipient) - {"USA", "KEN"}), (
                e["reason"]
            )
        assert "Keep Reading" not in e["evidence"]["text"]
        if "Westgate" in e["evidence"]["text"] and e["event"] == "ASSAULT":
            assert e["date"].startswith("2013")


def test_seed_actors_resolve(seed: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
    _, events = seed
    people = {
        a["name"]: a
        for e in events
        for side in ("actor", "recipient")
        for a in e[side]
        if a["kind"] == "person"
    }
    assert people["Lloyd Austin"]["country"] == "USA"
    assert people["Aden Bare Duale"]["country"] == "KEN"
    assert "Defence" in people["Aden Bare Duale"].get("role", "") or "Defense" in people[
        "Aden Bare Duale"
    ].get("role", "")
