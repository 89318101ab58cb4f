"""atheris fuzz target for the parsers: text, HTML, JSONL lines, records, clean_text, resolve_date.

Run: ``.venv/bin/python fuzz/fuzz_ingest.py -max_total_time=60``. Any exception is a finding.
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports():
    from tieline.events.dates import resolve_date
    from tieline.ingest.clean import clean_text, decode_bytes_with_reason
    from tieline.ingest.readers import read_html, read_json, read_text, record_to_article


def TestOneInput(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    which = fdp.ConsumeIntInRange(0, 5)
    rest = fdp.ConsumeBytes(fdp.remaining_bytes())
    text = rest.decode("utf-8", "replace")
    if which == 0:
        read_text(rest, source="fuzz.txt")
        decode_bytes_with_reason(rest)
    elif which == 1:
        read_html(rest, source="fuzz.html")
    elif which == 2:
        list(read_json(rest, source="fuzz.json"))
    elif which == 3:
        try:
            rec = json.loads(text)
        except (ValueError, RecursionError):
            rec = {"text": text}
        record_to_article(rec, source="fuzz:1")
    elif which == 4:
        assert clean_text(clean_text(text)) == clean_text(text)
    else:
        resolve_date(text, None)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
