"""Argument repairs for role filling: where the parse hides a party the coder should read (actor side).

Kept apart from the coder so that each rule is small, documented and testable on its own.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Token
from ..parse import Tree

__all__ = [
    "ADDRESSING_VERBS",
    "ALLEGATION_NOUNS",
    "ARMED_PLATFORMS",
    "ARMED_SECTORS",
    "COUNTERPART_NOUNS",
    "DATED_NAME_LABELS",
    "DEMANDING_PARTICIPLES",
    "WEAPON_NOUNS",
    "addressed_party",
    "against_phrase",
    "alleged_doers",
    "armed_nationality_in",
    "counted_object",
    "counterpart_of_relation",
    "dated_name",
    "demanding_participle_parties",
    "judged_deeds",
    "moved_forces_place",
    "requested_thing_names",
    "thing_beneficiaries",
    "weapon_user",
]

# entity labels of a name the parser may hang on the day after it ("met with President X Tuesday")
DATED_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def dated_name(tree: Tree, o: Token) -> Token | None:
    """The name the parser made a compound of the day that follows it, when ``o`` is that day.

    "met with Syrian President Bashar Assad Tuesday", "met Chinese President Xi Jinping Monday": the small English
    model often reads "Assad Tuesday" as one noun phrase headed by the day, so the day becomes the object and the
    name disappears. The name (the last proper-noun compound before the day, with a person, organisation or place
    label) is the argument; the day only dates the act. None when ``o`` is no date or has no such name."""
    if o.ent_type not in ("DATE", "TIME"):
        return None
    names = [
        k
        for k in tree.kids(o.i, "compound")
        if k.i < o.i and k.pos == "PROPN" and k.ent_type in DATED_NAME_LABELS
    ]
    return names[-1] if names else None


def counted_object(tree: Tree, verb: int) -> Token | None:
    """The object of a verb that the parser hid behind "up to" read as a particle and a preposition.

    "kidnapped up to 16 Russian advisers", "killed up to 30 villagers": the model often reads "up" as the verb's
    particle and "to 16 ... advisers" as a phrase on it, so the verb has no direct object. The counted noun (a
    ``pobj`` of that "to" with a number on it) is the object. None when the verb has a direct object or no such
    phrase."""
    if tree.kid(verb, "dobj") is not None:
        return None
    for prt in tree.kids(verb, "prt"):
        if prt.lower != "up":
            continue
        for p in tree.kids(prt.i, "prep"):
            if p.lower != "to":
                continue
            for o in tree.kids(p.i, "pobj"):
                if o.pos in ("NOUN", "PROPN") and any(k.dep == "nummod" for k in tree.kids(o.i)):
                    return o
    return None


# participles by which protesters say what they want ("demonstrated ..., calling for independence from Iraq")
DEMANDING_PARTICIPLES = frozenset({"call", "demand", "urge", "seek", "press", "clamour", "clamor", "chant"})


def demanding_participle_parties(tree: Tree, h: int) -> list[Token]:
    """Who a protest's participle clause demands something of or from, for the protest's recipient.

    "Thousands demonstrated in Kirkuk calling for independence from Iraq" -> Iraq; "a demonstration calling for the
    removal of President X" -> X (on the protest verb, or as a participle on the protest noun). Only a from/against
    phrase, or the named (proper-noun) party a demand is of: "calling for the release of prisoners" names no
    party the protest is against. ``h`` is the protest verb, or the protest noun."""
    out: list[Token] = []
    for c in tree.kids(h, "advcl", "xcomp", "acl", "conj"):
        if c.tag != "VBG" or (c.lemma or c.text).lower() not in DEMANDING_PARTICIPLES:
            continue
        wanted = [o for p in tree.kids(c.i, "prep") if p.lower == "for" for o in tree.kids(p.i, "pobj")]
        wanted += tree.kids(c.i, "dobj")
        for w in wanted:
            for p in tree.kids(w.i, "prep"):
                for o in tree.kids(p.i, "pobj"):
                    if p.lower in ("from", "against") or (p.lower == "of" and o.pos == "PROPN"):
                        out.append(o)
        out.extend(
            o
            for p in tree.kids(c.i, "prep")
            if p.lower in ("from", "against")
            for o in tree.kids(p.i, "pobj")
        )
    return out


# weapons a by-phrase may name instead of who used them (besides the attack instruments of roles.yaml)
WEAPON_NOUNS = frozenset(
    {"missile", "missiles", "drone", "drones", "rocket", "rockets", "shell", "shells", "bomb", "bombs"}
)


def weapon_user(tree: Tree, agent: Token, instruments: frozenset[str]) -> Token | None:
    """Who used the weapon a passive's by-phrase names, when the weapon's own participle says so.

    "was shot down by a missile believed to have been fired by separatist rebels", "were killed by a bomb that was
    planted by militants": the rebels or militants did it, not the missile. Looks in the weapon's participle (or
    relative clause) and, through a verb of belief or report ("believed/thought/said to have been fired"), in the
    clause it governs, for a by-phrase. None when ``agent`` is no weapon or names no user."""
    lemma = (agent.lemma or agent.text).lower()
    if lemma not in instruments and agent.lower not in instruments and agent.lower not in WEAPON_NOUNS:
        return None
    clauses = [k for k in tree.kids(agent.i, "acl", "relcl") if k.pos in ("VERB", "AUX")]
    for c in list(clauses):
        clauses.extend(k for k in tree.kids(c.i, "xcomp", "ccomp") if k.pos in ("VERB", "AUX"))
    for c in clauses:
        for p in tree.kids(c.i, "agent", "prep"):
            if p.dep == "agent" or p.lower == "by":
                for o in tree.kids(p.i, "pobj"):
                    if o.pos in ("NOUN", "PROPN"):
                        return o
    return None


# nouns of a relation between two sides whose "with" phrase names the other side ("its dispute with Denmark",
# "tensions with Pakistan", "after deliberations with the government")
COUNTERPART_NOUNS = frozenset(
    {"dispute", "disputes", "tension", "tensions", "talk", "talks", "negotiation", "negotiations", "deliberation",
     "deliberations", "row", "standoff", "stand-off", "feud", "quarrel", "conflict", "confrontation", "rift"}
)  # fmt: skip


def counterpart_of_relation(tree: Tree, verb: int) -> list[Token]:
    """The other side of a dispute or talks named in a verb's own clause, for an act that names no recipient.

    "Denmark accepted a formula for ending its fisheries dispute with its European Union partners", "the union
    called off its strike after deliberations with the government": the "with" phrase of a relation noun in the
    verb's objects and phrases (not inside another clause). Returns the phrase heads, nearest first."""
    out: list[Token] = []
    frontier = [verb]
    for _depth in range(4):
        nxt: list[int] = []
        for c in frontier:
            for k in tree.kids(c, "dobj", "prep", "pobj", "pcomp", "compound", "nmod", "advcl"):
                if k.dep == "advcl" and not _noun_read_as_verb(tree, k):
                    continue  # another clause
                if k.lower in COUNTERPART_NOUNS and (
                    k.pos in ("NOUN", "PROPN") or _noun_read_as_verb(tree, k)
                ):
                    out.extend(
                        o for p in tree.kids(k.i, "prep") if p.lower == "with" for o in tree.kids(p.i, "pobj")
                    )
                nxt.append(k.i)
        frontier = nxt
    return out


def _noun_read_as_verb(tree: Tree, k: Token) -> bool:
    """Whether a word tagged as a verb stands where a noun does ("ending its fisheries dispute with ...", where the
    small model tags "dispute" as a verb): an object with a determiner or possessor, or a clause with no subject,
    auxiliary or marker of its own right after a noun (the head of a compound read apart)."""
    if k.pos != "VERB" or tree.kids(k.i, "nsubj", "nsubjpass", "aux", "auxpass", "mark"):
        return False
    after_noun = k.i > 0 and tree.tokens[k.i - 1].pos == "NOUN" and k.tag in ("VB", "VBP", "NN")
    if k.dep in ("dobj", "pobj"):
        return bool(tree.kids(k.i, "det", "poss")) or after_noun
    return k.dep == "advcl" and after_noun


def against_phrase(tree: Tree, verb: int) -> list[int]:
    """Whom the verb a nominal act takes its participants from says the act is against.

    "Serbian forces were engaged in ethnic cleansing in Kosovo against the Albanian population", "the militia took
    part in the fighting against government troops": the parser hangs "against" on the verb, not on the act noun,
    so the act would otherwise take the country of its place. The heads (with their conjuncts) of the verb's own
    "against" phrases; empty when it has none."""
    return [
        j
        for p in tree.kids(verb, "prep")
        if p.lower == "against"
        for o in tree.kids(p.i, "pobj")
        if o.pos in ("NOUN", "PROPN", "PRON")
        for j in tree.conjuncts(o.i)
    ]


def moved_forces_place(tree: Tree, trigger: int) -> Token | None:
    """The place forces are moved out of or into, for an act of moving one's own forces ("withdrawal", "pullout",
    "deployment"): a from/into/to phrase on the act (or on its light verb's object) or on the forces it is of.

    "the withdrawal of some invasion forces from Panama" (the parser hangs "from Panama" on the forces), "announced
    the withdrawal of French soldiers from Mali". The first proper-noun phrase head; None when there is none."""
    t = tree.tokens[trigger]
    acts = [t]
    if t.pos in ("VERB", "AUX"):
        acts += [k for k in tree.kids(trigger, "dobj") if k.pos == "NOUN"]
    owners = list(acts)
    for a in acts:
        owners += [o for p, o in tree.preps(a.i) if p.lower == "of" and o.pos in ("NOUN", "PROPN")]
    for w in owners:
        for p, o in tree.preps(w.i):
            if p.lower in ("from", "into", "to") and o.pos == "PROPN":
                return o
    return None


# sectors whose nationality on an "in" phrase names who did a violent act ("killed in Israeli tank fire")
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "SPY", "COP"})
# weapon platforms that stand for the force using them in such a phrase ("in Israeli tank shelling")
ARMED_PLATFORMS = frozenset(
    {"tank", "tanks", "warplane", "warplanes", "jet", "jets", "helicopter", "helicopters", "gunship", "gunships",
     "artillery", "gunboat", "gunboats", "warship", "warships", "drone", "drones"}
)  # fmt: skip


def armed_nationality_in(tree: Tree, verb: int, sector_of: Callable[[str], str | None]) -> Token | None:
    """Whose force an agentless passive act happened in, when the parse breaks the weapon phrase.

    "Four children were killed in Israeli tank shelling": the small model reads "Israeli tank" as the object of
    "in" and "shelling" as a clause of its own, so the act has no actor. A phrase of the verb whose object is an
    armed sector word (tank, troops, warplanes: ``sector_of``) with a nationality, or a nationality adjective alone
    ("killed in Israeli shelling" parsed with "Israeli" as the object), names the force. None otherwise (a place:
    "killed in Syria"; a sector word with no nationality)."""
    for p, o in tree.preps(verb):
        if p.lower != "in":
            continue
        if o.pos in ("ADJ", "PROPN") and o.ent_type == "NORP":
            return o
        lemma = (o.lemma or o.text).lower()
        armed = sector_of(lemma) in ARMED_SECTORS or lemma in ARMED_PLATFORMS
        if (
            o.pos == "NOUN"
            and armed
            and any(k.ent_type == "NORP" for k in tree.kids(o.i, "amod", "compound"))
        ):
            return o
    return None


def thing_beneficiaries(tree: Tree, heads: list[int]) -> list[int]:
    """Whom the things an act is done to are for: the for/to phrases of common nouns among ``heads``.

    "imposed restrictions on its labour market for new EU members", "limited its grain market to Ukrainian
    exporters": when the thing is the actor's own (or names no one), these name the party the act is aimed at.
    Dates ("for two years") are left out; the caller keeps only phrases that resolve to a party."""
    out: list[int] = []
    for h in heads:
        if tree.tokens[h].pos != "NOUN":
            continue
        for p, o in tree.preps(h):
            if p.lower in ("for", "to") and o.pos in ("NOUN", "PROPN") and o.ent_type not in ("DATE", "TIME"):
                out.extend(tree.conjuncts(o.i))
    return out


# entity labels of a name on a requested thing that says whom it is asked of ("an emergency NATO meeting")
PROVIDER_LABELS = frozenset({"ORG", "GPE", "NORP"})


def requested_thing_names(tree: Tree, verb: int) -> list[Token]:
    """The names on the thing a request asks for, which say whom it is asked of, when the request names no one.

    "Ukraine requested an emergency NATO meeting", "Ghana has requested an urgent ECOWAS summit", "sought Chinese
    investment", "asked to lease a Russian training ground": a request whose object is what is requested (verbs.yaml
    `recipient: none`) is addressed to the party named on that thing. The compound and adjective names (an entity
    label, or a proper noun) on the verb's object, and on the object of its to-infinitive; the caller keeps those
    that resolve to a party other than the actor."""
    objs = list(tree.kids(verb, "dobj"))
    for c in tree.kids(verb, "xcomp"):
        if c.pos == "VERB" and any(k.lower == "to" for k in tree.kids(c.i, "aux")):
            objs += tree.kids(c.i, "dobj")
    out: list[Token] = []
    for o in objs:
        if o.pos != "NOUN" or o.ent_type in PROVIDER_LABELS:
            continue  # a party itself, or a name: the role rules read it
        for k in tree.kids(o.i, "compound", "amod", "nmod"):
            if _name_like(k):
                out.append(k)
            else:
                # "an urgent UN Security Council meeting": the name is a compound of a compound
                out.extend(n for n in tree.kids(k.i, "compound") if _name_like(n))
    return out


def _name_like(k: Token) -> bool:
    """A word that can name a party: an entity label, a proper noun, or an acronym the tagger took for a common
    noun ("an emergency ECOWAS summit")."""
    return k.ent_type in PROVIDER_LABELS or k.pos == "PROPN" or (len(k.text) > 1 and k.text.isupper())


def judged_deeds(tree: Tree, verb: int) -> list[Token]:
    """What a verb of judging (condemning, rejecting) is about, when the parser hid it: the heads whose possessor or
    by-phrase names the party judged. Only for an active verb with no direct object of its own.

    "denounced as an ugly crime Serbia's suppression of ...": the object is an apposition of the "as" phrase;
    "condemned as unacceptable the coup by the army", "rejected as baseless accusations by Amnesty": the object is
    read as the object of "as", with the judgement as its adjective; "condemned the coup by the army": the by-phrase
    of the deed is hung on the verb (an active verb has no agent), returned as the phrase's own head."""
    _subj, passive = tree.subject(verb)
    if passive or tree.kid(verb, "dobj") is not None:
        by_verb = [
            o
            for p in tree.kids(verb, "prep")
            if p.lower == "by" and not passive
            for o in tree.kids(p.i, "pobj")
            if o.pos in ("NOUN", "PROPN") and o.ent_type not in ("DATE", "TIME")
        ]
        return by_verb
    out: list[Token] = []
    for p in tree.kids(verb, "prep"):
        if p.lower != "as":
            continue
        for o in tree.kids(p.i, "pobj"):
            appos = [a for a in tree.kids(o.i, "appos") if a.pos in ("NOUN", "PROPN")]
            if appos:
                out.extend(appos)
                continue
            adjs = [a for a in tree.kids(o.i, "amod") if a.pos == "ADJ" and a.i < o.i]
            dets = [k for k in tree.kids(o.i, "det")]
            if o.pos == "NOUN" and adjs and (not dets or min(a.i for a in adjs) < min(k.i for k in dets)):
                out.append(o)
    return out


# nouns of what is said or suspected about someone, whose that-clause names who is said to have done it
ALLEGATION_NOUNS = frozenset(
    {"allegation", "allegations", "accusation", "accusations", "claim", "claims", "charge", "charges", "report",
     "reports", "suspicion", "suspicions", "complaint", "complaints", "evidence", "rumour", "rumours", "rumor",
     "rumors"}
)  # fmt: skip


def alleged_doers(tree: Tree, trigger: int) -> tuple[list[Token], list[Token]]:
    """Whom an investigation is into, when it is into what someone is said to have done: the subject of the
    that-clause of an allegation noun in the act's into/of/on phrase.

    "The UN opened an investigation into allegations that Burundian soldiers had killed civilians", "completed its
    investigation into an allegation by the LPC that the NPFL had taken over the city": the soldiers, the NPFL (not
    the civilians, nor the LPC who made the allegation). The phrase may hang on the act noun, on its light verb, or
    on the verb itself. Returns the subjects with their conjuncts, and the heads of the by/from phrases that name
    who made the allegation (which the caller puts after the subjects)."""
    t = tree.tokens[trigger]
    owners = [t]
    if t.pos in ("VERB", "AUX"):
        owners += tree.kids(trigger, "dobj")
    elif t.dep == "dobj" and (h := tree.head(trigger)) is not None and h.pos == "VERB":
        owners.append(h)
    out: list[Token] = []
    makers: list[Token] = []
    for w in owners:
        for p, o in tree.preps(w.i):
            if p.lower not in ("into", "of", "on", "over") or o.lower not in ALLEGATION_NOUNS:
                continue
            makers += [m for p2, m in tree.preps(o.i) if p2.lower in ("by", "from")]
            for c in tree.kids(o.i, "acl", "ccomp", "relcl"):
                if c.pos not in ("VERB", "AUX") or not any(m.lower == "that" for m in tree.kids(c.i, "mark")):
                    continue
                for subj in tree.kids(c.i, "nsubj", "nsubjpass"):
                    out.extend(tree.tokens[j] for j in tree.conjuncts(subj.i))
    return out, makers


# verbs of reaching someone, whose object a purpose clause's verbal act is addressed to ("contacted X to propose ...")
ADDRESSING_VERBS = frozenset(
    {"contact", "approach", "lobby", "petition", "email", "phone", "telephone", "ring", "visit", "see", "meet",
     "consult", "summon", "invite", "write", "reach"}
)  # fmt: skip


def addressed_party(tree: Tree, verb: int) -> Token | None:
    """Whom a verb of reaching someone reaches: its direct object ("contacting a number of Lebanese legislatures", the
    quantity's of-phrase when the object is one), or the object of its "to" ("wrote to the president"). None for any
    other verb."""
    v = tree.tokens[verb]
    if v.pos != "VERB" or (v.lemma or v.text).lower() not in ADDRESSING_VERBS:
        return None
    obj = tree.kid(verb, "dobj")
    if obj is None:
        return next((o for p, o in tree.preps(verb) if p.lower == "to" and o.pos in ("NOUN", "PROPN")), None)
    if obj.lower in ("number", "group", "handful", "dozens", "hundreds", "couple", "series"):
        return next((o for p, o in tree.preps(obj.i) if p.lower == "of" and o.pos in ("NOUN", "PROPN")), obj)
    return obj
