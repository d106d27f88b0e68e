"""The `worldwire` command line: thin wrappers over the library (parse options, call, print)."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel

from worldwire.errors import InputError, WorldwireError
from worldwire.ingest import normalize_date
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
            help="Files (.txt, .html/.htm, .jsonl; .gz too), directories, or '-' for JSONL on stdin."
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
    floors: Annotated[
        Path | None, typer.Option("--floors", help="Fail (exit 1) if a score is below the floor pinned here.")
    ] = None,
    resamples: Annotated[
        int, typer.Option("--resamples", min=0, help="Bootstrap resamples for ± std.")
    ] = 1000,
    pin: Annotated[
        bool,
        typer.Option("--raise-floors", help="Raise the floors in --floors to these scores (never lowers)."),
    ] = False,
) -> None:
    """Score HTML → body on the article-extraction benchmark, beside trafilatura alone, in one run.

    Example:

        worldwire eval aeb ../shared/eval/article-extraction-benchmark --floors eval/floors.json
    """
    from worldwire.evaluation.aeb import evaluate_aeb, render_aeb  # deferred: only this command needs it

    report = evaluate_aeb(path, resamples=resamples)
    Console().print(render_aeb(report))
    _gate(floors, "aeb", report.floor_metrics(), pin)


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
    shared: Annotated[Path, typer.Argument(help="The shared folder holding seed/ and corpus/.")] = Path(
        "../shared"
    ),
) -> None:
    """Extract the seed article and the Wikinews corpus, and show what came out.

    Example:

        worldwire demo ../shared
    """
    console = Console()
    seed = shared / "seed" / "xi-kazakhstan.txt"
    record = next(extract([str(seed)]))
    console.rule(f"worldwire extract {seed}")
    console.print_json(json.dumps(record, ensure_ascii=False))
    console.print(
        Panel(
            "\n".join(f"[dim]{r['kind']:>10}[/dim]  {r['text']}" for r in record["removals"]),
            title="cut as web debris",
        )
    )
    corpus = shared / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl"
    console.rule(f"worldwire extract {corpus}")
    started = time.perf_counter()
    outcome: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    sentences = words = 0
    for rec in extract([str(corpus)]):
        outcome["failed" if rec["error"] else "done"] += 1
        kinds.update(r["kind"] for r in rec["removals"])
        sentences += len(rec["sentences"])
        words += len(rec["text"].split())
    seconds = time.perf_counter() - started
    console.print(
        f"{sum(outcome.values())} articles: {outcome['done']} done, {outcome['failed']} failed; "
        f"{sentences:,} sentences, {words:,} words in {seconds:.1f} s ({words / seconds:,.0f} words/s)"
    )
    console.print(f"debris cut, by kind: {dict(kinds.most_common())}")
    console.print("[dim]actors, events, quotes, facts and places come with the next stages.[/dim]")


def main() -> None:
    """Entry point: library errors become a one-line message and exit status 1, not a traceback."""
    try:
        app()
    except WorldwireError as exc:
        stderr.print(f"[red]error:[/red] {exc}")
        sys.exit(1)
