"""Link events to the platforms, weapons, units, operations and agreements of their sentence.

An AID event records what was delivered, an ASSAULT event the weapons or platforms used, a
COOPERATE event the exercise or operation, an AGREE or SUPPORT event the agreement, a MOBILIZE event
what was deployed. A mention belongs to an event when it lies in the event's sentence (its
evidence span) and is not one of the event's actors; when several events of a sentence could take
the same mention, the one whose trigger is nearest wins (a stand-in for "the trigger's clause"). A
platform or unit that is the recipient of an ASSAULT, COERCE or THREATEN event is linked as its
"target"; other recipients are not linked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tieline.model import Event, Mention

__all__ = ["LINKS", "TARGETED", "link_entities"]

#: PLOVER type -> {entity label: role}
LINKS: Mapping[str, Mapping[str, str]] = {
    "AID": {"WEAPON": "delivered", "MILITARY_PLATFORM": "delivered"},
    "ASSAULT": {"WEAPON": "used", "MILITARY_PLATFORM": "used", "MILITARY_UNIT": "unit", "OPERATION": "operation"},
    "COERCE": {"WEAPON": "used", "MILITARY_PLATFORM": "used"},
    "MOBILIZE": {"MILITARY_PLATFORM": "deployed", "WEAPON": "deployed", "MILITARY_UNIT": "deployed",
                 "OPERATION": "operation"},
    "COOPERATE": {"OPERATION": "exercise", "AGREEMENT": "agreement"},
    "AGREE": {"AGREEMENT": "agreement"},
    "SUPPORT": {"AGREEMENT": "agreement"},
    "THREATEN": {"WEAPON": "threatened_with", "MILITARY_PLATFORM": "threatened_with"},
}  # fmt: skip


#: Event types whose recipient may be a platform or unit: linked with the role "target".
TARGETED = frozenset({"ASSAULT", "COERCE", "THREATEN"})


def _spans(actors: Iterable[Any]) -> list[tuple[int, int]]:
    return [(a.start, a.end) for a in actors]


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


def _distance(s: int, e: int, t0: int, t1: int) -> int:
    """Characters between a mention and the trigger (0 when the mention is the trigger, "the airstrike")."""
    if s < t1 and t0 < e:
        return 0
    return t0 - e if e <= t0 else s - t1


def link_entities(events: Sequence[Event], mentions: Sequence[Mention]) -> None:
    """Fill each event's ``entities`` with the related mentions of its sentence (in place).

    Each entry is ``{"text", "start", "end", "label", "entity_id"?, "role"}``. Calling it twice adds
    nothing new.
    """
    wanted = {label for roles in LINKS.values() for label in roles}
    pool = [m for m in mentions if m.label in wanted]
    if not pool or not events:
        return
    best: dict[tuple[int, int], tuple[int, int]] = {}  # mention span -> (distance, event index)
    for ei, ev in enumerate(events):
        roles = LINKS.get(ev.event)
        if not roles:
            continue
        s0, s1 = ev.evidence.start, ev.evidence.end
        trig = ev.evidence.trigger
        t0, t1 = int(trig.get("start", s0)), int(trig.get("end", s0))
        taken = _spans(ev.actor) + _spans(ev.attribution)
        targets = _spans(ev.recipient)
        for m in pool:
            if m.label not in roles or m.start < s0 or m.end > s1 or _overlaps(m.start, m.end, taken):
                continue
            if _overlaps(m.start, m.end, targets) and ev.event not in TARGETED:
                continue
            dist = _distance(m.start, m.end, t0, t1)
            key = (m.start, m.end)
            if key not in best or dist < best[key][0]:
                best[key] = (dist, ei)
    for m in pool:
        hit = best.get((m.start, m.end))
        if hit is None:
            continue
        ev = events[hit[1]]
        if any(d.get("start") == m.start and d.get("end") == m.end for d in ev.entities):
            continue
        d: dict[str, Any] = {"text": m.text, "start": m.start, "end": m.end, "label": m.label}
        if m.entity_id:
            d["entity_id"] = m.entity_id
        role = LINKS[ev.event][m.label]
        if ev.event in TARGETED and _overlaps(m.start, m.end, _spans(ev.recipient)):
            role = "target"
        d["role"] = role
        ev.entities.append(d)
    for ev in events:
        ev.entities.sort(key=lambda d: (d["start"], d["end"]))
