"""``tieline serve``: the REST API and the dashboard over a store (FastAPI on uvicorn)."""

from __future__ import annotations

import json
import os
from typing import Any

import click

from tieline.cli import DB_HELP, _db, _friendly, _require_db
from tieline.errors import UsageError

__all__ = ["app_from_env", "commands", "serve"]

# With --workers, each uvicorn worker process builds its own app (and opens its own store) from this.
WORKER_ENV = "TIELINE_SERVE_WORKER"

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def build_app(
    db: str,
    *,
    token_env: str,
    cors: tuple[str, ...] = (),
    max_page: int = 200,
    max_body: int = 2_000_000,
) -> tuple[Any, Any]:
    """Open the store (read-only unless a write token is set) and build the app; returns (app, store)."""
    from tieline.api import DeskConfig, create_app
    from tieline.store import open_store

    token = os.environ.get(token_env) or None
    if token is not None and len(token) < 16:
        raise UsageError(f"${token_env} is shorter than 16 characters", hint="use a long random token")
    config = DeskConfig(token=token, max_page=max_page, max_body_bytes=max_body, cors_origins=cors)
    if token is None:
        _require_db(db)
    store = open_store(db, read_only=token is None)
    return create_app(store, config=config), store


def app_from_env() -> Any:
    """The app for one uvicorn worker process (``--workers N``): settings from ``$TIELINE_SERVE_WORKER``."""
    settings = json.loads(os.environ[WORKER_ENV])
    app, _store = build_app(
        settings["db"],
        token_env=settings["token_env"],
        cors=tuple(settings["cors"]),
        max_page=settings["max_page"],
        max_body=settings["max_body"],
    )
    return app  # the store lives as long as the worker process


@click.command()
@click.option("--db", help=DB_HELP)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="address to bind (local only by default)"
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--token-env",
    default="TIELINE_TOKEN",
    show_default=True,
    help="environment variable holding the write token; unset means the server is read-only",
)
@click.option("--cors", multiple=True, help="allow this browser origin (repeatable); CORS is off by default")
@click.option(
    "--max-page", default=200, show_default=True, type=click.IntRange(1, 10_000), help="page-size limit"
)
@click.option(
    "--max-body",
    default=2_000_000,
    show_default=True,
    type=click.IntRange(1_000, 100_000_000),
    help="request body limit in bytes",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="server processes; more than one needs a read-only server (no token) or PostgreSQL",
)
@_friendly
def serve(
    db: str | None,
    host: str,
    port: int,
    token_env: str,
    cors: tuple[str, ...],
    max_page: int,
    max_body: int,
    workers: int,
) -> None:
    """Serve the REST API (/api/v1, OpenAPI at /api/docs) and the dashboard (/)."""
    import uvicorn

    from tieline.store.postgres import is_postgres_url

    path = _db(db)
    app, store = build_app(path, token_env=token_env, cors=cors, max_page=max_page, max_body=max_body)
    writable = app.state.desk.config.writable
    mode = "read-write (bearer token)" if writable else f"read-only (set ${token_env} to allow writes)"
    if workers > 1 and writable and not is_postgres_url(path):
        store.close()
        raise UsageError(
            "--workers > 1 with a write token needs PostgreSQL: a DuckDB file has one writing process",
            hint="serve read-only (unset the token), or use --workers 1",
        )
    if host not in LOCAL_HOSTS:
        click.echo(f"warning: binding {host}, reachable from other machines", err=True)
    click.echo(f"tieline serving {path} on http://{host}:{port}/ ({mode}, {workers} worker(s))", err=True)
    if workers > 1:
        # Each worker opens the store itself (read-only DuckDB files may be opened by many processes).
        store.close()
        settings = {"db": path, "token_env": token_env, "cors": list(cors), "max_page": max_page,
                    "max_body": max_body}  # fmt: skip
        os.environ[WORKER_ENV] = json.dumps(settings)
        uvicorn.run(
            "tieline.commands.serve:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            server_header=False,
        )
        return
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    finally:
        store.close()


commands: list[click.Command] = [serve]
