"""The `worldwire` command line: thin wrappers over the library (parse options, call, print)."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from worldwire.errors import InputError, WorldwireError
from worldwire.ingest import normalize_date
from worldwire.interfaces import store_commands, watch_commands
from worldwire.interfaces.terminal import safe
from worldwire.pipeline import extract
from worldwire.settings import default

app = typer.Typer(
    name="worldwire",
    help="Raw news to structured political event data, with evidence. Offline, CPU-only.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(
    help="Score worldwire on gold sets and check the pinned quality floors.", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")
stderr = Console(stderr=True)

# Options every `eval` command shares: gate on the pinned floors, or raise them.
FloorsOption = Annotated[
    Path | None, typer.Option("--floors", help="Fail (exit 1) if a score is below the floor pinned here.")
]
PloverGsrPath = Annotated[Path, typer.Argument(help="The plover-gsr folder (PLOVER_GSR_CAMEO.json).")]
PinOption = Annotated[
    bool, typer.Option("--raise-floors", help="Raise the floors in --floors to these scores (never lowers).")
]


def _date_option(value: str | None) -> str | None:
    try:
        return normalize_date(value, "--date")
    except InputError as exc:
        raise typer.BadParameter(str(exc)) from exc


@app.command("extract")
def extract_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files (.txt, .html/.htm, .jsonl, .rss/.atom/.xml feeds, .warc; .gz too), directories, "
            "or '-' for JSONL on stdin."
        ),
    ] = None,
    raw: Annotated[
        bool, typer.Option("--raw", help="Input is already a clean body: no cleaning; offsets refer to it.")
    ] = False,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", help="Publication date YYYY-MM-DD for inputs that carry none.", callback=_date_option
        ),
    ] = None,
    max_chars: Annotated[
        int, typer.Option("--max-chars", min=1, help="Largest document accepted, in characters.")
    ] = default("max_chars"),
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Paragraphs per spaCy batch (speed only).")
    ] = default("batch_size"),
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="spaCy worker processes.")] = default(
        "n_process"
    ),
    follow_links: Annotated[
        bool, typer.Option("--follow-links", help="Read a folder's symbolic links that lead out of it.")
    ] = False,
    doc_seconds: store_commands.DocSecondsOption = store_commands.DOC_SECONDS,
    text_field: store_commands.TextFieldOption = None,
    date_field: store_commands.DateFieldOption = None,
    url_field: store_commands.UrlFieldOption = None,
    title_field: store_commands.TitleFieldOption = None,
) -> None:
    """Print one JSON line per input document, in input order (see docs/extract-contract.md).

    Exit status: 0 when every document was processed, 1 when any failed (its line carries `error`),
    2 for a usage error.

    Example:

        worldwire extract ../shared/seed/xi-kazakhstan.txt --date 2023-05-17
    """
    failed = 0
    out = sys.stdout
    if not inputs and sys.stdin.isatty():
        stderr.print("reading JSON Lines (or one plain-text article) from standard input; end with Ctrl-D")
    for record in extract(
        inputs or [],
        raw_mode=raw,
        default_date=date,
        max_chars=max_chars,
        batch_size=batch_size,
        n_process=n_process,
        follow_links=follow_links,
        fields=store_commands.jsonl_fields(text_field, date_field, url_field, title_field),
        doc_seconds=doc_seconds,
    ):
        failed += record["error"] is not None
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    if failed:
        stderr.print(f"[yellow]{failed} document(s) failed; see their 'error' field.[/yellow]")
        raise typer.Exit(1)


@eval_app.command("aeb")
def eval_aeb_command(
    path: Annotated[
        Path, typer.Argument(help="The article-extraction-benchmark folder (html/ and ground-truth.json).")
    ] = Path("../shared/eval/article-extraction-benchmark"),
    floors: FloorsOption = None,
    resamples: Annotated[
        int, typer.Option("--resamples", min=0, help="Bootstrap resamples for ± std.")
    ] = 1000,
    pin: PinOption = False,
) -> None:
    """Score HTML → body on the article-extraction benchmark, beside trafilatura alone, in one run.

    Example:

        worldwire eval aeb ../shared/eval/article-extraction-benchmark --floors eval/floors.json
    """
    from worldwire.evaluation.aeb import evaluate_aeb, render_aeb  # deferred: only this command needs it

    with _gold_set(path):
        report = evaluate_aeb(path, resamples=resamples)
    Console().print(render_aeb(report))
    _gate(floors, "aeb", report.floor_metrics(), pin)


@eval_app.command("actors")
def eval_actors_command(
    path: PloverGsrPath = Path("../shared/eval/plover-gsr"),
    floors: FloorsOption = None,
    pin: PinOption = False,
) -> None:
    """Score actor resolution (country and sector of gold sources/targets) on the PLOVER gold records.

    Example:

        worldwire eval actors ../shared/eval/plover-gsr --floors eval/floors.json
    """
    from worldwire.evaluation.actors import evaluate_actors, render_actors  # deferred: loads spaCy

    with _gold_set(path):
        report = evaluate_actors(path)
    Console().print(render_actors(report))
    _gate(floors, "actors", report.floor_metrics(), pin)


@eval_app.command("geo")
def eval_geo_command(
    path: Annotated[Path, typer.Argument(help="The GeoWebNews folder (GWN.xml).")] = Path(
        "../shared/eval/geowebnews"
    ),
    floors: FloorsOption = None,
    pin: PinOption = False,
) -> None:
    """Score toponym spans and coordinates on GeoWebNews (every real toponym, literal and associative).

    Example:

        worldwire eval geo ../shared/eval/geowebnews --floors eval/floors.json
    """
    from worldwire.evaluation.geo import evaluate_geo, render_geo  # deferred: only this command needs it

    with _gold_set(path):
        report = evaluate_geo(path)
    Console().print(render_geo(report))
    _gate(floors, "geo", report.floor_metrics(), pin)


@eval_app.command("plover")
def eval_plover_command(
    path: PloverGsrPath = Path("../shared/eval/plover-gsr"),
    floors: FloorsOption = None,
    pin: PinOption = False,
) -> None:
    """Score the PLOVER category of each gold sentence's main event (old 0.5 categories mapped).

    Example:

        worldwire eval plover ../shared/eval/plover-gsr --floors eval/floors.json
    """
    from worldwire.evaluation.plover import evaluate_plover, render_plover  # deferred: loads spaCy

    with _gold_set(path):
        report = evaluate_plover(path)
    Console().print(render_plover(report))
    _gate(floors, "plover", report.floor_metrics(), pin)


@eval_app.command("realnews")
def eval_realnews_command(
    path: Annotated[Path, typer.Argument(help="The realnews-events folder (gold.jsonl, GUIDE.md).")] = Path(
        "../shared/eval/realnews-events"
    ),
    gold: Annotated[str, typer.Option("--gold", help="The gold file in that folder.")] = "gold.jsonl",
    details: Annotated[
        Path | None,
        typer.Option("--details", help="Write every prediction and every missed gold event here (JSONL)."),
    ] = None,
    floors: FloorsOption = None,
    pin: PinOption = False,
) -> None:
    """Score events (root, dyad + root, strict) and actors on hand-coded real news, as its README says.

    Example:

        worldwire eval realnews ../shared/eval/realnews-events --floors eval/floors.json
    """
    from worldwire.evaluation import realnews  # deferred: loads spaCy

    report = realnews.evaluate_realnews(path, gold)
    console = Console()
    console.print(realnews.render_realnews(report))
    console.print(realnews.render_roots(report))
    console.print(realnews.render_reliability(report))
    if details is not None:
        with details.open("w", encoding="utf-8") as handle:
            for row in realnews.details(report):
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    _gate(floors, "realnews", report.floor_metrics(), pin)


@eval_app.command("petrarch")
def eval_petrarch_command(
    path: Annotated[
        Path, typer.Argument(help="The petrarch-unittest folder (unittest_records.jsonl, dictionaries/).")
    ] = Path("../shared/eval/petrarch-unittest"),
    verbs: Annotated[
        str,
        typer.Option(
            "--verbs",
            help="Verb patterns: 'petrarch' (the suite's own dictionary; floors section 'petrarch') or "
            "'ours' (worldwire's event patterns with the suite's actors; section 'petrarch_ours').",
        ),
    ] = "petrarch",
    floors: FloorsOption = None,
    pin: PinOption = False,
) -> None:
    """Score (source, target, event) triples on the PETRARCH unit tests, with the suite's dictionaries.

    Example:

        worldwire eval petrarch ../shared/eval/petrarch-unittest --verbs ours --floors eval/floors.json
    """
    from worldwire.evaluation.petrarch import (  # deferred: loads spaCy
        VERB_SOURCES,
        evaluate_petrarch,
        render_petrarch,
    )

    if verbs not in VERB_SOURCES:
        raise typer.BadParameter(f"--verbs must be one of {', '.join(VERB_SOURCES)}")
    with _gold_set(path):
        report = evaluate_petrarch(path, verbs)
    Console().print(render_petrarch(report, verbs))
    _gate(floors, "petrarch" if verbs == "petrarch" else "petrarch_ours", report.floor_metrics(), pin)


@contextlib.contextmanager
def _gold_set(path: Path) -> Iterator[None]:
    """A missing or unreadable gold set is a usage error naming the path, not a traceback."""
    if not path.exists():
        raise typer.BadParameter(f"{path} does not exist: pass the gold set's folder (see --help)")
    try:
        yield
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"cannot read the gold set in {path}: {exc}") from exc


def _gate(floors: Path | None, section: str, metrics: dict[str, float], pin: bool) -> None:
    from worldwire.evaluation.floors import check_floors, raise_floors

    if floors is None:
        return
    if pin:
        pinned = raise_floors(floors, section, metrics)
        stderr.print(f"floors for {section} in {floors}: {pinned}")
    check_floors(floors, section, metrics)
    stderr.print(f"[green]{section} scores are at or above the floors pinned in {floors}[/green]")


@app.command("demo")
def demo_command(
    shared: Annotated[
        Path,
        typer.Argument(help="The shared folder holding seed/ and corpus/ (else: the bundled articles)."),
    ] = Path("../shared"),
    db: Annotated[Path, typer.Option("--db", help="The store to create (replaced if it exists).")] = Path(
        "demo.duckdb"
    ),
) -> None:
    """Ingest the seed article and the Wikinews corpus into a fresh store, and show what came out.

    Without the shared folder (a plain clone), the 50 Wikinews articles bundled with worldwire.

    Example:

        worldwire demo ../shared
    """
    store_commands.demo(shared, db)


@app.command("serve")
def serve_command(
    db: Annotated[Path, typer.Option("--db", help="The store to serve: read only, never created.")] = Path(
        "worldwire.duckdb"
    ),
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on; the default is reachable from this machine only."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option("--allow-host", help="Another Host name to answer (repeatable); others get E707."),
    ] = None,
    allow_remote: Annotated[
        bool,
        typer.Option("--allow-remote", help="Let --host be an address other machines reach (needs a token)."),
    ] = False,
    token_file: Annotated[
        Path | None,
        typer.Option(
            "--token-file", help="File whose first line is the access token (else $WORLDWIRE_TOKEN)."
        ),
    ] = None,
    watch: Annotated[
        list[str] | None,
        typer.Option(
            "--watch",
            help="Keep the store current from this feed, sitemap or file of sources while serving "
            "(repeatable): one process writes and serves, see docs/watch.md.",
        ),
    ] = None,
    every: watch_commands.EveryOption = "15m",
    alerts: watch_commands.AlertsOption = None,
    allow_private: watch_commands.AllowPrivateOption = False,
    workers: watch_commands.WatchWorkersOption = 1,
    per_host: watch_commands.PerHostOption = 2,
    delay: watch_commands.DelayOption = 1.0,
    contact: watch_commands.ContactOption = None,
) -> None:
    """Serve the store read-only over HTTP: the JSON API under /api and the dashboard at /.

    Only loopback by default, answering only its own names (a defence against DNS rebinding). Listening
    on another address needs --allow-remote and a token; see docs/security.md. With --watch, the same
    process also keeps the store current (as `worldwire watch`), and the dashboard shows new events and
    alerts as they come: the API still never writes.

    Example:

        worldwire serve --db demo.duckdb --port 8000   # then open http://127.0.0.1:8000/

        worldwire serve --db news.duckdb --watch feeds.txt --every 15m --alerts rules.toml
    """
    import uvicorn  # deferred: only this command needs the server

    from worldwire.interfaces.guard import allowed_hosts, check_bind, read_token
    from worldwire.interfaces.server import create_app

    token = read_token(token_file)
    check_bind(host, allow_remote=allow_remote, token=token)
    hosts = allowed_hosts(host, allow_host or ())
    watcher = None
    if watch:
        settings = watch_commands.WatchSettings(
            list(watch), every, alerts, allow_private, workers, per_host, delay, contact=contact
        )
        watcher = watch_commands.watcher_factory(settings)  # sources, rules and --every checked now
    app_ = create_app(db, hosts=hosts, token=token, watcher=watcher)
    uvicorn.run(app_, host=host, port=port, log_level="info")


store_commands.register(app)
watch_commands.register(app)


def _version(value: bool) -> None:
    if value:
        from worldwire import __version__

        typer.echo(f"worldwire {__version__}")
        raise typer.Exit


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """Raw news to structured political event data, with evidence. Offline, CPU-only."""


def main() -> None:
    """Entry point: library errors become a one-line message and exit status 1, not a traceback."""
    try:
        app()
    except WorldwireError as exc:
        stderr.print(f"[red]error:[/red] {safe(exc)}", soft_wrap=True)  # messages quote paths and ids
        sys.exit(1)
