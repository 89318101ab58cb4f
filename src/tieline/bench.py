"""Throughput benchmark: a seeded corpus of news-like articles, bare spaCy parsing vs the end-to-end run.

>>> from tieline.bench import generate_corpus, run_bench
>>> result = run_bench(articles=200, processes=2, repeat=3)
>>> result.ratio  # end-to-end articles/s divided by bare spaCy articles/s

Both timings use the same texts, the same model and the same process count, in the same run; the
end-to-end run reads nothing from disk (the corpus is in memory) but writes every article, mention
and event into a temporary DuckDB store through ``tieline.runner.run_ingest``.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .model import Article
from .runner import WRITER_MEMORY

__all__ = ["BenchResult", "PeakMemory", "generate_corpus", "read_corpus", "run_bench", "write_corpus"]

# -- the corpus generator ------------------------------------------------------------------------------
# (country, capital, demonym, leader title + name, defence minister)
_STATES: tuple[tuple[str, str, str, str, str], ...] = (
    ("Kenya", "Nairobi", "Kenyan", "President William Ruto", "Defence Cabinet Secretary Soipan Tuya"),
    ("Somalia", "Mogadishu", "Somali", "President Hassan Sheikh Mohamud", "Defence Minister Abdulkadir Nur"),
    ("Ethiopia", "Addis Ababa", "Ethiopian", "Prime Minister Abiy Ahmed", "Defence Minister Aisha Mohammed"),
    ("Nigeria", "Abuja", "Nigerian", "President Bola Tinubu", "Defence Minister Mohammed Badaru"),
    ("France", "Paris", "French", "President Emmanuel Macron", "Armed Forces Minister Sebastien Lecornu"),
    ("Germany", "Berlin", "German", "Chancellor Olaf Scholz", "Defence Minister Boris Pistorius"),
    ("Poland", "Warsaw", "Polish", "Prime Minister Donald Tusk", "Defence Minister Wladyslaw Kosiniak-Kamysz"),
    ("Ukraine", "Kyiv", "Ukrainian", "President Volodymyr Zelensky", "Defence Minister Rustem Umerov"),
    ("Russia", "Moscow", "Russian", "President Vladimir Putin", "Defence Minister Andrei Belousov"),
    ("Turkey", "Ankara", "Turkish", "President Recep Tayyip Erdogan", "Defence Minister Yasar Guler"),
    ("India", "New Delhi", "Indian", "Prime Minister Narendra Modi", "Defence Minister Rajnath Singh"),
    ("Pakistan", "Islamabad", "Pakistani", "Prime Minister Shehbaz Sharif", "Defence Minister Khawaja Asif"),
    ("Japan", "Tokyo", "Japanese", "Prime Minister Fumio Kishida", "Defence Minister Minoru Kihara"),
    ("China", "Beijing", "Chinese", "President Xi Jinping", "Defence Minister Dong Jun"),
    ("Australia", "Canberra", "Australian", "Prime Minister Anthony Albanese", "Defence Minister Richard Marles"),
    ("Brazil", "Brasilia", "Brazilian", "President Luiz Inacio Lula da Silva", "Defence Minister Jose Mucio"),
    ("Egypt", "Cairo", "Egyptian", "President Abdel Fattah al-Sisi", "Defence Minister Abdel Mageed Saqr"),
    ("Israel", "Jerusalem", "Israeli", "Prime Minister Benjamin Netanyahu", "Defence Minister Yoav Gallant"),
    ("Iran", "Tehran", "Iranian", "President Masoud Pezeshkian", "Defence Minister Aziz Nasirzadeh"),
    ("Philippines", "Manila", "Philippine", "President Ferdinand Marcos", "Defence Secretary Gilberto Teodoro"),
)  # fmt: skip
_ORGS = ("NATO", "the African Union", "the United Nations", "the European Union", "ASEAN")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TOPICS = (
    "maritime security", "counter-terrorism", "border security", "air defence", "cyber defence",
    "arms control", "peacekeeping", "military training", "intelligence sharing", "naval patrols",
)  # fmt: skip

# Event sentences: {a}/{b} countries, {la}/{lb} leaders, {ma}/{mb} ministers, {ca}/{cb} capitals,
# {da}/{db} demonyms, {o} an organisation, {d} a weekday, {t} a topic, {n} a number.
_EVENT_TEMPLATES = (
    "{a} and {b} signed a defence cooperation agreement in {ca} on {d}.",
    "{la} met {lb} in {cb} on {d} to discuss {t}.",
    "{ma} visited {cb} on {d} for talks on {t} with his {db} counterpart.",
    "{a} accused {b} of violating its airspace with military drones on {d}.",
    "{la} condemned the attack on {db} soldiers near the border.",
    "{da} forces attacked rebel positions inside {b} on {d}, killing {n} fighters.",
    "{a} imposed new sanctions on {b} over its missile programme.",
    "{a} pledged {n} million dollars in military aid to {b}.",
    "{a} threatened to expel {db} diplomats if the detentions continued.",
    "{a} denied that its troops had crossed into {b}.",
    "{o} urged {a} and {b} to resume negotiations on {t}.",
    "{a} agreed to deploy {n} troops to a peacekeeping mission in {b}.",
    "Thousands of people protested outside the {db} embassy in {ca} on {d}.",
    "{a} recalled its ambassador from {b} after the incident.",
    "{ma} said {a} would sell {n} armoured vehicles to {b}.",
    "{la} praised {b} for its support during the crisis.",
    "{a} and {b} held joint naval exercises in the region on {d}.",
    "{da} police arrested {n} suspects accused of spying for {b}.",
)  # fmt: skip
# Background sentences that carry no event between two states.
_FILLER_TEMPLATES = (
    "Analysts said the move reflected growing concern in {ca} about {t}.",
    "The statement came a day after officials in {ca} reviewed the country's {t} budget.",
    "Officials did not give further details about the timetable or the cost of the plan.",
    "The region has seen a sharp rise in tension over {t} during the past year.",
    "Diplomats in {ca} described the atmosphere of the meeting as frank and constructive.",
    "According to figures published last month, spending on {t} rose by {n} percent.",
    "The {da} government has faced criticism at home over its handling of {t}.",
    "Security experts warned that the situation could deteriorate quickly without a lasting settlement.",
    "Local media reported that {n} people had been displaced by the fighting this year.",
    "The talks are expected to continue next month, a spokesperson for the ministry said.",
    "Opposition lawmakers in {ca} called for a parliamentary debate on {t}.",
    "Markets in {ca} were little changed after the announcement.",
)  # fmt: skip


def _fill(template: str, rng: random.Random) -> str:
    a, b = rng.sample(_STATES, 2)
    return template.format(
        a=a[0], b=b[0], ca=a[1], cb=b[1], da=a[2], db=b[2], la=a[3], lb=b[3], ma=a[4], mb=b[4],
        o=rng.choice(_ORGS), d=rng.choice(_DAYS), t=rng.choice(_TOPICS), n=rng.randint(2, 900),
    )  # fmt: skip


def make_article(index: int, *, seed: int = 0, words: int = 500, per_day: int | None = None) -> Article:
    """One news-like article of about ``words`` words (a title line, then paragraphs of 3-5 sentences).

    Dated day ``index mod 366`` of 2024 (a corpus packed into one year: the more articles, the more on each
    day), or, with ``per_day``, day ``index // per_day`` from 2024-01-01 (a stream in date order: the same
    number of articles every day however long the corpus)."""
    rng = random.Random(f"{seed}:{index}")
    title = _fill(rng.choice(_EVENT_TEMPLATES), rng).rstrip(".")
    paragraphs: list[str] = []
    n_words = 0
    while n_words < words:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            pool = _EVENT_TEMPLATES if rng.random() < 0.4 else _FILLER_TEMPLATES
            s = _fill(rng.choice(pool), rng)
            sentences.append(s)
            n_words += len(s.split())
        paragraphs.append(" ".join(sentences))
    day = _dt.date(2024, 1, 1) + _dt.timedelta(days=index // per_day if per_day else index % 366)
    text = "\n\n".join(paragraphs)
    return Article.create(text, id=f"bench-{seed}-{index:07d}", title=title, date=day, source="tieline-bench")


def generate_corpus(
    n: int, *, seed: int = 0, words: int = 500, per_day: int | None = None
) -> Iterator[Article]:
    """``n`` seeded articles, generated lazily (the same seed always gives the same texts); dated as
    :func:`make_article` says."""
    for i in range(n):
        yield make_article(i, seed=seed, words=words, per_day=per_day)


def write_corpus(
    path: str | Path, n: int, *, seed: int = 0, words: int = 500, per_day: int | None = None
) -> Path:
    """Write the generated corpus as JSONL records ``{id, title, date, source, text}``."""
    p = Path(path)
    with p.open("w", encoding="utf-8") as fh:
        for a in generate_corpus(n, seed=seed, words=words, per_day=per_day):
            rec = {"id": a.id, "title": a.title, "date": a.date.isoformat() if a.date else None}
            rec.update(source=a.source, text=a.text)
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return p


def read_corpus(path: str | Path, n: int | None = None) -> list[Article]:
    """Articles from a corpus file or folder (any input ``tieline.read_paths`` reads); skips are dropped."""
    from .ingest import read_paths

    out: list[Article] = []
    for item in read_paths([path]):
        if isinstance(item, Article):
            out.append(item)
            if n is not None and len(out) >= n:
                break
    return out


# -- memory ------------------------------------------------------------------------------------------


class PeakMemory:
    """Peak resident memory of this process and of its whole process tree (sampled), in MiB.

    ``self_mib`` is ``ru_maxrss`` of this process; ``tree_mib`` is the largest sum of RSS over this
    process and all its children seen by a sampler thread (psutil) while the block ran.
    """

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.tree_mib = 0.0
        self.self_mib = 0.0
        self.children_mib = 0.0  # the largest sum of the children's RSS seen (worker processes)
        self.main_mib = 0.0  # the largest RSS of this process seen (sampled, so readable while running)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _sample(self) -> None:
        import psutil

        me = psutil.Process(os.getpid())
        while not self._stop.is_set():
            total = children = 0
            try:
                procs = [me, *me.children(recursive=True)]
            except psutil.Error:
                procs = [me]
            for p in procs:
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                if p is not me:
                    children += rss
                else:
                    self.main_mib = max(self.main_mib, rss / 2**20)
            self.tree_mib = max(self.tree_mib, total / 2**20)
            self.children_mib = max(self.children_mib, children / 2**20)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread = threading.Thread(target=self._sample, name="tieline-peak-memory", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.self_mib = _ru_maxrss_mib()


def _ru_maxrss_mib() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 1024


# -- the benchmark -------------------------------------------------------------------------------------


@dataclass
class BenchResult:
    articles: int
    words: int
    processes: int
    repeat: int
    model: str
    warm: bool = False
    write_behind: bool = False
    parse_ahead: bool = False
    bare_seconds: list[float] = field(default_factory=list)
    e2e_seconds: list[float] = field(default_factory=list)
    # bare spaCy as tieline runs it: the same default components, the pipeline's matrix products (``blas``),
    # one BLAS thread a worker, and workers that send nothing back (``_SameOps``); empty where not timed
    blas: str = "numpy"
    store_memory: str | None = None  # the writer's DuckDB cap in the end-to-end runs (None: DuckDB's default)
    same_ops_seconds: list[float] = field(default_factory=list)
    # CPU seconds of this process (all its threads) per run: with one process, the work each side did,
    # less disturbed than wall time on a machine shared with other jobs (None with worker processes,
    # whose CPU this process does not see)
    bare_cpu_seconds: list[float] = field(default_factory=list)
    e2e_cpu_seconds: list[float] = field(default_factory=list)
    events: int = 0
    peak_rss_mib: float = 0.0  # this process (ru_maxrss)
    peak_tree_rss_mib: float = 0.0  # this process and its workers (sampled)
    peak_children_rss_mib: float = 0.0  # the worker processes alone (sampled; spaCy's or tieline's)
    bare_components: list[str] = field(default_factory=list)
    e2e_components: list[str] = field(default_factory=list)

    @property
    def bare_articles_per_s(self) -> float:
        return self.articles / statistics.median(self.bare_seconds)

    @property
    def e2e_articles_per_s(self) -> float:
        return self.articles / statistics.median(self.e2e_seconds)

    @property
    def same_ops_articles_per_s(self) -> float | None:
        return self.articles / statistics.median(self.same_ops_seconds) if self.same_ops_seconds else None

    @property
    def same_ops_ratios(self) -> list[float]:
        """Each repeat's end-to-end rate over its bare rate with the same ops and workers."""
        return [b / e for b, e in zip(self.same_ops_seconds, self.e2e_seconds, strict=False) if e > 0]

    @property
    def ratio(self) -> float:
        """End-to-end rate over bare spaCy rate (medians); 1.0 means coding and storing cost nothing."""
        return statistics.median(self.bare_seconds) / statistics.median(self.e2e_seconds)

    @property
    def ratios(self) -> list[float]:
        """Each repeat's own ratio (bare over end-to-end seconds): the two sides of one repeat run back to back,
        so they see the same machine state; their median is less moved by a slow spell than the ratio of medians."""
        return [b / e for b, e in zip(self.bare_seconds, self.e2e_seconds, strict=False) if e > 0]

    @property
    def cpu_ratios(self) -> list[float]:
        """Each repeat's own CPU ratio, with one process (empty otherwise)."""
        if self.processes != 1:
            return []
        return [b / e for b, e in zip(self.bare_cpu_seconds, self.e2e_cpu_seconds, strict=False) if e > 0]

    @property
    def cpu_ratio(self) -> float | None:
        """Bare over end-to-end CPU seconds (medians), with one process; None otherwise."""
        if self.processes != 1 or not self.bare_cpu_seconds or not self.e2e_cpu_seconds:
            return None
        return statistics.median(self.bare_cpu_seconds) / statistics.median(self.e2e_cpu_seconds)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        words_per_article = self.words / self.articles if self.articles else 0.0
        d.update(
            words_per_article=round(words_per_article, 1),
            bare_articles_per_s=round(self.bare_articles_per_s, 2),
            bare_words_per_s=round(self.bare_articles_per_s * words_per_article, 1),
            e2e_articles_per_s=round(self.e2e_articles_per_s, 2),
            e2e_words_per_s=round(self.e2e_articles_per_s * words_per_article, 1),
            ratio=round(self.ratio, 3),
            cpu_ratio=None if self.cpu_ratio is None else round(self.cpu_ratio, 3),
            ratios=[round(x, 3) for x in self.ratios],
            ratio_median_of_repeats=round(statistics.median(self.ratios), 3) if self.ratios else None,
            same_ops_articles_per_s=None
            if self.same_ops_articles_per_s is None
            else round(self.same_ops_articles_per_s, 2),
            same_ops_ratios=[round(x, 3) for x in self.same_ops_ratios],
            same_ops_ratio_median_of_repeats=round(statistics.median(self.same_ops_ratios), 3)
            if self.same_ops_ratios
            else None,
            cpu_ratios=[round(x, 3) for x in self.cpu_ratios],
            cpu_ratio_median_of_repeats=round(statistics.median(self.cpu_ratios), 3)
            if self.cpu_ratios
            else None,
            peak_rss_mib=round(self.peak_rss_mib, 1),
            peak_tree_rss_mib=round(self.peak_tree_rss_mib, 1),
            peak_children_rss_mib=round(self.peak_children_rss_mib, 1),
        )
        d["bare_seconds"] = [round(s, 3) for s in self.bare_seconds]
        d["e2e_seconds"] = [round(s, 3) for s in self.e2e_seconds]
        d["same_ops_seconds"] = [round(s, 3) for s in self.same_ops_seconds]
        d["bare_cpu_seconds"] = [round(s, 3) for s in self.bare_cpu_seconds]
        d["e2e_cpu_seconds"] = [round(s, 3) for s in self.e2e_cpu_seconds]
        return d

    def lines(self) -> list[str]:
        d = self.to_dict()
        return [
            f"{self.articles} articles, {self.words} words ({d['words_per_article']} a article), "
            f"model {self.model}, {self.processes} process(es){' (warm pool)' if self.warm else ''}, "
            f"median of {self.repeat}",
            f"bare spaCy : {d['bare_articles_per_s']:>8.2f} articles/s {d['bare_words_per_s']:>10.0f} words/s"
            "  (spacy.load's defaults, nlp.pipe(n_process=N))",
            *(
                [
                    f"bare, same ops: {d['same_ops_articles_per_s']:>5.2f} articles/s "
                    f"{d['same_ops_articles_per_s'] * d['words_per_article']:>10.0f} words/s"
                    f"  (blas={self.blas}, tieline's worker processes)"
                ]
                if d["same_ops_articles_per_s"] is not None
                else []
            ),
            f"end-to-end : {d['e2e_articles_per_s']:>8.2f} articles/s {d['e2e_words_per_s']:>10.0f} words/s"
            f"  ({self.events} events; writer's DuckDB cap {self.store_memory or 'none'})",
            f"ratio e2e/bare: {d['ratio']:.3f}"
            + (f" (CPU time: {d['cpu_ratio']:.3f})" if d["cpu_ratio"] is not None else "")
            + (
                f"; median of the repeats' own ratios {d['ratio_median_of_repeats']:.3f}"
                + (
                    f" (CPU {d['cpu_ratio_median_of_repeats']:.3f})"
                    if d["cpu_ratio_median_of_repeats"] is not None
                    else ""
                )
                if d["ratio_median_of_repeats"] is not None
                else ""
            ),
            *(
                [
                    f"ratio e2e/bare with the same ops: median of the repeats' own {d['same_ops_ratio_median_of_repeats']:.3f}"
                ]
                if d["same_ops_ratio_median_of_repeats"] is not None
                else []
            ),
            f"peak RSS: {d['peak_rss_mib']:.0f} MiB (main process), {d['peak_children_rss_mib']:.0f} MiB "
            f"(workers), {d['peak_tree_rss_mib']:.0f} MiB (all)",
            f"bare spaCy components: {', '.join(self.bare_components)}; end-to-end: {', '.join(self.e2e_components)}",
        ]


def _bare_parse(plain: Any, texts: list[str], processes: int, batch_size: int) -> None:
    """The baseline: spaCy's own ``nlp.pipe`` with the model as ``spacy.load`` gives it (every default
    component, none of tieline's), the same batch size and the same process count."""
    for _doc in plain.pipe(texts, batch_size=batch_size, n_process=processes):
        pass


_SAME_OPS_NLP: Any = None  # the model of a ``_SameOps`` worker process


def _init_same_ops(model: str, blas: str) -> None:
    from .nlp import load_model
    from .runner import one_blas_thread

    global _SAME_OPS_NLP
    one_blas_thread()
    _SAME_OPS_NLP = load_model(model, blas=blas)


def _parse_count(batch_size: int, texts: list[str]) -> int:
    return sum(len(doc) for doc in _SAME_OPS_NLP.pipe(texts, batch_size=batch_size))


class _SameOps:
    """Bare spaCy parsing as tieline runs it: ``spacy.load``'s default components (as the bare side), loaded with
    the pipeline's ops (``blas``), in the same kind of worker pool as the end-to-end run (spawned processes, one
    BLAS thread each, chunks of ``chunk`` texts, at most ``2 * processes`` chunks in flight plus a batch's worth)
    that send back only a token count: what parsing alone costs on the path the end-to-end run takes, so that
    the ratio to it is what coding and storing cost. One process parses in this one."""

    def __init__(self, model: str, blas: str, processes: int, *, chunk: int = 16, batch: int = 64) -> None:
        from .nlp import load_model

        self.model, self.blas, self.processes, self.chunk = model, blas, processes, chunk
        self.limit = 2 * processes + -(-batch // chunk)  # as ``run_ingest`` keeps in flight
        self._pool: Any = None
        self._nlp: Any = None
        if processes > 1:
            import multiprocessing as mp

            self._pool = mp.get_context("spawn").Pool(
                processes, initializer=_init_same_ops, initargs=(model, blas)
            )
        else:
            self._nlp = load_model(model, blas=blas)

    def parse(self, texts: list[str], batch_size: int) -> int:
        if self._pool is None:
            return sum(len(doc) for doc in self._nlp.pipe(texts, batch_size=batch_size))
        import functools
        from collections import deque

        func = functools.partial(_parse_count, batch_size)
        pending: deque[Any] = deque()
        tokens = 0
        for i in range(0, len(texts), self.chunk):
            pending.append(self._pool.apply_async(func, (texts[i : i + self.chunk],)))
            while len(pending) >= self.limit:
                tokens += pending.popleft().get()
        while pending:
            tokens += pending.popleft().get()
        return tokens

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None


def _copy(articles: Iterable[Article]) -> Iterator[Article]:
    for a in articles:
        yield Article(
            id=a.id, text=a.text, title=a.title, date=a.date, url=a.url, source=a.source, path=a.path
        )


def run_bench(
    *,
    articles: int = 200,
    processes: int = 1,
    repeat: int = 3,
    corpus: str | Path | None = None,
    seed: int = 0,
    model: str | None = None,
    batch: int = 64,
    warm: bool = False,
    log: Any = None,
    write_behind: bool = False,
    parse_ahead: bool = True,
    same_ops: bool = True,
    store_memory: str | None = WRITER_MEMORY,
) -> BenchResult:
    """Time bare spaCy parsing and the end-to-end run (into a temporary store) on the same texts.

    The runs alternate (bare, end-to-end, bare, ...) so that machine noise hits both alike; the
    figures are medians over ``repeat`` runs, and each repeat's own ratio is kept (``ratios``). Both sides
    are used once on two articles before timing (what the pipeline loads lazily, loaded). ``log`` is called with a line after each run.
    ``warm`` starts the worker pool once, before timing (a long ingest pays that start-up once); by
    default each end-to-end run starts its own pool, as each bare run starts spaCy's processes.
    ``write_behind`` writes each batch on a writer thread with one process (``run_ingest``); ``parse_ahead``
    parses on a thread of its own while the run codes (one process). ``same_ops`` also times bare spaCy as
    tieline runs it (``_SameOps``: the pipeline's ops and worker pool) on the same texts in each repeat.
    ``store_memory`` is the writer's DuckDB cap in the end-to-end runs, as ``tieline run --db-memory`` gives it
    (None: no cap).
    """
    from .pipeline import load
    from .runner import run_ingest
    from .store import open_store

    docs = read_corpus(corpus, articles) if corpus else list(generate_corpus(articles, seed=seed))
    if not docs:
        from .errors import InputError

        raise InputError(f"no articles in {corpus}")
    texts = [a.text for a in docs]
    import spacy

    pipe = load(model)
    nlp = pipe.nlp
    plain = spacy.load(nlp.model)  # the bare side: the model as it loads by default
    result = BenchResult(
        articles=len(docs),
        words=sum(len(t.split()) for t in texts),
        processes=processes,
        repeat=repeat,
        model=nlp.model,
        warm=warm and processes > 1,
        write_behind=write_behind and processes == 1,
        parse_ahead=parse_ahead and processes == 1,
        bare_components=list(plain.pipe_names),
        e2e_components=list(nlp.nlp.pipe_names),
        blas=nlp.blas,
        store_memory=store_memory,
    )
    # What loads on first use (the entity recogniser, the geocoder's index, the store's bulk-insert imports) is
    # used once before timing, on two articles into a throwaway store, as the bare side's model is loaded before
    # timing: the repeats then time coding and storing, not loading.
    with (
        tempfile.TemporaryDirectory(prefix="tieline-bench-warm-") as tmp,
        open_store(str(Path(tmp) / "w.duckdb")) as st,
    ):
        run_ingest(_copy(docs[:2]), st, pipe, batch=batch, store_memory=store_memory)
    _bare_parse(plain, texts[:2], 1, nlp.batch_size)
    pool = None
    if warm and processes > 1:
        from .runner import CodingPool

        pool = CodingPool(processes, model=model)  # started (and its pipelines loaded) before timing
        list(pool.code(_copy(docs[: processes * pool.chunk])))
    same = None
    if same_ops and (processes == 1 or warm):
        # loaded (and its processes started) before timing, as the warm pool; with one process, as ``plain``
        same = _SameOps(nlp.model, nlp.blas, processes, batch=batch)
        same.parse(texts[: 2 * processes * same.chunk], nlp.batch_size)
    with PeakMemory() as mem, tempfile.TemporaryDirectory(prefix="tieline-bench-") as tmp:
        for i in range(repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            _bare_parse(plain, texts, processes, nlp.batch_size)
            result.bare_seconds.append(time.perf_counter() - t0)
            result.bare_cpu_seconds.append(time.process_time() - c0)
            if same_ops:
                t0 = time.perf_counter()
                own = same or _SameOps(
                    nlp.model, nlp.blas, processes, batch=batch
                )  # a cold run starts its own, as spaCy's does
                own.parse(texts, nlp.batch_size)
                if own is not same:
                    own.close()
                result.same_ops_seconds.append(time.perf_counter() - t0)
            db = Path(tmp) / f"bench-{i}.duckdb"
            t0, c0 = time.perf_counter(), time.process_time()
            with open_store(str(db)) as store:
                summary = run_ingest(
                    _copy(docs), store, pipe, processes=processes, batch=batch, model=model, pool=pool,
                    store_memory=store_memory, write_behind=write_behind, parse_ahead=parse_ahead,
                )  # fmt: skip
            result.e2e_seconds.append(time.perf_counter() - t0)
            result.e2e_cpu_seconds.append(time.process_time() - c0)
            result.events = int(summary["events"])
            if log is not None:
                log(
                    f"run {i + 1}/{repeat}: bare {result.bare_seconds[-1]:.2f} s, "
                    + (f"bare with the same ops {result.same_ops_seconds[-1]:.2f} s, " if same_ops else "")
                    + f"end-to-end {result.e2e_seconds[-1]:.2f} s"
                )
    if pool is not None:
        pool.close()
    if same is not None:
        same.close()
    result.peak_rss_mib = mem.self_mib
    result.peak_tree_rss_mib = mem.tree_mib
    result.peak_children_rss_mib = mem.children_mib
    return result
