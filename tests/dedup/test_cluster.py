"""Each merge rule on hand-built event dicts (no model)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from tieline.dedup import assign, cluster_events, compare, split
from tieline.dedup.rules import parse_rules
from tieline.errors import DataFileError


def party(key: str, kind: str = "state", text: str | None = None) -> dict[str, Any]:
    # an "org" here is one the knowledge base does not know: no country, no code
    code = key if kind == "state" else ""
    return {
        "text": text or key,
        "name": key,
        "country": key if kind == "state" else None,
        "code": code,
        "kind": kind,
    }


def ev(eid: str, art: str, etype: str, actor: list[Any], recipient: list[Any], date: str = "2024-03-04", *,
       mode: str = "", source: str = "text", loc: dict[str, Any] | None = None, modality: str = "asserted",
       sent: tuple[int, int] = (0, 50), trig: tuple[int, int] = (10, 15)) -> dict[str, Any]:  # fmt: skip
    return {
        "id": eid, "article_id": art, "date": date, "date_precision": "day", "date_source": source,
        "event": etype, "mode": mode, "cameo": "040", "modality": modality,
        "actor": [party(a) if isinstance(a, str) else a for a in actor],
        "recipient": [party(r) if isinstance(r, str) else r for r in recipient],
        "location": loc,
        "evidence": {"text": "", "start": sent[0], "end": sent[1], "trigger": {"text": "", "start": trig[0], "end": trig[1]}},
    }  # fmt: skip


def city(name: str, country: str) -> dict[str, Any]:
    return {"name": name, "kind": "city", "country": country, "lat": None, "lon": None, "precision": "city"}


def groups(hs: list[Any]) -> set[frozenset[str]]:
    return {frozenset(h.mentions) for h in hs}


def test_same_type_same_actors_within_window_merge_and_explain() -> None:
    hs = cluster_events(
        [
            ev("e1", "a1", "CONSULT", ["USA"], ["KEN"]),
            ev("e2", "a2", "CONSULT", ["USA"], ["KEN"], "2024-03-05"),
        ]
    )
    assert groups(hs) == {frozenset({"e1", "e2"})}
    (h,) = hs
    assert h.sources == ("a1", "a2") and h.id == "h1"
    (x,) = h.explanation
    assert x["mention"] == "e2" and x["matched_with"] == "e1"
    assert set(x["rules"]) >= {"type", "actors", "date", "place", "modality"}


def test_reciprocal_types_ignore_direction_directed_types_do_not() -> None:
    assert compare(ev("e1", "a1", "CONSULT", ["USA"], ["KEN"]), ev("e2", "a2", "CONSULT", ["KEN"], ["USA"]))[
        "merge"
    ]
    assert not compare(
        ev("e1", "a1", "ASSAULT", ["ISR"], ["IRN"]), ev("e2", "a2", "ASSAULT", ["IRN"], ["ISR"])
    )["merge"]


def test_different_actors_or_types_do_not_merge() -> None:
    assert not compare(
        ev("e1", "a1", "CONSULT", ["USA"], ["KEN"]), ev("e2", "a2", "CONSULT", ["USA"], ["JPN"])
    )["merge"]
    assert not compare(
        ev("e1", "a1", "CONSULT", ["USA"], ["KEN"]), ev("e2", "a2", "AGREE", ["USA"], ["KEN"])
    )["merge"]


def test_window_depends_on_type() -> None:
    a = ev("e1", "a1", "ASSAULT", ["RUS"], ["UKR"], "2024-03-04")
    b = ev("e2", "a2", "ASSAULT", ["RUS"], ["UKR"], "2024-03-07")
    assert not compare(a, b)["merge"]
    a2 = ev("e1", "a1", "AGREE", ["USA"], ["KEN"], "2024-03-04")
    b2 = ev("e2", "a2", "AGREE", ["USA"], ["KEN"], "2024-03-09")
    assert compare(a2, b2)["merge"]
    assert len(cluster_events([a2, b2], windows={"AGREE": 1})) == 2


def test_article_dated_mention_covers_days_before_publication() -> None:
    early = ev("e1", "a1", "CONSULT", ["USA"], ["KEN"], "2024-03-04")
    late = ev("e2", "a2", "CONSULT", ["USA"], ["KEN"], "2024-03-08", source="article")
    text_late = ev("e3", "a3", "CONSULT", ["USA"], ["KEN"], "2024-03-08", source="text")
    assert compare(early, late)["merge"]
    assert not compare(early, text_late)["merge"]


def test_places_must_agree_where_both_known() -> None:
    a = ev("e1", "a1", "ASSAULT", ["RUS"], ["UKR"], loc=city("Kharkiv", "UKR"))
    b = ev("e2", "a2", "ASSAULT", ["RUS"], ["UKR"], loc=city("Odesa", "UKR"))
    c = ev("e3", "a3", "ASSAULT", ["RUS"], ["UKR"])
    assert not compare(a, b)["merge"]
    assert compare(a, c)["merge"]


def test_place_words_of_participants_tell_targets_apart() -> None:
    a = ev("e1", "a1", "ASSAULT", ["RUS"], [party("UKR", text="the Ukrainian city of Kharkiv")])
    b = ev("e2", "a2", "ASSAULT", ["RUS"], [party("Odesa", kind="org")])
    c = ev("e3", "a3", "ASSAULT", ["RUS"], [party("Kharkiv", kind="org")])
    assert not compare(a, b)["merge"]
    assert compare(a, c)["merge"]


def test_incomplete_mention_that_fits_two_happenings_joins_neither() -> None:
    k = ev("e1", "a1", "ASSAULT", ["RUS"], ["UKR"], loc=city("Kharkiv", "UKR"))
    o = ev("e2", "a2", "ASSAULT", ["RUS"], ["UKR"], loc=city("Odesa", "UKR"))
    vague = ev("e3", "a3", "ASSAULT", ["RUS"], [])
    assert len(cluster_events([k, o, vague])) == 3
    assert groups(cluster_events([k, vague])) == {frozenset({"e1", "e3"})}


def test_same_article_different_triggers_merge_only_within_one_sentence() -> None:
    a = ev("e1", "a1", "CONSULT", ["USA"], ["KEN"], sent=(0, 50), trig=(5, 8))
    b = ev("e2", "a1", "CONSULT", ["USA"], ["KEN"], sent=(51, 90), trig=(60, 65))
    c = ev("e3", "a1", "CONSULT", ["USA"], [], sent=(0, 50), trig=(20, 27))
    assert len(cluster_events([a, b])) == 2
    assert compare(a, c)["merge"]


def test_modality_and_commitments() -> None:
    assert not compare(
        ev("e1", "a1", "ASSAULT", ["ISR"], ["IRN"]),
        ev("e2", "a2", "ASSAULT", ["ISR"], ["IRN"], modality="threatened"),
    )["merge"]
    assert compare(
        ev("e1", "a1", "AGREE", ["USA"], ["NER"]),
        ev("e2", "a2", "AGREE", ["USA"], ["NER"], modality="pledged"),
    )["merge"]


def test_visit_and_host_are_one_meeting_phone_is_not() -> None:
    assert compare(
        ev("e1", "a1", "CONSULT", ["USA"], ["JPN"], mode="visit"),
        ev("e2", "a2", "CONSULT", ["JPN"], ["USA"], mode="host"),
    )["merge"]
    assert not compare(
        ev("e1", "a1", "CONSULT", ["USA"], ["JPN"], mode="visit"),
        ev("e2", "a2", "CONSULT", ["JPN"], ["USA"], mode="phone"),
    )["merge"]


def test_output_does_not_depend_on_input_order() -> None:
    events = [
        ev("e1", "a1", "CONSULT", ["USA"], ["KEN"]), ev("e2", "a2", "CONSULT", ["KEN"], ["USA"]),
        ev("e3", "a3", "CONSULT", ["USA"], []), ev("e4", "a4", "ASSAULT", ["RUS"], ["UKR"]),
        ev("e5", "a5", "ASSAULT", ["RUS"], ["UKR"], "2024-03-05"), ev("e6", "a6", "CONSULT", ["USA"], ["KEN"], "2024-05-01"),
    ]  # fmt: skip
    first = [h.to_dict() for h in cluster_events(events)]
    rng = random.Random(7)
    for _ in range(5):
        shuffled = events[:]
        rng.shuffle(shuffled)
        assert [h.to_dict() for h in cluster_events(shuffled)] == first


def test_split_undoes_a_merge_and_assign_does_not_merge_it_back() -> None:
    events = [ev("e1", "a1", "CONSULT", ["USA"], ["KEN"]), ev("e2", "a2", "CONSULT", ["USA"], ["KEN"])]
    (h,) = cluster_events(events)
    rest, alone = split(h, "e2")
    assert rest.id == h.id and rest.mentions == ("e1",) and alone.mentions == ("e2",)
    again = assign([], [rest, alone])
    assert groups(again) == {frozenset({"e1"}), frozenset({"e2"})}
    with pytest.raises(KeyError):
        split(h, "nope")


def test_assign_recoded_article_replaces_its_mentions() -> None:
    hs = cluster_events(
        [ev("e1", "a1", "CONSULT", ["USA"], ["KEN"]), ev("e2", "a2", "CONSULT", ["USA"], ["KEN"])]
    )
    recoded = [ev("e9", "a2", "CONSULT", ["KEN"], ["USA"])]  # same article, new coder output
    out = assign(recoded, hs)
    assert groups(out) == {frozenset({"e1", "e9"})}
    assert out[0].id == hs[0].id
    assert assign(recoded, out)[0].mentions == ("e1", "e9")  # idempotent
    new = assign([ev("e7", "a7", "ASSAULT", ["RUS"], ["UKR"])], out)
    assert len(new) == 2


def test_rules_file_is_checked() -> None:
    with pytest.raises(DataFileError):
        parse_rules({"windows": {}})
    with pytest.raises(DataFileError):
        parse_rules({"version": 1, "windows": {"ASSAULT": -1}})
    with pytest.raises(DataFileError):
        parse_rules({"version": 1, "compatible_types": [["AGREE"]]})


def test_a_place_named_as_such_tells_coded_cities_apart() -> None:
    kharkiv = ev("e1", "a1", "ASSAULT", ["RUS"], ["UKR"], loc=city("Kharkiv", "UKR"))
    odesa = ev("e2", "a2", "ASSAULT", ["RUS"], [party("UKR", text="the Ukrainian port of Odesa")])
    bare = ev("e3", "a3", "ASSAULT", ["RUS"], [party("Odesa", kind="org")])
    assert not compare(kharkiv, odesa)["merge"]  # a coded city and a place named as such: both known
    assert compare(kharkiv, bare)["merge"]  # bare capitals of an unknown participant are too weak
    folded = ev("e4", "a4", "ASSAULT", ["UKR"], [party("Ryazan", kind="org")])
    coded = ev("e5", "a5", "ASSAULT", ["UKR"], ["RUS"], loc=city("Ryazan’", "RUS"))
    assert compare(folded, coded)["matched"]["place"] == "place ryazan"


def test_country_centroids_are_not_distances() -> None:
    russia = {
        "name": "Russia",
        "kind": "country",
        "country": "RUS",
        "lat": 61.5,
        "lon": 105.3,
        "precision": "country",
    }
    a = ev("e1", "a1", "ASSAULT", ["UKR"], [party("Belgorod", kind="org")], loc=russia)
    b = ev("e2", "a2", "ASSAULT", ["UKR"], [party("Ryazan", kind="org")], loc=russia)
    c = ev("e3", "a3", "ASSAULT", ["UKR"], [party("Belgorod", kind="org")], loc=russia)
    assert not compare(a, b)["merge"]
    assert compare(a, c)["merge"]


def test_a_self_dyad_mention_is_incomplete() -> None:
    # "the US agreed to withdraw its troops": a coder that codes USA -> USA names no counterpart
    self_dyad = ev("e1", "a1", "AGREE", ["USA"], ["USA"])
    pact = ev("e2", "a2", "AGREE", ["USA"], ["NER"])
    assert compare(self_dyad, pact)["merge"]
    assert not compare(ev("e3", "a3", "AGREE", ["USA"], ["KEN"]), pact)["merge"]


def test_police_and_troops_deployments_are_one_mode() -> None:
    a = ev("e1", "a1", "MOBILIZE", ["KEN"], ["HTI"], mode="police")
    b = ev("e2", "a2", "MOBILIZE", ["KEN"], ["HTI"], mode="troops")
    assert compare(a, b)["merge"]
    assert not compare(a, ev("e3", "a3", "MOBILIZE", ["KEN"], ["HTI"], mode="navy"))["merge"]


def test_an_accusation_reports_the_act_against_the_accuser() -> None:
    attack = ev("e1", "a1", "ASSAULT", ["CHN"], ["PHL"], "2024-03-23")
    accusation = ev("e2", "a2", "ACCUSE", ["PHL"], ["CHN"], "2024-03-23")
    other_way = ev("e3", "a3", "ACCUSE", ["CHN"], ["PHL"], "2024-03-23")
    later = ev("e4", "a4", "ACCUSE", ["PHL"], ["CHN"], "2024-04-02")
    assert "accuser PHL" in compare(attack, accusation)["matched"]["actors"]
    assert not compare(attack, other_way)["merge"]  # the attacker accusing its target is another thing
    assert not compare(attack, later)["merge"]
    assert not compare(ev("e5", "a5", "AID", ["CHN"], ["PHL"]), ev("e6", "a6", "ACCUSE", ["PHL"], ["CHN"]))[
        "merge"
    ]
    (h,) = cluster_events([accusation, attack])
    assert h.type == "ASSAULT"  # the act, not the accusation, represents the happening
    assert [p["key"] for p in h.actors] == ["CHN"] and [p["key"] for p in h.recipients] == ["PHL"]
