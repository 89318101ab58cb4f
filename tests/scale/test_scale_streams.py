"""Streaming inputs: WARC files, RSS/Atom feeds (files and a local HTTP server), watched folders."""

from __future__ import annotations

import datetime as _dt
import gzip
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tieline.ingest import read_paths
from tieline.ingest.feeds import poll_feeds, read_feed
from tieline.ingest.warc import read_warc
from tieline.ingest.watch import watch_folders
from tieline.model import Article, SkipRecord

warcio = pytest.importorskip("warcio")

PARA = "Kenya and Somalia signed a defence cooperation agreement in Nairobi on Tuesday, officials said. "


def _page(i: int) -> bytes:
    body = "".join(
        f"<p>{PARA} Paragraph {j} of story {i} adds detail about the maritime patrols.</p>" for j in range(4)
    )
    return (
        f"<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1>{body}</article></body></html>"
    ).encode()


def _warc(records: list[tuple[str, str, bytes]], *, gz: bool) -> bytes:
    """WARC/1.0 response records written by hand (each gzipped as its own member for .warc.gz)."""
    out = b""
    for n, (uri, ctype, payload) in enumerate(records):
        http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(payload)}\r\n\r\n"
        block = http.encode() + payload
        head = (
            "WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n"
        )
        record = head.encode() + block + b"\r\n\r\n"
        out += gzip.compress(record) if gz else record
    return out


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_become_articles(tmp_path: Path, gz: bool) -> None:
    data = _warc(
        [
            ("https://news.example/a", "text/html; charset=utf-8", _page(1)),
            ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(50)),
            ("https://news.example/b", "text/html", _page(2)),
        ],
        gz=gz,
    )
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data)
    items = list(read_paths([path]))  # dispatched by read_paths
    assert all(isinstance(i, Article) for i in items), items
    assert [i.title for i in items] == ["Story 1", "Story 2"]
    assert items[0].url == "https://news.example/a"
    assert items[0].date == _dt.date(2024, 3, 5)  # the crawl date when the page states none
    assert "Kenya and Somalia signed" in items[0].text
    assert items[0].path == f"{path}#https://news.example/a"


def test_a_truncated_warc_record_is_a_skip_record(tmp_path: Path) -> None:
    data = _warc(
        [
            ("https://news.example/a", "text/html", _page(1)),
            ("https://news.example/b", "text/html", _page(2)),
        ],
        gz=False,
    )
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-200])
    items = list(read_warc(path))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], SkipRecord) and items[1].reason == "unreadable"
    assert "truncated" in items[1].detail and items[1].source.endswith("#https://news.example/b")


def test_a_truncated_gzip_warc_ends_with_a_skip_record(tmp_path: Path) -> None:
    data = _warc(
        [
            ("https://news.example/a", "text/html", _page(1)),
            ("https://news.example/b", "text/html", _page(2)),
        ],
        gz=True,
    )
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:-120])
    items = list(read_warc(path))
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], SkipRecord) and items[-1].reason == "unreadable"


def _rss(items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>https://news.example/{g}</link><guid>urn:wire:{g}</guid>"
        f"<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;{PARA}&lt;/p&gt;&lt;p&gt;Second paragraph about {t}.&lt;/p&gt;</description></item>"
        for g, t in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{entries}</channel></rss>'.encode()


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
<entry><id>tag:desk,2024:1</id><title>Talks</title><updated>2024-04-02T09:00:00Z</updated>
<link href="https://desk.example/1"/><content type="html">&lt;p&gt;France and Germany held talks in Paris.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_and_atom_files(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_bytes(_rss([("g1", "Pact"), ("g2", "Patrols")]))
    (tmp_path / "desk.xml").write_bytes(ATOM)
    (tmp_path / "notes.xml").write_bytes(b"<notes><n>Kenya and Somalia met.</n></notes>")  # not a feed: text
    items = list(read_paths([tmp_path]))
    arts = [i for i in items if isinstance(i, Article)]
    by_id = {a.id: a for a in arts}
    assert by_id["tag:desk,2024:1"].date == _dt.date(2024, 4, 2)
    assert by_id["tag:desk,2024:1"].text == "France and Germany held talks in Paris."
    rss = by_id["urn:wire:g1"]
    assert rss.title == "Pact" and rss.url == "https://news.example/g1" and rss.source == "Wire"
    assert rss.date == _dt.date(2024, 3, 5)
    assert rss.text.startswith("Kenya and Somalia signed") and "\n\nSecond paragraph about Pact." in rss.text
    assert len(arts) == 4  # 2 RSS entries, 1 Atom entry, and the non-feed XML read as text


def test_a_broken_feed_is_a_skip_record(tmp_path: Path) -> None:
    path = tmp_path / "bad.rss"
    path.write_bytes(b"<rss><channel><item><title>x")
    (item,) = list(read_feed(path))
    assert isinstance(item, SkipRecord) and item.reason == "empty" and item.source.endswith("bad.rss[0]")
    path.write_bytes(b"this is not XML at all")
    (item,) = list(read_feed(path))
    assert isinstance(item, SkipRecord) and item.reason == "processing_failed"


@pytest.fixture
def feed_server() -> Iterator[tuple[str, dict[str, bytes]]]:
    content: dict[str, bytes] = {"/feed.rss": _rss([("g1", "Pact")])}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = content.get(self.path)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", content
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_polling_a_feed_url_yields_each_entry_once(feed_server: tuple[str, dict[str, bytes]]) -> None:
    base, content = feed_server
    rounds: list[int] = []

    def sleep(_seconds: float) -> None:  # between polls, the feed gains an entry
        rounds.append(1)
        content["/feed.rss"] = _rss([("g1", "Pact"), ("g2", "Patrols")][: 1 + len(rounds)])

    items = list(poll_feeds([f"{base}/feed.rss", f"{base}/missing.rss"], interval=0.01, polls=3, sleep=sleep))
    arts = [i.id for i in items if isinstance(i, Article)]
    assert arts == ["urn:wire:g1", "urn:wire:g2"]
    skips = [i for i in items if isinstance(i, SkipRecord)]
    assert len(skips) == 3 and all("404" in s.detail for s in skips)


def test_watched_folder_reads_new_files_once(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Kenya and Somalia signed a pact on Tuesday.", encoding="utf-8")
    polls = {"n": 0}

    def sleep(_seconds: float) -> None:
        polls["n"] += 1
        if polls["n"] == 2:
            (tmp_path / "two.txt").write_text("France and Germany held talks on Monday.", encoding="utf-8")

    items = list(watch_folders([tmp_path], interval=0.01, polls=5, sleep=sleep))
    texts = [i.text for i in items if isinstance(i, Article)]
    assert texts == [
        "Kenya and Somalia signed a pact on Tuesday.",
        "France and Germany held talks on Monday.",
    ]


def test_gzip_is_still_unsupported_unless_warc(tmp_path: Path) -> None:
    path = tmp_path / "x.txt.gz"
    path.write_bytes(gzip.compress(b"hello"))
    (item,) = list(read_paths([path]))
    assert isinstance(item, SkipRecord) and item.reason == "unsupported"
