"""Cross-article event coreference: mentions of one real-world happening become one :class:`Happening`.

Pure functions over event dicts in the ``Event.to_dict()`` shape.

Two mentions may name the same happening when every rule below holds (each merge records which rules
and which values matched, in ``Happening.explanation``):

- ``type``: the same PLOVER type with agreeing modes (the empty mode agrees with any; ``visit``/``host``
  agree), or a pair listed in ``compatible_types`` (an agreement and the ceasefire it sets up);
- ``modality``: the same modality group (an asserted attack is not the threatened one);
- ``actors``: the parties' keys (ISO country, else the organisation's code) agree side by side, or as an
  unordered set for reciprocal types (X met Y = Y met X); a mention that lacks one side may join a
  mention that has it;
- ``date``: the mentions' date intervals lie within the type's window (a date taken from the article
  covers the few days before it, since reports follow the happening);
- ``place``: where both are known, the same place (same name, within 30 km, or a country containing
  the other's place);
- ``same-article``: two events of one article with different triggers merge only when they share the
  sentence (the evidence says so).

Clustering is complete-linkage (a mention joins a happening only if it agrees with every mention in it)
and runs over the mentions in a canonical order (complete mentions first, then by date and id), so the
output does not depend on the input order.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeGuard

from tieline.events.dates import event_date

from .rules import Rules, load_rules

__all__ = [
    "Grown",
    "Happening",
    "Stored",
    "assign",
    "assign_changes",
    "cluster_events",
    "clusterable",
    "compare",
    "mention_span",
    "party_keys",
    "rebuild",
    "split",
    "summary_usable",
    "types_agree",
]

_PLACE_KM = 30.0
_PRECISION_RANK = {"exact": 0, "city": 1, "facility": 1, "region": 2, "sea": 3, "country": 4, "unknown": 5}


# -- a mention, prepared for comparison ------------------------------------------------------------
def _complete(actor_keys: frozenset[str], recipient_keys: frozenset[str]) -> bool:
    """Both sides known and not one party: a mention whose two sides are one party ("the US ... its
    troops") tells no counterpart."""
    return bool(actor_keys) and bool(recipient_keys) and actor_keys != recipient_keys


@dataclass(frozen=True, slots=True)  # slots: a write holds one for every member of every candidate
class _Mention:
    raw: Mapping[str, Any]
    id: str
    article_id: str
    type: str
    mode: str
    cameo: str
    modality: str
    actor_keys: frozenset[str]
    recipient_keys: frozenset[str]
    lo: int  # date interval, as proleptic ordinals
    hi: int
    day: int  # the date as given
    location: Mapping[str, Any] | None
    hints: frozenset[str]  # place names read from the participants' words ("the city of Kharkiv")
    named: bool  # the hints include a place named as such ("the port of Odesa"), not just capitals
    sentence: tuple[int, int]
    trigger: tuple[int, int]

    @property
    def complete(self) -> bool:
        return _complete(self.actor_keys, self.recipient_keys)

    @property
    def parties(self) -> frozenset[str]:
        return self.actor_keys | self.recipient_keys

    def order_key(self) -> tuple[int, int, str]:
        return (0 if self.complete else 1, self.lo, self.id)

    def signature(self) -> tuple[Any, ...]:
        """Everything the rules read except identity and the article: two mentions with one signature
        get the same verdict against any mention of another article."""
        loc = tuple(sorted((str(k), str(v)) for k, v in (self.location or {}).items()))
        return (self.type, self.mode, self.modality, self.actor_keys, self.recipient_keys, self.named,
                self.lo, self.hi, self.day, loc, self.hints)  # fmt: skip


def _actor_key(a: Mapping[str, Any]) -> str | None:
    if a.get("country"):
        return str(a["country"])
    if a.get("kind") in ("igo", "armed_group", "org", "state") and a.get("code"):
        return str(a["code"])
    return None  # an unresolved person, or a sector with no country (civilians): no evidence of identity


def _keys(actors: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    return frozenset([k for a in actors if (k := _actor_key(a))])


_PLACE_OF = re.compile(
    r"\b(?:city|town|port|village|region|province|district|capital|outskirts|suburbs?) of "
    r"((?:[A-Z][\w'-]+)(?: [A-Z][\w'-]+)*)"
)
_CAPS = re.compile(r"\b[A-Z][\w'-]+")
_DETERMINERS = {"The", "A", "An", "This", "That", "Its", "Their", "His", "Her"}


def _norm(name: str) -> str:
    """A place name for comparison: case, accents and punctuation folded ("Ryazan’" = "ryazan")."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(ch for ch in folded if ch.isalnum() or ch.isspace()).split())


def _hints(parties: Iterable[Mapping[str, Any]]) -> tuple[frozenset[str], bool]:
    """Place names that participants' words give when the coder left the location empty: the Y of
    "the city of Y" (named: True), or the capitalised words of a participant the knowledge base does not
    know (weaker evidence)."""
    out: set[str] = set()
    named = False
    for a in parties:
        text = str(a.get("text") or "")
        m = _PLACE_OF.search(text)
        if m:
            out.add(_norm(m.group(1)))
            named = True
        elif _actor_key(a) is None and a.get("kind") in ("org", "person", "location", None):
            out.update(_norm(w) for w in _CAPS.findall(text) if w not in _DETERMINERS)
    out.discard("")
    return frozenset(out), named


def _month_end(d: _dt.date) -> _dt.date:
    nxt = _dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - _dt.timedelta(days=1)


def _day(value: Any) -> _dt.date:
    """An event's date: ``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` (month or year precision)."""
    d = event_date(str(value or ""))
    if d is None:
        raise ValueError(f"not a date: {str(value or '').strip()!r}")
    return d


def _interval(e: Mapping[str, Any], rules: Rules) -> tuple[_dt.date, _dt.date, _dt.date]:
    """An event's date, and the interval it may lie in (its precision and the report lag widen it)."""
    d = _day(e["date"])
    precision = e.get("date_precision", "day")
    if precision == "year":
        return d, _dt.date(d.year, 1, 1), _dt.date(d.year, 12, 31)
    if precision == "month":
        return d, d.replace(day=1), _month_end(d)
    if e.get("date_source", "article") == "article":
        return d, d - _dt.timedelta(days=rules.lag(str(e["event"]))), d
    return d, d, d


# What _prepare derives from an event's party lists, by the lists' identity (they are kept in the value,
# so an id is not reused while the memo lives): stored members of one shape share their lists.
_PartyMemo = dict[tuple[int, int], tuple[Any, Any, frozenset[str], frozenset[str], frozenset[str], bool]]


def _parties_of(
    e: Mapping[str, Any], memo: _PartyMemo | None
) -> tuple[frozenset[str], frozenset[str], frozenset[str], bool]:
    actor, recipient = e.get("actor") or [], e.get("recipient") or []
    key = (id(actor), id(recipient))
    got = memo.get(key) if memo is not None else None
    if got is None or got[0] is not actor or got[1] is not recipient:
        hints, named = _hints(list(recipient))
        got = (actor, recipient, _keys(actor), _keys(recipient), hints, named)
        if memo is not None:
            memo[key] = got
    return got[2], got[3], got[4], got[5]


def _prepare(e: Mapping[str, Any], rules: Rules, memo: _PartyMemo | None = None) -> _Mention:
    d, lo, hi = _interval(e, rules)
    etype = str(e["event"])
    ev = e.get("evidence") or {}
    trig = ev.get("trigger") or {}
    actor_keys, recipient_keys, hints, named = _parties_of(e, memo)
    return _Mention(
        raw=e,
        id=str(e["id"]),
        article_id=str(e.get("article_id", "")),
        type=etype,
        mode=str(e.get("mode") or ""),
        cameo=str(e.get("cameo") or ""),
        modality=str(e.get("modality") or "asserted"),
        actor_keys=actor_keys,
        recipient_keys=recipient_keys,
        lo=lo.toordinal(),
        hi=hi.toordinal(),
        day=d.toordinal(),
        # only a place named in the event's own sentence says where it happened; an article-level fallback
        # (dateline or main place) is the same for every event of that article and proves nothing
        location=_own_location(e.get("location")),
        hints=hints,
        named=named,
        sentence=(int(ev.get("start", -1)), int(ev.get("end", -1))),
        trigger=(int(trig.get("start", -1)), int(trig.get("end", -1))),
    )


# -- the rules, pair by pair -----------------------------------------------------------------------
@dataclass
class _Verdict:
    ok: bool
    matched: dict[str, str] = field(default_factory=dict)
    failed: str = ""
    score: float = 0.0
    strength: int = 0  # how much known information agreed (place on both sides): for ambiguity
    # the rule that failed when it read only the mention's type and mode ("type"), type and modality
    # ("modality") or type and sides' keys ("actors"): it fails for every mention sharing those values,
    # against the same member (``_Clusterer.rejected``); "" otherwise
    lasting: str = ""


class _Kind(NamedTuple):
    """What the type rule reads of a mention."""

    type: str
    mode: str


class _Side(NamedTuple):
    """What the actors rule reads of a mention: its type and the keys of its two sides."""

    type: str
    actor_keys: frozenset[str]
    recipient_keys: frozenset[str]

    @property
    def complete(self) -> bool:
        return _complete(self.actor_keys, self.recipient_keys)

    @property
    def parties(self) -> frozenset[str]:
        return self.actor_keys | self.recipient_keys


def _side(m: _Mention) -> _Side:
    return _Side(m.type, m.actor_keys, m.recipient_keys)


def _type_rule(a: _Mention | _Kind, b: _Mention | _Kind, rules: Rules) -> str | None:
    if a.type == b.type:
        if a.mode == b.mode:
            return f"{a.type}" + (f"/{a.mode}" if a.mode else "")
        if not a.mode or not b.mode:
            return f"{a.type}/{a.mode or '-'} ~ {b.type}/{b.mode or '-'} (unspecified mode)"
        if frozenset((a.mode, b.mode)) in rules.compatible_modes:
            return f"{a.type}/{a.mode} ~ {b.type}/{b.mode} (compatible modes)"
        return None
    if rules.accusation_pair(a.type, b.type):
        act = b if a.type == "ACCUSE" else a
        return f"ACCUSE ~ {act.type} (an accusation of the act)"
    names_a = {a.type, f"{a.type}/{a.mode}"}
    names_b = {b.type, f"{b.type}/{b.mode}"}
    for x in names_a:
        for y in names_b:
            if frozenset((x, y)) in rules.compatible_types:
                return f"{x} ~ {y} (compatible types)"
    return None


def _actors_rule(a: _Mention | _Side, b: _Mention | _Side, rules: Rules) -> str | None:
    if rules.accusation_pair(a.type, b.type):
        # the accuser is the one acted on, the accused the one who acted: both sides must be known
        acc, act = (a, b) if a.type == "ACCUSE" else (b, a)
        victim, actor = acc.actor_keys & act.recipient_keys, acc.recipient_keys & act.actor_keys
        if not (victim and actor):
            return None
        return f"accuser {'/'.join(sorted(victim))} acted on by accused {'/'.join(sorted(actor))}"
    if a.type in rules.reciprocal or b.type in rules.reciprocal or a.type != b.type:
        pa, pb = a.parties, b.parties
        if not pa or not pb:
            return None
        if pa == pb:
            return f"parties {{{', '.join(sorted(pa))}}} (either direction)"
        if (pa < pb and not a.complete) or (pb < pa and not b.complete):
            small, big = (pa, pb) if pa < pb else (pb, pa)
            return f"parties {{{', '.join(sorted(small))}}} within {{{', '.join(sorted(big))}}}"
        return None
    shared: list[str] = []
    for side, x, y in (
        ("actor", a.actor_keys, b.actor_keys),
        ("recipient", a.recipient_keys, b.recipient_keys),
    ):
        if x and y:
            common = x & y
            if not common:
                return None
            shared.append(f"{side} {'/'.join(sorted(common))}")
    if not shared:
        return None
    return "; ".join(shared)


def _date_rule(a: _Mention, b: _Mention, rules: Rules) -> tuple[str, int] | None:
    window = max(rules.window(a.type), rules.window(b.type))
    gap = max(0, max(a.lo, b.lo) - min(a.hi, b.hi))
    if gap > window:
        return None
    da, db = _dt.date.fromordinal(a.day), _dt.date.fromordinal(b.day)
    return f"{da.isoformat()} ~ {db.isoformat()} (gap {gap} d <= {window} d)", gap


def _km(a: Mapping[str, Any], b: Mapping[str, Any]) -> float | None:
    try:
        la1, lo1, la2, lo2 = (math.radians(float(x)) for x in (a["lat"], a["lon"], b["lat"], b["lon"]))
    except (KeyError, TypeError, ValueError):
        return None
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _is_country(loc: Mapping[str, Any]) -> bool:
    return loc.get("kind") == "country" or loc.get("precision") == "country"


def _below_country(loc: Mapping[str, Any] | None) -> bool:
    return bool(loc) and not _is_country(loc or {}) and bool((loc or {}).get("name"))


def _specific(m: _Mention) -> frozenset[str]:
    """Names of the place below country level: the coded location, else the participants' place words."""
    loc = m.location
    if loc and _below_country(loc):
        return frozenset({_norm(str(loc["name"]))})
    return m.hints


def _place_rule(a: _Mention, b: _Mention) -> tuple[str, bool] | None:
    """(description, both known) when the places agree or cannot be told apart, None when they differ.

    Places differ when their countries differ, when coordinates put two places below country level more
    than 30 km apart (a country's centroid says nothing about where in it), or when both are named at the
    same level (two cities, two facilities, a coded place and one named as such — "the port of Odesa" —
    or two participants' place words) with different names. A facility and a city of the same country
    cannot be told apart without coordinates, nor a coded place and a participant's bare capitals.
    """
    la, lb = a.location or {}, b.location or {}
    ca, cb = la.get("country"), lb.get("country")
    if ca and cb and ca != cb:
        return None
    below_a, below_b = _below_country(la), _below_country(lb)
    km = _km(la, lb) if below_a and below_b else None
    if km is not None:
        return (
            (f"places {la.get('name')} ~ {lb.get('name')} ({km:.0f} km)", True) if km <= _PLACE_KM else None
        )
    sa, sb = _specific(a), _specific(b)
    if sa and sb:
        if sa & sb:
            return f"place {'/'.join(sorted(sa & sb))}", True
        kinds = {
            "coded" if below else "named" if m.named else "bare" for m, below in ((a, below_a), (b, below_b))
        }
        if kinds == {"coded", "bare"}:
            # a coded place against the bare capitalised words of a participant: too weak to keep apart
            return f"places {'/'.join(sorted(sa))} ~ {'/'.join(sorted(sb))} (not comparable)", False
        kind_a = la.get("kind") if below_a else "named"
        kind_b = lb.get("kind") if below_b else "named"
        if kind_a != kind_b and "named" not in (kind_a, kind_b):
            return f"places {'/'.join(sorted(sa))} ~ {'/'.join(sorted(sb))} (different levels)", False
        return None
    if la and lb:
        return f"place {la.get('name')} ~ {lb.get('name')} (same country)", True
    return "place unknown on one side", False


def compare(a: Mapping[str, Any], b: Mapping[str, Any], *, rules: Rules | None = None) -> dict[str, Any]:
    """Whether two event dicts may name the same happening: ``{"merge": bool, "matched": {...}, "failed": str}``."""
    r = rules or load_rules()
    v = _compare(_prepare(a, r), _prepare(b, r), r)
    return {"merge": v.ok, "matched": dict(v.matched), "failed": v.failed}


TypeMemo = dict[tuple[str, str, str, str], str | None]


def types_agree(kind_a: tuple[str, str], kind_b: tuple[str, str], *, rules: Rules | None = None) -> bool:
    """Whether the type rule holds between two (PLOVER type, mode) pairs: when it fails between a new
    mention and any member of a happening, complete linkage keeps the mention out of it."""
    return _type_rule(_Kind(*kind_a), _Kind(*kind_b), rules or load_rules()) is not None


def _type_verdict(
    a: _Mention | _Kind, b: _Mention | _Kind, rules: Rules, memo: TypeMemo | None
) -> str | None:
    """``_type_rule``, remembered in ``memo``: it reads only the two types and modes."""
    if memo is None:
        return _type_rule(a, b, rules)
    key = (a.type, a.mode, b.type, b.mode)
    try:
        return memo[key]
    except KeyError:
        t = memo[key] = _type_rule(a, b, rules)
        return t


def _compare(a: _Mention, b: _Mention, rules: Rules, memo: TypeMemo | None = None) -> _Verdict:
    if a.id == b.id:
        return _Verdict(True, {"identity": a.id}, score=10.0)
    m: dict[str, str] = {}
    t = _type_verdict(a, b, rules, memo)
    if t is None:
        return _Verdict(
            False, failed=f"type {a.type}/{a.mode or '-'} vs {b.type}/{b.mode or '-'}", lasting="type"
        )
    m["type"] = t
    if not rules.modalities_compatible(a.modality, b.modality, a.type, b.type):
        return _Verdict(False, failed=f"modality {a.modality} vs {b.modality}", lasting="modality")
    m["modality"] = a.modality if a.modality == b.modality else f"{a.modality} ~ {b.modality}"
    if a.article_id == b.article_id and a.trigger != b.trigger:
        if a.sentence != b.sentence:
            return _Verdict(False, failed="same article, different triggers in different sentences")
        m["same-article"] = f"one sentence [{a.sentence[0]}:{a.sentence[1]}]"
    act = _actors_rule(a, b, rules)
    if act is None:
        return _Verdict(
            False,
            failed=f"actors {sorted(a.actor_keys)}->{sorted(a.recipient_keys)} vs "
            f"{sorted(b.actor_keys)}->{sorted(b.recipient_keys)}",
            lasting="actors",
        )
    m["actors"] = act
    d = _date_rule(a, b, rules)
    if d is None:
        return _Verdict(False, failed="dates outside the type's window")
    m["date"] = d[0]
    p = _place_rule(a, b)
    if p is None:
        la, lb = a.location or {}, b.location or {}
        return _Verdict(
            False, failed=f"place {la.get('name') or sorted(a.hints)} vs {lb.get('name') or sorted(b.hints)}"
        )
    m["place"] = p[0]
    score = 1.0 + (a.type == b.type) + (a.mode == b.mode) + p[1] + (a.complete and b.complete) - d[1] / 10
    return _Verdict(True, m, score=score, strength=int(p[1]))


def _undated(
    a: _Mention, b: _Mention, rules: Rules, memo: TypeMemo | None
) -> tuple[dict[str, str], float, int, int] | str:
    """``_compare`` of two mentions of different articles but the date rule: the matched rules, the
    score before the date gap is taken off, the strength and the date window; when a rule fails, its
    name ("type", "modality", "actors" or "place")."""
    m: dict[str, str] = {}
    t = _type_verdict(a, b, rules, memo)
    if t is None:
        return "type"
    m["type"] = t
    if not rules.modalities_compatible(a.modality, b.modality, a.type, b.type):
        return "modality"
    m["modality"] = a.modality if a.modality == b.modality else f"{a.modality} ~ {b.modality}"
    act = _actors_rule(a, b, rules)
    if act is None:
        return "actors"
    m["actors"] = act
    p = _place_rule(a, b)
    if p is None:
        return "place"
    m["place"] = p[0]
    window = max(rules.window(a.type), rules.window(b.type))
    base = 1.0 + (a.type == b.type) + (a.mode == b.mode) + p[1] + (a.complete and b.complete)
    return m, base, int(p[1]), window


# -- blocking on the sides ---------------------------------------------------------------------------
# The clusterer finds a mention's candidate happenings by keys of their members' sides: a member is
# listed under every key of ``_side_keys``, a mention asks for those of ``_wanted``, and whenever the
# actors rule holds between the two, they share a key (tests/dedup/test_cluster_blocking.py checks this
# on random sides). A happening none of whose members shares a key with the mention fails the rule
# against one of them, so complete linkage rules it out: blocking decides nothing.
_BIG = 4  # a side with more parties is not listed under each subset of them (nor asks for each)
SideKey = tuple[Any, ...]


@functools.lru_cache(maxsize=1 << 13)  # a pure function of a few parties, asked again every write
def _subsets(p: frozenset[str]) -> tuple[frozenset[str], ...]:
    """The nonempty proper subsets of ``p``."""
    items = sorted(p)
    return tuple(
        frozenset(x for j, x in enumerate(items) if bits >> j & 1) for bits in range(1, (1 << len(items)) - 1)
    )


@functools.lru_cache(maxsize=1 << 15)  # a pure function of the side; a busy dyad's sides recur every write
def _side_keys(s: _Side) -> tuple[SideKey, ...]:
    """The keys a member with this side is listed under (each with its type)."""
    return tuple(_list_side_keys(s))


def _list_side_keys(s: _Side) -> list[SideKey]:
    t, a, r = s.type, s.actor_keys, s.recipient_keys
    p = a | r
    keys: list[SideKey] = [(t, "p", p)]  # its parties (the reciprocal rule: the same parties)
    for x in a:
        keys.append((t, "a", x))  # an actor (the directed rule, with a mention that has no recipient)
        keys.extend((t, "ar", x, y) for y in r)  # an actor and a recipient (directed; accusations)
    keys.extend((t, "r", y) for y in r)
    if not r:
        keys.extend((t, "A", x) for x in a)  # an actor, and no recipient
    if not a:
        keys.extend((t, "R", y) for y in r)
    if not s.complete:  # parties a mention's parties may hold (the reciprocal rule)
        keys.append((t, "in", p))
        keys.extend((t, "in1", k) for k in p)
    if len(p) > _BIG:
        keys.append((t, "big"))
    else:  # parties an incomplete mention's parties may be within
        keys.extend((t, "sub", q) for q in _subsets(p))
    return keys


def _wanted(s: _Side, t: str, rules: Rules) -> list[SideKey]:
    """The keys a mention with this side asks for among members of type ``t``: one of them is a key of
    every member side that the actors rule lets agree with it."""
    a, r = s.actor_keys, s.recipient_keys
    p = a | r
    if rules.accusation_pair(s.type, t):  # the accuser acted on by the accused, either way round
        return [(t, "ar", u, v) for u in r for v in a]
    if s.type in rules.reciprocal or t in rules.reciprocal or s.type != t:
        if not p:
            return []
        out: list[SideKey] = [(t, "p", p)]
        if not s.complete:  # within a member's parties
            out += [(t, "sub", p), (t, "big")]
        if len(p) > _BIG:  # a member's parties within these, that member incomplete
            out.extend((t, "in1", k) for k in p)
        else:
            out.extend((t, "in", q) for q in _subsets(p))
        return out
    if a and r:
        return [
            *((t, "ar", x, y) for x in a for y in r),
            *((t, "A", x) for x in a),
            *((t, "R", y) for y in r),
        ]
    if a:
        return [(t, "a", x) for x in a]
    return [(t, "r", y) for y in r]


# -- happenings ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Grown:
    """A stored happening that only gained mentions, as its summary build leaves it for the writer: its
    stored members' articles (their outlets are in the summary; the new explanation entries join the
    stored explanation)."""

    articles: frozenset[str]


@dataclass(frozen=True)
class Happening:
    """One real-world happening and every mention of it."""

    id: str
    type: str
    mode: str
    cameo: str
    date: str
    date_precision: str
    actors: tuple[dict[str, Any], ...]
    recipients: tuple[dict[str, Any], ...]
    location: dict[str, Any] | None
    mentions: tuple[str, ...]  # event ids
    sources: tuple[str, ...]  # article ids
    explanation: tuple[dict[str, Any], ...]  # one entry per merge: mention, matched_with, rules
    events: tuple[Mapping[str, Any], ...] = field(repr=False, compare=False, default=())
    excluded: frozenset[str] = frozenset()  # event ids split off by hand: never merged back
    # what a later write needs to build it again without its members (``_fold``; None: not summarised)
    summary: Mapping[str, Any] | None = field(repr=False, compare=False, default=None)
    # built from its stored summary and the mentions it gained (``events`` and ``explanation`` then
    # hold only those: the writer adds them to the stored ones)
    grown: Grown | None = field(repr=False, compare=False, default=None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "date": self.date,
            "date_precision": self.date_precision,
            "actors": [dict(a) for a in self.actors],
            "recipients": [dict(a) for a in self.recipients],
            "location": dict(self.location) if self.location else None,
            "mentions": list(self.mentions),
            "sources": list(self.sources),
            "explanation": [dict(x) for x in self.explanation],
            "excluded": sorted(self.excluded),
        }


def _happening_id(members: Sequence[_Mention]) -> str:
    first = min(members, key=lambda x: (x.day, x.id))
    if first.id.startswith("e") and len(first.id) > 1:
        return "h" + first.id[1:]
    return "h" + hashlib.sha256(first.id.encode()).hexdigest()[:16]


def _party(a: Mapping[str, Any], key: str) -> dict[str, Any]:
    return {"key": key, "name": a.get("name"), "country": a.get("country"), "code": a.get("code"),
            "kind": a.get("kind")}  # fmt: skip


def _date_rank(m: _Mention) -> tuple[int, int, int, str]:
    """The member whose date a happening takes is the least by this: the most precise date, one the text
    gives before one taken from the article, then the earliest day and the least id."""
    raw = m.raw
    src = raw.get("date_source", "article")
    return (_DATE_RANK.get(raw.get("date_precision", "day"), 3), 0 if src != "article" else 1, m.day, m.id)


def _build(
    members: Sequence[_Mention],
    explanation: Sequence[dict[str, Any]],
    rules: Rules,
    *,
    hid: str | None = None,
    excluded: frozenset[str] = frozenset(),
) -> Happening:
    if len(members) == 1:  # (what the counts and orders below choose for one member: most happenings)
        ms = list(members)
        best = anchor = ms[0]
        htype, cameo, mode = anchor.type, anchor.cameo, anchor.mode
    else:
        ms = sorted(members, key=_Mention.order_key)
        types = Counter(m.type for m in ms)
        top = max(types.values())
        # on a tie the act an accusation is about represents the happening, not the accusation
        htype = min(
            (m.type for m in ms if types[m.type] == top), key=lambda t: t == "ACCUSE" and len(types) > 1
        )
        of_type = [m for m in ms if m.type == htype]
        cameos = Counter(m.cameo for m in of_type)
        cameo = next(m.cameo for m in of_type if cameos[m.cameo] == max(cameos.values()))
        modes = Counter(m.mode for m in of_type if m.mode)
        mode = next((m.mode for m in of_type if m.mode and modes[m.mode] == max(modes.values())), "")
        best = min(ms, key=_date_rank)
        anchor = next(m for m in ms if m.type == htype)  # sides follow the first mention of the chosen type
    actors: dict[str, dict[str, Any]] = {}
    recipients: dict[str, dict[str, Any]] = {}
    reciprocal = htype in rules.reciprocal
    anchor_parties, anchor_actors = anchor.parties, anchor.actor_keys
    for m in ms:
        follow = reciprocal or m.type != htype
        for side, people in (
            ("actor", m.raw.get("actor") or []),
            ("recipient", m.raw.get("recipient") or []),
        ):
            for a in people:
                k = _actor_key(a)
                if not k:
                    continue
                if follow and k in anchor_parties:
                    # both sides are interchangeable: follow the first (most complete) mention's sides
                    dest = actors if k in anchor_actors else recipients
                else:
                    dest = actors if side == "actor" else recipients
                if k not in actors and k not in recipients:
                    dest[k] = _party(a, k)
    located = [m for m in ms if m.location]
    location = None
    if located:
        lm = min(
            located,
            key=lambda m: (_PRECISION_RANK.get(str((m.location or {}).get("precision")), 5), m.day, m.id),
        )
        location = dict(lm.location or {})
    reps: dict[Any, str] = {0: ms[0].id} if len(ms) == 1 else {}  # (one member: its own signature)
    for m in ms if len(ms) > 1 else ():
        sig = m.signature()
        if sig not in reps or m.id < reps[sig]:
            reps[sig] = m.id
    summary = _new_summary()
    for m in ms:
        _fold(summary, m)
    summary["reps"] = sorted(reps.values())
    return Happening(
        id=hid or _happening_id(ms),
        type=htype,
        mode=mode,
        cameo=cameo,
        date=_dt.date.fromordinal(best.day).isoformat(),
        date_precision=str(best.raw.get("date_precision", "day")),
        actors=tuple(actors[k] for k in sorted(actors)),
        recipients=tuple(recipients[k] for k in sorted(recipients)),
        location=location,
        mentions=tuple(sorted(m.id for m in ms)),
        sources=tuple(sorted({m.article_id for m in ms})),
        explanation=tuple(sorted(explanation, key=lambda x: str(x["mention"]))),
        events=tuple(m.raw for m in sorted(ms, key=lambda x: x.id)),
        excluded=excluded,
        summary=summary,
    )


# -- a happening as aggregates ---------------------------------------------------------------------
# Everything ``_build`` reads of its members, kept on write (``happenings.summary``, migration 7) so that
# a stored happening that only gains mentions is built from it and the new ones, exactly as ``_build``
# builds it from all of them: each aggregate is a count or the first member by a key that includes the
# member's id, so folding members in any order, in any number of writes, gives the same summary.
#   types:    type -> [count, first order key, its actor keys, its recipient keys,
#                      least id, that member's quad, its Goldstein value]   (the writer's lead row)
#   cameos:   type -> cameo -> [count, first order key];  modes: type -> mode -> [count, first order key]
#   date:     the least date_rank [rank, source rank, day, id] and that member's date_precision
#   parties:  party key -> [order key of its first mention, side, that member's type, the party]
#   location: [precision rank, day, id, place] of the best located member, or None
#   lo, hi:   the span of the members' date intervals (ordinals); reps: the least id of each signature
SUMMARY_VERSION = 1
_DATE_RANK = {"day": 0, "month": 1, "year": 2}


def _new_summary() -> dict[str, Any]:
    return {"v": SUMMARY_VERSION, "types": {}, "cameos": {}, "modes": {}, "date": None, "parties": {},
            "location": None, "lo": None, "hi": None, "reps": []}  # fmt: skip


def _order(m: _Mention) -> list[Any]:
    return [0 if _complete(m.actor_keys, m.recipient_keys) else 1, m.lo, m.id]  # order_key, as JSON keeps it


def _count(counts: dict[str, list[Any]], value: str, order: list[Any]) -> None:
    got = counts.get(value)
    if got is None:
        counts[value] = [1, order]
        return
    got[0] += 1
    if order < got[1]:
        got[1] = order


def _fold(s: dict[str, Any], m: _Mention) -> None:
    """Add one member to a summary (see above)."""
    raw, mtype, mid = m.raw, m.type, m.id
    order = _order(m)
    types = s["types"]
    t = types.get(mtype)
    if t is None:
        types[mtype] = [1, order, sorted(m.actor_keys), sorted(m.recipient_keys), mid,
                        raw.get("quad"), raw.get("goldstein")]  # fmt: skip
    else:
        t[0] += 1
        if order < t[1]:
            t[1:4] = [order, sorted(m.actor_keys), sorted(m.recipient_keys)]
        if mid < t[4]:
            t[4:7] = [mid, raw.get("quad"), raw.get("goldstein")]
    cameos = s["cameos"].get(mtype)
    if cameos is None:
        cameos = s["cameos"][mtype] = {}
    _count(cameos, m.cameo, order)
    if m.mode:
        modes = s["modes"].get(mtype)
        if modes is None:
            modes = s["modes"][mtype] = {}
        _count(modes, m.mode, order)
    prec = raw.get("date_precision", "day")
    rank = [_DATE_RANK.get(prec, 3), 0 if raw.get("date_source", "article") != "article" else 1, m.day, mid]
    date = s["date"]
    if date is None or rank < date[:4]:
        s["date"] = [*rank, prec]
    parties = s["parties"]
    seen: set[str] = set()
    for side, people in (("actor", raw.get("actor") or []), ("recipient", raw.get("recipient") or [])):
        for a in people:
            k = _actor_key(a)
            if not k or k in seen:
                continue
            seen.add(k)
            got = parties.get(k)
            if got is None or order < got[0]:
                parties[k] = [order, side, mtype, _party(a, k)]
    if m.location:
        key = [_PRECISION_RANK.get(str(m.location.get("precision")), 5), m.day, mid]
        if s["location"] is None or key < s["location"][:3]:
            s["location"] = [*key, dict(m.location)]
    lo, hi = s["lo"], s["hi"]
    s["lo"] = m.lo if lo is None else min(lo, m.lo)
    s["hi"] = m.hi if hi is None else max(hi, m.hi)


def summary_usable(summary: Any) -> TypeGuard[Mapping[str, Any]]:
    """Whether a stored summary is one this version folds into (else the happening is read in full)."""
    return isinstance(summary, Mapping) and summary.get("v") == SUMMARY_VERSION and bool(summary.get("types"))


def _decide(s: Mapping[str, Any], rules: Rules) -> dict[str, Any]:
    """``_build``'s choices (type, mode, CAMEO code, date, sides, place) from a summary."""
    types = s["types"]
    top = max(v[0] for v in types.values())
    # the first type (in canonical order) of those most mentioned; the act an accusation is about first
    htype = min(
        (t for t, v in types.items() if v[0] == top),
        key=lambda t: (t == "ACCUSE" and len(types) > 1, types[t][1]),
    )
    cameos = s["cameos"][htype]
    cameo = min(cameos, key=lambda c: (-cameos[c][0], cameos[c][1]))
    modes = s["modes"].get(htype) or {}
    mode = min(modes, key=lambda x: (-modes[x][0], modes[x][1])) if modes else ""
    anchor_actors = frozenset(types[htype][2])
    anchor = anchor_actors | frozenset(types[htype][3])
    reciprocal = htype in rules.reciprocal
    actors: dict[str, dict[str, Any]] = {}
    recipients: dict[str, dict[str, Any]] = {}
    for k, (_, side, mtype, party) in s["parties"].items():
        if (reciprocal or mtype != htype) and k in anchor:
            dest = actors if k in anchor_actors else recipients
        else:
            dest = actors if side == "actor" else recipients
        dest[k] = dict(party)
    loc = s["location"]
    return {
        "type": htype,
        "mode": mode,
        "cameo": cameo,
        "date": _dt.date.fromordinal(int(s["date"][2])).isoformat(),
        "date_precision": str(s["date"][4]),
        "actors": tuple(actors[k] for k in sorted(actors)),
        "recipients": tuple(recipients[k] for k in sorted(recipients)),
        "location": dict(loc[3]) if loc else None,
    }


def _fold_copy(s: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a summary that ``_fold`` may change without changing ``s`` (what it changes in place
    is copied; what it only replaces, and the representatives, are shared)."""
    return {
        **s,
        "types": {t: list(v) for t, v in s["types"].items()},
        "cameos": {t: {k: list(v) for k, v in c.items()} for t, c in s["cameos"].items()},
        "modes": {t: {k: list(v) for k, v in c.items()} for t, c in s["modes"].items()},
        "parties": dict(s["parties"]),
    }


def _build_grown(c: _Cluster, rules: Rules, hid: str) -> Happening:
    """A stored happening that only gained mentions, from its summary and the new ones: what ``_build``
    gives from all its members (tested), without them."""
    s = json.loads(c.summary) if isinstance(c.summary, str) else _fold_copy(c.summary or {})
    for m in c.gained:
        _fold(s, m)
    s["reps"] = sorted(eid for g in (c.groups or {}).values() for eid in g.dates.values())
    articles = frozenset(a for _, a in c.stored)
    return Happening(
        id=hid,
        **_decide(s, rules),
        mentions=tuple(sorted([e for e, _ in c.stored] + [m.id for m in c.gained])),
        sources=tuple(sorted(articles | {m.article_id for m in c.gained})),
        explanation=tuple(sorted(c.explanation, key=lambda x: str(x["mention"]))),
        events=tuple(m.raw for m in sorted(c.gained, key=lambda x: x.id)),
        excluded=c.excluded,
        summary=s,
        grown=Grown(articles),
    )


@dataclass(slots=True)
class _Group:
    """Stored members of a summarised happening that differ only in their dates (one kind: the
    signature but the date interval and day): one prepared member for the rest of the rules, and the
    least id of each (lo, hi, day)."""

    proto: _Mention
    dates: dict[tuple[int, int, int], str]


class _Ref(NamedTuple):
    """The member a verdict against a group was decided by (the explanation's ``matched_with``)."""

    id: str
    lo: int


def _kind_of(m: _Mention) -> tuple[Any, ...]:
    sig = m.signature()
    return sig[:6] + sig[9:]  # (type, mode, modality, actor keys, recipient keys, named, place, hints)


@dataclass
class _Cluster:
    members: list[_Mention]
    explanation: list[dict[str, Any]]
    hid: str | None = None
    excluded: frozenset[str] = frozenset()
    reps: dict[tuple[Any, ...], _Mention] = field(default_factory=dict)
    by_article: dict[str, list[_Mention]] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    kinds: set[tuple[str, str]] = field(default_factory=set)  # the members' (type, mode) pairs
    lo: int = 0  # the span of the members' date intervals (ordinals), for a quick date pre-filter
    hi: int = 0
    dirty: bool = False  # its membership changed (built again by happenings(changed_only=True))
    # seeded from a stored summary: ``members`` are its representatives (one a signature), ``stored``
    # every stored member (event id, article id), ``gained`` the mentions added since
    summary: Mapping[str, Any] | str | None = None  # (or its JSON text)
    stored: tuple[tuple[str, str], ...] = ()
    gained: list[_Mention] = field(default_factory=list)
    # a summarised happening's signatures (its representatives and what it gains), by kind
    groups: dict[tuple[Any, ...], _Group] | None = None

    @property
    def alive(self) -> bool:
        return bool(self.members) or bool(self.groups)

    def add_dated(self, kind: tuple[Any, ...], proto: _Mention, lo: int, hi: int, day: int, eid: str) -> None:
        """One signature of a summarised happening (its least id so far)."""
        if self.groups is None:
            self.groups = {}
        first = not self.groups
        g = self.groups.get(kind)
        if g is None:
            g = self.groups[kind] = _Group(proto, {})
            self.kinds.add((proto.type, proto.mode))
        got = g.dates.get((lo, hi, day))
        if got is None or eid < got:
            g.dates[(lo, hi, day)] = eid
        self.lo = lo if first else min(self.lo, lo)
        self.hi = hi if first else max(self.hi, hi)

    def __post_init__(self) -> None:
        for m in self.members:
            self._index(m)
        self.ids.update([e for e, _ in self.stored])  # the apart check reads every member's id

    def _index(self, m: _Mention) -> None:
        sig = m.signature()
        rep = self.reps.get(sig)
        if rep is None or m.id < rep.id:
            self.reps[sig] = m
        self.by_article.setdefault(m.article_id, []).append(m)
        self.lo = m.lo if not self.ids else min(self.lo, m.lo)
        self.hi = m.hi if not self.ids else max(self.hi, m.hi)
        self.ids.add(m.id)
        self.kinds.add((m.type, m.mode))

    def append(self, m: _Mention) -> None:
        self.members.append(m)
        self._index(m)
        self.dirty = True
        if self.summary is not None:
            self.gained.append(m)
        if self.groups is not None:
            self.add_dated(_kind_of(m), m, m.lo, m.hi, m.day, m.id)

    def to_compare(self, m: _Mention) -> list[_Mention]:
        """The members whose verdicts decide for ``m``: one per signature, and every member of m's article
        (the same-article rule reads triggers and sentences). Complete linkage stays exact; a happening
        reported by a thousand identical records costs one comparison, not a thousand."""
        out = {o.id: o for o in self.reps.values()}
        for o in self.by_article.get(m.article_id, ()):
            out[o.id] = o
        return list(out.values())


_UNSEEN: Any = object()


class _Clusterer:
    def __init__(self, rules: Rules, apart: Mapping[str, Iterable[str]] | None = None) -> None:
        self.rules = rules
        self.clusters: list[_Cluster] = []
        self.index: dict[SideKey, set[int]] = {}  # a member's side key (_side_keys) -> clusters
        self.keys_of: dict[_Side, Sequence[SideKey]] = {}  # _side_keys, by side
        self.wanted: dict[tuple[_Side, str], list[SideKey]] = {}  # _wanted, by side and member type
        self.modes: dict[str, set[str]] = {}  # member type -> modes seen with it
        self.agreeing: dict[tuple[str, str], list[str]] = {}  # (type, mode) -> _agreeing_types
        # event id -> event ids it must never share a happening with (merges undone by hand)
        self.apart: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in (apart or {}).items()}
        self.reach = max([rules.default_window, *rules.windows.values()])  # no date rule allows more
        self.types: TypeMemo = {}  # _type_rule verdicts by (type, mode, type, mode)
        # (what the type, modality or actors rule read of a mention, cluster) pairs where that rule
        # failed against a member: members are only added, so it fails for every later mention that
        # shares those values too (a busy dyad's reports are compared with a happening once, not each)
        self.rejected: set[tuple[tuple[Any, ...], int]] = set()
        self.lasting = ""  # set by _verdicts when it returns None: the lasting rule that failed, or ""
        self.remembered = 0  # candidates skipped by ``rejected`` (for the tests)

    def _register(self, ci: int, m: _Mention) -> None:
        # blocking on the sides (above) and types: a happening can take m only if the actors rule and
        # the type rule hold against each member, so the types agreeing with m's and m's side pick them
        side = _side(m)
        keys = self.keys_of.get(side)
        if keys is None:
            keys = self.keys_of[side] = _side_keys(side)
        index = self.index
        for key in keys:
            got = index.get(key)
            if got is None:
                index[key] = {ci}
            else:
                got.add(ci)
        modes = self.modes.setdefault(m.type, set())
        if m.mode not in modes:
            modes.add(m.mode)
            self.agreeing.clear()  # a new (type, mode): the types agreeing with each kind may grow

    def _agreeing_types(self, m: _Mention) -> list[str]:
        """The types of members seen so far whose type rule with ``m`` holds for some mode (sorted)."""
        kind = (m.type, m.mode)
        got = self.agreeing.get(kind)
        if got is None:
            me = _Kind(*kind)
            got = self.agreeing[kind] = sorted(
                t
                for t, modes in self.modes.items()
                if any(_type_verdict(me, _Kind(t, md), self.rules, self.types) is not None for md in modes)
            )
        return got

    def seed(self, cluster: _Cluster) -> None:
        self.clusters.append(cluster)
        for m in cluster.members:
            self._register(len(self.clusters) - 1, m)
        for g in (cluster.groups or {}).values():
            self._register(len(self.clusters) - 1, g.proto)

    def add(self, m: _Mention) -> None:
        index = self.index
        types = self._agreeing_types(m)
        side = _side(m)
        wanted = self.wanted
        candidates_of: set[int] = set()
        for t in types:
            keys = wanted.get((side, t))
            if keys is None:
                keys = wanted[side, t] = _wanted(side, t, self.rules)
            for key in keys:
                got = index.get(key)
                if got:
                    candidates_of |= got
        candidates = sorted(candidates_of)
        best: tuple[float, int, _Mention | _Ref, _Verdict] | None = None
        fits: list[int] = []
        rejected = self.rejected
        said = {
            "type": ("type", m.type, m.mode),
            "modality": ("modality", m.type, m.modality),
            "actors": ("actors", m.type, m.actor_keys, m.recipient_keys),
        }
        by_type, by_modality, by_actors = said.values()
        for ci in candidates:
            c = self.clusters[ci]
            if (
                (by_actors, ci) in rejected or (by_modality, ci) in rejected or (by_type, ci) in rejected
            ) and m.id not in c.ids:
                self.remembered += 1
                continue  # a mention saying the same failed the type, modality or actors rule here
            if max(m.lo, c.lo) - min(m.hi, c.hi) > self.reach:
                continue  # every member is further away than any type's window: the date rule fails
            if m.id in c.excluded or not self.apart.get(m.id, frozenset()).isdisjoint(c.ids):
                continue
            if m.id not in c.ids and not self._types_fit(m, c):
                rejected.add((by_type, ci))
                continue  # the type rule fails against some member: complete linkage fails
            self.lasting = ""
            verdicts = self._verdicts(m, c)
            if verdicts is None:
                if self.lasting and m.id not in c.ids:
                    rejected.add((said[self.lasting], ci))
                continue
            o, v = max(verdicts, key=lambda ov: (ov[1].score, -ov[0].lo, ov[0].id))
            score = max(v.score for _, v in verdicts)
            fits.append(max(v.strength for _, v in verdicts))
            if best is None or score > best[0]:
                best = (score, ci, o, v)
        if best is not None and not m.complete and fits.count(max(fits)) > 1:
            best = None  # a mention that lacks a side and fits several happenings equally cannot tell which
        if best is None:
            self.seed(_Cluster([m], []))
            return
        _, ci, o, v = best
        c = self.clusters[ci]
        c.append(m)
        c.explanation.append(
            {"mention": m.id, "matched_with": o.id, "rules": dict(v.matched), "score": round(v.score, 3)}
        )
        self._register(ci, m)

    def _verdicts(self, m: _Mention, c: _Cluster) -> list[tuple[_Mention | _Ref, _Verdict]] | None:
        """The verdicts of ``m`` against the members that decide, or None at the first that fails
        (complete linkage: one failure rules the happening out, the rest need not be computed)."""
        if c.groups is not None:
            return self._grouped_verdicts(m, c, c.groups)
        out: list[tuple[_Mention | _Ref, _Verdict]] = []
        for o in c.to_compare(m):
            v = _compare(m, o, self.rules, self.types)
            if not v.ok:
                self.lasting = v.lasting
                return None
            out.append((o, v))
        return out

    def _grouped_verdicts(
        self, m: _Mention, c: _Cluster, groups: Mapping[tuple[Any, ...], _Group]
    ) -> list[tuple[_Mention | _Ref, _Verdict]] | None:
        """``_verdicts`` for a summarised happening: against each signature (the least id of each, as
        ``to_compare``) and every member of m's article; a kind's rules but the date's are decided once
        (they read nothing else that differs), the date rule for each signature, and of each kind only
        the verdict that can be chosen (the best score, then the earliest interval, then the id) kept."""
        own = c.by_article.get(m.article_id, [])
        own_ids = {o.id for o in own}
        out: list[tuple[_Mention | _Ref, _Verdict]] = []
        for g in groups.values():
            undated = _undated(m, g.proto, self.rules, self.types)
            if isinstance(undated, str):
                self.lasting = "" if undated == "place" else undated
                return None
            matched, base, strength, window = undated
            best: tuple[tuple[float, int, str], int, int] | None = None
            for (lo, hi, day), eid in g.dates.items():
                if eid in own_ids:
                    continue  # compared below, with the same-article rule
                gap = max(0, max(m.lo, lo) - min(m.hi, hi))
                if gap > window:
                    return None
                key = (base - gap / 10, -lo, eid)
                if best is None or key > best[0]:
                    best = (key, day, gap)
            if best is not None:
                (score, neg_lo, eid), day, gap = best
                da, db = _dt.date.fromordinal(m.day), _dt.date.fromordinal(day)
                rules = {
                    **matched,
                    "date": f"{da.isoformat()} ~ {db.isoformat()} (gap {gap} d <= {window} d)",
                }
                out.append((_Ref(eid, -neg_lo), _Verdict(True, rules, score=score, strength=strength)))
        for o in own:
            v = _compare(m, o, self.rules, self.types)
            if not v.ok:
                self.lasting = v.lasting
                return None
            out.append((o, v))
        return out

    def _types_fit(self, m: _Mention, c: _Cluster) -> bool:
        """Whether the type rule holds between ``m`` and every member of ``c`` (it reads only types
        and modes, so the members' distinct (type, mode) pairs decide)."""
        memo, rules = self.types, self.rules
        for ctype, cmode in c.kinds:
            key = (m.type, m.mode, ctype, cmode)
            t = memo.get(key, _UNSEEN)
            if t is _UNSEEN:
                t = memo[key] = _type_rule(m, _Kind(ctype, cmode), rules)
            if t is None:
                return False
        return True

    def happenings(self, *, changed_only: bool = False) -> list[Happening]:
        """Every cluster as a happening, or (``changed_only``) the new ones and the stored ones whose
        membership changed: building the untouched stored ones costs memory and time for nothing."""
        # A new happening is named after its first mention; when that mention was re-coded out of a
        # stored happening that keeps its id (other mentions remain), the name is taken: derive another.
        taken = {c.hid for c in self.clusters if c.hid and c.alive}
        out = []
        for c in self.clusters:
            if not c.alive or (changed_only and c.hid is not None and not c.dirty):
                continue
            hid = c.hid
            if hid is None:
                hid = _happening_id(c.members)
                while hid in taken:
                    hid = "h" + hashlib.sha256(hid.encode()).hexdigest()[:16]
                taken.add(hid)
            if c.summary is not None:
                out.append(_build_grown(c, self.rules, hid))
            else:
                out.append(_build(c.members, c.explanation, self.rules, hid=hid, excluded=c.excluded))
        return sorted(out, key=lambda h: (h.date, h.id))


def _prepare_all(events: Iterable[Mapping[str, Any]], rules: Rules) -> list[_Mention]:
    seen: dict[str, _Mention] = {}
    for e in events:
        m = _prepare(e, rules)
        seen.setdefault(m.id, m)
    return sorted(seen.values(), key=_Mention.order_key)


def cluster_events(
    events: Iterable[Mapping[str, Any]],
    *,
    windows: Mapping[str, int] | None = None,
    apart: Mapping[str, Iterable[str]] | None = None,
) -> list[Happening]:
    """Merge event dicts (``Event.to_dict()``) that name the same happening; sorted by date and id.

    ``windows`` overrides the date window (days) of some PLOVER types, e.g. ``{"CONSULT": 1}``;
    ``apart`` maps an event id to ids it must never be merged with (merges undone by hand).
    """
    rules = load_rules().with_windows(windows)
    cl = _Clusterer(rules, apart)
    for m in _prepare_all(events, rules):
        cl.add(m)
    return cl.happenings()


def split(
    happening: Happening, event_id: str, *, windows: Mapping[str, int] | None = None
) -> list[Happening]:
    """Undo a merge: take one mention out of a happening.

    Returns ``[rest, alone]``: the happening without the mention (same id; the mention is remembered in
    ``excluded`` so that :func:`assign` never merges it back) and a happening of the mention alone.
    """
    if event_id not in happening.mentions:
        raise KeyError(f"{event_id} is not a mention of happening {happening.id}")
    if len(happening.mentions) == 1:
        return [happening]
    rules = load_rules().with_windows(windows)
    members = [_prepare(e, rules) for e in happening.events]
    rest = [m for m in members if m.id != event_id]
    alone = [m for m in members if m.id == event_id]
    rest_ids = frozenset(m.id for m in rest)
    explanation = _reexplain(rest, rules)
    return [
        _build(rest, explanation, rules, hid=happening.id, excluded=happening.excluded | {event_id}),
        _build(alone, [], rules, excluded=rest_ids),
    ]


def _reexplain(members: Sequence[_Mention], rules: Rules) -> list[dict[str, Any]]:
    ms = sorted(members, key=_Mention.order_key)
    out = []
    for i, m in enumerate(ms[1:], start=1):
        verdicts = [(o, _compare(m, o, rules)) for o in ms[:i]]
        o, v = max(verdicts, key=lambda ov: (ov[1].score, -ov[0].lo, ov[0].id))
        out.append(
            {"mention": m.id, "matched_with": o.id, "rules": dict(v.matched), "score": round(v.score, 3)}
        )
    return out


def assign(
    new_events: Iterable[Mapping[str, Any]],
    existing: Iterable[Happening],
    *,
    windows: Mapping[str, int] | None = None,
    apart: Mapping[str, Iterable[str]] | None = None,
) -> list[Happening]:
    """Add newly coded events to existing happenings; returns the updated list (ids are kept).

    An article that was coded again replaces its earlier mentions: every mention of an article that has
    events in ``new_events`` is dropped first, so nothing is counted twice. A happening left with no
    mention disappears; a new event that fits no happening starts one.
    """
    rules = load_rules().with_windows(windows)
    stored = [Stored(h.id, tuple(h.events), tuple(h.explanation), h.excluded) for h in existing]
    cl = _assign(new_events, stored, rules, apart)
    return cl.happenings()


@dataclass(frozen=True)
class Stored:
    """A stored happening as :func:`assign_changes` reads it: its id, member events (``Event.to_dict()``
    shape), stored explanation and hand exclusions; ``dirty`` when it lost members the caller left out
    (then it is built again even if no new mention joins it); or, with ``summary``, as summarised."""

    id: str
    events: tuple[Mapping[str, Any], ...]
    explanation: tuple[Mapping[str, Any], ...] = ()
    excluded: frozenset[str] = frozenset()
    dirty: bool = False
    # a happening that may only gain members in this write (none of its members left or re-coded):
    # its stored summary (``_fold``); ``events`` then one representative of each shape (what it reads
    # but the id, article, date and evidence), ``dated`` every representative (the least id of each
    # signature, ``summary["reps"]``) as (event id, date, date_precision, date_source, index of its
    # shape's event in ``events``), ``members`` every member (event id, article id); its stored
    # explanation is not read (the writer adds the new entries to it)
    summary: Mapping[str, Any] | str | None = None  # (or its JSON text)
    members: tuple[tuple[str, str], ...] = ()
    dated: tuple[tuple[str, str, Any, Any, int], ...] = ()


def assign_changes(
    new_events: Iterable[Mapping[str, Any]],
    existing: Iterable[Stored],
    *,
    apart: Mapping[str, Iterable[str]] | None = None,
) -> tuple[list[Happening], set[str]]:
    """:func:`assign`, building only what changed: the new happenings and the stored ones whose
    membership changed, and the ids of the stored happenings that still exist (changed or not).
    The decisions are those of :func:`assign`; a stored happening's explanation is kept when it covers
    exactly its members, else explained afresh (as :func:`rebuild`)."""
    rules = load_rules()
    cl = _assign(new_events, list(existing), rules, apart, check_explanations=True)
    alive = {c.hid for c in cl.clusters if c.hid is not None and c.alive}
    return cl.happenings(changed_only=True), alive


def _stored_explanation(
    members: Sequence[_Mention], explanation: Sequence[Mapping[str, Any]], rules: Rules
) -> list[dict[str, Any]]:
    """The stored explanation when it still covers exactly these members (``rebuild``'s check)."""
    ids = {m.id for m in members}
    expl = [dict(x) for x in explanation]
    covered = {str(x.get("mention")) for x in expl}
    fits = all(str(x.get("mention")) in ids and str(x.get("matched_with")) in ids for x in expl)
    if not fits or len(covered) != len(members) - 1:
        return _reexplain(members, rules)
    return expl


def _assign(
    new_events: Iterable[Mapping[str, Any]],
    existing: Sequence[Stored],
    rules: Rules,
    apart: Mapping[str, Iterable[str]] | None,
    *,
    check_explanations: bool = False,
) -> _Clusterer:
    new = _prepare_all(new_events, rules)
    recoded = {m.article_id for m in new}
    new_ids = {m.id for m in new}
    cl = _Clusterer(rules, apart)
    memo: _PartyMemo = {}  # stored members of one shape share their party lists (store._happenings)
    for h in sorted(existing, key=lambda h: h.id):
        if h.summary is not None:
            if h.dirty or any(a in recoded or e in new_ids for e, a in h.members):
                raise ValueError(f"happening {h.id} loses members: it cannot be built from its summary")
            protos = [_prepare(e, rules, memo) for e in h.events]
            kinds = [_kind_of(p) for p in protos]
            c = _Cluster([], [], hid=h.id, excluded=h.excluded, summary=h.summary, stored=h.members)
            for eid, date, precision, source, i in h.dated:
                p = protos[i]
                own = {"date": date, "date_precision": precision, "date_source": source, "event": p.type}
                d, lo, hi = _interval(own, rules)
                c.add_dated(kinds[i], p, lo.toordinal(), hi.toordinal(), d.toordinal(), eid)
            cl.seed(c)
            continue
        kept = [
            _prepare(e, rules, memo)
            for e in h.events
            if str(e.get("article_id", "")) not in recoded and str(e["id"]) not in new_ids
        ]
        if not kept:
            continue
        if len(kept) != len(h.events):
            explanation = _reexplain(kept, rules)
        elif check_explanations:
            explanation = _stored_explanation(kept, h.explanation, rules)
        else:
            explanation = [dict(x) for x in h.explanation]
        c = _Cluster(kept, [dict(x) for x in explanation], hid=h.id, excluded=h.excluded)
        c.dirty = h.dirty or len(kept) != len(h.events)
        cl.seed(c)
    for m in new:
        cl.add(m)
    return cl


def _own_location(loc: Any) -> Mapping[str, Any] | None:
    if not loc or not isinstance(loc, Mapping):
        return None
    if loc.get("source", "sentence") != "sentence":
        return None
    return loc


def clusterable(event: Mapping[str, Any]) -> bool:
    """Whether an event dict can be compared at all: it has an id, a type, a date and a party with an identity."""
    try:
        _day(event.get("date"))
    except ValueError:
        return False
    if not event.get("id") or not event.get("event"):
        return False
    return bool(_keys(event.get("actor") or []) or _keys(event.get("recipient") or []))


def mention_span(event: Mapping[str, Any], *, rules: Rules | None = None) -> tuple[_dt.date, _dt.date]:
    """The date interval a clusterable event may lie in (its precision and the report lag widen it)."""
    _, lo, hi = _interval(event, rules or load_rules())
    return lo, hi


def party_keys(event: Mapping[str, Any]) -> frozenset[str]:
    """The keys (country, else organisation code) that candidate happenings are looked up by."""
    return _keys(event.get("actor") or []) | _keys(event.get("recipient") or [])


def rebuild(
    hid: str,
    events: Iterable[Mapping[str, Any]],
    *,
    explanation: Sequence[Mapping[str, Any]] = (),
    excluded: Iterable[str] = (),
    windows: Mapping[str, int] | None = None,
) -> Happening:
    """A stored happening again from its member events; the stored explanation is kept when it still
    covers exactly these members, otherwise the merges are explained afresh."""
    rules = load_rules().with_windows(windows)
    members = _prepare_all(events, rules)
    if not members:
        raise ValueError(f"happening {hid} has no mentions")
    ids = {m.id for m in members}
    expl = [dict(x) for x in explanation]
    covered = {str(x.get("mention")) for x in expl}
    fits = all(str(x.get("mention")) in ids and str(x.get("matched_with")) in ids for x in expl)
    if not fits or len(covered) != len(members) - 1:
        expl = _reexplain(members, rules)
    return _build(members, expl, rules, hid=hid, excluded=frozenset(excluded))
