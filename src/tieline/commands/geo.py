"""`tieline geo resolve|validate|geojson`: the gazetteer from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from tieline.cli import DB_HELP, _db, _friendly, _parse_date, _require_db

__all__ = ["commands", "geo"]


@click.group()
def geo() -> None:
    """Places: resolve names, check the gazetteer files, export events as GeoJSON."""


@geo.command()
@click.argument("name")
@click.option(
    "--context",
    "context",
    multiple=True,
    help="a country of the article (ISO3), most relevant first; repeatable",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_friendly
def resolve(name: str, context: tuple[str, ...], fmt: str) -> None:
    """Resolve a place NAME ("Paris, Texas", "the Red Sea", "Georgia" --context USA); exit 1 if unknown."""
    from tieline.geo import load_geocoder

    place = load_geocoder().resolve(name, context_countries=[c.upper() for c in context])
    if place is None:
        click.echo(f"unknown place: {name}", err=True)
        raise SystemExit(1)
    if fmt == "json":
        click.echo(json.dumps(place.to_dict(), ensure_ascii=False))
    else:
        gid = f"\tgeonames:{place.geonames_id}" if place.geonames_id is not None else ""
        click.echo(
            f"{place.name}\t{place.kind}\t{place.country or '-'}\t{place.lat:.4f},{place.lon:.4f}\t"
            f"{place.precision}{gid}"
        )


@geo.command()
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), help="gazetteer YAML folder")
@_friendly
def validate(data_dir: Path | None) -> None:
    """Check the gazetteer's YAML files (schema, countries, no country name on a building)."""
    from tieline.geo import Geocoder

    gc = Geocoder.load(data_dir, min_city_population=None)
    click.echo(f"ok: {gc.version}")


def _with_coordinates(e: dict[str, Any], gc: Any) -> dict[str, Any]:
    """The event with its location enriched when the store has no coordinates for it."""
    from tieline.geo import enrich
    from tieline.model import Location

    loc = e.get("location")
    if not isinstance(loc, dict) or loc.get("lat") is not None:
        return e
    fields = {k: loc.get(k) for k in ("text", "start", "end", "name", "kind", "country")}
    location = Location(**fields, precision=loc.get("precision") or "unknown")  # type: ignore[arg-type]
    ctx = [a.get("country") for side in ("actor", "recipient") for a in e.get(side) or () if a.get("country")]
    return {**e, "location": enrich(location, gc, ctx).to_dict()}


@geo.command()
@click.option("--db", help=DB_HELP)
@click.option("--since", help="from this date (YYYY-MM-DD)")
@click.option("--until", help="up to this date (YYYY-MM-DD)")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="write here instead of stdout")
@_friendly
def geojson(db: str | None, since: str | None, until: str | None, out: Path | None) -> None:
    """Stored events with a place as a GeoJSON FeatureCollection."""
    from tieline.geo import events_to_geojson, load_geocoder
    from tieline.store import open_store

    path = _db(db)
    _require_db(path)
    with open_store(path) as store:
        rows = store.events(since=_parse_date(since, "--since"), until=_parse_date(until, "--until"))
    gc = load_geocoder()
    fc = events_to_geojson(_with_coordinates(e, gc) for e in rows)
    text = json.dumps(fc, ensure_ascii=False)
    if out is None:
        click.echo(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")
        click.echo(f"{len(fc['features'])} events with a place written to {out}", err=True)


commands: list[click.Command] = [geo]
