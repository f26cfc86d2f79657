"""The `commentscope` command: argument parsing, progress and exit codes; the work is in the library."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from commentscope import __version__
from commentscope.corpus import PageResult, parse_pages
from commentscope.errors import CommentscopeError
from commentscope.readers import input_paths
from commentscope.results import DocumentRow

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_INPUT, DEFAULT_OUT = Path("seeds"), Path("outputs")

PARSE_EXAMPLES = """examples:
  commentscope parse                         # seeds/ -> outputs/documents.csv, comments.csv
  commentscope parse page.txt more/ --out out
  commentscope parse --explain seeds/000_6e294251f2c80030.txt | less
"""
ANALYZE_EXAMPLES = """examples:
  commentscope analyze                       # seeds/ -> outputs/ (all tables, charts, report)
  commentscope analyze pages/ --jobs 4       # 4 worker processes (default: all cores)
  commentscope analyze /shared/pages/ --engine dask --scheduler tcp://10.0.0.5:8786
  commentscope analyze pages/ --topics my_topics.toml --staff "Vivian Goldschmidt, MA"
  commentscope analyze pages/ --topics only_mine.toml --replace-topics
"""
REPORT_EXAMPLES = """examples:
  commentscope report                        # seeds/ -> outputs/report.html (+ charts)
  commentscope report pages/ --out review/
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commentscope",
        description="Turn saved pages with reader comments into topics, sentiment, questions "
        "and FAQ gaps. Input: plain-text page dumps (files or folders).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = _command(commands, "parse", "split pages into article, comments and boilerplate", PARSE_EXAMPLES)
    parse.add_argument(
        "--explain", action="store_true",
        help="print every line of each page with its role and comment id instead of writing CSVs",
    )
    for name, summary, examples in (
        ("analyze", "parse, then tag topics, sentiment, questions, answers and FAQ gaps", ANALYZE_EXAMPLES),
        ("report", "analyze, then write the charts and the HTML report for editors", REPORT_EXAMPLES),
    ):
        command = _command(commands, name, summary, examples)
        command.add_argument("--topics", type=Path, metavar="FILE",
                             help="TOML taxonomy laid over the packaged one (see README)")
        command.add_argument("--replace-topics", action="store_true",
                             help="use only the --topics file, not the packaged taxonomy")
        command.add_argument("--staff", action="append", default=[], metavar="NAME",
                             help="a commenter who speaks for the site (repeatable); "
                             "others are detected from the thread")
        command.add_argument("--jobs", type=_positive, default=None, metavar="N",
                             help="worker processes (default: all cores); the output is the same for any N")
        command.add_argument("--engine", choices=("local", "dask"), default="local",
                             help="local processes, or a dask.distributed cluster (extra: commentscope[dask])")
        command.add_argument("--scheduler", metavar="ADDRESS",
                             help="with --engine dask: the scheduler (default: a LocalCluster of --jobs workers)")
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, summary: str, examples: str
) -> argparse.ArgumentParser:
    command = commands.add_parser(
        name, help=summary, description=summary[0].upper() + summary[1:] + ".",
        epilog=examples, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                         help=f"page files or folders (default: {DEFAULT_INPUT}/)")
    command.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR",
                         help=f"output folder (default: {DEFAULT_OUT}/)")
    command.add_argument("-q", "--quiet", action="store_true", help="no progress bar or per-file lines")
    return command


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `commentscope` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="commentscope: %(levelname)s: %(message)s")
    paths: list[Path] = args.paths or [DEFAULT_INPUT]
    if not args.paths and not DEFAULT_INPUT.is_dir():
        parser.error(f"no PATH given and no {DEFAULT_INPUT}/ folder here")
    if getattr(args, "scheduler", None) and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    try:
        if args.command == "parse" and args.explain:
            return _explain(paths)
        return _run(args, paths)
    except CommentscopeError as exc:
        print(f"commentscope: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _progress(results: Iterator[PageResult], paths: list[Path], quiet: bool) -> Iterator[PageResult]:
    total = sum(1 for _ in input_paths(paths))
    show = not quiet and total > 1 and sys.stderr.isatty()
    yield from tqdm(results, total=total, unit="page", disable=not show, leave=False, file=sys.stderr)


def _report_line(result: PageResult, out: TextIO) -> None:
    if result.document is None:
        print(f"error  {result.source}: {result.error}", file=out)
        return
    doc = result.document
    print(f"ok     {result.source}: {len(doc.comments)} comments, title {doc.title!r}", file=out)
    for warning in doc.warnings:
        print(f"warning  {warning}", file=sys.stderr)


def _run(args: argparse.Namespace, paths: list[Path]) -> int:
    if args.command != "parse":
        from commentscope.analysis.topics import load_taxonomy

        load_taxonomy(args.topics, replace=args.replace_topics)  # a bad file fails before any work
        return _analyze(args, paths)
    results = []
    for result in _progress(parse_pages(paths), paths, args.quiet):
        results.append(result)
        if not args.quiet:
            _report_line(result, sys.stdout)
    failed = sum(not r.ok for r in results)
    if failed == len(results):  # keep the outputs of an earlier good run rather than blank them
        print(f"{len(results)} pages, none readable; nothing written to {args.out}/")
        return EXIT_FAILED
    written = _write(args, results)
    comments = sum(len(r.document.comments) for r in results if r.document)
    print(
        f"{len(results)} pages ({failed} failed), {comments} comments; "
        f"wrote {len(written)} files to {args.out}/"
    )
    return EXIT_FAILED if failed else EXIT_OK


def _write(args: argparse.Namespace, results: list[PageResult]) -> list[Path]:
    from commentscope.tables import comments_frame, documents_frame
    from commentscope.writers import write_tables

    docs = [r.document for r in results if r.document]
    tables = {"documents": documents_frame(results), "comments": comments_frame(docs)}
    return write_tables(tables, args.out)


def _analyze(args: argparse.Namespace, paths: list[Path]) -> int:
    """analyze / report: stream every page through the engine into args.out."""
    import tempfile

    from commentscope.engine import Progress
    from commentscope.engine.run import ChunkResult
    from commentscope.pipeline import RunOptions, analyze_to_folder

    show = not args.quiet and sys.stderr.isatty()
    bar = tqdm(unit="page", disable=not show, leave=False, file=sys.stderr)

    def done(progress: Progress, chunk: ChunkResult) -> None:
        bar.update(len(chunk.pages))
        bar.set_postfix(comments=progress.comments, refresh=False)
        if not args.quiet:
            for page in chunk.pages:
                _page_line(page.document.page, page.warnings)

    options = RunOptions(args.topics, args.replace_topics, tuple(args.staff), args.jobs,
                         args.engine, args.scheduler)
    # A run where no page can be read must not blank an earlier run's outputs: work in a
    # scratch folder, and move the files over only when something was read.
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.out, prefix=".run-") as scratch, bar:
        run = analyze_to_folder(paths, Path(scratch), options, tables=args.command == "analyze",
                                progress=Progress(callback=done))
        if run.failed == run.pages:
            print(f"{run.pages} pages, none readable; nothing written to {args.out}/")
            return EXIT_FAILED
        written = [_move(path, Path(scratch), args.out) for path in run.written]
    print(f"{run.pages} pages ({run.failed} failed), {run.comments} comments; "
          f"wrote {len(written)} files to {args.out}/")
    return EXIT_FAILED if run.failed else EXIT_OK


def _move(path: Path, scratch: Path, out: Path) -> Path:
    target = out / path.relative_to(scratch)
    target.parent.mkdir(parents=True, exist_ok=True)
    path.replace(target)
    return target


def _page_line(page: DocumentRow, warnings: tuple[str, ...]) -> None:
    if page.status != "ok":
        print(f"error  {page.source}: {page.error}", file=sys.stdout)
        return
    print(f"ok     {page.source}: {page.comment_count} comments, title {page.title or None!r}")
    for warning in warnings:
        print(f"warning  {warning}", file=sys.stderr)


def _explain(paths: list[Path]) -> int:
    failed = 0
    for result in parse_pages(paths):
        if result.document is None:
            print(f"error  {result.source}: {result.error}", file=sys.stderr)
            failed += 1
            continue
        doc = result.document
        print(f"== {doc.source}  ({len(doc.comments)} comments)")
        for line in doc.lines:
            gutter = line.comment_id.rsplit("-", 1)[-1] if line.comment_id else ""
            role = "" if line.role.value == "blank" else line.role.value
            print(f"{line.number:>5} {role:<14} {gutter:<5}| {line.text}")
    return EXIT_FAILED if failed else EXIT_OK
