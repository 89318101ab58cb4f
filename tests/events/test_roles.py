"""Role filling that depends on the words of the object, not on the event type (events/data/roles.yaml)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def events(pipe: Any, text: str) -> list[dict[str, Any]]:
    return [e.to_dict() for e in pipe.code(text, date="2024-01-24")]


def rec_countries(evs: list[dict[str, Any]], plover: str) -> set[str | None]:
    hits = [e for e in evs if e["event"] == plover]
    assert hits, [(e["event"], e["cameo"]) for e in evs]
    return {a["country"] for e in hits for a in e["recipient"]}


@pytest.mark.parametrize(
    ("text", "plover", "country"),
    [
        ("Norway rejected calls by Sweden for a joint fishing ban.", "REJECT", "SWE"),
        ("The Chilean government accepted demands from Bolivia for talks on sea access.", "CONCEDE", "BOL"),
        ("Vietnam turned down an offer from Cambodia to mediate.", "REJECT", "KHM"),
    ],
)
def test_the_party_behind_a_call_is_the_recipient(pipe: Any, text: str, plover: str, country: str) -> None:
    assert country in rec_countries(events(pipe, text), plover)


def test_roles_file_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    from tieline.errors import DataFileError
    from tieline.events import coder as coder_mod

    real = coder_mod.read_data_file

    def fake(name: str) -> dict[str, Any]:
        if name == "roles.yaml":
            return {"version": 1, "speech_act_nouns": "calls"}
        return real(name)

    monkeypatch.setattr(coder_mod, "read_data_file", fake)
    import tieline

    with pytest.raises(DataFileError, match="speech_act_nouns"):
        tieline.load()
