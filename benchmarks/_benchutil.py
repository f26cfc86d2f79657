"""Shared pieces of the benchmark scripts: memory readings, the machine, corpora, Markdown.

Memory is read from /proc/self/status (Linux): VmRSS is the resident set now, VmHWM its peak.
Writing "5" to /proc/self/clear_refs resets the peak, so one process can measure the peak of
one step at a time. Where that is not allowed the peak covers the whole process so far, which
the reports say.
"""

from __future__ import annotations

import hashlib
import math
import os
import platform
import re
import shutil
import subprocess
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

import make_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEFAULT_CACHE = Path(os.environ.get("COMMENTSCOPE_BENCH_CACHE", "/tmp/commentscope-bench"))
MIB = 1024 * 1024


def _status_kib(field: str) -> int:
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return 0
    found = re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE)
    return int(found.group(1)) if found else 0


def rss_mib() -> float:
    """Resident memory of this process now, in MiB (0 where /proc is missing)."""
    return _status_kib("VmRSS") / 1024


def peak_mib() -> float:
    """Peak resident memory of this process since start or the last `reset_peak`, in MiB."""
    return _status_kib("VmHWM") / 1024


def reset_peak() -> bool:
    """Start a new peak-memory window; False when the kernel does not allow it."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def warm_up() -> None:
    """Load everything loaded once per process (lexicons, tagger, taxonomy) on the seed pages,
    so that timings measure the work per comment, not the first-use cost."""
    import commentscope

    commentscope.analyze([SEEDS])


def size_label(pages: int, per_page: int) -> str:
    return f"{pages}x{per_page}"


def parse_size(text: str) -> tuple[int, int]:
    """ "200x100" -> (200 pages, 100 comments per page)."""
    found = re.fullmatch(r"\s*(\d+)\s*[x×]\s*(\d+)\s*", text)
    if not found:
        raise ValueError(f"size {text!r}: write PAGESxCOMMENTS, e.g. 100x50")
    return int(found.group(1)), int(found.group(2))


def corpus(pages: int, per_page: int, cache: Path = DEFAULT_CACHE) -> Path:
    """The folder of a generated corpus, written once per generator version and size."""
    version = hashlib.sha256(Path(make_corpus.__file__).read_bytes()).hexdigest()[:10]
    folder = cache / f"{size_label(pages, per_page)}-{version}"
    done = folder / ".complete"
    if not done.exists():
        if folder.exists():
            shutil.rmtree(folder)
        make_corpus.write_corpus(folder, pages, per_page)
        done.write_text("ok\n")
    return folder


def environment() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = ""
    try:
        found = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.MULTILINE)
        cpu = found.group(1).strip() if found else ""
    except OSError:
        pass
    memory = ""
    try:
        found = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.MULTILINE)
        memory = f"{int(found.group(1)) / MIB:.1f} GiB" if found else ""
    except OSError:
        pass
    versions = []
    for package in ("pandas", "numpy", "nltk", "textblob", "matplotlib"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            continue
    return {
        "nproc": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()),
        "cpu": cpu,
        "memory": memory,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "packages": ", ".join(versions),
        "commentscope": _commentscope_source(),
    }


def _commentscope_source() -> str:
    """Which commentscope was measured: the repository's git revision, or the folder imported."""
    import commentscope

    location = Path(commentscope.__file__).resolve().parent
    if location.is_relative_to(ROOT):
        return f"{commentscope.__version__}, git {_git_revision()}"
    return f"{commentscope.__version__}, imported from {location} (PYTHONPATH)"


def _git_revision() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head} (src/ has uncommitted changes)" if dirty else head


def environment_markdown(env: dict[str, str]) -> str:
    return "\n".join(f"- {key}: {value}" for key, value in env.items() if value)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub Markdown table; numbers right-aligned."""

    def cell(value: object) -> str:
        return str(value).replace("|", "\\|")

    numeric = [all(_is_number(row[i]) for row in rows) if rows else False for i in range(len(headers))]
    lines = [
        "| " + " | ".join(headers) + " |",
        "| " + " | ".join("---:" if n else "---" for n in numeric) + " |",
    ]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _is_number(value: object) -> bool:
    text = str(value).replace(",", "").rstrip("x%")
    try:
        float(text)
    except ValueError:
        return text in ("", "-")
    return True


def exponent(sizes: Sequence[float], seconds: Sequence[float]) -> float | None:
    """Least-squares slope of log(seconds) over log(size): 1 linear, 2 quadratic."""
    points = [(math.log(n), math.log(t)) for n, t in zip(sizes, seconds, strict=True) if n > 0 and t > 0]
    if len(points) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
