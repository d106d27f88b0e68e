"""worldwire: raw news to structured, evidence-carrying political event data."""

from worldwire.errors import DataFileError, GateError, InputError, WorldwireError
from worldwire.pipeline import extract, extract_documents, extract_text
from worldwire.store import open_store as open  # worldwire.open(path): the store, as pandas/Arrow

__version__ = "0.1.0"

__all__ = [
    "DataFileError",
    "GateError",
    "InputError",
    "WorldwireError",
    "__version__",
    "extract",
    "extract_documents",
    "extract_text",
    "open",
]
