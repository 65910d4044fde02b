"""Golden test: every date mention in the five seed articles, with its resolved value.

The article's `` date YYYY-MM-DD`` prefix is the reference; ``000`` and ``001`` have none,
so their relative mentions (``Биыл``, ``сенбі``, ``биылғы қыркүйекте``) stay unresolved.
"""

from __future__ import annotations

import datetime as _dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from qazparse import extract

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = tomllib.loads((ROOT / "tests" / "golden" / "dates_seeds.toml").read_text(encoding="utf-8"))["seed"]


def _read(seed: dict[str, Any]) -> str:
    return (ROOT / "seeds" / seed["file"]).read_text(encoding="utf-8")


def test_golden_covers_every_seed() -> None:
    assert sorted(s["file"] for s in GOLDEN) == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", GOLDEN, ids=lambda s: s["file"][:3])
def test_seed_reference(seed: dict[str, Any]) -> None:
    ref = extract(_read(seed)).reference_date
    assert (ref.isoformat() if ref else "") == seed["reference"]


@pytest.mark.parametrize("seed", GOLDEN, ids=lambda s: s["file"][:3])
def test_seed_dates(seed: dict[str, Any]) -> None:
    text = _read(seed)
    found = [
        {
            "start": m.span.start,
            "end": m.span.end,
            "text": m.span.text,
            "grain": m.grain.value,
            "from": m.start.isoformat() if m.start else "",
            "to": m.end.isoformat() if m.end else "",
            "relative": m.relative or "",
        }
        for m in extract(text).dates
    ]
    assert found == seed.get("dates", [])
    for m in found:
        assert text[m["start"] : m["end"]] == m["text"]


@pytest.mark.parametrize("seed", GOLDEN, ids=lambda s: s["file"][:3])
def test_seed_non_dates(seed: dict[str, Any]) -> None:
    text = _read(seed)
    dates = extract(text).dates
    for phrase in seed["not_dates"]:
        at = text.index(phrase)
        assert not any(m.span.start < at + len(phrase) and at < m.span.end for m in dates), phrase


def test_unresolved_without_prefix_resolve_with_a_reference() -> None:
    seed = next(s for s in GOLDEN if s["file"].startswith("001"))
    found = extract(_read(seed), reference_date=_dt.date(2022, 2, 6)).dates
    by_text = {m.span.text: m for m in found}
    assert by_text["биылғы қыркүйекте"].start == _dt.date(2022, 9, 1)
    assert by_text["сенбі"].start == _dt.date(2022, 2, 5)
