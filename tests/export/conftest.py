"""Export tests reuse the analysis tests' event builders (``tests/analysis/analysis_kit.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

_KIT = str(Path(__file__).resolve().parents[1] / "analysis")
if _KIT not in sys.path:
    sys.path.insert(0, _KIT)
