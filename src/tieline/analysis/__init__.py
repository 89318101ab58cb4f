"""Analysis over a store (read-only), shared by the CLI, the API and the web views.

Example::

    from tieline.analysis import dyad_timeline, dossier, network
    from tieline.store import open_store

    with open_store("tieline.duckdb", read_only=True) as store:
        rows = dyad_timeline(store, "USA", "KEN", by="month")
        report = dossier(store, "USA", "KEN")
        net = network(store, since=date(2024, 1, 1), min_weight=2)

Every function returns plain JSON-ready ``dict``/``list`` values. Negated and hypothetical events are
not counted (``COUNTED_MODALITIES``); cooperation is quad classes 1-2 and conflict 3-4.
"""

from __future__ import annotations

from tieline.analysis._common import COUNTED_MODALITIES, PERIODS, event_sources, iter_events, party_key
from tieline.analysis.dossier import KEY_EVENTS, SECTIONS, brief, dossier, key_events, trend
from tieline.analysis.network import (
    RANKINGS,
    network,
    network_from_events,
    to_graphml,
    to_json,
    top_actors,
    top_dyads,
)
from tieline.analysis.plot import plot_timeline
from tieline.analysis.timeline import (
    TIMELINE_COLUMNS,
    change_points,
    detect_change_points,
    dyad_timeline,
    timeline_rows,
)

__all__ = [
    "COUNTED_MODALITIES",
    "KEY_EVENTS",
    "PERIODS",
    "RANKINGS",
    "SECTIONS",
    "TIMELINE_COLUMNS",
    "brief",
    "change_points",
    "detect_change_points",
    "dossier",
    "dyad_timeline",
    "event_sources",
    "iter_events",
    "key_events",
    "network",
    "network_from_events",
    "party_key",
    "plot_timeline",
    "timeline_rows",
    "to_graphml",
    "to_json",
    "top_actors",
    "top_dyads",
    "trend",
]
