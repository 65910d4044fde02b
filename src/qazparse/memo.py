"""Bounded caches of answers per word: texts repeat their words, so what a pattern said about
a word is remembered (in a dict kept on the compiled rules, so user rules never see another
``Rules``' answers) and the dict starts over when it is full, keeping memory flat.

>>> cache: dict[str, int] = {}
>>> remember(cache, "мың", 1000, size=2), remember(cache, "жүз", 100, size=2), len(cache)
(1000, 100, 2)
>>> _ = remember(cache, "он", 10, size=2)
>>> cache
{'он': 10}
"""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")

MISSING: Any = object()
"""What ``cache.get(key, MISSING)`` returns for a word not seen yet (None is a valid answer)."""

CACHE_SIZE = 20_000
"""How many answers a cache keeps before it starts over."""


def remember(cache: dict[Any, Any], key: Any, value: T, size: int = CACHE_SIZE) -> T:
    """Keep *value* under *key* in *cache* (emptied first when it holds *size* entries); return it."""
    if len(cache) >= size:
        cache.clear()
    cache[key] = value
    return value
