"""The store's commands (ingest, attach, status, events, dyads, timeline, export, demo): parse, call, print.

Each command calls the function the Python API (`worldwire.open`) calls; nothing is computed here.
"""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from worldwire.errors import InputError
from worldwire.ingest import normalize_date
from worldwire.interfaces.terminal import cell, safe
from worldwire.settings import default

if TYPE_CHECKING:
    from worldwire.store.api import Store
    from worldwire.store.runner import IngestReport

stderr = Console(stderr=True)
DB_HELP = "The store: a DuckDB file, created if missing."
DbOption = Annotated[Path, typer.Option("--db", help=DB_HELP)]
OUTPUT_FORMATS = ("table", "csv", "json")


def _date_option(value: str | None) -> str | None:
    try:
        return normalize_date(value, "a date option")
    except InputError as exc:
        raise typer.BadParameter(str(exc)) from exc


SinceOption = Annotated[
    str | None,
    typer.Option("--since", help="Only events on or after this date (YYYY-MM-DD).", callback=_date_option),
]
UntilOption = Annotated[
    str | None,
    typer.Option("--until", help="Only events on or before this date (YYYY-MM-DD).", callback=_date_option),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv or json (JSON lines).")]
# A JSONL layout worldwire does not know (crawlers' own are recognised: see ingest/fields.py).
TextFieldOption = Annotated[
    str | None, typer.Option("--text-field", help="JSONL: the field holding the article (text or HTML).")
]
DateFieldOption = Annotated[
    str | None, typer.Option("--date-field", help="JSONL: the field holding the publication date.")
]
UrlFieldOption = Annotated[str | None, typer.Option("--url-field", help="JSONL: the field holding the URL.")]
TitleFieldOption = Annotated[
    str | None, typer.Option("--title-field", help="JSONL: the field holding the title.")
]


def jsonl_fields(text: str | None, date: str | None, url: str | None, title: str | None) -> Any:
    """The JSONL fields the user named (None: the usual ones)."""
    if text is None and date is None and url is None and title is None:
        return None
    from worldwire.ingest import JsonlFields

    return JsonlFields(text=text, date=date, url=url, title=title)


DyadOption = Annotated[
    str | None,
    typer.Option(
        "--dyad",
        help="Two countries joined by '-', either direction, as names or ISO codes: CHN-KAZ, "
        "China-Kazakhstan, CN-KZ (the same form as the HTTP API's dyad=).",
    ),
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option(
        "--min-confidence", min=0.0, max=1.0, help="Only events the coder is at least this sure of (0 to 1)."
    ),
]
DOC_SECONDS = float(default("doc_seconds"))
DocSecondsOption = Annotated[
    float,
    typer.Option(
        "--doc-seconds",
        min=0,
        help="Wall-clock budget of one document in each stage; past it the document fails (E205). 0: none.",
    ),
]
NegatedOption = Annotated[
    bool, typer.Option("--negated", help="Include events the article says did not happen.")
]


def _open(db: Path, *, read_only: bool = False) -> Store:
    from worldwire.store import open_store  # deferred: DuckDB is not needed for --help

    return open_store(db, read_only=read_only)


def _default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def show(frame: Any, fmt: str, title: str | None = None) -> None:
    """Print a DataFrame as a rich table, CSV or JSON lines on standard output."""
    if fmt not in OUTPUT_FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(OUTPUT_FORMATS)}, not {fmt!r}")
    if fmt == "csv":
        sys.stdout.write(frame.to_csv(index=False))
    elif fmt == "json":
        if len(frame):  # missing values are null, dates ISO 8601
            lines = frame.to_json(orient="records", lines=True, date_format="iso", force_ascii=False)
            sys.stdout.write(lines if lines.endswith("\n") else lines + "\n")
    else:
        table = Table(title=None if title is None else safe(title))
        for column in frame.columns[frame.dtypes.map(lambda t: t.kind == "M")]:  # dates hold no time
            frame = frame.assign(**{column: frame[column].dt.strftime("%Y-%m-%d")})
        for column in frame.columns:
            table.add_column(str(column), justify="right" if frame[column].dtype.kind in "iuf" else "left")
        for row in frame.itertuples(index=False):
            table.add_row(*("" if _missing(v) else cell(v) for v in row))  # stored text: never markup
        Console().print(table)


def period_label(day: Any, by: str) -> str:
    """The first day of a timeline period, written at the period's own precision."""
    if by == "year":
        return f"{day.year}"
    if by == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if by == "month":
        return f"{day.year}-{day.month:02d}"
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year}-{day.month:02d}-{day.day:02d}"


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def run_ingest(store: Store, inputs: list[str], workers: int, **options: Any) -> IngestReport:
    """Ingest with a live progress line (articles/s, failures) on a terminal, a line per commit elsewhere."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    def line(report: IngestReport) -> str:
        rate = report.done / report.seconds if report.seconds else 0.0
        return (
            f"{report.done} done, {report.duplicate} duplicate, {report.failed} failed, "
            f"{report.skipped} already in the store; {report.events} events; {rate:.1f} articles/s"
        )

    if not stderr.is_terminal:

        def committed(report: IngestReport) -> None:
            stderr.print(f"committed: {line(report)}", soft_wrap=True)

        return store.ingest(inputs, workers=workers, on_commit=committed, **options)
    columns = (SpinnerColumn(), TextColumn("[bold]ingest[/bold] {task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=False) as progress:
        task = progress.add_task("starting", total=None)

        def update(report: IngestReport) -> None:
            progress.update(task, description=line(report))

        report = store.ingest(inputs, workers=workers, progress=update, **options)
        update(report)
    return report


def _register_ingest(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_command(
        inputs: Annotated[
            list[str] | None,
            typer.Argument(
                help="Files (.txt, .html, .jsonl, .rss/.atom/.xml feeds, .warc; .gz too), folders, '-'."
            ),
        ] = None,
        db: DbOption = Path("worldwire.duckdb"),
        workers: Annotated[
            int | None,
            typer.Option("--workers", "-j", min=1, help="Worker processes (default: every core)."),
        ] = None,
        raw: Annotated[bool, typer.Option("--raw", help="Inputs are clean bodies: skip cleaning.")] = False,
        follow_links: Annotated[
            bool, typer.Option("--follow-links", help="Read a folder's symbolic links that lead out of it.")
        ] = False,
        doc_seconds: DocSecondsOption = DOC_SECONDS,
        text_field: TextFieldOption = None,
        date_field: DateFieldOption = None,
        url_field: UrlFieldOption = None,
        title_field: TitleFieldOption = None,
        date: Annotated[
            str | None,
            typer.Option(
                "--date", help="Publication date for inputs that carry none.", callback=_date_option
            ),
        ] = None,
        max_chars: Annotated[
            int, typer.Option("--max-chars", min=1, help="Largest document accepted.")
        ] = default("max_chars"),
        engine: Annotated[
            str, typer.Option("--engine", help="local (into --db) or spark (Parquet into --out).")
        ] = "local",
        master: Annotated[
            str | None,
            typer.Option(
                "--master", help="Spark master URL (default local[N], N = --workers or every core)."
            ),
        ] = None,
        out: Annotated[
            str | None,
            typer.Option(
                "--out", "-o", help="Spark: the output folder (or s3a://, hdfs:// URL) for Parquet."
            ),
        ] = None,
        docs_per_task: Annotated[
            int | None,
            typer.Option(
                "--docs-per-task",
                min=1,
                help="Spark: documents per analysis task (fewer: cores busy to the end; more: less cost).",
            ),
        ] = None,
        tasks: Annotated[
            int | None,
            typer.Option("--tasks", min=1, help="Spark: analysis tasks (default: from --docs-per-task)."),
        ] = None,
    ) -> None:
        """Add articles to the store: deduplicated, clustered, every input logged (done, duplicate, failed).

        Re-running adds nothing; a run that was killed resumes where it stopped. Exit status 1 when any
        input failed, as `extract` (each failure is in the ingest log with its reason: `worldwire status`;
        the rest are stored), 0 when none did, 2 for a usage error.
        With --engine spark the same pipeline runs on Apache Spark and writes Parquet to --out; load it
        into a store with `worldwire attach`.

        Example:

            worldwire ingest ../shared/corpus/wikinews-2019-2020/wikinews.jsonl --db news.duckdb
        """
        if engine not in ("local", "spark"):
            raise typer.BadParameter(f"--engine must be local or spark, not {engine!r}")
        fields = jsonl_fields(text_field, date_field, url_field, title_field)
        if engine == "spark":
            if out is None:
                raise typer.BadParameter("--engine spark writes Parquet: give the output folder with --out")
            spark_ingest(
                inputs or ["-"],
                out,
                master or f"local[{workers or _default_workers()}]",
                raw_mode=raw,
                default_date=date,
                max_chars=max_chars,
                docs_per_task=docs_per_task,
                tasks=tasks,
                fields=fields,
            )
            return
        if out is not None or master is not None:
            raise typer.BadParameter("--out and --master go with --engine spark")
        with _open(db) as store:
            report = run_ingest(
                store,
                inputs or ["-"],
                workers or _default_workers(),
                raw_mode=raw,
                default_date=date,
                max_chars=max_chars,
                follow_links=follow_links,
                fields=fields,
                doc_seconds=doc_seconds,
            )
        stderr.print(
            f"[green]{report.inputs} inputs in {report.seconds:.1f} s:[/green] {report.done} new articles, "
            f"{report.duplicate} duplicates, {report.failed} failed, {report.skipped} already in {safe(db)}",
            soft_wrap=True,
        )
        _print_failures(report.reasons)
        if report.failed:
            stderr.print(f"[yellow]see why with: worldwire status --db {safe(db)}[/yellow]", soft_wrap=True)
            raise typer.Exit(1)


def _register_attach(app: typer.Typer) -> None:
    @app.command("attach")
    def attach_command(
        path: Annotated[Path, typer.Argument(help="The --out folder of `worldwire ingest --engine spark`.")],
        db: DbOption = Path("worldwire.duckdb"),
    ) -> None:
        """Load the Parquet of a Spark ingest into the store, so events, dyads, the API and exports see it.

        Rows the store holds already are skipped: attaching twice adds nothing.

        Example:

            worldwire attach out/ --db news.duckdb
        """
        from worldwire.engines.attach import attach

        with _open(db) as store:
            report = attach(store.con, path)
        added = ", ".join(f"{n} {table}" for table, n in report.added.items())
        stderr.print(f"[green]attached {safe(path)} to {safe(db)}:[/green] {added}", soft_wrap=True)


def _print_failures(reasons: dict[str, int]) -> None:
    for code, count in sorted(reasons.items()):
        stderr.print(f"  [yellow]{count} failed with {safe(code)}[/yellow]")


def spark_ingest(inputs: list[str], out: str, master: str, **options: Any) -> None:
    """Run the Spark engine and say what it wrote (Spark's start-up is timed apart from the job)."""
    import time

    from worldwire.engines.spark import ingest_spark, spark_session

    started = time.perf_counter()
    spark = spark_session(master)
    try:
        startup = time.perf_counter() - started
        report = ingest_spark(spark, inputs, out, **options)
    finally:
        spark.stop()
    stderr.print(
        f"[green]{report.inputs} inputs in {report.seconds:.1f} s (Spark {master}, start-up "
        f"{startup:.1f} s):[/green] {report.done} articles, {report.duplicate} duplicates, "
        f"{report.failed} failed, {report.skipped} repeated inputs; {report.events} events written to {out}",
        soft_wrap=True,
    )
    _print_failures(report.reasons)
    stderr.print(f"[dim]next: worldwire attach {out} --db worldwire.duckdb[/dim]", soft_wrap=True)
    if report.failed:  # the same exit status as the local engine: 1 when any input failed
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the store's commands to the `worldwire` app."""
    _register_ingest(app)
    _register_attach(app)

    @app.command("status")
    def status_command(
        db: DbOption = Path("worldwire.duckdb"),
        failures: Annotated[
            int, typer.Option("--failures", min=0, help="List this many failed inputs.")
        ] = 10,
        fmt: FormatOption = "table",
    ) -> None:
        """What the store holds, and how every input given to it ended (done, duplicate, failed and why)."""
        with _open(db, read_only=True) as store:  # reading never needs the write lock
            status = store.status()
            failed = store.failures().head(failures)
        if fmt == "json":
            sys.stdout.write(json.dumps(status) + "\n")
            return
        rows = [(k, v) for k, v in status.items() if k != "failures"]
        rows += [(f"failed {code}", n) for code, n in status["failures"].items()]
        if fmt == "csv":
            sys.stdout.write("what,count\n" + "".join(f"{k},{v}\n" for k, v in rows))
            return
        table = Table("what", "count", title=f"store {safe(db)}")
        for key, value in rows:
            table.add_row(cell(key), f"{value:,}")  # a failure code is read from stored text
        Console().print(table)
        if len(failed):
            show(failed, fmt, "failed inputs (first ones)")

    @app.command("events")
    def events_command(
        dyad: DyadOption = None,
        actor: Annotated[
            str | None,
            typer.Option("--actor", help="One country (name or ISO code: KAZ, KZ, Kazakhstan), either side."),
        ] = None,
        since: SinceOption = None,
        until: UntilOption = None,
        root: Annotated[
            str | None, typer.Option("--root", help="CAMEO root: 01 to 20 or its name (19, fight, protest).")
        ] = None,
        plover: Annotated[
            str | None, typer.Option("--plover", help="PLOVER category, any case (protest, ASSAULT).")
        ] = None,
        min_confidence: MinConfidenceOption = None,
        directed: Annotated[bool, typer.Option("--directed", help="--dyad A B means A acted on B.")] = False,
        negated: NegatedOption = False,
        limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many events.")] = None,
        fmt: FormatOption = "table",
        db: DbOption = Path("worldwire.duckdb"),
    ) -> None:
        """Events, one row per real-world event however many articles reported it, newest first.

        Example:

            worldwire events --dyad CHN-KAZ --since 2023-01-01 --format csv

            worldwire events --dyad China-Kazakhstan --root consult --limit 20
        """
        from worldwire.store.queries import EVENT_TABLE_COLUMNS, with_cameo_names

        with _open(db, read_only=True) as store:
            frame = store.events(
                dyad=dyad,
                actor=actor,
                since=since,
                until=until,
                root=root,
                plover=plover,
                min_confidence=min_confidence,
                directed=directed,
                negated=negated,
                limit=limit,
            )
        if fmt == "table":  # a terminal is narrow: the columns an analyst reads first, CSV/JSON have all
            frame = with_cameo_names(frame)[list(EVENT_TABLE_COLUMNS)].rename(columns=EVENT_TABLE_COLUMNS)
        show(frame, fmt, "events")

    @app.command("dyads")
    def dyads_command(
        top: Annotated[int, typer.Option("--top", min=1, help="How many country pairs.")] = 20,
        since: SinceOption = None,
        until: UntilOption = None,
        negated: NegatedOption = False,
        fmt: FormatOption = "table",
        db: DbOption = Path("worldwire.duckdb"),
    ) -> None:
        """The country pairs with the most events, with mentions, mean Goldstein, cooperation and conflict."""
        with _open(db, read_only=True) as store:
            frame = store.dyads(top=top, since=since, until=until, negated=negated)
        show(frame, fmt, f"top {top} dyads")

    @app.command("timeline")
    def timeline_command(
        a: Annotated[
            str, typer.Argument(help="A country (CHN, CN, China), or the dyad in one word: CHN-KAZ.")
        ],
        b: Annotated[str | None, typer.Argument(help="The other country, unless A is the dyad.")] = None,
        by: Annotated[str, typer.Option("--by", help="day, week, month, quarter or year.")] = "month",
        since: SinceOption = None,
        until: UntilOption = None,
        directed: Annotated[bool, typer.Option("--directed", help="Only events of A acting on B.")] = False,
        negated: NegatedOption = False,
        fmt: FormatOption = "table",
        db: DbOption = Path("worldwire.duckdb"),
    ) -> None:
        """A dyad's events per period: counts by QuadClass and the mean Goldstein score.

        Example:

            worldwire timeline CHN-KAZ --by month
        """
        from worldwire.store.names import dyad as resolve_dyad

        pair = resolve_dyad((a, b) if b is not None else a)
        with _open(db, read_only=True) as store:
            frame = store.timeline(pair, by=by, since=since, until=until, directed=directed, negated=negated)
        if fmt == "table" and len(frame):  # a period reads as what it is: 2023-05, 2023-Q2, 2023-W20
            frame = frame.assign(period=frame["period"].map(lambda day: period_label(day, by)))
        show(frame, fmt, f"{pair[0]}–{pair[1]} by {by}")

    @app.command("export")
    def export_command(
        fmt: Annotated[
            str, typer.Option("--format", "-f", help="gdelt, gdelt-mentions, plover, parquet or csv.")
        ],
        out: Annotated[
            Path | None,
            typer.Option("--out", "-o", help="File (a folder for parquet); default events.<ext>."),
        ] = None,
        negated: NegatedOption = False,
        min_confidence: MinConfidenceOption = None,
        db: DbOption = Path("worldwire.duckdb"),
    ) -> None:
        """Write every event as a GDELT 2.0 event or mentions table (TSV), PLOVER JSON lines, Parquet by
        date, or CSV. Each loads in pandas, polars and DuckDB.

        Example:

            worldwire export --format gdelt --out events.tsv
        """
        suffix = {
            "gdelt": ".gdelt.tsv",
            "gdelt-mentions": ".gdelt-mentions.tsv",
            "plover": ".plover.jsonl",
            "parquet": ".parquet",
            "csv": ".csv",
        }
        path = out or Path("events" + suffix.get(fmt, "." + fmt))
        with _open(db, read_only=True) as store:
            rows = store.export(fmt, path, negated=negated, min_confidence=min_confidence)
        stderr.print(f"{rows} events written to {safe(path)}")


# The seed is a bare .txt scrape without metadata; the story ran on Wednesday 17 May 2023 (its
# "on Wednesday" and the summit it announces), so the demo gives it that date, as a user would with --date.
SEED_DATE = "2023-05-17"


def bundled_corpus() -> Path:
    """The 50 Wikinews articles shipped with worldwire (CC BY 2.5; demo/ATTRIBUTION.md)."""
    from importlib import resources

    return Path(str(resources.files("worldwire") / "demo" / "wikinews.jsonl"))


def demo(shared: Path, db: Path) -> None:
    """Ingest the seed and the Wikinews corpus into a fresh store and show what came out; without the
    shared folder, the Wikinews articles bundled with worldwire. A demo that stores nothing exits 1."""
    console = Console()
    for leftover in (db, db.with_name(db.name + ".wal")):
        leftover.unlink(missing_ok=True)
    seed = shared / "seed" / "xi-kazakhstan.txt"
    corpus = shared / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl"
    runs: list[tuple[Path, str | None]] = [(seed, SEED_DATE), (corpus, None)]
    if not seed.is_file() or not corpus.is_file():
        runs = [(bundled_corpus(), None)]
        console.print(
            f"[yellow]{safe(shared)} has no seed/ and corpus/: ingesting the 50 Wikinews articles bundled "
            "with worldwire instead (CC BY 2.5, see src/worldwire/demo/ATTRIBUTION.md)[/yellow]",
            soft_wrap=True,
        )
    with _open(db) as store:
        reports = []
        for path, date in runs:
            console.rule(f"worldwire ingest {safe(path)}{f' --date {date}' if date else ''} --db {safe(db)}")
            reports.append(run_ingest(store, [str(path)], _default_workers(), default_date=date))
        console.print(
            f"{sum(r.inputs for r in reports)} inputs in {sum(r.seconds for r in reports):.1f} s: "
            f"{sum(r.done for r in reports)} articles stored, {sum(r.duplicate for r in reports)} "
            f"duplicates, {sum(r.failed for r in reports)} failed"
        )
        for row in store.articles(origin=str(seed)).itertuples(index=False):
            codes = ", ".join(row.cameo_codes) if row.cameo_codes is not None else "none yet"
            console.print(f"seed: [bold]{safe(row.title)}[/bold]: {row.events} events (CAMEO {codes})")
        status = store.status()
        console.print(
            f"store {safe(db)}: {status['articles']} articles in {status['clusters']} story clusters, "
            f"{status['events']} events ({status['undated_events']} undated, {status['mentions']} "
            f"mentions), {status['actors']} actor mentions, "
            f"{status['quotes']} quotes, {status['facts']} facts, {status['locations']} places"
        )
        show(store.events_by_root(), "table", "events by CAMEO root")
        top = store.dyads(top=10)
        show(top, "table", "top dyads")
        failed = store.failures()
        console.print(f"failures: {len(failed)}")
        if len(failed):
            show(failed.head(10), "table", "failed inputs")
    if not status["articles"]:
        stderr.print("[red]the demo stored no article: see the failures above[/red]")
        raise typer.Exit(1)
    dyad = f"{top.iloc[0].country1}-{top.iloc[0].country2}" if len(top) else "CHN-KAZ"
    console.print(
        f"[dim]next: worldwire events --dyad {dyad} --db {safe(db)}; worldwire dyads --db {safe(db)}; "
        f"worldwire timeline {dyad} --db {safe(db)}; worldwire serve --db {safe(db)} (dashboard)[/dim]",
        soft_wrap=True,
    )
