"""Table files as a header and a stream of rows: CSV, TSV, JSON Lines and Parquet, in flat memory.

Every cell comes out as a string ('' for missing), so the table reader treats all formats alike.
CSV is read as UTF-8 (a BOM is fine); a file whose start is not UTF-8 is read as cp1252 with a
warning, and a UTF-8 file that turns out to hold other bytes later is refused as mixed encodings.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import math
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from commentscope.errors import UnreadableInputError
from commentscope.sources import GZIP_MAGIC

DELIMITERS = ",;\t|"
MAX_FIELD_CHARS = 50 * 1024 * 1024
PARQUET_MAGIC = b"PAR1"
PARQUET_BATCH = 50_000
SNIFF_BYTES = 65536
JSON_SAMPLE = 1000  # JSON Lines objects whose keys make the header


@dataclass
class TableStream:
    """The header of a table and an iterator over its rows (lists of strings, header-aligned)."""

    header: list[str]
    rows: Iterator[list[str]]
    warnings: list[str] = field(default_factory=list)
    closers: list[Callable[[], object]] = field(default_factory=list)

    def __enter__(self) -> TableStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the file, whether or not every row was read."""
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()
        for closer in self.closers:
            closer()


def cell(value: Any) -> str:
    """Any cell value as a string: '' for null, whole floats without `.0`, datetimes in ISO 8601."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def open_table(path: Path, kind: str) -> TableStream:
    """Open a table file (`kind` is its suffix) as a stream; unreadable files raise one line."""
    if kind == ".parquet":
        return _parquet(path)
    handle = _binary(path)
    try:
        head = handle.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    except (OSError, EOFError, zlib.error) as exc:  # a gzip file cut short or corrupt
        handle.close()
        raise UnreadableInputError(str(path), f"cannot read: {exc}") from exc
    if not head.strip():
        handle.close()
        raise UnreadableInputError(str(path), "empty file")
    if b"\x00" in head[:8192] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        handle.close()
        raise UnreadableInputError(str(path), "binary file, not a table")
    try:
        if kind in (".jsonl", ".ndjson"):
            return _jsonl(path, handle)
        return _delimited(path, handle, head, "\t" if kind == ".tsv" else None)
    except BaseException:
        handle.close()
        raise


def _binary(path: Path) -> io.BufferedReader[Any]:
    try:
        raw: io.BufferedReader[Any] = io.BufferedReader(io.FileIO(path, "rb"), buffer_size=SNIFF_BYTES)
    except OSError as exc:
        raise UnreadableInputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if raw.peek(2)[:2] == GZIP_MAGIC:
        raw.close()
        return io.BufferedReader(gzip.GzipFile(path, "rb"), buffer_size=SNIFF_BYTES)
    return raw


def _encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            return "cp1252"
    return "utf-8"


def _text_lines(path: Path, handle: IO[bytes], encoding: str) -> Iterator[str]:
    """Decoded lines; a byte sequence the chosen encoding cannot read is a one-line error."""
    text = io.TextIOWrapper(handle, encoding=encoding, newline="")
    number = 0
    try:
        for number, line in enumerate(text, 1):  # noqa: B007 - the count is reported on failure
            yield line
    except UnicodeDecodeError as exc:
        raise UnreadableInputError(
            str(path), f"mixed encodings: line {number + 1} is not {encoding} like the lines before it; "
            "save the table as UTF-8",
        ) from exc
    except (OSError, EOFError, zlib.error) as exc:
        raise UnreadableInputError(str(path), f"cannot read: {exc}") from exc
    finally:
        text.close()


def _delimited(path: Path, handle: IO[bytes], head: bytes, delimiter: str | None) -> TableStream:
    encoding = _encoding(head)
    warnings = [f"{path}: not UTF-8, read as cp1252"] if encoding == "cp1252" else []
    if delimiter is None:
        first = head.split(b"\n", 1)[0].decode("latin-1")
        delimiter = max(DELIMITERS, key=first.count)
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD_CHARS))
    reader = csv.reader(_text_lines(path, handle, encoding), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise UnreadableInputError(str(path), "empty file") from None
    except csv.Error as exc:
        raise UnreadableInputError(str(path), f"not a table: {exc}") from exc
    return TableStream(header, _csv_rows(path, reader, len(header)), warnings, [handle.close])


def _csv_rows(path: Path, reader: Any, width: int) -> Iterator[list[str]]:
    try:
        for row in reader:
            if not row:
                continue
            yield row[:width] + [""] * (width - len(row)) if len(row) != width else row
    except csv.Error as exc:
        raise UnreadableInputError(str(path), f"broken CSV near line {reader.line_num}: {exc}") from exc


def _jsonl(path: Path, handle: IO[bytes]) -> TableStream:
    lines = _text_lines(path, handle, "utf-8-sig")
    sample: list[dict[str, Any]] = []
    number = 0
    for number, line in enumerate(lines, 1):
        if line.strip():
            sample.append(_json_object(path, line, number))
            if len(sample) >= JSON_SAMPLE:
                break
    if not sample:
        raise UnreadableInputError(str(path), "empty file")
    # Writers often leave out null fields, so the header is every key of the first objects.
    header = list(dict.fromkeys(key for record in sample for key in record))

    def rows() -> Iterator[list[str]]:
        for record in sample:
            yield [cell(record.get(name)) for name in header]
        for n, line in enumerate(lines, number + 1):
            if line.strip():
                record = _json_object(path, line, n)
                yield [cell(record.get(name)) for name in header]

    return TableStream(header, rows())


def _json_object(path: Path, line: str, number: int) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UnreadableInputError(str(path), f"line {number} is not JSON ({exc.msg}); not a JSON Lines table") from exc
    except RecursionError as exc:
        raise UnreadableInputError(str(path), f"line {number} is JSON nested too deep") from exc
    if not isinstance(value, dict):
        raise UnreadableInputError(str(path), f"line {number} is not a JSON object; not a JSON Lines table")
    return value


def _parquet(path: Path) -> TableStream:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is an optional extra
        problem = "reading Parquet needs pyarrow: pip install 'commentscope[parquet]'"
        raise UnreadableInputError(str(path), problem) from exc
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:
        raise UnreadableInputError(str(path), f"not a Parquet table: {exc}") from exc
    header = list(parquet.schema_arrow.names)

    def rows() -> Iterator[list[str]]:
        try:
            for batch in parquet.iter_batches(batch_size=PARQUET_BATCH):
                columns = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
                for values in zip(*columns, strict=True):
                    yield [cell(v) for v in values]
        except Exception as exc:
            raise UnreadableInputError(str(path), f"broken Parquet file: {exc}") from exc
        finally:
            parquet.close()

    return TableStream(header, rows(), closers=[parquet.close])
