"""Errors the store raises: each message is fit to print for the lifter and names the file."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Something went wrong with the database; `str(err)` says what and where."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None


class DatabaseUnreadable(StoreError):
    """A file does not parse or has the wrong shape.  It is left untouched; a copy is kept."""

    def __init__(self, path: Path, keep_safe_copy: Path | None, reason: str) -> None:
        if keep_safe_copy is not None:
            kept = f"A copy was kept at {keep_safe_copy}."
        else:
            kept = "No copy could be made."
        super().__init__(
            f"Cannot read the training database {path}: {reason}. "
            f"The file was left untouched. {kept} "
            f"Restore a backup, or start a new database with --db PATH.",
            path,
        )
        self.keep_safe_copy = keep_safe_copy
        self.reason = reason


class DatabaseTooNew(StoreError):
    """A file was written by a newer tui-tracker (higher schema_version)."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"The training database {path} has schema version {found}, but this "
            f"tui-tracker reads up to version {supported}: it was written by a newer "
            f"tui-tracker. Upgrade tui-tracker; the file was left untouched.",
            path,
        )
        self.found = found
        self.supported = supported


class DatabaseNotWritable(StoreError):
    """The file or its folder cannot be written (permissions, read-only disk)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"Cannot write the training database {path}: {reason}. Nothing was changed. "
            f"Check the permissions of the file and its folder {path.parent}, "
            f"or use another database with --db PATH.",
            path,
        )
        self.reason = reason
