"""The embedded DuckDB store: ingest, deduplication, queries and export."""
