"""Schema of ``outlets.toml``: news outlets by id, with the spellings they go by.

``Rules.with_outlet`` adds entries with only ``name`` and ``variants``; ``kind`` and
``site`` are optional facts for users (``agency``, ``newspaper``, ``tv``, ...).
"""

from ..schema import Check, Table

_KINDS = frozenset({"agency", "newspaper", "tv", "radio", "portal", "site", "magazine", "other"})

_VARIANT = Check(str, lambda s: len(s) <= 80 and "\n" not in s, "a variant is one line of at most 80 characters")

SCHEMA = Table(
    {
        "name": _VARIANT,
        "variants": Check([_VARIANT], lambda v: len(v) > 0, "needs at least one variant"),
        "kind?": Check(str, lambda s: s in _KINDS, f"kind must be one of: {', '.join(sorted(_KINDS))}"),
        "site?": Check(str, lambda s: "." in s and " " not in s, "a site is a domain such as inform.kz"),
    }
)
