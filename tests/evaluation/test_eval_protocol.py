"""Scorers of the evaluation protocol on small hand-built gold/prediction examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tieline.errors import EvalError
from tieline.evaluation import protocol as P
from tieline.evaluation.protocol import (
    calibration,
    check_floors,
    format_table,
    load_floors,
    load_jsonl,
    main_event,
    penta_of,
    run_eval,
    score_actor_spans,
    score_case,
    score_entities,
    score_penta,
    score_plover,
)


def ev(
    event: str = "ASSAULT",
    cameo: str = "190",
    confidence: float = 0.5,
    start: int | None = 0,
    actor: list[dict[str, Any]] | None = None,
    recipient: list[dict[str, Any]] | None = None,
    tag: str = "",
) -> dict[str, Any]:
    evidence: dict[str, Any] = {"trigger": {"start": start}} if start is not None else {}
    return {
        "event": event,
        "cameo": cameo,
        "confidence": confidence,
        "actor": actor or [],
        "recipient": recipient or [],
        "evidence": evidence,
        "tag": tag,
    }


def act(
    start: int = 0, end: int = 1, country: str | None = None, code: str = "", kind: str = "state"
) -> dict:
    return {
        "text": "x",
        "start": start,
        "end": end,
        "name": "x",
        "country": country,
        "sector": None,
        "kind": kind,
        "code": code,
    }


# --- main_event ---------------------------------------------------------------------------------


def test_main_event_empty_is_none() -> None:
    assert main_event([]) is None


def test_main_event_highest_confidence_wins() -> None:
    events = [ev(confidence=0.4, start=0, tag="a"), ev(confidence=0.9, start=50, tag="b")]
    assert main_event(events)["tag"] == "b"


def test_main_event_tie_goes_to_earliest_trigger() -> None:
    events = [ev(confidence=0.7, start=30, tag="late"), ev(confidence=0.7, start=5, tag="early")]
    assert main_event(events)["tag"] == "early"


def test_main_event_full_tie_goes_to_list_order() -> None:
    events = [ev(confidence=0.7, start=5, tag="first"), ev(confidence=0.7, start=5, tag="second")]
    assert main_event(events)["tag"] == "first"


def test_main_event_missing_trigger_comes_after_known_start() -> None:
    events = [ev(confidence=0.7, start=None, tag="nostart"), ev(confidence=0.7, start=99, tag="start")]
    assert main_event(events)["tag"] == "start"


# --- penta --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cameo", "cls"),
    [
        (None, 0),
        ("", 0),
        ("010", 0),
        ("020", 0),
        ("0211", 0),
        ("030", 1),
        ("046", 1),
        ("057", 1),
        ("060", 2),
        ("073", 2),
        ("087", 2),
        ("090", 3),
        ("112", 3),
        ("130", 3),
        ("140", 4),
        ("150", 4),
        ("160", 3),
        ("166", 3),
        ("170", 4),
        ("186", 4),
        ("190", 4),
        ("204", 4),
        ("210", 0),
        ("00", 0),
        ("abc", 0),
        ("1", 0),
    ],
)
def test_penta_of_boundaries(cameo: str | None, cls: int) -> None:
    assert penta_of(cameo) == cls


def test_score_penta_perfect_empty_partial() -> None:
    gold = [{"id": str(i), "penta": i} for i in range(5)]
    codes = ["010", "040", "070", "112", "190"]
    perfect = {str(i): [ev(cameo=c)] for i, c in enumerate(codes)}
    s = score_penta(gold, perfect)
    assert s["accuracy"] == 1.0 and s["macro_f1"] == 1.0

    empty = score_penta(gold, {})  # no events: everything is class 0
    assert empty["accuracy"] == pytest.approx(0.2)
    # class 0: P = 1/5, R = 1 -> F1 = 1/3; others 0
    assert empty["macro_f1"] == pytest.approx((1 / 3) / 5)
    assert empty["confusion"]["4"]["0"] == 1

    partial = dict(perfect)
    partial["4"] = [ev(cameo="112")]  # a class-4 sentence predicted 3
    s = score_penta(gold, partial)
    assert s["accuracy"] == pytest.approx(0.8)
    assert s["per_class"]["3"]["precision"] == pytest.approx(0.5)
    assert s["per_class"]["4"]["recall"] == 0.0
    assert s["confusion"]["4"]["3"] == 1


def test_score_penta_uses_main_event() -> None:
    gold = [{"id": "a", "penta": 4}]
    pred = {"a": [ev(cameo="040", confidence=0.3), ev(cameo="190", confidence=0.8)]}
    assert score_penta(gold, pred)["accuracy"] == 1.0


# --- PLOVER -------------------------------------------------------------------------------------


def plover_gold(rid: str, event: str, src: list[str], tgt: list[str]) -> dict[str, Any]:
    return {
        "id": rid,
        "text": "t",
        "event": event,
        "source": [{"text": "s", "code": c, "sector": ""} for c in src],
        "target": [{"text": "t", "code": c, "sector": ""} for c in tgt],
    }


def test_score_plover_top1_any_tuple() -> None:
    gold = [
        plover_gold("1", "AGREE", ["USA"], ["JOR"]),
        plover_gold("2", "ASSAULT", ["ISR"], []),
        plover_gold("3", "THREATEN", ["IRN"], ["IRQ"]),
        plover_gold("4", "CONSULT", ["RUS"], ["CHN"]),
    ]
    pred = {
        # right type and actors
        "1": [ev("AGREE", confidence=0.9, actor=[act(country="USA")], recipient=[act(country="JOR")])],
        # gold type only as second event, right actor, empty gold target list satisfied
        "2": [ev("CONSULT", confidence=0.9), ev("ASSAULT", confidence=0.2, actor=[act(country="ISR")])],
        # right type, wrong target
        "3": [ev("THREATEN", actor=[act(country="IRN")], recipient=[act(country="KWT")])],
        # nothing
    }
    s = score_plover(gold, pred)
    assert s["top1"] == pytest.approx(2 / 4)
    assert s["any"] == pytest.approx(3 / 4)
    assert s["tuple"] == pytest.approx(2 / 4)
    assert s["confusion"]["ASSAULT"]["CONSULT"] == 1
    assert s["confusion"]["CONSULT"]["NONE"] == 1
    assert s["per_type"]["AGREE"]["f1"] == 1.0


def test_score_plover_tuple_needs_every_gold_code() -> None:
    gold = [plover_gold("1", "AGREE", ["HUN", "ROU"], [])]
    one = {"1": [ev("AGREE", actor=[act(country="HUN")])]}
    both = {"1": [ev("AGREE", actor=[act(country="HUN"), act(country="ROU")])]}
    assert score_plover(gold, one)["tuple"] == 0.0
    assert score_plover(gold, both)["tuple"] == 1.0


def test_score_plover_renames_v05_types() -> None:
    gold = [plover_gold("1", "ASSAULT", [], []), plover_gold("2", "REQUEST", [], [])]
    pred = {"1": [ev("FIGHT")], "2": [ev("DEMAND")]}
    assert score_plover(gold, pred)["top1"] == 1.0


def test_score_plover_counts_non_iso_records() -> None:
    gold = [
        plover_gold("1", "SANCTION", ["JAP"], ["SRB"]),
        plover_gold("2", "AGREE", ["IGO"], ["ITL"]),
        plover_gold("3", "AGREE", ["USA"], []),
    ]
    s = score_plover(gold, {})
    assert s["records_alias_codes"] == 2
    assert s["records_non_country_codes"] == 1
    assert s["top1"] == 0.0 and s["tuple"] == 0.0


@pytest.mark.parametrize(
    ("actor", "code", "ok"),
    [
        (act(country="USA"), "USA", True),
        (act(country="FRA"), "USA", False),
        (act(country="JPN"), "JAP", True),  # CAMEO/legacy alias
        (act(country=None, code="JPNGOV"), "JAP", True),
        (act(country="ITA"), "ITL", True),
        (act(country=None, code="IGOUNO", kind="igo"), "IGO", True),
        (act(country=None, code="", kind="igo"), "IGO", True),
        (act(country="USA", code="USAGOV", kind="state"), "IGO", False),
        (act(country=None, code="NGOHRW", kind="org"), "NGO", True),
        (act(country=None, code="", kind="armed_group"), "IMG", True),
        (act(country="AFG", code="", kind="armed_group"), "IMG", False),
        (act(country="USA"), "", False),
    ],
)
def test_actor_matches_code(actor: dict, code: str, ok: bool) -> None:
    assert P.actor_matches_code(actor, code) is ok


# --- actor spans --------------------------------------------------------------------------------


def test_actor_spans_recall_precision() -> None:
    gold = [
        {"id": "a", "actors": {"source": [[0, 10]], "target": [[20, 30]], "reciprocal": []}},
        {"id": "b", "actors": {"source": [], "target": [], "reciprocal": [[0, 5], [10, 15]]}},
        {"id": "c", "actors": None},  # not scored
    ]
    pred = {
        "a": [
            # source found; the target span is given as actor, which does not find a target
            ev(actor=[act(2, 4)], recipient=[act(40, 45)]),
            ev(actor=[act(2, 4), act(25, 27)]),  # repeated span counted once
        ],
        "b": [ev(actor=[act(0, 3)], recipient=[act(12, 13)])],  # reciprocal found on both sides
        "c": [ev(actor=[act(0, 3)])],
    }
    s = score_actor_spans(gold, pred)
    assert s["n"] == 2
    assert s["gold_spans"] == 4 and s["gold_found"] == 3
    assert s["recall"] == pytest.approx(3 / 4)
    # distinct predicted spans: a: (2,4) ok, (40,45) wrong, (25,27) overlaps a gold span; b: 2 ok -> 4/5
    assert s["pred_spans"] == 5 and s["pred_correct"] == 4
    assert s["precision"] == pytest.approx(4 / 5)
    assert s["f1"] == pytest.approx(2 * 0.75 * 0.8 / 1.55)
    assert s["recall_by_role"]["target"] == 0.0
    assert s["recall_by_role"]["reciprocal"] == 1.0


def test_actor_spans_touching_is_not_overlap_and_empty_pred() -> None:
    gold = [{"id": "a", "actors": {"source": [[0, 10]], "target": [], "reciprocal": []}}]
    touching = score_actor_spans(gold, {"a": [ev(actor=[act(10, 12)])]})
    assert touching["recall"] == 0.0 and touching["precision"] == 0.0 and touching["f1"] == 0.0
    empty = score_actor_spans(gold, {})
    assert empty["recall"] == 0.0 and empty["pred_spans"] == 0


# --- coarse type --------------------------------------------------------------------------------


def test_score_case_mapping_and_non_political_rate() -> None:
    gold = [
        {"id": "1", "label": "AIR_STRIKE"},
        {"id": "2", "label": "PEACE_PROTEST"},
        {"id": "3", "label": "DIPLO"},
        {"id": "4", "label": "NATURAL_DISASTER"},
        {"id": "5", "label": "ORG_CRIME"},
        {"id": "6", "label": "ARREST"},
    ]
    pred = {
        "1": [ev("ASSAULT")],
        "2": [ev("PROTEST")],
        "3": [ev("CONSULT")],
        "4": [ev("AID")],  # non-political with an event (wrong: cooperation vs none)
        "6": [ev("COERCE")],
    }
    s = score_case(gold, pred)
    assert s["accuracy"] == pytest.approx(5 / 6)
    assert s["non_political"] == 2
    assert s["non_political_with_event"] == pytest.approx(0.5)
    assert s["per_class"]["none"]["recall"] == pytest.approx(0.5)
    assert s["per_class"]["cooperation"]["precision"] == 0.0
    assert s["confusion"]["none"]["cooperation"] == 1


def test_case_mapping_covers_every_class() -> None:
    assert set(P.CASE_TO_COARSE.values()) == set(P.COARSE_CLASSES)
    assert set(P.PLOVER_TO_COARSE.values()) == set(P.COARSE_CLASSES) - {"none"}
    assert all(P.CASE_TO_COARSE[label] == "none" for label in P.NON_POLITICAL)


def test_score_case_perfect() -> None:
    gold = [{"id": "1", "label": "ARMED_CLASH"}, {"id": "2", "label": "MAN_MADE_DISASTER"}]
    s = score_case(gold, {"1": [ev("ASSAULT")]})
    assert s["accuracy"] == 1.0 and s["non_political_with_event"] == 0.0


# --- entities -----------------------------------------------------------------------------------


def ent(start: int, end: int, typ: str, gold: bool = True, doc: str = "d") -> dict[str, Any]:
    return {"doc_id": doc, "start": start, "end": end, "type": typ, "text": "", "gold": gold}


def men(start: int, end: int, label: str, doc: str = "d") -> dict[str, Any]:
    return {"article_id": doc, "start": start, "end": end, "text": "", "label": label}


DOCS = [{"id": "d", "text": "x" * 200}]


def test_entities_perfect_and_empty() -> None:
    gold = [ent(0, 5, "Person"), ent(10, 15, "Location")]
    s = score_entities(DOCS, gold, {"d": [men(0, 5, "PERSON"), men(10, 15, "GPE")]})
    assert (s["precision"], s["recall"], s["f1"]) == (1.0, 1.0, 1.0)
    e = score_entities(DOCS, gold, {})
    assert (e["precision"], e["recall"], e["f1"]) == (0.0, 0.0, 0.0)
    assert e["fn"] == 2


def test_entities_one_to_one() -> None:
    # two gold mentions overlapped by one prediction: only one can be matched
    gold = [ent(0, 10, "Organisation"), ent(5, 20, "Organisation")]
    s = score_entities(DOCS, gold, {"d": [men(4, 20, "ORG")]})
    assert s["tp"] == 1 and s["fn"] == 1 and s["fp"] == 0
    # the longer overlap (5..20, 15 chars) wins over (4..10, 6 chars)
    two = score_entities(DOCS, gold, {"d": [men(4, 20, "ORG"), men(0, 3, "ORG")]})
    assert two["tp"] == 2 and two["fp"] == 0


def test_entities_greedy_prefers_longest_overlap() -> None:
    gold = [ent(0, 10, "Person")]
    s = score_entities(DOCS, gold, {"d": [men(0, 2, "PERSON"), men(0, 10, "PERSON")]})
    assert s["tp"] == 1 and s["fp"] == 1


def test_entities_label_compatibility() -> None:
    gold = [ent(0, 5, "Organisation"), ent(10, 15, "Person"), ent(20, 25, "Nationality")]
    pred = {"d": [men(0, 5, "GPE"), men(10, 15, "ORG"), men(20, 25, "NORP")]}
    s = score_entities(DOCS, gold, pred)
    assert s["tp"] == 2 and s["fp"] == 1 and s["fn"] == 1
    assert s["recall_per_type"] == {"Nationality": 1.0, "Organisation": 1.0, "Person": 0.0}


def test_entities_ignored_spans_and_uncounted() -> None:
    gold = [
        ent(0, 10, "Person"),
        ent(30, 40, "Location", gold=False),  # ignored span
        ent(50, 60, "Quantity"),  # type not counted
    ]
    pred = {
        "d": [
            men(0, 10, "PERSON"),  # tp
            men(32, 38, "GPE"),  # overlaps the ignored span: not counted
            men(50, 60, "QUANTITY"),  # label outside the protocol: not counted
            men(70, 80, "ORG"),  # fp
        ]
    }
    s = score_entities(DOCS, gold, pred)
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 0)
    assert s["ignored_predictions"] == 1 and s["uncounted_predictions"] == 1
    assert s["precision"] == pytest.approx(0.5)
    assert "Quantity" not in s["support_per_type"]


def test_entities_prediction_matching_gold_inside_ignored_span_is_tp() -> None:
    # "Iraqi President Fuad Masum" gold Person, "President Fuad" ignored: the matched prediction counts
    gold = [ent(0, 26, "Person"), ent(6, 20, "Person", gold=False)]
    s = score_entities(DOCS, gold, {"d": [men(16, 26, "PERSON")]})
    assert (s["tp"], s["fp"], s["fn"]) == (1, 0, 0)


def test_entities_per_document() -> None:
    docs = [{"id": "a", "text": ""}, {"id": "b", "text": ""}]
    gold = [ent(0, 5, "Person", doc="a")]
    s = score_entities(docs, gold, {"b": [men(0, 5, "PERSON", doc="b")]})
    assert (s["tp"], s["fp"], s["fn"]) == (0, 1, 1)


# --- calibration --------------------------------------------------------------------------------


def test_calibration_perfect_predictor() -> None:
    c = calibration([(1.0, True)] * 10 + [(0.0, False)] * 10)
    assert c["ece"] == pytest.approx(0.0)
    assert c["n"] == 20
    assert c["table"][-1]["n"] == 10 and c["table"][0]["n"] == 10


def test_calibration_bad_predictor() -> None:
    c = calibration([(0.9, False)] * 8 + [(0.1, True)] * 2)
    # bin 0.9: acc 0, conf 0.9, weight 0.8; bin 0.1: acc 1, conf 0.1, weight 0.2
    assert c["ece"] == pytest.approx(0.8 * 0.9 + 0.2 * 0.9)


def test_calibration_mixed_bin_and_errors() -> None:
    c = calibration([(0.75, True), (0.75, False)], bins=4)
    assert c["ece"] == pytest.approx(0.25)
    assert len(c["table"]) == 4 and c["table"][3]["accuracy"] == 0.5
    assert calibration([])["ece"] == 0.0
    with pytest.raises(EvalError):
        calibration([(0.5, True)], bins=0)


# --- floors, table, loading ---------------------------------------------------------------------


def test_check_floors() -> None:
    result = {"figures": {"penta.macro_f1": 0.40, "plover.top1": 0.60, "calibration.ece": 0.2}}
    floors = {
        "version": 1,
        "floors": {"penta.macro_f1": 0.45, "plover.top1": 0.5, "calibration.ece": 0.1, "entities.f1": 0.5},
    }
    msgs = check_floors(result, floors)
    assert len(msgs) == 3
    assert any(m.startswith("penta.macro_f1") and "below" in m for m in msgs)
    assert any(m.startswith("calibration.ece") and "above" in m for m in msgs)
    assert any(m.startswith("entities.f1") and "not computed" in m for m in msgs)
    assert check_floors(result["figures"], {"plover.top1": 0.6}) == []


def test_shipped_floors_load() -> None:
    floors = load_floors()
    assert floors, "the shipped floors pin the measured figures"
    assert all(0.0 <= v <= 1.0 for v in floors.values())
    assert {"penta.macro_f1", "plover.top1", "plover.tuple", "actor_spans.f1", "case.macro_f1"} <= set(floors)


def test_format_table() -> None:
    text = format_table({"figures": {"b.x": 0.5, "a.y": 1.0}})
    lines = text.splitlines()
    assert lines[2].startswith("a.y") and lines[2].endswith("1.000")
    assert "0.500" in lines[3]
    assert format_table({}) == "(no figures)"


def test_load_jsonl(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    f.write_text('{"id": 1}\n\n{"id": 2}\n', encoding="utf-8")
    assert load_jsonl(f) == [{"id": 1}, {"id": 2}]
    f.write_text('{"id": 1}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(EvalError, match=":2:"):
        load_jsonl(f)
    f.write_text("{oops\n", encoding="utf-8")
    with pytest.raises(EvalError):
        load_jsonl(f)
    with pytest.raises(EvalError):
        load_jsonl(tmp_path / "missing.jsonl")


# --- run_eval on a tiny hand-made eval folder ---------------------------------------------------


def _write(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture()
def tiny_eval(tmp_path: Path) -> Path:
    _write(
        tmp_path / "plover_gsr.jsonl",
        [
            {
                "id": "p1",
                "text": "Ruritania attacked Freedonia.",
                "event": "ASSAULT",
                "source": [{"code": "RUR", "text": "Ruritania", "sector": ""}],
                "target": [{"code": "FRE", "text": "Freedonia", "sector": ""}],
            },
            {
                "id": "p2",
                "text": "Ruritania and Freedonia agreed on a truce.",
                "event": "AGREE",
                "source": [{"code": "RUR", "text": "Ruritania", "sector": ""}],
                "target": [],
            },
        ],
    )
    _write(
        tmp_path / "cameo_manual.jsonl",
        [
            {
                "id": "c1",
                "text": "Ruritania attacked Freedonia.",
                "penta": 4,
                "actors": {"source": [[0, 9]], "target": [[19, 28]], "reciprocal": []},
            },
            {"id": "c2", "text": "Ruritania said nothing.", "penta": 0, "actors": None},
        ],
    )
    _write(
        tmp_path / "case2021_dev.jsonl",
        [
            {"id": "k1", "text": "Ruritania attacked Freedonia.", "label": "ARMED_CLASH"},
            {"id": "k2", "text": "A flood hit the valley.", "label": "NATURAL_DISASTER"},
        ],
    )
    _write(tmp_path / "re3d_dev_documents.jsonl", [{"id": "r1", "text": "Ruritania attacked Freedonia."}])
    _write(
        tmp_path / "re3d_dev_entities.jsonl",
        [
            {"doc_id": "r1", "start": 0, "end": 9, "type": "Organisation", "text": "Ruritania", "gold": True},
        ],
    )
    return tmp_path


def _oracle(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """A hand-written coder that is right on the tiny set."""
    out: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        text = r["text"]
        if "attacked" in text:
            out[r["id"]] = [
                ev(
                    "ASSAULT",
                    "190",
                    1.0,
                    text.index("attacked"),
                    actor=[act(0, 9, country="RUR")],
                    recipient=[act(19, 28, country="FRE")],
                )
            ]
        elif "agreed" in text:
            out[r["id"]] = [ev("AGREE", "057", 1.0, text.index("agreed"), actor=[act(0, 9, country="RUR")])]
        else:
            out[r["id"]] = []
    return out


def test_run_eval_tiny_oracle(tiny_eval: Path) -> None:
    seen: list[list[str]] = []

    def entities(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        seen.append([d["id"] for d in docs])
        return {"r1": [men(0, 9, "GPE", doc="r1")]}

    result = run_eval(tiny_eval, _oracle, entities)
    fig = result["figures"]
    for name in (
        "penta.accuracy",
        "plover.top1",
        "plover.any",
        "plover.tuple",
        "actor_spans.f1",
        "case.accuracy",
        "entities.f1",
    ):
        assert fig[name] == 1.0, name
    assert fig["case.non_political_with_event"] == 0.0
    assert fig["calibration.ece"] == pytest.approx(0.0)
    assert seen == [["r1"]]
    assert check_floors(result, {"plover.top1": 1.0}) == []


def test_run_eval_without_entities_and_empty_coder(tiny_eval: Path) -> None:
    result = run_eval(tiny_eval, lambda records: {}, None)
    fig = result["figures"]
    assert "entities.f1" not in fig
    assert fig["plover.top1"] == 0.0 and fig["actor_spans.recall"] == 0.0
    assert fig["penta.accuracy"] == 0.5  # the class-0 sentence is right by default
    assert result["details"]["calibration"]["n"] == 0


def test_run_eval_missing_data(tmp_path: Path) -> None:
    with pytest.raises(EvalError):
        run_eval(tmp_path / "nope", lambda records: {}, None)
    with pytest.raises(EvalError, match="plover_gsr"):
        run_eval(tmp_path, lambda records: {}, None)
