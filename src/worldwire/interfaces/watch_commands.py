"""`worldwire watch` and `worldwire alerts`: keep a store current from the web, and say when a dyad shifts.

The options that shape watching (politeness, safety, alerts) are defined here once and shared with
`worldwire serve --watch`, which runs the same watcher inside the server (docs/watch.md).
"""

from __future__ import annotations

import datetime as dt
import json
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from worldwire.interfaces.store_commands import DbOption, show
from worldwire.interfaces.terminal import safe
from worldwire.settings import default

if TYPE_CHECKING:
    import duckdb

    from worldwire.store.alerts import Alert, Rules
    from worldwire.store.runner import IngestReport
    from worldwire.store.watch import CycleReport, Watcher

stderr = Console(stderr=True)

SourcesArgument = Annotated[
    list[str],
    typer.Argument(
        help="RSS/Atom feed or news sitemap addresses (http:// or https://), or files listing them, one a "
        "line."
    ),
]
EveryOption = Annotated[
    str, typer.Option("--every", help="Time between cycles: 90s, 15m, 1h (start to start).")
]
AlertsOption = Annotated[
    Path | None,
    typer.Option("--alerts", help="Alert rules (TOML), evaluated after every cycle; see docs/watch.md."),
]
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Let links and redirects from feeds reach loopback and private addresses (refused by default: "
        "SSRF).",
    ),
]
WatchWorkersOption = Annotated[
    int,
    typer.Option(
        "--workers", "-j", min=1, help="Analysis processes (1: in this process, the model loaded once)."
    ),
]
PerHostOption = Annotated[int, typer.Option("--per-host", min=1, help="Requests at once to one host.")]
DelayOption = Annotated[
    float,
    typer.Option(
        "--delay", min=0.0, help="Seconds between two requests to one host (robots.txt may ask more)."
    ),
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a connection, and for each read.")
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", min=1024, help="Largest response read, in bytes.")
]
MaxItemsOption = Annotated[
    int, typer.Option("--max-items", min=1, help="New links taken from one source in one cycle (the newest).")
]
ContactOption = Annotated[
    str | None,
    typer.Option("--contact", help="A URL or e-mail address for site owners, sent in the User-Agent."),
]


@dataclass(frozen=True, slots=True)
class WatchSettings:
    """Everything `watch` and `serve --watch` share, as the command line gave it."""

    sources: list[str]
    every: str = "15m"
    alerts: Path | None = None
    allow_private: bool = False
    workers: int = 1
    per_host: int = 2
    delay: float = 1.0
    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    max_items: int = 100
    contact: str | None = None
    max_chars: int = default("max_chars")
    doc_seconds: float = float(default("doc_seconds"))


def every_seconds(every: str) -> float:
    from worldwire.store.intervals import parse_interval

    return parse_interval(every, "--every", least=1.0)


def build_watcher(
    con: duckdb.DuckDBPyConnection, settings: WatchSettings, on_commit: Any = None
) -> tuple[Watcher, Rules | None]:
    """A watcher over the store `con` with these settings: sources read and rules checked first (E901,
    E902, E904 before anything is fetched)."""
    from worldwire import __version__
    from worldwire.ingest.fetch import Fetcher, FetchPolicy, user_agent
    from worldwire.ingest.sources import read_sources
    from worldwire.store.alerts import load_rules
    from worldwire.store.watch import Watcher, WatchOptions

    sources = read_sources(settings.sources)
    every_seconds(settings.every)
    rules = load_rules(settings.alerts) if settings.alerts is not None else None
    policy = FetchPolicy(
        user_agent=user_agent(__version__, settings.contact),
        connect_timeout=settings.timeout,
        read_timeout=settings.timeout,
        total_seconds=max(60.0, 3 * settings.timeout),
        max_bytes=settings.max_bytes,
        per_host=settings.per_host,
        delay=settings.delay,
        allow_private=settings.allow_private,
    )
    options = WatchOptions(
        workers=settings.workers,
        max_items=settings.max_items,
        max_chars=settings.max_chars,
        doc_seconds=settings.doc_seconds,
    )
    watcher = Watcher(con, sources, Fetcher(policy), rules=rules, options=options, on_commit=on_commit)
    return watcher, rules


def watcher_factory(settings: WatchSettings) -> Any:
    """For `serve --watch`: a function that builds the watcher over the server's own connection, with
    the settings checked now (E901, E902, E904), before the server starts."""
    from worldwire.ingest.sources import read_sources
    from worldwire.store.alerts import load_rules

    read_sources(settings.sources)
    every_seconds(settings.every)
    if settings.alerts is not None:
        load_rules(settings.alerts)

    def make(con: duckdb.DuckDBPyConnection) -> Watcher:
        watcher, _rules = build_watcher(con, settings)
        watcher.every = every_seconds(settings.every)
        return watcher

    return make


def print_alerts(alerts: list[Alert], *, as_json: bool = False) -> None:
    """New alerts on standard output: one line each, or one JSON object each."""
    for alert in alerts:
        if as_json:
            sys.stdout.write(json.dumps(alert.as_json(), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(f"ALERT {alert.dyad} [{alert.rule}] {safe(alert.message)}\n")
    sys.stdout.flush()


def _committed_line(report: IngestReport) -> str:
    return (
        f"committed: {report.done} stored, {report.duplicate} duplicates, {report.failed} failed; "
        f"{report.events} events"
    )


def _raise_interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def run_watch(db: Path, settings: WatchSettings, *, once: bool, as_json: bool) -> None:
    """`worldwire watch`: cycles until Ctrl-C or SIGTERM (or one, `once`), a line for each on standard error
    (on a terminal, a live line while a cycle runs; elsewhere a line for each commit), alerts on standard
    output."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from worldwire.store import open_store
    from worldwire.store.watchstate import watch_summary

    interval = every_seconds(settings.every)
    failed = 0
    columns = (SpinnerColumn(), TextColumn("[bold]watch[/bold] {task.description}"), TimeElapsedColumn())
    live = Progress(*columns, console=stderr, transient=True, disable=not stderr.is_terminal)
    task = live.add_task("polling the sources", total=None)

    def committed(report: IngestReport) -> None:
        if stderr.is_terminal:
            live.update(task, description=_committed_line(report))
        else:
            stderr.print(_committed_line(report), soft_wrap=True, highlight=False)

    def cycle_done(report: CycleReport) -> None:
        nonlocal failed
        failed += report.failed
        style = "red" if report.error else "yellow" if report.failed else "green"
        stderr.print(f"[{style}]{safe(report.line())}[/{style}]", soft_wrap=True, highlight=False)
        for source, error in report.failed_sources.items():
            stderr.print(f"  [yellow]{safe(source)}: {safe(error)}[/yellow]", soft_wrap=True, highlight=False)
        for error in report.delivery_errors:
            stderr.print(f"  [yellow]{safe(error)}[/yellow]", soft_wrap=True, highlight=False)
        print_alerts(report.alerts, as_json=as_json)
        live.update(task, description="waiting for the next cycle" if not once else "done")

    signal.signal(signal.SIGTERM, _raise_interrupt)  # stop as Ctrl-C does: what is committed stays
    with open_store(db) as store:
        watcher, _rules = build_watcher(store.con, settings, on_commit=committed)
        known = watch_summary(store.con)
        every = "" if once else f", every {safe(settings.every)}; Ctrl-C stops"
        stderr.print(
            f"watching {len(watcher.sources)} sources into {safe(db)} ({known['links']} links known, "
            f"{known['waiting']} waiting){every}",
            soft_wrap=True,
            highlight=False,
        )
        try:
            with live:
                watcher.run(interval, once=once, on_cycle=cycle_done)
        except KeyboardInterrupt:
            stderr.print("[yellow]stopped: the next run resumes where this one stopped[/yellow]")
            raise typer.Exit(130) from None
        finally:
            watcher.fetcher.close()
    if once and failed:
        stderr.print(f"[yellow]see why with: worldwire status --db {safe(db)}[/yellow]", soft_wrap=True)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add `watch` and `alerts` to the `worldwire` app."""

    @app.command("watch")
    def watch_command(
        sources: SourcesArgument,
        db: DbOption = Path("worldwire.duckdb"),
        every: EveryOption = "15m",
        once: Annotated[bool, typer.Option("--once", help="Run one cycle and exit.")] = False,
        alerts: AlertsOption = None,
        allow_private: AllowPrivateOption = False,
        workers: WatchWorkersOption = 1,
        per_host: PerHostOption = 2,
        delay: DelayOption = 1.0,
        timeout: TimeoutOption = 20.0,
        max_bytes: MaxBytesOption = 10 * 1024 * 1024,
        max_items: MaxItemsOption = 100,
        contact: ContactOption = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print alerts as JSON lines.")] = False,
    ) -> None:
        """Keep a store current: poll feeds and sitemaps, fetch new articles, ingest them, raise alerts.

        Every cycle polls each source (conditional GET), fetches the pages of links it has not seen (politely:
        robots.txt, per-host limits; safely: no private addresses, bounded size and time), ingests them with
        the same pipeline and deduplication as `ingest`, then evaluates the alert rules. Killed at any
        moment, it resumes where it stopped: nothing lost, nothing stored twice. Exit status with --once:
        1 when a source or a page failed, as `ingest`.

        Example:

            worldwire watch https://example.org/rss.xml feeds.txt --db news.duckdb --alerts rules.toml
        """
        settings = WatchSettings(
            list(sources), every, alerts, allow_private, workers, per_host, delay, timeout, max_bytes,
            max_items, contact,
        )  # fmt: skip
        run_watch(db, settings, once=once, as_json=as_json)

    alerts_app = typer.Typer(help="Alerts on shifts in a dyad: check rules against a store, list alerts.")
    app.add_typer(alerts_app, name="alerts")

    @alerts_app.command("check")
    def alerts_check_command(
        rules: Annotated[Path, typer.Argument(help="The alert rules (TOML); see docs/watch.md.")],
        db: DbOption = Path("worldwire.duckdb"),
        as_of: Annotated[
            str | None,
            typer.Option(
                "--as-of", help="Evaluate the windows ending on this day (YYYY-MM-DD; default today)."
            ),
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print alerts as JSON lines.")] = False,
    ) -> None:
        """Evaluate alert rules on the store now: new alerts are stored, printed, and POSTed to the rules'
        webhook. Checking again adds nothing twice.

        Example:

            worldwire alerts check rules.toml --db news.duckdb --as-of 2024-03-10
        """
        from worldwire import __version__
        from worldwire.ingest.fetch import Fetcher, FetchPolicy, user_agent
        from worldwire.store import open_store
        from worldwire.store.alerts import deliver, evaluate, load_rules

        checked = load_rules(rules)
        day = _day(as_of)
        with open_store(db) as store:
            fired = evaluate(store.con, checked, day)
            print_alerts(fired, as_json=as_json)
            if checked.webhook:
                with Fetcher(FetchPolicy(user_agent=user_agent(__version__))) as fetcher:
                    for error in deliver(store.con, checked.webhook, fetcher.post_json):
                        stderr.print(f"[yellow]{safe(error)}[/yellow]", soft_wrap=True, highlight=False)
        stderr.print(f"{len(fired)} new alerts from {len(checked.rules)} rules", highlight=False)

    @alerts_app.command("list")
    def alerts_list_command(
        db: DbOption = Path("worldwire.duckdb"),
        limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many alerts.")] = 20,
        fmt: Annotated[
            str, typer.Option("--format", "-f", help="table, csv or json (JSON lines).")
        ] = "table",
    ) -> None:
        """The alerts stored, newest first.

        Example:

            worldwire alerts list --db news.duckdb
        """
        from worldwire.store import open_store
        from worldwire.store.alerts import alert_list

        with open_store(db, read_only=True) as store:
            total, frame = alert_list(store.con, limit, events_as_count=fmt == "table")
        show(frame, fmt, f"{total} alerts")


def _day(value: str | None) -> dt.date | None:
    from worldwire.errors import InputError
    from worldwire.ingest import normalize_date

    try:
        day = normalize_date(value, "--as-of")
    except InputError as exc:
        raise typer.BadParameter(str(exc)) from exc
    return dt.date.fromisoformat(day) if day else None
