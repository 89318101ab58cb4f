"""Happenings in the store: cross-article dedup (``tieline.dedup``) wired into the one-writer transaction.

``write_articles`` calls :func:`link` inside its transaction, after the batch's events are written: the
mentions of re-coded articles leave their happenings, then each new event joins the stored happening it
agrees with (candidates are found by party and date, so the clustering sees every happening it could
join) or starts one. Only changed happenings are rewritten; every change of membership is one row in
``dedup_log`` (rule, matched fields, score), and a re-write of an unchanged article logs nothing.

``HappeningsMixin`` gives ``SqlStore`` the reads (``happenings``, ``happening``, ``event_happenings``,
``dedup_log``) and the hand corrections (``split_event``, ``undo_merge``, ``rebuild_happenings``,
``link_unlinked``).
"""

from __future__ import annotations

import bisect
import collections
import dataclasses
import datetime as _dt
import hashlib
import json
import json.encoder
import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tieline.dedup import cluster as dc
from tieline.dedup.rules import load_rules
from tieline.errors import StoreError
from tieline.store import _records as r

__all__ = ["HAPPENING_TABLES", "HappeningsMixin", "LinkResult", "dedup_view", "link"]

log = logging.getLogger("tieline.store")

# Child tables first (wiped before the events they point at).
HAPPENING_TABLES: tuple[str, ...] = (
    "happening_events",
    "happening_parties",
    "happenings",
    "dedup_apart",
    "dedup_log",
)

HAPPENING_COLUMNS: tuple[str, ...] = (
    "id",
    "event",
    "mode",
    "cameo",
    "quad",
    "goldstein",
    "date",
    "date_precision",
    "date_lo",
    "date_hi",
    "parties",
    "actors",
    "recipients",
    "location",
    "n_mentions",
    "n_articles",
    "n_sources",
    "sources",
    "explanation",
    "excluded",
    "updated_at",
    "summary",
)
LINK_COLUMNS: tuple[str, ...] = ("event_id", "happening_id", "article_id", "shape")
PARTY_COLUMNS: tuple[str, ...] = ("happening_id", "party")
LOG_COLUMNS: tuple[str, ...] = (
    "seq",
    "at",
    "action",
    "happening_id",
    "event_id",
    "matched_with",
    "rules",
    "score",
    "detail",
    "undone_by",
)

_LIST_SQL = (
    "SELECT h.id, h.event, h.mode, h.cameo, h.quad, h.goldstein, h.date, h.date_precision, h.actors,"
    " h.recipients, h.location, h.n_mentions, h.n_articles, h.n_sources, h.sources FROM happenings h"
)


@dataclass(frozen=True, slots=True)
class LinkResult:
    """What one :func:`link` call changed."""

    happenings_new: int = 0
    happenings_changed: int = 0
    happenings_removed: int = 0
    merges: int = 0
    # the working set this call read: candidate happenings, their member events (of a happening built
    # from its summary, only its representatives), and of those the ones whose type, parties and place
    # were read (one a shape: the others share them, ``shape_of``)
    happenings_read: int = 0
    members_read: int = 0
    shapes_read: int = 0


_SHORT_SPAN = 31  # days: happenings with longer spans (month or year dates) are checked one by one
_Rows = list[tuple[int, int, str]]  # (first day, last day, happening id)


def _max_reach() -> int:
    """Days either side of a mention's interval in which a happening it may join can lie."""
    rules = load_rules()
    return max([rules.default_window, *rules.windows.values()])


# What dedup reads of a member that many members share: everything but its identity, article, date and
# evidence offsets. Members of one shape differ only in those (read for each); the rest is read once.
_SHAPE_FIELDS: tuple[str, ...] = ("event", "mode", "cameo", "modality", "quad", "goldstein", "location")
_PARTY_FIELDS: tuple[str, ...] = ("text", "name", "country", "kind", "code")


def shape_of(e: Mapping[str, Any]) -> str:
    """The key of what the clusterer reads of an event apart from its id, article, date (with its
    precision and source) and evidence offsets: the type, mode, CAMEO code, modality, quad, Goldstein
    value, place and the parties (words and identity, side by side, in order), as ``member_events``
    reads them. Kept on each member's link (migration 5): stored members of one shape are read as one
    event and their own dates, so a write reads the parties of a candidate's members once a shape."""
    parts = [e.get(k) for k in _SHAPE_FIELDS]
    for side in ("actor", "recipient"):
        parts.append([[a.get(k) for k in _PARTY_FIELDS] for a in e.get(side) or []])
    text = _SHAPE_JSON(parts)
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:24]


def _encoder(**options: Any) -> Callable[[Any], str]:
    """``json.dumps`` with these options, its encoder built once: ``JSONEncoder.encode`` builds CPython's
    C encoder again on every call, measured 40% of encoding a writer's happening rows (most of them
    small values). Without the C encoder (another Python), the encoder's own ``encode``.

    The prebuilt encoder does not check for circular references (its record of the containers being
    encoded would outlive a failed call): what the writer encodes is built afresh, without cycles."""
    enc = json.JSONEncoder(**options)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return enc.encode
    quote = json.encoder.encode_basestring_ascii if enc.ensure_ascii else json.encoder.encode_basestring
    try:  # the arguments ``JSONEncoder.iterencode`` passes it (CPython 3.11-3.13)
        chunks = make(
            None, enc.default, quote, None, enc.key_separator, enc.item_separator, enc.sort_keys, enc.skipkeys,
            enc.allow_nan,
        )  # fmt: skip
    except TypeError:  # another signature: the encoder's own ``encode``
        return enc.encode
    return lambda value: "".join(chunks(value, 0))


_SHAPE_JSON = _encoder(ensure_ascii=True, sort_keys=True, separators=(",", ":"), default=str)
_JSON = _encoder(ensure_ascii=True, sort_keys=True)


# What dedup (``tieline.dedup.cluster`` and ``link``) reads of an event record: these fields, of the
# evidence and its trigger their offsets, of a party its words and identity (``member_events`` reads
# the same of a stored event, from its flat columns).
_VIEW_FIELDS: tuple[str, ...] = (
    "id", "article_id", "date", "date_precision", "date_source", *_SHAPE_FIELDS,
)  # fmt: skip
_OFFSETS: tuple[str, ...] = ("start", "end")


def dedup_view(record: Mapping[str, Any]) -> dict[str, Any]:
    """The part of an event record (``Event.to_dict()``) that dedup reads: the same verdicts, happenings
    and rows as the whole record, in a fraction of its size (a writer in another process unpickles it
    instead of decoding the stored JSON record)."""
    out = {k: record[k] for k in _VIEW_FIELDS if k in record}
    for side in ("actor", "recipient"):
        if side in record:
            parties = record[side]
            out[side] = (
                [{k: a[k] for k in _PARTY_FIELDS if k in a} for a in parties]
                if isinstance(parties, list) and all(isinstance(a, Mapping) for a in parties)
                else parties
            )
    ev = record.get("evidence")
    if isinstance(ev, Mapping):
        view = {k: ev[k] for k in _OFFSETS if k in ev}
        trigger = ev.get("trigger")
        if "trigger" in ev:
            view["trigger"] = (
                {k: trigger[k] for k in _OFFSETS if k in trigger} if isinstance(trigger, Mapping) else trigger
            )
        out["evidence"] = view
    elif "evidence" in record:
        out["evidence"] = ev
    return out


def _json(value: Any) -> str:
    return _JSON(value)


def _fresh_id(seed: str, taken: set[str]) -> str:
    hid = "h" + hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    while hid in taken:
        hid = "h" + hashlib.sha256(hid.encode()).hexdigest()[:16]
    return hid


def _singleton(e: Mapping[str, Any], hid: str) -> dc.Happening:
    """A happening of one event that cannot be compared (no date or no identified party)."""
    parties = [
        {
            "key": a.get("country") or a.get("code"),
            "name": a.get("name"),
            "country": a.get("country"),
            "code": a.get("code"),
            "kind": a.get("kind"),
        }
        for a in e.get("actor") or []
    ]
    recips = [
        {
            "key": a.get("country") or a.get("code"),
            "name": a.get("name"),
            "country": a.get("country"),
            "code": a.get("code"),
            "kind": a.get("kind"),
        }
        for a in e.get("recipient") or []
    ]
    return dc.Happening(
        id=hid,
        type=str(e.get("event") or ""),
        mode=str(e.get("mode") or ""),
        cameo=str(e.get("cameo") or ""),
        date=str(e.get("date") or ""),
        date_precision=str(e.get("date_precision") or "day"),
        actors=tuple(parties),
        recipients=tuple(recips),
        location=dict(e["location"]) if isinstance(e.get("location"), Mapping) else None,
        mentions=(str(e["id"]),),
        sources=(str(e.get("article_id") or ""),),
        explanation=(),
        events=(e,),
    )


def _built(h: dc.Stored) -> dc.Happening:
    """A stored happening built from its members (a single member that cannot be compared as itself)."""
    if all(dc.clusterable(e) for e in h.events):
        return dc.rebuild(h.id, h.events, explanation=h.explanation, excluded=h.excluded)
    return _singleton(h.events[0], h.id)


def _happening_id_for(e: Mapping[str, Any]) -> str:
    eid = str(e["id"])
    return "h" + eid[1:] if eid.startswith("e") and len(eid) > 1 else _fresh_id(eid, set())


class _Io:
    """The SQL of one write transaction."""

    def __init__(self, store: Any, con: Any) -> None:
        self.s, self.con = store, con
        self._spans: dict[tuple[Any, ...], tuple[_dt.date, _dt.date]] = {}  # see span()
        self.members_read = 0  # member events read (the working set; LinkResult)
        self.shapes_read = 0  # of those, read with their parties (one a shape)
        self.capped = 0  # (event party, interval) groups whose candidates the cap cut
        self.unlinked: set[str] = set()  # events known to have no link (``link(fresh=True)``)
        # dc.clusterable of the events seen, by identity (each kept with its verdict, so no id is reused)
        self._clusterable: dict[int, tuple[Mapping[str, Any], bool]] = {}

    def clusterable(self, e: Mapping[str, Any]) -> bool:
        """``dc.clusterable``, remembered for the event (a new event is asked again when written)."""
        got = self._clusterable.get(id(e))
        if got is not None and got[0] is e:
            return got[1]
        ok = dc.clusterable(e)
        self._clusterable[id(e)] = (e, ok)
        return ok

    def span(self, e: Mapping[str, Any]) -> tuple[_dt.date, _dt.date]:
        """``dc.mention_span`` of an event, remembered by what it reads (date, precision, source, type):
        a batch's events share a few of those."""
        key = (e.get("date"), e.get("date_precision", "day"), e.get("date_source", "article"), e.get("event"))
        got = self._spans.get(key)
        if got is None:
            got = self._spans[key] = dc.mention_span(e)
        return got

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self.s._execute(self.con, sql, list(params))
        return list(cur.fetchall()) if cur.description is not None else []

    def in_list(self, sql: str, values: Iterable[Any]) -> list[tuple[Any, ...]]:
        vals = sorted(set(values))
        return self.s._in_list(self.con, sql, vals) if vals else []

    def insert(self, table: str, columns: Sequence[str], rows: list[r.Row]) -> None:
        self.s._insert(self.con, table, columns, rows)

    def next_log_id(self) -> int:
        return int(self.rows("SELECT COALESCE(MAX(seq), 0) FROM dedup_log")[0][0]) + 1

    def stored(
        self,
        hids: Iterable[str],
        *,
        skip: Iterable[str] = (),
        gaining: Iterable[str] | None = None,
        recoded: Iterable[str] = (),
    ) -> dict[str, dc.Stored]:
        """Stored happenings with their current member events (as the clusterer reads them); members
        whose event is gone, and those in ``skip`` (events being written again), are left out, and so is
        a happening of several members one of which cannot be compared.

        With ``gaining`` (the happenings the write may only add members to: none of theirs is gone or
        written again), those of them with a summary (migration 7) none of whose members is in
        ``skip`` or of an article in ``recoded`` are read as summarised: their summary, their members'
        ids and articles, and only their representatives' events (one a signature)."""
        skip = set(skip)
        hids = sorted(set(hids))
        if not hids:
            return {}
        may_grow = set(gaining or ())
        meta: dict[str, Any] = {}  # happening read in full -> its exclusions (JSON)
        summarised: dict[str, tuple[str, Any]] = {}  # happening -> summary (JSON), exclusions
        reps_of: dict[str, set[str]] = {}
        explanations: dict[str, Any] = {}  # of those read in full (a summarised one's is not parsed)
        for hid, excl, summary, expl in self.in_list(
            "SELECT id, excluded, summary, explanation FROM happenings WHERE id IN ({values})", hids
        ):
            got = _loads(summary, None) if hid in may_grow else None
            if dc.summary_usable(got):
                # held as its text (parsed again only if the happening gains a member) and its reps
                summarised[hid] = (summary, excl)
                reps_of[hid] = set(got.get("reps") or ())
            else:
                meta[hid] = excl
                explanations[hid] = expl
        out: dict[str, dc.Stored] = {}
        if summarised:
            out, fallback = self._summarised(summarised, reps_of, skip=skip, recoded=set(recoded))
            for hid in fallback:
                meta[hid] = summarised[hid][1]
            explanations.update(
                self.in_list("SELECT id, explanation FROM happenings WHERE id IN ({values})", fallback)
            )
        full = sorted(meta)
        if not full:
            return out
        members: dict[str, list[dict[str, Any]]] = {}
        links = self.in_list(
            "SELECT event_id, happening_id, shape FROM happening_events WHERE happening_id IN ({values})",
            full,
        )
        for hid, e in self.member_events(links, skip=skip):
            members.setdefault(hid, []).append(e)
        for hid, events in members.items():
            expl, excluded = explanations.get(hid), meta[hid]
            if len(events) == 1 or all(dc.clusterable(e) for e in events):
                events.sort(key=lambda e: str(e["id"]))
                expl_of = tuple(json.loads(expl or "[]"))
                out[hid] = dc.Stored(hid, tuple(events), expl_of, frozenset(json.loads(excluded or "[]")))
        return out

    def _summarised(
        self,
        summarised: Mapping[str, tuple[str, Any]],
        wanted: Mapping[str, set[str]],
        *,
        skip: set[str],
        recoded: set[str],
    ) -> tuple[dict[str, dc.Stored], list[str]]:
        """The summarised happenings (``stored``) and those that must be read in full after all (a member
        in ``skip`` or of a re-coded article, a representative that is not a member or is gone)."""
        members: dict[str, list[tuple[str, str]]] = {}
        shape: dict[str, tuple[str, str | None]] = {}  # the representatives' links
        for eid, hid, aid, key in self.in_list(
            "SELECT event_id, happening_id, article_id, shape FROM happening_events"
            " WHERE happening_id IN ({values})",
            summarised,
        ):
            members.setdefault(hid, []).append((eid, str(aid or "")))
            if eid in wanted[hid]:
                shape[eid] = (hid, key)
        fallback: set[str] = set()
        reps: set[str] = set()
        for hid, want in wanted.items():
            mine = members.get(hid, [])
            ids = {e for e, _ in mine}
            if not mine or not want or not want <= ids or any(e in skip or a in recoded for e, a in mine):
                fallback.add(hid)
            else:
                reps |= want
        # of the representatives, the first (by id) of each shape is read in full (a link without a
        # shape: each), and every one for its date: the clusterer needs no more (``dc.Stored.dated``)
        lead: dict[str, str] = {}
        for eid in sorted(reps):
            lead.setdefault(shape[eid][1] or eid, eid)
        self.members_read += len(reps)
        full = self._read_full(sorted(set(lead.values())))
        dated = {
            row[0]: row[1:]
            for row in self.in_list(
                "SELECT id, date, date_precision, date_source FROM events WHERE id IN ({values})", reps
            )
        }
        out: dict[str, dc.Stored] = {}
        for hid, want in wanted.items():
            if hid in fallback:
                continue
            protos: list[dict[str, Any]] = []
            index: dict[str, int] = {}
            rows: list[tuple[str, str, Any, Any, int]] = []
            for eid in sorted(want):
                key = shape[eid][1] or eid
                first, row = full.get(lead[key]), dated.get(eid)
                if first is None or row is None:
                    break  # a representative's event is gone: read every member
                if key not in index:
                    index[key] = len(protos)
                    protos.append(first)
                day, precision, source = row
                rows.append((eid, r.iso(day), precision, source, index[key]))
            else:
                out[hid] = dc.Stored(
                    hid,
                    tuple(protos),
                    excluded=frozenset(json.loads(summarised[hid][1] or "[]")),
                    summary=summarised[hid][0],
                    members=tuple(sorted(members[hid])),
                    dated=tuple(rows),
                )
                continue
            fallback.add(hid)
        return out, sorted(fallback)

    def load(self, hids: Iterable[str], *, skip: Iterable[str] = ()) -> dict[str, dc.Happening]:
        """Stored happenings with their current member events, built (see :meth:`stored`)."""
        return {hid: _built(h) for hid, h in self.stored(hids, skip=skip).items()}

    def member_events(
        self, links: Iterable[tuple[str, str, str | None]], *, skip: Iterable[str] = ()
    ) -> list[tuple[str, dict[str, Any]]]:
        """(happening id, event) for the stored members named by ``links`` (event id, happening id, shape),
        but those in ``skip``: each event as the dict the clusterer reads (the fields
        ``tieline.dedup.cluster`` uses, the parties' identity and words), built from the flat columns of
        ``events`` and ``event_actors``, not by decoding each stored JSON record (most of whose bytes, the
        evidence text, reason and context, dedup never reads).

        Members of one shape (``shape_of``) share what it covers: the first of each (by id) is read in
        full, the others only for their id, article, date and evidence offsets, and their dicts share the
        first one's parties and place. A link without a shape (written before migration 5) is read in
        full. The dicts are those reading every member in full gives (tested)."""
        skip = set(skip)
        hid_of: dict[str, str] = {}
        lead: dict[str, str] = {}  # shape -> the member read in full for it
        shape: dict[str, str] = {}  # event id -> its shape, for the members read by their dates only
        for eid, hid, key in sorted(links, key=lambda x: x[0]):
            if eid in skip:
                continue
            hid_of[eid] = hid
            if key is None:
                continue
            if key in lead:
                shape[eid] = key
            else:
                lead[key] = eid
        self.members_read += len(hid_of)
        read = self._read_full([eid for eid in hid_of if eid not in shape])
        dated = self._read_dated(shape)
        # a shape whose first member's event is gone (deleted by this write): its others read in full
        orphans = [eid for eid in dated if lead[shape[eid]] not in read]
        read.update(self._read_full(orphans))
        for eid, own in dated.items():
            first = read.get(lead[shape[eid]])
            if first is not None:
                read[eid] = {**first, **own}
        return [(hid_of[eid], e) for eid, e in read.items()]

    def _read_full(self, eids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Events (by id) with everything the clusterer reads; one narrow read a table, each filtered by
        a list (joins of the link table with the event tables built hash tables that grew with the store
        and ran out of the writer's memory cap)."""
        if not eids:
            return {}
        self.shapes_read += len(eids)
        sides: dict[str, dict[str, list[tuple[int, dict[str, Any]]]]] = {}
        for eid, side, idx, text, name, country, kind, code in self.in_list(
            "SELECT event_id, side, idx, text, name, country, kind, code FROM event_actors"
            " WHERE event_id IN ({values}) AND side <> 'attribution'",
            eids,
        ):
            party = {"text": text, "name": name, "country": country, "kind": kind, "code": code}
            sides.setdefault(eid, {}).setdefault(side, []).append((int(idx), party))
        out: dict[str, dict[str, Any]] = {}
        for (eid, aid, day, precision, source, kind, mode, cameo, modality, quad, goldstein, location,
             ev_start, ev_end, tr_start, tr_end) in self.in_list(
            "SELECT id, article_id, date, date_precision, date_source, event, mode, cameo, modality, quad,"
            " goldstein, location, evidence_start, evidence_end, trigger_start, trigger_end FROM events"
            " WHERE id IN ({values})",
            eids,
        ):  # fmt: skip
            parties = sides.get(eid, {})
            out[eid] = {
                **_own(eid, aid, day, precision, source, ev_start, ev_end, tr_start, tr_end),
                "event": kind,
                "mode": mode,
                "cameo": cameo,
                "modality": modality,
                "quad": quad,
                "goldstein": goldstein,
                "location": _loads(location, None),
                "actor": [a for _, a in sorted(parties.get("actor", []), key=lambda x: x[0])],
                "recipient": [a for _, a in sorted(parties.get("recipient", []), key=lambda x: x[0])],
            }
        return out

    def _read_dated(self, eids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Events (by id) with only what members of one shape do not share (``shape_of``)."""
        return {
            row[0]: _own(*row)
            for row in self.in_list(
                "SELECT id, article_id, date, date_precision, date_source, evidence_start, evidence_end,"
                " trigger_start, trigger_end FROM events WHERE id IN ({values})",
                eids,
            )
        }

    def write(self, happenings: Sequence[dc.Happening], *, drop: Iterable[str] = ()) -> None:
        """Make the rows of these happenings what they now are (and delete those in ``drop``).

        Links (``happening_events``) are changed, not rewritten: a happening of a thousand mentions
        that gains one costs one insert, not a thousand deletes and inserts.

        Every happening is deleted by id and inserted again, so one id given twice is refused (on
        DuckDB no key would: migration 8)."""
        written = collections.Counter(h.id for h in happenings)
        if len(written) < len(happenings):
            twice = min(hid for hid, n in written.items() if n > 1)
            raise StoreError(
                f"happening id {twice} occurs twice in one write", hint="happening ids must be unique"
            )
        ids = set(written) | set(drop)
        # the stored explanations the grown happenings' new entries join (read before the rows go)
        explained = dict(
            self.in_list(
                "SELECT id, explanation FROM happenings WHERE id IN ({values})",
                [h.id for h in happenings if h.grown is not None],
            )
        )
        # A grown happening's stored members keep their links (none of them left or is written again:
        # ``_Io.stored``), so of its links only those of the mentions it gained are wanted and compared:
        # its stored links are not read again, nor its every mention walked.
        grown = {h.id for h in happenings if h.grown is not None}
        stored = {
            (e, hid, aid)
            for e, hid, aid in self.in_list(
                "SELECT event_id, happening_id, article_id FROM happening_events WHERE happening_id IN ({values})",
                ids - grown,
            )
        }
        want: set[tuple[str, str, str]] = set()
        event_of: dict[str, Mapping[str, Any]] = {}
        linked = {e: aid for e, _, aid in stored}
        for h in happenings:
            for e in h.events:
                event_of[str(e["id"])] = e
            mentions = [str(e["id"]) for e in h.events] if h.grown is not None else h.mentions
            want.update(
                (m, h.id, str(event_of[m].get("article_id") or "") if m in event_of else linked[m])
                for m in mentions
            )
        # one link an event (the key): a stale link goes by its event, and a new member may still be
        # linked to a happening outside this set (moved by a split): unlink it first
        gone = {e for e, _, _ in stored - want} | {e for e, _, _ in want - stored if e not in self.unlinked}
        self.in_list("DELETE FROM happening_events WHERE event_id IN ({values})", gone)
        self.in_list("DELETE FROM happening_parties WHERE happening_id IN ({values})", ids)
        self.in_list("DELETE FROM happenings WHERE id IN ({values})", ids)
        if not happenings:
            return
        # the outlets of the happenings' articles; a grown one's stored articles' are in its summary
        outlets = dict(
            self.in_list(
                "SELECT id, source FROM articles WHERE id IN ({values})",
                [a for h in happenings for a in h.sources if h.grown is None or a not in h.grown.articles],
            )
        )
        at = _now()
        h_rows: list[r.Row] = []
        parties: list[r.Row] = []
        for h in happenings:
            lo: _dt.date | None
            hi: _dt.date | None
            if h.grown is not None and h.summary is not None:
                # built from its summary: the lead's values, the span and the outlets are kept there
                summary = h.summary
                _, _, _, _, _, quad, goldstein = summary["types"][h.type]
                new_outlets = {str(outlets.get(a) or a) for a in h.sources if a not in h.grown.articles}
                srcs = sorted(set(summary.get("outlets") or ()) | new_outlets)
                lo, hi = _dt.date.fromordinal(summary["lo"]), _dt.date.fromordinal(summary["hi"])
                expl = [*_loads(explained.get(h.id), []), *(dict(x) for x in h.explanation)]
                expl.sort(key=lambda x: str(x["mention"]))
            else:
                by_id = {str(e["id"]): e for e in h.events}
                lead = next(
                    (by_id[m] for m in h.mentions if by_id[m].get("event") == h.type), by_id[h.mentions[0]]
                )
                quad, goldstein = lead.get("quad"), lead.get("goldstein")
                srcs = sorted({str(outlets.get(a) or a) for a in h.sources})
                spans = [self.span(e) for e in h.events if self.clusterable(e)]
                lo = min(s[0] for s in spans) if spans else r.parse_date(h.date)
                hi = max(s[1] for s in spans) if spans else r.parse_date(h.date)
                expl = [dict(x) for x in h.explanation]
            keys = sorted({str(p["key"]) for p in (*h.actors, *h.recipients) if p.get("key")})
            h_rows.append(
                (
                    h.id,
                    h.type,
                    h.mode or None,
                    h.cameo or None,
                    quad,
                    goldstein,
                    r.parse_date(h.date),
                    h.date_precision,
                    lo,
                    hi,
                    "|".join(keys),
                    _json([dict(a) for a in h.actors]),
                    _json([dict(a) for a in h.recipients]),
                    _json(h.location) if h.location else None,
                    len(h.mentions),
                    len(h.sources),
                    len(srcs),
                    _json({"outlets": srcs, "articles": list(h.sources)}),
                    _json(expl),
                    _json(sorted(h.excluded)),
                    at,
                    _json({**h.summary, "outlets": srcs}) if h.summary is not None else None,
                )
            )
            parties += [(h.id, k) for k in keys]
        self.insert("happenings", HAPPENING_COLUMNS, h_rows)
        # each new link keeps its member's shape: its stored members are then read once a shape
        self.insert(
            "happening_events",
            LINK_COLUMNS,
            [(e, hid, aid, shape_of(event_of[e])) for e, hid, aid in sorted(want - stored)],
        )
        self.insert("happening_parties", PARTY_COLUMNS, parties)

    def apart(self, event_ids: Iterable[str] | None) -> dict[str, set[str]]:
        """Events each of ``event_ids`` (or every event, for None) must stay apart from."""
        sql = "SELECT event_id, other_id FROM dedup_apart"
        rows = (
            self.rows(sql)
            if event_ids is None
            else self.in_list(sql + " WHERE event_id IN ({values})", event_ids)
        )
        out: dict[str, set[str]] = {}
        for a, b in rows:
            out.setdefault(a, set()).add(b)
        return out

    def log(self, entries: list[tuple[Any, ...]]) -> list[int]:
        """Append (action, happening_id, event_id, matched_with, rules, score, detail) entries; their ids."""
        if not entries:
            return []
        first = self.next_log_id()
        at = _now()
        rows = [(first + i, at, *e, None) for i, e in enumerate(entries)]
        self.insert("dedup_log", LOG_COLUMNS, rows)
        return [first + i for i in range(len(entries))]

    def candidates(self, events: Sequence[Mapping[str, Any]]) -> set[str]:
        """Stored happenings a batch's events may join: for each event and each of its parties, those
        with the party, within reach of its dates, whose type and mode can agree with the event's (the
        stored type and mode are those of a member, so a happening that fails this fails complete
        linkage), at most ``Rules.candidate_cap`` of them, the nearest in date first (the gap between the
        two date intervals, then between their middles, then by id)."""
        rules = load_rules()
        reach = _max_reach()
        cap = rules.candidate_cap
        # the batch's events by what selects their candidates: (party, type, mode, interval)
        wanted: set[tuple[str, str, str, int, int]] = set()
        for e in events:
            d_lo, d_hi = self.span(e)
            kind = (str(e.get("event") or ""), str(e.get("mode") or ""))
            for k in dc.party_keys(e):
                wanted.add((k, *kind, d_lo.toordinal(), d_hi.toordinal()))
        if not wanted:
            return set()
        # Two narrow reads instead of one join of the windows with both tables (whose hash tables grew
        # with the store and, under the writer's memory cap, ran out of it): the happenings in the batch's
        # whole date range (a range scan), then the parties of those; the rest is checked here.
        first = _dt.date.fromordinal(min(w[3] for w in wanted) - reach)
        last = _dt.date.fromordinal(max(w[4] for w in wanted) + reach)
        spans: dict[str, tuple[int, int, tuple[str, str]]] = {}
        for hid, s_lo, s_hi, kind, mode in self.rows(
            "SELECT id, date_lo, date_hi, event, mode FROM happenings WHERE date_hi >= ? AND date_lo <= ?",
            [first, last],
        ):
            if s_lo is not None and s_hi is not None:
                spans[hid] = (s_lo.toordinal(), s_hi.toordinal(), (str(kind or ""), str(mode or "")))
        if not spans:
            return set()
        parties = {w[0] for w in wanted}
        # per party and stored (type, mode), the happenings sorted by the start of their span (a window
        # is found by bisection); the few with long spans (month or year dates) are checked one by one.
        # Grouped by kind, the type rule is asked once a group, and the rows of kinds that cannot agree
        # are never looked at (most of a busy party's rows: the rule mostly wants the same type).
        short: dict[str, dict[tuple[str, str], _Rows]] = {}
        long: dict[str, dict[tuple[str, str], _Rows]] = {}
        for hid, party in self.in_list(
            "SELECT happening_id, party FROM happening_parties WHERE happening_id IN ({values})", spans
        ):
            if party in parties:
                h_lo, h_hi, stored_kind = spans[hid]
                bucket = short if h_hi - h_lo <= _SHORT_SPAN else long
                bucket.setdefault(party, {}).setdefault(stored_kind, []).append((h_lo, h_hi, hid))
        starts: dict[tuple[str, tuple[str, str]], list[int]] = {}
        for k, kinds in short.items():
            for stored_kind, rows in kinds.items():
                rows.sort()
                starts[k, stored_kind] = [x[0] for x in rows]
        agree: dict[tuple[tuple[str, str], tuple[str, str]], bool] = {}
        out: set[str] = set()
        for k, etype, emode, lo, hi in sorted(wanted):
            found: list[tuple[int, int, str]] = []
            for bucket in (short, long):
                for stored_kind, rows in bucket.get(k, {}).items():
                    pair = ((etype, emode), stored_kind)
                    ok = agree.get(pair)
                    if ok is None:
                        ok = agree[pair] = dc.types_agree(*pair, rules=rules)
                    if not ok:
                        continue
                    if bucket is short:
                        at = starts[k, stored_kind]
                        i = bisect.bisect_left(at, lo - reach - _SHORT_SPAN)
                        rows = rows[i : bisect.bisect_right(at, hi + reach)]
                    for h_lo, h_hi, hid in rows:
                        gap = max(lo, h_lo) - min(hi, h_hi)
                        if gap <= reach:  # nearest first: the gap between the intervals, then their middles
                            found.append((max(0, gap), abs(lo + hi - h_lo - h_hi), hid))
            if cap and len(found) > cap:
                found.sort()
                found = found[:cap]
                self.capped += 1
            out.update(x[-1] for x in found)
        return out


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC).replace(tzinfo=None)


def link(
    store: Any,
    con: Any,
    *,
    new_events: Sequence[Mapping[str, Any]],
    gone_event_ids: Iterable[str],
    all_apart: bool = False,
    fresh: bool = False,
) -> LinkResult:
    """Update happenings inside the caller's write transaction (see the module doc).

    ``gone_event_ids``: stored events that this write deleted (a re-coded article's old events);
    ``new_events``: the events it inserted, as ``Event.to_dict()`` records. A stored happening that can
    only gain members is built from its summary (``_Io.stored``): the same rows as reading every member
    (tested).

    ``fresh``: none of the events was ever stored (the writer found none of their articles and none of
    their ids stored, and a stored article's rows go only with it), so none is linked: the reads and
    deletes of their links, each a read of the whole link table, are skipped.
    """
    io = _Io(store, con)
    new_ids = {str(e["id"]) for e in new_events}
    if fresh:
        io.unlinked = new_ids
    touched = set(gone_event_ids) | new_ids
    old_links = (
        {}
        if fresh
        else dict(
            io.in_list(
                "SELECT event_id, happening_id FROM happening_events WHERE event_id IN ({values})", touched
            )
        )
    )
    can = [io.clusterable(e) for e in new_events]
    comparable = [e for e, ok in zip(new_events, can, strict=True) if ok]
    loose = [e for e, ok in zip(new_events, can, strict=True) if not ok]
    losing = set(old_links.values())  # happenings that held a touched event: rebuilt from every member
    hids = losing | io.candidates(comparable)
    existing = io.stored(
        hids,
        skip=new_ids,
        gaining=hids - losing,
        recoded={str(e.get("article_id", "")) for e in new_events},
    )
    before = {
        hid: {e for e, _ in h.members} if h.summary is not None else {str(e["id"]) for e in h.events}
        for hid, h in existing.items()
    }
    for eid, hid in old_links.items():
        before.setdefault(hid, set()).add(eid)
    # a happening that held a touched event lost it (it was deleted or is written again): rebuilt
    existing = {
        hid: dataclasses.replace(h, dirty=True)
        if h.summary is None and len(h.events) != len(before[hid])
        else h
        for hid, h in existing.items()
    }
    apart = io.apart(None if all_apart else [str(e["id"]) for e in comparable])
    failure = None
    after: list[dc.Happening] = []
    alive: set[str] = set()  # stored happenings that still exist, rebuilt (in after) or not
    try:
        if comparable or existing:
            after, alive = dc.assign_changes(comparable, existing.values(), apart=apart)
    except Exception as exc:  # a dedup bug must not lose the batch: its events stay unmerged, logged
        log.warning("dedup failed for a batch of %d events: %r", len(new_events), exc)
        failure = f"clustering failed ({type(exc).__name__}: {exc}); events kept as their own happenings"
        after = [_built(h) for h in existing.values() if h.dirty]
        alive, loose = set(existing), list(new_events)
    taken = {h.id for h in after} | alive
    for e in loose:
        hid = _happening_id_for(e)
        if hid in taken:
            hid = _fresh_id(f"{hid}|{e['id']}", taken)
        taken.add(hid)
        after.append(_singleton(e, hid))
    # rewritten: new happenings, those whose membership changed, and those holding a re-coded mention
    changed = [h for h in after if set(h.mentions) != before.get(h.id) or not new_ids.isdisjoint(h.mentions)]
    kept = {h.id for h in after} | alive
    removed = sorted(hid for hid in before if hid not in kept)
    io.write(changed, drop=removed)
    new_links = {m: h.id for h in after for m in h.mentions}
    if not fresh:  # a fresh event has no link to delete
        io.in_list("DELETE FROM happening_events WHERE event_id IN ({values})", touched - set(new_links))
    merged_by = {str(x["mention"]): x for h in changed for x in h.explanation}
    entries: list[tuple[Any, ...]] = []
    for eid in sorted(new_ids):
        hid = new_links.get(eid)
        if hid is None or old_links.get(eid) == hid:
            continue  # unchanged (a re-write of the same article)
        x = merged_by.get(eid)
        if x is not None:
            entries.append(
                ("merge", hid, eid, x.get("matched_with"), _json(x.get("rules") or {}), x.get("score"), None)
            )
        else:
            entries.append(("new", hid, eid, None, None, None, failure))
    for eid in sorted(set(gone_event_ids) - new_ids):
        if eid in old_links:
            entries.append(
                ("drop", old_links[eid], eid, None, None, None, "its article was re-coded without it")
            )
    io.log(entries)
    return LinkResult(
        happenings_new=sum(1 for h in changed if h.id not in before),
        happenings_changed=sum(1 for h in changed if h.id in before),
        happenings_removed=len(removed),
        merges=sum(1 for e in entries if e[0] == "merge"),
        happenings_read=len(hids),
        members_read=io.members_read,
        shapes_read=io.shapes_read,
    )


def _own(
    eid: str,
    aid: Any,
    day: Any,
    precision: Any,
    source: Any,
    ev_start: Any,
    ev_end: Any,
    tr_start: Any,
    tr_end: Any,
) -> dict[str, Any]:
    """The fields of a member event its shape does not cover, from its flat columns."""
    trigger = {k: v for k, v in (("start", tr_start), ("end", tr_end)) if v is not None}
    return {
        "id": eid,
        "article_id": aid,
        "date": r.iso(day),  # the date column holds the day a month or year date names
        "date_precision": precision,
        "date_source": source,
        "evidence": {"start": ev_start, "end": ev_end, "trigger": trigger},
    }


def _loads(value: Any, default: Any) -> Any:
    return json.loads(value) if isinstance(value, str) and value else default


class HappeningsMixin:
    """Happening reads and hand corrections for ``SqlStore`` (uses its ``_dicts``, ``_all``, ``_transaction``)."""

    if TYPE_CHECKING:
        _lock: threading.RLock

        def _all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...
        def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...
        def _connection(self) -> Any: ...
        def _transaction(self) -> AbstractContextManager[Any]: ...
        def _in_list(self, con: Any, sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]: ...

    def _happening_rows(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        out = []
        for d in self._dicts(sql, params):
            src = _loads(d.pop("sources"), {})
            d["actors"] = _loads(d["actors"], [])
            d["recipients"] = _loads(d["recipients"], [])
            d["location"] = _loads(d["location"], None)
            d["sources"] = src.get("outlets", [])
            d["articles"] = src.get("articles", [])
            out.append(d)
        return out

    def happenings(
        self,
        *,
        dyad: tuple[str, str] | None = None,
        actor: str | None = None,
        since: _dt.date | None = None,
        until: _dt.date | None = None,
        event_type: str | None = None,
        min_sources: int | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """One record per happening (type, date, parties, place, mentions, articles, sources), by date and id."""
        where: list[str] = []
        params: list[Any] = []
        party = "EXISTS (SELECT 1 FROM happening_parties p WHERE p.happening_id = h.id AND p.party = ?)"
        for code in (dyad or ()) + ((actor,) if actor else ()):
            where.append(party)
            params.append(code)
        if since is not None:
            where.append("h.date >= ?")
            params.append(since)
        if until is not None:
            where.append("h.date <= ?")
            params.append(until)
        if event_type:
            where.append("h.event = ?")
            params.append(event_type)
        if min_sources:
            where.append("h.n_sources >= ?")
            params.append(min_sources)
        sql = _LIST_SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY h.date, h.id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        if offset:
            sql += " OFFSET ?"
            params.append(int(offset))
        return self._happening_rows(sql, params)

    def happening(self, happening_id: str) -> dict[str, Any] | None:
        """One happening with its mentions (event, article, outlet, evidence), explanation and log."""
        rows = self._happening_rows(_LIST_SQL + " WHERE h.id = ?", [happening_id])
        if not rows:
            return None
        h = rows[0]
        extra = self._all("SELECT explanation, excluded FROM happenings WHERE id = ?", [happening_id])
        h["explanation"] = _loads(extra[0][0], [])
        h["excluded"] = _loads(extra[0][1], [])
        mentions = []
        for eid, aid, title, url, source, adate, record in self._all(
            "SELECT he.event_id, he.article_id, a.title, a.url, a.source, a.date, e.record"
            " FROM happening_events he JOIN events e ON e.id = he.event_id"
            " LEFT JOIN articles a ON a.id = he.article_id WHERE he.happening_id = ? ORDER BY he.event_id",
            [happening_id],
        ):
            e = r.event_from_record(record)
            ev = e.get("evidence") or {}
            mentions.append(
                {
                    "event_id": eid,
                    "article_id": aid,
                    "title": title,
                    "url": url,
                    "source": source,
                    "article_date": r.iso(adate),
                    "date": e.get("date"),
                    "event": e.get("event"),
                    "cameo": e.get("cameo"),
                    "modality": e.get("modality"),
                    "evidence": ev.get("text"),
                    "trigger": (ev.get("trigger") or {}).get("text"),
                }
            )
        h["mentions"] = mentions
        h["log"] = self.dedup_log(happening_id=happening_id)
        return h

    def happening_of(self, event_id: str) -> dict[str, Any] | None:
        """The happening an event is a mention of, with all its mentions."""
        rows = self._all("SELECT happening_id FROM happening_events WHERE event_id = ?", [event_id])
        return self.happening(rows[0][0]) if rows else None

    def event_happenings(self, event_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """``{event_id: {"happening_id", "sources", "n_sources"}}`` for the linked ones among ``event_ids``."""
        ids = sorted(set(event_ids))
        out: dict[str, dict[str, Any]] = {}
        with self._lock:
            con = self._connection()
            rows = self._in_list(
                con,
                "SELECT he.event_id, he.happening_id, h.sources, h.n_sources FROM happening_events he"
                " JOIN happenings h ON h.id = he.happening_id WHERE he.event_id IN ({values})",
                ids,
            )
        for eid, hid, sources, n in rows:
            out[eid] = {
                "happening_id": hid,
                "sources": _loads(sources, {}).get("outlets", []),
                "n_sources": n,
            }
        return out

    def dedup_log(
        self, *, happening_id: str | None = None, event_id: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Merge-log entries, newest last."""
        where, params = [], []
        if happening_id:
            where.append("happening_id = ?")
            params.append(happening_id)
        if event_id:
            where.append("event_id = ?")
            params.append(event_id)
        sql = "SELECT " + ", ".join(r.quote(c) for c in LOG_COLUMNS) + " FROM dedup_log"
        sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY seq"
        rows = self._dicts(sql, params)
        for d in rows:
            d["rules"] = _loads(d["rules"], None)
        return rows[-limit:] if limit else rows

    def dedup_counts(self) -> dict[str, int]:
        """happenings, linked events, unlinked events, log entries."""
        one = self._all
        return {
            "happenings": int(one("SELECT COUNT(*) FROM happenings")[0][0]),
            "linked_events": int(one("SELECT COUNT(*) FROM happening_events")[0][0]),
            "unlinked_events": int(
                one(
                    "SELECT COUNT(*) FROM events e WHERE NOT EXISTS"
                    " (SELECT 1 FROM happening_events he WHERE he.event_id = e.id)"
                )[0][0]
            ),
            "log_entries": int(one("SELECT COUNT(*) FROM dedup_log")[0][0]),
        }

    def link_unlinked(self) -> LinkResult:
        """Assign every stored event that belongs to no happening (e.g. after migrating a version-1 store)."""
        with self._transaction() as con:
            io = _Io(self, con)
            records = [
                r.event_from_record(row[0])
                for row in io.rows(
                    "SELECT e.record FROM events e WHERE NOT EXISTS"
                    " (SELECT 1 FROM happening_events he WHERE he.event_id = e.id) ORDER BY e.id"
                )
            ]
            if not records:
                return LinkResult()
            return link(self, con, new_events=records, gone_event_ids=())

    def rebuild_happenings(self) -> LinkResult:
        """Forget every happening and cluster all stored events again from scratch (hand splits are lost)."""
        with self._transaction() as con:
            io = _Io(self, con)
            n = int(io.rows("SELECT COUNT(*) FROM happenings")[0][0])
            for t in ("happening_events", "happening_parties", "happenings"):
                io.rows(f"DELETE FROM {t}")
            records = [
                r.event_from_record(row[0]) for row in io.rows("SELECT record FROM events ORDER BY id")
            ]
            res = link(self, con, new_events=records, gone_event_ids=(), all_apart=True)
            io.log(
                [
                    (
                        "rebuild",
                        None,
                        None,
                        None,
                        None,
                        None,
                        f"{n} happenings replaced by {res.happenings_new}",
                    )
                ]
            )
            return dataclasses.replace(res, happenings_removed=n)

    def split_event(
        self, event_id: str, *, reason: str = "split by hand", _undo_of: int | None = None
    ) -> dict[str, Any]:
        """Take one mention out of its happening into a happening of its own; it never merges back there."""
        with self._transaction() as con:
            io = _Io(self, con)
            rows = io.rows("SELECT happening_id FROM happening_events WHERE event_id = ?", [event_id])
            if not rows:
                raise StoreError(
                    f"event {event_id} belongs to no happening", hint="check the id with `tieline events`"
                )
            hid = rows[0][0]
            h = io.load([hid]).get(hid)
            if h is None or len(h.mentions) < 2:
                raise StoreError(f"event {event_id} is the only mention of happening {hid}; nothing to split")
            rest, alone = dc.split(h, event_id)
            taken = {r_[0] for r_ in io.rows("SELECT id FROM happenings")}
            if alone.id in taken:
                alone = dataclasses.replace(alone, id=_fresh_id(f"split|{hid}|{event_id}", taken))
            io.write([rest, alone])
            (log_id,) = io.log(
                [
                    (
                        "undo" if _undo_of else "split",
                        rest.id,
                        event_id,
                        None,
                        None,
                        None,
                        f"{reason}; now happening {alone.id}",
                    )
                ]
            )
            target = _undo_of
            if target is None:
                last = io.rows(
                    "SELECT MAX(seq) FROM dedup_log WHERE event_id = ? AND happening_id = ? AND action = 'merge'"
                    " AND undone_by IS NULL",
                    [event_id, hid],
                )
                target = last[0][0] if last and last[0][0] is not None else None
            if target is not None:
                io.rows("UPDATE dedup_log SET undone_by = ? WHERE seq = ?", [log_id, target])
            pairs = {(event_id, m) for m in rest.mentions} | {(m, event_id) for m in rest.mentions}
            known = set(
                io.rows(
                    "SELECT event_id, other_id FROM dedup_apart WHERE event_id = ? OR other_id = ?",
                    [event_id, event_id],
                )
            )
            io.insert(
                "dedup_apart",
                ("event_id", "other_id", "log_seq"),
                [(a, b, log_id) for a, b in sorted(pairs - known)],
            )
            return {"happening": rest.id, "split_off": alone.id, "event_id": event_id, "log_id": log_id}

    def undo_merge(self, log_id: int) -> dict[str, Any]:
        """Undo the merge recorded in one ``dedup_log`` entry: its mention leaves the happening for good."""
        rows = self._dicts(
            "SELECT action, happening_id, event_id, undone_by FROM dedup_log WHERE seq = ?", [int(log_id)]
        )
        if not rows:
            raise StoreError(f"no merge-log entry {log_id}", hint="see `tieline dedup log`")
        entry = rows[0]
        if entry["action"] != "merge":
            raise StoreError(
                f"log entry {log_id} is a {entry['action']!r}, not a merge", hint="only merges can be undone"
            )
        if entry["undone_by"] is not None:
            raise StoreError(f"log entry {log_id} was already undone by entry {entry['undone_by']}")
        now_in = self._all(
            "SELECT happening_id FROM happening_events WHERE event_id = ?", [entry["event_id"]]
        )
        if not now_in or now_in[0][0] != entry["happening_id"]:
            raise StoreError(
                f"event {entry['event_id']} is no longer in happening {entry['happening_id']}",
                hint="it was re-coded or split since; see `tieline dedup log`",
            )
        return self.split_event(entry["event_id"], reason=f"undo of merge {log_id}", _undo_of=int(log_id))
