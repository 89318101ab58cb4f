"""`tieline demo` then `tieline dyad USA KEN --plot`: the chart a person gets after `make demo` is real.

The eleventh sample article is US-Kenya (three cooperation events in May 2024); the chart must show them as
a bar of readable width among empty neighbouring months, with the Goldstein point, not a blank or a
wall-to-wall bar.
"""

from __future__ import annotations

import datetime as dt
import struct
from pathlib import Path

import pytest
from click.testing import CliRunner

from tieline.analysis.plot import MIN_SLOTS, pad_rows, plot_timeline
from tieline.cli import cli

VERBAL_COOP = (0x7F / 255, 0xB3 / 255, 0xD5 / 255)


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _share_of(path: Path, rgb: tuple[float, float, float]) -> float:
    """The share of the image's pixels that have this colour (within rounding)."""
    from matplotlib.image import imread

    img = imread(str(path))[..., :3]
    close = (
        (abs(img[..., 0] - rgb[0]) < 0.02)
        & (abs(img[..., 1] - rgb[1]) < 0.02)
        & (abs(img[..., 2] - rgb[2]) < 0.02)
    )
    return float(close.mean())


@pytest.mark.model
def test_demo_then_dyad_plot_is_a_readable_chart(tmp_path: Path, pipe: object) -> None:
    db = str(tmp_path / "demo.duckdb")
    runner = CliRunner()
    res = runner.invoke(cli, ["demo", "--db", db])
    assert res.exit_code == 0, res.output
    assert "happenings" in res.output
    out = tmp_path / "timeline.png"
    res = runner.invoke(cli, ["dyad", "USA", "KEN", "--db", db, "--plot", str(out), "--format", "json"])
    assert res.exit_code == 0, res.output
    width, height = _png_size(out)
    assert 1000 <= width <= 2000 and 600 <= height <= 900, (width, height)
    assert out.stat().st_size > 20_000
    bar = _share_of(out, VERBAL_COOP)
    # one month's bar among seven slots: clearly there, far from filling the plot
    assert 0.01 < bar < 0.12, bar
    res = runner.invoke(cli, ["happenings", "--db", db, "--dyad", "USA:KEN", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    assert res.output.count("\n") >= 1


def _row(start: str, end: str, period: str, coop: int = 0, conflict: int = 0) -> dict:
    return {"period": period, "start": start, "end": end, "events": coop + conflict,
            "verbal_cooperation": coop, "material_cooperation": 0, "verbal_conflict": conflict,
            "material_conflict": 0, "cooperation": coop, "conflict": conflict,
            "goldstein_mean": 3.0 if coop + conflict else None}  # fmt: skip


def test_pad_rows_adds_true_empty_periods_around_a_short_timeline() -> None:
    rows = [_row("2024-05-01", "2024-05-31", "2024-05", coop=3)]
    padded = pad_rows(rows)
    assert len(padded) == MIN_SLOTS
    assert [r["period"] for r in padded] == [f"2024-{m:02d}" for m in range(2, 9)]
    assert [r["events"] for r in padded] == [0, 0, 0, 3, 0, 0, 0]
    days = pad_rows([_row("2024-01-18", "2024-01-18", "2024-01-18", conflict=2)], slots=3)
    assert [r["start"] for r in days] == ["2024-01-17", "2024-01-18", "2024-01-19"]
    long = [
        _row(
            f"2024-{m:02d}-01", (dt.date(2024, m + 1, 1) - dt.timedelta(days=1)).isoformat(), f"2024-{m:02d}"
        )
        for m in range(1, 10)
    ]
    assert pad_rows(long) == long


def test_conflict_only_and_single_point_charts_draw(tmp_path: Path) -> None:
    out = plot_timeline(
        [_row("2024-W03", "2024-01-21", "2024-W03", conflict=4) | {"start": "2024-01-15"}], tmp_path / "c.png"
    )
    assert _png_size(out)[0] >= 1000
    assert _share_of(out, (0xF5 / 255, 0xB7 / 255, 0xB1 / 255)) > 0.01  # the verbal-conflict bar
