"""Why a sentence was or was not coded: the parse, every pattern that fired, its roles and what became of it.

:func:`explain` is what ``tieline explain "sentence" [--date D]`` prints. For each sentence it gives the
parse (token, lemma, part of speech, dependency, head, entity label) and each draft the coder made: the
pattern (``file#line``), the CAMEO code and PLOVER type, the resolved actors and recipients, modality,
whether it is embedded under or in the background of another event, its raw score, and either the event it
became (with its calibrated confidence and reason) or why it was dropped.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..model import Article

__all__ = ["explain"]


def _actor(a: Any) -> dict[str, Any]:
    return {"text": a.text, "code": a.code, "country": a.country, "sector": a.sector, "why": a.why}


def explain(pipe: Any, text: str, *, date: _dt.date | None = None) -> dict[str, Any]:
    """Explain how ``pipe`` (a :class:`tieline.pipeline.Pipeline`) codes ``text``. Returns plain JSON-ready data."""
    article = pipe.nlp.parse(Article.create(text, date=date))
    toks = article.tokens
    traced = pipe.coder.trace(article, date=date)
    ontology = pipe.ontology
    sentences: list[dict[str, Any]] = []
    for si, sent in enumerate(article.sentences):
        tokens = [
            {"i": t.i - sent.tok_start, "text": t.text, "lemma": t.lemma, "pos": t.pos, "dep": t.dep,
             "head": t.head - sent.tok_start, "ent": t.ent_type or ""}
            for t in toks[sent.tok_start : sent.tok_end]
        ]  # fmt: skip
        drafts = []
        for dsi, d, ev in traced:
            if dsi != si:
                continue
            cameo = ontology.cameo(d.code)
            row: dict[str, Any] = {
                "trigger": toks[d.trigger].text,
                "kind": d.kind,
                "pattern": d.pattern,
                "cameo": cameo.code,
                "cameo_name": cameo.name,
                "event": cameo.plover,
                "actors": [_actor(a) for a in d.actors],
                "recipients": [_actor(a) for a in d.recipients],
                "attribution": [_actor(a) for a in d.attribution],
                "modality": d.modality,
                "embedded": d.embedded,
                "background": d.background,
                "score": round(pipe.coder.raw_score(d), 3),
                "roles": list(d.roles),
            }
            if ev is not None:
                row["coded"] = {"id": ev.id, "event": ev.event, "cameo": ev.cameo, "confidence": ev.confidence,
                                "reason": ev.reason}  # fmt: skip
            else:
                row["dropped"] = d.dropped or "not coded"
            drafts.append(row)
        sentences.append({"text": article.text[sent.start : sent.end], "tokens": tokens, "drafts": drafts})
    return {"text": text, "date": date.isoformat() if date else None, "coder": pipe.coder.version,
            "sentences": sentences}  # fmt: skip
