"""The dashboard: HTML pages (Jinja2, autoescaped) served by the API's FastAPI app, with local assets only.

Pages: ``/`` overview, ``/dyads/{a}/{b}``, ``/events/{id}``, ``/articles/{id}``, ``/actors``,
``/actors/{code}``, ``/network``, ``/search``. Charts are inline SVG drawn on the server; no JavaScript.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

if TYPE_CHECKING:
    from tieline.api.desk import Desk

__all__ = ["STATIC_DIR", "TEMPLATE_DIR", "error_page", "mount_dashboard", "templates"]

_HERE = Path(str(resources.files("tieline.web")))
TEMPLATE_DIR = _HERE / "templates"
STATIC_DIR = _HERE / "static"

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def _sides(actors: list[dict[str, Any]]) -> str:
    return ", ".join(a.get("code") or a.get("country") or a.get("name") or "?" for a in actors) or "–"


def _make_templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(TEMPLATE_DIR))
    t.env.autoescape = True
    t.env.filters["sides"] = _sides
    t.env.globals["QUADS"] = QUADS
    t.env.filters["quadname"] = lambda q: QUADS.get(int(q), str(q))
    t.env.filters["signed"] = lambda x: f"{float(x):+.1f}"
    t.env.filters["pct"] = lambda x: f"{100 * float(x):.0f}%"
    return t


templates = _make_templates()


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "page": "error"}, status_code=status
    )


def mount_dashboard(app: FastAPI, desk: Desk) -> None:
    from tieline.web.pages import pages_router

    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(pages_router(desk))
