"""`crisis-events`: the command line, thin over the flows and the library.

crisis-events run [INPUT ...] [--out DIR]     raw entries in, Parquet tables out (incremental)
crisis-events serve --cron "0 2 * * *"        the same on a schedule (kept here, or by a Prefect server)
crisis-events bench [--words N ...] [--workers N ...] [--rounds N]  against bare spaCy and 1 worker, memory
crisis-events eval --gold FILE [--events DIR] score an events table against gold
crisis-events audit INPUT ... [--top N]         where extraction is silent, ranked (no gold needed)
crisis-events export --format acled|plover|csv  the table in the field's formats (stdout or --out)
crisis-events report [--events DIR] [--out DIR]  a self-contained HTML report of a table
crisis-events map [--events DIR] [--out PNG]     draw the events on a map
crisis-events columns [--table events|entries] the documented columns, as Markdown
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path
from typing import NoReturn

#: How many reject messages a run prints before pointing to the rejects file.
MAX_REJECT_LINES = 20


def _prefect_defaults() -> None:
    """No telemetry calls (there is no internet), no pages of logs, unless the user asks;
    and time for the temporary server's first start on a new machine (about 17 s of
    database set-up, against Prefect's 20 s limit)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


def cmd_run(args: argparse.Namespace) -> int:
    """Exit 0 when something was processed, 2 when nothing could be (or the tables could not be
    written, or every entry failed extraction), 3 when another run holds the folder."""
    _prefect_defaults()
    from flows.supervisor import is_supervised, watch_supervisor

    if args.supervise and not is_supervised():
        return _supervised_run(args)
    if is_supervised():
        watch_supervisor()
    from flows.extract_flow import run

    from .io.ingest import Limits
    from .io.store import FolderBusy, OutputError

    limits = Limits(max_file_bytes=int(args.max_file_mb * 2**20), max_entry_chars=args.max_entry_chars)
    try:
        summary = run(
            [str(p) for p in args.inputs],
            Path(args.out),
            full=args.full,
            prune=args.prune,
            batch_size=args.batch_size,
            workers=args.workers,
            dask_address=args.dask_address,
            wait_seconds=args.wait,
            limits=limits,
        )
    except FolderBusy as busy:
        print(f"error: {busy}", file=sys.stderr)
        return 3
    except OutputError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for message in summary.reject_messages[:MAX_REJECT_LINES]:
        print(f"error: {message}", file=sys.stderr)
    hidden = len(summary.reject_messages) - MAX_REJECT_LINES
    if hidden > 0:
        print(f"error: ... and {hidden} more", file=sys.stderr)
    if summary.error:
        print(f"error: {summary.error}", file=sys.stderr)
        return 2
    print(
        f"entries read: {summary.entries_read}  extracted: {summary.extracted}  "
        f"rejected: {summary.rejected}  "
        f"events written: {summary.events_written}  time: {summary.seconds:.1f}s"
    )
    if summary.rejected:
        print(f"rejects: {Path(args.out) / 'rejects' / 'rejects.jsonl'}")
    if not summary.processed:
        print("nothing could be processed", file=sys.stderr)
        return 2
    if summary.to_extract and not summary.extracted:
        print(
            f"every one of the {summary.to_extract} entries to extract failed: see the rejects",
            file=sys.stderr,
        )
        return 2
    if summary.extracted == 0 and summary.events_written == 0:
        print("nothing new or changed: tables left as they were")
    print(f"tables: {Path(args.out) / 'events'}  {Path(args.out) / 'entries'}")
    return 0


def _supervised_run(args: argparse.Namespace) -> int:
    """The run in a child process group this command owns (flows/supervisor.py): Ctrl-C and SIGTERM
    stop it within a second, with no process and no half-written file left."""
    from flows.supervisor import supervise

    from .io.store import FolderBusy, OutputError, OutputLock, remove_stale_temporaries

    code, stopped_by = supervise(args.argv)
    if stopped_by is None:
        return code
    try:
        with OutputLock(Path(args.out), wait_seconds=2.0):
            remove_stale_temporaries(Path(args.out))
    except (FolderBusy, OutputError):
        pass  # the next run removes them
    name = signal.Signals(stopped_by).name
    print(f"stopped by {name}: the tables are as the last finished run left them", file=sys.stderr)
    return code


def cmd_eval(args: argparse.Namespace) -> int:
    """Score an events table against a gold file, or extract and score the shipped gold sets (--set)."""
    from .tools.evaluate import GoldError, evaluate, gold_sets, load_gold, load_predictions, score_set

    if args.set:
        sets = gold_sets(Path(args.gold_dir) if args.gold_dir else None)
        if not sets:
            print("error: no gold sets found (data/gold/<set>/gold.jsonl): run from a clone", file=sys.stderr)
            return 2
        chosen = sorted(sets) if args.set == "all" else [args.set]
        unknown = [name for name in chosen if name not in sets]
        if unknown:
            print(f"error: no gold set {unknown[0]!r}; there are: {', '.join(sorted(sets))}", file=sys.stderr)
            return 2
        from .extractor import Extractor

        extractor = Extractor.load()  # once for every set
        reports = {name: score_set(sets[name], extractor) for name in chosen}
        if args.json:
            print(json.dumps({name: r.as_dict() for name, r in reports.items()}, indent=2))
        else:
            print("\n\n".join(f"== {name} ({sets[name]})\n{r.render()}" for name, r in reports.items()))
        return 0
    if not args.gold:
        print(
            "error: crisis-events eval: give --gold FILE (with --events DIR) or --set NAME", file=sys.stderr
        )
        return 2
    gold_path, events_path = Path(args.gold), Path(args.events)
    for path in (gold_path, events_path):
        if not path.exists():
            print(f"error: {path}: no such file or directory", file=sys.stderr)
            return 2
    try:
        gold = load_gold(gold_path)
    except GoldError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    predicted = load_predictions(events_path)
    missing = [entry_id for entry_id in gold if entry_id not in predicted]
    if gold and len(missing) == len(gold):
        print(
            f"error: none of the {len(gold)} entries of {gold_path} is in {events_path}: "
            f"extract their entries first (crisis-events run ENTRIES --out DIR), or use --set",
            file=sys.stderr,
        )
        return 2
    if missing:
        print(
            f"warning: {len(missing)} of {len(gold)} gold entries are not in {events_path} "
            f"(scored as missed): {', '.join(missing[:3])}{' ...' if len(missing) > 3 else ''}",
            file=sys.stderr,
        )
    report = evaluate(gold, predicted)
    print(json.dumps(report.as_dict(), indent=2) if args.json else report.render())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """The events table as ACLED CSV, PLOVER JSON Lines or a flat CSV, to a file or stdout."""
    import pyarrow.parquet as pq

    from .tools.export import export

    events_dir = Path(args.events)
    if not events_dir.exists():
        print(
            f"error: {events_dir}: no such file or directory (run `crisis-events run` first)", file=sys.stderr
        )
        return 2
    events = pq.read_table(events_dir).to_pylist()
    entries_dir = events_dir.parent / "entries"
    processed_at = {}
    if entries_dir.exists():
        for row in pq.read_table(entries_dir, columns=["entry_id", "processed_at"]).to_pylist():
            processed_at[row["entry_id"]] = row["processed_at"]
    version = events[0]["pipeline_version"] if events else ""
    text, count = export(events, args.format, processed_at, version, keep_all=args.all)
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    left_out = len(events) - count
    why = {"acled": "no ACLED counterpart or scheduled; --all keeps them", "plover": "no PLOVER category"}
    note = f" ({left_out} left out: {why[args.format]})" if left_out and args.format in why else ""
    print(
        f"exported {count} of {len(events)} events as {args.format}{note}"
        + (f" -> {args.out}" if args.out else ""),
        file=sys.stderr,
    )
    return 0


def cmd_columns(args: argparse.Namespace) -> int:
    from .io import schema

    table = {"events": schema.EVENTS, "entries": schema.ENTRIES, "rejects": schema.REJECTS}[args.table]
    print("| column | type | meaning |\n|---|---|---|")
    for name, type_, doc in schema.describe(table):
        print(f"| `{name}` | {type_} | {doc} |")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """With a Prefect server (PREFECT_API_URL), a served deployment its scheduler fires;
    without one, a schedule kept here that starts each run (flows/schedule.py says why)."""
    _prefect_defaults()
    from flows.schedule import ScheduleError, Ticks, serve_here

    try:
        ticks = Ticks(cron=None if args.every else args.cron, every=args.every)
    except ScheduleError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    where = f"over {', '.join(map(str, args.inputs))} -> {args.out} (Ctrl-C stops)"
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        when = f"every {args.every:g}s" if args.every else f"on cron '{args.cron}'"
        print(f"serving {when} from this process (no PREFECT_API_URL set) {where}", flush=True)
        return serve_here(ticks, _run_command(args), runs=args.runs)
    if args.every or args.runs:
        print("error: --every and --runs need the schedule kept here (no PREFECT_API_URL)", file=sys.stderr)
        return 2
    from prefect import serve

    from flows.extract_flow import nightly_deployment

    deployment = nightly_deployment(
        [str(p) for p in args.inputs],
        Path(args.out),
        args.cron,
        workers=args.workers,
        dask_address=args.dask_address,
        full=args.full,
        prune=args.prune,
    )
    print(f"serving '{deployment.name}' on cron '{args.cron}' to {PREFECT_API_URL.value()} {where}")
    serve(deployment)
    return 0


def _run_command(args: argparse.Namespace) -> list[str]:
    """`crisis-events run` with the serve options, as a command for a child process."""
    command = [sys.executable, "-m", "pipeline.cli", "run", *map(str, args.inputs), "--out", str(args.out)]
    command += ["--workers", str(args.workers)]
    if args.dask_address:
        command += ["--dask-address", args.dask_address]
    command += ["--full"] * args.full + ["--prune"] * args.prune
    return command


def cmd_bench(args: argparse.Namespace) -> int:
    _prefect_defaults()
    from .tools.bench import run_bench

    return run_bench(
        [str(p) for p in args.inputs], args.words, args.workers, bare=not args.no_bare, rounds=args.rounds
    )


def cmd_audit(args: argparse.Namespace) -> int:
    from .tools.audit import run_audit

    run_audit([str(p) for p in args.inputs], top=args.top)
    return 0


def _optional(command: str, module: str, extra: str = "map"):
    """``pipeline.tools.<module>``, or None after a one-line error naming the extra it needs."""
    import importlib

    try:
        return importlib.import_module(f".tools.{module}", "pipeline")
    except ImportError as missing:
        print(
            f"error: crisis-events {command} needs the '{extra}' extra ({missing.name} is not installed): "
            f"pip install 'crisis-events[{extra}]'",
            file=sys.stderr,
        )
        return None


def _events_table(args: argparse.Namespace) -> Path | None:
    """The --events folder, or None after a one-line error when it is not there."""
    events = Path(args.events)
    if events.exists():
        return events
    print(f"error: {events}: no such file or directory (run `crisis-events run` first)", file=sys.stderr)
    return None


def cmd_map(args: argparse.Namespace) -> int:
    mapping = _optional("map", "mapping")
    events = _events_table(args)
    if mapping is None or events is None:
        return 2
    shown = mapping.draw_map(events, Path(args.out), args.title, tuple(args.country), tuple(args.type))
    print(
        f"{shown.drawn} events drawn -> {args.out}; {shown.without_coordinates} without coordinates "
        f"(not drawn); {shown.filtered_out} outside --country/--type"
    )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    report = _optional("report", "report")
    events = _events_table(args)
    if report is None or events is None:
        return 2
    page = report.write_report(events, Path(args.out))
    print(f"report: {page}")
    return 0


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None


def _non_negative_float(text: str) -> float:
    value = _number(text)
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {text}")
    return value


def _positive_float(text: str) -> float:
    value = _number(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return value


def _events_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--events", default="processed/events", help="events table folder (default: processed/events)"
    )


def _event_types() -> list[str]:
    from .resources import read_json

    return list(read_json("event_types.json"))


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error: 'error: crisis-events run: argument --batch-size: ...'."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="crisis-events", description="CrisisWatch prose in, a Parquet table of dated events out."
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    run = sub.add_parser("run", help="extract events from raw entries into Parquet tables")
    run.add_argument(
        "inputs", nargs="*", default=["raw"], help="files (.jsonl .csv .html) and folders (default: raw/)"
    )
    run.add_argument("--out", default="processed", help="output folder (default: processed/)")
    run.add_argument(
        "--batch-size",
        type=_positive_int,
        default=None,
        help="entries per extraction task (default: up to 20,000 words a task, 40,000 with workers)",
    )
    run.add_argument(
        "--workers", type=_positive_int, default=1, help="worker processes for extraction on this machine"
    )
    run.add_argument(
        "--dask-address", default=None, help="run extraction on an existing Dask cluster (tcp://HOST:PORT)"
    )
    run.add_argument(
        "--full", action="store_true", help="extract every entry again, not only new or changed ones"
    )
    run.add_argument(
        "--prune", action="store_true", help="drop entries (and their events) no longer in the input"
    )
    run.add_argument(
        "--wait",
        type=_non_negative_float,
        default=0.0,
        help="seconds to wait for another run on the same --out (default: stop at once)",
    )
    run.add_argument(
        "--max-file-mb",
        type=_positive_float,
        default=512.0,
        help="a larger input file is a reject, not read (default: 512)",
    )
    run.add_argument(
        "--max-entry-chars",
        type=_positive_int,
        default=1_000_000,
        help="an entry with a longer text is a reject (default: 1,000,000)",
    )
    run.set_defaults(func=cmd_run)

    srv = sub.add_parser(
        "serve",
        help="run the job on a schedule: kept here, or by a Prefect server when PREFECT_API_URL is set",
    )
    srv.add_argument("inputs", nargs="*", default=["raw"], help="files and folders (default: raw/)")
    srv.add_argument("--out", default="processed", help="output folder (default: processed/)")
    srv.add_argument(
        "--cron", default="0 2 * * *", help="when to run, cron syntax, local time (default: 02:00 nightly)"
    )
    srv.add_argument(
        "--every",
        type=_positive_float,
        default=None,
        metavar="SECONDS",
        help="run every SECONDS instead of on --cron (self-contained schedule only; for tests and trials)",
    )
    srv.add_argument(
        "--runs",
        type=_positive_int,
        default=None,
        metavar="N",
        help="stop after N runs (default: serve until stopped)",
    )
    srv.add_argument("--workers", type=_positive_int, default=1, help="worker processes for each run")
    srv.add_argument("--dask-address", default=None, help="run extraction on an existing Dask cluster")
    srv.add_argument("--full", action="store_true", help="extract every entry again on each run")
    srv.add_argument("--prune", action="store_true", help="drop entries no longer in the input on each run")
    srv.set_defaults(func=cmd_serve)

    bn = sub.add_parser("bench", help="words/second of the full run against bare spaCy, and peak memory")
    bn.add_argument(
        "inputs", nargs="*", default=["raw"], help="entries to repeat into the corpus (default: raw/)"
    )
    bn.add_argument(
        "--words", type=int, nargs="+", default=[200_000], help="corpus sizes in words (default: 200000)"
    )
    bn.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[1],
        help="worker counts to run the full run with, e.g. 1 2 (default: 1)",
    )
    bn.add_argument(
        "--rounds",
        type=_positive_int,
        default=1,
        help="repeat every measurement this many times, one round after the other; ratios are taken "
        "within a round and given as median and range (default: 1)",
    )
    bn.add_argument(
        "--no-bare", action="store_true", help="skip bare spaCy (for long archive runs of the full run only)"
    )
    bn.set_defaults(func=cmd_bench)

    au = sub.add_parser(
        "audit", help="dated clauses with no event, dropped triggers, unknown heads: ranked, no gold needed"
    )
    au.add_argument("inputs", nargs="+", help="files and folders of entries")
    au.add_argument("--top", type=int, default=25, help="rows per table (default: 25)")
    au.set_defaults(func=cmd_audit)

    ev = sub.add_parser(
        "eval",
        help="score an events table against gold, or the shipped gold sets (docs/CODEBOOK.md section 4)",
    )
    ev.add_argument("--gold", default=None, help="gold JSON Lines file (format: docs/CODEBOOK.md section 5)")
    ev.add_argument(
        "--set",
        default=None,
        metavar="NAME",
        help="extract and score a shipped gold set: dev, dev-world, dev-world2 or all (data/gold/)",
    )
    ev.add_argument(
        "--gold-dir", default=None, help="folder of gold sets for --set (default: data/gold of the checkout)"
    )
    _events_option(ev)
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.set_defaults(func=cmd_eval)

    ex = sub.add_parser("export", help="the events table as ACLED CSV, PLOVER JSON Lines or a flat CSV")
    ex.add_argument(
        "--format",
        choices=["acled", "plover", "csv"],
        default="csv",
        help="acled: ACLED's columns; plover: PLOVER JSON, one event a line; csv: the table flat (default)",
    )
    _events_option(ex)
    ex.add_argument("--out", default=None, help="file to write (default: standard output)")
    ex.add_argument(
        "--all",
        action="store_true",
        help="acled: keep events ACLED does not code (elections, statements, scheduled), ACLED columns empty",
    )
    ex.set_defaults(func=cmd_export)

    mp = sub.add_parser("map", help="draw the events on a map (PNG)")
    _events_option(mp)
    mp.add_argument("--out", default="processed/map.png", help="PNG to write (default: processed/map.png)")
    mp.add_argument("--title", default=None, help="title over the map (default: what it shows)")
    mp.add_argument(
        "--country", nargs="+", default=[], help="only events in these countries (ISO3 codes or headings)"
    )
    mp.add_argument(
        "--type",
        nargs="+",
        default=[],
        choices=_event_types(),
        metavar="TYPE",
        help="only events of these types",
    )
    mp.set_defaults(func=cmd_map)

    rp = sub.add_parser("report", help="a self-contained HTML report of an events table")
    _events_option(rp)
    rp.add_argument(
        "--out", default="processed/report", help="folder for report.html (default: processed/report)"
    )
    rp.set_defaults(func=cmd_report)

    cols = sub.add_parser("columns", help="print the documented columns of a table as Markdown")
    cols.add_argument(
        "--table",
        choices=["events", "entries", "rejects"],
        default="events",
        help="which table (default: events)",
    )
    cols.set_defaults(func=cmd_columns)
    return parser


def main(argv: list[str] | None = None, supervise: bool = False) -> int:
    """Run a command; ``supervise`` (the console command) runs `run` in a child process group it owns."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    args.argv, args.supervise = argv, supervise
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return 130
    except OSError as problem:  # a folder not writable, a disk full: the user's to fix, in one line
        where = f"{problem.filename}: " if problem.filename else ""
        print(f"error: {where}{problem.strerror or problem}", file=sys.stderr)
        return 2
    except _table_errors() as problem:
        print(f"error: not a table crisis-events wrote: {str(problem).splitlines()[0]}", file=sys.stderr)
        return 2


def _table_errors() -> tuple[type[Exception], ...]:
    """What pyarrow raises on a folder that holds no readable Parquet table, or one of another schema."""
    import pyarrow as pa

    return (pa.ArrowException, KeyError)


def entry() -> int:
    """The `crisis-events` command."""
    return main(sys.argv[1:], supervise=True)


if __name__ == "__main__":
    sys.exit(entry())
