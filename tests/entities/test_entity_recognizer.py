"""The recogniser on hand-built parses: each new label, nominal mentions, overlaps and KB fixes."""

from __future__ import annotations

import itertools

import pytest
from entity_builders import article

from tieline.entities import EntityRecognizer
from tieline.model import Article, Mention


@pytest.fixture(scope="module")
def rec() -> EntityRecognizer:
    return EntityRecognizer.load()


def found(rec: EntityRecognizer, a: Article) -> dict[str, Mention]:
    ms = rec.find(a)
    for m in ms:
        assert m.text == a.text[m.start : m.end]
    spans = sorted((m.start, m.end) for m in ms)
    assert all(e <= s2 for (_, e), (s2, _) in itertools.pairwise(spans)), "mentions overlap"
    return {m.text: m for m in ms}


def test_named_platform_from_the_gazetteer_takes_its_head_noun(rec: EntityRecognizer) -> None:
    a = article([("Poland", "PROPN", "nsubj", 1), ("bought", "VERB", "ROOT", 1), ("F-16", "PROPN", "compound", 3),
                 ("jets", "NOUN", "dobj", 1, "NNS", "jet"), (".", "PUNCT", "punct", 1)], [(0, 1, "GPE")])  # fmt: skip
    m = found(rec, a)["F-16 jets"]
    assert (m.label, m.source, m.entity_id) == ("MILITARY_PLATFORM", "gazetteer", "f-16")
    entry = rec.entry("f-16")
    assert entry is not None and entry.country == "USA" and entry.maker == "Lockheed Martin"


def test_named_weapon_replaces_a_spacy_mention(rec: EntityRecognizer) -> None:
    a = article([("Britain", "PROPN", "nsubj", 1), ("sent", "VERB", "ROOT", 1), ("Storm", "PROPN", "compound", 3),
                 ("Shadow", "PROPN", "compound", 4), ("missiles", "NOUN", "dobj", 1, "NNS", "missile")],
                [(0, 1, "GPE"), (2, 4, "ORG")])  # fmt: skip
    ms = found(rec, a)
    assert ms["Storm Shadow missiles"].label == "WEAPON"
    assert ms["Storm Shadow missiles"].entity_id == "storm-shadow"
    assert "Storm Shadow" not in ms  # spaCy's ORG lost the overlap


def test_designation_pattern_gets_its_label_from_the_prefix_or_the_head(rec: EntityRecognizer) -> None:
    a = article([("The", "DET", "det", 1), ("Su-99", "PROPN", "nsubj", 2), ("crashed", "VERB", "ROOT", 2),
                 ("near", "ADP", "prep", 2), ("an", "DET", "det", 6), ("XQ-58", "PROPN", "compound", 6),
                 ("drone", "NOUN", "pobj", 3)])  # fmt: skip
    ms = found(rec, a)
    assert (ms["Su-99"].label, ms["Su-99"].source) == ("MILITARY_PLATFORM", "pattern")
    assert ms["XQ-58 drone"].label == "MILITARY_PLATFORM"


def test_designation_guards(rec: EntityRecognizer) -> None:
    a = article([("She", "PRON", "nsubj", 1, "PRP", "she"), ("holds", "VERB", "ROOT", 1),
                 ("an", "DET", "det", 3), ("H-1B", "PROPN", "compound", 4), ("visa", "NOUN", "dobj", 1),
                 ("and", "CCONJ", "cc", 4), ("teaches", "VERB", "conj", 1), ("K-12", "PROPN", "dobj", 6)])  # fmt: skip
    labels = {m.label for m in rec.find(a)}
    assert not labels & {"MILITARY_PLATFORM", "WEAPON"}


def test_ambiguous_alias_needs_a_defence_cue(rec: EntityRecognizer) -> None:
    fans = article([("Patriot", "PROPN", "compound", 1), ("fans", "NOUN", "nsubj", 2, "NNS", "fan"),
                    ("cheered", "VERB", "ROOT", 2)])  # fmt: skip
    assert not any(m.label == "MILITARY_PLATFORM" for m in rec.find(fans))
    battery = article([("A", "DET", "det", 2), ("Patriot", "PROPN", "compound", 2), ("battery", "NOUN", "nsubjpass", 4),
                       ("was", "AUX", "auxpass", 4), ("deployed", "VERB", "ROOT", 4)])  # fmt: skip
    m = found(rec, battery)["Patriot battery"]
    assert (m.label, m.entity_id) == ("MILITARY_PLATFORM", "patriot")


def test_generic_nominal_weapons_and_platforms(rec: EntityRecognizer) -> None:
    a = article([("Iran", "PROPN", "nsubj", 1), ("fired", "VERB", "ROOT", 1), ("ballistic", "ADJ", "amod", 3),
                 ("missiles", "NOUN", "dobj", 1, "NNS", "missile"), ("at", "ADP", "prep", 1),
                 ("the", "DET", "det", 6), ("warships", "NOUN", "pobj", 4, "NNS", "warship"),
                 ("and", "CCONJ", "cc", 6), ("fighter", "NOUN", "compound", 9),
                 ("jets", "NOUN", "conj", 6, "NNS", "jet")], [(0, 1, "GPE")])  # fmt: skip
    ms = found(rec, a)
    assert ms["ballistic missiles"].label == "WEAPON"
    assert ms["the warships"].label == "MILITARY_PLATFORM"
    assert ms["fighter jets"].label == "MILITARY_PLATFORM"
    assert ms["ballistic missiles"].entity_id is None


def test_blocked_heads_are_not_hardware(rec: EntityRecognizer) -> None:
    a = article([("The", "DET", "det", 2), ("think", "NOUN", "compound", 2), ("tank", "NOUN", "nsubj", 3),
                 ("warned", "VERB", "ROOT", 3), ("of", "ADP", "prep", 3), ("a", "DET", "det", 7),
                 ("hunger", "NOUN", "compound", 7), ("strike", "NOUN", "pobj", 4)])  # fmt: skip
    assert not any(m.label in ("MILITARY_PLATFORM", "WEAPON") for m in rec.find(a))


def test_units_by_pattern_and_by_name(rec: EntityRecognizer) -> None:
    a = article([("The", "DET", "det", 3), ("82nd", "PROPN", "compound", 3), ("Airborne", "PROPN", "compound", 3),
                 ("Division", "PROPN", "nsubj", 4), ("joined", "VERB", "ROOT", 4), ("Kenya", "PROPN", "compound", 7),
                 ("Defence", "PROPN", "compound", 7), ("Forces", "PROPN", "dobj", 4), ("and", "CCONJ", "cc", 7),
                 ("the", "DET", "det", 11), ("Royal", "PROPN", "compound", 11), ("Navy", "PROPN", "conj", 7)],
                [(0, 4, "ORG"), (5, 8, "ORG"), (9, 12, "ORG")])  # fmt: skip
    ms = found(rec, a)
    assert ms["The 82nd Airborne Division"].label == "MILITARY_UNIT"
    assert ms["Kenya Defence Forces"].label == "MILITARY_UNIT"
    assert ms["the Royal Navy"].label == "MILITARY_UNIT"


def test_operation_pattern(rec: EntityRecognizer) -> None:
    a = article([("Denmark", "PROPN", "nsubj", 1), ("joined", "VERB", "ROOT", 1), ("Operation", "PROPN", "compound", 4),
                 ("Harbour", "PROPN", "compound", 4), ("Lantern", "PROPN", "dobj", 1)], [(0, 1, "GPE")])  # fmt: skip
    m = found(rec, a)["Operation Harbour Lantern"]
    assert (m.label, m.source) == ("OPERATION", "pattern")


def test_agreements_named_and_nominal(rec: EntityRecognizer) -> None:
    a = article([("They", "PRON", "nsubj", 1), ("left", "VERB", "ROOT", 1), ("the", "DET", "det", 5),
                 ("New", "PROPN", "compound", 4), ("START", "PROPN", "compound", 5), ("treaty", "NOUN", "dobj", 1),
                 ("and", "CCONJ", "cc", 1), ("signed", "VERB", "conj", 1), ("a", "DET", "det", 11),
                 ("maritime", "ADJ", "amod", 11), ("security", "NOUN", "compound", 11), ("pact", "NOUN", "dobj", 7)])  # fmt: skip
    ms = found(rec, a)
    assert ms["the New START treaty"].label == "AGREEMENT"
    assert ms["a maritime security pact"].label == "AGREEMENT"
    assert ms["They"].label == "ORG"


def test_named_ship_pattern(rec: EntityRecognizer) -> None:
    a = article([("Missiles", "NOUN", "nsubj", 1, "NNS", "missile"), ("targeted", "VERB", "ROOT", 1),
                 ("USS", "PROPN", "compound", 3), ("Harborview", "PROPN", "dobj", 1)])  # fmt: skip
    ms = found(rec, a)
    assert ms["USS Harborview"].label == "MILITARY_PLATFORM"
    assert ms["Missiles"].label == "WEAPON"


def test_nominal_and_pronoun_mentions_of_actors(rec: EntityRecognizer) -> None:
    a = article([("He", "PRON", "nsubj", 1, "PRP", "he"), ("said", "VERB", "ROOT", 1), ("the", "DET", "det", 3),
                 ("army", "NOUN", "nsubj", 6), ("and", "CCONJ", "cc", 3), ("rebels", "NOUN", "conj", 3, "NNS", "rebel"),
                 ("clashed", "VERB", "ccomp", 1), ("near", "ADP", "prep", 6), ("the", "DET", "det", 9),
                 ("town", "NOUN", "pobj", 7), ("and", "CCONJ", "cc", 6), ("their", "PRON", "poss", 12, "PRP$", "their"),
                 ("commander", "NOUN", "nsubj", 13), ("fled", "VERB", "conj", 6)])  # fmt: skip
    ms = found(rec, a)
    assert ms["He"].label == "PERSON"
    assert ms["the army"].label == "ORG"
    assert ms["rebels"].label == "ORG"  # a plural of people is a group
    assert ms["the town"].label == "LOC"
    assert ms["their commander"].label == "PERSON"
    assert "their" not in ms  # a possessive alone is not annotated


def test_nominal_phrase_leaves_a_named_modifier_to_spacy(rec: EntityRecognizer) -> None:
    a = article([("Israeli", "ADJ", "amod", 1), ("jets", "NOUN", "nsubj", 2, "NNS", "jet"),
                 ("struck", "VERB", "ROOT", 2)], [(0, 1, "NORP")])  # fmt: skip
    ms = found(rec, a)
    assert ms["Israeli"].label == "NORP" and ms["Israeli"].source == "ner"
    assert ms["jets"].label == "MILITARY_PLATFORM"


def test_knowledge_base_fixes_spacy_types(rec: EntityRecognizer) -> None:
    a = article([("Daesh", "PROPN", "nsubj", 1), ("attacked", "VERB", "ROOT", 1), ("civilians", "NOUN", "dobj", 1, "NNS", "civilian"),
                 ("in", "ADP", "prep", 1), ("Qaryatayn", "PROPN", "pobj", 3)], [(0, 1, "PERSON"), (4, 5, "PERSON")])  # fmt: skip
    ms = found(rec, a)
    assert ms["Daesh"].label == "ORG"  # an armed group in the actor knowledge base
    assert ms["Daesh"].entity_id == "armed_group:islamic-state"
    assert ms["Qaryatayn"].label == "GPE"  # the object of "in" is a place
    assert ms["civilians"].label == "ORG"


def test_find_without_tokens_still_matches_names(rec: EntityRecognizer) -> None:
    a = Article.create("Ukraine received HIMARS and Leopard 2A6 tanks.")
    ms = {m.text: m for m in rec.find(a)}
    assert ms["HIMARS"].label == "MILITARY_PLATFORM"
    assert ms["Leopard 2A6 tanks"].entity_id == "leopard-2"


def test_ambiguous_alias_inside_a_longer_name_is_not_hardware(rec: EntityRecognizer) -> None:
    a = article([("Army", "PROPN", "compound", 1), ("officers", "NOUN", "nsubj", 2, "NNS", "officer"),
                 ("criticised", "VERB", "ROOT", 2), ("the", "DET", "det", 5), ("Patriot", "PROPN", "compound", 5),
                 ("Act", "PROPN", "dobj", 2)], [(3, 6, "LAW")])  # fmt: skip
    assert not any(m.label == "MILITARY_PLATFORM" for m in rec.find(a))


def test_generic_exercises_and_operations_need_a_military_modifier(rec: EntityRecognizer) -> None:
    a = article([("The", "DET", "det", 2), ("navies", "NOUN", "nsubj", 2, "NNS", "navy"), ("held", "VERB", "ROOT", 2),
                 ("joint", "ADJ", "amod", 4), ("drills", "NOUN", "dobj", 2, "NNS", "drill"), ("after", "ADP", "prep", 2),
                 ("the", "DET", "det", 8), ("rescue", "NOUN", "compound", 8), ("operation", "NOUN", "pobj", 5),
                 ("and", "CCONJ", "cc", 2), ("the", "DET", "det", 11), ("exercise", "NOUN", "conj", 8),
                 ("of", "ADP", "prep", 11), ("power", "NOUN", "pobj", 12)])  # fmt: skip
    ms = found(rec, a)
    assert ms["joint drills"].label == "OPERATION"
    assert ms["the rescue operation"].label == "OPERATION"
    assert not any(m.label == "OPERATION" and "exercise" in m.text for m in ms.values())


def test_aircraft_kinds_coordinated_with_aircraft_are_platforms(rec: EntityRecognizer) -> None:
    a = article([("They", "PRON", "nsubj", 1), ("used", "VERB", "ROOT", 1), ("fighter", "NOUN", "nmod", 5),
                 ("and", "CCONJ", "cc", 2), ("bomber", "NOUN", "conj", 2), ("aircraft", "NOUN", "dobj", 1),
                 ("against", "ADP", "prep", 1), ("fighters", "NOUN", "pobj", 6, "NNS", "fighter")])  # fmt: skip
    ms = rec.find(a)
    labels = {(m.text, m.label) for m in ms}
    assert ("fighter", "MILITARY_PLATFORM") in labels
    assert ("fighters", "ORG") in labels  # combatants, not jets


def test_places_after_near_and_coordinates(rec: EntityRecognizer) -> None:
    text = "Near Tal Zahra, two strikes hit a depot. Coordinates: 34°12′N 42°05′E."
    ms = {m.text: m for m in rec.find(Article.create(text))}
    assert ms["Tal Zahra"].label == "GPE"
    assert ms["34°12′N 42°05′E"].label == "LOC"


def test_knowledge_base_names_match_with_an_apostrophe_inside(rec: EntityRecognizer) -> None:
    ms = {m.text: m for m in rec.find(Article.create("Coalition jets struck Da’esh positions."))}
    assert ms["Da’esh"].label == "ORG" and ms["Da’esh"].entity_id == "armed_group:islamic-state"
