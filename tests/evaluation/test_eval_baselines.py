"""The naive baselines, on hand-built pipelines and (when present) end to end on ../shared/eval."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy

from tieline.errors import DataFileError
from tieline.evaluation import protocol as P
from tieline.evaluation.baselines import (
    DEFAULT_MODEL,
    KeywordCoder,
    KeywordTable,
    SpacyEntities,
    load_keywords,
    load_model,
    parse_keywords,
)

EVAL_DIR = (Path(__file__).resolve().parents[2] / ".." / "shared" / "eval").resolve()


def ruler_nlp() -> Any:
    """A blank English pipeline whose only entities are the hand-written patterns below."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "GPE", "pattern": "Ruritania"},
            {"label": "GPE", "pattern": "Freedonia"},
            {"label": "PERSON", "pattern": [{"LOWER": "anna"}, {"LOWER": "vok"}]},
            {"label": "ORG", "pattern": "Blue League"},
            {"label": "DATE", "pattern": "Monday"},
        ]
    )
    return nlp


TABLE = parse_keywords(
    {
        "version": 1,
        "types": {
            "ASSAULT": {"cameo": "190", "keywords": ["attacked", "air strike"]},
            "CONSULT": {"cameo": "040", "keywords": ["met"]},
            "PROTEST": {"cameo": "140", "keywords": ["strike"]},
        },
    }
)


def test_parse_keywords_table() -> None:
    assert isinstance(TABLE, KeywordTable)
    assert (("air", "strike"), "ASSAULT", "190") in TABLE.entries


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"types": {"AGREE": {"cameo": "057", "keywords": ["agree"]}}},  # no version
        {"version": 1, "types": {}},
        {"version": 1, "types": {"agree": {"cameo": "057", "keywords": ["agree"]}}},
        {"version": 1, "types": {"AGREE": {"cameo": 57, "keywords": ["agree"]}}},
        {"version": 1, "types": {"AGREE": {"cameo": "057", "keywords": []}}},
        {"version": 1, "types": {"AGREE": {"cameo": "057", "keywords": ["agree", " "]}}},
        {"version": 1, "types": {"AGREE": ["agree"]}},
    ],
)
def test_parse_keywords_rejects_bad_data(data: Any) -> None:
    with pytest.raises(DataFileError):
        parse_keywords(data, "test.yaml")


def test_shipped_keywords_cover_plover_types() -> None:
    table = load_keywords()
    assert table.version == 1
    types = {t for _, t, _ in table.entries}
    assert types == set(P.PLOVER_TO_COARSE)
    for _, _, cameo in table.entries:
        assert 1 <= int(cameo[:2]) <= 20


def test_keyword_coder_first_keyword_and_actors() -> None:
    coder = KeywordCoder(ruler_nlp(), TABLE)
    text = "On Monday Anna Vok met Ruritania officials. Freedonia attacked Ruritania."
    out = coder([{"id": "r1", "text": text}])
    [event] = out["r1"]
    assert event["event"] == "CONSULT" and event["cameo"] == "040"
    assert event["evidence"]["trigger"]["start"] == text.index("met")
    # first entity before the keyword (DATE is not an actor label), first after, same sentence only
    assert [a["text"] for a in event["actor"]] == ["Anna Vok"]
    assert event["actor"][0]["kind"] == "person"
    assert [a["text"] for a in event["recipient"]] == ["Ruritania"]
    a = event["recipient"][0]
    assert text[a["start"] : a["end"]] == "Ruritania" and a["country"] is None


def test_keyword_coder_longest_phrase_and_no_keyword() -> None:
    coder = KeywordCoder(ruler_nlp(), TABLE)
    out = coder(
        [
            {"id": "a", "text": "An air strike hit Freedonia."},
            {"id": "b", "text": "The Blue League spoke."},
            {"id": "c", "text": ""},
        ]
    )
    assert out["a"][0]["event"] == "ASSAULT"
    assert out["a"][0]["actor"] == [] and out["a"][0]["recipient"][0]["text"] == "Freedonia"
    assert out["b"] == [] and out["c"] == []


def test_spacy_entities_mentions() -> None:
    rec = SpacyEntities(ruler_nlp())
    text = "Ruritania and the Blue League met on Monday."
    out = rec([{"id": "d1", "text": text}])
    assert [(m["text"], m["label"]) for m in out["d1"]] == [
        ("Ruritania", "GPE"),
        ("Blue League", "ORG"),
        ("Monday", "DATE"),
    ]
    assert all(text[m["start"] : m["end"]] == m["text"] and m["article_id"] == "d1" for m in out["d1"])


@pytest.mark.model
@pytest.mark.shared
def test_run_eval_keyword_baseline_on_shared_data() -> None:
    if not EVAL_DIR.is_dir():
        pytest.skip(f"evaluation data not present at {EVAL_DIR}")
    if not spacy.util.is_package(DEFAULT_MODEL):
        pytest.skip(f"spaCy model {DEFAULT_MODEL} not installed")

    nlp = load_model()
    result = P.run_eval(EVAL_DIR, KeywordCoder(nlp), SpacyEntities(nlp))
    fig = result["figures"]
    assert all(0.0 <= v <= 1.0 for v in fig.values())
    counts = result["details"]["counts"]
    assert counts["plover_gsr"] > 0 and counts["cameo_manual"] > 0 and counts["case2021"] > 0
    # the baseline resolves no country, so no tuple can match (as quoted: 0.00)
    assert fig["plover.tuple"] == 0.0
    # a keyword baseline is far from useless and far from perfect
    assert 0.2 < fig["plover.top1"] < 0.8
    assert 0.2 < fig["penta.macro_f1"] < 0.8
    assert 0.4 < fig["actor_spans.f1"] < 0.95
    assert 0.3 < fig["case.macro_f1"] < 0.8
    # spaCy's small model alone on re3d is quoted at F1 0.61 (P 0.79, R 0.49) under this protocol
    assert fig["entities.f1"] == pytest.approx(0.61, abs=0.03)
    assert fig["entities.precision"] == pytest.approx(0.79, abs=0.03)
    assert fig["entities.recall"] == pytest.approx(0.49, abs=0.03)
