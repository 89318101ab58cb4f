"""Find agreements in an article and link them to the article's events.

An agreement is an agreement noun ("pact", "deal", "ceasefire" ...) in a sentence; its parties are the
actors and recipients of the article's events in that sentence, its kind and status come from cue words
(``agreements/data/agreements.yaml``), its signing date from the sentence's events, and a duration such as
"five-year" or "for ten years" gives an end date.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import yaml

from ..errors import DataFileError
from ..model import Article, Event, content_id

__all__ = ["Agreement", "AgreementLexicon", "extract_agreements", "load_agreement_lexicon"]

_FILE = "agreements/data/agreements.yaml"
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30,
    "fifty": 50, "a": 1,
}  # fmt: skip
_DURATION = re.compile(
    r"\b(\d+|"
    + "|".join(sorted((k for k in _NUMBERS if k != "a"), key=len, reverse=True))
    + r")[- ](year|month|day)\b"
    r"|\bfor (\d+|a|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r") (years?|months?|days?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AgreementLexicon:
    version: int
    nouns: tuple[str, ...]
    kinds: tuple[tuple[str, tuple[str, ...]], ...]
    statuses: tuple[tuple[str, tuple[str, ...]], ...]


def _words(v: Any, where: str) -> tuple[str, ...]:
    if not (isinstance(v, list) and v and all(isinstance(x, str) and x.strip() for x in v)):
        raise DataFileError(f"{_FILE}: {where}: expected a non-empty list of words")
    return tuple(v)


def parse_agreement_lexicon(data: Any) -> AgreementLexicon:
    if not isinstance(data, dict) or "version" not in data:
        raise DataFileError(f"{_FILE}: expected a mapping with a top-level 'version'")
    for key in ("kinds", "statuses"):
        if not isinstance(data.get(key), dict):
            raise DataFileError(f"{_FILE}: {key}: expected a mapping of name to cue words")
    return AgreementLexicon(
        version=int(data["version"]),
        nouns=_words(data.get("nouns"), "nouns"),
        kinds=tuple((str(k), _words(v, f"kinds.{k}")) for k, v in data["kinds"].items()),
        statuses=tuple((str(k), _words(v, f"statuses.{k}")) for k, v in data["statuses"].items()),
    )


@functools.lru_cache(maxsize=1)
def load_agreement_lexicon() -> AgreementLexicon:
    return parse_agreement_lexicon(yaml.safe_load((files("tieline") / _FILE).read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Agreement:
    id: str
    article_id: str
    kind: str  # defence_cooperation | arms_deal | ceasefire | sofa | trade | other
    status: str  # signed | agreed | proposed | suspended
    parties: tuple[dict[str, Any], ...]  # {"name", "country", "code"}
    signing_date: str | None
    duration: dict[str, int] | None  # {"years": 5} / {"months": 6} / {"days": 30}
    end_date: str | None
    evidence: tuple[dict[str, Any], ...]  # {"text", "start", "end", "cue": {"text", "start", "end"}}
    events: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "article_id": self.article_id, "kind": self.kind, "status": self.status,
            "parties": [dict(p) for p in self.parties], "signing_date": self.signing_date,
            "duration": dict(self.duration) if self.duration else None, "end_date": self.end_date,
            "evidence": [dict(e) for e in self.evidence], "events": list(self.events),
        }  # fmt: skip


def _cue(words: Iterable[str], text: str) -> re.Match[str] | None:
    best = None
    for w in words:
        m = re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text, re.IGNORECASE)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best


def _sentences(article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", article.text) if m.group().strip()]


def _add(d: _dt.date, n: int, unit: str) -> _dt.date:
    if unit == "days":
        return d + _dt.timedelta(days=n)
    months = d.month - 1 + n * (12 if unit == "years" else 1)
    y, m = d.year + months // 12, months % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return _dt.date(y, m, day)
        except ValueError:
            continue
    raise ValueError(d)  # unreachable


def _duration(text: str) -> dict[str, int] | None:
    m = _DURATION.search(text)
    if not m:
        return None
    num, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    n = int(num) if num.isdigit() else _NUMBERS[num.lower()]
    unit = unit.lower().rstrip("s") + "s"
    return {unit: n}


def extract_agreements(
    article_events: Sequence[Event | Mapping[str, Any]], article: Article
) -> list[Agreement]:
    """Agreements named in ``article``, linked to ``article_events`` (Event objects or their dicts).

    One agreement per sentence with an agreement noun; a later sentence naming an agreement with no parties
    of its own ("The pact runs until ...") adds its evidence (and a duration) to the previous agreement.
    """
    lex = load_agreement_lexicon()
    events = [e.to_dict() if isinstance(e, Event) else dict(e) for e in article_events]
    out: list[dict[str, Any]] = []
    for s_start, s_end in _sentences(article):
        sent = article.text[s_start:s_end]
        noun = _cue(lex.nouns, sent)
        if noun is None:
            continue
        linked = [
            e for e in events
            if s_start <= int(e["evidence"]["trigger"]["start"]) < s_end or e["evidence"]["start"] == s_start
        ]  # fmt: skip
        parties: dict[str, dict[str, Any]] = {}
        for e in linked:
            for a in [*e.get("actor", []), *e.get("recipient", [])]:
                key = a.get("country") or a.get("code")
                if key and key not in parties:
                    parties[key] = {"name": a.get("name"), "country": a.get("country"), "code": a.get("code")}
        kind = next((k for k, words in lex.kinds if _cue(words, sent)), "other")
        status_cue = None
        status = ""
        for st, words in lex.statuses:
            status_cue = _cue(words, sent)
            if status_cue:
                status = st
                break
        if any(e.get("modality") in ("pledged", "hypothetical") for e in linked) and status in ("", "signed"):
            status = "proposed"
        if any(e.get("modality") == "negated" for e in linked) and status != "suspended":
            status = "proposed"
        evidence = {
            "text": sent, "start": s_start, "end": s_end,
            "cue": {"text": noun.group(), "start": s_start + noun.start(), "end": s_start + noun.end()},
        }  # fmt: skip
        duration = _duration(sent)
        if not parties and out:
            prev = out[-1]
            prev["evidence"].append(evidence)
            prev["events"].update(e["id"] for e in linked)
            if duration and not prev["duration"]:
                prev["duration"] = duration
            continue
        if not parties:
            continue
        dated = [e for e in linked if e.get("event") in ("AGREE", "RETREAT", "COOPERATE")] or linked
        signing = None
        if status in ("signed", "agreed") and dated:
            signing = min(dated, key=lambda e: (e.get("date_source") == "article", e["date"]))["date"]
        elif status in ("signed", "agreed") and article.date:
            signing = article.date.isoformat()
        out.append({
            "kind": kind, "status": status or ("signed" if linked else "proposed"), "parties": parties,
            "signing_date": signing, "duration": duration, "evidence": [evidence],
            "events": {e["id"] for e in linked},
        })  # fmt: skip
    result = []
    for a in out:
        end = None
        if a["duration"] and a["signing_date"]:
            ((unit, n),) = a["duration"].items()
            end = _add(_dt.date.fromisoformat(a["signing_date"]), n, unit).isoformat()
        first = a["evidence"][0]["cue"]
        result.append(
            Agreement(
                id=content_id(f"{article.id}:{first['start']}", prefix="g"),
                article_id=article.id,
                kind=a["kind"],
                status=a["status"],
                parties=tuple(a["parties"][k] for k in sorted(a["parties"])),
                signing_date=a["signing_date"],
                duration=a["duration"],
                end_date=end,
                evidence=tuple(a["evidence"]),
                events=tuple(sorted(a["events"])),
            )
        )
    return result
