"""`tieline explain`: the parse, the coder's decisions, roles and actors, with the real spaCy model.

The sentences are written for these tests; none comes from ../shared.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tieline.cli import cli
from tieline.events.explain import Candidate, Explanation
from tieline.events.trace import CoderTrace, drop, note

DATE = "2024-01-24"


def candidates(ex: Explanation) -> list[Candidate]:
    return [c for s in ex.sentences for c in s.candidates]


def by_text(ex: Explanation, word: str) -> Candidate:
    hits = [c for c in candidates(ex) if c.text.split()[0] == word]
    assert hits, f"no candidate {word!r} in {[(c.text, c.outcome) for c in candidates(ex)]}"
    return hits[0]


# -- the trace itself, no model ------------------------------------------------------------------------------
def test_trace_off_records_nothing_and_drop_returns_none() -> None:
    assert drop(None, 3, "finish", "why") is None
    note(None, 3, "verb", "draft")  # no error, nothing to record into
    tr = CoderTrace()
    assert drop(tr, 3, "finish", "no actor") is None
    note(tr, 4, "verb", "no-match", "none fits", tried=[("verbs.yaml#1 'x'", "no object")])
    assert [(s.token, s.stage, s.outcome, s.why) for s in tr.steps] == [
        (3, "finish", "dropped", "no actor"),
        (4, "verb", "no-match", "none fits"),
    ]
    assert tr.steps[1].tried == [("verbs.yaml#1 'x'", "no object")]


# -- the library -----------------------------------------------------------------------------------------------
@pytest.mark.model
def test_coded_event_shows_pattern_roles_and_actors(pipe: Any) -> None:
    ex = pipe.explain("Turkish troops shelled Kurdish militia positions near Kobani on Friday.", date=DATE)
    c = by_text(ex, "shelled")
    assert c.outcome == "event" and c.main and c.kind == "verb"
    assert c.pattern is not None and re.match(r"verbs\.yaml#\d+ 'shell", c.pattern)
    assert c.cameo is not None and c.cameo.startswith("19") and c.plover == "ASSAULT"
    assert any(r.startswith("actor = subject 'troops'") for r in c.roles)
    assert any(r.startswith("recipient = object") for r in c.roles)
    (actor,) = c.actors
    assert (actor.country, actor.sector, actor.code) == ("TUR", "MIL", "TURMIL")
    assert actor.why  # the resolver says why
    assert c.modality == "asserted" and c.modality_cue is None
    assert c.date == "2024-01-19 (day)" and c.date_source == "text"  # "on Friday" before Wednesday 24 January
    assert c.event_id == ex.main_event == ex.sentences[0].main_event
    assert c.event_id in {e["id"] for e in ex.events}
    assert c.reason is not None and c.pattern in c.reason
    # the compact parse: every token of the sentence, with its head inside the article
    toks = ex.sentences[0].tokens
    assert [t.text for t in toks][:3] == ["Turkish", "troops", "shelled"]
    assert next(t for t in toks if t.text == "troops").dep == "nsubj"
    assert all(0 <= t.head < len(toks) for t in toks)


@pytest.mark.model
def test_natural_cause_is_explained_not_coded(pipe: Any) -> None:
    ex = pipe.explain(
        "A powerful earthquake killed dozens of villagers in the northern mountains.", date=DATE
    )
    assert ex.events == [] and ex.main_event is None
    c = by_text(ex, "killed")
    assert c.outcome == "dropped"
    assert "natural" in c.why
    assert c.pattern is not None and c.pattern.startswith("verbs.yaml#")
    assert any("earthquake" in r for r in c.roles)


@pytest.mark.model
def test_embedded_event_ranks_below_its_governor(pipe: Any) -> None:
    ex = pipe.explain("The United States agreed to provide military aid to Ukraine.", date=DATE)
    gov, emb = by_text(ex, "agreed"), by_text(ex, "provide")
    assert gov.main and gov.outcome == "event"
    assert emb.outcome == "event" and not emb.main and emb.embedded
    assert "embedded under the event of 'agreed'" in emb.rank
    assert emb.confidence is not None and gov.confidence is not None and emb.confidence < gov.confidence


@pytest.mark.model
def test_trigger_without_fitting_pattern_lists_what_was_tried(pipe: Any) -> None:
    ex = pipe.explain("Iran threatened to close the Strait of Hormuz.", date=DATE)
    c = by_text(ex, "close")
    assert c.outcome == "no-match" and c.tried
    assert all(t["pattern"].startswith("verbs.yaml#") and t["why"] for t in c.tried)
    assert any("strait" in t["why"] for t in c.tried)


@pytest.mark.model
def test_negation_names_its_cue(pipe: Any) -> None:
    text = "Egypt did not sign the water accord with Sudan."
    ex = pipe.explain(text, date=DATE)
    c = by_text(ex, "sign")
    cue = c.modality_cue
    assert c.modality == "negated"
    assert cue is not None and text[cue["start"] : cue["end"]] == cue["text"] == "not"
    # a refused cooperative act is coded as a rejection; the negation is still named as its cue
    text = "Kenya will not accept the peace plan."
    c = by_text(pipe.explain(text, date=DATE), "accept")
    assert any(r.startswith("negated cooperation") for r in c.roles), c.roles
    assert c.modality_cue is not None and c.modality_cue["text"] == "not"


@pytest.mark.model
def test_the_trace_does_not_change_what_is_coded(pipe: Any) -> None:
    from tieline.ingest.samples import sample_articles

    n = 0
    for article in pipe.nlp.parse_many(sample_articles()):
        plain = [e.to_dict() for e in pipe.coder.code(article)]
        traced = [e.to_dict() for e in pipe.coder.code(article, trace=CoderTrace())]
        assert plain == traced, article.id
        n += len(plain)
    assert n > 0


# -- the command -----------------------------------------------------------------------------------------------
def _spans_slice(ex: dict[str, Any]) -> None:
    text = ex["text"]
    for s in ex["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]
        for t in s["tokens"]:
            assert text[t["start"] : t["end"]] == t["text"]
        for c in s["candidates"]:
            assert text[c["start"] : c["end"]] == c["text"]
            for side in ("actors", "recipients", "attribution"):
                for a in c[side]:
                    assert text[a["start"] : a["end"]] == a["text"]
            if c["modality_cue"]:
                assert (
                    text[c["modality_cue"]["start"] : c["modality_cue"]["end"]] == c["modality_cue"]["text"]
                )


@pytest.mark.model
def test_cli_json_parses_and_spans_slice_the_text(pipe: Any) -> None:
    text = (
        "Egyptian and Sudanese officials held talks in Cairo, and Sudan said it would not join the blockade."
    )
    res = CliRunner().invoke(cli, ["explain", text, "--date", DATE, "--format", "json"])
    assert res.exit_code == 0, res.output
    ex = json.loads(res.output)
    assert ex["text"] == text and ex["date"] == DATE
    _spans_slice(ex)
    assert ex["events"] and ex["main_event"] in {e["id"] for e in ex["events"]}
    assert sum(c["main"] for s in ex["sentences"] for c in s["candidates"]) == len(
        [s for s in ex["sentences"] if s["main_event"]]
    )


@pytest.mark.model
def test_cli_text_shows_the_decisions(pipe: Any) -> None:
    res = CliRunner().invoke(cli, ["explain", "The United States agreed to provide military aid to Ukraine."])
    assert res.exit_code == 0, res.output
    assert "MAIN EVENT 'agreed'" in res.output
    assert "pattern verbs.yaml#" in res.output
    assert "embedded under the event of 'agreed'" in res.output
    assert "actor 'The United States' -> USA" in res.output or "actor 'United States' -> USA" in res.output


@pytest.mark.model
def test_cli_file_explains_every_sentence(pipe: Any, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(
        "Ghana and Togo signed a border security pact on Monday.\n\n"
        "A landslide buried a village after days of heavy rain.\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(cli, ["explain", "--file", str(path), "--date", DATE, "--format", "json"])
    assert res.exit_code == 0, res.output
    ex = json.loads(res.output)
    assert len(ex["sentences"]) >= 2
    _spans_slice(ex)
    assert any(e["event"] == "AGREE" for e in ex["events"])


@pytest.mark.parametrize(
    "args",
    [
        ["explain", "Kenya deployed troops.", "--date", "24/01/2024"],
        ["explain"],
        ["explain", "Kenya deployed troops.", "--file", "x.txt"],
        ["explain", "   "],
    ],
)
def test_cli_bad_usage_is_one_line_with_a_code(args: list[str]) -> None:
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 2
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and re.search(r"\bE060\b", lines[0]), res.output


def test_cli_missing_file_is_one_line_with_a_code(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["explain", "--file", str(tmp_path / "missing.txt")])
    assert res.exit_code != 0
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and re.search(r"\bE\d{3}\b", lines[0]), res.output


def test_cli_unreadable_file_is_a_one_line_skip_reason(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02\xff" * 64)
    res = CliRunner().invoke(cli, ["explain", "--file", str(path)])
    assert res.exit_code == 1
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "skipped" in lines[0] and re.search(r"\bE\d{3}\b", lines[0]), res.output
