"""Builders for hostile inputs, written into a folder at test time (nothing hostile is checked in).

``build_corpus(folder)`` writes every hostile file plus a few good articles and returns the list of
``Hostile`` cases: the file name and what tieline must make of it (a skip reason, or an article).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

GOOD = (
    "Kenya and Somalia signed a defence pact in Nairobi on Tuesday.\n\n"
    "Officials said the agreement covers border security."
)


@dataclass(frozen=True)
class Hostile:
    name: str  # file name inside the corpus folder
    what: str  # a short description for the report
    # Acceptable outcomes: skip reasons, and/or "article" (read and coded without error).
    outcomes: frozenset[str]


def _w(folder: Path, name: str, data: bytes | str) -> None:
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)


def _warc_with_truncated_record(path: Path) -> None:
    """Two HTML responses; the second is cut off in the middle of its payload."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for n, body in enumerate(
        (
            f"<html><head><title>Pact</title></head><body><article><p>{GOOD}</p></article></body></html>",
            "<html><body><article><p>"
            + "Ethiopia attacked positions near Baidoa. " * 200
            + "</p></article></body></html>",
        )
    ):
        payload = body.encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            f"https://news.example/{n}", "response", payload=io.BytesIO(payload), http_headers=http
        )
        writer.write_record(rec)
        rec.raw_stream.close()  # warcio spools the payload to a temporary file
    data = buf.getvalue()
    path.write_bytes(data[: len(data) - 3000])  # the second record loses its last 3,000 bytes


ENTITY_BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<rss version="2.0"><channel><title>Bomb</title>
<item><title>Boom</title><guid>bomb-1</guid><description>&h;</description></item>
</channel></rss>
"""

SECRET = "TOP-SECRET-LOCAL-FILE-CONTENT-42"


def external_entity_feed(secret_file: Path) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file://{secret_file}"> ]>
<rss version="2.0"><channel><title>XXE</title>
<item><title>Leak</title><guid>xxe-1</guid><description>Kenya and Somalia met. &xxe;</description></item>
</channel></rss>
"""


def build_corpus(folder: Path, *, big_mb: int = 50) -> list[Hostile]:
    """Write the hostile corpus into ``folder``; returns the cases (the good articles are ``good_*``)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Hostile] = []

    def add(name: str, data: bytes | str, what: str, *outcomes: str) -> None:
        _w(folder, name, data)
        cases.append(Hostile(name, what, frozenset(outcomes)))

    # binary data with text extensions
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64
    add("bin_png.txt", png, "PNG bytes named .txt", "binary")
    add(
        "bin_elf.md",
        b"\x7fELF\x02\x01\x01" + b"\x00" * 500 + bytes(range(256)) * 8,
        "ELF bytes named .md",
        "binary",
    )
    add(
        "bin_random.html",
        bytes((i * 7919) % 256 for i in range(40_000)),
        "random bytes named .html",
        "binary",
    )
    add(
        "bin_gzip.jsonl",
        b"\x1f\x8b\x08\x00" + bytes(range(256)) * 20,
        "gzip bytes named .jsonl",
        "undecodable",
        "bad_json",
    )
    add("bin_noext", b"\x00\x01\x02\x03" * 1000, "binary, no extension", "binary")
    # encodings
    add(
        "utf8_invalid.txt",
        b"Kenya and Somalia signed a pact.\n\n\xff\xfe\xfa broken \xc3\x28 bytes "
        + "Nairobi caf\u00e9".encode("latin-1"),
        "invalid UTF-8 (falls back to cp1252)",
        "article",
    )
    add(
        "utf8_mixed.txt",
        GOOD.encode("utf-8") + " Caf\u00e9 ".encode("latin-1") + " \u00e9t\u00e9".encode(),
        "mixed UTF-8 and latin-1",
        "article",
    )
    add("utf16_nobom.txt", GOOD.encode("utf-16-le"), "UTF-16 LE without a BOM", "binary")
    add(
        "utf16_badbom.txt",
        b"\xff\xfe" + b"K\x00e\x00\x00\xd8",
        "UTF-16 BOM with a lone surrogate",
        "undecodable",
    )
    add("utf32_bom.txt", GOOD.encode("utf-32"), "UTF-32 with BOM", "article")
    # size
    line = "Kenya and Somalia signed a defence pact in Nairobi on Tuesday. " * 16 + "\n"
    with (folder / "big_50mb.txt").open("w", encoding="utf-8") as fh:
        chunk = line * 1000
        for _ in range(max(1, big_mb * 1_000_000 // len(chunk) + 1)):
            fh.write(chunk)
    cases.append(Hostile("big_50mb.txt", f"{big_mb} MB text file", frozenset({"too_large"})))
    # HTML
    add(
        "nested_100k.html",
        "<html><body>" + "<div>" * 100_000 + "Kenya met Somalia." + "</div>" * 100_000 + "</body></html>",
        "HTML with 100,000 nested tags",
        "article",
        "no_content",
        "processing_failed",
    )
    add(
        "unclosed.html",
        "<html><body><p>Kenya and Somalia signed a pact.<p><b><i><table><tr><td>" * 2000,
        "HTML with 10,000 unclosed tags",
        "article",
        "no_content",
        "processing_failed",
    )
    add(
        "script_only.html",
        "<html><body><script>" + "alert(1);" * 10_000 + "</script></body></html>",
        "HTML that is only script",
        "no_content",
        "empty",
    )
    add("empty.html", "", "empty HTML file", "empty")
    # feeds
    add("bomb.rss", ENTITY_BOMB, "RSS with an entity-expansion bomb", "empty", "processing_failed", "article")
    secret = folder / ".secret" / "secret.txt"
    _w(folder, ".secret/secret.txt", SECRET)
    add(
        "xxe.rss",
        external_entity_feed(secret),
        "RSS with an external entity",
        "article",
        "empty",
        "processing_failed",
    )
    add(
        "garbage.rss",
        "<rss><channel><item><description>unterminated",
        "truncated RSS",
        "article",
        "empty",
        "processing_failed",
    )
    # WARC
    _warc_with_truncated_record(folder / "crawl.warc")
    cases.append(Hostile("crawl.warc", "WARC with a truncated record", frozenset({"article", "unreadable"})))
    # JSONL with broken lines and wrong types
    lines = [
        json.dumps({"id": "ok-1", "text": GOOD, "date": "2024-01-24"}),
        '{"id": "broken", "text": "no closing brace"',
        json.dumps({"id": "t-int", "text": 42}),
        json.dumps({"id": ["list"], "text": "Kenya met Somalia."}),
        json.dumps({"id": "t-title", "text": "Kenya met Somalia.", "title": {"x": 1}}),
        json.dumps([1, 2, 3]),
        json.dumps({"id": "t-date", "text": "Kenya met Somalia.", "date": "yesterday-ish"}),
        json.dumps({"id": "t-empty", "text": "   "}),
        json.dumps({"id": "t-none"}),
        "[" * 100_000 + "]" * 100_000,
        "\ud800".encode("utf-8", "surrogatepass").decode("latin-1"),
        json.dumps({"id": "ok-2", "text": "Ethiopia attacked al-Shabaab positions near Baidoa."}),
        json.dumps({"id": "nul", "text": "Kenya\u0000 met\u0007 Somalia\u001b."}),
        '{"id": "dup", "id": "dup2", "text": "Kenya met Somalia again."}',
        json.dumps({"id": "nan", "text": "x", "confidence": float("nan")}),
    ]
    jl = "\n".join(lines).encode("utf-8") + b"\n\xff\xfe not utf8 line\n"
    add(
        "records.jsonl",
        jl,
        "JSONL with broken lines and wrong types (16 lines)",
        "article",
        "bad_json",
        "bad_record",
        "undecodable",
        "empty",
    )
    # empty articles
    add("empty.txt", "", "empty text file", "empty")
    add("blank.txt", " \n\t\n\r\n   \n", "whitespace-only text file", "empty")
    add(
        "controls_only.txt",
        "\x01\x02\x03\x04\x05\x06\x0b\x0e" * 10,
        "only control characters",
        "binary",
        "empty",
    )
    add(
        "boilerplate_only.txt",
        "Advertisement\n\nShare this article\n",
        "only boilerplate lines",
        "empty",
        "article",
    )
    add("empty_list.json", "[]", "empty JSON list", "empty")
    # a 20,000-token sentence
    words = ("Kenya", "and", "Somalia", "signed", "a", "pact", "with", "Ethiopia", "near", "Baidoa")
    add(
        "long_sentence.txt",
        " ".join(words[i % len(words)] for i in range(20_000)) + ".",
        "one 20,000-token sentence",
        "article",
    )
    # scripts and symbols
    add(
        "rtl.txt",
        "\u0648\u0642\u0639\u062a \u0643\u064a\u0646\u064a\u0627 \u0648\u0627\u0644\u0635\u0648\u0645\u0627\u0644 "
        "\u0627\u062a\u0641\u0627\u0642\u064a\u0629 \u062f\u0641\u0627\u0639\u064a\u0629. \u202eKenya\u202c and "
        "\u05d9\u05e9\u05e8\u05d0\u05dc signed a pact.",
        "Arabic and Hebrew with RTL overrides",
        "article",
    )
    add(
        "cjk.txt",
        "\u4e2d\u56fd\u548c\u65e5\u672c\u5728\u5317\u4eac\u4e3e\u884c\u4f1a\u8c08\u3002"
        "China and Japan held talks in Beijing. \u5317\u671d\u9c9c\u53d1\u5c04\u4e86\u5bfc\u5f39\u3002",
        "Chinese with English",
        "article",
    )
    add(
        "emoji.txt",
        "\U0001f1f0\U0001f1ea Kenya \U0001f91d Somalia signed a pact \U0001f4dc\u200d\U0001f525 "
        "on Tuesday. \U0001f680\U0001f680\U0001f680 " + "\U0001f600" * 500,
        "emoji, ZWJ and flags",
        "article",
    )
    add(
        "controls.txt",
        "Kenya\x00 and\x07 Somalia\x1b[31m signed\x08 a pact.\x0c\r\nOfficials\u2028said so.\u0085",
        "control characters in text",
        "article",
        "binary",
    )
    add(
        "combining.txt",
        "Ke\u0301\u0302\u0303\u0304nya" + "\u0301" * 5000 + " and Somalia met.",
        "5,000 combining marks",
        "article",
    )
    # good articles the batch must still process
    for i in range(3):
        add(f"good_{i}.txt", f"Good article {i}\n\n{GOOD}", "a normal article", "article")
    return cases
