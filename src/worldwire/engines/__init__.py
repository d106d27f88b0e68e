"""Engines run the pipeline stages over a corpus: locally (the store's worker pool) or on Apache Spark."""
