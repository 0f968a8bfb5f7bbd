"""The only code that touches TinyDB and the file system.  It returns domain objects.

    store = Store(resolve_db_path(args.db))
    session = store.log_set(s, day=clock.today())

See storage.py for how writes stay whole through a crash and two processes,
and paths.py for the files beside the main database.
"""

from .errors import DatabaseNotWritable, DatabaseTooNew, DatabaseUnreadable, StoreError
from .migrations import CURRENT_SCHEMA, MIGRATIONS
from .paths import default_db_path, month_of, month_path, resolve_db_path, yearly_path
from .store import Store

__all__ = [
    "Store",
    "StoreError",
    "DatabaseUnreadable",
    "DatabaseTooNew",
    "DatabaseNotWritable",
    "default_db_path",
    "resolve_db_path",
    "month_of",
    "month_path",
    "yearly_path",
    "CURRENT_SCHEMA",
    "MIGRATIONS",
]
