"""Events (being written: see issue 7)."""
from __future__ import annotations

from typing import Any


def events_in(context: Any, mentions: Any) -> list[Any]:
    return []
