"""Writers: typed rows and tables to CSV files that are safe to open in a spreadsheet.

The only place where cells become text. `table_cells` turns a row dataclass into table cells
(lists joined as its fields say; numbers, booleans and None kept), `frame` builds a DataFrame
of such rows, and `CsvTableWriter` streams rows to a file. A streamed file and `write_csv` of
the same rows' DataFrame are byte-identical.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import pandas as pd

from commentscope.outputs.folder import checkpoint
from commentscope.results import Analysis, row_fields

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe (OWASP advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot start a formula; numbers are left alone."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_formula)
    return safe


def _cell(value: Any, kind: str) -> Any:
    if not kind:
        return value
    if kind.startswith("join:"):
        return kind[5:].join(value)
    if kind == "evidence":
        return "; ".join(f"{topic}: {', '.join(terms)}" for topic, terms in value)
    if kind == "counts":
        return "; ".join(f"{term} ({count})" for term, count in value)
    raise ValueError(f"unknown cell format {kind!r}")


def _values(row: Any) -> list[Any]:
    values: list[Any] = []
    for name in row.__slots__:
        value = getattr(row, name)
        if hasattr(value, "__dataclass_fields__"):
            values.extend(_values(value))
        else:
            values.append(value)
    return values


def table_cells(row: Any) -> tuple[Any, ...]:
    """The cells of a row dataclass: lists joined as its fields say, other values as they are."""
    kinds = row_fields(type(row))  # type: ignore[arg-type]
    return tuple(_cell(value, kind) for value, (_, _, kind) in zip(_values(row), kinds, strict=True))


_DTYPES = {int: "int64", bool: "bool", float: "float64", int | None: "Int64",
           bool | None: "boolean", float | None: "float64"}


def frame(rows: Iterable[Any], row_type: type) -> pd.DataFrame:
    """A DataFrame of rows of `row_type`, one column per field, typed like the field."""
    spec = row_fields(row_type)
    data = pd.DataFrame([table_cells(row) for row in rows], columns=[name for name, _, _ in spec])
    dtypes = {name: _DTYPES[kind] for name, kind, cell in spec if not cell and kind in _DTYPES}
    return data.astype(dtypes) if dtypes else data


def csv_text(value: Any) -> str:
    """One CSV cell as pandas' `to_csv` writes it: missing values empty, floats as repr."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    if isinstance(value, str):
        return str(neutralise_formula(value))
    return str(value)


class CsvTableWriter:
    """Streams rows to one CSV file at a path it is given: header first, then rows as they come."""

    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        self.path = path
        self.rows = 0
        checkpoint(f"file:{path.name}")
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file = path.open("w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._file, lineterminator="\n")
        self._csv.writerow(columns)

    def write_cells(self, rows: Iterable[Sequence[Any]]) -> None:
        """Rows of table cells (see `table_cells`)."""
        for cells in rows:
            self._csv.writerow([csv_text(value) for value in cells])
            self.rows += 1

    def write(self, rows: Iterable[Any]) -> None:
        """Row dataclasses."""
        self.write_cells(table_cells(row) for row in rows)

    def write_text(self, text: str, rows: int) -> None:
        """`rows` rows already formatted as CSV text (`csv_block`)."""
        self._file.write(text)
        self.rows += rows

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def csv_block(rows: Iterable[Any]) -> str:
    """Rows of a row dataclass as CSV text without a header (for a file written elsewhere)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([csv_text(value) for value in table_cells(row)])
    return buffer.getvalue()


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write one table as UTF-8 CSV with '\\n' line ends, deterministic for the same input."""
    checkpoint(f"file:{path.name}")
    path.parent.mkdir(parents=True, exist_ok=True)
    spreadsheet_safe(frame).to_csv(path, index=False, lineterminator="\n")
    return path


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write each named table to out_dir/NAME.csv."""
    return [write_csv(frame, out_dir / f"{name}.csv") for name, frame in tables.items()]


def write_outputs(analysis: Analysis, out_dir: Path, *, tables: bool = True) -> list[Path]:
    """Write the CSV tables (unless `tables` is False), the charts and report.html; their paths."""
    written = write_tables(analysis.tables(), out_dir) if tables else []
    return [*written, *write_charts_and_report(analysis, out_dir)]


def write_charts_and_report(analysis: Analysis, out_dir: Path) -> list[Path]:
    """The chart PNGs and report.html of an analysis (full tables or a streamed run's digest)."""
    from commentscope.charts import render_charts, write_chart_pngs
    from commentscope.report import write_report

    charts = render_charts(analysis)  # drawn once, for the PNG files and the report
    return [*write_chart_pngs(charts, out_dir), write_report(analysis, out_dir, charts)]
