"""The coder's sense filter: triggers used in a sense that names no event, and events that are not done.

The pattern lexicon says which words can name an event; this module says when such a word does not, from the
parse alone (rules in ``events/data/senses.yaml``):

- **word senses** of a verb trigger: "He hails from Basra" (origin, not praise), "an airfield also called
  Camp X" (naming, not an appeal), "the hills surrounding the town" (where something lies, not an
  encirclement), "reinforces the work of" (a military verb with an abstract object), "seeking to join"
  (an attempt, not a request), "shot a film", "fight for a seat", "attack the problem", "encouraged by the
  decision" (a feeling, not an appeal), "threatens the security of" (a danger, not a threat made);
- **nominal events that are the content of an ending** ("a cessation of hostilities", "end its attacks"):
  the event is the ending or the call for it;
- **landmarks**: a nominal event in a phrase of place ("blew himself up near a patrol") takes no part in the
  clause's subject;
- **acts that are not done**: questions ("Will X attend ...?"), the purpose of a noun ("operations to free
  the city", "efforts to help") and the purpose of a future or conditional act ("will travel to Paris to
  discuss").

Every decision returns the reason, which the coder records (``tieline explain``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import DataFileError
from ..model import Article, Token
from ..parse import Tree
from .ontology import read_data_file

__all__ = ["NounSense", "SenseFilter", "SenseRule"]

_WHERE = "events/data/senses.yaml"
_RULE_KEYS = {
    "verb",
    "why",
    "prep",
    "prep_object",
    "object",
    "no_object",
    "naming",
    "infinitive",
    "modifier",
    "agent",
    "no_complement",
    "place_object",
    "infinitive_verb",
    "infinitive_object",
    "any_pattern",
    "object_modifier",
    "attributive_of",
}
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# kinds of actor mention that name an actor (a named place that is a city is a place, not an actor)
ACTOR_KINDS = frozenset(
    {
        "country",
        "org",
        "igo",
        "armed_group",
        "person",
        "sector",
        "title",
        "demonym",
        "ner_person",
        "ner_org",
        "pronoun",
    }
)
NAMING_VERBS = frozenset({"call", "describe", "term", "label", "brand", "dub", "name", "deem", "consider"})
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
CONTINUATIVE = frozenset({"be", "continue", "keep", "remain", "proceed", "go"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
CONDITIONAL_AUX = frozenset({"would", "could", "might", "may", "should"})
QUESTION_HEADS = ("question:", "q:")


@dataclass(frozen=True)
class NounSense:
    """One sense of a nominal trigger that names no event; every condition that is set must hold."""

    nouns: frozenset[str]
    why: str
    source: str
    modifier: frozenset[str] | None = None
    without_prep: frozenset[str] | None = None
    prep_object: frozenset[str] | None = (
        None  # an on/against/over phrase names one of these ("an attack on its market share")
    )
    object_of: frozenset[str] | None = (
        None  # the noun is the object of one of these verbs ("reach the target")
    )
    goal_of: bool = (
        False  # its of-phrase is a gerund, a number or a share ("the target of spending 2 percent")
    )


@dataclass(frozen=True)
class SenseRule:
    """One verb sense that names no event; every condition that is set must hold."""

    verbs: frozenset[str]
    why: str
    source: str
    prep: frozenset[str] | None = None
    prep_object: frozenset[str] | None = None
    object: frozenset[str] | None = None
    no_object: bool = False
    naming: bool = False
    infinitive: bool = False
    modifier: bool = False
    agent: frozenset[str] | None = None
    no_complement: bool = False
    place_object: bool = False
    infinitive_verb: frozenset[str] | None = None
    infinitive_object: frozenset[str] | None = None
    any_pattern: bool = False  # also over patterns that name an object ("take part in a march")
    object_modifier: frozenset[str] | None = None  # the object has one of these modifiers ("a tougher line")
    attributive_of: frozenset[str] | None = (
        None  # a past participle modifying one of these ("militias backed by")
    )


def _lemma(t: Token) -> str:
    return (t.lemma or t.text).lower()


def _words(value: Any, classes: Mapping[str, frozenset[str]], what: str) -> frozenset[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(x, str) and x for x in items):
        raise DataFileError(f"{_WHERE}: `{what}` must be a word or a non-empty list of words")
    out: set[str] = set()
    for x in items:
        if x.startswith("@"):
            if x[1:] not in classes:
                raise DataFileError(f"{_WHERE}: `{what}` names an unknown class {x!r}")
            out |= classes[x[1:]]
        else:
            out.add(x.lower())
    return frozenset(out)


class SenseFilter:
    """Decides, from the parse, when a trigger names no event or an event that is not done."""

    def __init__(
        self,
        rules: list[SenseRule],
        *,
        ending_words: frozenset[str],
        landmark_preps: frozenset[str],
        places: frozenset[str],
        people: frozenset[str],
        journeys: frozenset[str] = frozenset(),
        noun_rules: list[NounSense] | None = None,
        averting: frozenset[str] = frozenset(),
        scope: frozenset[str] = frozenset(),
        measures: frozenset[str] = frozenset(),
    ) -> None:
        self.rules: dict[str, list[SenseRule]] = {}
        for r in rules:
            for v in r.verbs:
                self.rules.setdefault(v, []).append(r)
        self.ending_words = ending_words
        self.landmark_preps = landmark_preps
        self.places = places
        self.people = people
        self.journeys = journeys
        self.averting = averting
        self.scope = scope
        self.measures = measures  # "3,200 boxes of cosmetics": a rule's object is read through these heads
        self.noun_rules: dict[str, list[NounSense]] = {}
        for nr in noun_rules or []:
            for n in nr.nouns:
                self.noun_rules.setdefault(n, []).append(nr)

    @classmethod
    def load(cls, verb_classes: Mapping[str, frozenset[str]]) -> SenseFilter:
        """Read ``events/data/senses.yaml``; ``verb_classes`` are the word classes of verbs.yaml."""
        data = read_data_file("senses.yaml")
        raw = data.get("classes") or {}
        if not isinstance(raw, dict):
            raise DataFileError(f"{_WHERE}: `classes` must be a mapping of name -> words")
        classes: dict[str, frozenset[str]] = dict(verb_classes)
        for name, items in raw.items():
            classes[str(name)] = _words(items, classes, f"classes.{name}")
        entries = data.get("verbs")
        if not isinstance(entries, list):
            raise DataFileError(f"{_WHERE}: `verbs` must be a list of rules")
        rules: list[SenseRule] = []
        for n, e in enumerate(entries, 1):
            where = f"verbs[{n}]"
            if not isinstance(e, dict) or "verb" not in e or not isinstance(e.get("why"), str):
                raise DataFileError(f"{_WHERE}: {where} needs `verb` and `why`")
            unknown = set(e) - _RULE_KEYS
            if unknown:
                raise DataFileError(f"{_WHERE}: {where} has unknown keys {sorted(unknown)}")
            flags = {
                k: e.get(k, False)
                for k in (
                    "no_object",
                    "naming",
                    "infinitive",
                    "modifier",
                    "no_complement",
                    "place_object",
                    "any_pattern",
                )
            }
            if any(not isinstance(v, bool) for v in flags.values()):
                raise DataFileError(f"{_WHERE}: {where}: flags must be true or false")

            def opt(key: str, e: dict[str, Any] = e, where: str = where) -> frozenset[str] | None:
                return _words(e[key], classes, f"{where}.{key}") if key in e else None

            rule = SenseRule(
                verbs=_words(e["verb"], classes, f"{where}.verb"),
                why=e["why"],
                source=f"senses.yaml verbs[{n}]",
                prep=opt("prep"),
                prep_object=opt("prep_object"),
                object=opt("object"),
                agent=opt("agent"),
                infinitive_verb=opt("infinitive_verb"),
                infinitive_object=opt("infinitive_object"),
                object_modifier=opt("object_modifier"),
                attributive_of=opt("attributive_of"),
                **flags,
            )
            if rule.prep_object is not None and rule.prep is None:
                raise DataFileError(f"{_WHERE}: {where}: `prep_object` needs `prep`")
            rules.append(rule)
        noun_rules: list[NounSense] = []
        for n, e in enumerate(data.get("nouns") or [], 1):
            where = f"nouns[{n}]"
            if not isinstance(e, dict) or "noun" not in e or not isinstance(e.get("why"), str):
                raise DataFileError(f"{_WHERE}: {where} needs `noun` and `why`")
            unknown = set(e) - {
                "noun",
                "why",
                "modifier",
                "without_prep",
                "prep_object",
                "object_of",
                "goal_of",
            }
            if unknown:
                raise DataFileError(f"{_WHERE}: {where} has unknown keys {sorted(unknown)}")
            noun_rules.append(
                NounSense(
                    nouns=_words(e["noun"], classes, f"{where}.noun"),
                    why=e["why"],
                    source=f"senses.yaml nouns[{n}]",
                    modifier=_words(e["modifier"], classes, f"{where}.modifier") if "modifier" in e else None,
                    prep_object=(
                        _words(e["prep_object"], classes, f"{where}.prep_object")
                        if "prep_object" in e
                        else None
                    ),
                    without_prep=(
                        _words(e["without_prep"], classes, f"{where}.without_prep")
                        if "without_prep" in e
                        else None
                    ),
                    object_of=_words(e["object_of"], classes, f"{where}.object_of")
                    if "object_of" in e
                    else None,
                    goal_of=bool(e.get("goal_of", False)),
                )
            )
        return cls(
            rules,
            noun_rules=noun_rules,
            ending_words=_words(data.get("ending_words"), classes, "ending_words"),
            landmark_preps=_words(data.get("landmark_preps"), classes, "landmark_preps"),
            places=classes.get("place", frozenset()),
            people=classes.get("troops", frozenset()) | classes.get("persons", frozenset()),
            journeys=_words(data.get("journeys"), classes, "journeys"),
            averting=_words(data.get("averting_verbs"), classes, "averting_verbs"),
            scope=_words(data.get("scope_verbs"), classes, "scope_verbs"),
            measures=classes.get("measures", frozenset()),
        )

    # -- word senses of verbs ------------------------------------------------------------------------
    def verb_sense(
        self, tree: Tree, t: Token, actor_kind: Callable[[int], str | None], *, named_object: bool = False
    ) -> str | None:
        """Why the verb ``t`` names no event here (``senses.yaml`` rule and reason), or None.
        ``actor_kind(i)``: the kind of actor mention at token ``i``, if any; ``named_object``: the chosen
        pattern names an object (only rules with ``any_pattern`` apply then)."""
        rules = self.rules.get(_lemma(t))
        if not rules:
            return None
        for r in rules:
            if named_object and not r.any_pattern:
                continue
            if self._holds(r, tree, t, actor_kind):
                return f"{r.why} ({r.source})"
        return None

    def _measured(self, tree: Tree, obj: Token) -> list[Token]:
        """What a measure or container head is of ("3,200 boxes of the make-up", "two tonnes of cocaine")."""
        if _lemma(obj) not in self.measures:
            return []
        return [o for p in tree.kids(obj.i, "prep") if p.lower == "of" for o in tree.kids(p.i, "pobj")]

    def _holds(self, r: SenseRule, tree: Tree, t: Token, actor_kind: Callable[[int], str | None]) -> bool:
        i = t.i
        obj = tree.kid(i, "dobj") or tree.kid(i, "nsubjpass")
        if obj is None and t.dep == "acl" and t.tag == "VBN":
            obj = tree.head(i)  # "the march convened by the party": the noun is what the participle acts on
        if r.no_object and (obj is not None or tree.kid(i, "attr", "oprd", "ccomp", "xcomp") is not None):
            return False
        heads = [] if obj is None else [obj, *self._measured(tree, obj)]
        if r.object is not None and not any(_lemma(o) in r.object for o in heads):
            return False
        if r.object_modifier is not None and not any(
            _lemma(k) in r.object_modifier for o in heads for k in tree.kids(o.i, "amod", "compound")
        ):
            return False
        if r.place_object and (obj is None or not self._is_place(obj, actor_kind)):
            return False
        if r.prep is not None:
            # "took part in the march": the phrase may hang on the verb or on its object
            owners = [i] + ([obj.i] if obj is not None and obj.dep == "dobj" else [])
            objs = [o for h in owners for p, o in tree.preps(h) if p.lower in r.prep]
            has_prt = any(k.lower in r.prep for k in tree.kids(i, "prt"))
            if not objs and not has_prt:
                return False
            if r.prep_object is not None and not any(_lemma(o) in r.prep_object for o in objs):
                return False
        if r.naming and not self._naming(tree, t):
            return False
        if r.infinitive and (
            tree.kid(i, "dobj") is not None
            or not any(any(k.tag == "TO" for k in tree.kids(x.i, "aux")) for x in tree.kids(i, "xcomp"))
        ):
            return False
        if r.infinitive_verb is not None or r.infinitive_object is not None:
            inf = [x for x in tree.kids(i, "xcomp") if any(k.tag == "TO" for k in tree.kids(x.i, "aux"))]
            if r.infinitive_verb is not None:
                inf = [x for x in inf if _lemma(x) in r.infinitive_verb]
            if r.infinitive_object is not None:
                inf = [
                    x for x in inf if any(_lemma(o) in r.infinitive_object for o in tree.kids(x.i, "dobj"))
                ]
            if not inf:
                return False
        if r.modifier and not self._describes_thing(tree, t, actor_kind):
            return False
        if r.attributive_of is not None and not (
            t.dep in ("acl", "amod")
            and t.tag == "VBN"
            and t.head != t.i
            and {_lemma(tree.tokens[t.head]), _lemma(tree.tokens[t.head]).removesuffix("s")}
            & r.attributive_of
        ):  # a plural the tagger took for a name keeps its "s" ("ultra-nationalists")
            return False
        if r.agent is not None:
            agents = [o for p, o in tree.preps(i) if p.dep == "agent" or p.lower == "by"]
            if tree.kid(i, "nsubjpass") is None and t.dep not in ("acl", "amod", "acomp"):
                return False
            if not any(_lemma(o) in r.agent for o in agents):
                return False
        return not (r.no_complement and tree.kid(i, "xcomp", "ccomp") is not None)

    def _is_place(self, obj: Token, actor_kind: Callable[[int], str | None]) -> bool:
        if _lemma(obj) in self.places:
            return True
        if obj.ent_type in ("LOC", "FAC"):
            return True
        return obj.ent_type == "GPE" and actor_kind(obj.i) in (None, "capital", "city")

    def _naming(self, tree: Tree, t: Token) -> bool:
        """ "also called 'Q-West'", "called the deal a betrayal", "the base, which they call Camp X"."""
        if tree.kid(t.i, "oprd") is not None:
            return True
        objs = tree.kids(t.i, "dobj")
        return len(objs) >= 2 or (
            t.dep in ("acl", "relcl", "advcl")
            and t.tag == "VBN"
            and tree.kid(t.i, "attr", "xcomp") is not None
        )

    def _describes_thing(self, tree: Tree, t: Token, actor_kind: Callable[[int], str | None]) -> bool:
        """A present participle modifying a noun that is no actor: "the terrain surrounding the city"."""
        if t.dep not in ("acl", "amod") or t.tag != "VBG":
            return False
        h = tree.head(t.i)
        if h is None or h.pos not in ("NOUN", "PROPN"):
            return False
        kind = actor_kind(h.i)
        if kind is not None and kind in ACTOR_KINDS:
            return False
        return _lemma(h) not in self.people

    # -- nominal events ------------------------------------------------------------------------------
    def noun_sense(self, tree: Tree, t: Token) -> str | None:
        """Why the nominal trigger ``t`` names no event here ("a news conference", "in the release"), or None."""
        for r in self.noun_rules.get(_lemma(t), ()):
            if r.modifier is not None and not any(
                _lemma(k) in r.modifier for k in tree.kids(t.i, "compound", "amod", "nmod")
            ):
                continue
            if r.prep_object is not None and not any(
                p.lower in ("on", "against", "over") and _lemma(o) in r.prep_object
                for p, o in tree.preps(t.i)
            ):
                continue
            if r.without_prep is not None and (
                any(p.lower in r.without_prep for p, _o in tree.preps(t.i))
                or tree.kid(t.i, "poss") is not None
            ):
                continue
            if r.object_of is not None and not _object_of(tree, t, r.object_of):
                continue
            if r.goal_of and not _goal_of(tree, t):
                continue
            return f"{r.why} ({r.source})"
        return None

    def ended(self, tree: Tree, t: Token) -> str | None:
        """Why the nominal event ``t`` is only the content of an ending ("a cessation of hostilities", "an end
        to the fighting", "end its attacks", "halt the offensive") or what a naming verb calls something
        ("called the strike a violation"), or None."""
        h = tree.head(t.i)
        if h is None:
            return None
        if t.dep in ("oprd", "attr") and h.pos == "VERB" and _lemma(h) in NAMING_VERBS:
            # "called the strike an unprovoked violation": a characterisation, not an event of its own
            return f"what '{h.text}' calls something ('{t.text}'): a characterisation, not an event"
        gov: Token | None = None
        if t.dep == "dobj":
            gov = h
        elif t.dep == "pobj" and h.dep == "prep" and h.lower in ("of", "to", "in", "on", "at"):
            # "a cessation of hostilities", "an end to the fighting", "cease at once airstrikes"
            gov = tree.head(h.i)
        elif t.dep == "compound":
            gov = h
        if gov is not None and gov.pos in ("VERB", "AUX") and _lemma(gov) not in self.ending_words:
            # "putting an end to the war", "brought a halt to the fighting": the ending is the verb's object
            gov = next(
                (k for k in tree.kids(gov.i, "dobj") if k.i != t.i and _lemma(k) in self.ending_words), gov
            )
        if gov is None or _lemma(gov) not in self.ending_words:
            return None
        return f"the content of '{gov.text}': the event is the ending, not the act it ends (senses.yaml ending_words)"

    def landmark(self, tree: Tree, t: Token, speech: frozenset[str] = frozenset()) -> bool:
        """Whether the nominal event ``t`` sits in a phrase of place or circumstance ("blew himself up near a
        patrol", "urged sanctions amid ceasefire violations") or is the topic of a speech verb ("commented on the
        bombings"; ``speech``: lemmas of reporting verbs): the clause's subject takes no part in it."""
        h = tree.head(t.i)
        if t.dep != "pobj" or h is None or h.dep != "prep":
            return False
        if h.lower in self.landmark_preps:
            return True
        gov = tree.head(h.i)
        return h.lower in TOPIC_PREPS and gov is not None and gov.pos == "VERB" and _lemma(gov) in speech

    # -- acts that are not done -------------------------------------------------------------------------
    def question(self, article: Article, tree: Tree, i: int) -> bool:
        """Whether token ``i`` is in a question ("Will X attend ...?", "Question: ...")."""
        sent = article.sentences[tree.sent_of[i]]
        text = article.text[sent.start : sent.end].strip().strip("\"'\u201d\u2019 ")
        return text.endswith("?") or text.lower().startswith(QUESTION_HEADS)

    def not_done(
        self,
        article: Article,
        tree: Tree,
        t: Token,
        aspectual: frozenset[str] = frozenset(),
        *,
        expressed: bool = False,
    ) -> tuple[str, str] | None:
        """``(modality, why)`` when the asserted-looking act ``t`` is not done: its sentence is a question, or it is
        the purpose of a noun ("operations to free the city"), of another act ("attacked the town to retake it";
        not of an aspectual verb: "used tear gas to disperse" is the dispersal) or of a journey that is future or
        conditional ("will travel to Paris to discuss"); it shares the future or condition of the verb it is
        coordinated with or the complement of ("will gather ... and be called on"), and it is negated under a
        negated verb ("does not permit X to arrest"). ``expressed``: the act is one that another act expresses
        (a protest, a demand: "marched to demand"), so that being a purpose does not make it undone."""
        if self.question(article, tree, t.i):
            return "hypothetical", "the sentence is a question: nothing is said to have happened"
        if t.pos in ("NOUN", "PROPN"):
            return self._future_object(tree, t)
        if t.pos not in ("VERB", "AUX"):
            return None
        if t.dep == "ROOT" and any(k.tag == "TO" for k in tree.kids(t.i, "aux")) and tree.kid(t.i, "nsubj"):
            return "pledged", "a headline infinitive ('X to send ...'): announced, not done yet"
        inherited = self._inherited(article, tree, t, aspectual)
        if inherited is not None:
            return inherited
        # "in order to facilitate supplying": climb to the to-infinitive the act belongs to
        c = t
        for _ in range(3):
            if any(k.tag == "TO" for k in tree.kids(c.i, "aux")):
                break
            h = tree.head(c.i)
            if h is None or c.dep not in ("xcomp", "conj") or h.pos not in ("VERB", "AUX"):
                return None
            c = h
        else:
            return None
        if not any(k.tag == "TO" for k in tree.kids(c.i, "aux")):
            return None
        h = tree.head(c.i)
        if h is None:
            return None
        g = tree.head(h.i) if c.dep == "acl" and h.dep == "dobj" else h
        if c.dep in ("xcomp", "acl") and g is not None and g.pos in ("VERB", "AUX") and tree.negated(g.i):
            # "does not permit any authority to carry out arrests", "did not allow them to leave"
            return "negated", f"the complement of the negated '{g.text}': not done"
        if c.dep == "xcomp" and _lemma(h) == "be":
            return "hypothetical", f"an aim or a schedule ('{h.text} to ...'): not done"
        if c.dep == "acl" and h.pos in ("NOUN", "PROPN"):
            # "operations to free the city", "a responsibility to press the regime": not done, whatever the act
            return (
                "hypothetical",
                f"the purpose of '{h.text}' (a to-infinitive on a noun): aimed at, not done",
            )
        if expressed:
            return None  # the purpose of an act that expresses it ("marched to demand") is done by that act
        if h.pos not in ("VERB", "AUX") or _lemma(h) in aspectual:
            return None
        aux = {k.lower for k in tree.kids(h.i, "aux")}
        if c.dep == "advcl" or (c.dep == "xcomp" and _lemma(h) in self.journeys):
            if aux & FUTURE_AUX:
                return "pledged", f"the purpose of the future act '{h.text}': not done yet"
            if aux & CONDITIONAL_AUX:
                return "hypothetical", f"the purpose of the conditional act '{h.text}': not done"
            if c.dep == "advcl" and _lemma(h) not in self.journeys:
                return (
                    "hypothetical",
                    f"the purpose of '{h.text}' (a to-infinitive clause): aimed at, not done",
                )
        return None

    def _inherited(
        self, article: Article, tree: Tree, t: Token, aspectual: frozenset[str]
    ) -> tuple[str, str] | None:
        """The future or conditional of the verb that governs an untensed act: a coordinated verb with no
        tense of its own ("will gather ... and be called on to ask") or the complement of an aspectual verb
        ("an accord that would let their forces train", "will continue to shell")."""
        h = tree.head(t.i)
        if h is None or h.pos not in ("VERB", "AUX"):
            return None
        if t.dep == "conj":
            untensed = t.tag == "VB" or (
                t.tag == "VBN" and any(k.tag == "VB" for k in tree.kids(t.i, "auxpass"))
            )
            if not untensed or tree.kids(t.i, "aux"):
                return None
            what = f"coordinated with '{h.text}'"
            if t.tag == "VB" and h.tag in ("VBZ", "VBD") and tree.kid(t.i, "nsubj", "nsubjpass") is None:
                # "Russia has a responsibility to press ... and allow relief": a bare infinitive cannot share the
                # tense of 'has'; it continues an infinitive or an imperative, which is not done
                return "hypothetical", f"an untensed verb {what}, which is tensed: an infinitive, not done"
            if any(k.tag == "TO" for k in tree.kids(h.i, "aux")):
                # "to press the regime ... and allow relief": the to-infinitive's status is shared
                shared = self.not_done(article, tree, h, aspectual)
                if shared is not None:
                    return shared[0], f"{what}: {shared[1]}"
        elif t.dep in ("xcomp", "ccomp") and _lemma(h) in aspectual and _lemma(h) not in CONTINUATIVE:
            # not "will continue to shell": what continues is already under way
            what = f"the complement of '{h.text}'"
        else:
            return None
        aux = {k.lower for k in tree.kids(h.i, "aux")}
        if aux & FUTURE_AUX:
            return "pledged", f"{what}, which is future: not done yet"
        if aux & CONDITIONAL_AUX:
            if aux & CONDITIONAL_AUX == {"would"} and h.dep == "ccomp":
                return "pledged", f"{what}, a future in reported speech: not done yet"
            return "hypothetical", f"{what}, which is conditional: not done"
        return None

    def _future_object(self, tree: Tree, t: Token) -> tuple[str, str] | None:
        """A nominal event that is the object of a future or conditional act, or what it is for ("will attend the
        summit", "will travel to Paris for the meeting") is not done yet."""
        h = tree.head(t.i)
        if h is None:
            return None
        if t.dep in ("dobj", "nsubjpass") and h.pos in ("VERB", "AUX"):
            # "police foiled attacks on two churches", "the treaty covers attacks on its ships": an act that is
            # prevented, or that a rule or an agreement is about, is not said to have happened
            if _lemma(h) in self.averting:
                return "hypothetical", f"the object of '{h.text}': prevented, not done"
            if _lemma(h) in self.scope:
                return "hypothetical", f"what '{h.text}' is about (its scope), not an act that happened"
        gov: Token | None = None
        if t.dep == "dobj":
            gov = h
        elif t.dep == "pobj" and h.dep == "prep" and h.lower == "for":
            gov = tree.head(h.i)
        if gov is None or gov.pos not in ("VERB", "AUX"):
            return None
        aux = {k.lower for k in tree.kids(gov.i, "aux")}
        if aux & FUTURE_AUX:
            return "pledged", f"the object of the future act '{gov.text}': not done yet"
        if aux & CONDITIONAL_AUX == {"would"} and gov.dep == "ccomp":
            # "said they would maintain their military aid": the future in reported speech
            return "pledged", f"the object of '{gov.text}', a future in reported speech: not done yet"
        if aux & CONDITIONAL_AUX:
            return "hypothetical", f"the object of the conditional act '{gov.text}': not done"
        return None


def _object_of(tree: Tree, t: Token, verbs: frozenset[str]) -> bool:
    """Whether noun ``t`` is the direct object (or passive subject) of one of ``verbs`` ("reach the target", "the
    target was met"), through a coordinated noun."""
    while t.dep == "conj" and t.head != t.i and tree.tokens[t.head].pos in ("NOUN", "PROPN"):
        t = tree.tokens[t.head]
    h = tree.head(t.i)
    return (
        h is not None and t.dep in ("dobj", "nsubjpass") and h.pos in ("VERB", "AUX") and _lemma(h) in verbs
    )


def _goal_of(tree: Tree, t: Token) -> bool:
    """Whether the of-phrase of noun ``t`` names a goal: a gerund, a number or a share ("the target of spending two
    percent", "a target of 2%", "a target of 40,000 recruits")."""
    for p in tree.kids(t.i, "prep"):
        if p.lower != "of":
            continue
        for o in tree.kids(p.i, "pobj", "pcomp"):
            if o.tag == "VBG" or o.pos == "NUM" or _lemma(o) in ("percent", "per", "%", "cent"):
                return True
            if tree.kids(o.i, "nummod"):
                return True
    return False
