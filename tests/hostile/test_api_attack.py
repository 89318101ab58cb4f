"""The server under attack: SQL-injection strings in every query parameter, path traversal in every
path-like field, oversized and malformed bodies, missing and wrong tokens, and a flood of ingest
requests. Each gets the right 4xx (never a 500, never a leak) and the store is unchanged afterwards."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

_spec = importlib.util.spec_from_file_location(
    "api_kit", Path(__file__).resolve().parents[1] / "api" / "api_kit.py"
)
assert _spec and _spec.loader
api_kit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(api_kit)
TOKEN: str = api_kit.TOKEN

SQLI = [
    "' OR '1'='1", "' OR 1=1 --", "'; DROP TABLE events; --", "\"; DELETE FROM articles; --",
    "KEN' UNION SELECT * FROM articles --", "1; SELECT pg_sleep(5)", "%' OR '%'='", "\\'; --",
    "') OR ('a'='a", "KEN\x00", "$$; DROP TABLE events; $$", "/**/OR/**/1=1", "1e309", "-1",
    "2024-01-01' OR '1'='1", "{{7*7}}", "<script>alert(1)</script>",
]  # fmt: skip
TRAVERSAL = [
    "../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "....//....//etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "%252e%252e%252fetc%252fpasswd",
    "art-1/../../../etc/passwd", "file:///etc/passwd", "art-1%00.html",
]  # fmt: skip

# every GET endpoint with its query parameters (API and dashboard)
GET_PARAMS: dict[str, list[str]] = {
    "/api/v1/events": ["actor", "dyad", "type", "quad", "since", "until", "min_confidence", "modality", "q",
                       "article_id", "limit", "offset"],
    "/api/v1/events/ev-art-1-1": ["article_id"],
    "/api/v1/dyads": ["limit", "since", "until"],
    "/api/v1/dyads/KEN/SOM/timeline": ["by", "since", "until"],
    "/api/v1/dyads/KEN/SOM/dossier": ["since", "until"],
    "/api/v1/network": ["since", "until", "min_weight"],
    "/api/v1/actors": ["q", "limit", "offset"],
    "/api/v1/actors/lookup": ["name", "date"],
    "/api/v1/agreements": ["actor", "dyad", "since", "until", "limit", "offset"],
    "/api/v1/articles": ["since", "until", "source", "limit", "offset"],
    "/dyads/KEN/SOM": ["by"],
    "/events/ev-art-1-1": ["article"],
    "/actors": ["q", "offset"],
    "/network": ["min_weight"],
    "/search": ["q", "actor", "dyad", "type", "quad", "min_confidence", "offset"],
}  # fmt: skip
PATH_TEMPLATES = [
    "/api/v1/articles/{x}", "/api/v1/events/{x}", "/api/v1/actors/{x}", "/api/v1/dyads/{x}/SOM/timeline",
    "/api/v1/dyads/KEN/{x}/dossier", "/articles/{x}", "/events/{x}", "/actors/{x}", "/dyads/{x}/KEN",
    "/static/{x}",
]  # fmt: skip
LEAKS = (
    "root:x:0:0",
    "[fonts]",
    "Traceback",
    "duckdb.",
    "psycopg",
    "Parser Error",
    "Binder Error",
    "syntax error",
    'File "/',
)


def state(store: Any) -> dict[str, Any]:
    return {
        "counts": store.counts(),
        "events": sorted(json.dumps(e, sort_keys=True) for e in store.events()),
        "articles": sorted(json.dumps(a, sort_keys=True, default=str) for a in store.articles()),
    }


@pytest.fixture()
def store() -> Iterator[Any]:
    from tieline.store import open_store

    with open_store(":memory:") as s:
        s.write_articles(api_kit.articles(), coder="test")
        yield s


@pytest.fixture()
def client(store: Any) -> Iterator[Any]:
    """A factory of TestClients over the store (closed at the end: unclosed clients warn later)."""
    from fastapi.testclient import TestClient

    from tieline.api import DeskConfig, create_app

    made: list[Any] = []

    def make(store: Any = store, **config: Any) -> Any:
        c = TestClient(create_app(store, config=DeskConfig(**config)), raise_server_exceptions=False)
        made.append(c)
        return c.__enter__()

    yield make
    for c in made:
        c.__exit__(None, None, None)


def check(resp: Any, allowed: set[int], what: str) -> None:
    assert resp.status_code in allowed, f"{what}: {resp.status_code} {resp.text[:300]}"
    for leak in LEAKS:
        assert leak not in resp.text, f"{what}: response leaks {leak!r}"
    if resp.status_code >= 400 and resp.headers.get("content-type", "").startswith("application/json"):
        body = resp.json()
        assert set(body) == {"error"} and {"code", "message"} <= set(body["error"]), body


def test_sql_injection_in_every_query_parameter(store: Any, client: Any) -> None:
    c = client(store, token=TOKEN)
    before = state(store)
    n_items = len(store.events())
    tried = 0
    for path, params in GET_PARAMS.items():
        for param in params:
            for payload in SQLI:
                resp = c.get(path, params={param: payload})
                tried += 1
                check(resp, {200, 400, 404, 422}, f"{path}?{param}={payload!r}")
                if resp.status_code == 200 and path.startswith("/api") and "items" in resp.json():
                    items = resp.json()["items"]
                    if param in ("actor", "dyad", "type", "article_id", "q"):
                        assert len(items) < n_items or n_items == 0, (
                            f"{param}={payload!r} returned every event"
                        )
    assert tried == sum(len(p) for p in GET_PARAMS.values()) * len(SQLI)
    assert state(store) == before, "the data is unchanged"
    assert store._all("SELECT count(*) FROM events")[0][0] == n_items  # the table still exists


def test_path_traversal_in_every_path_field(store: Any, client: Any) -> None:
    c = client(store)
    before = state(store)
    for template in PATH_TEMPLATES:
        for payload in TRAVERSAL:
            url = template.replace("{x}", payload)
            check(c.get(url), {400, 404, 405, 422}, url)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    w = client(store, token=TOKEN)
    for payload in TRAVERSAL:
        check(w.post(f"/api/v1/articles/{payload}/recode", headers=auth), {400, 404, 405, 422}, payload)
    # a record whose fields look like paths is data, never opened
    check(
        w.post(
            "/api/v1/articles",
            json={"text": "", "url": "file:///etc/passwd", "id": "../../etc/passwd"},
            headers=auth,
        ),
        {422},
        "path-like record",
    )
    assert state(store) == before


def test_oversized_and_malformed_bodies(store: Any, client: Any) -> None:
    c = client(store, token=TOKEN, max_body_bytes=2_000)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = state(store)
    big = {"text": "Kenya met Somalia. " * 500}
    check(c.post("/api/v1/articles", json=big, headers=auth), {413}, "oversized JSON")
    check(
        c.post("/api/v1/articles/batch", content=(json.dumps(big) + "\n").encode() * 3, headers=auth),
        {413},
        "oversized batch",
    )
    check(
        c.post("/api/v1/articles/batch", content=iter([b"x" * 1500, b"y" * 1500]), headers=auth),
        {413},
        "oversized chunked body",
    )
    check(
        c.post(
            "/api/v1/articles", content=b"{not json", headers={**auth, "Content-Type": "application/json"}
        ),
        {400, 422},
        "broken JSON",
    )
    check(
        c.post(
            "/api/v1/articles",
            content=b"[" * 1500 + b"]" * 1500,
            headers={**auth, "Content-Type": "application/json"},
        ),
        {400, 413, 422},
        "deep JSON",
    )
    # a line nested 100,000 deep is a bad_json skip in the batch summary, not a crash
    roomy = client(token=TOKEN, max_body_bytes=400_000)
    deep = roomy.post("/api/v1/articles/batch", content=b"[" * 100_000 + b"]" * 100_000 + b"\n", headers=auth)
    check(deep, {201, 400, 422}, "deep JSONL line")
    if deep.status_code == 201:
        assert deep.json()["read"] == 0 and deep.json()["skipped_by_reason"] == {"bad_json": 1}
    check(c.post("/api/v1/articles/batch", content=b"\xff\xfe\x00junk", headers=auth), {400}, "not UTF-8")
    check(c.post("/api/v1/articles", json=[1, 2], headers=auth), {422}, "wrong type")
    check(c.post("/api/v1/articles", json={"text": 42}, headers=auth), {422}, "text not a string")
    check(
        c.post("/api/v1/articles", content=b"", headers={**auth, "Content-Length": "-5"}),
        {400, 413, 422},
        "negative length",
    )
    after = state(store)
    assert (after["events"], after["articles"]) == (before["events"], before["articles"])


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer"}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
     {"Authorization": f"Bearer {TOKEN[:-1]}"}, {"Authorization": f"Bearer {TOKEN}x"},
     {"Authorization": f"bearer  {TOKEN} extra"}, {"X-Token": TOKEN}],
)  # fmt: skip
def test_missing_or_wrong_token(store: Any, client: Any, headers: dict[str, str]) -> None:
    before = state(store)
    tokened, read_only = client(store, token=TOKEN), client(store)
    for path, body in (
        ("/api/v1/articles", {"text": "Kenya attacked Somalia."}),
        ("/api/v1/articles/art-1/recode", None),
    ):
        check(tokened.post(path, json=body, headers=headers), {401}, f"{path} {headers}")
        check(read_only.post(path, json=body, headers=headers), {403}, f"{path} {headers} (read-only)")
    check(
        read_only.post("/api/v1/articles", json={"text": "x"}, headers={"Authorization": f"Bearer {TOKEN}"}),
        {403},
        "a token on a read-only server",
    )
    for method in ("put", "delete", "patch"):
        check(
            getattr(tokened, method)("/api/v1/articles/art-1", headers={"Authorization": f"Bearer {TOKEN}"}),
            {405},
            method,
        )
    assert state(store) == before


def test_flood_of_ingest_requests(store: Any, client: Any) -> None:
    """600 concurrent unauthenticated or oversized ingest requests: every one refused, nothing stored."""
    tokened = client(store, token=TOKEN, max_body_bytes=4_000)
    read_only = client(store)
    before = state(store)
    line = json.dumps({"text": "Kenya attacked Somalia on Tuesday."}) + "\n"

    def one(i: int) -> tuple[int, int]:
        kind = i % 4
        if kind == 0:
            r = tokened.post("/api/v1/articles/batch", content=line.encode())
            return r.status_code, 401
        if kind == 1:
            r = tokened.post(
                "/api/v1/articles", json={"text": "x"}, headers={"Authorization": f"Bearer n{i}"}
            )
            return r.status_code, 401
        if kind == 2:
            r = read_only.post(
                "/api/v1/articles/batch", content=line.encode(), headers={"Authorization": f"Bearer {TOKEN}"}
            )
            return r.status_code, 403
        r = tokened.post(
            "/api/v1/articles/batch",
            content=(line * 200).encode(),
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        return r.status_code, 413

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(one, range(600)))
    wrong = [(got, want) for got, want in results if got != want]
    assert not wrong, f"{len(wrong)} of 600 got the wrong status, e.g. {wrong[:5]}"
    assert state(store) == before
    check(read_only.get("/api/v1/health"), {200}, "still serving")


def test_pydantics_alias_false_positive_does_not_fail_a_request() -> None:
    """pytest turns warnings into errors; pydantic's warning about the alias FastAPI gives a query parameter (a false
    positive, raised while a route is first matched) is ignored by pyproject's filters, so a request cannot fail on
    it (it once made one request of a concurrent flood a 500)."""
    import warnings

    from pydantic.warnings import UnsupportedFieldAttributeWarning

    warnings.warn(
        "The 'alias' attribute with value 'article_id' was provided to the `Field()` function, which has no effect",
        UnsupportedFieldAttributeWarning,
        stacklevel=1,
    )
