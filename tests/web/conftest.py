"""A live dashboard over the demo articles (coded with the real pipeline), served by uvicorn in a thread,
and a headless Debian chromium driven by Playwright.

Browser tests skip when playwright or /usr/bin/chromium is missing, and fail instead under CI=true.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("TIELINE_ARTIFACTS", ROOT / "tmp" / "artifacts"))

# An article written for this test: real sentences the coder codes, and markup that must stay text.
HOSTILE_ID = "test-hostile-markup"
HOSTILE_TEXT = (
    "Kenya and Somalia signed a defence pact in Nairobi on Tuesday. "
    '<script>window.__pwned = "script";document.title = "pwned";</script> '
    "The Kenyan defence ministry said the pact covers border patrols. "
    '<img src="x" onerror="window.__pwned = \'img\'"> <b>bold claim</b> '
    "<a href=\"javascript:window.__pwned='link'\">click</a> & more."
)


def _need_browser() -> None:
    problem = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problem = "playwright is not installed (pip install playwright)"
    if problem is None and not os.path.exists(CHROMIUM):
        problem = f"{CHROMIUM} is missing (run .ci/browser.sh)"
    if problem:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser tests must run under CI: {problem}")
        pytest.skip(problem)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, pipe: Any) -> Path:
    """A DuckDB file with the demo articles and the hostile article coded through tieline.load()."""
    from tieline.cli import ingest_articles
    from tieline.ingest.samples import sample_articles
    from tieline.model import Article
    from tieline.store import open_store

    path = tmp_path_factory.mktemp("web") / "demo.duckdb"
    hostile = Article.create(
        HOSTILE_TEXT, id=HOSTILE_ID, title="<i>Pact</i> & <script>x()</script>", date="2024-05-07"
    )
    with open_store(path) as store:
        ingest_articles(pipe, store, [*sample_articles(), hostile], date=None, progress=False)
    return path


@pytest.fixture(scope="session")
def live_server(demo_db: Path) -> Iterator[str]:
    """uvicorn serving the app (read-only) on a free local port; yields the base URL."""
    _need_browser()
    import uvicorn

    from tieline.api import DeskConfig, create_app
    from tieline.store import open_store

    store = open_store(demo_db, read_only=True)
    app = create_app(store, config=DeskConfig())
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()


@pytest.fixture(scope="session")
def browser(live_server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 860}, device_scale_factor=1)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.errors = errors
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def hostile() -> dict[str, str]:
    return {"id": HOSTILE_ID, "text": HOSTILE_TEXT}
