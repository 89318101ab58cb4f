"""A watched folder: poll for new files and read each one once, when it has stopped changing.

A file is read when its size and modification time are the same on two polls in a row (so a file
still being written is not read half-way). Each path is read once; a file that is later rewritten is
not read again (its article ids would be the same or new; re-ingest it explicitly if needed).
"""

from __future__ import annotations

import datetime as _dt
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tieline.ingest.readers import read_paths
from tieline.model import Article, SkipRecord

__all__ = ["watch_folders"]


def _snapshot(folders: list[Path]) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for folder in folders:
        if folder.is_file():
            st = folder.stat()
            found[str(folder)] = (st.st_size, st.st_mtime_ns)
            continue
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                path = os.path.join(root, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                found[path] = (st.st_size, st.st_mtime_ns)
    return found


def watch_folders(
    folders: Iterable[str | Path],
    *,
    interval: float = 2.0,
    polls: int | None = None,
    default_date: _dt.date | None = None,
    sleep: Any = time.sleep,
) -> Iterator[Article | SkipRecord]:
    """Yield the articles of files as they appear under ``folders``, each file once, in path order.

    ``polls`` stops after that many polls (``None``: forever). Files present at the start are read too.
    """
    roots = [Path(f) for f in folders]
    done: set[str] = set()
    last: dict[str, tuple[int, int]] = {}
    n = 0
    while polls is None or n < polls:
        if n:
            sleep(interval)
        n += 1
        now = _snapshot(roots)
        ready = sorted(p for p, sig in now.items() if p not in done and last.get(p) == sig)
        last = now
        for path in ready:
            done.add(path)
            yield from read_paths([path], default_date=default_date)
