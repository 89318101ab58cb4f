"""Export stored events to files other tools read: Parquet, CSV, PLOVER (POLECAT) JSONL, GDELT 2.0 and ICEWS.

Example::

    from tieline.export import export_events
    from tieline.store import open_store

    with open_store("tieline.duckdb", read_only=True) as store:
        n = export_events(store, "gdelt", "events.tsv", since=date(2024, 1, 1))

Events are read from the store and written ``batch`` at a time, so memory stays flat for big stores.
The column mappings are in ``docs/exports.md``.
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from tieline.analysis._common import check_range, iter_events
from tieline.errors import UsageError
from tieline.export.rows import (
    FLAT_COLUMNS,
    GDELT_COLUMNS,
    ICEWS_COLUMNS,
    POLECAT_FIELDS,
    flat_row,
    gdelt_row,
    icews_row,
    plover_record,
)
from tieline.store.base import Store

__all__ = [
    "FLAT_COLUMNS",
    "FORMATS",
    "GDELT_COLUMNS",
    "ICEWS_COLUMNS",
    "POLECAT_FIELDS",
    "export_events",
    "flat_row",
    "gdelt_row",
    "icews_row",
    "plover_record",
]

FORMATS: tuple[str, ...] = ("parquet", "csv", "plover-jsonl", "gdelt", "icews", "geojson")

DEFAULT_BATCH = 10_000

Meta = dict[str, dict[str, Any]]


def _article_meta(store: Store, batch: int) -> Meta:
    """Every stored article's metadata (no text), by id: url, source, date, coded_at."""
    out: Meta = {}
    offset = 0
    while True:
        page = store.articles(limit=batch, offset=offset)
        for a in page:
            out[str(a["id"])] = {k: a.get(k) for k in ("url", "source", "date", "title", "coded_at")}
        if len(page) < batch:
            return out
        offset += len(page)


def _batches(
    store: Store, since: _dt.date | None, until: _dt.date | None, batch: int
) -> Iterator[list[dict[str, Any]]]:
    buf: list[dict[str, Any]] = []
    for e in iter_events(store, since=since, until=until, batch=batch):
        buf.append(e)
        if len(buf) >= batch:
            yield buf
            buf = []
    if buf:
        yield buf


def _cameo_names() -> Callable[[str], str]:
    from tieline.events.ontology import load_ontology

    onto = load_ontology()

    def name(code: str) -> str:
        return onto.codes[code].name if code in onto.codes else ""

    return name


def _open_text(out: Path) -> IO[str]:
    return out.open("w", encoding="utf-8", newline="")


def _write_parquet(batches: Iterator[list[dict[str, Any]]], meta: Meta, out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "date": pa.date32(), "double": pa.float64(), "int": pa.int64()}
    schema = pa.schema([(name, types[kind]) for name, kind in FLAT_COLUMNS])
    n = 0
    with pq.ParquetWriter(str(out), schema, compression="zstd") as writer:
        for events in batches:
            rows = [flat_row(e, meta.get(str(e.get("article_id")))) for e in events]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n


def _write_csv(batches: Iterator[list[dict[str, Any]]], meta: Meta, out: Path) -> int:
    n = 0
    with _open_text(out) as f:
        writer = csv.writer(f)
        writer.writerow([name for name, _ in FLAT_COLUMNS])
        for events in batches:
            for e in events:
                row = flat_row(e, meta.get(str(e.get("article_id"))))
                writer.writerow(["" if row[c] is None else row[c] for c, _ in FLAT_COLUMNS])
                n += 1
    return n


def _write_geojson(batches: Iterator[list[dict[str, Any]]], out: Path) -> int:
    """A GeoJSON FeatureCollection of the events that have coordinates (tieline.geo.events_to_geojson)."""
    import json

    from ..geo import events_to_geojson

    events = [e for b in batches for e in b]
    collection = events_to_geojson(events)
    out.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return len(collection.get("features", []))


def _write_plover(batches: Iterator[list[dict[str, Any]]], meta: Meta, out: Path) -> int:
    n = 0
    with _open_text(out) as f:
        for events in batches:
            for e in events:
                rec = plover_record(e, meta.get(str(e.get("article_id"))))
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def _tsv_field(value: Any) -> str:
    # Tabs and line breaks would break a tab-separated row; GDELT and ICEWS files have neither.
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _write_tsv(
    batches: Iterator[list[dict[str, Any]]],
    out: Path,
    header: tuple[str, ...] | None,
    row: Callable[[dict[str, Any]], list[Any]],
) -> int:
    n = 0
    with _open_text(out) as f:
        if header is not None:
            f.write("\t".join(header) + "\n")
        for events in batches:
            for e in events:
                f.write("\t".join(_tsv_field(v) for v in row(e)) + "\n")
                n += 1
    return n


def export_events(
    store: Store,
    fmt: str,
    out: str | Path,
    *,
    since: _dt.date | None = None,
    until: _dt.date | None = None,
    batch: int = DEFAULT_BATCH,
    header: bool | None = None,
) -> int:
    """Write the store's events (optionally within ``since``..``until``) to ``out``; return the count.

    ``fmt``: ``parquet`` and ``csv`` (flat columns, ``FLAT_COLUMNS``), ``plover-jsonl`` (one
    POLECAT-style record a line), ``gdelt`` (GDELT 2.0 event table, tab-separated, no header row
    like GDELT's own files unless ``header=True``), ``icews`` (ICEWS columns, tab-separated, with a
    header row unless ``header=False``).
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}", hint="use one of: " + ", ".join(FORMATS))
    if batch < 1:
        raise UsageError(f"batch must be at least 1, not {batch}")
    check_range(since, until)
    path = Path(out)
    if path.is_dir():
        raise UsageError(f"--out {path} is a directory", hint="give a file path")
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = _article_meta(store, batch)
    batches = _batches(store, since, until, batch)
    if fmt == "parquet":
        return _write_parquet(batches, meta, path)
    if fmt == "csv":
        return _write_csv(batches, meta, path)
    if fmt == "plover-jsonl":
        return _write_plover(batches, meta, path)
    if fmt == "geojson":
        return _write_geojson(batches, path)
    if fmt == "gdelt":
        return _write_tsv(
            batches,
            path,
            GDELT_COLUMNS if header else None,
            lambda e: gdelt_row(e, meta.get(str(e.get("article_id")))),
        )
    names = _cameo_names()
    return _write_tsv(
        batches,
        path,
        None if header is False else ICEWS_COLUMNS,
        lambda e: icews_row(
            e, meta.get(str(e.get("article_id"))), cameo_name=names(str(e.get("cameo") or ""))
        ),
    )
