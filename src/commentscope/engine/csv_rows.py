"""The workers' CSV text of streamed rows: `writers.csv_block`'s bytes, with each row type's
cells read by a formatter made once per type.

`writers.table_cells` finds a row's nested rows and each column's cell format anew for every
row (a `getattr` and a `hasattr` per field, a format look-up per cell); a streamed corpus has a
row per comment, so here one `attrgetter` per row type reads every column's value in one call
(nested rows by dotted path, as `results.row_fields` flattens them) and only the columns with a
cell format get one applied. Text cells are made formula-safe in place and the csv writer
writes None, ints and booleans itself (as `csv_text` would); other cells go through `csv_text`.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import typing
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any

from commentscope.writers import FORMULA_PREFIXES, _cell, csv_text

Cells = Callable[[Any], list[Any]]


def csv_block(rows: Sequence[Any]) -> str:
    """Rows of row dataclasses as CSV text without a header, byte for byte `writers.csv_block`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        cells = _FORMATTERS.get(row.__class__)
        if cells is None:
            cells = _FORMATTERS[row.__class__] = _formatter(row.__class__)
        writer.writerow(cells(row))
    return buffer.getvalue()


_FORMATTERS: dict[type, Cells] = {}


def _formatter(row_type: type) -> Cells:
    """The function from a row of `row_type` to its CSV cells (see the module doc)."""
    paths, kinds = _columns(row_type)
    values = attrgetter(*paths) if len(paths) > 1 else (lambda row: (attrgetter(*paths)(row),))
    formatted = [(k, kind) for k, kind in enumerate(kinds) if kind]

    def cells(row: Any) -> list[Any]:
        found = list(values(row))
        for k, kind in formatted:
            found[k] = _cell(found[k], kind)
        for k, value in enumerate(found):
            kind = value.__class__
            if kind is str:
                if value.startswith(FORMULA_PREFIXES):
                    found[k] = "'" + value
            elif kind is not int and kind is not bool and value is not None:
                found[k] = csv_text(value)  # floats (NaN empty), pandas' NA, anything else
        return found  # the csv writer writes None empty and an int or bool as str() does, as csv_text

    return cells


def _columns(row_type: type, prefix: str = "") -> tuple[list[str], list[str]]:
    """The dotted attribute path and cell format of each column, nested rows flattened in field
    order (as `results.row_fields` and `writers.table_cells` flatten them)."""
    hints = typing.get_type_hints(row_type)
    paths: list[str] = []
    kinds: list[str] = []
    for f in dataclasses.fields(row_type):
        kind = hints[f.name]
        if dataclasses.is_dataclass(kind):
            nested_paths, nested_kinds = _columns(kind, f"{prefix}{f.name}.")  # type: ignore[arg-type]
            paths += nested_paths
            kinds += nested_kinds
        else:
            paths.append(prefix + f.name)
            kinds.append(f.metadata.get("cell", ""))
    return paths, kinds
