"""Outputs: every file a run writes goes through one atomic, locked output folder.

`OutputRun` stages a run's files and swaps them into `--out` at once, with the manifest `run.json`
written last; `export_csv` writes one spreadsheet-safe table atomically (notebook exports).
"""

from __future__ import annotations

from commentscope.outputs.files import export_csv, replace_file
from commentscope.outputs.folder import check_out_dir
from commentscope.outputs.run import MANIFEST, OutputRun, read_manifest

__all__ = ["MANIFEST", "OutputRun", "check_out_dir", "export_csv", "read_manifest", "replace_file"]
