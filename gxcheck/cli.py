"""The command line: the one place that reads options, does IO and picks the exit code.

Exit codes: 0 no target fails under --fail-on; 1 some target does; 2 bad input or
usage; 3 an internal error (a bug: please report it); 130 interrupted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer
from typer.core import TyperGroup

from gxcheck import __version__
from gxcheck.errors import GxError, InputError, Listing, Message, Problem, UsageError, listing, msg
from gxcheck.launcher import Terminated, guard_environment, requested_lang
from gxcheck.model import Catalogue, Status
from gxcheck.periods import Period
from gxcheck.render import Format
from gxcheck.textsafe import safe_text, shown_id, visible

if TYPE_CHECKING:
    from rich.console import RenderableType

    from gxcheck.actuals import LoadedActuals
    from gxcheck.outputs import Output

    Report = str | bytes | RenderableType  # rich is imported only to print a table

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class _OneLineErrors(TyperGroup):
    """Usage errors (an unknown option, a bad choice, GXCHECK_LANG=xx) as one located line on
    stderr and exit 2, instead of click's four-line block; every other outcome as before."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from typer import _click

        # The options are not read when they are wrong: the language is looked for in them.
        arguments = sys.argv[1:] if args is None else args
        lang = requested_lang(arguments)
        try:
            _refuse_empty(arguments)
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _click.exceptions.NoArgsIsHelpError as exc:
            exc.show()
            code = exc.exit_code
        except _click.exceptions.ClickException as exc:
            print(visible(_usage_line(exc, lang)), file=sys.stderr)
            code = EXIT_USAGE if isinstance(exc, _click.exceptions.UsageError) else exc.exit_code
        except typer.Abort:
            print(_said(msg("cli.interrupted"), lang), file=sys.stderr)
            code = EXIT_INTERRUPTED
        except OSError as exc:  # help or --version into a full disk
            if exc.errno not in _WRITE_ERRORS:
                raise
            try:
                _stdout_failed(exc, lang)
            except typer.Exit as done:
                code = done.exit_code
        except GxError as exc:  # e.g. help written to a closed stdout
            for line in exc.lines(lang):
                print(visible(line), file=sys.stderr)
            code = EXIT_USAGE
        code = code if isinstance(code, int) else EXIT_OK
        if not standalone_mode:
            return code
        sys.exit(code)


def _refuse_empty(args: Sequence[str]) -> None:
    """An empty argument, most often an unset shell variable (``gxcheck score "$FILE"``), is
    refused by its place: typer would read it as the path ``.``, the current directory."""
    for index, arg in enumerate(args):
        if arg != "":
            continue
        before = args[index - 1] if index else ""
        if before.startswith("-") and before not in ("-", "--") and "=" not in before:
            raise UsageError(msg("cli.empty_after", option=before))
        raise UsageError(msg("cli.empty_argument", n=index + 1))


def _message_lang(option: object = None) -> str:
    """The language of messages: the command's --lang (which typer has already read from
    GXCHECK_LANG when it was not given), else GXCHECK_LANG, else Chinese."""
    if isinstance(option, Lang):
        return option.value
    env = os.environ.get("GXCHECK_LANG", "")
    return env if env in ("zh", "en") else "zh"


def _usage_line(exc: Any, lang: str = "en") -> str:
    """``gxcheck score: Invalid value for '--lang' / '-l': 'xx' is not one of 'zh', 'en'
    (from GXCHECK_LANG=xx; see gxcheck score -h)``: where, what, and where the value came from.
    Click's own message stays click's English; the notes around it are in ``lang``."""
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "gxcheck"
    # typer 0.29 and later check a choice through pydantic, which puts "Value error, " before
    # the same words: "Invalid value for '--lang': Value error, 'xx' is not one of …".
    message = exc.format_message().rstrip(".").replace(": Value error, ", ": ", 1)
    param = getattr(exc, "param", None)
    envvar = getattr(param, "envvar", None)
    if isinstance(envvar, str):
        message = message.replace(f" (env var: '{envvar}')", "")
        name = getattr(param, "name", None)
        source = ctx.get_parameter_source(name) if ctx is not None and name else None
        if source is not None and source.name == "ENVIRONMENT":
            value = os.environ.get(envvar, "")
            said = msg("cli.usage_from_env", message=message, var=envvar, value=value, command=where)
            return Problem(where, None, said).text(lang)
    return Problem(where, None, msg("cli.usage", message=message, command=where)).text(lang)


def _said(message: Message, lang: str) -> str:
    """``gxcheck: …``: a message of the run itself, not of one of its files, in ``lang``."""
    return Problem("gxcheck", None, message).text(lang)


def _joined(items: Sequence[str], *, conjunction: bool = False) -> Message | Listing:
    """``a, b, c`` (``a、b、c``), or with ``conjunction`` ``a and b`` (``a 和 b``), in the
    reader's language."""
    if not conjunction or len(items) <= 1:
        return listing(items)
    return msg("cli.and", a=_joined(items[:-1], conjunction=True), b=items[-1])


app = typer.Typer(
    name="gxcheck",
    cls=_OneLineErrors,
    help="Check the Chongqing High-tech Zone's plan targets against actual figures. "
    "检查西部科学城重庆高新区年度目标的完成情况。",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Lang(str, Enum):
    zh = "zh"
    en = "en"


class OutputFormat(str, Enum):
    """Formats of `gxcheck targets` and `gxcheck trend`."""

    table = "table"
    markdown = "markdown"
    json = "json"


class TemplateFormat(str, Enum):
    csv = "csv"
    xlsx = "xlsx"


class ExplainFormat(str, Enum):
    table = "table"
    json = "json"


def _version(value: bool) -> None:
    if value:
        print(f"gxcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Check the Chongqing High-tech Zone's plan targets against actual figures."""
    guard_environment()  # also here, for runs that do not start at the launcher (CliRunner)


def parse_fail_on(text: str) -> frozenset[Status]:
    """Each named status with every worse one (``Status.severity``): ``behind`` → behind, near,
    missed; a comma list is their union; ``never`` → none."""
    words = [w.strip() for w in text.split(",") if w.strip()]
    if words == ["never"]:
        return frozenset()
    if "never" in words:
        raise UsageError(msg("cli.fail_on_never_alone", text=text))
    allowed = {s.value: s for s in Status.by_severity()}
    statuses: set[Status] = set()
    for word in words:
        if word not in allowed:
            raise UsageError(msg("cli.fail_on_unknown", word=word, statuses=_joined(list(allowed))))
        statuses |= allowed[word].at_least()
    if not statuses:
        raise UsageError(msg("cli.fail_on_empty"))
    return frozenset(statuses)


def _check_output(
    output: str | None,
    inputs: Sequence[Path | str],
    others: Sequence[Output | None] = (),
    *,
    option: str = "--output",
    append: bool = False,
) -> Output | None:
    """Fail before any work if a report could not be written where asked; ``None`` (no
    option, or ``-o -``) is standard output."""
    if output is None or (output == "-" and option == "--output"):
        return None
    if output == "-":
        raise UsageError(msg("cli.output_is_stdout", option=option))
    from gxcheck.outputs import plan_output

    return plan_output(output, option, inputs, [o for o in others if o is not None], append=append)


def _emit(report: Report, output: Output | None, also: Sequence[tuple[Output, str | bytes]] = ()) -> None:
    """Write a report (a table as plain text) and the run's other reports through the one
    writer, all or none; with no ``output``, the report goes to stdout after the files."""
    if output is not None or also:  # the writer is imported only when there is a file to write
        from gxcheck.outputs import write_outputs
    if output is not None:
        write_outputs([*also, (output, _text(report))])
        return
    if isinstance(report, bytes) and sys.stdout.isatty():
        raise UsageError(msg("cli.binary_to_terminal"))
    if also:
        write_outputs(also)
    if isinstance(report, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(report)
    elif isinstance(report, str):
        sys.stdout.write(report)
    else:
        sys.stdout.write(_terminal_text(report))


_TRAILING_SPACE = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.M)


def _terminal_text(report: RenderableType) -> str:
    """A renderable as the terminal would show it (colour only on a terminal), with no line
    ending in spaces: rich pads every table cell, which CI logs keep as trailing blanks."""
    from rich.console import Console

    console = Console(highlight=False)
    with console.capture() as captured:
        console.print(report)
    return _TRAILING_SPACE.sub(r"\1", captured.get())


def _text(report: Report) -> str | bytes:
    """A report as the bytes or text a file holds (a table as plain text)."""
    if isinstance(report, str | bytes):
        return report
    from gxcheck.render.terminal import to_text

    return to_text(report)


TargetsOption = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        "-t",
        help="Targets file, or a bundled plan's name (gxcheck targets --list); default: the 2024 plan.",
        show_default=False,
    ),
]
LangOption = Annotated[
    Lang, typer.Option("--lang", "-l", envvar="GXCHECK_LANG", help="Language of the output: zh or en.")
]
MessagesLangOption = Annotated[  # for the commands whose output has no language of its own
    Lang, typer.Option("--lang", "-l", envvar="GXCHECK_LANG", help="Language of messages: zh or en.")
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", help="Write the report to this file (atomically) instead of stdout; - is stdout."
    ),
]


P = ParamSpec("P")
R = TypeVar("R")


def guarded(command: Callable[P, R]) -> Callable[P, R]:
    """Turn every outcome of a command into a message and an exit code, never a traceback."""

    @wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        lang = _message_lang(kwargs.get("lang"))
        try:
            try:
                return command(*args, **kwargs)
            finally:
                sys.stdout.flush()  # a full disk behind stdout shows here, inside the guard
        except (typer.Exit, typer.Abort):
            raise
        except GxError as exc:
            _fail(exc.lines(lang), EXIT_USAGE, lang)
        except KeyboardInterrupt:
            _fail([_said(msg("cli.interrupted"), lang)], EXIT_INTERRUPTED, lang)
        except Terminated as exc:  # SIGTERM, SIGHUP (gxcheck.launcher)
            _fail([_said(msg("cli.terminated", signal=exc.name), lang)], 128 + exc.signum, lang)
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (gxcheck … | head): not an error
            raise typer.Exit(EXIT_OK) from None
        except OSError as exc:
            if exc.errno not in _WRITE_ERRORS:
                bug = msg("cli.internal_error", kind="OSError", detail=str(exc))
                _fail([_said(bug, lang)], EXIT_INTERNAL, lang)
            _stdout_failed(exc, lang)  # files have their own messages: this is stdout (/dev/full)
        except Exception as exc:  # a bug: one line, no locals, a distinct code
            bug = msg("cli.internal_error", kind=type(exc).__name__, detail=str(exc))
            _fail([_said(bug, lang)], EXIT_INTERNAL, lang)

    return run


ActualsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="CSV files or .xlsx/.xls workbooks of actual figures (id, value[, period, unit, note, source]), "
        "merged; - reads stdin."
    ),
]
SheetOption = Annotated[
    str | None, typer.Option("--sheet", help="The workbooks' sheet to read (default: the first).")
]
EncodingOption = Annotated[
    str | None, typer.Option("--encoding", help="Encoding of the CSV (default: UTF-8, else GB18030).")
]
IgnoreUnknownOption = Annotated[
    bool, typer.Option("--ignore-unknown", help="Skip rows whose id is not a target (and say how many).")
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Judge as of this period (e.g. 2024-Q3, 2024-06): latest figure at or before it."
    ),
]


def _load(
    files: list[Path],
    targets: Path | None,
    *,
    encoding: str | None = None,
    ignore_unknown: bool = False,
    allow_blank: bool = False,
    sheet: str | None = None,
    lang: str = "zh",
    as_of: str | None = None,
) -> tuple[Catalogue, LoadedActuals, Period | None]:
    """The catalogue, every actuals file merged (problems from all files reported together),
    and the ``--as-of`` period, read against the plan before any file is: a bad option is
    the run's only message, not one after the files' warnings."""
    from gxcheck.actuals import load_actuals, merge_actuals
    from gxcheck.cache import bundled
    from gxcheck.files import STDIN

    if sum(str(path) == STDIN for path in files) > 1:
        raise UsageError(msg("cli.stdin_twice"))
    if targets is None:
        catalogue = bundled()  # from the cache: no YAML to parse, no PyYAML to import
    else:
        from gxcheck.targets import load_targets

        catalogue = load_targets(targets)
    period = _as_of(as_of, catalogue)
    parts: list[LoadedActuals] = []
    problems: list[Problem] = []
    for path in files:
        try:
            parts.append(
                load_actuals(
                    path,
                    catalogue,
                    encoding=encoding,
                    ignore_unknown=ignore_unknown,
                    allow_blank=allow_blank,
                    sheet=sheet,
                )
            )
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    loaded = merge_actuals(parts)
    for warning in loaded.warnings:  # read as written, but worth a look: 0.076 for 7.6 %
        print(visible(warning.text(lang)), file=sys.stderr)
    if loaded.skipped_unknown:
        n = loaded.skipped_unknown
        _note(msg("cli.skipped_unknown_one") if n == 1 else msg("cli.skipped_unknown", n=n), lang)
    if loaded.blank:
        n = loaded.blank
        _note(msg("cli.blank_rows_one") if n == 1 else msg("cli.blank_rows", n=n), lang)
    return catalogue, loaded, period


def _as_of(text: str | None, catalogue: Catalogue) -> Period | None:
    return _period_option("--as-of", text, catalogue)


def _period_option(option: str, text: str | None, catalogue: Catalogue) -> Period | None:
    from gxcheck.periods import BadPeriod

    if text is None:
        return None
    try:
        return catalogue.plan.period(text)
    except BadPeriod as exc:
        raise UsageError(msg("cli.period_option", option=option, problem=exc.message)) from None


@app.command()
@guarded
def score(
    actuals: ActualsArgument,
    targets: TargetsOption = None,
    lang: LangOption = Lang.zh,
    format: Annotated[
        Format,
        typer.Option(
            "--format", "-f", help="table, markdown, json, junit, github, html, svg, csv, xlsx or docx."
        ),
    ] = Format.TABLE,
    output: OutputOption = None,
    svg: Annotated[
        str | None, typer.Option("--svg", help="Also write the coloured scorecard as an SVG picture here.")
    ] = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            help="Exit 1 on a status and every worse one, in the order pending < no-data < behind < "
            "near < missed (a comma list is their union); or never.",
        ),
    ] = "missed,near",
    as_of: AsOfOption = None,
    ignore_unknown: IgnoreUnknownOption = False,
    allow_blank: Annotated[
        bool,
        typer.Option(
            "--allow-blank", help="Treat rows with an empty value as no data (a partly filled template)."
        ),
    ] = False,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    all_rows: Annotated[
        bool,
        typer.Option(
            "--all", help="Show every target as a full row (by default no-data targets are listed by name)."
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Print only the verdict line (a report named with -o is still written)."
        ),
    ] = False,
) -> None:
    """Judge actual figures against the targets and print the scorecard."""
    from gxcheck.cache import bundled_file as bundled_targets_path
    from gxcheck.evaluate import score as score_card
    from gxcheck.render import ReportOptions, renderer

    policy = parse_fail_on(fail_on)
    _office_output(output, format.value)
    inputs = [*actuals, targets or bundled_targets_path()]
    out = _check_output(output, inputs)
    picture = _check_output(svg, inputs, [out], option="--svg")
    summary_path = os.environ.get(STEP_SUMMARY) if format is Format.GITHUB else None
    summary = _check_output(summary_path or None, inputs, [out, picture], option=STEP_SUMMARY, append=True)
    catalogue, loaded, when = _load(
        actuals,
        targets,
        encoding=encoding,
        ignore_unknown=ignore_unknown,
        allow_blank=allow_blank,
        sheet=sheet,
        lang=lang.value,
        as_of=as_of,
    )
    card = score_card(catalogue, loaded.actuals, as_of=when, skipped_unknown=loaded.skipped_unknown)
    if not any(r.actual is not None for r in card.results):
        if as_of:
            raise UsageError(
                msg("cli.nothing_checked_as_of", file=loaded.file, as_of=as_of, targets=catalogue.path)
            )
        raise UsageError(msg("cli.nothing_checked", file=loaded.file, targets=catalogue.path))
    run_at = _run_at()
    hostname = "localhost"
    if format is Format.JUNIT:  # only JUnit records where the run happened
        import socket

        hostname = visible(socket.gethostname()) or hostname
    options = ReportOptions(lang.value, policy, run_at=run_at, hostname=hostname, all_rows=all_rows)
    report = renderer(format)(card, options)
    also: list[tuple[Output, str | bytes]] = []
    if picture is not None:
        also.append((picture, _text(renderer(Format.SVG)(card, options))))
    if summary is not None:
        markdown = renderer(Format.MARKDOWN)(card, options)
        assert isinstance(markdown, str)
        also.append((summary, step_summary(markdown, lang.value)))
    if out is not None or not quiet:
        _emit(report, out, also)
    else:
        _emit("", None, also)
    if quiet:
        from gxcheck.render.terminal import verdict_line

        _emit(verdict_line(card, options), None)
    raise typer.Exit(EXIT_FAIL if card.failing(policy) else EXIT_OK)


def _run_at() -> str:
    """When the report is made, in UTC: now, or SOURCE_DATE_EPOCH (seconds since 1970), the
    reproducible-builds convention, so that the same inputs give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        when = dt.datetime.now(dt.timezone.utc)
    else:
        if not epoch.strip().isdigit() or len(epoch.strip()) > 12:
            raise UsageError(msg("cli.source_date_epoch", value=epoch))
        when = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return when.replace(microsecond=0, tzinfo=None).isoformat()


STEP_SUMMARY_LIMIT = 1024 * 1024 - 4096  # GitHub refuses a step summary over 1 MiB


STEP_SUMMARY = "GITHUB_STEP_SUMMARY"


def step_summary(markdown: str, lang: str = "en") -> str:
    """The markdown report for the job's summary page, cut to stay under GitHub's limit (the
    line saying so in ``lang``)."""
    data = markdown.encode("utf-8")
    if len(data) > STEP_SUMMARY_LIMIT:
        cut = data[:STEP_SUMMARY_LIMIT].rsplit(b"\n", 1)[0].decode("utf-8", errors="ignore")
        markdown = cut + "\n\n" + msg("cli.summary_cut").text(lang) + "\n"
    return markdown


@app.command()
@guarded
def trend(
    actuals: ActualsArgument,
    targets: TargetsOption = None,
    lang: LangOption = Lang.zh,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="table, markdown or json.")] = (
        OutputFormat.table
    ),
    output: OutputOption = None,
    ignore_unknown: IgnoreUnknownOption = False,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
) -> None:
    """Show each target's figures over the year against its path."""
    from gxcheck.render import trend as render
    from gxcheck.targets import bundled_targets_path
    from gxcheck.trend import trends

    out = _check_output(output, [*actuals, targets or bundled_targets_path()])
    catalogue, loaded, _ = _load(
        actuals, targets, encoding=encoding, ignore_unknown=ignore_unknown, sheet=sheet, lang=lang.value
    )
    series = trends(catalogue, loaded.actuals)
    if not series:
        raise UsageError(msg("cli.no_trend", file=loaded.file))
    if format is OutputFormat.json:
        _emit(render.to_json(series), out)
    elif format is OutputFormat.markdown:
        _emit(render.markdown(series, lang.value), out)
    else:
        _emit(render.table(series, lang.value), out)


@app.command()
@guarded
def explain(
    target_id: Annotated[
        str, typer.Argument(metavar="ID", help="The target to explain (see gxcheck targets).")
    ],
    actuals: ActualsArgument,
    targets: TargetsOption = None,
    lang: LangOption = Lang.zh,
    format: Annotated[ExplainFormat, typer.Option("--format", "-f", help="table or json.")] = (
        ExplainFormat.table
    ),
    as_of: AsOfOption = None,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
) -> None:
    """Show every input and step behind one target's verdict."""
    import difflib

    from gxcheck.evaluate import score as score_card
    from gxcheck.render import explain as render

    catalogue, loaded, when = _load(
        actuals, targets, encoding=encoding, ignore_unknown=True, sheet=sheet, lang=lang.value, as_of=as_of
    )
    if catalogue.target(target_id) is None:
        close = difflib.get_close_matches(target_id, [t.id for t in catalogue.targets], n=1)
        hint = msg("cli.did_you_mean", id=close[0]) if close else msg("cli.see_targets")
        shown, _ = shown_id(target_id)
        odd = next((c for c in target_id if not c.isascii()), None)
        if odd is not None:  # a look-alike letter or a zero-width space: say which
            import unicodedata

            name = unicodedata.name(odd, "an unnamed character")
            hint = msg("cli.id_not_ascii", code=ord(odd), name=name, hint=hint)
        raise UsageError(msg("cli.unknown_target", id=shown, hint=hint))
    card = score_card(catalogue, loaded.actuals, as_of=when)
    result = next(r for r in card.results if r.target.id == target_id)
    explanation = render.Explanation(catalogue, result)
    if format is ExplainFormat.json:
        _emit(render.to_json(explanation), None)
    else:
        _emit(render.table(explanation, lang.value), None)


@app.command()
@guarded
def targets(
    file: TargetsOption = None,
    area: Annotated[
        str | None, typer.Option("--area", "-a", help="Show only this area (an area id).")
    ] = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="table, markdown or json.")] = (
        OutputFormat.table
    ),
    lang: LangOption = Lang.zh,
    list_bundled: Annotated[
        bool, typer.Option("--list", help="List the bundled plans (names for --targets) instead.")
    ] = False,
) -> None:
    """Show the plan's targets at a glance, grouped by area."""
    from gxcheck.render import json_report, markdown, terminal
    from gxcheck.targets import bundled_catalogues, load_bundled, load_targets

    if list_bundled:
        plans = [(name, load_bundled(name)) for name in bundled_catalogues()]
        if format is OutputFormat.json:
            _emit(json_report.bundled(plans), None)
        else:
            _emit(terminal.bundled_table(plans, lang.value), None)
        return
    catalogue = load_targets(file)
    ids = [a.id for a in catalogue.areas]
    if area is not None and area not in ids:
        raise UsageError(msg("cli.unknown_area", area=area, areas=_joined(ids)))
    if format is OutputFormat.json:
        _emit(json_report.catalogue(catalogue, area), None)
    elif format is OutputFormat.markdown:
        _emit(markdown.catalogue(catalogue, lang.value, area), None)
    else:
        _emit(terminal.catalogue_table(catalogue, lang.value, area), None)


@app.command()
@guarded
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Targets files to check (default: the bundled catalogue).", show_default=False),
    ] = None,
    source: Annotated[
        Path | None,
        typer.Option(
            "--source",
            help="The plan's text: every quote must be in it, and every number in a target's or "
            "an excluded entry's quote.",
            show_default=False,
        ),
    ] = None,
    after: Annotated[
        str | None,
        typer.Option(
            "--after",
            help="With --source: count numbers only after the line holding this text "
            "(e.g. the heading 二、2024年工作打算).",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Check targets files and report every problem with its line."""
    from gxcheck.targets import load_targets

    problems: list[Problem] = []
    paths: list[Path | None] = list(files) if files else [None]
    text = None
    if source is not None:
        from gxcheck.files import read_text

        text = read_text(source, visible(str(source)))
    elif after is not None:
        raise UsageError(msg("cli.after_needs_source"))
    for file in paths:
        try:
            catalogue = load_targets(file)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if text is not None and source is not None:
            from gxcheck.accounting import source_problems

            found = source_problems(catalogue, text, visible(str(source)), after)
            if found:
                problems.extend(found)
                continue
        counts = {"path": catalogue.path, "targets": len(catalogue.targets)}
        counts["areas"] = len({t.area for t in catalogue.targets})
        if source is not None:
            ok = msg("cli.valid_accounted", **counts, source=visible(str(source)))
        else:
            ok = msg("cli.valid", **counts)
        print(ok.text(lang.value))
    if problems:
        raise InputError(problems)


@app.command()
@guarded
def schema(lang: MessagesLangOption = Lang.zh) -> None:
    """Print the targets file's JSON Schema, for editors."""
    import json

    from gxcheck.schema import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command()
@guarded
def template(
    targets: TargetsOption = None,
    output: OutputOption = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            "-p",
            help="Fill the period column with this period (e.g. 2024-Q3; for a multi-year plan, 2025).",
        ),
    ] = None,
    format: Annotated[
        TemplateFormat | None,
        typer.Option("--format", "-f", help="csv or xlsx (default: xlsx when --output ends in .xlsx)."),
    ] = None,
    lang: MessagesLangOption = Lang.zh,
) -> None:
    """Write a CSV or .xlsx to fill in: one row per target, value empty."""
    from gxcheck.targets import bundled_targets_path, load_targets
    from gxcheck.template import template_csv

    if format is None:
        is_xlsx = output is not None and Path(output).suffix.lower() == ".xlsx"
        format = TemplateFormat.xlsx if is_xlsx else TemplateFormat.csv
    _office_output(output, format.value, (".xlsx",))
    out = _check_output(output, [targets or bundled_targets_path()])
    catalogue = load_targets(targets)
    plan = catalogue.plan
    if period is None and plan.is_multi_year:
        years = {"first": plan.first_year, "last": plan.year, "earliest": plan.earliest_year}
        note = msg("cli.multi_year_template", path=catalogue.path, **years, example=plan.year - 2)
        _note(note, lang.value)
    when = _period_option("--period", period, catalogue)
    if format is TemplateFormat.xlsx:
        from gxcheck.xlsx_template import template_xlsx

        _emit(template_xlsx(catalogue, when), out)
    else:
        _emit(template_csv(catalogue, when), out)


@app.command()
@guarded
def draft(
    plan: Annotated[
        Path,
        typer.Argument(
            help="The plan's text: UTF-8 (BOM or not), UTF-16 with a BOM, or GB18030; - reads stdin."
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="Write the targets file here (atomically) instead of stdout; - is stdout."
        ),
    ] = None,
    year: Annotated[
        str | None,
        typer.Option(
            "--year", metavar="YEAR", help="The plan's year, 1949 to 2100 (default: read from the text)."
        ),
    ] = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="Encoding of the text (default: UTF-8, else GB18030).")
    ] = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Draft a targets file from a plan's text, for a person to review.

    The targets file goes to stdout (or --output); the summary to stderr (to stdout with --output).
    """
    from gxcheck.draft import area_ids, read_plan, to_yaml
    from gxcheck.draft import draft as make_draft
    from gxcheck.draft.summary import summary
    from gxcheck.targets import parse_targets

    plan_year = _plan_year(year)
    shown = "<stdin>" if str(plan) == "-" else str(plan)
    out = _check_output(output, [] if str(plan) == "-" else [plan])
    text = read_plan(plan, shown, encoding)
    result = make_draft(text, year=plan_year, source=shown)
    if not result.targets:
        raise InputError([Problem(shown, None, msg("draft.no_targets"))])
    drafted = to_yaml(result)
    try:
        parse_targets(drafted, str(output or "draft.yaml"))
    except InputError as exc:  # the drafter wrote a file validate refuses: a bug, not bad input
        raise RuntimeError(f"the draft does not validate: {exc.lines()[0]}") from None
    _emit(drafted, out)
    report = summary(result, area_ids(result.areas), out.shown if out else "-", lang.value)
    (sys.stdout if out is not None else sys.stderr).write(safe_text(report))  # the plan's words in it


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")  # as a Chinese keyboard types them


def _plan_year(raw: str | None) -> int | None:
    """``--year``, read here rather than by typer so that a bad one is worded as gxcheck's
    messages are (in the user's language, naming the value), whatever typer's release."""
    if raw is None:
        return None
    low, high = 1949, 2100
    digits = raw.strip().translate(_FULL_WIDTH_DIGITS)
    if not (len(digits) == 4 and digits.isascii() and digits.isdigit() and low <= int(digits) <= high):
        raise UsageError(msg("cli.bad_year", value=raw, low=low, high=high))
    return int(digits)


# What writing to a full, broken or closed standard output raises.
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EIO, errno.EBADF, errno.EDQUOT, errno.EFBIG, errno.ENXIO})


def _stdout_failed(exc: OSError, lang: str) -> NoReturn:
    """Standard output cannot take the report: one line, exit 2, and stdout pointed at
    /dev/null so that Python's own flush at exit does not fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    failed = msg("cli.stdout_failed", reason=str(exc.strerror or exc))
    _fail([_said(failed, lang)], EXIT_USAGE, lang)


MAX_MESSAGES = 201  # a loader's 200 problems and its "stopped" line


_OFFICE_WRITTEN = (".xlsx", ".docx")
_OFFICE_NOT_WRITTEN = (".xls", ".xlsm", ".xlsb", ".ods", ".et", ".doc", ".docm", ".odt", ".wps")


def _office_output(output: str | None, format: str, writes: tuple[str, ...] = _OFFICE_WRITTEN) -> None:
    """Refuse, before any work, a report whose name promises an office file it would not be:
    a table written into card.xlsx, or a format this command does not write (.xls, .doc)."""
    suffix = Path(output).suffix.lower() if output else ""
    if suffix in writes and format != suffix[1:]:
        needs = msg("cli.office_needs_format", output=output, suffix=suffix, needed=suffix[1:], format=format)
        raise UsageError(needs)
    if suffix in _OFFICE_NOT_WRITTEN + _OFFICE_WRITTEN and suffix not in writes:
        kinds = _joined(writes, conjunction=True)
        flags = _joined([f"-f {w[1:]}" for w in writes])
        raise UsageError(
            msg("cli.office_not_written", output=output, kinds=kinds, flags=flags, suffix=suffix)
        )


def _note(message: Message, lang: str) -> None:
    """A note on stderr, ``gxcheck: …`` in ``lang``: the run goes on."""
    print(visible(_said(message, lang)), file=sys.stderr)


def _fail(lines: list[str], code: int, lang: str) -> NoReturn:
    """Each message as one line on stderr (never stdout), at most MAX_MESSAGES of them."""
    more = msg("cli.more", n=len(lines) - MAX_MESSAGES + 1)
    shown = lines if len(lines) <= MAX_MESSAGES else [*lines[: MAX_MESSAGES - 1], more.text(lang)]
    for line in shown:
        print(visible(line), file=sys.stderr)
    raise typer.Exit(code)


def run(args: Sequence[str]) -> None:
    """``app()`` for the arguments ``args``, with only the command they name turned into click's
    command: typer builds click parameters for every option of every command at every start
    (about 5 ms here), and a run needs one command. No command, an option first or a name that
    is not a command gets the whole tree (the list in help, suggestions for a misspelt name)."""
    first = args[0] if args else None
    named = [c for c in app.registered_commands if _command_name(c) == first]
    if not named:
        app()
        return
    every = app.registered_commands
    app.registered_commands = named
    try:
        app()
    finally:
        app.registered_commands = every


def _command_name(command: typer.models.CommandInfo) -> str | None:
    """A command's name as typer derives it: ``name=``, else the function's, with dashes."""
    if command.name:
        return command.name
    callback = command.callback
    return callback.__name__.lower().replace("_", "-") if callback is not None else None


def main() -> None:
    """Entry point of the ``gxcheck`` command (see gxcheck.launcher for its guards)."""
    from gxcheck.launcher import main as launch

    launch()
