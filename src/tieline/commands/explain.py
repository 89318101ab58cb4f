"""``tieline explain "sentence" [--date D] [--json]``: why a sentence was or was not coded."""

from __future__ import annotations

import json
from typing import Any

import click

from ..cli import _friendly, _parse_date, _pipeline

__all__ = ["commands", "explain"]


def _side(actors: list[dict[str, Any]]) -> str:
    return ", ".join(f"{a['text']} -> {a['code'] or '?'}" for a in actors) or "-"


@click.command()
@click.argument("text")
@click.option("--date", help="the article's date, for relative dates and dated roles (YYYY-MM-DD)")
@click.option("--json", "as_json", is_flag=True, help="print the explanation as JSON")
@click.option("--parse/--no-parse", default=True, show_default=True, help="print the dependency parse")
@click.option("--model", help="spaCy model")
@_friendly
def explain(text: str, date: str | None, as_json: bool, parse: bool, model: str | None) -> None:
    """Show the parse, every pattern that fired, its roles and resolved actors, and the event it became or
    why it was dropped."""
    from ..events.explain import explain as run

    out = run(_pipeline(model), text, date=_parse_date(date))
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for k, sent in enumerate(out["sentences"], 1):
        click.echo(f"sentence {k}: {sent['text']}")
        if parse:
            for t in sent["tokens"]:
                click.echo(f"  {t['i']:>3} {t['text']:<16} {t['lemma']:<14} {t['pos']:<6} {t['dep']:<10} "
                           f"{t['head']:>3} {t['ent']}")  # fmt: skip
        if not sent["drafts"]:
            click.echo("  no pattern matched")
        for d in sent["drafts"]:
            click.echo(f"  trigger '{d['trigger']}' ({d['kind']}) {d['pattern']} -> CAMEO {d['cameo']} "
                       f"{d['cameo_name']} / {d['event'] or 'no PLOVER type'}")  # fmt: skip
            click.echo(f"    actor: {_side(d['actors'])}; recipient: {_side(d['recipients'])}; "
                       f"modality {d['modality']}; score {d['score']}"
                       + ("; embedded" if d["embedded"] else "") + ("; background" if d["background"] else ""))  # fmt: skip
            for r in d["roles"]:
                click.echo(f"    - {r}")
            if "coded" in d:
                c = d["coded"]
                click.echo(f"    => {c['event']} {c['cameo']} confidence {c['confidence']}")
            else:
                click.echo(f"    => not coded: {d['dropped']}")


commands = [explain]
