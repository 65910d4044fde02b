"""User patterns (being written: see issue 9)."""
from __future__ import annotations

from typing import Any


def extract_patterns(context: Any) -> list[Any]:
    return []
