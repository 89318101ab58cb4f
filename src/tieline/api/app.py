"""The FastAPI application: ``/api/v1/...`` (JSON, OpenAPI at ``/api/openapi.json``) and the dashboard.

Every error, from a bad parameter to a crash, is ``{"error": {"code": "...", "message": "..."}}``.
Writes need ``Authorization: Bearer <token>``; with no token configured the server is read-only (403).
"""

import datetime as _dt
import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from tieline import __version__
from tieline.api.desk import Desk, DeskConfig, EventFilter, parse_dyad, parse_quads
from tieline.errors import TielineError, UsageError

__all__ = ["ApiError", "create_app"]

log = logging.getLogger("tieline.api")

CODE = r"^[A-Za-z0-9_]{2,24}$"
HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_parameter",
    500: "internal_error",
    503: "unavailable",
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class ApiError(Exception):
    """An error answered as ``{"error": {"code", "message"}}`` with an HTTP status."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes (413), by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    size = int(value)
                except ValueError:
                    size = -1
                if size < 0 or size > self.limit:
                    await self._too_large(send)
                    return
        seen = 0
        started = False

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge(self.limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited, tracking_send)
        except _TooLarge:
            if not started:
                await self._too_large(send)

    async def _too_large(self, send: Send) -> None:
        body = json.dumps(error_body("payload_too_large", f"request body over {self.limit} bytes")).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _TooLarge(StarletteHTTPException):
    """Raised while reading a body over the limit; the app answers it as a 413 in the error shape."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over {limit} bytes")


class SecurityHeaders:
    """Add the security headers (CSP without inline script, nosniff, no framing) to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                extra = [
                    (k.lower().encode(), v.encode())
                    for k, v in SECURITY_HEADERS.items()
                    if k.lower().encode() not in have
                ]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, with_headers)


SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _date(value: str | None, what: str) -> _dt.date | None:
    if value is None or value == "":
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(422, "invalid_parameter", f"{what} {value!r} is not a date (use YYYY-MM-DD)") from None


def create_app(
    store: Any = None,
    *,
    config: DeskConfig | None = None,
    desk: Desk | None = None,
    pipeline_factory: Callable[[], Any] | None = None,
    dashboard: bool = True,
) -> FastAPI:
    """The application over an open store (or a ready ``Desk``). The caller owns and closes the store."""
    if desk is None:
        if store is None:
            raise ValueError("give a store or a desk")
        desk = Desk(store, config or DeskConfig(), pipeline_factory=pipeline_factory)
    cfg = desk.config
    app = FastAPI(
        title="tieline",
        version=__version__,
        description="Coded event data (PLOVER/CAMEO) about defence, security and international relations.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.desk = desk

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Any:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        message = "; ".join(parts) or "invalid request"
        if _wants_html(request) and dashboard:
            from tieline.web import error_page

            return error_page(request, 422, message)
        return error_response(422, "invalid_parameter", message)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Any:
        code = HTTP_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code
        if _wants_html(request) and dashboard:
            from tieline.web import error_page

            return error_page(request, exc.status_code, message)
        return error_response(exc.status_code, code, message)

    @app.exception_handler(UsageError)
    async def _usage(request: Request, exc: UsageError) -> JSONResponse:
        return error_response(400, "bad_request", exc.message + (f" ({exc.hint})" if exc.hint else ""))

    @app.exception_handler(TielineError)
    async def _tieline(request: Request, exc: TielineError) -> JSONResponse:
        log.warning("tieline error on %s: %s", request.url.path, exc.one_line())
        return error_response(500, "internal_error", exc.message)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(500, "internal_error", "internal error; see the server log")

    app.include_router(api_router(desk))
    app.include_router(happenings_router(desk))
    if dashboard:
        from tieline.web import mount_dashboard

        mount_dashboard(app, desk)
    if cfg.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cfg.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodyLimit, limit=cfg.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def api_router(desk: Desk) -> APIRouter:
    cfg = desk.config
    r = APIRouter(prefix="/api/v1")
    Limit = Annotated[int, Query(ge=1, le=cfg.max_page, description=f"page size, at most {cfg.max_page}")]
    Offset = Annotated[int, Query(ge=0, le=10_000_000)]
    Code = Annotated[str, Path(pattern=CODE, description="a country (ISO alpha-3) or actor code")]
    DateQ = Annotated[str | None, Query(description="YYYY-MM-DD")]

    def require_writer(authorization: Annotated[str | None, Header()] = None) -> None:
        if not cfg.writable:
            raise ApiError(403, "read_only", "this server is read-only: the operator set no write token")
        scheme, _, presented = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not cfg.check_token(presented.strip()):
            raise ApiError(401, "unauthorized", "a valid 'Authorization: Bearer <token>' header is required")

    Writer = Depends(require_writer)

    @r.get("/health", summary="Server status and row counts")
    def health() -> dict[str, Any]:
        return {
            "status": "ok",
            "version": __version__,
            "read_only": not cfg.writable,
            "counts": desk.store.counts(),
        }

    @r.get("/events", summary="Events, filtered and paginated (oldest first)")
    def events(
        actor: Annotated[str | None, Query(max_length=40)] = None,
        dyad: Annotated[str | None, Query(max_length=60, description="two codes, e.g. USA-KEN")] = None,
        type: Annotated[str | None, Query(max_length=40, description="PLOVER type or CAMEO prefix")] = None,
        quad: Annotated[str | None, Query(max_length=20, description="quad classes, e.g. 3,4")] = None,
        since: DateQ = None,
        until: DateQ = None,
        min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
        modality: Annotated[
            str | None, Query(pattern="^(asserted|pledged|threatened|negated|hypothetical)$")
        ] = None,
        q: Annotated[
            str | None, Query(max_length=200, description="text search in evidence and names")
        ] = None,
        article_id: Annotated[str | None, Query(max_length=200)] = None,
        limit: Limit = cfg.default_page,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        f = EventFilter(
            actor=actor.strip().upper() if actor else None,
            dyad=parse_dyad(dyad) if dyad else None,
            event_type=type.strip().upper() if type else None,
            quad=parse_quads(quad),
            since=_date(since, "since"),
            until=_date(until, "until"),
            min_confidence=min_confidence,
            modality=modality,
            text=q.strip() if q and q.strip() else None,
            article_id=article_id,
        )
        return desk.events(f, limit=limit, offset=offset).to_dict()

    @r.get("/events/{event_id}", summary="One event with its article text, mentions and other reports")
    def event(
        event_id: Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")],
        article_id: Annotated[str | None, Query(max_length=200, description="speeds up the lookup")] = None,
    ) -> dict[str, Any]:
        found = desk.event_detail(event_id, article_id=article_id)
        if found is None:
            raise ApiError(404, "not_found", f"no event {event_id}")
        return {**found, "happening": event_happening(desk, event_id)}

    @r.get("/dyads", summary="Most active country dyads")
    def dyads(limit: Limit = 20, since: DateQ = None, until: DateQ = None) -> dict[str, Any]:
        return {"items": desk.dyads(limit=limit, since=_date(since, "since"), until=_date(until, "until"))}

    @r.get("/dyads/{a}/{b}/timeline", summary="A dyad's cooperation and conflict per period")
    def timeline(
        a: Code,
        b: Code,
        by: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
        since: DateQ = None,
        until: DateQ = None,
    ) -> dict[str, Any]:
        A, B = a.upper(), b.upper()
        rows = desk.timeline(A, B, by=by, since=_date(since, "since"), until=_date(until, "until"))
        return {"dyad": [A, B], "by": by, "items": rows}

    @r.get("/dyads/{a}/{b}/dossier", summary="What two actors did with each other")
    def dossier(
        a: Code,
        b: Code,
        since: DateQ = None,
        until: DateQ = None,
        limit: Annotated[int, Query(ge=0, le=1000, description="events listed per section")] = 20,
    ) -> dict[str, Any]:
        return desk.dossier(
            a.upper(), b.upper(), since=_date(since, "since"), until=_date(until, "until"), limit=limit
        )

    @r.get("/network", summary="Cooperation and conflict network (nodes and weighted edges)")
    def network(
        since: DateQ = None, until: DateQ = None, min_weight: Annotated[int, Query(ge=1, le=100_000)] = 1
    ) -> dict[str, Any]:
        return desk.network(since=_date(since, "since"), until=_date(until, "until"), min_weight=min_weight)

    @r.get("/actors", summary="Actors seen in events, most active first")
    def actors(
        q: Annotated[str | None, Query(max_length=100)] = None,
        limit: Limit = cfg.default_page,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return desk.actors(q=q, limit=limit, offset=offset).to_dict()

    @r.get("/actors/lookup", summary="Who a name is on a date (knowledge base, with dated roles)")
    def lookup(
        name: Annotated[str, Query(min_length=1, max_length=200)], date: DateQ = None
    ) -> dict[str, Any]:
        return {"query": name, "date": date, "items": desk.lookup(name, _date(date, "date"))}

    @r.get("/actors/{code}", summary="An actor: entities, roles over time, partners and adversaries")
    def actor(code: Code) -> dict[str, Any]:
        found = desk.actor(code)
        if not found["entities"] and not found["counts"]["events"] and not found["roles"]:
            raise ApiError(404, "not_found", f"no actor {code.upper()} in the store or knowledge base")
        return found

    @r.get("/agreements", summary="Agreements (events of type AGREE)")
    def agreements(
        actor: Annotated[str | None, Query(max_length=40)] = None,
        dyad: Annotated[str | None, Query(max_length=60)] = None,
        since: DateQ = None,
        until: DateQ = None,
        limit: Limit = cfg.default_page,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        f = EventFilter(
            actor=actor.strip().upper() if actor else None,
            dyad=parse_dyad(dyad) if dyad else None,
            event_type="AGREE",
            since=_date(since, "since"),
            until=_date(until, "until"),
        )
        return desk.events(f, limit=limit, offset=offset).to_dict()

    @r.get("/articles", summary="Stored articles (metadata), oldest first")
    def articles(
        since: DateQ = None,
        until: DateQ = None,
        source: Annotated[str | None, Query(max_length=200)] = None,
        limit: Limit = cfg.default_page,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        page = desk.articles(
            since=_date(since, "since"),
            until=_date(until, "until"),
            source=source,
            limit=limit,
            offset=offset,
        )
        return page.to_dict()

    @r.get("/articles/{article_id}", summary="One article with its text, events and mentions")
    def article(article_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
        found = desk.article(article_id)
        if found is None:
            raise ApiError(404, "not_found", f"no article {article_id}")
        return found

    @r.get("/sources", summary="Sources with article and event counts")
    def sources() -> dict[str, Any]:
        return {"items": desk.sources()}

    @r.get("/places", summary="Where events happen: places with coordinates and event counts")
    def places() -> dict[str, Any]:
        return {"items": desk.places()}

    # -- writes -------------------------------------------------------------------------------------

    @r.post("/articles", status_code=201, dependencies=[Writer], summary="Code and store one article")
    def ingest_one(
        record: Annotated[dict[str, Any], Body(description="{id?, text, title?, date?, url?, source?}")],
    ) -> dict[str, Any]:
        from tieline.ingest import record_to_article
        from tieline.model import SkipRecord

        item = record_to_article(record, source="api")
        if isinstance(item, SkipRecord):
            raise ApiError(422, "invalid_record", f"{item.reason}: {item.detail}".rstrip(": "))
        return desk.ingest([item])

    @r.post("/articles/batch", status_code=201, dependencies=[Writer], summary="Code and store JSONL records")
    async def ingest_batch(request: Request) -> dict[str, Any]:
        from starlette.concurrency import run_in_threadpool

        from tieline.ingest import record_to_article
        from tieline.ingest.readers import skip
        from tieline.model import Article, SkipRecord

        raw = await request.body()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(400, "bad_request", "the body is not UTF-8 JSONL") from None
        items: list[Article | SkipRecord] = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                items.append(skip(f"api:{n}", "bad_json", str(exc)))
                continue
            except (ValueError, RecursionError) as exc:  # e.g. a line nested too deeply
                items.append(skip(f"api:{n}", "bad_json", f"{type(exc).__name__}: {exc}"))
                continue
            items.append(record_to_article(rec, source=f"api:{n}"))
        if not items:
            raise ApiError(400, "bad_request", "no JSONL records in the body")
        if len(items) > cfg.max_batch:
            raise ApiError(413, "payload_too_large", f"{len(items)} records; at most {cfg.max_batch} a batch")
        return await run_in_threadpool(desk.ingest, items)

    @r.post("/articles/{article_id}/recode", dependencies=[Writer], summary="Code a stored article again")
    def recode(article_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
        done = desk.recode(article_id)
        if done is None:
            raise ApiError(404, "not_found", f"no article {article_id}")
        return done

    return r


# -- happenings: one record per real-world happening (the store's dedup) --------------------------------


def event_happening(desk: Desk, event_id: str) -> dict[str, Any] | None:
    """The happening an event is a mention of, with every mention and source (``None`` without dedup)."""
    finder = getattr(desk.store, "happening_of", None)
    return finder(event_id) if callable(finder) else None


def happenings_router(desk: Desk) -> APIRouter:
    """``/api/v1/happenings`` (a page of happenings, filtered) and ``/api/v1/happenings/{id}``."""
    cfg = desk.config
    r = APIRouter(prefix="/api/v1")
    Limit = Annotated[int, Query(ge=1, le=cfg.max_page, description=f"page size, at most {cfg.max_page}")]
    Offset = Annotated[int, Query(ge=0, le=10_000_000)]

    @r.get(
        "/happenings", summary="Happenings (one per real-world happening, with their sources), oldest first"
    )
    def happenings(
        actor: Annotated[str | None, Query(max_length=40, pattern=CODE)] = None,
        dyad: Annotated[str | None, Query(max_length=60, description="two codes, e.g. USA-KEN")] = None,
        type: Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z]{2,20}$")] = None,
        since: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
        until: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
        min_sources: Annotated[int | None, Query(ge=1, le=100_000)] = None,
        limit: Limit = cfg.default_page,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        rows = desk.store.happenings(
            dyad=parse_dyad(dyad) if dyad else None,
            actor=actor.strip().upper() if actor else None,
            since=_date(since, "since"),
            until=_date(until, "until"),
            event_type=type.strip().upper() if type else None,
            min_sources=min_sources,
            limit=limit + 1,
            offset=offset,
        )
        more = len(rows) > limit
        items = rows[:limit]
        return {
            "items": items,
            "limit": limit,
            "offset": offset,
            "count": len(items),
            "has_more": more,
            "next_offset": offset + limit if more else None,
        }

    @r.get("/happenings/{happening_id}", summary="One happening with its mentions, sources and merge log")
    def happening(
        happening_id: Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")],
    ) -> dict[str, Any]:
        found = desk.store.happening(happening_id)
        if found is None:
            raise ApiError(404, "not_found", f"no happening {happening_id}")
        return found

    return r
