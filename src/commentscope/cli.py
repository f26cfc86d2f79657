"""The `commentscope` command: argument parsing, progress and exit codes; the work is in the library."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from commentscope import __version__
from commentscope.analysis.trends import DEFAULT_PERIOD, PERIODS
from commentscope.corpus import PageResult, parse_pages
from commentscope.errors import CommentscopeError, MissingResourceError, OutputError
from commentscope.outputs import OutputRun
from commentscope.readers import ReadOptions, input_paths
from commentscope.results import DocumentRow

if TYPE_CHECKING:
    from commentscope.analysis.sentiment import SentimentAnalyzer

# 0 every input read; 1 some inputs could not be read; 2 usage or settings error;
# 3 the outputs could not be written; 4 a resource the analysis needs is missing.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_OUTPUT, EXIT_RESOURCE = 0, 1, 2, 3, 4
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
  commentscope analyze pages/ --period week  # trends.csv per ISO week (default: month)
  commentscope analyze site-a/ site-b/       # sites.csv and the report compare the two
  commentscope analyze pages/ --sentiment vader  # labels from bare VADER instead of the model
"""
REPORT_EXAMPLES = """examples:
  commentscope report                        # seeds/ -> outputs/report.html (+ charts)
  commentscope report pages/ --out review/
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commentscope",
        description="Turn saved pages with reader comments into topics, sentiment, questions "
        "and FAQ gaps. Input: saved pages (text dumps, HTML), WordPress and Disqus exports and "
        "comment tables (CSV, JSON Lines, Parquet), as files or folders.",
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
        command.add_argument("--jobs", type=_positive, default=None, metavar="N",
                             help="worker processes (default: all cores); the output is the same for any N")
        command.add_argument("--engine", choices=("local", "dask"), default="local",
                             help="local processes, or a dask.distributed cluster (extra: commentscope[dask])")
        command.add_argument("--scheduler", metavar="ADDRESS",
                             help="with --engine dask: the scheduler (default: a LocalCluster of --jobs workers)")
        command.add_argument("--period", choices=PERIODS, default=DEFAULT_PERIOD,
                             help="trends.csv and the trends chart per ISO week, month or quarter "
                             f"(default: {DEFAULT_PERIOD})")
        command.add_argument("--sentiment", choices=SENTIMENT_ANALYZERS, default="model",
                             help="what labels and scores comments (sentiment, sentiment_score): the packaged "
                             "model (default; German comments: the German model), or bare VADER or TextBlob "
                             "(English only: other languages get no label); the vader_compound and "
                             "textblob_* columns are written either way")
    return parser


# --sentiment: the analyzer's name -> how to make it (None: the packaged models)
SENTIMENT_ANALYZERS = ("model", "vader", "textblob")


def _sentiment_analyzer(name: str) -> SentimentAnalyzer | None:
    from commentscope.analysis.sentiment import TextBlobAnalyzer, VaderAnalyzer

    return {"model": None, "vader": VaderAnalyzer(), "textblob": TextBlobAnalyzer()}[name]


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
    command.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                         help="skip files and folders matching GLOB (repeatable); hidden folders and "
                         "virtual environments are always skipped inside folders")
    command.add_argument("-q", "--quiet", action="store_true",
                         help="no progress bar or per-file lines (errors still go to stderr)")
    _reader_options(command)
    return command


def _reader_options(command: argparse.ArgumentParser) -> None:
    from commentscope.readers.options import COLUMN_ROLES, KEEP_KINDS

    group = command.add_argument_group("tables and exports")
    group.add_argument("--columns", action="append", default=[], metavar="ROLE=NAME,...",
                       help=f"name the columns of a comment table (roles: {', '.join(COLUMN_ROLES)}); "
                       "common names are found without it")
    group.add_argument("--articles", type=Path, metavar="PATH",
                       help="articles for comment tables: a folder of pages or a table with page and article "
                       "columns, matched by page id or URL")
    group.add_argument("--keep", action="append", default=[], choices=KEEP_KINDS, metavar="KIND",
                       help=f"also read these export comments, skipped by default: {', '.join(KEEP_KINDS)}")


def _read_options(args: argparse.Namespace) -> ReadOptions:
    from commentscope.readers.options import parse_columns

    return ReadOptions(columns=parse_columns(args.columns), articles=args.articles, keep=frozenset(args.keep))


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
    if any(not name.strip() for name in getattr(args, "staff", [])):
        parser.error("--staff needs a commenter's name, not an empty string")
    try:
        options = _read_options(args)
        if args.command == "parse" and args.explain:
            return _explain(paths, args.exclude, options)
        return _run(args, paths, options)
    except BrokenPipeError:  # the reader of stdout went away (`| head`): stop quietly
        _silence_stdout()
        return EXIT_OK
    except CommentscopeError as exc:
        print(f"commentscope: error: {exc}", file=sys.stderr)
        return _exit_code(exc)


def _exit_code(error: CommentscopeError) -> int:
    if isinstance(error, OutputError):
        return EXIT_OUTPUT
    if isinstance(error, MissingResourceError):
        return EXIT_RESOURCE
    return EXIT_USAGE


def _silence_stdout() -> None:
    """Point stdout at the null device, so that later writes (and the final flush) cannot fail."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _say(text: str) -> None:
    """Print to stdout; when the reader of stdout has gone, keep working without it."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        _silence_stdout()


def _progress(results: Iterator[PageResult], total: int, quiet: bool) -> Iterator[PageResult]:
    show = not quiet and total > 1 and sys.stderr.isatty()
    yield from tqdm(results, total=total, unit="page", disable=not show, leave=False, file=sys.stderr)


def _report_line(result: PageResult, quiet: bool) -> None:
    """Failures always go to stderr; with -q nothing else is printed."""
    if result.document is None:
        print(f"error  {result.source}: {result.error}", file=sys.stderr)
        return
    if quiet:
        return
    doc = result.document
    _say(f"ok     {result.source}: {len(doc.comments)} comments, title {doc.title!r}")
    for warning in doc.warnings:
        print(f"warning  {warning}", file=sys.stderr)


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The options that shape the outputs, for the manifest."""
    names = ("topics", "replace_topics", "staff", "exclude", "period", "sentiment")
    given = {name: getattr(args, name) for name in names if hasattr(args, name)}
    readers = {name: getattr(args, name) for name in ("columns", "articles", "keep") if getattr(args, name, None)}
    return given | readers


def _run(args: argparse.Namespace, paths: list[Path], options: ReadOptions) -> int:
    if args.command != "parse":
        from commentscope.analysis.topics import load_taxonomy

        load_taxonomy(args.topics, replace=args.replace_topics)  # a bad file fails before any work
        return _analyze(args, paths, options)
    total = sum(1 for _ in input_paths(paths, args.exclude))
    with OutputRun(args.out, command=args.command, inputs=paths, options=_options(args)) as run:
        results = []
        for result in _progress(parse_pages(paths, args.exclude, options), total, args.quiet):
            results.append(result)
            _report_line(result, args.quiet)
        failed = sum(not r.ok for r in results)
        if failed == len(results):  # keep the outputs of an earlier good run rather than blank them
            run.cancel()
            _say(f"{len(results)} pages, none readable; nothing written to {args.out}/")
            return EXIT_FAILED
        comments = sum(len(r.document.comments) for r in results if r.document)
        written = _write(results, run.folder)
        run.counts.update(pages=len(results), failed=failed, comments=comments, files=len(written))
    _say(f"{len(results)} pages ({failed} failed), {comments} comments; wrote {len(written)} files to {args.out}/")
    return EXIT_FAILED if failed else EXIT_OK


def _write(results: list[PageResult], folder: Path) -> list[Path]:
    from commentscope.tables import comments_frame, documents_frame
    from commentscope.writers import write_tables

    docs = [r.document for r in results if r.document]
    tables = {"documents": documents_frame(results), "comments": comments_frame(docs)}
    return write_tables(tables, folder)


def _analyze(args: argparse.Namespace, paths: list[Path], read_options: ReadOptions) -> int:
    """analyze / report: stream every page through the engine into an `OutputRun`'s staging
    folder, which replaces --out only when the run ends well and some page was readable."""
    from commentscope.engine import Progress
    from commentscope.engine.run import ChunkResult
    from commentscope.pipeline import RunOptions, analyze_to_folder

    show = not args.quiet and sys.stderr.isatty()
    bar = tqdm(unit="page", disable=not show, leave=False, file=sys.stderr)

    def done(progress: Progress, chunk: ChunkResult) -> None:
        bar.update(len(chunk.pages))
        bar.set_postfix(comments=progress.comments, refresh=False)
        for page in chunk.pages:
            _page_line(page.document.page, page.warnings, args.quiet)

    options = RunOptions(args.topics, args.replace_topics, tuple(args.staff), args.jobs, args.engine,
                         args.scheduler, read_options, sentiment=_sentiment_analyzer(args.sentiment),
                         exclude=tuple(args.exclude), period=args.period)
    with OutputRun(args.out, command=args.command, inputs=paths, options=_options(args)) as out, bar:
        run = analyze_to_folder(paths, out.folder, options, tables=args.command == "analyze",
                                progress=Progress(callback=done))
        for name in run.unmatched_staff:
            logging.getLogger("commentscope").warning("--staff %r matches no commenter", name)
        if run.failed == run.pages:  # keep the outputs of an earlier good run rather than blank them
            out.cancel()
            _say(f"{run.pages} pages, none readable; nothing written to {args.out}/")
            return EXIT_FAILED
        out.counts.update(pages=run.pages, failed=run.failed, comments=run.comments, files=len(run.written))
    _say(f"{run.pages} pages ({run.failed} failed), {run.comments} comments; "
         f"wrote {len(run.written)} files to {args.out}/")
    return EXIT_FAILED if run.failed else EXIT_OK


def _page_line(page: DocumentRow, warnings: tuple[str, ...], quiet: bool) -> None:
    """As `_report_line`, for a page the engine analysed."""
    if page.status != "ok":
        print(f"error  {page.source}: {page.error}", file=sys.stderr)
        return
    if quiet:
        return
    _say(f"ok     {page.source}: {page.comment_count} comments, title {page.title or None!r}")
    for warning in warnings:
        print(f"warning  {warning}", file=sys.stderr)


def _explain(paths: list[Path], exclude: Sequence[str], options: ReadOptions) -> int:
    failed = 0
    for result in parse_pages(paths, exclude, options):
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
    sys.stdout.flush()  # a closed pipe shows here, inside main's BrokenPipeError handler
    return EXIT_FAILED if failed else EXIT_OK
