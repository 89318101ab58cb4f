"""Defence entity recognition over a parsed article (tokens, sentences, spaCy mentions).

Candidates come from five sources, in priority order (a higher one wins an overlap):

1. gazetteer: named platforms and weapons (``platforms.yaml``, ``weapons.yaml``), named units,
   exercises and agreements (``lexicon.yaml``), and the actor knowledge base's names of countries,
   organisations, armed groups and people (which fix spaCy's type where it disagrees);
2. pattern: designations ("Su-35", "T-72B3", "MQ-9 drone"), named ships ("USS Carney"), units
   ("the 82nd Airborne Division", "Kenya Defence Forces"), operations ("Operation Prosperity
   Guardian") and capitalised agreements;
3. ner: spaCy's mentions;
4. nominal: generic noun phrases ("fighter jets", "ballistic missiles", "the defence pact") and
   nominal or pronoun mentions of people and groups ("the army", "rebels", "he", "they").

Nominal mentions never overlap a named one: a phrase such as "Israeli jets" keeps spaCy's "Israeli"
(NORP) and becomes the platform mention "jets". The result is sorted and free of overlaps.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tieline.actors.kb import KnowledgeBase, load_kb
from tieline.model import Article, Mention, Token

from .gazetteer import EntityData, GazetteerEntry, Lexicon, load_entity_data

__all__ = ["NEW_LABELS", "EntityRecognizer"]

NEW_LABELS = frozenset({"MILITARY_PLATFORM", "WEAPON", "MILITARY_UNIT", "OPERATION", "AGREEMENT"})

# priorities (higher wins an overlap)
P_GAZ, P_PATTERN, P_NER, P_KB, P_NOMINAL_HW, P_NOMINAL_AGENT = 100, 90, 60, 55, 50, 40

_NP_LEFT_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "npadvmod", "quantmod", "advmod",
                           "predet", "case"})  # fmt: skip
_NAME_STOP = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her", "Our",
                        "In", "On", "At", "By", "For", "With", "From", "And", "But", "Of", "To", "As", "After",
                        "Before", "When", "While", "If", "Both", "All", "Some", "Two", "Three"})  # fmt: skip
_KB_LABEL = {"country": "GPE", "capital": "GPE", "seat": "ORG", "demonym": "NORP", "org": "ORG",
             "armed_group": "ORG", "person": "PERSON"}  # fmt: skip
_PLACE_PREPS = frozenset({"in", "near", "at", "outside", "around", "into", "across", "toward", "towards", "inside",
                          "throughout"})  # fmt: skip
_PLACE_PREP_WORDS = ("Near ", "In ", "Outside ")
# latitude and longitude: 33°47′N 44°30′E, 33.783°N 44.500°E
_DEG = r"\d{1,3}(?:\.\d+)?°(?:[ \t]*\d{1,2}(?:\.\d+)?[′'])?(?:[ \t]*\d{1,2}(?:\.\d+)?[″\"])?[ \t]*"
_COORD_RE = re.compile(rf"{_DEG}[NS],?[ \t]*{_DEG}[EW]")
# "near" + a capitalised name spaCy may miss ("Near Dayr Az Zayr, five strikes ...")
_NEAR_RE = re.compile(
    r"\b[Nn]ear[ \t]+(?:the[ \t]+)?(?P<name>[A-Z][\w'’-]+(?:[ \t]+(?:[A-Z][\w'’-]*|al|el|az|as|ad))*)"
)
# words a name is never extended across ("F-16 jets and kits")
_PHRASE_STOP = frozenset({"and", "or", "nor", "but", "to", "from", "with", "for", "of", "in", "on", "at", "by", "as",
                          "than", "that", "which", "who", "was", "were", "is", "are", "be", "been", "has", "have",
                          "had", "will", "would", "the", "a", "an"})  # fmt: skip
# an apostrophe inside a word ("Da’esh"): between two characters that are ``str.isalnum``
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W_])['’](?=[^\W_])")
_NUMERIC = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL", "PERCENT"})
# spaCy labels a KB hit may correct (DATE, MONEY... are left alone)
_RELABEL = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW",
                      "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "LANGUAGE"})  # fmt: skip


@dataclass
class _Cand:
    start: int  # char offsets
    end: int
    label: str
    source: str
    priority: int
    entity_id: str | None = None


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class _PhraseIndex:
    """Exact, case-sensitive look-up of many phrases in a text, at word starts and ends."""

    _word_start = re.compile(r"(?<![\w-])[\w\"'“(]")

    def __init__(self, phrases: Iterable[str]) -> None:
        by_key: dict[str, set[str]] = {}
        for p in phrases:
            if len(p) >= 2:
                by_key.setdefault(p[:2], set()).add(p)
        # per two-character start, its phrases and their lengths, longest first: at most one phrase of a length
        # can start at a position, so trying the lengths in that order finds the longest phrase there
        self._sets = {k: (frozenset(v), sorted({len(x) for x in v}, reverse=True)) for k, v in by_key.items()}
        # only word starts whose first character begins some phrase are visited (the others have no key)
        firsts = sorted({k[0] for k in by_key if self._word_start.match(k[0])})
        chars = "".join(re.escape(c) for c in firsts)
        self._start = re.compile(rf"(?<![\w-])[{chars}]") if chars else None

    def finditer(self, text: str) -> Iterable[tuple[int, int, str]]:
        """Longest phrase at each word start, left to right, without overlaps."""
        if self._start is None:
            return
        last = 0
        n = len(text)
        sets = self._sets
        for m in self._start.finditer(text):
            pos = m.start()
            if pos < last:
                continue
            entry = sets.get(text[pos : pos + 2])
            if entry is None:
                continue
            phrases, lengths = entry
            for size in lengths:
                end = pos + size
                if end > n or (end < n and (text[end].isalnum() or text[end] == "_")):
                    continue
                p = text[pos:end]
                if p in phrases:
                    yield pos, end, p
                    last = end
                    break


def _is_ambiguous_word(alias: str) -> bool:
    """A single capitalised word ("Patriot", "Hornet") may be an ordinary word or name."""
    return bool(re.fullmatch(r"[A-Z][a-z]+s?", alias))


class EntityRecognizer:
    """Finds platforms, weapons, units, operations and agreements, and merges them with spaCy's mentions."""

    def __init__(self, data: EntityData, kb: KnowledgeBase | None = None) -> None:
        self.data = data
        self.lex: Lexicon = data.lexicon
        self.kb = kb
        self.version = data.version
        lex = self.lex
        # --- named platforms / weapons: alias -> entry
        self._alias: dict[str, GazetteerEntry] = {}
        self._ambiguous: set[str] = set()
        for e in data.entries:
            for a in (*e.aliases, *e.ambiguous):
                self._alias.setdefault(a, e)
                if a in e.ambiguous or _is_ambiguous_word(a):
                    self._ambiguous.add(a)
        self._alias_index = _PhraseIndex(self._alias)
        # --- named units, exercises, agreements
        self._named: dict[str, tuple[str, bool]] = {}  # text -> (label, needs cue)
        for w in lex.named_units:
            self._named.setdefault(w, ("MILITARY_UNIT", False))
        for w in lex.named_exercises:
            self._named.setdefault(w, ("OPERATION", _is_ambiguous_word(w) or " " not in w))
        for w in lex.named_agreements:
            self._named.setdefault(w, ("AGREEMENT", _is_ambiguous_word(w)))
        self._named_index = _PhraseIndex(self._named)
        # --- designations
        self._desig_re = re.compile(
            r"(?<![\w/.-])(?P<prefix>[A-Z][A-Za-z]{0,6}(?:/[A-Z]{1,2})?(?:-[A-Z])?)-(?P<num>\d{1,4})"
            r"(?P<suf>[A-Z][A-Za-z0-9]{0,3})?(?P<pl>s)?(?![\w])(?!-\d)"
        )
        # --- named ships
        cap = r"[A-Z][\w'’.-]*"
        self._ship_re = re.compile(
            rf"(?<![\w-])(?:{_alternation(lex.ship_prefixes)})[ \t]+{cap}(?:[ \t]+(?:(?:of|the|de|la|del)[ \t]+)?{cap}){{0,3}}"
        )
        # --- units
        ordinal = rf"(?:\d+(?:st|nd|rd|th)|{_alternation(lex.ordinal_words)})"
        name_word = r"(?:[A-Z][\w'’.-]*|[A-Z]\.[A-Z]\.)"
        self._unit_ordinal_re = re.compile(
            rf"(?<![\w-])(?:[Tt]he[ \t]+)?{ordinal}[ \t]+(?:{name_word}[ \t]+){{0,3}}(?:{_alternation(lex.unit_formations)})(?![\w])"
        )
        self._unit_service_re = re.compile(
            rf"(?<![\w-])(?:[Tt]he[ \t]+)?(?P<name>(?:{name_word}[ \t]+){{1,3}})(?:{_alternation(lex.unit_services)})(?![\w])"
        )
        # --- operations
        self._operation_re = re.compile(
            rf"(?<![\w-])(?:{_alternation(lex.operation_keywords)})\.?[ \t]+(?P<name>{cap}(?:[ \t]+{cap}){{0,3}})"
        )
        # --- KB names (countries, organisations, armed groups, people)
        self._kb_alias: dict[str, tuple[str, str]] = {}
        if kb is not None:
            for alias, hit in kb.iter_aliases():
                label = _KB_LABEL.get(hit.kind)
                if label is None or hit.ambiguous or len(alias) < 3:
                    continue
                if not re.search(r"[A-Z]", alias[:1]):
                    continue
                eid = getattr(hit.entry, "id", None) or getattr(hit.entry, "iso3", None)
                value = (label, f"{hit.kind}:{eid}" if eid else hit.kind)
                self._kb_alias.setdefault(alias, value)
                if "'" in alias:
                    self._kb_alias.setdefault(alias.replace("'", "\u2019"), value)
        self._kb_index = _PhraseIndex(self._kb_alias)

    # ------------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, *, use_kb: bool = True) -> EntityRecognizer:
        """The recogniser over the packaged gazetteers (and the actor knowledge base's names)."""
        return cls(load_entity_data(), load_kb() if use_kb else None)

    def entry(self, entity_id: str) -> GazetteerEntry | None:
        """The gazetteer entry of a platform or weapon id (type, maker, country of origin)."""
        return self.data.by_id.get(entity_id)

    # ------------------------------------------------------------------------------------------------
    def find(self, article: Article) -> list[Mention]:
        """The merged, de-overlapped mentions of a parsed article: spaCy's and the new ones."""
        text = article.text
        toks = article.tokens
        starts = {t.start: t.i for t in toks}
        ends = {t.end: t.i for t in toks}
        sent_bounds = [(s.start, s.end) for s in article.sentences] or [(0, len(text))]
        cands: list[_Cand] = []
        cands += self._gazetteer(text, sent_bounds)
        cands += self._named_hits(text, sent_bounds)
        cands += self._designations(text, toks, starts)
        cands += self._patterns(text)
        kb_cands = self._kb_hits(text)
        ner = self._ner(article, kb_cands)
        cands += ner
        # knowledge-base names add what spaCy missed; they never cut into one of its mentions
        ner_occ = _occupied(((n.start, n.end) for n in ner), len(text))
        cands += [c for c in kb_cands if not any(ner_occ[c.start : c.end])]
        # keep only candidates aligned with token boundaries (when the article has tokens)
        if toks:
            cands = [c for c in cands if (c.start in starts and c.end in ends) or c.source == "ner"]
        chosen = _resolve(cands)
        chosen = self._person_names(article, chosen)
        taken = [(c.start, c.end) for c in chosen]
        covered = _covered_tokens(toks, taken)
        nominal = self._nominals(article, covered)
        chosen = _resolve(chosen + nominal)
        return [
            Mention(start=c.start, end=c.end, text=text[c.start : c.end], label=c.label, source=c.source,
                    entity_id=c.entity_id)
            for c in sorted(chosen, key=lambda c: (c.start, c.end))
        ]  # fmt: skip

    def _person_names(self, article: Article, chosen: list[_Cand]) -> list[_Cand]:
        """One name, one type per article: the words of a full person name ("Karim Wasifi") that spaCy
        elsewhere calls a place or organisation ("Karim") or misses are the person."""
        text = article.text
        titles = self.lex.person_nouns
        names: set[str] = set()
        for c in chosen:
            if c.label == "PERSON" and c.source == "ner":
                words = [
                    w for w in re.findall(r"[A-Z][\w'’-]+", text[c.start : c.end]) if w.lower() not in titles
                ]
                if len(words) >= 2:
                    names.update(w for w in words if len(w) >= 3 and not w.isupper())
        if not names:
            return chosen
        out = []
        for c in chosen:
            if c.source == "ner" and c.label in ("GPE", "ORG", "NORP", "LOC") and c.entity_id is None:
                words = text[c.start : c.end].split()
                if words and all(w in names for w in words):
                    c = _Cand(c.start, c.end, "PERSON", c.source, c.priority)
            out.append(c)
        occ = _occupied(((c.start, c.end) for c in out), len(text))
        for t in article.tokens:
            if t.text in names and t.pos == "PROPN" and not any(occ[t.start : t.end]):
                out.append(_Cand(t.start, t.end, "PERSON", "pattern", P_KB))
        return out

    # -- named hits ---------------------------------------------------------------------------------
    def _sentence_words(self, text: str, bounds: Sequence[tuple[int, int]], pos: int) -> set[str]:
        for s, e in bounds:
            if s <= pos < e:
                return set(re.findall(r"[a-z][a-z-]*", text[s:e].lower()))
        return set()

    def _gazetteer(self, text: str, bounds: Sequence[tuple[int, int]]) -> list[_Cand]:
        out = []
        for start, end, alias in self._alias_index.finditer(text):
            entry = self._alias[alias]
            if alias in self._ambiguous and (
                not (self._sentence_words(text, bounds, start) & self.lex.defence_cues)
                or _inside_longer_name(text, start, end)
            ):
                continue
            end = _extend_head(text, end, self.lex)
            out.append(_Cand(start, end, entry.label, "gazetteer", P_GAZ, entry.id))
        return out

    def _named_hits(self, text: str, bounds: Sequence[tuple[int, int]]) -> list[_Cand]:
        out = []
        for start, end, name in self._named_index.finditer(text):
            label, needs_cue = self._named[name]
            if needs_cue:
                cues = self.lex.operation_cues if label == "OPERATION" else self.lex.agreement_cues
                if not (self._sentence_words(text, bounds, start) & cues):
                    continue
            if label == "OPERATION":
                k = re.search(
                    rf"(?:{_alternation(self.lex.operation_keywords)})\.?[ \t]+$",
                    text[max(0, start - 12) : start],
                )
                if k:
                    start -= len(text[max(0, start - 12) : start]) - k.start()
            elif label == "AGREEMENT":
                end = _extend_head(text, end, self.lex, self.lex.agreement_heads)
            start = _with_the(text, start)
            out.append(_Cand(start, end, label, "gazetteer", P_GAZ - 5))
        return out

    def _kb_hits(self, text: str) -> list[_Cand]:
        out = []
        seen: set[int] = set()
        for start, end, alias in self._kb_index.finditer(text):
            label, eid = self._kb_alias[alias]
            out.append(_Cand(start, end, label, "gazetteer", P_KB, eid))
            seen.add(start)
        # spellings with an apostrophe inside a word ("Da’esh" for "Daesh")
        if re.search(r"\w['’]\w", text):
            # the apostrophes between two letters or digits (``[^\W_]`` is ``str.isalnum``), cut out; a folded
            # offset maps back by the number of cuts at or before it
            cuts = [m.start() for m in _INNER_APOSTROPHE.finditer(text)]
            shifts = [c - k for k, c in enumerate(cuts)]  # the folded offset each cut falls before
            folded = _INNER_APOSTROPHE.sub("", text) if cuts else text
            for start, end, alias in self._kb_index.finditer(folded) if cuts else ():
                s0 = start + bisect.bisect_right(shifts, start)
                s1 = end - 1 + bisect.bisect_right(shifts, end - 1) + 1
                if s0 not in seen and s1 - s0 != end - start:
                    label, eid = self._kb_alias[alias]
                    out.append(_Cand(s0, s1, label, "gazetteer", P_KB, eid))
        return out

    def _ner(self, article: Article, kb_cands: Sequence[_Cand]) -> list[_Cand]:
        """spaCy's mentions, corrected: where a KB name covers the same words its type wins; a name spaCy
        calls a person, organisation or nationality that is the object of "in", "near", "at"... is a place;
        a leading "Near" is not part of the name."""
        kb_by_span = {(c.start, c.end): c for c in kb_cands}
        toks = article.tokens
        first_tok = {t.start: t for t in toks}
        places: set[str] = set()
        out = []
        for m in article.mentions:
            label = m.label
            start = m.start
            if label in _RELABEL and article.text.startswith(_PLACE_PREP_WORDS, start):
                start += article.text[start:].index(" ") + 1
            hit = kb_by_span.get((start, m.end)) or kb_by_span.get(_strip_the_span(m))
            if hit is not None and label in _RELABEL and label != hit.label:
                compatible = {("GPE", "LOC"), ("GPE", "FAC"), ("NORP", "GPE"), ("GPE", "NORP")}
                if (hit.label, label) not in compatible:
                    label = hit.label
            elif hit is None and label in ("PERSON", "ORG", "NORP") and start != m.start:
                label = "GPE"
            elif hit is None and label in ("PERSON", "ORG", "NORP") and toks:
                t0 = first_tok.get(start)
                if t0 is not None and (
                    _governing_prep(t0, toks, m.end) in _PLACE_PREPS
                    or _place_apposition(t0, toks, m.end, self.lex.place_nouns)
                ):
                    label = "GPE"
                    places.add(article.text[start : m.end])
            eid = m.entity_id or (hit.entity_id if hit is not None else None)
            out.append(_Cand(start, m.end, label, "ner", P_NER, eid))
        # one sense per article: a name shown to be a place is a place wherever spaCy calls it a person
        # or an organisation
        for k, c in enumerate(out):
            if (
                c.label in ("PERSON", "ORG", "NORP")
                and c.entity_id is None
                and article.text[c.start : c.end] in places
            ):
                out[k] = _Cand(c.start, c.end, "GPE", c.source, c.priority)
        return out

    # -- patterns -------------------------------------------------------------------------------------
    def _designations(self, text: str, toks: Sequence[Token], starts: dict[int, int]) -> list[_Cand]:
        lex = self.lex
        out = []
        for m in self._desig_re.finditer(text):
            whole = m.group(0)
            prefix = m.group("prefix")
            if whole in lex.designation_exclude or whole.rstrip("s") in lex.designation_exclude:
                continue
            label = lex.designation_prefixes.get(prefix) or lex.designation_prefixes.get(prefix.split("-")[0])
            nxt = re.match(r"[ \t]+([A-Za-z-]+)", text[m.end() :])
            head_label = None
            end = m.end()
            if nxt:
                w = nxt.group(1).lower()
                if w in lex.nominal_heads and w not in lex.needs_modifier:
                    head_label = lex.nominal_heads[w]
                    end = m.end() + nxt.end()
                    end = _extend_head(text, end, lex)
            if label is None and head_label is None:
                continue
            if label is None and not re.fullmatch(r"[A-Z]{2,4}", prefix):
                continue
            out.append(_Cand(m.start(), end, head_label or label or "WEAPON", "pattern", P_PATTERN))
        return out

    def _patterns(self, text: str) -> list[_Cand]:
        out = []
        for m in self._ship_re.finditer(text):
            out.append(
                _Cand(
                    m.start(), _trim_name(text, m.start(), m.end()), "MILITARY_PLATFORM", "pattern", P_PATTERN
                )
            )
        for m in self._unit_ordinal_re.finditer(text):
            out.append(_Cand(m.start(), m.end(), "MILITARY_UNIT", "pattern", P_PATTERN))
        for m in self._unit_service_re.finditer(text):
            words = m.group("name").split()
            while words and words[0] in _NAME_STOP:
                words.pop(0)
            if not words:
                continue
            start = m.start("name") + m.group("name").index(words[0])
            out.append(_Cand(_with_the(text, start), m.end(), "MILITARY_UNIT", "pattern", P_PATTERN - 2))
        for m in _COORD_RE.finditer(text):
            out.append(_Cand(m.start(), m.end(), "LOC", "pattern", P_PATTERN))
        for m in _NEAR_RE.finditer(text):
            out.append(_Cand(m.start("name"), m.end("name"), "GPE", "pattern", P_KB - 1))
        for m in self._operation_re.finditer(text):
            name = m.group("name")
            first = name.split()[0]
            if first in _NAME_STOP:
                continue
            end = _trim_name(text, m.start(), m.end())
            out.append(_Cand(m.start(), end, "OPERATION", "pattern", P_PATTERN))
        return out

    # -- nominal mentions -----------------------------------------------------------------------------
    def _nominals(self, article: Article, covered: set[int]) -> list[_Cand]:
        lex = self.lex
        toks = article.tokens
        out: list[_Cand] = []
        children: list[list[int]] = [[] for _ in toks]
        for t in toks:
            if t.head != t.i and 0 <= t.head < len(toks):
                children[t.head].append(t.i)
        used: set[int] = set(covered)
        numeric = (
            _covered_tokens(
                toks,
                [(m.start, m.end) for m in article.mentions if m.label in _NUMERIC and m.source == "ner"],
            )
            & covered
        )
        for t in toks:
            if t.i in used:
                continue
            low = t.text.lower()
            label: str | None = None
            source = "pattern"
            prio = P_NOMINAL_AGENT
            if t.pos == "PRON" or (
                t.tag in ("PRP", "PRP$") and (low in lex.person_pronouns or low in lex.group_pronouns)
            ):
                if low in lex.person_pronouns and t.text != "US":
                    label = "PERSON"
                elif low in lex.group_pronouns and t.text != "US":
                    label = "ORG"
                if label:
                    out.append(_Cand(t.start, t.end, label, source, prio))
                    used.add(t.i)
                continue
            if t.pos == "ADV" and low in lex.place_adverbs and t.dep == "advmod":
                out.append(_Cand(t.start, t.end, "LOC", source, prio))
                used.add(t.i)
                continue
            if t.pos not in ("NOUN", "PROPN"):
                continue
            lemma = t.lemma.lower()
            prev = toks[t.i - 1].text.lower() if t.i > 0 else ""
            mods = {toks[c].text.lower() for c in children[t.i] if c < t.i} | {prev}
            hw = lex.nominal_heads.get(low) or (lex.nominal_heads.get(lemma) if t.pos == "NOUN" else None)
            if hw and (t.pos == "NOUN" or low.upper() == t.text):
                need = lex.needs_modifier.get(low)
                if need is not None and not (mods & need):
                    hw = None
                if hw and prev in lex.head_blockers.get(low, frozenset()):
                    hw = None
                # a weapon word modifying a platform word ("missile boats") belongs to the platform
                if (
                    hw
                    and t.dep == "compound"
                    and t.head > t.i
                    and toks[t.head].text.lower() in lex.nominal_heads
                ):
                    continue
                if (
                    hw
                    and t.dep == "compound"
                    and t.head > t.i
                    and toks[t.head].text.lower() not in lex.head_extensions
                    and toks[t.head].text.lower() not in lex.use_nouns
                ):
                    hw = None
                if hw:
                    label, prio = hw, P_NOMINAL_HW
            if (
                label is None
                and low in lex.platform_modifiers
                and _coordinated_with(t.i, toks, children, lex, "MILITARY_PLATFORM")
            ):
                label, prio = "MILITARY_PLATFORM", P_NOMINAL_HW
            if label is None and t.pos == "NOUN":
                if low in lex.agreement_heads or (
                    low in lex.agreement_modified_heads and mods & lex.agreement_modified_heads[low]
                ):
                    label, prio = "AGREEMENT", P_NOMINAL_HW
                elif t.dep == "compound":
                    continue
                elif lemma in lex.person_nouns or low in lex.person_nouns:
                    label = "PERSON" if t.tag != "NNS" and low == lemma else "ORG"
                elif low in lex.group_nouns or lemma in lex.group_nouns:
                    label = "ORG"
                elif low in lex.place_nouns or lemma in lex.place_nouns:
                    label = "LOC"
            if label is None and t.pos == "NOUN" and low in lex.operation_heads:
                need = lex.operation_heads[low]
                if not need or mods & need or _mod_phrase(t.i, toks) & need:
                    label, prio = "OPERATION", P_NOMINAL_HW
            if label is None and t.pos == "PROPN" and t.text in lex.agreement_capitalised_heads:
                label, prio = "AGREEMENT", P_NOMINAL_HW
            elif label is None and t.pos == "PROPN" and t.dep != "compound" and t.text[:1].isupper():
                # a capitalised title or body outside any name: "the Foreign Secretary", "The Coalition"
                if low in lex.person_nouns:
                    label = "PERSON"
                elif low in lex.group_nouns:
                    label = "ORG"
            if label is None:
                continue
            if label == "AGREEMENT":
                lo = _left_edge(t.i, toks, children, used - numeric)
                if any(i in numeric for i in range(lo, t.i)):
                    prio = P_NER + 1
            else:
                lo = _left_edge(t.i, toks, children, used)
            hi = t.i
            # extend over "systems", "launchers", "batteries" after the head
            while (
                hi + 1 < len(toks)
                and toks[hi + 1].text.lower() in lex.head_extensions
                and hi + 1 not in used
                and toks[hi + 1].pos == "NOUN"
                and label in ("WEAPON", "MILITARY_PLATFORM")
            ):
                hi += 1
            span_start, span_end = toks[lo].start, toks[hi].end
            out.append(_Cand(span_start, span_end, label, source, prio))
            used.update(range(lo, hi + 1))
        return out


# --- helpers ------------------------------------------------------------------------------------------


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """True when a capitalised word touches the span ("Patriot Act", "New England Patriots")."""
    nxt = re.match(r"[ \t]+([A-Z][\w'’-]*)", text[end:])
    if nxt:
        return True
    prev = re.search(r"([A-Z][\w'’.-]*)[ \t]+$", text[max(0, start - 40) : start])
    if prev and prev.group(1) not in _NAME_STOP:
        # a capital after a sentence end is just the start of the sentence
        before = text[: start - len(prev.group(0))].rstrip()
        return not (before == "" or before.endswith((".", "!", "?", ":", "\n")))
    return False


def _mod_phrase(i: int, toks: Sequence[Token]) -> set[str]:
    """Two-word modifiers just before token ``i`` ("special military" operation)."""
    if i >= 2:
        return {f"{toks[i - 2].text.lower()} {toks[i - 1].text.lower()}"}
    return set()


def _with_the(text: str, start: int) -> int:
    """Include a preceding "the " in a name mention."""
    for art in ("the ", "The "):
        if text[max(0, start - 4) : start] == art:
            return start - 4
    return start


def _strip_the_span(m: Mention) -> tuple[int, int]:
    low = m.text.lower()
    if low.startswith("the "):
        return m.start + 4, m.end
    return m.start, m.end


def _trim_name(text: str, start: int, end: int) -> int:
    """The end of a name without its trailing punctuation and spaces."""
    span = text[start:end]
    span = re.sub(r"[\s.,;:'’]+$", "", span)
    return start + len(span)


def _extend_head(text: str, end: int, lex: Lexicon, heads: frozenset[str] | None = None) -> int:
    """Extend a named hit over following modifier and head words ("Patriot" + " air defence systems",
    "Kh-101" + " cruise missiles"): up to three lower-case words ending in a head or extension word."""
    while True:
        words = list(re.finditer(r"[ \t]+([a-z][a-z-]*)", text[end : end + 60]))
        step = 0
        pos = 0
        for k, m in enumerate(words[:3]):
            if m.start() != pos or m.group(1) in _PHRASE_STOP:
                break
            pos = m.end()
            w = m.group(1)
            is_head = (
                (w in heads) if heads is not None else (w in lex.head_extensions or w in lex.nominal_heads)
            )
            if is_head:
                step = m.end()
            del k
        if not step:
            return end
        end += step


def _left_edge(i: int, toks: Sequence[Token], children: Sequence[Sequence[int]], used: set[int]) -> int:
    """Leftmost token of the noun phrase headed by ``i`` (determiners and modifiers), stopping at names."""
    lo = i
    stack = [c for c in children[i] if c < i]
    span = set()
    while stack:
        c = stack.pop()
        if toks[c].dep not in _NP_LEFT_DEPS and toks[c].pos != "PUNCT" and toks[c].dep != "punct":
            continue
        span.add(c)
        stack.extend(k for k in children[c] if k < c)
    # contiguous run to the left of the head
    j = i - 1
    while j >= 0 and j in span and j not in used:
        lo = j
        j -= 1
    # never start with punctuation or a possessive marker
    while lo < i and (
        toks[lo].pos == "PUNCT" or toks[lo].dep in ("case", "punct") or toks[lo].text in ("-", "'s")
    ):
        lo += 1
    return lo


def _coordinated_with(i: int, toks: Sequence[Token], children: Sequence[Sequence[int]], lex: Lexicon,
                      label: str) -> bool:  # fmt: skip
    """True when token ``i`` is coordinated with a head word of ``label`` ("fighter and ... aircraft")."""
    root = i
    while toks[root].dep == "conj" and toks[root].head != root:
        root = toks[root].head
    group = {root}
    stack = [root]
    while stack:
        k = stack.pop()
        for c in children[k]:
            if toks[c].dep == "conj" and c not in group:
                group.add(c)
                stack.append(c)
    group.discard(i)
    return any(lex.nominal_heads.get(toks[k].text.lower()) == label for k in group)


def _place_apposition(t0: Token, toks: Sequence[Token], end: int, place_nouns: frozenset[str]) -> bool:
    """True when the name has an apposition headed by a place noun ("Amarah, a city in ...")."""
    head = t0
    while head.head != head.i and toks[head.head].start >= t0.start and toks[head.head].end <= end:
        head = toks[head.head]
    return any(
        t.dep == "appos" and t.head == head.i and t.lower in place_nouns
        for t in toks[head.i + 1 : head.i + 8]
    )


def _governing_prep(t0: Token, toks: Sequence[Token], end: int) -> str:
    """The preposition a name (starting at token ``t0``) is the object of, lower-cased, or ""."""
    # the name's head token: the token of the name whose head lies outside it
    head = t0
    while head.head != head.i and toks[head.head].start >= t0.start and toks[head.head].end <= end:
        head = toks[head.head]
    if head.dep != "pobj" or head.head == head.i:
        return ""
    return toks[head.head].text.lower()


def _covered_tokens(toks: Sequence[Token], spans: Sequence[tuple[int, int]]) -> set[int]:
    """Indices of the tokens that share a character with one of the spans."""
    out: set[int] = set()
    if not spans or not toks:
        return out
    ends = [t.end for t in toks]
    for s, e in spans:
        k = bisect.bisect_right(ends, s)  # first token ending after s
        while k < len(toks) and toks[k].start < e:
            out.add(k)
            k += 1
    return out


def _occupied(spans: Iterable[tuple[int, int]], size: int) -> bytearray:
    occ = bytearray(size + 1)
    for s, e in spans:
        occ[s:e] = b"\x01" * (e - s)
    return occ


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Keep the best non-overlapping candidates: higher priority first, then longer."""
    order = sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    size = max((c.end for c in cands), default=0)
    occ = bytearray(size + 1)
    chosen: list[_Cand] = []
    for c in order:
        if c.end <= c.start or any(occ[c.start : c.end]):
            continue
        occ[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return chosen
