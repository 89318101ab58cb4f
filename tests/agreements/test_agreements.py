from __future__ import annotations

from typing import Any

import pytest

from tieline.agreements import extract_agreements
from tieline.agreements.extract import parse_agreement_lexicon
from tieline.errors import DataFileError
from tieline.model import Article


def agree(eid: str, text: str, trigger: str, actors: list[str], recipients: list[str], date: str, *,
          modality: str = "asserted") -> dict[str, Any]:  # fmt: skip
    start = text.index(trigger)

    def p(c: str) -> dict[str, Any]:
        return {"name": c, "country": c, "code": c, "kind": "state"}

    return {
        "id": eid, "event": "AGREE", "date": date, "date_source": "text", "modality": modality,
        "actor": [p(a) for a in actors], "recipient": [p(r) for r in recipients],
        "evidence": {"start": 0, "end": len(text), "trigger": {"start": start, "end": start + len(trigger)}},
    }  # fmt: skip


def test_defence_pact_with_duration_and_anaphora() -> None:
    text = "Kenya and the United States signed a five-year defence cooperation agreement on Tuesday. The pact covers training."
    art = Article.create(text, id="a1", date="2024-03-07")
    (g,) = extract_agreements([agree("e1", text, "signed", ["KEN"], ["USA"], "2024-03-05")], art)
    assert g.kind == "defence_cooperation" and g.status == "signed"
    assert [p["country"] for p in g.parties] == ["KEN", "USA"]
    assert g.signing_date == "2024-03-05" and g.duration == {"years": 5} and g.end_date == "2029-03-05"
    assert len(g.evidence) == 2 and g.events == ("e1",)
    assert text[g.evidence[0]["cue"]["start"] : g.evidence[0]["cue"]["end"]] == "agreement"


@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        ("India and France signed a deal for Rafale fighter jets.", "arms_deal", "signed"),
        ("Israel and Hamas agreed to a ceasefire for six months.", "ceasefire", "agreed"),
        ("Japan and the Philippines discussed a status of forces agreement.", "sofa", "proposed"),
        ("Russia suspended its trade agreement with Georgia.", "trade", "suspended"),
    ],
)
def test_kinds_and_statuses(text: str, kind: str, status: str) -> None:
    art = Article.create(text, id="a", date="2024-01-01")
    words = text.split()
    (g,) = extract_agreements([agree("e", text, words[1], [words[0]], ["X"], "2024-01-01")], art)
    assert (g.kind, g.status) == (kind, status)


def test_duration_months_end_date() -> None:
    text = "Israel and Hamas agreed to a ceasefire for six months."
    (g,) = extract_agreements(
        [agree("e", text, "agreed", ["ISR"], ["PSE"], "2024-01-31")], Article.create(text, id="a")
    )
    assert g.duration == {"months": 6} and g.end_date == "2024-07-31"


def test_no_parties_no_agreement() -> None:
    text = "A trade deal was mentioned."
    assert extract_agreements([], Article.create(text, id="a")) == []


def test_lexicon_is_checked() -> None:
    with pytest.raises(DataFileError):
        parse_agreement_lexicon({"version": 1, "nouns": [], "kinds": {}, "statuses": {}})


@pytest.mark.model
def test_with_real_pipeline(pipe) -> None:
    art = Article.create("Kenya and the United States signed a five-year defence cooperation agreement on Tuesday.",
                         id="k", date="2024-03-07")  # fmt: skip
    art = next(pipe.process([art]))
    (g,) = extract_agreements(art.events, art)
    assert {p["country"] for p in g.parties} == {"KEN", "USA"} and g.end_date == "2029-03-05"
