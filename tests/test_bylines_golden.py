"""Golden test: the bylines and sources in the five seed articles, with exact spans."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from qazparse import extract

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = tomllib.loads((ROOT / "tests" / "golden" / "bylines_seeds.toml").read_text(encoding="utf-8"))["seed"]
FIELDS = ("outlet", "author", "role", "via", "title")


def test_golden_covers_every_seed() -> None:
    assert sorted(s["file"] for s in GOLDEN) == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", GOLDEN, ids=lambda s: s["file"][:3])
def test_seed_bylines(seed: dict[str, Any]) -> None:
    text = (ROOT / "seeds" / seed["file"]).read_text(encoding="utf-8")
    found = [
        {"start": b.span.start, "end": b.span.end, "text": b.span.text, **{f: getattr(b, f) for f in FIELDS}}
        for b in extract(text).bylines
    ]
    expected = [{**{f: None for f in FIELDS}, **b} for b in seed.get("bylines", [])]
    assert found == expected
    for b in found:
        assert text[b["start"] : b["end"]] == b["text"]


@pytest.mark.parametrize("seed", GOLDEN, ids=lambda s: s["file"][:3])
def test_seed_quote_attribution_is_not_a_byline(seed: dict[str, Any]) -> None:
    text = (ROOT / "seeds" / seed["file"]).read_text(encoding="utf-8")
    bylines = extract(text).bylines
    for phrase in seed["not_bylines"]:
        at = text.index(phrase)
        assert not any(b.span.start < at + len(phrase) and at < b.span.end for b in bylines), phrase
