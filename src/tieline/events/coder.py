"""Event coding over the dependency parse: who did what to whom, coded in PLOVER and CAMEO.

For every clause the coder finds a trigger (a verb or a nominal event from the pattern lexicon),
its actor and recipient (active and passive voice, coordination, controlled and gerund clauses,
possessors, ``between X and Y``), the modality (asserted, pledged, threatened, negated,
hypothetical), the attribution of reported speech, the date (historical references keep their own
year), the place, the context, and a reason that names the pattern and the words that filled each
role.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..actors.resolver import (
    COUNTRY_NOUNS_PLURAL,
    QUANTITY_HEADS,
    RELATIONAL_NOUNS,
    ArticleActors,
    Resolver,
    norm_key,
    stance_affix,
)
from ..errors import DataFileError
from ..model import Actor, Article, Event, Evidence, Location, Token, content_id
from ..parse import Tree
from .arguments import (
    addressed_party,
    against_phrase,
    alleged_doers,
    armed_nationality_in,
    counted_object,
    counterpart_of_relation,
    dated_name,
    demanding_participle_parties,
    judged_deeds,
    moved_forces_place,
    requested_thing_names,
    thing_beneficiaries,
    weapon_user,
)
from .asked import AskedFor
from .dates import later_date, narrative_ref, resolve_date
from .lexicon import Lexicon, NounPattern, VerbPattern
from .ontology import Ontology, read_data_file
from .senses import SenseFilter
from .trace import CoderTrace, drop, note

__all__ = ["Coder", "Draft"]

RECIPIENT_PREPS = ("with", "against", "on", "to", "toward", "towards", "at", "from", "for", "into", "over")
PLACE_PREPS = frozenset({"in", "at", "near", "off", "outside", "inside", "across", "along", "from"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
# nouns whose "on" phrase is a topic ("talks on Syria"), not a target ("an attack on a base")
TOPIC_NOUNS = frozenset(
    {"talk", "meeting", "discussion", "negotiation", "conference", "summit", "consultation", "dialogue", "statement",
     "resolution", "briefing", "report", "agreement", "deal", "vote", "debate", "decision", "position", "stance"}
)  # fmt: skip
# heads of a phrase that names a place by its kind: "the capital city of Algiers", "the town of Samarra"
PLACE_TYPE_NOUNS = frozenset(
    {"city", "town", "village", "capital", "port", "province", "region", "district", "county", "state", "island",
     "enclave", "territory", "outskirts", "suburb", "area", "department", "governorate", "prefecture", "oblast",
     "municipality", "commune", "canton"}
)  # fmt: skip
MODAL_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "should"})
NOT_YET = frozenset({"pledged", "threatened", "hypothetical"})  # modalities of an act still to come
FUTURE = frozenset({"will", "shall", "'ll"})
# prepositions that introduce the content of an event ("opposed to mediation", "called for sanctions",
# "accused of the killing"), unlike those of time, place or circumstance ("in the attack", "after the talks")
CONTENT_PREPS = frozenset({"to", "for", "of", "on", "against", "with", "over", "about"})
# a negated act with one of these auxiliaries is a refusal ("will not accept", "won't", "does not recognise");
# a negated past act ("did not sign", "had never armed") is a non-event, not a rejection
# head nouns of a named place ("northern Baghlan province", "the Kharkiv region")
PLACE_HEADS = frozenset(
    {"province", "region", "district", "state", "county", "governorate", "town", "city", "village", "department",
     "prefecture", "oblast", "municipality"}
)  # fmt: skip
# sectors of a state's own agents: what "the ministry", "officials", "the army" with no nationality stand for
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
TIME_PREPS = frozenset({"after", "before", "during", "since", "following", "amid", "until"})
# verbs that carry out, wage or keep up the act their object or phrase names ("carried out strikes in X", "waged war
# in Y", "stayed on alert in Z"), besides the light and aspectual verbs: the verb's place is the act's
CARRYING_VERBS = frozenset(
    {"carry", "wage", "mount", "stay", "step", "intensify", "escalate", "engage", "pursue"}
)
# adjectives by which a copula's subject is said to have done the act in their phrase ("X is responsible for the
# killings", "Y was guilty of war crimes")
DEED_ADJECTIVES = frozenset({"responsible", "guilty", "culpable", "accountable", "liable", "answerable"})
# prepositions by which a verb that is no event of its own takes a nominal event as its content ("remained on
# alert", "engaged in fighting", "kept under siege"): the verb's place phrase is the noun's place
CLAUSE_EVENT_PREPS = frozenset({"on", "in", "into", "under", "at"})
PLACE_NOUNS = frozenset(
    {"area", "areas", "neighborhood", "neighbourhood", "zone", "site", "border", "territory"}
)
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
# a subject that only counts people ("Thousands attended the funeral", "Hundreds gathered"): no party is named
CROWD_WORDS = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens", "crowd", "crowds"})
PERFECT_AUX = frozenset({"has", "have", "had", "'s", "'ve", "'d"})
REFUSAL_AUX = frozenset({"will", "would", "shall", "'ll", "wo", "do", "does"})
MAX_SENTENCE_TOKENS = 400
# phrases that name the party an act on a thing is aimed at ("aid to Serbia", "a blockade on X", "an invasion
# of X", "contact with X"), on the object and on the verb (for patterns whose object is not the recipient)
OBJECT_PARTY_PREPS = frozenset(
    {"to", "against", "on", "with", "for", "of", "from", "into", "toward", "towards"}
)
PLACE_PARTY_WHY = "the country where the act happened"
# "in protest at X", "in defiance of X", "in opposition to X": what a protest is against
PROTEST_FRAMES = frozenset({"protest", "defiance", "opposition", "response"})
POSSESSIVE_WORDS = frozenset({"its", "their", "his", "her", "whose"})
# words for a state's own side: "the Iranian side", "the Syrian camp" speak for the state, not for its people
STATE_SIDE_NOUNS = frozenset(
    {"side", "sides", "delegation", "delegations", "camp", "team", "party", "parties"}
)
# the phrases of a thing an act is done to that name where it is or whose it is ("the refineries in Iran", "power lines
# leading into Kabul", "the removal of President X", "a camp for Congolese refugees")
THING_PLACE_PREPS = frozenset({"in", "near", "into", "inside", "outside", "across", "through"})
THING_OWNER_PREPS = THING_PLACE_PREPS | {"of", "for", "from"}
# verbs by which a thing conveys people ("a convoy carrying UN peacekeepers"): those people are what an act on it is on
CONVEYING_VERBS = frozenset({"carry", "transport", "ferry", "bring", "escort", "shuttle", "evacuate"})
VERB_PARTY_PREPS = frozenset({"to", "against", "on", "with", "from", "toward", "towards"})
# CAMEO roots of acts that another act expresses: a purpose clause of these is done by the act it is the purpose
# of ("shunned work to protest", "took to the streets to demand", "wrote to criticise")
EXPRESSED_BY_ACTS = frozenset({"01", "02", "10", "11", "14"})
# CAMEO roots of acts that judge another act (investigate, criticise, accuse): "an investigation of arms sales to
# Peru", "criticism of aid to Israel" are aimed at whoever did the act, never at whom that act was aimed at
JUDGING_ACTS = frozenset({"09", "11"})
# verbs of suffering losses: their subject is who an act in their in/during/from phrase is done to
LOSS_VERBS = frozenset({"suffer", "lose", "sustain", "incur"})
# CAMEO roots of conflictual acts that can be held out as a threat on a condition (not 13 threats themselves)
CONFLICT_ROOTS = frozenset({"16", "17", "18", "19", "20"})

# A place phrase naming a boundary ("near the Somali border") does not put an event in the country of its adjective.
_BOUNDARY_NOUNS = frozenset({"border", "frontier", "boundary", "borderland", "crossing"})


@dataclass
class Draft:
    """An event before it is finalised: token indices and resolved roles."""

    trigger: int
    code: str
    pattern: str
    kind: str  # verb | noun
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    attribution: list[Actor] = field(default_factory=list)
    modality: str = "asserted"
    reciprocal: bool = False
    trigger_end: int = -1  # last token of the trigger phrase
    result_of: int = -1  # the trigger of the attack this is a result of ("attacked in 2020, killing three")
    roles: list[str] = field(default_factory=list)
    date: tuple[_dt.date, str, str] | None = None  # date, precision, source
    location: Location | None = None
    specific: int = 0
    embedded: bool = False
    demanded: bool = False  # a reported act the speaker says the actor must do: the speaker's demand
    refusal: bool = False  # negated, present or future, active: "will not accept", "does not recognise"
    natural_cause: bool = False  # the act's subject or agent is a natural or accidental cause
    predicate_noun: bool = False  # object of a light or aspectual verb: "held talks", "continued a strike"
    background: bool = False  # in a relative or temporal clause: "a clinic supported by", "after X did Y"
    dropped: str = ""  # why the draft did not become an event (for `tieline explain`)
    no_recipient: bool = False  # the pattern takes no recipient (`recipient: none`: "called for talks")
    target: bool = False  # the act names a concrete target ("shot down a helicopter", "fire against camps")
    condition_party: list[Actor] = field(default_factory=list)  # subject of an if/unless clause on the act
    standalone: bool = False  # complete without named parties ("weapons were seized"; `standalone` patterns)
    governor: Draft | None = (
        None  # the event whose complement or object this one is ("agreed to [provide aid]")
    )
    named_actor: bool = (
        False  # the act has an actor phrase in the text, resolved or not ("the two ministers agreed")
    )
    crowd_actor: bool = (
        False  # that phrase is only a number of people ("Thousands attended"), which names no party
    )
    governed: bool = False  # embedded under another event's trigger ("accused X of seeking to attack")
    thing_owner: list[Actor] = field(default_factory=list)  # where the thing acted on is, or whose it is
    thing_why: str = ""


class Coder:
    """Codes events in a parsed article. Build once; call :meth:`code` per article."""

    def __init__(self, ontology: Ontology, lexicon: Lexicon, resolver: Resolver, *, version: str) -> None:
        self.ontology = ontology
        self.lexicon = lexicon
        self.resolver = resolver
        self.version = version
        self.geocoder: Any = None  # tieline.geo.Geocoder: coordinates and countries for places
        intent = read_data_file("intent.yaml")
        self.intent: dict[str, str | None] = {
            **{str(k): v for k, v in (intent.get("cooperative") or {}).items()},
            **{str(k): v for k, v in (intent.get("conflictual") or {}).items()},
        }
        self.refused: dict[str, str] = {str(k): str(v) for k, v in (intent.get("refused") or {}).items()}
        self.demanded: dict[str, str] = {str(k): str(v) for k, v in (intent.get("demanded") or {}).items()}
        ult = intent.get("ultimatum") or {}
        self.ultimatum: str | None = str(ult["code"]) if ult.get("code") else None
        self.ultimatum_marks = frozenset(str(m).lower() for m in ult.get("marks") or ())
        self.failed_verbs = frozenset(str(v).lower() for v in intent.get("failed_verbs") or ())
        prep = intent.get("prepared_force") or {}
        self.prepare_cues = frozenset(str(v).lower() for v in prep.get("cues") or ())
        self.prepared_roots = frozenset(str(v) for v in prep.get("roots") or ())
        self.prepared_code: str | None = str(prep["code"]) if prep.get("code") else None
        joint = intent.get("joint_posture") or {}
        self.joint_from: str | None = str(joint["from"]) if joint.get("from") else None
        self.joint_code: str | None = str(joint["code"]) if joint.get("code") else None
        own = intent.get("own_training") or {}
        self.own_training_verbs = frozenset(str(v).lower() for v in own.get("verbs") or ())
        self.own_training_from: str | None = str(own["from"]) if own.get("from") else None
        self.own_training_code: str | None = str(own["code"]) if own.get("code") else None
        self.own_training_objects = frozenset(str(v).lower() for v in own.get("objects") or ())
        nsr = intent.get("non_state_repression") or {}
        self.repression_from: str | None = str(nsr["from"]) if nsr.get("from") else None
        self.repression_code: str | None = str(nsr["code"]) if nsr.get("code") else None
        self.non_state_sectors = frozenset(str(v).upper() for v in nsr.get("non_state") or ())
        nsd = intent.get("non_state_detention") or {}
        self.detention_from: str | None = str(nsd["from"]) if nsd.get("from") else None
        self.abduction_code: str | None = str(nsd["code"]) if nsd.get("code") else None
        self.detaining_non_state = frozenset(str(v).upper() for v in nsd.get("non_state") or ())
        stop = intent.get("dissent_stopped") or {}
        self.stopped_from: str | None = str(stop["from"]) if stop.get("from") else None
        self.stopped_code: str | None = str(stop["code"]) if stop.get("code") else None
        self.stopping_agents = frozenset(str(v).upper() for v in stop.get("agents") or ())
        cond = intent.get("conditional_threat") or {}
        self.threat_marks = frozenset(str(m).lower() for m in cond.get("marks") or ())
        self.threat_modalities = frozenset(str(m) for m in cond.get("modalities") or ())
        for code in (
            *self.intent.values(),
            *self.refused.values(),
            *self.demanded.values(),
            self.ultimatum,
            self.prepared_code,
            self.joint_from,
            self.joint_code,
            self.own_training_from,
            self.own_training_code,
            self.repression_from,
            self.repression_code,
            self.detention_from,
            self.abduction_code,
            self.stopped_from,
            self.stopped_code,
        ):
            if code is not None and not ontology.has_code(code):
                raise DataFileError(f"events/data/intent.yaml: unknown CAMEO code {code}")
        self.score_weights, self.calibration = _read_confidence()
        mod = lexicon.modality
        self.pledge_cues = frozenset(mod.get("pledged", ()))
        self.threat_cues = frozenset(mod.get("threatened", ()))
        self.negating_cues = frozenset(mod.get("negated_verbs", ()))
        self.hypo_cues = frozenset(mod.get("hypothetical", ()))
        self.reporting = frozenset(mod.get("reporting", ()))
        self.requested = frozenset(mod.get("requested", ()))
        self.obligation = frozenset(mod.get("obligation", ()))
        self.natural = frozenset(mod.get("natural_causes", ()))
        self.accidental = frozenset(mod.get("accidental_agents", ()))
        self.aspectual = frozenset(mod.get("aspectual", ()))
        self.support_nouns = frozenset(mod.get("support_nouns", ()))
        self.partitive_nouns = frozenset(mod.get("partitive_nouns", ()))
        self.series_nouns = frozenset(mod.get("series_nouns", ()))
        self.forecast_code = "012"  # a pessimistic comment: what a warning of others' possible acts is
        self.abstract_targets = frozenset(mod.get("abstract_targets", ()))
        self.background_marks = frozenset(mod.get("background_marks", ()))
        self.inert_objects = frozenset(mod.get("inert_objects", ()))
        self.agentive = frozenset(mod.get("agentive_verbs", ()))
        self.receiving = frozenset(mod.get("receiving_verbs", ()))
        self.visit_codes = frozenset(mod.get("visit_codes", ()))
        self.delivery = frozenset(mod.get("delivery_verbs", ()))
        self.flow_verbs = frozenset(mod.get("flow_verbs", ()))
        self.object_control = frozenset(mod.get("object_control", ()))
        self.perpetrate = frozenset(mod.get("perpetrate", ()))
        self.forecasts = frozenset(mod.get("forecasts", ()))
        self.manner_frames = frozenset(mod.get("manner_frames", ()))
        self.characterizing = frozenset(mod.get("characterizing_frames", ()))
        self.expectation_nouns = frozenset(mod.get("expectation_nouns", ()))
        self.purpose_frames = frozenset(mod.get("purpose_frames", ()))
        self.dissuading = frozenset(mod.get("dissuading", ()))
        self.preventing = frozenset(mod.get("preventing", ()))
        self.mutual = frozenset(mod.get("mutual_fighting", ()))
        self.effort_nouns = frozenset(mod.get("effort_nouns", ()))
        self.asked = AskedFor.from_modality(
            mod
        )  # nominal acts asked for ("called for a ceasefire"): not done
        roles = read_data_file("roles.yaml")
        self.speech_act_nouns = _word_list(roles, "speech_act_nouns", "words")
        self.stative_passives = _word_list(roles, "stative_passives", "verb lemmas")
        self.mutual_verbs = _word_list(roles, "mutual_verbs", "verb lemmas")
        self.place_addressed = _word_list(roles, "place_addressed_objects", "words")
        self.document_nouns = _word_list(roles, "document_nouns", "words")
        self.attack_instruments = _word_list(roles, "unnamed_attack_instruments", "words")
        self.symmetric_acts = _word_list(roles, "symmetric_acts", "CAMEO codes")
        self.third_party_acts = _word_list(roles, "third_party_acts", "CAMEO codes")
        self.third_party_verbs = _word_list(roles, "third_party_verbs", "verb lemmas")
        self.cause_frames = _word_list(roles, "cause_frames", "nouns")
        self.affiliation_words = _word_list(roles, "affiliation_words", "words")
        self.helper_nouns = _word_list(roles, "helper_nouns", "nouns")
        self.region_words = _word_list(roles, "region_words", "words")
        self.mediate_code = min(
            self.third_party_acts
        )  # "hosted talks between the warring parties": mediation
        self.topic_preps = _word_list(roles, "topic_preps", "prepositions")
        self.reaction_verbs = _word_list(roles, "reaction_verbs", "verb lemmas")
        self.domestic_acts = tuple(sorted(_word_list(roles, "domestic_acts", "CAMEO code prefixes")))
        self.engage_verbs = _word_list(roles, "engage_verbs", "verb lemmas")
        self.place_state_acts = tuple(sorted(_word_list(roles, "place_state_acts", "CAMEO code prefixes")))
        self.operation_nouns = _word_list(roles, "operation_nouns", "nouns")
        self.abroad_agents = _word_list(roles, "abroad_agents", "nouns")
        self.foreign_forces = _word_list(roles, "foreign_forces", "nouns")
        self.domestic_agents = frozenset(
            w.upper() for w in _word_list(roles, "domestic_agents", "sector codes")
        )
        self.domestic_groups = frozenset(
            w.upper() for w in _word_list(roles, "domestic_groups", "sector codes")
        )
        self.deed_object_verbs = _word_list(roles, "deed_object_verbs", "verb lemmas")
        self.own_forces_acts = tuple(sorted(_word_list(roles, "own_forces_acts", "CAMEO code prefixes")))
        self.decision_nouns = _word_list(roles, "decision_nouns", "nouns")
        self.blame_adjectives = _word_list(roles, "blame_adjectives", "adjective lemmas")
        self.resort_verbs = _word_list(roles, "resort_verbs", "verb lemmas")
        self.decision_verbs = _word_list(roles, "decision_verbs", "verb lemmas")
        self.senses = SenseFilter.load(lexicon.classes)  # word senses that name no event (data/senses.yaml)

    # -- public --------------------------------------------------------------------------------
    def code(
        self, article: Article, *, date: _dt.date | None = None, trace: CoderTrace | None = None
    ) -> list[Event]:
        """The events of a parsed article; with ``trace``, every decision is recorded there (tieline explain)."""
        ref = date or article.date
        tree = Tree.of(article)
        actors = self.resolver.scan(article, tree, ref)
        events: list[Event] = []
        self._group: list[Actor] = []
        # pairs of parties named together so far (countries -> times, last seen, the two actors): the article's
        # main pair is what "the two ministers", "both sides" refer to
        self._pairs: dict[frozenset[str], tuple[int, int, list[Actor]]] = {}
        # state agents named with their country so far (head word -> country), and the dateline's country: what
        # "the ministry", "officials", "the army" with no nationality of their own belong to
        self._agents: dict[str, str] = {}
        self._last_attack: list[
            Actor
        ] = []  # the actors of the article's last attack so far ("condemned the attack")
        self._home_dateline: str | None = None
        if self.geocoder is not None:
            from ..geo import dateline_place

            dl = dateline_place(article, self.geocoder)
            self._home_dateline = dl.country if dl is not None else None
        for si, sent in enumerate(article.sentences):
            if sent.tok_end - sent.tok_start > MAX_SENTENCE_TOKENS:
                note(
                    trace, sent.tok_start, "sentence", "skipped", f"longer than {MAX_SENTENCE_TOKENS} tokens"
                )
                continue
            drafts = self._sentence(article, tree, actors, si, ref, trace=trace)
            home = _context_country(article, actors, si) if drafts else None
            if home is not None and any(_party(d, home) for d in drafts):
                # "Senator X said he agreed ..., but warned that Turkey ...", "lawmakers blocked the sale since Turkey
                # requested the jets": the country is a party here, not the setting
                home = None
            for d in drafts:
                ev = self._finish(article, tree, d, si, ref, trace=trace, home=home, actors=actors)
                if ev is not None:
                    note(trace, d.trigger, "finish", "event", pattern=d.pattern, draft=d, event=ev)
                    events.append(ev)
        # events with no place of their own take the article's dateline or main place, marked as such
        if self.geocoder is not None and any(e.location is None for e in events):
            from ..geo import article_place, dateline_place

            fallback = dateline_place(article, self.geocoder)
            source = "dateline"
            if fallback is None:
                fallback, source = article_place(article, self.geocoder), "article"
            if fallback is not None:
                fallback = replace(fallback, source=source)
                for e in events:
                    if e.location is None:
                        e.location = fallback
        # one event per trigger and role set
        seen: set[str] = set()
        unique = []
        for e in events:
            if e.id not in seen:
                seen.add(e.id)
                unique.append(e)
            elif trace is not None:
                k = next((t.i for t in article.tokens if t.start == e.evidence.trigger["start"]), -1)
                note(trace, k, "dedup", "duplicate", f"same trigger and roles as event {e.id}", event=e)
        article.events = unique
        return unique

    # -- per sentence ----------------------------------------------------------------------------
    def _sentence(
        self,
        article: Article,
        tree: Tree,
        actors: ArticleActors,
        si: int,
        ref: _dt.date | None,
        trace: CoderTrace | None = None,
    ) -> list[Draft]:
        sent = article.sentences[si]
        toks = article.tokens
        drafts: list[Draft] = []
        light_objects: set[int] = set()
        for i in range(sent.tok_start, sent.tok_end):
            t = toks[i]
            if (
                t.pos in ("VERB", "AUX")
                or (t.pos == "NOUN" and t.tag.startswith("VB"))
                or _verb_tagged_adj(tree, t)
            ) and not _nominal_participle(tree, t):
                d = self._verb(article, tree, actors, t, ref, light_objects, trace=trace)
                if d is not None:
                    drafts.append(d)
                    self._note_pair(_pair_of(d))
                    # "bombed targets", "launched strikes": the verb's object is part of the verb's event
                    light_objects.update(k.i for k in tree.kids(i, "dobj"))
            # remember coordinated subjects for a later "they"/"their"
            if t.dep in ("nsubj", "nsubjpass") and tree.kids(i, "conj"):
                group: list[Actor] = []
                for j in tree.conjuncts(i):
                    a = self.resolver.resolve(j, article, tree, actors, ref)
                    if a is not None and not any(_same(a, b) for b in group):
                        group.append(a)
                if len(group) >= 2:
                    self._group = group
                    if len(group) == 2:
                        self._note_pair(group)
        self._embed_governed(tree, drafts)
        self._purpose_recipients(tree, drafts)
        self._purpose_addressee(tree, drafts)
        self._contacted_addressee(article, tree, actors, ref, drafts)
        self._violent_results(tree, drafts)
        for i in range(sent.tok_start, sent.tok_end):
            t = toks[i]
            if (
                t.pos in ("NOUN", "PROPN")
                and i not in light_objects
                and not (t.dep == "compound" and t.head in light_objects)
            ):
                d = self._noun(article, tree, actors, t, ref, drafts, trace=trace)
                if d is not None:
                    drafts.append(d)
        self._embed_nominal_objects(tree, drafts)
        self._complement_recipients(tree, drafts)
        self._own_forces_moved(tree, drafts)
        self._act_recipients_to_doers(tree, drafts)
        for d in drafts:
            if d.date is None:
                ahead = d.modality in NOT_YET  # "is scheduled to travel to Tokyo in May": the next May
                d.date = self._date(
                    article, tree, d.result_of if d.result_of >= 0 else d.trigger, si, ref, ahead=ahead
                )
            if d.location is None:
                d.location = self._location(article, tree, actors, d.trigger)
            if d.location is None:
                d.location = self._coordinated_place(article, tree, actors, d.trigger)
            if d.location is None and d.kind == "noun":
                d.location = self._clause_place(article, tree, actors, d, drafts)
            if d.location is not None and self.geocoder is not None:
                from ..geo import enrich

                context = [a.country for a in (*d.actors, *d.recipients) if a.country]
                d.location = enrich(d.location, self.geocoder, context)
        self._result_setting(tree, drafts)
        self._intended_place_recipients(tree, drafts)
        self._protest_demands(tree, drafts)
        return self._merge_fragments(tree, drafts, trace=trace)

    def _protest_demands(self, tree: Tree, drafts: list[Draft]) -> None:
        """A demand or appeal voiced by a protest is what the protest is for, and ranks below it ("landowners began a
        hunger strike to demand the return of their land", "thousands rallied, demanding his removal"): CAMEO codes
        such demonstrations as 14 ("demonstrate for policy change"). The demand is the protesters' own (same actor)
        or, with no actor of its own, a clause of the protest's verb."""
        protests = [
            p
            for p in drafts
            if p.code[:2] == "14" and p.modality == "asserted" and not (p.embedded or p.background)
        ]
        if not protests:
            return
        for d in drafts:
            if d.code[:2] not in ("02", "10") or d.background:
                continue
            for p in protests:
                own = bool(d.actors) and any(_same(a, b) for a in d.actors for b in p.actors)
                if not own and not d.actors:
                    # the protest's trigger, or the light verb whose object it is ("continued their strike to demand")
                    stops = {p.trigger}
                    if p.predicate_noun:
                        stops.add(tree.tokens[p.trigger].head)
                    k, steps = d.trigger, 0
                    while steps < 3 and tree.tokens[k].head != k and k not in stops:
                        k, steps = tree.tokens[k].head, steps + 1
                    own = k in stops
                if own:
                    d.background = True
                    d.roles.append(
                        f"what the protest '{tree.tokens[p.trigger].text}' demands: ranks below it"
                    )
                    break

    def _verb(
        self,
        article: Article,
        tree: Tree,
        actors: ArticleActors,
        t: Token,
        ref: _dt.date | None,
        light_objects: set[int],
        trace: CoderTrace | None = None,
    ) -> Draft | None:
        lemma = (t.lemma or t.text).lower()
        patterns = self.lexicon.verbs(lemma)
        if (joined := _hyphen_lemma(article.tokens, t)) is not None and self.lexicon.verbs(joined):
            # "were tear-gassed", "booby-trapped", "pepper-sprayed": the tokenizer splits the verb at its hyphen
            lemma, patterns = joined, self.lexicon.verbs(joined)
        if not patterns and t.pos == "ADJ":
            # "torched vehicles" tagged as an adjective: the verb of its past form ("torched" -> torch, "looted" -> loot)
            stem = next((s for s in (t.lower[:-2], t.lower[:-1]) if self.lexicon.verbs(s)), None)
            if stem is not None:
                lemma, patterns = stem, self.lexicon.verbs(stem)
        if not patterns:
            return None
        i = t.i
        obj = tree.kid(i, "dobj", "attr")
        if obj is None:
            # "met Chinese President Xi Jinping Monday": the object the parser hung on the day that follows it
            obj = next((n for k in tree.kids(i, "npadvmod") if (n := dated_name(tree, k)) is not None), None)
        if obj is None:
            obj = counted_object(
                tree, i
            )  # "kidnapped up to 16 advisers": "up to" read as a particle and a phrase
        patient = tree.kid(i, "nsubjpass")
        if patient is None and t.dep == "conj" and tree.kids(i, "auxpass") and not tree.kids(i, "nsubj"):
            # "X was detained in May and was released by Y": a passive conjunct shares its subject as its patient
            patient = tree.subject(i)[0]
        passive = patient is not None or self._reduced_passive(tree, t)
        stative: Token | None = None
        if (
            patient is not None
            and lemma in self.stative_passives
            and not any(p.dep == "agent" or p.lower == "by" for p, _o in tree.preps(i))
        ):
            # "Israel is opposed to French mediation", "Kenya is committed to the talks": a state of the subject, not
            # something done to it
            stative, patient, passive = patient, None, False
        theme = obj if obj is not None else patient
        if theme is not None and (theme.lemma or theme.text).lower() in self.partitive_nouns:
            # "suspended part of its military aid to Ethiopia", "froze most of the funds": the quantity is
            # transparent; what it is of is the object (its kind and its phrases)
            part_of = next((o for p, o in tree.preps(theme.i) if p.lower == "of"), None)
            if part_of is not None and part_of.pos in ("NOUN", "PROPN"):
                theme = part_of
        elif theme is not None and (theme.lemma or theme.text).lower() in self.series_nouns:
            # "launched a campaign of air strikes", "carried out a wave of arrests": a run of acts is those acts
            run_of = next((o for p, o in tree.preps(theme.i) if p.lower == "of"), None)
            if (
                run_of is not None
                and run_of.pos == "NOUN"
                and self.lexicon.is_noun_trigger((run_of.lemma or run_of.text).lower())
            ):
                theme = run_of
        if theme is None and passive and patient is None and t.dep == "acl" and t.head != i:
            # "shells fired by the rebels", "weapons seized in the raid": a reduced passive relative's noun is its theme
            theme = article.tokens[t.head]
        preps: dict[str, list[Token]] = {}
        for p, o in tree.preps(i):
            o = dated_name(tree, o) or o  # "met with President X Tuesday": the name, not the day
            if o.ent_type not in ("DATE", "TIME"):  # "on Saturday" is a date, not a recipient
                preps.setdefault(p.lower, []).append(o)
        for called_prep, called in _called_objects(tree, i):
            preps.setdefault(called_prep, []).append(called)
        for c in tree.kids(i, "advcl"):
            if any(m.lower == "for" for m in tree.kids(c.i, "mark")):
                # "pushing hard for the US (to) support the plan": a for-clause is the verb's 'for' phrase
                preps.setdefault("for", []).append(c)
        # "called on Energy Minister X": a preposition left without its object, the object parsed as the verb's
        # direct object, acts as a particle
        bare_preps = [
            p for p in tree.kids(i, "prep") if not tree.kids(p.i, "pobj", "pcomp") and p.lower not in preps
        ]
        for prt in [*tree.kids(i, "prt"), *bare_preps]:
            preps.setdefault(prt.lower, [])
            # "called on X": the object of a particle verb follows the particle
            if obj is not None:
                preps[prt.lower].append(obj)
        obj_preps: dict[str, list[Token]] = {}
        if theme is not None:
            for p, o in tree.preps(theme.i):
                o = dated_name(tree, o) or o
                if o.ent_type not in ("DATE", "TIME"):
                    obj_preps.setdefault(p.lower, []).append(o)
        theme_lemma = (theme.lemma or theme.text).lower() if theme is not None else None
        if theme is not None and _nominal_participle(tree, theme):
            theme_lemma = theme.lower  # "evacuated the wounded": the people, not the verb 'wound'
        # "ended mediation efforts", "launched a peace process": a support noun lets its modifier name the act
        theme_lemmas = {theme_lemma} if theme_lemma is not None else set()
        if theme is not None and (joined := _hyphen_lemma(article.tokens, theme)) is not None:
            theme_lemmas.add(joined)  # "joined a sit-in": the tokenizer splits the word at its hyphen
        if theme is None and (state := tree.kid(i, "acomp", "oprd")) is not None:
            # "the protest turned violent": a state the subject comes into names the act, as an object does
            theme_lemmas.add((state.lemma or state.text).lower())
        conj_lemmas: set[str] = set()
        if theme is not None:
            # "rifles, IEDs and mortars were found": a conjunct of the object is as much what the act is done to
            conj_lemmas = {
                (c.lemma or c.text).lower()
                for c in (article.tokens[k] for k in tree.conjuncts(theme.i))
                if c.i != theme.i and c.pos == "NOUN"
            }
        if theme is not None and theme_lemma in self.support_nouns:
            for k in tree.kids(theme.i, "compound", "amod", "nmod"):
                theme_lemmas.add((k.lemma or k.text).lower())
            for p, o in tree.preps(theme.i):
                if p.lower == "of":
                    theme_lemmas.add((o.lemma or o.text).lower())
        subj_tok, subj_is_passive = tree.subject(i)
        subj_lemmas: set[str] = set()
        if subj_tok is not None and not subj_is_passive:
            # "peacekeeping troops", "the first deployment of NATO troops": the head, its modifiers and, for a
            # support noun, what it is of
            subj_heads = [subj_tok]
            if subj_tok.lower in ("that", "which") and t.dep == "relcl" and t.head != i:
                subj_heads = [article.tokens[t.head]]  # "air strikes that destroyed a hospital": the strikes
            if (subj_tok.lemma or subj_tok.text).lower() in self.support_nouns:
                subj_heads += [o for p, o in tree.preps(subj_tok.i) if p.lower == "of"]
            for h in subj_heads:
                subj_lemmas.add((h.lemma or h.text).lower())
                subj_lemmas.update((k.lemma or k.text).lower() for k in tree.kids(h.i, "compound", "amod"))
        elif subj_tok is None and (gap := _reported_relative_head(tree, t)) is not None:
            # "seven hackers it said had targeted officials": the subject of the reported clause is the hackers
            subj_lemmas.add((gap.lemma or gap.text).lower())
            subj_lemmas.update((k.lemma or k.text).lower() for k in tree.kids(gap.i, "compound", "amod"))
        if passive or subj_is_passive:
            # "a police post was hit by a rocket attack": the agent stands in for the subject of a subject-constrained
            # pattern ("an airstrike hit the clinic")
            for p, o in tree.preps(i):
                if p.dep == "agent" or p.lower == "by":
                    subj_lemmas.add((o.lemma or o.text).lower())
                    subj_lemmas.update(
                        (k.lemma or k.text).lower() for k in tree.kids(o.i, "compound", "amod")
                    )
                    break
        # "targeted Russia with sanctions", "hit Iran with tariffs": the instrument names the act
        instruments = {(o.lemma or o.text).lower() for p, o in tree.preps(i) if p.lower == "with"}
        by_instrument = False
        chosen: VerbPattern | None = None
        tried: list[tuple[str, str]] = []
        has_xcomp = tree.kid(i, "xcomp") is not None
        # the object's own head names the act when some pattern lists it ("fired water cannons, tear gas and rubber
        # bullets" is the water cannon's 175); its conjuncts count only failing that
        head_named = any(p.object is not None and theme_lemmas & p.object for p in patterns)
        for pat in patterns:
            if pat.needs_xcomp and not has_xcomp:
                if trace is not None:
                    tried.append((f"{pat.source} '{_describe(pat)}'", "no to-infinitive"))
                continue
            if pat.prep is not None and pat.prep not in preps and pat.prep not in obj_preps:
                if trace is not None:
                    tried.append((f"{pat.source} '{_describe(pat)}'", f"no '{pat.prep}' phrase"))
                continue
            if pat.subject is not None and not (subj_lemmas & pat.subject):
                if trace is not None:
                    tried.append(
                        (f"{pat.source} '{_describe(pat)}'", f"subject not one of {sorted(pat.subject)}")
                    )
                continue
            if pat.object is not None and not (theme_lemmas & pat.object):
                if pat.standalone and conj_lemmas & pat.object and not head_named:
                    pass  # a standalone act on things ("found rifles and mortars"): any conjunct names it
                elif (
                    pat.prep is None and (obj is not None or patient is not None) and instruments & pat.object
                ):
                    by_instrument = True  # "attacked the convoy with grenades", "was attacked with a grenade"
                elif (
                    pat.prep is not None
                    and theme is None
                    and self._phrase_lemmas(tree, preps.get(pat.prep, [])) & pat.object
                ):
                    # "took to the streets", "went on strike": with no direct object, the phrase's noun counts (a
                    # support noun's too: "clashed with hundreds of protesters")
                    pass
                else:
                    if trace is not None:
                        tried.append(
                            (
                                f"{pat.source} '{_describe(pat)}'",
                                f"object {theme_lemma!r} not listed" if theme_lemma else "no object",
                            )
                        )
                    continue
            if pat.object is None and theme_lemma in self.inert_objects:
                if trace is not None:
                    tried.append((f"{pat.source} '{_describe(pat)}'", f"inert object {theme_lemma!r}"))
                continue  # "released a toxic cloud", "sought medical attention": the bare sense does not apply
            chosen = pat
            break
        if chosen is None:
            note(trace, i, "verb", "no-match", f"no pattern of '{lemma}' fits its arguments", tried=tried)
            return None
        # "hails from", "also called X", "the hills surrounding the town": a sense that names no event
        sense = self.senses.verb_sense(
            tree,
            t,
            lambda k: m.kind if (m := actors.at(k)) is not None else None,
            named_object=chosen.object is not None,
        )
        if sense is not None:
            return drop(trace, i, "verb", f"word sense: {sense}")
        d = Draft(trigger=i, code=chosen.code, pattern=f"{chosen.source} '{_describe(chosen)}'", kind="verb")
        if (refined := self._object_refines(tree, chosen, theme)) is not None:
            # "carried out a sexual assault", "launched a chemical attack": the object's modifier names the act more
            # precisely than the verb's pattern, within the same PLOVER type
            d.code = refined
        if d.code[:2] == "13" and _forecast_warning(tree, t):
            # "industry groups warned that the rules could hurt American firms", "the UN warned that the country
            # risked sliding back into war": a danger foreseen in someone else's doing, not a threat
            d.code, d.no_recipient = self.forecast_code, True
            d.roles.append(
                f"a warning of what others' acts could bring: CAMEO {self.forecast_code}, not a threat"
            )
        d.specific = chosen.specificity
        d.no_recipient = chosen.recipient == "none"
        d.standalone = chosen.standalone
        d.trigger_end = i
        if chosen.object is not None and theme is not None:
            light_objects.add(theme.i)
            d.trigger_end = max(i, theme.i)

        # actor
        actor_heads: list[int] = []
        role_notes: list[str] = []
        if passive:
            for p, o in tree.preps(i):
                if p.dep == "agent" or p.lower == "by":
                    actor_heads = tree.conjuncts(o.i)
                    role_notes.append(f"actor = agent '{o.text}'")
                    if (user := weapon_user(tree, o, self.attack_instruments)) is not None:
                        # "shot down by a missile believed to have been fired by separatist rebels"
                        actor_heads = tree.conjuncts(user.i)
                        role_notes.append(f"actor = '{user.text}', who used the weapon '{o.text}'")
                    break
            else:
                agent = self._stray_agent(article, tree, actors, i, ref)
                if agent is not None:
                    actor_heads = tree.conjuncts(agent.i)
                    role_notes.append(
                        f"actor = agent '{agent.text}' (its by-phrase parsed on a phrase of the verb)"
                    )
                elif (helper := self._helper_agent(tree, i)) is not None:
                    # "the truce was brokered with the help of the United States": who helped did it
                    actor_heads = tree.conjuncts(helper.i)
                    role_notes.append(f"actor = '{helper.text}', with whose help it was done (no by-agent)")
                elif (
                    patient is not None
                    and chosen.object is not None
                    and chosen.code.startswith(self.own_forces_acts)
                    and theme is not None
                    and (theme.lemma or theme.text).lower() in chosen.object
                ):
                    # "eighty UN peacekeepers were withdrawn from Gorazde", "a third of the guerrillas have been
                    # demobilized": the forces moved name who moves them
                    actor_heads = tree.conjuncts(theme.i)
                    role_notes.append(f"actor = the forces moved, '{theme.text}' (a passive with no agent)")
        elif stative is not None:
            actor_heads = tree.conjuncts(stative.i)
            role_notes.append(f"actor = subject '{stative.text}' (a state, not a passive)")
        else:
            controller = self._controller(tree, i)
            subj, subj_passive = tree.subject(i)
            if subj is not None and self._reporter_subject(tree, i, subj):
                role_notes.append(
                    f"'{subj.text}' reports it ('{tree.tokens[subj.head].text}'): not its actor"
                )
                subj, subj_passive = None, False
            accused = self._accused_doer(tree, i)
            if accused is not None:
                actor_heads = tree.conjuncts(accused.i)
                gov = article.tokens[accused.head].text
                role_notes.append(
                    f"actor = object '{accused.text}' of '{gov}' (the one accused of, or praised for, the act)"
                )
            elif controller is not None:
                actor_heads = tree.conjuncts(controller.i)
                gov = article.tokens[controller.head].text
                role_notes.append(f"actor = object '{controller.text}' of '{gov}' (object control)")
            elif subj is not None and not subj_passive:
                speaker = self._speaker_of_conjoined_speech(tree, i, subj, chosen.code, article, actors, ref)
                if speaker is not None:
                    actor_heads = tree.conjuncts(speaker.i)
                    role_notes.append(
                        f"actor = subject '{speaker.text}' of the reporting verb (a speech act joined to what was "
                        f"reported continues the speaker, not '{subj.text}')"
                    )
                else:
                    actor_heads = tree.conjuncts(subj.i)
                    role_notes.append(f"actor = subject '{subj.text}'")
                if (
                    t.dep == "acl"
                    and subj.i == t.head
                    and (maker := self._decision_maker(tree, subj)) is not None
                ):
                    # "the decision to withdraw from Kirkuk was taken by his opponents": the act is the maker's
                    actor_heads = tree.conjuncts(maker.i)
                    role_notes.append(f"actor = '{maker.text}', who made the {subj.text} to act")
            elif (misparsed := self._affiliation_participle_subject(tree, t)) is not None:
                # "Hackers linked to Russia's ... agency breached ...", parsed with 'linked' as the main verb
                actor_heads = tree.conjuncts(misparsed.i)
                role_notes.append(
                    f"actor = subject '{misparsed.text}' of '{article.tokens[t.head].text}' (a reduced relative the"
                    " parser took for the main verb)"
                )
            elif subj is None and t.dep == "ROOT" and (fronted := _fronted_subject(tree, i)):
                # "With the signing of a memorandum, the government and the SPLA have agreed ...": the parser took the
                # subject as a conjunct inside the fronted phrase
                actor_heads = fronted
                role_notes.append(
                    f"actor = '{tree.tokens[fronted[0]].text}' (a subject parsed into the fronted phrase)"
                )

        # recipient
        rec_heads: list[int] = []
        mode = chosen.recipient
        if by_instrument and obj is not None:
            rec_heads = tree.conjuncts(obj.i)
            role_notes.append(f"recipient = object '{obj.text}' (the act is named by its instrument)")
        elif mode == "none":
            pass
        elif mode == "object" and obj is not None:
            rec_heads = tree.conjuncts(obj.i)
            role_notes.append(f"recipient = object '{obj.text}'")
        elif chosen.prep is not None:
            objs = preps.get(chosen.prep) or obj_preps.get(chosen.prep) or []
            for o in objs:
                if o.pos in ("VERB", "AUX") and (clause_subj := tree.kid(o.i, "nsubj")) is not None:
                    o = clause_subj  # "pushing for the US (to) support the plan": the clause's subject
                elif o.pos == "VERB" and (dest := [d for p, d in tree.preps(o.i) if p.lower == "to"]):
                    o = dest[0]  # "advised against travelling to Haiti": where the journey goes
                elif (
                    o.pos == "VERB"
                    and (o.lemma or o.text).lower() in self.lexicon.classes.get("journey", frozenset())
                    and (visited := tree.kid(o.i, "dobj")) is not None
                ):
                    o = visited  # "warned its citizens against visiting North Korea": the place visited
                rec_heads.extend(tree.conjuncts(o.i))
            if objs:
                role_notes.append(f"recipient = object of '{chosen.prep}'")
        if not rec_heads and mode != "none":
            theme_actor = (
                self.resolver.resolve(theme.i, article, tree, actors, ref)
                if theme is not None and chosen.object is not None and chosen.object_is != "theme"
                else None
            )
            if theme_actor is not None and theme is not None:
                rec_heads = tree.conjuncts(theme.i)
                role_notes.append(f"recipient = object '{theme.text}'")
            elif chosen.object is not None or mode == "theme":
                # "gave the Ivory Coast 5 million dollars": the indirect object first, then a phrase
                dative0 = tree.kid(i, "dative")
                if (
                    chosen.object_is == "theme"
                    and patient is not None
                    and obj is not None
                    and patient.i != obj.i
                ):
                    # "the rebels were given weapons by Rwanda": a passive that keeps the thing given as its object
                    # has the one it was given to as its subject
                    rec_heads = tree.conjuncts(patient.i)
                    role_notes.append(f"recipient = passive subject '{patient.text}' (given '{obj.text}')")
                elif dative0 is not None and dative0.pos in ("PROPN", "NOUN", "PRON"):
                    rec_heads = tree.conjuncts(dative0.i)
                    role_notes.append(f"recipient = indirect object '{dative0.text}'")
                for prep in RECIPIENT_PREPS if not rec_heads else ():
                    objs = obj_preps.get(prep) or preps.get(prep) or []
                    if objs:
                        for o in objs:
                            rec_heads.extend(tree.conjuncts(o.i))
                        role_notes.append(f"recipient = object of '{prep}'")
                        break
                dative = tree.kid(i, "dative")
                if not rec_heads and dative is not None and dative.pos != "ADP":
                    rec_heads = tree.conjuncts(dative.i)
                    role_notes.append(f"recipient = indirect object '{dative.text}'")
            elif passive and patient is not None:
                rec_heads = tree.conjuncts(patient.i)
                role_notes.append(f"recipient = passive subject '{patient.text}'")
            elif (
                passive
                and obj is None
                and theme is not None
                and t.dep == "acl"
                and theme.i == t.head
                and self.ontology.cameo(chosen.code).plover == "ASSAULT"
                and self.resolver.kb.sector_of((theme.lemma or theme.text).lower()) not in (None, "CRM")
            ):
                # "there were 10 Russian soldiers killed in Ukraine": the people a reduced passive relative of force
                # is on are the ones it is done to (not criminals: "a gang member captured in a robbery" is a crime)
                rec_heads = tree.conjuncts(theme.i)
                role_notes.append(f"recipient = '{theme.text}', the people the participle is on")
            elif obj is not None:
                rec_heads = tree.conjuncts(obj.i)
                role_notes.append(f"recipient = object '{obj.text}'")
            else:
                for prep in RECIPIENT_PREPS:
                    objs = preps.get(prep) or []
                    if prep == "for":
                        # "imprisoned for acting against Moscow", "jailed for spying": a gerund for-phrase is the
                        # reason for the act, not a party to it
                        objs = [o for o in objs if o.tag != "VBG"]
                    if objs:
                        for o in objs:
                            rec_heads.extend(tree.conjuncts(o.i))
                        role_notes.append(f"recipient = object of '{prep}'")
                        break

        if mode == "converse" and rec_heads:
            # "demonstrators received weapons from the government": the giver does the act, the subject receives it
            actor_heads, rec_heads = rec_heads, actor_heads
            role_notes.append(
                f"converse: actor = object of '{chosen.prep}', recipient = the receiving subject"
            )
        if not actor_heads and (deed := _deed_adjective_subject(tree, t)) is not None:
            # "both the army and the rebels are guilty of violating the ceasefire", "X is responsible for killing Y"
            actor_heads = tree.conjuncts(deed.i)
            role_notes.append(
                f"actor = subject '{deed.text}', said to be '{tree.tokens[tree.tokens[t.head].head].text}' of it"
            )
        if not actor_heads or actor_heads == [t.head]:
            issuer = self._issuer(tree, t)
            if issuer is not None:
                actor_heads = tree.conjuncts(issuer.i)
                role_notes.append(f"actor = who issued the '{article.tokens[t.head].text}' ('{issuer.text}')")
        if not actor_heads and theme is not None:
            # "A ceasefire between Israel and Hamas was agreed": the parties named on the object
            for p, o in tree.preps(theme.i):
                if p.lower in ("between", "among") and len(tree.conjuncts(o.i)) >= 2:
                    heads = tree.conjuncts(o.i)
                    actor_heads, rec_heads = heads[:1], heads[1:]
                    role_notes.append(f"reciprocal: '{p.lower} {o.text} ...' on '{theme.text}'")
                    break
        if not rec_heads and mode != "none":
            rec_heads = self._embedded_recipients(tree, i, role_notes)
        if actor_heads:
            cause = article.tokens[actor_heads[0]]
            if (cause.lemma or cause.text).lower() in self.natural | self.accidental:
                d.natural_cause = True
                role_notes.append(f"the subject '{cause.text}' is a natural or accidental cause")
        aux_words = {k.lower for k in tree.kids(i, "aux")}
        d.refusal = (
            tree.negated(i) and not passive and not tree.kids(i, "auxpass") and bool(aux_words & REFUSAL_AUX)
        )
        d.target = self._has_target(tree, i, obj, theme)
        # "Vietnam is committed to ...": the subject of a stative passive of a pledge names the actor too
        # (a relative pronoun names no one by itself: "Sharon, who has vowed to ..." is the description of a party)
        d.named_actor = any(tree.tokens[k].lower not in RELATIVE_PRONOUNS for k in actor_heads) or (
            patient is not None and lemma in self.pledge_cues
        )
        d.crowd_actor = bool(actor_heads) and all(
            tree.tokens[k].lower in CROWD_WORDS and not any(p.lower == "of" for p, _o in tree.preps(k))
            for k in actor_heads
        )
        material = self.ontology.cameo(d.code).quad in (2, 4)
        d.actors = self._resolve_all(actor_heads, article, tree, actors, ref, peers=[], relatives=material)
        d.recipients = self._resolve_all(
            rec_heads, article, tree, actors, ref, peers=d.actors, relatives=material
        )
        if material and all(_unknown_org(r) for r in d.recipients):
            d.recipients = (
                self._place_recipients(rec_heads, article, tree, actors, d, role_notes) or d.recipients
            )
        if not d.recipients and mode != "none":
            d.recipients = self._speech_act_party(
                [*rec_heads, *([obj.i] if obj is not None else [])], article, tree, actors, ref, d, role_notes
            )
        if not d.recipients and d.actors and mode == "none" and obj is not None:
            d.recipients = self._object_party(obj, chosen.prep, article, tree, actors, ref, d, role_notes)
        if (
            not d.recipients
            and d.actors
            and mode != "none"
            and rec_heads
            and theme is not None
            and theme.i in rec_heads
        ):
            # "boycott all contact with the United States": the object is no party; a phrase on it names one; so
            # does the passive subject ("a camp for Congolese refugees was attacked by militiamen")
            d.recipients = self._object_party(theme, chosen.prep, article, tree, actors, ref, d, role_notes)
        if not d.recipients and d.actors and mode != "none" and rec_heads:
            # "carried out strikes on X": the recipient heads found name no actor; an "on"/"against" phrase does, or
            # the source of what is asked for or taken ("demanding autonomy from Serbian authorities", "received a
            # mission of observers from the OSCE")
            owners = [i, *([obj.i] if obj is not None else [])]
            if obj is not None:
                owners += [o.i for p, o in tree.preps(obj.i) if p.lower == "of"]
            owners += [h for h in rec_heads if h not in owners]  # "sanctions against gold from South Africa"
            # "lifted restrictions on arms sales to Vietnam" (the "to" parsed on the verb or on the sales): the party
            # a thing acted on goes to, when the thing names no one
            for prep in ("on", "against", "from", "to"):
                extra = [
                    j
                    for h in owners
                    for pk in tree.kids(h, "prep")
                    if pk.lower == prep
                    for o in tree.kids(pk.i, "pobj")
                    if o.i not in rec_heads
                    for j in (tree.conjuncts(o.i) if prep == "to" else [o.i])
                ]
                extra += [o.i for pr, o in _called_objects(tree, i) if pr == prep]
                found = self._resolve_all(extra, article, tree, actors, ref, peers=d.actors)
                if found:
                    d.recipients = found
                    role_notes.append(f"recipient = object of '{prep}'")
                    break
        if (
            d.actors
            and mode != "none"
            and rec_heads
            and all(any(_same(r, a) for a in d.actors) for r in d.recipients)
        ):
            # "imposed restrictions on its labour market for new EU members": the thing acted on is the actor's own
            # (or names no one); whom its for/to phrase names is the one the act is aimed at
            found = [
                r
                for r in self._resolve_all(
                    thing_beneficiaries(tree, rec_heads), article, tree, actors, ref, peers=d.actors
                )
                if not any(_same(r, a) for a in d.actors)
            ]
            if found:
                d.recipients = found
                role_notes.append("recipient = whom the thing acted on is for ('for'/'to' on it)")
        if not d.recipients and d.actors and d.code[:2] == "14":
            # "rallied in the capital against the government's decision", with 'against' parsed on the place: what a
            # protest is against, whatever phrase the parser hung it on
            against = [
                o2.i
                for p, o in tree.preps(i)
                if p.lower in PLACE_PREPS
                for p2, o2 in tree.preps(o.i)
                if p2.lower == "against"
            ]
            found = self._resolve_all(against, article, tree, actors, ref, peers=d.actors)
            d.recipients = found or self._speech_act_party(against, article, tree, actors, ref, d, role_notes)
            if found:
                role_notes.append("recipient = object of 'against' (parsed on the place of the protest)")
        if not d.recipients and d.actors and d.code[:2] in ("02", "10"):
            # "called for Somalia to hold elections", "called for the president to resign": who a request's
            # for-clause has act is the one asked (also for `recipient: none` patterns, whose content it is)
            for c in tree.kids(i, "advcl"):
                asked = tree.kid(c.i, "nsubj")
                if asked is None or not any(m.lower == "for" for m in tree.kids(c.i, "mark")):
                    continue
                d.recipients = self._resolve_all(
                    tree.conjuncts(asked.i), article, tree, actors, ref, peers=d.actors
                )
                if d.recipients:
                    role_notes.append(f"recipient = subject '{asked.text}' of the for-clause (the one asked)")
                    break
        if not d.recipients and d.actors and mode != "none":
            # kept for the last step of `_finish`, after the rules that name the other side from elsewhere
            things = [h for h in rec_heads if h not in actor_heads and (theme is None or h != theme.i)]
            d.thing_owner, d.thing_why = self._thing_owner(theme, things, article, tree, actors, ref, d)
        elif not d.recipients and d.actors and chosen.prep is not None and d.code[:2] in ("02", "10"):
            # "called for the removal of President X", "calling for independence from Iraq": what a request asks for
            # is its content (`recipient: none`); the party that content is of or from is the one asked
            for content in preps.get(chosen.prep, []):
                d.thing_owner, d.thing_why = self._thing_owner(content, [], article, tree, actors, ref, d)
                if d.thing_owner:
                    break
        if not d.recipients and d.actors and mode == "none" and chosen.prep is None and d.code[:2] == "02":
            # "requested an emergency NATO meeting", "sought Chinese investment": a request that names no one is
            # asked of the party named on the thing it asks for
            found = [
                a
                for a in self._resolve_all(
                    [k.i for k in requested_thing_names(tree, i)], article, tree, actors, ref, peers=d.actors
                )
                if (a.country or a.kind in ("igo", "armed_group", "org"))
                and not any(_same(a, b) for b in d.actors)
            ]
            if found:
                d.recipients = found
                role_notes.append(f"recipient = whom the thing requested is asked of ('{found[0].text}')")
        if d.actors and d.code.startswith("192"):
            taken = self._taken_from(article, tree, actors, ref, i, theme, d)
            if taken:
                d.recipients = taken
                role_notes.append("recipient = the party the territory is taken from ('from ...')")
        if d.actors and d.code.startswith("11"):
            # "complained to the UN over Israeli air raids", "criticised Iran for its nuclear programme": the one
            # disapproved of is a party too, beside the addressee
            for p, o in tree.preps(i):
                if p.lower not in ("over", "about", "for") or o.pos not in ("NOUN", "PROPN"):
                    continue
                found = self._resolve_all([o.i], article, tree, actors, ref, peers=d.actors)
                found = [
                    a for a in found if not any(_same(a, b) for b in (*d.actors, *d.recipients)) and a.country
                ]
                if found:
                    d.recipients = [*d.recipients, *found]
                    role_notes.append(f"recipient = the one disapproved of ('{p.lower} {o.text}')")
                    break
        # "the ceasefire between Israel and Hezbollah was brokered by France": a third party's passive subject too
        hosted_obj = obj if obj is not None else (patient if lemma in self.third_party_verbs else None)
        if not d.recipients and d.actors and hosted_obj is not None:
            # "host a meeting between X and Y", "launched a mediation effort between X and Y": the parties the
            # object is between are the ones the act is done for; a plural noun names them too ("mediation efforts
            # among Serbia's feuding republics"), also through a support noun ("several rounds of talks between")
            obj_ = hosted_obj
            hosted = [
                obj_,
                *(o for p, o in tree.preps(obj_.i) if p.lower == "of" and theme_lemma in self.support_nouns),
            ]
            for p, o, of in ((p, o, h) for h in hosted for p, o in tree.preps(h.i)):
                if p.lower in ("between", "among") and (
                    len(tree.conjuncts(o.i)) >= 2 or o.tag in ("NNS", "NNPS")
                ):
                    if lemma in self.third_party_verbs and d.code[:2] == "04" and d.code != self.mediate_code:
                        # "hosted several rounds of talks between the warring parties": the hosts mediate
                        role_notes.append(
                            f"'{t.text}' what others hold '{p.lower} {o.text}': CAMEO {d.code} coded as "
                            f"{self.mediate_code} (a third party's act)"
                        )
                        d.code = self.mediate_code
                    found = self._resolve_all(tree.conjuncts(o.i), article, tree, actors, ref, peers=d.actors)
                    if found:
                        d.recipients = found
                        role_notes.append(f"recipients = the parties '{p.lower} {o.text} ...' of '{of.text}'")
                        break
        if (
            len(d.actors) >= 2
            and not d.recipients
            and chosen.recipient != "none"
            and (_reciprocal_code(d.code) or (lemma in self.mutual and d.code[:2] in ("19", "20")))
            and not self._third_party(d, lemma)
        ):  # "Vietnamese and Cambodian forces clashed": each side is the other's target
            d.reciprocal = True
            d.actors, d.recipients = d.actors[:1], d.actors[1:]
            role_notes.append("reciprocal: coordinated subjects act on each other")
        elif (
            d.actors
            and d.recipients
            and _reciprocal_code(d.code)
            and any(n.startswith("recipient = object of 'with'") for n in role_notes)
        ):
            # "held talks with X", "shared expertise with X", "signed a pact with X": a joint act, done with each other
            d.reciprocal = True
            role_notes.append("reciprocal: a joint act 'with' the other party")
        d.roles = role_notes
        d.modality, d.attribution, d.embedded, d.demanded = self._modality(article, tree, actors, t, ref)
        d.condition_party = self._condition_party(article, tree, actors, i, d, ref)
        self._not_done(article, tree, t, d)
        note(trace, i, "verb", "draft", pattern=d.pattern, tried=tried, draft=d)
        return d

    def _third_party(self, d: Draft, lemma: str) -> bool:
        """Whether the act is a third party's (hosting, mediating, brokering: roles.yaml third_party_verbs and
        third_party_acts): its coordinated subjects are co-hosts, not each other's recipient."""
        return d.kind == "verb" and (lemma in self.third_party_verbs or d.code in self.third_party_acts)

    def _decision_maker(self, tree: Tree, noun: Token) -> Token | None:
        """Who made a decision noun with no possessor ("the decision ... was taken by X" -> X; "X made the decision to
        ..." -> X); roles.yaml ``decision_nouns``."""
        if (noun.lemma or noun.text).lower() not in self.decision_nouns or tree.kid(
            noun.i, "poss"
        ) is not None:
            return None
        verb = tree.head(noun.i)
        if (
            verb is None
            or verb.pos not in ("VERB", "AUX")
            or (verb.lemma or verb.text).lower() not in self.decision_verbs
        ):
            return None
        if noun.dep == "nsubjpass":
            return next((o for p, o in tree.preps(verb.i) if p.dep == "agent" or p.lower == "by"), None)
        if noun.dep == "dobj":
            subj, passive = tree.subject(verb.i)
            return subj if subj is not None and not passive else None
        return None

    def _object_refines(self, tree: Tree, chosen: VerbPattern, theme: Token | None) -> str | None:
        """The code of the event noun a light verb's pattern matched as its object, when a modifier of the noun makes it
        a more specific act of the same PLOVER type ("carried out a sexual assault": 1821, not the verb's 190)."""
        if chosen.object is None or theme is None or theme.pos != "NOUN":
            return None
        lemma = (theme.lemma or theme.text).lower()
        if lemma not in chosen.object:
            return None
        mods = [
            (k.lemma or k.text).lower() for k in tree.kids(theme.i, "amod", "compound", "nmod", "npadvmod")
        ]
        pat = self.lexicon.match_noun(lemma, modifiers=mods)
        if pat is None or pat.modifier is None or pat.code == chosen.code:
            return None
        ours, theirs = self.ontology.cameo(chosen.code), self.ontology.cameo(pat.code)
        return pat.code if ours.plover is not None and ours.plover == theirs.plover else None

    def _expected(self, tree: Tree, t: Token) -> Token | None:
        """The noun of expectation whose of-phrase holds noun ``t`` ("fears of an attack"), or None."""
        h = tree.head(t.i)
        if h is None or t.dep != "pobj" or h.lower != "of":
            return None
        g = tree.head(h.i)
        if g is not None and g.pos == "NOUN" and (g.lemma or g.text).lower() in self.expectation_nouns:
            return g
        return None

    def _time_frame(self, tree: Tree, t: Token) -> int | None:
        """The verb whose time phrase noun ``t`` is the object of ("after the clashes", "following a week of unrest":
        through support nouns of time and quantity), or None."""
        cur = t
        for _ in range(3):
            h = tree.head(cur.i)
            if h is None or cur.dep != "pobj" or h.dep != "prep":
                return None
            g = tree.head(h.i)
            if g is None:
                return None
            if h.lower in TIME_PREPS:
                return g.i if g.pos in ("VERB", "AUX") else None
            if h.lower != "of" or (g.lemma or g.text).lower() not in self.support_nouns:
                return None
            cur = g
        return None

    def _phrase_lemmas(self, tree: Tree, nouns: list[Token]) -> set[str]:
        """The lemmas of prepositional objects, with what a support noun among them is of ("hundreds of protesters")."""
        out = {(o.lemma or o.text).lower() for o in nouns}
        for o in nouns:
            if (o.lemma or o.text).lower() in self.support_nouns:
                out.update((k.lemma or k.text).lower() for p, k in tree.preps(o.i) if p.lower == "of")
        return out

    def _condition_party(
        self, article: Article, tree: Tree, actors: ArticleActors, i: int, d: Draft, ref: _dt.date | None
    ) -> list[Actor]:
        """The subject of an if/unless clause on the act or on its to-infinitive complement ("threatened to hold a
        strike unless Israel rescinded ...")."""
        heads = [i, *(c.i for c in tree.kids(i, "xcomp", "ccomp"))]
        for h in heads:
            for adv in tree.kids(h, "advcl"):
                if not any(k.lower in ("if", "unless") for k in tree.kids(adv.i, "mark")):
                    continue
                subj, _ = tree.subject(adv.i)
                if subj is None:
                    continue
                found = self.resolver.resolve(subj.i, article, tree, actors, ref, peers=d.actors)
                if found is not None and not any(_same(found, a) for a in d.actors):
                    return [found]
        return []

    def _controller(self, tree: Tree, i: int) -> Token | None:
        """The object of an object-control verb over the to-infinitive ``i`` (through coordinated verbs): "Kenya
        urged Somalia to withdraw and disarm" -> Somalia; "called on Iran to release" -> Iran. None when ``i``
        has its own subject or is not such a complement."""
        g = tree.tokens[i]
        if g.dep == "pcomp" and (p := tree.head(i)) is not None and p.lower in ("of", "for", "to"):
            adj = tree.head(p.i)
            if (
                adj is not None
                and p.lower != "to"
                and adj.dep == "acomp"
                and (adj.lemma or adj.text).lower() in self.blame_adjectives
            ):
                # "X and Y are guilty of violating the ceasefire", "Israel is responsible for killing ...": the one held
                # to blame did it
                subj, passive = tree.subject(adj.head)
                if subj is not None and not passive:
                    return subj
            verb = tree.head(p.i)
            if (
                p.lower == "to"
                and verb is not None
                and verb.pos == "VERB"
                and (verb.lemma or verb.text).lower() in self.resort_verbs
            ):
                # "Palestinian youths resorted to throwing stones": who resorts to the act does it (the noun a
                # participle "resorted" hangs on, when the parser makes it one)
                subj, passive = tree.subject(verb.i)
                if subj is None and verb.dep == "acl" and verb.head != verb.i:
                    subj, passive = tree.tokens[verb.head], False
                if subj is not None and not passive:
                    return subj
        gerund = g.dep == "pcomp" or (g.dep == "pobj" and g.pos == "VERB")
        if gerund and (p := tree.head(i)) is not None and p.lower in ("against", "from"):
            verb = tree.head(p.i)
            vl = (verb.lemma or verb.text).lower() if verb is not None else ""
            if (
                verb is not None
                and verb.pos == "VERB"
                and (vl in self.dissuading or (vl in self.preventing and p.lower == "from"))
            ):
                # "warned Israel against attacking Lebanon", "barred the rebels from entering": the one warned or
                # kept from it would do the act
                obj = tree.kid(verb.i, "dobj") or tree.kid(
                    verb.i, "nsubjpass"
                )  # "Iran was deterred from ..."
                if obj is not None and obj.i < g.i and obj.pos in ("PROPN", "NOUN", "PRON"):
                    return obj
        j = i
        seen: set[int] = set()
        while j not in seen:
            seen.add(j)
            t = tree.tokens[j]
            if any(
                tree.tokens[c].dep in ("nsubj", "nsubjpass", "csubj", "csubjpass") for c in tree.children[j]
            ):
                return None
            if t.head == j:
                return None
            h = tree.tokens[t.head]
            if t.dep == "conj" and h.pos in ("VERB", "AUX"):
                j = h.i
                continue
            if t.dep != "xcomp" or h.pos != "VERB" or t.i < h.i:
                return None
            patient = tree.kid(h.i, "nsubjpass")
            if patient is not None:
                # "Uganda was urged to withdraw", "Obama is scheduled to attend": the passive subject does it
                return patient
            if (h.lemma or h.text).lower() not in self.object_control:
                return None
            obj = tree.kid(h.i, "dobj")
            if obj is not None and obj.i < t.i and obj.pos in ("PROPN", "NOUN", "PRON"):
                return obj
            for p, o in tree.preps(h.i):
                if p.lower in ("on", "upon", "to") and o.i < t.i and o.pos in ("PROPN", "NOUN", "PRON"):
                    return o
            for c in tree.kids(h.i, "prt"):
                if c.lower in ("on", "upon"):
                    o2 = tree.kid(h.i, "dobj")
                    if o2 is not None and o2.i < t.i:
                        return o2
            return None
        return None

    @staticmethod
    def _reduced_passive(tree: Tree, t: Token) -> bool:
        """Whether a past participle modifying a noun is a reduced passive relative ("shells fired by the rebels"),
        not a perfect clause with its own subject that the parser hung on a noun ("reports that ISIL has killed 70
        members", "claims that the army had shelled the town")."""
        if t.tag != "VBN" or t.dep not in ("acl", "amod"):
            return False
        return not any(
            tree.tokens[c].dep in ("nsubj", "csubj")
            or (tree.tokens[c].dep == "aux" and tree.tokens[c].lower in PERFECT_AUX)
            for c in tree.children[t.i]
        )

    def _stray_agent(
        self, article: Article, tree: Tree, actors: ArticleActors, i: int, ref: _dt.date | None
    ) -> Token | None:
        """The agent of a passive verb that the parser hung on one of the verb's own phrases: "the devices have been
        planted on the roads by al-Shabaab" ("by" under "roads"). Only a by-phrase that resolves to a party that can
        act (a state, group, organisation, person or sector agent) counts: "killed in an attack by gunmen"."""
        for p, o in tree.preps(i):
            if o.ent_type in ("DATE", "TIME") or p.lower in TIME_PREPS:
                continue
            if self.lexicon.is_noun_trigger((o.lemma or o.text).lower()):
                continue  # "liberated after its occupation by ISIL": the by-phrase is the noun event's own agent
            for p2, o2 in tree.preps(o.i):
                if p2.lower != "by" or o2.pos not in ("PROPN", "NOUN"):
                    continue
                a = self.resolver.resolve(o2.i, article, tree, actors, ref)
                if a is not None:
                    return o2
        return None

    def _taken_from(
        self,
        article: Article,
        tree: Tree,
        actors: ArticleActors,
        ref: _dt.date | None,
        i: int,
        theme: Token | None,
        d: Draft,
    ) -> list[Actor]:
        """Who territory is taken from ("recaptured the village from the Syrian army", "seized Dabiq from the
        Islamic State", "captured positions from its rival the Taliban"): the party of a "from" phrase on the verb or
        its object, which outranks the country of the territory itself."""
        owners = [i, *([theme.i] if theme is not None else [])]
        for h in owners:
            for p, o in tree.preps(h):
                if p.lower != "from" or o.pos not in ("PROPN", "NOUN"):
                    continue
                found = self._resolve_all(tree.conjuncts(o.i), article, tree, actors, ref, peers=d.actors)
                found = [
                    a
                    for a in found
                    if a.kind in ("armed_group", "igo", "org", "sector", "person")
                    or (a.kind == "state" and o.pos == "PROPN" and actors.at(o.i) is not None)
                ]
                if found:
                    return found
        return []

    def _accused_doer(self, tree: Tree, i: int) -> Token | None:
        """The doer of a gerund or deed noun that names what someone is accused of, blamed or praised for: "Peskov
        accused Kyiv of shelling Belgorod" -> Kyiv shells, not Peskov; "blamed Ankara for the bombing" -> Ankara's;
        "thanked Kenya for sending troops" -> Kenya sends (governing verbs in events/data/roles.yaml
        `deed_object_verbs`). None for anything else, or when the deed has its own subject or possessor."""
        t = tree.tokens[i]
        if t.pos not in ("VERB", "NOUN") or t.dep not in ("pcomp", "pobj") or t.head == i:
            return None
        if any(tree.tokens[c].dep in ("nsubj", "nsubjpass", "poss") for c in tree.children[i]):
            return None
        prep = tree.tokens[t.head]
        if prep.lower not in ("of", "for", "with", "over") or prep.head == prep.i:
            return None
        gov = tree.tokens[prep.head]
        if gov.pos != "VERB" or (gov.lemma or gov.text).lower() not in self.deed_object_verbs:
            return None
        obj = tree.kid(gov.i, "dobj")
        if obj is None or obj.i > prep.i or obj.pos not in ("PROPN", "NOUN", "PRON"):
            return None
        return obj

    def _has_target(self, tree: Tree, i: int, obj: Token | None, theme: Token | None) -> bool:
        """Whether the act names a concrete target: a direct object that is not the act itself, or the object of
        against/on/at/with/into/of on the verb or on its object ("launched fire against guerrilla camps", "mounted
        an invasion of South Lebanon"). Abstract targets ("combating threats") do not count."""
        heads: list[Token] = [obj] if obj is not None else []
        for c in (i, theme.i if theme is not None else None):
            if c is None:
                continue
            for p, o in tree.preps(c):
                if p.lower in ("against", "on", "at", "with", "into", "of", "upon") and o.ent_type not in (
                    "DATE",
                    "TIME",
                ):
                    heads.append(o)
        return any((h.lemma or h.text).lower() not in self.abstract_targets for h in heads)

    def _embed_governed(self, tree: Tree, drafts: list[Draft]) -> None:
        """The governing clause's event is the main one: a verb event in the complement of another verb event
        ("agreed to provide aid", "accused Israel of attacking") is embedded, unless the governor is aspectual
        ("began to withdraw")."""
        verbs = {d.trigger: d for d in drafts if d.kind == "verb"}
        for d in drafts:
            cur = tree.tokens[d.trigger]
            if cur.dep in ("acl", "relcl") or (
                cur.dep == "advcl" and any(k.lower in self.background_marks for k in tree.kids(cur.i, "mark"))
            ):
                # "a clinic supported by an aid group", "after police called on them": background to the main clause
                d.background = True
                d.roles.append(f"background clause ({cur.dep})")
            elif (
                cur.dep == "advcl"
                and cur.tag == "VBG"
                and cur.head in verbs
                and not tree.kids(cur.i, "mark")
                and (cur.lemma or cur.text).lower() in self.requested
            ):
                # "thousands rallied in the capital, demanding ...": the demand voiced while acting is background
                d.background = True
                d.roles.append("a demand voiced in a participle clause of the main act")
            for _ in range(3):
                h = tree.head(cur.i)
                if h is None:
                    break
                if cur.dep == "pcomp" and h.dep == "prep" and h.lower != "by":
                    # "accused Israel of attacking": through the preposition to the verb it belongs to
                    h2 = tree.head(h.i)
                    if h2 is None:
                        break
                    h = h2
                elif cur.dep not in ("xcomp", "ccomp"):
                    break
                gov = verbs.get(h.i)
                if gov is not None and gov is not d and (h.lemma or h.text).lower() not in self.aspectual:
                    d.governed = True
                    if not d.embedded:
                        d.embedded = True
                        d.governor = gov
                        d.roles.append(f"embedded under the event of '{h.text}'")
                    if (
                        not gov.recipients
                        and d.recipients
                        and gov.actors
                        and d.actors
                        and all(any(_same(a, b) for b in gov.actors) for a in d.actors)
                        and not gov.no_recipient
                        and tree.tokens[d.trigger].dep == "xcomp"
                        and tree.tokens[d.trigger].head == gov.trigger
                    ):
                        # "agreed to provide aid for Romania", "pledged to cut ties with X": the party the act
                        # is aimed at is the recipient of the governing commitment too (same actor only)
                        gov.recipients = list(d.recipients)
                        gov.roles.append(f"recipient = recipient of the complement '{cur.text}'")
                    break
                cur = h

    def _complement_recipients(self, tree: Tree, drafts: list[Draft]) -> None:
        """Once nominal objects have lent their recipients, a governing verb with none takes that of its
        to-infinitive complement, same actor only ("refused to commit to assistance to X": X)."""
        by_trigger = {d.trigger: d for d in drafts if d.kind == "verb"}
        for d in drafts:
            t = tree.tokens[d.trigger]
            gov = by_trigger.get(t.head) if t.dep == "xcomp" else None
            if gov is None or gov is d or gov.recipients or gov.no_recipient or not d.recipients:
                continue
            if gov.actors and d.actors and all(any(_same(a, b) for b in gov.actors) for a in d.actors):
                gov.recipients = list(d.recipients)
                gov.roles.append(f"recipient = recipient of the complement '{t.text}'")

    def _counted(self, tree: Tree, obj: Token | None) -> Token | None:
        """What a quantity noun counts ("hundreds of hackers" -> hackers); any other noun itself."""
        if obj is not None and (obj.lemma or obj.text).lower() in self.partitive_nouns:
            return next(
                (o for p, o in tree.preps(obj.i) if p.lower == "of" and o.pos in ("NOUN", "PROPN")), obj
            )
        return obj

    def _act_recipients_to_doers(self, tree: Tree, drafts: list[Draft]) -> None:
        """A recipient phrase headed by another event's noun is aimed at whoever does that act, as a reaction to an
        act is (`_embed_nominal_objects`): "join forces against a possible US-led attack" -> the US, "rejected North
        Korea's demand" -> North Korea; the party, not the act, and by the span of the doer's own mention."""
        nouns = {d.trigger: d for d in drafts if d.kind == "noun" and d.actors}
        for g in drafts:
            out: list[Actor] = []
            changed: list[str] = []
            for r in g.recipients:
                lo, hi = _token_index(tree.tokens, r.start), _token_index(tree.tokens, r.end - 1)
                inside = range(lo, hi + 1) if lo is not None and hi is not None else range(0)
                heads = [k for k in inside if tree.tokens[k].head not in inside or tree.tokens[k].head == k]
                act = nouns.get(heads[0]) if len(heads) == 1 else None
                doers = (
                    [a for a in act.actors if not any(_same(a, b) for b in g.actors)]
                    if act is not None and act is not g
                    else []
                )
                if act is None or not doers or any(a.start == r.start and a.end == r.end for a in doers):
                    out.append(r)
                    continue
                out.extend(a for a in doers if not any(_same(a, o) for o in out))
                changed.append(
                    f"recipient '{r.text}' is the act '{tree.tokens[act.trigger].text}': whoever does it"
                )
            if changed:
                g.recipients = out
                g.roles.extend(changed)

    def _reporter_subject(self, tree: Tree, i: int, subj: Token) -> bool:
        """Whether verb ``i`` inherits ``subj`` from a reporting verb it is parsed under as an infinitive clause
        quoted before it: "“... to seek a settlement through talks,” Reuters reported" (who reports a quote does not
        do what a clause of it says). Not a participle after it: "X said, slamming Y", "wrote to Bush urging him
        to ..." are the speaker's own acts."""
        j = i
        while j != subj.head:
            t = tree.tokens[j]
            if t.head == j or t.dep not in ("conj", "xcomp", "advcl"):
                return False
            h = tree.tokens[t.head]
            if (
                t.dep == "advcl"
                and h.i == subj.head
                and t.i < h.i
                and any(k.lower == "to" for k in tree.kids(t.i, "aux"))
                and (h.lemma or h.text).lower() in self.reporting
            ):
                return True
            j = h.i
        return False

    def _moving_thing(self, tree: Tree, d: Draft) -> bool:
        """Whether a verb is a participle on a common noun that names no people ("lorries travelling from Libya",
        "a ship sailing to Cyprus"), or has such a noun as its subject ("the convoy travelled to Goma")."""
        t = tree.tokens[d.trigger]
        mover = tree.tokens[t.head] if t.dep == "acl" and t.head != t.i else tree.subject(t.i)[0]
        if mover is None or mover.pos != "NOUN" or mover.ent_type:
            return False
        kb = self.resolver.kb
        return not (kb.sector_of((mover.lemma or mover.text).lower()) or kb.sector_of(mover.lower))

    def _own_forces_moved(self, tree: Tree, drafts: list[Draft]) -> None:
        """The forces an act of moving one's own forces moves (roles.yaml own_forces_acts: deploying, sending,
        withdrawing) are the actor's, never a party it is aimed at, nor the party of a refusal, threat or promise
        to move them: "refused to deploy peacekeepers in Somalia", "threatened to withdraw its troops from Qatar"
        (the place's country is, later). Forces named with another nationality stay ("withdraw from the
        positions of Indian troops" is not moving them)."""
        by_trigger = {d.trigger: d for d in drafts if d.kind == "verb"}
        for c in drafts:
            if c.kind != "verb" or not c.actors or not c.code.startswith(self.own_forces_acts):
                continue
            obj = tree.kid(c.trigger, "dobj")
            kb = self.resolver.kb
            if obj is None or (
                kb.sector_of((obj.lemma or obj.text).lower()) or kb.sector_of(obj.lower)
            ) not in (
                "MIL",
                "COP",
            ):
                continue
            tlo, thi = tree.np_span(obj.i)  # "peacekeepers", not "peacekeepers in Somalia"
            lo, hi = tree.char_span(tlo, thi)
            own = {a.country for a in c.actors if a.country}
            named = {tree.tokens[k].ent_type for k in range(tlo, thi)} & {"NORP", "GPE"}

            t = tree.tokens[c.trigger]
            gov = by_trigger.get(t.head) if t.dep == "xcomp" else None
            for d in (c, gov):
                if d is None:
                    continue
                moved = [
                    a
                    for a in d.recipients
                    if a.kind == "sector"
                    and lo <= a.start
                    and a.end <= hi
                    and (not named or a.country is None or a.country in own)
                ]
                if not moved or (
                    d is gov and not all(any(_same(a, b) for b in gov.actors) for a in c.actors)
                ):
                    continue
                d.recipients = [a for a in d.recipients if a not in moved]
                d.roles.append(
                    f"not a recipient: the forces '{obj.text}' are the actor's own, moved by '{t.text}'"
                )

    def _violent_results(self, tree: Tree, drafts: list[Draft]) -> None:
        """A result participle of violence ("..., killing three soldiers", "wounding dozens") is done by the attack
        before it in the sentence, even when the parser hangs it on a clause that is no attack ("said the two
        militaries would expand training ..., where rebels attacked a base, killing three"): it takes that
        attack's actors instead of the non-violent clause's subject."""
        for d in drafts:
            t = tree.tokens[d.trigger]
            if (
                d.kind != "verb"
                or t.dep != "advcl"
                or t.tag != "VBG"
                or self.ontology.cameo(d.code).quad != 4
            ):
                continue
            gov = next((g for g in drafts if g.trigger == t.head and g.kind == "verb"), None)
            if gov is not None and self.ontology.cameo(gov.code).quad == 4:
                continue  # "shelled the town, killing three": the governor is the attack
            attack = max(
                (
                    g
                    for g in drafts
                    if g is not d
                    and g.trigger < d.trigger
                    and g.actors
                    and self.ontology.cameo(g.code).quad == 4
                ),
                key=lambda g: g.trigger,
                default=None,
            )
            if attack is None:
                continue
            d.actors = list(attack.actors)
            d.result_of = attack.trigger  # and its date
            d.roles.append(
                f"actor = the actors of the attack '{tree.tokens[attack.trigger].text}' it is a result of"
            )

    def _result_setting(self, tree: Tree, drafts: list[Draft]) -> None:
        """A result participle of violence ("..., killing several people") happens where the attack it follows
        happened, and its victims with no nationality belong to the country the attack was aimed at: "attacked a
        Chadian village, killing several people" (Chadian civilians), "struck areas in Aleppo, killing five"."""
        for d in drafts:
            t = tree.tokens[d.trigger]
            while (
                t.dep == "conj" and t.tag == "VBG" and t.head != t.i
            ):  # "killing and injuring several people"
                t = tree.tokens[t.head]
            if (
                d.kind != "verb"
                or t.dep != "advcl"
                or t.tag != "VBG"
                or self.ontology.cameo(d.code).plover != "ASSAULT"
            ):
                continue
            gov = next((g for g in drafts if g.trigger == t.head and g.kind == "verb"), None)
            if gov is None or self.ontology.cameo(gov.code).plover != "ASSAULT":
                continue
            if d.location is None and gov.location is not None:
                d.location = gov.location
                d.roles.append(f"place = the place of the attack '{tree.tokens[gov.trigger].text}'")
            states = {r.country for r in gov.recipients if r.kind == "state" and r.country}
            if len(states) != 1 or (d.location is not None and d.location.country):
                continue
            (country,) = states
            where = f"the country the attack '{tree.tokens[gov.trigger].text}' was aimed at"
            d.recipients = [self._localise(r, country, where) for r in d.recipients]

    def _unaddressed_verbal_purpose(self, tree: Tree, d: Draft) -> bool:
        """Whether ``d`` is a verbal act (quads 1 and 3) with an actor and no recipient, coded on a to-infinitive
        purpose clause or complement ("... to demand an explanation", "... to offer talks")."""
        t = tree.tokens[d.trigger]
        if d.recipients or not d.actors or d.kind != "verb" or t.dep not in ("advcl", "xcomp"):
            return False
        return self.ontology.cameo(d.code).quad in (1, 3) and any(
            k.lower == "to" for k in tree.kids(t.i, "aux")
        )

    def _purpose_addressee(self, tree: Tree, drafts: list[Draft]) -> None:
        """A verbal act in the purpose clause of an act on someone is addressed to that someone: "summoned
        Pakistan's envoy to demand an explanation", "met the Iraqi minister to discuss security", "called Ruto to
        congratulate him" (same actor only; verbal acts, quads 1 and 3)."""
        for d in drafts:
            t = tree.tokens[d.trigger]
            if not self._unaddressed_verbal_purpose(tree, d):
                continue
            gov = next((g for g in drafts if g.trigger == t.head and g.kind == "verb"), None)
            if (
                gov is None
                or not gov.recipients
                or not all(any(_same(a, b) for b in gov.actors) for a in d.actors)
            ):
                continue
            d.recipients = [r for r in gov.recipients if r.why != PLACE_PARTY_WHY]
            if d.recipients:
                d.roles.append(
                    f"recipient = the one '{tree.tokens[gov.trigger].text}' is done to (a purpose clause)"
                )

    def _contacted_addressee(
        self, article: Article, tree: Tree, actors: ArticleActors, ref: _dt.date | None, drafts: list[Draft]
    ) -> None:
        """A verbal act in the purpose clause of a verb of reaching someone that is no event itself is addressed to
        whom that verb reaches: "is contacting a number of Lebanese legislators to propose a new law", "approached
        the Ugandan government to offer talks" (arguments.ADDRESSING_VERBS; verbal acts, quads 1 and 3, that name no
        recipient; the governing verb's subject is the act's own)."""
        coded = {d.trigger for d in drafts if d.kind == "verb"}
        for d in drafts:
            t = tree.tokens[d.trigger]
            if not self._unaddressed_verbal_purpose(tree, d):
                continue
            if t.head in coded or (obj := addressed_party(tree, t.head)) is None:
                continue
            found = [
                a
                for a in self._resolve_all(tree.conjuncts(obj.i), article, tree, actors, ref, peers=d.actors)
                if not any(_same(a, b) for b in d.actors)
            ]
            if found:
                d.recipients = found
                d.roles.append(f"recipient = whom '{tree.tokens[t.head].text}' reaches (a purpose clause)")

    def _purpose_recipients(self, tree: Tree, drafts: list[Draft]) -> None:
        """A protest that names no target is addressed to the party its purpose clause names: "thousands marched to
        demand action from G7 leaders", "began a hunger strike to press the government" (same actor only); force that
        names no target is aimed at whom its purpose clause acts on ("police opened fire to disperse demonstrators",
        "launched an offensive to recapture the town from the rebels") or whom its result clause kills or wounds
        ("attacked a checkpoint, killing 12 policemen")."""
        for d in drafts:
            kind = self.ontology.cameo(d.code).plover
            if d.recipients or not d.actors or kind not in ("PROTEST", "ASSAULT"):
                continue
            for p in drafts:
                tp = tree.tokens[p.trigger]
                if p is d or not p.recipients or tp.dep not in ("advcl", "xcomp") or tp.head != d.trigger:
                    continue
                purpose = any(k.lower == "to" for k in tree.kids(tp.i, "aux"))
                result = tp.tag == "VBG" and self.ontology.cameo(p.code).plover == "ASSAULT"
                if kind == "ASSAULT" and not (purpose or result):
                    continue
                if all(any(_same(a, b) for b in d.actors) for a in p.actors):
                    d.recipients = list(p.recipients)
                    d.roles.append(f"recipient = recipient of its purpose clause '{tp.text}'")
                    break

    def _issuer(self, tree: Tree, t: Token) -> Token | None:
        """The subject of the verb that issued the document a verb modifies: "The PKK issued a declaration
        demanding that ..." -> the PKK (document nouns in events/data/roles.yaml)."""
        if t.dep != "acl" or t.head == t.i:
            return None
        doc = tree.tokens[t.head]
        if (
            doc.lemma or doc.text
        ).lower() not in self.document_nouns and doc.lower not in self.document_nouns:
            return None
        gov = tree.head(doc.i)
        if gov is None or gov.pos not in ("VERB", "AUX") or doc.dep not in ("dobj", "nsubjpass"):
            return None
        subj, passive = tree.subject(gov.i)
        return subj if subj is not None and not passive else None

    def _speech_act_party(
        self,
        heads: list[int],
        article: Article,
        tree: Tree,
        actors: ArticleActors,
        ref: _dt.date | None,
        d: Draft,
        notes: list[str],
    ) -> list[Actor]:
        """The party behind the thing an event answers, when the thing itself is no actor: the maker of a call,
        demand or offer ("rejected calls by Kofi Annan", "accepted demands from the rebels"; nouns in
        events/data/roles.yaml), the agent of a deed ("crimes committed by Croat forces"), or the possessor of
        the object ("denounced Serbia's suppression of ...", "opposed Turkey's decision")."""
        for h in heads:
            tok = article.tokens[h]
            if tok.pos not in ("NOUN", "PROPN"):
                continue
            poss = tree.kid(h, "poss")
            relation = (tok.lemma or tok.text).lower() in RELATIONAL_NOUNS  # "Iraq's neighbours" are not Iraq
            if poss is not None and not tree.is_pronoun(poss.i) and not relation:
                found = self._resolve_all([poss.i], article, tree, actors, ref, peers=d.actors)
                if found:
                    notes.append(f"recipient = possessor '{poss.text}' of '{tok.text}'")
                    return found
            agents: list[tuple[str, Token]] = []
            if (tok.lemma or tok.text).lower() in self.speech_act_nouns or tok.lower in self.speech_act_nouns:
                agents.extend((p.lower, o) for p, o in tree.preps(h) if p.lower in ("by", "from"))
            else:
                # "investigating war crimes by Croatian extremists", "violated a ban by the general": the by-phrase
                # of a deed names its doer
                agents.extend((p.lower, o) for p, o in tree.preps(h) if p.lower == "by")
            for acl in tree.kids(h, "acl"):
                if acl.tag == "VBN":
                    agents.extend(
                        (p.lower, o) for p, o in tree.preps(acl.i) if p.dep == "agent" or p.lower == "by"
                    )
            for prep, o in agents:
                found = self._resolve_all(tree.conjuncts(o.i), article, tree, actors, ref, peers=d.actors)
                if found:
                    notes.append(f"recipient = who is behind the {tok.text} ('{prep} {o.text}')")
                    return found
        return []

    def _object_party(
        self,
        obj: Token,
        pattern_prep: str | None,
        article: Article,
        tree: Tree,
        actors: ArticleActors,
        ref: _dt.date | None,
        d: Draft,
        notes: list[str],
    ) -> list[Actor]:
        """The party an act on a thing is aimed at, for a pattern whose object is not the recipient
        (`recipient: none`): named in a phrase of the object ("halted aid to Serbia", "cancelled a visit to
        Haiti", "lifted a blockade on Palestinian lorries", "mounted an invasion of Lebanon", "a programme for
        Bosnia") or of the verb beside the object ("halted aid to Serbia" parsed on the verb). The pattern's
        own preposition is its content ("called for talks"), not a party; only a phrase that resolves counts."""
        v = obj.head
        if (obj.lemma or obj.text).lower() in self.partitive_nouns:
            # "halted part of its aid to Serbia": the phrases of what the quantity is of
            obj = next(
                (o for p, o in tree.preps(obj.i) if p.lower == "of" and o.pos in ("NOUN", "PROPN")), obj
            )
        # candidate phrases in order: on the object, then on the verb; one level into a phrase that names a thing
        # ("sanctions against gold from South Africa", "restrictions on the labour market for new members")
        cands: list[tuple[Token, str]] = []
        quantity = (obj.lemma or obj.text).lower() in self.support_nouns
        for owner, allowed in ((obj.i, OBJECT_PARTY_PREPS), (v, VERB_PARTY_PREPS)):
            for p, o in tree.preps(owner):
                if p.lower not in allowed or p.lower == pattern_prep or o.pos not in ("PROPN", "NOUN"):
                    continue
                if owner == obj.i and quantity and p.lower == "of":
                    continue  # "exchanged hundreds of prisoners": what the quantity is of is the thing, not a party
                if o.ent_type in ("DATE", "TIME"):  # "on Saturday"
                    continue
                cands.append((o, f"recipient = object of '{p.lower}' on '{tree.tokens[owner].text}'"))
                for p2, o2 in tree.preps(o.i):
                    if p2.lower in ("from", "of", "for") and o2.pos in ("PROPN", "NOUN"):
                        cands.append(
                            (o2, f"recipient = object of '{p2.lower}' on '{o.text}' ('{p.lower} {o.text}')")
                        )
        # a party with a nationality (or an organisation) first; failing one, a group of people ("refugees")
        fallback: tuple[list[Actor], str] | None = None
        for o, why in cands:
            found = self._resolve_all(tree.conjuncts(o.i), article, tree, actors, ref, peers=d.actors)
            named = [a for a in found if a.country or a.kind in ("igo", "armed_group", "org")]
            if named:
                notes.append(why)
                return named
            rest = [a for a in found if a.kind == "sector"]
            if rest and fallback is None:
                fallback = (rest, why)
        owned = self._object_possessor(obj, article, tree, actors, ref, d)
        if owned:
            protest = "what the protest is against: " if d.code.startswith("14") else ""
            notes.append(f"recipient = {protest}the possessor of '{obj.text}'")
            return owned
        if fallback is not None:
            notes.append(fallback[1])
            return fallback[0]
        return []

    def _speaker_of_conjoined_speech(
        self,
        tree: Tree,
        i: int,
        subj: Token,
        code: str,
        article: Article,
        actors: ArticleActors,
        ref: _dt.date | None,
    ) -> Token | None:
        """The speaker of a verbal act the parser joined to a reported clause instead of to the reporting verb:
        "the spokesman said the deal posed a risk and urged the three countries to abandon it" parses "urged" as
        a conjunct of "posed", so it inherits "the deal". When the inherited subject is a thing that names no
        party and the act is verbal (CAMEO 01-05, 10-14), the reporting verb's subject speaks it. None otherwise."""
        t = tree.tokens[i]
        if t.dep != "conj" or subj.head == i or subj.pos != "NOUN":
            return None
        if self.ontology.cameo(code).quad not in (1, 3):
            return None
        h = tree.tokens[t.head]
        if h.dep != "ccomp" or h.head == h.i:
            return None
        r = tree.tokens[h.head]
        if r.pos != "VERB" or (r.lemma or r.text).lower() not in self.reporting:
            return None
        speaker, passive = tree.subject(r.i)
        if speaker is None or passive or speaker.i == subj.i:
            return None
        if self.resolver.resolve(subj.i, article, tree, actors, ref) is not None:
            return None
        if self.resolver.resolve(speaker.i, article, tree, actors, ref) is None:
            return None
        return speaker

    def _object_possessor(
        self, obj: Token, article: Article, tree: Tree, actors: ArticleActors, ref: _dt.date | None, d: Draft
    ) -> list[Actor]:
        """The named party that owns the object of a material act on a thing ("suspended Niger's membership",
        "froze Russia's assets", "suspended Ghana's loan programme"): a possessor that is no pronoun, of a noun
        that is no relation ("Iraq's neighbours" are not Iraq), other than the actor itself."""
        if self.ontology.cameo(d.code).quad not in (2, 4):
            return []  # "demanded a meeting to discuss Croatia's advance": the topic's owner is no party of a talk
        poss = tree.kid(obj.i, "poss")
        if poss is None or tree.is_pronoun(poss.i) or (obj.lemma or obj.text).lower() in RELATIONAL_NOUNS:
            return []
        found = self._resolve_all([poss.i], article, tree, actors, ref, peers=d.actors)
        return [
            a
            for a in found
            if (a.country or a.kind in ("igo", "armed_group", "org"))
            and not any(_same(a, x) for x in d.actors)
        ]

    def _thing_owner(
        self,
        theme: Token | None,
        heads: list[int],
        article: Article,
        tree: Tree,
        actors: ArticleActors,
        ref: _dt.date | None,
        d: Draft,
    ) -> tuple[list[Actor], str]:
        """The party a thing an act is done to belongs to, when the thing names no party itself: the country of
        the place named in its own phrase ("re-examine the refineries in Iran", "stormed his residence in Tbilisi",
        "blew up power lines leading into Kabul") or, for the act's object, the party it is of or for ("demanded
        the removal of President X", "attacked a camp for Congolese refugees"). Only a common noun that names no
        people counts as a thing, only a party with a country or an organisation is taken, never the act's own
        actor. ``heads`` are the other recipient heads found (phrases of the verb): only their places count."""
        cands: list[tuple[Token, Token, str]] = []
        # the people the thing carries come before its owner and its place
        carried: list[tuple[Token, Token, str]] = []
        for h, owner_preps in [
            *([(theme.i, THING_OWNER_PREPS)] if theme is not None else []),
            *((k, THING_PLACE_PREPS) for k in heads),
        ]:
            tok = article.tokens[h]
            if tok.pos != "NOUN" or tok.ent_type or h == d.trigger or actors.at(h) is not None:
                continue
            if self.resolver.kb.sector_of((tok.lemma or tok.text).lower()) or self.resolver.kb.sector_of(
                tok.lower
            ):
                continue  # "clashed with rioters": people, not a thing
            for ow in (tok, *(a for a in tree.kids(h, "acl") if a.pos == "VERB")):
                for p, o in tree.preps(ow.i):
                    if (
                        p.lower in owner_preps
                        and o.pos in ("PROPN", "NOUN")
                        and o.ent_type not in ("DATE", "TIME")
                    ):
                        cands.append((tok, o, p.lower))
                if (
                    ow is not tok
                    and owner_preps is THING_OWNER_PREPS
                    and (ow.lemma or ow.text).lower() in CONVEYING_VERBS
                ):
                    # "attacked a convoy carrying UN peacekeepers", "sank a boat carrying migrants": the people the
                    # thing carries are the ones it is done to
                    carried += [
                        (tok, o, ow.text) for o in tree.kids(ow.i, "dobj") if o.pos in ("NOUN", "PROPN")
                    ]
        for tok, o, prep in [*carried, *cands]:
            why = f"recipient = '{prep} {o.text}' on the thing '{tok.text}' the act is done to"
            if prep in THING_PLACE_PREPS:
                loc = self._geo_place(article, tree, actors, o.i, [a.country for a in d.actors if a.country])
                if (
                    loc is not None
                    and loc.country
                    and loc.kind in ("country", "city", "region", "admin", "gpe", "loc")
                ):
                    party = self._place_party(loc)
                    if not any(
                        _same(party, b) or (b.kind == "state" and b.country == party.country)
                        for b in d.actors
                    ):
                        return [party], why
                    continue
            if o.pos != "PROPN" and not self.resolver.kb.sector_of((o.lemma or o.text).lower()):
                continue  # "the sale of Lockheed Martin jets": what it is of is goods, not a party
            found = self._resolve_all(tree.conjuncts(o.i), article, tree, actors, ref, peers=d.actors)
            found = [
                a
                for a in found
                if (a.country or a.kind in ("igo", "armed_group", "org"))
                and not any(_same(a, b) for b in d.actors)
            ]
            if found:
                return found, why
        return [], ""

    def _embed_nominal_objects(self, tree: Tree, drafts: list[Draft]) -> None:
        """A nominal event that is the object of another event's verb is that event's content, not the main
        event: "opposed to French mediation", "condemned the attack", "welcomed the agreement"."""
        verbs = {d.trigger: d for d in drafts if d.kind == "verb"}
        for d in drafts:
            if d.kind != "noun" or d.embedded:
                continue
            t = tree.tokens[d.trigger]
            if t.dep == "compound" and t.head != t.i:
                t = tree.tokens[t.head]  # "a mediation effort": the support noun stands for the event
            h = tree.head(t.i)
            if h is None:
                continue
            gov: Draft | None = None
            if t.dep == "dobj":
                gov = verbs.get(h.i)
            elif t.dep == "pobj" and h.dep == "prep" and h.lower in CONTENT_PREPS:
                h2 = tree.head(h.i)
                gov = verbs.get(h2.i) if h2 is not None else None
            if gov is None:
                gov = self._nominal_governor(tree, t, verbs)
            if gov is not None and gov is not d:
                d.embedded = d.governed = True
                d.governor = gov
                d.roles.append(f"the object of the event '{tree.tokens[gov.trigger].text}'")
                if (
                    gov.code[:2] in JUDGING_ACTS
                    and d.code[:2] not in JUDGING_ACTS
                    and d.actors
                    and any(r.startswith("participants = subject of") for r in d.roles)
                    and all(any(_same(a, b) for b in gov.actors) for a in d.actors)
                ):
                    # "the ICC opened an investigation into the killings": who judges an act is not who did it (the
                    # subject of the clause the noun sits in was taken as its participants)
                    d.actors = []
                    d.roles.append(
                        f"no actor: '{tree.tokens[gov.trigger].text}' judges it, its subject did not do it"
                    )
                if (
                    not gov.recipients
                    and d.recipients
                    and (not d.actors or all(any(_same(a, b) for b in gov.actors) for a in d.actors))
                    and gov.code[:2] not in JUDGING_ACTS
                ):
                    # (not a judging act: "questioned in a probe of fuel shipments to Syria" is not aimed at Syria)
                    # "committed to assistance to the US-led war": the party the act it takes up is aimed at
                    gov.recipients = list(d.recipients)
                    gov.roles.append(f"recipient = recipient of its object '{t.text}'")
                if (
                    not gov.recipients
                    and gov.actors
                    and d.actors
                    and not any(_same(a, b) for a in d.actors for b in gov.actors)
                ):
                    # "condemned the Israeli raid", "agreed to US mediation", "opposed French mediation": a reaction
                    # to an act is aimed at whoever does it
                    gov.recipients = list(d.actors)
                    gov.roles.append(f"recipient = who does the '{t.text}' it reacts to")
        self._statement_relatives(tree, drafts, verbs)

    def _receiver(self, tree: Tree, anchor: Token, head: Token | None) -> tuple[Token, int] | None:
        """The active subject that receives the nominal event ``anchor`` and the verb it is the subject of: the noun is
        the object of a receiving verb ("faced criticism", "received a warning"; modality.yaml ``receiving_verbs``) or
        what the subject comes or falls under ("came under pressure")."""
        if head is None:
            return None
        verb = None
        if anchor.dep == "dobj" and (head.lemma or head.text).lower() in self.receiving:
            verb = head
        elif anchor.dep == "pobj" and head.lower == "under":
            v = tree.head(head.i)
            if v is not None and (v.lemma or v.text).lower() in ("come", "fall"):
                verb = v
        elif anchor.dep == "pobj" and head.lower in ("in", "during", "from"):
            # "Ukrainian troops suffered heavy losses in Russian air strikes", "were losing 100 dead a day in NATO air
            # strikes": who suffers losses in an act is who it is done to
            v = tree.head(head.i)
            if v is not None and v.pos == "NOUN" and v.dep == "dobj":
                v = tree.head(v.i)  # "suffered heavy losses in ...": the phrase hung on the losses
            if v is not None and v.pos == "VERB" and (v.lemma or v.text).lower() in LOSS_VERBS:
                verb = v
        if verb is None:
            return None
        subj, passive = tree.subject(verb.i)
        if subj is None or passive:
            return None
        return subj, verb.i

    def _statement_relatives(self, tree: Tree, drafts: list[Draft], verbs: dict[int, Draft]) -> None:
        """A relative clause on what a public statement is about describes that content ("takes credit for the bomb
        that killed dozens", "claimed the attacks which destroyed ..."): it is the statement's content too."""
        for d in drafts:
            t = tree.tokens[d.trigger]
            if d.kind != "verb" or d.governor is not None or not _describing_clause(t) or t.head == t.i:
                continue
            n = tree.tokens[t.head]
            h = tree.head(n.i)
            gov: Draft | None = None
            if h is not None and n.dep == "dobj":
                gov = verbs.get(h.i)
            elif h is not None and n.dep == "pobj" and h.dep == "prep" and h.lower in CONTENT_PREPS:
                h2 = tree.head(h.i)
                gov = verbs.get(h2.i) if h2 is not None else None
            if gov is None:
                gov = self._nominal_governor(tree, n, verbs)
            if gov is not None and gov is not d and gov.code[:2] == "01":
                d.embedded = d.governed = True
                d.governor = gov
                d.roles.append(
                    f"describes '{n.text}', the content of the statement '{tree.tokens[gov.trigger].text}'"
                )

    @staticmethod
    def _nominal_governor(tree: Tree, t: Token, verbs: dict[int, Draft]) -> Draft | None:
        """The verb event whose object or prepositional phrase holds the nominal event ``t`` further down, through
        nouns and prepositions only: "launch an offensive in its war with Iraq", "commit to assistance to the war
        against Iraq", "denounced Serbia's suppression of unrest". Subjects and other clauses are not crossed."""
        cur = t
        for _ in range(8):
            h = tree.head(cur.i)
            if h is None or cur.dep not in ("pobj", "prep", "dobj", "poss", "compound", "appos", "conj"):
                return None
            if h.pos in ("VERB", "AUX"):
                return verbs.get(h.i) if cur.dep in ("dobj", "prep") else None
            cur = h
        return None

    def _embedded_recipients(self, tree: Tree, i: int, notes: list[str]) -> list[int]:
        """The recipient of a verb whose complement clause names it: "demanded that Hamas renounce ..." (the
        clause's subject), "threatened to break off relations with Congo" (the complement's object)."""
        for c in tree.kids(i, "ccomp", "xcomp"):
            if c.pos not in ("VERB", "AUX"):
                continue
            if c.dep == "ccomp":
                subj = tree.kid(c.i, "nsubj", "nsubjpass")
                if subj is not None and not tree.is_pronoun(subj.i):
                    notes.append(f"recipient = subject '{subj.text}' of the complement clause")
                    return tree.conjuncts(subj.i)
                continue
            obj = tree.kid(c.i, "dobj", "dative")
            for p, o in tree.preps(c.i):
                if p.lower in ("with", "against", "on", "to"):
                    notes.append(f"recipient = object of '{p.lower}' in the complement '{c.text}'")
                    return tree.conjuncts(o.i)
            if obj is not None:
                for p, o in tree.preps(obj.i):
                    if p.lower in ("with", "against", "on", "to"):
                        notes.append(f"recipient = object of '{p.lower}' in the complement '{c.text}'")
                        return tree.conjuncts(o.i)
                notes.append(f"recipient = object '{obj.text}' of the complement '{c.text}'")
                return tree.conjuncts(obj.i)
        return []

    def _journey_warned(self, tree: Tree, i: int) -> bool:
        """Whether verb ``i`` warns or advises against a journey ("advised against travel", "against travelling")."""
        journey = self.lexicon.classes.get("journey", frozenset())
        return any(p.lower == "against" and (o.lemma or o.text).lower() in journey for p, o in tree.preps(i))

    def _noun(
        self,
        article: Article,
        tree: Tree,
        actors: ArticleActors,
        t: Token,
        ref: _dt.date | None,
        drafts: list[Draft],
        trace: CoderTrace | None = None,
    ) -> Draft | None:
        anchor = (
            t  # the token that stands in the clause for the event: the noun, or the support noun it names
        )
        if t.dep == "compound":  # "defence cooperation framework": the head noun is the event, if any
            h = tree.head(t.i)
            if h is not None and h.pos == "NOUN" and (h.lemma or h.text).lower() in self.effort_nouns:
                anchor = h  # "launched a mediation effort between X and Y": the effort is the mediation
            else:
                if trace is not None and self.lexicon.match_noun((t.lemma or t.text).lower()) is not None:
                    note(
                        trace,
                        t.i,
                        "noun",
                        "dropped",
                        "a compound modifier: the head noun is the event, if any",
                    )
                return None
        if t.ent_type in ("DATE", "TIME", "PERSON", "GPE", "ORG", "NORP", "FAC", "LOC"):
            if trace is not None and self.lexicon.match_noun((t.lemma or t.text).lower()) is not None:
                note(trace, t.i, "noun", "dropped", f"part of a name or date ({t.ent_type})")
            return None  # "on March 10", "Strike Group": a name or date, not an event
        lemma = (t.lemma or t.text).lower()
        i = t.i
        modifiers = [
            (k.lemma or k.text).lower() for k in tree.kids(i, "amod", "compound", "nmod", "npadvmod")
        ]
        pat: NounPattern | None = None
        if (joined := _hyphen_lemma(article.tokens, t)) is not None:
            # "a sit-in", "a cease-fire": the tokenizer splits the word at its hyphen; the whole word is the noun
            pat = self.lexicon.match_noun(
                joined, modifiers=[m for m in modifiers if m != joined.split("-")[0]]
            )
        if pat is None:
            pat = self.lexicon.match_noun(lemma, modifiers=modifiers)
        if pat is None and t.lower != lemma:
            pat = self.lexicon.match_noun(t.lower, modifiers=modifiers)
        if pat is None and not self.lexicon.nouns(lemma):
            # "an exchange of prisoners", "the exchange process of prisoners of war": a noun with no plain sense takes
            # its sense from what it is of, as from a modifier ("a prisoner exchange")
            of_mods = [
                (o.lemma or o.text).lower()
                for k in {i, anchor.i}
                for p, o in tree.preps(k)
                if p.lower == "of"
            ]
            if of_mods and (pat := self.lexicon.match_noun(lemma, modifiers=of_mods)) is not None:
                modifiers = [*modifiers, *of_mods]
        if pat is None:
            return None
        # a noun that names an actor is not an event ("the strike force")
        m = actors.at(i)
        if m is not None and m.kind not in ("sector", "title"):
            return drop(trace, i, "noun", f"the noun names an actor ({m.kind}), not an event")
        ended = self.senses.ended(tree, t) or self.senses.noun_sense(tree, t)
        if ended is not None:  # "a cessation of hostilities", "end its attacks", "a news conference"
            return drop(trace, i, "noun", ended)
        d = Draft(
            trigger=i,
            code=pat.code,
            pattern=f"{pat.source} '{pat.noun}'",
            kind="noun",
            trigger_end=max(i, anchor.i),
        )
        a = anchor.i
        head = tree.head(a)
        if (
            anchor.dep == "dobj"
            and head is not None
            and (head.lemma or head.text).lower() in LIGHT_VERBS | self.aspectual
        ):
            d.predicate_noun = True
        notes: list[str] = []
        actor_heads: list[int] = []
        rec_heads: list[int] = []
        for p, o in tree.preps(a):
            pl = p.lower
            o = dated_name(tree, o) or o  # "talks with President X Tuesday": the name, not the day
            if pl in pat.reciprocal_prep:
                heads = tree.conjuncts(o.i)
                if len(heads) >= 2 and pat.code in self.third_party_acts:
                    # "a mediation effort between X and Y": X and Y are mediated between (roles.yaml)
                    rec_heads = heads
                    notes.append(f"recipients = the parties '{pl} {o.text} ...' of a third party's act")
                elif len(heads) >= 2:
                    actor_heads, rec_heads = heads[:1], heads[1:]
                    d.reciprocal = True
                    notes.append(f"reciprocal: '{pl} {o.text} ...'")
            elif pl in pat.agent_prep and not actor_heads:
                actor_heads = tree.conjuncts(o.i)
                notes.append(f"actor = object of '{pl}'")
            elif pl in pat.prep and not rec_heads:
                rec_heads = tree.conjuncts(o.i)
                notes.append(f"recipient = object of '{pl}'")
        delivered = (
            anchor.dep == "dobj" and head is not None and (head.lemma or head.text).lower() in self.delivery
        )  # "submitted a petition to the government": the verb's to-phrase is the noun's (modality.yaml)
        if not rec_heads and (d.predicate_noun or delivered) and head is not None:
            # "issued a stern reminder to Iraq", "made an appeal to the UN": the light verb's phrase is the noun's
            for p, o in tree.preps(head.i):
                if p.lower in pat.prep and o.ent_type not in ("DATE", "TIME"):
                    rec_heads = tree.conjuncts(o.i)
                    notes.append(f"recipient = object of '{p.lower}' on '{head.text}'")
                    break
        if (
            not rec_heads
            and anchor.dep == "pobj"
            and head is not None
            and head.lower in ("in", "into")
            and (v := tree.head(head.i)) is not None
            and (v.lemma or v.text).lower() in self.engage_verbs
            and (partner := tree.kid(v.i, "dobj")) is not None
        ):
            # "engaged Filipino peacekeepers in a firefight", "drew Iran into talks": the one engaged is the other side
            rec_heads = tree.conjuncts(partner.i)
            notes.append(f"recipient = object '{partner.text}' of '{v.text}' (the side engaged in it)")
        if (
            not rec_heads
            and anchor.dep == "nsubj"
            and head is not None
            and (head.lemma or head.text).lower() in self.flow_verbs
        ):
            # "Japanese investment flows into Vietnam", "Western aid poured into Kyiv": where it goes receives it
            for p, o in tree.preps(head.i):
                if p.lower in ("into", "to", *pat.prep) and o.ent_type not in ("DATE", "TIME"):
                    rec_heads = tree.conjuncts(o.i)
                    notes.append(f"recipient = object of '{p.lower}' on '{head.text}', where it goes")
                    break
        if not actor_heads:
            poss = tree.kid(a, "poss")
            if poss is not None:
                actor_heads = [poss.i]
                notes.append(f"actor = possessor '{poss.text}'")
        if not actor_heads:
            accused = self._accused_doer(tree, a)
            if accused is not None:
                actor_heads = tree.conjuncts(accused.i)
                notes.append(
                    f"actor = object '{accused.text}' of '{article.tokens[accused.head].text}' (the one accused of,"
                    " or praised for, the act)"
                )
        if not actor_heads:
            lo, _hi = tree.np_span(a)
            for k in range(lo, i):
                mk = actors.at(k)
                if mk is not None and mk.kind in ("capital", "seat") and article.tokens[k].dep == "compound":
                    continue  # "the Paris meeting", "a Geneva conference": a capital naming the event is its venue
                if mk is not None and mk.actor is not None and mk.kind not in ("title", "sector"):
                    # "full United States support": the name's last word heads it (the phrase is the whole name)
                    inside = range(mk.tok_start, min(mk.tok_end, i))
                    tops = [j for j in inside if article.tokens[j].head not in inside]
                    last = tops[0] if len(tops) == 1 else k
                    actor_heads = tree.conjuncts(last)  # "U.S. and Russian negotiators": both modifiers
                    notes.append(f"actor = modifier '{toks_text(article, mk.tok_start, mk.tok_end)}'")
                    break
        received = self._receiver(tree, anchor, head)
        if received is not None and not rec_heads:
            # "Kenya faced criticism from the AU", "came under pressure from Washington": what the subject receives comes
            # from the from-phrase (on the noun, or on the verb the parser hung it on)
            if not actor_heads:
                for k in {a, received[1]}:
                    src = next((o for p, o in tree.preps(k) if p.lower == "from"), None)
                    if src is not None:
                        actor_heads = tree.conjuncts(src.i)
                        notes.append(
                            f"actor = object of 'from' (what '{received[0].text}' receives comes from it)"
                        )
                        break
            if actor_heads:
                rec_heads = tree.conjuncts(received[0].i)
                notes.append(f"recipient = subject '{received[0].text}', who receives it")
        d.actors = self._resolve_all(actor_heads, article, tree, actors, ref, peers=[], modifier_ok=True)
        d.recipients = self._resolve_all(rec_heads, article, tree, actors, ref, peers=d.actors)
        if (
            received is not None
            and not d.actors
            and d.recipients
            and notes[-1:] == [f"recipient = subject '{received[0].text}', who receives it"]
        ):
            # "Hospitals face pressure from the surge in patients": no party it comes from, so no act received
            d.recipients = []
            notes.append("what the subject receives comes from no party: no recipient")
        if (
            d.actors
            and d.recipients
            and len(actor_heads) == 1
            and tree.is_pronoun(actor_heads[0])
            and all(any(_same(a, r) for r in d.recipients) for a in d.actors)
        ):
            # "the Iraqi people in their fight against ISIL": a pronoun read as the act's own target is misread
            d.actors = []
            notes.append(
                f"'{article.tokens[actor_heads[0]].text}' resolved to the act's own target: no actor"
            )
        if self.ontology.cameo(d.code).quad in (2, 4) and all(_unknown_org(r) for r in d.recipients):
            d.recipients = self._place_recipients(rec_heads, article, tree, actors, d, notes) or d.recipients
        if d.actors and not d.recipients:
            # "Iran was hit with new EU sanctions": the passive subject of the clause receives the act
            gov = _participant_verb(tree, a, self.agentive)
            if gov is not None:
                subj, passive = tree.subject(gov)
                if subj is not None and passive:
                    d.recipients = self._resolve_all(
                        tree.conjuncts(subj.i), article, tree, actors, ref, peers=d.actors
                    )
                    if d.recipients:
                        notes.append(
                            f"recipient = passive subject '{subj.text}' of '{article.tokens[gov].text}'"
                        )
        under_i = -1
        subject_phrase = (
            False  # the clause names who took part, resolved or not ("Islamic fundamentalists continued ...")
        )
        asked = self.asked.asker(
            tree, anchor
        )  # "called for a ceasefire": asked for, not done (events/asked.py)
        if (
            not d.recipients
            and anchor.dep == "pobj"
            and head is not None
            and head.lower == "under"
            and self.ontology.cameo(d.code).quad in (3, 4)
        ):
            # "a US national was put under investigation", "the convoy came under attack", "the town has been under
            # siege": who is under a conflictual act receives it (the object of the verb, else its subject); not the
            # basis of an act ("stationed troops under the bilateral agreement")
            under_verb = tree.head(head.i)
            if under_verb is not None and under_verb.pos in ("VERB", "AUX"):
                under = tree.kid(under_verb.i, "dobj")
                if under is None:
                    under, _passive = tree.subject(under_verb.i)
                if under is not None and under.i != i:
                    under_i = under.i
                    d.recipients = self._resolve_all(
                        tree.conjuncts(under.i), article, tree, actors, ref, peers=d.actors
                    )
                    if d.recipients:
                        notes.append(f"recipient = '{under.text}', under the act ('{under_verb.text} under')")
        if not d.actors and not self.senses.landmark(tree, t, self.reporting):
            # the participants of the clause the noun belongs to ("In a meeting at the Pentagon, X and Y ...",
            # "the focus of their discussion centered on the framework"); not a landmark ("near a patrol")
            gov = _participant_verb(tree, a, self.agentive)
            h = tree.head(a)
            gl = (article.tokens[gov].lemma or article.tokens[gov].text).lower() if gov is not None else ""
            if (
                gov is not None
                and anchor.dep == "pobj"
                and h is not None
                and (h.lower in self.topic_preps or (h.lower == "to" and gl in self.reaction_verbs))
            ):
                notes.append(
                    f"the clause of '{article.tokens[gov].text}' is about it ('{h.text}'): no participants"
                )
                gov = None
            if gov is not None and asked is not None and asked[1] and d.code[:2] != "14":
                # "the UN called for a ceasefire": who asks for the act does not take part in it (but who calls for a
                # march or a strike is its organiser: "the coalition called for a march")
                notes.append(f"asked for by '{asked[0].text}': its subject is no participant")
                gov = None
            if gov is not None:
                subj, subj_passive = tree.subject(gov)
                if subj is not None and self._reporter_subject(tree, gov, subj):
                    notes.append(
                        f"'{subj.text}' reports it ('{tree.tokens[subj.head].text}'): no participant"
                    )
                    subj = None
                ctl = self._controller(tree, gov)
                if ctl is not None and ctl.i != i and ctl.dep in ("dobj", "pobj"):
                    subj, subj_passive = ctl, False  # "urged both sides to return to talks": the sides return
                gov_lemma = (article.tokens[gov].lemma or article.tokens[gov].text).lower()
                if (
                    subj_passive
                    and gov_lemma in self.stative_passives
                    and not any(p.dep == "agent" or p.lower == "by" for p, _o in tree.preps(gov))
                ):
                    # "Serbian forces were engaged in ethnic cleansing": a state of the subject, who takes part
                    subj_passive = False
                if subj is not None and not subj_passive and subj.i not in (i, under_i):
                    subject_phrase = True
                    heads = tree.conjuncts(subj.i)
                    found = self._resolve_all(heads, article, tree, actors, ref, peers=[])
                    if not found:
                        found = self._inner_actors(subj.i, article, tree, actors, ref)
                    if found:
                        notes.append(f"participants = subject of '{article.tokens[gov].text}'")
                        if len(found) >= 2 and not d.recipients and _reciprocal_code(d.code):
                            d.actors, d.recipients = found[:1], found[1:]
                            d.reciprocal = True
                        else:
                            d.actors = found[:1] if d.recipients else found
                        if not d.recipients:
                            opp = self._resolve_all(
                                against_phrase(tree, gov), article, tree, actors, ref, peers=d.actors
                            )
                            d.recipients = [r for r in opp if not any(_same(r, b) for b in d.actors)]
                            if d.recipients:
                                notes.append(
                                    f"recipient = object of 'against' on '{article.tokens[gov].text}'"
                                )
        if d.actors and not d.recipients and d.code[:2] not in JUDGING_ACTS:
            # "a suspension of air links with Serbia", "a halt of arms sales to Iran": the party named inside what the
            # act is of (not of a judging act: "an investigation of arms sales to Peru" is not aimed at Peru)
            for p, o in tree.preps(a):
                if p.lower == "of" and o.pos == "NOUN" and actors.at(o.i) is None:
                    d.recipients = self._object_party(o, None, article, tree, actors, ref, d, notes)
                    break
        # "Kenya has been a target of the group": the subject of the copula is the recipient (not of an appeal or a
        # demand: "it is a painful reminder of the dangers" addresses no one)
        if anchor.dep == "attr" and not d.recipients and d.code[:2] not in ("02", "10"):
            cop = tree.head(a)
            if cop is not None:
                subj, _ = tree.subject(cop.i)
                if subj is not None:
                    d.recipients = self._resolve_all(
                        tree.conjuncts(subj.i), article, tree, actors, ref, peers=d.actors
                    )
                    if d.recipients:
                        notes.append(f"recipient = subject '{subj.text}' of '{cop.text}'")
        if not d.actors and not d.recipients and _reciprocal_code(d.code) and self._group and asked is None:
            # "the focus of their discussion centered on the framework": the pair the sentence refers back to
            sent = article.sentences[tree.sent_of[i]]
            plural = next(
                (
                    article.tokens[k]
                    for k in range(sent.tok_start, sent.tok_end)
                    if article.tokens[k].lower in ("their", "they", "both")
                ),
                None,
            )
            if plural is not None:
                d.actors, d.recipients = self._group[:1], self._group[1:]
                d.reciprocal = True
                notes.append(f"participants = the pair '{plural.text}' refers back to")
        # a protest named by its noun is kept like verbal cooperation by a named actor, whether or not the text names
        # who protests ("Islamic fundamentalists continued their hunger strike", "a string of protests rocked the
        # city", "anti-government demonstrations resumed"): protests are never disasters or crimes
        d.named_actor = d.code[:2] == "14" and (bool(actor_heads) or subject_phrase)
        protest_noun = d.code[:2] == "14"
        whole = pat.standalone and pat.matches(
            modifiers
        )  # "a prisoner exchange": complete with no party named
        if (
            not d.actors
            and not d.recipients
            and not _material_conflict(d.code)
            and not protest_noun
            and not whole
        ):
            if trace is not None:
                d.roles = notes
            return drop(trace, i, "noun", "no actor and no recipient", d)
        if not d.recipients and not _intransitive_ok(d.code) and len(d.actors) < 2 and not whole:
            if trace is not None:
                d.roles = notes
            return drop(trace, i, "noun", f"no recipient, and CAMEO {d.code} needs one", d)
        if lemma in self.characterizing and _manner_frame(tree, anchor):
            # "are receiving arms in potential violation of the embargo": a characterisation of the verb's act
            if trace is not None:
                d.roles = notes
            return drop(
                trace, i, "noun", f"a frame that characterises another act ('in {anchor.text} of ...')", d
            )
        dated = self._time_frame(tree, anchor)
        clause = tree.tokens[dated] if dated is not None else None
        dated_verbs = [dated] if dated is not None else []
        if clause is not None and clause.dep in ("advcl", "xcomp") and clause.head != clause.i:
            dated_verbs.append(
                clause.head
            )  # "remained on alert to forestall violence after ...": the clause's governor
        if any(
            v.trigger == k or (v.kind == "noun" and _on_verb(tree, v.trigger, k))
            for v in drafts
            for k in dated_verbs
        ):
            # "remained on alert after a week of Palestinian unrest": a nominal event that dates another act is its
            # background, as a temporal clause is (not when the verb it dates is no event: "suffered breathing
            # difficulties after a chlorine attack")
            d.background = True
            notes.append("a time phrase ('after/during/following ...') of another act")
        if lemma in self.manner_frames and _manner_frame(tree, anchor):
            # "troops, working together in support of Nigerian forces, recaptured the town", "fired in retaliation for":
            # a bare noun in an "in ... of/for/with" phrase on a verb says how or why that verb's act was done
            d.background = True
            notes.append(f"a frame of manner or purpose ('in {anchor.text} ...') on another act")
        d.roles = notes
        d.modality, d.attribution, d.embedded, d.demanded = self._modality(article, tree, actors, anchor, ref)
        self._not_done(article, tree, anchor, d)
        if asked is not None and d.modality in ("asserted", "pledged"):
            # "called for an immediate ceasefire", "urged both sides to return to negotiations": asked for, not done
            d.modality = "hypothetical"
            d.embedded = (
                d.embedded or not asked[1]
            )  # a direct object or for-phrase is embedded with its governor
            d.roles.append(f"asked for ('{asked[0].text}'): not done")
        expected = self._expected(tree, tree.tokens[i])
        if expected is not None and d.modality == "asserted":
            # "fears of an Israeli attack", "in anticipation of mass protests": feared or anticipated, not done
            d.modality = "hypothetical"
            d.roles.append(f"only expected ('{expected.text} of ...'): not done")
        self._others_intent(article, tree, actors, anchor, ref, d, own_actor=bool(actor_heads))
        d.specific = 1
        d.target = self._has_target(tree, a, None, None)  # "rape against villagers", "an attack on a convoy"
        d.standalone = pat.standalone and pat.matches(modifiers)
        note(trace, i, "noun", "draft", pattern=d.pattern, draft=d)
        return d

    def _plural_subject(
        self, h: int, article: Article, tree: Tree, actors: ArticleActors, ref: _dt.date | None
    ) -> tuple[str, Actor] | None:
        """The plural subject of an earlier clause of the same sentence that the plural pronoun at ``h`` refers back
        to, as (its words, its actor): "Thousands of people marched ..., and police used tear gas to disperse them"
        -> the marchers. Not the subject of the pronoun's own clause ("police ... disperse them" is not police), and
        only a plural noun ("protesters", "thousands of people"), not a name or a pronoun."""
        own: set[int] = set()  # the verbs of the pronoun's own clause
        cur = tree.tokens[h]
        for anc in tree.ancestors(h):
            if own and cur.dep in ("conj", "ccomp", "relcl", "parataxis"):
                break  # another clause ("to disperse them" shares its governing verb's subject)
            if anc.pos in ("VERB", "AUX"):
                own.add(anc.i)
            cur = anc
        sent = article.sentences[tree.sent_of[h]]
        for k in range(h - 1, sent.tok_start - 1, -1):
            t = tree.tokens[k]
            if t.dep not in ("nsubj", "nsubjpass") or t.head in own or tree.is_pronoun(k):
                continue
            head = t
            if t.pos in ("NUM", "NOUN") and t.tag in ("CD", "NNS"):
                # "thousands of people", "hundreds of students": the people counted
                of = next((o for p, o in tree.preps(k) if p.lower == "of"), None)
                head = of if of is not None else t
            if head.tag != "NNS":
                continue
            a = self.resolver.resolve(head.i, article, tree, actors, ref)
            if a is not None and a.kind == "sector":
                lo, hi = tree.np_span(k)
                start, end = tree.char_span(lo, hi)
                return article.text[start:end], a
            return None
        return None

    def _inner_actors(
        self, head: int, article: Article, tree: Tree, actors: ArticleActors, ref: _dt.date | None
    ) -> list[Actor]:
        """Actors named inside a noun phrase that is not itself an actor ("the focus of their discussion")."""
        for k in tree.subtree(head):
            tk = article.tokens[k]
            if tk.lower in ("their", "they", "them") and self._group:
                return [
                    replace(
                        a,
                        text=tk.text,
                        start=tk.start,
                        end=tk.end,
                        why=f"'{tk.text}' refers back to {a.name}",
                    )
                    for a in self._group
                ]
            a = self.resolver.resolve(k, article, tree, actors, ref) if tk.dep == "poss" else None
            if a is not None:
                return [a]
        return []

    def _note_pair(self, pair: list[Actor]) -> None:
        if len(pair) != 2 or not pair[0].country or not pair[1].country:
            return
        key = frozenset((pair[0].country, pair[1].country))
        n, _, first = self._pairs.get(key, (0, 0, pair))
        self._pairs[key] = (n + 1, sum(v[0] for v in self._pairs.values()) + 1, first)

    def _main_pair(self) -> list[Actor]:
        if not self._pairs:
            return []
        return max(self._pairs.values(), key=lambda v: (v[0], v[1]))[2]

    def _resolve_all(
        self,
        heads: Iterable[int],
        article: Article,
        tree: Tree,
        actors: ArticleActors,
        ref: _dt.date | None,
        *,
        peers: list[Actor],
        modifier_ok: bool = False,
        relatives: bool = False,
    ) -> list[Actor]:
        out: list[Actor] = []
        for h in heads:
            tok = article.tokens[h]
            pair = self._main_pair() if _pair_noun(tree, tok) else []
            if pair and not self._group_is_own_subject(h, tree, pair):
                # "X met Y ..., and the two ministers agreed": the pair the article names most (then last)
                for g in pair:
                    if not any(_same(g, b) for b in out):
                        out.append(
                            replace(
                                g, text=tok.text, start=tok.start, end=tok.end, why=f"'{tok.text}': {g.name}"
                            )
                        )
                continue
            plural_noun = tok.lower in COUNTRY_NOUNS_PLURAL and tok.pos == "NOUN"
            near = (
                self._plural_subject(h, article, tree, actors, ref)
                if tok.lower in ("they", "them", "their")
                else None
            )
            if near is not None:
                # "Thousands of people marched ..., and police used tear gas to disperse them": the plural subject
                # named earlier in the sentence, before a group or organisation named in an earlier sentence
                subj, ante = near
                if not any(_same(ante, b) for b in out):
                    out.append(
                        replace(
                            ante, why=f"'{tok.text}' refers back to '{subj}', named earlier in the sentence"
                        )
                    )
                continue
            if (
                (tok.lower in ("they", "them", "their") or plural_noun)
                and self._group
                and not self._group_is_own_subject(h, tree, self._group)
            ):
                sent = article.sentences[tree.sent_of[h]]
                for g in self._group:
                    if not any(_same(g, b) for b in out):
                        if sent.start <= g.start and g.end <= tok.start:
                            # "Obama and Putin said they will ...": named earlier in the sentence, the names' spans
                            out.append(replace(g, why=f"'{tok.text}' refers back to {g.name} ('{g.text}')"))
                            continue
                        out.append(
                            replace(
                                g,
                                text=tok.text,
                                start=tok.start,
                                end=tok.end,
                                why=f"'{tok.text}' refers back to {g.name}",
                            )
                        )
                continue
            a = self._stand_in(h, article, tree, actors, ref, peers + out, first=True, relatives=relatives)
            if a is None:
                a = self.resolver.resolve(h, article, tree, actors, ref, peers=peers + out)
            if a is None:
                a = self._stand_in(h, article, tree, actors, ref, peers + out, first=False)
            if a is None:
                a = self._official_of_place(h, article, tree, actors)
            if a is not None:
                a = self._shared_nationality(a, h, tree, actors)
            if a is not None and a.country is None and a.kind in ("sector", "org"):
                a = self._affiliated(a, h, article, tree, actors, ref)
            if a is None and modifier_ok:
                m = actors.at(h)
                if m is not None and m.actor is not None:
                    a = m.actor
            if a is not None and not any(_same(a, b) for b in out):
                out.append(a)
                # "Hungarian and Romanian officials": one actor per coordinated nationality
                for b in self._coordinated_nationalities(a, h, tree, actors):
                    if not any(_same(b, c) for c in out):
                        out.append(b)
            if a is not None and (tok.lower in QUANTITY_HEADS or tok.pos == "NUM"):
                # "scores of Sierra Leonean and Liberian refugees": the other conjuncts of what the quantity is of
                for p, o in tree.preps(h):
                    if p.lower != "of":
                        continue
                    for j in tree.conjuncts(o.i)[1:]:
                        conj = self.resolver.resolve(j, article, tree, actors, ref, peers=peers + out)
                        if conj is not None and not any(_same(conj, c) for c in out):
                            out.append(conj)
        return out

    def _affiliated(
        self, a: Actor, h: int, article: Article, tree: Tree, actors: ArticleActors, ref: _dt.date | None
    ) -> Actor:
        """A party with no country of its own placed with the state or state agency it is linked to, backed by,
        affiliated with or loyal to (roles.yaml affiliation_words): "hackers linked to Russia's military intelligence
        agency" -> RUSSPY, "hackers backed by Iran" -> IRN (its own sector, if any, kept). Not an armed group or
        organisation with a code of its own on the other side ("militants affiliated with the Islamic State")."""
        cands = list(tree.kids(h, "acl", "amod", "relcl"))
        t = tree.tokens[h]
        if t.dep == "nsubj" and t.head != h and self._affiliation_participle(tree, tree.tokens[t.head]):
            cands.append(
                tree.tokens[t.head]
            )  # "Hackers linked to X breached ...", 'linked' parsed as the main verb
        for m in cands:
            if (
                m.lower not in self.affiliation_words
                and (m.lemma or m.text).lower() not in self.affiliation_words
            ):
                continue
            for p, o in tree.preps(m.i):
                if p.lower not in ("to", "with", "by") or o.pos not in ("PROPN", "NOUN"):
                    continue
                y = self.resolver.resolve(o.i, article, tree, actors, ref)
                if y is None or not y.country or y.kind not in ("state", "sector"):
                    continue
                sector = a.sector or y.sector
                cc = self.resolver.cameo_country(y.country) or y.country
                return replace(
                    a,
                    country=y.country,
                    sector=sector,
                    code=f"{cc}{sector or ''}",
                    why=f"{a.why}; country from who it is {m.text} {p.lower}: {y.code} ('{o.text}')".lstrip(
                        "; "
                    ),
                )
        return a

    def _names_other_place(
        self, article: Article, actors: ArticleActors | None, a: Actor, country: str
    ) -> bool:
        """Whether the actor's own words name a region (roles.yaml region_words: "several European energy companies",
        "an international aid group") or another country than ``country``: no nationality is to be taken from around."""
        toks = article.tokens
        k = _token_index(toks, a.start)
        while k is not None and k < len(toks) and toks[k].end <= a.end:
            if toks[k].lower in self.region_words:
                return True
            m = actors.at(k) if actors is not None else None
            if m is not None and m.actor is not None and m.actor.country and m.actor.country != country:
                return True
            k += 1
        return False

    def _helper_agent(self, tree: Tree, i: int) -> Token | None:
        """The party of a "with the help / mediation / assistance of X" phrase on verb ``i`` (roles.yaml helper_nouns),
        or None."""
        for p, o in tree.preps(i):
            if p.lower not in ("with", "through") or (o.lemma or o.text).lower() not in self.helper_nouns:
                continue
            for p2, o2 in tree.preps(o.i):
                if p2.lower == "of" and o2.pos in ("PROPN", "NOUN"):
                    return o2
        return None

    def _affiliation_participle(self, tree: Tree, v: Token) -> bool:
        """Whether ``v`` is an affiliation participle with no auxiliary that the parser made a clause's main verb
        while the real verb hangs on it as 'dep' ("Hackers linked to X breached Y")."""
        return (
            v.tag in ("VBN", "VBD")  # the parser tags such a 'main verb' VBD
            and v.lower in self.affiliation_words
            and not tree.kids(v.i, "aux", "auxpass")
            and any(tree.tokens[c].dep == "dep" and tree.tokens[c].pos == "VERB" for c in tree.children[v.i])
        )

    def _affiliation_participle_subject(self, tree: Tree, t: Token) -> Token | None:
        """The subject of verb ``t`` when the parser hung it as 'dep' on an affiliation participle it took for the
        main verb: "Hackers linked to X breached Y" -> Hackers."""
        if t.dep != "dep" or t.head == t.i or t.i < t.head:
            return None
        v = tree.tokens[t.head]
        if not self._affiliation_participle(tree, v):
            return None
        return tree.kid(v.i, "nsubj")

    @staticmethod
    def _group_is_own_subject(h: int, tree: Tree, group: list[Actor]) -> bool:
        """Whether a remembered group (or pair) is the subject of the verb whose object (or phrase) ``h`` is: "Egypt and Qatar
        urged both sides to return", "X and Y told them": the ones acted on are not the ones acting."""
        t = tree.tokens[h]
        v = tree.head(h)
        if v is not None and t.dep == "pobj" and v.dep == "prep":
            t, v = v, tree.head(v.i)
        if v is None or v.pos not in ("VERB", "AUX") or t.dep not in ("dobj", "dative", "prep"):
            return False
        subj, passive = tree.subject(v.i)
        if subj is None or passive:
            return False
        span = tree.subtree(subj.i)  # with its conjuncts: "Egypt and Qatar"
        start, end = tree.char_span(min(span), max(span) + 1)
        return all(start <= g.start and g.end <= end for g in group)

    def _official_of_place(self, h: int, article: Article, tree: Tree, actors: ArticleActors) -> Actor | None:
        """A sector agent named by the place it serves when that place is no actor itself ("the mayor of Nablus",
        "the governor of Kandahar province", "police of the town of X"): the sector of its word, the country of
        the place."""
        tok = article.tokens[h]
        sector = self.resolver.kb.sector_of((tok.lemma or tok.text).lower()) or self.resolver.kb.sector_of(
            tok.lower
        )
        if tok.pos != "NOUN" or sector is None:
            return None
        for p, o in tree.preps(h):
            if p.lower != "of" or (o.pos != "PROPN" and (o.lemma or o.text).lower() not in PLACE_TYPE_NOUNS):
                continue
            loc = self._geo_place(article, tree, actors, o.i, [])
            if loc is None or not loc.country:
                continue
            lo, hi = tree.np_span(h)
            start, end = tree.char_span(lo, hi)
            cc = self.resolver.cameo_country(loc.country) or loc.country
            return Actor(
                article.text[start:end],
                start,
                end,
                article.text[start:end],
                loc.country,
                sector,
                "sector",
                f"{cc}{sector}",
                why=f"sector '{tok.text}' ({sector}) of the place '{loc.text}' ({loc.country})",
            )
        return None

    def _stand_in(
        self,
        h: int,
        article: Article,
        tree: Tree,
        actors: ArticleActors,
        ref: _dt.date | None,
        peers: list[Actor],
        *,
        first: bool,
        relatives: bool = False,
    ) -> Actor | None:
        """The party a word that names none stands for in its own sentence: a relative pronoun is the noun its
        clause modifies ("Hezbollah, which fought a war with Israel" -> Hezbollah; not a document: "a resolution
        that aims to ..."); a noun in apposition with a name is that name when the noun names no party itself
        ("captured positions from its rival the Taliban" -> the Taliban, not the possessor of "its"). ``first``:
        asked before the resolver (relative pronouns, nouns with a possessive pronoun), else after it failed.
        Relative pronouns only with ``relatives`` (material acts: a verbal act in a relative clause, "Sharon, who
        has vowed ...", is the description of a party, not an event of the sentence's own)."""
        tok = tree.tokens[h]
        if tok.lower in RELATIVE_PRONOUNS and tok.dep in ("nsubj", "nsubjpass") and tok.head != h:
            clause = tree.tokens[tok.head]
            if first and relatives and clause.dep == "relcl" and clause.head != clause.i:
                noun = tree.tokens[clause.head]
                lemma = (noun.lemma or noun.text).lower()
                if (
                    noun.pos in ("PROPN", "NOUN")
                    and noun.i < h
                    and lemma not in self.document_nouns
                    and lemma not in self.speech_act_nouns
                ):
                    a = self.resolver.resolve(noun.i, article, tree, actors, ref, peers=peers)
                    # not a place ("attacks in the commercial area of X, which killed")
                    placed = noun.ent_type in PLACE_LABELS or lemma in PLACE_HEADS or lemma in PLACE_NOUNS
                    if a is not None and not placed:
                        return replace(
                            a, why=f"{a.why}; '{tok.text}' is the '{noun.text}' its clause modifies"
                        )
            return None
        owned = any(k.lower in POSSESSIVE_WORDS for k in tree.kids(h, "poss"))
        if tok.pos == "NOUN" and owned == first:
            for ap in tree.kids(h, "appos"):
                if ap.pos == "PROPN":
                    a = self.resolver.resolve(ap.i, article, tree, actors, ref, peers=peers)
                    if a is not None:
                        return replace(a, why=f"{a.why}; '{tok.text}' in apposition with '{ap.text}'")
        return None

    def _shared_nationality(self, a: Actor, h: int, tree: Tree, actors: ArticleActors) -> Actor:
        """A sector agent with no country coordinated after a noun with a nationality shares it: "killed an Iraqi
        general and five soldiers" (Iraqi soldiers), "destroyed Iranian oil platforms and warships"."""
        tok = tree.tokens[h]
        if a.kind != "sector" or a.country is not None or tok.dep != "conj" or tok.head == h:
            return a
        first = tok.head
        while tree.tokens[first].dep == "conj" and tree.tokens[first].head != first:
            first = tree.tokens[first].head
        if tree.tokens[first].pos not in ("NOUN", "PROPN"):
            return a
        for k in tree.kids(first, "amod", "compound", "nmod"):
            mk = actors.at(k.i)
            if mk is not None and mk.kind == "demonym" and mk.actor is not None and mk.actor.country:
                where = f"the nationality '{k.text}' of '{tree.tokens[first].text}'"
                return self._localise(a, mk.actor.country, where)
        return a

    def _coordinated_nationalities(self, a: Actor, h: int, tree: Tree, actors: ArticleActors) -> list[Actor]:
        if a.country is None:
            return []
        if a.kind == "state":
            # "Syrian and Russian air strikes", "Egyptian and Qatari mediators": a thing or group the nationalities
            # stand for (not the country named by the head itself, "Syria and Russia")
            mh = actors.at(h)
            if mh is not None and mh.kind in ("demonym", "country"):
                return []
        elif a.kind not in ("sector", "person"):
            return []
        extra: list[Actor] = []
        tok = tree.tokens[h]
        if tok.lower in QUANTITY_HEADS or tok.pos == "NUM":
            # "scores of Sierra Leonean and Liberian refugees": the nationalities qualify what the quantity is of
            inner = [o for p, o in tree.preps(h) if p.lower == "of"]
            if inner:
                h = inner[0].i
        quals = list(tree.kids(h, "amod", "compound", "nmod"))
        # "the presidents of Iraq and Egypt": the countries of an of-complement, too
        for p in tree.kids(h, "prep"):
            if p.lower == "of":
                quals.extend(tree.kids(p.i, "pobj"))
        # "Vietnamese and Cambodian armed forces": coordinated nationalities parsed as sibling modifiers
        siblings = [
            k.i
            for k in quals
            if (mk0 := actors.at(k.i)) is not None
            and mk0.kind in ("demonym", "country")
            and mk0.actor is not None
        ]
        sibling_cc = len(siblings) >= 2 and any(
            tree.tokens[c].dep == "cc" for s in siblings for c in tree.children[s]
        )
        for k in quals:
            mk = actors.at(k.i)
            if mk is None or mk.kind not in ("demonym", "country") or mk.actor is None:
                continue
            others = tree.conjuncts(k.i)[1:]
            if sibling_cc and k.i == siblings[0]:
                others = others + siblings[1:]
            for j in others:
                mj = actors.at(j)
                if mj is None or mj.kind not in ("demonym", "country") or mj.actor is None:
                    continue
                country = mj.actor.country
                cc = self.resolver.cameo_country(country)
                extra.append(
                    replace(
                        a,
                        text=mj.actor.text,
                        start=mj.actor.start,
                        end=mj.actor.end,
                        country=country,
                        code=f"{cc}{a.sector or ''}",
                        entity_id=None,
                        why=f"{a.why}; coordinated nationality '{mj.actor.text}'",
                    )
                    if a.kind != "state"
                    else replace(mj.actor, why=f"coordinated nationality '{mj.actor.text}' of '{a.text}'")
                )
        return extra

    # -- modality, attribution ---------------------------------------------------------------------
    def _modality(
        self, article: Article, tree: Tree, actors: ArticleActors, t: Token, ref: _dt.date | None
    ) -> tuple[str, list[Actor], bool, bool]:
        """The trigger's modality, the attribution of reported speech, whether the event is embedded under
        a governing one, and whether it is a reported obligation ("X said Y must ...": X's demand)."""
        i = t.i
        modality = "asserted"
        embedded = False
        if (
            tree.negated(i)
            or _no_determiner(tree, t)
            or _without_gerund(tree, t)
            or _negated_subject(tree, t)
        ):
            modality = "negated"
        aux = {k.lower for k in tree.kids(i, "aux")}
        would_only = False  # hypothetical only because of "would": in reported speech a future in the past
        if aux & MODAL_HYPOTHETICAL:
            if modality == "asserted":
                modality = "hypothetical"
                would_only = not (aux & MODAL_HYPOTHETICAL - {"would"})
        elif aux & FUTURE and modality == "asserted":
            modality = "pledged"
        obliged = bool(aux & self.obligation) or self._obliged_governor(tree, t)
        demanded = False
        attribution: list[Actor] = []
        # climb through the clauses that govern the trigger
        cur = t
        for _ in range(6):
            h = tree.head(cur.i)
            if h is None:
                break
            hl = (h.lemma or h.text).lower()
            if cur.dep == "pcomp" and h.lower == "to" and h.dep == "prep":
                g = tree.head(h.i)
                if g is not None and (g.lemma or g.text).lower() in self.pledge_cues:
                    # "is committed to releasing", "pledged to opening": the gerund after "to" is what is pledged
                    if modality == "asserted":
                        modality = "pledged"
                    embedded = True
                    cur = g
                    continue
            gerund = cur.dep == "pcomp" or (cur.dep == "pobj" and cur.pos == "VERB")
            if gerund and h.lower in ("against", "from") and h.dep == "prep":
                g = tree.head(h.i)
                gl = (g.lemma or g.text).lower() if g is not None else ""
                kept = h.lower == "from" and (gl in self.preventing or gl in self.negating_cues)
                if kept or gl in self.dissuading:
                    # "warned Israel against attacking Lebanon": warned against, not done; "barred the rebels from
                    # entering the city", "refrained from attacking": kept from happening
                    modality = "negated" if kept else "hypothetical"
                    embedded = True
                    break
            if cur.dep == "pcomp" and h.lower in ("at", "toward", "towards") and h.dep == "prep":
                g = tree.head(h.i)
                if g is not None and (g.lemma or g.text).lower() in self.purpose_frames:
                    # "a campaign of torching aimed at driving out the population": the aim, not what was done
                    if modality == "asserted":
                        modality = "hypothetical"
                    embedded = True
                    break
            if cur.dep == "pcomp" and h.lower == "of" and h.dep == "prep":
                g = tree.head(h.i)
                gl = (g.lemma or g.text).lower() if g is not None else ""
                if (
                    g is not None
                    and g.pos == "NOUN"
                    and gl in self.pledge_cues | self.threat_cues | self.negating_cues
                ):
                    # "had no intention of invading", "the threat of attacking", "a refusal of talks": the gerund is
                    # what the noun intends, threatens or refuses, and "no intention" intends nothing
                    if gl in self.threat_cues:
                        modality = "threatened"
                    elif gl in self.negating_cues or any(k.lower == "no" for k in tree.kids(g.i, "det")):
                        modality = "negated"
                    elif modality == "asserted":
                        modality = "pledged"
                    embedded = True
                    cur = g
                    continue
            if cur.dep in ("xcomp", "ccomp", "pcomp", "advcl", "conj", "pobj", "dobj", "acl", "acomp"):
                if cur.dep == "advcl" and any(k.lower in ("if", "unless") for k in tree.kids(cur.i, "mark")):
                    modality = "hypothetical"
                    break
                if cur.dep == "advcl" and any(
                    k.lower in self.background_marks for k in tree.kids(cur.i, "mark", "advmod")
                ):
                    break  # "agreed to open talks when Kishida visited Manila": the when-clause states what happened
                # "have sworn to fight", "threatened to strike" parsed as an adverbial clause: a to-infinitive all the same
                inf = (
                    cur.dep == "advcl"
                    and not tree.kids(cur.i, "mark")
                    and any(k.lower == "to" for k in tree.kids(cur.i, "aux"))
                )
                if hl in self.threat_cues and (cur.dep in ("xcomp", "ccomp", "pcomp", "pobj") or inf):
                    modality, embedded = "threatened", True
                elif (
                    hl in self.negating_cues
                    and (
                        cur.dep in ("xcomp", "ccomp", "pcomp", "dobj")
                        or (cur.dep == "acl" and h.pos == "NOUN")
                        or inf
                    )
                    and not (cur.dep == "ccomp" and cur.i < h.i and h.pos == "VERB")
                ):  # "refused to sign", "its refusal to accept"; not a clause before the denial, a comma splice parsed
                    # as its complement ("Congo accuses Rwanda of backing the M23, a charge Kigali denies": the
                    # accusation is made; what Kigali denies is the backing)
                    modality, embedded = "negated", True
                elif (
                    hl in self.pledge_cues
                    and (cur.dep in ("xcomp", "pcomp", "dobj", "ccomp") or inf)
                    and not (cur.dep == "dobj" and hl in self.perpetrate)
                    and not _stated_past(tree, cur)
                ):  # "committed to withdraw" is a pledge, "committed rape" is done; "determined that X had committed
                    # genocide" finds what was done
                    if modality == "asserted":
                        # "Pakistan is expected to fight": a forecast by others, not Pakistan's intent
                        forecast = hl in self.forecasts and tree.kid(h.i, "nsubjpass") is not None
                        modality = "hypothetical" if forecast else "pledged"
                    embedded = True
                    if tree.negated(h.i):
                        modality = "negated"
                elif (
                    hl in self.hypo_cues
                    and cur.dep in ("xcomp", "ccomp")
                    and not (cur.dep == "ccomp" and cur.i < h.i and h.pos == "VERB")
                ):
                    # a clause before the considering verb is not what is considered: "X promised to release them,
                    # the delay of which is considered a hurdle" (a comma splice parsed as a complement)
                    modality, embedded = "hypothetical", True
                elif hl in self.requested and self._requested_complement(tree, cur, h):
                    # "urged Iran to release", "demanded that Israel ease": asked for, not done
                    if modality in ("asserted", "pledged"):
                        modality = "hypothetical"
                    embedded = True
                    obliged = False
                    break
                if hl in self.reporting and cur.dep in ("ccomp", "conj") and h.pos in ("VERB", "AUX"):
                    subj, _ = tree.subject(h.i)
                    if subj is not None:
                        a = self.resolver.resolve(subj.i, article, tree, actors, ref)
                        if a is not None:
                            attribution = [a]
                    if tree.negated(h.i) and hl in ("deny",):
                        modality = "negated"
                    elif cur.dep == "ccomp" and would_only and modality == "hypothetical":
                        modality = "pledged"  # "said they would boycott": the future in the past
                    # "reiterated its demand that Israel ease restrictions": a subjunctive (bare verb with its own
                    # subject and no auxiliary) reported from a speaker is what the speaker demands
                    csubj = tree.kid(cur.i, "nsubj")
                    subjunctive = (
                        cur.dep == "ccomp"
                        and not tree.kids(cur.i, "aux")
                        and csubj is not None
                        # a bare verb, or a plural-form verb after a singular noun ("that Israel lift")
                        and (cur.tag == "VB" or (cur.tag == "VBP" and csubj.tag in ("NN", "NNP")))
                    )
                    demanded = (
                        (obliged or subjunctive) and bool(attribution) and modality in ("asserted", "pledged")
                    )
                    break
                if cur.dep in ("xcomp", "pcomp", "advcl", "conj", "pobj", "dobj", "acl", "acomp"):
                    cur = h
                    continue
            break
        return modality, attribution, embedded, demanded

    def _obliged_governor(self, tree: Tree, t: Token) -> bool:
        """Whether a clause that governs ``t`` through to-infinitives, purpose clauses or an adjective is under an
        obligation modal: "X said the US must be ready to mediate", "... must ensure security to allow aid"."""
        cur = t
        for _ in range(4):
            if cur.dep not in ("xcomp", "advcl", "acomp") or cur.head == cur.i:
                return False
            if cur.dep == "advcl" and tree.kids(cur.i, "mark"):
                return False  # "if", "after", "because": not the obliged act's own purpose
            cur = tree.tokens[cur.head]
            if {k.lower for k in tree.kids(cur.i, "aux")} & self.obligation:
                return True
        return False

    def _not_done(self, article: Article, tree: Tree, t: Token, d: Draft) -> None:
        """An asserted act that is not done (a question, the purpose of a noun or of another act) takes the
        modality the sense filter gives it (events/senses.py)."""
        if d.modality == "pledged" and self.senses.question(article, tree, t.i):
            d.modality = "hypothetical"  # "Will X attend the summit?": asked, not promised
            d.roles.append("the sentence is a question: nothing is said to have happened")
            return
        if d.modality != "asserted":
            return
        # "shunned work to protest", "marched to demand": the act expresses its purpose, which is done
        expressed = d.code[:2] in EXPRESSED_BY_ACTS
        found = self.senses.not_done(article, tree, t, self.aspectual, expressed=expressed)
        if found is not None:
            d.modality, why = found
            d.roles.append(why)

    def _others_intent(
        self,
        article: Article,
        tree: Tree,
        actors: ArticleActors,
        t: Token,
        ref: _dt.date | None,
        d: Draft,
        *,
        own_actor: bool,
    ) -> None:
        """A nominal event with an actor of its own ("the SDF's fight against ISIL") under someone else's intent
        ("citizens are seeking to join the SDF's fight") is that actor's act, under way: the intent is the
        subject's, to join it, not a threat by the fight's actor."""
        if d.modality not in ("pledged", "threatened") or not own_actor or not d.actors:
            return
        gov = _participant_verb(tree, t.i, self.agentive)
        if gov is None:
            return
        subj, passive = tree.subject(gov)
        if subj is None or passive:
            return
        who = self._resolve_all(tree.conjuncts(subj.i), article, tree, actors, ref, peers=[])
        if any(_same(a, b) for a in who for b in d.actors):
            return  # "Iran vowed to continue its attacks": the intent is the actor's own
        d.modality, d.embedded = "asserted", True
        d.roles.append(
            f"the act of its own actor under the intent of '{subj.text}' to '{article.tokens[gov].text}' it"
        )

    def _requested_complement(self, tree: Tree, cur: Token, h: Token) -> bool:
        """Whether ``cur`` is what the demand or appeal ``h`` asks for: its to-infinitive ("urged X to
        withdraw"), a subjunctive or obligation clause ("demanded that Israel ease", "... that it must"), or
        the clause of a demand noun ("its demand that ...")."""
        if cur.dep == "xcomp":
            return True
        if cur.dep == "advcl" and any(m.lower == "for" for m in tree.kids(cur.i, "mark")):
            return True  # "pushed for the US (to) support the plan"
        if cur.dep in ("ccomp", "acl"):
            aux = {k.lower for k in tree.kids(cur.i, "aux")}
            if aux & (self.obligation | {"should"}):
                return True
            return cur.tag == "VB" and not aux
        return False

    # -- date and place -------------------------------------------------------------------------------
    def _date(
        self,
        article: Article,
        tree: Tree,
        trigger: int,
        si: int,
        ref: _dt.date | None,
        *,
        ahead: bool = False,
    ) -> tuple[_dt.date, str, str] | None:
        """The date of the act at ``trigger`` from a date phrase of its own clause; with ``ahead`` (an act not yet
        done), a date with no year is the next one (a phrase reached through a report keeps the report's past)."""
        sent = article.sentences[si]
        toks = article.tokens
        best: tuple[_dt.date, str, str] | None = None
        for m in article.mentions:
            if m.label not in ("DATE", "TIME") or m.start < sent.start or m.end > sent.end:
                continue
            # which clause does the date belong to? climb from its head token to the first verb or the trigger
            k = _token_index(toks, m.start)
            if k is None:
                continue
            end_k = k
            while end_k + 1 < len(toks) and toks[end_k + 1].end <= m.end:
                end_k += 1
            head = k
            for j in range(k, end_k + 1):
                if toks[j].head < k or toks[j].head > end_k:
                    head = j
                    break
            owner = head
            for anc in tree.ancestors(head):
                owner = anc.i
                if anc.i == trigger or anc.pos in ("VERB", "AUX") or self._dated_noun(tree, anc, trigger):
                    break
            if owner != trigger and head != trigger:
                continue
            earlier = self._earlier_dates(article, si, m.start)
            r = later_date(m.text, earlier, ref) or resolve_date(
                m.text, narrative_ref(m.text, earlier, ref), ahead=ahead
            )
            if r is not None:
                best = (r.date, r.precision, "text")
                break
        if best is None and tree.tokens[trigger].pos in ("NOUN", "PROPN"):
            # "Iran was hit with new sanctions on Monday": a nominal event takes the date of its clause
            gov = _governing_verb(tree, trigger)
            if gov is not None:
                return self._date(article, tree, gov, si, ref, ahead=ahead)
        if best is None and self._reported_under(tree, trigger):
            # "On 23 May 2006, he admitted that he had abducted ...": a reported act is no later than its report
            return self._date(article, tree, tree.tokens[trigger].head, si, ref)
        if best is None and trigger_dep_inherits(tree, trigger):
            # "shelled Kharkiv on Sunday, killing three civilians": the clause takes the date of its governor
            head = tree.tokens[trigger].head
            return self._date(
                article, tree, head, si, ref
            )  # the governor's date is its own ("agreed in May to")
        return best

    def _dated_noun(self, tree: Tree, n: Token, trigger: int) -> bool:
        """Whether nominal event ``n``, met while climbing from a date phrase to ``trigger``, owns the date: "launched
        strikes in retaliation for an attack on tourists in April" dates the attack, not the strikes. Not the
        verb's own object or phrase ("launched an attack on Monday", "killed in an attack on Monday", "destroyed ...
        in a single day of fighting in 1988")."""
        if n.i == trigger or n.pos != "NOUN" or not self.lexicon.is_noun_trigger((n.lemma or n.text).lower()):
            return False
        if tree.tokens[trigger].pos not in ("VERB", "AUX"):
            return True  # a noun's date inside another event noun is that noun's ("retaliation for an attack in April")
        # between the noun and the verb, another nominal event ("in retaliation for an attack ... in April") makes the
        # noun an act of its own; a plain noun of time or measure does not ("in a single day of fighting in 1988")
        for anc in tree.ancestors(n.i):
            if anc.i == trigger:
                return False
            if anc.pos == "NOUN" and self.lexicon.is_noun_trigger((anc.lemma or anc.text).lower()):
                return True
            if anc.pos in ("VERB", "AUX"):
                return False
        return False

    def _reported_under(self, tree: Tree, i: int) -> bool:
        """Whether ``i`` is the clausal complement of a reporting verb ("admitted that he had abducted")."""
        t = tree.tokens[i]
        h = tree.head(i)
        return (
            t.dep == "ccomp"
            and h is not None
            and h.pos == "VERB"
            and (h.lemma or h.text).lower() in self.reporting
        )

    @staticmethod
    def _earlier_dates(article: Article, si: int, before: int) -> list[str]:
        """The date mentions of sentence ``si`` and the one before it that end before ``before``, in order."""
        lo = article.sentences[max(0, si - 1)].start
        return [m.text for m in article.mentions if m.label == "DATE" and m.start >= lo and m.end <= before]

    def _coordinated_place(
        self, article: Article, tree: Tree, actors: ArticleActors, trigger: int
    ) -> Location | None:
        """The place of the clause a verb with no place of its own is coordinated with: "Thousands marched in Tbilisi
        ..., and police used tear gas to disperse them" -> Tbilisi for "used" and "disperse" (up through purpose and
        controlled clauses, then across at least one ``conj`` link to the first conjunct)."""
        t = tree.tokens[trigger]
        if t.pos not in ("VERB", "AUX"):
            return None
        cur = trigger
        for _ in range(4):
            tc = tree.tokens[cur]
            if (
                tc.dep in ("xcomp", "advcl")
                and tc.head != cur
                and tree.tokens[tc.head].pos in ("VERB", "AUX")
            ):
                cur = tc.head
            else:
                break
        root = tree.conj_root(cur)
        if root == cur or tree.tokens[root].pos not in ("VERB", "AUX"):
            return None  # only across a coordination: a participle of manner ("rioted, setting fire to ...") keeps none
        return self._location(article, tree, actors, root)

    def _clause_place(
        self, article: Article, tree: Tree, actors: ArticleActors, d: Draft, drafts: list[Draft]
    ) -> Location | None:
        """The place of the clause whose only event is a noun: "Israeli troops remained on alert in the West Bank",
        "the army kept up its offensive in Idlib" (the noun is the object, or the object of a preposition, of a light,
        aspectual or carrying verb that is no event of its own; the verb's place phrase is the noun's place). None
        when the verb is an event ("condemned the attack in Paris" keeps the attack's own place, if any) or speaks
        of the act ("recalled the attack during a ceremony at the White House")."""
        t = tree.tokens[d.trigger]
        h = tree.head(t.i)
        if h is not None and t.dep == "pobj" and h.pos == "ADP":
            if h.lower not in CLAUSE_EVENT_PREPS:
                return None  # "remained on alert after the clashes": a time or topic phrase is another act's setting
            h = tree.head(h.i)
        elif t.dep not in ("dobj", "attr"):
            return None
        if (
            h is None
            or h.pos not in ("VERB", "AUX")
            or any(o.kind == "verb" and o.trigger == h.i for o in drafts)
        ):
            return None
        if (h.lemma or h.text).lower() not in LIGHT_VERBS | self.aspectual | CARRYING_VERBS:
            return None  # "Both leaders recalled the attack during a ceremony at the White House": a mention, elsewhere
        return self._location(article, tree, actors, h.i)

    def _location(self, article: Article, tree: Tree, actors: ArticleActors, trigger: int) -> Location | None:
        toks = article.tokens
        cands = [trigger]
        obj = tree.kid(trigger, "dobj")
        if obj is not None:
            cands.append(obj.i)
        subj = tree.kid(trigger, "nsubj")
        if (
            subj is not None
            and subj.pos == "NOUN"
            and self.lexicon.is_noun_trigger((subj.lemma or subj.text).lower())
        ):
            # "a roadside bombing near Samarra killed a soldier": the place of the act that did it
            cands.append(subj.i)
        if obj is not None and obj.ent_type in PLACE_LABELS and actors.at(obj.i) is None:
            # "shelled Kharkiv": a place as the object of the act is where it happened
            loc = self._place(article, tree, actors, obj.i)
            if loc is not None:
                return loc
        for c in cands:
            for p, o in tree.preps(c):
                if p.lower not in PLACE_PREPS:
                    continue
                for h in tree.conjuncts(o.i):
                    loc = self._place(article, tree, actors, h)
                    if loc is None:
                        # "outside the US embassy in Baghdad": the place inside the phrase
                        for p2, o2 in tree.preps(h):
                            if p2.lower in ("in", "at", "near"):
                                loc = self._place(article, tree, actors, o2.i)
                                if loc is not None:
                                    break
                    if loc is not None:
                        return loc
        for c in cands:
            # "were shipped out of Gorazde", "pulled away from the border town of X": a compound preposition
            for p in tree.kids(c, "prep"):
                if p.lower in ("out", "away"):
                    for p2, o2 in tree.preps(p.i):
                        if (
                            p2.lower in ("of", "from")
                            and (loc := self._place(article, tree, actors, o2.i)) is not None
                        ):
                            return loc
        # "expressing solidarity in bolstering security efforts in the Red Sea": a place further down the
        # trigger's own clause (through objects and prepositional complements, not into other clauses)
        frontier = list(cands)
        for _depth in range(5):
            nxt: list[int] = []
            for c in frontier:
                for kid in tree.kids(c, "dobj", "prep", "pobj", "pcomp"):
                    if kid.dep == "prep" and (
                        kid.lower in TOPIC_PREPS
                        or (kid.lower == "on" and (toks[c].lemma or toks[c].text).lower() in TOPIC_NOUNS)
                    ):
                        # "talked about the situation in Aleppo", "talks on the situation in Aleppo": the place of a
                        # topic is not the venue
                        continue
                    if kid.dep == "prep" and kid.lower in PLACE_PREPS and kid.lower != "from":
                        for o in tree.kids(kid.i, "pobj"):
                            loc = self._place(article, tree, actors, o.i)
                            if loc is not None and loc.kind != "country":
                                return loc
                    nxt.append(kid.i)
            frontier = nxt
        # "the 2013 Westgate Mall attack in Nairobi": a place noun in the trigger's own phrase
        lo, _hi = tree.np_span(trigger)
        for k in range(lo, trigger):
            if toks[k].ent_type in ("FAC",):
                loc = self._place(article, tree, actors, k)
                if loc is not None:
                    return loc
        return None

    def _geo_place(
        self, article: Article, tree: Tree, actors: ArticleActors, h: int, context: list[str]
    ) -> Location | None:
        """The place token ``h`` names, with its country from the gazetteer when the knowledge base gives none."""
        loc = self._place(article, tree, actors, h)
        if actors.at(h) is not None or self.resolver.kb.lookup(article.tokens[h].text):
            return loc  # a name the knowledge base knows: the resolver's reading stands ("the governor of Georgia")
        if loc is not None and not loc.country and self.geocoder is not None:
            from ..geo import enrich

            loc = enrich(loc, self.geocoder, context)
        return loc

    def _moved_forces_place(self, article: Article, tree: Tree, actors: ArticleActors, d: Draft) -> None:
        """Forces moved out of or into a place (roles.yaml own_forces_acts) are aimed at the place's country, not at
        the forces themselves: "announced the withdrawal of French soldiers from Mali" (not FRAMIL), "speeded up the
        withdrawal of some invasion forces from Panama" (the from-phrase parsed on the forces). Only when the event
        has no recipient or only the actor's own forces, and the place is of another country than the actor's."""
        own = {a.country for a in d.actors if a.country}
        if d.recipients and not all(
            r.kind == "sector" and (r.country in own or not r.country) for r in d.recipients
        ):
            return
        head = moved_forces_place(tree, d.trigger)
        loc = self._geo_place(article, tree, actors, head.i, sorted(own)) if head is not None else None
        if loc is None or not loc.country or loc.country in own:
            return
        d.recipients = [self._place_party(loc)]
        d.roles.append(f"recipient = the country of '{loc.text}' the forces are moved out of or into")

    def _place(self, article: Article, tree: Tree, actors: ArticleActors, h: int) -> Location | None:
        t = article.tokens[h]
        m = actors.at(h)
        if m is not None and m.kind in ("org", "armed_group", "person"):
            return None  # "the African Union Transition Mission in Somalia": part of a name, not a place
        if stance_affix(article.tokens, h, h + 1):
            return None  # "an anti-Syria journalist": a stance, not a place
        lo, hi = tree.np_span(h)
        start, end = tree.char_span(lo, hi)
        text = article.text[start:end]
        if m is not None and m.actor is not None and m.kind in ("country", "capital", "seat"):
            kind = {"country": "country", "capital": "city", "seat": "facility"}[m.kind]
            precision = {"country": "country", "capital": "city", "seat": "exact"}[m.kind]
            name = m.actor.name if m.kind != "capital" else article.text[m.start : m.end]
            return Location(text, start, end, name, kind, m.actor.country, precision=precision)
        if h in actors.places:
            # "shelled Zaporizhzhia" with the name tagged PERSON: the resolver read it as the gazetteer's place
            name, country = actors.places[h]
            return Location(text, start, end, name, "gpe", country, precision="unknown")
        if t.ent_type in PLACE_LABELS:
            return Location(text, start, end, text, t.ent_type.lower(), None, precision="unknown")
        if t.pos == "NOUN" and (t.lemma or t.text).lower() in PLACE_TYPE_NOUNS:
            # "the capital city of Algiers", "the capital Kabul", "the northern town of Samarra": the name in the
            # phrase is the place, the phrase its words
            named = [o for p, o in tree.preps(h) if p.lower == "of"] + tree.kids(h, "appos")
            for o in named:
                if o.i != h and (o.pos == "PROPN" or o.ent_type in PLACE_LABELS):
                    inner = self._place(article, tree, actors, o.i)
                    if inner is None and o.pos == "PROPN" and self.geocoder is not None:
                        # "the town of Garissa" with the name tagged PERSON: the phrase says it is a place, and the
                        # gazetteer holds one of exactly that name
                        olo, ohi = tree.np_span(o.i)
                        ostart, oend = tree.char_span(olo, ohi)
                        oname = article.text[ostart:oend]
                        known = self.geocoder.resolve(oname)
                        if known is not None and norm_key(known.name) == norm_key(oname):
                            return Location(
                                text, start, end, oname, "gpe", known.country, precision="unknown"
                            )
                    if inner is not None and inner.country is None and self.geocoder is not None:
                        # only a place the gazetteer knows: "the town of Rask" (unknown) leaves the search to go on
                        known = self.geocoder.resolve(inner.text)
                        inner = replace(inner, country=known.country) if known is not None else None
                    if inner is not None and inner.country:
                        return replace(inner, text=text, start=start, end=end)
        if t.pos == "NOUN" and t.lower in PLACE_HEADS:
            # "in northern Baghlan province", "the Lower Shabelle region": the named place the head noun qualifies
            for k in tree.kids(h, "compound", "amod"):
                mk = actors.at(k.i)
                # "Aleppo province": the parser may tag the name NORP
                is_name = k.ent_type in PLACE_LABELS or (k.ent_type == "NORP" and k.pos == "PROPN")
                if is_name and (mk is None or mk.kind not in ("org", "armed_group", "person", "demonym")):
                    klo, khi = tree.np_span(k.i)
                    kstart, kend = tree.char_span(klo, min(khi, h))
                    name = article.text[kstart:kend]
                    kind = k.ent_type.lower() if k.ent_type in PLACE_LABELS else "gpe"
                    return Location(text, start, end, name, kind, None, precision="unknown")
        unknown = m is None or (m.kind == "ner_org" and m.hit is None)  # not a party the resolver knows
        dated = t.ent_type in (
            "DATE",
            "TIME",
        )  # "In March, troops arrested ...": a month, not March in England
        if (
            t.pos == "PROPN"
            and t.ent_type != "PERSON"
            and not dated
            and unknown
            and self.geocoder is not None
        ):
            # "arrested militants in Mandera" with the town tagged ORG: a proper name the gazetteer holds under
            # exactly that name (not an alternate spelling, a fuzzy match or an armed group's name) is a place
            known = self.geocoder.resolve(text)
            if known is not None and known.kind != "country" and norm_key(known.name) == norm_key(text):
                return Location(text, start, end, text, "gpe", None, precision="unknown")
        return None

    # -- fragments and finishing ----------------------------------------------------------------------
    def _merge_fragments(
        self, tree: Tree, drafts: list[Draft], trace: CoderTrace | None = None
    ) -> list[Draft]:
        """In one sentence, an event that lacks an actor is completed by another of the same type that has one
        ("The 2013 attack in Nairobi shows that Kenya has been a target of the group"). Not the act another act
        answers ("strikes in retaliation for an attack on tourists in April": the attack is its own event), and a
        relative clause on a nominal event completes that event ("an attack ... that killed 26 people")."""
        out: list[Draft] = []
        by_trigger = {o.trigger: o for o in drafts}
        for d in drafts:
            t = tree.tokens[d.trigger]
            within = next(
                (
                    o
                    for o in drafts
                    if o is not d
                    and o.code[:2] == d.code[:2]
                    and any(a.start <= t.start and t.end <= a.end for a in (*o.actors, *o.recipients))
                ),
                None,
            )
            if (
                d.kind == "noun"
                and within is not None
                and (
                    self.resolver.kb.sector_of((t.lemma or t.text).lower())
                    or self.resolver.kb.sector_of(t.lower)
                )
            ):
                # "U.S. and Russian negotiators return to Geneva for talks": a noun for people inside a party of an
                # act of its own kind names those who take part in that act, not a second act (not an act noun in
                # its doer's phrase: "an Israeli missile strike had targeted the airport")
                note(
                    trace,
                    d.trigger,
                    "merge",
                    "merged",
                    f"part of the party of the '{within.pattern}' event: names its participants",
                    pattern=d.pattern,
                    draft=d,
                )
                continue
            if not d.actors:
                plover = self.ontology.cameo(d.code).plover
                t = tree.tokens[d.trigger]
                antecedent = by_trigger.get(t.head) if t.dep == "relcl" and t.head != t.i else None
                if (
                    antecedent is not None
                    and antecedent.kind == "noun"
                    and self.ontology.cameo(antecedent.code).plover == plover
                ):
                    candidates = [
                        antecedent
                    ]  # "an attack on tourists that killed 26 people": the attack's result
                elif self._answered_act(tree, d):
                    out.append(d)  # "in retaliation for an attack on tourists": another act, its own event
                    continue
                else:
                    candidates = [o for o in drafts if o is not d and o.actors]
                partner = next(
                    (o for o in candidates if o is not d and self.ontology.cameo(o.code).plover == plover),
                    None,
                )
                if partner is not None:
                    partner.recipients = partner.recipients or d.recipients
                    if partner.date is None:
                        partner.date = d.date
                    if partner.location is None:
                        partner.location = d.location
                    partner.roles.append(f"completed by '{d.pattern}' in the same sentence")
                    note(
                        trace,
                        d.trigger,
                        "merge",
                        "merged",
                        f"no actor: completes the {plover} event of '{partner.pattern}'",
                        pattern=d.pattern,
                        draft=d,
                    )
                    continue
            out.append(d)
        return out

    def _answered_act(self, tree: Tree, d: Draft) -> bool:
        """Whether nominal event ``d`` is what another act answers: the object of a for/to/against phrase of a
        cause-frame noun ("in retaliation for an attack", "in response to the bombing"; roles.yaml cause_frames)."""
        t = tree.tokens[d.trigger]
        h = tree.head(t.i)
        if d.kind != "noun" or t.dep != "pobj" or h is None or h.lower not in ("for", "to", "against"):
            return False
        g = tree.head(h.i)
        return g is not None and g.pos == "NOUN" and (g.lemma or g.text).lower() in self.cause_frames

    def _finish(
        self,
        article: Article,
        tree: Tree,
        d: Draft,
        si: int,
        ref: _dt.date | None,
        trace: CoderTrace | None = None,
        home: str | None = None,
        actors: ArticleActors | None = None,
    ) -> Event | None:
        sent = article.sentences[si]
        toks = article.tokens
        if d.natural_cause:
            # "an earthquake killed hundreds": a disaster, not a political event
            d.dropped = "the subject is a natural or accidental cause"
            return drop(trace, d.trigger, "finish", d.dropped, d)
        if not d.actors and any(
            toks[k].pos == "NOUN" and (toks[k].lemma or toks[k].text).lower() in self.natural
            for k in range(sent.tok_start, sent.tok_end)
        ):
            # "five people were killed after a volcano erupted": the toll of a disaster
            d.dropped = "no actor, in a sentence that names a natural or accidental cause"
            return drop(trace, d.trigger, "finish", d.dropped, d)
        if d.demanded and d.attribution and d.code[:2] in self.demanded:
            # "Russia said Sudan must return the helicopter": Russia demands it of Sudan (data/intent.yaml)
            target = self.demanded[d.code[:2]]
            d.roles.append(f"obligation in reported speech: CAMEO {d.code} demanded, coded as {target}")
            d.code = target
            d.recipients = d.actors or d.recipients
            d.actors = list(d.attribution)
            d.modality, d.embedded = "asserted", False
        elif (
            d.modality == "negated"
            and d.actors
            and _prefix_get(self.refused, d.code)
            and (fail := self._failed_governor(tree, d.trigger)) is not None
        ):
            # "Palestinians and Israelis failed to reach agreement": a cooperative act the parties failed to do is a
            # rejection (data/intent.yaml failed_verbs)
            target = _prefix_get(self.refused, d.code) or d.code
            d.roles.append(f"failed cooperation ('{fail.text}'): CAMEO {d.code} not done, coded as {target}")
            if len(d.actors) >= 2 and not d.recipients and _reciprocal_code(d.code):
                d.actors, d.recipients, d.reciprocal = (
                    d.actors[:1],
                    d.actors[1:],
                    True,
                )  # they reject each other
            d.code = target
            d.modality, d.embedded = "asserted", d.governed
        elif (
            d.modality == "negated"
            and d.refusal
            and d.actors
            and not d.embedded
            and _prefix_get(self.refused, d.code)
        ):
            # "Syria will not accept more refugees": a refused cooperative act is a rejection (data/intent.yaml)
            target = _prefix_get(self.refused, d.code) or d.code
            d.roles.append(f"negated cooperation: CAMEO {d.code} refused, coded as {target}")
            d.code = target
            d.modality = "asserted"
        if (
            d.modality in self.threat_modalities
            and d.actors
            and d.code[:2] in CONFLICT_ROOTS
            and self._conditioned(tree, d.trigger, self.threat_marks)
            and self.intent.get(d.code[:2]) is not None
        ):
            # "the EU may halt its mediation if the parties do not cooperate": a conflictual act held out on a
            # condition is a threat with that act (data/intent.yaml `conditional_threat`)
            threat = self.intent[d.code[:2]] or d.code
            d.roles.append(f"conditional: CAMEO {d.code} held out on a condition, coded as {threat}")
            d.code, d.modality = threat, "asserted"
            d.embedded = d.governed
        if (
            d.modality == "pledged"
            and self.prepared_code
            and d.code[:2] in self.prepared_roots
            and (prep_cue := self._preparing(tree, d.trigger)) is not None
        ):
            # "the army prepared to resume shelling": the preparation of force is a force posture, done
            d.roles.append(
                f"force prepared ('{prep_cue.text}'): CAMEO {d.code} coded as {self.prepared_code}"
            )
            d.code, d.modality = self.prepared_code, "asserted"
            d.embedded = d.governed
        if not d.recipients and d.actors and d.code.startswith(self.domestic_acts) and actors is not None:
            # "prepared to impose martial law", "banned the opposition party": a measure on its own people
            d.recipients = self._own_country(d, actors)
        if d.modality == "pledged":
            # an intended act is an expressed intent (03) or a threat (13): data/intent.yaml
            intended = self.intent.get(d.code[:2])
            if self.ultimatum and self._conditioned(tree, d.trigger) and d.code[:2] not in ("13", "14", "15"):
                # "will withdraw its force from Chad unless the rebels agree to a ceasefire": an ultimatum
                intended = self.ultimatum
            if intended is not None:
                d.roles.append(
                    f"intended, not done: CAMEO {d.code} coded as {intended} (events/data/intent.yaml)"
                )
                d.code = intended
                # "accused X of seeking to attack": the accusation stays the main event
                d.embedded = d.governed
        if (
            self.joint_code
            and d.code == self.joint_from
            and not d.recipients
            and len({a.country for a in d.actors if a.country}) >= 2
        ):
            # "French and Egyptian warships launched war games": a show of force put on together is cooperation
            d.roles.append(
                f"a joint show of force by {len(d.actors)} parties: CAMEO {d.code} coded as {self.joint_code}"
            )
            d.code = self.joint_code
        home_countries = {a.country for a in d.actors if a.country}
        if (
            self.own_training_code
            and d.kind == "verb"
            and d.code == self.own_training_from
            and home_countries
            and (toks[d.trigger].lemma or toks[d.trigger].text).lower() in self.own_training_verbs
            and all(not r.country or r.country in home_countries for r in d.recipients)
            and (dobj := tree.kid(d.trigger, "dobj")) is not None
            and (obj := self._counted(tree, dobj)) is not None
            and (obj.lemma or obj.text).lower() in self.own_training_objects
        ):
            # "North Korea has trained 500 hackers": training one's own people builds up one's own forces, and
            # they are its own, no party it is aimed at ("trained hundreds of hackers": what the number is of)
            d.roles.append(f"training its own people: CAMEO {d.code} coded as {self.own_training_code}")
            d.code = self.own_training_code
            lo, hi = tree.char_span(*tree.np_span(obj.i))
            lo = min(lo, dobj.start)
            d.recipients = [r for r in d.recipients if not (lo <= r.start and r.end <= hi)]
        if (
            self.repression_code
            and d.code == self.repression_from
            and d.actors
            and all(
                (a.sector or "").upper() in self.non_state_sectors or self._nationals(a, actors)
                for a in d.actors
            )
        ):
            # "a group of Turks attacked a peaceful rally": force on dissent by no authority is an assault
            d.roles.append(
                f"force used by actors with no state office: CAMEO {d.code} coded as {self.repression_code}"
            )
            d.code = self.repression_code
        if (
            self.abduction_code
            and d.code == self.detention_from
            and d.actors
            and all(
                a.kind == "armed_group" or (a.sector or "").upper() in self.detaining_non_state
                for a in d.actors
            )
        ):
            # "the rebels are holding several civilians for ransom": people held by no authority are abducted
            d.roles.append(
                f"people held by armed groups or criminals: CAMEO {d.code} coded as {self.abduction_code}"
            )
            d.code = self.abduction_code
        if (
            self.stopped_code
            and d.code == self.stopped_from
            and d.actors
            and all((a.sector or "").upper() in self.stopping_agents for a in d.actors)
        ):
            # "the police suspended the demonstration": a protest stopped by an authority is no concession
            d.roles.append(f"a protest stopped by an authority: CAMEO {d.code} coded as {self.stopped_code}")
            d.code = self.stopped_code
        gov = d.governor
        if (
            gov is not None
            and (d.kind != "verb" or _describing_clause(toks[d.trigger]))
            and self.ontology.cameo(gov.code).plover is None
            and gov.code[:2] == "01"
        ):
            # "expressed sorrow for the shootings", "claimed responsibility for the attacks": what a statement is
            # about is its content, not an event this sentence reports; a reported clause is ("admitted that he
            # had killed two citizens": the killing)
            d.dropped = f"the content of a public statement (CAMEO {gov.code}), which PLOVER does not code"
            return drop(trace, d.trigger, "finish", d.dropped, d)
        cameo = self.ontology.cameo(d.code)
        if cameo.plover is None:  # public statements are not events
            d.dropped = f"CAMEO {cameo.code} is a public statement, which PLOVER does not code"
            return drop(trace, d.trigger, "finish", d.dropped, d)
        # no event of an actor with itself
        d.recipients = [r for r in d.recipients if not any(_same(r, a) for a in d.actors)]
        if (
            d.kind == "noun"
            and d.actors
            and actors is not None
            and cameo.code.startswith(self.own_forces_acts)
            and all(not a.country and a.kind == "sector" for a in d.actors)
            and toks[d.trigger].dep == "dobj"
            and (mover := _participant_verb(tree, d.trigger, self.agentive)) is not None
        ):
            # "The United States speeded up the withdrawal of some invasion forces from Panama": forces of no
            # nationality moved by the act a state's verb takes up are that state's; the state moves them
            subj, subj_passive = tree.subject(mover)
            if subj is not None and not subj_passive:
                found = [
                    a
                    for a in self._resolve_all(tree.conjuncts(subj.i), article, tree, actors, ref, peers=[])
                    if a.country
                ]
                if found:
                    d.actors = found
                    d.roles.append(
                        f"actor = subject '{subj.text}' of '{toks[mover].text}', whose forces are moved"
                    )
        if d.actors and actors is not None and cameo.code.startswith(self.own_forces_acts):
            self._moved_forces_place(article, tree, actors, d)
        if not d.recipients and cameo.code.startswith("13") and d.actors and actors is not None:
            # "Hamas threatened to resume attacks in Israel": the place of the threatened act, named inside the
            # threat's complement (not where the threat was made), is the country it is aimed at
            for c in tree.kids(d.trigger, "xcomp", "ccomp"):
                for k in tree.subtree(c.i):
                    tk = toks[k]
                    if tk.dep != "pobj" or toks[tk.head].lower not in ("in", "inside", "across", "into"):
                        continue
                    loc = self._place(article, tree, actors, k)
                    # a country, or a capital ("threatened to impose a curfew in Algiers")
                    if loc is not None and loc.country and loc.kind in ("country", "city"):
                        d.recipients = [self._place_party(loc)]
                        d.roles.append(
                            f"recipient = the country of the place of the threatened act ('{loc.text}')"
                        )
                        break
                if d.recipients:
                    break
        if not d.recipients and d.actors and cameo.code.startswith("12") and actors is not None:
            # "declined to resign despite growing pressure by the anti-corruption commission": who is refused
            d.recipients = self._defied_party(article, tree, actors, ref, d)
        if not d.recipients and d.actors and cameo.code.startswith("10") and actors is not None:
            # "insisted on its demands that Burundi's government grant ...": who a demand's clause asks to act
            d.recipients = self._demand_clause_party(article, tree, actors, ref, d)
        if not d.recipients and d.condition_party and cameo.code.startswith("13"):
            # "threatened to strike unless Israel rescinded ...", "will boycott the talks if the US goes ahead": a
            # threat is aimed at whoever must meet its condition
            d.recipients = list(d.condition_party)
            d.roles.append(
                "recipient = who must meet the threat's condition (subject of its if/unless clause)"
            )
        trigger_lemma = (toks[d.trigger].lemma or toks[d.trigger].text).lower()
        if (
            len(d.actors) >= 2
            and not d.recipients
            and (_reciprocal_code(d.code) or trigger_lemma in self.mutual_verbs)
            and not self._third_party(d, trigger_lemma)
        ):
            # "X and Y signed", "Vietnamese and Cambodian forces were battling": the parties act on each other
            d.actors, d.recipients = d.actors[:1], d.actors[1:]
            d.reciprocal = True
            d.roles.append("reciprocal: the participants act on each other")
        elif d.actors and d.recipients and not d.reciprocal and cameo.code in self.symmetric_acts:
            # "X telephoned Y", "X negotiated with Y": each side does it to the other (roles.yaml symmetric_acts)
            d.reciprocal = True
            d.roles.append(f"reciprocal: CAMEO {cameo.code} is done by both sides to each other")
        # location-implied target for attacks with no named target
        # (and, generally, for material acts done in a place: "lifted a curfew in Montenegro", "deployed troops
        # in Liberia", "withdrew forces from Panama"): the country of the place is at the receiving end
        if (
            not d.recipients
            and (
                cameo.plover == "ASSAULT"
                or (cameo.quad in (2, 4) and bool(d.actors) and cameo.plover != "PROTEST")
                # "UN peacekeepers were shipped out of Gorazde": forces moved into or out of a place (roles.yaml
                # own_forces_acts, some of them verbal conflict in CAMEO: 1661) are aimed at its country too
                or (bool(d.actors) and cameo.code.startswith(self.own_forces_acts))
            )
            and d.location is not None
            and d.location.country
            and not (cameo.quad == 4 and _origin_place(article, d.location))
        ):
            d.recipients = [self._place_party(d.location)]
            d.roles.append(f"recipient = the country of the place '{d.location.text}'")
        if not d.recipients and d.actors and d.location is not None and d.location.country:
            obj = tree.kid(d.trigger, "dobj")
            if obj is not None and (obj.lemma or obj.text).lower() in self.place_addressed:
                # "sought refuge in Germany": asylum is asked of the country where it is sought
                d.recipients = [self._place_party(d.location)]
                d.roles.append(f"recipient = the country where '{obj.text}' is sought ('{d.location.text}')")
        if (
            not d.actors
            and d.recipients
            and not d.named_actor
            and actors is not None
            and (op_verb := self._agentless_passive(tree, d.trigger)) is not None
            and (by_op := self._operation_agent(article, tree, actors, ref, op_verb)) is not None
            and not any(r.sector and r.sector == by_op[0].sector for r in d.recipients)
        ):
            # "was captured inside Iraq in a joint operation of the Jordanian army": the party that carried out the
            # operation did it, before the state of the place or an unidentified attacker (roles.yaml operation_nouns);
            # not when the victims are its own kind ("soldiers were killed during an operation by troops": its losses)
            d.actors = [by_op[0]]
            d.roles.append(f"actor = '{by_op[0].text}', who carried out the {by_op[1]} it was done in")
        if (
            not d.actors
            and cameo.plover == "ASSAULT"
            and actors is not None
            and (pv := self._agentless_passive(tree, d.trigger)) is not None
            and (force := armed_nationality_in(tree, pv, self.resolver.kb.sector_of)) is not None
        ):
            # "were killed in Israeli tank shelling" parsed with "Israeli tank" as the object of "in"
            found = [
                a for a in self._resolve_all([force.i], article, tree, actors, ref, peers=[]) if a.country
            ]
            if found and not any(_same(a, r) for a in found for r in d.recipients):
                d.actors = found[:1]
                d.roles.append(f"actor = the force named in 'in {force.text}' the act happened in")
        if not d.actors and cameo.plover == "ASSAULT" and actors is not None:
            d.actors = self._unidentified_attacker(article, tree, actors, d)
        if (
            not d.actors
            and d.recipients
            and not d.named_actor
            and actors is not None
            and cameo.code.startswith(self.place_state_acts)
            and (passive_verb := self._agentless_passive(tree, d.trigger)) is not None
        ):
            # "a missionary was arrested in Lebanon", "was put under investigation in Italy": only a state's
            # authorities arrest, charge or expel, so an agentless one is the state of the place named in the
            # sentence (roles.yaml place_state_acts)
            loc = d.location or self._location(article, tree, actors, passive_verb)
            if loc is not None and loc.country and sent.start <= loc.start < sent.end:
                d.actors = [self._place_party(loc)]
                d.roles.append(
                    f"actor = the state of the place '{loc.text}' (an agentless act only a state does)"
                )
        # a protest, or protesters calling theirs off (CAMEO 082, "the union called off its strike"), is addressed to
        # the party its phrases name, else to the government of its place or of the protesters
        protest_like = cameo.plover == "PROTEST" or cameo.code.startswith("082")
        if (
            d.recipients
            and d.actors
            and protest_like
            and actors is not None
            and all(r.why == PLACE_PARTY_WHY for r in d.recipients)
            and (content := self._protest_content(article, tree, actors, ref, d))
        ):
            # "rallied in Lagos to protest violations by Islamic fundamentalists", "demonstrated in Kirkuk calling
            # for independence from Iraq": whom a protest is against comes before the country of where it is held
            d.recipients = content
        if not d.recipients and d.actors and protest_like and actors is not None:
            d.recipients = self._protest_content(article, tree, actors, ref, d)
        if not d.recipients and d.actors and actors is not None and d.kind == "verb":
            # "Denmark accepted a formula for ending its fisheries dispute with its EU partners", "called off the
            # strike after deliberations with the government": the other side of the relation the act is about,
            # before the protesters' own government or that of the place (it is named)
            for o in counterpart_of_relation(tree, d.trigger):
                found = [
                    r
                    for r in self._resolve_all(
                        tree.conjuncts(o.i), article, tree, actors, ref, peers=d.actors
                    )
                    if not any(_same(r, a) for a in d.actors)
                ]
                if found:
                    d.recipients = found
                    d.roles.append(
                        f"recipient = the other side of the '{article.tokens[o.head].text} with ...' it is about"
                    )
                    break
        if not d.recipients and d.actors and protest_like:
            d.recipients = self._protest_target(d, actors)
        if not d.recipients and d.actors and d.thing_owner:
            d.recipients = list(d.thing_owner)
            d.roles.append(d.thing_why)
        # verbal cooperation by a named actor ("the two ministers agreed", "both camps pledged to meet") is never a
        # disaster or a crime: it is kept when its parties do not resolve, and its evidence keeps their words; not a
        # passive with no agent ("would be met with force") nor an embedded act
        verbal_coop = (cameo.quad == 1 and d.kind == "verb" and d.named_actor and not d.crowd_actor) or (
            cameo.plover == "PROTEST"
            and not d.embedded
            and (d.kind == "noun" or self._protest_object(tree, d) or self._named_protester(tree, d))
        )
        if not d.actors and not d.recipients and not d.standalone and not verbal_coop:
            d.dropped = "neither an actor nor a recipient was resolved"
            return drop(trace, d.trigger, "finish", d.dropped, d)
        if not d.actors and cameo.quad in (1, 2) and not verbal_coop and not d.standalone:
            d.dropped = "cooperation needs a resolved actor"
            return drop(trace, d.trigger, "finish", d.dropped, d)
        if (
            cameo.quad == 4
            and not d.recipients
            and d.location is None
            and cameo.plover == "ASSAULT"
            and not (d.actors and d.target)
            and not d.standalone
        ):
            # "combating threats": violence needs a target or a place
            d.dropped = "violence with no recipient, place or concrete target"
            return drop(trace, d.trigger, "finish", d.dropped, d)
        if cameo.code in self.visit_codes and d.kind == "verb" and not d.recipients and d.location is None:
            # "the Nigerian president attended a ceremony marking the anniversary": a visit needs a host or a place
            d.dropped = "a visit with no one and nowhere visited"
            return drop(trace, d.trigger, "finish", d.dropped, d)
        if (
            cameo.code in self.visit_codes
            and d.kind == "verb"
            and tree.tokens[d.trigger].dep == "pcomp"
            and tree.tokens[tree.tokens[d.trigger].head].lower == "against"
        ):
            # "advised its nationals against travelling to Niger": a journey warned against is not made
            d.dropped = "a journey advised or warned against, not a visit"
            return drop(trace, d.trigger, "finish", d.dropped, d)
        if (
            cameo.plover == "THREATEN"
            and d.kind == "verb"
            and not d.recipients
            and self._journey_warned(tree, d.trigger)
        ):
            # "Doctors advised against travelling during the heatwave": a travel advisory names where not to go
            d.dropped = "advice against a journey to nowhere named"
            return drop(trace, d.trigger, "finish", d.dropped, d)
        if (
            cameo.code in self.visit_codes
            and d.kind == "verb"
            and not d.actors
            and self._moving_thing(tree, d)
        ):
            # "weapons aboard four lorries travelling from Libya to Chad": a thing on the move visits no one
            d.dropped = "a visit by a thing, not by a party"
            return drop(trace, d.trigger, "finish", d.dropped, d)
        # "police in Kampala", "leaders of an opposition coalition ... in Baku": an actor with no nationality takes
        # the country of the event's place; failing that, the one country the sentence (or article) names
        d.actors = [self._named_place(a, article) for a in d.actors]
        d.recipients = [self._named_place(a, article) for a in d.recipients]
        # "Diplomats said the EU was preparing listings targeting Iranian companies, and that ministers had discussed
        # ...": officials of no nationality beside an international body may be its members' ministers; neither the
        # event's place (where they meet) nor the one country named is evidence of theirs
        igo_officials = actors is not None and self._igo_officials(article, actors, si, d)
        if igo_officials:
            home = None
        if d.location is not None and d.location.country and not igo_officials:
            where = f"the place '{d.location.text}'"
            place_cc, loc = d.location.country, d.location
            # not when the other side is that country's state named in its own words: "inspectors accused Iran of
            # hiding material at a site near Tehran" is no Iranian self-dyad (the inspectors stay of no country); a
            # side that is the place itself ("demonstrated in Serbia", "the government of the place") does not count
            if not _state_of([r for r in d.recipients if not _overlaps(r, loc)], place_cc):
                # nor an agent who usually works abroad facing that country ("Inspectors want to examine military
                # sites near Tehran": roles.yaml abroad_agents)
                d.actors = [
                    a
                    if self._abroad(a, d.recipients, place_cc) or self._foreign_force(a)
                    else self._localise(a, place_cc, where)
                    for a in d.actors
                ]
            # (people named by a nationality are no state: "Thousands of Nigerians rallied in Lagos to protest
            # violations by Islamic fundamentalists" -> the fundamentalists are Nigeria's)
            if not _state_of(
                [a for a in d.actors if not _overlaps(a, loc) and not self._demonym_people(a, actors)],
                place_cc,
            ):
                d.recipients = [
                    a if self._foreign_force(a) else self._localise(a, place_cc, where) for a in d.recipients
                ]
        if home is not None:
            where = f"the only country named around it ({home})"
            # not when the other side is that country's state: "Senator X warned Turkey" is no Turkish affair
            # nor from the actor's own words, when they named a country and it was not given ("ethnic Hungarians")
            if not _state_of([r for r in d.recipients if r.why != PLACE_PARTY_WHY], home):
                d.actors = [
                    a
                    if _names_inside(a, home, actors)
                    or self._abroad(a, d.recipients, home)
                    or self._foreign_force(a)
                    else self._localise(a, home, where, people=True)
                    for a in d.actors
                ]
            if not _state_of(d.actors, home):
                # nor when its own words name another place or region ("the networks of several European energy
                # companies", in a sentence about Russian hackers)
                d.recipients = [
                    a
                    if _names_inside(a, home, actors)
                    or self._names_other_place(article, actors, a, home)
                    or self._foreign_force(a)
                    else self._localise(a, home, where, people=True)
                    for a in d.recipients
                ]
        if cameo.code.startswith("17") and d.actors and d.recipients:
            d.recipients = self._domestic_group(d)
        # the dateline speaks for a party only when the event names no other country ("DUBAI - Iranian media said
        # lawmakers approved ...": Iran's lawmakers); it always can for who reports it ("..., the ministry said")
        foreign = any(
            a.country and a.country != self._home_dateline for a in (*d.actors, *d.recipients, *d.attribution)
        )
        if (
            not d.recipients
            and d.actors
            and d.kind == "verb"
            and cameo.code[:2] in ("11", "12")
            and actors is not None
        ):
            # "condemned as unacceptable the coup by the army", "denounced as a crime Serbia's suppression of ...",
            # "condemned the coup by the army" with the by-phrase parsed on the verb: the party judged
            for o in judged_deeds(tree, d.trigger):
                found = self._resolve_all(tree.conjuncts(o.i), article, tree, actors, ref, peers=d.actors)
                found = found or self._speech_act_party([o.i], article, tree, actors, ref, d, d.roles)
                found = [a for a in found if not any(_same(a, b) for b in d.actors)]
                if found:
                    d.recipients = found
                    d.roles.append(f"recipient = the party behind what is judged ('{o.text}')")
                    break
        if d.actors and cameo.code.startswith("09") and actors is not None:
            # "opened an investigation into allegations that Burundian soldiers had killed civilians": the soldiers,
            # before who made the allegation ("an allegation by the LPC that the NPFL had taken over the city")
            doers, makers = alleged_doers(tree, d.trigger)
            made_by = [toks[j].start for k in makers for j in tree.conjuncts(k.i)]
            found = [
                a
                for a in self._resolve_all([k.i for k in doers], article, tree, actors, ref, peers=d.actors)
                if not any(_same(a, b) for b in d.actors)
            ]
            by_maker = all(any(a.start <= s < a.end for s in made_by) for a in d.recipients)
            if found and by_maker:
                d.recipients = found
                d.roles.append("recipient = who is said to have done what the investigation is into")
        if not d.recipients and d.actors and cameo.code.startswith("11"):
            d.recipients = self._deed_doer(tree, d)
        if cameo.plover == "ASSAULT" and d.actors and d.modality == "asserted":
            self._last_attack = list(d.actors)
        d.actors = [self._state_agent(a, dateline=not foreign and not igo_officials) for a in d.actors]
        d.recipients = [
            self._state_agent(a, dateline=not foreign and not igo_officials) for a in d.recipients
        ]
        d.attribution = [self._state_agent(a, dateline=True) for a in d.attribution]
        trig = toks[d.trigger]
        t_end = toks[max(d.trigger, d.trigger_end)].end if d.trigger_end >= d.trigger else trig.end
        if d.kind == "noun" and _hyphen_lemma(toks, trig) is not None:
            trig = toks[d.trigger - 2]  # "sit-in": the evidence is the whole word
        if d.date is not None:
            date, precision, source = d.date
        elif ref is not None:
            date, precision, source = ref, "day", "article"
        else:
            date, precision, source = _dt.date(1970, 1, 1), "unknown", "none"
        lemmas = [(toks[k].lemma or toks[k].text).lower() for k in range(sent.tok_start, sent.tok_end)]
        context = self.ontology.contexts_for(lemmas)
        conf = self._confidence(d, cameo.quad)
        reason = self._reason(d, cameo.code, cameo.name)
        key = "|".join(
            [
                article.id,
                str(trig.start),
                cameo.code,
                ",".join(a.code or a.name for a in d.actors),
                ",".join(a.code or a.name for a in d.recipients),
            ]
        )
        return Event(
            id=content_id(key, prefix="e"),
            article_id=article.id,
            date=date.isoformat(),
            date_precision=precision,
            date_source=source,
            event=cameo.plover,
            mode=cameo.plover_mode or "",
            context=context,
            cameo=cameo.code,
            goldstein=cameo.goldstein,
            quad=cameo.quad,
            actor=list(d.actors),
            recipient=list(d.recipients),
            location=d.location,
            modality=d.modality,
            confidence=conf,
            evidence=Evidence(
                text=article.text[sent.start : sent.end],
                start=sent.start,
                end=sent.end,
                trigger={"text": article.text[trig.start : t_end], "start": trig.start, "end": t_end},
            ),
            reason=reason,
            coder=self.version,
            attribution=list(d.attribution),
            reciprocal=d.reciprocal,
        )

    def _igo_officials(self, article: Article, actors: ArticleActors, si: int, d: Draft) -> bool:
        """Whether the draft has a government group of no nationality ("ministers", "officials") on a side and its
        sentence names an international organisation (the EU, the AU, the UN)."""
        sent = article.sentences[si]
        if not any(
            a.kind == "sector"
            and a.country is None
            and (a.sector or "") == "GOV"
            and _head_word(a.text) in IGO_MEMBER_PEOPLE
            for a in (*d.actors, *d.recipients)
        ):
            return False  # people who may be the members' envoys, not "the government's decision" of the story's state
        return any(
            m.actor is not None and m.actor.kind == "igo" and sent.start <= m.start < sent.end
            for m in actors.mentions
        )

    def _operation_agent(
        self, article: Article, tree: Tree, actors: ArticleActors, ref: _dt.date | None, verb: int
    ) -> tuple[Actor, str] | None:
        """The party named as carrying out the operation an agentless passive was done in ("was captured inside Iraq
        in a joint operation of the Jordanian army" -> the Jordanian army; "arrested during a raid by police"), as
        (actor, the operation noun); roles.yaml ``operation_nouns``."""
        for p, o in tree.preps(verb):
            if p.lower not in ("in", "during", "under", "through"):
                continue
            if (o.lemma or o.lower).lower() not in self.operation_nouns:
                continue
            for p2, o2 in tree.preps(o.i):
                if p2.lower not in ("of", "by") or o2.pos not in ("PROPN", "NOUN"):
                    continue
                a = self.resolver.resolve(o2.i, article, tree, actors, ref)
                if a is not None:
                    return a, o.lower
        return None

    @staticmethod
    def _agentless_passive(tree: Tree, i: int) -> int | None:
        """The trigger, or the light verb whose phrase holds it ("was put under investigation"), when it is a
        passive with no by-phrase."""
        cur = tree.tokens[i]
        for _ in range(3):
            if cur.pos in ("VERB", "AUX"):
                break
            h = tree.head(cur.i)
            if h is None or cur.dep not in ("pobj", "prep"):
                return None
            cur = h
        if cur.pos not in ("VERB", "AUX") or not tree.kids(cur.i, "auxpass"):
            return None
        if any(p.dep == "agent" or p.lower == "by" for p, _o in tree.preps(cur.i)):
            return None
        return cur.i

    def _protest_object(self, tree: Tree, d: Draft) -> bool:
        """Whether a verb's object (or passive subject) is a protest noun: "the protest was held", "staged a rally" name
        the protest as its noun does (not "these actions demonstrate a disregard")."""
        dissent = self.lexicon.classes.get("dissent", frozenset())
        return any((o.lemma or o.text).lower() in dissent for o in tree.kids(d.trigger, "dobj", "nsubjpass"))

    @staticmethod
    def _named_protester(tree: Tree, d: Draft) -> bool:
        """Whether a protest verb names who protests and takes no object ("a human rights group protested", "hundreds
        of villagers marched"): a protest whether or not its subject resolves, as a protest noun is; not "protested his
        innocence", "the figures demonstrate a decline", "the study demonstrated that ..."; a reported clause before
        the verb is what is protested: "X is failing to ..., a rights group protested"."""
        if d.kind != "verb" or not d.named_actor or tree.kid(d.trigger, "dobj") is not None:
            return False
        t = tree.tokens[d.trigger]
        if t.tag == "VBN" and t.dep != "ROOT" and not tree.kids(t.i, "aux", "auxpass"):
            return False  # "to find grocery stores vandalised": a state found, not what the stores did
        return not any(c.i > d.trigger for c in tree.kids(d.trigger, "ccomp"))

    def _deed_doer(self, tree: Tree, d: Draft) -> list[Actor]:
        """Who did the deed a condemnation or accusation names by a definite noun alone ("Somalia's president
        condemned the attack", "denounced this bombing"): the actors of the article's last attack before it."""
        obj = tree.kid(d.trigger, "dobj")
        if obj is None or not self._last_attack or tree.kids(obj.i, "poss"):
            return []
        if not any(k.lower in ("the", "this", "that", "these", "those") for k in tree.kids(obj.i, "det")):
            return []
        if any(p.lower in ("by", "on", "against", "of") for p, _o in tree.preps(obj.i)):
            return []  # "the attack on the convoy", "the attacks by X": the noun names its own parties or setting
        pat = self.lexicon.match_noun((obj.lemma or obj.text).lower())
        if pat is None or self.ontology.cameo(pat.code).plover != "ASSAULT":
            return []
        doers = [a for a in self._last_attack if not any(_same(a, b) for b in d.actors)]
        if doers:
            d.roles.append(f"recipient = who did '{obj.text}' (the article's last attack before it)")
        return doers

    def _state_agent(self, a: Actor, *, dateline: bool) -> Actor:
        """A state agent with no nationality ("The ministry said", "officials said", "the army") belongs to the
        country of the last one of the same word the article named with its country ("Ukraine's energy ministry
        said ... The ministry said"), else to the country of the article's dateline ("BEIJING, Sept 5 (Xinhua) -
        ... the foreign ministry said"; with ``dateline``). Not someone's own agents ("its troops"). Each state agent
        with a country is remembered for the rest of the article."""
        if a.kind != "sector" or a.sector not in STATE_SECTORS:
            return a
        words = a.text.lower().split()
        if not words:
            return a
        head = words[-1]
        if a.country is not None:
            self._agents[head] = a.country
            return a
        if any(w in POSSESSIVE_WORDS or w.endswith(("'s", "’s")) for w in words):
            return a
        if head in self._agents:
            return self._localise(a, self._agents[head], f"the earlier '{head}' of {self._agents[head]}")
        if dateline and self._home_dateline is not None:
            return self._localise(a, self._home_dateline, "the article's dateline")
        return a

    def _place_recipients(
        self,
        heads: list[int],
        article: Article,
        tree: Tree,
        actors: ArticleActors,
        d: Draft,
        notes: list[str],
    ) -> list[Actor]:
        """A material act aimed at a place that is no party ("air strikes on Gaza", "delivered food to Gaza", "an
        attack on Kharkiv"): the country of the place receives it, as CAMEO's and ICEWS's dictionaries code a
        city or a territory as its country. Only a place the gazetteer holds under that very name, not a country
        (a country is a party already) and not a name the resolver knows as another kind of party. The actors'
        countries choose between places of one name ("Greenville" in Liberia); a place in the actor's own country
        gives no recipient (a domestic act on one's own territory names no other party)."""
        if self.geocoder is None or not d.actors:
            return []  # no actor yet: nothing says who acts on the place ("following the invasions of Dagestan")
        own = [a.country for a in d.actors if a.country]
        context = [*own, *([self._home_dateline] if self._home_dateline else [])]
        out: list[Actor] = []
        for h in heads:
            loc = self._place(article, tree, actors, h)
            if loc is None or loc.kind == "country":
                continue
            known = self.geocoder.resolve(loc.name, context_countries=context)
            if known is None or not known.country or norm_key(known.name) != norm_key(loc.name):
                continue
            if known.country in own:
                continue
            party = self._place_party(replace(loc, country=known.country))
            if not any(_same(party, o) for o in out):
                out.append(party)
                notes.append(f"recipient = the country of the place '{loc.text}' the act is aimed at")
        return out

    def _place_party(self, loc: Location) -> Actor:
        """The country of a place, as the party at the receiving end of a material act done there."""
        c = self.resolver.kb.country(loc.country) if loc.country else None
        return Actor(
            loc.text,
            loc.start,
            loc.end,
            c.name if c else loc.name,
            loc.country,
            None,
            "state",
            (c.cameo or c.iso3) if c else (loc.country or ""),
            entity_id=f"country:{loc.country}",
            why=PLACE_PARTY_WHY,
        )

    def _material_place(self, d: Draft) -> bool:
        """Whether the draft is a material act (quad 2/4, not a protest) by a known actor, in a place of a country."""
        cameo = self.ontology.cameo(d.code)
        return (
            bool(d.actors)
            and cameo.quad in (2, 4)
            and cameo.plover != "PROTEST"
            and d.location is not None
            and bool(d.location.country)
        )

    def _intended_place_recipients(self, tree: Tree, drafts: list[Draft]) -> None:
        """A threat or commitment to a material act in a place is aimed at the country of that place, as the act
        itself would be: "Hamas threatened to resume attacks in Israel", "he will extend the curfew in Abidjan"
        (the complement's own recipient, or the place; same actor only)."""
        for d in drafts:
            if d.recipients or not self._material_place(d) or d.location is None:
                continue
            if d.modality == "pledged" and self.intent.get(d.code[:2]) is not None:
                # "will extend the curfew in Abidjan": coded as an intent or threat, still aimed at the place
                d.recipients = [self._place_party(d.location)]
                d.roles.append(
                    f"recipient = the country of the place '{d.location.text}' of the intended act"
                )
        for gov in drafts:
            if gov.recipients or gov.no_recipient or not gov.actors:
                continue
            for d in drafts:
                t = tree.tokens[d.trigger]
                if d is gov or t.dep != "xcomp" or t.head != gov.trigger or not self._material_place(d):
                    continue
                if not all(any(_same(a, b) for b in gov.actors) for a in d.actors) or d.location is None:
                    continue
                gov.recipients = list(d.recipients) or [self._place_party(d.location)]
                gov.roles.append(f"recipient = the country where the act it commits to happens ('{t.text}')")
                break

    def _named_place(self, a: Actor, article: Article) -> Actor:
        """A sector agent with no nationality whose own words name a place the gazetteer knows takes that place's
        country ("Darfur rebels", "Kirkuk residents", "Gaza fishermen")."""
        if a.kind != "sector" or a.country is not None or self.geocoder is None:
            return a
        toks = article.tokens
        k = bisect.bisect_left(toks, a.start, key=_tok_start)  # the tokens inside the actor's span, in order
        while k < len(toks) and toks[k].end <= a.end:
            tok = toks[k]
            k += 1
            if tok.ent_type not in ("GPE", "LOC"):
                continue
            place = self.geocoder.resolve(tok.text)
            if place is not None and place.country and place.precision != "country":
                return self._localise(a, place.country, f"the place it is named by ('{tok.text}')")
        return a

    def _abroad(self, a: Actor, recipients: list[Actor], country: str) -> bool:
        """Whether ``a`` has no country and is named by a word for agents who usually work in other states' countries
        (inspectors, observers, monitors: roles.yaml ``abroad_agents``), and a recipient is of ``country``: giving
        it that country would invent a self-dyad ("Inspectors want to examine military sites near Tehran")."""
        if a.country is not None or not a.text.split():
            return False
        last = a.text.split()[-1].lower().strip(".,;:")
        word = last[:-1] if last.endswith("s") and last[:-1] in self.abroad_agents else last
        return word in self.abroad_agents and any(r.country == country for r in recipients)

    def _foreign_force(self, a: Actor) -> bool:
        """Whether ``a`` has no country and is named by a word for forces that serve in other states' countries by
        definition (peacekeepers: roles.yaml ``foreign_forces``): neither the event's place nor the one country named
        around it is their country ("attacks on peacekeepers in Mali" are not on Mali's military)."""
        if a.country is not None or not a.text.split():
            return False
        last = a.text.split()[-1].lower().strip(".,;:")
        word = last[:-1] if last.endswith("s") and last[:-1] in self.foreign_forces else last
        return word in self.foreign_forces

    def _localise(self, a: Actor, country: str, where: str, *, people: bool = False) -> Actor:
        """``a`` placed in ``country`` when nothing gives it a nationality: a sector agent, an unknown body, or
        (with ``people``) an unknown person ("President X", "Judge Y"). Coded with the CAMEO country code."""
        if a.country is not None or (a.code and a.kind not in ("sector",)):
            return a
        if a.kind not in ("sector", "org", "person") or (a.kind == "person" and not people):
            return a
        if people and self.resolver.diplomat(a.text):
            return a  # an ambassador or envoy usually serves abroad
        if (
            people
            and a.kind == "sector"
            # a possessor inside the phrase, not the head's own ending ("the government's decision": the government)
            and any(w in POSSESSIVE_WORDS or w.endswith(("'s", "’s")) for w in a.text.lower().split()[:-1])
        ):
            return a  # "the group's fighters", "their supporters": someone's own people, not the country's
        cc = self.resolver.cameo_country(country) or country
        return replace(
            a,
            country=country,
            code=f"{cc}{a.sector or ''}",
            why=f"{a.why}; country from {where}".lstrip("; "),
        )

    def _protest_content(
        self, article: Article, tree: Tree, actors: ArticleActors, ref: _dt.date | None, d: Draft
    ) -> list[Actor]:
        """The party a protest is against, named in its own phrases: "a strike against the government", "rioted
        ... in protest at Israeli raids", "in defiance of Chinese authorities", "demonstrations against violations
        by the Israeli military" (the doer or possessor of what is protested)."""
        owners = [d.trigger, *(k.i for k in tree.kids(d.trigger, "dobj"))]
        cands: list[Token] = []
        for h in owners:
            for p, o in tree.preps(h):
                if p.lower in ("against", "over", "at"):
                    cands.append(o)
                elif p.lower == "in" and (o.lemma or o.text).lower() in PROTEST_FRAMES:
                    cands.extend(
                        o2 for p2, o2 in tree.preps(o.i) if p2.lower in ("of", "against", "at", "to")
                    )
        cands.extend(self._protest_purpose(tree, d))
        for o in cands:
            found = self._resolve_all(tree.conjuncts(o.i), article, tree, actors, ref, peers=d.actors)
            if not found:
                found = self._speech_act_party([o.i], article, tree, actors, ref, d, d.roles)
            # "Thousands of Iraqi Kurds demonstrated ... calling for independence from Iraq": people named by a
            # nationality protest against its state (as `_protest_target` addresses their own government)
            found = [
                a
                for a in found
                if not any(
                    _same(a, b) and not (a.kind == "state" and self._demonym_people(b, actors))
                    for b in d.actors
                )
            ]
            if found:
                d.roles.append(f"recipient = what the protest is against ('{o.text}')")
                return found
        return []

    @staticmethod
    def _protest_purpose(tree: Tree, d: Draft) -> list[Token]:
        """What a protest is about, when its own phrases name no party: the object of a protest verb ("protested
        President X's failure"), and the object and phrases of its purpose clause, on the trigger or on the light
        verb of a protest noun ("began a hunger strike to protest X's failure", "blocked a road to show their
        disapproval for the United States' policies", "to press their demands for freedom from X's government").
        The caller takes the party each names, or the possessor or doer behind it."""
        trig = tree.tokens[d.trigger]
        out: list[Token] = []
        if trig.pos == "VERB" and not d.code.startswith("082"):
            # (not "called off its strike": the object of calling a protest off is the protest itself)
            out.extend(k for k in tree.kids(trig.i, "dobj") if k.pos in ("NOUN", "PROPN"))
        gov = trig
        if trig.dep == "dobj" and (h := tree.head(trig.i)) is not None and h.pos == "VERB":
            gov = h  # "began a hunger strike to ...": the purpose clause hangs on the light verb
        purposes = list(tree.kids(gov.i, "xcomp", "advcl"))
        if trig.pos == "NOUN":
            # "a rally in Lagos to protest the violations ...": a to-infinitive on the protest noun itself
            purposes += tree.kids(trig.i, "relcl", "acl")
        for c in purposes:
            if c.pos != "VERB" or not any(k.lower == "to" for k in tree.kids(c.i, "aux")):
                continue
            if not tree.kids(c.i, "auxpass"):
                # "to protest the rights violations under the Sharia law by Islamic fundamentalists": an active verb
                # has no agent; its by-phrase names who did what is protested
                out.extend(
                    o for p, o in tree.preps(c.i) if p.lower == "by" and o.ent_type not in ("DATE", "TIME")
                )
            for obj in tree.kids(c.i, "dobj"):
                out.append(obj)
                for p, o in tree.preps(obj.i):
                    if p.lower in ("for", "from", "against", "over", "of"):
                        out.append(o)
                        # "demands for jobs from X's government": the source of what is asked for
                        out.extend(o2 for p2, o2 in tree.preps(o.i) if p2.lower in ("from", "against"))
            out.extend(o for p, o in tree.preps(c.i) if p.lower in ("from", "against", "over"))
        out.extend(demanding_participle_parties(tree, trig.i if trig.pos == "NOUN" else gov.i))
        # "rioted following a demonstration calling for the removal of President X", "clashed with police after a
        # rally demanding the resignation of X": the participle of a noun in the protest verb's own phrases
        # ("following" is a verb the parser gives an object)
        phrase_nouns = [n for _p, n in tree.preps(trig.i)]
        phrase_nouns += [
            n for p in tree.kids(trig.i, "prep") if p.pos == "VERB" for n in tree.kids(p.i, "dobj")
        ]
        out.extend(o for n in phrase_nouns for o in demanding_participle_parties(tree, n.i))
        return [o for o in out if o.pos in ("NOUN", "PROPN")]

    def _preparing(self, tree: Tree, i: int) -> Token | None:
        """The verb or adjective of preparation ("prepared to", "poised to") over act ``i``, through aspectual verbs
        ("prepared to resume shelling"), if any."""
        t = tree.tokens[i]
        for _ in range(3):
            h = tree.head(t.i)
            if h is None or t.dep not in ("xcomp", "advcl") or h.i == t.i:
                return None
            hl = (h.lemma or h.text).lower()
            if hl in self.prepare_cues:
                return None if tree.negated(h.i) else h
            if hl not in self.aspectual:
                return None
            t = h
        return None

    def _failed_governor(self, tree: Tree, i: int) -> Token | None:
        """The verb of failure ("failed to reach agreement") whose to-infinitive is act ``i``, if any, not negated
        itself ("did not fail to")."""
        t = tree.tokens[i]
        h = tree.head(i)
        if (
            h is None
            or t.dep != "xcomp"
            or (h.lemma or h.text).lower() not in self.failed_verbs
            or tree.negated(h.i)
        ):
            return None
        return h

    def _conditioned(self, tree: Tree, i: int, marks: frozenset[str] | None = None) -> bool:
        """Whether the act ``i`` is made conditional on another's conduct by an "unless" clause (or ``marks``)."""
        marks = self.ultimatum_marks if marks is None else marks
        return any(k.lower in marks for c in tree.kids(i, "advcl") for k in tree.kids(c.i, "mark"))

    def _protest_target(self, d: Draft, actors: ArticleActors | None = None) -> list[Actor]:
        """A protest that names no target is addressed to the government of the place where it happens
        ("Palestinian prisoners rioted at a jail in northern Israel" -> Israel's government). Only when the place
        has a country and the protesters are not that government themselves."""
        loc = d.location
        if loc is not None and loc.country and loc.source == "sentence":
            c = self.resolver.kb.country(loc.country)
            if c is None:
                return []
            cc = c.cameo or c.iso3
            target = Actor(
                loc.text,
                loc.start,
                loc.end,
                c.name,
                c.iso3,
                "GOV",
                "state",
                f"{cc}GOV",
                entity_id=f"country:{c.iso3}",
                why="a protest with no named target is addressed to the government of the place where it happens",
            )
            if any(
                (_same(target, a) and not self._demonym_people(a, actors))
                or (a.country == c.iso3 and a.sector == "GOV")
                for a in d.actors
            ):
                return []
            d.roles.append(f"recipient = the government of the place '{loc.text}'")
            return [target]
        if loc is not None and loc.country:
            return []
        # no place named: "Algerian landowners began a hunger strike" is addressed to the protesters' own government
        who = next(
            (
                a
                for a in d.actors
                if a.country
                and a.sector not in ("GOV", "MIL", "COP")
                and (a.kind != "state" or self._demonym_people(a, actors))
            ),
            None,
        )
        if who is None or who.country is None:
            return []
        c = self.resolver.kb.country(who.country)
        if c is None:
            return []
        cc = c.cameo or c.iso3
        d.roles.append(f"recipient = the government of the protesters' country ({c.name})")
        # the span of the word that names the country ("Algerian" in "Algerian landowners"), not the protesters'
        text, start, end = who.text, who.start, who.end
        named = next(
            (
                m
                for m in (actors.mentions if actors is not None else [])
                if who.start <= m.start
                and m.end <= who.end
                and m.actor is not None
                and m.actor.kind == "state"
                and m.actor.country == c.iso3
            ),
            None,
        )
        if named is not None and named.actor is not None:
            text, start, end = named.actor.text, named.start, named.end
        return [
            Actor(
                text,
                start,
                end,
                c.name,
                c.iso3,
                "GOV",
                "state",
                f"{cc}GOV",
                entity_id=f"country:{c.iso3}",
                why="a protest with no named target or place is addressed to the protesters' own government",
            )
        ]

    def _unidentified_attacker(
        self, article: Article, tree: Tree, actors: ArticleActors, d: Draft
    ) -> list[Actor]:
        """An attack named only by its weapon or blast, with no attacker ("A roadside bombing near Samarra killed
        one U.S. soldier", "killed by an improvised explosive device outside the Iraqi city of Basra"): the attacker
        is an unidentified armed force (CAMEO UAF) of the country where it happened, pointing at the place's words.
        Only with a place of one country in the attack's own phrases (not the victims' nationality), in a main
        clause of a sentence that names no armed group."""
        toks = article.tokens
        i = d.trigger
        if d.background or d.embedded:
            return []  # "claiming responsibility for a deadly attack targeting ...": the attack's doer is named
        sent = next(s for s in article.sentences if s.tok_start <= i < s.tok_end)
        if any(
            m.kind == "armed_group" and sent.tok_start <= m.tok_start < sent.tok_end for m in actors.mentions
        ):
            return []  # an armed group the sentence names may be the attacker
        instruments: list[Token] = []
        subj, _passive = tree.subject(i)
        if subj is not None:
            instruments.append(subj)
        for p, o in tree.preps(i):
            if p.lower in ("by", "in", "with"):
                instruments.append(o)
        if toks[i].pos == "NOUN":
            instruments.append(toks[i])
        hits = [
            t
            for t in instruments
            if (t.lemma or t.text).lower() in self.attack_instruments or t.lower in self.attack_instruments
        ]
        if not hits:
            return []
        victims = [(r.start, r.end) for r in d.recipients]
        phrases: list[
            tuple[int, int]
        ] = []  # "near the town of Samarra", "outside of the Iraqi city of Basra"
        origins: list[tuple[int, int]] = []  # "a mortar bomb was fired at Israel from the Gaza Strip"
        for h in [*hits, toks[i]]:
            for p in tree.kids(h.i, "prep"):
                if p.lower in PLACE_PREPS:
                    sub = sorted(tree.subtree(p.i))
                    lo = next((k for k in sub if toks[k].pos != "ADP"), None)
                    if lo is not None:
                        (origins if p.lower == "from" else phrases).append((lo, sub[-1] + 1))
        # a weapon fired from a place is fired by an armed force of that place's country, when that is not the
        # country it is fired at (as ICEWS codes "rockets fired from Gaza into Israel"): the origin comes first
        targets = {r.country for r in d.recipients if r.country}
        origins = [
            (lo, hi)
            for lo, hi in origins
            if targets
            and (cc := self._country_in(article, tree, actors, lo, hi)) is not None
            and cc not in targets
        ]
        for lo, hi in [*origins, *phrases]:
            start, end = tree.char_span(lo, hi)
            if any(vs < end and start < ve for vs, ve in victims):
                continue
            if any((toks[k].lemma or toks[k].text).lower() in _BOUNDARY_NOUNS for k in range(lo, hi)):
                continue  # "near the Somali border": a border lies between two countries, in neither for sure
            country = self._country_in(article, tree, actors, lo, hi)
            if country is None:
                continue
            c = self.resolver.kb.country(country)
            if c is None:
                continue
            cc = c.cameo or c.iso3
            d.roles.append(f"actor = an unidentified armed force of the place '{article.text[start:end]}'")
            return [
                Actor(
                    article.text[start:end],
                    start,
                    end,
                    f"unidentified attacker ({c.name})",
                    c.iso3,
                    "UAF",
                    "sector",
                    f"{cc}UAF",
                    why=f"an attack by '{hits[0].text}' with no named attacker, in {c.name}: an unidentified armed "
                    "force of the country where it happened",
                )
            ]
        return []

    def _country_in(
        self, article: Article, tree: Tree, actors: ArticleActors, lo: int, hi: int
    ) -> str | None:
        """The one country a place phrase names: a country, capital or demonym the knowledge base knows ("the
        Iraqi city of Basra"), else a place the gazetteer knows ("the town of Samarra")."""
        toks = article.tokens
        found: set[str] = set()
        for k in range(lo, hi):
            m = actors.at(k)
            if m is None or m.actor is None or not m.actor.country:
                continue
            if m.kind in ("country", "capital", "demonym", "seat"):
                found.add(m.actor.country)
        if not found and self.geocoder is not None:
            start, end = tree.char_span(lo, hi)
            place = self.geocoder.resolve(article.text[start:end])
            if place is not None and place.country:
                found.add(place.country)
            for k in range(lo, hi):
                if not found and toks[k].pos == "PROPN":
                    place = self.geocoder.resolve(toks[k].text)
                    if place is not None and place.country:
                        found.add(place.country)
        return next(iter(found)) if len(found) == 1 else None

    def _domestic_group(self, d: Draft) -> list[Actor]:
        """Recipients of a coercive act by a state's own agents (``domestic_agents``: police, courts, government)
        that are an unnamed group with no nationality (``domestic_groups``): that state's own people ("Turkish police
        prevented a demonstration staged by students")."""
        countries = {a.country for a in d.actors}
        if len(countries) != 1 or None in countries:
            return d.recipients
        iso = next(iter(countries))
        if iso is None or not all(a.sector in self.domestic_agents for a in d.actors):
            return d.recipients
        if d.location is not None and d.location.country not in (None, iso):
            return d.recipients
        out = []
        for r in d.recipients:
            if r.kind == "sector" and r.country is None and r.sector in self.domestic_groups:
                r = self._localise(
                    r, iso, f"the state whose agents act on it ('{d.actors[0].text}'): a domestic act"
                )
                d.roles.append(f"recipient '{r.text}' = people of the actor's own country ({iso})")
            out.append(r)
        return out

    def _defied_party(
        self, article: Article, tree: Tree, actors: ArticleActors, ref: _dt.date | None, d: Draft
    ) -> list[Actor]:
        """The maker of a call or pressure a rejection goes against ("refused to resign despite calls from the
        opposition", "declined ... despite pressure by the commission"): the one rejected."""
        for h in [d.trigger, *(c.i for c in tree.kids(d.trigger, "xcomp"))]:
            for p, o in tree.preps(h):
                if p.lower != "despite":
                    continue
                if (
                    o.lemma or o.text
                ).lower() not in self.speech_act_nouns and o.lower not in self.speech_act_nouns:
                    continue
                heads = [o2.i for p2, o2 in tree.preps(o.i) if p2.lower in ("by", "from")]
                poss = tree.kid(o.i, "poss")
                if not heads and poss is not None and not tree.is_pronoun(poss.i):
                    heads = [poss.i]
                for k in heads:
                    found = self._resolve_all(tree.conjuncts(k), article, tree, actors, ref, peers=d.actors)
                    found = [a for a in found if not any(_same(a, b) for b in d.actors)]
                    if found:
                        d.roles.append(f"recipient = who made the '{o.text}' the rejection goes against")
                        return found
        return []

    def _demand_clause_party(
        self, article: Article, tree: Tree, actors: ArticleActors, ref: _dt.date | None, d: Draft
    ) -> list[Actor]:
        """The subject of the that-clause of a demand noun the demand verb takes ("insisted on its demands that
        Burundi's government grant ...", "repeated its call that the US withdraw"): the one asked to act."""
        nouns = [*tree.kids(d.trigger, "dobj"), *(o for _p, o in tree.preps(d.trigger))]
        for n in nouns:
            if (
                n.lemma or n.text
            ).lower() not in self.speech_act_nouns and n.lower not in self.speech_act_nouns:
                continue
            for c in tree.kids(n.i, "acl", "ccomp"):
                subj = tree.kid(c.i, "nsubj")
                if subj is None or tree.is_pronoun(subj.i):
                    continue
                found = self._resolve_all(tree.conjuncts(subj.i), article, tree, actors, ref, peers=d.actors)
                found = [a for a in found if not any(_same(a, b) for b in d.actors)]
                if found:
                    d.roles.append(f"recipient = who the clause of '{n.text}' asks to act ('{subj.text}')")
                    return found
        return []

    def _own_country(self, d: Draft, actors: ArticleActors) -> list[Actor]:
        """The actors' own country as the recipient of a domestic measure (``domestic_acts`` in roles.yaml), when the
        actors are of one country and the act names no place of a country; the span is the word naming the country."""
        countries = {a.country for a in d.actors}
        if len(countries) != 1 or None in countries:
            return []
        iso = next(iter(countries))
        if iso is None or (d.location is not None and d.location.country):
            return []  # a place of a country: the place rules point at its words ("a curfew in the town of Cizre")
        c = self.resolver.kb.country(iso)
        if c is None:
            return []
        who = d.actors[0]
        named = next(
            (
                m
                for m in actors.mentions
                if who.start <= m.start
                and m.end <= who.end
                and m.actor is not None
                and m.actor.country == iso
            ),
            None,
        )
        text, start, end = (
            (named.actor.text, named.start, named.end)
            if named and named.actor
            else (who.text, who.start, who.end)
        )
        d.roles.append(f"recipient = the actor's own people ({c.name}): a measure a state takes at home")
        return [
            Actor(
                text,
                start,
                end,
                f"people of {c.name}",
                c.iso3,
                "CVL",
                "sector",
                f"{c.cameo or c.iso3}CVL",
                why=f"CAMEO {d.code} is a measure a state takes at home: its own people are at the receiving end",
            )
        ]

    @staticmethod
    def _demonym_people(a: Actor, actors: ArticleActors | None) -> bool:
        """Whether a state actor is people named by a nationality ("Thousands of Nigerians", "Young Algerians",
        "Iraqi Kurds"), not the state itself: every country word in its span is a demonym, and its head is no
        word for the state's own side ("the Iranian side" speaks for the state)."""
        if a.kind != "state" or a.sector not in (None, "CVL") or actors is None:
            return False
        words = a.text.lower().split()
        if words and words[-1] in STATE_SIDE_NOUNS:
            return False
        inside = [
            m
            for m in actors.mentions
            if a.start <= m.start and m.end <= a.end and m.actor is not None and m.actor.kind == "state"
        ]
        return bool(inside) and all(m.kind == "demonym" for m in inside)

    def _nationals(self, a: Actor, actors: ArticleActors | None) -> bool:
        """People named by a nationality noun ("a group of Turks", "Serbs"): the phrase ends in the demonym itself, not
        in a noun for a body or a thing ("Chinese coast guard ships" are the state's)."""
        return (
            actors is not None
            and self._demonym_people(a, actors)
            and any(m.kind == "demonym" and m.end == a.end for m in actors.mentions)
        )

    def raw_score(self, d: Draft) -> float:
        """The raw score of a draft (weights in data/confidence.yaml); it ranks the events of a sentence."""
        w = self.score_weights
        c = w["base"]
        if d.actors:
            c += w["actor"]
            if any(a.country or a.kind in ("igo", "armed_group") for a in d.actors):
                c += w["actor_coded"]
        if d.recipients:
            c += w["recipient"]
        c += w["specificity"] * min(d.specific, 2)
        if d.kind == "noun" and not d.predicate_noun:
            c += w["noun"]
        if d.embedded:
            c += w["embedded"]  # the governing verb's own event ("threatened", "agreed") is the main one
        elif d.background:
            c += w["background"]  # a relative or temporal clause is background to the main clause
        if d.modality in ("hypothetical", "negated"):
            c += w["unsure"]
        return max(w["floor"], min(w["ceiling"], c))

    def _confidence(self, d: Draft, quad: int) -> float:
        raw = self.raw_score(d)
        if self.calibration is None:
            return round(raw, 3)
        a, b = self.calibration
        return round(1.0 / (1.0 + math.exp(-(a * raw + b))), 3)

    def _reason(self, d: Draft, code: str, name: str) -> str:
        parts = [f"{d.kind} pattern {d.pattern} -> CAMEO {code} ({name})"]
        parts.extend(d.roles)
        for label, group in (
            ("actor", d.actors),
            ("recipient", d.recipients),
            ("attribution", d.attribution),
        ):
            for a in group:
                parts.append(f"{label} '{a.text}' -> {a.code or a.name}" + (f" [{a.why}]" if a.why else ""))
        if d.modality != "asserted":
            parts.append(f"modality {d.modality}")
        if d.date is not None:
            parts.append(f"date {d.date[0].isoformat()} ({d.date[1]}) from the text")
        return "; ".join(parts)


_SCORE_KEYS = (
    "base",
    "actor",
    "actor_coded",
    "recipient",
    "specificity",
    "noun",
    "embedded",
    "background",
    "unsure",
    "floor",
    "ceiling",
)


def _read_confidence() -> tuple[dict[str, float], tuple[float, float] | None]:
    """The score weights and the calibration (a, b) from data/confidence.yaml, checked."""
    data = read_data_file("confidence.yaml")
    where = "events/data/confidence.yaml"
    score = data.get("score")
    if not isinstance(score, dict):
        raise DataFileError(f"{where}: `score` must be a mapping of weight name -> number")
    missing = [k for k in _SCORE_KEYS if k not in score]
    unknown = sorted(set(score) - set(_SCORE_KEYS))
    if missing or unknown:
        raise DataFileError(f"{where}: `score` misses {missing} or has unknown keys {unknown}")
    weights: dict[str, float] = {}
    for k in _SCORE_KEYS:
        v = score[k]
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise DataFileError(f"{where}: `score.{k}` must be a number, got {v!r}")
        weights[k] = float(v)
    if not 0.0 <= weights["floor"] < weights["ceiling"] <= 1.0:
        raise DataFileError(f"{where}: need 0 <= floor < ceiling <= 1")
    cal = data.get("calibration")
    if cal is None:
        return weights, None
    if not isinstance(cal, dict) or set(cal) != {"a", "b"}:
        raise DataFileError(f"{where}: `calibration` must be a mapping with exactly `a` and `b`")
    a, b = cal["a"], cal["b"]
    if any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in (a, b)) or a <= 0:
        raise DataFileError(
            f"{where}: `calibration.a` must be a positive number and `b` a number (monotone map)"
        )
    return weights, (float(a), float(b))


def _prefix_get(table: dict[str, str], code: str) -> str | None:
    """The value of the longest key of ``table`` that ``code`` starts with."""
    for n in range(len(code), 1, -1):
        v = table.get(code[:n])
        if v is not None:
            return v
    return None


def _describe(p: VerbPattern) -> str:
    s = p.verb
    if p.object:
        s += " " + ("/".join(sorted(p.object)[:3]) + ("/..." if len(p.object) > 3 else ""))
    if p.prep:
        s += f" {p.prep}"
    return s


def _word_list(data: dict[str, Any], key: str, what: str) -> frozenset[str]:
    """A checked list of lower-cased words from roles.yaml (``what`` names them in the error)."""
    words = data.get(key)
    if not isinstance(words, list) or not all(isinstance(n, str) for n in words):
        raise DataFileError(f"events/data/roles.yaml: `{key}` must be a list of {what}")
    return frozenset(n.lower() for n in words)


def _fronted_subject(tree: Tree, i: int) -> list[int]:
    """The subject of a root verb ``i`` that has none, when the parser made it a conjunct inside a fronted phrase: a
    noun after the phrase's comma, conjoined into it, right before the verb ("With the signing of X, [the government
    and the SPLA] have agreed"); its conjuncts after it too. Empty when there is no such noun."""
    toks = tree.tokens
    fronts = [p for p in tree.kids(i, "prep", "advcl", "npadvmod") if p.i < i]
    if not fronts:
        return []
    for k in range(fronts[0].i + 1, i):
        t = toks[k]
        if t.dep != "conj" or t.pos not in ("NOUN", "PROPN") or t.i > i:
            continue
        left = min(tree.subtree(k))
        if left == 0 or toks[left - 1].text != ",":
            continue
        # only auxiliaries, adverbs and the noun's own phrase between it and the verb
        last = max(j for c in tree.conjuncts(k) for j in tree.subtree(c) if j < i)
        if all(toks[j].dep in ("aux", "advmod", "neg") for j in range(last + 1, i)):
            return [c for c in tree.conjuncts(k) if c >= k]
        return []
    return []


def _verb_tagged_adj(tree: Tree, t: Token) -> bool:
    """A past form the tagger read as an adjective but that takes a direct object ("and torched vehicles"): a verb."""
    return t.pos == "ADJ" and t.lower.endswith("ed") and tree.kid(t.i, "dobj") is not None


def _hyphen_lemma(toks: list[Token], t: Token) -> str | None:
    """The lemma of a hyphenated word the tokenizer split ("sit-in" -> sit, -, in; "cease-fire"), seen from its last
    part: the first part, the hyphen and the last part's lemma, when nothing separates them; else None."""
    i = t.i
    if i < 2 or toks[i - 1].text != "-" or not toks[i - 2].text.isalpha():
        return None
    if toks[i - 2].end != toks[i - 1].start or toks[i - 1].end != t.start:
        return None
    return f"{toks[i - 2].lower}-{(t.lemma or t.text).lower()}"


def _manner_frame(tree: Tree, t: Token) -> bool:
    """Whether noun ``t`` heads an idiomatic "in X of/for/with/to ..." phrase on a verb ("in support of", "in solidarity
    with", "in retaliation for", "in response to"): no determiner, a complement of its own."""
    h = tree.head(t.i)
    if h is None or t.dep != "pobj" or h.lower != "in" or h.dep != "prep" or tree.kids(t.i, "det", "poss"):
        return False
    g = tree.head(h.i)
    return (
        g is not None
        and g.pos in ("VERB", "AUX")
        and any(p.lower in ("of", "for", "with", "to", "against", "at") for p, _o in tree.preps(t.i))
    )


def _on_verb(tree: Tree, k: int, verb: int) -> bool:
    """Whether the event at token ``k`` is verb ``verb``'s own: the verb itself, its object or the noun of one of its
    phrases ("remained on alert": 'alert')."""
    for _ in range(3):
        if k == verb:
            return True
        h = tree.head(k)
        if h is None:
            return False
        k = h.i
    return False


def _describing_clause(t: Token) -> bool:
    """A relative clause or a reduced passive one ("the bomb that killed dozens", "the attacks carried out by"), not
    a participle that is the noun's own content ("a declaration demanding changes")."""
    return t.dep == "relcl" or (t.dep == "acl" and t.tag == "VBN")


WARNING_VERBS = frozenset({"warn", "caution"})
FORESEEING_MODALS = frozenset({"could", "might", "may"})
SELF_PRONOUNS = frozenset({"i", "we", "it", "they", "he", "she"})


def _forecast_warning(tree: Tree, t: Token) -> bool:
    """Whether warning verb ``t`` foresees a danger in another's doing: its that-clause has a subject of its own
    (not a pronoun for the one warning: "warned it could close the strait" is a threat) and says what could or might
    happen, or what something risks ("warned that the rules could hurt firms", "warned that the country risked war")."""
    if (t.lemma or t.text).lower() not in WARNING_VERBS or tree.kid(t.i, "xcomp") is not None:
        return False
    comp = tree.kid(t.i, "ccomp")
    if comp is None:
        return False
    subj = tree.kid(comp.i, "nsubj")
    if subj is None or subj.lower in SELF_PRONOUNS:
        return False
    warner, _ = tree.subject(t.i)
    if warner is not None and (warner.lemma or warner.text).lower() == (subj.lemma or subj.text).lower():
        return False
    aux = {k.lower for k in tree.kids(comp.i, "aux")}
    return bool(aux & FORESEEING_MODALS) or (comp.lemma or comp.text).lower() == "risk"


def _reported_relative_head(tree: Tree, t: Token) -> Token | None:
    """The noun a subjectless clause reported inside a relative clause is about: "seven hackers it said had targeted
    officials" -> "hackers" (the clause's subject is the relative's gap), else None."""
    if t.dep != "ccomp" or t.head == t.i:
        return None
    rel = tree.tokens[t.head]
    if rel.dep != "relcl" or rel.head == rel.i or tree.kid(t.i, "nsubj") is not None:
        return None
    noun = tree.tokens[rel.head]
    return noun if noun.pos in ("NOUN", "PROPN") else None


def _negated_subject(tree: Tree, t: Token) -> bool:
    """Whether the verb's subject says no one did it ("Nobody claimed the attack", "Not everyone welcomed the deal",
    "No country has recognised the junta")."""
    if t.pos not in ("VERB", "AUX"):
        return False
    subj = tree.kid(t.i, "nsubj")
    if subj is None:
        return False
    if subj.lower in ("nobody", "no-one", "none"):
        return True
    if subj.lower in ("everyone", "everybody", "all") and tree.kid(subj.i, "neg") is not None:
        return True
    return any(k.lower == "no" for k in tree.kids(subj.i, "det")) or (
        subj.lower == "one" and any(k.lower == "no" for k in tree.kids(subj.i, "det", "neg"))
    )


def _without_gerund(tree: Tree, t: Token) -> bool:
    """Whether ``t`` is a gerund after "without" ("expelled them without offering evidence"): not done."""
    h = tree.head(t.i)
    return t.dep == "pcomp" and t.tag == "VBG" and h is not None and h.lower == "without"


def _stated_past(tree: Tree, cur: Token) -> bool:
    """Whether ``cur`` is a finite clause of its own in the past or perfect ("determined that the RSF had committed
    genocide", "swore that it did not fire"): under a verb of intent it states what was done, nothing pledged."""
    if cur.dep != "ccomp" or (tree.kid(cur.i, "nsubj") is None and tree.kid(cur.i, "nsubjpass") is None):
        return False
    aux = {k.lower for k in tree.kids(cur.i, "aux", "auxpass")}
    if aux & (MODAL_HYPOTHETICAL | FUTURE | {"to"}):
        return False
    return cur.tag == "VBD" or bool(aux & {"had", "has", "have", "was", "were"})


def _no_determiner(tree: Tree, t: Token) -> bool:
    """Whether the act is negated by "no" on its noun ("no arrests were made") or on the object of its verb ("carried
    out no air strikes", "fired no shots"): the act did not happen."""

    def no(n: int) -> bool:
        # not a quoted slogan ('chanting "No vote!"')
        return any(
            k.lower == "no" and (k.i == 0 or tree.tokens[k.i - 1].tag not in ("``", "''", '"'))
            for k in tree.kids(n, "det")
        )

    if t.pos in ("NOUN", "PROPN"):
        return no(t.i)
    return any(no(o.i) for o in tree.kids(t.i, "dobj"))


def _nominal_participle(tree: Tree, t: Token) -> bool:
    """A past participle used as a noun for people ("evacuated the wounded", "freed the detained"): the parser
    tags it a verb, but with a determiner in a noun's place it names who, not an act."""
    return (
        t.pos == "VERB"
        and t.tag in ("VBN", "VBD")
        and t.dep in ("dobj", "pobj", "nsubj", "nsubjpass", "conj", "appos")
        and bool(tree.kids(t.i, "det"))
    )


def _pair_noun(tree: Tree, tok: Token) -> bool:
    """A plural noun counted as a pair: "the two ministers", "both leaders", "the two sides" (not "two soldiers
    were killed" without the article: "the" or "both" is needed)."""
    if tok.pos != "NOUN" or not tok.tag.endswith("S"):
        return False
    kids = {k.lower for k in tree.kids(tok.i, "nummod", "det", "predet", "preconj")}
    return "both" in kids or ("two" in kids and "the" in kids)


def _pair_of(d: Draft) -> list[Actor]:
    """The two parties of an act between two named parties of different countries ("X met Y"), else []."""
    if len(d.actors) != 1 or len(d.recipients) != 1:
        return []
    a, r = d.actors[0], d.recipients[0]
    kinds = ("person", "state", "sector")  # a sector with a country: "a Ugandan delegation"
    if not a.country or not r.country or a.country == r.country or a.kind not in kinds:
        return []
    return [a, r] if r.kind in kinds else []


def _origin_place(article: Article, loc: Location) -> bool:
    """Whether the place is where a violent act came from ("shells fired from Congo", "rockets launched from
    Gaza"), not where it landed: its phrase opens with "from" (the country there is no target). A withdrawal
    "from Panama" is not violence and keeps the place as its recipient."""
    toks = article.tokens
    k = next((j for j, tok in enumerate(toks) if tok.start == loc.start), None)
    if k is None:
        return False
    k -= 1
    while k >= 0 and toks[k].lower in ("the", "a", "an"):
        k -= 1
    return k >= 0 and toks[k].lower == "from"


def _same(a: Actor, b: Actor) -> bool:
    if a.entity_id and b.entity_id:
        return a.entity_id == b.entity_id
    if a.kind == b.kind == "person" and (a.entity_id or b.entity_id) and norm_key(a.name) != norm_key(b.name):
        # "Mohammed Mamoun ... to protest President Bashar Assad's failure": a person the knowledge base does not
        # hold is not a known person of the same country and sector code
        return False
    return (a.code or a.name) == (b.code or b.name) and a.country == b.country and a.kind == b.kind


def _reciprocal_code(code: str) -> bool:
    return code[:2] in ("03", "04", "05", "06") or code.startswith("057")


def _intransitive_ok(code: str) -> bool:
    # events that are complete without a recipient: protests, mobilisation, retreats, attacks with a place
    return code[:2] in ("14", "15", "08", "18", "19", "20", "04", "09")


NAMING_VERBS = frozenset({"call", "describe", "term", "label", "brand", "dub", "consider", "deem"})


def _called_objects(tree: Tree, i: int) -> list[tuple[str, Token]]:
    """``(preposition, noun)`` for "struck on what it called militant hideouts": a preposition of ``i`` whose
    complement is a naming clause; the named thing stands for the preposition's object."""
    out: list[tuple[str, Token]] = []
    for p in tree.kids(i, "prep"):
        for pc in tree.kids(p.i, "pcomp"):
            if (pc.lemma or pc.text).lower() not in NAMING_VERBS:
                continue
            if not any(k.lower == "what" for k in tree.kids(pc.i, "dobj", "nsubj", "nsubjpass")):
                continue
            named = tree.kid(pc.i, "oprd", "attr", "xcomp")
            if named is not None and named.pos in ("NOUN", "PROPN"):
                out.append((p.lower, named))
    return out


def _governing_verb(tree: Tree, i: int) -> int | None:
    for anc in tree.ancestors(i):
        if anc.pos in ("VERB", "AUX"):
            return anc.i
    return None


def trigger_dep_inherits(tree: Tree, i: int) -> bool:
    """Whether the clause of ``i`` takes the date of its governor; not one that says it came later ("took up arms
    in late 2021 and has since seized large areas", "... and later withdrew")."""
    t = tree.tokens[i]
    if any(k.lower in ("since", "later", "afterwards", "subsequently") for k in tree.kids(i, "advmod")):
        return False
    return t.head != i and t.dep in ("advcl", "conj", "xcomp") and tree.tokens[t.head].pos in ("VERB", "AUX")


def _context_country(article: Article, actors: ArticleActors, si: int) -> str | None:
    """The one country the sentence names (countries, capitals, seats of power, demonyms), when the article as a
    whole does not point elsewhere (it names no other country as often); failing any in the sentence, the one
    country the article names up to it. None when there are several or none."""
    sent = article.sentences[si]
    here: set[str] = set()
    before: set[str] = set()
    counts: dict[str, int] = {}
    for m in actors.mentions:
        a = m.actor
        if a is None or a.kind != "state" or not a.country:
            continue
        counts[a.country] = counts.get(a.country, 0) + 1
        if m.start >= sent.end:
            continue
        (here if m.start >= sent.start else before).add(a.country)
    if len(here) > 1 or (not here and len(before) != 1):
        return None
    c = next(iter(here or before))
    if any(n >= counts[c] for k, n in counts.items() if k != c):
        return None  # "Lawmakers blocked the sale Turkey requested", in an article as much about the US
    return c


def _names_inside(a: Actor, country: str, actors: ArticleActors | None) -> bool:
    """Whether a mention of ``country`` lies inside the actor's own words."""
    return actors is not None and any(
        m.actor is not None and m.actor.country == country and a.start <= m.start and m.end <= a.end
        for m in actors.mentions
    )


def _party(d: Draft, country: str) -> bool:
    """Whether ``country`` itself, named as a party, acts in the draft or is acted upon (not the country of a place
    the act happens in)."""
    named = [a for a in d.recipients if a.why != PLACE_PARTY_WHY]
    return _state_of(named, country) or any(a.kind == "state" and a.country == country for a in d.actors)


def _overlaps(a: Actor, loc: Location) -> bool:
    """Whether the actor's words are (part of) the place's words."""
    return a.start < loc.end and loc.start < a.end


# government people who may be the member states' envoys at an international body ("ministers", "officials")
IGO_MEMBER_PEOPLE = frozenset(
    {
        "minister",
        "ministers",
        "official",
        "officials",
        "diplomat",
        "diplomats",
        "envoy",
        "envoys",
        "delegate",
        "delegates",
        "delegation",
        "delegations",
        "leader",
        "leaders",
        "negotiator",
        "negotiators",
        "representative",
        "representatives",
        "ambassador",
        "ambassadors",
    }
)


def _head_word(text: str) -> str:
    """The last word of a phrase, lower-case, without a possessive ending ("the government's" -> "government")."""
    words = text.lower().split()
    return words[-1].removesuffix("'s").removesuffix("’s") if words else ""


def _state_of(side: list[Actor], country: str) -> bool:
    """Whether ``side`` holds ``country`` itself (its name, capital or seat of power)."""
    return any(a.country == country and a.kind == "state" for a in side)


def _material_conflict(code: str) -> bool:
    return code[:2] in ("18", "19", "20")


LIGHT_VERBS = frozenset(
    {
        "hold",
        "have",
        "conduct",
        "attend",
        "host",
        "begin",
        "start",
        "continue",
        "launch",
        "stage",
        "sign",
        "conclude",
        "reach",
        "seal",
        "finalize",
        "finalise",
        "open",
        "resume",
        "join",
        "renew",
        "repeat",
        "reiterate",
        "issue",
        "make",
        "put",
        "place",
    }
)


def _deed_adjective_subject(tree: Tree, t: Token) -> Token | None:
    """The subject said to have done the gerund ``t`` by a deed adjective: "X are guilty of violating the
    ceasefire", "Y was responsible for killing them" (DEED_ADJECTIVES; the gerund is the object of the adjective's
    preposition, the adjective the complement of a copula)."""
    if t.dep != "pcomp" or t.head == t.i:
        return None
    p = tree.tokens[t.head]
    adj = tree.head(p.i)
    if p.dep != "prep" or adj is None or adj.pos != "ADJ" or adj.dep != "acomp":
        return None
    if (adj.lemma or adj.text).lower() not in DEED_ADJECTIVES:
        return None
    cop = tree.head(adj.i)
    if cop is None or cop.pos not in ("VERB", "AUX"):
        return None
    subj, passive = tree.subject(cop.i)
    return None if subj is None or passive else subj


def _participant_verb(tree: Tree, i: int, agentive: frozenset[str] = frozenset()) -> int | None:
    """The verb whose subject takes part in the nominal event ``i``: the noun sits in a prepositional phrase of
    that verb ("In a meeting at the Pentagon, X and Y reiterated ...") or is the object of a light verb ("X and Y
    held talks")."""
    t = tree.tokens[i]
    h = tree.head(i)
    if h is None:
        return None
    if t.dep == "pobj" and h.dep == "prep":
        gov = tree.head(h.i)
        if gov is not None and gov.pos in ("VERB", "AUX"):
            return gov.i
        if (
            gov is not None
            and gov.pos == "ADJ"
            and gov.dep == "acomp"
            and (gov.lemma or gov.text).lower() in DEED_ADJECTIVES
            and (cop := tree.head(gov.i)) is not None
            and cop.pos in ("VERB", "AUX")
        ):
            # "Sudan's government is responsible for mass killings", "the militia was guilty of atrocities": the
            # subject did the act (not "held Iran responsible for ...", where the adjective is no complement)
            return cop.i
    if (
        t.dep in ("dobj", "attr")
        and h.pos in ("VERB", "AUX")
        and (h.lemma or h.text).lower() in LIGHT_VERBS | agentive
    ):
        return h.i
    return None


def _unknown_org(a: Actor) -> bool:
    """A name the parser took for an organisation that the knowledge base does not hold (no code)."""
    return a.kind == "org" and not a.code


def _tok_start(t: Token) -> int:
    return t.start


def _tok_end(t: Token) -> int:
    return t.end


def _token_index(toks: Sequence[Token], char: int) -> int | None:
    """The token holding ``char``, else the first one after it: the first token ending after ``char`` (tokens are
    in text order), found by bisection."""
    lo = bisect.bisect_right(toks, char, key=_tok_end)
    return toks[lo].i if lo < len(toks) else None


def toks_text(article: Article, lo: int, hi: int) -> str:
    return article.text[article.tokens[lo].start : article.tokens[hi - 1].end]
