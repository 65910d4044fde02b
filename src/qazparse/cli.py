"""The ``qazparse`` command line.

``qazparse extract PATH... [--format jsonl|json|table] [--reference-date YYYY-MM-DD] [--jobs N]``

Files, folders (every ``*.txt`` inside, sorted) or ``-`` for standard input.  One JSON
object per article.  A missing, unreadable or non-UTF-8 file is reported on stderr
and the run goes on; the exit status is 1 if any input failed, else 0.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from .errors import RulesError
from .extract import extract_many
from .rules import Rules, default_rules
from .values import Extraction

MAX_BYTES = 50 * 1024 * 1024
"""Files larger than this are reported and skipped rather than read into memory."""


class _Input:
    __slots__ = ("name", "text")

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text


def _expand(paths: Sequence[str]) -> Iterator[str]:
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*.txt")) if p.is_file())
        else:
            yield raw


def _read(name: str, stdin: TextIO) -> _Input:
    """Read one input; raise ValueError with a readable reason when it cannot be used."""
    if name == "-":
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
    else:
        path = Path(name)
        try:
            if path.stat().st_size > MAX_BYTES:
                raise ValueError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
            data = path.read_bytes()
        except FileNotFoundError:
            raise ValueError("no such file") from None
        except IsADirectoryError:
            raise ValueError("is a directory") from None
        except OSError as err:
            raise ValueError(f"cannot read: {err.strerror or err}") from None
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ValueError(f"not UTF-8 (invalid byte at offset {err.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return _Input("<stdin>" if name == "-" else name, text)


def _record(item: _Input, result: Extraction) -> dict[str, Any]:
    data = result.to_dict()
    return {
        "file": item.name,
        "reference_date": data.pop("reference_date"),
        "mentions": [m.to_dict() for m in result.all()],
        "events": data["events"],
    }


def _table(record: dict[str, Any], out: TextIO) -> None:
    out.write(f"== {record['file']}  (reference date: {record['reference_date'] or '-'})\n")
    for m in record["mentions"]:
        span = m["span"]
        value = {k: v for k, v in m.items() if k not in {"kind", "span"} and v not in (None, "exact", [], ())}
        shown = ", ".join(f"{k}={v}" for k, v in value.items())
        out.write(f"{span['start']:>7}-{span['end']:<7} {m['kind']:<9} {span['text'][:50]:<50} {shown}\n")
    for ev in record["events"]:
        trig = ev["trigger"]
        out.write(f"{trig['start']:>7}-{trig['end']:<7} {'event':<9} {ev['type']:<50} rule={ev['rule']}\n")


def _parse_date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(
        prog="qazparse", description="Read numbers, dates, money, distances, bylines and events from Kazakh news."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract every mention from articles")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (*.txt inside) or - for stdin")
    ex.add_argument("--format", choices=["jsonl", "json", "table"], default="jsonl")
    ex.add_argument("--reference-date", type=_parse_date, default=None, metavar="YYYY-MM-DD",
                    help="resolve relative dates against this date (default: the article's ' date' prefix)")
    ex.add_argument("--rules", metavar="FILE", default=None, help="a TOML/JSON rules file to add to the defaults")
    ex.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    return parser


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args = build_parser().parse_args(argv)
    if args.jobs < 1:
        stderr.write("qazparse: --jobs must be at least 1\n")
        return 2
    rules: Rules | None = None
    if args.rules:
        try:
            rules = default_rules().load(args.rules)
        except RulesError as err:
            stderr.write(f"qazparse: {err}\n")
            return 2
    failed = False
    good: list[_Input] = []
    for name in _expand(args.paths):
        try:
            good.append(_read(name, stdin))
        except ValueError as err:
            stderr.write(f"qazparse: {name}: {err}\n")
            failed = True
    if not good and not failed:
        stderr.write("qazparse: no input files found\n")
        return 1
    results = extract_many(
        (i.text for i in good), workers=args.jobs, reference_date=args.reference_date, rules=rules
    )
    records = []
    for item, result in zip(good, results, strict=True):
        record = _record(item, result)
        if args.format == "jsonl":
            stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif args.format == "table":
            _table(record, stdout)
        else:
            records.append(record)
    if args.format == "json":
        stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
