"""``tieline happenings`` and ``tieline dedup run|log|split|undo|rebuild`` on both backends."""

from __future__ import annotations

import json

from click.testing import CliRunner
from test_happenings import pact

from tieline.cli import cli
from tieline.store import open_store


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_happenings_and_dedup_commands(store_url: str) -> None:
    with open_store(store_url) as s:
        s.write_articles([pact("p1", source="Reuters"), pact("p2", source="AFP")], coder="c")
        s.write_articles([pact("p3", source="AP", date="2024-04-20")], coder="c", dedup=False)
    code, out = run("dedup", "run", "--db", store_url)
    assert code == 0, out
    assert "linked: 1 new happenings, 0 merges; 2 happenings for 3 events (0 unlinked)" in out
    code, out = run("happenings", "--db", store_url, "--dyad", "usa:ken", "--format", "jsonl")
    assert code == 0, out
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(h["date"], h["n_mentions"], h["sources"]) for h in rows] == [
        ("2024-03-04", 2, ["AFP", "Reuters"]),
        ("2024-04-20", 1, ["AP"]),
    ]
    code, out = run("happenings", "--db", store_url)
    assert code == 0 and "2 happenings" in out and "AFP, Reuters" in out
    code, out = run("happenings", "--db", store_url, "--id", rows[0]["id"])
    assert code == 0 and json.loads(out)["mentions"][1]["source"] == "AFP"
    code, out = run("dedup", "log", "--db", store_url, "--happening", rows[0]["id"])
    log = [json.loads(line) for line in out.splitlines()]
    merge = next(x for x in log if x["action"] == "merge")
    code, out = run("dedup", "undo", str(merge["seq"]), "--db", store_url)
    assert code == 0 and f"merge {merge['seq']} undone: event p2-e1" in out
    code, out = run("dedup", "undo", str(merge["seq"]), "--db", store_url)
    assert code == 1 and "E04" in out and "already undone" in out and "Traceback" not in out
    code, out = run("dedup", "split", "p3-e1", "--db", store_url)
    assert code == 1 and "only mention" in out
    code, out = run("dedup", "rebuild", "--db", store_url)
    assert code == 0 and "rebuilt: 3 happenings replaced by 3" in out  # the undone merge stays undone
    code, out = run("happenings", "--db", store_url, "--id", "nope")
    assert code == 1 and "no happening nope" in out
    code, out = run("happenings", "--db", store_url, "--dyad", "USA")
    assert code == 2 and "not two codes" in out
