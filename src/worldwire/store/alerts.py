"""Alerts: rules in a TOML file, evaluated over the store's events, kept in the `alerts` table.

Three kinds of rule, each over dyads of two states (events whose two actors have different countries),
negated events never counted, every filter optional:

- `spike`: a dyad's matching events in the last `window` reach `factor` times their mean per window over
  the `baseline` windows before (and at least `min_events`): "conflict between two states this week ≥ 3×
  their weekly mean over the previous 8 weeks".
- `goldstein`: a dyad's mean Goldstein score over the last `window` turned below `below` (it was not below
  in the window before, or there were no events then), over at least `min_events` events.
- `first`: a dyad's first matching event (say root 19, fight) after `quiet` days without one.

Windows end on `as_of` (today, or `--as-of` to look back). An alert carries the events that fired it, has
an id made of its rule, dyad and window, and is not raised again for the same rule and dyad while its
window overlaps the last one's: evaluating after every cycle, or again by hand, adds nothing twice.
"""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from worldwire.errors import Errors, WorldwireError
from worldwire.ingest.fetch import bad_url
from worldwire.store import names
from worldwire.store.ids import digest
from worldwire.store.intervals import parse_days
from worldwire.store.writer import dyad_key, now

if TYPE_CHECKING:
    import duckdb

KINDS = ("spike", "goldstein", "first")
_FILTER_KEYS = ("dyad", "country", "root", "quad_class", "cameo", "plover", "min_confidence")
_COMMON_KEYS = ("name", "kind", "window", "min_events", *_FILTER_KEYS)
_KIND_KEYS = {"spike": ("baseline", "factor"), "goldstein": ("below",), "first": ("quiet",)}
_MIN_EVENTS = {"spike": 5, "goldstein": 3, "first": 1}
MAX_EVENTS = 50  # events carried by one alert (the newest); its message gives the full count
ALERT_COLUMNS = (
    "alert_id, rule, kind, dyad, window_start, window_end, value, baseline, threshold, message, event_ids, "
    "fired_at, delivered_at, delivery_error"
)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: str
    window: int = 7  # days
    min_events: int = 5
    baseline: int = 8  # spike: windows before this one
    factor: float = 3.0  # spike
    below: float = -5.0  # goldstein
    quiet: int = 365  # first: days without such an event before the window
    dyad: str | None = None  # a dyad key, CHN-KAZ
    country: str | None = None
    roots: tuple[str, ...] = ()
    quad_classes: tuple[int, ...] = ()
    cameo: str | None = None
    plover: str | None = None
    min_confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Rules:
    path: str
    rules: tuple[Rule, ...]
    webhook: str | None = None


@dataclass(frozen=True, slots=True)
class Alert:
    alert_id: str
    rule: str
    kind: str
    dyad: str
    window_start: dt.date
    window_end: dt.date
    value: float
    baseline: float | None
    threshold: float
    message: str
    event_ids: tuple[str, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        return {
            "alert_id": self.alert_id,
            "rule": self.rule,
            "kind": self.kind,
            "dyad": self.dyad,
            "window_start": self.window_start.isoformat(),
            "window_end": self.window_end.isoformat(),
            "value": self.value,
            "baseline": self.baseline,
            "threshold": self.threshold,
            "message": self.message,
            "event_ids": list(self.event_ids),
        }


# ---- the rules file --------------------------------------------------------------------------------------


def load_rules(path: str | Path) -> Rules:
    """The rules in the TOML file `path`, every one checked; E902 says what is wrong and where."""
    where = str(path)

    def bad(reason: str, at: str = "") -> WorldwireError:
        return WorldwireError(Errors.E902.format(path=where, where=at, reason=reason))

    try:
        with Path(path).open("rb") as stream:
            raw = tomllib.load(stream)
    except FileNotFoundError as exc:
        raise bad("the file does not exist") from exc
    except OSError as exc:
        raise bad(f"the file cannot be read ({exc.strerror or exc})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise bad(f"it is not valid TOML ({exc})") from exc
    unknown = sorted(set(raw) - {"webhook", "rule"})
    if unknown:
        raise bad(f"unknown top-level key {unknown[0]!r}; a rules file holds 'webhook' and [[rule]] tables")
    webhook = raw.get("webhook")
    if webhook is not None:
        problem = bad_url(webhook) if isinstance(webhook, str) else "it must be a string"
        if problem:
            raise bad(f"{problem}", "webhook: ")
    tables = raw.get("rule")
    if not isinstance(tables, list) or not tables or not all(isinstance(t, dict) for t in tables):
        raise bad("it has no rules: write each one as a [[rule]] table with a name and a kind")
    rules = []
    for number, table in enumerate(tables, start=1):
        label = (
            f"rule {number}" + (f" ({table['name']!r})" if isinstance(table.get("name"), str) else "") + ": "
        )
        try:
            rules.append(_rule(table))
        except (ValueError, WorldwireError) as exc:
            raise bad(str(exc), label) from exc
    seen: set[str] = set()
    for rule in rules:
        if rule.name in seen:
            raise bad(f"two rules are named {rule.name!r}; names identify alerts, so each must be unique")
        seen.add(rule.name)
    return Rules(where, tuple(rules), webhook)


def _rule(table: Mapping[str, Any]) -> Rule:
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("'name' is required: a short name for the rule, such as \"conflict spike\"")
    kind = table.get("kind")
    if kind not in KINDS:
        raise ValueError(f"'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    allowed = (*_COMMON_KEYS, *_KIND_KEYS[kind])
    for key in table:
        if key not in allowed:
            raise ValueError(f"unknown key {key!r} for a {kind} rule; its keys are {', '.join(allowed)}")
    values: dict[str, Any] = {"name": name.strip(), "kind": kind}
    values["window"] = _days(table.get("window", 7), "window")
    values["min_events"] = _number(table.get("min_events", _MIN_EVENTS[kind]), "min_events", int, least=1)
    if kind == "spike":
        values["baseline"] = _number(table.get("baseline", 8), "baseline", int, least=1)
        values["factor"] = _number(table.get("factor", 3.0), "factor", float, least=1.0)
    elif kind == "goldstein":
        if "below" not in table:
            raise ValueError("'below' is required: the mean Goldstein score (-10 to 10) it turns below")
        values["below"] = _number(table["below"], "below", float, least=-10.0, most=10.0)
    else:
        values["quiet"] = _days(table.get("quiet", 365), "quiet")
    return Rule(**values, **_filters(table))


def _days(value: Any, key: str) -> int:
    if not isinstance(value, (int, str)) or isinstance(value, bool):
        raise ValueError(f'{key!r} must be days (7) or an interval such as "7d" or "2w", not {value!r}')
    return parse_days(value, repr(key))


def _number(value: Any, key: str, kind: type, *, least: float, most: float | None = None) -> Any:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind is int and isinstance(value, float):
        ok = False
    if not ok or not math.isfinite(float(value)) or value < least or (most is not None and value > most):
        span = f"at least {least:g}" if most is None else f"from {least:g} to {most:g}"
        what = "a whole number" if kind is int else "a number"
        raise ValueError(f"{key!r} must be {what} {span}, not {value!r}")
    return kind(value)


def _filters(table: Mapping[str, Any]) -> dict[str, Any]:
    """The rule's event filters, resolved as the CLI resolves them (names, codes, root names)."""
    out: dict[str, Any] = {}
    if "dyad" in table:
        out["dyad"] = dyad_key(*names.dyad(_text(table["dyad"], "dyad"), "the rule's dyad"))
        if out["dyad"] is None:
            raise ValueError("'dyad' must be two different countries")
    if "country" in table:
        out["country"] = names.country(_text(table["country"], "country"), "the rule's country")
    if "root" in table:
        roots = table["root"] if isinstance(table["root"], list) else [table["root"]]
        if not roots or not all(isinstance(r, (int, str)) and not isinstance(r, bool) for r in roots):
            raise ValueError("'root' must be a CAMEO root (19, \"fight\") or a list of them")
        out["roots"] = tuple(dict.fromkeys(names.cameo_root(r) for r in roots))
    if "quad_class" in table:
        quads = table["quad_class"] if isinstance(table["quad_class"], list) else [table["quad_class"]]
        if not quads or not all(
            isinstance(q, int) and not isinstance(q, bool) and 1 <= q <= 4 for q in quads
        ):
            raise ValueError(
                "'quad_class' must be 1 to 4 or a list of them (1 verbal cooperation, 2 material "
                "cooperation, "
                "3 verbal conflict, 4 material conflict)"
            )
        out["quad_classes"] = tuple(sorted(set(quads)))
    if "cameo" in table:
        cameo = _text(table["cameo"], "cameo")
        if not (cameo.isdigit() and 2 <= len(cameo) <= 4):
            raise ValueError(f"'cameo' must be a CAMEO code of 2 to 4 digits, such as \"042\", not {cameo!r}")
        out["cameo"] = cameo
    if "plover" in table:
        out["plover"] = names.plover(_text(table["plover"], "plover"))
    if "min_confidence" in table:
        out["min_confidence"] = _number(table["min_confidence"], "min_confidence", float, least=0.0, most=1.0)
    return out


def _text(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key!r} must be a string")
    return value.strip()


# ---- evaluation ------------------------------------------------------------------------------------------


def _where(rule: Rule) -> tuple[str, list[Any]]:
    where = ["NOT negated", "dyad IS NOT NULL", "date IS NOT NULL"]
    params: list[Any] = []
    if rule.dyad:
        where.append("dyad = ?")
        params.append(rule.dyad)
    if rule.country:
        where.append("(actor1_country = ? OR actor2_country = ?)")
        params += [rule.country, rule.country]
    if rule.roots:
        where.append("cameo_root IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(rule.roots))
    if rule.quad_classes:
        where.append("quad_class IN (SELECT unnest(?::INTEGER[]))")
        params.append(list(rule.quad_classes))
    if rule.cameo:
        where.append("starts_with(cameo, ?)")
        params.append(rule.cameo)
    if rule.plover:
        where.append("plover = ?")
        params.append(rule.plover)
    if rule.min_confidence is not None:
        where.append("confidence >= ?")
        params.append(rule.min_confidence)
    return " AND ".join(where), params


def _candidates(con: duckdb.DuckDBPyConnection, rule: Rule, as_of: dt.date) -> list[Alert]:
    """The alerts `rule` raises on the window ending `as_of`, before the repeat check."""
    start = as_of - dt.timedelta(days=rule.window - 1)
    before = {
        "spike": rule.window * rule.baseline,
        "goldstein": rule.window,
        "first": rule.quiet,
    }[rule.kind]
    earliest = start - dt.timedelta(days=before)
    where, params = _where(rule)
    sql = f"""
        WITH f AS (
            SELECT event_id, dyad, date, goldstein FROM events
            WHERE {where} AND date BETWEEN ?::DATE AND ?::DATE
        ),
        cur AS (
            SELECT dyad, count(*) AS n, avg(goldstein) AS g,
                   list(event_id ORDER BY date DESC, event_id)[1:{MAX_EVENTS}] AS ids
            FROM f WHERE date >= ?::DATE GROUP BY dyad
        ),
        prior AS (SELECT dyad, count(*) AS n, avg(goldstein) AS g FROM f WHERE date < ?::DATE GROUP BY dyad)
        SELECT cur.dyad, cur.n, cur.g, prior.n, prior.g, cur.ids
        FROM cur LEFT JOIN prior USING (dyad) ORDER BY cur.dyad
    """  # noqa: S608 -- the WHERE clause is built from fixed fragments; values are parameters
    rows = con.execute(sql, [*params, earliest, as_of, start, start]).fetchall()
    found = []
    for dyad, n, mean_g, prior_n, prior_g, ids in rows:
        if n < rule.min_events:
            continue
        what = _what(rule)
        days = f"the {rule.window} days to {as_of.isoformat()}"
        if rule.kind == "spike":
            mean = (prior_n or 0) / rule.baseline
            if n < rule.factor * mean:
                continue
            ratio = f"{n / mean:.1f}× their mean of {mean:.1f}" if mean else "none in the windows before"
            message = (
                f"{dyad}: {n} {what} in {days}, {ratio} per {rule.window} days over the "
                f"{rule.baseline} windows before"
            )
            alert = (float(n), mean, rule.factor, message)
        elif rule.kind == "goldstein":
            if mean_g is None or mean_g >= rule.below or (prior_g is not None and prior_g < rule.below):
                continue
            was = (
                f"{prior_g:+.1f} the {rule.window} days before" if prior_g is not None else "no events before"
            )
            message = (
                f"{dyad}: the mean Goldstein score of {n} {what} in {days} fell to {mean_g:+.1f} ({was})"
            )
            alert = (float(mean_g), prior_g, rule.below, message)
        else:
            if prior_n:
                continue
            message = f"{dyad}: {n} {what} in {days}, the first in the {rule.quiet} days before them"
            alert = (float(n), 0.0, float(rule.min_events), message)
        value, baseline, threshold, message = alert
        found.append(
            Alert(
                alert_id=digest(rule.name, dyad, start.isoformat()),
                rule=rule.name,
                kind=rule.kind,
                dyad=dyad,
                window_start=start,
                window_end=as_of,
                value=value,
                baseline=None if baseline is None else float(baseline),
                threshold=float(threshold),
                message=f"{message} (rule {rule.name!r})",
                event_ids=tuple(ids),
            )
        )
    return found


def _what(rule: Rule) -> str:
    parts = []
    if rule.quad_classes == (3, 4):
        parts.append("conflict")
    elif rule.quad_classes == (1, 2):
        parts.append("cooperation")
    if rule.roots:
        parts.append("/".join(f"{r} {names.cameo_name(r) or ''}".strip() for r in rule.roots))
    if rule.plover:
        parts.append(rule.plover)
    if rule.cameo:
        parts.append(f"CAMEO {rule.cameo}")
    return " ".join([*parts, "events"]) if parts else "events"


def evaluate(con: duckdb.DuckDBPyConnection, rules: Rules, as_of: dt.date | None = None) -> list[Alert]:
    """Evaluate every rule on the window ending `as_of` (default today, UTC); store and return the alerts
    that are new (not fired for the same rule and dyad in an overlapping window)."""
    day = as_of or dt.datetime.now(dt.UTC).date()
    fresh: list[Alert] = []
    for rule in rules.rules:
        for alert in _candidates(con, rule, day):
            repeat = con.execute(
                "SELECT 1 FROM alerts WHERE rule = ? AND dyad = ? AND window_end >= ?::DATE "
                "AND window_start <= ?::DATE LIMIT 1",
                [alert.rule, alert.dyad, alert.window_start, alert.window_end],
            ).fetchall()
            if not repeat:
                fresh.append(alert)
    if fresh:
        stamp = now()
        con.execute("BEGIN TRANSACTION")
        try:
            for alert in fresh:
                con.execute(
                    "INSERT OR IGNORE INTO alerts (alert_id, rule, kind, dyad, window_start, window_end, "
                    "value, baseline, threshold, message, event_ids, fired_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        alert.alert_id, alert.rule, alert.kind, alert.dyad, alert.window_start,
                        alert.window_end, alert.value, alert.baseline, alert.threshold, alert.message,
                        list(alert.event_ids), stamp,
                    ],
                )  # fmt: skip
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return fresh


# ---- delivery and reading --------------------------------------------------------------------------------

DELIVERY_ATTEMPTS = 3
Post = Callable[[str, Any], "str | None"]


def deliver(con: duckdb.DuckDBPyConnection, webhook: str, post: Post) -> list[str]:
    """POST every alert not delivered yet (at most `DELIVERY_ATTEMPTS` tries each) to `webhook` as JSON,
    with its events; the E903 messages of those that failed."""
    rows = con.execute(
        "SELECT alert_id FROM alerts WHERE delivered_at IS NULL AND delivery_attempts < ? "
        "ORDER BY fired_at, alert_id",
        [DELIVERY_ATTEMPTS],
    ).fetchall()
    failures = []
    for (alert_id,) in rows:
        payload = alert(con, alert_id)
        problem = post(webhook, {"worldwire_alert": payload})
        con.execute(
            "UPDATE alerts SET delivered_at = ?, delivery_error = ?, "
            "delivery_attempts = delivery_attempts + 1 WHERE alert_id = ?",
            [None if problem else now(), problem, alert_id],
        )
        if problem:
            failures.append(Errors.E903.format(alert=alert_id, url=webhook, reason=problem))
    return failures


_ALERT_EVENT_COLUMNS = (
    "event_id, date, actor1_code, actor1_name, actor2_code, actor2_name, dyad, cameo, cameo_root, "
    "quad_class, "
    "goldstein, plover, confidence, evidence, source_url, first_article_id"
)


def _with_events(con: duckdb.DuckDBPyConnection, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = sorted({eid for row in rows for eid in row["event_ids"]})
    found: dict[str, dict[str, Any]] = {}
    if ids:
        cursor = con.execute(
            f"SELECT {_ALERT_EVENT_COLUMNS} FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",  # noqa: S608
            [ids],
        )
        columns = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            event = dict(zip(columns, values, strict=True))
            event["date"] = event["date"].isoformat() if event["date"] is not None else None
            found[event["event_id"]] = event
    out = []
    for row in rows:
        item = {k: v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v for k, v in row.items()}
        item["event_ids"] = list(row["event_ids"])
        item["events"] = [found[e] for e in row["event_ids"] if e in found]
        out.append(item)
    return out


def alert(con: duckdb.DuckDBPyConnection, alert_id: str) -> dict[str, Any] | None:
    """One alert with its events, as JSON-ready values."""
    cursor = con.execute(f"SELECT {ALERT_COLUMNS} FROM alerts WHERE alert_id = ?", [alert_id])  # noqa: S608
    columns = [d[0] for d in cursor.description]
    rows = [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]
    return _with_events(con, rows)[0] if rows else None


def alert_page(
    con: duckdb.DuckDBPyConnection, *, page: int = 1, page_size: int = 20, dyad: str | None = None
) -> dict[str, Any]:
    """Alerts, newest first, one page at a time, each with the events that fired it."""
    where, params = "", []
    if dyad:
        where, params = " WHERE dyad = ?", [dyad_key(*names.dyad(dyad))]
    total = con.execute(f"SELECT count(*) FROM alerts{where}", params).fetchall()[0][0]  # noqa: S608
    cursor = con.execute(
        f"SELECT {ALERT_COLUMNS} FROM alerts{where} ORDER BY fired_at DESC, window_end DESC, alert_id "  # noqa: S608
        "LIMIT ? OFFSET ?",
        [*params, page_size, (page - 1) * page_size],
    )
    columns = [d[0] for d in cursor.description]
    rows = [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]
    return {"page": page, "page_size": page_size, "total": int(total), "items": _with_events(con, rows)}


def alert_list(
    con: duckdb.DuckDBPyConnection, limit: int, *, events_as_count: bool = False
) -> tuple[int, Any]:
    """How many alerts there are, and the newest `limit` as a DataFrame (`worldwire alerts list`)."""
    total = con.execute("SELECT count(*) FROM alerts").fetchall()[0][0]
    events = "cardinality(event_ids) AS events" if events_as_count else "event_ids"
    frame = con.execute(
        f"SELECT fired_at, rule, dyad, window_start, window_end, message, {events} FROM alerts "  # noqa: S608
        "ORDER BY fired_at DESC, window_end DESC, alert_id LIMIT ?",
        [limit],
    ).df()
    return int(total), frame
