"""The request cues of events/asked.py load from modality.yaml and are checked (no model needed)."""

from __future__ import annotations

import pytest

from tieline.errors import DataFileError
from tieline.events.asked import AskedFor
from tieline.events.lexicon import load_lexicon


def test_request_cues_load_from_the_packaged_modality_file() -> None:
    asked = AskedFor.from_modality(load_lexicon().modality)
    assert {"urge", "demand", "seek"} <= asked.object_verbs
    assert {"call", "appeal", "press"} <= asked.for_words
    assert "urge" in asked.requested


@pytest.mark.parametrize("missing", ["asked_objects", "asked_for"])
def test_a_missing_request_cue_set_is_a_data_file_error(missing: str) -> None:
    mod = {k: v for k, v in load_lexicon().modality.items() if k != missing}
    with pytest.raises(DataFileError) as err:
        AskedFor.from_modality(mod)
    assert missing in str(err.value) and err.value.code == "E030"
