"""Dashboard routes: each page reads through the ``Desk`` and renders a template."""

import datetime as _dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from tieline.api import derive
from tieline.api.desk import Desk, EventFilter, parse_dyad, parse_quads
from tieline.errors import UsageError
from tieline.web import STATIC_DIR, templates
from tieline.web.highlight import event_spans, segments
from tieline.web.svg import network_svg, roles_svg, timeline_svg, world_svg

__all__ = ["pages_router"]

CODE = r"^[A-Za-z0-9_]{2,24}$"
LATEST = 100  # events listed on a dyad page (the rest are one click away in search)


def _land() -> str | None:
    p = STATIC_DIR / "land.path"
    return p.read_text(encoding="utf-8").strip() if p.exists() else None


def _date(value: str | None, what: str) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{what} {value!r} is not a date (use YYYY-MM-DD)") from None


def _confidence(value: str | None) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        conf = float(value)
    except ValueError:
        raise HTTPException(400, f"min_confidence {value!r} is not a number") from None
    if not 0.0 <= conf <= 1.0:
        raise HTTPException(400, f"min_confidence {value!r} is not between 0 and 1")
    return conf


def pages_router(desk: Desk) -> APIRouter:
    r = APIRouter(include_in_schema=False)
    land = _land()

    def render(request: Request, name: str, page: str, **ctx: Any) -> HTMLResponse:
        ctx.setdefault("title", page)
        return templates.TemplateResponse(request, name, {"page": page, **ctx})

    @r.get("/", response_class=HTMLResponse)
    def overview(request: Request) -> HTMLResponse:
        counts = desk.store.counts()
        dyads = desk.dyads(limit=12)
        peak = max((d["events"] for d in dyads), default=1)
        return render(
            request,
            "overview.html",
            "overview",
            title="Overview",
            counts=counts,
            latest=desk.latest_events(15),
            dyads=dyads,
            peak=peak,
            world=world_svg(desk.places(), land=land),
            read_only=not desk.config.writable,
        )

    @r.get("/dyads/{a}/{b}", response_class=HTMLResponse)
    def dyad(
        request: Request,
        a: Annotated[str, Path(pattern=CODE)],
        b: Annotated[str, Path(pattern=CODE)],
        by: Annotated[str | None, Query(pattern="^(day|week|month|year)$")] = None,
    ) -> HTMLResponse:
        A, B = a.upper(), b.upper()
        dossier = desk.dossier(A, B, limit=10)
        counts = dossier["counts"]
        period = by or derive.choose_period([d for d in (counts["first"], counts["last"]) if d])
        rows = desk.timeline(A, B, by=period)
        events = desk.latest_dyad_events(A, B, LATEST)
        return render(
            request,
            "dyad.html",
            "dyad",
            title=f"{A} – {B}",
            a=A,
            b=B,
            by=period,
            chart=timeline_svg(rows, title=f"{A} – {B}: cooperation and conflict per {period}"),
            world=world_svg(desk.places(dyad=(A, B)), land=land),
            dossier=dossier,
            events=events,
            latest=LATEST,
        )

    @r.get("/events/{event_id}", response_class=HTMLResponse)
    def event(
        request: Request,
        event_id: Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")],
        article: Annotated[str | None, Query(max_length=200)] = None,
    ) -> HTMLResponse:
        found = desk.event_detail(event_id, article_id=article)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        e = found["event"]
        art = found["article"] or {}
        text = art.get("text") or e["evidence"]["text"]
        offset = 0 if art.get("text") else int(e["evidence"]["start"])
        spans = [(s - offset, t - offset, m) for s, t, m in event_spans(e)]
        return render(
            request,
            "event.html",
            "event",
            title=f"{e['event']} {_sides(e['actor'])} → {_sides(e['recipient'])}",
            e=e,
            article=art,
            segs=segments(text, spans),
            others=found["other_events"],
            related=found["other_sources"],
            dyad=_dyad_of(e),
        )

    @r.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(request: Request, article_id: Annotated[str, Path(max_length=200)]) -> HTMLResponse:
        found = desk.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        spans: list[tuple[int, int, str]] = []
        for e in found["events"]:
            spans += [(s, t, m) for s, t, m in event_spans(e) if m != "evidence"]
        return render(
            request,
            "article.html",
            "article",
            title=found["article"].get("title") or article_id,
            article=found["article"],
            segs=segments(found["article"].get("text") or "", spans),
            events=found["events"],
        )

    @r.get("/actors", response_class=HTMLResponse)
    def actors(
        request: Request,
        q: Annotated[str | None, Query(max_length=100)] = None,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> HTMLResponse:
        page = desk.actors(q=q, limit=100, offset=offset)
        return render(request, "actors.html", "actors", title="Actors", page_=page, q=q or "")

    @r.get("/actors/{code}", response_class=HTMLResponse)
    def actor(request: Request, code: Annotated[str, Path(pattern=CODE)]) -> HTMLResponse:
        found = desk.actor(code)
        if not found["entities"] and not found["counts"]["events"] and not found["roles"]:
            raise HTTPException(404, f"no actor {code.upper()} in the store or knowledge base")
        today = _dt.date.today().isoformat()
        return render(
            request,
            "actor.html",
            "actor",
            title=found["name"],
            actor=found,
            roles_chart=roles_svg(found["roles"][-30:], today=today),
        )

    @r.get("/network", response_class=HTMLResponse)
    def network(
        request: Request,
        since: str | None = None,
        until: str | None = None,
        min_weight: Annotated[int, Query(ge=1, le=1000)] = 1,
    ) -> HTMLResponse:
        net = desk.network(since=_date(since, "since"), until=_date(until, "until"), min_weight=min_weight)
        return render(
            request,
            "network.html",
            "network",
            title="Network",
            net=net,
            chart=network_svg(net),
            since=since or "",
            until=until or "",
            min_weight=min_weight,
        )

    @r.get("/search", response_class=HTMLResponse)
    def search(
        request: Request,
        q: Annotated[str | None, Query(max_length=200)] = None,
        actor: Annotated[str | None, Query(max_length=40)] = None,
        dyad: Annotated[str | None, Query(max_length=60)] = None,
        type: Annotated[str | None, Query(max_length=40)] = None,
        quad: Annotated[str | None, Query(max_length=20)] = None,
        since: str | None = None,
        until: str | None = None,
        min_confidence: Annotated[str | None, Query(max_length=10)] = None,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> HTMLResponse:
        conf = _confidence(min_confidence)
        try:
            f = EventFilter(
                actor=actor.strip().upper() if actor and actor.strip() else None,
                dyad=parse_dyad(dyad) if dyad and dyad.strip() else None,
                event_type=type.strip().upper() if type and type.strip() else None,
                quad=parse_quads(quad),
                since=_date(since, "since"),
                until=_date(until, "until"),
                min_confidence=conf,
                text=q.strip() if q and q.strip() else None,
            )
            page = desk.events(f, limit=50, offset=offset)
        except UsageError as exc:
            raise HTTPException(400, exc.message) from None
        return render(
            request,
            "search.html",
            "search",
            title="Search",
            f=f,
            form={
                "q": q or "",
                "actor": actor or "",
                "dyad": dyad or "",
                "type": type or "",
                "quad": quad or "",
                "since": since or "",
                "until": until or "",
                "min_confidence": "" if conf is None else conf,
            },
            page_=page,
            types=sorted(desk_types(desk)),
        )

    @r.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((STATIC_DIR / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    return r


def desk_types(desk: Desk) -> set[str]:
    """PLOVER types for the search form."""
    from tieline.events.ontology import load_ontology

    return set(load_ontology().plover_types)


def _sides(actors: list[dict[str, Any]]) -> str:
    return ", ".join(a.get("code") or a.get("country") or a.get("name") or "?" for a in actors) or "–"


def _dyad_of(e: dict[str, Any]) -> tuple[str, str] | None:
    a, b = sorted(derive.side_codes(e["actor"])), sorted(derive.side_codes(e["recipient"]))
    if a and b and a[0] != b[0]:
        x, y = sorted((a[0], b[0]))
        return x, y
    return None
