"""Dates side by side: ``qazparse.extract()`` and ``dateparser.search.search_dates(text, languages=['kk'])``.

    /work/venv-bench/bin/python benchmarks/bench_dates.py [--bytes 300000] [--phrases]

dateparser is only a ``bench`` extra (``pip install 'qazparse[bench]'``, or a separate venv:
``python3 -m venv venv-bench && venv-bench/bin/pip install -e . dateparser``).  Without it the
script still times qazparse and says so.

On the same text (the five seeds and KazNERD validation sentences as pseudo-articles, see
``benchmarks/corpus.py``; KazNERD: Yeshpanov, Khassanov, Varol, LREC 2022, CC BY 4.0) it prints:

- throughput of ``extract()`` (everything) and of the dates extractor alone, and of
  ``search_dates``, in characters/s;
- how many dates each finds, and how many of dateparser's findings are bare numbers (``15,2``,
  ``2803``) or have no offset in the text (dateparser returns strings, not spans);
- with ``--phrases``, the issue's examples read by both.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import corpus as bench_corpus  # noqa: E402
import qazparse  # noqa: E402
from qazparse.dates import extract_dates  # noqa: E402
from qazparse.extract import make_context  # noqa: E402

PHRASES = (
    "2025 жылғы 21 қазанда",
    "21 қазан 2025 жыл",
    "қазанның 21-і",
    "2025 ж. 21 қаз.",
    "былтыр",
    "бүрсігүні",
    "3 күн бұрын",
    "биылғы қыркүйекте",
    "соңғы үш жылда",
    "15,2 пайыз",
    "2025 жыл",
    "2803 қарары",
    "$1,5 млрд",
)
REFERENCE = "2025-10-21"
_BARE_NUMBER = re.compile(r"^[\d\s.,:/$-]+$")


def _take(articles: list[str], n_bytes: int) -> list[str]:
    out: list[str] = []
    size = 0
    for article in articles:
        out.append(article)
        size += len(article.encode("utf-8"))
        if size >= n_bytes:
            break
    return out


def _rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds / 1e6:.2f} M chars/s" if seconds > 0 else "inf"


def run_qazparse(articles: list[str]) -> dict[str, Any]:
    chars = sum(len(a) for a in articles)
    qazparse.extract(articles[0])  # compile the rules once, outside the timing
    start = time.perf_counter()
    found = sum(len(qazparse.extract(a).dates) for a in articles)
    whole = time.perf_counter() - start
    start = time.perf_counter()
    alone = sum(len(extract_dates(make_context(a))) for a in articles)
    dates_only = time.perf_counter() - start
    return {"chars": chars, "extract_s": whole, "dates_s": dates_only, "found": found, "found_alone": alone}


def run_dateparser(articles: list[str]) -> dict[str, Any] | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    chars = sum(len(a) for a in articles)
    search_dates("бүгін", languages=["kk"])  # load the language data outside the timing
    found = bare = unplaced = 0
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for article in articles:
            results = search_dates(article, languages=["kk"]) or []
            for text, _ in results:
                found += 1
                bare += bool(_BARE_NUMBER.match(text.strip()))
                unplaced += article.count(text) != 1
    seconds = time.perf_counter() - start
    return {"chars": chars, "seconds": seconds, "found": found, "bare_numbers": bare, "unplaced": unplaced}


def compare_phrases() -> None:
    import datetime as _dt

    reference = _dt.date.fromisoformat(REFERENCE)
    try:
        from dateparser.search import search_dates
    except ImportError:
        search_dates = None
    print(f"\nThe issue's phrases (reference {REFERENCE}):")
    for phrase in PHRASES:
        ours = qazparse.extract(phrase, reference_date=reference).dates
        mine = "; ".join(f"{m.span.text!r} {m.start}..{m.end}" for m in ours) or "-"
        theirs = "(not installed)"
        if search_dates is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                got = search_dates(
                    phrase,
                    languages=["kk"],
                    settings={"RELATIVE_BASE": _dt.datetime.combine(reference, _dt.time())},
                )
            theirs = "; ".join(f"{t!r} {d:%Y-%m-%d}" for t, d in got or []) or "-"
        print(f"  {phrase:24} qazparse: {mine:48} dateparser: {theirs}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bytes", type=int, default=300_000, help="how much text (UTF-8 bytes) to run on")
    parser.add_argument("--phrases", action="store_true", help="also print the issue's phrases read by both")
    args = parser.parse_args(argv)
    articles = _take(bench_corpus.corpus(), args.bytes)
    ours = run_qazparse(articles)
    print(f"Text: {len(articles)} articles, {ours['chars']:,} characters (seeds + KazNERD pseudo-articles)")
    print(
        f"  qazparse extract()            {_rate(ours['chars'], ours['extract_s'])}   {ours['found']:,} dates"
    )
    alone = ours["found_alone"]
    print(f"  qazparse dates extractor only {_rate(ours['chars'], ours['dates_s'])}   {alone:,} dates")
    theirs = run_dateparser(articles)
    if theirs is None:
        print("  dateparser not installed: pip install 'qazparse[bench]'")
    else:
        rate = _rate(theirs["chars"], theirs["seconds"])
        print(
            f"  dateparser search_dates(kk)   {rate}   {theirs['found']:,} dates"
            f" ({theirs['bare_numbers']:,} bare numbers such as 15,2;"
            f" {theirs['unplaced']:,} strings not found exactly once in the text, so without a usable offset)"
        )
        print(f"  qazparse extract() is {theirs['seconds'] / ours['extract_s']:.1f}x faster")
    if args.phrases:
        compare_phrases()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
