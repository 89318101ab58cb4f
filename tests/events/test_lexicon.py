"""Tests for the pattern lexicon (verb/noun triggers, classes, modality cues)."""

from __future__ import annotations

import pathlib

import pytest

from tieline.errors import DataFileError
from tieline.events import lexicon as lexicon_mod
from tieline.events.lexicon import Lexicon, VerbPattern, load_lexicon
from tieline.events.ontology import load_ontology


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon()


def test_loads_with_version_and_is_cached(lex: Lexicon) -> None:
    assert lex.version.startswith("verbs")
    assert load_lexicon() is lex


def test_counts(lex: Lexicon) -> None:
    assert len(lex.verb_patterns) >= 500
    assert len(lex.noun_patterns) >= 100
    assert len({p.verb for p in lex.verb_patterns}) >= 300


def test_every_code_exists_in_the_ontology(lex: Lexicon) -> None:
    onto = load_ontology()
    for p in lex.verb_patterns:
        assert onto.has_code(p.code), p.source
    for n in lex.noun_patterns:
        assert onto.has_code(n.code), n.source


def test_every_cameo_root_has_verb_patterns(lex: Lexicon) -> None:
    roots = {p.code[:2] for p in lex.verb_patterns}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


def test_sign_agreement_is_most_specific(lex: Lexicon) -> None:
    pats = lex.verbs("sign")
    assert pats[0].code == "057"
    assert pats[0].object is not None and "agreement" in pats[0].object
    assert [p.specificity for p in pats] == sorted((p.specificity for p in pats), reverse=True)
    hit = lex.match_verb("sign", object_lemma="treaty", preps=["with"])
    assert hit is not None and hit.code == "057" and hit.specificity == 3 and hit.prep == "with"
    bare = lex.match_verb("sign", object_lemma="autograph")
    assert bare is not None and bare.specificity == 0


@pytest.mark.parametrize(
    ("verb", "obj", "preps", "code"),
    [
        ("meet", None, ["with"], "040"),
        ("visit", "country", [], "042"),
        ("call", None, ["on"], "020"),
        ("call", None, ["for"], "020"),
        ("cut", "tie", ["with"], "161"),
        ("sever", "relation", [], "161"),
        ("impose", "sanction", ["on"], "163"),
        ("lift", "sanction", [], "085"),
        ("impose", "curfew", [], "1723"),
        ("declare", "ceasefire", [], "0871"),
        ("recall", "ambassador", [], "161"),
        ("expel", "diplomat", [], "161"),
        ("expel", "journalist", [], "174"),
        ("release", "prisoner", [], "0841"),
        ("release", "statement", [], "010"),
        ("launch", "airstrike", [], "195"),
        ("carry", "attack", ["out"], "190"),
        ("open", "fire", ["on"], "190"),
        ("hold", "talk", ["with"], "040"),
        ("hold", "exercise", [], "150"),
        ("hold", "exercise", ["with"], "062"),
        ("send", "troop", ["to"], "154"),
        ("send", "weapon", ["to"], "072"),
        ("threaten", "sanction", [], "1312"),
        ("arrest", None, [], "173"),
        ("kill", None, [], "190"),
        ("shell", None, [], "194"),
        ("assassinate", None, [], "186"),
        ("kidnap", None, [], "181"),
        ("condemn", None, [], "111"),
        ("criticise", None, [], "111"),
        ("criticize", None, [], "111"),
        ("accuse", None, [], "112"),
        ("veto", None, [], "129"),
        ("protest", None, [], "141"),
        ("pull", None, ["out"], "087"),
        ("step", None, ["down"], "0831"),
        ("mobilise", None, [], "154"),
        ("mobilize", None, [], "154"),
        ("investigate", None, [], "090"),
        ("demand", None, [], "100"),
        ("massacre", None, [], "202"),
        ("pledge", None, [], "030"),
        ("praise", None, [], "051"),
        ("share", "intelligence", ["with"], "064"),
        ("deny", None, [], "016"),
    ],
)
def test_match_verb(lex: Lexicon, verb: str, obj: str | None, preps: list[str], code: str) -> None:
    hit = lex.match_verb(verb, object_lemma=obj, preps=preps)
    assert hit is not None, (verb, obj, preps)
    assert hit.code == code, hit.source


def test_unknown_verb_and_unmatched_constraints(lex: Lexicon) -> None:
    assert lex.verbs("xyzzy") == []
    assert lex.match_verb("xyzzy") is None
    assert not lex.is_verb_trigger("xyzzy")
    assert lex.is_verb_trigger("Attack")
    # "impose" has no bare pattern: with an unrelated object nothing matches
    assert lex.match_verb("impose", object_lemma="will") is None


def test_recipient_roles(lex: Lexicon) -> None:
    send = lex.match_verb("send", object_lemma="weapon", preps=["to"])
    assert send is not None and send.object_is == "theme" and send.recipient_role == "theme"
    deploy = lex.match_verb("deploy", object_lemma="battalion")
    assert deploy is not None and deploy.object is None and deploy.recipient == "theme"
    cut = lex.match_verb("cut", object_lemma="tie", preps=["with"])
    assert cut is not None and cut.recipient_role == "prep"
    arrest = lex.match_verb("arrest")
    assert arrest is not None and arrest.recipient_role == "object"
    resign = lex.match_verb("resign")
    assert resign is not None and resign.recipient_role == "none"


def test_xcomp_flags(lex: Lexicon) -> None:
    threaten = lex.match_verb("threaten")
    assert threaten is not None and threaten.xcomp
    assert lex.match_verb("urge") is not None and lex.match_verb("urge").xcomp  # type: ignore[union-attr]


def test_sources_point_at_lines(lex: Lexicon) -> None:
    for p in lex.verbs("attack"):
        assert p.source.startswith("verbs.yaml#")
        assert int(p.source.split("#")[1]) > 10


@pytest.mark.parametrize(
    ("noun", "mods", "code"),
    [
        ("attack", [], "190"),
        ("attack", ["suicide"], "1831"),
        ("strike", [], "190"),
        ("strike", ["hunger"], "142"),
        ("strike", ["general"], "143"),
        ("strike", ["air"], "195"),
        ("talk", [], "040"),
        ("visit", [], "042"),
        ("ceasefire", [], "0871"),
        ("sanction", [], "163"),
        ("aid", ["military"], "072"),
        ("aid", ["humanitarian"], "073"),
        ("exercise", ["joint"], "062"),
        ("exercise", [], "150"),
        ("protest", [], "141"),
        ("arrest", [], "173"),
        ("agreement", [], "057"),
    ],
)
def test_match_noun(lex: Lexicon, noun: str, mods: list[str], code: str) -> None:
    hit = lex.match_noun(noun, modifiers=mods)
    assert hit is not None
    assert hit.code == code, hit.source


def test_noun_preps(lex: Lexicon) -> None:
    attack = lex.match_noun("attack")
    assert attack is not None and "on" in attack.prep and "by" in attack.agent_prep
    talks = lex.match_noun("talk")
    assert talks is not None and "between" in talks.reciprocal_prep
    # without modifiers only the plain senses are offered; with them, the matching ones come first
    assert all(p.modifier is None for p in lex.nouns("strike"))
    assert lex.nouns("strike")[0].code == "190"
    assert lex.nouns("strike", ["hunger"])[0].code == "142"
    assert lex.nouns("strike", ["hunger"])[-1].code == "190"
    assert lex.nouns("law") == []  # only "martial law" is an event
    assert lex.match_noun("law") is None
    assert lex.match_noun("law", modifiers=["martial"]) is not None
    assert len(lex.noun_patterns) > len(
        [p for n in {q.noun for q in lex.noun_patterns} for p in lex.nouns(n)]
    )


def test_classes(lex: Lexicon) -> None:
    assert "treaty" in lex.classes["agreement"]
    assert "airstrike" in lex.classes["attack"]
    assert all(w == w.lower() for cls in lex.classes.values() for w in cls)


def test_modality(lex: Lexicon) -> None:
    for name in lexicon_mod.REQUIRED_MODALITY:
        assert lex.modality[name]
    assert lex.cue("pledged", "vow")
    assert lex.cue("reporting", "say")
    assert lex.cue("negators", "no")  # a YAML boolean if unquoted
    assert lex.cue("threatened", "threaten")
    assert not lex.cue("pledged", "attack")
    assert not lex.cue("no-such-set", "say")


def test_british_and_american_spellings(lex: Lexicon) -> None:
    for a, b in [
        ("criticise", "criticize"),
        ("mobilise", "mobilize"),
        ("apologise", "apologize"),
        ("recognise", "recognize"),
        ("demobilise", "demobilize"),
        ("normalise", "normalize"),
    ]:
        assert lex.verbs(a) and lex.verbs(b), (a, b)
        assert lex.verbs(a)[-1].code == lex.verbs(b)[-1].code


# ------------------------------------------------------------------ schema errors
def _parse_verbs(
    rows: list[dict[str, object]], classes: dict[str, frozenset[str]] | None = None
) -> list[VerbPattern]:
    return lexicon_mod._parse_verbs({"version": 1, "verbs": rows}, [], classes or {}, load_ontology())


def test_verb_schema_errors() -> None:
    assert _parse_verbs([{"verb": "attack", "code": "190"}])[0].specificity == 0
    with pytest.raises(DataFileError, match="does not exist"):
        _parse_verbs([{"verb": "attack", "code": "999"}])
    with pytest.raises(DataFileError, match="quoted string"):
        _parse_verbs([{"verb": "attack", "code": 190}])
    with pytest.raises(DataFileError, match="boolean"):
        _parse_verbs([{"verb": "call", "prep": True, "code": "020"}])
    with pytest.raises(DataFileError, match="unknown class"):
        _parse_verbs([{"verb": "sign", "object": "@nothing", "code": "057"}])
    with pytest.raises(DataFileError, match="unknown keys"):
        _parse_verbs([{"verb": "sign", "cod": "057"}])
    with pytest.raises(DataFileError, match="already defined"):
        _parse_verbs([{"verb": "sign", "code": "057"}, {"verb": "sign", "code": "057"}])
    with pytest.raises(DataFileError, match="recipient"):
        _parse_verbs([{"verb": "sign", "code": "057", "recipient": "subject"}])
    with pytest.raises(DataFileError, match="one lower-case lemma"):
        _parse_verbs([{"verb": "Pull out", "code": "087"}])
    pats = _parse_verbs(
        [{"verb": "sign", "object": ["@agr", "deal"], "prep": "with", "code": "057"}],
        {"agr": frozenset({"treaty"})},
    )
    assert pats[0].object == frozenset({"treaty", "deal"}) and pats[0].specificity == 3


def test_noun_and_modality_schema_errors() -> None:
    onto = load_ontology()
    with pytest.raises(DataFileError, match="does not exist"):
        lexicon_mod._parse_nouns({"nouns": [{"noun": "attack", "code": "999"}]}, [], {}, onto)
    with pytest.raises(DataFileError, match="boolean"):
        lexicon_mod._parse_nouns({"nouns": [{"noun": "attack", "code": "190", "prep": [True]}]}, [], {}, onto)
    with pytest.raises(DataFileError, match="missing cue sets"):
        lexicon_mod._parse_modality({"version": 1, "pledged": ["vow"]})


def test_narrower_object_class_wins_among_equals(lex: Lexicon) -> None:
    assert "airstrike" in lex.classes["attack"]
    hit = lex.match_verb("launch", object_lemma="airstrike", preps=["on"])
    assert hit is not None and hit.code == "195"
    hit = lex.match_verb("launch", object_lemma="raid", preps=["on"])
    assert hit is not None and hit.code == "190"


def test_subject_constraint() -> None:
    pats = _parse_verbs(
        [
            {"verb": "arrive", "subject": "@troop", "code": "154", "recipient": "none"},
            {"verb": "arrive", "code": "042", "prep": "in"},
        ],
        {"troop": frozenset({"troop", "soldier"})},
    )
    assert pats[0].subject == frozenset({"troop", "soldier"}) and pats[0].specificity == 2
    assert pats[1].subject is None
    with pytest.raises(DataFileError, match="unknown class"):
        _parse_verbs([{"verb": "arrive", "subject": "@nothing", "code": "154"}])
    with pytest.raises(DataFileError, match="lower-case"):
        _parse_verbs([{"verb": "arrive", "subject": ["Troop"], "code": "154"}])
    # the same verb and object with and without a subject set are two patterns, not a duplicate
    both = _parse_verbs(
        [{"verb": "land", "code": "154", "subject": "troop"}, {"verb": "land", "code": "042"}]
    )
    assert len(both) == 2


def test_standalone_patterns_need_the_word_that_makes_the_act_clear() -> None:
    from tieline.events.lexicon import Lexicon

    lex = Lexicon.load()
    seized = [p for p in lex.verbs("seize") if p.standalone]
    assert seized and all(p.object for p in seized)
    assert "weapon" in seized[0].object
    grenade = [p for p in lex.nouns("attack", modifiers=["grenade"]) if p.standalone]
    assert grenade and grenade[0].modifier is not None


def test_standalone_schema_errors() -> None:
    with pytest.raises(DataFileError, match="needs an `object`"):
        _parse_verbs([{"verb": "seize", "code": "1711", "standalone": True}])
    with pytest.raises(DataFileError, match="true or false"):
        _parse_verbs([{"verb": "seize", "object": "weapon", "code": "1711", "standalone": "yes"}])
    onto = load_ontology()
    with pytest.raises(DataFileError, match="needs a `modifier`"):
        lexicon_mod._parse_nouns(
            {"version": 1, "nouns": [{"noun": "attack", "code": "190", "standalone": True}]}, [], {}, onto
        )


def test_repeatable_verbs_lend_their_patterns_to_re_forms() -> None:
    lex = Lexicon.load()
    assert "impose" in lex.repeatable
    assert lex.verbs("reimpose") == lex.verbs("impose") != []
    assert lex.verbs("re-open") == lex.verbs("open")
    # a re-word with patterns of its own keeps them; a stem that is not repeatable lends nothing
    assert lex.verbs("resign") != lex.verbs("sign")
    assert lex.verbs("recall") != lex.verbs("call")


def test_the_lexicon_version_names_the_content_of_every_event_data_file(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The coder version an event records changes when any events/data file does (not only a declared version)."""
    import shutil
    from importlib import resources

    from tieline.events import lexicon as lexmod

    base = lexmod._data_digest()
    assert Lexicon.load().version.endswith(";" + base) and base.startswith("sha256=")
    # the same files elsewhere give the same digest; one changed byte in any of them another
    pkg = tmp_path / "tieline"
    shutil.copytree(resources.files("tieline") / "events" / "data", pkg / "events" / "data")
    monkeypatch.setattr(lexmod.resources, "files", lambda _name: pkg)
    assert lexmod._data_digest() == base
    senses = pkg / "events" / "data" / "senses.yaml"
    senses.write_text(senses.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert lexmod._data_digest() != base
