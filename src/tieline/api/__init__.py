"""The REST API (FastAPI) over a ``Store``, and the ``Desk`` of operations it shares with the dashboard.

>>> from tieline.store import open_store
>>> from tieline.api import DeskConfig, create_app
>>> app = create_app(open_store("tieline.duckdb", read_only=True), config=DeskConfig())  # doctest: +SKIP

Serve it with ``tieline serve`` (uvicorn), or mount ``app`` in any ASGI server.
"""

from __future__ import annotations

from tieline.api.app import ApiError, create_app
from tieline.api.desk import Desk, DeskConfig, EventFilter, Page

__all__ = ["ApiError", "Desk", "DeskConfig", "EventFilter", "Page", "create_app"]
