"""``tieline actors validate|lookup|import``: thin commands over the actor knowledge base.

``validate`` schema-checks every data file and prints the consistency problems of
``KnowledgeBase.validate()``; ``lookup`` shows who a name or title is on a date, and why
(:func:`tieline.actors.lookup.lookup`); ``import`` refreshes people and roles from a Wikidata SPARQL JSON
result (:mod:`tieline.actors.wikidata`).
"""

from __future__ import annotations

import datetime as _dt
import json
import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click
import yaml

from ..cli import _friendly, _parse_date
from ..errors import DataFileError, UsageError

__all__ = ["actors", "commands"]

_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA_DIR_HELP = "knowledge-base data folder (default: the packaged tieline/actors/data)"
# top-level lists of each data file, counted by `validate`
_COUNTED = ("countries", "organisations", "armed_groups", "sectors", "roles", "generic", "people",
            "ambiguous_aliases", "case_sensitive", "positions", "patterns")  # fmt: skip


def _kb(data_dir: str | None) -> Any:
    from ..actors.kb import KnowledgeBase, load_kb

    return KnowledgeBase.load(Path(data_dir)) if data_dir else load_kb()


def _data_dir(data_dir: str | None) -> Path:
    from ..actors.kb import _default_data_dir

    return Path(data_dir) if data_dir else _default_data_dir()


def file_counts(base: Path, rel: str) -> str:
    """'countries 211, seats 40' for one data file (entries of each top-level list, and people's roles)."""
    raw = yaml.load((base / rel).read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # a safe loader
    parts = []
    if isinstance(raw, Mapping):
        for key in _COUNTED:
            value = raw.get(key)
            if isinstance(value, list):
                parts.append(f"{key} {len(value)}")
        if isinstance(raw.get("countries"), list):
            seats = sum(len(c.get("seats") or []) for c in raw["countries"] if isinstance(c, Mapping))
            parts.append(f"seats {seats}")
        if isinstance(raw.get("people"), list):
            roles = sum(len(p.get("roles") or []) for p in raw["people"] if isinstance(p, Mapping))
            parts.append(f"roles {roles}")
    version = raw.get("version") if isinstance(raw, Mapping) else None
    return f"version {version}  " + ", ".join(parts)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def actors() -> None:
    """The actor knowledge base: check it, look names up, import people from Wikidata."""


@actors.command()
@click.option("--data-dir", type=click.Path(), help=DATA_DIR_HELP)
@_friendly
def validate(data_dir: str | None) -> None:
    """Schema-check every data file and list consistency problems; exit 1 when there are any."""
    from ..actors.wikidata import _default_map_path, load_position_map

    base = _data_dir(data_dir)
    kb = _kb(data_dir)  # the schema check: raises DataFileError on the first bad entry
    map_path = base / "wikidata_positions.yaml"
    if not map_path.exists() and data_dir is None:
        map_path = _default_map_path()
    width = max(len(f) for f in (*kb.files, map_path.name))
    for rel in kb.files:
        click.echo(f"{rel:<{width}}  {file_counts(base, rel)}")
    if map_path.exists():
        load_position_map(kb, map_path)
        click.echo(f"{map_path.name:<{width}}  {file_counts(map_path.parent, map_path.name)}")
    stats = kb.stats()
    click.echo("total: " + ", ".join(f"{k} {v}" for k, v in stats.items()))
    problems = kb.validate()
    for p in problems:
        click.echo(f"problem: {p}")
    if problems:
        click.echo(f"{len(problems)} problem(s)", err=True)
        sys.exit(1)
    click.echo("ok: every file loads and no problems were found")


def _result_lines(r: Any, indent: str = "") -> list[str]:
    lines = [
        f"{indent}{r.kind:<11} {r.name}  [{r.entity_id}]" + (" (ambiguous alias)" if r.ambiguous else "")
    ]
    pad = indent + "  "
    code = r.code or "-"
    lines.append(
        f"{pad}code {code}  kind {r.actor_kind}  country {r.country or '-'}  sector {r.sector or '-'}"
        f"  wikidata {r.wikidata or '-'}"
    )
    if r.kind == "person":
        if r.role is not None:
            lines.append(f"{pad}on {r.date}: {r.role.title or r.role.role} of {r.role.holder_of} "
                         f"({r.role.role}, {r.role.span()}{', acting' if r.role.acting else ''})")  # fmt: skip
        elif r.date is not None:
            lines.append(f"{pad}on {r.date}: no office on that date")
        for h in r.roles:
            mark = "*" if r.role == h else " "
            lines.append(f"{pad}{mark} {h.span():<26} {h.role:<22} {h.holder_of:<10} {h.title or ''}")
    if r.kind == "title" and r.date is not None and r.holders:
        lines.append(f"{pad}held on {r.date} by:")
        for h in r.holders:
            lines.extend(_result_lines(h, pad + "  "))
    lines.append(f"{pad}why: {r.why}")
    return lines


@actors.command()
@click.argument("name")
@click.option("--date", help="the date to ask about (YYYY-MM-DD; default today)")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--data-dir", type=click.Path(), help=DATA_DIR_HELP)
@_friendly
def lookup(name: str, date: str | None, fmt: str, data_dir: str | None) -> None:
    """Who NAME (a person, place, organisation, armed group or title) is on a date, and why."""
    from ..actors.lookup import lookup as do_lookup

    d = _parse_date(date) or _dt.date.today()
    results = do_lookup(_kb(data_dir), name, d)
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        click.echo(f"'{name}' on {d}: {len(results)} reading(s)")
        for r in results:
            click.echo("\n".join(_result_lines(r)))
    if not results:
        click.echo(f"no knowledge-base entry for '{name}'", err=True)
        sys.exit(1)


@actors.command(name="import")
@click.argument("file", required=False, type=click.Path())
@click.option("--out", "out_dir", type=click.Path(), help="folder to write people files to (default .)")
@click.option(
    "--merge",
    is_flag=True,
    help="merge with the existing people (by QID or name); --out gets a full people folder",
)
@click.option("--since", help="skip offices that ended before this date (YYYY-MM-DD)")
@click.option(
    "--positions", type=click.Path(), help="position map (default the packaged wikidata_positions.yaml)"
)
@click.option("--data-dir", type=click.Path(), help=DATA_DIR_HELP)
@click.option(
    "--print-query", is_flag=True, help="print the SPARQL query to run on query.wikidata.org and exit"
)
@_friendly
def import_cmd(
    file: str | None,
    out_dir: str | None,
    merge: bool,
    since: str | None,
    positions: str | None,
    data_dir: str | None,
    print_query: bool,
) -> None:
    """Refresh people and their offices from a Wikidata SPARQL JSON result FILE."""
    from ..actors import wikidata as wd

    if print_query:
        click.echo(wd.SPARQL_QUERY, nl=False)
        return
    if file is None:
        raise UsageError("no FILE given", hint="pass the SPARQL JSON result; --print-query shows the query")
    kb = _kb(data_dir)
    base = _data_dir(data_dir)
    pmap = wd.load_position_map(kb, Path(positions) if positions else None)
    rows = wd.read_sparql_json(Path(file))
    existing = headers = None
    if merge:
        existing, headers = wd.read_people_dir(base / "people")
    result = wd.import_people(
        rows, kb, positions=pmap, existing=existing, headers=headers, since=_parse_date(since, "--since")
    )
    out = Path(out_dir or ".")
    for s in result.skipped:
        click.echo(s.line(), err=True)
    for c in result.conflicts:
        click.echo(f"conflict: {c}", err=True)
    written = wd.write_import(result, out, base / "people" if merge else None)
    for path in written:
        click.echo(f"wrote {path}")
    if merge:
        for p in _check_people_folder(base, out):
            click.echo(f"problem: {p}", err=True)
    click.echo(result.summary())


def _check_people_folder(base: Path, people: Path) -> list[str]:
    """Load the knowledge base with ``people`` as its people folder; its validate() problems."""
    from ..actors.kb import KnowledgeBase

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(base, data, ignore=shutil.ignore_patterns("people"))
        shutil.copytree(people, data / "people")
        try:
            return list(KnowledgeBase.load(data).validate())
        except DataFileError as exc:
            return [exc.message]


commands: list[click.Command] = [actors]
