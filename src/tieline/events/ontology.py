"""The event ontology as data: CAMEO codes, Goldstein weights, the CAMEO -> PLOVER crosswalk,
PLOVER types, modes and contexts, and context cue words.

Data files (in ``tieline/events/data/``): ``cameo.yaml``, ``plover.yaml``, ``contexts.yaml``.
Each is checked on load; a bad entry raises :class:`tieline.errors.DataFileError` naming the
file, the entry and what is wrong.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from tieline.errors import DataFileError

_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = [
    "CameoCode",
    "Ontology",
    "PloverType",
    "load_ontology",
    "penta_class",
    "quad_class",
    "read_data_file",
]

_CODE_RE = re.compile(r"^\d{2,4}$")
_ORIENTATIONS = ("cooperation", "conflict")


def read_data_file(name: str) -> dict[str, Any]:
    """Read ``tieline/events/data/<name>`` as YAML; check it is a mapping with a ``version``."""
    path = f"events/data/{name}"
    try:
        text = (resources.files("tieline") / "events" / "data" / name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise DataFileError(f"{path}: cannot be read ({exc})") from exc
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)  # the C parser when libyaml is there
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: the top level must be a mapping")
    if "version" not in data or data["version"] in (None, ""):
        raise DataFileError(f"{path}: missing top-level `version:`")
    return data


def _root(code: str) -> int:
    if len(code) < 2 or not code[:2].isdigit():
        raise ValueError(f"not a CAMEO event code: {code!r}")
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"not a CAMEO event code (root must be 01-20): {code!r}")
    return root


def quad_class(code: str) -> int:
    """GDELT quad class of a CAMEO code: 1 verbal cooperation (01-05), 2 material cooperation
    (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)."""
    root = _root(code)
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def penta_class(code: str) -> int:
    """Penta class of a CAMEO code: 0 statement/appeal (01-02), 1 verbal cooperation (03-05),
    2 material cooperation (06-08), 3 verbal conflict (09-13 and 16), 4 material conflict
    (14, 15, 17-20)."""
    root = _root(code)
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    plover: str | None  # PLOVER type; None for CAMEO 01 (public statement)
    plover_mode: str  # "" when the type has no specific mode for this code
    quad: int
    penta: int
    root: str
    context: tuple[str, ...] = ()  # PLOVER contexts implied by the code itself


@dataclass(frozen=True)
class PloverType:
    name: str
    description: str
    orientation: str  # cooperation | conflict
    modes: tuple[str, ...]


class Ontology:
    """CAMEO codes, PLOVER types and contexts, loaded once from the data files."""

    def __init__(
        self,
        *,
        version: str,
        codes: Mapping[str, CameoCode],
        plover_types: Mapping[str, PloverType],
        contexts: Mapping[str, str],
        context_cues: Mapping[str, tuple[str, ...]],
    ) -> None:
        self.version = version
        self._codes = dict(codes)
        self.plover_types: dict[str, PloverType] = dict(plover_types)
        self.contexts: dict[str, str] = dict(contexts)
        # cue -> contexts; single-word cues and multi-word phrases are matched separately
        self.context_cues: dict[str, tuple[str, ...]] = dict(context_cues)
        words: dict[str, list[str]] = {}
        phrases: dict[tuple[str, ...], list[str]] = {}
        for ctx, cues in self.context_cues.items():
            for cue in cues:
                parts = tuple(cue.split())
                if len(parts) == 1:
                    words.setdefault(parts[0], []).append(ctx)
                else:
                    phrases.setdefault(parts, []).append(ctx)
        self._cue_words = {k: tuple(v) for k, v in words.items()}
        self._cue_phrases = {k: tuple(v) for k, v in phrases.items()}
        self._max_phrase = max((len(p) for p in self._cue_phrases), default=1)
        self._phrase_firsts = frozenset(p[0] for p in self._cue_phrases)  # a phrase can start only at these

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls) -> Ontology:
        plover = read_data_file("plover.yaml")
        cameo = read_data_file("cameo.yaml")
        cues = read_data_file("contexts.yaml")
        plover_types, contexts = _parse_plover(plover)
        codes = _parse_cameo(cameo, plover_types, contexts)
        context_cues = _parse_cues(cues, contexts)
        version = f"cameo{cameo['version']}-plover{plover['version']}-contexts{cues['version']}"
        return cls(
            version=version,
            codes=codes,
            plover_types=plover_types,
            contexts=contexts,
            context_cues=context_cues,
        )

    # ------------------------------------------------------------------ lookups
    @property
    def codes(self) -> dict[str, CameoCode]:
        """All known codes (a copy), keyed by code string."""
        return dict(self._codes)

    def has_code(self, code: str) -> bool:
        return code in self._codes

    def cameo(self, code: str) -> CameoCode:
        """The record for ``code``; an unknown code falls back to its longest known prefix
        (``"0429"`` -> ``"042"``). Raises KeyError when not even the root is known."""
        code = str(code).strip()
        for n in range(len(code), 1, -1):
            hit = self._codes.get(code[:n])
            if hit is not None:
                return hit
        raise KeyError(f"unknown CAMEO code: {code!r}")

    def plover_type(self, name: str) -> PloverType:
        try:
            return self.plover_types[name.upper()]
        except KeyError:
            raise KeyError(f"unknown PLOVER type: {name!r}") from None

    def contexts_for(self, lemmas: Iterable[str]) -> list[str]:
        """PLOVER contexts whose cues occur among ``lemmas`` (a sequence of lower-case lemmas, in
        text order so that phrase cues can match), most frequent first; ties keep the order of
        the contexts in plover.yaml."""
        seq = [lemma.lower() for lemma in lemmas]
        counts: Counter[str] = Counter()
        for i, lemma in enumerate(seq):
            for ctx in self._cue_words.get(lemma, ()):
                counts[ctx] += 1
            if lemma not in self._phrase_firsts:
                continue
            for n in range(2, self._max_phrase + 1):
                if i + n > len(seq):
                    break
                for ctx in self._cue_phrases.get(tuple(seq[i : i + n]), ()):
                    counts[ctx] += 1
        order = {name: k for k, name in enumerate(self.contexts)}
        return sorted(counts, key=lambda c: (-counts[c], order.get(c, len(order))))


# ---------------------------------------------------------------------- parsing
def _parse_plover(data: dict[str, Any]) -> tuple[dict[str, PloverType], dict[str, str]]:
    f = "events/data/plover.yaml"
    types_raw = data.get("types")
    if not isinstance(types_raw, dict) or not types_raw:
        raise DataFileError(f"{f}: `types` must be a non-empty mapping")
    types: dict[str, PloverType] = {}
    for name, entry in types_raw.items():
        if not isinstance(name, str) or name != name.upper():
            raise DataFileError(f"{f}: type {name!r}: type names are upper-case strings")
        if not isinstance(entry, dict):
            raise DataFileError(f"{f}: type {name}: must be a mapping")
        desc = entry.get("description")
        if not isinstance(desc, str) or not desc.strip():
            raise DataFileError(f"{f}: type {name}: missing `description`")
        orient = entry.get("orientation")
        if orient not in _ORIENTATIONS:
            raise DataFileError(
                f"{f}: type {name}: `orientation` must be one of {_ORIENTATIONS}, got {orient!r}"
            )
        modes = entry.get("modes", [])
        if not isinstance(modes, list) or not all(isinstance(m, str) and m for m in modes):
            raise DataFileError(f"{f}: type {name}: `modes` must be a list of non-empty strings")
        if len(set(modes)) != len(modes):
            raise DataFileError(f"{f}: type {name}: duplicate modes")
        types[name] = PloverType(name=name, description=desc.strip(), orientation=orient, modes=tuple(modes))
    ctx_raw = data.get("contexts")
    if not isinstance(ctx_raw, dict) or not ctx_raw:
        raise DataFileError(f"{f}: `contexts` must be a non-empty mapping")
    contexts: dict[str, str] = {}
    for name, desc in ctx_raw.items():
        if not isinstance(name, str) or name != name.lower():
            raise DataFileError(f"{f}: context {name!r}: context names are lower-case strings")
        if not isinstance(desc, str) or not desc.strip():
            raise DataFileError(f"{f}: context {name}: missing description")
        contexts[name] = desc.strip()
    return types, contexts


def _parse_cameo(
    data: dict[str, Any], types: Mapping[str, PloverType], contexts: Mapping[str, str]
) -> dict[str, CameoCode]:
    f = "events/data/cameo.yaml"
    rows = data.get("codes")
    if not isinstance(rows, list) or not rows:
        raise DataFileError(f"{f}: `codes` must be a non-empty list")
    codes: dict[str, CameoCode] = {}
    for k, row in enumerate(rows):
        where = f"{f}: entry {k}"
        if not isinstance(row, dict):
            raise DataFileError(f"{where}: must be a mapping")
        code = row.get("code")
        if not isinstance(code, str) or not _CODE_RE.match(code):
            raise DataFileError(f"{where}: `code` must be a quoted string of 2-4 digits, got {code!r}")
        where = f"{f}: code {code}"
        try:
            root = _root(code)
        except ValueError as exc:
            raise DataFileError(f"{where}: {exc}") from None
        if code in codes:
            raise DataFileError(f"{where}: duplicate code")
        if len(code) > 2 and code[:2] not in codes:
            raise DataFileError(f"{where}: its root {code[:2]} must come before it")
        if len(code) == 4 and code[:3] not in codes:
            raise DataFileError(f"{where}: its parent {code[:3]} must come before it")
        name = row.get("name")
        if not isinstance(name, str) or not name.strip():
            raise DataFileError(f"{where}: missing `name`")
        g = row.get("goldstein")
        if isinstance(g, bool) or not isinstance(g, int | float) or not -10.0 <= float(g) <= 10.0:
            raise DataFileError(f"{where}: `goldstein` must be a number in [-10, 10], got {g!r}")
        if "plover" not in row:
            raise DataFileError(f"{where}: missing `plover` (use null for no PLOVER type)")
        plover = row.get("plover")
        mode = row.get("plover_mode", "") or ""
        if plover is None:
            if root != 1:
                raise DataFileError(f"{where}: only CAMEO 01 codes may have `plover: null`")
            if mode:
                raise DataFileError(f"{where}: a mode without a PLOVER type")
        else:
            if plover not in types:
                raise DataFileError(f"{where}: unknown PLOVER type {plover!r}")
            if not isinstance(mode, str) or (mode and mode not in types[plover].modes):
                raise DataFileError(f"{where}: mode {mode!r} is not a mode of {plover} (see plover.yaml)")
        ctx = row.get("context", []) or []
        if not isinstance(ctx, list) or any(c not in contexts for c in ctx):
            raise DataFileError(f"{where}: `context` must list contexts from plover.yaml, got {ctx!r}")
        codes[code] = CameoCode(
            code=code,
            name=name.strip(),
            goldstein=float(g),
            plover=plover,
            plover_mode=mode,
            quad=quad_class(code),
            penta=penta_class(code),
            root=code[:2],
            context=tuple(ctx),
        )
    missing = [f"{r:02d}" for r in range(1, 21) if f"{r:02d}" not in codes]
    if missing:
        raise DataFileError(f"{f}: missing root codes {missing}")
    return codes


def _parse_cues(data: dict[str, Any], contexts: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    f = "events/data/contexts.yaml"
    raw = data.get("cues")
    if not isinstance(raw, dict) or not raw:
        raise DataFileError(f"{f}: `cues` must be a non-empty mapping of context -> list of cues")
    out: dict[str, tuple[str, ...]] = {}
    for ctx, cues in raw.items():
        if ctx not in contexts:
            raise DataFileError(f"{f}: context {ctx!r} is not declared in plover.yaml")
        if not isinstance(cues, list) or not cues:
            raise DataFileError(f"{f}: context {ctx}: cues must be a non-empty list")
        clean: list[str] = []
        for cue in cues:
            if not isinstance(cue, str) or not cue.strip():
                raise DataFileError(f"{f}: context {ctx}: cue {cue!r} must be a non-empty string")
            if cue != cue.lower():
                raise DataFileError(f"{f}: context {ctx}: cue {cue!r} must be lower-case")
            norm = " ".join(cue.split())
            if norm not in clean:
                clean.append(norm)
        out[ctx] = tuple(clean)
    return out


@functools.lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The ontology from the packaged data files, loaded once."""
    return Ontology.load()
