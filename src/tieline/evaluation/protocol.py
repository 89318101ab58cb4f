"""The evaluation protocol: how tieline's output is scored against the development sets.

The sets live outside the project (``../shared/eval/``; see its README, which is the protocol this
module implements). Scorers take plain dicts: gold records as read from the JSONL files and
predictions in tieline's JSONL event shape, keyed by record id. Nothing here imports spaCy or the
pipeline; :func:`run_eval` is given the coder (and optionally the entity recogniser) as callables.

Decisions where the README leaves room
=======================================

Main event
    The event with the highest ``confidence``; ties go to the smallest ``evidence.trigger.start``
    (events without one come after those with one), then to list order.

PentaClass (``cameo_manual``)
    The class comes from the CAMEO root (first two digits of ``cameo``): 01-02 -> 0, 03-05 -> 1,
    06-08 -> 2, 09-13 and 16 -> 3, 14, 15, 17-20 -> 4. No event, an empty code or a code without a
    root in 01-20 counts as class 0 (as the README says for "no event"). Macro-F1 is the unweighted
    mean of the five per-class F1 values (a class never predicted and never gold would count 0, but
    every class occurs in the set).

PLOVER type (``plover_gsr``)
    ``top1``: the main event's ``event`` equals the gold ``event``. ``any``: some event of the
    sentence has the gold type. ``tuple``: some event of the gold type has, for every gold source
    code, an ``actor`` entry matching it, and for every gold target code, a ``recipient`` entry
    matching it (an empty gold list is satisfied by anything, including no actor). For an event
    marked ``"reciprocal": true`` (the parties act on each other, "X and Y signed", so which one is
    written as actor is arbitrary) its actors and recipients together count for both sides. Sectors
    are not compared. A predicted actor matches a gold code when

    * its ``country`` equals the code, or equals the code's ISO alias (:data:`GOLD_CODE_ALIASES`:
      the gold uses a few CAMEO/legacy country codes: JAP -> JPN, ITL -> ITA, VTN -> VNM), or
    * its ``code`` (CAMEO-style actor code, e.g. ``IGOUNO``, ``USAGOV``) starts with the gold code or
      with its ISO alias, or
    * for the non-country gold codes: IGO also matches ``kind == "igo"``; IMG (international
      militarised group) also matches ``kind == "armed_group"`` without a country; NGO and ISM
      match by code prefix only.

    Predicted event types under their PLOVER v0.5 names are renamed to the v2 names the gold uses
    (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT). The figures report how
    many gold records use a CAMEO/legacy country alias (``plover.records_alias_codes``) and how many
    use a non-country code (``plover.records_non_country_codes``).

Actor spans (``cameo_manual`` records whose ``actors`` is not null)
    A gold source (target) span is found when some event of the sentence has an ``actor``
    (``recipient``) entry whose ``[start, end)`` overlaps it (shares at least one character); a
    reciprocal span is found by an entry on either side. Precision: the distinct predicted
    ``(start, end)`` spans of a sentence (actor and recipient entries of all its events, a span
    listed twice counted once) that overlap any gold span of that sentence, whatever its role.

Coarse type (``case2021``)
    Predicted PLOVER type of the main event -> class by :data:`PLOVER_TO_COARSE` (no event, or a type
    not listed -> ``none``). Gold ACLED-style labels -> class by :data:`CASE_TO_COARSE`:

    * violence: ARMED_CLASH, AIR_STRIKE, SUIC_BOMB, GRENADE, ART_MISS_ATTACK, ATTACK, CHEM_WEAP,
      REM_EXPLOS, SEX_VIOL, ABDUCT_DISSAP, MOB_VIOL, GOV_REGAINS_TERIT, NON_STATE_ACTOR_OVERTAKES_TER
    * protest: PEACE_PROTEST, VIOL_DEMONSTR (a riot is PLOVER PROTEST), PROTEST_WITH_INTER
    * coerce: ARREST, FORCE_AGAINST_PROTEST (repression, CAMEO 175), DISR_WEAP (seizure, defusal),
      PROPERTY_DISTRUCT (the PLOVER gold codes destroying property as COERCE)
    * cooperation: AGREEMENT, NON_VIOL_TERRIT_TRANSFER (a withdrawal is PLOVER RETREAT)
    * diplomatic: DIPLO
    * none: NATURAL_DISASTER, MAN_MADE_DISASTER, ORG_CRIME, ATTRIB, CHANGE_TO_GROUP_ACT,
      HQ_ESTABLISHED, OTHER (and any label not listed)

    Macro-F1 over the six classes (``none`` included). ``non_political_with_event``: the share of
    snippets labelled NATURAL_DISASTER, MAN_MADE_DISASTER or ORG_CRIME for which the coder returned at
    least one event of any type.

Entities (``re3d``)
    Gold types that count: Person, Organisation, Location, Nationality, Temporal, Money,
    MilitaryPlatform, Weapon (:data:`ENTITY_COMPATIBLE`). Mentions of other types (Quantity, Vehicle,
    DocumentReference, CommsIdentifier, ...) are neither gold nor ignored. Mentions with
    ``gold: false`` are ignored spans. A prediction and a counted gold mention are a candidate pair
    when their spans overlap and the predicted label is compatible with the gold type (Person ->
    PERSON; Organisation -> ORG, GPE, NORP; Location -> GPE, LOC, FAC; Nationality -> NORP, GPE;
    MilitaryPlatform -> MILITARY_PLATFORM, VEHICLE; Weapon -> WEAPON; Temporal -> DATE, TIME;
    Money -> MONEY). Pairs are matched one-to-one, greedily, longest character overlap first (ties:
    earlier gold, then earlier prediction). Matched predictions are true positives. An unmatched
    prediction that overlaps an ignored span is not counted; any other unmatched prediction whose
    label is an entity label of the protocol (:data:`ENTITY_LABELS`) is a false positive. Predictions
    with labels outside the protocol (CARDINAL, QUANTITY, PERCENT, ORDINAL, EVENT, LAW, PRODUCT,
    WORK_OF_ART, LANGUAGE, ...) are not counted: they are not entity types of this evaluation.
    Micro precision, recall and F1 over all documents; recall per gold type.

Calibration
    Pairs of (main event confidence, main event correct) from ``plover_gsr`` (type) and
    ``cameo_manual`` (PentaClass); sentences without an event are left out. Equal-width bins over
    [0, 1] (a confidence of 1.0 falls in the last bin); ECE = sum over bins of
    ``n_bin / n * |accuracy_bin - mean_confidence_bin|``.

Floors
    ``floors.json`` maps figure names to floors. For figures where lower is better
    (:data:`LOWER_IS_BETTER`) the value is a ceiling instead.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tieline.errors import EvalError

__all__ = [
    "CASE_TO_COARSE",
    "COARSE_CLASSES",
    "ENTITY_COMPATIBLE",
    "ENTITY_LABELS",
    "GOLD_CODE_ALIASES",
    "LOWER_IS_BETTER",
    "NON_COUNTRY_CODES",
    "NON_POLITICAL",
    "PLOVER_TO_COARSE",
    "actor_matches_code",
    "calibration",
    "check_floors",
    "format_table",
    "load_floors",
    "load_jsonl",
    "main_event",
    "penta_of",
    "run_eval",
    "score_actor_spans",
    "score_case",
    "score_entities",
    "score_penta",
    "score_plover",
]

Events = dict[str, list[dict[str, Any]]]

# --- protocol constants (read-only) -------------------------------------------------------------

#: CAMEO/legacy country codes found in the PLOVER gold, with their ISO 3166 alpha-3 code.
GOLD_CODE_ALIASES: Mapping[str, str] = MappingProxyType({"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"})

#: Gold codes that are not countries (international/non-governmental organisations, militarised groups).
NON_COUNTRY_CODES: frozenset[str] = frozenset({"IGO", "NGO", "IMG", "ISM"})

#: PLOVER v0.5 names -> the v2 names used by the gold.
PLOVER_V2_NAMES: Mapping[str, str] = MappingProxyType(
    {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
)

COARSE_CLASSES: tuple[str, ...] = ("violence", "protest", "coerce", "cooperation", "diplomatic", "none")

PLOVER_TO_COARSE: Mapping[str, str] = MappingProxyType(
    {
        "ASSAULT": "violence",
        "MOBILIZE": "violence",
        "PROTEST": "protest",
        "COERCE": "coerce",
        "AGREE": "cooperation",
        "COOPERATE": "cooperation",
        "AID": "cooperation",
        "CONCEDE": "cooperation",
        "RETREAT": "cooperation",
        "CONSULT": "diplomatic",
        "SUPPORT": "diplomatic",
        "REQUEST": "diplomatic",
        "ACCUSE": "diplomatic",
        "REJECT": "diplomatic",
        "THREATEN": "diplomatic",
        "SANCTION": "diplomatic",
    }
)

CASE_TO_COARSE: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(
            (
                "ARMED_CLASH",
                "AIR_STRIKE",
                "SUIC_BOMB",
                "GRENADE",
                "ART_MISS_ATTACK",
                "ATTACK",
                "CHEM_WEAP",
                "REM_EXPLOS",
                "SEX_VIOL",
                "ABDUCT_DISSAP",
                "MOB_VIOL",
                "GOV_REGAINS_TERIT",
                "NON_STATE_ACTOR_OVERTAKES_TER",
            ),
            "violence",
        ),
        **dict.fromkeys(("PEACE_PROTEST", "VIOL_DEMONSTR", "PROTEST_WITH_INTER"), "protest"),
        **dict.fromkeys(("ARREST", "FORCE_AGAINST_PROTEST", "DISR_WEAP", "PROPERTY_DISTRUCT"), "coerce"),
        **dict.fromkeys(("AGREEMENT", "NON_VIOL_TERRIT_TRANSFER"), "cooperation"),
        "DIPLO": "diplomatic",
        **dict.fromkeys(
            (
                "NATURAL_DISASTER",
                "MAN_MADE_DISASTER",
                "ORG_CRIME",
                "ATTRIB",
                "CHANGE_TO_GROUP_ACT",
                "HQ_ESTABLISHED",
                "OTHER",
            ),
            "none",
        ),
    }
)

#: Gold labels of non-political snippets (disaster, crime).
NON_POLITICAL: frozenset[str] = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME"})

#: Counted re3d gold types and the predicted labels compatible with each.
ENTITY_COMPATIBLE: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "Person": frozenset({"PERSON"}),
        "Organisation": frozenset({"ORG", "GPE", "NORP"}),
        "Location": frozenset({"GPE", "LOC", "FAC"}),
        "Nationality": frozenset({"NORP", "GPE"}),
        "Temporal": frozenset({"DATE", "TIME"}),
        "Money": frozenset({"MONEY"}),
        "MilitaryPlatform": frozenset({"MILITARY_PLATFORM", "VEHICLE"}),
        "Weapon": frozenset({"WEAPON"}),
    }
)

#: Predicted labels that take part in the entity evaluation (all others are not counted).
ENTITY_LABELS: frozenset[str] = frozenset().union(*ENTITY_COMPATIBLE.values())

#: Figures for which a lower value is better (their floor is a ceiling).
LOWER_IS_BETTER: frozenset[str] = frozenset({"case.non_political_with_event", "calibration.ece"})

_EVAL_FILES = {
    "plover": "plover_gsr.jsonl",
    "cameo": "cameo_manual.jsonl",
    "case": "case2021_dev.jsonl",
    "re3d_docs": "re3d_dev_documents.jsonl",
    "re3d_entities": "re3d_dev_entities.jsonl",
}


# --- reading ------------------------------------------------------------------------------------


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read one JSON object a line; blank lines are skipped. Raises EvalError on a missing file or bad line."""
    p = Path(path)
    if not p.is_file():
        raise EvalError(f"evaluation file not found: {p}")
    out: list[dict[str, Any]] = []
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalError(f"{p}:{n}: not valid JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise EvalError(f"{p}:{n}: expected a JSON object, got {type(obj).__name__}")
            out.append(obj)
    return out


# --- helpers ------------------------------------------------------------------------------------


def _num(value: Any, default: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return float(value)


def _trigger_start(event: Mapping[str, Any]) -> float:
    evidence = event.get("evidence")
    if isinstance(evidence, Mapping):
        trigger = evidence.get("trigger")
        if isinstance(trigger, Mapping):
            return _num(trigger.get("start"), math.inf)
    return math.inf


def main_event(events: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The event with the highest confidence; ties -> smallest evidence.trigger.start, then list order."""
    best: dict[str, Any] | None = None
    best_key: tuple[float, float, int] | None = None
    for i, ev in enumerate(events):
        key = (-_num(ev.get("confidence"), 0.0), _trigger_start(ev), i)
        if best_key is None or key < best_key:
            best, best_key = ev, key
    return best


def penta_of(cameo: str | None) -> int:
    """PentaClass of a CAMEO code from its root (first two digits); no/unknown code -> 0."""
    if not cameo or not isinstance(cameo, str):
        return 0
    digits = cameo.strip()
    if len(digits) < 2 or not digits[:2].isdigit():
        return 0
    root = int(digits[:2])
    if root in (1, 2):
        return 0
    if 3 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13 or root == 16:
        return 3
    if root in (14, 15) or 17 <= root <= 20:
        return 4
    return 0


def _event_type(event: Mapping[str, Any] | None) -> str | None:
    if event is None:
        return None
    t = event.get("event")
    if not isinstance(t, str) or not t:
        return None
    t = t.strip().upper()
    return PLOVER_V2_NAMES.get(t, t)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "support": float(tp + fn)}


def _classification(gold: Sequence[Any], pred: Sequence[Any], classes: Sequence[Any]) -> dict[str, Any]:
    """Accuracy, per-class P/R/F1, macro-F1 and confusion (gold -> pred -> count)."""
    n = len(gold)
    correct = sum(1 for g, p in zip(gold, pred, strict=True) if g == p)
    confusion: dict[str, dict[str, int]] = {str(c): {str(d): 0 for d in classes} for c in classes}
    for g, p in zip(gold, pred, strict=True):
        confusion.setdefault(str(g), {}).setdefault(str(p), 0)
        confusion[str(g)][str(p)] += 1
    per_class: dict[str, dict[str, float]] = {}
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        per_class[str(c)] = _prf(tp, fp, fn)
    macro = sum(v["f1"] for v in per_class.values()) / len(per_class) if per_class else 0.0
    return {
        "n": n,
        "accuracy": correct / n if n else 0.0,
        "macro_f1": macro,
        "per_class": per_class,
        "confusion": confusion,
    }


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _span(d: Mapping[str, Any]) -> tuple[int, int] | None:
    s, e = d.get("start"), d.get("end")
    if isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool) and e > s:
        return (s, e)
    return None


# --- PentaClass ---------------------------------------------------------------------------------


def score_penta(gold: Sequence[dict[str, Any]], pred: Mapping[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Accuracy, macro-F1, per-class P/R/F1 and confusion of the main event's PentaClass."""
    gold_cls = [int(r["penta"]) for r in gold]
    pred_cls = []
    for r in gold:
        ev = main_event(pred.get(r["id"], []))
        pred_cls.append(penta_of(ev.get("cameo") if ev else None))
    return _classification(gold_cls, pred_cls, range(5))


# --- PLOVER -------------------------------------------------------------------------------------


def actor_matches_code(actor: Mapping[str, Any], gold_code: str) -> bool:
    """Whether a predicted actor dict matches a gold source/target code (see the module docstring)."""
    code = gold_code.strip().upper()
    if not code:
        return False
    iso = GOLD_CODE_ALIASES.get(code, code)
    country = str(actor.get("country") or "").upper()
    acode = str(actor.get("code") or "").upper()
    kind = str(actor.get("kind") or "").lower()
    if country and country in (code, iso):
        return True
    if acode and (acode.startswith(code) or acode.startswith(iso)):
        return True
    if code == "IGO" and kind == "igo":
        return True
    return code == "IMG" and kind == "armed_group" and not country


def _codes_covered(actors: Any, codes: Sequence[str]) -> bool:
    entries = [a for a in actors if isinstance(a, Mapping)] if isinstance(actors, list) else []
    return all(any(actor_matches_code(a, c) for a in entries) for c in codes)


def _tuple_ok(event: Mapping[str, Any], src: Sequence[str], tgt: Sequence[str]) -> bool:
    """Source codes among the actors and target codes among the recipients. For an event marked ``reciprocal``
    (the parties act on each other, so which one is written as actor is arbitrary) both sides together count as
    the sources and as the targets."""
    actors, recipients = list(event.get("actor") or []), list(event.get("recipient") or [])
    if event.get("reciprocal"):
        both = actors + recipients
        return _codes_covered(both, src) and _codes_covered(both, tgt)
    return _codes_covered(actors, src) and _codes_covered(recipients, tgt)


def score_plover(gold: Sequence[dict[str, Any]], pred: Mapping[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Top-1, any and tuple accuracy of PLOVER types, with the confusion of the main event type."""
    n = len(gold)
    top1 = any_hit = tuple_hit = 0
    gold_types: list[str] = []
    main_types: list[str] = []
    alias_records = non_country_records = 0
    for r in gold:
        gtype = str(r["event"]).upper()
        events = pred.get(r["id"], [])
        ev = main_event(events)
        mtype = _event_type(ev) or "NONE"
        gold_types.append(gtype)
        main_types.append(mtype)
        top1 += mtype == gtype
        same = [e for e in events if _event_type(e) == gtype]
        any_hit += bool(same)
        src = [str(a.get("code", "")) for a in r.get("source") or []]
        tgt = [str(a.get("code", "")) for a in r.get("target") or []]
        codes = {c.upper() for c in src + tgt}
        alias_records += bool(codes & set(GOLD_CODE_ALIASES))
        non_country_records += bool(codes & NON_COUNTRY_CODES)
        if any(_tuple_ok(e, src, tgt) for e in same):
            tuple_hit += 1
    types = sorted(set(gold_types))
    cls = _classification(gold_types, main_types, [*types, "NONE"])
    per_type = {t: v for t, v in cls["per_class"].items() if t != "NONE"}
    return {
        "n": n,
        "top1": top1 / n if n else 0.0,
        "any": any_hit / n if n else 0.0,
        "tuple": tuple_hit / n if n else 0.0,
        "macro_f1": sum(v["f1"] for v in per_type.values()) / len(per_type) if per_type else 0.0,
        "per_type": per_type,
        "confusion": cls["confusion"],
        "records_alias_codes": alias_records,
        "records_non_country_codes": non_country_records,
    }


# --- actor spans --------------------------------------------------------------------------------


def score_actor_spans(
    gold: Sequence[dict[str, Any]], pred: Mapping[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """Recall of gold actor spans (by role), precision of predicted actor spans, F1."""
    gold_total = gold_found = pred_total = pred_hit = 0
    by_role: dict[str, list[int]] = {"source": [0, 0], "target": [0, 0], "reciprocal": [0, 0]}
    n_records = 0
    for r in gold:
        actors = r.get("actors")
        if not isinstance(actors, Mapping):
            continue
        n_records += 1
        events = pred.get(r["id"], [])
        sides: dict[str, list[tuple[int, int]]] = {"actor": [], "recipient": []}
        for ev in events:
            for side in ("actor", "recipient"):
                for a in ev.get(side) or []:
                    if isinstance(a, Mapping) and (sp := _span(a)) is not None:
                        sides[side].append(sp)
        all_gold: list[tuple[int, int]] = []
        for role, allowed in (
            ("source", ("actor",)),
            ("target", ("recipient",)),
            ("reciprocal", ("actor", "recipient")),
        ):
            for g in actors.get(role) or []:
                gs, ge = int(g[0]), int(g[1])
                all_gold.append((gs, ge))
                found = any(_overlap(gs, ge, s, e) > 0 for side in allowed for s, e in sides[side])
                by_role[role][0] += 1
                by_role[role][1] += found
                gold_total += 1
                gold_found += found
        distinct = set(sides["actor"]) | set(sides["recipient"])
        pred_total += len(distinct)
        pred_hit += sum(1 for s, e in distinct if any(_overlap(s, e, gs, ge) > 0 for gs, ge in all_gold))
    recall = gold_found / gold_total if gold_total else 0.0
    precision = pred_hit / pred_total if pred_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": n_records,
        "gold_spans": gold_total,
        "gold_found": gold_found,
        "pred_spans": pred_total,
        "pred_correct": pred_hit,
        "recall": recall,
        "precision": precision,
        "f1": f1,
        "recall_by_role": {k: (v[1] / v[0] if v[0] else 0.0) for k, v in by_role.items()},
    }


# --- coarse type --------------------------------------------------------------------------------


def score_case(gold: Sequence[dict[str, Any]], pred: Mapping[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Coarse-class macro-F1 and the rate of non-political snippets that get an event."""
    gold_cls: list[str] = []
    pred_cls: list[str] = []
    non_political = non_political_event = 0
    for r in gold:
        label = str(r["label"])
        events = pred.get(r["id"], [])
        gold_cls.append(CASE_TO_COARSE.get(label, "none"))
        t = _event_type(main_event(events))
        pred_cls.append(PLOVER_TO_COARSE.get(t, "none") if t else "none")
        if label in NON_POLITICAL:
            non_political += 1
            non_political_event += bool(events)
    cls = _classification(gold_cls, pred_cls, COARSE_CLASSES)
    cls["non_political"] = non_political
    cls["non_political_with_event"] = non_political_event / non_political if non_political else 0.0
    return cls


# --- entities -----------------------------------------------------------------------------------


def score_entities(
    gold_docs: Sequence[dict[str, Any]],
    gold_entities: Sequence[dict[str, Any]],
    pred_mentions: Mapping[str, list[dict[str, Any]]],
) -> dict[str, Any]:
    """Typed-lenient micro P/R/F1 with one-to-one greedy matching, and recall per gold type."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for m in gold_entities:
        by_doc.setdefault(str(m["doc_id"]), []).append(m)
    tp = fp = fn = ignored_preds = uncounted_preds = 0
    type_total: Counter[str] = Counter()
    type_found: Counter[str] = Counter()
    for doc in gold_docs:
        doc_id = str(doc["id"])
        mentions = by_doc.get(doc_id, [])
        golds = sorted(
            (int(m["start"]), int(m["end"]), str(m["type"]))
            for m in mentions
            if m.get("gold", True) and m.get("type") in ENTITY_COMPATIBLE
        )
        ignored = [(int(m["start"]), int(m["end"])) for m in mentions if m.get("gold", True) is False]
        preds: list[tuple[int, int, str]] = []
        for p in pred_mentions.get(doc_id, []):
            sp = _span(p)
            if sp is None:
                continue
            label = str(p.get("label", "")).upper()
            if label not in ENTITY_LABELS:
                uncounted_preds += 1
                continue
            preds.append((sp[0], sp[1], label))
        preds.sort()
        pairs: list[tuple[int, int, int]] = []  # (-overlap, gold index, pred index); both lists sorted
        for gi, (gs, ge, gt) in enumerate(golds):
            for pi, (ps, pe, pl) in enumerate(preds):
                ov = _overlap(gs, ge, ps, pe)
                if ov > 0 and pl in ENTITY_COMPATIBLE[gt]:
                    pairs.append((-ov, gi, pi))
        pairs.sort()
        gold_used: set[int] = set()
        pred_used: set[int] = set()
        for _, gi, pi in pairs:
            if gi in gold_used or pi in pred_used:
                continue
            gold_used.add(gi)
            pred_used.add(pi)
        for gi, (_, _, gt) in enumerate(golds):
            type_total[gt] += 1
            type_found[gt] += gi in gold_used
        tp += len(gold_used)
        fn += len(golds) - len(gold_used)
        for pi, (ps, pe, _) in enumerate(preds):
            if pi in pred_used:
                continue
            if any(_overlap(ps, pe, s, e) > 0 for s, e in ignored):
                ignored_preds += 1
            else:
                fp += 1
    scores = _prf(tp, fp, fn)
    return {
        "precision": scores["precision"],
        "recall": scores["recall"],
        "f1": scores["f1"],
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "ignored_predictions": ignored_preds,
        "uncounted_predictions": uncounted_preds,
        "recall_per_type": {t: type_found[t] / type_total[t] for t in sorted(type_total)},
        "support_per_type": dict(sorted(type_total.items())),
    }


# --- calibration --------------------------------------------------------------------------------


def calibration(pairs: Iterable[tuple[float, bool]], bins: int = 10) -> dict[str, Any]:
    """Expected calibration error over equal-width bins, and the reliability table."""
    if bins < 1:
        raise EvalError(f"calibration needs at least one bin, got {bins}")
    counts = [0] * bins
    conf_sum = [0.0] * bins
    correct = [0] * bins
    n = 0
    for conf, ok in pairs:
        c = min(max(float(conf), 0.0), 1.0)
        b = min(int(c * bins), bins - 1)
        counts[b] += 1
        conf_sum[b] += c
        correct[b] += bool(ok)
        n += 1
    table = []
    ece = 0.0
    for b in range(bins):
        k = counts[b]
        mean_conf = conf_sum[b] / k if k else 0.0
        acc = correct[b] / k if k else 0.0
        if k:
            ece += k / n * abs(acc - mean_conf)
        table.append({"lo": b / bins, "hi": (b + 1) / bins, "n": k, "confidence": mean_conf, "accuracy": acc})
    return {"n": n, "ece": ece, "table": table}


# --- the whole run ------------------------------------------------------------------------------


def run_eval(
    eval_dir: Path,
    code_records: Callable[[list[dict[str, Any]]], Events],
    entities: Callable[[list[dict[str, Any]]], Events] | None = None,
) -> dict[str, Any]:
    """Score a coder (and optionally an entity recogniser) on every set in ``eval_dir``.

    ``code_records`` gets a list of ``{"id", "text"}`` records and returns record id -> events;
    ``entities`` gets the re3d documents (``{"id", "text", ...}``) and returns doc id -> mentions.
    Returns ``{"figures": {name: value}, "details": {...}}``.
    """
    eval_dir = Path(eval_dir)
    if not eval_dir.is_dir():
        raise EvalError(f"evaluation folder not found: {eval_dir}")
    missing = [f for f in _EVAL_FILES.values() if not (eval_dir / f).is_file()]
    if missing:
        raise EvalError(f"evaluation files missing in {eval_dir}: {', '.join(missing)}")

    plover = load_jsonl(eval_dir / _EVAL_FILES["plover"])
    cameo = load_jsonl(eval_dir / _EVAL_FILES["cameo"])
    case = load_jsonl(eval_dir / _EVAL_FILES["case"])

    def code(records: list[dict[str, Any]]) -> Events:
        out = code_records([{"id": r["id"], "text": r["text"]} for r in records])
        return {str(k): list(v) for k, v in out.items()}

    pred_plover = code(plover)
    pred_cameo = code(cameo)
    pred_case = code(case)

    details: dict[str, Any] = {}
    figures: dict[str, float] = {}

    penta = score_penta(cameo, pred_cameo)
    details["penta"] = penta
    figures["penta.accuracy"] = penta["accuracy"]
    figures["penta.macro_f1"] = penta["macro_f1"]

    pl = score_plover(plover, pred_plover)
    details["plover"] = pl
    for key in ("top1", "any", "tuple", "macro_f1"):
        figures[f"plover.{key}"] = pl[key]

    spans = score_actor_spans(cameo, pred_cameo)
    details["actor_spans"] = spans
    for key in ("precision", "recall", "f1"):
        figures[f"actor_spans.{key}"] = spans[key]

    cs = score_case(case, pred_case)
    details["case"] = cs
    figures["case.accuracy"] = cs["accuracy"]
    figures["case.macro_f1"] = cs["macro_f1"]
    figures["case.non_political_with_event"] = cs["non_political_with_event"]

    pairs: list[tuple[float, bool]] = []
    for r in plover:
        ev = main_event(pred_plover.get(r["id"], []))
        if ev is not None:
            pairs.append((_num(ev.get("confidence"), 0.0), _event_type(ev) == str(r["event"]).upper()))
    for r in cameo:
        ev = main_event(pred_cameo.get(r["id"], []))
        if ev is not None:
            pairs.append((_num(ev.get("confidence"), 0.0), penta_of(ev.get("cameo")) == int(r["penta"])))
    cal = calibration(pairs)
    details["calibration"] = cal
    figures["calibration.ece"] = cal["ece"]

    if entities is not None:
        docs = load_jsonl(eval_dir / _EVAL_FILES["re3d_docs"])
        gold_ents = load_jsonl(eval_dir / _EVAL_FILES["re3d_entities"])
        pred_ents = {str(k): list(v) for k, v in entities(docs).items()}
        ent = score_entities(docs, gold_ents, pred_ents)
        details["entities"] = ent
        for key in ("precision", "recall", "f1"):
            figures[f"entities.{key}"] = ent[key]

    details["counts"] = {
        "plover_gsr": len(plover),
        "cameo_manual": len(cameo),
        "case2021": len(case),
        "plover_records_alias_codes": pl["records_alias_codes"],
        "plover_records_non_country_codes": pl["records_non_country_codes"],
    }
    return {"figures": figures, "details": details}


# --- floors and display -------------------------------------------------------------------------


def _flat(figures: Mapping[str, Any]) -> Mapping[str, Any]:
    inner = figures.get("figures")
    return inner if isinstance(inner, Mapping) else figures


def load_floors() -> dict[str, float]:
    """The floors shipped in ``tieline/evaluation/floors.json`` (checked on load)."""
    from importlib.resources import files

    from tieline.errors import DataFileError

    resource = files("tieline") / "evaluation" / "floors.json"
    try:
        data = json.loads(resource.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataFileError(f"floors.json: not valid JSON ({exc.msg})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("version"), int):
        raise DataFileError("floors.json: a top-level integer `version` is required")
    floors = data.get("floors")
    if not isinstance(floors, dict):
        raise DataFileError("floors.json: `floors` must be an object of figure name -> number")
    for name, value in floors.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise DataFileError(f"floors.json: entry {name!r}: floor must be a number, got {value!r}")
    return {str(k): float(v) for k, v in floors.items()}


def check_floors(figures: Mapping[str, Any], floors: Mapping[str, Any]) -> list[str]:
    """Messages for every figure below its floor (above its ceiling for LOWER_IS_BETTER figures).

    ``figures`` may be the result of :func:`run_eval` or its flat ``figures`` dict; ``floors`` may be
    the whole floors.json object or its ``floors`` mapping. A floor for a figure that was not
    computed is reported as missing.
    """
    flat = _flat(figures)
    inner = floors.get("floors")
    limits: Mapping[str, Any] = inner if isinstance(inner, Mapping) else floors
    messages: list[str] = []
    for name, limit in sorted(limits.items()):
        if name == "version":
            continue
        value = flat.get(name)
        if value is None:
            messages.append(f"{name}: not computed (floor {float(limit):.3f})")
            continue
        if name in LOWER_IS_BETTER:
            if float(value) > float(limit):
                messages.append(f"{name}: {float(value):.3f} is above its ceiling {float(limit):.3f}")
        elif float(value) < float(limit):
            messages.append(f"{name}: {float(value):.3f} is below its floor {float(limit):.3f}")
    return messages


def format_table(figures: Mapping[str, Any]) -> str:
    """A plain-text two-column table of the flat figures."""
    flat = _flat(figures)
    if not flat:
        return "(no figures)"
    width = max(len(str(k)) for k in flat)
    lines = [f"{'figure':<{width}}  value", f"{'-' * width}  -----"]
    for name in sorted(flat):
        value = flat[name]
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        lines.append(f"{name:<{width}}  {shown}")
    return "\n".join(lines)
