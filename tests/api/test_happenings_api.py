"""``/api/v1/happenings`` and the happening on ``/api/v1/events/{id}``: the store's dedup over HTTP."""

from __future__ import annotations

from typing import Any

from tieline.model import Actor, Article, Event, Evidence


def state(text: str, needle: str, iso: str, name: str) -> Actor:
    start = text.index(needle)
    return Actor(needle, start, start + len(needle), name, iso, None, "state", iso)


SECOND = "Somalia and Kenya agreed a defence pact on Tuesday, officials in Mogadishu said."


def second_report() -> Article:
    """Another outlet's report of art-1's KEN-SOM pact (same day, sides the other way round)."""
    a = Article.create(SECOND, id="art-4", title="Pact (2)", date="2024-03-05", source="Daily C")
    t = SECOND.index("agreed")
    a.events = [
        Event(
            id="ev-art-4-1", article_id="art-4", date="2024-03-05", event="AGREE", mode="", context=[],
            cameo="057", goldstein=8.0, quad=1,
            actor=[state(SECOND, "Somalia", "SOM", "Somalia")], recipient=[state(SECOND, "Kenya", "KEN", "Kenya")],
            location=None, modality="asserted", confidence=0.8,
            evidence=Evidence(SECOND[:-1], 0, len(SECOND) - 1, {"text": "agreed", "start": t, "end": t + 6}),
            reason="hand-built AGREE", coder="test",
        )
    ]  # fmt: skip
    return a


def test_happenings_list_detail_and_event(store: Any, client: Any) -> None:
    store.write_articles([second_report()], coder="test")
    res = client.get("/api/v1/happenings", params={"dyad": "KEN-SOM", "type": "agree"})
    assert res.status_code == 200, res.text
    body = res.json()
    # art-3's pledged signing of the pact is the same happening (AGREE is a commitment type)
    [h] = body["items"]
    assert h["n_mentions"] == 3
    assert h["sources"] == ["Daily A", "Daily B", "Daily C"] and h["articles"] == ["art-1", "art-3", "art-4"]
    assert h["location"]["name"] == "Nairobi"
    detail = client.get(f"/api/v1/happenings/{h['id']}").json()
    assert [m["event_id"] for m in detail["mentions"]] == ["ev-art-1-1", "ev-art-3-1", "ev-art-4-1"]
    assert [x["action"] for x in detail["log"]] == ["new", "merge", "merge"]
    assert detail["explanation"][0]["rules"]["actors"].startswith("parties {KEN, SOM}")
    ev = client.get("/api/v1/events/ev-art-4-1").json()
    assert ev["event"]["id"] == "ev-art-4-1"
    assert ev["happening"]["id"] == h["id"] and ev["happening"]["n_sources"] == 3


def test_happenings_paging_filters_and_errors(store: Any, client: Any) -> None:
    every = client.get("/api/v1/happenings").json()
    assert every["count"] == len(store.happenings()) == 4  # five events; the pact reported twice is one
    page = client.get("/api/v1/happenings", params={"limit": 2, "offset": 1}).json()
    assert [x["id"] for x in page["items"]] == [x["id"] for x in every["items"][1:3]]
    assert page["has_more"] and page["next_offset"] == 3
    assert not client.get("/api/v1/happenings", params={"limit": 2, "offset": 2}).json()["has_more"]
    [pact] = client.get("/api/v1/happenings", params={"min_sources": 2}).json()["items"]
    assert pact["event"] == "AGREE" and pact["sources"] == ["Daily A", "Daily B"]
    assert client.get("/api/v1/happenings", params={"since": "2024-04-01"}).json()["count"] == 2
    res = client.get("/api/v1/happenings/h-nope")
    assert res.status_code == 404 and res.json()["error"]["code"] == "not_found"
    for bad in ({"dyad": "KEN"}, {"since": "March"}, {"limit": 0}, {"actor": "'; DROP TABLE x"}):
        res = client.get("/api/v1/happenings", params=bad)
        assert 400 <= res.status_code < 500 and "error" in res.json(), bad
    assert client.get("/api/v1/events/ev-art-2-1").json()["happening"]["n_mentions"] == 1
