"""The files of the exchange: reading a file to import, writing the export file.

The store is the only code that touches files, so these live here: a file to import
is read with limits (size, kind, encoding), and the export is written atomically.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .exchange_types import ExchangeError
from .paths import not_a_file
from .files import EXPORT_TMP_MARK, UnconfirmedWrite, atomic_write

#: Import files bigger than this are refused (a year of hard training is about 1 MB of CSV).
MAX_IMPORT_BYTES = 512 * 1024 * 1024


def read_text(path: Path | str) -> str:
    """The text of a file to import: UTF-8 (with or without a BOM) or UTF-16 with a BOM.

    A regular file, or a pipe (`<(unzip -p export.zip)`), read up to MAX_IMPORT_BYTES; a
    folder or device is refused (/dev/zero would fill the memory), and a named pipe
    nobody writes to reads as empty instead of waiting.  ExchangeError says, in one
    line, why it cannot be read.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise ExchangeError(f"there is no file {path}") from None
    except IsADirectoryError:
        raise ExchangeError(f"{path} is a folder, not a file") from None
    except PermissionError:
        raise ExchangeError(f"{path} cannot be read: permission denied") from None
    except OSError as e:
        raise ExchangeError(f"{path} cannot be read: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        kind = not_a_file(st.st_mode)
        if kind == "a folder":
            raise ExchangeError(f"{path} is a folder, not a file")
        if kind is not None and not stat.S_ISFIFO(st.st_mode):
            raise ExchangeError(f"{path} is {kind}, not a file to import")
        if st.st_size > MAX_IMPORT_BYTES:
            raise ExchangeError(
                f"{path} is {st.st_size // 2**20} MB: too big to be a workout export"
            )
        if kind is None:
            with open(fd, "rb", closefd=False) as f:
                raw = f.read()
        else:
            raw = _read_pipe(fd, path)
    except OSError as e:
        raise ExchangeError(f"{path} cannot be read: {e.strerror or e}") from None
    finally:
        os.close(fd)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as e:
        raise ExchangeError(
            f"{path} is not UTF-8 text (byte 0x{raw[e.start]:02x} at offset {e.start}): "
            "export it again from the app, or save it as UTF-8 CSV"
        ) from None
    if "\x00" in text:
        raise ExchangeError(f"{path} is a binary file, not a CSV or JSON export")
    return text


def _read_pipe(fd: int, path: Path) -> bytes:
    """What a pipe's writer sends, up to MAX_IMPORT_BYTES (it has no size to check first)."""
    os.set_blocking(fd, True)  # opened without blocking; now wait for what is written
    chunks: list[bytes] = []
    size = 0
    while chunk := os.read(fd, 1 << 20):
        size += len(chunk)
        if size > MAX_IMPORT_BYTES:
            raise ExchangeError(
                f"{path} sends more than {MAX_IMPORT_BYTES // 2**20} MB: "
                "too big to be a workout export"
            )
        chunks.append(chunk)
    return b"".join(chunks)


def write_file(path: Path | str, payload: bytes) -> None:
    """Write the export: a temp file beside it, fsynced, renamed over it.

    The old file stays whole if anything fails.  A symlink is followed (the file it
    points to is replaced, the link stays); a folder, FIFO or device is refused.  The
    temp file is `<name>.export-tmp-<hex>`, a name the store's orphan cleanup never
    removes, so an export into the database's folder is safe while the app opens it.
    ExchangeError on failure.
    """
    path = Path(path)
    if path.is_dir():
        raise ExchangeError(f"{path} is a folder: give a file name, e.g. {path / 'export.json'}")
    if not path.parent.is_dir():
        raise ExchangeError(f"cannot write {path}: the folder {path.parent} does not exist")
    if path.exists() and not os.access(path, os.W_OK):
        raise ExchangeError(f"cannot write {path}: the file is read-only")
    try:
        atomic_write(path, payload, temp_mark=EXPORT_TMP_MARK)
    except UnconfirmedWrite:
        pass  # the file is in place; only the folder's fsync was not confirmed
    except OSError as e:
        raise ExchangeError(
            f"cannot write {path}: {e.strerror or e}; nothing was written"
        ) from None
