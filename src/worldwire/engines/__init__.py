"""Engines run the same pipeline stages over a corpus: locally (the store's worker pool) or on Apache Spark."""
