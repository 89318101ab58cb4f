"""Byte decoding and text cleaning for ingested articles.

``decode_bytes`` turns raw file bytes into text (or says the bytes are binary); ``clean_text``
normalises the text and drops whole boilerplate lines listed in ``boilerplate.yaml``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from tieline.errors import DataFileError

__all__ = [
    "BOILERPLATE_FILE",
    "Boilerplate",
    "clean_text",
    "decode_bytes",
    "decode_bytes_with_reason",
    "load_boilerplate",
]

BOILERPLATE_FILE = "ingest/boilerplate.yaml"

# Bytes that never occur in text: C0 controls other than \t \n \r \f and ESC, plus DEL.
_CONTROL_BYTES = bytes(sorted((set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}) | {0x7F}))
_HIGH_BYTES = bytes(range(0x80, 0x100))
# Bytes that cp1252 leaves undefined (latin-1 maps them to C1 controls).
_CP1252_UNDEFINED = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
# Share of "non-text" bytes above which data counts as binary.
_BINARY_SHARE = 0.30

# C0 control characters except \t and \n (\r is normalised before this runs), DEL, and the BOM.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff]")
_MANY_BLANKS = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Compiled whole-line boilerplate patterns (loaded once from ``boilerplate.yaml``)."""

    version: int
    max_line_length: int
    patterns: tuple[re.Pattern[str], ...]
    comments: tuple[str, ...]

    def is_boilerplate(self, line: str) -> bool:
        stripped = line.strip()
        if not stripped or len(stripped) > self.max_line_length:
            return False
        return any(p.fullmatch(stripped) for p in self.patterns)


def _check_boilerplate(data: Any, where: str) -> Boilerplate:
    if not isinstance(data, dict):
        raise DataFileError(f"{where}: top level must be a mapping")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise DataFileError(f"{where}: top-level 'version' must be an integer, got {version!r}")
    max_len = data.get("max_line_length", 120)
    if not isinstance(max_len, int) or isinstance(max_len, bool) or max_len <= 0:
        raise DataFileError(f"{where}: 'max_line_length' must be a positive integer, got {max_len!r}")
    entries = data.get("patterns")
    if not isinstance(entries, list) or not entries:
        raise DataFileError(f"{where}: 'patterns' must be a non-empty list")
    patterns: list[re.Pattern[str]] = []
    comments: list[str] = []
    for i, entry in enumerate(entries):
        label = f"{where}: patterns[{i}]"
        if not isinstance(entry, dict):
            raise DataFileError(f"{label}: entry must be a mapping with 'pattern' and 'comment'")
        unknown = set(entry) - {"pattern", "comment"}
        if unknown:
            raise DataFileError(f"{label}: unknown keys {sorted(unknown)}")
        pattern, comment = entry.get("pattern"), entry.get("comment")
        if not isinstance(pattern, str) or not pattern:
            raise DataFileError(f"{label}: 'pattern' must be a non-empty string")
        if not isinstance(comment, str) or not comment.strip():
            raise DataFileError(f"{label} ({pattern!r}): 'comment' must be a non-empty string")
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise DataFileError(f"{label} ({pattern!r}): invalid regular expression: {exc}") from exc
        if compiled.fullmatch(""):
            raise DataFileError(f"{label} ({pattern!r}): pattern must not match an empty line")
        patterns.append(compiled)
        comments.append(comment)
    return Boilerplate(version, max_len, tuple(patterns), tuple(comments))


def parse_boilerplate(text: str, *, where: str = "boilerplate.yaml") -> Boilerplate:
    """Parse and schema-check boilerplate YAML text (raises DataFileError)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{where}: not valid YAML: {exc}") from exc
    return _check_boilerplate(data, where)


@lru_cache(maxsize=1)
def load_boilerplate() -> Boilerplate:
    """The packaged boilerplate patterns, loaded and checked once."""
    ref = resources.files("tieline") / BOILERPLATE_FILE
    return parse_boilerplate(ref.read_text(encoding="utf-8"), where=f"tieline/{BOILERPLATE_FILE}")


def clean_text(text: str, *, boilerplate: Boilerplate | None = None) -> str:
    """Normalise article text.

    - newlines: ``\\r\\n`` and lone ``\\r`` become ``\\n``;
    - NUL and other C0 control characters (except ``\\n`` and ``\\t``), DEL and stray BOMs are removed;
    - trailing whitespace is stripped from every line;
    - whole lines matching a boilerplate pattern (short lines only, case-insensitive) are dropped;
    - runs of three or more newlines collapse to two (at most one blank line between paragraphs);
    - leading and trailing blank space is removed.
    """
    bp = boilerplate if boilerplate is not None else load_boilerplate()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_CHARS.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    kept = [line for line in lines if not bp.is_boilerplate(line)]
    text = "\n".join(kept)
    text = _MANY_BLANKS.sub("\n\n", text)
    return text.strip()


def _count(data: bytes, which: bytes) -> int:
    """How many bytes of ``data`` are among ``which`` (fast: bytes.translate runs in C)."""
    return len(data) - len(data.translate(None, which))


def decode_bytes_with_reason(data: bytes) -> tuple[str | None, str]:
    """Decode bytes; returns ``(text, "")`` or ``(None, reason)`` with reason "binary" or "undecodable".

    Order: a BOM decides (UTF-8, UTF-16, UTF-32; if the bytes then fail to decode -> "undecodable");
    NUL bytes -> "binary"; strict UTF-8 (binary if >30% control bytes); otherwise, when the bytes
    look like 8-bit Western text (<=30% control or high bytes), cp1252 (latin-1 if cp1252 leaves a
    byte undefined); anything else -> "binary".
    """
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),  # must precede UTF-16 LE: it starts with the same two bytes
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), ""
            except UnicodeDecodeError:
                return None, "undecodable"
    if not data:
        return "", ""
    if b"\x00" in data:
        return None, "binary"
    controls = _count(data, _CONTROL_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if controls / len(data) > _BINARY_SHARE:
            return None, "binary"
        return text, ""
    high = _count(data, _HIGH_BYTES)
    if (controls + high) / len(data) > _BINARY_SHARE:
        return None, "binary"
    if _count(data, _CP1252_UNDEFINED):
        return data.decode("latin-1"), ""
    return data.decode("cp1252"), ""


def decode_bytes(data: bytes) -> str | None:
    """Decode file bytes to text, or None when they are binary (or cannot be decoded)."""
    text, _reason = decode_bytes_with_reason(data)
    return text
