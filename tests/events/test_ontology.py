"""Tests for the event ontology (CAMEO codes, Goldstein, PLOVER crosswalk, contexts)."""

from __future__ import annotations

import pytest

from tieline.errors import DataFileError
from tieline.events import ontology as ontology_mod
from tieline.events.ontology import Ontology, load_ontology, penta_class, quad_class


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def test_loads_with_version(onto: Ontology) -> None:
    assert onto.version
    assert load_ontology() is onto  # cached


def test_all_roots_and_key_codes_present(onto: Ontology) -> None:
    for root in range(1, 21):
        assert onto.has_code(f"{root:02d}")
        assert onto.has_code(f"{root:02d}0")
    for code in [
        "0211",
        "0214",
        "0234",
        "0256",
        "0314",
        "0356",
        "0811",
        "0874",
        "1014",
        "1056",
        "1125",
        "1212",
        "1224",
        "1246",
        "1313",
        "1385",
        "1414",
        "1424",
        "1434",
        "1444",
        "1454",
        "1621",
        "1663",
        "1711",
        "1712",
        "1724",
        "1823",
        "1834",
        "196",
        "2042",
    ]:
        assert onto.has_code(code), code
    assert not onto.has_code("1213")  # CAMEO 1.1b3 has only 1211 and 1212
    assert len(onto.codes) > 280


def test_every_code_has_consistent_derived_fields(onto: Ontology) -> None:
    for code, rec in onto.codes.items():
        assert rec.code == code
        assert rec.root == code[:2]
        assert -10.0 <= rec.goldstein <= 10.0
        assert rec.quad == quad_class(code)
        assert rec.penta == penta_class(code)
        if rec.plover is None:
            assert rec.root == "01"
        else:
            assert rec.plover in onto.plover_types
            assert rec.plover_mode == "" or rec.plover_mode in onto.plover_types[rec.plover].modes
        for ctx in rec.context:
            assert ctx in onto.contexts


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [
        ("010", 0.0),
        ("020", 3.0),
        ("030", 4.0),
        ("036", 4.0),
        ("040", 1.0),
        ("042", 1.9),
        ("043", 2.8),
        ("046", 7.0),
        ("050", 3.5),
        ("051", 3.4),
        ("057", 8.0),
        ("060", 6.0),
        ("061", 6.4),
        ("062", 7.4),
        ("070", 7.0),
        ("080", 5.0),
        ("090", -2.0),
        ("100", -5.0),
        ("110", -2.0),
        ("120", -4.0),
        ("130", -4.4),
        ("138", -7.0),
        ("140", -6.5),
        ("150", -7.2),
        ("160", -4.0),
        ("170", -7.0),
        ("180", -9.0),
        ("190", -10.0),
        ("200", -10.0),
    ],
)
def test_goldstein_values(onto: Ontology, code: str, goldstein: float) -> None:
    assert onto.cameo(code).goldstein == pytest.approx(goldstein)


@pytest.mark.parametrize(
    ("code", "plover", "mode"),
    [
        ("042", "CONSULT", "visit"),
        ("041", "CONSULT", "phone"),
        ("043", "CONSULT", "host"),
        ("057", "AGREE", ""),
        ("190", "ASSAULT", ""),
        ("020", "REQUEST", ""),
        ("100", "REQUEST", ""),
        ("173", "COERCE", "arrest"),
        ("112", "ACCUSE", "allege"),
        ("090", "ACCUSE", "investigate"),
        ("163", "SANCTION", "restrict"),
        ("0871", "RETREAT", "ceasefire"),
        ("141", "PROTEST", "demo"),
        ("154", "MOBILIZE", "troops"),
        ("072", "AID", ""),
        ("062", "COOPERATE", ""),
        ("051", "SUPPORT", ""),
        ("036", "AGREE", ""),
        ("129", "REJECT", ""),
        ("1312", "THREATEN", "restrict"),
        ("0831", "CONCEDE", ""),
        ("1831", "ASSAULT", "suicide-attack"),
        ("195", "ASSAULT", "aerial"),
    ],
)
def test_crosswalk(onto: Ontology, code: str, plover: str, mode: str) -> None:
    rec = onto.cameo(code)
    assert (rec.plover, rec.plover_mode) == (plover, mode)


def test_statements_have_no_plover_type(onto: Ontology) -> None:
    for code in ["01", "010", "011", "012", "013", "014", "015", "016", "017", "018", "019"]:
        assert onto.cameo(code).plover is None


def test_cameo_prefix_fallback(onto: Ontology) -> None:
    assert onto.cameo("0429").code == "042"
    assert onto.cameo("1999").code == "19"
    assert onto.cameo(" 057 ").code == "057"
    with pytest.raises(KeyError):
        onto.cameo("99")
    with pytest.raises(KeyError):
        onto.cameo("")


@pytest.mark.parametrize(
    ("code", "quad", "penta"),
    [
        ("010", 1, 0),
        ("0211", 1, 0),
        ("030", 1, 1),
        ("057", 1, 1),
        ("060", 2, 2),
        ("0874", 2, 2),
        ("090", 3, 3),
        ("139", 3, 3),
        ("140", 4, 4),
        ("154", 4, 4),
        ("160", 4, 3),
        ("1663", 4, 3),
        ("170", 4, 4),
        ("190", 4, 4),
        ("2042", 4, 4),
    ],
)
def test_quad_and_penta_boundaries(code: str, quad: int, penta: int) -> None:
    assert quad_class(code) == quad
    assert penta_class(code) == penta


@pytest.mark.parametrize("bad", ["", "0", "00", "21", "x10", "999"])
def test_quad_rejects_non_codes(bad: str) -> None:
    with pytest.raises(ValueError):
        quad_class(bad)


def test_plover_types(onto: Ontology) -> None:
    assert set(onto.plover_types) == {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
    assault = onto.plover_type("assault")
    assert assault.orientation == "conflict"
    assert "firearms" in assault.modes
    assert onto.plover_type("AID").orientation == "cooperation"
    with pytest.raises(KeyError):
        onto.plover_type("FIGHT")


def test_every_plover_type_is_reached_by_some_code(onto: Ontology) -> None:
    reached = {rec.plover for rec in onto.codes.values()}
    assert set(onto.plover_types) <= reached


def test_contexts_and_cues(onto: Ontology) -> None:
    for name in ["military", "terrorism", "economic", "legal", "election", "cbrn", "refugee", "diplomatic"]:
        assert name in onto.contexts
        assert len(onto.context_cues[name]) >= 20, name


def test_contexts_for_orders_by_count(onto: Ontology) -> None:
    lemmas = [
        "the",
        "troop",
        "fire",
        "a",
        "missile",
        "at",
        "a",
        "ship",
        "in",
        "the",
        "red",
        "sea",
        "near",
        "the",
        "port",
    ]
    ctx = onto.contexts_for(lemmas)
    assert ctx[0] == "maritime"  # ship, red sea, port
    assert "military" in ctx
    assert onto.contexts_for(["nuclear", "enrichment", "iaea"])[0] == "cbrn"
    assert onto.contexts_for(["hello", "world"]) == []


def test_contexts_for_matches_phrases_only_in_order(onto: Ontology) -> None:
    assert "legal" in onto.contexts_for(["supreme", "court"])
    assert "humanitarian" in onto.contexts_for(["red", "cross"])
    assert "humanitarian" not in onto.contexts_for(["cross", "red"])


def test_bad_cameo_entries_are_reported() -> None:
    onto = load_ontology()
    types, contexts = onto.plover_types, onto.contexts

    def parse(rows: list[dict[str, object]]) -> None:
        ontology_mod._parse_cameo({"version": 1, "codes": rows}, types, contexts)

    good = [
        {"code": f"{r:02d}", "name": "x", "goldstein": 0.0, "plover": "ASSAULT" if r > 1 else None}
        for r in range(1, 21)
    ]
    parse(good)
    with pytest.raises(DataFileError, match="duplicate"):
        parse([*good, dict(good[5])])
    with pytest.raises(DataFileError, match="unknown PLOVER type"):
        parse([*good, {"code": "190", "name": "x", "goldstein": 1.0, "plover": "FIGHT"}])
    with pytest.raises(DataFileError, match="not a mode"):
        parse(
            [*good, {"code": "190", "name": "x", "goldstein": 1.0, "plover": "ASSAULT", "plover_mode": "x"}]
        )
    with pytest.raises(DataFileError, match="goldstein"):
        parse([*good, {"code": "190", "name": "x", "goldstein": 11, "plover": "ASSAULT"}])
    with pytest.raises(DataFileError, match="quoted string"):
        parse([*good, {"code": 190, "name": "x", "goldstein": 1.0, "plover": "ASSAULT"}])
    with pytest.raises(DataFileError, match="parent"):
        parse([*good, {"code": "1901", "name": "x", "goldstein": 1.0, "plover": "ASSAULT"}])
    with pytest.raises(DataFileError, match="missing root"):
        parse(good[:-1])
    with pytest.raises(DataFileError, match="only CAMEO 01"):
        parse([*good, {"code": "190", "name": "x", "goldstein": 1.0, "plover": None}])


def test_bad_plover_and_cue_entries_are_reported() -> None:
    with pytest.raises(DataFileError, match="orientation"):
        ontology_mod._parse_plover(
            {
                "types": {"AGREE": {"description": "d", "orientation": "friendly", "modes": []}},
                "contexts": {"military": "m"},
            }
        )
    with pytest.raises(DataFileError, match="not declared"):
        ontology_mod._parse_cues({"cues": {"astrology": ["star"]}}, {"military": "m"})
    with pytest.raises(DataFileError, match="lower-case"):
        ontology_mod._parse_cues({"cues": {"military": ["Army"]}}, {"military": "m"})
