"""Every endpoint over a hand-built store: answers, bad parameters (4xx with the one error shape), limits,
the token rule, and safety headers."""

from __future__ import annotations

from typing import Any

import pytest

TOKEN = "s3cret-token-for-tests-0123456789"  # the same as conftest.TOKEN (fixture `token` checks it)


def assert_error(resp: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    if code is not None:
        assert body["error"]["code"] == code
    return body["error"]


def ids(resp: Any) -> list[str]:
    assert resp.status_code == 200, resp.text
    return [e["id"] for e in resp.json()["items"]]


def test_health_and_openapi(client: Any) -> None:
    h = client.get("/api/v1/health").json()
    assert h["read_only"] is True
    assert h["counts"]["events"] == 5
    spec = client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    for p in (
        "/api/v1/events",
        "/api/v1/events/{event_id}",
        "/api/v1/dyads/{a}/{b}/timeline",
        "/api/v1/dyads/{a}/{b}/dossier",
        "/api/v1/network",
        "/api/v1/actors",
        "/api/v1/actors/lookup",
        "/api/v1/actors/{code}",
        "/api/v1/agreements",
        "/api/v1/articles",
        "/api/v1/sources",
        "/api/v1/articles/batch",
        "/api/v1/articles/{article_id}/recode",
    ):
        assert p in paths
    assert not any(p.startswith("/dyads") for p in paths)  # dashboard pages stay out of the API description


def test_events_filters(client: Any) -> None:
    assert ids(client.get("/api/v1/events")) == [
        "ev-art-1-2",
        "ev-art-1-1",
        "ev-art-3-1",
        "ev-art-2-2",
        "ev-art-2-1",
    ]
    assert ids(client.get("/api/v1/events?dyad=SOM-KEN")) == ["ev-art-1-1", "ev-art-3-1", "ev-art-2-1"]
    assert ids(client.get("/api/v1/events?dyad=KEN:SOM&type=agree")) == ["ev-art-1-1", "ev-art-3-1"]
    assert ids(client.get("/api/v1/events?actor=ETH")) == ["ev-art-2-2"]
    assert ids(client.get("/api/v1/events?quad=3,4")) == ["ev-art-1-2", "ev-art-2-2", "ev-art-2-1"]
    assert ids(client.get("/api/v1/events?min_confidence=0.5&quad=3")) == []
    assert ids(client.get("/api/v1/events?since=2024-03-06&until=2024-04-09")) == ["ev-art-3-1", "ev-art-2-2"]
    assert ids(client.get("/api/v1/events?q=BORDER raids")) == ["ev-art-2-1"]
    assert ids(client.get("/api/v1/events?q=ethiopia")) == ["ev-art-2-2"]  # actor names are searched
    assert ids(client.get("/api/v1/events?modality=pledged")) == ["ev-art-3-1"]
    assert ids(client.get("/api/v1/events?article_id=art-2")) == ["ev-art-2-2", "ev-art-2-1"]


def test_events_pagination(client: Any) -> None:
    first = client.get("/api/v1/events?limit=2").json()
    assert [e["id"] for e in first["items"]] == ["ev-art-1-2", "ev-art-1-1"]
    assert first["has_more"] is True and first["next_offset"] == 2
    last = client.get("/api/v1/events?limit=2&offset=4").json()
    assert [e["id"] for e in last["items"]] == ["ev-art-2-1"]
    assert last["has_more"] is False and last["next_offset"] is None
    # paging also works through the filters the store does not do itself
    p1 = client.get("/api/v1/events?quad=3,4&limit=2").json()
    p2 = client.get("/api/v1/events?quad=3,4&limit=2&offset=2").json()
    assert [e["id"] for e in p1["items"] + p2["items"]] == ["ev-art-1-2", "ev-art-2-2", "ev-art-2-1"]
    assert p1["has_more"] and not p2["has_more"]


@pytest.mark.parametrize(
    "query, status, code",
    [
        ("limit=0", 422, "invalid_parameter"),
        ("limit=11", 422, "invalid_parameter"),  # over the configured page-size limit (10)
        ("limit=abc", 422, "invalid_parameter"),
        ("offset=-1", 422, "invalid_parameter"),
        ("since=2024-13-01", 422, "invalid_parameter"),
        ("until=yesterday", 422, "invalid_parameter"),
        ("since=2024-05-01&until=2024-01-01", 400, "bad_request"),
        ("dyad=KEN", 400, "bad_request"),
        ("dyad=KEN-SOM-ETH", 400, "bad_request"),
        ("quad=5", 400, "bad_request"),
        ("min_confidence=2", 422, "invalid_parameter"),
        ("modality=maybe", 422, "invalid_parameter"),
        ("q=" + "x" * 201, 422, "invalid_parameter"),
    ],
)
def test_events_bad_parameters(client: Any, query: str, status: int, code: str) -> None:
    assert_error(client.get("/api/v1/events?" + query), status, code)


def test_one_event_with_article_and_other_sources(client: Any) -> None:
    body = client.get("/api/v1/events/ev-art-1-1").json()
    assert body["event"]["id"] == "ev-art-1-1"
    assert body["article"]["text"].startswith("Kenya and Somalia signed")
    assert [e["id"] for e in body["other_events"]] == ["ev-art-1-2"]
    # art-3 reports the same agreement a day later
    assert [e["id"] for e in body["other_sources"]] == ["ev-art-3-1"]
    assert isinstance(body["mentions"], list)
    fast = client.get("/api/v1/events/ev-art-1-1?article_id=art-1").json()
    assert fast["event"] == body["event"]
    assert_error(client.get("/api/v1/events/ev-nope"), 404, "not_found")
    assert_error(client.get("/api/v1/events/bad%20id!"), 422, "invalid_parameter")


def test_dyad_timeline(client: Any) -> None:
    body = client.get("/api/v1/dyads/ken/som/timeline").json()
    assert body["dyad"] == ["KEN", "SOM"]
    rows = body["items"]
    assert [r["period"] for r in rows] == ["2024-03", "2024-04"]
    assert rows[0]["cooperation"] == 2 and rows[0]["conflict"] == 0 and rows[0]["goldstein_sum"] == 16.0
    assert rows[1]["conflict"] == 1 and rows[1]["goldstein_mean"] == -2.0
    days = client.get("/api/v1/dyads/KEN/SOM/timeline?by=day&since=2024-03-06").json()["items"]
    # the rows `tieline dyad` gives: every day from the first to the last, empty ones included
    assert [r["period"] for r in days if r["events"]] == ["2024-03-06", "2024-04-10"]
    assert len(days) == 36 and days[1] == {**days[1], "period": "2024-03-07", "events": 0, "conflict": 0}
    assert_error(client.get("/api/v1/dyads/KEN/SOM/timeline?by=decade"), 422, "invalid_parameter")
    assert_error(client.get("/api/v1/dyads/K%3BDROP/SOM/timeline"), 422, "invalid_parameter")


def test_dyads_and_dossier(client: Any) -> None:
    dy = client.get("/api/v1/dyads").json()["items"]
    assert dy[0]["dyad"] == "KEN-SOM" and dy[0]["events"] == 3
    d = client.get("/api/v1/dyads/KEN/SOM/dossier").json()
    c = d["counts"]  # the report `tieline dossier` prints (tieline.analysis.dossier)
    assert (c["events"], c["cooperation"], c["conflict"]) == (3, 2, 1)
    assert c["by_type"] == {"ACCUSE": 1, "AGREE": 2} and (c["first"], c["last"]) == (
        "2024-03-05",
        "2024-04-10",
    )
    assert [a["id"] for a in d["agreements"]] == ["ev-art-1-1"]  # the pledged signing is a pledge
    assert [p["id"] for p in d["pledges"]] == ["ev-art-3-1"]
    assert [k["id"] for k in d["key_events"]][:2] == ["ev-art-3-1", "ev-art-1-1"]
    assert d["shared_adversaries"] == [] and d["trend"]["as_of"] == "2024-04-10"
    assert client.get("/api/v1/dyads/KEN/SOM/dossier?limit=0").json()["agreements"] == []
    # Somalia (attacked by al-Shabaab, coded SOM) and Ethiopia (attacks al-Shabaab, SOM): no third party
    e = client.get("/api/v1/dyads/ETH/SOM/dossier").json()
    assert e["counts"]["events"] == 1
    assert_error(client.get("/api/v1/dyads/KEN/SOM/dossier?since=nope"), 422, "invalid_parameter")


def test_network(client: Any) -> None:
    net = client.get("/api/v1/network").json()
    # the graph `tieline network` writes: al-Shabaab is its own party, not folded into Somalia
    assert {n["id"] for n in net["nodes"]} == {"ETH", "KEN", "SOM", "SOMREBSHB"}
    edges = {(e["source"], e["target"], e["relation"]): e["weight"] for e in net["edges"]}
    assert edges == {
        ("KEN", "SOM", "cooperation"): 2,
        ("KEN", "SOM", "conflict"): 1,
        ("ETH", "SOMREBSHB", "conflict"): 1,
        ("SOM", "SOMREBSHB", "conflict"): 1,
    }
    strong = client.get("/api/v1/network?min_weight=2").json()
    assert [(e["source"], e["target"]) for e in strong["edges"]] == [("KEN", "SOM")]
    assert_error(client.get("/api/v1/network?min_weight=0"), 422, "invalid_parameter")


def test_actors_list_profile_and_lookup(client: Any) -> None:
    page = client.get("/api/v1/actors?limit=2").json()
    assert len(page["items"]) == 2 and page["has_more"] is True
    found = client.get("/api/v1/actors?q=shabaab").json()["items"]
    assert [a["code"] for a in found] == ["SOMREBSHB"]
    ken = client.get("/api/v1/actors/ken").json()
    assert ken["code"] == "KEN" and ken["name"] == "Kenya"
    assert ken["partners"] == [{"code": "SOM", "events": 2}]
    assert ken["adversaries"] == [{"code": "SOM", "events": 1}]
    assert ken["counts"]["events"] == 3
    assert isinstance(ken["roles"], list)
    assert_error(client.get("/api/v1/actors/ZZZ"), 404, "not_found")
    assert_error(client.get("/api/v1/actors/a%20b"), 422, "invalid_parameter")
    look = client.get("/api/v1/actors/lookup?name=Kenya&date=2024-03-01").json()
    assert any(r["country"] == "KEN" for r in look["items"])
    assert_error(client.get("/api/v1/actors/lookup"), 422, "invalid_parameter")
    assert_error(client.get("/api/v1/actors/lookup?name=Kenya&date=March"), 422, "invalid_parameter")


def test_agreements_articles_sources_places(client: Any) -> None:
    assert ids(client.get("/api/v1/agreements")) == ["ev-art-1-1", "ev-art-3-1"]
    assert ids(client.get("/api/v1/agreements?since=2024-03-06")) == ["ev-art-3-1"]
    arts = client.get("/api/v1/articles").json()["items"]
    assert [a["id"] for a in arts] == ["art-1", "art-3", "art-2"]
    assert "text" not in arts[0]
    assert [a["id"] for a in client.get("/api/v1/articles?source=Daily B").json()["items"]] == [
        "art-3",
        "art-2",
    ]
    one = client.get("/api/v1/articles/art-3").json()
    assert one["article"]["text"].endswith("<script>alert(1)</script>")  # JSON carries the text unchanged
    assert [e["id"] for e in one["events"]] == ["ev-art-3-1"]
    assert_error(client.get("/api/v1/articles/nope"), 404, "not_found")
    src = client.get("/api/v1/sources").json()["items"]
    assert src == [
        {"source": "Daily B", "articles": 2, "events": 3, "first": "2024-03-06", "last": "2024-04-10"},
        {"source": "Daily A", "articles": 1, "events": 2, "first": "2024-03-05", "last": "2024-03-05"},
    ]
    places = client.get("/api/v1/places").json()["items"]
    assert places[0]["name"] == "Nairobi" and places[0]["events"] == 1 and places[0]["cooperation"] == 1


def test_unknown_route_and_method_use_the_error_shape(client: Any) -> None:
    assert_error(client.get("/api/v1/nothing"), 404, "not_found")
    assert_error(client.delete("/api/v1/events"), 405, "method_not_allowed")


def test_read_only_server_refuses_writes(client: Any) -> None:
    for path, body in (("/api/v1/articles", {"text": "x"}), ("/api/v1/articles/art-1/recode", None)):
        err = assert_error(client.post(path, json=body, headers={"Authorization": f"Bearer {TOKEN}"}), 403)
        assert err["code"] == "read_only"
    assert_error(client.post("/api/v1/articles/batch", content=b'{"text": "x"}\n'), 403, "read_only")


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": TOKEN},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": "Bearer "},
    ],
)
def test_writes_need_the_right_bearer_token(tokened: Any, headers: dict[str, str]) -> None:
    assert_error(tokened.post("/api/v1/articles", json={"text": "x"}, headers=headers), 401, "unauthorized")
    assert_error(tokened.post("/api/v1/articles/art-1/recode", headers=headers), 401, "unauthorized")
    assert tokened.get("/api/v1/health").json()["read_only"] is False


def test_request_body_limit(tokened: Any) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = {"text": "Kenya met Somalia. " * 200}
    assert_error(tokened.post("/api/v1/articles", json=big, headers=auth), 413, "payload_too_large")
    # without a Content-Length (chunked), the stream is counted
    chunks = (b'{"text": "' + b"a" * 500 + b'"}\n' for _ in range(10))
    assert_error(
        tokened.post("/api/v1/articles/batch", content=chunks, headers=auth), 413, "payload_too_large"
    )


def test_bad_write_bodies(tokened: Any) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert_error(
        tokened.post("/api/v1/articles", json={"title": "no text"}, headers=auth), 422, "invalid_record"
    )
    assert_error(
        tokened.post(
            "/api/v1/articles", content=b"not json", headers={**auth, "Content-Type": "application/json"}
        ),
        422,
    )
    assert_error(tokened.post("/api/v1/articles/batch", content=b"\n\n", headers=auth), 400, "bad_request")
    assert_error(tokened.post("/api/v1/articles/nope/recode", headers=auth), 404, "not_found")


def test_security_headers_and_no_cors_by_default(client: Any, make_client: Any, token: str) -> None:
    assert token == TOKEN
    r = client.get("/api/v1/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    allowed = make_client(cors_origins=("https://desk.example",))
    ok = allowed.get("/api/v1/health", headers={"Origin": "https://desk.example"})
    assert ok.headers["access-control-allow-origin"] == "https://desk.example"
    other = allowed.get("/api/v1/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


@pytest.mark.model
def test_ingest_one_batch_and_recode(writer: Any) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    rec = {"id": "new-1", "text": "Kenya and Somalia signed a defence pact on Tuesday.", "date": "2024-06-04"}
    r = writer.post("/api/v1/articles", json=rec, headers=auth)
    assert r.status_code == 201, r.text
    assert r.json()["article_ids"] == ["new-1"] and r.json()["events"] >= 1
    assert ids(writer.get("/api/v1/events?article_id=new-1"))
    lines = (
        '{"id": "new-2", "text": "Ethiopia attacked al-Shabaab positions near Baidoa.", "date": "2024-06-05"}\n'
        "this is not json\n"
        '{"id": "new-3", "title": "no text"}\n'
    )
    b = writer.post("/api/v1/articles/batch", content=lines.encode(), headers=auth)
    assert b.status_code == 201, b.text
    assert b.json()["article_ids"] == ["new-2"] and b.json()["skipped"] == 2
    too_many = "".join(f'{{"text": "Kenya met Somalia {i}."}}\n' for i in range(6))
    assert_error(writer.post("/api/v1/articles/batch", content=too_many.encode(), headers=auth), 413)
    again = writer.post("/api/v1/articles/new-1/recode", headers=auth)
    assert again.status_code == 200 and again.json()["events"] == r.json()["events"]
    assert writer.get("/api/v1/health").json()["counts"]["articles"] == 5


def test_dyads_cached_only_over_a_read_only_file(tmp_path: Any) -> None:
    """The /dyads aggregate is kept only when the store cannot change (a DuckDB file open read-only);
    over a writable store a write shows at once; a caller mutating an answer does not change the next."""
    from api_kit import articles

    from tieline.api.desk import Desk
    from tieline.store import open_store

    arts = articles()
    db = tmp_path / "c.duckdb"
    with open_store(db) as rw:
        rw.write_articles(arts[:1], coder="test")
        desk = Desk(rw)
        assert desk.dyads(limit=5)[0]["events"] == 1
        rw.write_articles(arts[1:], coder="test")
        assert desk.dyads(limit=5)[0]["events"] == 3  # not cached: the store is writable
        want = rw.dyad_summary(limit=5)
    with open_store(db, read_only=True) as ro:
        desk = Desk(ro)
        first = desk.dyads(limit=5)
        assert first == want
        first[0]["events"] = -1
        assert desk.dyads(limit=5) == want
        assert len(desk._cache) == 1


def test_timeline_dossier_and_network_are_the_library_s(client: Any, store: Any) -> None:
    """The API is a thin layer: the same figures as `tieline dyad`, `tieline dossier`, `tieline network`."""
    from tieline.analysis import dossier, dyad_timeline, network

    got = client.get("/api/v1/dyads/KEN/SOM/timeline?by=week").json()["items"]
    assert got == dyad_timeline(store, "KEN", "SOM", by="week") and got
    assert client.get("/api/v1/dyads/SOM/KEN/dossier").json() == dossier(store, "SOM", "KEN")
    assert client.get("/api/v1/network?min_weight=1").json() == network(store)
