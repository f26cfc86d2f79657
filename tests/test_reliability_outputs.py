"""Outputs all or nothing: the staged, locked output folder, its manifest, and --out checks."""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path

import pandas as pd
import pytest

from commentscope import writers
from commentscope.cli import EXIT_OUTPUT, main
from commentscope.errors import OutputError
from commentscope.outputs import MANIFEST, OutputRun, check_out_dir, export_csv, read_manifest
from gold import SEEDS

SEED = SEEDS / "000_6e294251f2c80030.txt"


def complete_run(out: Path) -> dict[str, object]:
    """The manifest of `out`, after checking the folder holds exactly that run's files, intact."""
    manifest = read_manifest(out)
    assert manifest is not None, f"{out} has no {MANIFEST}"
    listed = {f["path"]: f for f in manifest["files"]}
    kept = set(manifest["kept"])
    present = {p.relative_to(out).as_posix() for p in out.rglob("*")
               if p.is_file() and p.name != MANIFEST and p.relative_to(out).parts[0] not in kept}
    assert present == set(listed), f"{out}: files {sorted(present ^ set(listed))} not of this run"
    for name, entry in listed.items():
        data = (out / name).read_bytes()
        assert len(data) == entry["bytes"] and hashlib.sha256(data).hexdigest() == entry["sha256"], name
    return manifest


def write_run(out: Path, files: dict[str, str], **options: object) -> None:
    with OutputRun(out, command="test", inputs=["x"], options=options) as run:
        for name, text in files.items():
            run.path(name).write_text(text)
        run.counts["files"] = len(files)


def test_a_run_appears_whole_with_its_manifest_last(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_run(out, {"a.csv": "1\n", "charts/x.png": "png"}, topics=Path("t.toml"))
    manifest = complete_run(out)
    assert manifest["command"] == "test" and manifest["counts"] == {"files": 2}
    assert manifest["options"] == {"topics": "t.toml"} and manifest["finished"] >= manifest["started"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]  # no staging left


def test_stale_outputs_of_another_run_are_removed_and_foreign_files_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_run(out, {"a.csv": "old\n", "topic_mentions.csv": "old\n"})
    (out / "notes.txt").write_text("mine")
    write_run(out, {"a.csv": "new\n"})
    manifest = complete_run(out)
    assert sorted(p.name for p in out.iterdir()) == ["a.csv", "notes.txt", MANIFEST]
    assert (out / "a.csv").read_text() == "new\n" and manifest["kept"] == ["notes.txt"]


def test_a_folder_from_before_manifests_loses_its_tables(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "charts").mkdir(parents=True)
    for name in ("comments.csv", "commenters.csv", "report.html", "charts/old.png", "keep.md"):
        (out / name).write_text("old")
    write_run(out, {"comments.csv": "new"})
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["comments.csv", "keep.md", MANIFEST]


@pytest.mark.parametrize("ending", ["error", "cancel"], ids=["error", "cancel"])
def test_a_failed_or_cancelled_run_leaves_the_old_outputs(tmp_path: Path, ending: str) -> None:
    out = tmp_path / "out"
    write_run(out, {"a.csv": "old\n"})
    with pytest.raises(RuntimeError) if ending == "error" else _nothing(), OutputRun(out) as run:
        run.path("a.csv").write_text("half")
        if ending == "error":
            raise RuntimeError("analysis failed")
        run.cancel()
    assert (out / "a.csv").read_text() == "old\n" and complete_run(out)["command"] == "test"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]


class _nothing:  # noqa: N801 - a stand-in for pytest.raises when nothing is raised
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def test_output_names_must_stay_inside(tmp_path: Path) -> None:
    with OutputRun(tmp_path / "out") as run:
        for bad in ("../escape.csv", "/abs.csv", ""):
            with pytest.raises(OutputError):
                run.path(bad)
        run.cancel()


def test_a_second_run_on_a_locked_folder_fails_clearly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    with OutputRun(out) as first:
        with pytest.raises(OutputError, match="another commentscope run is writing there"), OutputRun(out):
            pass
        assert main(["parse", str(SEED), "--out", str(out), "-q"]) == EXIT_OUTPUT
        first.cancel()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "another commentscope run" in err
    assert main(["parse", str(SEED), "--out", str(out), "-q"]) == 0  # the lock went with the run


def bad_outs(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "project" / "pages").mkdir(parents=True)
    (tmp_path / "project" / "pages" / "page.txt").write_text(SEED.read_text("utf-8"))
    return {"is-a-file": tmp_path / "file.txt", "under-a-file": tmp_path / "file.txt" / "out",
            "current-folder": Path(), "holds-the-input": tmp_path / "project"}


@pytest.mark.parametrize(
    ("case", "message"),
    [("is-a-file", "is a file, not a folder"), ("under-a-file", "so no folder can be made under it"),
     ("current-folder", "holds the current folder"), ("holds-the-input", "holds the input")],
    ids=["is-a-file", "under-a-file", "current-folder", "holds-the-input"],
)
def test_bad_out_is_refused_before_any_work(
    tmp_path: Path, case: str, message: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = bad_outs(tmp_path)[case]
    page = tmp_path / "project" / "pages" / "page.txt"
    with pytest.raises(OutputError, match=message):
        check_out_dir(out, (page,))
    monkeypatch.setattr("commentscope.cli.parse_pages", _no_work)
    assert main(["parse", str(page), "--out", str(out)]) == EXIT_OUTPUT
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and message in captured.err


def _no_work(*args: object, **kwargs: object) -> None:
    raise AssertionError("pages were read before --out was checked")


def read_only(folder: Path) -> bool:
    """Whether nothing can be made in `folder`, even by root (a read-only mount)."""
    probe = folder / "commentscope-probe"
    try:
        probe.mkdir()
    except OSError:
        return folder.is_dir()
    probe.rmdir()
    return False


@pytest.mark.skipif(not read_only(Path("/sys")), reason="needs a read-only /sys")
def test_out_on_a_read_only_file_system(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--out", "/sys/commentscope-out", "-q"]) == EXIT_OUTPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "/sys" in err


def test_disk_full_is_one_line_and_keeps_the_old_outputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert main(["parse", str(SEED), "--out", str(out), "-q"]) == 0
    before = complete_run(out)
    capsys.readouterr()

    def full(frame: pd.DataFrame, path: Path) -> Path:
        path.write_text("partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writers, "write_csv", full)
    assert main(["parse", str(SEEDS), "--out", str(out), "-q"]) == EXIT_OUTPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err and "previous outputs are unchanged" in err
    assert complete_run(out) == before


def test_export_csv_is_safe_and_atomic(tmp_path: Path) -> None:
    path = tmp_path / "exports" / "shortlist.csv"
    written = export_csv(pd.DataFrame({"question": ["=cmd()", "ok"], "n": [-1, 2]}), path)
    assert written == path.resolve() and path.read_text() == "question,n\n'=cmd(),-1\nok,2\n"
    assert [p.name for p in path.parent.iterdir()] == ["shortlist.csv"]
    with pytest.raises(OutputError, match="is a folder"):
        export_csv(pd.DataFrame(), tmp_path)
