"""The partnership dossier on hand-built events: sections, shared adversaries, trend, counts."""

from __future__ import annotations

import datetime as dt

import pytest
from analysis_kit import AGREEMENT_SENTENCE, ETH, IRN, KEN, KENMIL, SHABAAB, USA, USAMIL, Spec, party, write

from tieline.analysis import dossier, trend
from tieline.errors import UsageError
from tieline.store import Store


def partnership() -> list[Spec]:
    return [
        Spec("m1", "2024-01-05", "CONSULT", "040", 1, 1.0, [USA], [KEN]),
        Spec("m2", "2024-05-20", "CONSULT", "043", 1, 2.8, [KEN], [USA]),
        Spec("m3", "2024-05-21", "CONSULT", "040", 1, 1.0, [USA], [KEN], modality="hypothetical"),
        Spec("g1", "2024-01-05", "AGREE", "057", 1, 8.0, [KEN], [USA], sentence=AGREEMENT_SENTENCE),
        Spec("p1", "2024-03-10", "AID", "070", 2, 7.0, [USA], [KENMIL], modality="pledged"),
        Spec("d1", "2024-03-15", "AID", "070", 2, 7.0, [USA], [KENMIL]),
        Spec("j1", "2024-04-02", "COOPERATE", "062", 2, 6.0, [USAMIL], [KENMIL], context=["military"]),
        Spec("j2", "2024-04-03", "COOPERATE", "061", 2, 6.4, [USA], [KEN], context=["economic"]),
        Spec("n1", "2024-04-04", "AID", "070", 2, 7.0, [USA], [KEN], modality="negated"),
        # adversaries: al-Shabaab fought by both (once attacking Kenya); Ethiopia only by Kenya, Iran only by the US
        Spec("s1", "2024-02-01", "ASSAULT", "190", 4, -10.0, [USAMIL], [SHABAAB]),
        Spec("s2", "2024-02-11", "ASSAULT", "190", 4, -10.0, [SHABAAB], [KENMIL]),
        Spec("s3", "2024-02-12", "ASSAULT", "190", 4, -10.0, [KEN], [SHABAAB]),
        Spec("s4", "2024-02-13", "ACCUSE", "112", 3, -2.0, [KEN], [ETH]),
        Spec("s5", "2024-02-14", "THREATEN", "130", 3, -4.4, [USA], [IRN]),
        Spec("s6", "2024-02-15", "SUPPORT", "051", 1, 3.4, [USA], [ETH]),  # cooperation: not an adversary
        Spec("s7", "2024-02-16", "ASSAULT", "190", 4, -10.0, [USA], [SHABAAB], modality="negated"),
    ]


def test_sections_hold_the_right_events(memory_store: Store) -> None:
    d = dossier(write(memory_store, partnership()), "USA", "KEN")
    assert d["a"] == {"code": "USA", "name": "United States"}
    assert d["b"] == {"code": "KEN", "name": "Kenya"}
    assert [m["id"] for m in d["meetings"]] == [
        "m2-e0",
        "m1-e0",
    ]  # most recent first; not the hypothetical one
    (agreement,) = d["agreements"]
    assert agreement["evidence"] == AGREEMENT_SENTENCE
    assert agreement["cameo"] == "057" and agreement["actor"] == ["KEN"] and agreement["recipient"] == ["USA"]
    assert [p["id"] for p in d["pledges"]] == ["p1-e0"]
    assert [a["id"] for a in d["aid"]] == ["d1-e0"]  # not the pledge, not the negated one
    assert [j["id"] for j in d["joint_operations"]] == ["j1-e0"]  # the economic cooperation is not military
    c = d["counts"]
    assert (c["meetings"], c["agreements"], c["pledges"], c["aid"], c["joint_operations"]) == (2, 1, 1, 1, 1)
    assert c["events"] == 7 and c["cooperation"] == 7 and c["conflict"] == 0
    assert (c["negated"], c["hypothetical"]) == (1, 1)
    assert c["by_type"] == {"AGREE": 1, "AID": 2, "CONSULT": 2, "COOPERATE": 2}
    assert (c["first"], c["last"]) == ("2024-01-05", "2024-05-20")
    assert c["sources"] == 7
    assert c["goldstein_mean"] == pytest.approx((1.0 + 2.8 + 8.0 + 7.0 + 7.0 + 6.0 + 6.4) / 7)


def test_shared_adversaries(memory_store: Store) -> None:
    d = dossier(write(memory_store, partnership()), "USA", "KEN")
    (adv,) = d["shared_adversaries"]
    assert adv["party"] == "SOMREB"
    assert (adv["conflict_with_a"], adv["conflict_with_b"], adv["events"]) == (
        1,
        2,
        3,
    )  # not the negated attack
    assert adv["last"] == "2024-02-12"
    assert sorted(adv["examples"]) == ["s1-e0", "s2-e0", "s3-e0"]
    assert d["counts"]["shared_adversaries"] == 1


def test_window_and_limit(memory_store: Store) -> None:
    write(memory_store, partnership())
    d = dossier(memory_store, "USA", "KEN", since=dt.date(2024, 3, 1), limit=1)
    assert d["meetings"][0]["id"] == "m2-e0" and d["counts"]["meetings"] == 1
    assert d["counts"]["agreements"] == 0 and d["agreements"] == []
    assert d["shared_adversaries"] == []  # the fighting was in February
    assert d["since"] == "2024-03-01"
    d = dossier(memory_store, "USA", "KEN", limit=1)
    assert len(d["meetings"]) == 1 and d["counts"]["meetings"] == 2


def test_trend_in_the_dossier(memory_store: Store) -> None:
    d = dossier(write(memory_store, partnership()), "USA", "KEN")
    t = d["trend"]
    assert t["as_of"] == "2024-05-20"  # the dyad's latest counted event
    # 90 days up to 20 May (2024 is a leap year) start on 21 February: pledge, aid, two cooperations,
    # the May meeting
    assert t["recent"]["start"] == "2024-02-21" and t["recent"]["events"] == 5
    assert t["previous"]["events"] == 2  # the January meeting and agreement
    assert t["recent"]["goldstein_mean"] == pytest.approx(5.84)
    assert t["previous"]["goldstein_mean"] == pytest.approx(4.5)
    assert t["direction"] == "warmer"  # up by more than one point
    empty = dossier(memory_store, "KEN", "IRN")
    assert empty["trend"] == {"as_of": None, "direction": "no data"}
    assert empty["counts"]["events"] == 0


def _e(date: str, quad: int, goldstein: float) -> dict[str, object]:
    return {"date": date, "quad": quad, "goldstein": goldstein}


def test_trend_by_hand() -> None:
    as_of = dt.date(2024, 12, 31)
    events = [
        _e("2024-12-30", 4, -10.0),
        _e("2024-10-03", 3, -4.0),  # the first day of the 90-day window
        _e("2024-10-02", 1, 3.0),  # the day before: previous window
        _e("2023-10-04", 1, 5.0),  # the first day of the previous 365 days (with 29 February 2024)
        _e("2023-10-03", 1, 9.0),  # too old
    ]
    t = trend(events, as_of)
    assert (t["recent"]["start"], t["recent"]["end"]) == ("2024-10-03", "2024-12-31")
    assert (t["previous"]["start"], t["previous"]["end"]) == ("2023-10-04", "2024-10-02")
    assert (t["recent"]["events"], t["recent"]["conflict"], t["recent"]["goldstein_mean"]) == (2, 2, -7.0)
    assert (t["previous"]["events"], t["previous"]["cooperation"], t["previous"]["goldstein_mean"]) == (
        2,
        2,
        4.0,
    )
    assert t["direction"] == "cooler"
    assert t["activity"] == pytest.approx((2 / 90) / (2 / 365), abs=1e-3)
    assert trend([_e("2024-12-01", 1, 1.0)], as_of)["direction"] == "new activity"
    assert trend([_e("2024-01-01", 1, 1.0)], as_of)["direction"] == "quiet"
    assert trend([], as_of)["direction"] == "no data"


def test_dossier_arguments(memory_store: Store) -> None:
    with pytest.raises(UsageError):
        dossier(memory_store, "KEN", "KEN")
    with pytest.raises(UsageError):
        dossier(memory_store, "KEN", "USA", limit=-1)


def test_actor_codes_work_as_sides(memory_store: Store) -> None:
    igad = party("IGOEAFIGD", kind="igo", name="IGAD")
    write(memory_store, [Spec("i1", "2024-06-01", "CONSULT", "040", 1, 1.0, [igad], [KEN])])
    d = dossier(memory_store, "IGOEAFIGD", "KEN")
    assert d["counts"]["meetings"] == 1


def test_key_events_weigh_goldstein_by_confidence(memory_store: Store) -> None:
    specs = partnership()
    specs.append(Spec("c1", "2024-05-30", "CONSULT", "040", 1, 9.5, [USA], [KEN], confidence=0.2))
    d = dossier(write(memory_store, specs), "USA", "KEN")
    # |Goldstein| x confidence, ties most recent first; the barely-confident 9.5 falls behind, the
    # negated and hypothetical events are not key events
    assert [k["id"] for k in d["key_events"]] == [
        "g1-e0", "d1-e0", "p1-e0", "j2-e0", "j1-e0", "m2-e0", "c1-e0", "m1-e0",
    ]  # fmt: skip
    assert d["key_events"][0]["evidence"] == AGREEMENT_SENTENCE
    assert [k["id"] for k in dossier(memory_store, "USA", "KEN", limit=2)["key_events"]] == ["g1-e0", "d1-e0"]
