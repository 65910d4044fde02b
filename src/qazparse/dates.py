"""Dates (being written: see issue 4)."""
from __future__ import annotations

from typing import Any

from .errors import ParseError
from .values import DateMention


def extract_dates(context: Any) -> list[DateMention]:
    return []


def parse_date(text: str, *, reference: Any = None) -> DateMention:
    raise ParseError(text, 0, "a date")
