"""Hand-built articles and events for the API tests. A module of its own (not conftest) so that tests
import it by a unique name."""

from __future__ import annotations

from tieline.model import Actor, Article, Event, Evidence, Location

TOKEN = "s3cret-token-for-tests-0123456789"

TEXTS = {
    "art-1": "Kenya and Somalia signed a defence pact in Nairobi on Tuesday. Al-Shabaab attacked a base in Somalia.",
    "art-2": "Kenya accused Somalia of border raids. Ethiopia attacked al-Shabaab positions near Baidoa.",
    "art-3": "Kenya and Somalia signed the pact, officials said. <script>alert(1)</script>",
}


def state(text: str, needle: str, iso: str, name: str) -> Actor:
    start = text.index(needle)
    return Actor(needle, start, start + len(needle), name, iso, None, "state", iso)


def group(text: str, needle: str) -> Actor:
    start = text.index(needle)
    return Actor(needle, start, start + len(needle), "al-Shabaab", "SOM", "REB", "armed_group", "SOMREBSHB")


def event(
    aid: str,
    n: int,
    date: str,
    kind: str,
    cameo: str,
    quad: int,
    gold: float,
    actor: list[Actor],
    recipient: list[Actor],
    trigger: str,
    *,
    sentence: int = 0,
    modality: str = "asserted",
    conf: float = 0.8,
    location: Location | None = None,
) -> Event:
    text = TEXTS[aid]
    sentences = [s for s in text.split(". ")]
    s_start = text.index(sentences[sentence])
    s_end = s_start + len(sentences[sentence])
    t = text.index(trigger, s_start)
    return Event(
        id=f"ev-{aid}-{n}",
        article_id=aid,
        date=date,
        event=kind,
        mode="",
        context=[],
        cameo=cameo,
        goldstein=gold,
        quad=quad,
        actor=actor,
        recipient=recipient,
        location=location,
        modality=modality,
        confidence=conf,
        evidence=Evidence(
            text[s_start:s_end], s_start, s_end, {"text": trigger, "start": t, "end": t + len(trigger)}
        ),
        reason=f"hand-built {kind}",
        coder="test",
    )


def articles() -> list[Article]:
    t1, t2, t3 = TEXTS["art-1"], TEXTS["art-2"], TEXTS["art-3"]
    a1 = Article.create(t1, id="art-1", title="Pact", date="2024-03-05", source="Daily A")
    nairobi = Location(
        "Nairobi",
        t1.index("Nairobi"),
        t1.index("Nairobi") + 7,
        "Nairobi",
        "city",
        "KEN",
        -1.29,
        36.82,
        "city",
    )
    a1.events = [
        event(
            "art-1",
            1,
            "2024-03-05",
            "AGREE",
            "057",
            1,
            8.0,
            [state(t1, "Kenya", "KEN", "Kenya")],
            [state(t1, "Somalia", "SOM", "Somalia")],
            "signed",
            location=nairobi,
        ),
        event(
            "art-1",
            2,
            "2024-03-04",
            "ASSAULT",
            "190",
            4,
            -10.0,
            [group(t1, "Al-Shabaab")],
            [state(t1, "Somalia", "SOM", "Somalia")],
            "attacked",
            sentence=1,
        ),
    ]
    a2 = Article.create(t2, id="art-2", title="Raids", date="2024-04-10", source="Daily B")
    a2.events = [
        event(
            "art-2",
            1,
            "2024-04-10",
            "ACCUSE",
            "112",
            3,
            -2.0,
            [state(t2, "Kenya", "KEN", "Kenya")],
            [state(t2, "Somalia", "SOM", "Somalia")],
            "accused",
            conf=0.4,
        ),
        event(
            "art-2",
            2,
            "2024-04-09",
            "ASSAULT",
            "190",
            4,
            -10.0,
            [state(t2, "Ethiopia", "ETH", "Ethiopia")],
            [group(t2, "al-Shabaab")],
            "attacked",
            sentence=1,
        ),
    ]
    a3 = Article.create(t3, id="art-3", title="<b>Pact</b> again", date="2024-03-06", source="Daily B")
    a3.events = [
        event(
            "art-3",
            1,
            "2024-03-06",
            "AGREE",
            "057",
            1,
            8.0,
            [state(t3, "Kenya", "KEN", "Kenya")],
            [state(t3, "Somalia", "SOM", "Somalia")],
            "signed",
            modality="pledged",
        ),
    ]
    return [a1, a2, a3]
