"""The confidence data file (events/data/confidence.yaml) and the calibration fit, without the model."""

from __future__ import annotations

import importlib.util
import itertools
import math
from pathlib import Path
from typing import Any

import pytest

from tieline.errors import DataFileError
from tieline.events import coder as coder_mod

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fit_confidence.py"


def _load_script() -> Any:
    spec = importlib.util.spec_from_file_location("fit_confidence", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_packaged_confidence_file_is_valid_and_monotone() -> None:
    weights, cal = coder_mod._read_confidence()
    assert set(weights) == set(coder_mod._SCORE_KEYS)
    assert cal is not None and cal[0] > 0
    a, b = cal
    raw = [weights["floor"] + k * 0.01 for k in range(int((weights["ceiling"] - weights["floor"]) * 100) + 1)]
    probs = [round(1 / (1 + math.exp(-(a * x + b))), 3) for x in raw]
    # strictly increasing after rounding: the calibration never changes which event is the main one
    assert all(p < q for p, q in itertools.pairwise(probs))
    assert probs[0] > 0.0 and probs[-1] < 1.0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"version": 1, "score": {"base": 0.4}}, "misses"),
        (
            {"version": 1, "score": {k: 0.1 for k in coder_mod._SCORE_KEYS} | {"base": "high"}},
            "must be a number",
        ),
        (
            {"version": 1, "score": {k: 0.1 for k in coder_mod._SCORE_KEYS} | {"floor": 0.9, "ceiling": 0.2}},
            "floor < ceiling",
        ),
        (
            {
                "version": 1,
                "score": {k: 0.1 for k in coder_mod._SCORE_KEYS} | {"floor": 0.05, "ceiling": 0.95},
                "calibration": {"a": -1.0, "b": 0.0},
            },
            "monotone",
        ),
    ],
)
def test_bad_confidence_file_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, data: Any, message: str
) -> None:
    monkeypatch.setattr(coder_mod, "read_data_file", lambda name: data)
    with pytest.raises(DataFileError, match=message):
        coder_mod._read_confidence()


def test_fit_recovers_a_known_logistic_map() -> None:
    fit = _load_script()
    a0, b0 = 6.0, -3.0
    pairs: list[tuple[float, bool]] = []
    for k in range(5, 96):
        x = k / 100
        n = 200
        pos = round(n / (1 + math.exp(-(a0 * x + b0))))
        pairs += [(x, True)] * pos + [(x, False)] * (n - pos)
    a, b = fit.fit(pairs)
    assert abs(a - a0) < 0.2 and abs(b - b0) < 0.1
    # the fitted map is calibrated on its own data
    from tieline.evaluation.protocol import calibration

    assert calibration(fit.apply(pairs, a, b))["ece"] < 0.01
