"""Linear time on adversarial input, and extract_many() in order.

Inputs that make naive regexes backtrack (long runs of digits, spaces, dots, commas, hyphens, repeated
numeral words, text with no spaces at all) must cost time proportional to their length.  Each test
times the input at size n and 2n (best of a few runs, growing n until the time is measurable) and
asserts that doubling the input at most roughly doubles the time: a factor of 3 leaves room for noise
on a shared machine, while catastrophic backtracking gives 4 and far worse.  Times are CPU times of
this process with the garbage collector paused, so other work on the machine counts little.  These
are ratios, not speed targets: the targets are measured by ``benchmarks/bench.py``, which also times
one long text (a milder quadratic term, such as a per-sentence scan over all mentions, shows there
first; see ``docs/performance.md``).
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import qazparse
from qazparse import ParseError, extract, extract_many

FACTOR = 3.0  # time(2n) <= FACTOR * time(n) + SLACK; linear code measures 2.0-2.3
SLACK = 0.003  # seconds: timer noise on tiny inputs
MEASURABLE = 0.004  # below this a ratio says nothing
START = 4_000
RUNAWAY = 0.4  # stop growing n once a single run takes this long


def _repeat(unit: str) -> Callable[[int], str]:
    def make(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    return make


# name -> (builder of an input of n characters, n that the last comparison must reach)
BIG = 100_000  # so the largest run is 200 000 characters: hundreds of thousands of digits etc.
SMALL = 8_000
ADVERSARIAL: dict[str, tuple[Callable[[int], str], int]] = {
    "digits": (_repeat("1"), BIG),
    "digits-and-a-word": (lambda n: "7" * (n - 6) + " мың т", BIG),
    "spaces": (_repeat(" "), BIG),
    "no-break-spaces": (_repeat("\u00a0"), SMALL),
    "dots": (_repeat("."), BIG),
    "commas": (_repeat(","), BIG),
    "hyphens": (_repeat("-"), BIG),
    "dashes": (_repeat("–"), SMALL),
    "percent-signs": (_repeat("%"), SMALL),
    "dollar-signs": (_repeat("$"), SMALL),
    "newlines": (_repeat("\n"), SMALL),
    "1-1-1": (_repeat("1-"), SMALL),
    "1,1,1": (_repeat("1,"), SMALL),
    "1.1.1": (_repeat("1."), SMALL),
    "1 1 1": (_repeat("1 "), SMALL),
    "digit-groups": (_repeat("123 "), SMALL),
    "digit-groups-no-break": (_repeat("123\u00a0"), SMALL),
    "decimal-commas": (_repeat("15,2 "), SMALL),
    "1%-1%": (_repeat("1%-"), SMALL),
    "range-hyphens": (_repeat("10-15 "), SMALL),
    "бір-бір-бір": (_repeat("бір "), SMALL),
    "мың-мың-мың": (_repeat("мың "), SMALL),
    "жүз-мың": (_repeat("жүз мың "), SMALL),
    "миллион-миллиард": (_repeat("миллион миллиард "), SMALL),
    "бес-алты": (_repeat("бес-алты "), SMALL),
    "numerals-no-spaces": (_repeat("бірмыңжүз"), SMALL),
    "digits-and-words-no-spaces": (_repeat("1мың2жыл"), SMALL),
    "a-long-word": (_repeat("а"), SMALL),
    "ordinals": (_repeat("1-інші "), SMALL),
    "years": (_repeat("2025 жылы "), SMALL),
    "dates": (_repeat("21 қазанда "), SMALL),
    "dotted-dates": (_repeat("21.10.2025 "), SMALL),
    "money": (_repeat("$1,5 млрд "), SMALL),
    "percent": (_repeat("15,2 пайызға "), SMALL),
    "qualifiers": (_repeat("астам "), SMALL),
    "bylines": (_repeat("деп хабарлайды BAQ.KZ тілшісі "), SMALL),
    "capitalised-words": (_repeat("Тоқаев Бейжіңде "), SMALL),
    "event-triggers": (_repeat("сапармен келді кездесті "), SMALL),
    "one-sentence-no-stop": (_repeat("Президент жыл ішінде 23 рет сапарға шықты "), SMALL),
    "sentences": (_repeat("Ол келді. "), SMALL),
    "news-sentences": (_repeat("Қасым-Жомарт Тоқаев Бейжіңде Си Цзиньпинмен кездесті. "), SMALL),
    "events-with-mentions": (_repeat("Тоқаев 2025 жылы 23 рет сапарға шықты. "), SMALL),
    "quotes-and-brackets": (_repeat("«(["), SMALL),
    "combining-marks": (_repeat("а\u0301"), SMALL),
}


def _best(call: Callable[[str], Any], text: str, repeats: int = 3) -> float:
    """The least CPU time of a few runs (CPU time: other processes on a shared machine do not count)."""
    best = float("inf")
    spent = 0.0
    for done in range(1, repeats + 1):
        gc.disable()  # a collection of the whole test session's heap is not the parser's cost
        try:
            t0 = time.process_time()
            call(text)
            took = time.process_time() - t0
        finally:
            gc.enable()
        best = min(best, took)
        spent += took
        # Long runs are steady, so two are enough; never one, because the parsers' per-Rules caches
        # make a second run of the same text faster and both sizes must be measured alike.
        if spent > 0.25 and done >= 2:
            break
    return best


def assert_linear(call: Callable[[str], Any], make: Callable[[int], str], minimum: int) -> None:
    """Double n from START up to 2 * minimum; every measurable doubling may cost at most FACTOR times more."""
    call(make(100))  # warm up: compile the patterns
    gc.collect()
    n = START
    t_n = _best(call, make(n))
    compared = []
    while True:
        t_2n = _best(call, make(2 * n))
        if t_n >= MEASURABLE:
            compared.append((n, t_n, t_2n))
            assert t_2n <= FACTOR * t_n + SLACK, (
                f"doubling {n:,} -> {2 * n:,} characters took {t_n:.4f} s -> {t_2n:.4f} s "
                f"({t_2n / t_n:.1f}x): not linear"
            )
        if t_2n > RUNAWAY or 2 * n >= 2 * minimum:
            return
        n, t_n = 2 * n, t_2n


def _extract(text: str) -> None:
    extract(text)


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_extract_is_linear_on_adversarial_input(name: str) -> None:
    make, minimum = ADVERSARIAL[name]
    assert_linear(_extract, make, minimum)


def _strict(parser: Callable[[str], Any]) -> Callable[[str], None]:
    def call(text: str) -> None:
        with contextlib.suppress(ParseError):
            parser(text)

    return call


STRICT_PARSERS = (
    qazparse.parse_number,
    qazparse.parse_ordinal,
    qazparse.parse_date,
    qazparse.parse_money,
    qazparse.parse_distance,
    qazparse.parse_quantity,
    qazparse.parse_byline,
)
STRICT_CASES = [
    pytest.param(parser, name, id=f"{parser.__name__}-{name}")
    for parser in STRICT_PARSERS
    for name in ("1-1-1", "бір-бір-бір")
]


@pytest.mark.parametrize(("parser", "name"), STRICT_CASES)
def test_strict_parser_is_linear_on_adversarial_input(parser: Callable[[str], Any], name: str) -> None:
    make, _ = ADVERSARIAL[name]
    assert_linear(_strict(parser), make, SMALL)


# --- extract_many ------------------------------------------------------------------------------

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _articles() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    # Different lengths, so results finishing out of order would show.
    return [*seeds, "", "бес кітап", seeds[0][:300], *reversed(seeds), "2025 жылы 70 миллиард доллар"] * 2


@pytest.mark.parametrize("chunksize", [1, 3, 8])
def test_extract_many_keeps_input_order_and_equals_extract(chunksize: int) -> None:
    articles = _articles()
    expected = [extract(a) for a in articles]
    got = list(extract_many(iter(articles), workers=2, chunksize=chunksize))
    assert got == expected


def test_extract_many_in_process_equals_extract() -> None:
    articles = _articles()
    assert list(extract_many(articles, workers=1)) == [extract(a) for a in articles]


def test_extract_many_passes_reference_date_and_rules() -> None:
    import datetime as dt

    reference = dt.date(2025, 10, 21)
    rules = qazparse.default_rules()
    articles = ["кеше бес мың теңге", "биыл 2 рет", "былтыр"]
    got = list(extract_many(articles, workers=2, reference_date=reference, rules=rules))
    assert got == [extract(a, reference_date=reference, rules=rules) for a in articles]
    assert all(g.reference_date == reference for g in got)


def test_extract_many_reads_its_input_lazily() -> None:
    """An endless input is fine: only a few chunks are read ahead of what is consumed."""
    import itertools

    read = 0

    def endless() -> Any:
        nonlocal read
        for text in itertools.cycle(["бес кітап", "жиырма мың теңге"]):
            read += 1
            yield text

    results = extract_many(endless(), workers=2, chunksize=4)
    first = list(itertools.islice(results, 10))
    results.close()  # type: ignore[attr-defined]
    assert [len(r.all()) for r in first] == [len(extract(t).all()) for t in ["бес кітап", "жиырма мың теңге"] * 5]
    assert read < 200


def test_extract_many_of_nothing_is_nothing() -> None:
    assert list(extract_many([], workers=2)) == []
