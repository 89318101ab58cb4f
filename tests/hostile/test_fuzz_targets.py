"""Run each atheris fuzz target for a bounded time (skips cleanly when atheris is not installed)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"


@pytest.mark.parametrize(("target", "seconds"), [("fuzz_ingest.py", 5), ("fuzz_coder.py", 5)])
def test_fuzz_target_runs_clean(target: str, seconds: int, tmp_path: Path) -> None:
    if importlib.util.find_spec("atheris") is None:
        pytest.skip("atheris is not installed (pip install 'atheris>=2.3,<3')")
    done = subprocess.run(
        [sys.executable, str(FUZZ / target), f"-max_total_time={seconds}", "-max_len=400", "-rss_limit_mb=3000",
         f"-artifact_prefix={tmp_path}/"],
        capture_output=True, text=True, timeout=seconds + 90, cwd=tmp_path,
    )  # fmt: skip
    tail = done.stderr[-3000:]
    assert done.returncode == 0, f"{target} found a crash:\n{tail}"
    assert "Done" in done.stderr, tail
