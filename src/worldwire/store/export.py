"""Exports of the store's events: GDELT 2.0 event table, PLOVER JSON lines, Parquet by date, CSV.

The GDELT export has GDELT's 61 columns in GDELT's order and types (`data/store/v1.toml`), tab
separated without a header, as GDELT publishes it, so code written for GDELT files reads it unchanged.
What worldwire does not know is left blank, as GDELT does: ethnic and religious codes, per-actor places,
ADM1/ADM2 codes. Country codes are worldwire's (ISO alpha-3), not GDELT's FIPS 10-4.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from worldwire.errors import Errors, WorldwireError
from worldwire.store.config import StoreConfig, store_config
from worldwire.store.queries import EVENT_COLUMNS

if TYPE_CHECKING:
    import duckdb

FORMATS = ("gdelt", "plover", "parquet", "csv")
_SQL_TYPES = {"INTEGER": "BIGINT", "STRING": "VARCHAR", "FLOAT": "DOUBLE"}


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _type_code(actor: str, n: int) -> str:
    """The n-th 3-letter role code of an actor code, after its country prefix (CHNGOV → GOV)."""
    code, country = f"{actor}_code", f"{actor}_country"
    return (
        f"nullif(CASE WHEN {country} IS NOT NULL AND starts_with({code}, {country}) "
        f"THEN substr({code}, {4 + 3 * n}, 3) ELSE substr({code}, {1 + 3 * n}, 3) END, '')"
    )


def _geo_type(config: StoreConfig) -> str:
    us = ", ".join(_quoted(c) for c in sorted(config.us_codes))
    world = " ".join(f"WHEN {_quoted(k)} THEN {v}" for k, v in config.geo_type.items())
    home = " ".join(f"WHEN {_quoted(k)} THEN {v}" for k, v in config.geo_type_us.items())
    return (
        f"CASE WHEN geo_feature IS NULL THEN NULL WHEN geo_country IN ({us}) "
        f"THEN (CASE geo_feature {home} END) ELSE (CASE geo_feature {world} END) END"
    )


def gdelt_expressions(config: StoreConfig | None = None) -> dict[str, str]:
    """Each GDELT column as SQL over the `events` table (blank where worldwire has no value)."""
    config = config or store_config()
    exprs = {
        "GLOBALEVENTID": "global_event_id",
        "SQLDATE": "strftime(date, '%Y%m%d')",
        "MonthYear": "strftime(date, '%Y%m')",
        "Year": "year(date)",
        "FractionDate": "round(year(date) + (month(date) * 30 + day(date)) / 365, 4)",
        "IsRootEvent": "is_root::INTEGER",
        "EventCode": "cameo",
        "EventBaseCode": "cameo_base",
        "EventRootCode": "cameo_root",
        "QuadClass": "quad_class",
        "GoldsteinScale": "goldstein",
        "NumMentions": "num_mentions",
        "NumSources": "num_sources",
        "NumArticles": "num_articles",
        "AvgTone": "avg_tone",
        "ActionGeo_Type": _geo_type(config),
        "ActionGeo_FullName": "geo_name",
        "ActionGeo_CountryCode": "geo_country",
        "ActionGeo_Lat": "geo_lat",
        "ActionGeo_Long": "geo_lon",
        "ActionGeo_FeatureID": "geo_geonameid",
        "DATEADDED": "strftime(added_at, '%Y%m%d%H%M%S')",
        "SOURCEURL": "source_url",
    }
    for n, actor in ((1, "actor1"), (2, "actor2")):
        exprs[f"Actor{n}Code"] = f"{actor}_code"
        exprs[f"Actor{n}Name"] = f"upper({actor}_name)"
        exprs[f"Actor{n}CountryCode"] = f"{actor}_country"
        for k in (1, 2, 3):
            exprs[f"Actor{n}Type{k}Code"] = _type_code(actor, k - 1)
    return exprs


def gdelt_select(where: str, config: StoreConfig | None = None) -> str:
    config = config or store_config()
    exprs = gdelt_expressions(config)
    columns = [
        f'CAST({exprs.get(name, "NULL")} AS {_SQL_TYPES[kind]}) AS "{name}"'
        for name, kind in config.gdelt_columns
    ]
    return f"SELECT {', '.join(columns)} FROM events{where} ORDER BY date NULLS LAST, event_id"  # noqa: S608


_PLOVER_SELECT = """
    SELECT e.event_id AS id, e.date, e.plover AS event,
           CASE WHEN e.plover_mode IS NULL THEN []::VARCHAR[] ELSE [e.plover_mode] END AS mode,
           []::VARCHAR[] AS context,
           {'raw_text': m.source_text, 'entity_name': e.actor1_name, 'country_code': e.actor1_country,
            'sector_code': e.actor1_sector, 'cameo_code': e.actor1_code} AS actor,
           CASE WHEN e.actor2_code IS NULL AND m.target_text IS NULL THEN NULL ELSE
           {'raw_text': m.target_text, 'entity_name': e.actor2_name, 'country_code': e.actor2_country,
            'sector_code': e.actor2_sector, 'cameo_code': e.actor2_code} END AS recipient,
           CASE WHEN e.geo_name IS NULL THEN NULL ELSE
           {'resolved_place': e.geo_name, 'country_code': e.geo_country, 'geonameid': e.geo_geonameid,
            'lat': e.geo_lat, 'lon': e.geo_lon, 'feature': e.geo_feature} END AS event_loc,
           m.evidence AS event_text, e.quad_class AS quad_code, e.modality,
           {'cameo': e.cameo, 'goldstein': e.goldstein} AS cameo,
           e.num_mentions, e.num_articles, e.num_sources, e.source_url AS link,
           {'sequence': m.sentence, 'start': m.start, 'end': m."end"} AS text_info,
           {'url': a.url, 'title': a.title, 'language': a.language, 'publication': a.source,
            'coder': 'worldwire'} AS cite_info
    FROM events e
    JOIN mentions m ON m.event_id = e.event_id AND m.article_id = e.first_article_id
    JOIN articles a ON a.article_id = e.first_article_id
    {where}
    QUALIFY row_number() OVER (PARTITION BY e.event_id ORDER BY m.idx) = 1
    ORDER BY e.date NULLS LAST, e.event_id
"""


def export(con: duckdb.DuckDBPyConnection, fmt: str, path: Path, *, negated: bool = False) -> int:
    """Write the events (negated ones only when asked) to `path` as `fmt`; return the rows written."""
    if fmt not in FORMATS:
        raise WorldwireError(Errors.E603.format(reason=f"--format must be one of {', '.join(FORMATS)}"))
    where = "" if negated else " WHERE NOT negated"
    if fmt == "gdelt":
        query, options = gdelt_select(where), "FORMAT csv, DELIMITER '\t', HEADER false"
    elif fmt == "plover":
        query = _PLOVER_SELECT.replace("{where}", "" if negated else "WHERE NOT e.negated")
        options = "FORMAT json"
    elif fmt == "csv":
        query = f"SELECT {EVENT_COLUMNS} FROM events{where} ORDER BY date NULLS LAST, event_id"  # noqa: S608
        options = "FORMAT csv, HEADER true"
    else:
        if path.is_dir():
            shutil.rmtree(path)
        query = f"SELECT *, year(date) AS year, month(date) AS month FROM events{where}"  # noqa: S608
        options = "FORMAT parquet, PARTITION_BY (year, month)"
    row = next(iter(con.execute(f"COPY ({query}) TO {_quoted(str(path))} ({options})").fetchall()), None)
    return int(row[0]) if row else 0
