"""Evaluation: the scoring protocol for the development sets, and naive baselines to check it.

The protocol (:mod:`tieline.evaluation.protocol`) has no spaCy dependency; the baselines
(:mod:`tieline.evaluation.baselines`) import spaCy when a model is loaded.
"""

from tieline.evaluation.protocol import (
    calibration,
    check_floors,
    format_table,
    load_floors,
    load_jsonl,
    main_event,
    penta_of,
    run_eval,
    score_actor_spans,
    score_case,
    score_entities,
    score_penta,
    score_plover,
)

__all__ = [
    "calibration",
    "check_floors",
    "format_table",
    "load_floors",
    "load_jsonl",
    "main_event",
    "penta_of",
    "run_eval",
    "score_actor_spans",
    "score_case",
    "score_entities",
    "score_penta",
    "score_plover",
]
