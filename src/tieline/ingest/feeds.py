"""RSS and Atom feeds (files or URLs, through feedparser) -> Article / SkipRecord.

Each entry becomes an article: its full content when the feed carries it, else its summary (HTML is
reduced to text, one paragraph a block); title, link, published/updated date and the entry id (guid)
as the article id, so the same entry read twice is the same article. ``poll_feeds`` re-reads URLs
every ``interval`` seconds and yields each entry once.
"""

from __future__ import annotations

import datetime as _dt
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tieline.ingest.readers import record_to_article, skip
from tieline.model import Article, SkipRecord

__all__ = ["FEED_SUFFIXES", "entry_text", "looks_like_feed", "poll_feeds", "read_feed"]

FEED_SUFFIXES = (".rss", ".atom", ".xml")
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "br")


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of an XML file look like an RSS or Atom feed."""
    h = head[:2048].lower()
    return b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h


def _html_to_text(html: str) -> str:
    if "<" not in html:
        return html
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several kinds on junk
        return html
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    return str(root.text_content())


def entry_text(entry: Any) -> str:
    """The text of an entry: its longest content block, else its summary, as plain text."""
    contents = [c.get("value", "") for c in entry.get("content") or [] if isinstance(c, dict)]
    best = max(contents, key=len, default="")
    summary = entry.get("summary") or ""
    raw = best if len(best) >= len(summary) else summary
    return _html_to_text(raw)


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return _dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    return None


def _entries(parsed: Any, source: str, default_date: _dt.date | None) -> Iterator[Article | SkipRecord]:
    for i, entry in enumerate(parsed.entries):
        text = entry_text(entry)
        if not text.strip():
            yield skip(f"{source}[{i}]", "empty", "feed entry has no content or summary")
            continue
        rec = {
            "id": entry.get("id") or entry.get("link") or None,
            "text": text,
            "title": entry.get("title"),
            "date": _entry_date(entry),
            "url": entry.get("link"),
            "source": (parsed.feed.get("title") or None) if getattr(parsed, "feed", None) else None,
        }
        yield record_to_article(
            {k: v for k, v in rec.items() if v is not None}, source=f"{source}[{i}]",
            default_date=default_date, path=source,
        )  # fmt: skip


def read_feed(
    source: str | Path | bytes, *, name: str | None = None, default_date: _dt.date | None = None
) -> Iterator[Article | SkipRecord]:
    """Entries of one feed: a file path, a URL, or the feed's bytes (then ``name`` names it)."""
    import feedparser

    label = name or (str(source) if not isinstance(source, bytes) else "<feed>")
    if isinstance(source, Path) or (isinstance(source, str) and "://" not in source):
        p = Path(source)
        try:
            data: Any = p.read_bytes()
        except FileNotFoundError:
            yield skip(label, "not_found", "no such file")
            return
        except OSError as exc:
            yield skip(label, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
            return
    else:
        data = source
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # pragma: no cover - feedparser is lenient; defensive
        yield skip(label, "processing_failed", f"feed parsing failed: {type(exc).__name__}: {exc}")
        return
    status = getattr(parsed, "status", 200)
    if isinstance(status, int) and status >= 400:
        yield skip(label, "unreadable", f"HTTP status {status}")
        return
    if not parsed.entries:
        if parsed.get("bozo"):
            err = parsed.get("bozo_exception")
            yield skip(label, "processing_failed", f"not a readable feed: {type(err).__name__}: {err}")
        else:
            yield skip(label, "empty", "feed has no entries")
        return
    yield from _entries(parsed, label, default_date)


def poll_feeds(
    urls: Iterable[str],
    *,
    interval: float = 300.0,
    polls: int | None = None,
    default_date: _dt.date | None = None,
    sleep: Any = time.sleep,
) -> Iterator[Article | SkipRecord]:
    """Read each feed every ``interval`` seconds, yielding every entry (by article id) once.

    ``polls`` stops after that many rounds (``None``: forever). A feed that fails yields a skip record
    on that round and is tried again on the next.
    """
    seen: set[str] = set()
    urls = list(urls)
    n = 0
    while polls is None or n < polls:
        if n:
            sleep(interval)
        n += 1
        for url in urls:
            for item in read_feed(url, default_date=default_date):
                if isinstance(item, Article):
                    if item.id in seen:
                        continue
                    seen.add(item.id)
                yield item
