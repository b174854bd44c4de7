"""Writing output files so that nothing is ever half-written.

Everything the tools write (PDFs, CSVs, quiz versions, plans, translations) goes through
a temporary file in the same folder and is renamed onto the target only when complete.
"""

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from defensoria.errors import DefensoriaError


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DefensoriaError(f"no se puede crear la carpeta '{folder}' ({error.strerror}).") from None


def write_atomic(path: Path | str, data: bytes | str) -> Path:
    """Write bytes (or UTF-8 text, newlines as given) to `path` via temp file + rename."""
    path = Path(path)
    _ensure_folder(path.parent)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


@contextmanager
def atomic_path(target: Path | str):
    """Yield a temporary path beside `target`; it replaces `target` only if the block succeeds.

    For writers that need a path of their own (openpyxl, WeasyPrint, csv with a handle).
    """
    target = Path(target)
    _ensure_folder(target.parent)
    partial = target.with_name(f".{target.name}.parcial")
    try:
        yield partial
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
