"""The packaged sample articles (``tieline/data/samples``), read through ``read_text``."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from tieline.errors import DataFileError
from tieline.ingest.readers import parse_date, read_text
from tieline.model import Article, SkipRecord

__all__ = ["SAMPLES_DIR", "SampleEntry", "load_sample_index", "sample_articles"]

SAMPLES_DIR = "data/samples"
_INDEX = "index.yaml"
_REQUIRED = ("file", "id", "date", "source", "topic")


@dataclasses.dataclass(frozen=True, slots=True)
class SampleEntry:
    file: str
    id: str
    date: _dt.date
    source: str
    topic: str


def _check_index(data: Any, where: str) -> tuple[SampleEntry, ...]:
    if not isinstance(data, dict):
        raise DataFileError(f"{where}: top level must be a mapping")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise DataFileError(f"{where}: top-level 'version' must be an integer, got {version!r}")
    articles = data.get("articles")
    if not isinstance(articles, list) or not articles:
        raise DataFileError(f"{where}: 'articles' must be a non-empty list")
    entries: list[SampleEntry] = []
    seen_ids: set[str] = set()
    seen_files: set[str] = set()
    for i, entry in enumerate(articles):
        label = f"{where}: articles[{i}]"
        if not isinstance(entry, dict):
            raise DataFileError(f"{label}: entry must be a mapping")
        missing = [k for k in _REQUIRED if k not in entry]
        if missing:
            raise DataFileError(f"{label}: missing keys {missing}")
        unknown = sorted(set(entry) - set(_REQUIRED))
        if unknown:
            raise DataFileError(f"{label}: unknown keys {unknown}")
        for key in ("file", "id", "source", "topic"):
            if not isinstance(entry[key], str) or not entry[key].strip():
                raise DataFileError(f"{label}: '{key}' must be a non-empty string")
        try:
            date = parse_date(entry["date"])
        except ValueError as exc:
            raise DataFileError(f"{label} ({entry['id']}): bad 'date': {exc}") from exc
        if date is None:
            raise DataFileError(f"{label} ({entry['id']}): 'date' is required")
        if entry["id"] in seen_ids:
            raise DataFileError(f"{label}: duplicate id {entry['id']!r}")
        if entry["file"] in seen_files:
            raise DataFileError(f"{label}: duplicate file {entry['file']!r}")
        seen_ids.add(entry["id"])
        seen_files.add(entry["file"])
        entries.append(SampleEntry(entry["file"], entry["id"], date, entry["source"], entry["topic"]))
    return tuple(entries)


@lru_cache(maxsize=1)
def load_sample_index() -> tuple[SampleEntry, ...]:
    """The checked entries of ``data/samples/index.yaml`` (raises DataFileError when malformed)."""
    where = f"tieline/{SAMPLES_DIR}/{_INDEX}"
    ref = resources.files("tieline") / SAMPLES_DIR / _INDEX
    try:
        data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{where}: cannot read: {exc}") from exc
    return _check_index(data, where)


def sample_articles() -> list[Article]:
    """The sample articles, in index order, each with the index's id, date and source name.

    Returns fresh Article objects on every call (the pipeline fills them in place).
    """
    folder = resources.files("tieline") / SAMPLES_DIR
    out: list[Article] = []
    for entry in load_sample_index():
        ref = folder / entry.file
        where = f"tieline/{SAMPLES_DIR}/{entry.file}"
        try:
            data = ref.read_bytes()
        except OSError as exc:
            raise DataFileError(f"{where} (index id {entry.id}): cannot read: {exc}") from exc
        item = read_text(data, source=str(ref), default_date=entry.date)
        if isinstance(item, SkipRecord):
            raise DataFileError(
                f"{where} (index id {entry.id}): unreadable sample: {item.reason} {item.detail}"
            )
        out.append(dataclasses.replace(item, id=entry.id, source=entry.source))
    return out
