"""Rows from the files people bring: CSV (any common encoding and delimiter) or XLSX.

    headers, rows, fmt = read_rows(Path("asistencia.csv"))
    for line, values in rows: ...

CSV: UTF-16 (Excel's "Unicode text", with or without BOM), UTF-8 with or without BOM,
else Windows-1252 (what Excel on Windows writes);
the delimiter is ',' or ';' (Excel in Spanish writes ';'). XLSX: the first sheet, the
first non-empty row is the header. Line numbers are what a spreadsheet shows.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from defensoria.errors import SourceError

Row = tuple[int, list]


@dataclass
class RowsFile:
    headers: list[str]
    rows: Iterator[Row]
    format: str  # 'csv' or 'xlsx'
    encoding: str = ""
    delimiter: str = ""
    total: int | None = None  # rows expected, for the progress bar


def read_rows(path: Path, encoding: str | None = None) -> RowsFile:
    path = Path(path)
    if not path.is_file():
        raise SourceError(path, None, "no existe el archivo.")
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return _read_xlsx(path)
    if suffix in {".xls", ".ods"}:
        raise SourceError(path, None, f"no se pueden leer archivos {suffix}; guárdelo como .xlsx o .csv.")
    return _read_csv(path, encoding)


def decode(data: bytes, path: Path, encoding: str | None = None) -> tuple[str, str]:
    """Text and the encoding used: the one given, else UTF-16 (BOM, or the zero bytes of
    Latin text), else UTF-8 (BOM or not), else Windows-1252."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as error:
            raise SourceError(path, None, f"no se puede leer con la codificación {encoding} ({error}).") from None
    if utf16 := _utf16(data):
        try:
            return data.decode(utf16).removeprefix("\ufeff"), utf16
        except UnicodeDecodeError:
            raise SourceError(path, None, "el archivo parece UTF-16 pero está dañado; guárdelo de nuevo como 'CSV UTF-8'.") from None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
        except UnicodeDecodeError as error:
            line = data[: error.start + 3].count(b"\n") + 1
            raise SourceError(path, line, "el archivo dice ser UTF-8 pero tiene bytes que no lo son; guárdelo de nuevo como 'CSV UTF-8'.") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(path, line, "el archivo no es UTF-8 ni Windows-1252; guárdelo como 'CSV UTF-8' o pruebe --codificacion latin-1.") from None


def _utf16(data: bytes) -> str | None:
    """'utf-16' when a BOM says so; 'utf-16-le'/'-be' when every other byte of the start is zero."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[: min(len(data), 400) // 2 * 2]
    if len(sample) >= 4:
        odd, even = sample[1::2], sample[0::2]
        if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
            return "utf-16-le"
        if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
            return "utf-16-be"
    return None


def sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_csv(path: Path, encoding: str | None) -> RowsFile:
    text, used = decode(path.read_bytes(), path, encoding)
    first = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = next(reader)
    except StopIteration:
        raise SourceError(path, 1, "el archivo está vacío.") from None

    def rows() -> Iterator[Row]:
        try:
            for values in reader:
                if values and any(values):  # blank lines and rows of empty cells (Excel leaves ';;;;')
                    yield reader.line_num, values
        except csv.Error as error:
            raise SourceError(path, reader.line_num, f"el CSV está mal formado ({error}).") from None

    return RowsFile(headers, rows(), "csv", used, delimiter, total=max(text.count("\n") - 1, 1))


def _read_xlsx(path: Path) -> RowsFile:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise SourceError(path, None, f"no se puede abrir como hoja de cálculo .xlsx ({error}).") from None
    sheet = book.worksheets[0]
    raw = sheet.iter_rows(values_only=True)
    line = 0
    headers: list[str] = []
    for values in raw:
        line += 1
        if values and any(v not in (None, "") for v in values):
            headers = ["" if v is None else str(v) for v in values]
            break
    if not headers:
        book.close()
        raise SourceError(path, 1, "la hoja está vacía.")

    def rows() -> Iterator[Row]:
        number = line
        for values in raw:
            number += 1
            if values and any(v not in (None, "") for v in values):
                yield number, ["" if v is None else v for v in values]
        book.close()

    return RowsFile(headers, rows(), "xlsx", total=max((sheet.max_row or 2) - line, 1))
