"""Why a sentence was or was not coded: the parse, the coder's decisions per candidate trigger, the roles, the
resolved actors, the modality and which event is the main one.

>>> import tieline
>>> ex = tieline.explain("Russian forces shelled Kharkiv on Sunday.", date="2024-01-24")
>>> ex.sentences[0].candidates[0].pattern  # 'verbs.yaml#… ...'

Everything comes from one real run of the pipeline with a :class:`~tieline.events.trace.CoderTrace` passed to the
coder, so the events shown are exactly those ``tieline code`` gives for the same text and date.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..model import Actor, Article, Event, Token
from ..parse import Tree
from .coder import FUTURE, MODAL_HYPOTHETICAL, Coder, Draft, _no_determiner
from .trace import CoderTrace, Step

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["ActorView", "Candidate", "Explanation", "SentenceView", "TokenView", "explain"]


@dataclass
class TokenView:
    """One token of the compact parse; ``head`` is the article-wide index of its head (itself for the root)."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent: str = ""


@dataclass
class ActorView:
    """A resolved participant and why the resolver chose it."""

    text: str
    start: int
    end: int
    name: str
    country: str | None
    sector: str | None
    kind: str
    code: str
    role: str | None
    why: str

    @classmethod
    def of(cls, a: Actor) -> ActorView:
        return cls(a.text, a.start, a.end, a.name, a.country, a.sector, a.kind, a.code, a.role, a.why)


@dataclass
class Candidate:
    """A trigger the coder considered, and what became of it.

    ``outcome``: ``event`` (coded), ``no-pattern`` (a verb with no entry in verbs.yaml), ``no-match`` (patterns
    exist, none fits; ``tried`` says why each failed), ``dropped`` (``why``), ``merged`` (completed another event
    of the sentence), ``duplicate`` (same trigger and roles as an earlier event), ``filtered`` (below the
    configured minimum confidence), ``skipped`` (sentence too long)."""

    token: int
    text: str
    start: int
    end: int
    kind: str  # verb | noun | sentence
    outcome: str
    why: str = ""
    pattern: str | None = None
    tried: list[dict[str, str]] = field(default_factory=list)
    cameo: str | None = None
    cameo_name: str | None = None
    plover: str | None = None
    roles: list[str] = field(default_factory=list)
    actors: list[ActorView] = field(default_factory=list)
    recipients: list[ActorView] = field(default_factory=list)
    attribution: list[ActorView] = field(default_factory=list)
    modality: str | None = None
    modality_cue: dict[str, Any] | None = None  # {text, start, end} of the word that sets the modality
    embedded: bool = False
    background: bool = False
    date: str | None = None  # the event's date, its precision and where it came from (text | article)
    date_source: str | None = None
    place: dict[str, Any] | None = None  # the event's location record, if any
    score: float | None = None  # the coder's raw ranking score (data/confidence.yaml)
    confidence: float | None = None
    event_id: str | None = None
    reason: str | None = None
    main: bool = False
    rank: str = ""  # for a coded event that is not the main one: why it ranks lower


@dataclass
class SentenceView:
    index: int
    start: int
    end: int
    text: str
    tokens: list[TokenView]
    candidates: list[Candidate]
    main_event: str | None = None  # id of the sentence's main event


@dataclass
class Explanation:
    """The record ``tieline explain`` prints; every span is an offset into ``text``."""

    text: str
    date: str | None
    coder: str
    sentences: list[SentenceView]
    events: list[dict[str, Any]]
    main_event: str | None = None  # the article's main event (the evaluation protocol's rule)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def explain(
    text: str | Article,
    *,
    date: _dt.date | str | None = None,
    pipeline: Pipeline | None = None,
) -> Explanation:
    """Code ``text`` (a sentence, a whole article or a parsed :class:`Article`) with a trace and explain it."""
    if isinstance(date, str):
        try:
            date = _dt.date.fromisoformat(date)
        except ValueError:
            raise UsageError(f"date {date!r} is not a date", hint="use YYYY-MM-DD, e.g. 2024-01-24") from None
    if pipeline is None:
        from ..pipeline import load

        pipeline = load()
    article = text if isinstance(text, Article) else Article.create(text, date=date)
    if not article.text.strip():
        raise UsageError(
            "nothing to explain: the text is empty", hint='give a sentence, e.g. "X attacked Y."'
        )
    if not article.tokens:
        article = pipeline.nlp.parse(article)
    trace = CoderTrace()
    events = pipeline.code_parsed(article, date=date, trace=trace)
    return _build(article, pipeline.coder, trace, events)


def _build(article: Article, coder: Coder, trace: CoderTrace, events: list[Event]) -> Explanation:
    tree = Tree.of(article)
    toks = article.tokens
    kept = {id(e) for e in events}
    cands: dict[tuple[int, str | None], Candidate] = {}
    by_event: dict[int, Candidate] = {}
    for step in trace.steps:
        if step.stage == "dedup":
            c = next((c for eid, c in by_event.items() if eid == id(step.event)), None)
            if c is not None:
                c.outcome, c.why = "duplicate", step.why
            continue
        key = (step.token, step.pattern)
        c = cands.get(key)
        if c is None:
            c = cands[key] = _candidate(article, step)
        _apply(c, step, coder, tree, article.text)
        if step.outcome == "event" and step.event is not None:
            by_event[id(step.event)] = c
            if id(step.event) not in kept:
                c.outcome, c.why = (
                    "filtered",
                    "confidence below the configured minimum (TIELINE_MIN_CONFIDENCE)",
                )
    # verbs the lexicon has nothing for: the first reason a sentence is not coded
    seen_tokens = {k[0] for k in cands}
    for t in toks:
        lemma = (t.lemma or t.text).lower()
        if t.pos == "VERB" and t.i not in seen_tokens and not coder.lexicon.verbs(lemma):
            why = f"no verb pattern for the lemma '{lemma}' in events/data/verbs.yaml"
            if lemma in coder.reporting:
                why += "; a reporting verb: its subject is the attribution of the reported event"
            elif lemma in coder.aspectual:
                why += "; an aspectual verb: its complement is the event"
            cands[(t.i, None)] = Candidate(t.i, t.text, t.start, t.end, "verb", "no-pattern", why)
    sentences: list[SentenceView] = []
    for si, s in enumerate(article.sentences):
        mine = sorted(
            (c for c in cands.values() if s.tok_start <= c.token < s.tok_end), key=lambda c: (c.start, c.kind)
        )
        main = _rank(mine)
        sentences.append(
            SentenceView(
                si,
                s.start,
                s.end,
                article.text[s.start : s.end],
                [_token_view(toks[k]) for k in range(s.tok_start, s.tok_end)],
                mine,
                main,
            )
        )
    all_coded = [c for sv in sentences for c in sv.candidates if c.outcome == "event"]
    top = min(all_coded, key=lambda c: (-(c.confidence or 0.0), c.start), default=None)
    return Explanation(
        text=article.text,
        date=article.date.isoformat() if article.date else None,
        coder=coder.version,
        sentences=sentences,
        events=[e.to_dict() for e in events],
        main_event=top.event_id if top is not None else None,
    )


def _token_view(t: Token) -> TokenView:
    return TokenView(t.i, t.text, t.start, t.end, t.lemma, t.pos, t.tag, t.dep, t.head, t.ent_type)


def _candidate(article: Article, step: Step) -> Candidate:
    t = article.tokens[step.token] if 0 <= step.token < len(article.tokens) else None
    kind = step.stage if step.stage in ("verb", "noun") else "sentence"
    d = step.draft
    if isinstance(d, Draft):
        kind = d.kind
    if t is None:
        return Candidate(step.token, "", 0, 0, kind, step.outcome, step.why)
    return Candidate(step.token, t.text, t.start, t.end, kind, step.outcome, step.why)


def _apply(c: Candidate, step: Step, coder: Coder, tree: Tree, text: str) -> None:
    """Update a candidate with a later decision about it (a draft, then its event or why it was dropped)."""
    c.outcome = step.outcome
    if step.outcome != "draft":
        c.why = step.why
    if step.pattern is not None:
        c.pattern = step.pattern
    if step.tried:
        c.tried = [{"pattern": p, "why": w} for p, w in step.tried]
    d = step.draft
    if isinstance(d, Draft):
        if coder.ontology.has_code(d.code):
            cameo = coder.ontology.cameo(d.code)
            c.cameo, c.cameo_name, c.plover = cameo.code, cameo.name, cameo.plover
        c.roles = list(d.roles)
        c.actors = [ActorView.of(a) for a in d.actors]
        c.recipients = [ActorView.of(a) for a in d.recipients]
        c.attribution = [ActorView.of(a) for a in d.attribution]
        c.modality = d.modality
        refused = any(r.startswith("negated cooperation") for r in d.roles)  # "will not accept": a rejection
        c.modality_cue = _modality_cue(coder, tree, d.trigger, "negated" if refused else d.modality)
        c.embedded, c.background = d.embedded, d.background
        c.score = round(coder.raw_score(d), 3)
        tok = tree.tokens[d.trigger]
        end_tok = tree.tokens[max(d.trigger, d.trigger_end)]
        c.start, c.end, c.text = tok.start, end_tok.end, text[tok.start : end_tok.end]
    e = step.event
    if isinstance(e, Event) and step.outcome == "event":
        c.cameo, c.plover, c.confidence, c.event_id, c.reason = e.cameo, e.event, e.confidence, e.id, e.reason
        c.actors = [ActorView.of(a) for a in e.actor]
        c.recipients = [ActorView.of(a) for a in e.recipient]
        c.attribution = [ActorView.of(a) for a in e.attribution]
        c.modality = e.modality
        c.date, c.date_source = f"{e.date} ({e.date_precision})", e.date_source
        c.place = e.location.to_dict() if e.location is not None else None
        c.start, c.end = int(e.evidence.trigger["start"]), int(e.evidence.trigger["end"])
        c.text = str(e.evidence.trigger["text"])


def _rank(cands: list[Candidate]) -> str | None:
    """Mark the sentence's main event (highest confidence, ties: earliest trigger) and say why the others rank
    lower."""
    coded = [c for c in cands if c.outcome == "event"]
    if not coded:
        return None
    main = min(coded, key=lambda c: (-(c.confidence or 0.0), c.start))
    main.main = True
    for c in coded:
        if c is main:
            continue
        if c.confidence == main.confidence:
            parts = [
                f"below the main event '{main.text}' (same confidence {c.confidence}; the earlier trigger wins)"
            ]
        else:
            parts = [f"below the main event '{main.text}' (confidence {c.confidence} vs {main.confidence})"]
        embedded = next((r for r in c.roles if r.startswith("embedded under")), None)
        if embedded:
            parts.append(embedded)
        elif c.background:
            parts.append("in a background clause")
        c.rank = "; ".join(parts)
    return main.event_id


def _modality_cue(coder: Coder, tree: Tree, i: int, modality: str) -> dict[str, Any] | None:
    """The word that sets the modality: a negation, a modal or future auxiliary, a governing cue verb ("pledged
    to", "threatened to", "refused to", "urged ... to") or a conditional "if"."""
    if modality == "asserted":
        return None
    cues: frozenset[str] = {
        "negated": coder.negating_cues,
        "pledged": coder.pledge_cues,
        "threatened": coder.threat_cues,
        "hypothetical": coder.hypo_cues | coder.requested,
    }.get(modality, frozenset())
    aux_words = {
        "negated": frozenset(),
        "pledged": FUTURE | {"would"},
        "hypothetical": MODAL_HYPOTHETICAL,
    }.get(modality, frozenset())

    def ref(k: int) -> dict[str, Any]:
        t = tree.tokens[k]
        return {"text": t.text, "start": t.start, "end": t.end}

    if modality == "negated" and _no_determiner(tree, tree.tokens[i]):
        # "no arrests were made", "carried out no air strikes": "no" on the act's noun or on its verb's object
        for n in (i, *(o.i for o in tree.kids(i, "dobj"))):
            for k in tree.kids(n, "det"):
                if k.lower == "no" and (n != i or tree.tokens[i].pos in ("NOUN", "PROPN")):
                    return ref(k.i)
    cur = i
    for _ in range(7):
        for k in tree.kids(cur, "neg", "aux", "mark"):
            if modality == "negated" and k.dep == "neg":
                return ref(k.i)
            if k.dep == "aux" and k.lower in aux_words:
                return ref(k.i)
            if modality == "hypothetical" and k.dep == "mark" and k.lower in ("if", "unless"):
                return ref(k.i)
        if cur != i and (tree.tokens[cur].lemma or tree.tokens[cur].text).lower() in cues:
            return ref(cur)
        h = tree.head(cur)
        if h is None:
            break
        cur = h.i
    return None
