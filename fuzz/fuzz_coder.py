"""atheris fuzz target for the coder: ``tieline.load().code(text)`` on short texts; spans must slice exactly.

Run: ``.venv/bin/python fuzz/fuzz_coder.py -max_total_time=60 -max_len=400``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import tieline

PIPE = tieline.load()


def TestOneInput(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(400)
    art = tieline.Article.create(text, id="fuzz")
    for ev in PIPE.code(art):
        d = ev.to_dict()
        spans = [d["evidence"], *(d["actor"]), *(d["recipient"])]
        for s in spans:
            assert art.text[s["start"] : s["end"]] == s["text"], (s, text)


def main() -> None:
    PIPE.code("Kenya and Somalia signed a defence pact.")  # load spaCy before fuzzing
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
