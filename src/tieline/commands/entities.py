"""``tieline gazetteer list|show|validate``: thin commands over the defence entity gazetteers.

``validate`` schema-checks the entity data files (``tieline/entities/data/``) and prints their counts
and version; ``list`` prints the named platforms and weapons (filtered by label or country of
origin); ``show`` prints one entry, found by id or by any alias.
"""

from __future__ import annotations

import json
from typing import Any

import click

from ..cli import _friendly
from ..errors import UsageError

__all__ = ["commands", "gazetteer"]

_LABELS = {"platform": "MILITARY_PLATFORM", "weapon": "WEAPON"}


def _entry_dict(e: Any) -> dict[str, Any]:
    return {"id": e.id, "label": e.label, "name": e.name, "type": e.type, "maker": e.maker, "country": e.country,
            "aliases": list(e.aliases)}  # fmt: skip


@click.group()
def gazetteer() -> None:
    """Named platforms and weapons the entity recogniser knows (types, makers, countries of origin)."""


@gazetteer.command("validate")
@_friendly
def validate() -> None:
    """Check the entity data files and print their counts."""
    from ..entities import load_entity_data

    data = load_entity_data()
    n_platforms = sum(e.label == "MILITARY_PLATFORM" for e in data.entries)
    n_weapons = sum(e.label == "WEAPON" for e in data.entries)
    n_aliases = sum(len(e.aliases) for e in data.entries)
    click.echo(f"ok: {n_platforms} platforms, {n_weapons} weapons, {n_aliases} aliases (data {data.version})")


@gazetteer.command("list")
@click.option("--label", type=click.Choice(sorted(_LABELS)), help="only platforms or only weapons")
@click.option("--country", help="ISO 3166 alpha-3 code of the country of origin, e.g. USA")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@_friendly
def list_entries(label: str | None, country: str | None, fmt: str) -> None:
    """List gazetteer entries."""
    from ..entities import load_entity_data

    if country is not None and (len(country) != 3 or not country.isalpha()):
        raise UsageError(f"--country {country!r} is not an ISO 3166 alpha-3 code", hint="e.g. --country RUS")
    for e in load_entity_data().entries:
        if label and e.label != _LABELS[label]:
            continue
        if country and (e.country or "") != country.upper():
            continue
        if fmt == "jsonl":
            click.echo(json.dumps(_entry_dict(e), ensure_ascii=False))
        else:
            click.echo(f"{e.id}\t{e.label}\t{e.country or '-'}\t{e.type}\t{e.maker or '-'}")


@gazetteer.command("show")
@click.argument("name")
@_friendly
def show(name: str) -> None:
    """Show the entry with this id or alias (e.g. F-16, himars, Storm Shadow)."""
    from ..entities import load_entity_data

    data = load_entity_data()
    hit = data.by_id.get(name.lower())
    if hit is None:
        folded = name.casefold()
        hit = next((e for e in data.entries if any(a.casefold() == folded for a in e.aliases)), None)
    if hit is None:
        raise UsageError(f"no gazetteer entry named {name!r}", hint="see `tieline gazetteer list`")
    click.echo(json.dumps(_entry_dict(hit), ensure_ascii=False, indent=1))


commands: list[click.Command] = [gazetteer]
