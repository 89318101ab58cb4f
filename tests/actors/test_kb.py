"""Tests of the actor knowledge base: every data file loads, is consistent, and answers look-ups."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tieline.actors.kb import (
    AliasHit,
    ArmedGroup,
    Country,
    KnowledgeBase,
    Organisation,
    Person,
    Seat,
    TitleRole,
    load_kb,
    normalise,
)
from tieline.errors import DataFileError

D = dt.date


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _countries(hits: list[AliasHit]) -> set[str]:
    out = set()
    for h in hits:
        if isinstance(h.entry, Country):
            out.add(h.entry.iso3)
        elif isinstance(h.entry, Seat):
            out.add(h.entry.country)
    return out


def _ids(people: list[Person]) -> list[str]:
    return [p.id for p in people]


# -- loading and consistency ----------------------------------------------------------------


def test_every_file_loads_with_a_version(kb: KnowledgeBase) -> None:
    assert "countries.yaml=1" in kb.version
    assert "titles.yaml=1" in kb.version
    assert any(f.startswith("people/") for f in kb.files)
    for name in ("africa", "americas", "asia", "europe", "middle_east", "organisations"):
        assert f"people/{name}.yaml" in kb.files


def test_validate_is_empty(kb: KnowledgeBase) -> None:
    assert kb.validate() == []


def test_counts(kb: KnowledgeBase) -> None:
    stats = kb.stats()
    assert stats["countries"] >= 190 + 5  # UN members plus Kosovo, Taiwan, Palestine, W. Sahara, Vatican
    assert sum(1 for c in kb.countries.values() if c.kind == "state") == 193
    assert stats["seats"] >= 40
    assert stats["organisations"] >= 60
    assert stats["armed_groups"] >= 90
    assert stats["people"] >= 300
    assert stats["sectors"] >= 15


def test_load_kb_is_cached() -> None:
    assert load_kb() is load_kb()


# -- countries, demonyms, capitals, seats -----------------------------------------------------


@pytest.mark.parametrize("text", ["Kenya", "Kenyan", "Kenyans", "Nairobi", "Republic of Kenya", "KENYA"])
def test_kenya_by_name_demonym_and_capital(kb: KnowledgeBase, text: str) -> None:
    assert _countries(kb.lookup(text)) == {"KEN"}


def test_hit_kinds(kb: KnowledgeBase) -> None:
    assert {h.kind for h in kb.lookup("Kenyan")} == {"demonym"}
    assert {h.kind for h in kb.lookup("Nairobi")} == {"capital"}
    assert {h.kind for h in kb.lookup("Kenya")} == {"country"}


@pytest.mark.parametrize("text", ["the Pentagon", "Pentagon", "The Pentagon"])
def test_pentagon_is_a_us_military_seat(kb: KnowledgeBase, text: str) -> None:
    hits = [h for h in kb.lookup(text) if h.kind == "seat"]
    assert len(hits) == 1
    seat = hits[0].entry
    assert isinstance(seat, Seat)
    assert (seat.country, seat.sector) == ("USA", "MIL")


@pytest.mark.parametrize(
    ("text", "iso3", "sector"),
    [
        ("the White House", "USA", "GOV"),
        ("Foggy Bottom", "USA", "GOV"),
        ("Capitol Hill", "USA", "LEG"),
        ("the Kremlin", "RUS", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("Number 10", "GBR", "GOV"),
        ("Whitehall", "GBR", "GOV"),
        ("the MoD", "GBR", "MIL"),
        ("the Elysee", "FRA", "GOV"),
        ("the Élysée", "FRA", "GOV"),
        ("Quai d’Orsay", "FRA", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
        ("Bundeskanzleramt", "DEU", "GOV"),
        ("the Knesset", "ISR", "LEG"),
        ("Aso Rock", "NGA", "GOV"),
        ("Union Buildings", "ZAF", "GOV"),
    ],
)
def test_seats_of_power(kb: KnowledgeBase, text: str, iso3: str, sector: str) -> None:
    seats = [h.entry for h in kb.lookup(text) if h.kind == "seat"]
    assert [(s.country, s.sector) for s in seats if isinstance(s, Seat)] == [(iso3, sector)]


@pytest.mark.parametrize(
    "text", ["U.S.", "US", "USA", "the United States", "America", "American", "Washington"]
)
def test_united_states_names(kb: KnowledgeBase, text: str) -> None:
    assert "USA" in _countries(kb.lookup(text))


@pytest.mark.parametrize("text", ["us", "Us", "u.s", "who", "Who", "is", "Is", "un", "let", "car"])
def test_short_acronyms_are_case_sensitive(kb: KnowledgeBase, text: str) -> None:
    assert kb.lookup(text) == []


def test_short_acronyms_match_with_their_capitals(kb: KnowledgeBase) -> None:
    assert {h.entry.id for h in kb.lookup("WHO") if isinstance(h.entry, Organisation)} == {"who"}
    assert {h.entry.id for h in kb.lookup("IS") if isinstance(h.entry, ArmedGroup)} == {"islamic-state"}
    assert {h.entry.id for h in kb.lookup("LeT") if isinstance(h.entry, ArmedGroup)} == {"let"}
    assert _countries(kb.lookup("UK")) == {"GBR"}
    assert kb.is_case_sensitive("US") and not kb.is_case_sensitive("NATO")


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("British", "GBR"),
        ("Burma", "MMR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("Emirati", "ARE"),
        ("Emiratis", "ARE"),
        ("Israeli", "ISR"),
        ("Burundian", "BDI"),
        ("Somali", "SOM"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("DRC", "COD"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("North Korean", "PRK"),
        ("Kosovo", "XKX"),
        ("Taiwanese", "TWN"),
        ("Palestinians", "PSE"),
        ("Western Sahara", "ESH"),
        ("Greenland", "GRL"),
        ("Hong Kong", "HKG"),
    ],
)
def test_country_aliases(kb: KnowledgeBase, text: str, iso3: str) -> None:
    assert _countries(kb.lookup(text)) == {iso3}


def test_country_by_code(kb: KnowledgeBase) -> None:
    ken = kb.country("KEN")
    assert ken is not None and ken.capitals == ("Nairobi",) and ken.region == "Africa"
    rou = kb.country("ROM")  # CAMEO code
    assert rou is not None and rou.iso3 == "ROU"
    assert kb.country("rou") is rou
    assert kb.country("XXX") is None


def test_ambiguous_names_are_flagged(kb: KnowledgeBase) -> None:
    for text in ("Georgia", "Jordan", "Chad", "Turkey", "Niger"):
        hits = [h for h in kb.lookup(text) if h.kind == "country"]
        assert hits and all(h.ambiguous for h in hits), text
    assert not any(h.ambiguous for h in kb.lookup("Kenya"))


# -- organisations and armed groups -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "oid", "code"),
    [
        ("NATO", "nato", "IGOWSTNAT"),
        ("Nato", "nato", "IGOWSTNAT"),
        ("the Atlantic alliance", "nato", "IGOWSTNAT"),
        ("the African Union", "au", "IGOAFRAU"),
        ("UN", "un", "IGOUNO"),
        ("U.N.", "un", "IGOUNO"),
        ("African Union Transition Mission in Somalia", "atmis", "IGOAFRAUTMS"),
        ("ATMIS", "atmis", "IGOAFRAUTMS"),
        ("UN refugee agency", "unhcr", "IGOUNOHCR"),
        ("Médecins Sans Frontières", "msf", "NGOMSF"),
        ("Medecins Sans Frontieres", "msf", "NGOMSF"),
        ("the European Community", "eec", "IGOEURCOM"),
        ("EEC", "eec", "IGOEURCOM"),
        ("Warsaw Pact", "warsaw-pact", "IGOEEUWTO"),
        ("Organization of African Unity", "oau", "IGOAFROAU"),
        ("APEC", "apec", "IGOASPAPC"),
        ("Mercosur", "mercosur", "IGOSAMMER"),
        ("PLO", "plo", "PSEPLO"),
    ],
)
def test_organisations(kb: KnowledgeBase, text: str, oid: str, code: str) -> None:
    orgs = [h.entry for h in kb.lookup(text) if isinstance(h.entry, Organisation)]
    assert [(o.id, o.code) for o in orgs] == [(oid, code)]


def test_organisation_structure(kb: KnowledgeBase) -> None:
    atmis = kb.organisation("atmis")
    assert atmis is not None and atmis.parent == "au" and atmis.kind == "mission"
    assert atmis.active == (D(2022, 4, 1), D(2024, 12, 31))
    nato = kb.organisations["nato"]
    assert {"USA", "GBR", "TUR", "FIN", "SWE"} <= set(nato.members) and "UKR" not in nato.members
    assert len(kb.organisations["eu"].members) == 27


@pytest.mark.parametrize(
    ("text", "gid", "country"),
    [
        ("al-Shabaab", "al-shabaab", "SOM"),
        ("al Shabaab", "al-shabaab", "SOM"),
        ("Al-Shabab", "al-shabaab", "SOM"),
        ("ISWAP", "iswap", "NGA"),
        ("Daesh", "islamic-state", "IRQ"),
        ("ISIS-K", "iskp", "AFG"),
        ("Ansar Allah", "houthis", "YEM"),
        ("the Houthis", "houthis", "YEM"),
        ("Hizbollah", "hezbollah", "LBN"),
        ("M23", "m23", "COD"),
        ("Rapid Support Forces", "rsf", "SDN"),
        ("JNIM", "jnim", "MLI"),
        ("Boko Haram", "boko-haram", "NGA"),
        ("Tigray Defense Forces", "tplf", "ETH"),
        ("UNITA", "unita", "AGO"),
        ("Renamo", "renamo", "MOZ"),
        ("Kosovo Liberation Army", "kla", "SRB"),
        ("the Khmer Rouge", "khmer-rouge", "KHM"),
    ],
)
def test_armed_groups(kb: KnowledgeBase, text: str, gid: str, country: str) -> None:
    groups = [h.entry for h in kb.lookup(text) if isinstance(h.entry, ArmedGroup)]
    assert [(g.id, g.country) for g in groups] == [(gid, country)]


def test_armed_group_affiliations(kb: KnowledgeBase) -> None:
    assert kb.armed_groups["al-shabaab"].affiliation == "al-qaeda"
    assert kb.armed_groups["iswap"].affiliation == "islamic-state"
    assert kb.armed_groups["wagner"].sector == "MIL"
    assert kb.armed_groups["al-shabaab"].code == "SOMREB"


# -- people and dated roles ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2010, 6, 1), "robert-gates"),
        (D(2012, 6, 1), "leon-panetta"),
        (D(2014, 6, 1), "chuck-hagel"),
        (D(2016, 6, 1), "ash-carter"),
        (D(2018, 6, 1), "jim-mattis"),
        (D(2019, 6, 1), "patrick-shanahan"),
        (D(2020, 6, 1), "mark-esper"),
        (D(2020, 12, 1), "christopher-miller"),
        (D(2023, 6, 1), "lloyd-austin"),
        (D(2025, 6, 1), "pete-hegseth"),
    ],
)
def test_us_defence_secretaries(kb: KnowledgeBase, on: dt.date, expected: str) -> None:
    assert _ids(kb.holders("USA", "defence_minister", on)) == [expected]


def test_acting_holders_are_marked(kb: KnowledgeBase) -> None:
    shanahan = kb.person("patrick-shanahan")
    assert shanahan is not None
    (role,) = shanahan.roles_on(D(2019, 6, 1))
    assert role.acting and role.role == "defence_minister" and role.country == "USA"


def test_kenya_defence_secretaries(kb: KnowledgeBase) -> None:
    assert _ids(kb.holders("KEN", "defence_minister", D(2024, 1, 24))) == ["aden-duale"]
    later = _ids(kb.holders("KEN", "defence_minister", D(2024, 8, 15)))
    assert "aden-duale" not in later and later == ["soipan-tuya"]
    duale = kb.person("aden-duale")
    assert duale is not None and duale.roles_on(D(2024, 8, 15))[0].role == "environment_minister"


@pytest.mark.parametrize(
    ("country", "role", "on", "expected"),
    [
        ("USA", "head_of_state", D(2016, 1, 1), "barack-obama"),
        ("USA", "head_of_state", D(2019, 1, 1), "donald-trump"),
        ("USA", "head_of_state", D(2026, 1, 1), "donald-trump"),
        ("USA", "foreign_minister", D(2022, 1, 1), "antony-blinken"),
        ("GBR", "head_of_government", D(2022, 10, 1), "liz-truss"),
        ("GBR", "defence_minister", D(2021, 1, 1), "ben-wallace"),
        ("FRA", "head_of_state", D(2020, 1, 1), "emmanuel-macron"),
        ("DEU", "head_of_government", D(2023, 1, 1), "olaf-scholz"),
        ("RUS", "defence_minister", D(2020, 1, 1), "sergei-shoigu"),
        ("RUS", "defence_minister", D(2025, 1, 1), "andrei-belousov"),
        ("CHN", "head_of_state", D(2020, 1, 1), "xi-jinping"),
        ("UKR", "head_of_state", D(2022, 3, 1), "volodymyr-zelensky"),
        ("ISR", "head_of_government", D(2022, 1, 1), "naftali-bennett"),
        ("IRN", "supreme_leader", D(2015, 1, 1), "ali-khamenei"),
        ("KEN", "head_of_state", D(2020, 1, 1), "uhuru-kenyatta"),
        ("ROM", "head_of_state", D(2020, 1, 1), "klaus-iohannis"),  # CAMEO code accepted
    ],
)
def test_holders(kb: KnowledgeBase, country: str, role: str, on: dt.date, expected: str) -> None:
    assert _ids(kb.holders(country, role, on)) == [expected]


def test_organisation_heads(kb: KnowledgeBase) -> None:
    assert _ids(kb.holders("un", "un_secretary_general", D(2015, 1, 1))) == ["ban-ki-moon"]
    assert _ids(kb.holders("un", "un_secretary_general", D(2020, 1, 1))) == ["antonio-guterres"]
    assert _ids(kb.holders("nato", "org_head", D(2020, 1, 1))) == ["jens-stoltenberg"]


def test_holders_by_organisation_code_and_group(kb: KnowledgeBase) -> None:
    assert _ids(kb.holders("IGOUNO", "un_secretary_general", D(2020, 1, 1))) == ["antonio-guterres"]
    assert _ids(kb.holders("hezbollah", "group_leader", D(2020, 1, 1))) == ["hassan-nasrallah"]
    assert _ids(kb.holders("hezbollah", "group_leader", D(2025, 1, 1))) == ["naim-qassem"]


def test_possessives(kb: KnowledgeBase) -> None:
    assert _countries(kb.lookup("Kenya's")) == {"KEN"}
    assert _countries(kb.lookup("America’s")) == {"USA"}
    assert [h.entry.id for h in kb.lookup("the Houthis'") if isinstance(h.entry, ArmedGroup)] == ["houthis"]
    assert kb.lookup("us's") == []


def test_nobody_before_a_start_date(kb: KnowledgeBase) -> None:
    assert kb.holders("USA", "defence_minister", D(1900, 1, 1)) == []
    assert kb.holders("USA", "no_such_role", D(2020, 1, 1)) == []


def test_person_lookup_by_alias(kb: KnowledgeBase) -> None:
    people = [h.entry for h in kb.lookup("Aden Duale") if isinstance(h.entry, Person)]
    assert _ids(people) == ["aden-duale"]
    people = [h.entry for h in kb.lookup("Lloyd J. Austin III") if isinstance(h.entry, Person)]
    assert _ids(people) == ["lloyd-austin"]


# -- titles and sectors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "sector"),
    [
        ("Defense Secretary", "defence_minister", "GOV"),
        ("defence secretary", "defence_minister", "GOV"),
        ("Cabinet Secretary for Defence", "defence_minister", "GOV"),
        ("Kenyan Defence Cabinet Secretary", "defence_minister", "GOV"),
        ("U.S. Defense Secretary", "defence_minister", "GOV"),
        ("acting Defense Secretary", "defence_minister", "GOV"),
        ("Secretary of State", "foreign_minister", "GOV"),
        ("Foreign Secretary", "foreign_minister", "GOV"),
        ("Chairman of the Joint Chiefs of Staff", "chief_of_defence", "MIL"),
        ("Chief of Defence Forces", "chief_of_defence", "MIL"),
        ("Prime Minister", "head_of_government", "GOV"),
        ("Chancellor of the Exchequer", "finance_minister", "GOV"),
        ("Secretary-General", "org_head", "GOV"),
        ("minister", "generic", "GOV"),
        ("his counterpart", "generic", "GOV"),
        ("general", "generic", "MIL"),
    ],
)
def test_title_role(kb: KnowledgeBase, text: str, key: str, sector: str) -> None:
    tr = kb.title_role(text)
    assert isinstance(tr, TitleRole)
    assert (tr.key, tr.sector) == (key, sector)


def test_title_role_unknown(kb: KnowledgeBase) -> None:
    assert kb.title_role("banana") is None
    assert kb.title_role("") is None
    assert kb.title_role(None) is None


def test_title_role_by_role_key(kb: KnowledgeBase) -> None:
    mc = kb.title_role("military_commander")
    assert mc is not None and (mc.key, mc.sector) == ("military_commander", "MIL")
    gl = kb.title_role("group leader")
    assert gl is not None and (gl.key, gl.sector) == ("group_leader", "REB")


def test_every_role_key_in_people_names_its_role(kb: KnowledgeBase) -> None:
    for person in kb.people.values():
        for role in person.roles:
            tr = kb.title_role(role.role)
            assert tr is not None and tr.key == role.role, (person.id, role.role)
            assert role.title is None or role.title.strip() == role.title, person.id


def test_country_of_none(kb: KnowledgeBase) -> None:
    assert kb.country(None) is None
    assert kb.country("") is None


@pytest.mark.parametrize(
    ("word", "sector"),
    [
        ("militiamen", "REB"),
        ("militiaman", "REB"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("Soldiers", "MIL"),
        ("policemen", "COP"),
        ("police officers", "COP"),
        ("insurgents", "REB"),
        ("lawmakers", "LEG"),
        ("judges", "JUD"),
        ("villagers", "CVL"),
        ("protesters", "CVL"),
        ("refugees", "REF"),
        ("asylum seekers", "REF"),
        ("journalists", "MED"),
        ("aid workers", "NGO"),
        ("pirates", "CRM"),
        ("gunmen", "UAF"),
        ("clerics", "REL"),
        ("teachers", "EDU"),
        ("doctors", "HLH"),
        ("businessmen", "BUS"),
    ],
)
def test_sector_of(kb: KnowledgeBase, word: str, sector: str) -> None:
    assert kb.sector_of(word) == sector


def test_sector_of_unknown(kb: KnowledgeBase) -> None:
    assert kb.sector_of("banana") is None


# -- normalisation and the alias iterator ----------------------------------------------------


def test_normalise() -> None:
    assert normalise("The  Élysée") == "elysee"
    assert normalise("Côte d’Ivoire") == "cote d'ivoire"
    assert normalise("al‑Shabaab") == "al-shabaab"  # non-breaking hyphen
    assert normalise("Türkiye") == "turkiye"


def test_iter_aliases_covers_every_kind(kb: KnowledgeBase) -> None:
    kinds = {hit.kind for _, hit in kb.iter_aliases()}
    assert kinds == {
        "country",
        "demonym",
        "capital",
        "seat",
        "org",
        "armed_group",
        "person",
        "title",
        "sector",
    }
    for alias, hit in kb.iter_aliases():
        assert alias and alias == alias.strip()
        assert hit in kb.lookup(alias) or any(h.entry is hit.entry for h in kb.lookup(alias)), alias


# -- schema errors -------------------------------------------------------------------------------


def _copy_data(tmp_path: Path) -> Path:
    src = Path(__file__).resolve().parents[2] / "src" / "tieline" / "actors" / "data"
    dst = tmp_path / "data"
    shutil.copytree(src, dst)
    return dst


def _edit(path: Path, edit: object) -> None:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(raw)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_copy_of_the_data_loads(tmp_path: Path) -> None:
    kb = KnowledgeBase.load(_copy_data(tmp_path))
    assert kb.stats() == load_kb().stats()


def test_unknown_country_in_people_names_file_and_entry(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)

    def edit(raw: dict) -> None:
        raw["people"][0]["roles"][0]["country"] = "XYZ"

    _edit(data / "people" / "americas.yaml", edit)
    with pytest.raises(DataFileError) as exc:
        KnowledgeBase.load(data)
    msg = str(exc.value)
    assert "people/americas.yaml" in msg and "unknown country XYZ" in msg
    assert exc.value.code == "E030"


def test_bad_date_is_rejected(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)

    def edit(raw: dict) -> None:
        raw["people"][0]["roles"][0]["start"] = "2019-13-45"

    _edit(data / "people" / "americas.yaml", edit)
    with pytest.raises(DataFileError, match="ISO date"):
        KnowledgeBase.load(data)


def test_end_before_start_is_rejected(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)

    def edit(raw: dict) -> None:
        raw["people"][0]["roles"][0]["start"] = "2030-01-01"
        raw["people"][0]["roles"][0]["end"] = "2020-01-01"

    _edit(data / "people" / "americas.yaml", edit)
    with pytest.raises(DataFileError, match="before start"):
        KnowledgeBase.load(data)


def test_duplicate_iso3_is_rejected(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)

    def edit(raw: dict) -> None:
        raw["countries"].append(dict(raw["countries"][0]))

    _edit(data / "countries.yaml", edit)
    with pytest.raises(DataFileError, match=r"countries.yaml: entry AFG: duplicate iso3"):
        KnowledgeBase.load(data)


def test_missing_required_field_and_version(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)

    def edit(raw: dict) -> None:
        del raw["armed_groups"][0]["country"]

    _edit(data / "armed_groups.yaml", edit)
    with pytest.raises(
        DataFileError, match=re.escape("armed_groups.yaml: entry al-qaeda: missing required field 'country'")
    ):
        KnowledgeBase.load(data)

    data2 = _copy_data(tmp_path / "two")

    def drop_version(raw: dict) -> None:
        del raw["version"]

    _edit(data2 / "sectors.yaml", drop_version)
    with pytest.raises(DataFileError, match=re.escape("sectors.yaml: missing top-level 'version'")):
        KnowledgeBase.load(data2)


def test_unknown_role_key_and_field(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)

    def edit(raw: dict) -> None:
        raw["people"][0]["roles"][0]["role"] = "grand_vizier"

    _edit(data / "people" / "americas.yaml", edit)
    with pytest.raises(DataFileError, match="unknown role key 'grand_vizier'"):
        KnowledgeBase.load(data)

    data2 = _copy_data(tmp_path / "two")

    def extra(raw: dict) -> None:
        raw["organisations"][0]["colour"] = "blue"

    _edit(data2 / "organisations.yaml", extra)
    with pytest.raises(DataFileError, match="unknown field"):
        KnowledgeBase.load(data2)


def test_invalid_yaml(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    (data / "titles.yaml").write_text("version: 1\nroles: [\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape("titles.yaml: not valid YAML")):
        KnowledgeBase.load(data)


def test_validate_finds_overlapping_holders(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)

    def edit(raw: dict) -> None:
        raw["people"].append(
            {
                "id": "test-usurper",
                "name": "Test Usurper",
                "roles": [
                    {"country": "USA", "role": "defence_minister", "start": "2022-01-01", "end": "2022-12-31"}
                ],
            }
        )

    _edit(data / "people" / "americas.yaml", edit)
    kb = KnowledgeBase.load(data)
    problems = kb.validate()
    assert any("test-usurper" in p and "lloyd-austin" in p for p in problems)
    assert sorted(_ids(kb.holders("USA", "defence_minister", D(2022, 6, 1)))) == [
        "lloyd-austin",
        "test-usurper",
    ]


def test_the_ilo_secretariat_name_is_the_ilo() -> None:
    from tieline.actors.kb import load_kb

    kb = load_kb()
    for name in ("International Labour Office", "International Labor Office"):
        assert [h.entry.id for h in kb.lookup(name)] == ["ilo"]  # type: ignore[attr-defined]


def test_historical_demonym_of_cambodia() -> None:
    from tieline.actors.kb import load_kb

    kb = load_kb()
    assert {h.entry.iso3 for h in kb.lookup("Kampuchean")} == {"KHM"}  # type: ignore[attr-defined]
