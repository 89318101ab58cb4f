"""Events link the platforms, weapons, units, operations and agreements of their sentence."""

from __future__ import annotations

from entity_builders import event, mention

from tieline.entities import link_entities


def roles(ev) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(d["text"], d["role"]) for d in ev.entities]


def test_aid_records_what_was_delivered() -> None:
    text = "Norway delivered NASAMS launchers and artillery shells to Ukraine."
    ev = event(text, "AID", "delivered", actors=["Norway"], recipients=["Ukraine"])
    ms = [mention("NASAMS launchers", text, "MILITARY_PLATFORM", "nasams"), mention("artillery shells", text, "WEAPON"),
          mention("Ukraine", text, "GPE")]  # fmt: skip
    link_entities([ev], ms)
    assert roles(ev) == [("NASAMS launchers", "delivered"), ("artillery shells", "delivered")]
    assert ev.entities[0]["entity_id"] == "nasams" and ev.entities[0]["label"] == "MILITARY_PLATFORM"
    assert "entity_id" not in ev.entities[1]
    assert text[ev.entities[1]["start"] : ev.entities[1]["end"]] == "artillery shells"


def test_assault_records_weapons_used_and_the_platform_attacked() -> None:
    text = "Rebels attacked the USS Halvard with anti-ship missiles and drones."
    ev = event(text, "ASSAULT", "attacked", actors=["Rebels"], recipients=["the USS Halvard"])
    ms = [mention("USS Halvard", text, "MILITARY_PLATFORM"), mention("anti-ship missiles", text, "WEAPON"),
          mention("drones", text, "MILITARY_PLATFORM")]  # fmt: skip
    link_entities([ev], ms)
    assert roles(ev) == [("USS Halvard", "target"), ("anti-ship missiles", "used"), ("drones", "used")]


def test_cooperate_records_the_exercise() -> None:
    text = "Greece and Egypt held Exercise Medusa Dawn with frigates."
    ev = event(text, "COOPERATE", "held", actors=["Greece"], recipients=["Egypt"])
    ms = [mention("Exercise Medusa Dawn", text, "OPERATION"), mention("frigates", text, "MILITARY_PLATFORM")]
    link_entities([ev], ms)
    assert roles(ev) == [("Exercise Medusa Dawn", "exercise")]


def test_agree_and_support_record_the_agreement() -> None:
    text = "Kenya and Somalia signed a five-year defence cooperation framework, which Uganda backed."
    agree = event(text, "AGREE", "signed", actors=["Kenya"], recipients=["Somalia"])
    support = event(text, "SUPPORT", "backed", actors=["Uganda"])
    ms = [mention("a five-year defence cooperation framework", text, "AGREEMENT")]
    link_entities([agree, support], ms)
    # one mention, two candidate events: the nearest trigger takes it
    assert roles(agree) == [("a five-year defence cooperation framework", "agreement")]
    assert support.entities == []
    text2 = "Poland endorsed the New START treaty."
    ev2 = event(text2, "SUPPORT", "endorsed", actors=["Poland"])
    link_entities([ev2], [mention("the New START treaty", text2, "AGREEMENT")])
    assert roles(ev2) == [("the New START treaty", "agreement")]


def test_mentions_outside_the_sentence_or_of_the_wrong_kind_are_not_linked() -> None:
    text = "Chad deployed troops. Mali received Su-25 jets. Niger signed a pact."
    s1 = (0, text.index(".") + 1)
    mobilize = event(text, "MOBILIZE", "deployed", sentence=s1, actors=["Chad"])
    ms = [mention("Su-25 jets", text, "MILITARY_PLATFORM"), mention("a pact", text, "AGREEMENT")]
    link_entities([mobilize], ms)
    assert mobilize.entities == []


def test_actor_mentions_are_not_linked_and_linking_twice_adds_nothing() -> None:
    text = "The 101st Airborne Division attacked the positions with Apache helicopters."
    ev = event(text, "ASSAULT", "attacked", actors=["The 101st Airborne Division"])
    ms = [mention("The 101st Airborne Division", text, "MILITARY_UNIT"),
          mention("Apache helicopters", text, "MILITARY_PLATFORM", "ah-64")]  # fmt: skip
    link_entities([ev], ms)
    link_entities([ev], ms)
    assert roles(ev) == [("Apache helicopters", "used")]


def test_two_events_in_one_sentence_split_the_mentions_by_distance() -> None:
    text = "Moscow attacked Odesa with Kalibr missiles while Berlin delivered IRIS-T launchers to Kyiv."
    assault = event(text, "ASSAULT", "attacked", actors=["Moscow"], recipients=["Odesa"])
    aid = event(text, "AID", "delivered", actors=["Berlin"], recipients=["Kyiv"])
    ms = [
        mention("Kalibr missiles", text, "WEAPON", "kalibr"),
        mention("IRIS-T launchers", text, "MILITARY_PLATFORM"),
    ]
    link_entities([assault, aid], ms)
    assert roles(assault) == [("Kalibr missiles", "used")]
    assert roles(aid) == [("IRIS-T launchers", "delivered")]
