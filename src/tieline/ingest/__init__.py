"""Ingestion: text, HTML, JSON/JSONL records, files and folders -> Article / SkipRecord.

Bad input never raises: it becomes a ``SkipRecord`` whose reason is a key of
``tieline.errors.SKIP_CODES``.
"""

from tieline.ingest.clean import clean_text, decode_bytes, load_boilerplate
from tieline.ingest.readers import (
    parse_date,
    read_html,
    read_json,
    read_jsonl,
    read_paths,
    read_text,
    record_to_article,
    split_title,
)
from tieline.ingest.summary import IngestSummary, summarise

__all__ = [
    "IngestSummary",
    "clean_text",
    "decode_bytes",
    "load_boilerplate",
    "parse_date",
    "read_html",
    "read_json",
    "read_jsonl",
    "read_paths",
    "read_text",
    "record_to_article",
    "split_title",
    "summarise",
]
