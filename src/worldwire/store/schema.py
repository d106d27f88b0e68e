"""The store's tables, created and changed only by numbered migrations recorded in `schema_migrations`.

A store opened by a newer worldwire is brought up to date in one transaction per migration; a store
written by a newer worldwire than this one is refused rather than misread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from worldwire.errors import Errors, WorldwireError
from worldwire.store import summaries, wordindex, wordsummaries

if TYPE_CHECKING:
    import duckdb

# (version, name, SQL: a string, or a function giving it when the migration runs). Never edit a released
# migration: add the next one.
Migration = tuple[int, str, str | Callable[[], str]]
MIGRATIONS: tuple[Migration, ...] = (
    (
        1,
        "articles, actors, events, mentions, quotes, facts, locations, clusters, ingest log",
        """
        CREATE TABLE articles (
            article_id VARCHAR PRIMARY KEY,  -- hash of body + url: one stored copy per publication
            doc_id VARCHAR, origin VARCHAR, url VARCHAR, source VARCHAR, title VARCHAR, date DATE,
            language VARCHAR, tone DOUBLE, words INTEGER, cluster_id VARCHAR NOT NULL,
            minhash BLOB, record VARCHAR NOT NULL,  -- the full extract record (JSON): nothing is lost
            run_id INTEGER, added_at TIMESTAMP NOT NULL
        );
        CREATE TABLE clusters (
            cluster_id VARCHAR PRIMARY KEY, first_article_id VARCHAR NOT NULL,
            num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL, first_date DATE, last_date DATE
        );
        CREATE TABLE actors (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, start INTEGER, "end" INTEGER,
            sentence INTEGER, name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR, wikidata VARCHAR,
            kind VARCHAR, members VARCHAR[], antecedent INTEGER, PRIMARY KEY (article_id, idx)
        );
        CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY,        -- stable: hash of cluster and event key
            global_event_id BIGINT NOT NULL,     -- the same hash as a number, for GDELT's integer id
            cluster_id VARCHAR NOT NULL, date DATE,
            actor1_code VARCHAR, actor1_name VARCHAR, actor1_country VARCHAR, actor1_sector VARCHAR,
            actor2_code VARCHAR, actor2_name VARCHAR, actor2_country VARCHAR, actor2_sector VARCHAR,
            cameo VARCHAR NOT NULL, cameo_base VARCHAR NOT NULL, cameo_root VARCHAR NOT NULL,
            quad_class TINYINT, goldstein DOUBLE, plover VARCHAR, plover_mode VARCHAR,
            modality VARCHAR, negated BOOLEAN NOT NULL, is_root BOOLEAN NOT NULL,
            num_mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL,
            avg_tone DOUBLE, confidence DOUBLE,
            geo_name VARCHAR, geo_country VARCHAR, geo_feature VARCHAR, geo_lat DOUBLE, geo_lon DOUBLE,
            geo_geonameid BIGINT,
            first_article_id VARCHAR NOT NULL, source_url VARCHAR, added_at TIMESTAMP NOT NULL
        );
        CREATE TABLE mentions (
            event_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
            sentence INTEGER, start INTEGER, "end" INTEGER, evidence VARCHAR, trigger VARCHAR,
            modality VARCHAR, confidence DOUBLE, source_text VARCHAR, target_text VARCHAR,
            source_actor INTEGER, target_actor INTEGER, location INTEGER, in_lead BOOLEAN,
            PRIMARY KEY (article_id, idx)
        );
        CREATE TABLE quotes (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, start INTEGER, "end" INTEGER,
            speaker_text VARCHAR, speaker_code VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
            speaker_actor INTEGER, PRIMARY KEY (article_id, idx)
        );
        CREATE TABLE facts (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, kind VARCHAR, value DOUBLE, currency VARCHAR,
            unit VARCHAR, year INTEGER, text VARCHAR, start INTEGER, "end" INTEGER, sentence INTEGER,
            PRIMARY KEY (article_id, idx)
        );
        CREATE TABLE locations (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, start INTEGER, "end" INTEGER,
            name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT, feature VARCHAR,
            PRIMARY KEY (article_id, idx)
        );
        CREATE TABLE runs (
            run_id INTEGER PRIMARY KEY, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP,
            inputs VARCHAR
        );
        CREATE TABLE ingest_log (
            input_key VARCHAR PRIMARY KEY,       -- hash of origin, document id and content
            run_id INTEGER NOT NULL, origin VARCHAR, doc_id VARCHAR, content_hash VARCHAR,
            status VARCHAR NOT NULL CHECK (status IN ('done', 'duplicate', 'failed')),
            article_id VARCHAR, reason VARCHAR, logged_at TIMESTAMP NOT NULL
        );
        CREATE INDEX events_cluster ON events (cluster_id);
        CREATE INDEX mentions_event ON mentions (event_id);
        """,
    ),
    (
        2,
        "events.dyad: one key for a pair of countries, so that a dyad query tests one column",
        # "CHN-KAZ" (countries in alphabetical order), "CHN-KAZ negated" for negated events: default
        # queries leave negated events out without a second filter over every row.
        """
        ALTER TABLE events ADD COLUMN dyad VARCHAR;
        UPDATE events
            SET dyad = concat_ws('-', least(actor1_country, actor2_country),
                                      greatest(actor1_country, actor2_country))
                       || CASE WHEN negated THEN ' negated' ELSE '' END
            WHERE actor1_country <> actor2_country;
        """,
    ),
    (
        3,
        "events.evidence: the sentence of the event's first report, so a listing shows where it came from",
        """
        ALTER TABLE events ADD COLUMN evidence VARCHAR;
        UPDATE events SET evidence = m.evidence
            FROM (SELECT event_id, arg_min(evidence, (article_id, idx)) AS evidence
                  FROM mentions GROUP BY event_id) AS m
            WHERE events.event_id = m.event_id;
        """,
    ),
    (
        4,
        "summaries (events per day, dyad, country, actor, edge and place) and the word index of evidence",
        # Built from the definitions in store/summaries.py and store/wordindex.py: changing those needs
        # a new migration that drops and rebuilds what they describe.
        summaries.ddl() + wordindex.DDL + summaries.rebuild_sql() + wordindex.rebuild_sql(),
    ),
    (
        5,
        "watch_sources, watch_items, alerts: `worldwire watch` resumes where it stopped; alerts are kept",
        # A link is done when the ingest log holds its URL as an origin (committed with the article it
        # gave), so watch_items only remembers what was found and how often fetching it failed.
        """
        CREATE TABLE watch_sources (
            url VARCHAR PRIMARY KEY, kind VARCHAR, etag VARCHAR, last_modified VARCHAR,
            polled_at TIMESTAMP, status VARCHAR, error VARCHAR,
            failures INTEGER NOT NULL DEFAULT 0, links INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE watch_items (
            url VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, title VARCHAR, date DATE,
            found_at TIMESTAMP NOT NULL, seq INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0, error VARCHAR, tried_at TIMESTAMP
        );
        CREATE TABLE alerts (
            alert_id VARCHAR PRIMARY KEY, rule VARCHAR NOT NULL, kind VARCHAR NOT NULL, dyad VARCHAR,
            window_start DATE NOT NULL, window_end DATE NOT NULL,
            value DOUBLE, baseline DOUBLE, threshold DOUBLE, message VARCHAR NOT NULL,
            event_ids VARCHAR[] NOT NULL, fired_at TIMESTAMP NOT NULL,
            delivered_at TIMESTAMP, delivery_error VARCHAR, delivery_attempts INTEGER NOT NULL DEFAULT 0
        );
        """,
    ),
    (
        6,
        "actors and places by CAMEO root too, edges by country and root; summaries of the frequent words",
        # Every summary is dropped and recounted as store/summaries.py defines it now; the words in
        # `wordsummaries.FREQUENT` events or more (as it is when the migration runs) are summarised
        # from their postings.
        lambda: summaries.replace_sql() + wordsummaries.DDL + wordsummaries.rebuild_sql(),
    ),
    (
        7,
        "actors, edges and places of all time grouped by nothing else: the unfiltered views read them",
        lambda: summaries.replace_sql(summaries.PLAIN),
    ),
)
LATEST = MIGRATIONS[-1][0]


def migrate(con: duckdb.DuckDBPyConnection, migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    """Apply the migrations this store lacks, each in its own transaction; return the store's version."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    row = next(iter(con.execute("SELECT max(version) FROM schema_migrations").fetchall()), None)
    current = int(row[0]) if row and row[0] is not None else 0
    if current > LATEST:
        raise WorldwireError(Errors.E601.format(version=current, latest=LATEST))
    for version, name, sql in migrations:
        if version <= current:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql() if callable(sql) else sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp::TIMESTAMP)", [version, name]
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        current = version
    return current
