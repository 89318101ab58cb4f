"""The pattern lexicon: verb and noun event triggers and modality cues, loaded from data.

Data files (in ``tieline/events/data/``):

``verbs.yaml``
    ``classes`` (name -> list of lemmas, usable as ``@name``) and ``verbs`` (a list of patterns:
    ``verb``, ``code``, optional ``prep``, ``object``, ``recipient``, ``object_is``, ``xcomp``).
``nouns.yaml``
    ``nouns``: ``noun``, ``code``, optional ``prep``, ``agent_prep``, ``reciprocal_prep``,
    ``modifier``.
``modality.yaml``
    cue sets (name -> list of lemmas) the coder uses for modality.

Every CAMEO code a pattern names must exist in the ontology (checked on load). A pattern's
``source`` is ``"<file>#<line>"``, the line of the entry in its data file, for audit trails.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from tieline.errors import DataFileError
from tieline.events.ontology import Ontology, load_ontology

_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = [
    "RECIPIENT_ROLES",
    "Lexicon",
    "NounPattern",
    "VerbPattern",
    "load_lexicon",
]

#: allowed values of a verb pattern's ``recipient`` field ("theme" is implied by ``object_is: theme``; "converse": the
#: object of ``prep`` does the act and the subject receives it, "received weapons from the government")
RECIPIENT_ROLES = ("object", "prep", "none", "theme", "converse")
#: modality cue sets every modality.yaml must define
REQUIRED_MODALITY = ("pledged", "threatened", "negated_verbs", "negators", "hypothetical", "reporting")

_VERB_KEYS = {
    "verb",
    "code",
    "prep",
    "object",
    "subject",
    "recipient",
    "object_is",
    "xcomp",
    "needs_xcomp",
    "standalone",
    "note",
}
_NOUN_KEYS = {"noun", "code", "prep", "agent_prep", "reciprocal_prep", "modifier", "standalone", "note"}


@dataclass(frozen=True)
class VerbPattern:
    """One verb trigger. ``object`` is the set of lemmas the verb's direct object head must be in
    (``None``: any or no object); ``prep`` the preposition/particle the verb must govern.
    ``recipient``: which argument holds the recipient (``object``, ``prep``, ``none`` or
    ``theme``; ``None`` means the default: ``prep`` when ``prep`` is set, else ``object``).
    ``theme`` (set whenever the entry says ``object_is: theme``) means the direct object is the
    thing given or sent and the recipient comes from a ``to``/``for``/``with``/... phrase. ``xcomp``: look at the verb's to-infinitive complement for a
    more specific code. ``subject``: the set of lemmas the subject head must be in ("troops arrived" is a
    deployment, not a visit); ``None``: any subject. ``standalone``: the verb with this object is a complete
    security event even when no party is named ("weapons were seized", "grenades were hurled"). ``needs_xcomp``: the
    pattern applies only when the verb governs a to-infinitive ("ordered Menem to appear", not "ordered the expulsion
    of"). ``specificity``: 2 for an object or a subject set, plus 1 for a preposition."""

    verb: str
    code: str
    prep: str | None
    object: frozenset[str] | None
    recipient: str | None
    xcomp: bool
    specificity: int
    source: str
    object_is: str | None = None
    subject: frozenset[str] | None = None
    standalone: bool = False
    needs_xcomp: bool = False

    def matches(self, object_lemma: str | None = None, preps: Iterable[str] = ()) -> bool:
        """Whether the pattern fits a verb with this direct-object lemma and these prepositions
        or particles among its children."""
        if self.object is not None and (object_lemma is None or object_lemma.lower() not in self.object):
            return False
        return not (self.prep is not None and self.prep not in {p.lower() for p in preps})

    @property
    def recipient_role(self) -> str:
        """The effective recipient role: ``recipient`` or its default (``prep``/``object``)."""
        if self.recipient is not None:
            return self.recipient
        return "prep" if self.prep is not None else "object"


@dataclass(frozen=True)
class NounPattern:
    """One nominal trigger. ``prep``: prepositions introducing the recipient ("attack on X");
    ``agent_prep``: the actor ("attack by X"); ``reciprocal_prep``: both sides ("talks between X
    and Y"). ``modifier``: lemmas one of which must modify the noun (compound or adjective:
    "hunger strike"); ``None``: no requirement. ``standalone``: with its modifier the noun names a complete
    act of war even when no party is named ("a grenade attack", "a suicide bombing")."""

    noun: str
    code: str
    prep: tuple[str, ...]
    agent_prep: tuple[str, ...]
    reciprocal_prep: tuple[str, ...]
    source: str
    modifier: frozenset[str] | None = None
    standalone: bool = False

    def matches(self, modifiers: Iterable[str] = ()) -> bool:
        if self.modifier is None:
            return True
        return any(m.lower() in self.modifier for m in modifiers)

    @property
    def specificity(self) -> int:
        return 0 if self.modifier is None else 1


def _data_digest() -> str:
    """A digest of every file in events/data: the coder version an event records changes whenever a pattern,
    sense, role cue or the calibration does, not only when a file's declared version is bumped."""
    h = hashlib.sha256()
    folder = resources.files("tieline") / "events" / "data"
    for f in sorted((x for x in folder.iterdir() if x.name.endswith(".yaml")), key=lambda x: x.name):
        h.update(f.name.encode("utf-8") + b"\0" + f.read_bytes() + b"\0")
    return "sha256=" + h.hexdigest()[:12]


def _read(name: str) -> tuple[dict[str, Any], dict[str, list[int]]]:
    """Load a data file; also return, for each top-level list, the line of each item."""
    path = f"events/data/{name}"
    try:
        text = (resources.files("tieline") / "events" / "data" / name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise DataFileError(f"{path}: cannot be read ({exc})") from exc
    try:
        # One pass of the C parser (15x faster than safe_load + compose with the Python one): the node
        # tree gives the item lines, and the same tree is constructed into the data.
        loader = _YAML_LOADER(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: the top level must be a mapping")
    if "version" not in data or data["version"] in (None, ""):
        raise DataFileError(f"{path}: missing top-level `version:`")
    lines: dict[str, list[int]] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(value, yaml.SequenceNode):
                lines[str(key.value)] = [item.start_mark.line + 1 for item in value.value]
    return data, lines


def _lemma_list(value: Any, where: str, what: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise DataFileError(f"{where}: `{what}` must be a string or a non-empty list of strings")
    out: list[str] = []
    for v in value:
        if isinstance(v, bool):
            raise DataFileError(
                f'{where}: `{what}` has the boolean {v!r}: quote YAML words such as "on", "off", "no"'
            )
        if not isinstance(v, str) or not v.strip():
            raise DataFileError(f"{where}: `{what}` has an empty or non-string item {v!r}")
        if v != v.lower():
            raise DataFileError(f"{where}: `{what}` item {v!r} must be lower-case")
        out.append(v.strip())
    return out


def _expand(items: list[str], classes: Mapping[str, frozenset[str]], where: str, what: str) -> frozenset[str]:
    out: set[str] = set()
    for item in items:
        if item.startswith("@"):
            cls = classes.get(item[1:])
            if cls is None:
                raise DataFileError(f"{where}: `{what}` names an unknown class {item!r}")
            out |= cls
        else:
            out.add(item)
    return frozenset(out)


def _check_code(code: Any, where: str, ontology: Ontology) -> str:
    if not isinstance(code, str):
        raise DataFileError(f'{where}: `code` must be a quoted string such as "042", got {code!r}')
    if not ontology.has_code(code):
        raise DataFileError(f"{where}: CAMEO code {code!r} does not exist in cameo.yaml")
    return code


class Lexicon:
    """Verb and noun patterns, word classes and modality cues."""

    def __init__(
        self,
        *,
        version: str,
        verbs: Iterable[VerbPattern],
        nouns: Iterable[NounPattern],
        classes: Mapping[str, frozenset[str]],
        modality: Mapping[str, frozenset[str]],
        repeatable: Iterable[str] = (),
    ) -> None:
        self.version = version
        self.repeatable = frozenset(repeatable)
        self.classes: dict[str, frozenset[str]] = dict(classes)
        self.modality: dict[str, frozenset[str]] = dict(modality)
        by_verb: dict[str, list[VerbPattern]] = {}
        for v in verbs:
            by_verb.setdefault(v.verb, []).append(v)
        # most specific first; among equals the narrower object set, then file order (stable sort)
        self._verbs = {k: tuple(sorted(v, key=_verb_order)) for k, v in by_verb.items()}
        by_noun: dict[str, list[NounPattern]] = {}
        for n in nouns:
            by_noun.setdefault(n.noun, []).append(n)
        self._nouns = {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in by_noun.items()}

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, ontology: Ontology | None = None) -> Lexicon:
        onto = ontology if ontology is not None else load_ontology()
        vdata, vlines = _read("verbs.yaml")
        ndata, nlines = _read("nouns.yaml")
        mdata, _ = _read("modality.yaml")
        classes = _parse_classes(vdata)
        verbs = _parse_verbs(vdata, vlines.get("verbs", []), classes, onto)
        nouns = _parse_nouns(ndata, nlines.get("nouns", []), classes, onto)
        modality = _parse_modality(mdata)
        repeatable = _lemma_list(vdata.get("repeatable") or [], "events/data/verbs.yaml", "repeatable")
        unknown = [v for v in repeatable if not any(p.verb == v for p in verbs)]
        if unknown:
            raise DataFileError(
                f"events/data/verbs.yaml: `repeatable` names verbs with no pattern: {unknown}"
            )
        version = (
            f"verbs{vdata['version']}-nouns{ndata['version']}-modality{mdata['version']};{_data_digest()}"
        )
        return cls(
            version=version,
            verbs=verbs,
            nouns=nouns,
            classes=classes,
            modality=modality,
            repeatable=repeatable,
        )

    # ------------------------------------------------------------------ lookups
    def verbs(self, lemma: str) -> list[VerbPattern]:
        """All patterns for a trigger lemma, most specific first (prep+object > object > prep > bare;
        among equals, the one with the smaller object set first, then file order). A lemma with no pattern of its
        own that is a repeatable verb with "re" ("reimpose", "re-open", "redeploy") takes that verb's patterns."""
        lemma = lemma.lower()
        found = self._verbs.get(lemma)
        if found is None and lemma.startswith("re"):
            stem = lemma[3:] if lemma.startswith("re-") else lemma[2:]
            if stem in self.repeatable:
                found = self._verbs.get(stem)
        return list(found or ())

    def nouns(self, lemma: str, modifiers: Iterable[str] | None = None) -> list[NounPattern]:
        """Noun patterns for a head-noun lemma that apply given its modifiers.

        Without ``modifiers`` (None): only the patterns with no modifier requirement, so that a
        caller taking the first pattern gets the plain sense ("strike" -> 190, never the
        "hunger strike" pattern). With ``modifiers`` (the lemmas of the noun's compound/amod
        children): the patterns whose modifier requirement is met first, then the plain ones.
        ``noun_patterns`` lists every pattern."""
        pats = self._nouns.get(lemma.lower(), ())
        if modifiers is None:
            return [p for p in pats if p.modifier is None]
        mods = tuple(modifiers)
        return [p for p in pats if p.modifier is not None and p.matches(mods)] + [
            p for p in pats if p.modifier is None
        ]

    def match_verb(
        self, lemma: str, *, object_lemma: str | None = None, preps: Iterable[str] = ()
    ) -> VerbPattern | None:
        """The most specific pattern for ``lemma`` that fits the given object and prepositions."""
        preps = tuple(preps)
        for p in self._verbs.get(lemma.lower(), ()):
            if p.matches(object_lemma, preps):
                return p
        return None

    def match_noun(self, lemma: str, *, modifiers: Iterable[str] = ()) -> NounPattern | None:
        """The most specific noun pattern for ``lemma`` whose modifier requirement is met."""
        pats = self.nouns(lemma, tuple(modifiers))
        return pats[0] if pats else None

    def is_verb_trigger(self, lemma: str) -> bool:
        return lemma.lower() in self._verbs

    def is_noun_trigger(self, lemma: str) -> bool:
        return lemma.lower() in self._nouns

    def cue(self, name: str, lemma: str) -> bool:
        """Whether ``lemma`` is in the modality cue set ``name``."""
        return lemma.lower() in self.modality.get(name, frozenset())

    @property
    def verb_patterns(self) -> list[VerbPattern]:
        return [p for ps in self._verbs.values() for p in ps]

    @property
    def noun_patterns(self) -> list[NounPattern]:
        return [p for ps in self._nouns.values() for p in ps]


def _verb_order(p: VerbPattern) -> tuple[int, int]:
    return (-p.specificity, len(p.object) if p.object is not None else 0)


# ---------------------------------------------------------------------- parsing
def _parse_classes(data: dict[str, Any]) -> dict[str, frozenset[str]]:
    f = "events/data/verbs.yaml"
    raw = data.get("classes", {}) or {}
    if not isinstance(raw, dict):
        raise DataFileError(f"{f}: `classes` must be a mapping of name -> list of lemmas")
    out: dict[str, frozenset[str]] = {}
    for name, items in raw.items():
        if not isinstance(name, str) or not name.isidentifier():
            raise DataFileError(f"{f}: class name {name!r} must be an identifier")
        out[name] = frozenset(_lemma_list(items, f"{f}: class {name}", "items"))
    return out


def _parse_verbs(
    data: dict[str, Any], lines: list[int], classes: Mapping[str, frozenset[str]], onto: Ontology
) -> list[VerbPattern]:
    f = "events/data/verbs.yaml"
    rows = data.get("verbs")
    if not isinstance(rows, list) or not rows:
        raise DataFileError(f"{f}: `verbs` must be a non-empty list")
    out: list[VerbPattern] = []
    seen: dict[tuple[str, str | None, frozenset[str] | None, frozenset[str] | None], str] = {}
    for k, row in enumerate(rows):
        line = lines[k] if k < len(lines) else k
        where = f"{f}: entry at line {line}"
        if not isinstance(row, dict):
            raise DataFileError(f"{where}: must be a mapping")
        unknown = set(row) - _VERB_KEYS
        if unknown:
            raise DataFileError(f"{where}: unknown keys {sorted(unknown)}")
        verb = row.get("verb")
        if not isinstance(verb, str) or not verb or verb != verb.lower() or " " in verb.strip():
            raise DataFileError(f"{where}: `verb` must be one lower-case lemma, got {verb!r}")
        where = f"{f}: entry at line {line} ({verb})"
        code = _check_code(row.get("code"), where, onto)
        prep = row.get("prep")
        if isinstance(prep, bool):
            raise DataFileError(f'{where}: `prep` is the boolean {prep!r}: quote it ("on", "off")')
        if prep is not None and (not isinstance(prep, str) or prep != prep.lower() or " " in prep):
            raise DataFileError(f"{where}: `prep` must be one lower-case word, got {prep!r}")
        obj: frozenset[str] | None = None
        if row.get("object") is not None:
            obj = _expand(_lemma_list(row["object"], where, "object"), classes, where, "object")
        recipient = row.get("recipient")
        if recipient is not None and recipient not in RECIPIENT_ROLES:
            raise DataFileError(f"{where}: `recipient` must be one of {RECIPIENT_ROLES}, got {recipient!r}")
        if recipient == "prep" and prep is None and row.get("object_is") != "theme":
            raise DataFileError(f"{where}: `recipient: prep` needs a `prep`")
        if recipient == "converse" and prep is None:
            raise DataFileError(f"{where}: `recipient: converse` needs a `prep` (the giver's phrase)")
        object_is = row.get("object_is")
        if object_is is not None and object_is != "theme":
            raise DataFileError(f"{where}: `object_is` can only be `theme`, got {object_is!r}")
        if object_is == "theme" and recipient is None:
            recipient = "theme"
        xcomp = row.get("xcomp", False)
        if not isinstance(xcomp, bool):
            raise DataFileError(f"{where}: `xcomp` must be true or false")
        needs_xcomp = row.get("needs_xcomp", False)
        if not isinstance(needs_xcomp, bool):
            raise DataFileError(f"{where}: `needs_xcomp` must be true or false")
        subject: frozenset[str] | None = None
        if row.get("subject") is not None:
            subject = _expand(_lemma_list(row["subject"], where, "subject"), classes, where, "subject")
        standalone = row.get("standalone", False)
        if not isinstance(standalone, bool):
            raise DataFileError(f"{where}: `standalone` must be true or false")
        if standalone and obj is None and row.get("subject") is None:
            raise DataFileError(
                f"{where}: `standalone: true` needs an `object` or a `subject` (the word that makes the act clear)"
            )
        key = (verb, prep, obj, subject)
        if key in seen:
            raise DataFileError(f"{where}: the same pattern is already defined at {seen[key]}")
        source = f"verbs.yaml#{line}"
        seen[key] = source
        specificity = (2 if obj is not None or subject is not None else 0) + (1 if prep is not None else 0)
        out.append(
            VerbPattern(
                verb=verb,
                code=code,
                prep=prep,
                object=obj,
                recipient=recipient,
                xcomp=xcomp,
                specificity=specificity,
                source=source,
                object_is=object_is,
                subject=subject,
                standalone=standalone,
                needs_xcomp=needs_xcomp,
            )
        )
    return out


def _parse_nouns(
    data: dict[str, Any], lines: list[int], classes: Mapping[str, frozenset[str]], onto: Ontology
) -> list[NounPattern]:
    f = "events/data/nouns.yaml"
    rows = data.get("nouns")
    if not isinstance(rows, list) or not rows:
        raise DataFileError(f"{f}: `nouns` must be a non-empty list")
    out: list[NounPattern] = []
    seen: dict[tuple[str, frozenset[str] | None], str] = {}
    for k, row in enumerate(rows):
        line = lines[k] if k < len(lines) else k
        where = f"{f}: entry at line {line}"
        if not isinstance(row, dict):
            raise DataFileError(f"{where}: must be a mapping")
        unknown = set(row) - _NOUN_KEYS
        if unknown:
            raise DataFileError(f"{where}: unknown keys {sorted(unknown)}")
        noun = row.get("noun")
        if not isinstance(noun, str) or not noun or noun != noun.lower() or " " in noun.strip():
            raise DataFileError(f"{where}: `noun` must be one lower-case lemma, got {noun!r}")
        where = f"{f}: entry at line {line} ({noun})"
        code = _check_code(row.get("code"), where, onto)
        preps: dict[str, tuple[str, ...]] = {}
        for key in ("prep", "agent_prep", "reciprocal_prep"):
            value = row.get(key)
            preps[key] = () if value is None else tuple(_lemma_list(value, where, key))
        modifier: frozenset[str] | None = None
        if row.get("modifier") is not None:
            modifier = _expand(_lemma_list(row["modifier"], where, "modifier"), classes, where, "modifier")
        standalone = row.get("standalone", False)
        if not isinstance(standalone, bool):
            raise DataFileError(f"{where}: `standalone` must be true or false")
        if standalone and modifier is None:
            raise DataFileError(
                f"{where}: `standalone: true` needs a `modifier` (the weapon that makes the act clear)"
            )
        dkey = (noun, modifier)
        if dkey in seen:
            raise DataFileError(f"{where}: the same noun pattern is already defined at {seen[dkey]}")
        source = f"nouns.yaml#{line}"
        seen[dkey] = source
        out.append(
            NounPattern(
                noun=noun,
                code=code,
                prep=preps["prep"],
                agent_prep=preps["agent_prep"],
                reciprocal_prep=preps["reciprocal_prep"],
                source=source,
                modifier=modifier,
                standalone=standalone,
            )
        )
    return out


def _parse_modality(data: dict[str, Any]) -> dict[str, frozenset[str]]:
    f = "events/data/modality.yaml"
    out: dict[str, frozenset[str]] = {}
    for name, items in data.items():
        if name == "version":
            continue
        if not isinstance(name, str) or not name.isidentifier():
            raise DataFileError(f"{f}: cue set name {name!r} must be an identifier")
        out[name] = frozenset(_lemma_list(items, f"{f}: cue set {name}", "cues"))
    missing = [n for n in REQUIRED_MODALITY if n not in out]
    if missing:
        raise DataFileError(f"{f}: missing cue sets {missing}")
    return out


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon from the packaged data files (checked against the ontology), loaded once."""
    return Lexicon.load(load_ontology())
