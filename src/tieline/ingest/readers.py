"""Readers: plain text, HTML, JSON / JSONL records, files and folders -> Article or SkipRecord.

Nothing here raises for bad input: every file, line or record that cannot become an
``Article`` becomes a ``SkipRecord`` with a reason from ``tieline.errors.SKIP_CODES``.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tieline.errors import SKIP_CODES
from tieline.ingest.clean import clean_text, decode_bytes_with_reason
from tieline.model import Article, SkipRecord, content_id

__all__ = [
    "HTML_EXTENSIONS",
    "JSONL_EXTENSIONS",
    "JSON_EXTENSIONS",
    "TEXT_EXTENSIONS",
    "UNSUPPORTED_EXTENSIONS",
    "parse_date",
    "read_html",
    "read_json",
    "read_jsonl",
    "read_paths",
    "read_text",
    "record_to_article",
    "skip",
    "split_title",
]

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
JSON_EXTENSIONS = frozenset({".json"})
# Document/archive/media formats that would only produce junk if read as text.
UNSUPPORTED_EXTENSIONS = frozenset(
    {
        ".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".xls", ".xlsx", ".ods", ".ppt", ".pptx",
        ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar", ".zst",
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".svg",
        ".mp3", ".mp4", ".wav", ".ogg", ".avi", ".mov", ".mkv",
        ".parquet", ".duckdb", ".sqlite", ".db", ".pkl", ".pickle", ".npy",
    }
)  # fmt: skip

TITLE_MAX_CHARS = 200
# A title does not end like a sentence: strip closing quotes/brackets, then look at the last char.
_SENTENCE_END = tuple(".!?…:;")
_CLOSERS = "\"'”’»)]"
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_RECORD_KEYS = ("id", "text", "title", "date", "url", "source")


# ---------------------------------------------------------------------------------------------
# small helpers


def skip(source: str, reason: str, detail: str = "") -> SkipRecord:
    """A SkipRecord for ``reason`` (a key of SKIP_CODES) with its code."""
    return SkipRecord(source=source, code=SKIP_CODES[reason], reason=reason, detail=detail)


def _as_date(value: _dt.date | None) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    return value


def parse_date(value: object) -> _dt.date | None:
    """``YYYY-MM-DD`` or an ISO 8601 datetime (``Z`` or offset allowed) -> date; ValueError otherwise.

    The calendar date is taken as written (no time-zone conversion). None stays None.
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"date must be a string, got {type(value).__name__}")
    s = value.strip()
    if not s:
        raise ValueError("date is empty")
    if len(s) == 10:
        return _dt.date.fromisoformat(s)
    try:
        return _dt.datetime.fromisoformat(s).date()
    except ValueError:
        raise ValueError(f"not an ISO date or datetime: {s!r}") from None


def split_title(text: str) -> tuple[str | None, str]:
    """Apply the plain-text title rule to cleaned text; returns ``(title, body)``.

    The first line is the title when it is short (<= 200 chars), does not end with sentence
    punctuation, and is followed by a blank line with more text after it. A Markdown heading
    marker (``# ``) is removed from the title. Otherwise there is no title and the text is the body.
    """
    first, sep, rest = text.partition("\n")
    if not sep or not rest.startswith("\n"):
        return None, text
    title = _MD_HEADING.sub("", first).strip()
    body = rest.lstrip("\n")
    if not title or not body.strip() or len(title) > TITLE_MAX_CHARS:
        return None, text
    if title.rstrip(_CLOSERS).endswith(_SENTENCE_END):
        return None, text
    return title, body


def _one_line(value: str) -> str:
    return " ".join(value.split())


# ---------------------------------------------------------------------------------------------
# text and HTML


def read_text(
    data: bytes | str, *, source: str, default_date: _dt.date | None = None
) -> Article | SkipRecord:
    """Plain text (bytes are decoded with ``decode_bytes``) -> Article, or a skip record.

    ``source`` names the input (normally the file path); it becomes ``Article.path`` and the
    skip record's source.
    """
    if isinstance(data, bytes):
        decoded, reason = decode_bytes_with_reason(data)
        if decoded is None:
            detail = "looks like binary data" if reason == "binary" else "bytes do not match their BOM"
            return skip(source, reason, detail)
        text = decoded
    else:
        text = data
    cleaned = clean_text(text)
    if not cleaned:
        return skip(source, "empty", "no text left after cleaning")
    title, body = split_title(cleaned)
    return Article(
        id=content_id(body), text=body, title=title, date=_as_date(default_date), source=None, path=source
    )


def _decode_html(data: bytes) -> tuple[str | None, str]:
    """Decode HTML bytes: BOM/UTF-8 first, then a declared ``<meta charset>``, then the text fallback."""
    has_bom = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not has_bom and b"\x00" not in data:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return decode_bytes_with_reason(data)  # UTF-8, still subject to the binary check
        m = _HTML_CHARSET.search(data[:4096])
        if m:
            try:
                return data.decode(m.group(1).decode("ascii")), ""
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_bytes_with_reason(data)


def _date_params() -> dict[str, Any]:
    """htmldate settings: only dates the page states (metadata, <time>, URL), never an "extensive"
    guess from footer text such as "Copyright 2024", which would otherwise become January 1."""
    return {
        "original_date": True,
        "extensive_search": False,
        "max_date": _dt.date.today().isoformat(),
    }


def _doc_field(doc: Any, name: str) -> Any:
    if isinstance(doc, dict):
        return doc.get(name)
    return getattr(doc, name, None)


def read_html(
    data: bytes | str, *, source: str, default_date: _dt.date | None = None
) -> Article | SkipRecord:
    """HTML -> Article with trafilatura's main text, title and publication date (or a skip record).

    The article date is the page's date when trafilatura finds one, else ``default_date``.
    Paragraphs are separated by blank lines; a first line repeating the title is dropped.
    """
    import trafilatura  # slow import; only paid when HTML is read

    if isinstance(data, bytes):
        decoded, reason = _decode_html(data)
        if decoded is None:
            return skip(source, reason, "looks like binary data" if reason == "binary" else "cannot decode")
        html = decoded
    else:
        html = data
    if not html.strip():
        return skip(source, "empty", "empty HTML file")
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            date_extraction_params=_date_params(),
        )
    except Exception as exc:  # trafilatura/lxml can fail in many ways on hostile input
        return skip(source, "processing_failed", f"HTML extraction failed: {type(exc).__name__}: {exc}")
    raw_text = _doc_field(doc, "text") if doc is not None else None
    if not isinstance(raw_text, str) or not raw_text.strip():
        return skip(source, "no_content", "no main text found in the HTML")

    title_value = _doc_field(doc, "title")
    title = _one_line(title_value) if isinstance(title_value, str) and title_value.strip() else None
    lines = [line.strip() for line in raw_text.split("\n")]
    lines = [line for line in lines if line]
    if title and lines and _one_line(lines[0]) == title:
        lines = lines[1:]
    text = clean_text("\n\n".join(lines))
    if not text:
        return skip(source, "empty", "no text left after cleaning")

    meta: dict[str, Any] = {}
    warnings: list[str] = []
    date = _as_date(default_date)
    date_value = _doc_field(doc, "date")
    if date_value:
        try:
            date = parse_date(date_value)
        except ValueError as exc:
            warnings.append(f"bad date {date_value!r} in HTML metadata: {exc}")
    sitename = _doc_field(doc, "sitename")
    if isinstance(sitename, str) and sitename.strip():
        meta["sitename"] = sitename.strip()
    if warnings:
        meta["warnings"] = warnings
    url = _doc_field(doc, "url")
    article = Article(
        id=content_id(text),
        text=text,
        title=title,
        date=date,
        url=url if isinstance(url, str) and url else None,
        source=meta.get("sitename"),
        path=source,
    )
    article.meta.update(meta)
    return article


# ---------------------------------------------------------------------------------------------
# records (JSON / JSONL)


def record_to_article(
    rec: Any,
    *,
    source: str,
    default_date: _dt.date | None = None,
    path: str | None = None,
) -> Article | SkipRecord:
    """A record ``{"id", "text", "title"?, "date"?, "url"?, "source"?}`` -> Article, or a skip record.

    ``text`` is required (non-empty string). ``id`` is optional (int ids become strings; absent ->
    content hash of the cleaned text). A bad ``date`` keeps the article with ``date=None`` and a note
    in ``meta["warnings"]``; a missing date uses ``default_date``. ``source`` names the record for
    skip records (e.g. ``file.jsonl:12``); ``path`` (default: ``source``) becomes ``Article.path``.
    Unknown keys are kept in ``meta["extra"]``.
    """
    if not isinstance(rec, dict):
        return skip(source, "bad_record", f"record is not a JSON object (got {_json_type(rec)})")
    text = rec.get("text")
    if text is None:
        return skip(source, "bad_record", "record has no 'text'")
    if not isinstance(text, str):
        return skip(source, "bad_record", f"'text' must be a string, got {_json_type(text)}")
    if not text.strip():
        return skip(source, "bad_record", "'text' is empty")

    rec_id = rec.get("id")
    if isinstance(rec_id, bool) or not (rec_id is None or isinstance(rec_id, str | int)):
        return skip(source, "bad_record", f"'id' must be a string or integer, got {_json_type(rec_id)}")
    strings: dict[str, str | None] = {}
    for key in ("title", "url", "source"):
        value = rec.get(key)
        if value is not None and not isinstance(value, str):
            return skip(source, "bad_record", f"'{key}' must be a string, got {_json_type(value)}")
        strings[key] = (value.strip() or None) if isinstance(value, str) else None

    cleaned = clean_text(text)
    if not cleaned:
        return skip(source, "empty", "no text left after cleaning")

    warnings: list[str] = []
    date = _as_date(default_date)
    if rec.get("date") is not None:
        try:
            date = parse_date(rec["date"])
        except ValueError as exc:
            date = None
            warnings.append(f"bad date {rec['date']!r} ignored: {exc}")

    article_id = str(rec_id).strip() if rec_id is not None else ""
    title = strings["title"]
    article = Article(
        id=article_id or content_id(cleaned),
        text=cleaned,
        title=_one_line(title) if title else None,
        date=date,
        url=strings["url"],
        source=strings["source"],
        path=path if path is not None else source,
    )
    if warnings:
        article.meta["warnings"] = warnings
    extra = {k: v for k, v in rec.items() if k not in _RECORD_KEYS}
    if extra:
        article.meta["extra"] = extra
    return article


def _json_type(value: object) -> str:
    return {
        dict: "object", list: "array", str: "string", int: "integer", float: "number", bool: "boolean"
    }.get(type(value), "null" if value is None else type(value).__name__)  # fmt: skip


def read_jsonl(
    path: str | Path, *, default_date: _dt.date | None = None, max_line_bytes: int | None = None
) -> Iterator[Article | SkipRecord]:
    """One Article per good line of a JSON Lines file; bad lines become skip records ``"path:LINE"``.

    Blank lines are ignored. A file with no records at all yields one ``empty`` skip record. The file
    is streamed, so it may be any size; a line over ``max_line_bytes`` is a ``too_large`` skip record
    (read past in pieces, never held whole).
    """
    p = Path(path)
    yielded = False
    try:
        fh = p.open("rb")
    except FileNotFoundError:
        yield skip(str(p), "not_found", "no such file")
        return
    except OSError as exc:
        yield skip(str(p), "unreadable", _os_detail(exc))
        return
    with fh:
        lineno = 0
        try:
            for lineno, raw in enumerate(_lines(fh, max_line_bytes), start=1):
                src = f"{p}:{lineno}"
                if raw is None:
                    yielded = True
                    yield skip(src, "too_large", f"line is over the limit of {max_line_bytes} bytes")
                    continue
                if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8) :]
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yielded = True
                    yield skip(src, "undecodable", f"line is not UTF-8 ({exc.reason} at byte {exc.start})")
                    continue
                if not line.strip():
                    continue
                yielded = True
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield skip(src, "bad_json", f"{exc.msg} (column {exc.colno})")
                    continue
                except (ValueError, RecursionError) as exc:
                    yield skip(src, "bad_json", f"{type(exc).__name__}: {exc}")
                    continue
                yield record_to_article(rec, source=src, default_date=default_date, path=str(p))
        except OSError as exc:
            yielded = True
            yield skip(f"{p}:{lineno + 1}", "unreadable", _os_detail(exc))
    if not yielded:
        yield skip(str(p), "empty", "no records in file")


def _lines(fh: Any, limit: int | None) -> Iterator[bytes | None]:
    """The lines of a binary file, or None for a line longer than ``limit`` (skipped in pieces)."""
    if limit is None:
        yield from fh
        return
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # the rest of the long line
                raw = fh.readline(1 << 20)
            yield None
            continue
        yield raw


def read_json(
    data: bytes | str, *, source: str, default_date: _dt.date | None = None
) -> Iterator[Article | SkipRecord]:
    """A ``.json`` file: one record, or a list of records (list items are named ``source[i]``)."""
    if isinstance(data, bytes):
        decoded, reason = decode_bytes_with_reason(data)
        if decoded is None:
            yield skip(source, reason, "JSON file is not text")
            return
        data = decoded
    if not data.strip():
        yield skip(source, "empty", "empty JSON file")
        return
    try:
        value = json.loads(data)
    except json.JSONDecodeError as exc:
        yield skip(source, "bad_json", f"{exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    except (ValueError, RecursionError) as exc:
        yield skip(source, "bad_json", f"{type(exc).__name__}: {exc}")
        return
    if isinstance(value, list):
        if not value:
            yield skip(source, "empty", "empty list of records")
        for i, rec in enumerate(value):
            yield record_to_article(rec, source=f"{source}[{i}]", default_date=default_date, path=source)
    else:
        yield record_to_article(value, source=source, default_date=default_date)


# ---------------------------------------------------------------------------------------------
# files and folders


def _os_detail(exc: OSError) -> str:
    return f"{type(exc).__name__}: {exc.strerror or exc}"


def _walk(root: Path) -> list[tuple[tuple[str, ...], Path | SkipRecord]]:
    """All non-hidden files under ``root`` (symlinked folders are not followed), keyed by relative parts.

    Folders that cannot be listed come back as ``unreadable`` skip records in their place.
    """
    found: list[tuple[tuple[str, ...], Path | SkipRecord]] = []
    stack: list[tuple[Path, tuple[str, ...]]] = [(root, ())]
    while stack:
        folder, parts = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            found.append((parts, skip(str(folder), "unreadable", _os_detail(exc))))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = (*parts, entry.name)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                stack.append((Path(entry.path), rel))
            else:
                found.append((rel, Path(entry.path)))
    found.sort(key=lambda item: item[0])
    return found


def read_paths(
    paths: Iterable[str | Path],
    *,
    default_date: _dt.date | None = None,
    max_bytes: int = 20_000_000,
) -> Iterator[Article | SkipRecord]:
    """Read files and folders (recursively) into Articles and SkipRecords, in a deterministic order.

    Folders are walked recursively in sorted order of relative path, skipping hidden files and
    folders (names starting with ``.``). The reader is chosen by extension: ``.txt/.text/.md`` text,
    ``.html/.htm/.xhtml`` HTML, ``.jsonl/.ndjson`` JSON Lines, ``.json`` record(s); known document,
    archive and media formats are ``unsupported``; ``.warc/.warc.gz`` are streamed record by record
    (``ingest.warc``), ``.rss/.atom`` (and ``.xml`` that looks like a feed) are feeds (``ingest.feeds``);
    anything else is sniffed (binary -> skip, else text).
    Files over ``max_bytes`` are ``too_large``; a missing path is ``not_found``.
    """
    for given in paths:
        p = Path(given)
        try:
            if p.is_dir():
                items = _walk(p)
            elif p.exists():
                items = [((), p)]
            else:
                yield skip(str(p), "not_found", "no such file or folder")
                continue
        except OSError as exc:
            yield skip(str(p), "unreadable", _os_detail(exc))
            continue
        for _parts, item in items:
            if isinstance(item, SkipRecord):
                yield item
            else:
                yield from _read_file(item, default_date=default_date, max_bytes=max_bytes)


def _is_feed(path: Path) -> bool:
    from tieline.ingest.feeds import looks_like_feed

    try:
        with path.open("rb") as fh:
            return looks_like_feed(fh.read(2048))
    except OSError:
        return False


def _read_file(
    path: Path, *, default_date: _dt.date | None, max_bytes: int
) -> Iterator[Article | SkipRecord]:
    src = str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        yield skip(src, "not_found", "no such file (or a broken link)")
        return
    except OSError as exc:
        yield skip(src, "unreadable", _os_detail(exc))
        return
    if not stat.S_ISREG(st.st_mode):
        yield skip(src, "unsupported", "not a regular file")
        return
    lowered = path.name.lower()
    if lowered.endswith((".warc", ".warc.gz")):  # streamed record by record: no whole-file size limit
        from tieline.ingest.warc import read_warc

        yield from read_warc(path, default_date=default_date, max_bytes=max_bytes)
        return
    ext = path.suffix.lower()
    if ext in JSONL_EXTENSIONS:  # streamed line by line: the limit is on each line, not the file
        try:
            yield from read_jsonl(path, default_date=default_date, max_line_bytes=max_bytes)
        except Exception as exc:  # a bug or a pathological file must not stop the other inputs
            yield skip(src, "processing_failed", f"{type(exc).__name__}: {exc}")
        return
    if st.st_size > max_bytes:
        yield skip(src, "too_large", f"{st.st_size} bytes is over the limit of {max_bytes}")
        return
    if ext in (".rss", ".atom") or (ext == ".xml" and _is_feed(path)):
        from tieline.ingest.feeds import read_feed

        yield from read_feed(path, default_date=default_date)
        return
    if ext in UNSUPPORTED_EXTENSIONS:
        yield skip(src, "unsupported", f"{ext} files are not supported; convert them to text first")
        return
    try:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            yield skip(src, "not_found", "file disappeared while reading")
            return
        except OSError as exc:
            yield skip(src, "unreadable", _os_detail(exc))
            return
        if len(data) > max_bytes:
            yield skip(src, "too_large", f"{len(data)} bytes is over the limit of {max_bytes}")
            return
        if ext in JSON_EXTENSIONS:
            yield from read_json(data, source=src, default_date=default_date)
        elif ext in HTML_EXTENSIONS:
            yield read_html(data, source=src, default_date=default_date)
        else:  # text extensions, and anything else sniffed: read_text skips binary data
            yield read_text(data, source=src, default_date=default_date)
    except Exception as exc:  # a bug or a pathological file must not stop the other inputs
        yield skip(src, "processing_failed", f"{type(exc).__name__}: {exc}")
