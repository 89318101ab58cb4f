"""WARC files (news crawls, ``.warc`` or ``.warc.gz``) -> Article / SkipRecord, one record at a time.

Only ``response`` records with an HTML payload are read (through ``read_html``); request, metadata and
non-HTML records are passed over silently. A record cut short (fewer bytes than its Content-Length, or
a ``WARC-Truncated`` header) becomes an ``unreadable`` skip record; a file that cannot be parsed any
further ends with one skip record for the rest of the file. Records are streamed: memory does not grow
with the size of the file.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path

from tieline.ingest.readers import read_html, skip
from tieline.model import Article, SkipRecord

__all__ = ["WARC_SUFFIXES", "is_warc", "read_warc"]

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def _warc_date(value: str | None) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_warc(
    path: str | Path, *, default_date: _dt.date | None = None, max_bytes: int = 20_000_000
) -> Iterator[Article | SkipRecord]:
    """Articles from the HTML responses of a WARC file, named ``PATH#URI`` (or ``PATH@OFFSET``).

    An article's date is the page's own date, else ``default_date``, else the crawl date (WARC-Date).
    Its url is the page's canonical URL, else the WARC-Target-URI.
    """
    from warcio.archiveiterator import ArchiveIterator

    p = Path(path)
    try:
        fh = p.open("rb")
    except FileNotFoundError:
        yield skip(str(p), "not_found", "no such file")
        return
    except OSError as exc:
        yield skip(str(p), "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
        return
    n_records = 0
    produced = 0
    with fh:
        it = iter(ArchiveIterator(fh))
        while True:
            try:
                record = next(it)
            except StopIteration:
                break
            except Exception as exc:  # warcio raises many kinds on a damaged file
                yield skip(
                    f"{p}@record{n_records + 1}",
                    "unreadable",
                    f"WARC file damaged after {n_records} records: {type(exc).__name__}: {exc}",
                )
                return
            n_records += 1
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            source = f"{p}#{uri}" if uri else f"{p}@record{n_records}"
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if not ctype.lower().startswith(HTML_TYPES):
                continue
            try:
                data = record.content_stream().read(max_bytes + 1)
            except Exception as exc:
                produced += 1
                yield skip(source, "unreadable", f"cannot read the WARC record: {type(exc).__name__}: {exc}")
                continue
            if len(data) > max_bytes:
                produced += 1
                yield skip(source, "too_large", f"payload is over the limit of {max_bytes} bytes")
                continue
            missing = getattr(record.raw_stream, "limit", 0) or 0
            truncated = record.rec_headers.get_header("WARC-Truncated")
            if missing > 0 or truncated:
                detail = (
                    f"record truncated ({missing} bytes missing)"
                    if missing > 0
                    else f"WARC-Truncated: {truncated}"
                )
                produced += 1
                yield skip(source, "unreadable", detail)
                continue
            crawl_date = _warc_date(record.rec_headers.get_header("WARC-Date"))
            item = read_html(data, source=source, default_date=default_date or crawl_date)
            if isinstance(item, Article) and not item.url and uri:
                item.url = uri
            produced += 1
            yield item
    if produced == 0:
        # a WARC with no HTML response (or an empty file) must not vanish from the run silently
        reason = "empty" if n_records == 0 else "no_content"
        yield skip(str(p), reason, f"no HTML response among {n_records} WARC records")
