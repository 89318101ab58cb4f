"""`tieline actors validate` and `tieline actors lookup`, and the lookup library behind them."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tieline.actors.kb import KnowledgeBase, _default_data_dir, load_kb
from tieline.actors.lookup import lookup
from tieline.actors.resolver import Resolver
from tieline.commands.actors import actors, commands
from tieline.model import Article

D = dt.date


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(_default_data_dir(), data)
    return data


# -- validate ---------------------------------------------------------------------------------


def test_commands_are_exposed() -> None:
    assert actors in commands
    assert {"validate", "lookup", "import"} <= set(actors.commands)  # type: ignore[attr-defined]


def test_validate_packaged_data_is_clean() -> None:
    r = CliRunner().invoke(actors, ["validate"])
    assert r.exit_code == 0, r.output
    assert "countries.yaml" in r.output and "people/africa.yaml" in r.output
    assert "wikidata_positions.yaml" in r.output
    assert "ok:" in r.output and "problem:" not in r.output
    line = next(ln for ln in r.output.splitlines() if ln.startswith("people/africa.yaml"))
    assert "people " in line and "roles " in line


def test_validate_reports_each_problem_and_exits_1(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    (data / "people" / "zz_test.yaml").write_text(
        "version: 1\npeople:\n"
        "- id: test-rival\n  name: Test Rival\n  roles:\n"
        "  - {country: KEN, role: defence_minister, title: Cabinet Secretary for Defence, start: 2023-01-01, end: 2023-06-30}\n"
        "- id: test-backwards\n  name: Test Backwards\n  roles:\n"
        "  - {country: KEN, role: head_of_state, title: President, start: 1990-01-01, end: 1991-01-01}\n"
        "  - {country: KEN, role: head_of_state, title: President, start: 1990-06-01, end: 1990-12-01}\n"
    )
    r = CliRunner().invoke(actors, ["validate", "--data-dir", str(data)])
    assert r.exit_code == 1
    problems = [ln for ln in r.output.splitlines() if ln.startswith("problem: ")]
    assert any("test-rival" in p and "aden-duale" in p for p in problems)
    assert "people/zz_test.yaml" in r.output


def test_validate_schema_error_is_one_line(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    (data / "people" / "zz_bad.yaml").write_text(
        "version: 1\npeople:\n- id: bad-date\n  name: Bad Date\n  roles:\n"
        "  - {country: KEN, role: head_of_state, start: last year}\n"
    )
    r = CliRunner().invoke(actors, ["validate", "--data-dir", str(data)])
    assert r.exit_code == 1
    assert r.output.strip().startswith("error E030") and "zz_bad.yaml" in r.output and "bad-date" in r.output
    assert len(r.output.strip().splitlines()) == 1


# -- lookup (library) -------------------------------------------------------------------------


def test_person_role_on_both_sides_of_a_change(kb: KnowledgeBase) -> None:
    (r,) = [x for x in lookup(kb, "Duale", D(2024, 1, 24)) if x.kind == "person"]
    assert r.entity_id == "person:aden-duale" and r.code == "KENGOV" and r.country == "KEN"
    assert r.role is not None and r.role.role == "defence_minister"
    assert (r.role.start, r.role.end) == (D(2022, 10, 27), D(2024, 7, 11))
    (later,) = [x for x in lookup(kb, "Duale", D(2024, 7, 20)) if x.kind == "person"]  # between offices
    assert later.role is None and "no office on that date" in later.why
    assert later.code == "KEN"  # nationality only, as the resolver does


def test_title_holder_changes_with_the_date(kb: KnowledgeBase) -> None:
    names = []
    for d in (D(2019, 6, 1), D(2023, 6, 1), D(2025, 6, 1)):
        (t,) = [x for x in lookup(kb, "the US Secretary of Defense", d) if x.kind == "title"]
        assert t.role_key == "defence_minister" and t.country == "USA"
        assert len(t.holders) == 1 and t.code == "USAGOV"
        names.append(t.holders[0].name)
    assert len(set(names)) == 3


def test_demonym_title_and_of_phrase(kb: KnowledgeBase) -> None:
    for q in ("Kenyan defence minister", "Defence Minister of Kenya", "Kenya's defence minister"):
        (t,) = [x for x in lookup(kb, q, D(2024, 1, 24)) if x.kind == "title"]
        assert [h.entity_id for h in t.holders] == ["person:aden-duale"], q
    (t,) = [x for x in lookup(kb, "Kenyan defence minister", D(2024, 8, 1)) if x.kind == "title"]
    assert t.holders == () and "no office holder known on that date" in t.why  # the hand-over gap


def test_organisation_titles(kb: KnowledgeBase) -> None:
    (t,) = lookup(kb, "UN Secretary-General", D(2015, 6, 1))
    assert [h.entity_id for h in t.holders] == ["person:ban-ki-moon"]
    (t,) = lookup(kb, "UN Secretary-General", D(2024, 6, 1))
    assert [h.entity_id for h in t.holders] == ["person:antonio-guterres"]
    assert [h.wikidata for h in t.holders] == ["Q311440"]
    nato = [x for x in lookup(kb, "NATO Secretary General", D(2024, 1, 24)) if x.kind == "title"]
    assert [x.entity_id for x in nato] == ["title:org_head@nato"] and len(nato[0].holders) == 1


@pytest.mark.parametrize(
    ("text", "kind", "code", "actor_kind"),
    [
        ("Nairobi", "capital", "KENGOV", "state"),
        ("Kenyan", "demonym", "KEN", "state"),
        ("the Pentagon", "seat", "USAMIL", "state"),
        ("Ansar Allah", "armed_group", None, "armed_group"),
        ("ATMIS", "org", None, "igo"),
        ("Kenyan troops", "sector", "KENMIL", "sector"),
    ],
)
def test_places_orgs_groups_and_sectors(
    kb: KnowledgeBase, text: str, kind: str, code: str | None, actor_kind: str
) -> None:
    results = lookup(kb, text, D(2024, 1, 24))
    assert results and results[0].kind == kind and results[0].actor_kind == actor_kind
    if code is not None:
        assert results[0].code == code
    else:
        assert results[0].code  # the entry's own code


def test_unknown_and_case(kb: KnowledgeBase) -> None:
    assert lookup(kb, "Zorblax Quimby", D(2024, 1, 1)) == []
    assert all(r.kind != "country" for r in lookup(kb, "us", None))  # the pronoun is not the USA
    assert lookup(kb, "US", None)[0].entity_id == "country:USA"


def test_codes_agree_with_the_resolver(kb: KnowledgeBase) -> None:
    """lookup re-derives the resolver's codes; if the resolver changes, this says where."""
    resolver = Resolver(kb)
    text = "Duale Guterres Nairobi Kenyan Pentagon Ansar Allah ATMIS Raila Odinga"
    art = Article.create(text)
    for query, date in [("Duale", D(2024, 1, 24)), ("Duale", D(2024, 7, 20)), ("Guterres", D(2024, 1, 24)),
                        ("Nairobi", None), ("Kenyan", None), ("Pentagon", None), ("Ansar Allah", None),
                        ("ATMIS", None), ("Raila Odinga", D(2020, 1, 1))]:  # fmt: skip
        start = text.index(query)
        hits = sorted(kb.lookup(query), key=lambda h: h.kind)
        ours = {r.entity_id: r for r in lookup(kb, query, date)}
        for hit in hits:
            actor = resolver._actor_from_hit(hit, art, start, start + len(query), date)
            assert actor is not None and actor.entity_id is not None
            mine = ours[actor.entity_id]
            assert (mine.code, mine.country, mine.sector, mine.actor_kind, mine.wikidata) == (
                actor.code, actor.country, actor.sector, actor.kind, actor.wikidata
            ), query  # fmt: skip


def test_office_in_an_organisation_is_coded_as_the_organisation(kb: KnowledgeBase) -> None:
    """The UN Secretary-General is IGOUNO, not a country-less "GOV"; both sides of the change of office."""
    now = lookup(kb, "Guterres", D(2024, 1, 24))[0]
    assert now.code == "IGOUNO" and now.country is None and now.sector == "GOV"
    assert now.role is not None and "Secretary-General" in (now.role.title or "")
    before = lookup(kb, "Guterres", D(2010, 6, 1))[0]  # then High Commissioner for Refugees
    assert before.code == "IGOUNOHCR" and before.role is not None
    resolver = Resolver(kb)
    art = Article.create("Guterres")
    hit = kb.lookup("Guterres")[0]
    actor = resolver._actor_from_hit(hit, art, 0, 8, D(2024, 1, 24))
    assert actor is not None and actor.code == "IGOUNO"


# -- lookup (command) -------------------------------------------------------------------------


def test_lookup_command_text() -> None:
    r = CliRunner().invoke(actors, ["lookup", "Duale", "--date", "2024-01-24"])
    assert r.exit_code == 0, r.output
    assert "Aden Bare Duale" in r.output and "code KENGOV" in r.output
    assert "2022-10-27 to 2024-07-11" in r.output and "why:" in r.output
    r = CliRunner().invoke(actors, ["lookup", "Duale", "--date", "2021-01-01"])
    assert "no office on that date" in r.output


def test_lookup_command_json_title() -> None:
    r = CliRunner().invoke(
        actors, ["lookup", "the US Secretary of Defense", "--date", "2023-06-01", "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    (title,) = [d for d in data if d["kind"] == "title"]
    assert title["role_key"] == "defence_minister" and title["country"] == "USA"
    (holder,) = title["holders"]
    assert holder["role"]["role"] == "defence_minister" and holder["role"]["start"] <= "2023-06-01"


def test_lookup_command_errors() -> None:
    r = CliRunner().invoke(actors, ["lookup", "Duale", "--date", "24/01/2024"])
    assert r.exit_code == 2 and r.output.startswith("error E060")
    r = CliRunner().invoke(actors, ["lookup", "Zorblax Quimby", "--date", "2024-01-01"])
    assert r.exit_code == 1 and "no knowledge-base entry" in r.output
