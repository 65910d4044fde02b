"""Kazakh numerals (being written: see issue 3)."""
from __future__ import annotations

from typing import Any

from .errors import ParseError
from .values import Number, Ordinal


def extract_numerals(context: Any) -> list[Number | Ordinal]:
    return []


def parse_number(text: str) -> Number:
    raise ParseError(text, 0, "a number")


def parse_ordinal(text: str) -> Ordinal:
    raise ParseError(text, 0, "an ordinal")


def number_to_words(n: Any, *, ordinal: bool = False) -> str:
    raise NotImplementedError
