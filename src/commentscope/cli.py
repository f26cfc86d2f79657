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

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_INPUT, DEFAULT_OUT = Path("seeds"), Path("outputs")

PARSE_EXAMPLES = """examples:
  commentscope parse                         # seeds/ -> outputs/documents.csv, comments.csv
  commentscope parse page.txt more/ --out out
  commentscope parse --explain seeds/000_6e294251f2c80030.txt | less
"""
ANALYZE_EXAMPLES = """examples:
  commentscope analyze                       # seeds/ -> outputs/ (all tables, charts, report)
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
        help="print every line of each page with its role and comment id (HTML: the element each "
        "comment came from) instead of writing CSVs",
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
    return parser


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

    if args.command == "parse":
        docs = [r.document for r in results if r.document]
        tables = {"documents": documents_frame(results), "comments": comments_frame(docs)}
        return write_tables(tables, args.out)
    from commentscope.pipeline import analyze_results
    from commentscope.writers import write_outputs

    analysis = analyze_results(
        results, topics=args.topics, replace_topics=args.replace_topics, staff=args.staff
    )
    return write_outputs(analysis, args.out, tables=args.command == "analyze")


def _explain(paths: list[Path]) -> int:
    failed = 0
    for result in parse_pages(paths):
        if result.document is None:
            print(f"error  {result.source}: {result.error}", file=sys.stderr)
            failed += 1
            continue
        doc = result.document
        print(f"== {doc.source}  ({len(doc.comments)} comments)")
        if doc.reader == "html":  # which element became which comment
            from commentscope.readers.html import explain

            print("\n".join(explain(Path(doc.source))))
            continue
        for line in doc.lines:
            gutter = line.comment_id.rsplit("-", 1)[-1] if line.comment_id else ""
            role = "" if line.role.value == "blank" else line.role.value
            print(f"{line.number:>5} {role:<14} {gutter:<5}| {line.text}")
    return EXIT_FAILED if failed else EXIT_OK
