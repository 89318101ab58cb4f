"""Who is who, on the date of the event.

The resolver finds actor mentions in an article (knowledge-base aliases, named entities, titles and
sector nouns), and turns the noun phrase that fills an event role into an :class:`~tieline.model.Actor`:
a country, a capital or seat of power standing for its government, an organisation, an armed group, a
person with the role held on the event date, or a sector agent ("Burundian militiamen").
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..geo.locate import dateline_end
from ..model import Actor, Article, Token
from ..parse import Tree
from .kb import AliasHit, KnowledgeBase, Person

__all__ = ["ActorMention", "ArticleActors", "Resolver", "norm_key", "stance_affix"]

_DASH_CHARS = "-‐‑–—"
_DASHES = re.compile(rf"\s*[{_DASH_CHARS}]\s*")
MAX_ALIAS_TOKENS = 10

# Which knowledge-base kind wins when one surface string has several readings.
KIND_RANK = {
    "person": 0,
    "armed_group": 1,
    "org": 2,
    "seat": 3,
    "country": 4,
    "capital": 5,
    "demonym": 6,
    "title": 7,
    "sector": 8,
}
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
THING_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
GROUP_NOUNS = frozenset(
    {"group", "militants", "militant", "insurgents", "rebels", "fighters", "jihadists", "extremists", "terrorists",
     "militia", "militias", "organisation", "organization", "movement"}
)  # fmt: skip
COUNTRY_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic"})
COUNTRY_NOUNS_PLURAL = frozenset(
    {"countries", "nations", "states", "sides", "parties", "governments", "allies"}
)
HUMAN_NOUNS = frozenset(
    {"leader", "leaders", "official", "officials", "people", "group", "groups", "member", "members", "party",
     "parties", "side", "sides", "community", "communities", "faction", "factions", "organization", "organisation",
     "agency", "council", "committee", "commission", "administration", "union", "association", "federation",
     "coalition", "alliance", "movement", "front", "league", "board", "court", "tribunal", "assembly", "congress",
     "parliament", "senate", "cabinet", "ministry", "department", "office", "authority", "authorities",
     "delegation", "envoy", "envoys", "representative", "representatives", "spokesman", "spokeswoman",
     "spokesperson", "worker", "workers", "student", "students", "farmer", "farmers", "villager", "villagers",
     "resident", "residents", "citizen", "citizens", "national", "nationals", "prisoner", "prisoners", "hacker",
     "hackers", "landowner", "landowners", "activist", "activists", "supporter", "supporters", "voter", "voters",
     "man", "men", "woman", "women", "child", "children", "gunman", "gunmen", "attacker", "attackers", "bomber",
     "bombers", "kidnapper", "kidnappers", "company", "firm", "bank", "newspaper", "network", "station",
     "doctor", "doctors", "nurse", "nurses", "missionary", "missionaries", "journalist", "journalists", "reporter",
     "reporters", "diplomat", "diplomats", "priest", "priests", "cleric", "clerics", "monk", "monks", "teacher",
     "teachers", "lawyer", "lawyers", "observer", "observers", "inspector", "inspectors", "monitor", "monitors",
     "negotiator", "negotiators", "mediator", "mediators", "elder", "elders", "chief", "chiefs", "politician",
     "politicians", "lawmaker", "lawmakers", "deputy", "deputies", "volunteer", "volunteers", "employee",
     "employees", "staff", "crew", "crews", "pilgrim", "pilgrims", "tourist", "tourists", "settler", "settlers",
     "tribesman", "tribesmen", "fisherman", "fishermen", "clan", "clans", "tribe", "tribes", "institute", "foundation", "charity", "agencies",
     "follower", "followers", "fundamentalist", "fundamentalists", "loyalist", "loyalists", "opponent", "opponents",
     "believer", "believers", "veteran", "veterans"}
)  # fmt: skip
QUANTITY_HEADS = frozenset(
    {"thousands", "hundreds", "dozens", "scores", "millions", "tens", "number", "crowd", "crowds", "group", "groups",
     "band", "unit", "contingent", "delegation", "team", "members", "some", "many", "most", "all", "several"}
)  # fmt: skip
# "the Biden administration", "the Blair government", "the Obama White House": a leader's name before one of these
# heads stands for that leader's country's government
GOVERNMENT_HEADS = frozenset({"administration", "government", "cabinet", "regime", "junta", "presidency"})
COUNTERPART = frozenset({"counterpart", "counterparts", "opposite number", "equivalent"})
# Nouns for a party in relation to another: the possessor is that other party ("Israel's militia ally in southern
# Lebanon", "Iraq's neighbours", "Moscow's rivals"), so its country is not the referent's
RELATIONAL_NOUNS = frozenset(
    {"ally", "allies", "partner", "partners", "neighbour", "neighbours", "neighbor", "neighbors", "rival", "rivals",
     "enemy", "enemies", "foe", "foes", "adversary", "adversaries", "opponent", "opponents", "proxy", "proxies",
     "client", "clients", "protege", "protégé"}
)  # fmt: skip
# sectors of armed and security bodies, named by a cue of several words ("military intelligence agency", "armed men")
SECURITY_SECTORS = frozenset({"MIL", "COP", "SPY", "UAF", "REB", "INS"})
# A country word that states a stance or who stands behind someone names no nationality: "an anti-Syria
# journalist", "pro-Russian separatists", "Iranian-backed militias", "the Israeli-occupied West Bank"
STANCE_PREFIXES = frozenset({"anti", "pro", "non"})
BACKER_PARTICIPLES = frozenset(
    {"backed", "occupied", "held", "controlled", "supported", "sponsored", "allied", "trained", "armed", "funded",
     "financed", "friendly", "leaning", "aligned", "installed", "appointed", "annexed", "administered"}
)  # fmt: skip
# Careful fuzzy matching of misspelt names ("Afganistan", "Bouteflicka", "Ethopia"): one edit (a letter added, dropped,
# changed, or two neighbours swapped), the same first letter, only against names of these kinds whose key is at least
# this long (a name one letter shorter may be reached from a longer misspelling; people's names are longer, and short names are too close to each other: Iran / Iraq, Mali / Bali), only
# for capitalised proper-noun words no alias matches exactly, and only when one entry is that close.
FUZZY_MIN_LEN = {"country": 6, "demonym": 6, "capital": 6, "org": 6, "armed_group": 6, "person": 9}


@functools.lru_cache(maxsize=65536)
def norm_key(text: str) -> str:
    """Case-folded, accent-folded surface key used by the alias index (cached: the same surface strings recur)."""
    text = _norm_stem(text)
    if text.endswith("'s"):
        return text[:-2]
    if text.endswith("'"):
        return text[:-1]
    return text


@functools.lru_cache(maxsize=65536)
def _norm_stem(text: str) -> str:
    """``norm_key`` before a possessive ending is taken off: a stretch of text that goes on after a space keeps
    this as its start (what the scan's pruning relies on, see ``Resolver._widths``)."""
    if text.isascii():  # most surfaces: NFKD changes nothing and there are no combining marks
        text = text.replace("`", "'")
        if "-" in text:  # the only one of the dashes in ASCII
            text = _DASHES.sub("-", text)
    else:
        text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = _DASHES.sub("-", text)
    # whitespace runs to one space, stripped (what ``re.sub(r"\s+", " ", text).strip()`` gives: ``\s`` and
    # ``str.split()`` both split on ``str.isspace`` characters)
    text = " ".join(text.split()).lower()
    if text.startswith("the "):
        text = text[4:]
    return text


@functools.lru_cache(maxsize=65536)
def _lead_word(text: str) -> str:
    """The first word of a token's alias key (a hyphen is a word), '' for none: an alias can start at the token
    only when this is the first word of some alias key."""
    words = norm_key(text).replace("-", " - ").split()
    return words[0] if words else ""


@dataclass
class ActorMention:
    """A stretch of text that names or describes a possible actor."""

    tok_start: int
    tok_end: int
    start: int
    end: int
    kind: str  # a KIND_RANK key, or ner_person / ner_org / pronoun
    hit: AliasHit | None = None
    actor: Actor | None = None  # resolved template (offsets of the mention itself)


@dataclass
class ArticleActors:
    """Actor mentions of one article, indexed by token."""

    mentions: list[ActorMention] = field(default_factory=list)
    by_token: dict[int, ActorMention] = field(default_factory=dict)
    # token -> (the gazetteer's name, ISO3) of a single name the parser tagged PERSON that is a place
    places: dict[int, tuple[str, str]] = field(default_factory=dict)

    def add(self, m: ActorMention) -> None:
        self.mentions.append(m)
        for i in range(m.tok_start, m.tok_end):
            self.by_token.setdefault(i, m)

    def at(self, i: int) -> ActorMention | None:
        return self.by_token.get(i)


class Resolver:
    """Finds and resolves actors. Build once per knowledge base; ``scan`` once per article."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        index: dict[str, list[AliasHit]] = defaultdict(list)
        first_words: set[str] = set()
        max_len = 1
        for alias, hit in kb.iter_aliases():
            key = norm_key(alias)
            if not key:
                continue
            index[key].append(hit)
            words = key.replace("-", " - ").split()
            first_words.add(words[0])
            max_len = max(max_len, len(words) + key.count("-"))
        self._index = dict(index)
        self._first = frozenset(first_words)
        # the stretches of an alias key before one of its spaces: a stretch of text whose key is none of these,
        # followed by a space and a word, starts no alias (``_widths``)
        self._goes_on = frozenset(key[:p] for key in self._index for p, ch in enumerate(key) if ch == " ")
        self._max_len = min(max_len, MAX_ALIAS_TOKENS)
        # tieline.geo.Geocoder, set by the pipeline with the coder's: a misspelling is never a real place's name
        self.geocoder: Any = None

    def cameo_country(self, code: str | None) -> str:
        """The CAMEO country code for an ISO3 (or CAMEO) code; '' when unknown."""
        c = self.kb.country(code) if code else None
        return (c.cameo or c.iso3) if c else ""

    def diplomat(self, text: str) -> bool:
        """Whether a phrase names a diplomat by title ("Ambassador X", "the special envoy"): someone who usually
        serves abroad, so the country where they speak is not theirs."""
        words = [w for w in text.replace(",", " ").split() if w.lower() not in ("the", "a", "an")]
        for n in (3, 2, 1):
            for k in range(0, max(0, len(words) - n) + 1):
                tr = self.kb.title_role(" ".join(words[k : k + n]))
                if tr is not None and tr.key == "ambassador":
                    return True
        return False

    def _coded(
        self, text: str, start: int, end: int, country: str | None, sector: str | None, kind: str, why: str
    ) -> Actor:
        """An actor named by ``text`` of ``country`` (ISO3) and ``sector``, coded CAMEO style: the country's
        CAMEO code followed by the sector ("KENGOV"; only the country's code without a sector)."""
        cc = self.cameo_country(country) or (country or "")
        return Actor(text, start, end, text, country, sector, kind, f"{cc}{sector or ''}", why=why)

    # -- scanning --------------------------------------------------------------------------------
    def scan(self, article: Article, tree: Tree, date: _dt.date | None) -> ArticleActors:
        """Find every actor mention in the article, longest match first, and resolve each."""
        out = ArticleActors()
        toks = article.tokens
        text = article.text
        n = len(toks)
        i = 0
        firsts = self._first
        while i < n:
            t = toks[i]
            if t.pos in ("PUNCT", "SPACE") or _lead_word(t.text) not in firsts:
                i += 1
                continue
            found: tuple[int, list[AliasHit]] | None = None
            for width in reversed(self._widths(toks, text, i)):  # the longest that names an entry
                hits = self.kb.lookup(text[t.start : toks[i + width - 1].end])
                if hits:
                    found = (width, hits)
                    break
            if found is None:
                i += 1
                continue
            width, hits = found
            hit = self._choose(_in_office_first(hits, date), toks[i : i + width], _alone(toks, i, i + width))
            if (
                hit is None
                or self._us_state(hit, article, i, i + width)
                or _stance_affix(toks, i, i + width, hit)
                or self._in_place_name(hit, toks, text, i, i + width)
                or self._seat_in_foreign_name(hit, article, i, i + width)
            ):
                i += width
                continue
            m = ActorMention(i, i + width, t.start, toks[i + width - 1].end, hit.kind, hit)
            m.actor = self._actor_from_hit(hit, article, m.start, m.end, date)
            out.add(m)
            i += width
        self._fuzzy_mentions(out, article, date)
        # named entities the knowledge base does not know
        for ment in article.mentions:
            if ment.label not in ("PERSON", "ORG", "NORP", "GPE"):
                continue
            ti = _token_at(toks, ment.start)
            if ti is None or any(out.at(k) for k in range(ti, _token_end(toks, ment.end, ti))):
                continue
            tj = _token_end(toks, ment.end, ti)
            if ment.label == "PERSON":
                kind = "ner_person"
                earlier = _same_person(out, ment.text, ment.start)
                place = None if earlier is not None else self._person_tagged_place(toks, ti, tj, ment.text)
                if place is not None:
                    out.places[ti] = place
                    continue
                if earlier is not None:
                    m = ActorMention(
                        ti,
                        tj,
                        ment.start,
                        ment.end,
                        "person",
                        earlier.hit,
                        replace(
                            earlier.actor,
                            text=ment.text,
                            start=ment.start,
                            end=ment.end,
                            why=f"'{ment.text}' is {earlier.actor.name}, named earlier",
                        )
                        if earlier.actor
                        else None,
                    )
                    out.add(m)
                    continue
                actor = _unknown_actor(ment.text, ment.start, ment.end, "person")
            elif ment.label == "ORG":
                kind = "ner_org"
                actor = _unknown_actor(ment.text, ment.start, ment.end, "org")
            else:
                continue
            m = ActorMention(ti, tj, ment.start, ment.end, kind, None, actor)
            out.add(m)
        out.mentions.sort(key=lambda m: m.start)
        self._acronyms(out, article, tree, date)
        self._owned_bodies(out, article, tree, date)
        self._qualify_people(out, article, tree)
        return out

    def _widths(self, toks: Sequence[Token], text: str, i: int) -> list[int]:
        """The widths in tokens (ascending) of the stretches from token ``i`` whose key is an alias key, none
        crossing a line break. Going wider stops where the stretch so far is followed by a space and a word
        and its key (``_norm_stem``, before a possessive comes off) is not the start of any alias key up to one
        of its spaces: every wider stretch's key would start with it and a space. Not after a bare "the" (a
        wider key drops it) nor next to a dash (``norm_key`` closes up the spaces around one)."""
        index, goes_on = self._index, self._goes_on
        start = toks[i].start
        nl = text.find("\n", start)  # no surface crosses a line break
        n = len(toks)
        out: list[int] = []
        for width in range(1, min(self._max_len, n - i) + 1):
            end = toks[i + width - 1].end
            if 0 <= nl < end:
                break
            stem = _norm_stem(text[start:end])
            if stem.endswith("'s"):
                key = stem[:-2]
            elif stem.endswith("'"):
                key = stem[:-1]
            else:
                key = stem
            if key in index:
                out.append(width)
            if i + width < n and stem not in goes_on:
                nxt = toks[i + width]
                if (
                    nxt.start > end
                    and nxt.text[:1] not in _DASH_CHARS
                    and not nxt.text.isspace()
                    and stem != "the"
                    and stem[-1:] not in _DASH_CHARS
                ):
                    break
        return out

    def _qualify_people(self, out: ArticleActors, article: Article, tree: Tree) -> None:
        """A person the knowledge base does not know takes the country and sector the words around the name give
        ("Guyana's President Irfaan Ali"), on the mention itself, so that a later "his government" or "he" refers to
        a party of that country too (the event roles qualify the phrase again, with its own span)."""
        for m in out.mentions:
            if m.kind != "ner_person" or m.actor is None or m.actor.country:
                continue
            lo, hi = tree.np_span(m.tok_end - 1)
            q = self._qualified_person(m.actor, m, lo, hi, article, tree, out)
            if q.country:
                m.actor = q

    def _owned_bodies(self, out: ArticleActors, article: Article, tree: Tree, date: _dt.date | None) -> None:
        """A body the knowledge base does not know, owned by a state, an organisation or a state's sector that it
        does know, is that one's: "the US Navy's Fifth Fleet" -> the US Navy (USAMIL), "Hezbollah's Radwan Force"
        -> Hezbollah, so its pronouns refer to a known party too; a state's is the country's, not its government's
        ("Egypt's Muslim Brotherhood" -> EGY). Only a possessive outside the name counts."""
        for m in out.mentions:
            if m.kind != "ner_org" or m.actor is None:
                continue
            poss = next(
                (
                    p
                    for k in range(m.tok_start, m.tok_end)
                    if (p := tree.kid(k, "poss")) is not None and not m.tok_start <= p.i < m.tok_end
                ),
                None,
            )
            if poss is None or tree.is_pronoun(poss.i):
                continue
            owner = self.resolve(poss.i, article, tree, out, date)
            if owner is None or not owner.code or owner.kind == "person":
                continue
            if owner.kind == "sector" and not owner.country:
                continue
            why = f"'{m.actor.text}' is not in the knowledge base; a body of {owner.name} ({owner.why})"
            if owner.kind == "state" and owner.country:
                # "Egypt's Muslim Brotherhood": of the country, not of its government
                owner = replace(
                    owner, name=m.actor.name, kind="org", code=self.cameo_country(owner.country), sector=None
                )
            m.actor = replace(
                owner,
                text=m.actor.text,
                start=m.start,
                end=m.end,
                why=why,
            )

    @functools.cached_property
    def _fuzzy(self) -> dict[str, set[str]]:
        """One-deletion neighbourhood of every name fuzzy matching may reach or compete with: key variant -> keys
        (built on first use; a key shorter than five letters is two edits from any surface it may be tried on)."""
        least = min(FUZZY_MIN_LEN.values()) - 1
        fuzzy: dict[str, set[str]] = defaultdict(set)
        for key, hits in self._index.items():
            if len(key) >= least and any(h.kind in FUZZY_MIN_LEN for h in hits):
                fuzzy[key].add(key)
                for v in _deletions(key):
                    fuzzy[v].add(key)
        return dict(fuzzy)

    def fuzzy_lookup(self, surface: str) -> tuple[str, list[AliasHit]] | None:
        """The one known name ``surface`` misspells, as (its key, its hits), or None. ``surface`` must be
        capitalised and not a known alias itself; the name is one edit away, starts with the same letter, and is
        the only entry that close (see ``FUZZY_MIN_LEN``): "Afganistan" -> Afghanistan, but "Nigerien" stays
        Niger's (an exact alias) and "Austrai" matches nothing when two names are that close."""
        if not surface[:1].isupper():
            return None
        key = norm_key(surface)
        if len(key) < min(FUZZY_MIN_LEN.values()) or key in self._index or self.kb.lookup(surface):
            return None
        cands: set[str] = set()
        for v in (key, *_deletions(key)):
            cands |= self._fuzzy.get(v, set())
        found: list[tuple[str, AliasHit]] = []
        for c in sorted(cands):
            if c[0] != key[0] or _osa_distance(key, c) != 1:
                continue
            found.extend((c, h) for h in self._index[c] if h.kind in FUZZY_MIN_LEN)
        # every entry that close competes, even one fuzzy matching may not reach ("Nigera": Niger and Nigeria)
        if len({id(h.entry) for _, h in found}) != 1:
            return None
        # the longer of the two at least as long as the kind asks ("Quatar" -> Qatar; "Sedan" is not Sudan)
        found = [
            (c, h)
            for c, h in found
            if _fuzzy_target(h, c, self.kb) and max(len(c), len(key)) >= FUZZY_MIN_LEN[h.kind]
        ]
        if not found:
            return None
        best = found[0][0]
        return best, [h for c, h in found if c == best]

    def _fuzzy_mentions(self, out: ArticleActors, article: Article, date: _dt.date | None) -> None:
        """Misspelt names: runs of capitalised proper-noun tokens that no alias matched, tried longest first
        ("President Dos Sontas" -> "President dos Santos"; "Quatar" -> Qatar)."""
        toks = article.tokens
        text = article.text
        n = len(toks)
        i = 0
        while i < n:
            if out.at(i) is not None or toks[i].pos != "PROPN":
                i += 1
                continue
            j = i
            while j < n and out.at(j) is None and toks[j].pos == "PROPN" and "\n" not in toks[j].text:
                j += 1
            matched = False
            for width in range(min(j - i, MAX_ALIAS_TOKENS), 0, -1):
                for lo in range(i, j - width + 1):
                    hi = lo + width
                    surface = text[toks[lo].start : toks[hi - 1].end]
                    fz = self.fuzzy_lookup(surface)
                    if fz is not None and self._real_place(surface):
                        continue  # "Atlanta police": a city the gazetteer holds, not EUNAVFOR Atalanta misspelt
                    title = out.at(lo - 1) if lo == i and lo > 0 else None
                    if fz is None and title is not None and title.kind == "title":
                        # "President Dos Sontas": the knowledge base names him "President dos Santos"
                        fz = self.fuzzy_lookup(text[title.start : toks[hi - 1].end])
                    if fz is None:
                        continue
                    _key, hits = fz
                    hit = self._choose(_in_office_first(hits, date), toks[lo:hi], _alone(toks, lo, hi))
                    if hit is None:
                        continue
                    m = ActorMention(lo, hi, toks[lo].start, toks[hi - 1].end, hit.kind, hit)
                    a = self._actor_from_hit(hit, article, m.start, m.end, date)
                    if a is None:
                        continue
                    m.actor = replace(a, why=f"{a.why}; '{surface}' read as '{hit.alias}' (one letter off)")
                    out.add(m)
                    matched = True
                    break
                if matched:
                    break
            i = i if matched else j

    def _person_tagged_place(self, toks: list[Any], ti: int, tj: int, text: str) -> tuple[str, str] | None:
        """A single name the parser tagged PERSON that is a place: the knowledge base does not know it (no alias
        matched), the gazetteer holds a place (not a country) of that name, and it is the object of a verb or of a
        place preposition ("Russian forces shelled Zaporizhzhia", "fighting near Pokrovsk"). As (the gazetteer's
        name, its ISO3), or None. A surname of a person named earlier is that person (checked first)."""
        if tj - ti != 1 or self.geocoder is None:
            return None
        t = toks[ti]
        if t.dep == "pobj":
            if toks[t.head].lower not in PERSON_PLACE_PREPS:
                return None
        elif t.dep != "dobj":
            return None
        known = self.geocoder.resolve(text)
        if known is None or not known.country or known.precision == "country" or known.kind == "country":
            return None
        return known.name, known.country

    def _in_place_name(self, hit: AliasHit, toks: list[Any], text: str, lo: int, hi: int) -> bool:
        """Whether a country or capital at tokens [lo, hi) is part of the name of a place that the gazetteer holds
        with no country or another one: "the Gulf of Oman", "the South China Sea", "New Mexico", "Northern
        Ireland". Such a name says where something happened, not that country, and must not be an antecedent
        ("seized a tanker in the Gulf of Oman, accusing it of smuggling": not Oman). A region of the same country
        ("South Lebanon", "Kyiv Oblast") still names it."""
        iso3 = getattr(hit.entry, "iso3", None)
        if hit.kind not in ("country", "capital") or self.geocoder is None or not iso3:
            return False
        left = lo
        while left > 0 and lo - left < PLACE_NAME_REACH and _place_name_word(toks[left - 1]):
            left -= 1
        right = hi
        while right < len(toks) and right - hi < PLACE_NAME_REACH and _place_name_word(toks[right]):
            right += 1
        for a in range(left, lo + 1):
            if toks[a].lower in PLACE_NAME_LINKS:
                continue
            for b in range(right, hi - 1, -1):
                if (a, b) == (lo, hi) or toks[b - 1].lower in PLACE_NAME_LINKS:
                    continue
                surface = text[toks[a].start : toks[b - 1].end]
                known = self.geocoder.resolve(surface)
                if (
                    known is not None
                    and known.kind != "country"
                    and known.country != iso3
                    and _fold(known.name) == _fold(surface)
                ):
                    return True
        return False

    def _seat_in_foreign_name(self, hit: AliasHit, article: Article, lo: int, hi: int) -> bool:
        """Whether a seat of power at tokens [lo, hi) is a word of a named body that another country's name or
        demonym is part of: "the Zimbabwe Congress of Trade Unions", "the Peruvian Congress", "the Indian National
        Congress" are no US Congress. The seat is then no mention of its own; the body's words give its country (and
        its head word a sector). Needs the body to be one named entity (ORG) of the parse."""
        if hit.kind != "seat":
            return False
        toks = article.tokens
        seat_country = getattr(hit.entry, "country", None)
        for ment in article.mentions:
            if ment.label != "ORG" or not (ment.start <= toks[lo].start and toks[hi - 1].end <= ment.end):
                continue
            ti = _token_at(toks, ment.start)
            if ti is None:
                continue
            tj = _token_end(toks, ment.end, ti)
            for a in range(ti, tj):
                for b in range(a + 1, min(a + 4, tj) + 1):
                    if a < hi and b > lo:
                        continue  # the seat's own words
                    for h in self.kb.lookup(article.text[toks[a].start : toks[b - 1].end]):
                        iso3 = getattr(h.entry, "iso3", None)
                        if h.kind in ("country", "demonym") and iso3 and iso3 != seat_country:
                            return True
        return False

    def _real_place(self, surface: str) -> bool:
        """Whether the gazetteer holds a place under exactly the name ``surface`` (case and accents aside)."""
        if self.geocoder is None:
            return False
        known = self.geocoder.resolve(surface)
        return known is not None and _fold(known.name) == _fold(surface)

    def _acronyms(self, out: ArticleActors, article: Article, tree: Tree, date: _dt.date | None) -> None:
        """An acronym in parentheses after a name stands for that name: "the Nigerian Union of Teachers (NUT)" is
        a Nigerian body (and a later "it" or "NUT" is too), "Montenegro Municipality Association (AKK)" is not the
        German politician whose initials are AKK. A known organisation or group under the acronym stays as it is
        ("the Palestine Liberation Organization (PLO)")."""
        toks = article.tokens
        for m in list(out.mentions):
            lo, hi = m.tok_start, m.tok_end
            if lo < 1 or hi >= len(toks) or toks[lo - 1].text != "(" or toks[hi].text != ")":
                continue
            if m.kind in ("org", "armed_group") or not article.text[m.start : m.end].isupper():
                continue
            t = toks[hi - 1]
            h = t.head
            if t.dep != "appos" or lo <= h < hi or toks[h].pos not in ("NOUN", "PROPN"):
                continue
            # "the Ghana Association of Nurses (GAN)": the acronym hangs on the last word; the name's head is higher
            while toks[h].dep == "pobj" and toks[toks[h].head].lower == "of":
                g = toks[toks[h].head].head
                if toks[g].pos not in ("NOUN", "PROPN") or g == h:
                    break
                h = g
            for k in range(lo, hi):
                if out.by_token.get(k) is m:
                    del out.by_token[k]
            a = self.resolve(h, article, tree, out, date)
            text = article.text[m.start : m.end]
            if a is None or a.kind == "person":
                m.kind, m.hit, m.actor = "ner_org", None, _unknown_actor(text, m.start, m.end, "org")
            else:
                m.kind, m.hit = "ner_org", None
                kind = "org" if a.kind == "sector" and toks[h].pos == "PROPN" else a.kind  # a named body
                m.actor = replace(
                    a, text=text, start=m.start, end=m.end, kind=kind, why=f"'{text}' stands for '{a.text}'"
                )
            for k in range(lo, hi):
                out.by_token.setdefault(k, m)

    def _choose(self, hits: list[AliasHit], toks: list[Any], alone: bool = False) -> AliasHit | None:
        hits = sorted(hits, key=lambda h: KIND_RANK.get(h.kind, 9))
        best = hits[0]
        # a country name that spaCy reads as a person ("Jordan Henderson said", "Chad Smith") is a person; standing
        # alone, with no other name next to it ("Chad did not sign"), it is the country
        surface = " ".join(t.text for t in toks)
        if (
            best.kind in ("country", "capital")
            and best.ambiguous
            and all(t.ent_type == "PERSON" for t in toks)
            and not (alone and best.kind == "country")
        ):
            return None
        if not any(ch.isupper() for ch in surface) and best.kind not in ("title", "sector"):
            return None
        return best

    def _us_state(self, hit: AliasHit, article: Article, lo: int, hi: int) -> bool:
        """Whether a country name that is also a US state means the state here ("the governor of Georgia",
        "Atlanta, Georgia"): a cue word within four tokens, or a place of that state in the same sentence."""
        if hit.kind not in ("country", "demonym") or norm_key(hit.alias) not in self.kb.us_state_aliases:
            return False
        toks = article.tokens
        near = range(max(0, lo - 4), min(len(toks), hi + 4))
        if any(toks[k].lower in self.kb.us_state_cues for k in near if not lo <= k < hi):
            return True
        if lo >= 2 and toks[lo - 2].lower == "state" and toks[lo - 1].lower == "of":
            return True
        sent = next((s for s in article.sentences if s.tok_start <= lo < s.tok_end), None)
        if sent is None:
            return False
        return any(toks[k].lower in self.kb.us_state_places for k in range(sent.tok_start, sent.tok_end))

    def _actor_from_hit(
        self, hit: AliasHit, article: Article, start: int, end: int, date: _dt.date | None
    ) -> Actor | None:
        text = article.text[start:end]
        e: Any = hit.entry
        kind = hit.kind
        if kind in ("country", "demonym"):
            return Actor(
                text,
                start,
                end,
                e.name,
                e.iso3,
                None,
                "state",
                e.cameo or e.iso3,
                entity_id=f"country:{e.iso3}",
                why=f"{kind} of {e.name}",
            )
        if kind == "capital":
            return Actor(
                text,
                start,
                end,
                e.name,
                e.iso3,
                "GOV",
                "state",
                f"{e.cameo or e.iso3}GOV",
                entity_id=f"country:{e.iso3}",
                why=f"capital of {e.name}, standing for its government",
            )
        if kind == "seat":
            cc = self.cameo_country(e.country) or e.country
            return Actor(
                text,
                start,
                end,
                e.name,
                e.country,
                e.sector,
                "state",
                f"{cc}{e.sector or ''}",
                entity_id=f"seat:{e.name}",
                why=f"seat of power in {e.country}",
            )
        if kind == "org":
            okind = "igo" if e.kind in ("igo", "mission", "court") else "org"
            return Actor(
                text,
                start,
                end,
                e.name,
                e.country,
                e.sector,
                okind,
                e.code or "",
                entity_id=f"org:{e.id}",
                why=f"organisation {e.id}",
            )
        if kind == "armed_group":
            return Actor(
                text,
                start,
                end,
                e.name,
                e.country,
                e.sector or "REB",
                "armed_group",
                e.code or "",
                entity_id=f"group:{e.id}",
                why=f"armed group {e.id}",
            )
        if kind == "person":
            return self._person_actor(e, text, start, end, date, why=f"person {e.id}")
        return None

    def _person_actor(
        self, p: Person, text: str, start: int, end: int, date: _dt.date | None, *, why: str
    ) -> Actor:
        roles = p.roles_on(date) if date else []
        if roles:
            r = roles[0]
            tr = self.kb.title_role(r.title) or self.kb.title_role(r.role.replace("_", " "))
            sector = tr.sector if tr else "GOV"
            # an office in an organisation is coded as that organisation (IGOUNO), not as a country-less "GOV"
            country, base, is_org = self.kb.role_owner(r)
            rng = f"{r.start.isoformat()} to {r.end.isoformat() if r.end else 'present'}"
            return Actor(
                text,
                start,
                end,
                p.name,
                country,
                sector,
                "person",
                base if is_org else f"{base}{sector}",
                role=f"{r.title} ({rng})",
                wikidata=p.wikidata,
                entity_id=f"person:{p.id}",
                why=f"{why}; {r.title} of {r.holder_of} on {date}",
            )
        # no role on that date: the person is still known; nationality (or the one organisation) from the roles
        country_code, code = self.kb.person_home(p)
        return Actor(
            text,
            start,
            end,
            p.name,
            country_code,
            None,
            "person",
            code,
            wikidata=p.wikidata,
            entity_id=f"person:{p.id}",
            why=f"{why}; no office on {date}" if date else why,
        )

    # -- resolving an argument -------------------------------------------------------------------
    def resolve(
        self,
        head: int,
        article: Article,
        tree: Tree,
        actors: ArticleActors,
        date: _dt.date | None,
        *,
        peers: list[Actor] | None = None,
    ) -> Actor | None:
        """Resolve the noun phrase headed by token ``head`` to an actor (or None)."""
        t = article.tokens[head]
        toks = article.tokens
        toks[head]
        lo, hi = tree.np_span(head)
        start, end = tree.char_span(lo, hi)
        text = article.text[start:end]

        if head in actors.places:
            return None  # a place the parser tagged PERSON ("shelled Zaporizhzhia"): the coder reads it as a place
        # the head itself is (part of) a named actor
        m = actors.at(head)
        if m is not None and m.actor is not None and m.kind not in ("demonym", "title", "sector"):
            a = m.actor
            if a.kind == "person":
                # "German Foreign Minister Oskar Fischer", "Arab League Secretary-General X", "King X of Morocco"
                a = self._qualified_person(a, m, lo, hi, article, tree, actors)
            # a person with a title in front: keep the whole phrase as the span
            return replace(a, text=text, start=start, end=end)

        # appositions and compounds naming a person ("his Kenyan counterpart, Aden Bare Duale")
        for app in tree.kids(head, "appos"):
            ma = actors.at(app.i)
            if ma is not None and ma.actor is not None and ma.actor.kind == "person":
                base = self._nominal(head, article, tree, actors, date, peers, start, end, text)
                a = ma.actor
                if base is not None and a.country is None:
                    a = replace(a, country=base.country, code=base.code, sector=base.sector)
                return replace(a, text=text, start=start, end=end)

        if tree.is_pronoun(head):
            # "the three European countries said they would ...": the reporting verb's subject comes first when it
            # agrees; then the nearest fitting antecedent
            ra = self._reporter(head, article, tree, actors, date, start, end, text)
            if t.lower in PLURAL_PRONOUNS and self._reporter_subject(head, tree) is not None:
                return ra  # the plural subject of the reporting verb, even when it names no known actor
            pa = self._pronoun(head, article, actors, start, end, text, tree, name_span=True)
            return pa if pa is not None else ra

        # "thousands of protesters", "a group of soldiers": the complement names the actor
        if t.lower in QUANTITY_HEADS or t.pos == "NUM":
            for p in tree.kids(head, "prep"):
                if p.lower == "of":
                    obj = tree.kid(p.i, "pobj")
                    if obj is not None:
                        inner = self.resolve(obj.i, article, tree, actors, date, peers=peers)
                        if inner is not None:
                            return replace(inner, text=text, start=start, end=end)

        named = self._apposition_of_name(head, tree, actors)
        if named is not None:
            return replace(
                named, text=text, start=start, end=end, why=f"'{text}' is in apposition to {named.name}"
            )
        found = self._nominal(head, article, tree, actors, date, peers, start, end, text)
        if found is None and t.pos == "PROPN":
            # "Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded ...": a name the knowledge base
            # and the recogniser miss is what its apposition says it is
            for app in tree.kids(head, "appos"):
                alo, ahi = tree.np_span(app.i)
                astart, aend = tree.char_span(alo, ahi)
                by_app = self._nominal(
                    app.i, article, tree, actors, date, peers, astart, aend, article.text[astart:aend]
                )
                # a person or a body (or a place: "Gaza City, Palestinian Territories"), not a thing attributed to a
                # country ("the Maersk Hangzhou, a Singapore-flagged vessel")
                if (
                    by_app is not None
                    and (by_app.kind != "state" or t.ent_type in ("GPE", "LOC"))
                    and (by_app.country or by_app.kind in ("igo", "org", "armed_group"))
                ):
                    return replace(
                        by_app,
                        text=text,
                        start=start,
                        end=end,
                        why=f"'{text}': {by_app.why} (its apposition)",
                    )
        return found

    def _reporter(
        self,
        head: int,
        article: Article,
        tree: Tree,
        actors: ArticleActors,
        date: _dt.date | None,
        start: int,
        end: int,
        text: str,
    ) -> Actor | None:
        """A subject pronoun of a clause complement with no named antecedent refers to the subject of the governing
        verb when they agree in number: "The Fijian rebels said they will release ...", "Palestinian leaders
        vowed they would boycott ..." (the subject noun phrase is resolved as a nominal)."""
        found = self._reporter_subject(head, tree)
        if found is None:
            return None
        subj, gov = found
        a = self.resolve(subj.i, article, tree, actors, date)
        if a is None:
            return None
        return replace(a, why=f"'{text}' refers to the subject of '{gov.text}' ({a.text}); {a.why}")

    def _reporter_subject(self, head: int, tree: Tree) -> tuple[Any, Any] | None:
        """(subject, reporting verb) that the pronoun ``head`` (or the subject it possesses) refers to, when they
        agree in number; None otherwise."""
        t = tree.tokens[head]
        c = t  # the pronoun, or for a possessive ("they said their forces had ...") the subject it qualifies
        if t.dep == "poss" and t.head != head:
            c = tree.tokens[t.head]
        if c.dep not in ("nsubj", "nsubjpass") or c.head == c.i:
            return None
        v = tree.tokens[c.head]
        if v.dep != "ccomp" or v.head == v.i:
            return None
        gov = tree.tokens[v.head]
        if gov.pos not in ("VERB", "AUX"):
            return None
        subj, passive = tree.subject(gov.i)
        if subj is None or passive or subj.i in (head, c.i) or tree.is_pronoun(subj.i):
            return None
        plural = subj.tag in ("NNS", "NNPS") or len(tree.conjuncts(subj.i)) > 1
        if not plural and subj.lower in QUANTITY_HEADS:
            # "a group of Somali elders said they ...": a collective of people is referred to as "they"
            plural = any(
                o.tag in ("NNS", "NNPS")
                for p in tree.kids(subj.i, "prep")
                if p.lower == "of"
                for o in tree.kids(p.i, "pobj")
            )
        low = t.lower
        if low in PLURAL_PRONOUNS:
            if not plural:
                return None
        elif low in THING_PRONOUNS:
            if plural or subj.ent_type == "PERSON":
                return None
        elif low in PERSON_PRONOUNS:
            if plural or subj.ent_type not in ("PERSON", ""):
                return None
        else:
            return None
        return subj, gov

    def _apposition_of_name(self, head: int, tree: Tree, actors: ArticleActors) -> Actor | None:
        """The named actor a descriptive phrase stands in apposition to: "Jaish al-Adl, a Sunni militant group
        that has carried out attacks ..." (the relative clause's subject is the group)."""
        t = tree.tokens[head]
        if t.dep != "appos" or t.pos not in ("NOUN",) or t.head == head:
            return None
        m = actors.at(t.head)
        if m is None or m.actor is None or m.kind not in ("armed_group", "org", "country", "person"):
            return None
        return m.actor

    def _nominal(
        self,
        head: int,
        article: Article,
        tree: Tree,
        actors: ArticleActors,
        date: _dt.date | None,
        peers: list[Actor] | None,
        start: int,
        end: int,
        text: str,
    ) -> Actor | None:
        toks = article.tokens
        t = toks[head]
        lo, hi = tree.np_span(head)
        # modifiers in the noun phrase: a country, demonym, capital; a possessor
        country_actor: Actor | None = None
        country_by_city = (
            False  # the country is named by its capital or seat of power ("Khartoum", "the Kremlin")
        )
        named: Actor | None = None
        for k in range(lo, hi):
            if k == head:
                continue
            mk = actors.at(k)
            if mk is None or mk.actor is None:
                continue
            if mk.actor.kind == "state" and country_actor is None:
                if _possessor_of_relation(toks, mk):
                    continue  # "Israel's militia ally", "Iraq's neighbours": another party, not the possessor
                country_actor = mk.actor
                country_by_city = mk.kind in ("capital", "seat") and toks[k].dep == "compound"
            elif mk.actor.kind in ("person", "igo", "org", "armed_group") and named is None:
                named = mk.actor
        head_lower = t.lemma.lower() if t.lemma else t.lower
        # "opposition groups in Zimbabwe": a place phrase gives a sector agent or a title its country
        place_actor = None if country_actor is not None else self._place_modifier(head, tree, actors)
        # the title: the phrase without determiners, possessives and the country that qualifies it
        k0 = lo
        while k0 < head and (
            toks[k0].dep in ("det", "poss", "case", "punct") or _is_place_name(actors.at(k0))
        ):
            k0 += 1
        title_text = article.text[toks[k0].start : toks[hi - 1].end]
        tr = (
            self.kb.title_role(title_text)
            or self.kb.title_role(article.text[toks[k0].start : toks[head].end])
            or self.kb.title_role(t.text)
        )
        sector = None if tr else self.kb.sector_of(t.lower) or self.kb.sector_of(head_lower)
        if sector == "MIL":
            # "rebel forces", "police units": a more specific armed sector in front of a generic armed noun
            for kid in tree.kids(head, "compound", "amod"):
                if self.kb.sector_of(kid.lower) in ("REB", "COP"):
                    sector = self.kb.sector_of(kid.lower)
                    break
        if sector is None and tr is None:
            # "military intelligence agency", "armed men", "the Syrian Air Force": a cue of several words ending in the
            # head names an armed or security body, longest first, before any one modifier ("military" alone would
            # say MIL); other sectors keep the one-word rule below ("coalition partners" of a military coalition)
            for kid in sorted(tree.kids(head, "compound", "amod"), key=lambda k: k.i):
                longer = self.kb.sector_of(article.text[kid.start : toks[head].end])
                if longer in SECURITY_SECTORS:
                    sector = longer
                    break
        if sector is None and tr is None and _agent_head(t, head_lower):
            # "military officials", "rebel forces": a sector modifier of a noun for people or a body; not of a
            # thing or an act ("military exercises", "terrorist activities", "a general strike")
            for kid in tree.kids(head, "compound", "amod"):
                sector = self.kb.sector_of(kid.lower)
                if sector:
                    break
        # possessive pronoun inside the phrase ("his Kenyan counterpart")
        poss = tree.kid(head, "poss")

        if t.lower in COUNTERPART or head_lower in COUNTERPART:
            role_src: Actor | None = None
            if poss is not None and tree.is_pronoun(poss.i):
                role_src = self._pronoun(poss.i, article, actors, poss.start, poss.end, poss.text, tree)
            if role_src is None and peers:
                role_src = next((p for p in peers if p.kind == "person" and p.role), None)
            role_key = self._role_key(role_src)
            country = country_actor.country if country_actor else None
            if country and role_key and date:
                holders = self.kb.holders(country, role_key, date)
                if len(holders) == 1:
                    a = self._person_actor(
                        holders[0],
                        text,
                        start,
                        end,
                        date,
                        why=f"counterpart: the {role_key} of {country} on {date}",
                    )
                    return a
            if country_actor is not None:
                cc = self.cameo_country(country) or (country or "")
                sec = "GOV"
                return Actor(
                    text,
                    start,
                    end,
                    text,
                    country,
                    sec,
                    "person",
                    f"{cc}{sec}",
                    why=f"counterpart of {role_src.name if role_src else 'the other party'}; country from "
                    f"'{country_actor.text}'",
                )
            return None

        if (
            named is not None
            and named.kind == "person"
            and named.country
            and (t.lower in GOVERNMENT_HEADS or head_lower in GOVERNMENT_HEADS)
            and poss is None
        ):
            # "the Biden administration", "the Blair government": the government of the leader's country
            return self._coded(
                text,
                start,
                end,
                named.country,
                "GOV",
                "state",
                why=f"'{text}': the government of {named.name}'s country ({named.country})",
            )
        if named is not None and (
            tr is not None or t.pos == "PROPN" or named.kind in ("armed_group", "igo", "org")
        ):
            return replace(named, text=text, start=start, end=end)

        if tr is not None:
            country = country_actor.country if country_actor else None
            if country and date:
                holders = self.kb.holders(country, tr.key, date)
                if len(holders) == 1:
                    return self._person_actor(
                        holders[0],
                        text,
                        start,
                        end,
                        date,
                        why=f"title '{title_text}': the {tr.key} of {country} on {date}",
                    )
            if country_actor is not None:
                return self._coded(
                    text, start, end, country, tr.sector, "person", why=f"title '{title_text}' of {country}"
                )
            generic = t.lower in HUMAN_NOUNS or head_lower in HUMAN_NOUNS  # "leaders", "officials"
            mod = article.text[toks[k0].start : toks[head - 1].end].lower() if head > k0 else ""
            group_sector = self.kb.sector_of(mod) if mod else None
            for kid in tree.kids(head, "compound", "amod"):
                group_sector = group_sector or self.kb.sector_of(kid.lower)
            if (
                t.pos == "NOUN"
                and t.tag == "NNS"
                and poss is None
                and not _definite(tree, head)
                and (group_sector or not generic)
            ):
                # "European ministers called on ...", "Senators urged ...": people named by a plural title with no
                # country are a group that stays an actor with what the text says and the title's sector (a
                # definite "the ministers" refers back, below); a sector word in front says whose they are
                # ("military leaders", "law enforcement officials"); a generic word alone ("Leaders of the Umoja
                # opposition alliance") is resolved below, with its phrase
                group_sector = group_sector or tr.sector
                return Actor(
                    text,
                    start,
                    end,
                    text,
                    None,
                    group_sector,
                    "sector",
                    group_sector or "",
                    why=f"'{text}': people named by the title '{title_text}', of no country given",
                )
            if not (t.lower in HUMAN_NOUNS or head_lower in HUMAN_NOUNS) or t.pos != "NOUN":
                return None
            # "Leaders of the Azadliq opposition coalition": a generic title word for people with no country stays
            # an actor with what the text says (below)

        if sector is not None:
            country_actor = country_actor or place_actor
            if country_actor is not None:
                return self._coded(
                    text,
                    start,
                    end,
                    country_actor.country,
                    sector,
                    "sector",
                    why=f"sector '{t.text}' ({sector}) of {country_actor.name}",
                )
            if poss is not None:
                pa = self._poss_actor(poss.i, article, tree, actors, exclude=peers)
                if pa is None and tree.is_pronoun(poss.i):
                    # "Bosnian Serbs said their forces had withdrawn": the reporting verb's subject
                    pa = self._reporter(poss.i, article, tree, actors, date, poss.start, poss.end, poss.text)
                if pa is not None and pa.country:
                    return self._coded(
                        text,
                        start,
                        end,
                        pa.country,
                        sector,
                        "sector",
                        why=f"sector '{t.text}' ({sector}) of {pa.name}",
                    )
                if pa is not None and pa.kind in ("igo", "org") and pa.code:
                    # "the AU mission said its troops had ...": an organisation's own agents are coded as it
                    return replace(
                        pa, text=text, start=start, end=end, why=f"'{text}': the agents of {pa.name}"
                    )
            if t.lower in GROUP_NOUNS or head_lower in GROUP_NOUNS:
                prev = self._antecedent(head, actors, kinds=("armed_group",))
                if prev is not None and _definite(tree, head):
                    return replace(
                        prev, text=text, start=start, end=end, why=f"'{text}' refers back to {prev.name}"
                    )
            return Actor(
                text, start, end, text, None, sector, "sector", sector, why=f"sector '{t.text}' ({sector})"
            )

        if (t.lower in GROUP_NOUNS or head_lower in GROUP_NOUNS) and _definite(tree, head):
            prev = self._antecedent(head, actors, kinds=("armed_group",))
            if prev is not None:
                return replace(
                    prev, text=text, start=start, end=end, why=f"'{text}' refers back to {prev.name}"
                )
        if t.lower in COUNTRY_NOUNS and _definite(tree, head) and country_actor is None:
            prev = self._antecedent(head, actors, kinds=("state",), tree=tree)
            if prev is not None:
                return replace(
                    prev, text=text, start=start, end=end, why=f"'{text}' refers back to {prev.name}"
                )

        # a demonym at the head ("the Kenyans") or the head noun modified by a country ("Kenyan government")
        m = actors.at(head)
        if m is not None and m.actor is not None and m.kind == "demonym":
            # a people named with another country ("Bosnian Serbs", "the Albanians of southern Serbia", "ethnic
            # Albanians in south Serbia"): the community of the country it lives in
            home = country_actor or place_actor
            if home is not None and home.country and home.country != m.actor.country and t.text.endswith("s"):
                return self._coded(
                    text,
                    start,
                    end,
                    home.country,
                    "CVL",
                    "sector",
                    why=f"'{m.actor.text}' people of {home.name} ('{home.text}')",
                )
            if any(toks[k].lower == "ethnic" for k in range(lo, head)) and t.text.endswith("s"):
                # "ethnic Albanians", "ethnic Turks": a community, not the nationals of the country its name comes
                # from; the coder gives it the country of the event's place (or the one country named around it)
                return Actor(
                    text,
                    start,
                    end,
                    text,
                    None,
                    "CVL",
                    "sector",
                    "CVL",
                    why=f"'{text}': an ethnic community, placed where it lives, not in {m.actor.name}",
                )
            return replace(m.actor, text=text, start=start, end=end)
        if t.lower in COUNTRY_NOUNS_PLURAL and t.pos == "NOUN":
            if country_actor is not None and country_actor.country:
                # "the Turkish and Greek sides", "the Arab governments": the governments of the nationalities (the
                # coder adds one actor per coordinated nationality)
                return self._coded(
                    text,
                    start,
                    end,
                    country_actor.country,
                    "GOV",
                    "sector",
                    why=f"'{t.text}' of {country_actor.name}",
                )
            return None  # "the two nations": the coder resolves groups
        if country_actor is not None and country_by_city and country_actor.country:
            # "a Khartoum sit-in", "a Kabul hotel": a capital naming a thing is where it is, the country (a place party),
            # not its government
            return self._coded(
                text,
                start,
                end,
                country_actor.country,
                None,
                "state",
                why=f"'{text}' is in {country_actor.name}",
            )
        if country_actor is not None:
            # "Kenyan efforts", "US-led initiatives": the country stands for the actor
            return replace(
                country_actor,
                text=text,
                start=start,
                end=end,
                why=f"'{text}' is attributed to {country_actor.name}",
            )
        # the possessor of a common noun stands for the actor ("Nairobi's support"), not of a relation ("Iraq's allies")
        if poss is not None and head_lower not in RELATIONAL_NOUNS and t.lower not in RELATIONAL_NOUNS:
            pa = self._poss_actor(poss.i, article, tree, actors)
            if pa is not None:
                return replace(pa, text=text, start=start, end=end)
        # an unknown but human or institutional actor stays an actor with what the text says
        if (
            (t.pos == "PROPN" and t.ent_type in ("ORG", "PERSON", "NORP"))
            or head_lower in HUMAN_NOUNS
            or (t.lower in HUMAN_NOUNS)
        ):
            kind = "org" if t.pos == "PROPN" and t.ent_type not in ("PERSON",) else "sector"
            if t.ent_type == "PERSON":
                kind = "person"
            if t.ent_type in (
                "GPE",
                "LOC",
                "FAC",
                "DATE",
                "TIME",
                "MONEY",
                "QUANTITY",
                "CARDINAL",
                "PERCENT",
            ):
                return None
            if place_actor is not None and place_actor.country and kind != "org":
                # "residents in Kirkuk", "officials in Kabul": an unnamed group of the place's country
                return self._coded(
                    text,
                    start,
                    end,
                    place_actor.country,
                    None,
                    kind,
                    why=f"'{text}' is not in the knowledge base; country from '{place_actor.text}'",
                )
            return Actor(
                text, start, end, text, None, None, kind, "", why=f"'{text}' is not in the knowledge base"
            )
        return None

    def _place_modifier(self, head: int, tree: Tree, actors: ArticleActors) -> Actor | None:
        """A country named in a place phrase of the noun itself: "opposition groups in Zimbabwe", "students
        throughout Indonesia", "rebels in the Ivory Coast", "protesters in Moscow"; where unarmed people come
        from ("doctors from Kenya", "refugees from Syria"; not forces: "the withdrawal of troops from Lebanon"); or the
        country that owns the place ("diplomats from Moldova's embassy")."""
        t = tree.tokens[head]
        armed = {self.kb.sector_of(t.lower), self.kb.sector_of((t.lemma or t.text).lower())} & {
            "MIL",
            "REB",
            "COP",
        }
        for p in tree.kids(head, "prep"):
            if p.lower not in ("in", "throughout", "across", "inside") and (p.lower != "from" or armed):
                continue
            for o in tree.kids(p.i, "pobj"):
                for j in tree.conjuncts(o.i)[:1]:
                    m = actors.at(j)
                    if m is None or m.actor is None:
                        # "diplomats from Moldova's embassy", "protesters in Russia's capital": the place's owner
                        poss = tree.kid(j, "poss")
                        m = actors.at(poss.i) if poss is not None else None
                    if m is not None and m.actor is not None and m.kind in ("country", "capital"):
                        return m.actor
        return None

    def _qualified_person(
        self, a: Actor, m: ActorMention, lo: int, hi: int, article: Article, tree: Tree, actors: ArticleActors
    ) -> Actor:
        """A person whose country or sector the knowledge base does not give, qualified by the words around the
        name: a country, demonym or possessor ("German", "Jordan's"), an organisation ("Arab League"), an
        ``of``-complement ("King Hassan of Morocco") or an apposition ("Kofi Annan, UN secretary-general"), and
        a title ("Foreign Minister" -> GOV, "General" -> MIL). A person the knowledge base places stays as it is."""
        if a.country and a.sector:
            return a
        heads = [m.tok_end - 1]
        ks = [k for k in range(lo, hi) if not m.tok_start <= k < m.tok_end]
        for h in heads:
            for p in tree.kids(h, "prep"):
                if p.lower == "of":
                    ks.extend(k.i for k in tree.kids(p.i, "pobj"))
            for app in tree.kids(h, "appos"):
                alo, ahi = tree.np_span(app.i)
                ks.extend(range(alo, ahi))
        country: Actor | None = None
        org: Actor | None = None
        title: Any = None
        for k in ks:
            mk = actors.at(k)
            if mk is None or mk is m:
                continue
            if mk.kind == "title" and mk.hit is not None and title is None:
                title = mk.hit.entry
            elif mk.actor is None:
                continue
            elif mk.actor.kind == "state" and country is None:
                country = mk.actor
            elif mk.actor.kind in ("igo", "org", "armed_group") and org is None:
                org = mk.actor
        if title is None:
            title = self.kb.title_role(
                article.text[article.tokens[lo].start : article.tokens[m.tok_start].start]
            )
        sector = a.sector or (title.sector if title is not None else None)
        if a.country is None and country is not None and country.country:
            cc = self.cameo_country(country.country) or country.country
            return replace(
                a,
                country=country.country,
                sector=sector,
                code=f"{cc}{sector or ''}",
                why=f"{a.why}; country from '{country.text}'"
                + (f", sector from the title ({sector})" if sector else ""),
            )
        if a.country is None and org is not None and not a.code:
            return replace(
                a,
                country=org.country,
                sector=sector or org.sector,
                code=org.code,
                why=f"{a.why}; office in {org.name} ('{org.text}')",
            )
        if a.country is not None and sector is not None and a.sector is None:
            cc = self.cameo_country(a.country) or a.country
            return replace(
                a, sector=sector, code=f"{cc}{sector}", why=f"{a.why}; sector from the title ({sector})"
            )
        return a

    def _poss_actor(
        self, i: int, article: Article, tree: Tree, actors: ArticleActors, exclude: list[Actor] | None = None
    ) -> Actor | None:
        t = article.tokens[i]
        if tree.is_pronoun(i):
            return self._pronoun(i, article, actors, t.start, t.end, t.text, tree, exclude=exclude)
        m = actors.at(i)
        if m is not None and m.actor is not None and m.kind not in ("title", "sector"):
            return m.actor
        return None

    def _role_key(self, a: Actor | None) -> str | None:
        if a is None or not a.role:
            return None
        title = a.role.split(" (")[0]
        tr = self.kb.title_role(title)
        return tr.key if tr else None

    def _pronoun(
        self,
        i: int,
        article: Article,
        actors: ArticleActors,
        start: int,
        end: int,
        text: str,
        tree: Tree | None = None,
        *,
        name_span: bool = False,
        exclude: list[Actor] | None = None,
    ) -> Actor | None:
        """The actor a pronoun refers back to. With ``name_span``, a pronoun whose antecedent is named earlier in
        the same sentence takes the span of that name ("Turkey said it had asked ...": the actor's span is
        "Turkey"), so that the event's evidence points at the name; the pronoun stays in ``why``."""
        low = article.tokens[i].lower
        if low in PERSON_PRONOUNS:
            kinds: tuple[str, ...] = ("person",)
        elif low in THING_PRONOUNS:
            kinds = ("state", "igo", "org", "armed_group")
        elif low in PLURAL_PRONOUNS:
            kinds = ("igo", "org", "armed_group", "sector")
        else:
            return None
        # the agency credited in the dateline ("OUAGADOUGOU (AFP) -") reports the story and is no antecedent
        story = dateline_end(article.text) or 0
        prev = self._antecedent(i, actors, kinds=kinds, tree=tree, exclude=exclude, after=story)
        if prev is None:
            return None
        why = f"'{text}' refers back to {prev.name}"
        if name_span and tree is not None and prev.end <= start:
            sent = article.sentences[tree.sent_of[i]]
            if sent.start <= prev.start:
                return replace(prev, why=f"{why} (named earlier in the sentence as '{prev.text}')")
        return replace(prev, text=text, start=start, end=end, why=why)

    def _antecedent(
        self,
        i: int,
        actors: ArticleActors,
        *,
        kinds: tuple[str, ...],
        tree: Tree | None = None,
        exclude: list[Actor] | None = None,
        after: int = 0,
    ) -> Actor | None:
        """The earlier resolved actor mention of one of ``kinds`` that token ``i`` refers back to (one that starts
        at character ``after`` or later).

        Without a parse: the nearest one. With a parse, by the pronoun's place in its clause:

        * the subject of a main or reported clause ("It announced ...", "..., and last month it attacked ...")
          continues the nearest earlier subject (same sentence first, then the nearest earlier sentence with one):
          "Uganda has fought al-Shabaab in Somalia. It announced ..." -> Uganda;
        * a possessive refers to an argument of its own clause when one fits: the subject ("Kenya increased its
          contributions"), else the possessor or head of the object ("Austin commended Nairobi's support ...
          through its contributions" -> Nairobi); a possessive inside the subject itself ("Its foreign ministry
          said") continues the earlier subject;
        * anything else (objects, subordinate clauses): the nearest mention ("fired at it")."""
        cands: list[ActorMention] = []
        for m in actors.mentions:
            if m.tok_end > i:
                break
            if m.start < after:
                continue  # in the dateline
            if m.actor is not None and m.actor.kind in kinds and m.kind not in ("title", "sector"):
                cands.append(m)
        every = cands
        if exclude:
            # the other party of the event ("Cairo supported Somalia and would help its army": not Cairo's army)
            cands = [
                m for m in cands if m.actor is not None and not any(_same_entity(m.actor, x) for x in exclude)
            ]
        if not cands:
            return None
        if tree is None:
            return cands[-1].actor
        t = tree.tokens[i]
        continue_subject = False
        if t.dep in ("nsubj", "nsubjpass") and t.head != i:
            continue_subject = tree.tokens[t.head].dep in ("ROOT", "conj", "ccomp")
        elif t.dep == "poss":
            verb = next((a.i for a in tree.ancestors(i) if a.pos in ("VERB", "AUX")), None)
            if verb is not None:
                subj, _ = tree.subject(verb)
                if subj is not None and i in tree.subtree(subj.i):
                    continue_subject = True
                else:
                    args = [subj] if subj is not None else []
                    obj = tree.kid(verb, "dobj")
                    if obj is not None:
                        args.append(obj)
                    for arg in args:
                        hit = _mention_in_phrase(tree, actors, arg.i, cands)
                        if hit is not None:
                            return hit.actor
                    own = _mention_in_phrase(tree, actors, subj.i, every) if subj is not None else None
                    if own is not None and own not in cands:
                        # the clause's own subject is the party left out ("Brazil reinforced its troops"): "its" is
                        # the actor's own, so only another party of the same sentence can be meant ("Cairo supported
                        # Somalia and would help its army"), never one named sentences before
                        here = tree.sent_of[i]
                        same = [m for m in cands if tree.sent_of[m.tok_start] == here]
                        return same[-1].actor if same else None
        if continue_subject:
            here = tree.sent_of[i]
            subjects = [m for m in cands if _in_subject(tree, m)]
            same = [m for m in subjects if tree.sent_of[m.tok_start] == here]
            if same:
                return same[-1].actor
            if subjects and here - tree.sent_of[subjects[-1].tok_start] <= 2:
                return subjects[-1].actor
        return cands[-1].actor


# prepositions whose object, a name the parser tagged PERSON, is read as a place when the gazetteer holds one
PERSON_PLACE_PREPS = frozenset(
    {"in", "at", "near", "into", "inside", "outside", "around", "toward", "towards"}
)


# how many words a place name may reach beyond the country or capital inside it, and the small words it may hold
PLACE_NAME_REACH = 3
PLACE_NAME_LINKS = frozenset({"of", "de", "del", "du", "al"})


def _place_name_word(t: Any) -> bool:
    """Whether a token can be part of a multi-word proper place name: a capitalised word or a linking "of"."""
    return t.lower in PLACE_NAME_LINKS or (t.text[:1].isupper() and t.text.isalpha())


def _possessor_of_relation(toks: list[Any], m: ActorMention) -> bool:
    """Whether the mention possesses a noun for a party in relation to another ("Israel's ally")."""
    for k in range(m.tok_start, m.tok_end):
        if toks[k].dep == "poss":
            owned = toks[toks[k].head]
            return (owned.lemma or owned.lower).lower() in RELATIONAL_NOUNS or owned.lower in RELATIONAL_NOUNS
    return False


def _stance_affix(toks: list[Any], lo: int, hi: int, hit: AliasHit) -> bool:
    """Whether a country or demonym at tokens [lo, hi) states a stance or a backer, not a nationality: "anti-Syria",
    "pro-Russian", "Iranian-backed", "Israeli-occupied"."""
    return hit.kind in ("country", "demonym", "capital") and stance_affix(toks, lo, hi)


def stance_affix(toks: list[Any], lo: int, hi: int) -> bool:
    """Whether the words at tokens [lo, hi) are glued to a stance prefix or a backer participle ("anti-Syria",
    "pro-Russian", "Iranian-backed", "Israeli-occupied")."""
    before = lo >= 2 and toks[lo - 1].text == "-" and toks[lo - 2].lower in STANCE_PREFIXES
    glued = lo >= 1 and toks[lo - 1].lower.rstrip("-") in STANCE_PREFIXES and toks[lo - 1].lower.endswith("-")
    after = hi + 1 < len(toks) and toks[hi].text == "-" and toks[hi + 1].lower in BACKER_PARTICIPLES
    return before or glued or after


def _fuzzy_target(hit: AliasHit, key: str, kb: KnowledgeBase) -> bool:
    """Whether fuzzy matching may reach the alias ``key`` of ``hit`` (kind, length, not an acronym or an ordinary
    word)."""
    least = FUZZY_MIN_LEN.get(hit.kind)
    return (
        least is not None
        and len(key) >= least - 1
        and not hit.ambiguous
        and not kb.is_case_sensitive(hit.alias)
    )


def _deletions(key: str) -> set[str]:
    return {key[:k] + key[k + 1 :] for k in range(len(key))}


def _osa_distance(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment)."""
    if abs(len(a) - len(b)) > 1:
        return 2
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        prev2, prev = prev, cur
    return prev[-1]


def _same_entity(a: Actor, b: Actor) -> bool:
    if a.entity_id and b.entity_id:
        return a.entity_id == b.entity_id
    return bool(a.country) and a.country == b.country and a.kind == b.kind == "state"


def _mention_in_phrase(
    tree: Tree, actors: ArticleActors, head: int, cands: list[ActorMention]
) -> ActorMention | None:
    """The candidate mention that is the phrase headed by ``head`` or its possessor / modifier."""
    m = actors.at(head)
    if m is not None and m in cands:
        return m
    lo, hi = tree.np_span(head)
    for k in range(lo, hi):
        mk = actors.at(k)
        if mk is not None and mk in cands and tree.tokens[k].dep in ("poss", "compound", "amod", "nmod"):
            return mk
    return None


AGENT_HEADS = frozenset(
    {"forces", "force", "personnel", "units", "unit", "officers", "officer", "staff", "sources", "source", "circles",
     "chief", "chiefs", "commander", "commanders", "wing", "elements", "squad", "squads", "patrol", "patrols",
     "contingent", "battalion", "brigade", "brigades", "division", "corps", "guard", "guards", "agents", "agent",
     "body", "bodies", "institutions", "establishment", "regime", "junta", "side", "camp",
     # places and things that stand for their owners when attacked or targeted ("shelled rebel positions")
     "positions", "position", "bases", "base", "camps", "strongholds", "stronghold", "targets", "convoy",
     "convoys", "headquarters", "outposts", "outpost", "hideouts", "hideout", "checkpoints", "checkpoint",
     "installations", "posts", "barracks", "vessels", "ships", "aircraft", "jets", "drones", "boats", "shipping",
     "tankers", "flights", "airliner", "airliners", "planes", "trucks", "lorries", "interests", "assets",
     "property", "facilities", "buildings", "building", "offices", "office", "embassy", "embassies", "residence",
     "premises", "entrance", "entrances", "gates", "compound",
     # people the sector word qualifies ("opposition politicians", "military negotiators")
     "politicians", "politician", "diplomats", "diplomat", "ministers", "minister", "lawyers", "doctors",
     "teachers", "clerics", "elders", "figures", "analysts", "experts", "observers", "monitors", "inspectors",
     "negotiators", "negotiator", "mediators", "deputies", "mps", "senators", "figure", "sympathisers",
     "sympathizers", "loyalists", "veterans", "recruits", "conscripts", "reservists", "volunteers"}
)  # fmt: skip


def _agent_head(t: Any, head_lower: str) -> bool:
    """Whether a noun names people or a body that can act (so a sector modifier makes it a sector agent)."""
    if t.ent_type in ("PERSON", "ORG", "NORP"):
        return True
    return bool({t.lower, head_lower} & (HUMAN_NOUNS | AGENT_HEADS | QUANTITY_HEADS))


def _alone(toks: list[Any], lo: int, hi: int) -> bool:
    """Whether the words ``lo:hi`` are a name on their own: no capitalised word of a name directly before or
    after them ("Chad did not sign", not "Chad Smith" or "President Chad Gaudin")."""

    def name_word(k: int) -> bool:
        return 0 <= k < len(toks) and toks[k].pos == "PROPN"

    return not name_word(lo - 1) and not name_word(hi)


def _in_office_first(hits: list[AliasHit], date: _dt.date | None) -> list[AliasHit]:
    """People who share a name ("Bush") are told apart by the date: whoever held an office on it comes first
    (the sort is stable, so otherwise the data-file order stands)."""
    if date is None or sum(1 for h in hits if h.kind == "person") < 2:
        return hits
    return sorted(hits, key=lambda h: not (h.kind == "person" and bool(h.entry.roles_on(date))))  # type: ignore[attr-defined]


def _in_subject(tree: Tree, m: ActorMention) -> bool:
    """Whether the mention is (inside) the subject of a clause: its phrase head, climbing through modifiers and
    ``of``-complements, is a subject."""
    j = m.tok_end - 1
    for k in range(m.tok_start, m.tok_end):
        h = tree.tokens[k].head
        if h < m.tok_start or h >= m.tok_end or h == k:
            j = k
            break
    for _ in range(4):
        t = tree.tokens[j]
        if t.dep in ("nsubj", "nsubjpass"):
            return True
        if t.dep in ("compound", "amod", "poss", "nmod", "appos", "conj") and t.head != j:
            j = t.head
            continue
        if t.dep == "pobj" and t.head != j and tree.tokens[t.head].lower == "of":
            j = tree.tokens[t.head].head
            continue
        return False
    return False


def _same_person(found: ArticleActors, text: str, before: int) -> ActorMention | None:
    """An earlier person mention whose name ends with this one ("Austin" after "Lloyd Austin")."""
    words = text.split()
    if not words:
        return None
    last = words[-1].lower()
    for m in reversed(found.mentions):
        if m.start >= before or m.actor is None or m.actor.kind != "person":
            continue
        if m.actor.name.split()[-1].lower() == last:
            return m
    return None


def _unknown_actor(text: str, start: int, end: int, kind: str) -> Actor:
    """A named person or organisation the knowledge base does not know: kept with what the text says."""
    what = "person" if kind == "person" else "organisation"
    return Actor(
        text=text,
        start=start,
        end=end,
        name=text,
        country=None,
        sector=None,
        kind=kind,
        code="",
        why=f"named {what} not in the knowledge base",
    )


def _is_place_name(m: ActorMention | None) -> bool:
    return m is not None and m.kind in ("country", "demonym", "capital")


def _definite(tree: Tree, head: int) -> bool:
    det = tree.kid(head, "det")
    return det is not None and det.lower in ("the", "this", "that", "these", "those")


def _end_of(t: Any) -> int:
    return int(t.end)


def _token_at(toks: list[Any], char: int) -> int | None:
    lo = bisect.bisect_right(toks, char, key=_end_of)
    return lo if lo < len(toks) and toks[lo].start <= char < toks[lo].end + 1 else None


def _token_end(toks: list[Any], char: int, start: int) -> int:
    j = start
    while j < len(toks) and toks[j].start < char:
        j += 1
    return j


def _fold(text: str) -> str:
    """A name compared without case, accents or a leading "the"."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold().strip()
    return t[4:] if t.startswith("the ") else t
