"""Killed and concurrent runs: the output folder holds the complete old run or the complete new one.

Each case runs `commentscope parse` in a subprocess; it is killed (SIGKILL, by its own PID at a
named point, or by this test at a random moment), and the folder is checked file by file against
its manifest.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from commentscope.cli import EXIT_OUTPUT, main
from commentscope.outputs import OutputRun
from commentscope.outputs.folder import exchange
from gold import SEEDS
from test_reliability_outputs import complete_run

SEED = SEEDS / "000_6e294251f2c80030.txt"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """100 pages: long enough to parse that a run can be caught in the middle."""
    folder = tmp_path_factory.mktemp("corpus")
    for copy in range(20):
        for page in sorted(SEEDS.glob("*.txt")):
            shutil.copy(page, folder / f"{page.stem}_{copy:02d}.txt")
    return folder


def start(corpus: Path, out: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "commentscope", "parse", str(corpus), "--out", str(out), "-q"],
        env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def old_run(out: Path) -> dict[str, object]:
    assert main(["parse", str(SEED), "--out", str(out), "-q"]) == 0
    return complete_run(out)


def exchange_works(tmp_path: Path) -> bool:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    return exchange(tmp_path / "x", tmp_path / "y")


def wait_for_staging(out: Path, process: subprocess.Popen[str]) -> None:
    """Until the run holds the lock and writes to its staging folder (or has finished)."""
    while process.poll() is None and not list(out.parent.glob(f".{out.name}.staging-*")):
        time.sleep(0.01)


# (kill point, extra environment, which run the folder holds afterwards)
KILL_POINTS = [
    ("file:comments.csv", {}, "old"),
    ("swap", {}, "old"),
    ("exchanged", {}, "new"),
    ("between-renames", {"COMMENTSCOPE_NO_EXCHANGE": "1"}, "old"),
]


@pytest.mark.parametrize(("point", "env", "holds"), KILL_POINTS, ids=[p[0] for p in KILL_POINTS])
def test_killed_at_each_step_of_writing(
    tmp_path: Path, corpus: Path, point: str, env: dict[str, str], holds: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if point == "exchanged" and not exchange_works(tmp_path):
        pytest.skip("this file system cannot exchange folders atomically")
    out = tmp_path / "out"
    before = old_run(out)
    process = start(corpus, out, COMMENTSCOPE_KILL_AT=point, **env)
    process.communicate(timeout=300)
    assert process.returncode == -signal.SIGKILL
    if point == "between-renames":  # the one moment without a folder; the next run puts it back
        assert not out.exists()
        with OutputRun(out) as run:
            run.cancel()
    after = complete_run(out)
    assert after["inputs"] == (before["inputs"] if holds == "old" else [str(corpus)])
    assert main(["parse", str(corpus), "--out", str(out), "-q"]) == 0  # leftovers do not get in the way
    assert complete_run(out)["counts"]["pages"] == 100
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == [".out.lock"]


def test_killed_at_random_moments(tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not exchange_works(tmp_path):
        pytest.skip("this file system cannot exchange folders atomically")
    out = tmp_path / "out"
    before = old_run(out)
    moments = random.Random(11)
    for _ in range(2):  # each kill costs a process start; the named points above cover every step
        process = start(corpus, out)
        wait_for_staging(out, process)
        time.sleep(moments.uniform(0.0, 1.5))
        process.kill()
        process.communicate(timeout=300)
        after = complete_run(out)  # never a mixture, never half a file
        assert after["inputs"] in (before["inputs"], [str(corpus)])  # which one depends on the moment


def test_a_run_while_another_process_writes_fails_clearly(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with OutputRun(out, command="holder", inputs=["held"]) as run:
        run.path("a.csv").write_text("mine\n")
        other = start(SEEDS, out)
        _, err = other.communicate(timeout=300)
    assert other.returncode == EXIT_OUTPUT and err.count("\n") == 1
    assert "another commentscope run is writing there" in err
    assert complete_run(out)["inputs"] == ["held"]


def test_two_runs_started_together(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "out"
    runs = [start(corpus, out), start(SEEDS, out)]
    done = [(run.communicate(timeout=300)[1], run.returncode) for run in runs]
    assert all(code in (0, EXIT_OUTPUT) for _, code in done) and any(code == 0 for _, code in done)
    assert all("another commentscope run is writing there" in err for err, code in done if code)
    winners = [str(corpus), str(SEEDS)]
    assert complete_run(out)["inputs"][0] in [w for w, (_, code) in zip(winners, done, strict=True) if code == 0]
