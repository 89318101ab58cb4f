"""Tests for tieline.ingest: readers, cleaning, decoding, skip reasons and the summary."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from pathlib import Path

import pytest

from tieline.errors import SKIP_CODES, DataFileError
from tieline.ingest import (
    IngestSummary,
    clean_text,
    decode_bytes,
    read_html,
    read_jsonl,
    read_paths,
    read_text,
    record_to_article,
    split_title,
    summarise,
)
from tieline.ingest.clean import decode_bytes_with_reason, parse_boilerplate
from tieline.model import Article, SkipRecord, content_id

STORY = (
    "Defence ministers from both countries met in the capital on Tuesday and agreed to expand joint "
    "naval patrols, officials said.\n\n"
    "The minister said the two navies had already carried out three exercises this year."
)


def only(items: list[Article | SkipRecord]) -> Article | SkipRecord:
    assert len(items) == 1, items
    return items[0]


def as_article(item: Article | SkipRecord) -> Article:
    assert isinstance(item, Article), item
    return item


def as_skip(item: Article | SkipRecord, reason: str) -> SkipRecord:
    assert isinstance(item, SkipRecord), item
    assert item.reason == reason, item
    assert item.code == SKIP_CODES[reason]
    assert item.detail  # a human-readable explanation is always given
    return item


# --- decode_bytes -------------------------------------------------------------------------------


def test_decode_utf8_with_and_without_bom() -> None:
    text = "Kyiv — “quoted” café"
    assert decode_bytes(text.encode("utf-8")) == text
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")) == text


def test_decode_utf16_with_bom_both_byte_orders() -> None:
    text = "Ankara and Athens — naïve résumé"
    assert decode_bytes(text.encode("utf-16")) == text  # native order with BOM
    assert decode_bytes(b"\xfe\xff" + text.encode("utf-16-be")) == text
    assert decode_bytes(b"\xff\xfe" + text.encode("utf-16-le")) == text


def test_decode_latin1_and_cp1252() -> None:
    assert decode_bytes("Société Générale à Genève".encode("latin-1")) == "Société Générale à Genève"
    # 0x93/0x94 are curly quotes in cp1252
    assert decode_bytes(b"He said \x93no\x94 twice.") == "He said “no” twice."


def test_decode_binary() -> None:
    assert decode_bytes(b"PK\x03\x04\x00\x00binary zip header") is None
    assert decode_bytes(bytes(range(256)) * 4) is None
    # no NUL bytes, but mostly control and high bytes
    assert decode_bytes(bytes([0x01, 0x02, 0x03, 0x85, 0xC3, 0x28, 0xFE, 0x41]) * 20) is None
    # UTF-16 without a BOM contains NUL bytes: counted as binary, as documented
    assert decode_bytes("plain".encode("utf-16-le")) is None


def test_decode_bom_that_lies_is_undecodable() -> None:
    assert decode_bytes_with_reason(b"\xef\xbb\xbf\xff\xfe\xfa bad utf-8") == (None, "undecodable")
    assert decode_bytes_with_reason(b"\xff\xfeA") == (None, "undecodable")  # odd UTF-16 length


# --- clean_text ---------------------------------------------------------------------------------


def test_clean_text_removes_boilerplate_lines_only() -> None:
    raw = (
        "Skip to main content\r\n"
        "The navy intercepted two vessels in the strait.\r\n"
        "Advertisement\r\n"
        "  ADVERTISEMENT  \n"
        "Read more: Navy chief resigns after audit\n"
        "Read More:\n"
        "Keep Reading\n"
        "Share this article\n"
        "Share on Twitter\n"
        "Click here to subscribe to our daily briefing\n"
        "Sign up for our newsletter\n"
        "We use cookies to improve your experience.\n"
        "Accept all cookies\n"
        "Related: Strait tensions explained\n"
        "Subscribe\n"
        "Follow us on Telegram\n"
        "Photo: Reuters/File\n"
        "Image: handout from the ministry\n"
        "The coalition said the advertisement campaign by the rebels had failed.\n"
        "A related: point is not boilerplate when it is part of a sentence like this one.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned == (
        "The navy intercepted two vessels in the strait.\n"
        "The coalition said the advertisement campaign by the rebels had failed.\n"
        "A related: point is not boilerplate when it is part of a sentence like this one."
    )


def test_clean_text_keeps_long_lines_that_start_like_boilerplate() -> None:
    long_line = "Read more " + "about the long history of the dispute and the treaty " * 4
    assert len(long_line.strip()) > 120
    assert clean_text(long_line) == long_line.strip()


def test_clean_text_controls_newlines_and_blank_runs() -> None:
    raw = "\ufeffFirst\x00 line\x07\r\n\r\n\r\n\r\n\tSecond\x0b line\rThird   \n\n\n\n"
    assert clean_text(raw) == "First line\n\n\tSecond line\nThird"
    assert clean_text("a\n\nb") == "a\n\nb"  # a single blank line is kept
    assert clean_text("a\n\n\n\n\nb") == "a\n\nb"


def test_boilerplate_file_schema_errors() -> None:
    with pytest.raises(DataFileError, match="version"):
        parse_boilerplate("patterns: [{pattern: 'x', comment: 'y'}]")
    with pytest.raises(DataFileError, match=r"patterns\[1\].*invalid regular expression"):
        parse_boilerplate(
            "version: 1\npatterns:\n  - {pattern: 'ok', comment: c}\n  - {pattern: '(', comment: c}\n"
        )
    with pytest.raises(DataFileError, match="comment"):
        parse_boilerplate("version: 1\npatterns:\n  - {pattern: 'ok'}\n")
    with pytest.raises(DataFileError, match="empty line"):
        parse_boilerplate("version: 1\npatterns:\n  - {pattern: '.*', comment: everything}\n")
    bp = parse_boilerplate("version: 2\npatterns:\n  - {pattern: 'menu', comment: site menu}\n")
    assert clean_text("Menu\nStory.\nAdvertisement", boilerplate=bp) == "Story.\nAdvertisement"


# --- plain text and the title rule -------------------------------------------------------------


def test_title_rule_takes_short_first_line_followed_by_blank() -> None:
    art = as_article(read_text(f"Navies agree on joint patrols\n\n\n{STORY}\n", source="s.txt"))
    assert art.title == "Navies agree on joint patrols"
    assert art.text == STORY
    assert art.id == content_id(STORY)
    assert art.path == "s.txt"
    assert art.source is None
    assert art.date is None


@pytest.mark.parametrize(
    "first_line",
    [
        "The ministers met on Tuesday.",  # ends with sentence punctuation
        "Did the ministers meet?",
        'He said "we will respond."',  # punctuation inside closing quotes
        "x" * 201,  # too long
    ],
)
def test_title_rule_rejects(first_line: str) -> None:
    text = f"{first_line}\n\n{STORY}"
    art = as_article(read_text(text, source="s.txt"))
    assert art.title is None
    assert art.text == text


def test_title_rule_needs_blank_line_and_body() -> None:
    assert split_title(f"Navies agree on joint patrols\n{STORY}") == (
        None,
        f"Navies agree on joint patrols\n{STORY}",
    )
    assert split_title("Only a headline") == (None, "Only a headline")
    assert split_title("# Markdown headline\n\nBody text.") == ("Markdown headline", "Body text.")
    assert split_title("x" * 200 + "\n\nBody.") == ("x" * 200, "Body.")


def test_read_text_default_date_and_datetime() -> None:
    art = as_article(read_text(STORY, source="s", default_date=dt.date(2024, 5, 1)))
    assert art.date == dt.date(2024, 5, 1)
    art = as_article(read_text(STORY, source="s", default_date=dt.datetime(2024, 5, 1, 23, 0)))
    assert art.date == dt.date(2024, 5, 1)


def test_read_text_empty_after_cleaning() -> None:
    as_skip(read_text(b"", source="e.txt"), "empty")
    as_skip(read_text("Advertisement\n\n  \nRead more\n\x00\n", source="e.txt"), "empty")


def test_read_text_utf16_and_latin1_bytes() -> None:
    body = "Le ministre a déclaré que la réunion à Genève était «utile»."
    art = as_article(read_text(("Réunion à Genève\n\n" + body).encode("utf-16"), source="u16.txt"))
    assert art.title == "Réunion à Genève"
    assert art.text == body
    art = as_article(read_text(body.encode("latin-1"), source="l1.txt"))
    assert art.text == body


# --- records, JSON and JSONL -------------------------------------------------------------------


def test_record_to_article_fields() -> None:
    rec = {
        "id": 42,
        "text": "Troops crossed the border.\r\nAdvertisement\r\nThe army said two soldiers died.",
        "title": "  Border   clash ",
        "date": "2024-01-18T06:30:00Z",
        "url": "https://example.org/a",
        "source": "Example Wire",
        "lang": "en",
    }
    art = as_article(record_to_article(rec, source="f.jsonl:3", path="f.jsonl"))
    assert art.id == "42"
    assert art.text == "Troops crossed the border.\nThe army said two soldiers died."
    assert art.title == "Border clash"
    assert art.date == dt.date(2024, 1, 18)
    assert (art.url, art.source, art.path) == ("https://example.org/a", "Example Wire", "f.jsonl")
    assert art.meta == {"extra": {"lang": "en"}}


def test_record_to_article_defaults() -> None:
    art = as_article(record_to_article({"text": STORY}, source="r", default_date=dt.date(2023, 2, 3)))
    assert art.id == content_id(STORY)
    assert art.date == dt.date(2023, 2, 3)
    assert art.title is None and art.url is None and art.source is None
    assert art.path == "r"
    assert as_article(record_to_article({"text": STORY, "date": "2025-06-22"}, source="r")).date == dt.date(
        2025, 6, 22
    )


@pytest.mark.parametrize("bad_date", ["22/06/2025", "2025-13-01", "yesterday", 20250622, ""])
def test_record_bad_date_is_a_warning_not_a_skip(bad_date: object) -> None:
    art = as_article(
        record_to_article(
            {"id": "x", "text": STORY, "date": bad_date}, source="r", default_date=dt.date(2020, 1, 1)
        )
    )
    assert art.date is None
    assert len(art.meta["warnings"]) == 1
    assert "date" in art.meta["warnings"][0]


@pytest.mark.parametrize(
    ("rec", "fragment"),
    [
        (["a", "list"], "not a JSON object"),
        ("text only", "not a JSON object"),
        ({"id": "1"}, "no 'text'"),
        ({"text": 5}, "'text' must be a string"),
        ({"text": None}, "no 'text'"),
        ({"text": "   "}, "'text' is empty"),
        ({"text": STORY, "id": 1.5}, "'id'"),
        ({"text": STORY, "id": True}, "'id'"),
        ({"text": STORY, "title": ["x"]}, "'title'"),
        ({"text": STORY, "url": 3}, "'url'"),
        ({"text": STORY, "source": {"name": "x"}}, "'source'"),
    ],
)
def test_record_bad_record(rec: object, fragment: str) -> None:
    skipped = as_skip(record_to_article(rec, source="f.jsonl:7"), "bad_record")
    assert skipped.source == "f.jsonl:7"
    assert fragment in skipped.detail


def test_record_text_only_boilerplate_is_empty() -> None:
    as_skip(record_to_article({"text": "Advertisement\nSubscribe"}, source="r"), "empty")


def test_jsonl_broken_line_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "First story about a ministerial visit."}),
        "",  # blank lines are ignored
        '{"id": "a2", "text": "broken',  # truncated JSON
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a3", "text": "Third story about a naval patrol.", "date": "2024-03-05"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_jsonl(path))
    assert [type(i).__name__ for i in items] == ["Article", "SkipRecord", "SkipRecord", "Article"]
    assert [a.id for a in items if isinstance(a, Article)] == ["a1", "a3"]
    assert as_skip(items[1], "bad_json").source == f"{path}:3"
    assert as_skip(items[2], "bad_record").source == f"{path}:4"
    assert as_article(items[3]).date == dt.date(2024, 3, 5)
    assert as_article(items[0]).path == str(path)


def test_jsonl_bom_undecodable_line_and_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.ndjson"
    path.write_bytes(
        b"\xef\xbb\xbf" + json.dumps({"text": "Story one."}).encode() + b"\r\n"
        b'{"text": "caf\xe9"}\n' + json.dumps({"text": "Story three."}).encode() + b"\n"
    )
    items = list(read_jsonl(path))
    assert as_article(items[0]).text == "Story one."
    assert as_skip(items[1], "undecodable").source == f"{path}:2"
    assert as_article(items[2]).text == "Story three."
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    assert as_skip(only(list(read_jsonl(empty))), "empty").source == str(empty)
    as_skip(only(list(read_jsonl(tmp_path / "missing.jsonl"))), "not_found")


def test_json_single_record_and_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"id": 7, "text": "A single record."}), encoding="utf-8")
    (tmp_path / "many.json").write_text(
        json.dumps([{"text": "Record zero."}, {"title": "no text"}, {"text": "Record two."}]),
        encoding="utf-8",
    )
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "scalar.json").write_text("3", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    by_source = {i.source if isinstance(i, SkipRecord) else f"{i.path}#{i.id}": i for i in items}
    assert as_skip(by_source[str(tmp_path / "bad.json")], "bad_json")
    assert as_skip(by_source[f"{tmp_path / 'many.json'}[1]"], "bad_record")
    assert as_skip(by_source[str(tmp_path / "scalar.json")], "bad_record")
    texts = [i.text for i in items if isinstance(i, Article)]
    assert texts == ["Record zero.", "Record two.", "A single record."]  # many.json < one.json
    assert any(isinstance(i, Article) and i.id == "7" for i in items)


# --- HTML ---------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Frigates escort tankers through the strait | Harbour Gazette</title>
  <meta property="og:title" content="Frigates escort tankers through the strait">
  <meta property="og:site_name" content="Harbour Gazette">
  <meta property="article:published_time" content="2024-03-05T08:30:00+00:00">
</head>
<body>
  <nav class="menu"><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World news desk</a></li>
    <li><a href="/markets">Markets and commodities</a></li><li><a href="/opinion">Opinion pages</a></li>
  </ul></nav>
  <main><article>
    <h1>Frigates escort tankers through the strait</h1>
    <p>Two frigates escorted a convoy of nine tankers through the strait on Tuesday, the defence
       ministry said, a week after drones struck a cargo ship in the same sea lane.</p>
    <p>The ministry said the warships would stay in the area until the end of the month and that
       further escorts would be arranged for vessels that asked for protection.</p>
    <p>Shipping companies said they welcomed the escorts but would wait for more guarantees before
       sending their fleets back through the route, which carries a large share of regional trade.</p>
  </article></main>
  <footer><p>Copyright 2024 Harbour Gazette. Contact the newsroom for corrections.</p>
    <a href="/privacy">Privacy policy and terms of service</a></footer>
</body>
</html>
"""


def test_read_html_main_text_title_date() -> None:
    art = as_article(read_html(PAGE.encode("utf-8"), source="page.html", default_date=dt.date(2000, 1, 1)))
    assert art.title == "Frigates escort tankers through the strait"
    assert art.date == dt.date(2024, 3, 5)
    assert art.path == "page.html"
    assert art.source == "Harbour Gazette"
    paragraphs = art.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Two frigates escorted a convoy of nine tankers")
    assert paragraphs[2].endswith("a large share of regional trade.")
    for junk in ("World news desk", "Markets and commodities", "Privacy policy", "Copyright 2024"):
        assert junk not in art.text
    assert not art.text.startswith("Frigates escort")  # the repeated headline is not part of the text
    assert art.id == content_id(art.text)


def test_read_html_without_date_uses_default() -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2024-03-05T08:30:00+00:00">', "")
    art = as_article(read_html(page, source="p.html", default_date=dt.date(2023, 7, 1)))
    assert art.date == dt.date(2023, 7, 1)


def test_read_html_skips() -> None:
    as_skip(
        read_html("<html><head><title>x</title></head><body></body></html>", source="n.html"), "no_content"
    )
    as_skip(read_html(b"\x00\x01\x02\x03 not html", source="b.html"), "binary")
    as_skip(read_html("   ", source="e.html"), "empty")


def test_read_html_declared_legacy_charset() -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "Two frigates", "Deux frégates — two frigates"
    )
    art = as_article(read_html(page.encode("cp1252"), source="legacy.html"))
    assert "Deux frégates — two frigates" in art.text


# --- read_paths: files and folders ---------------------------------------------------------------


def test_folder_recursion_order_and_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Story in b/z.", encoding="utf-8")
    (tmp_path / "b" / "inner" / "y.txt").write_text("Story in b/inner/y.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Story in a.", encoding="utf-8")
    (tmp_path / "c.md").write_text("Story in c.", encoding="utf-8")
    (tmp_path / ".secret.txt").write_text("Hidden story.", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden folder story.", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    texts = [as_article(i).text for i in items]
    assert texts == ["Story in a.", "Story in b/inner/y.", "Story in b/z.", "Story in c."]
    assert as_article(items[0]).path == str(tmp_path / "a.txt")
    assert [as_article(i).text for i in read_paths([tmp_path])] == texts  # deterministic
    # a hidden file named explicitly is read
    assert as_article(only(list(read_paths([tmp_path / ".secret.txt"])))).text == "Hidden story."


def test_read_paths_each_skip_reason(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 100, encoding="utf-8")
    (tmp_path / "blob.bin").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(200)))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "lying.txt").write_bytes(b"\xef\xbb\xbf\xc3\x28 broken")
    (tmp_path / "nothing.html").write_text("<html><body></body></html>", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "bad.jsonl").write_text('{"text": "ok story"}\n{oops\n[1]\n', encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    missing = tmp_path / "missing.txt"
    too_long_name = tmp_path / ("n" * 300)
    items = list(read_paths([tmp_path, missing, too_long_name], max_bytes=300))
    reasons = {Path(i.source.split(":")[0]).name: i.reason for i in items if isinstance(i, SkipRecord)}
    assert reasons == {
        "big.txt": "too_large",
        "blob.bin": "binary",
        "empty.txt": "empty",
        "lying.txt": "undecodable",
        "nothing.html": "no_content",
        "report.pdf": "unsupported",
        "pipe.txt": "unsupported",
        "bad.jsonl": "bad_record",  # the last skip from bad.jsonl ([1]); bad_json is checked below
        "missing.txt": "not_found",
        "n" * 300: "unreadable",
    }
    jsonl = [
        i for i in items if str(tmp_path / "bad.jsonl") in (i.source if isinstance(i, SkipRecord) else i.path)
    ]
    assert [type(i).__name__ for i in jsonl] == ["Article", "SkipRecord", "SkipRecord"]
    as_skip(jsonl[1], "bad_json")
    for item in items:
        if isinstance(item, SkipRecord):
            assert item.code == SKIP_CODES[item.reason]
            assert item.detail


def test_read_paths_sniffs_unknown_extensions(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("Wire copy with no extension.", encoding="utf-8")
    (tmp_path / "story.wire").write_bytes("Dépêche: the envoy left Paris.".encode("cp1252"))
    (tmp_path / "image.dat").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    items = list(read_paths([tmp_path]))
    assert as_skip(items[0], "binary").source == str(tmp_path / "image.dat")
    assert as_article(items[1]).text == "Wire copy with no extension."
    assert as_article(items[2]).text == "Dépêche: the envoy left Paris."


def test_read_paths_mixed_formats_and_default_date(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Patrol pact signed\n\n{STORY}", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": STORY, "date": "2023-09-09"}), encoding="utf-8"
    )
    default = dt.date(2025, 1, 2)
    items = [as_article(i) for i in read_paths([str(tmp_path)], default_date=default)]
    assert [a.date for a in items] == [dt.date(2024, 3, 5), default, dt.date(2023, 9, 9)]
    assert [a.title for a in items] == [
        "Frigates escort tankers through the strait",
        "Patrol pact signed",
        None,
    ]
    assert items[2].id == "c1"


def test_one_bad_input_never_stops_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "z_good.txt"
    good.write_text(STORY, encoding="utf-8")
    (tmp_path / "a_bad.txt").write_bytes(b"\x00" * 50)
    items = list(read_paths([tmp_path / "nope", tmp_path, good]))
    assert [i.reason if isinstance(i, SkipRecord) else "article" for i in items] == [
        "not_found",
        "binary",
        "article",
        "article",
    ]


# --- summary ------------------------------------------------------------------------------------


def test_summary_counts_and_line() -> None:
    items: list[Article | SkipRecord] = [
        Article.create("one"),
        SkipRecord("a", SKIP_CODES["binary"], "binary"),
        Article.create("two"),
        SkipRecord("b", SKIP_CODES["empty"], "empty"),
        SkipRecord("c", SKIP_CODES["binary"], "binary"),
    ]
    summary = summarise(items)
    assert summary.read == 2
    assert summary.skipped == Counter({"binary": 2, "empty": 1})
    assert summary.line() == "read 2 / skipped 3 (binary 2, empty 1)"
    assert str(summary) == summary.line()
    assert summary.to_dict() == {"read": 2, "skipped": 3, "skipped_by_reason": {"binary": 2, "empty": 1}}
    fresh = IngestSummary()
    assert fresh.line() == "read 0 / skipped 0"
    fresh.add(items[1])
    assert fresh.to_dict()["skipped"] == 1


def test_a_jsonl_file_over_the_size_limit_is_streamed_and_long_lines_are_skipped(tmp_path: Path) -> None:
    """The per-file limit would refuse a big corpus; JSONL is read line by line, so the limit is per line."""
    lines = [
        json.dumps({"id": f"s{i}", "text": f"Kenya and Somalia signed pact number {i}."}) for i in range(40)
    ]
    lines.insert(7, json.dumps({"id": "huge", "text": "word " * 200}))  # one line over the limit
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 600
    items = list(read_paths([path], max_bytes=600))
    arts = [i for i in items if isinstance(i, Article)]
    skips = [i for i in items if isinstance(i, SkipRecord)]
    assert [a.id for a in arts] == [f"s{i}" for i in range(40)]
    assert [(s.source, s.reason) for s in skips] == [(f"{path}:8", "too_large")]
    # a last line with no newline, at the limit, is still read
    path.write_bytes(b'{"id": "end", "text": "' + b"x" * 40 + b'"}')
    assert [a.id for a in read_paths([path], max_bytes=path.stat().st_size)] == ["end"]
