"""The merge rules as data: date windows per type, report lags, reciprocal types, compatible pairs.

Loaded once from ``dedup/data/rules.yaml`` (schema-checked) into a frozen :class:`Rules`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from importlib.resources import files
from typing import Any

import yaml

from ..errors import DataFileError

__all__ = ["Rules", "load_rules", "parse_rules"]

_FILE = "dedup/data/rules.yaml"


@dataclass(frozen=True)
class Rules:
    version: int
    default_window: int
    windows: Mapping[str, int]
    default_report_lag: int
    report_lag: Mapping[str, int]
    reciprocal: frozenset[str]
    compatible_types: frozenset[frozenset[str]]
    compatible_modes: frozenset[frozenset[str]]
    modality_groups: tuple[frozenset[str], ...]
    commitment_types: frozenset[str] = frozenset()
    accusations: frozenset[str] = frozenset()
    # at most this many stored happenings a new event is compared with per party, nearest in date first
    # (0: no cap); bounds the dedup step's working set however many happenings a day holds
    candidate_cap: int = 0

    def accusation_pair(self, type_a: str, type_b: str) -> bool:
        """An ACCUSE and an act it may be an accusation of (see ``accusations`` in rules.yaml)."""
        return (  # the cheap tests first: most pairs asked are of one type
            type_a != type_b
            and (type_a == "ACCUSE" or type_b == "ACCUSE")
            and (type_b if type_a == "ACCUSE" else type_a) in self.accusations
        )

    def window(self, event_type: str) -> int:
        return self.windows.get(event_type, self.default_window)

    def lag(self, event_type: str) -> int:
        return self.report_lag.get(event_type, self.default_report_lag)

    def modalities_compatible(self, a: str, b: str, type_a: str = "", type_b: str = "") -> bool:
        """Same modality, or two modalities listed in one group (an unknown one merges only with itself);
        for ``commitment_types`` a pledge and its fulfilment are one happening."""
        if a == b or any(a in g and b in g for g in self.modality_groups):
            return True
        pair = {a, b}
        return (
            pair == {"asserted", "pledged"}
            and type_a in self.commitment_types
            and type_b in self.commitment_types
        )

    def with_windows(self, windows: Mapping[str, int] | None) -> Rules:
        if not windows:
            return self
        merged = dict(self.windows)
        for k, v in windows.items():
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                raise DataFileError(f"window for {k!r} must be a non-negative integer, got {v!r}")
            merged[k] = v
        return replace(self, windows=merged)


def _int(v: Any, where: str) -> int:
    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
        raise DataFileError(f"{_FILE}: {where}: expected a non-negative integer, got {v!r}")
    return v


def _int_map(v: Any, where: str) -> dict[str, int]:
    if not isinstance(v, dict):
        raise DataFileError(f"{_FILE}: {where}: expected a mapping of PLOVER type to days")
    return {str(k): _int(x, f"{where}.{k}") for k, x in v.items()}


def _pairs(v: Any, where: str) -> frozenset[frozenset[str]]:
    if not isinstance(v, list):
        raise DataFileError(f"{_FILE}: {where}: expected a list of pairs")
    out = set()
    for i, pair in enumerate(v):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) and x for x in pair)):
            raise DataFileError(f"{_FILE}: {where}[{i}]: expected a pair of names, got {pair!r}")
        out.add(frozenset(pair))
    return frozenset(out)


def parse_rules(data: Any) -> Rules:
    """Check a loaded rules document and build :class:`Rules` (raises DataFileError naming the entry)."""
    if not isinstance(data, dict):
        raise DataFileError(f"{_FILE}: expected a mapping at top level")
    known = {
        "version", "default_window", "windows", "default_report_lag", "report_lag", "reciprocal",
        "compatible_types", "compatible_modes", "modality_groups", "commitment_types", "accusations",
        "candidate_cap",
    }  # fmt: skip
    extra = sorted(set(data) - known)
    if extra:
        raise DataFileError(f"{_FILE}: unknown keys {extra}")
    if "version" not in data:
        raise DataFileError(f"{_FILE}: missing top-level 'version'")
    reciprocal = data.get("reciprocal", [])
    if not (isinstance(reciprocal, list) and all(isinstance(x, str) for x in reciprocal)):
        raise DataFileError(f"{_FILE}: reciprocal: expected a list of PLOVER types")
    groups = data.get("modality_groups", [])
    if not (isinstance(groups, list) and all(isinstance(g, list) and g for g in groups)):
        raise DataFileError(f"{_FILE}: modality_groups: expected a list of non-empty lists")
    return Rules(
        version=_int(data["version"], "version"),
        default_window=_int(data.get("default_window", 3), "default_window"),
        windows=_int_map(data.get("windows", {}), "windows"),
        default_report_lag=_int(data.get("default_report_lag", 3), "default_report_lag"),
        report_lag=_int_map(data.get("report_lag", {}), "report_lag"),
        reciprocal=frozenset(reciprocal),
        compatible_types=_pairs(data.get("compatible_types", []), "compatible_types"),
        compatible_modes=_pairs(data.get("compatible_modes", []), "compatible_modes"),
        modality_groups=tuple(frozenset(str(x) for x in g) for g in groups),
        commitment_types=frozenset(str(x) for x in data.get("commitment_types", [])),
        accusations=frozenset(str(x) for x in data.get("accusations", [])),
        candidate_cap=_int(data.get("candidate_cap", 0), "candidate_cap"),
    )


@functools.lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The packaged merge rules (read once)."""
    text = (files("tieline") / _FILE).read_text(encoding="utf-8")
    return parse_rules(yaml.safe_load(text))
