"""What multiplies spaCy's matrices (``Settings.blas``) and how many BLAS threads a worker process gets."""

from __future__ import annotations

import multiprocessing as mp

import pytest

from tieline.config import Settings
from tieline.errors import ConfigError
from tieline.nlp import NLP


def test_blas_setting_from_env_and_validated() -> None:
    assert Settings.from_env({}).blas == "numpy"
    assert Settings.from_env({"TIELINE_BLAS": " BLIS "}).blas == "blis"
    with pytest.raises(ConfigError, match="blas must be one of numpy, blis"):
        Settings.from_env({"TIELINE_BLAS": "mkl"})


def _ops_of(nlp: NLP) -> set[bool]:
    return {
        layer.ops.use_blis for name in ("tok2vec", "ner") for layer in nlp.nlp.get_pipe(name).model.walk()
    }


def test_blas_choice_holds_for_the_pipeline_and_parses_alike() -> None:
    """The networks' layers keep the ops they were loaded with (the parsers' output layer, which their own step loop
    multiplies with BLIS either way, aside); the process's current ops are left as they were; and the two give the
    same parse."""
    from thinc.api import get_current_ops

    before = get_current_ops()
    with_numpy = NLP.load(blas="numpy")
    with_blis = NLP.load(blas="blis")
    assert get_current_ops() is before
    tok2vec = with_numpy.nlp.get_pipe("tok2vec").model
    assert {layer.ops.use_blis for layer in tok2vec.walk()} == {False}
    assert {layer.ops.use_blis for layer in with_blis.nlp.get_pipe("tok2vec").model.walk()} == {True}
    assert False in _ops_of(with_numpy) and False not in _ops_of(with_blis)
    text = (
        "Kenya's defence minister met his US counterpart at the Pentagon on Tuesday.\\n"
        "They discussed al-Shabaab, the Westgate attack of 2013 and security in the Red Sea."
    )
    a, b = with_numpy.nlp(text), with_blis.nlp(text)
    assert [(t.tag_, t.dep_, t.head.i, t.ent_type_) for t in a] == [
        (t.tag_, t.dep_, t.head.i, t.ent_type_) for t in b
    ]
    with pytest.raises(ValueError, match="blas must be"):
        NLP.load(blas="mkl")


def _blas_threads_after_loading(_: int) -> list[int]:
    from threadpoolctl import threadpool_info

    from tieline.runner import worker_pipeline

    worker_pipeline(None)
    return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]


def test_a_worker_process_gets_one_blas_thread() -> None:
    with mp.get_context("spawn").Pool(1) as pool:
        threads = pool.map(_blas_threads_after_loading, [0])[0]
    assert threads and set(threads) == {1}
