"""Golden test: every money, distance, percent, mass, duration and count mention in the five seeds."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from qazparse import extract
from qazparse.values import exact

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = tomllib.loads((ROOT / "tests" / "golden" / "quantities_seeds.toml").read_text(encoding="utf-8"))["seed"]


def _seed_text(seed: dict[str, Any]) -> str:
    return (ROOT / "seeds" / seed["file"]).read_text(encoding="utf-8")


def _found(text: str) -> list[dict[str, Any]]:
    ex = extract(text)
    out = []
    for m in sorted([*ex.money, *ex.distances, *ex.quantities], key=lambda m: m.span.start):
        row: dict[str, Any] = {"kind": m.kind, "start": m.span.start, "end": m.span.end, "text": m.span.text}
        if m.kind == "money":
            row |= {"amount": m.amount, "currency": m.currency}
        else:
            row |= {"value": m.value, "unit": m.unit}
            row |= {"meters": m.meters} if m.kind == "distance" else {"dimension": m.dimension}
        row |= {"qualifier": m.qualifier.value, "low": m.low, "high": m.high}
        out.append(row)
    return out


def _expected(seed: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for g in seed.get("mentions", []):
        row = dict(g)
        for key in ("amount", "value", "meters", "low", "high"):
            if key in row:
                row[key] = exact(Decimal(row[key]))
        row.setdefault("qualifier", "exact")
        row.setdefault("low", None)
        row.setdefault("high", None)
        out.append(row)
    return out


def test_golden_covers_every_seed() -> None:
    assert sorted(s["file"] for s in GOLDEN) == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", GOLDEN, ids=lambda s: s["file"][:3])
def test_seed_quantities(seed: dict[str, Any]) -> None:
    text = _seed_text(seed)
    found = _found(text)
    assert found == _expected(seed)
    for row in found:
        assert text[row["start"] : row["end"]] == row["text"]


@pytest.mark.parametrize("seed", GOLDEN, ids=lambda s: s["file"][:3])
def test_seed_non_quantities(seed: dict[str, Any]) -> None:
    text = _seed_text(seed)
    spans = [(r["start"], r["end"]) for r in _found(text)]
    for phrase in seed["not_quantities"]:
        at = text.index(phrase)
        assert not any(s < at + len(phrase) and at < e for s, e in spans), phrase
